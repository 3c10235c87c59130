"""The registry of ending conditions a scenario may name.

Each condition is a documented function of the world; scenario files name one and give its
threshold, never an expression. Endings are checked at the end of every month in file order; the
first one met ends the game. ``time_out`` is met when the last month has been played.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sim.model.world import Ending, World


@dataclass(frozen=True)
class Condition:
    """A named test of the world with a threshold, and what it means."""

    name: str
    meaning: str
    test: Callable[[World, float], bool]


def _vetoes(world: World) -> int:
    return sum(len(v.tally.vetoed_by) for v in world.votes)


CONDITIONS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition(
            "intensity_below",
            "theatre intensity is below the threshold",
            lambda w, t: w.theatre.intensity < t,
        ),
        Condition(
            "intensity_above",
            "theatre intensity is above the threshold",
            lambda w, t: w.theatre.intensity > t,
        ),
        Condition(
            "resolutions_adopted",
            "at least `threshold` resolutions have been adopted",
            lambda w, t: len(w.resolutions) >= t,
        ),
        Condition(
            "vetoes_cast",
            "at least `threshold` vetoes have been cast",
            lambda w, t: _vetoes(w) >= t,
        ),
        Condition(
            "civilian_deaths_above",
            "total civilian deaths exceed the threshold",
            lambda w, t: sum(w.theatre.civilian_deaths) > t,
        ),
        Condition(
            "time_out",
            "the scenario's last month has been played",
            lambda w, t: w.month >= w.months,
        ),
    )
}


def reached(world: World) -> Ending | None:
    """The first ending whose condition holds this month, if any."""
    for ending in world.endings:
        if world.month < ending.from_month:
            continue
        if CONDITIONS[ending.condition].test(world, ending.threshold):
            return ending
    return None


def score(world: World) -> dict[str, float | int]:
    """The outcome's score fields (same keys for every scenario)."""
    return {
        "resolutions_adopted": len(world.resolutions),
        "vetoes_cast": _vetoes(world),
        "votes_held": len(world.votes),
        "civilian_deaths": sum(world.theatre.civilian_deaths),
        "final_intensity": round(world.theatre.intensity, 6),
    }
