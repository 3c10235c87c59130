"""A game's lines of play side by side: the original and its branches, measure by measure.

A branch (:mod:`sim.model.rewind`) went back to an earlier month and played on another way; the
game keeps its other lines as saves. :func:`summarize` reads what a teacher compares of one line
(ending, objectives met, deaths, resolutions, vetoes) from its world; :func:`replay_line` gets
that world back from a kept line by replaying it, refusing a line that no longer replays.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.analysis.savegame import LoadedGame
from sim.model import endings, objectives
from sim.model.engine import Engine
from sim.model.play import default_agents
from sim.model.rewind import line_name
from sim.model.saves import SavedGame, SaveError, restore
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


@dataclass(frozen=True)
class LineSummary:
    """What one line of play came to (so far, when it is unfinished)."""

    name: str
    #: The month a branch went back to (0 for the original game).
    branched_at: int
    month: int
    ending: str
    objectives_met: int
    objectives: int
    civilian_deaths: int
    resolutions: int
    vetoes: int

    def origin(self) -> str:
        """ "the original game" or "went back to month 3"."""
        return f"went back to month {self.branched_at}" if self.branched_at else "the original game"

    def title(self) -> str:
        """ "Branch 1 (went back to month 2)"."""
        return f"{self.name} ({self.origin()})"

    def rows(self) -> list[tuple[str, str]]:
        """(measure, value) pairs, in the order the side-by-side table shows them."""
        return [
            ("Ending", self.ending),
            ("Objectives met", f"{self.objectives_met} of {self.objectives}"),
            ("Civilian deaths", f"{self.civilian_deaths:,}"),
            ("Resolutions adopted", str(self.resolutions)),
            ("Vetoes cast", str(self.vetoes)),
        ]


def summarize(world: World, name: str, branched_at: int = 0) -> LineSummary:
    """One line's summary from its world."""
    report = objectives.report(world, final=world.finished)
    score = endings.score(world)
    outcome = world.outcome
    ending = outcome.name if outcome else f"unfinished, left at month {world.month}"
    return LineSummary(
        name,
        branched_at,
        world.month,
        ending,
        sum(r["status"] == "met" for r in report),
        len(report),
        int(score["civilian_deaths"]),
        int(score["resolutions_adopted"]),
        int(score["vetoes_cast"]),
    )


def replay_line(scenario: ScenarioFile, line: SavedGame) -> World:
    """The world of a kept line of play, replayed from its save (raises SaveError when it no
    longer replays on this scenario)."""
    engine = Engine(build_world(scenario, line.seed))
    restore(engine, default_agents(engine), line)
    return engine.world


def summarize_line(
    scenario: ScenarioFile, line: SavedGame, world: World | None = None
) -> LineSummary:
    """A kept line's summary (replaying it unless its ``world`` is at hand)."""
    world = world if world is not None else replay_line(scenario, line)
    return summarize(world, line_name(line), line.branched_at)


def line_summaries(game: LoadedGame) -> list[LineSummary]:
    """A loaded save's own line and each of its other lines ([] without branches); raises
    :class:`SaveError` naming the line that no longer replays."""
    if not game.save.lines:
        return []
    out = [summarize(game.world, line_name(game.save), game.save.branched_at)]
    for line in game.save.lines:
        try:
            out.append(summarize_line(game.scenario, line))
        except SaveError as exc:
            raise SaveError(f"{game.path}: its line {line_name(line)!r}: {exc}") from None
    return out
