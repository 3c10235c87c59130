"""Rewind and branch in the desktop game, driven by real key presses and clicks.

The player plays some months, opens the menu's timeline, goes back to month 2 (the very game it
was then: same state hash), plays on another way to the end, and the debrief and the timeline
show the original and the branch side by side; the branch's autosave is a file of its own
beside the original's, which it leaves untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief
from sim.model.hashing import state_hash
from sim.model.savefiles import read_save
from sim.ui.game import AUTOSAVE
from sim.ui.screens.debrief import DebriefScreen, debrief_html, lines_html
from sim.ui.screens.timeline import TimelineScreen
from sim.ui.settings import saves_dir


def _play_months(d: Driver, months: int, hashes: dict[int, str]) -> None:
    """The advisor plays until month ``months``; the state hash at the player's first turn of
    each month is noted."""
    for _ in range(2000):
        game = d.app.game
        assert game is not None
        if game.awaiting:
            hashes.setdefault(game.world.month, state_hash(game.world))
            if game.world.month >= months and d.screen() == "chamber":
                return
        name = d.screen()
        if name in ("vote", "news", "ballot"):
            d.key(pygame.K_RETURN)
        elif name == "chamber" and game.awaiting:
            d.key(pygame.K_a)
        else:
            d.frames(1)
    raise AssertionError(f"month {months} not reached")


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def test_go_back_to_month_two_and_play_a_branch(chamber: Driver, tmp_path: Path) -> None:
    d = chamber
    hashes: dict[int, str] = {}
    _play_months(d, 4, hashes)
    original = d.app.game
    assert original is not None and original.line == ""
    d.key(pygame.K_ESCAPE)
    assert d.screen() == "menu"
    d.key(pygame.K_t)
    assert d.screen() == "timeline"
    screen = d.app.screen
    assert isinstance(screen, TimelineScreen)
    assert screen.months == [1, 2, 3, 4]
    d.click(d.button("Month 2"))
    assert d.button("Go back to month 2")
    d.frames(2)
    d.shot(_shots(tmp_path) / "timeline-original.png")
    d.click(d.button("Go back to month 2"))
    branch = d.app.game
    assert branch is not None and branch is not original
    assert d.screen() == "chamber"
    assert (branch.line, branch.branched_at) == ("Branch 1", 2)
    assert branch.world.month == 2 and branch.awaiting
    assert state_hash(branch.world) == hashes[2], "the branch starts as the original was"
    assert [line.line for line in branch.lines] == [""]
    # Play on another way: pass the first turn of month 2, then let the advisor play.
    d.key(pygame.K_SPACE)
    play_to_debrief(d)
    assert d.app.game is branch and branch.world.finished
    assert state_hash(branch.world) != state_hash(original.world)
    screen = d.app.screen
    assert isinstance(screen, DebriefScreen)
    assert screen.lines.wait(120)
    d.frames(2)
    section = lines_html(screen.lines)
    assert "Original (the original game)" in section
    assert "Branch 1 (went back to month 2)" in section
    assert section in debrief_html(branch, section)
    d.shot(_shots(tmp_path) / "debrief-lines.png")
    # The debrief's Go back opens the timeline with both lines side by side.
    d.key(pygame.K_b)
    timeline = d.app.screen
    assert isinstance(timeline, TimelineScreen)
    assert timeline.lines.wait(120)
    names = [s.name for s in timeline.lines.summaries]
    assert names == ["Branch 1", "Original"]
    assert timeline.lines.summaries[1].month == original.world.month
    d.click(d.button("Month 1"))
    assert any(words.startswith("tabled ") for words in timeline.decisions[1])
    d.frames(2)
    d.shot(_shots(tmp_path) / "timeline-lines.png")


def test_the_autosave_of_a_branch_is_saved_beside_the_originals(chamber: Driver) -> None:
    d = chamber
    _play_months(d, 3, {})
    original = d.app.game
    assert original is not None
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_t)
    d.click(d.button("Month 1"))
    d.click(d.button("Go back to month 1"))
    d.key(pygame.K_SPACE)  # another first turn: pass
    autosave = saves_dir() / AUTOSAVE
    before = autosave.read_bytes()  # the original's autosave, month 3
    _play_months(d, 2, {})  # the autosave is written as month 2 opens
    branch_file = saves_dir() / "autosave.branch-1.json"
    save = read_save(branch_file)
    assert (save.line, save.branched_at) == ("Branch 1", 1)
    assert autosave.read_bytes() == before  # the original's file: untouched
    assert [line.line for line in save.lines] == [""]
    assert save.lines[0] == read_save(autosave)
    # Continue resumes the branch, which finds the original beside it.
    d.key(pygame.K_ESCAPE)
    d.click(d.button("Quit to the title"))
    d.click(d.button("Continue"))
    loaded = d.app.game
    assert loaded is not None and loaded is not original
    assert (loaded.line, loaded.branched_at) == ("Branch 1", 1)
    assert loaded.lines == save.lines
    assert loaded.world.month == 2
