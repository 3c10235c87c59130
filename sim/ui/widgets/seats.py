"""The Council's horseshoe table: where each member sits and how its seat card looks.

A seat card shows the member (its name, or its code where the name does not fit; its flag),
its forecast vote on the current draft (colour, shape and word) and how sure the forecast is:
the distance of the member's total from the nearest threshold of its decision rule, as a bar
and a word (firm, likely, wavering).
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass

import pygame

from sim.model.stance import Ballot
from sim.ui import theme
from sim.ui.flags import flag
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of

FIRM_POINTS = 150
LIKELY_POINTS = 50
BAR_FULL_POINTS = 300


@dataclass(frozen=True)
class Seat:
    """What a seat card shows."""

    actor: str
    name: str
    veto_holder: bool
    choice: str | None
    margin: int
    total: int
    player: bool
    band: int = 0

    @property
    def kind(self) -> str | None:
        """Symbol kind: yes, no, abstain, veto (a permanent member's no) or None."""
        return kind_of(self.choice, self.veto_holder)

    @property
    def certainty(self) -> str:
        """How sure the forecast is, in a word."""
        if self.choice is None:
            return ""
        if self.band >= self.margin:
            return "uncertain"
        if self.margin - self.band >= FIRM_POINTS:
            return "firm"
        if self.margin - self.band >= LIKELY_POINTS:
            return "likely"
        return "wavering"


def margin(total: int, yes_above: int, no_below: int, choice: str) -> int:
    """Points between the total and the nearest threshold that would change the choice."""
    if choice == "yes":
        return total - yes_above
    if choice == "no":
        return no_below - total
    return min(yes_above - total, total - no_below)


def seats(
    members: list[str],
    names: dict[str, str],
    veto: frozenset[str],
    player: str | None,
    ballot: Ballot | None,
    bands: dict[str, int] | None = None,
) -> list[Seat]:
    """Seat cards for the members in id order (the Council sits alphabetically); ``bands`` are
    how far the player's estimate of each member's score may be off (points)."""
    choices = ballot.choices() if ballot is not None else {}
    out: list[Seat] = []
    for actor in sorted(members):
        if ballot is not None and actor in ballot.voters:
            i = ballot.voters.index(actor)
            total = int(ballot.totals[i])
            choice = choices[actor]
            m = margin(total, int(ballot.yes_above[i]), int(ballot.no_below[i]), choice)
        else:
            total, choice, m = 0, None, 0
        band = (bands or {}).get(actor, 0)
        out.append(
            Seat(actor, names[actor], actor in veto, choice, m, total, actor == player, band)
        )
    return out


def horseshoe(n: int, area: pygame.Rect, card: tuple[int, int]) -> list[pygame.Rect]:
    """Rectangles of ``n`` seat cards spaced evenly along a horseshoe open toward the bottom
    (worked out once per layout: the chamber is built again on every visit)."""
    return [pygame.Rect(r) for r in _horseshoe(n, (area.x, area.y, area.w, area.h), card)]


@functools.lru_cache(maxsize=16)
def _horseshoe(
    n: int, box: tuple[int, int, int, int], card: tuple[int, int]
) -> tuple[tuple[int, int, int, int], ...]:
    area = pygame.Rect(box)
    cw, ch = card
    spread = 22
    rx = (area.width - cw) / 2
    ry = (area.height - ch) / (1 + math.sin(math.radians(spread)))
    cx, cy = area.centerx, area.top + ch / 2 + ry
    start, end = math.radians(180 + spread), math.radians(-spread)
    samples = 720
    points = []
    for k in range(samples + 1):
        a = start + (end - start) * k / samples
        points.append((cx + rx * math.cos(a), cy - ry * math.sin(a)))
    lengths = [0.0]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        # Measured in card widths and heights, so equal steps never put two cards on top
        # of each other where the curve turns.
        lengths.append(lengths[-1] + max(abs(x1 - x0) / cw, abs(y1 - y0) / ch))
    rects: list[tuple[int, int, int, int]] = []
    for i in range(n):
        target = lengths[-1] * i / max(1, n - 1)
        k = nearest(lengths, target)
        rect = pygame.Rect(0, 0, cw, ch)
        rect.center = (round(points[k][0]), round(points[k][1]))
        rects.append((rect.x, rect.y, rect.w, rect.h))
    return tuple(rects)


def nearest(values: list[float], target: float) -> int:
    """The first index of the value nearest ``target`` in ``values`` (ascending): the same as
    ``min(range(len(values)), key=lambda j: abs(values[j] - target))``, by bisection."""
    i = bisect.bisect_left(values, target)
    candidates = [j for j in (i - 1, i) if 0 <= j < len(values)]
    best = min(candidates, key=lambda j: abs(values[j] - target))  # the lower one on a tie
    return bisect.bisect_left(values, values[best])  # the first of equal values


#: The type sizes a member's name may take on its card's top line, largest first: a name that
#: fits none of them is shown by its code ("United Kingdom" on a small card reads "GBR").
NAME_SIZES = (15, 13)


def heading(text: theme.Text, seat: Seat, inner: int, scale: float) -> tuple[str, int]:
    """The words and type size of a card's top line: the member's name where it fits ``inner``
    pixels beside its P5 tag (a player's "YOU" may move to the bottom line for it), else its
    three-letter code in the usual size."""
    s = scale
    tags = 0
    if seat.veto_holder:
        tags = round(5 * s) + text.font(11, True).size("P5")[0] + round(3 * s)
    if seat.name and seat.name != seat.actor:
        for size in NAME_SIZES:
            if text.font(size, True).size(seat.name)[0] + tags <= inner:
                return seat.name, size
    return seat.actor, 15


def draw_card(
    surface: pygame.Surface,
    text: theme.Text,
    seat: Seat,
    rect: pygame.Rect,
    scale: float,
    real_flags: bool = True,
) -> None:
    """One seat card (``real_flags``: the scenario's states are the world roster's)."""
    s = scale
    kind = seat.kind
    colour = COLOURS[kind]
    radius = round(6 * s)
    pygame.draw.rect(surface, theme.PANEL, rect, border_radius=radius)
    pygame.draw.rect(surface, colour, rect, max(2, round(3 * s)), border_radius=radius)
    pad = round(7 * s)
    x, y = rect.left + pad, rect.top + round(4 * s)
    words, size = heading(text, seat, rect.width - 2 * pad, s)
    ident = text.render(words, size, theme.TEXT, bold=True)
    line = text.font(15, True)  # the top line's height; a smaller name sits on its baseline
    surface.blit(ident, (x, y + line.get_ascent() - text.font(size, True).get_ascent()))
    tag_x = x + ident.get_width() + round(5 * s)
    if seat.veto_holder:
        tag = text.render("P5", 11, theme.BG, bold=True)
        box = tag.get_rect(topleft=(tag_x, y + round(3 * s))).inflate(round(6 * s), round(2 * s))
        pygame.draw.rect(surface, theme.MUTED, box, border_radius=round(3 * s))
        surface.blit(tag, tag.get_rect(center=box.center))
        tag_x = box.right + round(4 * s)
    you = text.render("YOU", 11, theme.ACCENT, bold=True) if seat.player else None
    # Where "YOU" does not fit beside the name (or code) and the P5 tag, it takes the place of
    # the certainty line instead of touching the tag.
    crowded = you is not None and rect.right - pad - you.get_width() < tag_x + round(2 * s)
    if you is not None and not crowded:
        surface.blit(you, (rect.right - pad - you.get_width(), y + round(3 * s)))
    y += line.get_height()
    size = round(16 * s)
    draw_symbol(surface, kind, (x + size // 2, y + size // 2 + round(1 * s)), size)
    word = text.render(WORDS[kind], 14, colour, bold=True)
    surface.blit(
        word, (x + size + round(6 * s), y + (size - word.get_height()) // 2 + round(1 * s))
    )
    y += size + round(5 * s)
    if seat.choice is not None:
        bar_w = rect.width - 2 * pad
        bar_h = max(3, round(4 * s))
        fill = min(1.0, max(0.0, seat.margin / BAR_FULL_POINTS))
        pygame.draw.rect(surface, theme.PANEL_EDGE, (x, y, bar_w, bar_h), border_radius=2)
        pygame.draw.rect(
            surface, colour, (x, y, max(2, round(bar_w * fill)), bar_h), border_radius=2
        )
    picture = flag(seat.actor, round(12 * s), real_flags)
    place = picture.get_rect(right=rect.right - pad, bottom=rect.bottom - max(3, round(5 * s)))
    if seat.choice is not None:
        y += bar_h + round(1 * s)
        room = place.left - x - round(3 * s)
        sure = text.render(text.fit(seat.certainty, 12, room), 12, theme.MUTED)
        if you is not None and crowded:
            sure = you
        surface.blit(sure, (x, y))
        place.centery = y + sure.get_height() // 2
    elif you is not None and crowded:
        surface.blit(you, (x, place.centery - you.get_height() // 2))
    surface.blit(picture, place)
