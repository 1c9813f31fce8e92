"""The annual report: one self-contained HTML file a rapporteur can publish, or a PDF of it.

The file carries everything: its styles, the vendored Vega-Lite (inline, so the
charts draw offline and in headless Chromium), the chart specs as a JSON block, the
suppressed tables, and at the end the query or function behind every table. It is
rendered from the same templates and the same `AnnualFigures` as the web page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from zicht.errors import ConfigurationError, InvalidInput
from zicht.figures import charts
from zicht.figures.annual import AnnualFigures
from zicht.figures.annual.chat import SOURCE as CHAT_SOURCE
from zicht.figures.annual.series import DARK_SOURCE, MONTHLY, THROUGHPUT_SOURCE
from zicht.figures.present import labeller

WEB = Path(__file__).parents[1] / "web"
VENDOR = WEB / "static" / "vendor"
SCRIPTS = (
    VENDOR / "vega" / "vega.min.js",
    VENDOR / "vega-lite" / "vega-lite.min.js",
    VENDOR / "vega-embed" / "vega-embed.min.js",
    VENDOR / "vega-interpreter" / "vega-interpreter.js",
    WEB / "static" / "figures.js",
)
STYLES = (WEB / "static" / "figures.css",)
CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT = 120


def _inline(text: str) -> Markup:
    """Code safe inside a <script> or <style> element: nothing in it can close the element."""
    if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
        raise ConfigurationError("an inlined file holds '</script', '</style' or '<!--'")
    return Markup(text)  # noqa: S704 - our own vendored files, checked above


def _json(value: object) -> Markup:
    """JSON inside <script type=application/json>: '</' written as the equal '<\\/'."""
    text = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return Markup(text)  # noqa: S704 - JSON that cannot close its element


def render_report(figures: AnnualFigures, *, lang: str = "nl") -> str:
    from zicht.web.i18n import LANGUAGES, translator

    if lang not in LANGUAGES:
        raise InvalidInput(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    t = translator(lang)
    env = Environment(
        loader=FileSystemLoader(WEB / "templates"), autoescape=select_autoescape(["html"])
    )
    specs = charts.all_charts(figures, t)
    return env.get_template("figures/report.html").render(
        figures=figures,
        t=t,
        lang=lang,
        label=labeller(t),
        made=date.today().isoformat(),
        specs=_json(specs),
        chart_titles={k: v["title"]["text"] for k, v in specs.items()},
        scripts=[_inline(p.read_text(encoding="utf-8")) for p in SCRIPTS],
        styles=[_inline(p.read_text(encoding="utf-8")) for p in STYLES],
        other_sources={
            "dark": DARK_SOURCE,
            "forecast": f"{MONTHLY};\n\nzicht.figures.forecast.forecast(months, count, ...)",
            "throughput": THROUGHPUT_SOURCE,
            "chat": CHAT_SOURCE,
        },
    )


def write_pdf(html: str, out: Path, *, chromium: Path | None = None) -> None:
    """Print the report with headless Chromium, after its charts have drawn."""
    chromium = chromium or CHROMIUM
    binary = shutil.which(str(chromium)) if chromium.is_absolute() else shutil.which(chromium.name)
    if binary is None:
        raise ConfigurationError(
            f"cannot write a PDF: no Chromium at {chromium} (apt-get install chromium), "
            "or write HTML with -o report.html"
        )
    with tempfile.TemporaryDirectory(prefix="zicht-report-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        target = out.resolve()
        command = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--virtual-time-budget=15000",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(  # noqa: S603 - a fixed binary and our own temporary file
                command, capture_output=True, text=True, timeout=PDF_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ConfigurationError(f"Chromium did not finish the PDF in {PDF_TIMEOUT} s") from exc
        if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
            raise ConfigurationError(
                f"Chromium could not write {out}: exit {done.returncode}: "
                + done.stderr.strip()[-500:]
            )
