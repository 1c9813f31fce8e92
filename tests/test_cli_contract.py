"""The scriptable command line of the foundation issue is a contract: other tools call it so."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zicht.cli import main
from zicht.store.db import Database


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    stdin: str = "",
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_deployment_workflow_as_scripts_drive_it(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["org", "add", "Politie Amsterdam", "--kind", "police"], capsys)[0] == 0
    assert run(["org", "add", "OM", "--kind", "prosecution"], capsys)[0] == 0
    for user, org, role in (("ana", "Politie Amsterdam", "analyst"), ("piet", "OM", "prosecutor")):
        code, _, err = run(
            ["user", "add", user, "--org", org, "--role", role, "--password-stdin"],
            capsys,
            "een lang wachtwoord\n",
            monkeypatch,
        )
        assert code == 0, err
    code, out, err = run(
        [
            "deployment",
            "create",
            "--as",
            "ana",
            "--purpose",
            "advertenties",
            "--legal-basis",
            "Sv art. 126j",
            "--domain",
            "127.0.0.1:8800",
            "--domain",
            "example.nl",
            "--url-pattern",
            r"/ad/\d+",
            "--max-pages",
            "500",
            "--valid-days",
            "14",
            "--retention-days",
            "90",
            "--raw-identifiers",
        ],
        capsys,
    )
    assert code == 0, err
    deployment_id = out.strip().splitlines()[-1]
    assert deployment_id.isdigit()

    code, _, err = run(["deployment", "authorise", deployment_id, "--as", "ana"], capsys)
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    code, out, _ = run(["deployment", "authorise", deployment_id, "--as", "piet"], capsys)
    assert code == 0 and "authorised until" in out
    code, out, _ = run(["deployment", "show", deployment_id, "--as", "piet"], capsys)
    assert "[sv-126j]" in out and "raw identifiers kept: yes" in out
    code, out, _ = run(["deployment", "list", "--as", "ana"], capsys)
    assert out.split("\t")[:2] == [deployment_id, "authorised"]
    assert run(["deployment", "revoke", deployment_id, "--as", "piet"], capsys)[0] == 0
    code, out, _ = run(["deployment", "list", "--as", "ana"], capsys)
    assert out.split("\t")[1] == "revoked"
    code, out, _ = run(["audit", "verify"], capsys)
    assert code == 0 and "intact" in out


@pytest.mark.parametrize(
    "args,stdin,message",
    [
        (["org", "add", "X", "--kind", "bank"], "", "unknown organisation kind 'bank'"),
        (
            ["user", "add", "bob", "--org", "Nergens", "--role", "analyst", "--password-stdin"],
            "een lang wachtwoord\n",
            "no organisation named 'Nergens'",
        ),
        (["user", "add", "bob", "--org", "Nergens", "--role", "analyst"], "", "--password-stdin"),
        (["deployment", "authorise", "999", "--as", "nobody"], "", "no active user named 'nobody'"),
    ],
)
def test_errors_are_one_line_and_exit_non_zero(
    sqlite_database: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: str,
    message: str,
) -> None:
    code, _, err = run(args, capsys, stdin, monkeypatch)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err


def test_the_installed_command_runs_in_a_fresh_home(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZICHT_")}
    env["ZICHT_HOME"] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-m", "zicht", "org", "add", "OM", "--kind", "prosecution"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "zicht.db").exists()
    done = subprocess.run(
        [sys.executable, "-m", "zicht", "org", "add", "OM", "--kind", "prosecution"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and done.stderr == "error: organisation 'OM' exists already\n"


def test_importing_the_cli_leaves_the_heavy_libraries_unloaded() -> None:
    # Every `zicht ...`, `zicht --help` included, pays for what `zicht.cli` imports:
    # the database and password hashing belong inside the commands that use them.
    heavy = ("sqlalchemy", "argon2")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys, zicht.cli; print(' '.join(m for m in {heavy!r} if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
