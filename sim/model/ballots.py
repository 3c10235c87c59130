"""A human seat's own vote: cast before the vote is called, counted by ``CallVote``.

AI seats vote as their factors say (:mod:`sim.model.stance`). A seat a person holds chooses for
itself: :class:`CastVote` records yes, no or abstain on the draft as it now reads, and the tally
of :class:`~sim.model.commands.CallVote` uses it in place of the factors' choice (a permanent
member's no is a veto like any other). An amendment clears the votes cast, so nobody is bound to
a text that changed. The choice is the delegation's private instruction until the vote, so
casting it adds no public event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model.commands import registered
from sim.model.drafts import Draft
from sim.model.events import Event
from sim.model.explain import Stance
from sim.model.stance import draft_ballot
from sim.model.voting import CHOICES, Choice
from sim.model.world import World


@registered
@dataclass(frozen=True)
class CastVote:
    """A member of a draft's body instructs its delegation how to vote on the draft."""

    kind: ClassVar[str] = "cast_vote"
    actor: str
    draft: str
    choice: str

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        draft = world.drafts.get(self.draft)
        if draft is None:
            return reasons + [f"no draft {self.draft!r} is under consultation"]
        if self.actor not in world.bodies[draft.body].members:
            reasons.append(f"{self.actor} has no vote in {draft.body}")
        if self.choice not in CHOICES:
            reasons.append(f"a vote is yes, no or abstain, not {self.choice!r}")
        return reasons

    def apply(self, world: World) -> list[Event]:
        choice = next(c for c in CHOICES if c == self.choice)
        world.drafts[self.draft].cast[self.actor] = choice
        return []

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "draft": self.draft, "choice": self.choice}


@registered
@dataclass(frozen=True)
class RequestVote:
    """The penholder asks for the vote while people in other seats have still to vote: they
    vote at their next turn, and the vote is then held (see :class:`~sim.model.session.Session`)."""

    kind: ClassVar[str] = "request_vote"
    actor: str
    draft: str

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        draft = world.drafts.get(self.draft)
        if draft is None:
            return reasons + [f"no draft {self.draft!r} is under consultation"]
        if draft.penholder != self.actor:
            reasons.append(f"{self.actor} does not hold the pen on {self.draft}")
        if draft.vote_requested:
            reasons.append(f"the vote on {self.draft} has already been asked for")
        return reasons

    def apply(self, world: World) -> list[Event]:
        world.drafts[self.draft].vote_requested = True
        text = f"{self.actor} asks for the vote on {self.draft}."
        return [Event(world.month, "vote_requested", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "draft": self.draft}


def own_stance(world: World, draft: Draft, actor: str) -> Stance:
    """What ``actor``'s own factors say about ``draft`` now: the advice beside the buttons."""
    # The seat knows its own private reservation: the exact ballot, as the vote counts it.
    return draft_ballot(world, draft).stance(actor)


def missing_ballots(world: World, draft_id: str, seats: tuple[str, ...]) -> list[str]:
    """The human ``seats`` in the draft's body that have not voted on it as it now reads."""
    draft = world.drafts.get(draft_id)
    if draft is None:
        return []
    members = world.bodies[draft.body].members
    return [s for s in seats if s in members and s not in draft.cast]


def vetoes(world: World, draft: Draft, actor: str, choice: Choice) -> bool:
    """True when ``choice`` by ``actor`` on ``draft`` is a veto (a permanent member's no)."""
    return choice == "no" and actor in world.bodies[draft.body].veto
