"""The taxonomy file: complete, sourced, and refused with a clear message when wrong."""

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from zicht.detect.taxonomy import DEFAULT_PATH, default_taxonomy, load_taxonomy, parse_taxonomy
from zicht.errors import ConfigurationError


def raw() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(DEFAULT_PATH.read_text("utf-8")))


def test_at_least_sixty_indicators_in_every_family() -> None:
    taxonomy = default_taxonomy()
    assert len(taxonomy.indicators) >= 60
    families = {i.family for i in taxonomy.indicators}
    assert families == {"general", "sexual", "labour", "criminal", "minors", "ad"}
    forms = {i.form for i in taxonomy.indicators}
    assert forms == {"sexual", "labour", "criminal", "other"}


def test_every_indicator_is_bilingual_and_sourced() -> None:
    taxonomy = default_taxonomy()
    for indicator in taxonomy.indicators:
        assert indicator.label["nl"] and indicator.label["en"]
        assert indicator.patterns["nl"] and indicator.patterns["en"]
        assert all(source in taxonomy.sources for source in indicator.source)


def test_origin_cues_are_flagged_as_profiling_risks() -> None:
    risky = [i.id for i in default_taxonomy().indicators if i.profiling_risk]
    assert risky == ["AD_NATIONALITY_EMPHASIS"]


def _broken(change: Any) -> str:
    data = raw()
    change(data)
    with pytest.raises(ConfigurationError) as caught:
        parse_taxonomy(data, origin="indicators.yaml")
    return caught.value.message


def test_a_lower_case_id_is_refused_by_name() -> None:
    message = _broken(lambda d: d["indicators"][0].update(id="retained_id"))
    assert "indicator retained_id (#1), field id" in message
    assert "UPPER_SNAKE" in message


def test_a_missing_english_pattern_list_names_the_indicator() -> None:
    message = _broken(lambda d: d["indicators"][2]["patterns"].pop("en"))
    assert message.startswith("indicators.yaml: indicator ISOLATION (#3), field patterns")
    assert "Dutch and English" in message


def test_an_unknown_source_is_refused() -> None:
    message = _broken(lambda d: d["indicators"][1].update(source=["NOWHERE"]))
    assert "RESTRICTED_MOVEMENT cites unknown source(s) NOWHERE" in message


def test_a_weight_outside_zero_and_one_is_refused() -> None:
    message = _broken(lambda d: d["indicators"][0].update(weight=1.5))
    assert "RETAINED_ID_DOCUMENTS" in message and "weight" in message


def test_a_duplicate_id_is_refused() -> None:
    message = _broken(lambda d: d["indicators"].append(copy.deepcopy(d["indicators"][0])))
    assert "RETAINED_ID_DOCUMENTS is defined twice" in message


def test_a_broken_regex_is_refused() -> None:
    message = _broken(lambda d: d["indicators"][0].update(regex={"nl": ["(unclosed"]}))
    assert "does not compile" in message


def test_an_unknown_field_is_refused() -> None:
    message = _broken(lambda d: d["indicators"][0].update(wieght=0.3))
    assert "wieght" in message


def test_missing_or_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        load_taxonomy(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators: [", "utf-8")
    with pytest.raises(ConfigurationError, match="not valid YAML"):
        load_taxonomy(bad)
