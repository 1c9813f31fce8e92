"""Detection: documents per second of matching and scoring on one core, 1 KB documents.

Ours, two ways: `Detector().analyse(text)` one document at a time without a
model (folding with the offset map, one Aho-Corasick pass over every pattern and
its spelt-out variants, the triggered regexes, negation and reported speech per
hit, and the noisy-or score with its explanation); and `analyse_many` in batches
of 512 (as `zicht detect` reads) with a calibrated model trained in this run on
half of the documents, which adds the hashed n-grams and the model's prediction.
Baseline, in the same run: one compiled Python regex alternation over the same
literal patterns and regexes (case-insensitive), which finds matches only: no
folding, no obfuscations, no negation, no scoring.
Floor (issue 4): 5,000 documents per second.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_DOCS = 2_000
COMMAND_DOCS = 20_000  # the command end to end: enough that start-up is a small part
BASELINE_DOCS = 40  # the alternation is far slower: a sample keeps the run short
DOC_BYTES = 1_000
FLOOR = 5_000

SENTENCES = [
    "Omstreeks 14:20 uur werden wij gestuurd naar de Dorpsstraat ivm een melding van overlast.",
    "Betrokkene verklaarde dat zij sinds drie maanden in Nederland is en bij een vriendin woont.",
    "De bestuurder bleek niet in het bezit van een geldig rijbewijs; een bekeuring volgde.",
    "Melder zag een man met een fiets wegrennen en belde de meldkamer.",
    "Er is geen sprake van dwang; zij werkt zelfstandig en heeft haar eigen paspoort.",
    "Private escort, 35, relaxed and discreet, incall in my own studio near the station.",
    "The suspect was arrested for shoplifting and released after questioning.",
    "Hoi, ik wil graag weten wat mijn rechten zijn als huurder, kun je me helpen?",
    "She is NOT new in town and works independently, appointments by phone only.",
    "De werknemers hebben een contract en krijgen het cao-loon op tijd uitbetaald.",
    # sentences with evidence (about one in five documents carries some)
    "Zij vertelde dat haar paspoort is afgepakt en dat zij klanten moet ontvangen.",
    "He works 14 hours a day for 3 euro per hour and has to pay off the debt for his journey.",
    "Nieuw in de stad, net 18, bel mijn manager, 24/7 beschikbaar, alles kan.",
    "De jongen moest stelen in opdracht van oudere jongens en heeft een straatschuld.",
]


def documents(n: int = N_DOCS, seed: int = 42) -> list[str]:
    return [text for text, _ in labelled_documents(n, seed)]


def labelled_documents(n: int = N_DOCS, seed: int = 42) -> list[tuple[str, int]]:
    """(text, 1 if an evidence sentence went in) pairs of DOC_BYTES characters each."""
    rng = random.Random(seed)
    plain, evidence = SENTENCES[:10], SENTENCES[10:]
    docs = []
    for number in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < DOC_BYTES:
            pool = evidence if number % 5 == 0 and rng.random() < 0.3 else plain
            parts.append(rng.choice(pool))
        text = " ".join(parts)[:DOC_BYTES]
        docs.append((text, int(any(sentence in text for sentence in evidence))))
    return docs


def _batches(detector, docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    for start in range(0, len(docs), 512):
        detector.analyse_many(docs[start : start + 512])


def baseline_regex() -> re.Pattern[str]:
    from zicht.detect.matcher import expand
    from zicht.detect.taxonomy import default_taxonomy

    alternatives = []
    for indicator in default_taxonomy().indicators:
        for _, raw in indicator.all_patterns():
            for variant in expand(raw):
                literal = re.escape(variant.rstrip("*"))
                alternatives.append(rf"\b{literal}" + ("" if variant.endswith("*") else r"\b"))
        for patterns in indicator.regex.values():
            alternatives.extend(f"(?:{p})" for p in patterns)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to cpu {cpu}"
    return "not pinned"


def _rate(fn, docs: list[str], rounds: int = 3, *, batch: bool = False) -> float:  # type: ignore[no-untyped-def]
    """Documents per CPU second of this process: one core's throughput, even on a busy machine."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        if batch:
            fn(docs)
        else:
            for doc in docs:
                fn(doc)
        best = min(best, time.process_time() - started)
    return len(docs) / max(best, 1e-9)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _command_cpu(source: Path, output: Path) -> float:
    """CPU seconds of one `zicht detect SOURCE -o OUTPUT` (pinned: it inherits our core)."""
    before = _children_cpu()
    subprocess.run(
        [sys.executable, "-m", "zicht", "detect", str(source), "-o", str(output)],
        check=True,
        capture_output=True,
    )
    return _children_cpu() - before


def command_rate(docs: list[str]) -> tuple[float, float]:
    """`zicht detect` as a user runs it, JSONL in and out: (docs/s without start-up, start-up s)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty, source = folder / "empty.jsonl", folder / "docs.jsonl"
        empty.write_text("", encoding="utf-8")
        with source.open("w", encoding="utf-8") as handle:
            for number in range(COMMAND_DOCS):
                record = {"id": number, "text": docs[number % len(docs)], "kind": "mutation"}
                handle.write(json.dumps(record) + "\n")
        start_up = min(_command_cpu(empty, folder / "out0.jsonl") for _ in range(2))
        total = min(_command_cpu(source, folder / "out.jsonl") for _ in range(2))
    return COMMAND_DOCS / max(total - start_up, 1e-9), start_up


def _trained(pairs: list[tuple[str, int]]):  # type: ignore[no-untyped-def]
    from zicht.detect import Detector, Example, train
    from zicht.detect.model import one_thread

    examples = [Example(str(n), text, label) for n, (text, label) in enumerate(pairs)]
    with one_thread():
        return Detector(model=train(examples, holdout=0.0))


def run() -> dict[str, float | int | str]:
    from zicht.detect import Detector, scan

    pinned = _one_core()
    pairs = labelled_documents()
    docs = [text for text, _ in pairs]
    detector = Detector()
    detector.analyse(docs[0])  # warm: compile and cache
    modelled = _trained(pairs[::2])
    modelled.analyse_many(docs[:8])
    pattern = baseline_regex()
    ours = _rate(detector.analyse, docs)
    with_model = _rate(lambda batch: _batches(modelled, batch), docs, batch=True)
    baseline = _rate(lambda d: list(pattern.finditer(d)), docs[:BASELINE_DOCS], rounds=1)
    command, start_up = command_rate(docs)
    flagged = sum(1 for d in docs if detector.analyse(d).signals)
    result: dict[str, float | int | str] = {
        "documents": len(docs),
        "doc_bytes": DOC_BYTES,
        "with_signals": flagged,
        "patterns": detector.matcher.pattern_count,
        "detect_docs_per_s": round(ours),
        "detect_with_model_docs_per_s": round(with_model),
        "regex_alternation_docs_per_s": round(baseline),
        "command_docs_per_s": round(command),
        "command_start_up_s": round(start_up, 2),
        "ratio": round(ours / baseline, 2),
        "ratio_with_model": round(with_model / baseline, 2),
        "floor_docs_per_s": FLOOR,
        "cpu": pinned,
        "scanner": "compiled" if scan.COMPILED else "python",
        "clock": "process CPU time",
    }
    print(f"documents: {len(docs)} of {DOC_BYTES} bytes ({flagged} with signals), {pinned}")
    print(f"automaton keys (patterns, variants, triggers): {detector.matcher.pattern_count}")
    print(f"per-hit scanner: {'compiled (_scan.pyx)' if scan.COMPILED else 'Python (not built)'}")
    print(f"zicht detect (match + score + explain): {ours:10,.0f} docs/s")
    print(f"  with a trained model, batches of 512 : {with_model:10,.0f} docs/s")
    print(f"  the command, JSONL in and out      : {command:10,.0f} docs/s "
          f"({COMMAND_DOCS:,} docs; {start_up:.2f} s CPU of start-up not counted)")  # fmt: skip
    print(f"baseline: one regex alternation      : {baseline:10,.0f} docs/s")
    slower = min(ours, with_model)
    verdict = "meets" if slower >= FLOOR else "BELOW"
    print(f"ratio: {ours / baseline:.1f}x (with model {with_model / baseline:.1f}x)   "
          f"floor: {FLOOR:,} docs/s   {verdict} the floor")  # fmt: skip
    return result


if __name__ == "__main__":
    run()
