"""Every coefficient declares its bounds, and the game runs anywhere within them.

The bounds (``min``, ``max`` in defaults.toml) are what a scenario's ``[coefficients]`` and a
trigger's ``set_coefficient`` may use; a coefficient added without them fails here (and on
import), so no value can again crash the game (negative decays overflowed, a zero reference
intensity divided by zero) or hang it (a million consultation rounds a month).
"""

from __future__ import annotations

import dataclasses
import math
import random
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from sim.model.coefficients import Coefficients, coefficient_info, default_coefficients
from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario.build import build_world
from sim.scenario.loader import ScenarioError, load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"


def test_every_coefficient_declares_bounds_around_its_default() -> None:
    table = tomllib.loads(
        resources.files("sim.model").joinpath("defaults.toml").read_text(encoding="utf-8")
    )
    for field in dataclasses.fields(Coefficients):
        entry = table[field.name]
        assert {"value", "min", "max", "meaning", "source"} <= set(entry), field.name
        assert entry["min"] <= entry["value"] <= entry["max"], field.name
        assert entry["min"] < entry["max"], field.name
    assert [i.name for i in coefficient_info()] == [
        f.name for f in dataclasses.fields(Coefficients)
    ]


def _extremes(pick: str, seed: int = 0) -> dict[str, float]:
    chooser = random.Random(seed)
    values = {}
    for info in coefficient_info():
        side = pick if pick != "mixed" else chooser.choice(("min", "max"))
        values[info.name] = info.minimum if side == "min" else info.maximum
    return values


@pytest.mark.parametrize(("pick", "seed"), [("min", 0), ("max", 0), ("mixed", 1), ("mixed", 2)])
def test_the_game_runs_with_coefficients_at_their_bounds(pick: str, seed: int) -> None:
    scenario = load_scenario(TUTORIAL)
    world = build_world(scenario, seed)
    world.coefficients = default_coefficients().with_overrides(_extremes(pick, seed))
    engine = Engine(world)
    play_game(engine, default_agents(engine), months=8)
    assert world.month >= 8 or world.finished
    assert math.isfinite(world.theatre.intensity)


def _text(coefficients: str = "", effect: str = "") -> str:
    text = TUTORIAL.read_text(encoding="utf-8")
    text = text.replace("[coefficients]\n", f"[coefficients]\n{coefficients}", 1)
    if effect:
        trigger = (
            '\n[[triggers]]\nid = "tamper"\nwhen = "month_reached"\nmonth = 2\n'
            f"effects = [{{ {effect} }}]\n"
        )
        text += trigger
    return text


@pytest.mark.parametrize(
    ("coefficients", "effect", "field"),
    [
        ("reference_intensity = 0.0\n", "", "coefficients.reference_intensity"),
        ("troop_civilian_decay = -1.0\n", "", "coefficients.troop_civilian_decay"),
        ("", 'kind = "set_coefficient", name = "troop_battle_decay", value = -1e6', "value"),
        ("", 'kind = "set_coefficient", name = "extra_lag_mean", value = -2.0', "value"),
        ("", 'kind = "set_coefficient", name = "consultation_rounds", value = 1e6', "value"),
        ("", 'kind = "set_coefficient", name = "reference_intensity", value = 0.0', "value"),
        ("", 'kind = "set_relation", actor = "ARN", other = "ARN", value = 0.5', "other"),
    ],
)
def test_values_outside_the_bounds_are_located_errors(
    coefficients: str, effect: str, field: str
) -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(_text(coefficients, effect), str(TUTORIAL))
    problems = info.value.problems
    assert len(problems) == 1 and problems[0].field.endswith(field), problems
    assert problems[0].line > 1
