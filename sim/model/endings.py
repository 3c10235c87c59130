"""The registry of ending conditions a scenario may name.

Each condition is a documented function of the world; scenario files name one and give its
threshold (or the objectives it concerns), never an expression. Endings are checked at the end
of every month in file order; the first one met ends the game. ``time_out`` is met when the last
month has been played.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sim.model import objectives
from sim.model.words import fighting_words, intensity_words, plural
from sim.model.world import Ending, World


@dataclass(frozen=True)
class Condition:
    """A named test of the world for an ending, and what it means."""

    name: str
    meaning: str
    test: Callable[[World, Ending], bool]


def _vetoes(world: World) -> int:
    return sum(len(v.tally.vetoed_by) for v in world.votes)


def _objectives(world: World, ending: Ending, status: str, final: bool) -> list[bool]:
    wanted = set(ending.objectives)
    return [
        objectives.judge(world, o, final)[0] == status for o in world.objectives if o.id in wanted
    ]


def _last_month(world: World) -> bool:
    return world.month >= world.months


CONDITIONS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition(
            "intensity_below",
            "theatre intensity is below the threshold",
            lambda w, e: w.theatre.intensity < e.threshold,
        ),
        Condition(
            "intensity_above",
            "theatre intensity is above the threshold",
            lambda w, e: w.theatre.intensity > e.threshold,
        ),
        Condition(
            "resolutions_adopted",
            "at least `threshold` resolutions have been adopted",
            lambda w, e: len(w.resolutions) >= e.threshold,
        ),
        Condition(
            "vetoes_cast",
            "at least `threshold` vetoes have been cast",
            lambda w, e: _vetoes(w) >= e.threshold,
        ),
        Condition(
            "civilian_deaths_above",
            "total civilian deaths exceed the threshold",
            lambda w, e: sum(w.metrics.get("civilian_deaths", [])) > e.threshold,
        ),
        Condition(
            "objectives_met",
            "every objective listed in `objectives` is met",
            lambda w, e: all(_objectives(w, e, "met", _last_month(w))),
        ),
        Condition(
            "objectives_failed",
            "an objective listed in `objectives` has failed",
            lambda w, e: any(_objectives(w, e, "failed", _last_month(w))),
        ),
        Condition(
            "consent_withdrawn",
            "the host government has withdrawn its consent",
            lambda w, e: not w.theatre.host_consent,
        ),
        Condition(
            "time_out",
            "the scenario's last month has been played",
            lambda w, e: _last_month(w),
        ),
    )
}


def reached(world: World) -> Ending | None:
    """The first ending whose condition holds this month, if any."""
    for ending in world.endings:
        if world.month < ending.from_month:
            continue
        if CONDITIONS[ending.condition].test(world, ending):
            return ending
    return None


#: How the reason of an ending that names objectives reads (``{listed}``: their names).
SINGULAR = {"resolutions have": "resolution has", "vetoes have": "veto has"}
NAMED_OBJECTIVES = {
    "objectives_met": "each of these objectives is met: {listed}",
    "objectives_failed": "one of these objectives has failed: {listed}",
}


def condition_words(world: World, ending: Ending) -> str:
    """When an ending is reached, in plain words: "the fighting is below 20% of all-out war",
    "at least 1 resolution has been adopted", "each of these objectives is met: …".

    An ending that names objectives names them all, so the reason never claims more than its own
    objectives; counts take their plural; the intensity index is a share of all-out war, as the
    briefing and the objectives say it."""
    meaning = CONDITIONS[ending.condition].meaning
    if ending.condition.startswith("intensity_"):
        limit = intensity_words(ending.threshold)
        return meaning.replace("theatre intensity", "the fighting").replace("the threshold", limit)
    count = f"{ending.threshold:,g}"
    if count == "1":
        for many, one in SINGULAR.items():
            meaning = meaning.replace(f"`threshold` {many}", f"`threshold` {one}")
    meaning = meaning.replace("`threshold`", count).replace("the threshold", count)
    if ending.objectives and ending.condition in NAMED_OBJECTIVES:
        names = {o.id: o.name for o in world.objectives}
        listed = "; ".join(names.get(o, o) for o in ending.objectives)
        meaning = NAMED_OBJECTIVES[ending.condition].format(listed=listed)
    return meaning.replace("`", "")


def explain(world: World, ending: Ending) -> str:
    """Why the game ended, in plain words: the ending's text with the condition that held
    (:func:`condition_words`) in brackets before its closing stop, as in "It is over (the
    fighting is below 20% of all-out war)." """
    text, condition = ending.text.rstrip(), condition_words(world, ending)
    if text and text[-1] in ".!?":
        return f"{text[:-1]} ({condition}){text[-1]}"
    return f"{text} ({condition})"


def score(world: World) -> dict[str, float | int]:
    """The outcome's score fields (same keys for every scenario)."""
    series = world.metrics
    return {
        "resolutions_adopted": len(world.resolutions),
        "vetoes_cast": _vetoes(world),
        "votes_held": len(world.votes),
        "civilian_deaths": int(sum(series.get("civilian_deaths", []))),
        "battle_deaths": int(sum(series.get("battle_deaths", []))),
        "peacekeeper_fatalities": int(sum(series.get("peacekeeper_fatalities", []))),
        "final_intensity": round(world.theatre.intensity, 6),
    }


def score_words(world: World) -> str:
    """The score in a sentence: "3 resolutions adopted in 3 votes, no veto cast; 375 civilians,
    170 combatants and 25 peacekeepers killed; the fighting at the end: low (29% of all-out
    war)" (``mandate run --json`` keeps the figures)."""
    numbers = score(world)
    vetoes = int(numbers["vetoes_cast"])
    intensity = world.theatre.intensity
    return (
        f"{plural(int(numbers['resolutions_adopted']), 'resolution')} adopted in"
        f" {plural(int(numbers['votes_held']), 'vote')},"
        f" {plural(vetoes, 'veto', 'vetoes') if vetoes else 'no veto'} cast;"
        f" {plural(int(numbers['civilian_deaths']), 'civilian')},"
        f" {plural(int(numbers['battle_deaths']), 'combatant')} and"
        f" {plural(int(numbers['peacekeeper_fatalities']), 'peacekeeper')} killed;"
        f" the fighting at the end: {fighting_words(intensity)} ({intensity_words(intensity)})"
    )
