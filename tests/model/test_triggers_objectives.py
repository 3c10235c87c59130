"""Scenario triggers fire from data; objectives and endings judge the outcome."""

from __future__ import annotations

from sim.analysis.calibrate import base_data, variant
from sim.model import objectives
from sim.model.engine import Engine
from sim.model.month import EndMonth
from sim.model.words import metric_value
from sim.scenario.build import build_world

BASE = base_data()


def test_a_trigger_fires_once_with_all_its_effects() -> None:
    trigger = {
        "id": "shock",
        "when": "month_reached",
        "month": 2,
        "effects": [
            {"kind": "crisis", "value": 0.3, "text": "A massacre in the capital."},
            {"kind": "shift_position", "actor": "G01", "dimension": "force", "value": 0.2},
            {"kind": "set_relation", "actor": "G01", "other": "G02", "value": -0.5},
            {"kind": "set_coefficient", "name": "crisis_weight", "value": 0.3},
        ],
    }
    engine = Engine(build_world(variant(BASE, triggers=[trigger]), 0))
    world = engine.world
    table = world.states
    g01, force = table.index["G01"], world.issues.index["force"]
    before = table.ideal[g01, force]
    engine.submit(EndMonth())
    assert "shock" not in world.fired
    engine.submit(EndMonth())
    assert "shock" in world.fired
    assert [e.text for e in world.events if e.kind == "trigger"] == ["A massacre in the capital."]
    assert table.ideal[g01, force] == min(1.0, before + 0.2)
    assert table.relations[g01, table.index["G02"]] == -0.5
    assert world.coefficients.crisis_weight == 0.3
    engine.submit(EndMonth())
    assert sum(e.kind == "trigger" for e in world.events) == 1


def test_a_metric_trigger_watches_the_recorded_series() -> None:
    trigger = {
        "id": "deaths",
        "when": "total_above",
        "metric": "civilian_deaths",
        "threshold": 0,
        "effects": [{"kind": "event", "text": "The toll mounts."}],
    }
    engine = Engine(build_world(variant(BASE, triggers=[trigger]), 0))
    engine.submit(EndMonth())
    assert "deaths" in engine.world.fired


def test_objectives_are_pending_until_their_deadline_then_met_or_failed() -> None:
    goals = [
        {
            "id": "calm",
            "name": "Calm",
            "kind": "metric_below",
            "metric": "intensity",
            "threshold": 0.01,
            "by_month": 2,
        },
        {"id": "unity", "name": "Unity", "kind": "no_veto"},
        {
            "id": "budget",
            "name": "Budget",
            "kind": "total_below",
            "metric": "civilian_deaths",
            "threshold": 1_000_000,
        },
    ]
    endings = [
        {
            "id": "lost",
            "name": "Lost",
            "text": "Lost.",
            "when": "objectives_failed",
            "objectives": ["calm"],
        },
        {"id": "end", "name": "End", "text": "End.", "when": "time_out"},
    ]
    engine = Engine(build_world(variant(BASE, objectives=goals, endings=endings), 0))
    world = engine.world
    engine.submit(EndMonth())
    assert [r["status"] for r in objectives.report(world, final=False)] == [
        "pending",
        "pending",
        "pending",
    ]
    engine.submit(EndMonth())
    assert world.outcome is not None and world.outcome.ending == "lost"
    final = objectives.report(world, final=True)
    assert [r["status"] for r in final] == ["failed", "met", "met"]
    assert "intensity" in final[0]["reason"]


def test_a_stochastic_event_fires_in_some_seeds_and_not_others() -> None:
    trigger = {
        "id": "storm",
        "when": "month_reached",
        "month": 1,
        "chance": 0.3,
        "effects": [{"kind": "event", "text": "A storm."}],
    }
    scenario = variant(BASE, triggers=[trigger])
    fired = []
    for seed in range(20):
        engine = Engine(build_world(scenario, seed))
        engine.submit(EndMonth())
        fired.append("storm" in engine.world.fired)
    assert 0 < sum(fired) < 20


def test_objectives_are_judged_on_the_value_at_their_deadline() -> None:
    goals = [
        {
            "id": "early",
            "name": "Early",
            "kind": "reaches",
            "metric": "intensity",
            "threshold": 2.0,
            "by_month": 2,
        },
        {
            "id": "calm",
            "name": "Calm",
            "kind": "metric_above",
            "metric": "intensity",
            "threshold": 0.0,
            "by_month": 1,
        },
    ]
    engine = Engine(build_world(variant(BASE, objectives=goals), 0))
    world = engine.world
    for _ in range(3):
        engine.submit(EndMonth())
    first = world.metrics["intensity"][0]
    world.metrics["intensity"][2] = 5.0  # a value after the deadline must not count
    rows = objectives.report(world, final=False)
    assert rows[0]["status"] == "failed"
    assert rows[1]["status"] == "met"
    assert f"intensity {metric_value('intensity', first)} in month 1" in rows[1]["reason"]


def test_before_the_first_month_objectives_are_not_judged_on_empty_figures() -> None:
    goals = [
        {
            "id": "calm",
            "name": "Calm",
            "kind": "metric_below",
            "metric": "civilian_deaths",
            "threshold": 40,
            "by_month": 6,
        }
    ]
    world = build_world(variant(BASE, objectives=goals), 0)
    [row] = objectives.report(world, final=False)
    assert row["status"] == "pending" and row["reason"].startswith("not judged yet")


def test_a_new_member_can_take_a_council_seat_at_a_given_month() -> None:
    """The elected members change on 1 January: a scenario spanning two years needs one Council."""
    states = [*BASE["states"], {**BASE["states"][10], "id": "NEW", "name": "Newcomer"}]
    trigger = {
        "id": "new-year",
        "when": "month_reached",
        "month": 2,
        "effects": [{"kind": "replace_member", "body": "unsc", "actor": "G15", "other": "NEW"}],
    }
    engine = Engine(build_world(variant(BASE, states=states, triggers=[trigger]), 0))
    world = engine.world
    engine.submit(EndMonth())
    assert "G15" in world.bodies["unsc"].members
    engine.submit(EndMonth())
    council = world.bodies["unsc"]
    assert "NEW" in council.members and "G15" not in council.members
    assert len(council.members) == 15 and council.veto == world.bodies["unsc"].veto
    assert any("NEW takes the seat of G15" in e.text for e in world.events)


def test_a_member_without_a_seat_cannot_give_one_up() -> None:
    from sim.scenario.checks import check_scenario

    trigger = {
        "id": "t",
        "when": "month_reached",
        "month": 2,
        "effects": [{"kind": "replace_member", "body": "unsc", "actor": "T01", "other": "T02"}],
    }
    problems = check_scenario(variant(BASE, triggers=[trigger]))
    assert problems == [
        (("triggers", 0, "effects", 0, "actor"), "'T01' has no seat in 'unsc' to give up")
    ]
