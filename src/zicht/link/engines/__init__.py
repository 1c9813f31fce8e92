"""Linkage engines behind one interface; Spark is imported only when asked for."""

from __future__ import annotations

from typing import Any

from zicht.errors import ConfigurationError
from zicht.link.config import LinkSettings
from zicht.link.engines.base import LinkEngine


def get_engine(settings: LinkSettings, **options: Any) -> LinkEngine:
    """The engine named in `settings.engine` (`spark` takes an optional `spark=` session)."""
    if settings.engine == "python":
        from zicht.link.engines.python import PythonEngine

        return PythonEngine(settings)
    if settings.engine == "spark":
        try:
            from zicht.link.engines.spark import SparkEngine
        except ImportError as error:
            raise ConfigurationError(
                f"the spark link engine needs pyspark (pip install 'pyspark>=3.5'): {error}"
            ) from error
        return SparkEngine(settings, **options)
    raise ConfigurationError(f"link engine {settings.engine!r} unknown")


__all__ = ["LinkEngine", "get_engine"]
