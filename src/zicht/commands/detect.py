"""`zicht detect`, `zicht detect-train`, `zicht evaluate detect` and `zicht import mutations`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from zicht.cli import app, evaluate_app, import_app

MODEL = typer.Option(None, "--model", help="a model directory from `zicht detect-train`")


@app.command("detect")
def detect(
    source: Path = typer.Argument(..., help="JSONL: id, text, optional kind and lang"),
    output: Path = typer.Option(..., "-o", "--output", help="JSONL: id, score, form, signals"),
    model: Path | None = MODEL,
    explain: bool = typer.Option(
        False, "--explain", help="add an 'explanation' key (patterns, negations, contributions)"
    ),
) -> None:
    """Score documents for signs of trafficking; works without a database or a model."""
    from zicht.detect import Detector
    from zicht.detect.jsonl import read_records

    detector = Detector.load(model)
    partial = output.with_name(output.name + ".partial")
    count = 0
    batch: list[dict[str, object]] = []
    with partial.open("w", encoding="utf-8") as handle:

        def flush() -> None:
            texts = [str(record["text"]) for record in batch]
            for record, analysis in zip(batch, detector.analyse_many(texts), strict=True):
                row = analysis.contract(record["id"])
                if explain:
                    row["explanation"] = analysis.explain()
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            batch.clear()

        try:
            for _, record in read_records(source):
                batch.append(record)
                count += 1
                if len(batch) >= 512:
                    flush()
            flush()
        except BaseException:
            handle.close()
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, output)
    typer.echo(f"{count} documents scored ({detector.method}) -> {output}", err=True)


@app.command("detect-train")
def detect_train(
    gold: Path = typer.Argument(..., help="labelled JSONL: id, text, label (0/1), optional form"),
    output: Path = typer.Option(..., "-o", "--output", help="model directory to write"),
    ngrams: bool = typer.Option(True, "--ngrams/--no-ngrams", help="use character n-grams"),
    holdout: float = typer.Option(0.2, "--holdout", help="share held out for the card's metrics"),
    seed: int = typer.Option(0, "--seed"),
    labels_as: str | None = typer.Option(
        None,
        "--labels-as",
        help="also train on the confirm/reject labels of the signal queue that this user's "
        "organisation may read (audited)",
    ),
) -> None:
    """Train the calibrated model and refit the indicator weights on labelled documents."""
    from zicht.detect import train
    from zicht.detect.evaluate import format_report
    from zicht.detect.jsonl import read_gold
    from zicht.detect.model import save

    examples = read_gold(gold)
    if labels_as:
        from zicht.commands.common import acting_as
        from zicht.detect.review import labelled_examples

        with acting_as(labels_as) as (session, user):
            stored = labelled_examples(session, user)
        examples += stored
        typer.echo(f"{len(stored)} documents labelled in the signal queue added")
    model = train(examples, source=gold, ngrams=ngrams, holdout=holdout, seed=seed)
    save(model, output)
    typer.echo(f"model {model.version} trained on {len(examples)} documents -> {output}")
    held = model.card.get("metrics", {}).get("held_out")
    if held:
        typer.echo(f"held-out part of {gold.name} ({held['documents']} documents):")
        for line in format_report(held):
            typer.echo(line)


@evaluate_app.command("detect")
def evaluate_detect(
    gold: Path = typer.Argument(..., help="labelled JSONL: id, text, label (0/1), optional form"),
    model: Path | None = MODEL,
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
) -> None:
    """Precision, recall, F1 and ROC AUC per form and overall, at the given threshold."""
    from zicht.detect import Detector
    from zicht.detect.evaluate import evaluate, format_report
    from zicht.detect.jsonl import read_gold

    result = evaluate(Detector.load(model), read_gold(gold), threshold)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    typer.echo(f"{gold.name}:")
    for line in format_report(result):
        typer.echo(line)


@import_app.command("mutations")
def import_mutations(
    source: Path = typer.Argument(..., help="CSV or JSONL of police mutations"),
    as_user: str = typer.Option(..., "--as", help="act as this user (the audit log names them)"),
    retention_days: int = typer.Option(
        365, "--retention-days", help="keep for this many days (at most 365, Wpg art. 8)"
    ),
    run_detector: bool = typer.Option(True, "--detect/--no-detect", help="store signals too"),
    model: Path | None = MODEL,
) -> None:
    """Import mutations all or nothing, then run the detector over them and store its signals."""
    from zicht.commands.common import acting_as
    from zicht.detect import Detector
    from zicht.detect.signals import detect_documents
    from zicht.sources import mutations

    rows = mutations.read_file(source)
    detector = Detector.load(model) if run_detector else None
    with acting_as(as_user) as (session, user):
        ids = mutations.import_rows(session, user, rows, retention_days=retention_days)
        flagged = detect_documents(session, user, ids, detector) if detector else 0
    typer.echo(f"{len(ids)} mutations imported; {flagged} with signals")
