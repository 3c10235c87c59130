"""The peace process as data: what the parties want, the envoy, the talks and the agreements.

A scenario that gives the parties settlement positions (:class:`Settlement`) has a negotiated
peace: war turns into a ceasefire, and a ceasefire into a peace agreement, only when the parties
sign a text at talks (:mod:`sim.model.talks`). Without one, the theatre keeps the monthly
hazards of :mod:`sim.model.conflict` (the documented fallback). The static part comes from the
scenario; :class:`PeaceProcess` is the changing part, and the state hash covers all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.model.explain import Stance

Text = dict[str, float]
"""A negotiating text: a point in [0, 1] on each settlement issue, by issue id."""


@dataclass(frozen=True)
class SettlementIssue:
    """One issue of a settlement (power-sharing, security arrangements, justice…), scaled 0–1."""

    id: str
    name: str


@dataclass(frozen=True)
class PartyPosition:
    """A party's private bottom line: its ideal point and salience on each issue, its resolve."""

    party: str
    ideal: Text
    salience: Text
    resolve: float


@dataclass(frozen=True)
class EnvoyPlan:
    """The envoy the scenario expects (the historical one): who, appointed by whom, when, and
    the text first put to the parties (``opening``; empty: the envoy drafts one)."""

    name: str
    sponsors: tuple[str, ...]
    month: int
    opening: Text
    text_name: str = ""


@dataclass(frozen=True)
class Settlement:
    """The settlement issues and every party's position on them (scenario data)."""

    issues: tuple[SettlementIssue, ...]
    positions: dict[str, PartyPosition]
    envoy: EnvoyPlan | None = None
    outside_factions: tuple[str, ...] = ()
    #: The monthly hazards still end wars beside the talks (by victory or exhaustion).
    chance_endings: bool = False

    def issue_ids(self) -> tuple[str, ...]:
        """The issues' ids, in scenario order."""
        return tuple(i.id for i in self.issues)

    def issue_name(self, issue_id: str) -> str:
        """The display name of an issue."""
        return next(i.name for i in self.issues if i.id == issue_id)


@dataclass
class Envoy:
    """The mediator: a special or joint envoy, whose standing rises with success and falls with
    refusals (Kydd 2003: a mediator is believed only while it is seen as credible)."""

    name: str
    sponsors: tuple[str, ...]
    appointed_month: int
    standing: float


@dataclass
class Talks:
    """Talks under way: who sits at the table, the single negotiating text and its answers.

    ``stage`` is ``ceasefire`` while the parties are at war, ``peace`` after a ceasefire.
    ``errors`` are the mediator's standing misreadings of each party's position (drawn once when
    the talks open); ``rounds`` the texts put so far, each of which teaches the mediator more.
    """

    convened_month: int
    parties: tuple[str, ...]
    women: bool
    civil_society: bool
    stage: str
    text: Text
    errors: dict[str, Text]
    bottom_line_errors: dict[str, float]
    version: int = 1
    rounds: int = 0
    refusals: int = 0
    answers: dict[str, Stance] = field(default_factory=dict)


@dataclass
class Agreement:
    """A signed ceasefire or peace agreement, and how long it held.

    ``excluded`` are the armed factions left out of it (parties not at the table and factions
    outside the talks): potential spoilers (Stedman 1997). ``tactical`` are signatories that
    signed without meaning to implement it: implementation stalls and it breaks down sooner.
    """

    id: str
    name: str
    kind: str
    month: int
    text: Text
    signatories: tuple[str, ...]
    excluded: tuple[str, ...]
    guarantors: tuple[str, ...]
    women: bool
    civil_society: bool
    ended_month: int | None = None
    #: Signatories that signed without meaning to implement it (tactical acceptance).
    tactical: tuple[str, ...] = ()

    @property
    def in_force(self) -> bool:
        """True until the war resumes."""
        return self.ended_month is None


@dataclass(frozen=True)
class TextRecord:
    """A text put to the parties: when, which version, its provisions and every answer."""

    month: int
    version: int
    stage: str
    text: Text
    answers: dict[str, Stance]
    #: Parties that refused in earnest but signed under pressure, not meaning to implement.
    tactical: tuple[str, ...] = ()

    @property
    def signed(self) -> bool:
        """True when every party at the table accepted (in earnest or tactically)."""
        return all(s.choice == "yes" or p in self.tactical for p, s in self.answers.items())


@dataclass
class PeaceProcess:
    """Everything the peace process changes during a game."""

    envoy: Envoy | None = None
    talks: Talks | None = None
    agreements: list[Agreement] = field(default_factory=list)
    guarantees: dict[str, str] = field(default_factory=dict)  # guarantor -> who offered it
    aid: float = 0.0
    pressed: set[tuple[str, str]] = field(default_factory=set)  # (patron, party)
    sessions: int = 0
    adjourned_month: int = 0
    records: list[TextRecord] = field(default_factory=list)

    def agreement_in_force(self) -> Agreement | None:
        """The latest agreement that has not broken down."""
        return next((a for a in reversed(self.agreements) if a.in_force), None)
