"""The signal queue's services: list per organisation, confirm or reject, feedback to the author."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests import factories
from zicht.accounts.service import get_user
from zicht.detect import Detector
from zicht.detect.feedback import feedback_for
from zicht.detect.highlight import highlight
from zicht.detect.review import label, labelled_examples
from zicht.detect.signals import detect_documents, list_signals
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound
from zicht.sources import mutations
from zicht.store.db import Database
from zicht.store.tables import AuditRow

CSV = (
    "id,author,offence,text\n"
    'M-1,agent.jansen,winkeldiefstal,"Hij moest stelen in opdracht van een oudere man."\n'
    'M-2,agent.bakker,mishandeling,"Zij werd geslagen en haar paspoort is afgepakt."\n'
    "M-3,agent.bakker,verkeer,Fietser zonder licht.\n"
)


@pytest.fixture
def queue(database: Database, tmp_path: Path) -> list[int]:
    source = tmp_path / "m.csv"
    source.write_text(CSV, "utf-8")
    with database.session() as s:
        chain = factories.chain(s)
        ids = mutations.import_rows(s, chain.analyst, mutations.read_file(source))
        detect_documents(s, chain.analyst, ids, Detector())
    return ids


def test_the_queue_shows_own_documents_with_signals_best_first(
    database: Database, queue: list[int]
) -> None:
    with database.session() as s:
        items = list_signals(s, get_user(s, "bert"))
        assert [i.document_id for i in items] == sorted(queue[:2], key=lambda d: -next(
            x.score for x in items if x.document_id == d))  # fmt: skip
        assert {i.status for i in items} == {"new"}
        criminal = next(i for i in items if i.external_ref == "M-1")
        assert criminal.form == "criminal"
        assert {s["indicator"] for s in criminal.signals} == {
            "FORCED_THEFT",
            "OFFENCE_ON_INSTRUCTION",
        }
        assert list_signals(s, get_user(s, "olga")) == []  # another police unit sees nothing


def test_confirm_stores_a_label_and_feeds_back_to_the_author(
    database: Database, queue: list[int]
) -> None:
    with database.session() as s:
        reason = "past bij lopend onderzoek"
        feedback = label(s, get_user(s, "bert"), queue[0], confirm=True, reason=reason,
                         form="criminal")  # fmt: skip
        assert feedback is not None
        assert feedback.to_author == "agent.jansen" and feedback.verdict == "confirmed"
        assert "M-1" in feedback.body and "FORCED_THEFT" in feedback.body
    with database.session() as s:
        inbox = feedback_for(s, get_user(s, "ana"))
        assert [m.body for m in inbox] == [feedback.body]
        assert {i.document_id for i in list_signals(s, get_user(s, "ana"))} == {queue[1]}
        assert [i.status for i in list_signals(s, get_user(s, "ana"), status="confirmed")] == [
            "confirmed"
        ]
        examples = labelled_examples(s)
        assert [(e.label, e.form) for e in examples] == [(1, "criminal")]
        actions = {row.action for row in s.scalars(select(AuditRow))}
        assert {"signal.confirm", "signal.feedback", "signals.list"} <= actions


def test_reject_needs_a_reason_and_is_a_negative_label(
    database: Database, queue: list[int]
) -> None:
    with database.session() as s, pytest.raises(InvalidInput, match="reason is required"):
        label(s, get_user(s, "ana"), queue[1], confirm=False, reason=" ")
    with database.session() as s:
        feedback = label(s, get_user(s, "ana"), queue[1], confirm=False, reason="geen aanwijzingen")
        assert feedback is not None and feedback.verdict == "rejected"
        assert feedback.to_author == "agent.bakker"
        assert [(e.label, e.id) for e in labelled_examples(s)] == [(0, str(queue[1]))]


def test_other_organisations_and_roles_may_not_label(database: Database, queue: list[int]) -> None:
    with database.session() as s, pytest.raises(NotFound):
        label(s, get_user(s, "olga"), queue[0], confirm=True, reason="x")
    with database.session() as s, pytest.raises(Forbidden):
        label(s, get_user(s, "cor"), queue[0], confirm=True, reason="x")
    with database.session() as s:  # the refused read is audited even though it failed
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "access.denied")).all()
        assert [row.actor for row in denied] == ["olga"]


def test_highlight_cuts_the_text_at_the_evidence() -> None:
    text = "Zij werd geslagen en haar paspoort is afgepakt."
    evidence = [
        {"start": 9, "end": 17, "indicator": "PHYSICAL_VIOLENCE"},
        {"start": 26, "end": 46, "indicator": "RETAINED_ID_DOCUMENTS"},
    ]
    segments = highlight(text, evidence)
    assert "".join(part for part, _ in segments) == text
    assert [(p, i) for p, i in segments if i] == [
        ("geslagen", "PHYSICAL_VIOLENCE"),
        ("paspoort is afgepakt", "RETAINED_ID_DOCUMENTS"),
    ]


def test_labels_live_in_their_tables_and_feed_retraining(
    database: Database, queue: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from tests.detect.corpus import training_examples
    from tests.detect.test_cli import gold
    from zicht.cli import main
    from zicht.store.tables import DocumentRow, FeedbackMessageRow, SignalLabelRow

    with database.session() as s:
        label(s, get_user(s, "ana"), queue[0], confirm=True, reason="klopt", form="criminal")
        label(s, get_user(s, "ana"), queue[1], confirm=False, reason="huiselijk geweld")
    with database.session() as s:
        assert [r.label for r in s.scalars(select(SignalLabelRow).order_by(SignalLabelRow.id))] == [
            1,
            0,
        ]
        assert len(s.scalars(select(FeedbackMessageRow)).all()) == 2
        assert all("labels" not in d.fields for d in s.scalars(select(DocumentRow)))
        # Another organisation's analyst trains on none of them.
        assert labelled_examples(s, get_user(s, "olga")) == []
    source = gold(tmp_path / "gold.jsonl", training_examples())
    model = tmp_path / "model"
    args = ["detect-train", str(source), "-o", str(model), "--no-ngrams", "--labels-as", "bert"]
    assert main(args) == 0
    assert "2 documents labelled in the signal queue added" in capsys.readouterr().out
    card = json.loads((model / "card.json").read_text("utf-8"))
    assert card["training_data"]["documents"] == len(training_examples()) + 2
    with database.session() as s:
        reads = s.scalars(select(AuditRow).where(AuditRow.action == "signals.labels.read")).all()
        assert [(r.actor, r.detail["documents"]) for r in reads] == [
            ("olga", []),
            ("bert", sorted(queue[:2])),
        ]


def test_a_receiving_organisation_works_the_routed_signal_and_feedback_goes_to_the_owner(
    database: Database, queue: list[int]
) -> None:
    from zicht.route.signals import send_signal, sent_to
    from zicht.route.units import declare_unit
    from zicht.store.tables import FeedbackMessageRow, ReferralRow

    with database.session() as s:
        declare_unit(s, get_user(s, "adm"), "Politie Rotterdam", "RE07")
        with pytest.raises(InvalidInput, match="names no municipality"):
            send_signal(s, get_user(s, "ana"), queue[0])
        with pytest.raises(InvalidInput, match="close matches: 'Schiedam'"):
            send_signal(s, get_user(s, "ana"), queue[0], municipality="Schiedm")
        with pytest.raises(NotFound):  # another organisation's document
            send_signal(s, get_user(s, "olga"), queue[0], municipality="Schiedam")
        with pytest.raises(InvalidInput, match=r"no organisation is declared .* RE06"):
            send_signal(s, get_user(s, "ana"), queue[0], municipality="Den Haag")
        with pytest.raises(InvalidInput, match="no signals"):
            send_signal(s, get_user(s, "ana"), queue[2], municipality="Schiedam")
        sent = send_signal(s, get_user(s, "ana"), queue[0], municipality="Schiedam")
        assert sent.to_org_id == get_user(s, "olga").org_id
        assert sent_to(s, queue[0]) == [("Politie Rotterdam", "sent")]
    with database.session() as s, pytest.raises(Conflict, match="already sent"):
        send_signal(s, get_user(s, "ana"), queue[0], municipality="Rotterdam")
    with database.session() as s:
        olga = get_user(s, "olga")
        assert [i.document_id for i in list_signals(s, olga)] == [queue[0]]
        feedback = label(s, olga, queue[0], confirm=True, reason="bekend bij ons", form="criminal")
        assert feedback is not None and feedback.to_author == "agent.jansen"
    with database.session() as s:
        (message,) = s.scalars(select(FeedbackMessageRow)).all()
        assert (message.from_org_id, message.to_org_id) == (
            get_user(s, "olga").org_id,
            get_user(s, "ana").org_id,
        )
        s.execute(update(ReferralRow).values(status="declined"))
    with database.session() as s:
        assert list_signals(s, get_user(s, "olga"), status=None) == []
        with pytest.raises(NotFound):
            label(s, get_user(s, "olga"), queue[0], confirm=False, reason="x")
