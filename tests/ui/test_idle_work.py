"""Work moved off the frames that build a screen: the common button shapes drawn on idle frames,
and the month's autosave held back while a screen is being built (never lost on closing)."""

from __future__ import annotations

from sim.devtools.driver import Driver
from sim.model.savefiles import read_save
from sim.ui.game import AUTOSAVE
from sim.ui.screens.base import make_screen
from sim.ui.settings import saves_dir
from sim.ui.shapes import ShapeCache
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
    # The buttons drawn for it are gone: the window holds only the title's own widgets.
    elements = d.app.manager.get_root_container().elements
    assert all(e in d.app.screen.elements for e in elements)


def test_the_autosave_waits_for_a_screen_being_built_and_is_written_on_closing(
    chamber: Driver,
) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    autosave = saves_dir() / AUTOSAVE
    assert read_save(autosave).turn.month == 1
    autosave.unlink()
    d.app.autosaved = None  # an autosave is due (as when a new month has begun)
    d.app.push(make_screen(d.app, "news", game.world.month))  # as when a month's news opens
    d.frames(1)
    assert d.screen() == "news" and d.app.screen.pending  # its text box comes next frame
    assert not autosave.exists()  # not while the screen is being built
    d.frames(3)
    assert read_save(autosave).turn.month == 1  # once the screen is whole

    d.app.pop()
    autosave.unlink()
    d.app.autosaved = None
    d.app.push(make_screen(d.app, "news", game.world.month))
    d.frames(1)
    assert not autosave.exists()
    d.app.close()  # the window closes before the screen is whole: the autosave is written
    assert read_save(autosave).turn.month == 1
