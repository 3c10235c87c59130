"""What a finished (or paused) game was, as plain data: the debrief shared by the HTML report,
the class comparison and the turning points.

Everything here is a pure function of the world and its scenario, so the same save always
gives the same debrief.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sim.model import endings, objectives
from sim.model.explain import POINTS_PER_UNIT
from sim.model.names import clauses_words
from sim.model.world import VoteRecord, World
from sim.scenario.schema import ScenarioFile

QUIET_EVENTS = frozenset({"consultations", "whip_count"})
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTCOME_WORDS = {
    "coercion": "coercion (the target gave in)",
    "constraint": "constraint (its means to fight were cut)",
    "signalling": "signalling (the Council spoke with a broad majority)",
}


def month_title(scenario: ScenarioFile, month: int) -> str:
    """``Month 3 (April 2011)``, or ``Month 3`` when the scenario sets no start."""
    if not scenario.start:
        return f"Month {month}"
    year, first = (int(part) for part in scenario.start.split("-"))
    index = first - 1 + month - 1
    return f"Month {month} ({MONTH_NAMES[index % 12]} {year + index // 12})"


@dataclass(frozen=True)
class MemberVote:
    """One member's vote and every factor behind it (utility units)."""

    actor: str
    name: str
    choice: str
    total: float
    yes_above: float
    no_below: float
    factors: dict[str, float]


@dataclass(frozen=True)
class VoteView:
    """A vote as the debrief shows it."""

    number: int
    month: int
    when: str
    body: str
    draft: str
    title: str
    version: int
    clauses: str
    counts: str
    passed: bool
    vetoed_by: tuple[str, ...]
    factor_names: tuple[str, ...]
    members: tuple[MemberVote, ...]

    @property
    def verdict(self) -> str:
        if self.vetoed_by:
            return f"vetoed by {', '.join(self.vetoed_by)}"
        return "adopted" if self.passed else "failed"


@dataclass(frozen=True)
class Debrief:
    """The whole debrief of one game."""

    scenario: ScenarioFile
    seed: int
    player: str
    ending: str
    ending_id: str | None
    reason: str
    score: dict[str, float | int]
    months: tuple[tuple[str, tuple[str, ...]], ...]
    votes: tuple[VoteView, ...]
    objectives: tuple[dict[str, str], ...]
    sanctions: tuple[str, ...]
    history: tuple[str, ...]
    metrics: dict[str, list[float]]
    state_hash: str
    turning_points: tuple[Any, ...] = field(default=())


def _vote_view(world: World, scenario: ScenarioFile, number: int, vote: VoteRecord) -> VoteView:
    names = dict(zip(world.states.ids, world.states.names, strict=True))
    titles = {t.id: t.title for t in world.templates}
    factor_names: list[str] = []
    members = []
    for actor in sorted(vote.choices):
        stance = vote.stances[actor]
        for f in stance.factors:
            if f.name not in factor_names:
                factor_names.append(f.name)
        members.append(
            MemberVote(
                actor,
                names.get(actor, actor),
                stance.choice,
                stance.total / POINTS_PER_UNIT,
                stance.yes_above / POINTS_PER_UNIT,
                stance.no_below / POINTS_PER_UNIT,
                {f.name: f.value for f in stance.factors},
            )
        )
    body = world.bodies[vote.body]
    return VoteView(
        number,
        vote.month,
        month_title(scenario, vote.month),
        body.name,
        vote.draft,
        titles.get(vote.draft, vote.draft),
        vote.version,
        clauses_words(world, vote.clauses),
        vote.tally.counts(),
        vote.tally.passed,
        tuple(vote.tally.vetoed_by),
        tuple(factor_names),
        tuple(members),
    )


def _sanctions(world: World) -> list[str]:
    rows = []
    for e in world.sanctions:
        measure = e.kind.replace("_", " ").capitalize()
        target = next((p.name for p in world.theatre.parties if p.id == e.target), e.target)
        months = f"months {e.start_month}–{e.end_month}"
        if e.ended:
            achieved = ", ".join(OUTCOME_WORDS.get(o, o) for o in e.outcomes)
            result = f"achieved {achieved}" if achieved else "achieved nothing measurable"
        else:
            loss = sum(e.losses) / len(e.losses) if e.losses else 0.0
            result = f"still in force; means cut by {loss:.0%} on average so far"
        conceded = " The target conceded." if e.conceded and not e.ended else ""
        rows.append(f"{measure} on {target} ({months}, {e.resolution}): {result}.{conceded}")
    return rows


def debrief(world: World, scenario: ScenarioFile, seed: int, player: str, digest: str) -> Debrief:
    """The debrief of the game in ``world`` (played on ``scenario`` with ``seed``)."""
    outcome = world.outcome
    by_month: dict[int, list[str]] = {}
    for event in world.events:
        if event.kind not in QUIET_EVENTS:
            by_month.setdefault(event.month, []).append(event.text)
    months = tuple(
        (month_title(scenario, m), tuple(texts)) for m, texts in sorted(by_month.items())
    )
    history = tuple(" ".join(p.split()) for p in scenario.history.split("\n\n") if p.strip())
    return Debrief(
        scenario=scenario,
        seed=seed,
        player=player,
        ending=outcome.name if outcome else "Unfinished",
        ending_id=outcome.ending if outcome else None,
        reason=outcome.reason if outcome else "the game was saved before an ending",
        score=endings.score(world),
        months=months,
        votes=tuple(_vote_view(world, scenario, i, v) for i, v in enumerate(world.votes, 1)),
        objectives=tuple(objectives.report(world, final=world.finished)),
        sanctions=tuple(_sanctions(world)),
        history=history,
        metrics={name: list(values) for name, values in world.metrics.items()},
        state_hash=digest,
    )
