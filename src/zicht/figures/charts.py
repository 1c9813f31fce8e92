"""Vega-Lite specifications of the published figures, for the web page and the report alike.

The charts draw only what the tables publish: a suppressed cell is left out of a
chart (a point missing, said in the subtitle), never drawn at its true value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zicht.figures.annual import AnnualFigures
from zicht.figures.present import labeller

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
Translate = Callable[..., str]
Spec = dict[str, Any]


def _base(title: str, subtitle: str | None = None) -> Spec:
    spec: Spec = {
        "$schema": SCHEMA,
        "width": "container",
        "height": 260,
        "title": {"text": title, **({"subtitle": subtitle} if subtitle else {})},
        "config": {"font": "system-ui, sans-serif", "axis": {"labelFontSize": 12}},
    }
    return spec


def series_by_form(figures: AnnualFigures, t: Translate) -> Spec:
    """Persons per year by form of exploitation (suppressed cells left out)."""
    values = []
    hidden = False
    for year in figures.years:
        table = figures.table("form", year)
        for row, (cell,) in zip(table.rows[:-1], table.cells[:-1], strict=True):
            if isinstance(cell, int):
                values.append({"year": year, "form": t(f"figures.value.form.{row}"), "n": cell})
            else:
                hidden = True
    spec = _base(t("figures.chart.series"), t("figures.chart.hidden") if hidden else None)
    spec.update(
        data={"values": values},
        mark={"type": "line", "point": True},
        encoding={
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": t("figures.axis.year"),
                "axis": {"labelAngle": 0},
            },
            "y": {
                "field": "n",
                "type": "quantitative",
                "title": t("figures.axis.persons"),
                "axis": {"format": ",d"},
            },
            "color": {"field": "form", "type": "nominal", "title": t("figures.axis.form")},
        },
    )
    return spec


def dark_number(figures: AnnualFigures, t: Translate) -> Spec:
    """Registered persons against the estimated population, with its 95% interval."""
    values = []
    for year in figures.years:
        result = figures.dark[year].result
        if result is None:
            continue
        values.append(
            {
                "year": year,
                "registered": result["observed"],
                "estimate": result["estimate"],
                "low": result["ci_low"],
                "high": result["ci_high"],
            }
        )
    spec = _base(t("figures.chart.dark"), t("figures.chart.dark.sub"))
    x = {
        "field": "year",
        "type": "ordinal",
        "title": t("figures.axis.year"),
        "axis": {"labelAngle": 0},
    }
    spec.update(
        data={"values": values},
        layer=[
            {
                "mark": {"type": "rule", "strokeWidth": 2},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": "low",
                        "type": "quantitative",
                        "title": t("figures.axis.persons"),
                        "axis": {"format": ",d"},
                    },
                    "y2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 80},
                "encoding": {"x": x, "y": {"field": "estimate", "type": "quantitative"}},
            },
            {
                "mark": {"type": "bar", "opacity": 0.35, "width": {"band": 0.5}},
                "encoding": {"x": x, "y": {"field": "registered", "type": "quantitative"}},
            },
        ],
    )
    return spec


def forecast(figures: AnnualFigures, t: Translate) -> Spec:
    """The year so far, the forecast with its prediction interval, and the target."""
    result = figures.forecast
    values = []
    if result is not None:
        values.append(
            {
                "what": t("figures.forecast.count", months=result.months_observed),
                "n": result.count,
                "low": result.count,
                "high": result.count,
            }
        )
        values.append(
            {
                "what": t("figures.forecast.forecast"),
                "n": round(result.forecast, 1),
                "low": result.low,
                "high": result.high,
            }
        )
    x = {"field": "what", "type": "nominal", "title": None, "sort": None, "axis": {"labelAngle": 0}}
    y = {
        "field": "n",
        "type": "quantitative",
        "title": t("figures.axis.count"),
        "axis": {"format": ",d"},
    }
    layers: list[Spec] = [
        {"mark": {"type": "bar", "width": {"band": 0.5}}, "encoding": {"x": x, "y": y}},
        {
            "mark": {"type": "rule", "strokeWidth": 2},
            "encoding": {
                "x": x,
                "y": {"field": "low", "type": "quantitative"},
                "y2": {"field": "high"},
            },
        },
    ]
    if result is not None and result.target is not None:
        layers.append(
            {
                "data": {"values": [{"target": result.target}]},
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#b00020", "size": 2},
                "encoding": {"y": {"field": "target", "type": "quantitative"}},
            }
        )
    spec = _base(
        t("figures.chart.forecast", year=figures.year),
        None
        if result is None or result.target is None
        else t("figures.chart.target", target=result.target),
    )
    spec.update(data={"values": values}, layer=layers)
    return spec


def throughput(figures: AnnualFigures, t: Translate) -> Spec:
    """Median days per stage and year, with the quartiles; open cases counted (Kaplan-Meier)."""
    label = labeller(t)
    values = []
    for row in figures.throughput:
        days = row["days"]
        if not days or days.get("p50") is None:
            continue
        values.append(
            {
                "span": f"{label('stage', row['from'])} → {label('stage', row['to'])}",
                "year": row["year"],
                "median": days["p50"],
                "p25": days.get("p25"),
                "p75": days.get("p75"),
            }
        )
    spec = _base(t("figures.chart.throughput"), t("figures.chart.throughput.sub"))
    x = {
        "field": "year",
        "type": "ordinal",
        "title": t("figures.axis.year"),
        "axis": {"labelAngle": 0},
    }
    spec.update(
        data={"values": values},
        encoding={"color": {"field": "span", "type": "nominal", "title": None}},
        layer=[
            {
                "mark": {"type": "rule"},
                "encoding": {
                    "x": x,
                    "y": {"field": "p25", "type": "quantitative", "title": t("figures.axis.days")},
                    "y2": {"field": "p75"},
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 70},
                "encoding": {"x": x, "y": {"field": "median", "type": "quantitative"}},
            },
        ],
    )
    return spec


def _or_note(spec: Spec, t: Translate) -> Spec:
    """A chart with nothing to draw says so, instead of drawing empty axes."""
    if spec["data"]["values"]:
        return spec
    note = _base(spec["title"]["text"])
    note.update(
        height=80,
        data={"values": [{"text": t("figures.chart.nodata")}]},
        mark={"type": "text", "fontSize": 14},
        encoding={"text": {"field": "text", "type": "nominal"}},
    )
    return note


def all_charts(figures: AnnualFigures, t: Translate) -> dict[str, Spec]:
    """Every chart of the page and the report, keyed as the page's `data-chart` boxes."""
    charts = {
        "series": series_by_form(figures, t),
        "dark": dark_number(figures, t),
        "forecast": forecast(figures, t),
        "throughput": throughput(figures, t),
    }
    return {key: _or_note(spec, t) for key, spec in charts.items()}
