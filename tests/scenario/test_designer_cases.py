"""Real cases a designer can now write: several contingents in a starting mission, renewing it,
forces under national command, a phase set by history, sanctions in force at the start, an
authorization that lapses, and names of the scenario's date."""

from __future__ import annotations

from typing import Any

from sim.analysis.calibrate import base_data, variant
from sim.model.adoption import adopt
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.forces import deployment_share
from sim.model.month import EndMonth
from sim.model.operations import PledgeTroops
from sim.model.play import default_agents, play_month
from sim.model.voting import Tally
from sim.scenario.build import build_world
from sim.scenario.checks import check_scenario
from sim.scenario.lint import lint_scenario

BASE = base_data()


def scenario(**changes: Any) -> Any:
    theatre = {**BASE["theatre"], **changes.pop("theatre", {})}
    return variant(BASE, theatre=theatre, **changes)


UNPROFOR = {
    "id": "unprofor",
    "kind": "un",
    "authority": "unsc",
    "contributor": "T01",
    "troops": 3000,
    "contingents": [{"contributor": "T03", "troops": 3000}, {"contributor": "T02", "police": 200}],
    "expires_month": 30,
}


def test_a_starting_mission_has_several_contingents_that_leave_one_by_one() -> None:
    engine = Engine(build_world(scenario(theatre={"intensity": 1.0, "missions": [UNPROFOR]}), 2))
    mission = engine.world.missions[0]
    assert mission.ceilings == {"troops": 6000, "police": 200, "observers": 0}
    assert {(c.contributor, c.kind, c.deployed) for c in mission.contingents} == {
        ("T01", "troops", 3000),
        ("T03", "troops", 3000),
        ("T02", "police", 200),
    }
    while not mission.contingent("T01", "troops").withdrawing and engine.world.month < 24:
        engine.submit(EndMonth())
    # T01 (tolerance 0.3) goes home; T03 (0.7) stays under the same fire, and so the mission.
    assert mission.contingent("T01", "troops").withdrawing
    assert not mission.contingent("T03", "troops").withdrawing and not mission.withdrawing


def test_a_draft_may_renew_a_mission_present_at_the_start() -> None:
    renewal = {
        "id": "res-836",
        "title": "Renewal",
        "penholder": "G01",
        "body": "unsc",
        "renews": "unprofor",
        "troop_ceiling": 7000,
        "duration": 12,
    }
    s = scenario(theatre={"missions": [UNPROFOR]}, drafts=[renewal])
    assert not check_scenario(s)
    engine = Engine(build_world(s, 0))
    engine.submit(TableDraft("G01", "res-836"))
    engine.submit(CallVote("G01", "res-836"))
    assert engine.world.votes[-1].tally.passed
    assert engine.world.missions[0].expires_month == 12
    assert engine.world.missions[0].ceilings["troops"] == 7000
    wrong = variant(BASE, drafts=[{**renewal, "renews": "nothing"}])
    assert any("nothing 'nothing' to renew" in m for _, m in check_scenario(wrong))


TURQUOISE = {
    "id": "res-929",
    "title": "Opération Turquoise",
    "penholder": "G01",
    "body": "unsc",
    "chapter": "VII",
    "tasks": ["protection_of_civilians"],
    "troop_ceiling": 2500,
    "duration": 2,
    "time_limited": True,
    "national_command": [{"state": "T04", "troops": 2500}],
}


def _adopted(s: Any, seed: int = 0) -> Engine:
    engine = Engine(build_world(s, seed))
    engine.submit(TableDraft("G01", "res-929"))
    engine.submit(CallVote("G01", "res-929"))
    assert engine.world.votes[-1].tally.passed
    return engine


def test_a_force_under_national_command_takes_only_its_own_states() -> None:
    engine = _adopted(scenario(drafts=[{**TURQUOISE, "duration": 6}]))
    world = engine.world
    [force] = world.missions
    assert force.kind == "national" and force.authorized == ("T04",)
    assert force.pipeline("troops") == 2500  # committed at once, no pledging round
    assert engine.check(PledgeTroops("T01", "res-929", "troops", 100))  # others are refused
    lag = max(1, world.contributors["T04"].lag)
    for _ in range(lag + 1):  # it arrives in month 1 + lag, at that month's end
        engine.submit(EndMonth())
    arrived = force.contingent("T04", "troops")
    assert arrived.deployed + arrived.fatalities == 2500  # all of it, less the month's losses
    assert deployment_share(world) == 0.0  # outside UN command: no UN ceiling to fill


def test_a_time_limited_authorization_lapses_under_historical_play() -> None:
    engine = _adopted(scenario(drafts=[{**TURQUOISE, "month": 1}]))
    agents = default_agents(engine, historical=True)
    for _ in range(4):
        play_month(engine, agents)
    assert not [d for d in engine.world.votes if d.draft.startswith("res-929-renewal")]
    assert engine.world.missions[0].withdrawing


def test_a_trigger_sets_the_phase() -> None:
    effect = {"kind": "set_phase", "phase": "ceasefire", "text": "A ceasefire."}
    trigger = {"id": "ceasefire", "when": "month_reached", "month": 2, "effects": [effect]}
    s = variant(BASE, triggers=[trigger], coefficients={"ceasefire_hazard": 0.0})
    engine = Engine(build_world(s, 0))
    engine.submit(EndMonth())
    assert engine.world.theatre.phase == "war"
    engine.submit(EndMonth())
    assert engine.world.theatre.phase == "ceasefire"
    missing = variant(BASE, triggers=[{**trigger, "effects": [{"kind": "set_phase"}]}])
    assert any("needs 'phase'" in m for _, m in check_scenario(missing))


def test_sanctions_in_force_at_the_start_bite_from_month_one_and_a_renewal_lifts_them() -> None:
    embargo = {"resolution": "res-713", "kind": "arms_embargo", "targets": ["rebels"]}
    lifting = {
        "id": "lift",
        "title": "Lifting",
        "penholder": "G01",
        "body": "unsc",
        "renews": "res-713",
        "duration": 12,
    }
    s = scenario(theatre={"sanctions": [embargo]}, drafts=[lifting])
    assert not check_scenario(s)
    engine = Engine(build_world(s, 0))
    [episode] = engine.world.sanctions
    assert (episode.resolution, episode.start_month, episode.ended) == ("res-713", 1, False)
    engine.submit(EndMonth())
    assert engine.world.theatre.resources["rebels"] < engine.world.theatre.party("rebels").strength
    engine.submit(TableDraft("G01", "lift"))
    # Put the tabled text into force as if adopted (everyone abstains on an empty text).
    members = tuple(engine.world.bodies["unsc"].members)
    adopt(engine.world, engine.world.drafts["lift"], Tally(members, (), (), True, ()))
    assert episode.ended and "constraint" not in episode.outcomes


def test_a_historical_scenario_is_reminded_of_the_names_of_its_date() -> None:
    states = [dict(s) for s in BASE["states"]]
    states[0] = {**states[0], "id": "CZE", "name": "Czechia"}
    old = {**BASE, "start": "1994-01"}
    renamed = variant(old, states=states)
    found = [m for _, m in lint_scenario(renamed) if "Czech Republic" in m]
    assert found and "1994-01" in found[0]
    assert not [
        m
        for _, m in lint_scenario(variant({**BASE, "start": "2017-01"}, states=states))
        if "Czech Republic" in m
    ]


def test_a_penholder_seated_by_replace_member_is_not_outside_the_body() -> None:
    draft = {"id": "d", "title": "D", "penholder": "T01", "body": "unsc", "month": 3}
    seat = {
        "id": "new-year",
        "when": "month_reached",
        "month": 1,
        "effects": [{"kind": "replace_member", "body": "unsc", "actor": "G15", "other": "T01"}],
    }
    outside = [
        m for _, m in lint_scenario(variant(BASE, drafts=[draft])) if "penholder-outside-body" in m
    ]
    assert outside
    seated = variant(BASE, drafts=[draft], triggers=[seat])
    assert not [m for _, m in lint_scenario(seated) if "penholder-outside-body" in m]
