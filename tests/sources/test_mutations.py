"""Importing police mutations: every row checked, all or nothing, duplicates refused, audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests import factories

from zicht.accounts.service import get_user
from zicht.cli import main
from zicht.errors import InvalidInput
from zicht.sources import mutations
from zicht.store.db import Database
from zicht.store.tables import AuditRow, DocumentRow, SignalRow

GOOD_CSV = (
    "id,date,offence,author,unit,municipality,text\n"
    "M-1,2026-11-01,winkeldiefstal,agent.jansen,Amsterdam,Amsterdam,"
    '"Verdachte moest stelen in opdracht van een oudere man, aan wie hij een drugsschuld heeft."\n'
    "M-2,2026-11-02,verkeer,agent.bakker,Amsterdam,Amstelveen,Fietser zonder licht aangehouden.\n"
)


def _counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(DocumentRow)) or 0,
            s.scalar(select(func.count()).select_from(SignalRow)) or 0,
        )


@pytest.fixture
def police(database: Database) -> Database:
    with database.session() as s:
        factories.chain(s)
    return database


def test_import_csv_stores_documents_and_signals(
    police: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "mutations.csv"
    source.write_text(GOOD_CSV, "utf-8")
    assert main(["import", "mutations", str(source), "--as", "ana"]) == 0
    assert "2 mutations imported; 1 with signals" in capsys.readouterr().out
    with police.session() as s:
        doc = s.scalar(select(DocumentRow).where(DocumentRow.external_ref == "M-1"))
        assert doc is not None and doc.kind == "mutation"
        assert doc.fields["offence"] == "winkeldiefstal" and doc.fields["author"] == "agent.jansen"
        assert doc.fields["municipality"] == "Amsterdam" and doc.fields["date"] == "2026-11-01"
        assert 364 <= (doc.retain_until - doc.fetched_at).days <= 365
        signals = s.scalars(select(SignalRow).where(SignalRow.document_id == doc.id)).all()
        assert {x.indicator_id for x in signals} == {
            "FORCED_THEFT",
            "OFFENCE_ON_INSTRUCTION",
            "STREET_DEBT",
        }
        assert doc.text is not None
        for signal in signals:
            for span in signal.evidence:
                assert doc.text[span["start"] : span["end"]] == span["text"]
        actions = [row.action for row in s.scalars(select(AuditRow).order_by(AuditRow.seq))]
        assert "mutations.import" in actions and "signals.detect" in actions


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        (GOOD_CSV + "M-3,not-a-date,x,y,z,w,tekst\n", ".csv", "mutations.csv line 4: date:"),
        (GOOD_CSV + "M-4,,x,y,z,w,\n", ".csv", "mutations.csv line 4: text:"),
        (GOOD_CSV + "M-1,,x,y,z,w,again\n", ".csv", "line 4: mutation id 'M-1' repeats line 2"),
        (GOOD_CSV + "M-5,,x,y,z,w,tekst,extra\n", ".csv", "line 4: more cells than the header"),
        ("nr,tekst\n1,x\n", ".csv", "line 1: the header needs at least 'id' and 'text'"),
        ('{"id": "J-1", "text": "ok"}\n{"id": "J-2"\n', ".jsonl", "line 2: not valid JSON"),
        ('{"id": "J-1", "text": "ok"}\n\n{"id": "J-3", "text": "x", "ssn": "1"}\n', ".jsonl",
         "mutations.jsonl line 3: ssn: Extra inputs are not permitted"),
        ("id,text\n", ".csv", "no mutations"),
        ("{}", ".txt", "expected a .csv or .jsonl file"),
    ],
)  # fmt: skip
def test_a_bad_row_imports_nothing_and_names_its_line(
    police: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    suffix: str,
    message: str,
) -> None:
    source = tmp_path / f"mutations{suffix}"
    source.write_text(content, "utf-8")
    assert main(["import", "mutations", str(source), "--as", "ana"]) == 1
    assert message in capsys.readouterr().err
    assert _counts(police) == (0, 0)


def test_duplicates_of_earlier_imports_are_refused_whole(
    police: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "M-9", "text": "Hij werd bedreigd."}) + "\n", "utf-8")
    assert main(["import", "mutations", str(first), "--as", "ana", "--no-detect"]) == 0
    second = tmp_path / "second.jsonl"
    rows = [{"id": "M-10", "text": "Nieuw."}, {"id": "M-9", "text": "Opnieuw."}]
    second.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    capsys.readouterr()
    assert main(["import", "mutations", str(second), "--as", "ana"]) == 1
    assert "line 2: mutation 'M-9' was imported before; nothing imported" in capsys.readouterr().err
    assert _counts(police) == (1, 0)


def test_only_police_import_mutations(
    police: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "m.csv"
    source.write_text(GOOD_CSV, "utf-8")
    assert main(["import", "mutations", str(source), "--as", "cor"]) == 1
    assert "only police import mutations" in capsys.readouterr().err
    assert _counts(police) == (0, 0)


def test_retention_may_be_shortened_never_lengthened(police: Database, tmp_path: Path) -> None:
    rows = mutations.read_file(_write(tmp_path, GOOD_CSV))
    with pytest.raises(InvalidInput, match=r"must be 1\.\.365"), police.session() as s:
        mutations.import_rows(s, get_user(s, "ana"), rows, retention_days=400)
    with police.session() as s:
        ids = mutations.import_rows(s, get_user(s, "ana"), rows, retention_days=30)
        doc = s.get(DocumentRow, ids[0])
        assert doc is not None and (doc.retain_until - doc.fetched_at).days == 30


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "m.csv"
    path.write_text(content, "utf-8")
    return path
