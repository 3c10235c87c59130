"""The Sahel Bridge (fictional): a regional force moves first, the Council authorizes, co-deploys
or takes over, several endings are reached across seeds, and the player's wording decides
whether the authorization survives a veto."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.drafts import Clauses
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.world import VoteRecord
from sim.scenario.build import build_world, draft_clauses
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "sahel_bridge.toml"


def run(seed: int) -> dict[str, Any]:
    """``mandate run sahel_bridge.toml --seed SEED --json``, parsed (computed once)."""
    return run_json(FILE, seed, False)


def test_the_scenario_has_what_the_dilemma_needs() -> None:
    scenario = load_scenario(FILE)
    assert scenario.roster is None and len(scenario.states) >= 20
    forces = [o for o in scenario.organizations if o.lead and o.bridging_troops > 0]
    assert len(forces) >= 2
    drafts = {d.id: d for d in scenario.drafts}
    assert drafts["takeover"].rehat_from == "sac"
    assert drafts["hybrid"].hybrid_with == "cu"
    plain = drafts["authorize"]
    assert plain.chapter == "VII" and plain.tasks and plain.troop_ceiling == 0
    assert sum(1 for s in scenario.states if s.contributor is not None) >= 5


def test_several_endings_are_reached() -> None:
    endings = Counter(run(seed)["outcome"]["ending"] for seed in range(40))
    assert len(endings) >= 3, endings


def test_the_regional_force_moves_first_and_is_taken_over() -> None:
    kinds = [Counter(e["kind"] for e in run(seed)["events"]) for seed in range(40)]
    first = [next(e for e in run(seed)["events"] if e["kind"] != "theatre") for seed in range(5)]
    assert all(e["kind"] == "regional_force" and e["month"] == 1 for e in first)
    assert any(k["rehatting"] for k in kinds)
    assert any(k["regional_force"] >= 2 for k in kinds)  # the Continental Union deploys too
    missions = [
        e["text"] for seed in range(40) for e in run(seed)["events"] if e["kind"] == "mission"
    ]
    assert any("the joint Continental Union-UN mission in Tarsis" in text for text in missions)


def _authorize_in_month_2(clauses: Clauses | None) -> VoteRecord:
    engine = Engine(build_world(load_scenario(FILE), 0))
    play_month(engine, default_agents(engine))  # the Sahel Community deploys
    engine.submit(TableDraft("VEL", "authorize", clauses))
    engine.submit(CallVote("VEL", "authorize"))
    return engine.world.votes[-1]


def test_dropping_the_transition_timetable_avoids_the_veto() -> None:
    as_prepared = _authorize_in_month_2(None)
    assert as_prepared.tally.vetoed_by == ("KRV",) and not as_prepared.tally.passed
    spec = next(d for d in load_scenario(FILE).drafts if d.id == "authorize")
    softer = _authorize_in_month_2(draft_clauses(spec).changed(demands=()))
    assert softer.tally.passed and not softer.tally.vetoed_by
    assert softer.choices["KRV"] == "abstain"
