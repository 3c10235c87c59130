"""Benchmark of the experiment runner: many tutorial games, locally and on a dask LocalCluster.

Run ``python -m sim.devtools.bench_experiment [--games 1000]``. It plays the same games (the
tutorial, seeds 0..N-1, as ``mandate experiment`` plays them) on one process, on 2 local worker
processes, and on a 2-worker dask LocalCluster (when the ``cluster`` extra is installed), checks
that all three produce identical games, and prints each wall time and its speed-up over one
process. The goal from the issue: 1,000 games with 2 local workers within 30 s on a 2-core
machine. Nothing asserts on time.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from sim.analysis.runner import Arm, GameSummary, run_games
from sim.bundled import scenario_file
from sim.scenario.loader import load_scenario

TUTORIAL = scenario_file("tutorial.toml")


def _timed(run: Callable[[], list[list[GameSummary]]]) -> tuple[float, list[list[GameSummary]]]:
    start = time.perf_counter()
    games = run()
    return time.perf_counter() - start, games


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=1000, help="games per run (default 1000)")
    args = parser.parse_args(argv)
    arms = [Arm("Base", load_scenario(TUTORIAL))]
    seeds = list(range(args.games))
    print(f"{args.games} tutorial games; {os.cpu_count()} CPU cores on this machine")
    one, reference = _timed(lambda: run_games(arms, seeds))
    print(f"1 process:                {one:7.2f} s")
    two, games = _timed(lambda: run_games(arms, seeds, workers=2))
    same = "identical games" if games == reference else "DIFFERENT GAMES"
    print(f"2 local worker processes: {two:7.2f} s  speed-up {one / two:4.2f}x  ({same})")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print('dask LocalCluster: skipped (pip install -e ".[cluster]")')
        return 0
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: None)  # workers are up before the clock starts
        seconds, games = _timed(lambda: run_games(arms, seeds, scheduler=client))
    same = "identical games" if games == reference else "DIFFERENT GAMES"
    print(f"2-worker dask LocalCluster: {seconds:5.2f} s  speed-up {one / seconds:4.2f}x  ({same})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
