"""Turning points: which of the player's decisions changed the outcome most.

For a saved game, each of the player's decisions (one command: tabling a draft, one amendment,
a lobbying call, calling the vote...) is taken back and the game replayed with all the others,
on several seeds with common random numbers: on each seed, the game with every decision is
compared with the game without that one. Taking back an amendment keeps the clause it gave up
(the concession reversed); taking back a tabling means the draft was never put forward, so the
decisions that depended on it fall away too. A replayed decision that no longer applies is
skipped, as an AI seat's would be. The decisions are ranked by how much the outcome moved: the
share of seeds where the ending changed, plus the change in the share of objectives met, plus
the relative change in civilian deaths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sim.model.commands import Command
from sim.model.engine import Engine
from sim.model.play import default_agents
from sim.model.session import Session
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile

MAX_TURNS = 10_000


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
class Outcome:
    """What a replay ended with."""

    ending: str | None
    objectives_met: int
    civilian_deaths: float


@dataclass(frozen=True)
class TurningPoint:
    """A decision, what taking it back changed on average, and its rank score."""

    decision: Decision
    when: str
    ending_changed: float
    objectives_delta: float
    deaths_delta: float
    weight: float

    @property
    def effect(self) -> str:
        if self.ending_changed:
            parts = [f"without it the ending changes in {self.ending_changed:.0%} of the seeds"]
        else:
            parts = ["without it the same ending"]
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


def replay_decisions(
    scenario: ScenarioFile, seed: int, player: str, turns: Sequence[Sequence[Command]]
) -> tuple[Outcome, list[int]]:
    """Play ``seed`` with the player's ``turns`` (skipping what no longer applies), then with the
    player passing until the end; returns the outcome and the month of each of those turns."""
    engine = Engine(build_world(scenario, seed))
    session = Session(engine, default_agents(engine), player=player)
    months: list[int] = []
    for turn in turns:
        session.run_until_player()
        if not session.awaiting_player:
            break
        months.append(session.turn.month)
        for command in turn:
            if not session.check(command):
                session.submit(command)
        session.end_turn()
    for _ in range(MAX_TURNS):
        session.run_until_player()
        if not session.awaiting_player:
            break
        session.end_turn()
    return _outcome(engine.world), months


def decisions(
    scenario: ScenarioFile, seed: int, player: str, turns: Sequence[Sequence[Command]]
) -> list[Decision]:
    """The player's decisions, numbered in order, with their months."""
    _, months = replay_decisions(scenario, seed, player, turns)
    found = []
    for turn, month in zip(turns, months, strict=False):
        for command in turn:
            found.append(Decision(len(found), month, command))
    return found


def _without(turns: Sequence[Sequence[Command]], index: int) -> list[list[Command]]:
    out, i = [], 0
    for turn in turns:
        kept = []
        for command in turn:
            if i != index:
                kept.append(command)
            i += 1
        out.append(kept)
    return out


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
    removal moved the outcome most, over ``seeds`` seeds starting with the game's own."""
    found = decisions(scenario, seed, player, turns)
    seed_list = [seed + k for k in range(seeds)]
    base = [replay_decisions(scenario, s, player, turns)[0] for s in seed_list]
    n_obj = max(1, len(scenario.objectives))
    ranked = []
    for decision in found:
        changed, objectives_delta, deaths_delta = 0.0, 0.0, 0.0
        for s, b in zip(seed_list, base, strict=True):
            o, _ = replay_decisions(scenario, s, player, _without(turns, decision.index))
            changed += o.ending != b.ending
            objectives_delta += o.objectives_met - b.objectives_met
            deaths_delta += o.civilian_deaths - b.civilian_deaths
        k = len(seed_list)
        mean_deaths = sum(b.civilian_deaths for b in base) / k
        weight = changed / k + abs(objectives_delta / k) / n_obj
        weight += abs(deaths_delta / k) / (mean_deaths + 1)
        label = (when or {}).get(decision.month, f"Month {decision.month}")
        point = TurningPoint(
            decision, label, changed / k, objectives_delta / k, deaths_delta / k, weight
        )
        ranked.append(point)
    ranked.sort(key=lambda t: (-t.weight, t.decision.index))
    return [t for t in ranked if t.weight > 0][:most]
