"""What a first-time player reads of missions and drafts on the screens (issue 12, words).

- Rwanda's theatre panel and map legend named UNAMIR "Resolution 872", the draft that created it:
  now the mission's own name.
- Mali's roll call on Res. 2085 was titled "Vote on Resolution 2085" while its votes were still
  being counted: the number told the outcome before the count did.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver, recorded_lines
from sim.devtools.screenshots import play_until
from sim.ui.theatremap import mission_line
from sim.ui.widgets.theatrepanel import draw_theatre_panel, mission_title

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
        for _ in range(200):
            if d.screen() == "vote":
                break
            if d.screen() == "news":
                d.key(pygame.K_RETURN)
            elif d.app.game is not None and d.app.game.awaiting:
                d.key(pygame.K_a)
            else:
                d.frames(1)
        assert d.screen() == "vote"
        d.frames(5)  # the roll call has begun; the count is not over
        title = next(line for line in d.lines_drawn() if line.startswith("Vote on "))
        assert title.startswith(
            "Vote on 'The African-led International Support Mission in Mali (AFISMA)' (version"
        ), title
        assert "Resolution" not in title
    finally:
        pygame.quit()
