"""One Spark session for all Spark tests: local[1], no UI, two shuffle partitions."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import require_service


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        require_service("pyspark is not installed")
        return
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers must import zicht from this venv
    session = (
        SparkSession.builder.master("local[1]")
        .appName("zicht-link-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
