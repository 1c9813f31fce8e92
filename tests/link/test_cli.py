"""The contract commands, in process: `zicht link` and `zicht evaluate link`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zicht.cli import main
from zicht.link.synthetic import generate


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def world(tmp_path: Path) -> Path:
    return _write(tmp_path / "gold.jsonl", generate(400, seed=31))


def test_link_writes_one_row_per_ad_in_order(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    explain = tmp_path / "explain.json"
    assert main(["link", str(world), "-o", str(out), "--explain", str(explain)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [json.loads(line)["id"] for line in world.read_text().splitlines()]
    assert [r["id"] for r in rows] == ids
    assert all(set(r) == {"id", "network", "score"} for r in rows)
    assert all(0.0 <= r["score"] <= 1.0 and r["network"] for r in rows)
    assert len({r["network"] for r in rows}) < len(rows)
    report = json.loads(explain.read_text())
    assert report["networks"] and report["ignored_identifiers"]
    assert "networks" in capsys.readouterr().err


def test_minimal_input_and_phones_from_text(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [
        {"id": 1, "text": "Bel o6 1two3 45 67 8"},
        {"id": "2", "text": "nieuw! nul zes een twee drie vier vijf zes zeven acht"},
        {"id": 3, "text": "iets anders, 0687654321"},
    ])  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert main(["link", str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["network"] == rows[1]["network"] != rows[2]["network"]


def test_evaluate_link_prints_pairwise_scores(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", "link", str(world)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) >= {"precision", "recall", "f1", "adjusted_rand"}
    assert scores["f1"] >= 0.95


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not valid JSON"),
        ('{"text": "x"}', "missing or empty key 'id'"),
        ('{"id": 1, "text": 5}', "'text' must be a string"),
        ('{"id": 1, "text": "x", "phones": 5}', "'phones' must be a list of strings"),
        ('{"id": 1, "text": "x", "images": ["zz"]}', "image hash 'zz'"),
    ],
)
def test_bad_input_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text(line + "\n", encoding="utf-8")
    assert main(["link", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert message in capsys.readouterr().err


def test_evaluate_needs_gold_networks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path / "g.jsonl", [{"id": 1, "text": "x"}])
    assert main(["evaluate", "link", str(src)]) == 1
    assert "no gold 'network' key" in capsys.readouterr().err


def test_unknown_engine_is_refused(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["link", str(world), "-o", str(tmp_path / "o.jsonl"), "--engine", "duck"]) == 1
    assert "engine 'duck' unknown" in capsys.readouterr().err


def test_evaluation_scores_match_brute_force() -> None:
    import itertools

    from zicht.link.evaluate import pair_scores

    gold = ["a", "a", "a", "b", "b", "c", "d", "d"]
    pred = ["x", "x", "y", "y", "y", "z", "w", "w"]
    s = pair_scores(gold, pred)
    pairs = list(itertools.combinations(range(len(gold)), 2))
    tp = sum(gold[i] == gold[j] and pred[i] == pred[j] for i, j in pairs)
    assert s.precision == round(tp / sum(pred[i] == pred[j] for i, j in pairs), 4)
    assert s.recall == round(tp / sum(gold[i] == gold[j] for i, j in pairs), 4)
    assert pair_scores(gold, gold).adjusted_rand == 1.0
    # By hand: sum C(n_ij,2)=3, C(a_i,2)=5, C(b_j,2)=5, C(8,2)=28 -> (3-25/28)/(5-25/28)
    assert s.adjusted_rand == round((3 - 25 / 28) / (5 - 25 / 28), 4)


def test_options_may_come_before_the_input_file(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [{"id": 1, "text": "Bel 0612345678"}])
    out = tmp_path / "out.jsonl"
    assert main(["link", "--engine", "python", str(src), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["id"] == "1"
