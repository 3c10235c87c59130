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
from sim.model.rng import Streams
from sim.model.voting import Choice, Tally, VotingBody

FloatArray = npt.NDArray[np.float64]


@dataclass
class StateTable:
    """Member states as parallel arrays, rows in id order.

    ``ideal`` and ``salience`` are (states × dimensions); ``relations[i, j]`` in [-1, 1] is how
    state i regards state j; ``domestic`` is a standing bias for or against Council action;
    ``concern`` scales how much crisis intensity moves the state.
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
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        if list(self.ids) != sorted(self.ids):
            raise ValueError("state ids must be in sorted order")
        self.index = {sid: i for i, sid in enumerate(self.ids)}

    def rows(self, ids: Sequence[str]) -> npt.NDArray[np.intp]:
        """Row numbers of the given state ids."""
        return np.array([self.index[i] for i in ids], dtype=np.intp)

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


@dataclass
class Theatre:
    """The crisis on the ground (a deliberately simple model until force generation arrives)."""

    id: str
    name: str
    intensity: float
    host: str
    host_consent: bool
    parties: tuple[ConflictParty, ...]
    organizations: tuple[str, ...]
    civilian_deaths: list[int] = field(default_factory=list)
    intensity_history: list[float] = field(default_factory=list)


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
    """An adopted resolution and when its mandate expires."""

    draft: str
    title: str
    clauses: Clauses
    adopted_month: int
    expires_month: int


@dataclass(frozen=True)
class Ending:
    """A named way the scenario can end, with its condition from the endings registry."""

    id: str
    name: str
    text: str
    condition: str
    threshold: float
    from_month: int


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
    month: int = 1
    tabled: set[str] = field(default_factory=set)
    drafts: dict[str, Draft] = field(default_factory=dict)
    resolutions: list[Resolution] = field(default_factory=list)
    votes: list[VoteRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    outcome: Outcome | None = None

    @property
    def finished(self) -> bool:
        """True once an ending has been reached."""
        return self.outcome is not None

    def draft_in(self, body: str) -> Draft | None:
        """The draft currently before ``body``, if any."""
        return next((d for d in self.drafts.values() if d.body == body), None)

    def resolutions_in_force(self) -> list[Resolution]:
        """Resolutions whose mandate has not expired."""
        return [r for r in self.resolutions if r.expires_month >= self.month]
