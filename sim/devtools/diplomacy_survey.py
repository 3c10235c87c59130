"""How much the diplomacy varies: every bundled scenario played by the AI over many seeds.

    python -m sim.devtools.diplomacy_survey [--seeds 20] [--scenarios DIR]

(the default is the bundled scenarios)

For each scenario: how many distinct vote sequences the seeds produce (a sequence is the list of
(draft, version, tally, passed) of every vote), vetoes cast (and in how many seeds), drafts
withdrawn, public statements, side deals and vote trades, and the endings reached. Seeds should
change the diplomacy in most scenarios, vetoes should occur where history had them, and no single
line of play should win nearly always.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario.build import build_world
from sim.scenario.catalogue import bundled_entries
from sim.scenario.loader import load_scenario


@dataclass(frozen=True)
class Survey:
    """What the AI did with one scenario over many seeds."""

    scenario: str
    seeds: int
    sequences: int
    votes: int
    vetoes: int
    withdrawn: int
    statements: int
    endings: Counter[str]
    vetoed_seeds: int = 0  # seeds in which at least one veto was cast
    side_deals: int = 0
    vote_trades: int = 0


def survey(path: Path, seeds: int) -> Survey:
    """Play ``path`` with the AI in every seat for seeds 0 .. seeds-1."""
    scenario = load_scenario(path)
    sequences: set[tuple[tuple[str, int, str, bool], ...]] = set()
    votes = vetoes = withdrawn = statements = vetoed_seeds = side_deals = trades = 0
    endings: Counter[str] = Counter()
    for seed in range(seeds):
        engine = Engine(build_world(scenario, seed))
        play_game(engine, default_agents(engine))
        world = engine.world
        sequence = tuple(
            (v.draft, v.version, v.tally.counts(), v.tally.passed) for v in world.votes
        )
        sequences.add(sequence)
        votes += len(world.votes)
        vetoed = sum(1 for v in world.votes if v.tally.vetoed_by)
        vetoes += vetoed
        vetoed_seeds += vetoed > 0
        side_deals += sum(1 for e in world.events if e.kind == "side_payment")
        trades += sum(1 for e in world.events if e.kind == "vote_trade")
        withdrawn += len(world.withdrawn)
        statements += len(world.statements)
        endings[world.outcome.ending if world.outcome else "(none)"] += 1
    return Survey(
        scenario.id,
        seeds,
        len(sequences),
        votes,
        vetoes,
        withdrawn,
        statements,
        endings,
        vetoed_seeds,
        side_deals,
        trades,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the survey of every scenario in the folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument(
        "--scenarios", type=Path, default=None, help="a folder (default: the bundled scenarios)"
    )
    args = parser.parse_args(argv)
    table = Table(title=f"AI diplomacy over seeds 0–{args.seeds - 1}")
    for column in (
        "scenario",
        "distinct vote sequences",
        "votes",
        "vetoes (seeds)",
        "withdrawn",
        "statements",
        "side deals / vote trades",
        "endings",
    ):
        table.add_column(column)
    if args.scenarios is None:
        paths = sorted(e.path for e in bundled_entries())
    else:
        paths = sorted(args.scenarios.glob("*.toml"))
    for path in paths:
        s = survey(path, args.seeds)
        ends = ", ".join(f"{e} {n}" for e, n in s.endings.most_common())
        table.add_row(
            s.scenario,
            f"{s.sequences} of {s.seeds}",
            str(s.votes),
            f"{s.vetoes} ({s.vetoed_seeds})",
            str(s.withdrawn),
            str(s.statements),
            f"{s.side_deals} / {s.vote_trades}",
            ends,
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
