"""Person linkage at scale: Splink on DuckDB, the Bloom-filter keys, and Splink on Spark.

For each size (100,000 and 1,000,000 registrations from the demo generator, seed 11,
with its spelling variation), every method runs in a fresh process so its wall time
and peak resident memory are its own; the baseline is a process that only loads the
same records. F1 is pairwise against the generator's ground truth. The Splink model
is trained by EM on (at most 100,000 of) the run's records inside the timed part;
thresholds were tuned on seed 7. Names come from the demo's name pools (hundreds of
names per origin, `zicht/demo/data/names/`), so that distinct people share a name
about as rarely as in life.

    python -m benchmarks persons                  # 100k and 1M (1M takes long)
    python benchmarks/bench_persons.py 100000     # chosen sizes
    BENCH_PERSONS_SIZES=20000 python -m benchmarks persons
    BENCH_PERSONS_SPARK=0 ...                     # skip Spark
    BENCH_PERSONS_METHODS=splink-duckdb ...       # only these (bloom, splink-duckdb, splink-spark)
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (100_000, 1_000_000)
SPARK_SIZE = 100_000
SEED = 11


def _generate(n: int, path: Path) -> None:
    import random

    from zicht.demo.registrations import registrations
    from zicht.link.persons.records import from_row

    regs = registrations(random.Random(f"{SEED}:registrations"), n)
    records = [from_row(r.org, r.row) for r in regs]
    gold = {rec.uid: reg.person for rec, reg in zip(records, regs, strict=True)}
    with path.open("wb") as handle:
        pickle.dump((records, gold), handle, protocol=pickle.HIGHEST_PROTOCOL)


def _one(method: str, data: Path) -> dict[str, Any]:
    """Runs in the child: load, then time one method; peak RSS of this process."""
    from zicht.link.persons.evaluate import pairwise

    with data.open("rb") as handle:
        records, gold = pickle.load(handle)
    started, cpu = time.perf_counter(), time.process_time()
    found: dict[str, Any] = {}
    if method == "splink-duckdb":
        from zicht.link.persons.splink_linker import predict_persons, train

        found = predict_persons(records, train(records))
    elif method == "bloom":
        from zicht.link.persons.pprl import encode_records, link_keys

        keys = list(encode_records(records, b"benchmark secret, 32 bytes long!"))
        found = dict(zip((r.uid for r in records), link_keys(keys), strict=True))
    elif method == "splink-spark":
        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers need rapidfuzz

        from zicht.link.persons.splink_linker import predict_persons, train

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("bench-persons")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "4g")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        try:
            found = predict_persons(records, train(records), engine="spark", spark=spark)
        finally:
            spark.stop()
    elif method != "load":
        raise SystemExit(f"unknown method {method}")
    seconds = time.perf_counter() - started
    out: dict[str, Any] = {
        "seconds": round(seconds, 1),
        # CPU of this process, all its threads (DuckDB's too, not Spark's JVM): a figure
        # that a machine shared with other work inflates less than wall time.
        "cpu_seconds": round(time.process_time() - cpu, 1),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    if found:
        out["f1"] = round(pairwise(found, gold).f1, 4)
        out["precision"] = round(pairwise(found, gold).precision, 4)
        out["recall"] = round(pairwise(found, gold).recall, 4)
    return out


def _child(method: str, data: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", method, str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"error": " | ".join(tail)}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(sizes: tuple[int, ...] | None = None) -> dict[str, Any]:
    env = os.environ.get("BENCH_PERSONS_SIZES")
    chosen = sizes or (tuple(int(s) for s in env.split(",")) if env else SIZES)
    spark = os.environ.get("BENCH_PERSONS_SPARK", "1") != "0"
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in chosen:
            data = Path(tmp) / f"records-{n}.pickle"
            started = time.perf_counter()
            _generate(n, data)
            print(
                f"{n:>9,} registrations generated in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            methods = ["load", "bloom", "splink-duckdb"]
            if spark and n == SPARK_SIZE:
                methods.append("splink-spark")
            only = os.environ.get("BENCH_PERSONS_METHODS")
            if only:
                methods = ["load", *(m for m in methods[1:] if m in only.split(","))]
            figures: dict[str, Any] = {}
            for method in methods:
                figures[method] = _child(method, data)
                print(f"{n:>9,} {method:<14} {json.dumps(figures[method])}", flush=True)
            base = figures["load"].get("peak_mb") or 1
            for method in methods[1:]:
                if "peak_mb" in figures[method]:
                    figures[method]["memory_vs_load"] = round(figures[method]["peak_mb"] / base, 2)
            if "seconds" in figures.get("bloom", {}) and "seconds" in figures.get(
                "splink-duckdb", {}
            ):
                figures["splink_vs_bloom_time"] = round(
                    figures["splink-duckdb"]["seconds"] / max(figures["bloom"]["seconds"], 0.1), 2
                )
            results[str(n)] = figures
    return results


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(_one(sys.argv[2], Path(sys.argv[3]))))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        print(json.dumps(run(tuple(int(a) for a in sys.argv[1:]) or None), indent=2))
