from zicht.cli import main


def test_help_lists_contract_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for group in ("org", "user", "deployment", "audit", "retention", "serve"):
        assert group in out
