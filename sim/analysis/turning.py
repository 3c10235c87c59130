"""Turning points: which of the player's decisions changed the outcome most.

For a saved game, each of the player's decisions (one command: tabling a draft, one amendment,
a vote, a lobbying call, calling the vote...) is played differently and the game replayed with
all the others, on several seeds with common random numbers: on each seed, the game with every
decision as made is compared with the game with that one changed. Every decision is *taken
back*; some are also *played the other way*:

* a vote (the seat's own ballot) is cast each other way — a "no" from a permanent member is a
  veto;
* a text the player tabled, renewed or amended is put forward under the other Chapter, and
  with half and with twice its troop ceiling (a weaker or stronger clause).

Taking back an amendment keeps the clause it gave up (the concession reversed); taking back a
tabling means the draft was never put forward, so the decisions that depended on it fall away
too. A replayed decision that no longer applies is skipped, as an AI seat's would be; an
alternative that would be refused where it was played is not counted. Each decision is ranked
by the change that moved the outcome most — the share of seeds where the ending changed, plus
the change in the share of objectives met, plus the relative change in civilian deaths — and
the turning point says which change that was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sim.model.ballots import CastVote
from sim.model.commands import AmendDraft, Command, TableDraft, TableRenewal
from sim.model.drafts import Clauses
from sim.model.engine import Engine
from sim.model.play import default_agents
from sim.model.session import Session
from sim.model.voting import CHOICES
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile

MAX_TURNS = 10_000
TAKEN_BACK = "without it"


@dataclass(frozen=True)
class Decision:
    """One command the player submitted, and the month it was submitted in."""

    index: int
    month: int
    command: Command

    def describe(self) -> str:
        """In words: ``amended kalvaria-1 (drops the ICC referral)``."""
        data = self.command.to_json()
        kind = data.get("type", self.command.kind)
        draft = data.get("draft") or data.get("mission") or ""
        words = {
            "table_draft": f"tabled {draft}",
            "table_renewal": f"tabled the renewal of {draft}",
            "call_vote": f"called the vote on {draft}",
            "cast_vote": f"voted {data.get('choice')} on {draft}",
            "request_endorsement": f"asked {data.get('organization')} to endorse {draft}",
            "lobby": f"lobbied {data.get('target')} on {data.get('dimension')}",
            "side_payment": f"offered {data.get('target')} a side deal",
        }
        if kind == "amend_draft":
            reason = f" ({data['reason']})" if data.get("reason") else ""
            return f"amended {draft}{reason}"
        return words.get(str(kind), str(kind).replace("_", " ") + (f" {draft}" if draft else ""))


@dataclass(frozen=True)
class Alternative:
    """One way of playing a decision differently: taken back (``command`` None) or replaced by
    another command; ``words`` say it ("without it", "voting no instead")."""

    words: str
    command: Command | None = None


def clause_alternatives(clauses: Clauses) -> list[tuple[str, Clauses]]:
    """A weaker and a stronger text: under the other Chapter, and with half and with twice
    its troop ceiling (when it has one)."""
    other = "VI" if clauses.chapter == "VII" else "VII"
    out = [(f"under Chapter {other} instead of {clauses.chapter}", replace(clauses, chapter=other))]
    troops = clauses.troop_ceiling
    if troops:
        for changed in (troops // 2, troops * 2):
            out.append(
                (
                    f"with {changed:,} troops instead of {troops:,}",
                    replace(clauses, troop_ceiling=changed),
                )
            )
    return out


def alternatives(decision: Decision, world: World) -> list[Alternative]:
    """Every way the decision is played differently: taken back first, then (for votes and
    texts) played the other way. ``world`` is the game at its start (for prepared drafts)."""
    command = decision.command
    out = [Alternative(TAKEN_BACK)]
    if isinstance(command, CastVote):
        for choice in CHOICES:
            if choice != command.choice:
                out.append(Alternative(f"voting {choice} instead", replace(command, choice=choice)))
        return out
    clauses: Clauses | None = None
    if isinstance(command, TableDraft):
        template = next((t for t in world.templates if t.id == command.draft), None)
        clauses = command.clauses or (template.clauses if template else None)
    elif isinstance(command, TableRenewal | AmendDraft):
        clauses = command.clauses
    if clauses is not None:
        for words, changed in clause_alternatives(clauses):
            out.append(Alternative(words, replace(command, clauses=changed)))  # type: ignore[type-var]
    return out


@dataclass(frozen=True)
class Outcome:
    """What a replay ended with."""

    ending: str | None
    objectives_met: int
    civilian_deaths: float


@dataclass(frozen=True)
class TurningPoint:
    """A decision, what playing it differently changed on average, and its rank score;
    ``alternative`` says how it was played differently ("without it", "voting no instead")."""

    decision: Decision
    when: str
    ending_changed: float
    objectives_delta: float
    deaths_delta: float
    weight: float
    alternative: str = TAKEN_BACK

    @property
    def effect(self) -> str:
        lead = self.alternative
        if self.ending_changed:
            parts = [f"{lead}, the ending changes in {self.ending_changed:.0%} of the seeds"]
        else:
            parts = [f"{lead}, the same ending"]
        if self.objectives_delta:
            parts.append(f"objectives met {self.objectives_delta:+.1f} on average")
        if self.deaths_delta:
            parts.append(f"civilian deaths {self.deaths_delta:+,.0f} on average")
        return "; ".join(parts)


def _outcome(world: World) -> Outcome:
    from sim.model import endings, objectives

    met = sum(r["status"] == "met" for r in objectives.report(world, final=world.finished))
    deaths = float(endings.score(world)["civilian_deaths"])
    return Outcome(world.outcome.ending if world.outcome else None, met, deaths)


@dataclass(frozen=True)
class Replay:
    """A replay's outcome, the month of each of the player's turns it reached, and whether the
    command it watched for was accepted where it was played."""

    outcome: Outcome
    months: list[int]
    watched_applied: bool = False


def replay(
    scenario: ScenarioFile,
    seed: int,
    player: str,
    turns: Sequence[Sequence[Command]],
    watch: Command | None = None,
) -> Replay:
    """Play ``seed`` with the player's ``turns`` (skipping what no longer applies), then with
    the player passing until the end."""
    engine = Engine(build_world(scenario, seed))
    session = Session(engine, default_agents(engine), player=player)
    months: list[int] = []
    applied = False
    for turn in turns:
        session.run_until_player()
        if not session.awaiting_player:
            break
        months.append(session.turn.month)
        for command in turn:
            if not session.check(command):
                session.submit(command)
                applied = applied or command is watch
        session.end_turn()
    for _ in range(MAX_TURNS):
        session.run_until_player()
        if not session.awaiting_player:
            break
        session.end_turn()
    return Replay(_outcome(engine.world), months, applied)


def replay_decisions(
    scenario: ScenarioFile, seed: int, player: str, turns: Sequence[Sequence[Command]]
) -> tuple[Outcome, list[int]]:
    """Play ``seed`` with the player's ``turns`` (skipping what no longer applies), then with the
    player passing until the end; returns the outcome and the month of each of those turns."""
    done = replay(scenario, seed, player, turns)
    return done.outcome, done.months


def decisions(
    scenario: ScenarioFile, seed: int, player: str, turns: Sequence[Sequence[Command]]
) -> list[Decision]:
    """The player's decisions, numbered in order, with their months."""
    _, months = replay_decisions(scenario, seed, player, turns)
    found: list[Decision] = []
    for turn, month in zip(turns, months, strict=False):
        for command in turn:
            found.append(Decision(len(found), month, command))
    return found


def _changed(
    turns: Sequence[Sequence[Command]], index: int, command: Command | None
) -> list[list[Command]]:
    """The turns with decision ``index`` taken back (``command`` None) or replaced."""
    out, i = [], 0
    for turn in turns:
        kept = []
        for original in turn:
            if i != index:
                kept.append(original)
            elif command is not None:
                kept.append(command)
            i += 1
        out.append(kept)
    return out


def decision_points(
    scenario: ScenarioFile,
    seed: int,
    player: str,
    turns: Sequence[Sequence[Command]],
    seeds: int = 5,
    when: dict[int, str] | None = None,
) -> list[TurningPoint]:
    """Every decision with the alternative (taken back, or played another way) that moved the
    outcome most over ``seeds`` seeds starting with the game's own, most decisive first."""
    found = decisions(scenario, seed, player, turns)
    start = build_world(scenario, seed)
    seed_list = [seed + k for k in range(seeds)]
    base = [replay_decisions(scenario, s, player, turns)[0] for s in seed_list]
    n_obj = max(1, len(scenario.objectives))
    k = len(seed_list)
    mean_deaths = sum(b.civilian_deaths for b in base) / k
    ranked = []
    for decision in found:
        label = (when or {}).get(decision.month, f"Month {decision.month}")
        best: TurningPoint | None = None
        for alternative in alternatives(decision, start):
            changed_turns = _changed(turns, decision.index, alternative.command)
            changed, objectives_delta, deaths_delta = 0.0, 0.0, 0.0
            for s, b in zip(seed_list, base, strict=True):
                done = replay(scenario, s, player, changed_turns, alternative.command)
                if alternative.command is not None and not done.watched_applied:
                    break  # refused where it was played: not another way of playing it
                changed += done.outcome.ending != b.ending
                objectives_delta += done.outcome.objectives_met - b.objectives_met
                deaths_delta += done.outcome.civilian_deaths - b.civilian_deaths
            else:
                weight = changed / k + abs(objectives_delta / k) / n_obj
                weight += abs(deaths_delta / k) / (mean_deaths + 1)
                point = TurningPoint(
                    decision,
                    label,
                    changed / k,
                    objectives_delta / k,
                    deaths_delta / k,
                    weight,
                    alternative.words,
                )
                if best is None or point.weight > best.weight:
                    best = point
        if best is not None:
            ranked.append(best)
    ranked.sort(key=lambda t: (-t.weight, t.decision.index))
    return ranked


def turning_points(
    scenario: ScenarioFile,
    seed: int,
    player: str,
    turns: Sequence[Sequence[Command]],
    seeds: int = 5,
    most: int = 5,
    when: dict[int, str] | None = None,
) -> list[TurningPoint]:
    """The ``most`` decisions (at least 3 where there are that many with any effect) whose
    change moved the outcome most (:func:`decision_points`), those with any effect only."""
    points = decision_points(scenario, seed, player, turns, seeds, when)
    return [t for t in points if t.weight > 0][:most]
