"""What the theatre map shows of the state: territory held, the missions, the displaced.

- **Territory.** A scenario's ``[theatre] control_map`` is a grey picture beside the map: 0
  outside the host country (or the part of it the theatre is), else 1 to 255 by how soon the
  armed groups hold the place (255 first; the map scripts rank the places by distance from
  where the groups began). The pixels with ``(value - 1) / 254`` above the government's share of
  the territory are hatched in the armed groups' colour with their edge as a front line, so the
  hatched share is the share the model reports and it grows and shrinks with it.
- **Missions.** Each deployed mission is a marker of its kind's shape and colour (as in the
  missions' box) whose size grows with the square root of the personnel deployed, placed in
  the government-held part of the country (its centroid), with the number beside it.
- **The displaced.** A translucent disc whose area follows the number of displaced people, at
  each region of kind ``camps`` (the number split evenly between them), with the number.

Everything is composed only when the world changes (the screen's key), never per frame.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pygame

from sim.model.world import PERSONNEL, World

HELD = (190, 70, 34)
DISPLACED = (240, 228, 66)
Mask = npt.NDArray[np.uint8]


def load_control(path: Path | None) -> Mask | None:
    """The control picture as an array of 0–255 (its red channel), or None."""
    if path is None:
        return None
    try:
        surface = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError):
        return None
    w, h = surface.get_size()
    rgb = np.frombuffer(pygame.image.tobytes(surface, "RGB"), dtype=np.uint8)
    return rgb.reshape(h, w, 3)[:, :, 0].copy()


def held(control: Mask, government_control: float) -> npt.NDArray[np.bool_]:
    """Where the armed groups hold the ground at this share for the government."""
    share = max(0.0, min(1.0, government_control))
    return (control > 0) & ((control.astype(np.float64) - 1.0) / 254.0 > share)


def hatching(size: tuple[int, int], scale: float) -> pygame.Surface:
    """The armed groups' hatching at ``size``: diagonal lines over a light tint (made once per
    map size; :func:`territory` keeps the held part of it)."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    surface.fill((*HELD, 55))
    step = max(5, round(9 * scale))
    width = max(1, round(1.6 * scale))
    for d in range(-h, w, step):
        pygame.draw.line(surface, (*HELD, 150), (d, h), (d + h, 0), width)
    return surface


def territory(control: Mask, government_control: float, hatch: pygame.Surface) -> pygame.Surface:
    """The held part as a see-through layer at ``hatch``'s size: the hatching where the armed
    groups hold the ground, and the front line along its edge. The mask is worked out at the
    control picture's own (small) size and scaled, so this takes milliseconds at any size. The
    masks are made in the hatching's own pixel layout (BGRA bytes: ARGB pixels), so blending
    them needs no conversion of every pixel (which took 20 ms at 1920x1080)."""
    h, w = control.shape
    zone = held(control, government_control)
    inside = control > 0
    apart = np.zeros_like(zone)
    for shift in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        apart |= ~np.roll(zone, shift, axis=(0, 1))
    edge = zone & inside & apart
    keep = np.full((h, w, 4), 255, dtype=np.uint8)
    keep[..., 3] = zone * np.uint8(255)
    line = np.empty((h, w, 4), dtype=np.uint8)
    line[..., :3] = HELD[::-1]
    line[..., 3] = edge * np.uint8(235)
    size = hatch.get_size()
    layout = "BGRA" if hatch.get_masks()[0] == 0xFF0000 else "RGBA"
    if layout == "RGBA":
        line[..., :3] = HELD
    mask = pygame.image.frombytes(keep.tobytes(), (w, h), layout)
    out = pygame.transform.scale(mask, size)  # the hatching multiplied in: no copy of it
    out.blit(hatch, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    front = pygame.image.frombytes(line.tobytes(), (w, h), layout)
    out.blit(pygame.transform.smoothscale(front, size), (0, 0))
    return out


def government_point(control: Mask, government_control: float) -> tuple[int, int] | None:
    """The centroid of the government-held part (of the whole country when it holds none)."""
    inside = control > 0
    if not inside.any():
        return None
    ours = inside & ~held(control, government_control)
    ys, xs = np.nonzero(ours if ours.any() else inside)
    cx, cy = int(np.median(xs)), int(np.median(ys))
    if not (ours if ours.any() else inside)[cy, cx]:
        k = int(np.argmin((xs - cx) ** 2 + (ys - cy) ** 2))
        cx, cy = int(xs[k]), int(ys[k])
    return cx, cy


def deployed(world: World) -> list[tuple[str, int]]:
    """(kind, personnel deployed) of each active mission, in id order."""
    return [
        (m.kind, sum(m.strength(kind) for kind in PERSONNEL))
        for m in sorted(world.active_missions(), key=lambda m: m.id)
    ]


def marker_size(personnel: int, scale: float) -> int:
    """A marker's width: the area grows with the personnel (10,000 ≈ 44 px at scale 1)."""
    return round((12 + 0.32 * math.sqrt(max(0, personnel))) * scale)


def short_number(n: float) -> str:
    """12,400 → "12.4k"; 2,000,000 → "2.0M"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 10_000:
        return f"{n / 1000:.0f}k"
    if n >= 1000:
        return f"{n / 1000:.1f}k"
    return f"{n:.0f}"


def displaced_radius(people: float, scale: float) -> int:
    """A disc whose area follows the number of people (1,000,000 ≈ 40 px radius at scale 1)."""
    return max(round(5 * scale), round(40 * scale * math.sqrt(max(0.0, people) / 1_000_000)))
