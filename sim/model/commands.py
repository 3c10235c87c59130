"""Commands: the only way anything changes the world.

Each command is a frozen dataclass naming ids, never objects. ``check`` returns the reasons it
cannot be applied now (and changes nothing); ``apply`` changes the world and returns events. The
player, AI agents, replays and tests all submit the same commands through the engine.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

import numpy as np
from pydantic import TypeAdapter, ValidationError

from sim.model.adoption import adopt
from sim.model.bargaining import round_positions
from sim.model.drafts import Clauses, Draft, clause_problems
from sim.model.events import Event
from sim.model.files import printable
from sim.model.intel import after_consultations, after_lobbying, draw_reservations
from sim.model.legitimacy import veto_costs
from sim.model.names import clauses_words, spoken_words
from sim.model.registry import Registry
from sim.model.stance import ballot, draft_ballot
from sim.model.whip import PUBLIC, whip_count
from sim.model.words import body_words, renewal_words, working_title
from sim.model.world import VoteRecord, World


class Command(Protocol):
    """The contract every command meets."""

    kind: ClassVar[str]

    def check(self, world: World) -> list[str]:
        """Reasons the command cannot be applied now; empty when it can."""
        ...

    def apply(self, world: World) -> list[Event]:
        """Change the world; only called after ``check`` returned no reasons."""
        ...

    def to_json(self) -> dict[str, Any]:
        """The command as log data; ``command_from_json`` reads it back."""
        ...


COMMAND_TYPES: Registry[type[Any]] = Registry("command type")
"""Every command class by its ``kind``: what a log or a save names, and how it is rebuilt."""

CommandClass = TypeVar("CommandClass", bound=type[Any])


def registered(cls: CommandClass) -> CommandClass:
    """Class decorator: add a command class to :data:`COMMAND_TYPES` under its ``kind``."""
    COMMAND_TYPES.add(cls.kind, cls)
    return cls


def not_finished(world: World) -> list[str]:
    """Why no command applies once the game has ended."""
    return ["the game has ended"] if world.finished else []


def seat_on(world: World, actor: str, draft_id: str) -> tuple[Draft | None, list[str]]:
    """The draft under consultation and why ``actor`` may not act on it as a member of its body
    (the game has ended, no such draft, no seat)."""
    reasons = not_finished(world)
    draft = world.drafts.get(draft_id)
    if draft is None:
        return None, reasons + [f"no draft {draft_id!r} is under consultation"]
    if actor not in world.bodies[draft.body].members:
        reasons.append(f"{actor} has no seat in {draft.body}")
    return draft, reasons


def _known_state(world: World, actor: str) -> list[str]:
    return [] if actor in world.states.index else [f"unknown member state {actor!r}"]


def _clauses(world: World, clauses: Clauses | None) -> list[str]:
    if clauses is None:
        return []
    parties = tuple(p.id for p in world.theatre.parties)
    return clause_problems(clauses, world.extra_tasks, world.demands, parties)


def draft_of(world: World, actor: str, draft_id: str) -> tuple[Draft | None, list[str]]:
    """The draft under consultation and why ``actor`` may not act on it as its penholder."""
    draft = world.drafts.get(draft_id)
    if draft is None:
        return None, [f"no draft {draft_id!r} is under consultation"]
    if draft.penholder != actor:
        return draft, [f"{actor} does not hold the pen on {draft_id}"]
    return draft, []


def record_contact(world: World, lobbyist: str, target: str) -> None:
    """A lobbying visit, a side deal or a vote trade: the lobbyist learns much of the target's
    reservations, and the contact is recorded so the target answers it this month."""
    after_lobbying(world, lobbyist, target)
    world.contacts.append((world.month, lobbyist, target))


@registered
@dataclass(frozen=True)
class TableDraft:
    """Put a draft the scenario prepared before its body, optionally with other clauses."""

    kind: ClassVar[str] = "table_draft"
    actor: str
    draft: str
    clauses: Clauses | None = None
    as_recorded: bool = False

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world) + _known_state(world, self.actor)
        template = next((t for t in world.templates if t.id == self.draft), None)
        if template is None:
            return reasons + [f"the scenario has no draft {self.draft!r}"]
        if template.penholder != self.actor:
            reasons.append(f"{self.actor} does not hold the pen on {self.draft}")
        if self.draft in world.tabled:
            reasons.append(f"{self.draft} has already been tabled")
        if world.month < template.month:
            reasons.append(f"{self.draft} cannot be tabled before month {template.month}")
        if world.draft_in(template.body) is not None:
            reasons.append(f"another draft is already before {template.body}")
        return reasons + _clauses(world, self.clauses)

    def apply(self, world: World) -> list[Event]:
        template = next(t for t in world.templates if t.id == self.draft)
        clauses = self.clauses or template.clauses
        world.tabled.add(template.id)
        world.drafts[template.id] = Draft(
            template.id,
            template.title,
            template.penholder,
            template.body,
            clauses,
            tabled_month=world.month,
            patience=template.patience,
            renews=template.renews,
            endorsements={org: True for org in template.endorsed_by},
        )
        if not self.as_recorded:
            draw_reservations(world, world.drafts[template.id])
        body = body_words(world.bodies[template.body].name)
        said = clauses_words(world, clauses)
        title = working_title(template.title)  # its resolution number would tell the vote
        text = f"{self.actor} circulates '{title}' in the {body}: {said}."
        return [Event(world.month, "draft_tabled", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "clauses": None if self.clauses is None else self.clauses.to_json(),
            "as_recorded": self.as_recorded,
        }


@registered
@dataclass(frozen=True)
class TableRenewal:
    """Put a draft renewing (and perhaps resizing) a mission before the body that created it."""

    kind: ClassVar[str] = "table_renewal"
    actor: str
    mission: str
    clauses: Clauses

    def draft_id(self, world: World) -> str:
        """The renewal draft's id: the mission's id and the renewal's number."""
        mission = world.mission(self.mission)
        return f"{self.mission}-renewal-{(mission.renewals if mission else 0) + 1}"

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world) + _known_state(world, self.actor)
        mission = world.mission(self.mission)
        original = next((r for r in world.resolutions if r.draft == self.mission), None)
        if mission is None or original is None or mission.kind == "regional":
            return reasons + [f"no Council mission {self.mission!r} to renew"]
        template = next((t for t in world.templates if t.id == self.mission), None)
        penholder = template.penholder if template else None
        if penholder != self.actor:
            reasons.append(f"{self.actor} does not hold the pen on {self.mission}")
        if mission.withdrawing:
            reasons.append(f"{self.mission} is already withdrawing")
        if self.draft_id(world) in world.drafts:
            reasons.append("a renewal is already under consultation")
        body = template.body if template else world.council
        if world.draft_in(body) is not None:
            reasons.append(f"another draft is already before {body}")
        return reasons + _clauses(world, self.clauses)

    def apply(self, world: World) -> list[Event]:
        template = next(t for t in world.templates if t.id == self.mission)
        draft_id = self.draft_id(world)
        world.drafts[draft_id] = Draft(
            draft_id,
            f"Renewal of {template.title}",
            self.actor,
            template.body,
            self.clauses,
            tabled_month=world.month,
            patience=1,
            renews=self.mission,
        )
        draw_reservations(world, world.drafts[draft_id])
        said = clauses_words(world, self.clauses)
        text = f"{self.actor} circulates a renewal of {self.mission}: {said}."
        return [Event(world.month, "draft_tabled", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "mission": self.mission,
            "clauses": self.clauses.to_json(),
        }


@registered
@dataclass(frozen=True)
class AmendDraft:
    """Replace the clauses of a draft under consultation (the penholder's pen)."""

    kind: ClassVar[str] = "amend_draft"
    actor: str
    draft: str
    clauses: Clauses
    reason: str = ""

    def check(self, world: World) -> list[str]:
        draft, reasons = draft_of(world, self.actor, self.draft)
        if draft is not None and draft.clauses == self.clauses:
            reasons.append("the amendment changes nothing")
        return not_finished(world) + reasons + _clauses(world, self.clauses)

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        draft.clauses = self.clauses
        draft.version += 1
        draft.cast.clear()  # a human seat votes on the text as it now reads
        why = f" ({spoken_words(world, self.reason)})" if self.reason else ""
        text = f"{self.actor} amends {draft.id}{why}: {clauses_words(world, self.clauses)}."
        return [Event(world.month, "draft_amended", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "clauses": self.clauses.to_json(),
            "reason": self.reason,
        }


@registered
@dataclass(frozen=True)
class Lobby:
    """Press a member to move toward the lobbyist's ideal on one dimension; costs capital."""

    kind: ClassVar[str] = "lobby"
    actor: str
    target: str
    dimension: str

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world) + _known_state(world, self.actor)
        reasons += _known_state(world, self.target)
        if self.dimension not in world.issues.index:
            reasons.append(f"unknown issue dimension {self.dimension!r}")
        if self.actor == self.target:
            reasons.append("an actor cannot lobby itself")
        if not reasons:
            capital = world.states.capital[world.states.index[self.actor]]
            if capital < world.coefficients.lobby_cost:
                reasons.append(f"{self.actor} lacks the political capital to lobby")
        return reasons

    def apply(self, world: World) -> list[Event]:
        table = world.states
        a, t = table.index[self.actor], table.index[self.target]
        d = world.issues.index[self.dimension]
        rate = world.coefficients.lobby_rate * (1.0 + table.relations[t, a]) / 2.0
        table.ideal[t, d] += rate * (table.ideal[a, d] - table.ideal[t, d])
        table.capital[a] -= world.coefficients.lobby_cost
        record_contact(world, self.actor, self.target)
        name = world.issues.dimensions[d].name.lower()
        text = f"{self.actor} lobbies {self.target} on {name}."
        return [Event(world.month, "lobby", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "target": self.target,
            "dimension": self.dimension,
        }


@registered
@dataclass(frozen=True)
class OfferSidePayment:
    """Offer a member a concession on another matter for its support of a draft."""

    kind: ClassVar[str] = "side_payment"
    actor: str
    draft: str
    target: str
    amount: float

    def check(self, world: World) -> list[str]:
        _, reasons = draft_of(world, self.actor, self.draft)
        reasons = not_finished(world) + reasons + _known_state(world, self.target)
        if self.target == self.actor:
            reasons.append("a member cannot pay itself for its own support")
        if not (self.amount > 0 and np.isfinite(self.amount)):
            reasons.append("a side payment must be a positive amount")
        elif not reasons:
            capital = world.states.capital[world.states.index[self.actor]]
            if capital < self.amount:
                reasons.append(f"{self.actor} has only {capital:.1f} political capital")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        draft.side_payments[self.target] = draft.side_payments.get(self.target, 0.0) + self.amount
        world.states.capital[world.states.index[self.actor]] -= self.amount
        record_contact(world, self.actor, self.target)
        text = f"{self.actor} offers {self.target} a side deal for its support of {draft.id}."
        return [Event(world.month, "side_payment", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "target": self.target,
            "amount": self.amount,
        }


def endorsement_vote(world: World, draft_id: str, org_id: str, preface: str) -> Event:
    """A regional organization's body decides, by its own rule, whether to endorse a draft."""
    draft = world.drafts[draft_id]
    org = world.organizations[org_id]
    result = ballot(world, org.body, draft.clauses, draft.penholder, draft.side_payments)
    tally = world.bodies[org.body].tally(result.choices())
    draft.endorsements[org.id] = tally.passed
    verdict = "endorses" if tally.passed else "refuses to endorse"
    text = f"{preface}The {org.name} {verdict} {draft.id} ({tally.counts()})."
    return Event(world.month, "endorsement", text)


@registered
@dataclass(frozen=True)
class RequestEndorsement:
    """Ask a regional organization to endorse a draft; its own body decides by its own rule."""

    kind: ClassVar[str] = "request_endorsement"
    actor: str
    draft: str
    organization: str

    def check(self, world: World) -> list[str]:
        draft, reasons = draft_of(world, self.actor, self.draft)
        if self.organization not in world.organizations:
            reasons.append(f"unknown regional organization {self.organization!r}")
        elif draft is not None and self.organization in draft.endorsements:
            reasons.append(f"{self.organization} has already decided on {self.draft}")
        return not_finished(world) + reasons

    def apply(self, world: World) -> list[Event]:
        return [endorsement_vote(world, self.draft, self.organization, "")]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "organization": self.organization,
        }


@registered
@dataclass(frozen=True)
class HoldConsultations:
    """One consultation round on a draft: members' positions move toward the bargaining forecast.

    One round of the expected-utility model (Scholz, Calbert & Smith 2011) is run per issue
    dimension among the body's members, with capability × salience weights; each member then moves
    ``bargaining_pull`` of the way to its forecast position. Members then signal where they
    stand: the whip count, and any permanent member that threatens a veto.
    """

    kind: ClassVar[str] = "consult"
    draft: str

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world)
        if self.draft not in world.drafts:
            reasons.append(f"no draft {self.draft!r} is under consultation")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        table = world.states
        rows = table.rows(sorted(world.bodies[draft.body].members))
        pull = world.coefficients.bargaining_pull
        moved = 0
        for d in range(len(world.issues)):
            x = table.ideal[rows, d]
            after = round_positions(x, table.capability[rows], table.salience[rows, d])
            shift = pull * (after - x)
            table.ideal[rows, d] = x + shift
            moved += int(np.count_nonzero(np.abs(shift) > 1e-9))
        after_consultations(world, draft)
        text = f"Consultations on {draft.id}: {moved} positions shifted."
        events = [Event(world.month, "consultations", text)]
        events.append(Event(world.month, "whip_count", whip_count(world, draft, PUBLIC).text()))
        return events

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "draft": self.draft}


@registered
@dataclass(frozen=True)
class CallVote:
    """Put a draft to the vote in its body; it then leaves consultations, adopted or not."""

    kind: ClassVar[str] = "call_vote"
    actor: str
    draft: str

    def check(self, world: World) -> list[str]:
        return not_finished(world) + draft_of(world, self.actor, self.draft)[1]

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts.pop(self.draft)
        body = world.bodies[draft.body]
        result = draft_ballot(world, draft)
        # Human seats' own votes (``CastVote``) replace what their factors would choose.
        choices = {**result.choices(), **draft.cast}
        tally = body.tally(choices)
        stances = {v: result.stance(v) for v in result.voters}
        world.votes.append(
            VoteRecord(
                world.month,
                body.id,
                draft.id,
                draft.version,
                draft.clauses,
                tally,
                choices,
                stances,
            )
        )
        if tally.passed:
            amended = " as amended" if draft.version > 1 else ""  # the title names the text tabled
            title = renewal_words(draft.title)
            text = f"The {body_words(body.name)} adopts '{title}'{amended}, {tally.counts()}."
            return [Event(world.month, "resolution_adopted", text), *adopt(world, draft, tally)]
        if tally.vetoed_by:
            text = f"{draft.id} fails {tally.counts()}: vetoed by {', '.join(tally.vetoed_by)}."
            return [Event(world.month, "draft_vetoed", text), *veto_costs(world, tally)]
        text = f"{draft.id} fails {tally.counts()}: too few votes in favour."
        return [Event(world.month, "draft_failed", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "draft": self.draft}


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def command_from_json(data: object) -> Command:
    """Rebuild a logged command of any registered kind, validated as strictly as the file
    format demands: a known ``type``, no unknown fields, every field of its declared type (no
    string for a number, no fraction for a count, no NaN). Raises ValueError saying what is
    wrong. Whether the command may apply is its own ``check``, run when it is submitted.
    Command classes outside this module register when their module is imported;
    :mod:`sim.model.replay` imports every one of them."""
    if not isinstance(data, dict):
        raise ValueError("a command is a JSON object")
    fields = dict(data)
    kind = fields.pop("type", None)
    cls = COMMAND_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown command type {printable(repr(kind), 80)}")
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(str(k) for k in fields if k not in names)
    if unknown:
        raise ValueError(f"{kind}: unknown field(s) {printable(', '.join(unknown[:5]), 120)}")
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    try:
        command: Command = adapter.validate_json(json.dumps(fields), strict=True)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ValueError(f"{kind}: {where}: {str(error['msg']).lower()}") from None
    except (TypeError, ValueError) as exc:  # a value JSON cannot carry, or a refusing field
        raise ValueError(f"{kind}: {exc}") from None
    return command
