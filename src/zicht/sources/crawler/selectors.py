"""Profile selectors evaluated straight on lxml: parsel's results, without parsel's wrappers.

An ad page is read with a dozen selectors, and parsel wraps every text node
they yield in a `Selector` before `getall()` turns it back into a string: on
the crawl that was most of the extraction's time. Here each selector is
compiled once (CSS through parsel's own translator, the namespaces parsel
passes) and evaluated on the node, and the results are turned into strings as
`Selector.get()` does, so the values are the same.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from parsel import Selector
from parsel.csstranslator import css2xpath

XPATH_START = ("/", "(", "./")
# parsel compiles queries that use these namespaces afresh on every call (see
# parsel.selector._get_xpath_evaluator); such a query goes through parsel here too.
_EXSLT = frozenset(
    f"http://exslt.org/{name}" for name in ("dates-and-times", "math", "sets", "strings")
)


def is_xpath(selector: str) -> bool:
    return selector.startswith(XPATH_START)


@lru_cache(maxsize=512)
def compiled(selector: str) -> etree.XPath | None:
    """The selector as a compiled XPath, or None when parsel must evaluate it."""
    query = selector if is_xpath(selector) else css2xpath(selector)
    namespaces = {
        prefix: uri
        for prefix, uri in Selector._default_namespaces.items()
        if uri not in _EXSLT or f"{prefix}:" in query
    }
    if _EXSLT.intersection(namespaces.values()):
        return None
    try:
        return etree.XPath(query, namespaces=namespaces, smart_strings=False)
    except etree.XPathError as exc:
        raise ValueError(f"XPath error: {exc} in {query}") from None


def nodes(node: Any, selector: str) -> list[Any]:
    """What the selector yields on an lxml node: elements, strings, numbers or booleans."""
    if not hasattr(node, "xpath"):  # a string a selector yielded: nothing below it, as in parsel
        return []
    xpath = compiled(selector)
    if xpath is None:
        sel = Selector(root=node)
        found = sel.xpath(selector) if is_xpath(selector) else sel.css(selector)
        return [s.root for s in found]
    result = xpath(node)
    return result if isinstance(result, list) else [result]


def strings(node: Any, selector: str) -> list[str]:
    """The selector's results as `Selector.getall()` gives them."""
    return [_string(x) for x in nodes(node, selector)]


def _string(value: Any) -> str:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, etree._Element):
        return etree.tostring(value, method="html", encoding="unicode", with_tail=False)
    if value is True:
        return "1"
    if value is False:
        return "0"
    return str(value)
