"""Rewind and branch for the desktop game: go back to a month, keep the line left behind.

:func:`rewind_game` makes the branch (:mod:`sim.model.rewind` does the replay);
:func:`month_decisions` lists what the player did month by month, for the timeline screen;
:class:`OtherLines` works out the other lines' results on a background thread (a kept line
loaded from a save is replayed, which takes a moment on long scenarios).
"""

from __future__ import annotations

import threading

from sim.analysis.lines import LineSummary, summarize, summarize_line
from sim.analysis.turning import Decision
from sim.model.engine import Engine
from sim.model.play import default_agents
from sim.model.rewind import ORIGINAL, branch_lines, months_of, rewind
from sim.scenario.build import build_world
from sim.ui.game import Game, Seen
from sim.ui.words import in_sentence


def rewind_game(game: Game, month: int) -> Game:
    """``game`` back at the start of ``month`` as a new branch to play on from there; the
    line left behind is kept among the new game's lines. Raises
    :class:`~sim.model.rewind.RewindError` (a :class:`~sim.model.saves.SaveError`)."""
    here = game.capture(label=f"{game.world.title} — {in_sentence(game.month_title())}")
    lines, name = branch_lines(here)
    engine = Engine(build_world(game.scenario, game.seed))
    back = rewind(engine, default_agents(engine), here, month)
    branch = Game(
        game.scenario_path,
        game.scenario,
        game.seed,
        back.session,
        back.record,
        steps=back.steps,
        line=name,
        branched_at=month,
        lines=lines,
    )
    kept = {line.line for line in lines}
    branch.line_worlds = {k: w for k, w in game.line_worlds.items() if k in kept}
    branch.line_worlds[game.line] = game.world
    world = engine.world
    branch.seen = Seen(len(world.events), len(world.votes), world.month)
    return branch


def line_title(game: Game) -> str:
    """This line's name as the screens show it: "Original" or "Branch 2 (from month 3)"."""
    if not game.line:
        return ORIGINAL
    return f"{game.line} (from month {game.branched_at})"


def month_decisions(game: Game) -> dict[int, list[str]]:
    """Each month the game has reached, with the player's decisions in it, in words."""
    log = game.session.engine.log
    months = months_of(log)
    indices = [i for turn in game.record.completed for i in turn] + list(game.record.current)
    out: dict[int, list[str]] = {m: [] for m in range(1, game.world.month + 1)}
    for n, index in enumerate(indices):
        month = months[index]
        out.setdefault(month, []).append(Decision(n, month, log[index]).describe())
    return out


class OtherLines:
    """The results of this line and every other line of the game, worked out in the
    background: this line first, then the others in the order they were played."""

    def __init__(self, game: Game) -> None:
        self.summaries: list[LineSummary] = []
        self.failed: list[str] = []
        self.needed = bool(game.lines)
        self._done = threading.Event()
        self._current = summarize(game.world, game.line or ORIGINAL, game.branched_at)
        if not self.needed:
            self.summaries = [self._current]
            self._done.set()
            return
        threading.Thread(target=self._work, args=(game,), daemon=True).start()

    def _work(self, game: Game) -> None:
        found = [self._current]
        for line in game.lines:
            try:
                found.append(summarize_line(game.scenario, line, game.line_worlds.get(line.line)))
            except Exception as exc:  # one broken line must not hide the others
                self.failed.append(f"{line.line or ORIGINAL}: {exc}")
        self.summaries = found
        self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait for the results (for tests); True once they are there."""
        return self._done.wait(seconds)
