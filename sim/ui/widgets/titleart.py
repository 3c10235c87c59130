"""The title screen's art, drawn from the game's own pictures: the world map as a dim backdrop
and, beside the title, the Council's horseshoe of fifteen seats with the five permanent
members' flags.

The backdrop is the world map of :mod:`sim.ui.worldmap` (painted in its worker thread, so the
title is interactive at once and the map fades in when ready), in one muted colour with a glow
toward the centre; it is made once per window size. Nothing here renders text.
"""

from __future__ import annotations

import math

import pygame

from sim.ui import theme
from sim.ui.flags import flag
from sim.ui.worldmap import MapUnavailable, Style, fitted, iso_table, world_maps

PERMANENT = ("CHN", "FRA", "RUS", "GBR", "USA")
LAND = (62, 92, 124)
SEAT = (86, 180, 233)

_BACKDROPS: dict[tuple[tuple[int, int], float], pygame.Surface] = {}


def backdrop(size: tuple[int, int], scale: float) -> pygame.Surface | None:
    """The dimmed world map filling ``size`` (None until the worker has painted it)."""
    key = (size, scale)
    done = _BACKDROPS.get(key)
    if done is not None:
        return done
    try:
        table = iso_table()
    except (MapUnavailable, OSError):
        return None
    styles = {code: Style(LAND) for code in table.iso2.values()}
    area = fitted((size[0], size[1]))
    painted = world_maps().surface(area, styles, frozenset(), scale)
    if painted is None:
        return None
    out = pygame.Surface(size, pygame.SRCALPHA)
    map_layer = painted.copy()
    map_layer.set_alpha(170)
    out.blit(map_layer, map_layer.get_rect(center=(size[0] // 2, size[1] // 2)))
    # A vignette: the edges darker, so the menu reads over the map.
    shade = pygame.Surface((64, 36), pygame.SRCALPHA)
    for y in range(36):
        for x in range(64):
            r = math.hypot((x - 31.5) / 32, (y - 17.5) / 18)
            shade.set_at((x, y), (*theme.BG, max(0, min(255, round(255 * (r - 0.35) * 1.1)))))
    out.blit(pygame.transform.smoothscale(shade, size), (0, 0))
    _BACKDROPS.clear()
    _BACKDROPS[key] = out
    return out


def horseshoe(surface: pygame.Surface, area: pygame.Rect, scale: float) -> None:
    """Fifteen seats on a horseshoe open to the bottom, the five permanent members' flags on
    the seats at its top."""
    cx, cy = area.centerx, area.bottom - round(6 * scale)
    rx, ry = area.width / 2 - 14 * scale, area.height - 18 * scale
    pygame.draw.arc(
        surface,
        (52, 64, 78),
        pygame.Rect(cx - rx, cy - ry, 2 * rx, 2 * ry),
        0.0,
        math.pi,
        max(3, round(6 * scale)),
    )
    seats = 15
    for i in range(seats):
        a = math.pi * (1 - i / (seats - 1))
        x, y = cx + rx * math.cos(a), cy - ry * math.sin(a)
        k = i - 5
        if 0 <= k < len(PERMANENT):
            picture = flag(PERMANENT[k], round(18 * scale))
            surface.blit(picture, picture.get_rect(center=(round(x), round(y))))
        else:
            pygame.draw.circle(surface, SEAT, (round(x), round(y)), max(3, round(5 * scale)))
