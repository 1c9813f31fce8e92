"""Profile selectors give what parsel's `getall()` gives, without parsel's wrappers."""

from __future__ import annotations

import pytest
from parsel import Selector

from zicht.sources.crawler.profiles import select

PAGE = """<html><head><title>Rode Lantaarn Advertenties</title></head><body>
<article class="ad"><h1 class="ad-title">Anna <b>nieuw</b></h1>
<div class="ad-text"><p>Bel 06-12345678</p><p>of mail</p></div>
<img class="ad-image" src="/img/1.jpg"><img class="ad-image" src="/img/2.jpg"></article>
<footer class="site-footer"><span class="site-contact">020-1234567</span></footer>
</body></html>"""

SELECTORS = [
    "h1.ad-title::text",
    "div.ad-text ::text",
    "img.ad-image::attr(src)",
    "h1.ad-title",  # elements come back as HTML
    "span.nothing::text",
    "//title[contains(., 'Rode Lantaarn Advertenties')]",
    "//footer//text() | //header//text()",
    "(count(//img))",
    "(boolean(//article))",
    "(string(//h1))",
    "//p[re:test(., '\\d{2}-\\d+')]/text()",
]


@pytest.mark.parametrize("selector", SELECTORS)
def test_select_is_parsel_getall(selector: str) -> None:
    page = Selector(text=PAGE)
    found = page.xpath(selector) if selector.startswith(("/", "(")) else page.css(selector)
    expected = [str(v) for v in found.getall()]
    assert select(page, selector) == expected
