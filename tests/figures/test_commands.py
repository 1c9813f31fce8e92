"""The contract commands `zicht estimate` and `zicht forecast`, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zicht.cli import main
from zicht.figures.mse.captures import CaptureTable
from zicht.figures.mse.simulate import simulate

CONTRACT = {"observed", "estimate", "ci_low", "ci_high", "model", "criterion"}


def write_captures(path: Path, table: CaptureTable, stratum: tuple[str, str] | None = None) -> None:
    rows = [",".join([*([stratum[0]] if stratum else []), *table.lists, "count"])]
    for pattern, n in zip(table.patterns, table.counts, strict=True):
        if n:
            rows.append(",".join([*([stratum[1]] if stratum else []), *map(str, pattern), str(n)]))
    path.write_text("\n".join(rows) + "\n")


def test_estimate_prints_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "captures.csv"
    write_captures(path, simulate(2000, [0.2, 0.3, 0.25], dependent=[(0, 1, 0.6)], seed=5))
    code = main(["estimate", str(path), "--criterion", "bic", "--bootstrap", "100", "--seed", "3"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= CONTRACT
    assert out["criterion"] == "bic"
    assert out["model"][:3] == ["A", "B", "C"] and "A:B" in out["model"]
    assert out["ci_low"] <= out["estimate"] <= out["ci_high"]
    assert out["observed"] < out["estimate"]
    again = main(["estimate", str(path), "--criterion", "bic", "--bootstrap", "100", "--seed", "3"])
    assert again == 0 and json.loads(capsys.readouterr().out) == out


def test_estimate_by_stratum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "captures.csv"
    write_captures(path, simulate(1500, [0.3, 0.3, 0.3], seed=1), stratum=("age", "adult"))
    minors = tmp_path / "minors.csv"
    write_captures(minors, simulate(300, [0.3, 0.3, 0.3], seed=2), stratum=("age", "minor"))
    path.write_text(path.read_text() + "".join(minors.read_text().splitlines(True)[1:]))
    assert main(["estimate", str(path), "--by", "age", "--bootstrap", "20", "--seed", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["strata"]) == {"adult", "minor"}
    assert set(out["strata"]["minor"]) >= CONTRACT


def test_estimate_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("A,B,count\n1,0,10\n0,1,5\n")
    assert main(["estimate", str(path)]) == 1
    assert "error: no finite estimate" in capsys.readouterr().err
    path.write_text("A,B,count\n1,0,10\n0,0,5\n")
    assert main(["estimate", str(path)]) == 1
    assert "line 3: the all-zero combination" in capsys.readouterr().err
    assert main(["estimate", str(tmp_path / "missing.csv")]) == 1
    assert "cannot read captures file" in capsys.readouterr().err


def test_forecast_prints_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--months-observed", "9", "--count", "124", "--target", "190"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"forecast", "low", "high"} <= set(out)
    assert 160 <= out["forecast"] <= 170 and out["low"] <= 160 and out["high"] >= 170
    assert out["target_likely_met"] is False
    history = tmp_path / "history.csv"
    history.write_text(
        "year,month,count\n" + "".join(f"2024,{m},{13 + m % 3}\n" for m in range(1, 13))
    )
    assert (
        main(["forecast", "--months-observed", "9", "--count", "124", "--history", str(history)])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["seasonal"] is True
