"""Run every benchmark (or those named on the command line) and save the figures.

    python -m benchmarks            # all
    python -m benchmarks audit link # only bench_audit and bench_link

Each `benchmarks/bench_<name>.py` exposes `run() -> dict` that prints its own figures,
including a baseline measured in the same run and the ratio against it.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).parent


def main(names: list[str]) -> int:
    available = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    chosen = names or available
    unknown = [n for n in chosen if n not in available]
    if unknown:
        print(f"error: unknown benchmark {unknown[0]!r} (known: {', '.join(available)})")
        return 1
    results: dict[str, object] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
        },
    }
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        results[name] = import_module(f"benchmarks.bench_{name}").run()
        print(f"({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    out = Path("var") / "bench" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nfigures saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
