"""Draft resolutions: the clauses a drafter can put on paper.

A draft is data: which Charter chapter it invokes, which tasks it gives a mission, troop and police
ceilings, duration, sanctions with their targets, a referral, and demands on the parties. Clauses
turn into named *features* (``chapter_vii``, ``troops``, ``task:elections`` …) that the issue space
maps onto positions on issue dimensions (see :mod:`sim.model.issues`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.model.registry import Registry
from sim.model.voting import Choice
from sim.model.words import and_list, task_words

CHAPTERS = ("VI", "VII")
#: The tasks a mission may carry, each with its meaning for the designer's guide (a new task
#: is one entry here; its effect lives where the theatre reads the task).
TASK_MEANINGS: dict[str, str] = {
    "protection_of_civilians": "protect civilians under threat",
    "ceasefire_monitoring": "monitor a ceasefire",
    "elections": "support elections",
    "ddr": "disarmament, demobilization and reintegration of combatants",
    "humanitarian_access": "secure aid deliveries (raises humanitarian access by `access_gain`)",
    "all_necessary_measures": "the use of force ('all necessary measures')",
}
BUILTIN_TASKS = tuple(TASK_MEANINGS)
#: The kinds of sanctions, each with its meaning for the designer's guide.
SANCTION_MEANINGS: dict[str, str] = {
    "arms_embargo": "no arms to the targets",
    "asset_freeze": "the targets' assets frozen",
    "travel_ban": "the targets' leaders may not travel",
    "comprehensive_trade": "all trade cut; also raises civilian deaths and cuts aid"
    " (`comprehensive_harm`)",
}
SANCTION_KINDS = tuple(SANCTION_MEANINGS)


@dataclass(frozen=True)
class ClauseNumber:
    """A numeric clause of a draft, read by everything that shows, bounds or weighs it.

    ``name`` is the field of :class:`Clauses` and the key of a scenario's ``[[drafts]]``;
    ``label`` is what the draft editor shows and ``step`` how far its − and + buttons move the
    value; ``minimum`` and ``maximum`` bound it in the file format, in the editor and in the
    model's own check; ``meaning`` is the designer's guide's description of the key. The value
    becomes the feature ``feature`` in units of ``per_unit`` (``quantity / per_unit`` in the
    guide's table of features). ``agent_step`` is the grain of the AI's own changes: penholders
    concede and members ask in multiples of it, and the explanations try ceilings at it.
    """

    name: str
    label: str
    meaning: str
    minimum: int
    maximum: int
    step: int
    feature: str
    per_unit: int
    quantity: str
    agent_step: int


CLAUSE_NUMBERS: Registry[ClauseNumber] = Registry("numeric clause")
"""The numeric clauses of a draft, in the order the editor shows them."""

for _number in (
    ClauseNumber(
        "troop_ceiling",
        "Troops",
        "Troops authorized (a ceiling above 0 creates a mission).",
        0,
        200_000,
        500,
        "troops",
        10_000,
        "troop ceiling",
        100,
    ),
    ClauseNumber(
        "police_ceiling",
        "Police",
        "Police authorized.",
        0,
        50_000,
        100,
        "police",
        1_000,
        "police ceiling",
        100,
    ),
    ClauseNumber(
        "observer_ceiling",
        "Observers",
        "Military observers authorized.",
        0,
        5_000,
        50,
        "observers",
        1_000,
        "military observer ceiling",
        100,
    ),
    ClauseNumber(
        "duration",
        "Months",
        "Months the resolution stays in force once adopted: its mission's mandate and its"
        " sanctions measures (also of a sanctions-only draft) expire after it unless renewed."
        " Also a feature (duration / 12).",
        1,
        60,
        3,
        "duration",
        12,
        "months the resolution's mandate and measures last",
        6,
    ),
):
    CLAUSE_NUMBERS.add(_number.name, _number)

SCALAR_FEATURES = {
    "chapter_vii": "1 if the draft acts under Chapter VII, else 0",
    **{n.feature: f"{n.quantity} / {n.per_unit:,}" for n in CLAUSE_NUMBERS.values()},
    "referral": "1 if the draft refers the situation to the International Criminal Court",
}


@dataclass(frozen=True, order=True)
class Sanction:
    """One sanctions measure and the conflict parties it targets (ids, sorted)."""

    kind: str
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clauses:
    """The operative content of a draft resolution. Collections are kept sorted and unique."""

    chapter: str = "VI"
    tasks: tuple[str, ...] = ()
    troop_ceiling: int = 0
    police_ceiling: int = 0
    observer_ceiling: int = 0
    duration: int = 12
    sanctions: tuple[Sanction, ...] = ()
    referral: bool = False
    demands: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "tasks", tuple(sorted(set(self.tasks))))
        object.__setattr__(self, "demands", tuple(sorted(set(self.demands))))
        by_kind = {s.kind: Sanction(s.kind, tuple(sorted(set(s.targets)))) for s in self.sanctions}
        object.__setattr__(self, "sanctions", tuple(by_kind[k] for k in sorted(by_kind)))

    def features(self) -> dict[str, float]:
        """The draft's features, the inputs of the issue-space mapping. Absent features are 0."""
        values: dict[str, float] = {
            "chapter_vii": 1.0 if self.chapter == "VII" else 0.0,
            **{n.feature: getattr(self, n.name) / n.per_unit for n in CLAUSE_NUMBERS.values()},
            "referral": 1.0 if self.referral else 0.0,
        }
        for task in self.tasks:
            values[f"task:{task}"] = 1.0
        for sanction in self.sanctions:
            values[f"sanction:{sanction.kind}"] = 1.0
        for demand in self.demands:
            values[f"demand:{demand}"] = 1.0
        return values

    def establishes_mission(self) -> bool:
        """True when the draft authorizes uniformed personnel."""
        return self.troop_ceiling > 0 or self.police_ceiling > 0 or self.observer_ceiling > 0

    def ceilings(self) -> dict[str, int]:
        """Authorized strength by kind of personnel."""
        return {
            "troops": self.troop_ceiling,
            "police": self.police_ceiling,
            "observers": self.observer_ceiling,
        }

    def describe(self, parties: Mapping[str, str] | None = None) -> str:
        """A one-line human summary, stable for identical clauses. ``parties`` names the
        conflict parties sanctions target ("arms embargo on the government and the NLF"; by
        their ids without it: "on gov and nlf")."""
        parts = [f"Ch. {self.chapter}"]
        if self.establishes_mission():
            strength = and_list(f"{n:,} {kind}" for kind, n in self.ceilings().items() if n)
            parts.append(f"mission of {strength} for {self.duration} months")
        if self.tasks:
            parts.append("tasks: " + ", ".join(task_words(t) for t in self.tasks))
        for s in self.sanctions:
            named = and_list((parties or {}).get(t, t) for t in s.targets)
            target = f" on {named}" if s.targets else ""
            parts.append(s.kind.replace("_", " ") + target)
        if self.referral:
            parts.append("ICC referral")
        if self.demands:
            parts.append("demands: " + ", ".join(task_words(d) for d in self.demands))
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; :func:`clauses_from_json` reads it back."""
        return {
            "chapter": self.chapter,
            "tasks": list(self.tasks),
            "troop_ceiling": self.troop_ceiling,
            "police_ceiling": self.police_ceiling,
            "observer_ceiling": self.observer_ceiling,
            "duration": self.duration,
            "sanctions": [{"kind": s.kind, "targets": list(s.targets)} for s in self.sanctions],
            "referral": self.referral,
            "demands": list(self.demands),
        }

    def changed(self, **changes: Any) -> Clauses:
        """A copy with some clauses replaced (as :func:`dataclasses.replace`, faster: the AI
        makes many candidate texts)."""
        return type(self)(**{**self.__dict__, **changes})


def clause_problems(
    clauses: Clauses, tasks: tuple[str, ...], demands: tuple[str, ...], parties: tuple[str, ...]
) -> list[str]:
    """Why ``clauses`` cannot be put on paper in a scenario with these extra ``tasks``,
    ``demands`` and conflict ``parties`` (empty when they can)."""
    problems = []
    if clauses.chapter not in CHAPTERS:
        problems.append(f"chapter must be VI or VII, not {clauses.chapter!r}")
    unknown = [t for t in clauses.tasks if t not in BUILTIN_TASKS and t not in tasks]
    if unknown:
        problems.append(f"unknown task(s) {', '.join(map(repr, unknown[:5]))}")
    unknown = [d for d in clauses.demands if d not in demands]
    if unknown:
        problems.append(f"unknown demand(s) {', '.join(map(repr, unknown[:5]))}")
    for n in CLAUSE_NUMBERS.values():
        if not n.minimum <= getattr(clauses, n.name) <= n.maximum:
            problems.append(_out_of_bounds(n))
    for sanction in clauses.sanctions:
        if sanction.kind not in SANCTION_KINDS:
            problems.append(f"unknown sanctions measure {sanction.kind!r}")
        strangers = [t for t in sanction.targets if t not in parties]
        if strangers:
            problems.append(
                f"sanctions target(s) {', '.join(map(repr, strangers[:5]))} are not parties"
            )
    return problems


def _out_of_bounds(n: ClauseNumber) -> str:
    if n.name == "duration":
        return f"the duration must lie between {n.minimum} and {n.maximum} months"
    return f"the {n.feature} ceiling must lie between {n.minimum:,} and {n.maximum:,}"


def clauses_from_json(data: dict[str, Any]) -> Clauses:
    """Rebuild clauses written by :meth:`Clauses.to_json`."""
    return Clauses(
        chapter=str(data["chapter"]),
        tasks=tuple(data["tasks"]),
        troop_ceiling=int(data["troop_ceiling"]),
        police_ceiling=int(data["police_ceiling"]),
        observer_ceiling=int(data.get("observer_ceiling", 0)),
        duration=int(data["duration"]),
        sanctions=tuple(Sanction(s["kind"], tuple(s["targets"])) for s in data["sanctions"]),
        referral=bool(data["referral"]),
        demands=tuple(data["demands"]),
    )


@dataclass(frozen=True)
class DraftTemplate:
    """A draft the scenario prepared: who holds the pen, in which body, from which month.

    ``time_limited`` marks an authorization for a fixed period that a historical penholder does
    not renew; ``national_command`` lists the (state, kind of personnel, size) that member states
    acting under their own command commit when it is adopted. The template is the scenario's,
    not the game's state (the hash leaves it out).
    """

    id: str
    title: str
    penholder: str
    body: str
    month: int
    clauses: Clauses
    patience: int = 2
    rehat_from: str | None = None
    hybrid_with: str | None = None
    renews: str | None = None
    endorsed_by: tuple[str, ...] = ()
    time_limited: bool = False
    national_command: tuple[tuple[str, str, int], ...] = ()  # (state, kind, size)
    #: The name of the mission it creates, as the texts call it ("UNAMIR II"); "" when its
    #: title ends with the acronym or it creates none (:func:`sim.model.names.mission_name`).
    mission_name: str = ""


@dataclass
class Draft:
    """A draft under consultation. ``version`` counts amendments; ``tabled_month`` when it began."""

    id: str
    title: str
    penholder: str
    body: str
    clauses: Clauses
    tabled_month: int
    patience: int = 2
    renews: str | None = None
    version: int = 1
    side_payments: dict[str, float] = field(default_factory=dict)
    #: Vote trades (sim.model.trades): partner seat → the partner's draft this one was traded for.
    trades: dict[str, str] = field(default_factory=dict)
    endorsements: dict[str, bool] = field(default_factory=dict)
    #: Votes human seats have cast on this version (``CastVote``); an amendment clears them.
    cast: dict[str, Choice] = field(default_factory=dict)
    #: The penholder asked for the vote; it is held once every human member has voted.
    vote_requested: bool = False
    # Hidden positions (see sim.model.intel): each member's private reservation on this draft
    # (points), and how much of it is still unknown: to everyone (by member) and to one observer
    # (by "observer|member"), as shares from 1 (nothing known) down to 0.
    private: dict[str, int] = field(default_factory=dict)
    rival_of: str | None = None  # a rival text tabled against this draft
    public_clarity: dict[str, float] = field(default_factory=dict)
    private_clarity: dict[str, float] = field(default_factory=dict)
