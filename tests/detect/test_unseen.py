"""Evaluation on documents the model never trained on: another demo world, another seed.

The figures in the issue's closing note come from full-size worlds (seed 7 for
training with a held-out part, seed 11 for the cross-seed figures); these are
small worlds so the test stays fast, with floors well below what they measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.demo.world import generate
from zicht.detect import Detector, Example, train
from zicht.detect.evaluate import evaluate
from zicht.detect.jsonl import read_gold


def world(root: Path, seed: int) -> list[Example]:
    generate(seed, n_ads=300, n_mutations=400, n_chats=160, n_registrations=0).write(root)
    return read_gold(root / "gold" / "detect.jsonl")


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Example], list[Example]]:
    return (
        world(tmp_path_factory.mktemp("seed3"), 3),
        world(tmp_path_factory.mktemp("seed4"), 4),
    )


def test_a_model_trained_on_one_world_holds_up_on_another(
    worlds: tuple[list[Example], list[Example]],
) -> None:
    seen, unseen = worlds
    assert {e.kind for e in unseen} == {"ad", "mutation", "chat"}
    model = train(seen, seed=5, holdout=0.25)
    held = model.card["metrics"]["held_out"]
    assert held["documents"] == pytest.approx(len(seen) * 0.25, abs=4)

    learned = evaluate(Detector(model=model), unseen)
    weights = evaluate(Detector(), unseen)
    assert learned["method"].startswith("model:") and weights["method"] == "weights"
    overall = learned["overall"]
    assert overall["documents"] == len(unseen)
    # Measured when written: ROC AUC 0.94, precision 0.64, recall 0.80 (small worlds; see the
    # closing note for full-size figures).
    assert overall["roc_auc"] > 0.88 and overall["precision"] > 0.5 and overall["recall"] > 0.6
    # The model adds to the taxonomy's weights on wording it never saw.
    assert overall["f1"] > weights["overall"]["f1"]
    assert set(learned["forms"]) >= {"sexual", "labour", "criminal"}
