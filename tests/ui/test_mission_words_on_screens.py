"""What a first-time player reads of missions and drafts on the screens (issue 12, words).

- Rwanda's theatre panel and map legend named UNAMIR "Resolution 872", the draft that created it:
  now the mission's own name.
- Mali's roll call on Res. 2085 was titled "Vote on Resolution 2085" while its votes were still
  being counted, and the advisor's message line above it read "The Security Council adopts
  …, 15-0-0": the number and the toast told the outcome before the count did.
- A party's patron was "patrons France"; a profile listed "Private" among a veto's reasons.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver, recorded_lines
from sim.devtools.screenshots import advise_until, play_until
from sim.model.events import Event
from sim.ui.screens.profile import factor_title
from sim.ui.theatremap import mission_line
from sim.ui.widgets.theatrepanel import draw_theatre_panel, mission_title
from sim.ui.words import advice_note, patrons_words

ROOT = Path(__file__).resolve().parents[2]
RWANDA = ROOT / "scenarios" / "rwanda_1994.toml"
MALI = ROOT / "scenarios" / "mali_2013.toml"


def test_the_theatre_names_unamir_not_its_resolution() -> None:
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.take_seat()
        game = d.app.game
        assert game is not None
        play_until(d, lambda: bool(game.world.resolutions) and bool(game.world.active_missions()))
        [mission] = game.world.active_missions()
        assert mission_title(game.world, mission).startswith("UNAMIR — UN mission, Chapter VI")
        assert mission_line(game.world, mission).endswith(" · UNAMIR")
        with recorded_lines(d.app.text) as seen:  # the panel the theatre screen shows
            draw_theatre_panel(game, d.app.text, 600, 1.0)
        drawn = " ".join(seen)
        assert "UNAMIR — UN mission" in drawn
        assert "Resolution 872 —" not in drawn
    finally:
        pygame.quit()


def test_a_roll_call_being_counted_names_the_draft_by_what_it_does() -> None:
    d = Driver.start((1280, 720), scenario=MALI, seed=0)
    try:
        d.take_seat()
        advise_until(d, "vote", passing="news", limit=200)
        assert d.screen() == "vote"
        d.frames(5)  # the roll call has begun; the count is not over
        title = next(line for line in d.lines_drawn() if line.startswith("Vote on "))
        assert title.startswith(
            "Vote on 'The African-led International Support Mission in Mali (AFISMA)' (version"
        ), title
        assert "Resolution" not in title
        # Nor does the message line: the advisor called the vote, and its toast read "The
        # Security Council adopts …, 15-0-0" over a roll call at its third seat.
        game = d.app.game
        assert game is not None
        assert game.world.votes[-1].tally.counts() not in d.app.message, d.app.message
    finally:
        pygame.quit()


def test_the_advisor_never_tells_a_vote_before_its_roll_call() -> None:
    quiet = frozenset({"consultations"})
    called = [
        Event(1, "whip_count", "Whip count on kalvaria-1: 14 yes, 0 no, 1 abstain."),
        Event(1, "resolution_adopted", "The Security Council adopts 'X', 14-0-1."),
        Event(1, "mission", "kalvaria-1 establishes the UN mission in Kalvaria, authorized."),
    ]
    assert advice_note(called, quiet) == "The advisor calls the vote."
    assert advice_note(called[:1], quiet) == called[0].text
    assert advice_note([], quiet) == "The advisor ends the turn."


def test_a_partys_patrons_agree_in_number() -> None:
    assert patrons_words(["France"]) == "; patron: France"
    assert patrons_words(["Russia", "China"]) == "; patrons: Russia and China"
    assert patrons_words([]) == ""


def test_a_profiles_factors_are_named_in_words() -> None:
    """Calderon's profile listed "Private" and "Patron" among the reasons for its veto."""
    assert factor_title("private", {}) == "Its own reservations"
    assert factor_title("patron", {}) == "Its client in the conflict"
    assert factor_title("policy:force", {"force": "Use of force"}) == "Policy: Use of force"
