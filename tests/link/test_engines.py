"""Spark and the one-machine engine give the same pairs and the same networks."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from zicht.errors import ConfigurationError
from zicht.link import LinkSettings, ads_from_dicts, get_engine
from zicht.link.synthetic import generate


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_and_python_engines_agree(spark: Any) -> None:
    rows = generate(200, seed=21)
    ads = ads_from_dicts(rows)
    python = get_engine(LinkSettings()).link(ads)
    with get_engine(replace(LinkSettings(), engine="spark"), spark=spark) as engine:
        result = engine.link(ads)
    assert result.network_of == python.network_of
    assert [r["score"] for r in result.rows()] == [r["score"] for r in python.rows()]
    assert sorted(i.key for i in result.ignored) == sorted(i.key for i in python.ignored)
    assert result.template_labels is not None and python.template_labels is not None
    assert np.array_equal(result.template_labels, python.template_labels)
    assert len({n for n in result.network_of}) < len(ads)  # there were networks to find


def test_unknown_engine_and_spark_only_options_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="engine 'duck'"):
        LinkSettings(engine="duck")
    with pytest.raises(ConfigurationError, match="unknown link settings"):
        LinkSettings.from_json('{"engine": "python", "colour": "red"}')


def test_settings_round_trip() -> None:
    settings = replace(LinkSettings(), hub_min_ads=40, engine="spark")
    assert LinkSettings.from_json(settings.to_json()) == settings


def test_core_install_does_not_import_spark() -> None:
    code = (
        "import sys, zicht.link, zicht.cli;"
        "from zicht.link import ads_from_dicts, link_ads;"
        "link_ads(ads_from_dicts([{'id': 1, 'text': 'bel 0612345678'}]));"
        "assert 'pyspark' not in sys.modules, 'pyspark imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
