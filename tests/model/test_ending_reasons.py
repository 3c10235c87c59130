"""An ending's reason says what held, no more: its own objectives by name, counts in the right
number; the tutorial's endings agree with the state of the theatre."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.model import endings
from sim.model.world import Ending
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def test_an_objectives_ending_names_only_its_own_objectives() -> None:
    world = build_world(load_scenario(TUTORIAL), 0)
    ending = Ending(
        "peace", "Peace", "Peace holds.", "objectives_met", 0.0, 18, ("protect", "ceasefire")
    )
    reason = endings.explain(world, ending)
    assert "every objective" not in reason
    assert reason == (
        "Peace holds (each of these objectives is met: Fewer than 40 civilians killed a month"
        " by month 18; A ceasefire holding in month 18)."
    )


@pytest.mark.parametrize(
    ("condition", "threshold", "said"),
    [
        ("resolutions_adopted", 1.0, "at least 1 resolution has been adopted"),
        ("resolutions_adopted", 2.0, "at least 2 resolutions have been adopted"),
        ("vetoes_cast", 1.0, "at least 1 veto has been cast"),
    ],
)
def test_counts_in_a_reason_take_their_plural(condition: str, threshold: float, said: str) -> None:
    world = build_world(load_scenario(TUTORIAL), 0)
    ending = Ending("x", "X", "Done.", condition, threshold, 1)
    assert endings.explain(world, ending) == f"Done ({said})."


@pytest.mark.parametrize(
    ("phase", "intensity", "ending"),
    [("ceasefire", 0.13, "uneasy-calm"), ("war", 0.25, "uneasy-calm"), ("war", 0.48, "stalemate")],
)
def test_the_tutorials_last_month_ends_in_words_that_fit_the_theatre(
    phase: str, intensity: float, ending: str
) -> None:
    world = build_world(load_scenario(TUTORIAL), 7)
    world.month = world.months
    world.theatre.phase = phase
    world.theatre.intensity = intensity
    world.metrics["civilian_deaths"] = [100.0] * world.months  # the "peace" ending's goal missed
    reached = endings.reached(world)
    assert reached is not None and reached.id == ending
    if ending == "stalemate":
        assert "war" not in reached.text, "a time-out ending claims no war it cannot see"
