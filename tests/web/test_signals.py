"""The signal queue pages: the queue, a document with its evidence, confirm/reject, feedback.

Both engines; the mutations are imported and detected for real, through the same
services the `zicht import mutations` command uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests import factories
from tests.web.conftest import log_in
from zicht.detect import Detector
from zicht.detect.signals import detect_documents
from zicht.sources import mutations
from zicht.store.db import Database
from zicht.store.tables import AuditRow, DocumentRow, FeedbackMessageRow, SignalLabelRow

CSV = (
    "id,author,offence,text\n"
    'M-1,agent.jansen,winkeldiefstal,"Hij moest stelen in opdracht van een oudere man."\n'
    'M-2,agent.bakker,mishandeling,"<script>alert(1)</script> Haar paspoort is afgepakt."\n'
    "M-3,agent.bakker,verkeer,Fietser zonder licht.\n"
)


@pytest.fixture
def queue(database: Database, people: factories.Chain, tmp_path: Path) -> dict[str, int]:
    """Three mutations of Politie Amsterdam (two with signals); its officer agent.jansen."""
    source = tmp_path / "m.csv"
    source.write_text(CSV, "utf-8")
    with database.session() as s:
        factories.user(s, "agent.jansen", "Politie Amsterdam", "police", "analyst")
        ids = mutations.import_rows(s, people.analyst, mutations.read_file(source))
        detect_documents(s, people.analyst, ids, Detector())
    return dict(zip(("M-1", "M-2", "M-3"), ids, strict=True))


def audit_actions(database: Database, actor: str) -> list[tuple[str, str | None]]:
    with database.session() as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.actor == actor).order_by(AuditRow.seq))
        return [(row.action, row.record_id) for row in rows]


def test_the_queue_lists_new_signals_of_the_own_organisation(
    client: TestClient, queue: dict[str, int]
) -> None:
    log_in(client, "bert")
    page = client.get("/signals", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert 'href="/signals"' in page.text and 'href="/feedback"' in page.text  # nav
    linked = [int(i) for i in re.findall(r'href="/signals/(\d+)"', page.text)]
    assert sorted(linked) == sorted([queue["M-1"], queue["M-2"]])  # M-3 has no signal
    assert "criminal exploitation" in page.text
    dutch = client.get("/signals", headers={"accept-language": "nl"})
    assert "Signalenwachtrij" in dutch.text and "criminele uitbuiting" in dutch.text


def test_the_document_shows_escaped_text_with_the_evidence_marked_and_the_read_is_audited(
    client: TestClient, queue: dict[str, int], database: Database
) -> None:
    log_in(client, "bert")
    page = client.get(f"/signals/{queue['M-2']}", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    marked = re.findall(
        r'<mark class="evidence"[^>]*data-indicator="(\w+)">([^<]*)</mark>', page.text
    )
    assert ("RETAINED_ID_DOCUMENTS", "paspoort is afgepakt") in marked
    assert ("read", str(queue["M-2"])) in audit_actions(database, "bert")


def test_another_organisation_gets_404_and_the_refusal_is_audited(
    make_client: Callable[[], TestClient], queue: dict[str, int], database: Database
) -> None:
    other = make_client()
    token = log_in(other, "olga")
    assert other.get("/signals").status_code == 200
    assert f"/signals/{queue['M-1']}" not in other.get("/signals?status=all").text
    assert other.get(f"/signals/{queue['M-1']}").status_code == 404
    posted = other.post(
        f"/signals/{queue['M-1']}/label",
        data={"verdict": "confirm", "reason": "x", "csrf_token": token},
    )
    assert posted.status_code == 404
    denied = [a for a in audit_actions(database, "olga") if a[0] == "access.denied"]
    assert denied == [("access.denied", str(queue["M-1"]))] * 2
    with database.session() as s:
        assert s.scalars(select(SignalLabelRow)).all() == []


def test_roles_outside_the_queue_are_refused(client: TestClient, queue: dict[str, int]) -> None:
    log_in(client, "cor")
    assert client.get("/signals").status_code == 403
    assert 'href="/signals"' not in client.get("/").text


def test_confirm_stores_a_label_and_the_author_reads_the_feedback(
    make_client: Callable[[], TestClient], queue: dict[str, int], database: Database
) -> None:
    analyst = make_client()
    token = log_in(analyst, "bert")
    without_csrf = analyst.post(
        f"/signals/{queue['M-1']}/label", data={"verdict": "confirm", "reason": "klopt"}
    )
    assert without_csrf.status_code == 403
    done = analyst.post(
        f"/signals/{queue['M-1']}/label",
        data={
            "verdict": "confirm",
            "reason": "past bij lopend onderzoek",
            "form": "criminal",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/signals"
    new = analyst.get("/signals").text
    assert f'href="/signals/{queue["M-1"]}"' not in new
    assert f'href="/signals/{queue["M-1"]}"' in analyst.get("/signals?status=confirmed").text
    with database.session() as s:
        (stored,) = s.scalars(select(SignalLabelRow)).all()
        assert (stored.label, stored.form, stored.labelled_by) == (1, "criminal", "bert")
        (message,) = s.scalars(select(FeedbackMessageRow)).all()
        assert (message.to_author, message.verdict, message.read_at) == (
            "agent.jansen",
            "confirmed",
            None,
        )
        doc = s.get(DocumentRow, queue["M-1"])
        assert doc is not None and "labels" not in doc.fields and "feedback" not in doc.fields

    author = make_client()
    log_in(author, "agent.jansen")
    page = author.get("/feedback", headers={"accept-language": "en"})
    assert page.status_code == 200
    mine = page.text.split('id="feedback-mine"')[1].split("</ul>")[0]
    assert "M-1" in mine and "past bij lopend onderzoek" in mine and "FORCED_THEFT" in mine
    with database.session() as s:
        assert s.scalars(select(FeedbackMessageRow.read_at)).one() is not None
    colleague = analyst.get("/feedback", headers={"accept-language": "en"}).text
    assert "No feedback addressed to you." in colleague and "to agent.jansen" in colleague


def test_reject_without_a_reason_stores_nothing_and_says_why(
    client: TestClient, queue: dict[str, int], database: Database
) -> None:
    token = log_in(client, "ana")
    page = client.post(
        f"/signals/{queue['M-2']}/label",
        data={"verdict": "reject", "reason": "  ", "csrf_token": token},
        headers={"accept-language": "en"},
    )
    assert page.status_code == 400
    assert "a reason is required" in page.text
    with database.session() as s:
        assert s.scalars(select(SignalLabelRow)).all() == []
        assert s.scalars(select(FeedbackMessageRow)).all() == []
    done = client.post(
        f"/signals/{queue['M-2']}/label",
        data={"verdict": "reject", "reason": "geen aanwijzingen", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert f'href="/signals/{queue["M-2"]}"' in client.get("/signals?status=rejected").text


def test_the_owner_sends_the_signal_to_the_avim_team_which_then_sees_it(
    make_client: Callable[[], TestClient], queue: dict[str, int], database: Database
) -> None:
    from zicht.accounts.service import get_user
    from zicht.route.units import declare_unit
    from zicht.store.tables import ReferralRow

    with database.session() as s:
        declare_unit(s, get_user(s, "adm"), "Politie Rotterdam", "RE07")
    sender = make_client()
    token = log_in(sender, "ana")
    page = sender.get(f"/signals/{queue['M-1']}", headers={"accept-language": "en"}).text
    assert "Send to the AVIM team" in page
    wrong = sender.post(
        f"/signals/{queue['M-1']}/send",
        data={"municipality": "Schiedm", "csrf_token": token},
        headers={"accept-language": "en"},
    )
    assert wrong.status_code == 400 and "close matches: &#39;Schiedam&#39;" in wrong.text
    with database.session() as s:
        assert s.scalars(select(ReferralRow)).all() == []
    done = sender.post(
        f"/signals/{queue['M-1']}/send",
        data={"municipality": "Schiedam", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    after = sender.get(f"/signals/{queue['M-1']}", headers={"accept-language": "en"}).text
    assert "Sent to Politie Rotterdam: sent" in after

    team = make_client()
    log_in(team, "olga")
    listed = [int(i) for i in re.findall(r'href="/signals/(\d+)"', team.get("/signals").text)]
    assert listed == [queue["M-1"]]
    routed = team.get(f"/signals/{queue['M-1']}", headers={"accept-language": "en"}).text
    assert "Send to the AVIM team" not in routed  # only the owner sends on
    assert team.get(f"/signals/{queue['M-2']}").status_code == 404
