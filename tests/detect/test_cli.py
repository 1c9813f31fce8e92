"""The contract of `zicht detect`, `detect-train` and `evaluate detect`, run in-process."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.detect.corpus import held_out_examples, training_examples
from zicht.cli import main
from zicht.detect import Example


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def gold(path: Path, examples: list[Example]) -> Path:
    return write_jsonl(
        path,
        [
            {
                "id": e.id,
                "text": e.text,
                "kind": e.kind,
                "lang": e.lang,
                "label": e.label,
                "form": e.form,
            }
            for e in examples
        ],
    )


INPUT: list[dict[str, Any]] = [
    {"id": "m1", "text": "Ze zegt dat ze niet vrij is en haar pooier regelt de klanten.",
     "kind": "mutation", "lang": "nl"},
    {"id": 2, "text": "She is NOT new in town, no pimp.", "kind": "ad"},
    {"id": "c3", "text": "Hoi, hoe laat is het spreekuur?", "kind": "chat", "lang": "nl"},
    {"id": "m4", "text": "Hij werkt 14 uur per dag voor 3 euro per uur; paspoort is ingenomen."},
]  # fmt: skip


def test_detect_writes_the_contract_without_database_or_model(
    tmp_path: Path, isolated_settings: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", INPUT)
    out = tmp_path / "out.jsonl"
    assert main(["detect", str(source), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["m1", 2, "c3", "m4"]
    for row, record in zip(rows, INPUT, strict=True):
        assert set(row) == {"id", "score", "form", "signals"}
        assert 0.0 <= row["score"] <= 1.0
        assert row["form"] in ("sexual", "labour", "criminal", "other", None)
        for signal in row["signals"]:
            assert set(signal) == {"indicator", "form", "start", "end", "text"}
            assert record["text"][signal["start"] : signal["end"]] == signal["text"]
    assert rows[0]["form"] == "sexual" and rows[0]["score"] >= 0.5
    assert {s["indicator"] for s in rows[0]["signals"]} == {"RESTRICTED_MOVEMENT", "PIMP_CONTROL"}
    assert rows[1] == {"id": 2, "score": 0.0, "form": None, "signals": []}
    assert rows[2]["signals"] == [] and rows[2]["form"] is None
    assert rows[3]["form"] == "labour"
    assert not (tmp_path / "out.jsonl.partial").exists()
    assert not (isolated_settings / "zicht.db").exists()  # no database was needed


def test_detect_explain_adds_one_key(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", INPUT[:1])
    out = tmp_path / "out.jsonl"
    assert main(["detect", str(source), "-o", str(out), "--explain"]) == 0
    row = json.loads(out.read_text("utf-8"))
    assert row["explanation"]["method"] == "weights"
    assert row["explanation"]["hits"][0]["pattern"]


def test_bad_input_names_the_line_and_leaves_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["detect", str(source), "-o", str(out)]) == 1
    assert "error: in.jsonl line 2: key 'text' must be a string" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    source.write_text('{"id": 1, "text": "ok", "kind": "tweet"}\n', "utf-8")
    assert main(["detect", str(source), "-o", str(out)]) == 1
    assert "line 1: kind 'tweet'" in capsys.readouterr().err


def test_train_then_detect_and_evaluate_with_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    train_file = gold(tmp_path / "train.jsonl", training_examples())
    test_file = gold(tmp_path / "test.jsonl", held_out_examples())
    model = tmp_path / "model"
    args = ["detect-train", str(train_file), "-o", str(model), "--holdout", "0", "--no-ngrams"]
    assert main(args) == 0
    assert "trained on 120 documents" in capsys.readouterr().out
    assert (model / "card.json").exists() and (model / "model.joblib").exists()

    out = tmp_path / "out.jsonl"
    assert main(["detect", str(test_file), "-o", str(out), "--model", str(model)]) == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == 60 and all(set(r) == {"id", "score", "form", "signals"} for r in rows)

    assert (
        main(["evaluate", "detect", str(test_file), "--model", str(model), "--threshold", "0.4"])
        == 0
    )
    report = capsys.readouterr().out
    assert "threshold 0.4" in report and "method model:" in report
    for name in ("overall", "sexual", "labour", "criminal"):
        assert name in report
    assert main(["evaluate", "detect", str(test_file), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["threshold"] == 0.5 and figures["method"] == "weights"
    assert set(figures["overall"]) >= {"precision", "recall", "f1", "roc_auc"}


def test_gold_needs_a_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_jsonl(tmp_path / "gold.jsonl", [{"id": 1, "text": "x", "label": "yes"}])
    assert main(["evaluate", "detect", str(bad)]) == 1
    assert "gold.jsonl line 1: key 'label' must be 0 or 1" in capsys.readouterr().err


def test_a_missing_model_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", INPUT[:1])
    code = main(["detect", str(source), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path)])
    assert code == 1
    assert "is not a detect model" in capsys.readouterr().err
