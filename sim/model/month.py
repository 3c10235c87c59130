"""The end of a month: every mechanism moves once, in a fixed order, then endings are checked.

Order: contingents arrive; sanctions bite; the conflict theatre moves; peacekeepers take losses
and withdrawing contingents leave; mandates that end this month lapse; the monthly report is
published; metrics are recorded; scenario triggers fire; political capital returns; endings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from sim.model import conflict, endings, forces, metrics, sanctions, triggers
from sim.model.commands import registered
from sim.model.events import Event
from sim.model.names import mission_name
from sim.model.words import phase_words
from sim.model.world import Outcome, World


def monthly_report(world: World) -> Event | None:
    """The Secretary-General's report on the missions in the theatre, if there are any."""
    parts = []
    for mission in world.active_missions():
        if mission.kind == "regional":
            continue
        state = (
            "withdrawing" if mission.withdrawing else f"mandate to month {mission.expires_month}"
        )
        name = mission_name(world, mission.id)
        parts.append(f"{name}: {forces.strength_text(mission)}, {state}")
    if not parts:
        return None
    theatre = world.theatre
    text = (
        f"Report of the Secretary-General: {'; '.join(parts)}."
        f" The theatre is {phase_words(theatre.phase, theatre.intensity)}."
    )
    return Event(world.month, "report", text)


@registered
@dataclass(frozen=True)
class EndMonth:
    """Close the month: the theatre, missions and sanctions move; endings are checked."""

    kind: ClassVar[str] = "end_month"

    def check(self, world: World) -> list[str]:
        return ["the game has ended"] if world.finished else []

    def apply(self, world: World) -> list[Event]:
        events = forces.arrivals(world)
        events += sanctions.step_sanctions(world)
        theatre_events, tolls = conflict.step_conflict(world)
        events += theatre_events
        loss_events, lost = forces.fatalities(world)
        events += loss_events
        forces.drawdowns(world)
        events += forces.expire_mandates(world)
        report = monthly_report(world)
        if report is not None:
            events.append(report)
        metrics.record(world, {**tolls, "peacekeeper_fatalities": float(lost)})
        events += triggers.fire(world)
        table = world.states
        regained = table.capital + world.coefficients.political_capital_per_month
        table.capital = np.minimum(table.capital_max, regained)
        ending = endings.reached(world)
        if ending is not None:
            sanctions.close_all(world)
            reason = endings.explain(world, ending)
            world.outcome = Outcome(ending.id, ending.name, world.month, reason)
            events.append(Event(world.month, "ending", f"{ending.name}: {ending.text}"))
        else:
            world.month += 1
        return events

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind}
