"""Reading cases' stage dates: whatever is written in the format reads back the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given
from hypothesis import strategies as st

from zicht.figures.cases import read_cases
from zicht.figures.throughput import STAGES

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
case = st.dictionaries(st.sampled_from(STAGES), dates)
ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@given(st.dictionaries(ids, case, min_size=1, max_size=20))
def test_cases_read_back_as_written(cases: dict[str, dict[str, date]]) -> None:
    lines = ["case_id," + ",".join(STAGES)]
    for case_id, stages in cases.items():
        cells = [stages[s].isoformat() if s in stages else "" for s in STAGES]
        lines.append(",".join([case_id, *cells]))
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        read = read_cases(path)
    assert {c.case_id.removeprefix("cases.csv:"): dict(c.dates) for c in read} == cases
