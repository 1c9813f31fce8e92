"""E-mail addresses, handles and URLs, in plain and spelled-out forms, with spans."""

from __future__ import annotations

import pytest

from zicht.link.identifiers import extract_text, normalise_email, normalise_handle, normalise_url

POSITIVE = [
    ("mail lisa.x@Gmail.com", "email", "lisa.x@gmail.com", "lisa.x@Gmail.com"),
    ("mail lisa.x at gmail dot com!", "email", "lisa.x@gmail.com", "lisa.x at gmail dot com"),
    ("lisa [at] outlook [punt] nl", "email", "lisa@outlook.nl", "lisa [at] outlook [punt] nl"),
    ("anna(at)hotmail(dot)nl", "email", "anna@hotmail.nl", "anna(at)hotmail(dot)nl"),
    ("Telegram: @Lisa_X", "handle", "telegram:lisa_x", "Telegram: @Lisa_X"),
    ("snap: lisa99 xx", "handle", "snapchat:lisa99", "snap: lisa99"),
    ("insta @sweet.anna", "handle", "instagram:sweet.anna", "insta @sweet.anna"),
    ("t.me/lisa_x", "handle", "telegram:lisa_x", "t.me/lisa_x"),
    ("https://t.me/Lisa_X", "handle", "telegram:lisa_x", "https://t.me/Lisa_X"),
    ("volg @sweet_anna", "handle", "@:sweet_anna", "@sweet_anna"),
    ("kijk op www.Sexsite.nl/ads/123.", "url", "sexsite.nl/ads/123", "www.Sexsite.nl/ads/123."),
    ("https://example.com/x/", "url", "example.com/x", "https://example.com/x/"),
]
NEGATIVE = [
    "I am at home tonight. Dot it",
    "stuur een app naar mij",
    "snap je het? ik ben lisa",
    "meet me at the hotel dot",
]


@pytest.mark.parametrize(("text", "kind", "value", "span"), POSITIVE)
def test_contacts_found_with_span(text: str, kind: str, value: str, span: str) -> None:
    found = [x for x in extract_text(text) if x.kind == kind]
    assert [x.value for x in found] == [value]
    assert text[found[0].start : found[0].end].rstrip(".") == span.rstrip(".")


@pytest.mark.parametrize("text", NEGATIVE)
def test_prose_has_no_contacts(text: str) -> None:
    assert [x for x in extract_text(text) if x.kind in ("email", "handle")] == []


def test_field_values_normalise() -> None:
    assert normalise_email("Lisa at GMAIL dot com") == "lisa@gmail.com"
    assert normalise_email("no address") is None
    assert normalise_handle("Telegram: @Lisa_X") == "telegram:lisa_x"
    assert normalise_handle("@lisa") == "@:lisa"
    assert normalise_handle("https://t.me/Lisa") == "telegram:lisa"
    assert normalise_url("HTTP://www.Example.com/a/") == "example.com/a"
