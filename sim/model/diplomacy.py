"""Commands of the seats that negotiate back: public statements, private replies, withdrawal.

A statement is a seat's word on a draft: a red line or veto threat (public), an ask in answer to
lobbying ("drop the ICC referral and we abstain", private to the lobbyist), support or
opposition. Statements are recorded with the draft's version so a seat speaks again only when
the text changes, and they narrow what others do not know of the speaker's position
(:func:`sim.model.intel.after_statement`). A member may table a rival text against a draft it
would veto; a penholder may withdraw its draft rather than see it fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model.commands import draft_of, not_finished, registered, seat_on
from sim.model.drafts import Clauses, Draft
from sim.model.events import Event
from sim.model.intel import after_statement, draw_reservations
from sim.model.names import clauses_words, spoken_words
from sim.model.world import Statement, World

STATEMENT_KINDS = ("red_line", "veto_threat", "ask", "support", "opposition")


@registered
@dataclass(frozen=True)
class MakeStatement:
    """A member of a draft's body speaks on it: in public, or privately to ``to``."""

    kind: ClassVar[str] = "statement"
    actor: str
    draft: str
    statement: str
    text: str
    stance: str = ""
    clauses: Clauses | None = None
    to: str = ""

    def check(self, world: World) -> list[str]:
        draft, reasons = seat_on(world, self.actor, self.draft)
        if draft is None:
            return reasons
        if self.statement not in STATEMENT_KINDS:
            reasons.append(f"unknown kind of statement {self.statement!r}")
        if self.stance not in ("", "yes", "no", "abstain"):
            reasons.append(f"unknown stance {self.stance!r}")
        if self.to and (self.to not in world.states.index or self.to == self.actor):
            reasons.append(f"cannot address a statement to {self.to!r}")
        if not self.text.strip() or len(self.text) > 500:
            reasons.append("a statement needs a text of at most 500 characters")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        world.statements.append(
            Statement(
                world.month,
                self.actor,
                draft.id,
                draft.version,
                self.statement,
                self.text,
                self.stance,
                self.clauses,
                self.to,
            )
        )
        after_statement(world, draft, self.actor, self.to)
        said = spoken_words(world, self.text)  # the state keeps the words as said
        if self.to:
            return [Event(world.month, "reply", f"{self.actor} to {self.to}: {said}")]
        return [Event(world.month, "statement", f"{self.actor}: {said}")]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "statement": self.statement,
            "text": self.text,
            "stance": self.stance,
            "clauses": None if self.clauses is None else self.clauses.to_json(),
            "to": self.to,
        }


def rival_id(draft: str, actor: str) -> str:
    """The id of ``actor``'s rival text against ``draft``."""
    return f"{draft}-rival-{actor.lower()}"


@registered
@dataclass(frozen=True)
class TableRivalDraft:
    """A member tables its own text against a draft before its body (as Russia did on Syria in
    2012): it is consulted on and voted like any draft, and may be adopted."""

    kind: ClassVar[str] = "table_rival"
    actor: str
    draft: str
    clauses: Clauses

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        draft = world.drafts.get(self.draft)
        if draft is None or draft.rival_of:
            return reasons + [f"no draft {self.draft!r} to table a rival text against"]
        if self.actor not in world.bodies[draft.body].members:
            reasons.append(f"{self.actor} has no seat in {draft.body}")
        if self.actor == draft.penholder:
            reasons.append(f"{self.actor} holds the pen on {self.draft}")
        if rival_id(self.draft, self.actor) in world.tabled:
            reasons.append(f"{self.actor} has already tabled a rival text against {self.draft}")
        if self.clauses == draft.clauses:
            reasons.append("a rival text must differ from the draft")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        draft_id = rival_id(draft.id, self.actor)
        name = world.states.name(self.actor)
        world.tabled.add(draft_id)
        world.drafts[draft_id] = Draft(
            draft_id,
            f"{name}'s text on {draft.title}",
            self.actor,
            draft.body,
            self.clauses,
            tabled_month=world.month,
            patience=1,
            rival_of=draft.id,
        )
        draw_reservations(world, world.drafts[draft_id])
        text = (
            f"{self.actor} tables a rival text to {draft.id}: {clauses_words(world, self.clauses)}."
        )
        return [Event(world.month, "draft_tabled", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "clauses": self.clauses.to_json(),
        }


@registered
@dataclass(frozen=True)
class WithdrawDraft:
    """The penholder takes its draft off the table rather than put it to a vote it would lose."""

    kind: ClassVar[str] = "withdraw_draft"
    actor: str
    draft: str
    reason: str = ""

    def check(self, world: World) -> list[str]:
        return not_finished(world) + draft_of(world, self.actor, self.draft)[1]

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts.pop(self.draft)
        world.withdrawn.add(draft.id)
        why = f" ({self.reason})" if self.reason else ""
        text = f"{self.actor} withdraws {draft.id}{why}."
        return [Event(world.month, "draft_withdrawn", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "draft": self.draft, "reason": self.reason}
