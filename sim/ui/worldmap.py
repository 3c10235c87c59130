"""The world map: pygal_maps_world's ``worldmap.svg``, recoloured per country, off the frame path.

The SVG (Kozea's pygal_maps_world, LGPL-3.0+, read with :mod:`importlib.resources`) has one
``<g class="fr country map-element">`` group per country, named by its ISO 3166-1 alpha-2 code.
Scenario states use alpha-3 ids (the world roster's); :func:`iso_table` matches the roster's
names with the package's own country list (exact name, "Name, qualifier" forms, and a small table
of renamed countries) and reports the members the map does not draw (small island states, and
South Sudan, which the map predates).

Drawing happens in one worker thread and is cached: the SVG is rendered once per size by
SDL_image (``pygame.image.load_sized_svg``) with every country filled in a colour that encodes
its index, giving an *index map* (which country each pixel belongs to); recolouring for a stance,
a pattern per stance and the outline of an organization's members are then numpy operations on
that map. Nothing here runs per frame; the screen asks for a finished surface and shows a
placeholder until it is ready.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pygame

from sim.bundled import scenario_file
from sim.scenario.roster import load_roster

ROSTER = scenario_file("data", "world_roster.toml")
SVG_SIZE = (2475, 1388)

#: Roster members whose name differs from the map package's beyond a "Name, qualifier" form:
#: countries renamed since the map was made, and short names. Each target is checked by a test.
RENAMED = {
    "COD": "cd",  # DR Congo / Congo, the Democratic Republic of the
    "COG": "cg",  # Congo Republic / Congo
    "CPV": "cv",  # Cabo Verde / Cape Verde
    "CZE": "cz",  # Czechia / Czech Republic
    "KOR": "kr",  # South Korea / Korea, Republic of
    "PRK": "kp",  # North Korea / Korea, Democratic People's Republic of
    "LAO": "la",  # Laos / Lao People's Democratic Republic
    "LBY": "ly",  # Libya / Libyan Arab Jamahiriya
    "MKD": "mk",  # North Macedonia / Macedonia, the former Yugoslav Republic of
    "RUS": "ru",  # Russia / Russian Federation
    "SWZ": "sz",  # Eswatini / Swaziland
    "SYR": "sy",  # Syria / Syrian Arab Republic
    "TUR": "tr",  # Türkiye / Turkey
}

IntArray = npt.NDArray[np.int64]
ByteArray = npt.NDArray[np.uint8]


class MapUnavailable(Exception):
    """The map package is not installed or its SVG cannot be read."""


# The map data ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def svg_text() -> str:
    """The package's world map SVG."""
    try:
        return (resources.files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise MapUnavailable(
            f"the world map needs the pygal_maps_world package ({exc}); pip install -e ."
        ) from exc


@lru_cache(maxsize=1)
def map_countries() -> dict[str, str]:
    """Alpha-2 code → name, for every country the map draws (the package's own list)."""
    try:
        from pygal_maps_world.i18n import COUNTRIES
    except ImportError as exc:
        raise MapUnavailable(f"the world map needs the pygal_maps_world package ({exc})") from exc
    drawn = set(re.findall(r'<g class="([a-z]{2}) country', svg_text()))
    return {code: str(name) for code, name in COUNTRIES.items() if code in drawn}


def _norm(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_name.lower())


@dataclass(frozen=True)
class IsoTable:
    """Roster alpha-3 ids → map alpha-2 codes, and the members the map does not draw."""

    iso2: dict[str, str]
    names: dict[str, str]
    not_drawn: tuple[str, ...] = field(default=())


def match_names(members: Mapping[str, str], countries: Mapping[str, str]) -> IsoTable:
    """Match roster members (alpha-3 → name) with the map's countries (alpha-2 → name)."""
    exact = {_norm(n): c for c, n in countries.items()}
    qualified: dict[str, str] = {}
    for code, name in countries.items():
        if "," in name:
            qualified.setdefault(_norm(name.split(",")[0]), code)
    iso2: dict[str, str] = {}
    missing = []
    for iso3, name in sorted(members.items()):
        code = RENAMED.get(iso3) or exact.get(_norm(name)) or qualified.get(_norm(name))
        if code is None or code not in countries:
            missing.append(iso3)
        else:
            iso2[iso3] = code
    return IsoTable(iso2, dict(members), tuple(missing))


@lru_cache(maxsize=1)
def iso_table() -> IsoTable:
    """The 193 roster members matched with the map (cached)."""
    roster = load_roster(ROSTER)
    return match_names({m.id: m.name for m in roster.values()}, map_countries())


@lru_cache(maxsize=1)
def roster_organizations() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The roster's organizations: id → (name, member ids)."""
    import tomllib

    data = tomllib.loads(ROSTER.read_text(encoding="utf-8"))
    return {
        key: (str(org.get("name", key)), tuple(str(m) for m in org.get("members", [])))
        for key, org in data.get("organizations", {}).items()
    }


def roster_founded() -> dict[str, str]:
    """The day each of the roster's organizations came into being ("2002-07-09"), by id (the
    roster gives it with its source; an organization without one is left out)."""
    import tomllib

    data = tomllib.loads(ROSTER.read_text(encoding="utf-8"))
    return {
        key: str(org["founded"])
        for key, org in data.get("organizations", {}).items()
        if org.get("founded")
    }


def codes() -> list[str]:
    """Every country group of the SVG in a fixed order; index i + 1 in the index map."""
    return sorted(set(re.findall(r'<g class="([a-z]{2}) country', svg_text())))


# Rendering ------------------------------------------------------------------------------------


def _code_colour(index: int) -> tuple[int, int, int]:
    # Red holds the index; green a scrambled copy, so blends at borders do not pass as a country.
    return index, (index * 97 + 31) % 256, 160


def index_svg() -> bytes:
    """The SVG with every country filled in the colour of its index."""
    position = {code: n + 1 for n, code in enumerate(codes())}

    def fill(match: re.Match[str]) -> str:
        r, g, b = _code_colour(position[match.group(1)])
        return f'<g class="{match.group(1)} country map-element" fill="#{r:02x}{g:02x}{b:02x}">'

    return re.sub(r'<g class="([a-z]{2}) country map-element">', fill, svg_text()).encode()


@dataclass
class IndexMap:
    """Which country each pixel shows (0: sea or border), land mask, and label points."""

    size: tuple[int, int]
    index: npt.NDArray[np.int16]
    land: npt.NDArray[np.bool_]
    points: dict[int, tuple[int, int]]

    def code_at(self, pos: tuple[int, int]) -> str | None:
        """The alpha-2 code under a point of the map surface, if any."""
        x, y = pos
        if not (0 <= x < self.size[0] and 0 <= y < self.size[1]):
            return None
        i = int(self.index[y, x])
        return codes()[i - 1] if i > 0 else None


def render_index(size: tuple[int, int]) -> IndexMap:
    """Render the index map at ``size`` (slow: run it off the frame path)."""
    surface = pygame.image.load_sized_svg(io.BytesIO(index_svg()), size)
    w, h = surface.get_size()
    rgba = np.frombuffer(pygame.image.tobytes(surface, "RGBA"), dtype=np.uint8).reshape(h, w, 4)
    r = rgba[:, :, 0].astype(np.int64)
    g = rgba[:, :, 1].astype(np.int64)
    valid = (rgba[:, :, 3] == 255) & (g == (r * 97 + 31) % 256) & (rgba[:, :, 2] == 160)
    valid &= r > 0
    index = np.where(valid, r, 0).astype(np.int16)
    land = rgba[:, :, 3] > 40
    ys, xs = np.nonzero(index)
    values = index[ys, xs]
    points: dict[int, tuple[int, int]] = {}
    order = np.argsort(values, kind="stable")
    values, xs, ys = values[order], xs[order], ys[order]
    bounds = np.flatnonzero(np.diff(values)) + 1
    for part_x, part_y, part_v in zip(
        np.split(xs, bounds), np.split(ys, bounds), np.split(values, bounds), strict=True
    ):
        if len(part_v) == 0:
            continue
        cx, cy = int(np.median(part_x)), int(np.median(part_y))
        if index[cy, cx] != part_v[0]:
            nearest = int(np.argmin((part_x - cx) ** 2 + (part_y - cy) ** 2))
            cx, cy = int(part_x[nearest]), int(part_y[nearest])
        points[int(part_v[0])] = (cx, cy)
    return IndexMap((w, h), index, land, points)


@dataclass(frozen=True)
class Style:
    """How one country is painted: fill colour and pattern."""

    colour: tuple[int, int, int]
    pattern: str = ""  # "", "diagonal", "horizontal", "cross", "dots"


SEA = (14, 20, 28)
BORDER = (10, 12, 16)
OTHER = (58, 66, 76)


def _patterns(h: int, w: int, step: int) -> dict[str, npt.NDArray[np.bool_]]:
    ys, xs = np.mgrid[0:h, 0:w]
    thick = max(1, step // 4)
    return {
        "": np.zeros((h, w), dtype=bool),
        "diagonal": (xs + ys) % step < thick,
        "horizontal": ys % step < thick,
        "cross": ((xs + ys) % step < thick) | ((xs - ys) % step < thick),
        "dots": (xs % step < thick + 1) & (ys % step < thick + 1),
    }


def paint(
    imap: IndexMap, styles: Mapping[str, Style], outline: frozenset[str], scale: float
) -> bytes:
    """RGBA bytes of the map: each country in its style, ``outline`` members outlined."""
    h, w = imap.index.shape
    position = {code: n + 1 for n, code in enumerate(codes())}
    colour = np.zeros((len(position) + 1, 3), dtype=np.uint8)
    colour[:] = OTHER
    pattern_of: dict[str, list[int]] = {}
    for code, style in styles.items():
        if code in position:
            colour[position[code]] = style.colour
            pattern_of.setdefault(style.pattern, []).append(position[code])
    index = imap.index.astype(np.int64)
    rgb = colour[index]
    patterns = _patterns(h, w, max(4, round(7 * scale)))
    for name, members in pattern_of.items():
        if not name:
            continue
        mask = np.isin(index, members) & patterns[name]
        rgb[mask] = (rgb[mask] * 0.3).astype(np.uint8)
    rgb[(index == 0) & imap.land] = BORDER
    alpha = np.where(imap.land, 255, 0).astype(np.uint8)
    if outline:
        members = [position[c] for c in outline if c in position]
        inside = np.isin(index, members)
        dim = ~inside & imap.land
        rgb[dim] = (rgb[dim] * 0.45).astype(np.uint8)
        edge = np.zeros_like(inside)
        grow = max(1, round(1.5 * scale))
        for dy in range(-grow, grow + 1):
            for dx in range(-grow, grow + 1):
                shifted = np.roll(np.roll(inside, dy, axis=0), dx, axis=1)
                edge |= shifted & ~inside
        rgb[edge] = (255, 255, 255)
        alpha[edge] = 255
    out = np.dstack([rgb, alpha])
    return bytes(np.ascontiguousarray(out).tobytes())


PaintKey = tuple[tuple[int, int], tuple[tuple[str, Style], ...], frozenset[str], float]


class WorldMaps:
    """Index maps and painted maps, made in one worker thread and cached."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="worldmap")
        self._index_jobs: dict[tuple[int, int], Future[IndexMap]] = {}
        self._paint_jobs: dict[PaintKey, Future[bytes]] = {}
        self._surfaces: dict[PaintKey, pygame.Surface] = {}
        self.error = ""

    def index_map(self, size: tuple[int, int]) -> IndexMap | None:
        """The index map at ``size`` if ready (its rendering is started otherwise)."""
        job = self._index_jobs.get(size)
        if job is None:
            self._index_jobs[size] = self._pool.submit(render_index, size)
            return None
        if not job.done():
            return None
        try:
            return job.result()
        except Exception as exc:  # noqa: BLE001 - shown on the screen instead of crashing
            self.error = f"the world map could not be drawn: {exc}"
            return None

    def surface(
        self,
        size: tuple[int, int],
        styles: Mapping[str, Style],
        outline: frozenset[str],
        scale: float,
    ) -> pygame.Surface | None:
        """The painted map if ready (its painting is started otherwise)."""
        key: PaintKey = (size, tuple(sorted(styles.items())), outline, scale)
        done = self._surfaces.get(key)
        if done is not None:
            return done
        imap = self.index_map(size)
        if imap is None:
            return None
        job = self._paint_jobs.get(key)
        if job is None:
            self._paint_jobs[key] = self._pool.submit(paint, imap, dict(styles), outline, scale)
            return None
        if not job.done():
            return None
        del self._paint_jobs[key]
        try:
            data = job.result()
        except Exception as exc:  # noqa: BLE001
            self.error = f"the world map could not be painted: {exc}"
            return None
        surface = pygame.image.frombytes(data, imap.size, "RGBA")
        if len(self._surfaces) > 24:
            self._surfaces.pop(next(iter(self._surfaces)))
        self._surfaces[key] = surface
        return surface

    def wait(self) -> None:
        """Block until queued work is done (scripts and tests)."""
        for job in list(self._index_jobs.values()) + list(self._paint_jobs.values()):
            job.exception()


_MAPS: WorldMaps | None = None


def world_maps() -> WorldMaps:
    """The shared map renderer."""
    global _MAPS
    if _MAPS is None:
        _MAPS = WorldMaps()
    return _MAPS


def fitted(area: tuple[int, int]) -> tuple[int, int]:
    """The largest map size with the SVG's proportions inside ``area``."""
    w, h = area
    ratio = SVG_SIZE[0] / SVG_SIZE[1]
    if w / max(1, h) > ratio:
        return max(1, round(h * ratio)), max(1, h)
    return max(1, w), max(1, round(w / ratio))


def credit() -> str:
    """The map's source, for the screen's footer."""
    return "World map: Kozea's pygal world map (LGPL-3.0-or-later)"


def roster_path() -> Path:
    """The world roster file the ISO table is built from."""
    return ROSTER
