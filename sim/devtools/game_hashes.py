"""Final state hashes of a fixed set of AI games: a guard for speed work that must change no game.

Run ``python -m sim.devtools.game_hashes --write FILE`` before a change that should leave every
game as it was (a faster month loop, a cache in a decider) and ``--check FILE`` after it. It plays
every bundled scenario for seeds 0–2 with the AI in every seat (both with bargaining penholders
and with drafts tabled as written) and a generated 193-state scenario with a General Assembly
draft, and records each game's final state hash and months played. ``--check`` prints every game
whose hash moved and exits 1 if any did.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sim.analysis.runner import PlaySettings, play_one
from sim.bundled import scenarios_dir
from sim.devtools.generate import generate_scenario_text
from sim.scenario.loader import load_scenario, parse_scenario
from sim.scenario.schema import ScenarioFile

SEEDS = (0, 1, 2)


def _scenarios() -> list[tuple[str, ScenarioFile]]:
    found = [(p.stem, load_scenario(p)) for p in sorted(scenarios_dir().glob("*.toml"))]
    text = generate_scenario_text(193, seed=0, ga_draft=True)
    found.append(("generated_193_ga", parse_scenario(text, "<generated 193>")))
    return found


def game_hashes(verbose: bool = False) -> dict[str, str]:
    """``{"scenario/line/seed": "months:hash"}`` for every game of the guard set."""
    hashes: dict[str, str] = {}
    for name, scenario in _scenarios():
        for historical in (False, True):
            line = "as_written" if historical else "ai"
            for seed in SEEDS:
                start = time.perf_counter()
                summary = play_one(scenario, seed, PlaySettings(historical=historical))
                key = f"{name}/{line}/{seed}"
                hashes[key] = f"{summary.months_played}:{summary.state_hash}"
                if verbose:
                    print(f"{key:40} {time.perf_counter() - start:6.2f} s", file=sys.stderr)
    return hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record the hashes in this JSON file")
    group.add_argument("--check", type=Path, help="compare with the hashes in this JSON file")
    parser.add_argument("--verbose", action="store_true", help="time each game on stderr")
    args = parser.parse_args(argv)
    hashes = game_hashes(args.verbose)
    if args.write is not None:
        args.write.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n")
        print(f"{len(hashes)} games recorded in {args.write}")
        return 0
    recorded: dict[str, str] = json.loads(args.check.read_text())
    moved = sorted(k for k in recorded.keys() | hashes.keys() if recorded.get(k) != hashes.get(k))
    for key in moved:
        print(f"MOVED {key}: {recorded.get(key)} -> {hashes.get(key)}")
    print(f"{len(hashes) - len(moved)} of {len(hashes)} games unchanged")
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
