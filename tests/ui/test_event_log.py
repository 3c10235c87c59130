"""The event log (N, from the chamber and the debrief): every month's events of a whole game,
in order, with flags; it scrolls by keys, the wheel and its scroll bar, and what it draws is
what is in view."""

from __future__ import annotations

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief
from sim.model.words import without_repeats
from sim.ui.screens.chamber import QUIET
from sim.ui.screens.eventlog import EventLogScreen
from sim.ui.words import namer


def _open_log_from_the_debrief(d: Driver) -> EventLogScreen:
    d.take_seat()
    play_to_debrief(d)
    d.click(d.button("Event log"))
    assert d.screen() == "eventlog"
    assert d.settle(), "the log never finished laying out its entries"
    screen = d.app.screen
    assert isinstance(screen, EventLogScreen) and screen.view is not None
    return screen


def test_the_log_from_the_debrief_holds_every_month_and_scrolls(driver: Driver) -> None:
    d = driver
    screen = _open_log_from_the_debrief(d)
    log = screen.view
    assert log is not None and log.done
    game = d.app.game
    assert game is not None
    names = namer(game.world)
    events = list(without_repeats(e for e in game.world.events if e.kind not in QUIET))
    months = sorted({e.month for e in events})
    assert len(months) >= 10 and len(events) > 200
    # Every event's words, whole, in the order they happened, under its month's title.
    entries = [row.entry for row in log.rows if row.first]
    titles = [e.text for e in entries if e.gap]
    assert titles == [game.month_title(m) for m in months]
    said = [e.text for e in entries if not e.gap]
    assert said == [names.text(e.text) for e in events]
    assert any(e.flag is not None for e in entries), "a state's news has its flag"

    # The top is shown first; End shows the last event, Home the first again.
    first_screen = d.lines_drawn()
    assert titles[0] in first_screen and said[-1] not in " ".join(first_screen)
    d.key(pygame.K_END)
    assert log.offset == log.max_offset() > 0
    last = " ".join(d.lines_drawn())
    assert log.rows[-1].text in last and titles[0] not in last
    d.key(pygame.K_HOME)
    assert log.offset == 0
    d.key(pygame.K_PAGEDOWN)
    paged = log.offset
    assert 0 < paged < log.max_offset()
    assert titles[0] not in d.lines_drawn()
    d.key(pygame.K_UP)
    assert log.offset < paged

    # The wheel over the box, a click on the track below the thumb, and a drag of the thumb.
    d.key(pygame.K_HOME)
    centre = log.rect.center
    pygame.mouse.set_pos(centre)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False))
    d.frames(2)
    wheeled = log.offset
    assert wheeled > 0
    track, thumb = log.track(), log.thumb()
    d.click_at((track.centerx, track.bottom - 3))
    assert log.offset > wheeled
    d.key(pygame.K_HOME)
    thumb = log.thumb()
    grab = thumb.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=grab, button=1))
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(grab[0], track.bottom), rel=(0, 1), buttons=(1, 0, 0)
        )
    )
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(grab[0], track.bottom), button=1)
    )
    d.frames(2)
    assert log.offset == log.max_offset()

    # Continue (Enter) goes back to the debrief.
    d.key(pygame.K_RETURN)
    assert d.screen() == "debrief"
