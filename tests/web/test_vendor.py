"""Vendored files are the ones their README names: same checksum, licence beside them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

VENDOR = Path(__file__).parents[2] / "src" / "zicht" / "web" / "static" / "vendor"
ROW = re.compile(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})`", re.MULTILINE)


def test_checksums_match_the_readme() -> None:
    rows = ROW.findall((VENDOR / "README.md").read_text(encoding="utf-8"))
    assert {name for name, _ in rows} >= {
        "htmx.min.js",
        "swagger-ui/swagger-ui-bundle.js",
        "swagger-ui/swagger-ui.css",
    }
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_script_has_its_licence() -> None:
    assert (VENDOR / "htmx.LICENSE.txt").exists()
    assert (VENDOR / "swagger-ui" / "LICENSE.txt").exists()
    assert (VENDOR / "swagger-ui" / "NOTICE.txt").exists()
