"""The message line (toast) belongs to the screen it was raised on: a quick save's "Saved to …"
showed over the ballot's Abstain button and "The advisor ends the turn." over the theatre's date,
and again on the vote, the debrief and the timeline. Now it goes when its screen goes, and on the
theatre (whose bottom row is full) it sits in the top band, over nothing."""

from __future__ import annotations

import pygame

from sim.devtools.driver import Driver
from sim.ui import theme


def test_a_toast_stays_on_its_screen_and_goes_with_it(chamber: Driver) -> None:
    app = chamber.app
    chamber.key(pygame.K_F5)  # quick save: "Saved to …"
    assert app.message.startswith("Saved") and app.message_time > 0
    chamber.frames(10)
    assert app.message_time > 0, "it stays a while on the screen that raised it"
    box, _ = app.message_layout()
    assert app.window.get_at((box.centerx, box.top))[:3] == theme.ACCENT, "it is drawn"
    chamber.key(pygame.K_h)
    assert chamber.screen() == "theatre"
    assert app.message_time == 0, "the chamber's message does not follow to the theatre"
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "chamber" and app.message_time == 0, "nor comes back"


def test_a_toast_raised_as_the_screen_changes_shows_on_the_new_one(chamber: Driver) -> None:
    app = chamber.app
    chamber.key(pygame.K_h)
    app.notify("Raised on the way to the theatre.")
    chamber.frames(2)
    assert chamber.screen() == "theatre" and app.message_time > 0


def test_on_the_theatre_the_toast_covers_no_title_date_button_or_map(chamber: Driver) -> None:
    app = chamber.app
    chamber.key(pygame.K_h)
    app.notify("The advisor ends the turn, with a message long enough to wrap onto two lines.")
    chamber.frames(1)
    box, lines = app.message_layout()
    screen = app.screen
    assert len(lines) >= 1 and box.w > 0
    for rect in [e.rect for e in screen.elements if e.visible] + screen.busy_rects():
        assert not box.colliderect(rect), (box, rect)
    assert box.left >= screen.s(30 + 600), "right of the title and the date"
