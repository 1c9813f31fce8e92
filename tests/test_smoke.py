import pytest

from zicht.cli import main


def test_help_lists_contract_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for group in ("org", "user", "deployment", "audit", "retention", "serve"):
        assert group in out
