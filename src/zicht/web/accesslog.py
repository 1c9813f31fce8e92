"""Logs that never hold a visitor's IP address (the help chat must not be traceable).

Uvicorn writes the client address as the first argument of its access lines
(`'%s - "%s %s HTTP/%s" %d'`) and of its WebSocket lines on `uvicorn.error`. The
filter below drops that argument before any handler formats the record, and
drops the query string too, which may carry what someone typed.
"""

from __future__ import annotations

import logging
from typing import Any

CLIENT_PREFIX = "%s - "

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_client_address": {"()": "zicht.web.accesslog.DropClientAddress"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO", "filters": ["no_client_address"]},
        "uvicorn.access": {
            "handlers": ["stderr"],
            "level": "INFO",
            "propagate": False,
            "filters": ["no_client_address"],
        },
    },
}


class DropClientAddress(logging.Filter):
    """Rewrite uvicorn's `<client> - "..."` records to `"..."`, path without query."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if (
            isinstance(record.msg, str)
            and record.msg.startswith(CLIENT_PREFIX)
            and isinstance(args, tuple)
            and args
        ):
            record.msg = record.msg[len(CLIENT_PREFIX) :]
            rest = list(args[1:])
            # Access lines: (method, path?query, http version, status).
            if record.name == "uvicorn.access" and len(rest) == 4 and isinstance(rest[1], str):
                rest[1] = rest[1].split("?", 1)[0]
            record.args = tuple(rest)
        return True
