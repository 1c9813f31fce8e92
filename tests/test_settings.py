"""Settings: unknown or bad values get a clear error naming the setting."""

from __future__ import annotations

import pytest

from zicht.cli import main
from zicht.errors import ConfigurationError
from zicht.settings import get_settings, reset_settings


def test_an_unknown_setting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZICHT_DATABSE_URL", "sqlite://")
    reset_settings()
    with pytest.raises(ConfigurationError, match="unknown setting ZICHT_DATABSE_URL"):
        get_settings()


def test_a_bad_value_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZICHT_SESSION_HOURS", "-3")
    reset_settings()
    with pytest.raises(ConfigurationError, match="ZICHT_SESSION_HOURS"):
        get_settings()


def test_a_database_that_does_not_answer_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZICHT_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    reset_settings()
    assert main(["org", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: database postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert "does not answer" in err and len(err.splitlines()) == 1


def test_every_setting_is_documented() -> None:
    from pathlib import Path

    from zicht.settings import Settings

    doc = (Path(__file__).parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [f for f in Settings.model_fields if f"ZICHT_{f.upper()}" not in doc]
    assert missing == []
