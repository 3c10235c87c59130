"""Shared by the scenario tests: `mandate run FILE --json` in process, parsed and cached."""

from __future__ import annotations

import contextlib
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from sim.cli import main


@cache
def run_json(file: Path, seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run FILE --seed SEED --json [--historical]``, parsed (computed once)."""
    argv = ["run", str(file), "--seed", str(seed), "--json"]
    if historical:
        argv.append("--historical")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    assert code == 0
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


def assert_tally(
    vote: dict[str, Any],
    yes: set[str],
    no: set[str],
    abstain: set[str],
    adopted: bool,
    vetoed: set[str],
) -> None:
    """The recorded vote, member for member: who voted how, the result, who vetoed."""
    assert set(vote["yes"]) == yes
    assert set(vote["no"]) == no
    assert set(vote["abstain"]) == abstain
    assert vote["passed"] is adopted
    assert set(vote["vetoed_by"]) == vetoed


def council_by_month(file: Path, last_month: int) -> dict[int, tuple[set[str], set[str]]]:
    """The scenario's Council (members, veto holders) at the start of months 1 … ``last_month``
    of a historical replay with seed 0."""
    from sim.model.engine import Engine
    from sim.model.play import default_agents, play_month
    from sim.scenario.build import build_world
    from sim.scenario.loader import load_scenario

    engine = Engine(build_world(load_scenario(file), 0))
    agents = default_agents(engine, historical=True)
    seen = {}
    while engine.world.month <= last_month:
        council = engine.world.bodies[engine.world.council]
        seen[engine.world.month] = (set(council.members), set(council.veto))
        play_month(engine, agents)
    return seen
