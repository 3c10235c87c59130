"""Explanations of votes: named factors in whole points, their total, thresholds and choice.

Points are thousandths of a utility unit, kept as integers so that the sum of the factors shown
to the player is exactly the total the decision was made on.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.voting import Choice

POINTS_PER_UNIT = 1000


@dataclass(frozen=True)
class Factor:
    """One named, signed contribution to an actor's score, in points."""

    name: str
    points: int

    @property
    def value(self) -> float:
        """The contribution in utility units."""
        return self.points / POINTS_PER_UNIT


@dataclass(frozen=True)
class Stance:
    """An actor's factors for a draft, their total, its thresholds and the resulting choice."""

    actor: str
    factors: tuple[Factor, ...]
    total: int
    yes_above: int
    no_below: int
    choice: Choice
    veto_holder: bool

    def to_json(self) -> dict[str, object]:
        """Factors in utility units with the total and thresholds, as in ``--json`` output."""
        return {
            "factors": {f.name: f.value for f in self.factors},
            "total": self.total / POINTS_PER_UNIT,
            "yes_above": self.yes_above / POINTS_PER_UNIT,
            "no_below": self.no_below / POINTS_PER_UNIT,
            "choice": self.choice,
        }


def classify(total: int, yes_above: int, no_below: int) -> Choice:
    """The decision rule: above the yes threshold, below the no threshold, or abstain."""
    if total > yes_above:
        return "yes"
    if total < no_below:
        return "no"
    return "abstain"
