"""The learned scorer: trained, saved, loaded, calibrated, and measured on unseen wording."""

import json
import shutil
from pathlib import Path

import pytest

from tests.detect.corpus import held_out_examples, training_examples
from zicht.detect import DetectModel, Detector, train
from zicht.detect.evaluate import evaluate
from zicht.detect.model import load, save
from zicht.detect.taxonomy import default_taxonomy
from zicht.errors import ConfigurationError, InvalidInput


@pytest.fixture(scope="module")
def model() -> DetectModel:
    return train(training_examples(), seed=3, holdout=0.25)


@pytest.fixture(scope="module")
def saved(model: DetectModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(model, tmp_path_factory.mktemp("model") / "m1")


def test_card_describes_data_metrics_and_weights(saved: Path) -> None:
    card = json.loads((saved / "card.json").read_text("utf-8"))
    assert card["format"] == "zicht-detect-model/2"
    assert card["training_data"]["documents"] == 120
    assert card["training_data"]["labels"] == {"1": 60, "0": 60}
    assert card["taxonomy_fingerprint"] == default_taxonomy().fingerprint()
    assert set(card["metrics"]["held_out"]) >= {"overall", "forms", "threshold", "documents"}
    assert set(card["weights"]) == set(default_taxonomy().ids)
    assert all(0.0 < w < 1.0 for w in card["weights"].values())


def test_save_and_load_round_trip(model: DetectModel, saved: Path) -> None:
    loaded = load(saved, default_taxonomy())
    texts = [e.text for e in held_out_examples()[:20]]
    before = Detector(model=model).analyse_many(texts)
    after = Detector(model=loaded).analyse_many(texts)
    assert [a.score for a in before] == pytest.approx([a.score for a in after])
    assert [a.form for a in before] == [a.form for a in after]
    assert loaded.version == model.version


def test_an_altered_artefact_is_refused(saved: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(saved, copy)
    with (copy / "model.joblib").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ConfigurationError, match="does not match its card"):
        load(copy, default_taxonomy())


def test_a_model_for_another_taxonomy_is_refused(saved: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(saved, copy)
    card = json.loads((copy / "card.json").read_text("utf-8"))
    card["taxonomy_fingerprint"] = "0" * 16
    (copy / "card.json").write_text(json.dumps(card), "utf-8")
    with pytest.raises(ConfigurationError, match="retrain"):
        load(copy, default_taxonomy())


def test_scores_are_probabilities_and_explained(model: DetectModel) -> None:
    detector = Detector(model=model)
    analysis = detector.analyse("Zij moet klanten ontvangen en haar paspoort is afgepakt.")
    assert 0.0 <= analysis.score <= 1.0
    assert analysis.method.startswith("model:")
    assert set(analysis.model_contributions) == {"FORCED_PROSTITUTION", "RETAINED_ID_DOCUMENTS"}
    assert analysis.contributions  # the weights' view stays beside the model's


def test_calibration_is_sane_on_unseen_documents(model: DetectModel) -> None:
    examples = held_out_examples()
    analyses = Detector(model=model).analyse_many([e.text for e in examples])
    scores = [a.score for a in analyses]
    labels = [e.label for e in examples]
    base_rate = sum(labels) / len(labels)
    brier = sum((s - y) ** 2 for s, y in zip(scores, labels, strict=True)) / len(labels)
    assert brier < base_rate * (1 - base_rate)  # better than always saying the base rate
    mean_pos = sum(s for s, y in zip(scores, labels, strict=True) if y) / sum(labels)
    mean_neg = sum(s for s, y in zip(scores, labels, strict=True) if not y) / (
        len(labels) - sum(labels)
    )
    assert mean_pos > 0.5 > mean_neg
    assert all(0.0 < s < 1.0 for s in scores)  # calibrated, never certain


def test_evaluation_on_wording_the_model_never_saw(model: DetectModel) -> None:
    held_out = held_out_examples()
    train_ids = {e.text for e in training_examples()}
    assert not any(e.text in train_ids for e in held_out)
    result = evaluate(Detector(model=model), held_out)
    assert result["overall"]["documents"] == 60
    assert result["overall"]["f1"] >= 0.8
    assert result["overall"]["roc_auc"] >= 0.9
    baseline = evaluate(Detector(), held_out)
    assert baseline["method"] == "weights" and baseline["overall"]["roc_auc"] >= 0.9


def test_training_needs_both_labels() -> None:
    only_positive = [e for e in training_examples() if e.label == 1]
    with pytest.raises(InvalidInput, match="two documents of each label"):
        train(only_positive)


def test_weights_are_refitted_towards_observed_precision(model: DetectModel) -> None:
    taxonomy = {i.id: i.weight for i in default_taxonomy().indicators}
    # Fires only in positive training documents: its weight rises.
    assert model.weights["FORCED_PROSTITUTION"] > taxonomy["FORCED_PROSTITUTION"]
    # Never fires in the training documents: its weight stays the taxonomy's.
    assert model.weights["ORGAN_REMOVAL"] == pytest.approx(taxonomy["ORGAN_REMOVAL"])


def test_profiling_cues_are_blanked_before_the_ngrams() -> None:
    from zicht.detect.features import FeatureBuilder

    detector = Detector()
    texts = [
        "Roemeense meid, net 18, bel mijn manager.",
        "          meid, net 18, bel mijn manager.",
    ]
    analyses = [detector.analyse(t) for t in texts]
    ids = default_taxonomy().ids
    builder = FeatureBuilder(ids, masked=["AD_NATIONALITY_EMPHASIS"])
    masked = builder.build(texts, analyses)
    width = builder.dense_width
    assert (masked[0, width:] != masked[1, width:]).nnz == 0
    plain = FeatureBuilder(ids).build(texts, analyses)
    assert (plain[0, width:] != plain[1, width:]).nnz > 0
