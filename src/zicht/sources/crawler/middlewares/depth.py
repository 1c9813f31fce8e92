"""Depth and URL-shape runs, counted per link so the scope middleware can enforce them.

A listing's next page stays on its listing's level (3,000 ads in pages of 20
must not end at depth 10); every other link goes one level deeper. A run of
consecutive links between pages of the same URL shape (a calendar's next day,
and the next, and the next) is counted so an endless link trap is cut off.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.depth import DepthMiddleware

DIGITS = re.compile(r"\d+")


def shape(url: str) -> str:
    """The URL with every number replaced: /calendar/2026-11-24 -> /calendar/0-0-0."""
    parts = urlsplit(url)
    return DIGITS.sub("0", f"{parts.netloc}{parts.path}?{parts.query}")


class LevelMiddleware(DepthMiddleware):
    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if response is None:
            return request
        pagination = bool(request.meta.get("zicht_pagination"))
        level = int(response.meta.get("depth", 0))
        request.meta["depth"] = level if pagination else level + 1
        self.stats.max_value("request_depth_max", request.meta["depth"])
        same = shape(request.url) == shape(response.url)
        previous = int(response.meta.get("zicht_shape_run", 0))
        request.meta["zicht_shape_run"] = previous + 1 if same and not pagination else 0
        return request
