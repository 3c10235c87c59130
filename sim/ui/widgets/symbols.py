"""Vote symbols: each choice has a colour, a shape and a word, so colour is never needed alone.

yes: blue circle · no: vermillion square with a cross · abstain: yellow diamond with a bar ·
veto threat (a permanent member voting no): reddish-purple octagon (a stop sign) with a bar.
"""

from __future__ import annotations

import math

import pygame

from sim.ui import theme

WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "veto": "Veto", None: "—"}
COLOURS = {
    "yes": theme.YES,
    "no": theme.NO,
    "abstain": theme.ABSTAIN,
    "veto": theme.VETO,
    None: theme.NEUTRAL,
}


def kind_of(choice: str | None, veto_holder: bool) -> str | None:
    """The symbol to show: a permanent member's no is a veto."""
    if choice == "no" and veto_holder:
        return "veto"
    return choice


DARK = (20, 20, 20)


def _ticked_disc(
    surface: pygame.Surface, colour: tuple[int, int, int], center: tuple[int, int], size: int
) -> None:
    """A disc with a tick, so the symbol reads in greyscale too."""
    cx, cy = center
    r = size // 2
    pygame.draw.circle(surface, colour, center, r)
    pts = [(cx - r * 0.5, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.55, cy - r * 0.4)]
    pygame.draw.lines(surface, DARK, False, pts, max(2, size // 8))


def _crossed_square(
    surface: pygame.Surface, colour: tuple[int, int, int], center: tuple[int, int], size: int
) -> None:
    """A rounded square with a cross."""
    cx, cy = center
    rect = pygame.Rect(0, 0, size - 2, size - 2)
    rect.center = center
    pygame.draw.rect(surface, colour, rect, border_radius=max(1, size // 8))
    d = (size // 2) * 0.45
    width = max(2, size // 8)
    pygame.draw.line(surface, DARK, (cx - d, cy - d), (cx + d, cy + d), width)
    pygame.draw.line(surface, DARK, (cx - d, cy + d), (cx + d, cy - d), width)


def draw_symbol(
    surface: pygame.Surface, kind: str | None, center: tuple[int, int], size: int
) -> None:
    """Draw the shape of ``kind`` centred at ``center`` within a ``size`` square."""
    colour = COLOURS[kind]
    cx, cy = center
    r = size // 2
    width = max(2, size // 8)
    if kind == "yes":
        _ticked_disc(surface, colour, center, size)
    elif kind == "no":
        _crossed_square(surface, colour, center, size)
    elif kind == "abstain":
        pts = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.line(surface, DARK, (cx - r * 0.45, cy), (cx + r * 0.45, cy), width)
    elif kind == "veto":
        pts = [
            (
                cx + r * math.cos(math.radians(22.5 + 45 * i)),
                cy + r * math.sin(math.radians(22.5 + 45 * i)),
            )
            for i in range(8)
        ]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.line(
            surface, (255, 255, 255), (cx - r * 0.55, cy), (cx + r * 0.55, cy), width + 1
        )
    else:
        pygame.draw.circle(surface, colour, center, r, max(1, size // 10))


# Objective status: met (green disc with a tick), failed (vermillion square with a cross),
# pending (grey ring with a bar: not decided yet). Each also has its word.
STATUS_WORDS = {"met": "MET", "failed": "FAILED", "pending": "PENDING"}
STATUS_COLOURS = {"met": theme.GOOD, "failed": theme.NO, "pending": theme.MUTED}


def draw_status(surface: pygame.Surface, status: str, center: tuple[int, int], size: int) -> None:
    """Draw the shape of an objective's status centred at ``center`` within a ``size`` square."""
    colour = STATUS_COLOURS.get(status, theme.NEUTRAL)
    cx, cy = center
    r = size // 2
    width = max(2, size // 8)
    if status == "met":
        _ticked_disc(surface, colour, center, size)
    elif status == "failed":
        _crossed_square(surface, colour, center, size)
    else:
        pygame.draw.circle(surface, colour, center, r, max(2, size // 7))
        pygame.draw.line(surface, colour, (cx - r * 0.4, cy), (cx + r * 0.4, cy), width)
