"""Help chat under load: simulated visitors and counsellors over WebSockets on loopback.

    python -m benchmarks chat                      # 500 conversations, 60 s
    python benchmarks/bench_chat.py --seconds 10   # a quick run
    python benchmarks/bench_chat.py --conversations 200 --counsellors 10 --seconds 20

The real server (`python -m zicht serve`: uvicorn, zicht's log config, SQLite)
runs in a subprocess. Counsellors log in (a session cookie each) and accept
their share of the queue; every visitor then sends a message about once a
`--interval` and its counsellor answers each at once. Latency is from the
send call to the frame's arrival at the other side; a message that never
arrives is counted as lost. Baseline, same load in the same run: a bare
FastAPI app that relays the same JSON frames between the same pairs (no hub,
no limits, no transcript, no detector).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# At module level: FastAPI reads the endpoints' (string) annotations from these globals.
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

DEFAULTS = {"conversations": 500, "counsellors": 25, "seconds": 60.0, "interval": 1.0}
FLOOR_P99_MS = 200.0
PASSWORD = "bench password 123"


@dataclass
class Tally:
    sent: dict[str, float] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    received: set[str] = field(default_factory=set)
    sending: bool = True

    def send(self, key: str) -> None:
        self.sent[key] = time.perf_counter()

    def got(self, key: str) -> None:
        if key in self.sent and key not in self.received:
            self.received.add(key)
            self.latencies.append(time.perf_counter() - self.sent[key])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped before it listened")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- the zicht side ----------------------------------------------------------------------


def prepare(home: Path, counsellors: int) -> list[str]:
    """A migrated database with a helpline, its counsellors and a login session each."""
    os.environ["ZICHT_HOME"], os.environ["ZICHT_ENV"] = str(home), "test"
    from zicht.accounts import service, sessions
    from zicht.settings import reset_settings
    from zicht.store.db import Database

    reset_settings()
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    db.migrate()
    tokens = []
    with db.session() as s:
        service.add_org(s, "Bench helpline", "helpline")
        for n in range(counsellors):
            user = service.add_user(
                s, f"c{n}", org="Bench helpline", role="counsellor", password=PASSWORD
            )
            tokens.append(sessions.start(s, user, hours=2).token)
    db.dispose()
    return tokens


async def zicht_load(
    port: int, tokens: list[str], n: int, seconds: float, interval: float
) -> Tally:
    from websockets.asyncio.client import connect

    base, origin = f"ws://127.0.0.1:{port}", f"http://127.0.0.1:{port}"
    tally, k = Tally(), len(tokens)
    ready = asyncio.Event()
    accepted: set[int] = set()
    confirmed: set[int] = set()

    async def counsellor(index: int, token: str) -> None:
        async with connect(
            f"{base}/chat/console/ws",
            origin=origin,
            compression=None,  # type: ignore[arg-type]
            additional_headers={"cookie": f"zicht_session={token}"},
            max_queue=None,
        ) as ws:
            async for raw in ws:
                f = json.loads(raw)
                if f["type"] == "queue":
                    for item in f["items"]:
                        if item["id"] % k == index and item["id"] not in accepted:
                            accepted.add(item["id"])
                            await ws.send(
                                json.dumps({"type": "accept", "conversation": item["id"]})
                            )
                elif f["type"] == "conversation":
                    confirmed.add(f["id"])
                    if len(confirmed) >= n:
                        ready.set()  # every conversation is accepted: the load starts
                elif f["type"] == "msg" and f["from"] == "visitor":
                    tally.got(f["body"])
                    if tally.sending:
                        key = "r" + f["body"]
                        tally.send(key)
                        await ws.send(
                            json.dumps(
                                {
                                    "type": "msg",
                                    "conversation": f["conversation"],
                                    "body": key,
                                    "cid": key,
                                }
                            )
                        )

    async def visitor(index: int) -> None:
        async with connect(
            f"{base}/chat/ws",
            origin=origin,
            compression=None,  # type: ignore[arg-type]
            max_queue=None,
        ) as ws:
            await ws.send(json.dumps({"type": "hello", "lang": "nl"}))

            async def reader() -> None:
                async for raw in ws:
                    f = json.loads(raw)
                    if f["type"] == "msg" and f["from"] == "counsellor":
                        tally.got(f["body"])

            reading = asyncio.ensure_future(reader())
            await ready.wait()
            await asyncio.sleep(random.uniform(0, interval))
            seq = 0
            while tally.sending:
                seq += 1
                key = f"v{index}.{seq}"
                tally.send(key)
                await ws.send(json.dumps({"type": "msg", "cid": key, "body": key}))
                await asyncio.sleep(interval)
            await asyncio.sleep(5)
            reading.cancel()

    consoles = [asyncio.ensure_future(counsellor(i, t)) for i, t in enumerate(tokens)]
    await asyncio.sleep(1)
    visitors = []
    for i in range(n):
        visitors.append(asyncio.ensure_future(visitor(i)))
        if i % 50 == 49:
            await asyncio.sleep(0.2)
    await asyncio.wait_for(ready.wait(), timeout=120)
    await asyncio.sleep(seconds + interval)
    tally.sending = False
    await asyncio.gather(*visitors)
    for c in consoles:
        c.cancel()
    return tally


# -- the baseline: a bare FastAPI relay --------------------------------------------------


def baseline_app() -> FastAPI:
    app = FastAPI()
    visitors: dict[int, WebSocket] = {}
    counsellors: dict[int, WebSocket] = {}
    k = int(os.environ.get("BENCH_COUNSELLORS", "25"))

    @app.websocket("/v/{room}")
    async def visitor(ws: WebSocket, room: int) -> None:
        await ws.accept()
        visitors[room] = ws
        try:
            while True:
                f = json.loads(await ws.receive_text())
                await ws.send_text(json.dumps({"type": "msg", "from": "visitor", **f}))
                await counsellors[room % k].send_text(
                    json.dumps({"type": "msg", "from": "visitor", "conversation": room, **f})
                )
        except WebSocketDisconnect:
            visitors.pop(room, None)

    @app.websocket("/c/{index}")
    async def counsellor(ws: WebSocket, index: int) -> None:
        await ws.accept()
        counsellors[index] = ws
        try:
            while True:
                f = json.loads(await ws.receive_text())
                await ws.send_text(json.dumps({"type": "msg", "from": "counsellor", **f}))
                await visitors[f["conversation"]].send_text(
                    json.dumps({"type": "msg", "from": "counsellor", **f})
                )
        except WebSocketDisconnect:
            counsellors.pop(index, None)

    return app


async def baseline_load(port: int, k: int, n: int, seconds: float, interval: float) -> Tally:
    from websockets.asyncio.client import connect

    base, tally = f"ws://127.0.0.1:{port}", Tally()
    ready = asyncio.Event()

    async def counsellor(index: int) -> None:
        async with connect(f"{base}/c/{index}", compression=None, max_queue=None) as ws:
            async for raw in ws:
                f = json.loads(raw)
                if f["from"] == "visitor":
                    tally.got(f["body"])
                    if tally.sending:
                        key = "r" + f["body"]
                        tally.send(key)
                        await ws.send(json.dumps({"conversation": f["conversation"], "body": key}))

    async def visitor(index: int) -> None:
        async with connect(f"{base}/v/{index}", compression=None, max_queue=None) as ws:

            async def reader() -> None:
                async for raw in ws:
                    f = json.loads(raw)
                    if f["from"] == "counsellor":
                        tally.got(f["body"])

            reading = asyncio.ensure_future(reader())
            await ready.wait()
            await asyncio.sleep(random.uniform(0, interval))
            seq = 0
            while tally.sending:
                seq += 1
                key = f"v{index}.{seq}"
                tally.send(key)
                await ws.send(json.dumps({"body": key}))
                await asyncio.sleep(interval)
            await asyncio.sleep(5)
            reading.cancel()

    consoles = [asyncio.ensure_future(counsellor(i)) for i in range(k)]
    await asyncio.sleep(1)
    visitors = [asyncio.ensure_future(visitor(i)) for i in range(n)]
    await asyncio.sleep(2)
    ready.set()
    await asyncio.sleep(seconds + interval)
    tally.sending = False
    await asyncio.gather(*visitors)
    for c in consoles:
        c.cancel()
    return tally


# -- running -----------------------------------------------------------------------------


def figures(tally: Tally, seconds: float) -> dict[str, float]:
    ms = sorted(x * 1000 for x in tally.latencies)
    p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))] if ms else float("nan")
    return {
        "sent": len(tally.sent),
        "delivered": len(tally.received),
        "lost": len(tally.sent) - len(tally.received),
        "delivered_per_s": round(len(tally.received) / seconds, 1),
        "median_ms": round(statistics.median(ms), 2) if ms else float("nan"),
        "p99_ms": round(p99, 2),
        "max_ms": round(ms[-1], 2) if ms else float("nan"),
    }


def run(
    conversations: int = 500, counsellors: int = 25, seconds: float = 60.0, interval: float = 1.0
) -> dict[str, Any]:
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        tokens = prepare(home, counsellors)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZICHT_")}
        env.update(
            {"ZICHT_HOME": str(home), "ZICHT_ENV": "test", "BENCH_COUNSELLORS": str(counsellors)}
        )
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "zicht", "serve", "--port", str(port)], env=env, **quiet
        )  # type: ignore[call-overload]
        try:
            wait_for_port(port, server)
            zicht = figures(
                asyncio.run(zicht_load(port, tokens, conversations, seconds, interval)), seconds
            )
        finally:
            stop(server)
        port = free_port()
        relay = subprocess.Popen(
            [sys.executable, __file__, "--baseline-server", str(port)], env=env, **quiet
        )  # type: ignore[call-overload]
        try:
            wait_for_port(port, relay)
            base = figures(
                asyncio.run(baseline_load(port, counsellors, conversations, seconds, interval)),
                seconds,
            )
        finally:
            stop(relay)
    result = {
        "conversations": conversations,
        "counsellors": counsellors,
        "seconds": seconds,
        "interval_s": interval,
        "zicht": zicht,
        "baseline_bare_relay": base,
        "ratio_p99": round(zicht["p99_ms"] / base["p99_ms"], 2) if base["p99_ms"] else None,
        "ratio_throughput": round(zicht["delivered_per_s"] / base["delivered_per_s"], 3)
        if base["delivered_per_s"]
        else None,
        "floor_p99_ms": FLOOR_P99_MS,
        "meets_floor": zicht["p99_ms"] < FLOOR_P99_MS and zicht["lost"] == 0,
    }
    for name in ("zicht", "baseline_bare_relay"):
        f = result[name]
        print(
            f"{name:>20}: {f['delivered_per_s']:8.1f} msg/s delivered, median "
            f"{f['median_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, max {f['max_ms']:.1f} ms, "
            f"lost {f['lost']} of {f['sent']}"
        )
    print(
        f"{'ratio':>20}: p99 {result['ratio_p99']}x the bare relay, throughput "
        f"{result['ratio_throughput']}x; floor p99 < {FLOOR_P99_MS:.0f} ms with "
        f"{conversations} conversations and 0 lost: "
        f"{'met' if result['meets_floor'] else 'NOT met'}"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=DEFAULTS["conversations"])
    parser.add_argument("--counsellors", type=int, default=DEFAULTS["counsellors"])
    parser.add_argument("--seconds", type=float, default=DEFAULTS["seconds"])
    parser.add_argument("--interval", type=float, default=DEFAULTS["interval"])
    parser.add_argument("--baseline-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline_server:
        import uvicorn

        uvicorn.run(
            baseline_app(), host="127.0.0.1", port=args.baseline_server, log_level="warning"
        )
        return
    run(args.conversations, args.counsellors, args.seconds, args.interval)


if __name__ == "__main__":
    main()
