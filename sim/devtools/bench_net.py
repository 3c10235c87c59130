"""Load benchmark of the classroom server (a script that prints; not a timed test).

    python -m sim.devtools.bench_net [--clients 30] [--scenario tutorial] [--seed 7]

Starts ``mandate serve`` in its own process on 127.0.0.1 with as many human seats as the
scenario has (up to ``--clients``), lets one ``--bot`` client play each seat (clients beyond the
scenario's seats join with the teacher's code and watch every view), plays the whole game, and
prints the p50 and p99 time from a request sent to its result received, and the server's peak
memory (its maximum resident set size). The goal is p99 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from tempfile import TemporaryDirectory

from websockets.asyncio.client import connect

from sim.model.seats import seat_options
from sim.net.client import Bot
from sim.scenario import catalogue
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario


async def watch(url: str, code: str, limit: float) -> int:
    """A client on the teacher's code that receives every view until the game ends."""
    frames = 0
    async with connect(url, max_size=None) as ws:
        await ws.send(json.dumps({"type": "hello", "code": code}))
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            frame = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
            frames += 1
            if frame["type"] == "state" and frame["view"]["public"]["outcome"] is not None:
                break
    return frames


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sim.devtools.bench_net", description=__doc__)
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--scenario", default="tutorial", help="scenario id or file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=float, default=900.0, help="give up after N seconds")
    args = parser.parse_args(argv)
    path = catalogue.locate(args.scenario)
    if path is None:
        parser.error(f"no scenario {args.scenario!r}")
    world = build_world(load_scenario(path), args.seed)
    seats = [o.id for o in seat_options(world)][: args.clients]
    with TemporaryDirectory() as folder:
        command = [
            sys.executable,
            "-m",
            "sim.cli",
            "serve",
            str(path),
            "--seed",
            str(args.seed),
            "--port",
            "0",
            "--human",
            ",".join(seats),
            "--save",
            str(Path(folder) / "bench.json"),
        ]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            codes, port = {}, ""
            assert server.stdout is not None
            for line in server.stdout:
                if found := re.search(r":(\d+)$", line.strip()):
                    port = port or found.group(1)
                if found := re.search(r"(seat \S+|teacher): join code (\w+)", line):
                    codes[found.group(1)] = found.group(2)
                if line.startswith("Saving"):
                    break
            url = f"ws://127.0.0.1:{port}"
            bots = [Bot(url, codes[f"seat {s}"]) for s in seats]
            watchers = args.clients - len(bots)
            started = time.perf_counter()

            async def play() -> list[object]:
                jobs = [b.run(limit=args.limit) for b in bots]
                jobs += [watch(url, codes["teacher"], args.limit) for _ in range(watchers)]
                return await asyncio.gather(*jobs)

            asyncio.run(play())
            seconds = time.perf_counter() - started
            rest = server.communicate(timeout=60)[0]
            peak = re.search(r"peak memory (\d+) MiB", rest)
        finally:
            server.kill()
            server.wait(60)
    latencies = [x * 1000 for b in bots for x in b.report.latencies]
    outcomes = {b.report.outcome for b in bots}
    print(
        f"scenario {world.scenario_id}, seed {args.seed}: {len(bots)} bot clients (one per"
        f" seat) and {watchers} watching clients on loopback; {seconds:.1f} s"
    )
    print(f"outcome: {', '.join(str(o) for o in outcomes)}")
    if latencies:
        print(
            f"requests: {len(latencies)}; command→result latency p50"
            f" {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms"
            " (goal p99 ≤ 50 ms)"
        )
    print(
        f"server peak memory (max RSS): {peak.group(1)} MiB"
        if peak
        else "server peak memory: not reported"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
