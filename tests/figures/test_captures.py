"""Reading capture histories: every malformed file is refused with its line and reason."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zicht.errors import InvalidInput
from zicht.figures.mse import parse_captures, read_captures


def test_reads_a_table_and_fills_missing_combinations_with_zero(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("A,B,C,count\n1,0,0,12\n0,1,1,3\n1,1,1,1\n")
    table = read_captures(path)
    assert table.lists == ("A", "B", "C")
    assert len(table.counts) == 7
    assert table.observed == 16
    assert table.overlap(1, 2) == 4
    assert table.overlap(0, 1) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty file"),
        ("A,count\n1,3\n", "at least 2 list columns"),
        ("A,B,count\n", "no rows after the header"),
        ("A,B,count\n1,0,3\n0,1\n", "line 3: 2 fields, expected 3"),
        ("A,B,count\n1,0,3\n2,1,4\n", "line 3: column 'A' is '2', not 0 or 1"),
        ("A,B,count\n1,0,3\n0,yes,4\n", "line 3: column 'B' is 'yes', not 0 or 1"),
        ("A,B,count\n1,0,-3\n0,1,4\n", "line 2: count '-3' is negative"),
        ("A,B,count\n1,0,2.5\n0,1,4\n", "line 2: count '2.5' is not a whole number"),
        ("A,B,count\n1,0,3\n0,0,7\n", "line 3: the all-zero combination"),
        ("A,B,count\n1,0,3\n0,1,4\n1,0,5\n", "line 4: combination A=1,B=0 already given on line 2"),
        ("A,A,count\n1,0,3\n", "distinct"),
        ("A,B,count\n1,0,3\n1,1,0\n", "list 'B' has no one on it"),
        ("A,B,count\n1,0,0\n0,1,0\n", "every count is zero"),
    ],
)
def test_malformed_files_are_refused_with_line_and_reason(text: str, expected: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_captures(text, source="c.csv")
    assert expected in error.value.message


def test_strata_are_read_separately_and_duplicates_name_the_stratum() -> None:
    text = "form,A,B,count\nsexual,1,0,5\nsexual,0,1,4\nsexual,1,1,2\nlabour,1,0,3\nlabour,1,1,1\n"
    tables = parse_captures(text, source="c.csv", stratum="form")
    assert set(tables) == {"sexual", "labour"}
    assert tables["labour"].lists == ("A", "B")
    assert tables["labour"].observed == 4
    with pytest.raises(InvalidInput, match="in stratum 'sexual' already given on line 2"):
        parse_captures(text + "sexual,1,0,9\n", source="c.csv", stratum="form")
    with pytest.raises(InvalidInput, match="no stratum column 'age'"):
        parse_captures(text, source="c.csv", stratum="age")


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda t: st.dictionaries(
            st.tuples(*[st.integers(0, 1)] * t).filter(any),
            st.integers(min_value=1, max_value=10_000),
            min_size=1,
        ).map(lambda rows: (t, rows))
    )
)
def test_valid_tables_round_trip(case: tuple[int, dict[tuple[int, ...], int]]) -> None:
    t, rows = case
    names = [f"L{j}" for j in range(t)]
    text = ",".join([*names, "n"]) + "\n"
    text += "".join(",".join(map(str, (*k, v))) + "\n" for k, v in rows.items())
    try:
        table = parse_captures(text, source="c.csv")[""]
    except InvalidInput as error:
        # The only refusal a valid-looking table may get: a list nobody is on.
        assert "has no one on it" in error.message
        return
    assert table.observed == sum(rows.values())
    for pattern, n in zip(table.patterns, table.counts, strict=True):
        assert rows.get(tuple(int(v) for v in pattern), 0) == n


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='01,-.ab \n"', max_size=80))
def test_garbage_is_refused_cleanly(text: str) -> None:
    with contextlib.suppress(InvalidInput):
        parse_captures(text, source="c.csv")
