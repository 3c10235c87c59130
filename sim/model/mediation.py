"""Commands of the peace process: appoint an envoy, convene talks, amend and put the single
negotiating text, offer guarantees and aid, press a client.

Who may act: the Secretary-General (``un``) or a regional organization appoints an envoy (with a
partner, a joint envoy, as the AU–UN and UN–Arab League envoys were); the envoy's sponsors
convene talks and hold the text; any member state or organization may offer a guarantee or aid;
a patron may press its client. The mechanism is :mod:`sim.model.talks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model.commands import registered
from sim.model.events import Event
from sim.model.names import mission_name, parties_words
from sim.model.peace import Envoy, Text
from sim.model.talks import (
    clamp_text,
    convene,
    envoy_subject,
    middle_text,
    put_text,
    settlement_of,
    sponsor_name,
)
from sim.model.words import and_list
from sim.model.world import World

SECRETARY_GENERAL = "un"


def _common(world: World) -> list[str]:
    reasons = ["the game has ended"] if world.finished else []
    if world.settlement is None:
        reasons.append("this scenario gives the parties no settlement positions to negotiate")
    return reasons


def _sponsor(world: World, actor: str) -> list[str]:
    envoy = world.peace.envoy
    if envoy is None:
        return ["no envoy has been appointed"]
    if actor not in envoy.sponsors:
        return [f"{actor} did not appoint the envoy ({', '.join(envoy.sponsors)} did)"]
    return []


def _talks_open(world: World) -> list[str]:
    return [] if world.peace.talks is not None else ["no talks are under way"]


def _appointer(world: World, actor: str) -> bool:
    return actor == SECRETARY_GENERAL or actor in world.organizations


@registered
@dataclass(frozen=True)
class AppointEnvoy:
    """The Secretary-General (``un``) or a regional organization appoints a special envoy,
    alone or jointly with ``partner``; a joint envoy starts with more standing."""

    kind: ClassVar[str] = "appoint_envoy"
    actor: str
    name: str
    partner: str = ""

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        for who in filter(None, (self.actor, self.partner)):
            if not _appointer(world, who):
                reasons.append(
                    f"{who} may not: only the Secretary-General ('un') or a regional"
                    " organization appoints an envoy"
                )
        if self.partner == self.actor:
            reasons.append("a joint envoy needs two different sponsors")
        if not self.name.strip() or len(self.name) > 120:
            reasons.append("an envoy needs a name of 1 to 120 characters")
        if world.peace.envoy is not None:
            reasons.append(f"{world.peace.envoy.name} is already the envoy")
        return reasons

    def apply(self, world: World) -> list[Event]:
        coef = world.coefficients
        sponsors = tuple(s for s in (self.actor, self.partner) if s)
        standing = coef.envoy_standing_start + (coef.envoy_joint_bonus if self.partner else 0.0)
        world.peace.envoy = Envoy(self.name, sponsors, world.month, min(1.0, standing))
        title = "Joint Special Envoy" if self.partner else "Special Envoy"
        who = " and ".join(sponsor_name(world, x) for x in sponsors)
        verb = "appoint" if self.partner else "appoints"
        whom = f"a {title}" if self.name.lower() == f"the {title.lower()}" else self.name
        text = f"{who[:1].upper()}{who[1:]} {verb} {whom} as {title} for {world.theatre.name}."
        if whom != self.name:
            text = f"{who[:1].upper()}{who[1:]} {verb} a {title} for {world.theatre.name}."
        return [Event(world.month, "envoy", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "name": self.name, "partner": self.partner}


@registered
@dataclass(frozen=True)
class ConveneTalks:
    """The envoy's sponsor convenes talks: which parties sit at the table, whether women's
    groups and civil society do, and the first text (empty: the middle of the positions)."""

    kind: ClassVar[str] = "convene_talks"
    actor: str
    parties: tuple[str, ...]
    women: bool = True
    civil_society: bool = True
    text: dict[str, float] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "parties", tuple(sorted(set(self.parties))))

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        if reasons:
            return reasons
        reasons += _sponsor(world, self.actor)
        if world.peace.talks is not None:
            reasons.append("talks are already under way")
        if world.theatre.phase == "peace":
            reasons.append("a peace agreement is already in force")
        known = settlement_of(world).positions
        unknown = [p for p in self.parties if p not in known]
        if unknown:
            reasons.append(f"no party with settlement positions named {', '.join(unknown)}")
        if len(self.parties) < 2:
            reasons.append("talks need at least two parties")
        if self.text is not None:
            reasons += _text_problems(world, self.text)
        return reasons

    def apply(self, world: World) -> list[Event]:
        text = self.text if self.text is not None else middle_text(world, self.parties)
        talks = convene(world, self.parties, self.women, self.civil_society, text)
        who = envoy_subject(world)
        table = parties_words(world, talks.parties)
        extra = [
            w
            for w, on in (("women's groups", self.women), ("civil society", self.civil_society))
            if on
        ]
        if extra:
            table += ", with " + " and ".join(extra)
        said = f"{who} convenes {talks.stage} talks between {table}."
        return [Event(world.month, "talks", said)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "parties": list(self.parties),
            "women": self.women,
            "civil_society": self.civil_society,
            "text": None if self.text is None else dict(self.text),
        }


def _text_problems(world: World, text: Text) -> list[str]:
    issues = set(settlement_of(world).issue_ids())
    reasons = [f"unknown settlement issue {k!r}" for k in sorted(set(text) - issues)]
    for key, value in sorted(text.items()):
        if not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
            reasons.append(f"issue {key!r} must be a number from 0 to 1")
    return reasons


@registered
@dataclass(frozen=True)
class AmendText:
    """The envoy's sponsor amends the single negotiating text (issues not named keep their
    value). ``reason`` says how, after "amends the text": "toward the government on
    power-sharing"."""

    kind: ClassVar[str] = "amend_text"
    actor: str
    text: dict[str, float]
    reason: str = ""

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        if reasons:
            return reasons
        reasons += (
            _sponsor(world, self.actor) + _talks_open(world) + _text_problems(world, self.text)
        )
        talks = world.peace.talks
        settlement = settlement_of(world)
        if (
            not reasons
            and talks is not None
            and clamp_text(settlement, {**talks.text, **self.text}) == talks.text
        ):
            reasons.append("the amendment changes nothing")
        return reasons

    def apply(self, world: World) -> list[Event]:
        talks = world.peace.talks
        assert talks is not None
        settlement = settlement_of(world)
        before = dict(talks.text)
        talks.text = clamp_text(settlement, {**talks.text, **self.text})
        talks.version += 1
        changed = [
            settlement.issue_name(i).lower() for i, v in talks.text.items() if v != before[i]
        ]
        what = self.reason or f"on {and_list(changed)}"
        text = f"{envoy_subject(world)} amends the text (version {talks.version}) {what}."
        return [Event(world.month, "text_amended", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "text": dict(self.text),
            "reason": self.reason,
        }


@registered
@dataclass(frozen=True)
class PutText:
    """The envoy puts the current text to the parties; if all accept, they sign it."""

    kind: ClassVar[str] = "put_text"
    actor: str

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        if reasons:
            return reasons
        return reasons + _sponsor(world, self.actor) + _talks_open(world)

    def apply(self, world: World) -> list[Event]:
        return put_text(world)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor}


@registered
@dataclass(frozen=True)
class OfferGuarantee:
    """A member state or organization offers to guarantee the agreement: a mission of the
    theatre (by its id) or the offerer's own pledge (``guarantor`` = the offerer). Guarantees
    address the commitment problem (Walter 2002): they raise acceptance and, once signed, lower
    the hazard that war resumes."""

    kind: ClassVar[str] = "offer_guarantee"
    actor: str
    guarantor: str

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        known = self.actor in world.states.index or _appointer(world, self.actor)
        if not known:
            reasons.append(f"unknown member state or organization {self.actor!r}")
        if self.guarantor != self.actor and world.mission(self.guarantor) is None:
            reasons.append(f"{self.guarantor!r} is neither the offerer nor a mission")
        if self.guarantor in world.peace.guarantees:
            reasons.append(f"{self.guarantor} already guarantees the process")
        return reasons

    def apply(self, world: World) -> list[Event]:
        world.peace.guarantees[self.guarantor] = self.actor
        agreement = world.peace.agreement_in_force()
        if agreement is not None and self.guarantor not in agreement.guarantors:
            agreement.guarantors = tuple(sorted((*agreement.guarantors, self.guarantor)))
        what = (
            "its own forces"
            if self.guarantor == self.actor
            else mission_name(world, self.guarantor)
        )
        who = self.actor if self.actor in world.states.index else sponsor_name(world, self.actor)
        text = f"{who[:1].upper()}{who[1:]} offers {what} as a guarantee of the peace process."
        return [Event(world.month, "guarantee", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "guarantor": self.guarantor}


@registered
@dataclass(frozen=True)
class OfferAid:
    """A member state spends political capital on aid that sweetens any text for every party
    (reconstruction, demobilization funds)."""

    kind: ClassVar[str] = "offer_aid"
    actor: str
    amount: float

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        if self.actor in world.organizations:
            return reasons + ["aid comes from member states' budgets, not an organization's"]
        if self.actor not in world.states.index:
            return reasons + [f"unknown member state {self.actor!r}"]
        if not (isinstance(self.amount, (int, float)) and 0 < self.amount <= 100):
            reasons.append("aid must be a positive amount of political capital (at most 100)")
        elif world.states.capital[world.states.index[self.actor]] < self.amount:
            reasons.append(f"{self.actor} lacks the political capital")
        return reasons

    def apply(self, world: World) -> list[Event]:
        world.peace.aid += self.amount
        world.states.capital[world.states.index[self.actor]] -= self.amount
        text = f"{self.actor} pledges aid to support a settlement in {world.theatre.name}."
        return [Event(world.month, "aid", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "amount": self.amount}


@registered
@dataclass(frozen=True)
class PressParty:
    """A patron stops shielding its client and presses it to settle (or, with ``press`` false,
    shields it again)."""

    kind: ClassVar[str] = "press_party"
    actor: str
    party: str
    press: bool = True

    def check(self, world: World) -> list[str]:
        reasons = _common(world)
        party = next((p for p in world.theatre.parties if p.id == self.party), None)
        if party is None:
            return reasons + [f"no party {self.party!r} in the theatre"]
        if self.actor not in party.patrons:
            reasons.append(f"{self.actor} is not a patron of {self.party}")
        elif ((self.actor, self.party) in world.peace.pressed) == self.press:
            reasons.append("nothing changes")
        return reasons

    def apply(self, world: World) -> list[Event]:
        key = (self.actor, self.party)
        party = parties_words(world, [self.party])
        if self.press:
            world.peace.pressed.add(key)
            text = f"{self.actor} presses {party} to settle."
        else:
            world.peace.pressed.discard(key)
            text = f"{self.actor} shields {party} again."
        return [Event(world.month, "patron", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "actor": self.actor, "party": self.party, "press": self.press}
