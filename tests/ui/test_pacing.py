"""Pacing and guidance: the tutorial to its end by "skip to the next decision", key by key.

A player who presses Enter in the chamber does what its hint line suggests (the suggested action
is the default button); on a vote's result and on the news they skip ahead (S) or continue
(Enter). Every key press is counted.
"""

from __future__ import annotations

import re

import pygame

from sim.devtools.driver import Driver
from sim.model.events import Event
from sim.ui.pacing import by_importance
from sim.ui.widgets.objectives import ObjectiveRow, deadline_text, objective_rows


def _press(d: Driver, key: int, log: list[str]) -> None:
    log.append(f"{pygame.key.name(key)} on {d.screen()}")
    d.key(key)


def _hint_key(d: Driver) -> int:
    """The key the chamber's hint line names first."""
    found = re.search(r"\((\w)\)", d.app.screen.hint.text)
    assert found, f"the hint names no key: {d.app.screen.hint.text!r}"
    return int(getattr(pygame, "K_" + found.group(1).lower()))


def play_with_skip(d: Driver, limit: int = 20_000) -> tuple[list[str], list[str]]:
    """Title to debrief following the game's suggestions; returns (presses, hints seen)."""
    presses: list[str] = []
    hints: list[str] = []
    _press(d, pygame.K_RETURN, presses)  # New game
    _press(d, pygame.K_RETURN, presses)  # Take your seat
    for _ in range(limit):
        name, game = d.screen(), d.app.game
        if name == "debrief":
            return presses, hints
        assert game is not None
        if name == "vote":
            if not d.app.screen.done:
                d.frames(1, dt=0.25)  # the roll call, watched
            else:
                _press(d, pygame.K_s, presses)  # Skip ahead from the result
        elif name in ("news", "ballot"):
            _press(d, pygame.K_RETURN, presses)
        elif name == "chamber" and game.awaiting and d.app.skip is None:
            screen = d.app.screen
            hints.append(screen.hint.text)
            # The suggested action is the default button: Enter does what the hint says.
            assert screen.default is screen.keys[_hint_key(d)], screen.hint.text
            _press(d, pygame.K_RETURN, presses)
        else:
            d.frames(1)
    raise AssertionError(f"not at the debrief after {limit} frames: {presses}")


def test_the_tutorial_plays_to_its_end_in_under_30_key_presses(driver: Driver) -> None:
    presses, hints = play_with_skip(driver)
    game = driver.app.game
    assert game is not None and game.world.finished
    assert len(presses) < 30, presses
    assert len(game.world.votes) >= 3, "the player's drafts and renewals were voted on"
    assert "Your draft would pass: call the vote (V)." in hints
    assert "Would pass as it stands: call the vote (V) at once." in hints


def test_a_skip_stops_when_a_member_asks_for_a_change_to_your_draft(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_t)  # table the draft: it would fail, so the hint suggests the advisor
    # One frame: the skip starts in the frame that reads S; a fast machine may reach the
    # member's ask, and so the skip's end, in the next one.
    d.key(pygame.K_s, frames=1)
    assert d.app.skip is not None
    assert d.until(lambda: d.app.skip is None, 3000)
    assert d.screen() == "chamber"
    assert "on your draft" in d.app.message, "a member's ask on the player's draft stops it"
    assert game.world.month == 1


def test_disabled_buttons_say_why_on_hover(chamber: Driver) -> None:
    vote = chamber.app.screen.actions["vote"]
    assert not vote.is_enabled
    assert vote.tool_tip_text.startswith("No draft has been tabled: table one first (T).")
    assert "Put the draft to the vote now" in vote.tool_tip_text


def test_the_toast_never_tells_the_result_before_the_roll_call(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    for _ in range(40):
        if d.app.screen.actions["vote"].is_enabled and game.forecast()[2].passed:  # type: ignore[index]
            break
        d.key(pygame.K_a)
        d.until(lambda: game.awaiting and d.screen() == "chamber", 2000)
    d.key(pygame.K_v)
    assert d.until(lambda: d.screen() == "vote", 200)
    record = game.world.votes[-1]
    assert not d.app.screen.done
    assert record.tally.counts() not in d.app.message
    assert "adopts" not in d.app.message and "fails" not in d.app.message


def test_news_puts_what_matters_first() -> None:
    events = [
        Event(3, "pledge", "IST pledges 50 troops."),
        Event(3, "theatre", "Kalvaria: intensity index 0.4."),
        Event(3, "report", "Report of the Secretary-General."),
        Event(3, "trigger", "Cholera breaks out in the camps for displaced people."),
        Event(3, "pledge", "KES pledges 50 police."),
    ]
    ordered = [e.text for e in by_importance(events)]
    assert ordered[0].startswith("Cholera")
    assert ordered[-2:] == ["IST pledges 50 troops.", "KES pledges 50 police."]


def test_the_tracker_says_how_each_objective_stands_and_warns_near_deadlines() -> None:
    row = ObjectiveRow("x", "Calm by month 18", "pending", "", "", by_month=18, outlook="met")
    assert deadline_text(row, 10, 2) == ("on track", False)  # the name says "month 18" once
    calm = ObjectiveRow("x", "Calm", "pending", "", "", by_month=18, outlook="met")
    assert deadline_text(calm, 10, 2) == ("on track · month 18", False)
    assert deadline_text(row, 16, 2) == ("on track · 2 months left!", True)
    late = ObjectiveRow("x", "Calm by month 18", "pending", "", "", by_month=18, outlook="failed")
    assert deadline_text(late, 17, 2) == ("off track · 1 month left!", True)
    met = ObjectiveRow("x", "Calm", "met", "", "", by_month=18)
    assert deadline_text(met, 18, 2) == ("met", False)
    end = ObjectiveRow("y", "No veto", "pending", "", "", outlook="met")
    assert deadline_text(end, 3, 2) == ("on track · at the end", False)


def test_the_chamber_tracks_the_objectives(chamber: Driver) -> None:
    screen = chamber.app.screen
    chamber.frames(1)
    assert screen.tracker is not None
    game = chamber.app.game
    assert game is not None
    rows = objective_rows(game.world, False)
    assert [r.name for r in rows] == [o.name for o in game.world.objectives]
    assert screen.tracker_area.h >= 19 * len(rows)


def test_a_skip_comes_back_each_month_to_a_draft_left_untabled(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    draft = game.council_draft()
    assert draft is not None and draft.version == 0, "the tutorial opens with a prepared draft"
    for _ in range(2):
        month = game.world.month
        d.key(pygame.K_s)  # "not this one": pass on tabling it this month
        assert d.until(lambda: d.app.skip is None, 5000)
        if d.screen() != "chamber":  # news or a vote's result stopped the skip: back to it
            d.key(pygame.K_RETURN)
            assert d.until(lambda: d.screen() == "chamber" and game.awaiting, 2000)
        assert game.world.month <= month + 1, "the skip ran past the player's untabled draft"
        assert not game.world.finished
