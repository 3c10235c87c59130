"""Work moved off the frames that build a screen: the common button shapes drawn on idle frames,
and the month's autosave held back while a screen is being built (never lost on closing)."""

from __future__ import annotations

import pygame

from sim.devtools.driver import Driver
from sim.model.savefiles import read_save
from sim.ui.game import AUTOSAVE
from sim.ui.settings import saves_dir
from sim.ui.shapes import ShapeCache, parse
from sim.ui.warmup import HEIGHTS, STYLES


def test_the_title_draws_the_common_button_shapes_on_idle_frames(driver: Driver) -> None:
    d = driver
    warmer = d.app.warmer
    cache = d.app.manager.get_theme().shape_cache
    assert isinstance(cache, ShapeCache)
    for _ in range(900):
        if warmer.done:
            break
        d.frames(1)
    assert warmer.done
    heights = {height for height, _ in cache.ends}
    assert heights >= {round(h * d.app.scale) for h in HEIGHTS}
    # Every height has the ends of each style's normal look and of the shared looks.
    looks = {(height, look[-4:], look[-8:-4]) for height, look in cache.ends}
    assert len(looks) >= len(HEIGHTS) * (len(STYLES) + 3)
    # The shapes drawn for it are gone: nothing of it is left in the window's widgets.
    assert all(getattr(e, "visible", 1) for e in d.app.manager.get_root_container().elements)
    assert parse("rounded_rectangle_10_10_0_2_2_2_2_4_4_4_4_0_0_0_0_0_0_0_0") is not None


def test_the_autosave_waits_for_a_screen_being_built_and_is_written_on_closing(
    chamber: Driver,
) -> None:
    d = chamber
    autosave = saves_dir() / AUTOSAVE
    assert read_save(autosave).turn.month == 1
    autosave.unlink()
    d.app.autosaved = None  # an autosave is due (as when a new month has begun)
    # The theatre (N now opens the event log, laid out without later parts): its panels come
    # over the next frames.
    d.key(pygame.K_h, frames=1)
    assert d.screen() == "theatre" and d.app.screen.pending
    assert not autosave.exists()  # not in the frame that builds the screen
    d.frames(3)
    assert read_save(autosave).turn.month == 1  # once the screen is whole

    autosave.unlink()
    d.app.autosaved = None
    d.key(pygame.K_ESCAPE, frames=0)
    d.key(pygame.K_h, frames=1)
    assert not autosave.exists()
    d.app.close()  # the window closes before the screen is whole: the autosave is written
    assert read_save(autosave).turn.month == 1
