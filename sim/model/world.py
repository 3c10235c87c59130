"""The world state: everything that changes during a game, and nothing that draws it.

Member states live in a :class:`StateTable` of numpy arrays in id order, so that stances of all
actors on many candidate drafts can be computed at once. Commands (:mod:`sim.model.commands`) are
the only code that changes a world.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from sim.model.coefficients import Coefficients
from sim.model.drafts import Clauses, Draft, DraftTemplate
from sim.model.events import Event
from sim.model.explain import Stance
from sim.model.issues import IssueSpace
from sim.model.peace import PeaceProcess, Settlement
from sim.model.rng import Streams
from sim.model.voting import Choice, Tally, VotingBody

FloatArray = npt.NDArray[np.float64]
ROWS_REMEMBERED = 256
"""How many different lists of ids :meth:`StateTable.rows` remembers (bodies, caucuses…)."""


@dataclass
class StateTable:
    """Member states as parallel arrays, rows in id order.

    ``ideal`` and ``salience`` are (states × dimensions); ``relations[i, j]`` in [-1, 1] is how
    state i regards state j; ``domestic`` is a standing bias for or against Council action;
    ``concern`` scales how much crisis intensity moves the state. ``non_interference`` (0–1) is the
    weight a state puts on sovereignty: what authorizing force without the host's consent costs
    it. ``deference[org]`` (0–1, one value per state) is how much a regional organization's
    endorsement or refusal weighs with each state (1 for its members).
    """

    ids: tuple[str, ...]
    names: tuple[str, ...]
    blocs: tuple[str, ...]
    capability: FloatArray
    ideal: FloatArray
    salience: FloatArray
    relations: FloatArray
    domestic: FloatArray
    concern: FloatArray
    capital: FloatArray
    capital_max: FloatArray
    non_interference: FloatArray = field(default_factory=lambda: np.zeros(0))
    deference: dict[str, FloatArray] = field(default_factory=dict)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        if list(self.ids) != sorted(self.ids):
            raise ValueError("state ids must be in sorted order")
        self.index = {sid: i for i, sid in enumerate(self.ids)}
        if len(self.non_interference) != len(self.ids):
            self.non_interference = np.zeros(len(self.ids))

    def rows(self, ids: Sequence[str]) -> npt.NDArray[np.intp]:
        """Row numbers of the given state ids (a read-only array: the same lists of members are
        asked for again and again, so each is worked out once)."""
        # Not a field (so neither hashed, saved nor mirrored): made on first use, which also
        # serves a table rebuilt field by field without __post_init__ (a networked mirror).
        remembered: dict[tuple[str, ...], npt.NDArray[np.intp]]
        remembered = self.__dict__.setdefault("_rows", {})
        key = tuple(ids)
        found = remembered.get(key)
        if found is None:
            found = np.array([self.index[i] for i in key], dtype=np.intp)
            found.flags.writeable = False
            if len(remembered) < ROWS_REMEMBERED:
                remembered[key] = found
        return found

    def name(self, sid: str) -> str:
        """Display name of a state."""
        return self.names[self.index[sid]]


@dataclass(frozen=True)
class Organization:
    """A regional organization: its members and the body that takes its decisions."""

    id: str
    name: str
    members: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class ConflictParty:
    """A party to the conflict: the government or an armed group, with its patrons."""

    id: str
    name: str
    kind: str
    strength: float
    patrons: tuple[str, ...]


PHASES = ("war", "ceasefire", "peace")


@dataclass
class Theatre:
    """The crisis on the ground: fighting, its toll, who controls what, and host consent.

    ``phase`` is ``war``, ``ceasefire`` or ``peace`` (a peace agreement). ``resources`` holds each
    party's current means to fight (its base strength, worn down by sanctions). Intensity, access
    and control are indices (0–1); deaths are counts (see the coefficient ``death_scale``).
    """

    id: str
    name: str
    intensity: float
    host: str
    host_consent: bool
    parties: tuple[ConflictParty, ...]
    organizations: tuple[str, ...]
    phase: str = "war"
    displaced: float = 0.0
    access: float = 0.5
    government_control: float = 0.5
    consent_tolerance: float = 1.0
    host_state: str = ""
    resources: dict[str, float] = field(default_factory=dict)
    months_in_phase: int = 0

    def party(self, party_id: str) -> ConflictParty:
        """A party by id."""
        return next(p for p in self.parties if p.id == party_id)


@dataclass(frozen=True)
class Contributor:
    """A member state's readiness to send uniformed personnel to missions.

    Capacities are the most it will have deployed at once; ``casualty_tolerance`` (0–1) is how many
    losses it accepts: the higher, the keener to serve in danger and the later it withdraws;
    ``reimbursement`` (0–1) how much UN payments attract it;
    ``lag`` the months its contingents need to arrive; ``caveats`` tasks it refuses to serve under;
    ``national_caveats`` the restrictions its AI puts on every contingent it sends (ids of
    :data:`sim.model.caveats.CAVEATS`; a player holding the seat chooses its own).
    """

    state: str
    troops: int
    police: int
    observers: int
    casualty_tolerance: float
    reimbursement: float
    lag: int
    caveats: tuple[str, ...]
    national_caveats: tuple[str, ...] = ()


PERSONNEL = ("troops", "police", "observers")


@dataclass
class Contingent:
    """Personnel of one contributor in one mission: arrived, on the way, and lost."""

    contributor: str
    kind: str
    deployed: int = 0
    arriving: list[tuple[int, int]] = field(default_factory=list)  # (month, size)
    fatalities: int = 0
    withdrawing: bool = False
    withdraw_step: int = 0


@dataclass
class Mission:
    """A peace operation in the theatre: UN, regional (a bridging force), hybrid, or national
    (member states the Council authorized, under their own command: ``authorized`` names them).

    ``ceilings`` are the authorized strengths by kind of personnel; contingents fill them over
    time. A mission whose mandate ended (or lost consent) is ``withdrawing`` until it is empty.
    """

    id: str
    kind: str
    authority: str
    chapter: str
    tasks: tuple[str, ...]
    ceilings: dict[str, int]
    start_month: int
    expires_month: int
    contingents: list[Contingent] = field(default_factory=list)
    withdrawing: bool = False
    renewals: int = 0
    authorized: tuple[str, ...] = ()

    def strength(self, kind: str) -> int:
        """Personnel of ``kind`` deployed now."""
        return sum(c.deployed for c in self.contingents if c.kind == kind)

    def pipeline(self, kind: str) -> int:
        """Personnel of ``kind`` pledged and on the way."""
        return sum(size for c in self.contingents if c.kind == kind for _, size in c.arriving)

    def committed(self, kind: str) -> int:
        """Personnel of ``kind`` deployed or on the way (one pass over the contingents)."""
        total = 0
        for c in self.contingents:
            if c.kind == kind:
                total += c.deployed
                for _, size in c.arriving:
                    total += size
        return total

    def contingent(self, contributor: str, kind: str) -> Contingent:
        """The contingent of a contributor, created empty on first use."""
        for c in self.contingents:
            if c.contributor == contributor and c.kind == kind:
                return c
        contingent = Contingent(contributor, kind)
        self.contingents.append(contingent)
        return contingent

    @property
    def active(self) -> bool:
        """True while the mission has a mandate or personnel on the ground."""
        return not self.withdrawing or any(c.deployed or c.arriving for c in self.contingents)


@dataclass
class SanctionEpisode:
    """A sanctions measure in force against one party, and what it achieved.

    ``losses`` records the party's resource shortfall against its starting level each month.
    ``outcomes`` is filled when the episode ends: coercion, constraint, signalling.
    """

    id: str
    resolution: str
    kind: str
    target: str
    start_month: int
    end_month: int
    baseline: float
    yes_votes: int
    losses: list[float] = field(default_factory=list)
    conceded: bool = False
    ended: bool = False
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoteRecord:
    """A vote that was held: on which draft version, the clauses, the tally."""

    month: int
    body: str
    draft: str
    version: int
    clauses: Clauses
    tally: Tally
    choices: dict[str, Choice]
    stances: dict[str, Stance]


@dataclass(frozen=True)
class Resolution:
    """An adopted resolution, when its mandate expires, and the mission it created or renewed."""

    draft: str
    title: str
    clauses: Clauses
    adopted_month: int
    expires_month: int
    mission: str | None = None
    yes_votes: int = 0


@dataclass(frozen=True)
class RegionalCapacity:
    """What a regional organization can do on its own: lead state, bridging force, threshold."""

    organization: str
    lead: str
    bridging_troops: int
    deploy_above: float


@dataclass(frozen=True)
class Ending:
    """A named way the scenario can end, with its condition from the endings registry."""

    id: str
    name: str
    text: str
    condition: str
    threshold: float
    from_month: int
    objectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Effect:
    """One effect of a trigger, from the effects registry (:mod:`sim.model.triggers`)."""

    kind: str
    actor: str = ""
    other: str = ""
    dimension: str = ""
    name: str = ""
    value: float = 0.0
    text: str = ""
    body: str = ""
    phase: str = ""


@dataclass(frozen=True)
class Trigger:
    """A scenario event: when its condition holds at the end of a month, its effects apply."""

    id: str
    when: str
    effects: tuple[Effect, ...]
    metric: str = ""
    threshold: float = 0.0
    month: int = 0
    draft: str = ""
    phase: str = ""
    once: bool = True
    chance: float = 1.0


@dataclass(frozen=True)
class Objective:
    """A goal the scenario sets, judged by a condition from the objectives registry."""

    id: str
    name: str
    kind: str
    metric: str = ""
    threshold: float = 0.0
    by_month: int = 0
    phase: str = ""
    clause: str = ""


@dataclass(frozen=True)
class Statement:
    """A seat's public word on a draft: a red line, a veto threat, an ask, support.

    ``kind`` is ``red_line``, ``veto_threat``, ``ask``, ``support`` or ``opposition``; ``clauses``
    is the text the speaker would accept instead (for asks and red lines), ``stance`` the vote it
    announces for that text (``yes`` or ``abstain``) or for the draft as it stands.
    """

    month: int
    actor: str
    draft: str
    version: int
    kind: str
    text: str
    stance: str = ""
    clauses: Clauses | None = None
    to: str = ""


@dataclass(frozen=True)
class Outcome:
    """The ending reached, when, and why."""

    ending: str
    name: str
    month: int
    reason: str


@dataclass
class World:
    """Everything that changes in a game. Built from a scenario by ``sim.scenario.build``."""

    scenario_id: str
    title: str
    months: int
    issues: IssueSpace
    states: StateTable
    bodies: dict[str, VotingBody]
    council: str
    organizations: dict[str, Organization]
    theatre: Theatre
    coefficients: Coefficients
    streams: Streams
    templates: tuple[DraftTemplate, ...]
    endings: tuple[Ending, ...]
    contributors: dict[str, Contributor] = field(default_factory=dict)
    regional: dict[str, RegionalCapacity] = field(default_factory=dict)
    triggers: tuple[Trigger, ...] = ()
    objectives: tuple[Objective, ...] = ()
    #: Every state's ideal points as the scenario set them (read-only; states × dimensions), so
    #: explanations can show how far consultations, lobbying and events have moved each state.
    #: A constant of the scenario, not state: replays and saves rebuild it with the world.
    start_ideal: FloatArray = field(default_factory=lambda: np.zeros((0, 0)))
    month: int = 1
    missions: list[Mission] = field(default_factory=list)
    sanctions: list[SanctionEpisode] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    metrics: dict[str, list[float]] = field(default_factory=dict)
    tabled: set[str] = field(default_factory=set)
    drafts: dict[str, Draft] = field(default_factory=dict)
    resolutions: list[Resolution] = field(default_factory=list)
    votes: list[VoteRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    outcome: Outcome | None = None
    settlement: Settlement | None = None
    peace: PeaceProcess = field(default_factory=PeaceProcess)
    precedent: float = 0.0
    threat_demands: frozenset[str] = frozenset()
    caucuses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    contacts: list[tuple[int, str, str]] = field(default_factory=list)  # (month, from, to)
    withdrawn: set[str] = field(default_factory=set)
    #: Tasks beyond the built-in ones and demands the scenario declares (what clauses may use).
    extra_tasks: tuple[str, ...] = ()
    demands: tuple[str, ...] = ()
    #: National caveats on contingents: mission → contributor → caveat ids (sorted), set by
    #: :class:`sim.model.caveats.SetCaveats`; only contributors with caveats appear.
    caveats: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        """True once an ending has been reached."""
        return self.outcome is not None

    def draft_in(self, body: str) -> Draft | None:
        """The draft currently before ``body``, if any (rival texts tabled against it aside)."""
        return next((d for d in self.drafts.values() if d.body == body and not d.rival_of), None)

    def resolutions_in_force(self) -> list[Resolution]:
        """Resolutions whose mandate has not expired."""
        return [r for r in self.resolutions if r.expires_month >= self.month]

    def mission(self, mission_id: str) -> Mission | None:
        """A mission by id."""
        return next((m for m in self.missions if m.id == mission_id), None)

    def active_missions(self) -> list[Mission]:
        """Missions with a mandate or personnel on the ground, in creation order."""
        return [m for m in self.missions if m.active]
