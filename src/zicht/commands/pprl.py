"""`zicht pprl encode|link`: privacy-preserving person linkage between organisations, on files.

Each organisation encodes its own registrations with the secret the partners
share; whoever links the key files sees no name and needs no database.
"""

from __future__ import annotations

import csv
from pathlib import Path

import typer

from zicht.cli import app

pprl_app = typer.Typer(
    help="Bloom-filter linkage keys: link persons without sharing names.", no_args_is_help=True
)
app.add_typer(pprl_app, name="pprl")


def _secret(path: Path) -> bytes:
    from zicht.errors import InvalidInput

    try:
        secret = path.read_bytes().strip()
    except OSError as exc:
        raise InvalidInput(f"cannot read the secret file {path}: {exc.strerror}") from None
    return secret


@pprl_app.command("encode")
def encode(
    file: Path = typer.Argument(
        ..., help="registrations CSV (ref, given_name, family_name, birth_date, sex ...)"
    ),
    secret_file: Path = typer.Option(..., "--secret-file", help="the partners' shared secret"),
    output: Path = typer.Option(..., "-o", "--output", help="keys, one JSON object a line"),
) -> None:
    """Turn registrations into linkage keys: the ref and the encodings, nothing readable."""
    from zicht.errors import InvalidInput
    from zicht.link.persons.pprl import encode_records, write_keys
    from zicht.link.persons.records import read_csv

    secret = _secret(secret_file)
    try:
        records = list(read_csv(file))
    except KeyError as exc:
        raise InvalidInput(f"{file}: missing column {exc.args[0]}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {file}: {exc.strerror}") from None
    refs = [r.ref for r in records]
    if len(set(refs)) != len(refs):
        raise InvalidInput(f"{file}: a ref occurs more than once")
    n = write_keys(output, encode_records(records, secret))
    typer.echo(f"wrote {n} keys to {output}")


@pprl_app.command("link")
def link(
    keys: list[Path] = typer.Argument(..., help="key files, one per organisation"),
    output: Path = typer.Option(..., "-o", "--output", help="CSV file,ref,person"),
    threshold: float = typer.Option(0.82, "--threshold", min=0.0, max=1.0),
) -> None:
    """Link key files into persons; writes file,ref,person."""
    from zicht.errors import InvalidInput
    from zicht.link.persons.pprl import link_keys, read_keys

    names = [p.name for p in keys]
    if len(set(names)) != len(names):
        raise InvalidInput("two key files have the same name; the file name tells them apart")
    everything = [k for path in keys for k in read_keys(path)]
    persons = link_keys(everything, threshold)
    width = len(str(max(persons, default=0)))
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "ref", "person"])
        for key, person in zip(everything, persons, strict=True):
            writer.writerow([key.dataset, key.ref, f"p{person:0{width}d}"])
    typer.echo(f"linked {len(everything)} keys into {len(set(persons))} persons")
