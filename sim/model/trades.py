"""Vote trading: support on one draft exchanged for support on another (logrolling).

Two penholders with drafts before bodies in which each has a seat may pledge each other their
votes. Each counts the other's vote as a concession on another matter, worth
``vote_trade_value`` units of political capital to it, so a trade enters both votes through the
same ``side_payment`` factor a side deal of capital does (and, like a side deal, a permanent
member counts only a share of it). A trade costs no capital, but a seat gives away its own vote:
the AI penholder trades only when the trade moves the other seat and its own promised vote would
be a yes (:func:`trade_for`). Carter & Stone (2015) document such exchanges in the General
Assembly; the worth of one traded vote is a modelling choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from sim.model.commands import draft_of, record_contact, registered
from sim.model.events import Event
from sim.model.words import working_title
from sim.model.world import World

if TYPE_CHECKING:
    from sim.model.view import WorldView


@registered
@dataclass(frozen=True)
class TradeVotes:
    """``actor`` (penholder of ``draft``) and ``target`` (penholder of ``other``) pledge each
    other support: each draft counts the other penholder's vote as a concession."""

    kind: ClassVar[str] = "vote_trade"
    actor: str
    draft: str
    target: str
    other: str

    def check(self, world: World) -> list[str]:
        draft, reasons = draft_of(world, self.actor, self.draft)
        other = world.drafts.get(self.other)
        if other is None:
            return reasons + [f"no draft {self.other!r} is under consultation"]
        if other.penholder != self.target:
            reasons.append(f"{self.target} does not hold the pen on {self.other}")
        if self.draft == self.other or self.actor == self.target:
            reasons.append("a seat cannot trade votes with itself")
        if draft is None:
            return reasons
        if self.target not in world.bodies[draft.body].members:
            reasons.append(f"{self.target} has no seat in {draft.body}")
        if self.actor not in world.bodies[other.body].members:
            reasons.append(f"{self.actor} has no seat in {other.body}")
        if self.target in draft.trades or self.actor in other.trades:
            reasons.append(f"{self.actor} and {self.target} have traded votes on these drafts")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft, other = world.drafts[self.draft], world.drafts[self.other]
        worth = world.coefficients.vote_trade_value
        for traded, partner in ((draft, self.target), (other, self.actor)):
            traded.side_payments[partner] = traded.side_payments.get(partner, 0.0) + worth
        draft.trades[self.target] = other.id
        other.trades[self.actor] = draft.id
        record_contact(world, self.actor, self.target)
        record_contact(world, self.target, self.actor)
        name = world.states.name
        text = (
            f"{name(self.actor)} and {name(self.target)} trade votes: {name(self.actor)} backs "
            f"'{working_title(other.title)}', {name(self.target)} backs"
            f" '{working_title(draft.title)}'."
        )
        return [Event(world.month, "vote_trade", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "target": self.target,
            "other": self.other,
        }


def trade_for(
    view: WorldView, actor: str, draft_id: str, target: str, gap: int
) -> TradeVotes | None:
    """A vote trade that would move ``target`` by ``gap`` points on ``actor``'s draft, if one is
    worth making: ``target`` holds the pen on another draft, ``actor``'s vote on it is not yet a
    yes, and the trade would make it one (a seat does not promise a vote it would not cast)."""
    for other in view.drafts():
        if other.penholder != target or other.id == draft_id:
            continue
        trade = TradeVotes(actor, draft_id, target, other.id)
        if view.check(trade):
            continue
        if view.side_payment_points(target) * view.coefficients.vote_trade_value < gap:
            continue
        result, _ = view.forecast(other)
        mine = result.voters.index(actor)
        if result.choices()[actor] == "yes":
            continue
        gain = view.side_payment_points(actor) * view.coefficients.vote_trade_value
        if result.totals[mine] + gain > result.yes_above[mine]:
            return trade
    return None
