"""Audit log: the cost of the hash chain against plain inserts of the same rows.

Every read of personal data writes an audit entry, so the chain must not be the
bottleneck of a crawl or an import. Baseline: the same rows inserted without
the head lock and the hashing, in the same run.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

N = 5_000


def _database(path: Path):  # type: ignore[no-untyped-def]
    from zicht.store.db import Database

    db = Database(f"sqlite:///{path}")
    db.migrate()
    return db


def run() -> dict[str, float]:
    from zicht.privacy import audit
    from zicht.store.db import utcnow
    from zicht.store.tables import AuditRow

    with tempfile.TemporaryDirectory() as tmp:
        db = _database(Path(tmp) / "bench.db")
        started = time.perf_counter()
        with db.session() as session:
            for i in range(N):
                audit.record(
                    session,
                    actor="bench",
                    action="read",
                    record_type="document",
                    record_id=i,
                    detail={"i": i},
                )
        chained = N / (time.perf_counter() - started)

        started = time.perf_counter()
        with db.session() as session:
            for start in range(0, N, 100):
                audit.record_many(
                    session,
                    [
                        audit.Event("bench", "read", None, "document", i, {"i": i})
                        for i in range(start, start + 100)
                    ],
                )
        batched = N / (time.perf_counter() - started)

        plain_db = _database(Path(tmp) / "plain.db")
        rows = [
            {
                "seq": i + 1,
                "at": utcnow(),
                "actor": "bench",
                "org_id": None,
                "action": "read",
                "record_type": "document",
                "record_id": str(i),
                "detail": {"i": i},
                "prev_hash": f"{i:064d}",
                "hash": f"{i + 1:064d}",
            }
            for i in range(N)
        ]
        started = time.perf_counter()
        with plain_db.session() as session:
            for row in rows:
                session.execute(insert(AuditRow), [row])
        plain = N / (time.perf_counter() - started)

        started = time.perf_counter()
        with db.session() as session:
            report = audit.verify(session)
        verify_rate = report.entries / (time.perf_counter() - started)
        db.dispose()
        plain_db.dispose()
    figures = {
        "audit_entries_per_s": round(chained),
        "plain_inserts_per_s": round(plain),
        "ratio_chained_to_plain": round(chained / plain, 2),
        "audit_entries_per_s_batched_100": round(batched),
        "ratio_batched_to_plain": round(batched / plain, 2),
        "verify_entries_per_s": round(verify_rate),
    }
    for key, value in figures.items():
        print(f"{key:>28}: {value}")
    return figures


if __name__ == "__main__":
    os.environ.setdefault("ZICHT_ENV", "test")
    run()
