"""Button shapes of a new width made from one already drawn (pygame_gui's shape cache, widened).

pygame_gui draws a rounded button shape by drawing it at four times its size and smooth-scaling
it down: 1–4 ms for each new size and look (normal, hovered, selected, active, disabled), so a
screen with several new button widths spends most of its first frames there. Its shape cache
only helps the second time a size appears.

A rounded rectangle's columns are all alike between its two rounded ends, and the 4× drawing
and the exact 4:1 smooth-scale keep them so. A shape of another width (same height, border,
corner radius and colours) is therefore the drawn one's left end, its middle column repeated,
and its right end. That is exact — the same pixels as pygame_gui's own drawing — only when the
shape is wide enough: pygame_gui draws the fill inside the border by stretching the outline's
shape (nearest neighbour), and in a narrow shape that stretch drops columns inside the rounded
ends. :func:`exact_width` says from which width on it is exact; narrower shapes are drawn as
before. tests/ui/test_shapes.py compares both ways pixel by pixel. :mod:`sim.ui.warmup` draws
one shape of each common height on idle frames, so even the first screen finds their ends.
"""

from __future__ import annotations

import pygame
from pygame_gui.core.surface_cache import SurfaceCache

#: The cache id's shape name (``SurfaceCache.build_cache_id``).
ROUNDED = "rounded_rectangle"


def exact_width(radius: int, border: int) -> int:
    """The narrowest shape (window pixels) whose ends are the same as a wider one's.

    The fill's stretch drops 8·border of the 4·width columns, evenly spread; the rounded ends
    must hold none of the dropped ones. Found by comparing every width up to 700 pixels with
    pygame_gui 0.6's own drawing, at UI scales 0.85–2 (radius 3–12, border 2–3): the last
    differing width was 0.75–0.96 of this one."""
    return 16 * border * radius


def end_width(radius: int, border: int) -> int:
    """Columns kept from each end of a drawn shape: its rounded end and two more."""
    return radius + border + 2


def parse(string_id: str) -> tuple[int, int, tuple[int, ...]] | None:
    """(width, height, the rest of the look) of a plain rounded rectangle's cache id, or None
    for any other id (other shapes, gradients, shadows, uneven borders or corners)."""
    if not string_id.startswith(ROUNDED + "_"):
        return None
    parts = string_id[len(ROUNDED) + 1 :].split("_")
    if len(parts) != 19 or not all(p.isdigit() for p in parts):
        return None
    width, height, shadow, *rest = (int(p) for p in parts)
    borders, radii = rest[0:4], rest[4:8]
    if shadow != 0 or len(set(borders)) != 1 or len(set(radii)) != 1:
        return None
    return width, height, tuple(rest)


class ShapeCache(SurfaceCache):
    """pygame_gui's shape cache that also makes a rounded shape of a new width from the ends
    of one of the same height and look drawn before (exactly its pixels; see the module)."""

    def __init__(self) -> None:
        super().__init__()
        #: By (height, look): left end, middle column, right end of a drawn shape.
        self.ends: dict[tuple[int, tuple[int, ...]], tuple[pygame.Surface, ...]] = {}
        #: Shapes made from ends (for the benchmark and tests).
        self.widened = 0

    def add_surface_to_cache(self, surface: pygame.Surface, string_id: str) -> None:
        super().add_surface_to_cache(surface, string_id)
        self.keep_ends(surface, string_id)

    def keep_ends(self, surface: pygame.Surface, string_id: str) -> None:
        """Keep the ends of a drawn shape, if none of its height and look are kept yet."""
        parsed = parse(string_id)
        if parsed is None:
            return
        width, height, look = parsed
        border, radius = look[0], look[4]
        if (height, look) in self.ends or width < exact_width(radius, border):
            return
        if surface.get_size() != (width, height):
            return
        end = end_width(radius, border)
        self.ends[(height, look)] = (
            surface.subsurface(pygame.Rect(0, 0, end, height)).copy(),
            surface.subsurface(pygame.Rect(end, 0, 1, height)).copy(),
            surface.subsurface(pygame.Rect(width - end, 0, end, height)).copy(),
        )

    def find_surface_in_cache(self, lookup_id: str) -> pygame.Surface | None:
        found = super().find_surface_in_cache(lookup_id)
        if found is not None:
            return found
        parsed = parse(lookup_id)
        if parsed is None:
            return None
        width, height, look = parsed
        border, radius = look[0], look[4]
        ends = self.ends.get((height, look))
        if ends is None or width < exact_width(radius, border):
            return None
        left, middle, right = ends
        end = left.get_width()
        shape = pygame.Surface((width, height), flags=pygame.SRCALPHA, depth=32)
        shape.blit(left, (0, 0))
        shape.blit(pygame.transform.scale(middle, (width - 2 * end, height)), (end, 0))
        shape.blit(right, (width - end, 0))
        self.widened += 1
        if width * height < 40000 and width <= 1024 and height <= 1024:  # as pygame_gui keeps
            super().add_surface_to_cache(shape, lookup_id)
        return shape
