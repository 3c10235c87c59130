"""Peace processes over many seeds: how often talks were convened, what was signed, by whom,
and how long it held.

    python -m sim.analysis.peace_table [--seeds 20] [--historical] [FILE ...]

Each bundled scenario (or each FILE) is played with AI in every seat, as ``mandate run`` plays
it, for ``--seeds`` seeds; the table prints one row per scenario: agreements by name (and kind;
who signed only tactically), who signed, how many broke down, in how many runs an agreement was
still in force at the end, how long each held (until it broke down, was superseded by the next
agreement, or the game ended), and how often factions left out attacked. "Ends by" says how a
war may end there: only by ``talks`` (settlement positions), by ``talks and chance`` (positions
with ``chance_endings``) or by the monthly ``hazards`` alone.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from sim.bundled import scenarios_dir
from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario


@dataclass(frozen=True)
class Row:
    """One scenario's peace processes over the seeds."""

    scenario: str
    runs: int
    negotiated: str
    with_talks: int
    with_signature: int
    signed: Counter[str]
    signatories: Counter[str]
    held: tuple[int, ...]
    broken: int
    holding_at_end: int
    attacks: int = 0


def survey(path: Path, seeds: Sequence[int], historical: bool = False) -> Row:
    """Play ``path`` once per seed and collect its agreements."""
    scenario = load_scenario(path)
    signed: Counter[str] = Counter()
    signatories: Counter[str] = Counter()
    held: list[int] = []
    with_talks = with_signature = broken = holding = attacks = 0
    negotiated = "no (hazards)"
    for seed in seeds:
        engine = Engine(build_world(scenario, seed))
        world = engine.world
        play_game(engine, default_agents(engine, historical=historical))
        if world.settlement is not None:
            negotiated = "talks and chance" if world.settlement.chance_endings else "talks"
        with_talks += world.peace.sessions > 0
        last = world.outcome.month if world.outcome else world.month
        agreements = world.peace.agreements
        attacks += sum(e.kind == "spoiler_attack" for e in world.events)
        with_signature += any(a.month > 0 for a in agreements)
        holding += bool(agreements) and agreements[-1].in_force
        for i, agreement in enumerate(agreements):
            parts = ["in force at the start"] if agreement.month == 0 else []
            if agreement.month and not agreement.name.endswith(f"{agreement.kind} agreement"):
                parts.append(agreement.kind)
            if agreement.tactical:
                parts.append(f"tactically by {' + '.join(agreement.tactical)}")
            label = agreement.name + (f" ({', '.join(parts)})" if parts else "")
            signed[label] += 1
            signatories[" + ".join(agreement.signatories)] += 1
            # Held until it broke down, or was superseded by the next agreement, or the end.
            later = agreements[i + 1].month if i + 1 < len(agreements) else last
            end = agreement.ended_month if agreement.ended_month is not None else later
            held.append(end - max(agreement.month, 1))
            broken += agreement.ended_month is not None
    return Row(
        scenario.id,
        len(seeds),
        negotiated,
        with_talks,
        with_signature,
        signed,
        signatories,
        tuple(held),
        broken,
        holding,
        attacks,
    )


def _counts(counter: Counter[str]) -> str:
    return "; ".join(f"{k} ×{n}" for k, n in sorted(counter.items())) or "—"


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| Scenario | Runs | Ends by | Runs with talks | Runs with a signature | Signed |"
        " Signatories | Agreements broken | Runs ending under an agreement |"
        " Months held (median, range) | Spoilers' attacks |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        months = f"{median(r.held):g} ({min(r.held)}–{max(r.held)})" if r.held else "—"
        lines.append(
            f"| {r.scenario} | {r.runs} | {r.negotiated} | {r.with_talks} | {r.with_signature} |"
            f" {_counts(r.signed)} | {_counts(r.signatories)} | {r.broken} |"
            f" {r.holding_at_end} | {months} | {r.attacks} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table for the bundled scenarios (or the files given)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--historical", action="store_true")
    args = parser.parse_args(argv)
    files = args.files or sorted(scenarios_dir().glob("*.toml"))
    rows = [survey(f, range(args.seeds), args.historical) for f in files]
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
