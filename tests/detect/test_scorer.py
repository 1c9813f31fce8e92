"""The weight scorer: noisy-or per document and per form, with contributions that add up."""

import math

import pytest

from zicht.detect import Detector
from zicht.detect.scorer import noisy_or


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def test_no_signal_no_score_no_form(detector: Detector) -> None:
    analysis = detector.analyse("De fietser reed zonder licht over de Stationsweg.")
    assert analysis.score == 0.0
    assert analysis.form is None
    assert analysis.contract("x") == {"id": "x", "score": 0.0, "form": None, "signals": []}


def test_noisy_or_of_the_weights(detector: Detector) -> None:
    text = "Zij moet klanten ontvangen en haar paspoort is afgepakt."
    analysis = detector.analyse(text)
    weights = [detector.weights[c.indicator] for c in analysis.contributions]
    assert analysis.score == pytest.approx(noisy_or(weights))
    assert analysis.form == "sexual"
    assert analysis.form_scores["sexual"] == pytest.approx(analysis.score)
    assert analysis.form_scores["labour"] == pytest.approx(
        detector.weights["RETAINED_ID_DOCUMENTS"]
    )
    assert sum(c.share for c in analysis.contributions) == pytest.approx(1.0, abs=1e-3)
    top = analysis.contributions[0]
    assert top.indicator == "FORCED_PROSTITUTION"
    assert top.share == pytest.approx(
        -math.log(1 - 0.6) / sum(-math.log(1 - w) for w in weights), abs=1e-3
    )


def test_an_indicator_counts_once_however_often_it_fires(detector: Detector) -> None:
    once = detector.analyse("Hij werd bedreigd.")
    thrice = detector.analyse("Hij werd bedreigd. Hij werd bedreigd. Hij werd bedreigd.")
    assert once.score == pytest.approx(thrice.score)
    assert len(thrice.signals) == 3


def test_the_form_follows_the_form_specific_evidence(detector: Detector) -> None:
    labour = detector.analyse("Hij werkt 14 uur per dag voor 3 euro per uur en wordt bedreigd.")
    assert labour.form == "labour"
    criminal = detector.analyse("Hij moest stelen en heeft een drugsschuld.")
    assert criminal.form == "criminal"
    general = detector.analyse("Hij wordt bedreigd en zijn paspoort is afgepakt.")
    assert general.form == "other"


def test_profiling_cue_alone_scores_nothing(detector: Detector) -> None:
    analysis = detector.analyse("Mooie Roemeense dame.")
    assert analysis.score == 0.0 and analysis.signals == []
    assert analysis.hits and "profiling risk" in str(analysis.hits[0].suppressed)


def test_explanation_lists_every_hit_and_contribution(detector: Detector) -> None:
    explanation = detector.analyse("Er is geen dwang, maar zij moet klanten ontvangen.").explain()
    assert explanation["method"] == "weights"
    listed, contributions = explanation["hits"], explanation["contributions"]
    assert isinstance(listed, list) and isinstance(contributions, list)
    hits = {h["indicator"]: h for h in listed}
    assert hits["COERCION_GENERAL"]["counted"] is False
    assert hits["FORCED_PROSTITUTION"]["counted"] is True
    assert [c["indicator"] for c in contributions] == ["FORCED_PROSTITUTION"]
