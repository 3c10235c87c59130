"""Draft resolutions: the clauses a drafter can put on paper.

A draft is data: which Charter chapter it invokes, which tasks it gives a mission, troop and police
ceilings, duration, sanctions with their targets, a referral, and demands on the parties. Clauses
turn into named *features* (``chapter_vii``, ``troops``, ``task:elections`` …) that the issue space
maps onto positions on issue dimensions (see :mod:`sim.model.issues`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sim.model.voting import Choice

CHAPTERS = ("VI", "VII")
BUILTIN_TASKS = (
    "protection_of_civilians",
    "ceasefire_monitoring",
    "elections",
    "ddr",
    "humanitarian_access",
    "all_necessary_measures",
)
SANCTION_KINDS = ("arms_embargo", "asset_freeze", "travel_ban", "comprehensive_trade")
SCALAR_FEATURES = {
    "chapter_vii": "1 if the draft acts under Chapter VII, else 0",
    "troops": "troop ceiling / 10,000",
    "police": "police ceiling / 1,000",
    "observers": "military observer ceiling / 1,000",
    "duration": "months the resolution's mandate and measures last / 12",
    "referral": "1 if the draft refers the situation to the International Criminal Court",
}
TROOPS_PER_FEATURE_UNIT = 10_000
POLICE_PER_FEATURE_UNIT = 1_000
MONTHS_PER_FEATURE_UNIT = 12


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
            "troops": self.troop_ceiling / TROOPS_PER_FEATURE_UNIT,
            "police": self.police_ceiling / POLICE_PER_FEATURE_UNIT,
            "observers": self.observer_ceiling / POLICE_PER_FEATURE_UNIT,
            "duration": self.duration / MONTHS_PER_FEATURE_UNIT,
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

    def describe(self) -> str:
        """A one-line human summary, stable for identical clauses."""
        parts = [f"Ch. {self.chapter}"]
        if self.establishes_mission():
            observers = f", {self.observer_ceiling:,} observers" if self.observer_ceiling else ""
            parts.append(
                f"mission of {self.troop_ceiling:,} troops, {self.police_ceiling:,} police"
                f"{observers} for {self.duration} months"
            )
        if self.tasks:
            parts.append("tasks: " + ", ".join(t.replace("_", " ") for t in self.tasks))
        for s in self.sanctions:
            target = f" on {', '.join(s.targets)}" if s.targets else ""
            parts.append(s.kind.replace("_", " ") + target)
        if self.referral:
            parts.append("ICC referral")
        if self.demands:
            parts.append("demands: " + ", ".join(d.replace("_", " ") for d in self.demands))
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
        """A copy with some clauses replaced."""
        return replace(self, **changes)


MAX_CEILINGS = {"troops": 200_000, "police": 50_000, "observers": 5_000}
MAX_DURATION = 60


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
    for kind, ceiling in clauses.ceilings().items():
        if not 0 <= ceiling <= MAX_CEILINGS[kind]:
            problems.append(f"the {kind} ceiling must lie between 0 and {MAX_CEILINGS[kind]:,}")
    if not 1 <= clauses.duration <= MAX_DURATION:
        problems.append(f"the duration must lie between 1 and {MAX_DURATION} months")
    for sanction in clauses.sanctions:
        if sanction.kind not in SANCTION_KINDS:
            problems.append(f"unknown sanctions measure {sanction.kind!r}")
        strangers = [t for t in sanction.targets if t not in parties]
        if strangers:
            problems.append(
                f"sanctions target(s) {', '.join(map(repr, strangers[:5]))} are not parties"
            )
    return problems


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
    acting under their own command commit when it is adopted.
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
