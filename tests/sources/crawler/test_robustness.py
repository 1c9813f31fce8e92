"""Every robustness case of the mock site: a per-URL error with its reason, the crawl goes on."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.sources.crawler.conftest import World, crawl
from tests.sources.crawler.mockserver import MockServer

from zicht.errors import NotFound
from zicht.sources.crawler import runs
from zicht.store.tables import CrawlErrorRow, CrawlRunRow, DocumentRow

# path -> the reason recorded for it (None: stored despite the trouble, with no error)
EXPECTED = {
    "/bad/huge": "too_large",  # Content-Length above the cap
    "/bad/huge-chunked": "too_large",  # no length given, the cap hit while reading
    "/bad/binary": "binary",
    "/bad/loop-b": "redirect_loop",
    "/bad/500": "http",  # after its retries
    "/bad/slow": "timeout",
    "/bad/truncated": "connection",  # closed mid-body
    "/private/secret": "robots",
    "http://127.0.0.1:9/elsewhere": "scope",
    "/bad/wrong-charset": "charset",  # recovered and stored, with a note
    "/bad/utf8-as-latin1": "charset",
}
STORED = {  # pages that survive their trouble, and a word of their text as proof
    "/bad/broken": "Lieve meid",
    "/bad/wrong-charset": "Café Zoë",
    "/bad/utf8-as-latin1": "Zoë uit Enschede",
    "/bad/no-charset": "Noë uit Delft",
    "/bad/429": "Na het wachten",  # after waiting the Retry-After
    "/bad/503": "Weer open",
}


def test_every_robustness_case_is_an_error_with_a_reason(
    world: World, mock_site: MockServer
) -> None:
    d = world.deployment(mock_site.domain, max_depth=30)
    mock_site.site.reset_log()
    result = crawl(
        d.id,
        "--start",
        mock_site.url + "/bad/",
        "--timeout",
        "1",
        "--max-bytes",
        "100000",
        "--retries",
        "1",
    )
    assert result.returncode == 0, result.stderr
    with world.db.session() as s:
        errors: dict[str, CrawlErrorRow] = {}
        for e in s.scalars(select(CrawlErrorRow)):
            errors.setdefault(e.url.replace(mock_site.url, ""), e)
        texts: dict[str, str] = {}
        for doc in s.scalars(select(DocumentRow)):
            assert doc.external_ref is not None
            texts[doc.external_ref.split(mock_site.url, 1)[1].split("#")[0]] = doc.text or ""
        run = s.scalars(select(CrawlRunRow)).one()
    problems = []
    for path, reason in EXPECTED.items():
        got = errors.get(path)
        if got is None or got.reason != reason:
            problems.append(f"{path}: expected {reason}, got {got and (got.reason, got.message)}")
    for path, words in STORED.items():
        if words not in texts.get(path, ""):
            problems.append(f"{path}: not stored with {words!r} ({texts.get(path)!r:.80})")
    assert not problems, "\n".join(problems)
    assert errors["/bad/500"].http_status == 500 and "after 1 retries" in errors["/bad/500"].message
    # the calendar trap was cut off after a few days, with its reason
    calendar = [p for p in mock_site.site.fetches("/calendar/")]
    assert 3 <= len(calendar) <= 10
    assert any(e.reason == "trap" for p, e in errors.items() if p.startswith("/calendar/"))
    # robots.txt obeyed: the disallowed page was never requested
    assert mock_site.site.fetches("/private/") == []
    # back-off: the 429 was retried after its Retry-After, once
    assert len(mock_site.site.fetches("/bad/429")) == 2
    assert run.status == "finished" and run.counts["errors"] == len(errors)

    # what the deployment page shows: runs with their counts, and their errors by reason
    with world.db.session() as s:
        (listed,) = runs.list_runs(s, world.chain.analyst, d.id)
        assert listed.error_count == len(errors) and listed.counts["pages"] > 0
        reasons = runs.error_reasons(s, world.chain.prosecutor, listed.id)  # the reviewer too
        assert reasons["too_large"] == 2 and reasons["charset"] == 2
        assert {e.url for e in runs.run_errors(s, world.chain.analyst, listed.id)} == {
            e.url for e in errors.values()
        }
    with pytest.raises(NotFound), world.db.session() as s:
        runs.run_errors(s, world.chain.other_police, listed.id)
