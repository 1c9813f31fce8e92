"""Help chat under load: simulated visitors and counsellors over WebSockets on loopback.

    python -m benchmarks chat                      # 500 conversations, 60 s
    python benchmarks/bench_chat.py --seconds 10   # a quick run
    python benchmarks/bench_chat.py --conversations 200 --counsellors 10 --seconds 20

Two targets, one load: the real server (`python -m zicht serve`: uvicorn,
zicht's log config, SQLite) and, as the baseline, a bare relay that speaks the
same frames (hello, queue, accept, msg) with no hub, limits, transcript or
detector. Each runs in a subprocess of its own; the load generator is this
process, so the two never share an event loop. Counsellors accept their share
of the queue; every visitor then sends a message about once an `--interval`
and its counsellor answers each at once. Latency is from the send call to the
frame's arrival at the other side; a message that never arrives is lost.

Besides latency the run reports the server's CPU time per delivered message
(user + system, read from /proc over the load phase): on a shared machine the
wall-clock figures move with the neighbours' load, the CPU time much less.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
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
LINGER = 5.0  # seconds to wait for the last frames after sending stops


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


@dataclass
class Target:
    """A server under load: where it listens and how a counsellor proves who they are."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    console_headers: list[dict[str, str]]  # one per counsellor


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- the load: one client loop, whichever target ------------------------------------------


async def load(target: Target, n: int, seconds: float, interval: float) -> dict[str, Any]:
    from websockets.asyncio.client import connect

    base, origin = f"ws://127.0.0.1:{target.port}", f"http://127.0.0.1:{target.port}"
    tally, k = Tally(), len(target.console_headers)
    ready = asyncio.Event()
    accepted: set[int] = set()
    confirmed: set[int] = set()

    async def counsellor(index: int, headers: dict[str, str]) -> None:
        async with connect(
            f"{base}/chat/console/ws",
            origin=origin,  # type: ignore[arg-type]
            compression=None,
            additional_headers=headers,
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
                        reply = {"type": "msg", "conversation": f["conversation"], "body": key}
                        await ws.send(json.dumps({**reply, "cid": key}))

    async def visitor(index: int) -> None:
        async with connect(
            f"{base}/chat/ws",
            origin=origin,  # type: ignore[arg-type]
            compression=None,
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
            await asyncio.sleep(LINGER)
            reading.cancel()

    consoles = [
        asyncio.ensure_future(counsellor(i, h)) for i, h in enumerate(target.console_headers)
    ]
    await asyncio.sleep(1)
    visitors = []
    for i in range(n):
        visitors.append(asyncio.ensure_future(visitor(i)))
        if i % 50 == 49:
            await asyncio.sleep(0.2)
    await asyncio.wait_for(ready.wait(), timeout=120)
    server_cpu, client_cpu = cpu_seconds(target.process.pid), time.process_time()
    await asyncio.sleep(seconds + interval)
    tally.sending = False
    await asyncio.gather(*visitors)
    server_end = cpu_seconds(target.process.pid)
    for c in consoles:
        c.cancel()
    result = figures(tally, seconds)
    delivered = max(1, len(tally.received))
    if server_cpu is not None and server_end is not None:
        result["server_cpu_s"] = round(server_end - server_cpu, 2)
        result["server_cpu_ms_per_msg"] = round((server_end - server_cpu) * 1000 / delivered, 3)
    result["client_cpu_s"] = round(time.process_time() - client_cpu, 2)
    return result


def figures(tally: Tally, seconds: float) -> dict[str, Any]:
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


# -- the targets ---------------------------------------------------------------------------


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


def baseline_app() -> FastAPI:
    """The same frames, relayed from memory: what the network and the framework cost alone."""
    app = FastAPI()
    visitors: dict[int, WebSocket] = {}
    consoles: list[WebSocket] = []
    owner: dict[int, WebSocket] = {}
    rooms = itertools.count(1)

    @app.websocket("/chat/ws")
    async def visitor(ws: WebSocket) -> None:
        await ws.accept()
        await ws.receive_text()  # hello
        room = next(rooms)
        visitors[room] = ws
        await ws.send_text(json.dumps({"type": "welcome", "token": str(room)}))
        queue = json.dumps({"type": "queue", "items": [{"id": room}]})
        for console in list(consoles):
            await console.send_text(queue)
        try:
            while True:
                f = json.loads(await ws.receive_text())
                frame = json.dumps({**f, "from": "visitor", "conversation": room})
                await ws.send_text(frame)
                await owner[room].send_text(frame)
        except WebSocketDisconnect:
            visitors.pop(room, None)

    @app.websocket("/chat/console/ws")
    async def counsellor(ws: WebSocket) -> None:
        await ws.accept()
        consoles.append(ws)
        try:
            while True:
                f = json.loads(await ws.receive_text())
                room = f["conversation"]
                if f["type"] == "accept":
                    owner[room] = ws
                    await ws.send_text(json.dumps({"type": "conversation", "id": room}))
                    continue
                frame = json.dumps({**f, "from": "counsellor"})
                await ws.send_text(frame)
                await visitors[room].send_text(frame)
        except WebSocketDisconnect:
            consoles.remove(ws)

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(
    name: str, command: list[str], env: dict[str, str], headers: list[dict[str, str]]
) -> Target:
    port = free_port()
    process = subprocess.Popen(
        [*command, str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name}: the server stopped before it listened")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Target(name, process, port, headers)
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"{name}: the server did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- running -------------------------------------------------------------------------------


def ratio(ours: dict[str, Any], base: dict[str, Any], key: str) -> float | None:
    return round(ours[key] / base[key], 2) if ours.get(key) and base.get(key) else None


def run(
    conversations: int = 500, counsellors: int = 25, seconds: float = 60.0, interval: float = 1.0
) -> dict[str, Any]:
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        tokens = prepare(home, counsellors)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZICHT_")}
        env.update({"ZICHT_HOME": str(home), "ZICHT_ENV": "test"})
        targets: dict[str, tuple[list[str], list[dict[str, str]]]] = {
            "zicht": (
                [sys.executable, "-m", "zicht", "serve", "--port"],
                [{"cookie": f"zicht_session={t}"} for t in tokens],
            ),
            "baseline_bare_relay": (
                [sys.executable, __file__, "--baseline-server"],
                [{} for _ in tokens],
            ),
        }
        for name, (command, headers) in targets.items():
            target = start(name, command, env, headers)
            try:
                results[name] = asyncio.run(load(target, conversations, seconds, interval))
            finally:
                stop(target.process)
    zicht, base = results["zicht"], results["baseline_bare_relay"]
    result: dict[str, Any] = {
        "conversations": conversations,
        "counsellors": counsellors,
        "seconds": seconds,
        "interval_s": interval,
        **results,
        "ratio_p99": round(zicht["p99_ms"] / base["p99_ms"], 2) if base["p99_ms"] else None,
        "ratio_throughput": round(zicht["delivered_per_s"] / base["delivered_per_s"], 3)
        if base["delivered_per_s"]
        else None,
        "ratio_cpu_per_msg": ratio(zicht, base, "server_cpu_ms_per_msg"),
        "floor_p99_ms": FLOOR_P99_MS,
        "meets_floor": zicht["p99_ms"] < FLOOR_P99_MS and zicht["lost"] == 0,
    }
    for name, f in results.items():
        print(
            f"{name:>20}: {f['delivered_per_s']:8.1f} msg/s delivered, median "
            f"{f['median_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, max {f['max_ms']:.1f} ms, "
            f"lost {f['lost']} of {f['sent']}; server CPU {f.get('server_cpu_ms_per_msg')} "
            f"ms/msg, load generator CPU {f['client_cpu_s']} s"
        )
    print(
        f"{'ratio':>20}: p99 {result['ratio_p99']}x the bare relay, throughput "
        f"{result['ratio_throughput']}x, server CPU per message {result['ratio_cpu_per_msg']}x; "
        f"floor p99 < {FLOOR_P99_MS:.0f} ms with {conversations} conversations and 0 lost: "
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
            baseline_app(),
            host="127.0.0.1",
            port=args.baseline_server,
            log_level="warning",
            ws_per_message_deflate=False,  # the same transport as `zicht serve`
        )
        return
    run(args.conversations, args.counsellors, args.seconds, args.interval)


if __name__ == "__main__":
    main()
