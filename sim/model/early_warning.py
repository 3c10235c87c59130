"""Early warning of attacks on civilians from a mission's surveillance.

A UN or hybrid mission whose tasks include ``surveillance`` (unmanned aircraft, satellite
imagery, data analysis: MONUSCO flew the first UN-controlled unmanned aircraft in 2013) may
detect an attack on civilians before it comes: each month of war, with probability
``early_warning_chance``, drawn from the named stream ``early_warning`` so that no other stream
moves. Early warning is not deterrence (satellite monitoring foresaw the attack on Abyei in May
2011 about two months ahead, and it happened anyway): only a mission that also has the
``protection_of_civilians`` task and armed troops on the ground can act on the warning, and
then the month's expected civilian deaths fall by ``early_warning_reduction``. Either way the
news reports the warning, so the player sees what the mission's eyes bought.
"""

from __future__ import annotations

from sim.model.events import Event
from sim.model.world import Mission, World

TASK = "surveillance"


def watching(world: World) -> list[Mission]:
    """UN and hybrid missions on the ground with the surveillance task, in id order."""
    return sorted(
        (
            m
            for m in world.active_missions()
            if TASK in m.tasks and not m.withdrawing and m.kind != "regional"
        ),
        key=lambda m: m.id,
    )


def early_warning(world: World) -> tuple[list[Event], float]:
    """This month's warning, if any: the news and the factor on expected civilian deaths
    (1 when nothing was detected or the mission cannot act on it)."""
    missions = watching(world)
    if not missions or world.theatre.phase != "war":
        return [], 1.0
    coef = world.coefficients
    if float(world.streams.get("early_warning").random()) >= coef.early_warning_chance:
        return [], 1.0
    able = [
        m for m in missions if "protection_of_civilians" in m.tasks and m.strength("troops") > 0
    ]
    place = world.theatre.name
    if able:
        text = (
            f"{able[0].id}'s surveillance warns of an attack on civilians in {place}; its"
            " troops deploy to the threatened villages in time."
        )
        return [Event(world.month, "early_warning", text)], 1.0 - coef.early_warning_reduction
    text = (
        f"{missions[0].id}'s surveillance warns of an attack on civilians in {place}, but"
        " the mission has no troops mandated to protect them: the warning goes unheeded."
    )
    return [Event(world.month, "early_warning", text)], 1.0
