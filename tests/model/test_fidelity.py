"""The model's mechanisms match what their sources measured (issue: fidelity)."""

from __future__ import annotations

from typing import Any

import pytest

from sim.analysis.calibrate import base_data, standing_mission, variant
from sim.model import conflict, sanctions
from sim.model.engine import Engine
from sim.model.month import EndMonth
from sim.model.world import SanctionEpisode
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

BASE = base_data()
NONE = {"troops": 0.0, "police": 0.0, "observers": 0.0, "regional": 0.0, "troops_effective": 0.0}


def generic(intensity: float = 0.5, missions: list[dict[str, object]] | None = None) -> Any:
    theatre = {**BASE["theatre"], "intensity": intensity, "missions": missions or []}
    return variant(BASE, theatre=theatre)


def test_police_beyond_the_measured_range_do_not_end_the_killing() -> None:
    world = build_world(generic(), 0)
    none, _ = conflict.expected_deaths(world, NONE)
    at = {p: conflict.expected_deaths(world, {**NONE, "police": p})[0] for p in (200, 700, 2000)}
    assert at[200] / none == pytest.approx(14 / 96, rel=0.01)  # inside the range: the fit
    # 700 police alone used to multiply deaths by about 0.001; now the floor holds.
    floor = world.coefficients.civilian_protection_floor
    assert at[700] == at[2000] == pytest.approx(none * floor)


def test_the_floor_rises_with_intensity() -> None:
    calm = build_world(generic(intensity=0.3), 0)
    fierce = build_world(generic(intensity=0.9), 0)
    share = {
        w.theatre.intensity: conflict.protection_multiplier(w, 20_000.0, 2_000.0)
        for w in (calm, fierce)
    }
    assert share[0.9] == pytest.approx(3 * share[0.3]) and share[0.3] > 0


@pytest.mark.parametrize(
    ("mission", "kind", "coefficient"),
    [
        ({"observers": 200}, "observer", "recurrence_reduction_observer"),
        ({"troops": 5_000}, "peacekeeping", "recurrence_reduction_peacekeeping"),
        ({"troops": 5_000, "chapter": "VII"}, "enforcement", "recurrence_reduction_enforcement"),
    ],
)
def test_recurrence_falls_with_every_type_of_mission_fortna_counts(
    mission: dict[str, object], kind: str, coefficient: str
) -> None:
    world = build_world(generic(missions=standing_mission(**mission)), 0)
    assert conflict.mission_type(world.missions[0]) == kind
    reduction = getattr(world.coefficients, coefficient)
    assert conflict.recurrence_mission_factor(world) == pytest.approx(1.0 - reduction)


def test_no_mission_or_a_token_one_leaves_the_recurrence_hazard_alone() -> None:
    assert conflict.recurrence_mission_factor(build_world(generic(), 0)) == 1.0
    token = build_world(generic(missions=standing_mission(observers=20)), 0)
    assert conflict.mission_type(token.missions[0]) == ""
    assert conflict.recurrence_mission_factor(token) == 1.0


def test_a_mission_does_not_shorten_the_war() -> None:
    """Same seed, same draws: the ceasefire comes in the same month with or without troops."""

    def ceasefire_month(missions: list[dict[str, object]]) -> int:
        engine = Engine(build_world(generic(missions=missions), 4))
        for _ in range(36):
            if engine.world.finished or engine.world.theatre.phase != "war":
                break
            engine.submit(EndMonth())
        return engine.world.month

    assert ceasefire_month([]) == ceasefire_month(standing_mission(troops=10_000))


def test_concessions_under_sanctions_grow_less_likely_with_time() -> None:
    world = build_world(generic(), 0)
    episode = SanctionEpisode("e", "r", "arms_embargo", "government", 1, 18, 0.5, 15)
    early = sanctions.concession_hazard(world, episode, 0.3)
    world.month = 1 + int(world.coefficients.coercion_half_life)
    assert sanctions.concession_hazard(world, episode, 0.3) == pytest.approx(early / 2)


def test_rwanda_counts_the_hundred_days_in_hundreds_of_thousands() -> None:
    from sim.model.play import default_agents, play_month

    engine = Engine(build_world(load_scenario("scenarios/rwanda_1994.toml"), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month <= 10:
        play_month(engine, agents)
    deaths = engine.world.metrics["civilian_deaths"]
    assert max(deaths[:6]) < 1_000  # before April 1994: the model's ordinary rates
    assert 500_000 <= sum(deaths[6:9]) <= 800_000  # April to June: the recorded range
    assert deaths[9] < 1_000  # July: the RPF has ended the genocide
