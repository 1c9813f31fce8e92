"""`zicht import registrations`: per-row errors with line numbers, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.registry.conftest import Registry, write_csv
from zicht.cli import main
from zicht.errors import InvalidInput
from zicht.registry.parse import parse_csv
from zicht.store.db import Database
from zicht.store.tables import RegistrationRow

GOOD = "R-1,Anna,van den Berg,2001-02-03,F,NLD,Den Haag,sexual,2025,referral,06-1"


def _count(database: Database) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(RegistrationRow)) or 0


def test_a_good_file_is_imported(
    database: Database, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "r.csv", [GOOD, "R-2,Ion,Popa,,M,ROU,GM0363,labour,2024,counted,"])
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 0
    assert "imported 2 registrations" in capsys.readouterr().out
    with database.session() as s:
        row = s.scalar(select(RegistrationRow).where(RegistrationRow.ref == "R-1"))
        assert row is not None
        assert (row.municipality_code, row.details["municipality"]) == ("GM0518", "'s-Gravenhage")
        assert row.linkage_key and row.blocks and "Anna" not in row.linkage_key


def test_malformed_rows_are_reported_by_line_and_nothing_is_stored(
    database: Database, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        GOOD,
        "R-2,Ion,Popa,1999-13-01,M,ROU,Amsterdam,labour,2024,counted,",
        "R-3,Ion,Popa,,M,ROU,Amsterdm,labour,2024,counted,",
        "R-4,Ion,Popa,,M,ROU,Amsterdam,slavery,2024,counted,",
        "R-1,Ion,Popa,,M,ROU,Amsterdam,labour,2024,counted,",
        "R-6,Ion,Popa,,M,ROU,Amsterdam,labour,2024,maybe,",
        "R-7,Ion,Popa,,M,Romania,Amsterdam,labour,2024,signal,",
        "R-8,,,,M,ROU,Amsterdam,labour,2024,signal,",
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 1
    err = capsys.readouterr().err
    for expected in (
        "line 3: birth_date '1999-13-01' is not YYYY-MM-DD",
        "line 4: unknown municipality 'Amsterdm'; close matches: 'Amsterdam'",
        "line 5: form 'slavery' is not one of sexual, labour, criminal, other",
        "line 6: ref 'R-1' repeats line 2",
        "line 7: unknown consent level 'maybe'",
        "line 8: citizenship 'Romania' is not an ISO 3166 alpha-3 code",
        "line 9: given_name and family_name are both empty",
        "nothing was imported",
    ):
        assert expected in err
    assert _count(database) == 0


def test_refs_the_organisation_already_has_are_refused_clearly(
    database: Database, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_csv(tmp_path / "a.csv", [GOOD])
    assert main(["import", "registrations", str(first), "--as", "clara"]) == 0
    again = write_csv(tmp_path / "b.csv", [GOOD.replace("R-1", "R-9"), GOOD])
    assert main(["import", "registrations", str(again), "--as", "clara"]) == 1
    assert "already registered ref(s) line 3: 'R-1'" in capsys.readouterr().err
    assert _count(database) == 1
    # Another organisation may use the same ref for its own record.
    assert main(["import", "registrations", str(first), "--as", "cor"]) == 0
    assert _count(database) == 2


def test_columns_are_checked_before_rows(
    database: Database, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "r.csv", ["x"], header="ref,given_name,religion")
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 1
    assert "missing column(s) family_name, birth_date" in capsys.readouterr().err
    path = write_csv(
        tmp_path / "r.csv",
        [GOOD + ",x"],
        header="ref,given_name,family_name,birth_date,sex,citizenship,municipality,"
        "form,year,consent,contact,religion",
    )
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 1
    assert "unknown column(s) religion" in capsys.readouterr().err


def test_a_researcher_cannot_register(
    database: Database, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "r.csv", [GOOD])
    assert main(["import", "registrations", str(path), "--as", "rita"]) == 1
    assert "researcher cannot register" in capsys.readouterr().err


def test_optional_htcds_columns_are_kept_as_details() -> None:
    text = (
        "ref,given_name,family_name,birth_date,sex,citizenship,municipality,form,year,"
        "consent,age_group,victim_status,control_methods,sector\n"
        "A,Anna,Bos,,F,NLD,Utrecht,labour,2025,signal,18-24,actual,debt; threats,agriculture\n"
    )
    [item] = parse_csv(text)
    assert item.details == {
        "age_group": "18-24",
        "victim_status": "actual",
        "control_methods": ["debt", "threats"],
        "sector": "agriculture",
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=12), min_size=10, max_size=10))
def test_any_row_parses_or_fails_with_a_line_number(cells: list[str]) -> None:
    header = "ref,given_name,family_name,birth_date,sex,citizenship,municipality,form,year,consent"
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([header.split(","), cells])
    try:
        parse_csv(buffer.getvalue())
    except InvalidInput as exc:
        assert "line 2:" in exc.message or "column" in exc.message
