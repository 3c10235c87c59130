"""``mandate audit``: play a scenario many ways and report what its designer should look at.

The static lints of ``mandate check --strict`` read the file; the audit plays it. The player's
seat is played along each fixed line of play (:data:`~sim.analysis.runner.LINES`: the bargaining
AI, every prepared draft tabled as written, doing nothing), and once more with every penholder
tabling as written, over the same seeds, and it reports:

- **endings never reached** in any of those games;
- **objectives no decision affects**: on every seed, every line of play left the objective in
  the same state, so nothing the player does changes it;
- **a fixed line of play that wins nearly always**: tabling the drafts as written, or doing
  nothing, meets every objective in at least ``win_share`` of the games — the scenario can be
  won without thinking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sim.analysis.runner import LINES, Arm, GameSummary, PlaySettings, Progress, run_games
from sim.scenario.lint import default_player
from sim.scenario.schema import ScenarioFile

FIXED_LINES = ("as_written", "passive")
LINE_NAMES = {
    "ai": "the player's seat bargains (AI)",
    "as_written": "the player's seat tables its drafts as written",
    "passive": "the player's seat does nothing",
    "history": "every penholder tables as written",
}


@dataclass(frozen=True)
class Finding:
    """One thing the audit found: its kind, the id it concerns, and what it means."""

    kind: str
    subject: str
    message: str


@dataclass(frozen=True)
class Audit:
    """The games the audit played (per line of play) and its findings."""

    scenario: ScenarioFile
    seat: str
    lines: tuple[str, ...]
    games: tuple[tuple[GameSummary, ...], ...]
    findings: tuple[Finding, ...]


def audit_arms(scenario: ScenarioFile) -> list[Arm]:
    """The arms the audit plays: each line of play of the player's seat, and history."""
    seat = default_player(scenario)
    arms = [Arm(line, scenario, settings=PlaySettings(seat=seat, line=line)) for line in LINES]
    return arms + [Arm("history", scenario, settings=PlaySettings(historical=True))]


def _won(scenario: ScenarioFile, game: GameSummary) -> bool:
    return bool(scenario.objectives) and len(game.objectives_met) == len(scenario.objectives)


def findings(
    scenario: ScenarioFile,
    lines: Sequence[str],
    games: Sequence[Sequence[GameSummary]],
    win_share: float,
) -> list[Finding]:
    """What the games say about the scenario (see the module docstring)."""
    found: list[Finding] = []
    total = sum(len(g) for g in games)
    reached = {g.ending for line_games in games for g in line_games}
    for ending in scenario.endings:
        if ending.id not in reached:
            message = (
                f"ending '{ending.id}' ({ending.name}) was never reached in {total} games"
                f" ({', '.join(lines)})"
            )
            found.append(Finding("unreached-ending", ending.id, message))
    n = len(games[0])
    for objective in scenario.objectives:
        outcomes = [
            {objective.id in line_games[i].objectives_met for line_games in games} for i in range(n)
        ]
        if all(len(o) == 1 for o in outcomes):
            met = sum(objective.id in g.objectives_met for g in games[0])
            message = (
                f"objective '{objective.id}' ({objective.name}): no line of play changed it on"
                f" any of {n} seeds (met in {met} of {n}); nothing the player does affects it"
            )
            found.append(Finding("unaffected-objective", objective.id, message))
    for line, line_games in zip(lines, games, strict=True):
        if line not in FIXED_LINES:
            continue
        wins = sum(_won(scenario, g) for g in line_games)
        if line_games and wins / len(line_games) >= win_share:
            message = (
                f"a fixed line of play wins nearly always: when {LINE_NAMES[line]}, every"
                f" objective is met in {wins} of {len(line_games)} games"
            )
            found.append(Finding("fixed-line-wins", line, message))
    return found


def run_audit(
    scenario: ScenarioFile,
    seeds: Sequence[int],
    *,
    win_share: float = 0.9,
    workers: int = 1,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> Audit:
    """Play every line of play over ``seeds`` and collect the findings."""
    arms = audit_arms(scenario)
    games = run_games(arms, seeds, workers=workers, scheduler=scheduler, progress=progress)
    lines = tuple(a.name for a in arms)
    found = findings(scenario, lines, games, win_share)
    return Audit(
        scenario, default_player(scenario), lines, tuple(tuple(g) for g in games), tuple(found)
    )


def summary_rows(result: Audit) -> tuple[list[str], list[list[str]]]:
    """Per line of play: the share of games reaching each ending and meeting every objective."""
    s = result.scenario
    header = ["Line of play", *(e.name for e in s.endings), "All objectives met"]
    rows = []
    for line, games in zip(result.lines, result.games, strict=True):
        n = len(games)
        shares = [f"{100 * sum(g.ending == e.id for g in games) / n:.0f}%" for e in s.endings]
        won = f"{100 * sum(_won(s, g) for g in games) / n:.0f}%" if s.objectives else "—"
        rows.append([LINE_NAMES[line], *shares, won])
    return header, rows
