"""The vendored Vega files are the ones their README names, each with its licence beside it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

VENDOR = Path(__file__).parents[2] / "src" / "zicht" / "web" / "static" / "vendor"
ROW = re.compile(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", re.MULTILINE)


def test_vega_files_match_their_readme_and_carry_their_licence() -> None:
    rows = ROW.findall((VENDOR / "vega" / "README.md").read_text(encoding="utf-8"))
    assert {name.split("/")[0] for name, _ in rows} == {
        "vega",
        "vega-lite",
        "vega-embed",
        "vega-interpreter",
    }
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
        licence = (VENDOR / name).parent / "LICENSE.txt"
        assert "Redistribution and use" in licence.read_text(encoding="utf-8"), licence
