"""Flags of the member states and emblems of the organizations, as small cached surfaces.

The 193 members' flags and the emblems the ``flag-icons`` set has (UN, EU, Arab League, ASEAN)
are PNGs under ``assets/flags`` (made by ``python -m sim.devtools.make_flags``; MIT, see CREDITS),
named by the world roster's id. They are shown only for scenarios built on the world roster:
a fictional state (the tutorial's and The Sahel Bridge's, whose ids may happen to be real ISO
codes: Estoria is EST) gets a flag drawn from its id (a seeded tricolour or bicolour with a
disc or a star), the same every time, so every seat card and profile shows one.

Each picture is read once and scaled once per height (4:3, with a thin dark edge so white
flags stand out on light panels); nothing here runs per frame once a size has been drawn.
"""

from __future__ import annotations

import atexit
import math
import random
import shutil
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path

import pygame

from sim.bundled import MissingData, asset_file

EDGE = (12, 14, 18)

#: Colours of the drawn flags (common heraldic tinctures, a little muted).
TINCTURES = [
    (200, 16, 46),
    (0, 56, 147),
    (0, 122, 61),
    (252, 209, 22),
    (255, 255, 255),
    (20, 20, 20),
    (0, 150, 214),
    (239, 125, 0),
    (117, 42, 56),
    (0, 93, 78),
]


def flags_dir() -> Path | None:
    """The bundled flags folder, or None in an installation without it."""
    try:
        folder = asset_file("flags")
    except MissingData:
        return None
    return folder if folder.is_dir() else None


@lru_cache(maxsize=512)
def _picture(name: str) -> pygame.Surface | None:
    folder = flags_dir()
    path = folder / f"{name}.png" if folder is not None else None
    if path is None or not path.is_file():
        return None
    try:
        image = pygame.image.load(str(path))
    except (pygame.error, OSError):
        return None
    return image.convert() if pygame.display.get_surface() is not None else image


def has_flag(state: str) -> bool:
    """Whether a real flag is bundled for ``state`` (a roster id such as ``FRA``)."""
    return _picture(state.upper()) is not None


def drawn_flag(state: str, size: tuple[int, int]) -> pygame.Surface:
    """A made-up flag for a state with none: its colours and design follow from its id."""
    rng = random.Random(zlib.crc32(state.upper().encode()))
    w, h = size
    colours = rng.sample(TINCTURES, 3)
    surface = pygame.Surface(size)
    design = rng.choice(["horizontal", "vertical", "bicolour", "canton"])
    thirds = [round(k * (h if design == "horizontal" else w) / 3) for k in range(4)]
    if design == "horizontal":
        for i, colour in enumerate(colours):
            surface.fill(colour, (0, thirds[i], w, thirds[i + 1] - thirds[i]))
    elif design == "vertical":
        for i, colour in enumerate(colours):
            surface.fill(colour, (thirds[i], 0, thirds[i + 1] - thirds[i], h))
    elif design == "bicolour":
        surface.fill(colours[0], (0, 0, w, h // 2))
        surface.fill(colours[1], (0, h // 2, w, h - h // 2))
    else:
        surface.fill(colours[0])
        surface.fill(colours[1], (0, 0, w // 2, h // 2))
    centre = (w // 2, h // 2) if design != "canton" else (w // 4, h // 4)
    radius = max(2, h // (5 if design != "canton" else 7))
    if rng.random() < 0.5:
        pygame.draw.circle(surface, colours[2], centre, radius)
    else:
        pygame.draw.polygon(surface, colours[2], star(centre, radius))
    return surface


def star(centre: tuple[int, int], radius: float) -> list[tuple[float, float]]:
    """The points of a five-pointed star."""
    cx, cy = centre
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        a = math.pi / 2 + k * math.pi / 5
        points.append((cx + r * math.cos(a), cy - r * math.sin(a)))
    return points


def real_states(scenario: object) -> bool:
    """Whether a scenario's states are the world roster's (so their real flags apply)."""
    return bool(getattr(scenario, "roster", None))


@lru_cache(maxsize=1024)
def flag(state: str, height: int, real: bool = True) -> pygame.Surface:
    """The flag of ``state`` at ``height`` pixels (4:3), edged: the bundled one when ``real``
    (a world-roster scenario) and there is one, else one drawn from the id."""
    height = max(6, height)
    size = (round(height * 4 / 3), height)
    picture = _picture(state.upper()) if real else None
    surface = (
        pygame.transform.smoothscale(picture, size)
        if picture is not None
        else drawn_flag(state, size)
    )
    pygame.draw.rect(surface, EDGE, surface.get_rect(), 1)
    return surface


@lru_cache(maxsize=128)
def emblem(organization: str, height: int) -> pygame.Surface | None:
    """An organization's emblem at ``height`` pixels (4:3), or None when the set has none."""
    picture = _picture(f"org-{organization.upper()}")
    if picture is None:
        return None
    height = max(6, height)
    surface = pygame.transform.smoothscale(picture, (round(height * 4 / 3), height))
    pygame.draw.rect(surface, EDGE, surface.get_rect(), 1)
    return surface


_FOLDER: list[Path] = []


def flag_file(state: str, height: int, real: bool = True) -> Path:
    """:func:`flag` as a PNG file, for the ``<img>`` of pygame_gui's HTML text boxes (the news):
    written once per state and height in a temporary folder removed when the game exits."""
    if not _FOLDER:
        folder = Path(tempfile.mkdtemp(prefix="mandate-flags-"))
        atexit.register(shutil.rmtree, folder, True)
        _FOLDER.append(folder)
    path = _FOLDER[0] / f"{state.upper()}-{height}-{int(real)}.png"
    if not path.is_file():
        pygame.image.save(flag(state, height, real), str(path))
    return path
