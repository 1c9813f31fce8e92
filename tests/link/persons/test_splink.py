"""Splink person linkage: accuracy on held-out demo data, and DuckDB and Spark agreeing."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from tests.registry.conftest import demo_files
from zicht.cli import main
from zicht.link.persons import pairwise
from zicht.link.persons.records import from_row
from zicht.link.persons.splink_linker import predict_persons
from zicht.link.persons.trained import default_model


def _records(seed: int, n: int) -> tuple[list[Any], dict[str, str]]:
    from zicht.demo.registrations import registrations

    regs = registrations(random.Random(f"{seed}:registrations"), n)
    records = [from_row(r.org, r.row) for r in regs]
    return records, {rec.uid: reg.person for rec, reg in zip(records, regs, strict=True)}


def test_the_packaged_model_links_held_out_demo_data() -> None:
    records, gold = _records(11, 1500)  # the model was trained on seed 7
    scores = pairwise(predict_persons(records, default_model()), gold)
    assert scores.f1 >= 0.95, scores  # the floor; measured 0.988


def test_evaluate_persons_prints_both_methods(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_files(tmp_path, seed=3, n=300)
    assert (
        main(
            [
                "evaluate",
                "persons",
                str(tmp_path / "gold" / "persons.csv"),
                "--registrations",
                str(tmp_path / "registrations"),
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["method", "precision", "recall", "f1", "pairs"]
    assert [line.split()[0] for line in lines[1:]] == ["splink", "bloom-filter"]


def test_duckdb_and_spark_give_the_same_persons(spark: Any) -> None:
    records, _ = _records(5, 60)
    model = default_model()
    on_duckdb = predict_persons(records, model, engine="duckdb")
    on_spark = predict_persons(records, model, engine="spark", spark=spark)
    assert on_duckdb == on_spark
    assert len(set(on_spark.values())) < len(records)  # some people were registered twice
