"""`zicht demo generate` and the `demo` group's contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.cli import main


def test_generate_writes_a_world_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "demo",
            "generate",
            "-o",
            str(tmp_path),
            "--seed",
            "3",
            "--ads",
            "60",
            "--mutations",
            "40",
            "--chats",
            "10",
            "--registrations",
            "30",
        ]
    )
    assert code == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith(f"demo world (seed 3) written to {tmp_path}")
    assert "60 ads" in summary and "40 mutations" in summary
    assert (tmp_path / "gold" / "truth.json").exists()
    assert len((tmp_path / "ads.jsonl").read_text(encoding="utf-8").splitlines()) == 60


def test_demo_group_lists_its_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--help"]) == 0
    out = capsys.readouterr().out
    assert "site" in out and "generate" in out


def test_generate_needs_an_output_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "generate"]) != 0
