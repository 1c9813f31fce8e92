"""The figures page: charts and suppressed tables; for a researcher, the only view of the data."""

from __future__ import annotations

import json
import re

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.figures.world import build
from tests.web.conftest import log_in
from zicht.store.db import Database

# What a researcher may open: the figures, their own account and audit trail, the shell and
# the API's documentation (no data in it). Every other page must refuse them.
ALLOWED = re.compile(
    r"^/(|figures.*|audit|login|logout|lang/.*|api/me|static/.*|docs.*|openapi\.json)$"
)


def test_a_researcher_sees_the_suppressed_figures(
    app: FastAPI, client: TestClient, database: Database
) -> None:
    with database.session() as s:
        build(s)
    log_in(client, "rita")
    home = client.get("/")
    assert 'href="/figures"' in home.text
    page = client.get("/figures?year=2025")
    assert page.status_code == 200
    assert 'data-table="form"' in page.text and 'data-table="overlap"' in page.text
    assert "&lt;10" in page.text  # five persons: small cells are marked, not shown
    assert "<script>" not in page.text  # no inline script under the CSP
    specs = client.get("/figures/2025/charts.json").json()
    assert set(specs) == {"series", "dark", "forecast", "throughput"}
    assert all(s["$schema"].endswith("vega-lite/v6.json") for s in specs.values())
    data = client.get("/figures/2025/data.json").json()
    cells = [c for ts in data["tables"].values() for t in ts for row in t["cells"] for c in row]
    assert all(c in (0, "<10", "x") or c >= 10 for c in cells)
    report = client.get("/figures/2025/report.html")
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]


def test_the_charts_say_the_tables_numbers(client: TestClient, database: Database) -> None:
    with database.session() as s:
        build(s)
    log_in(client, "adm")
    specs = client.get("/figures/2025/charts.json?target=5").json()
    data = client.get("/figures/2025/data.json?target=5").json()
    shown = {
        (int(year), row): cells[0]
        for year, tables in data["tables"].items()
        for t in tables
        if t["key"] == "form"
        for row, cells in zip(t["rows"], t["cells"], strict=True)
    }
    for point in specs["series"]["data"]["values"]:
        assert isinstance(point["n"], int)
        assert point["n"] in shown.values()
    assert data["forecast"]["target"] == 5
    assert {"target": 5} in [
        layer.get("data", {}).get("values", [{}])[0] for layer in specs["forecast"]["layer"]
    ]


def test_a_researcher_sees_nothing_else(
    app: FastAPI, client: TestClient, database: Database
) -> None:
    with database.session() as s:
        build(s)
    log_in(client, "rita")
    opened = []
    for route in app.routes:
        if not isinstance(route, APIRoute) or "GET" not in (route.methods or set()):
            continue
        path = re.sub(r"\{[^}]+\}", "1", route.path)
        if ALLOWED.match(route.path) or ALLOWED.match(path):
            continue
        response = client.get(path, follow_redirects=False)
        if response.status_code == 200:
            opened.append(path)
    assert opened == [], f"a researcher can open {opened}"


def test_the_figures_page_needs_a_login(client: TestClient, database: Database) -> None:
    response = client.get("/figures/2025/data.json", follow_redirects=False)
    assert response.status_code in (303, 401)
    assert "tables" not in json.dumps(response.headers.get("content-type", ""))


def test_every_figures_text_exists_in_both_languages() -> None:
    from pathlib import Path

    from zicht.domain import Form
    from zicht.figures.present import labeller
    from zicht.figures.throughput import STAGES
    from zicht.web.i18n import LANGUAGES, catalogue, translator

    web = Path(__file__).parents[2] / "src" / "zicht"
    files = [
        *(web / "web" / "templates" / "figures").glob("*.html"),
        *(web / "figures").rglob("*.py"),
    ]
    used = {
        key
        for path in [*files, web / "web" / "routes" / "figures.py"]
        for key in re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text("utf-8"))
    }
    assert used and not [k for k in used if k.endswith(".")]
    tables = (
        "form",
        "age",
        "gender",
        "nationality",
        "region",
        "form_age",
        "organisation",
        "overlap",
    )
    for lang in LANGUAGES:
        assert sorted(used - set(catalogue(lang))) == [], lang
        label = labeller(translator(lang))
        for value in [f.value for f in Form]:
            assert label("form", value) and label("form_age", value)
        for key, values in {
            "age": ("minor", "adult", "unknown"),
            "gender": ("F", "M", "X", "U"),
            "nationality": ("nl", "eu", "non_eu", "unknown"),
            "column": ("minor", "adult", "unknown"),
            "stage": STAGES,
            "table": tables,
        }.items():
            for value in values:
                assert label(key, value), (key, value)
        assert label("region", "unknown") and label("region", "RE01") != "RE01"


def test_a_count_entered_for_the_first_months_is_forecast(
    client: TestClient, database: Database
) -> None:
    """The forecast's inputs come from the query string the same way on every figures route."""
    with database.session() as s:
        build(s)
    log_in(client, "adm")
    entered = client.get("/figures/2025/data.json?target=40&months=6&count=20").json()
    assert entered["forecast_entered"] is True
    assert entered["forecast"]["target"] == 40
    registrations = client.get("/figures/2025/data.json?target=40&months=6").json()
    assert registrations["forecast_entered"] is False  # a count needs its months, and back
    page = client.get("/figures?year=2025&target=40&months=6&count=20")
    assert "charts.json?target=40&amp;months=6&amp;count=20" in page.text
    for wrong in ("months=13", "months=0", "count=-1", "target=-5"):
        assert client.get(f"/figures/2025/data.json?{wrong}").status_code == 422, wrong
