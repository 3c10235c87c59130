"""The title screen's art: the world map behind the menu once painted, and the Council's
horseshoe with the permanent members' flags beside the title."""

from __future__ import annotations

import numpy as np
import pygame

from sim.devtools.driver import Driver
from sim.ui import theme
from sim.ui.widgets import titleart
from sim.ui.worldmap import world_maps


def _pixels(surface: pygame.Surface, rect: pygame.Rect) -> np.ndarray:
    data = pygame.image.tobytes(surface.subsurface(rect), "RGB")
    return np.frombuffer(data, dtype=np.uint8).reshape(-1, 3).astype(int)


def test_the_title_shows_the_world_map_behind_the_menu_and_the_councils_flags(
    driver: Driver,
) -> None:
    for _ in range(5):
        world_maps().wait()
        driver.frames(2)
    assert driver.screen() == "title"
    assert titleart.backdrop(driver.app.size, driver.app.scale) is not None
    # Below the menu, where no widget is, the map's land shows: pixels lighter than the plain
    # background, in the land's blue.
    w, h = driver.app.size
    area = pygame.Rect(w * 2 // 3, h // 2, w // 3 - 10, h // 2 - 10)
    rgb = _pixels(driver.app.window, area)
    background = np.array(theme.BG)
    land = (np.abs(rgb - background).sum(axis=1) > 30) & (rgb[:, 2] > rgb[:, 0])
    assert land.mean() > 0.05
    # The horseshoe beside the title carries the United States' flag (red and blue).
    header = pygame.Rect(w - 420, 0, 420, 140)
    rgb = _pixels(driver.app.window, header)
    assert ((rgb[:, 0] > 150) & (rgb[:, 1] < 80) & (rgb[:, 2] < 90)).any()
