"""What a teacher running a classroom game may do, as commands in the log.

A networked game is replayed from its log like any other, so the teacher's interventions are
commands too: firing one of the scenario's events now, a custom incident (news and a change of
intensity), a note of a classroom decision that changes nothing in the world (pause, resume, a
phase's time limit, a seat handed to the AI and back), and ending the game.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model.commands import registered
from sim.model.events import Event
from sim.model.triggers import EFFECTS
from sim.model.world import Outcome, World

MAX_TEXT = 200
MAX_INCIDENT = 0.5
NOTES = ("pause", "resume", "time_limit", "hand_to_ai", "hand_back")


def _text_problems(text: str) -> list[str]:
    if len(text) > MAX_TEXT:
        return [f"the text is longer than {MAX_TEXT} characters"]
    if any(ord(ch) < 32 for ch in text):
        return ["the text contains control characters"]
    return []


@registered
@dataclass(frozen=True)
class InjectEvent:
    """Fire one of the scenario's triggers now, whatever its condition says."""

    kind: ClassVar[str] = "inject_event"
    trigger: str

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        trigger = next((t for t in world.triggers if t.id == self.trigger), None)
        if trigger is None:
            return reasons + [f"the scenario has no event {self.trigger!r}"]
        if trigger.once and trigger.id in world.fired:
            reasons.append(f"{self.trigger} has already happened")
        return reasons

    def apply(self, world: World) -> list[Event]:
        trigger = next(t for t in world.triggers if t.id == self.trigger)
        world.fired.add(trigger.id)
        events = [Event(world.month, "teacher", f"The teacher sets off {trigger.id}.")]
        for effect in trigger.effects:
            events += EFFECTS[effect.kind].apply(world, effect)
        return events

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "trigger": self.trigger}


@registered
@dataclass(frozen=True)
class Incident:
    """A custom incident: news, and intensity raised (or lowered) by ``intensity``."""

    kind: ClassVar[str] = "incident"
    text: str
    intensity: float = 0.0

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        reasons += _text_problems(self.text)
        if not self.text.strip():
            reasons.append("an incident needs a text")
        if not -MAX_INCIDENT <= self.intensity <= MAX_INCIDENT:
            reasons.append(f"an incident changes intensity by at most {MAX_INCIDENT}")
        return reasons

    def apply(self, world: World) -> list[Event]:
        theatre = world.theatre
        theatre.intensity = min(1.0, max(0.0, theatre.intensity + self.intensity))
        return [Event(world.month, "incident", self.text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "text": self.text, "intensity": self.intensity}


@registered
@dataclass(frozen=True)
class ClassroomNote:
    """A classroom decision on the record (pause, resume, time limit, a seat handed to the AI
    or back); the world does not change."""

    kind: ClassVar[str] = "classroom_note"
    action: str
    seat: str = ""
    seconds: int = 0

    def check(self, world: World) -> list[str]:
        return [] if self.action in NOTES else [f"unknown classroom action {self.action!r}"]

    def apply(self, world: World) -> list[Event]:
        return []

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "action": self.action,
            "seat": self.seat,
            "seconds": self.seconds,
        }


@registered
@dataclass(frozen=True)
class EndGame:
    """The teacher ends the game."""

    kind: ClassVar[str] = "end_game"
    reason: str = "the teacher ended the game"

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        return reasons + _text_problems(self.reason)

    def apply(self, world: World) -> list[Event]:
        world.outcome = Outcome(
            "ended_by_teacher", "Ended by the teacher", world.month, self.reason
        )
        return [Event(world.month, "ending", f"The game ends: {self.reason}.")]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "reason": self.reason}
