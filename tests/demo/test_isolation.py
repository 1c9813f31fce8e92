"""The pipeline never reads the ground truth: only the demo itself knows where it is."""

from __future__ import annotations

import re
from pathlib import Path

import zicht

SRC = Path(zicht.__file__).parent
ALLOWED = {SRC / "commands" / "demo.py"}
GOLD = re.compile(r"""gold/|["']gold["']|truth\.json|zicht\.demo\.files|gold_dir""")


def test_no_pipeline_module_refers_to_the_gold_files() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if SRC / "demo" not in path.parents and path not in ALLOWED
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if GOLD.search(line)
    ]
    assert offenders == []


def test_the_inputs_carry_no_truth(world_dir: Path) -> None:
    for name in ("ads.jsonl", "mutations.jsonl", "mutations.csv", "chats.jsonl"):
        text = (world_dir / name).read_text(encoding="utf-8")
        assert '"label"' not in text and '"network"' not in text and "net-0" not in text, name
    for csv_file in (world_dir / "registrations").glob("*.csv"):
        assert "per-0" not in csv_file.read_text(encoding="utf-8")
