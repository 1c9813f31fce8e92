"""Routing tests use the registry's chain of organisations."""

from tests.registry.conftest import registry  # noqa: F401  (the fixture)
