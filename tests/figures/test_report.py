"""`zicht report YEAR`: a self-contained HTML report (and PDF) with the query behind each table."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM
from tests.figures.world import World
from zicht.cli import main
from zicht.errors import ConfigurationError, InvalidInput
from zicht.figures import report
from zicht.figures.annual import annual_figures
from zicht.figures.cases import read_cases
from zicht.store.db import Database

SPECS = re.compile(r'<script type="application/json" id="figure-specs">(.*?)</script>', re.S)


def test_the_report_is_one_file_with_tables_charts_and_their_queries(
    database: Database, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "2025", "-o", str(out), "--lang", "en", "--as", "rita"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == [str(out)]
    html = out.read_text(encoding="utf-8")
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)
    assert "<script" in html and not re.search(r"<(script|img|link)[^>]+(src|href)=", markup)
    specs = json.loads(SPECS.search(html).group(1))  # type: ignore[union-attr]
    assert set(specs) == {"series", "dark", "forecast", "throughput"}
    for key in ("form", "age", "gender", "nationality", "region", "organisation", "overlap"):
        assert f'data-table="{key}"' in html
    sources = html[html.index('id="sources"') :]
    assert sources.count("CREATE OR REPLACE TEMP TABLE person_years") == 8
    assert "zicht.figures.mse.estimate" in sources and "SurvfuncRight" not in html
    assert "Human trafficking in figures, 2025" in html
    assert "&lt;10" in markup and ">5</td>" not in markup  # five persons: even the total hides


def test_the_report_draws_its_charts_offline(
    database: Database, world: World, tmp_path: Path, browser: Any
) -> None:
    with database.session() as s:
        figures = annual_figures(s, 2025, actor="adm", entered=(9, 124), target=190)
    page_file = tmp_path / "report.html"
    page_file.write_text(report.render_report(figures, lang="nl"), encoding="utf-8")
    context = browser.new_context()
    asked: list[str] = []
    context.on("request", lambda r: asked.append(r.url))
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_selector('[data-chart="throughput"][data-rendered]', timeout=20_000)
    drawn = page.eval_on_selector_all("[data-chart]", "els => els.map(e => e.dataset.rendered)")
    context.close()
    assert drawn == ["true"] * 4
    assert asked == [page_file.as_uri()]


def test_a_pdf_is_printed_by_chromium(
    database: Database, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    out = tmp_path / "report.pdf"
    assert main(["report", "2025", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(report, "CHROMIUM", tmp_path / "no-chromium-here")
    with pytest.raises(ConfigurationError, match="no Chromium at"):
        report.write_pdf("<p>x</p>", tmp_path / "other.pdf")


def test_report_options_are_checked(
    database: Database, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "2025"]) == 1
    assert "-o report.html" in capsys.readouterr().err
    assert main(["report", "2025", "-o", str(tmp_path / "r.txt")]) == 1
    assert "ending in .html or .pdf" in capsys.readouterr().err
    assert main(["report", "2025", "-o", str(tmp_path / "r.html"), "--count", "3"]) == 1
    assert "together" in capsys.readouterr().err
    assert main(["report", "2025", "-o", str(tmp_path / "r.html"), "--threshold", "2"]) == 1
    assert not (tmp_path / "r.html").exists()


def test_cases_from_the_prosecution_join_the_throughput_times(
    database: Database, world: World, tmp_path: Path
) -> None:
    rows = ["case_id,signal,report,decision,judgment"]
    rows += [f"z{i},2024-01-{i + 1:02d},2024-02-01,2024-06-01," for i in range(11)]
    rows += [f"d{i},2024-01-{i + 1:02d},2024-03-01,2024-05-01,2024-11-01" for i in range(13)]
    path = tmp_path / "cases.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with database.session() as s:
        figures = annual_figures(
            s, 2025, actor="adm", as_of=date(2025, 1, 1), extra_cases=read_cases(path)
        )
    spans = {(r["from"], r["to"], r["year"]): r for r in figures.throughput}
    decided = spans["decision", "judgment", 2024]
    assert (decided["cases"], decided["finished"], decided["open"]) == (24, 13, 11)
    # 11 of 24 are still waiting on 2025-01-01, 214 days after their decision; 13 were judged
    # after 184 days. Kaplan-Meier: more than half judged at 184 days, the median; the 75th
    # percentile is not reached (dropping the open cases would have claimed 184 days for it).
    assert decided["days"]["p50"] == 184
    assert decided["days"]["p75"] is None  # not reached while half are still open


def test_a_bad_cases_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,signal,report\nA,2024-01-01,2024-13-01\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"line 2: report '2024-13-01' is not a date"):
        read_cases(path)
    path.write_text("case_id,signal,verdict\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="unknown: verdict"):
        read_cases(path)
