"""Draw the theatre maps of the historical scenarios from real country outlines (a script).

    python -m sim.devtools.make_theatres [OUTDIR]                 (default: scenarios/maps)
    python -m sim.devtools.make_theatres --extract WORLD_ATLAS    (rewrite the vendored outlines)

Writes ``NAME.png`` (1200×800, the look of the fictional maps of :mod:`sim.devtools.make_maps`) and
``NAME-control.png`` (600×400, grey: which part of the host country the armed groups hold first,
see :func:`control_mask`) for Rwanda 1994, Darfur 2007, Libya 2011, Mali 2013 and Syria 2011.
The places (``PLACES``, longitude and latitude from public gazetteers) label the maps through each
scenario's ``[[theatre.regions]]``; ``--regions`` prints them as TOML.

The outlines are Natural Earth's Admin 0 countries at 1:10m (public domain), from the
``world-atlas`` npm package 2.0.2 (TopoJSON by Mike Bostock, ISC licence), cut to the five
theatres and simplified (Douglas-Peucker, under half a pixel of the map) by ``--extract``, which
reads ``countries-10m.json`` of that package (``npm pack world-atlas@2.0.2``) and writes
``assets/outlines/theatres.json``: only that file is needed to draw the maps again. Country ids
are ISO alpha-3 (Natural Earth's numeric codes through country_converter's table). Shared arcs
stay shared, so a border is drawn once and a coast is told from a border.

The projection is equirectangular around each theatre's middle latitude (east-west distances
shortened by its cosine), accurate enough for areas of a few hundred kilometres. The output is
deterministic (seeded texture, fixed palette, no PNG metadata).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sim.bundled import asset_file, scenario_file
from sim.devtools import make_maps
from sim.devtools.make_maps import (
    BORDER,
    COAST,
    HEIGHT,
    NEIGHBOUR_SHADE,
    SEA,
    SHALLOW,
    WIDTH,
    Canvas,
    mask_grid,
    rank_png,
)

OUT = scenario_file("maps")
OUTLINES = asset_file("outlines", "theatres.json")
LonLat = tuple[float, float]
Points = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Theatre:
    """A historical theatre: the map's extent, the host country and where its places are."""

    name: str
    west: float
    south: float
    north: float
    host: tuple[str, ...]
    #: Where the armed groups' hold begins (they hold the parts nearest these points first).
    seeds: tuple[LonLat, ...]
    places: dict[str, LonLat]
    capital: LonLat
    camps: tuple[LonLat, ...] = ()
    towns: tuple[LonLat, ...] = ()
    #: The part of the host country the theatre is (west, south, east, north), if not all of it.
    within: tuple[float, float, float, float] | None = None
    #: The places that are camps of the displaced (``kind = "camps"`` in the regions).
    camp_places: tuple[str, ...] = ()
    #: Borders not drawn (a border that did not exist at the scenario's date).
    hidden_borders: frozenset[frozenset[str]] = field(default_factory=frozenset)

    @property
    def mid_lat(self) -> float:
        return (self.south + self.north) / 2

    @property
    def east(self) -> float:
        """The east edge that makes the map 3:2 at the middle latitude."""
        height = self.north - self.south
        return self.west + height * WIDTH / HEIGHT / math.cos(math.radians(self.mid_lat))

    def project(self, points: Points) -> Points:
        """Longitude/latitude → image pixels (x right, y down)."""
        x = (points[:, 0] - self.west) / (self.east - self.west) * WIDTH
        y = (self.north - points[:, 1]) / (self.north - self.south) * HEIGHT
        return np.column_stack([x, y])

    def fraction(self, at: LonLat) -> tuple[float, float]:
        """A place as fractions of the map's width and height (for ``[[theatre.regions]]``)."""
        ((x, y),) = self.project(np.array([at], dtype=float))
        return x / WIDTH, y / HEIGHT


THEATRES: dict[str, Theatre] = {
    "rwanda": Theatre(
        "Rwanda",
        27.95,
        -3.35,
        -0.75,
        ("RWA",),
        seeds=((30.25, -1.05), (30.05, -1.35)),
        places={
            "Kigali (capital)": (30.06, -1.95),
            "Byumba (RPF front)": (30.07, -1.58),
            "Butare": (29.74, -2.60),
            "Gisenyi": (29.26, -1.70),
            "Goma camps (Zaire)": (29.10, -1.45),
            "Bukavu (Zaire)": (28.86, -2.51),
            "Uganda": (30.60, -0.95),
            "Burundi": (29.80, -3.15),
            "Tanzania": (31.30, -2.40),
        },
        capital=(30.06, -1.95),
        camps=((29.12, -1.62), (29.20, -1.55), (28.95, -2.45), (30.70, -2.35)),
        towns=((29.74, -2.60), (29.63, -1.50), (29.26, -1.70), (30.07, -1.58)),
        camp_places=("Goma camps (Zaire)", "Bukavu (Zaire)"),
    ),
    "darfur": Theatre(
        "Darfur",
        20.6,
        8.6,
        17.2,
        ("SDN", "SSD"),
        seeds=((24.3, 13.0), (23.3, 15.6)),
        places={
            "North Darfur (El Fasher)": (25.35, 13.63),
            "West Darfur (El Geneina)": (22.45, 13.45),
            "South Darfur (Nyala)": (24.88, 12.05),
            "Khartoum (capital)": (32.53, 15.55),
            "Camps in eastern Chad": (21.50, 12.40),
            "Chad": (20.90, 15.80),
            "Central African Rep.": (22.30, 9.20),
            "Kordofan": (29.60, 12.70),
        },
        capital=(32.53, 15.55),
        camps=((21.6, 12.6), (21.8, 12.2), (21.4, 13.2), (24.9, 11.95), (25.3, 13.5)),
        towns=((25.35, 13.63), (22.45, 13.45), (24.88, 12.05), (30.22, 13.18)),
        within=(21.8, 9.3, 27.6, 16.4),
        camp_places=("Camps in eastern Chad", "South Darfur (Nyala)"),
        hidden_borders=frozenset({frozenset({"SDN", "SSD"})}),
    ),
    "libya": Theatre(
        "Libya",
        4.9,
        19.4,
        34.7,
        ("LBY",),
        seeds=((20.07, 32.12), (23.0, 31.5)),  # the uprising held the east first
        places={
            "Tripoli (capital)": (13.19, 32.89),
            "Benghazi (NTC)": (20.07, 32.12),
            "Misrata": (15.09, 32.38),
            "Ajdabiya": (20.22, 30.76),
            "Sirte": (16.59, 31.20),
            "Nafusa Mountains": (12.00, 31.90),
            "Sabha (Fezzan)": (14.43, 27.04),
            "Border camps (Tunisia)": (10.20, 33.20),
            "Egypt": (27.30, 27.00),
        },
        capital=(13.19, 32.89),
        camps=((11.3, 33.1), (11.1, 33.25), (25.3, 31.55)),
        towns=((20.07, 32.12), (15.09, 32.38), (20.22, 30.76), (16.59, 31.2), (14.43, 27.04)),
        camp_places=("Border camps (Tunisia)",),
    ),
    "mali": Theatre(
        "Mali",
        -16.8,
        9.4,
        25.6,
        ("MLI",),
        seeds=((1.41, 18.44), (-3.0, 19.5), (-1.0, 21.5)),
        places={
            "Bamako (capital)": (-8.00, 12.65),
            "Timbuktu": (-3.00, 16.77),
            "Gao": (-0.04, 16.27),
            "Kidal (MNLA)": (1.41, 18.44),
            "Konna (front line)": (-3.90, 14.95),
            "Mbera camp (Mauritania)": (-5.77, 15.63),
            "Camps in Niger": (1.50, 14.60),
            "Burkina Faso": (-1.50, 12.30),
        },
        capital=(-8.00, 12.65),
        camps=((-5.77, 15.63), (-5.6, 15.5), (1.2, 14.8), (-0.8, 14.1)),
        towns=((-3.0, 16.77), (-0.04, 16.27), (1.41, 18.44), (-3.9, 14.95), (-4.19, 14.49)),
        camp_places=("Mbera camp (Mauritania)", "Camps in Niger"),
    ),
    "syria": Theatre(
        "Syria",
        34.0,
        31.9,
        37.7,
        ("SYR",),
        seeds=((36.63, 35.93), (36.72, 34.73), (36.10, 32.62), (40.14, 35.33)),
        places={
            "Damascus (capital)": (36.29, 33.51),
            "Homs": (36.72, 34.73),
            "Hama": (36.75, 35.13),
            "Aleppo": (37.16, 36.20),
            "Idlib": (36.63, 35.93),
            "Daraa": (36.10, 32.62),
            "Deir ez-Zor": (40.14, 35.33),
            "Latakia": (35.79, 35.52),
            "Camps in Turkey (Hatay)": (36.35, 36.75),
            "Camps in Jordan": (36.60, 32.20),
            "Lebanon": (35.60, 33.90),
        },
        capital=(36.29, 33.51),
        camps=((36.2, 36.55), (36.45, 36.65), (36.3, 32.3), (36.5, 32.25), (35.9, 33.85)),
        towns=(
            (36.72, 34.73),
            (36.75, 35.13),
            (37.16, 36.2),
            (36.63, 35.93),
            (36.1, 32.62),
            (40.14, 35.33),
            (35.79, 35.52),
        ),
        camp_places=("Camps in Turkey (Hatay)", "Camps in Jordan"),
    ),
}


# Extracting the outlines ---------------------------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[Points]:
    """TopoJSON arcs (quantized, delta-encoded) → longitude/latitude polylines."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        out.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return out


def simplify(points: Points, tolerance: float) -> Points:
    """Douglas-Peucker: drop the points closer than ``tolerance`` to the simplified line."""
    if len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        if b <= a + 1:
            continue
        p, q = points[a], points[b]
        seg = points[a + 1 : b]
        d = q - p
        norm = math.hypot(*d)
        if norm == 0:
            dist = np.hypot(*(seg - p).T)
        else:
            dist = np.abs(d[0] * (seg[:, 1] - p[1]) - d[1] * (seg[:, 0] - p[0])) / norm
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            keep[a + 1 + i] = True
            stack += [(a, a + 1 + i), (a + 1 + i, b)]
    return points[keep]


def numeric_to_alpha3() -> dict[str, str]:
    """ISO numeric code → alpha-3, from country_converter's table."""
    from sim.devtools.make_roster import load_country_data

    out = {}
    for row in load_country_data():
        numeric = row["ISOnumeric"].strip()
        if numeric.isdigit():
            out[f"{int(numeric):03d}"] = row["ISO3"].split("|")[0].strip().strip("^$")
    return out


def rings_of(geometry: dict[str, Any]) -> list[list[int]]:
    if geometry["type"] == "Polygon":
        return list(geometry["arcs"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def extract(topology: dict[str, Any]) -> dict[str, Any]:
    """The outlines every theatre needs, simplified, arcs shared between its countries."""
    arcs = decode_arcs(topology)
    alpha3 = numeric_to_alpha3()
    geometries = topology["objects"]["countries"]["geometries"]
    users: dict[int, list[str]] = {}
    countries: dict[str, list[list[int]]] = {}
    for g in geometries:
        code = alpha3.get(str(g.get("id", "")), "")
        if not code:
            continue
        rings = rings_of(g)
        countries.setdefault(code, []).extend(rings)
        for ring in rings:
            for ref in ring:
                users.setdefault(ref if ref >= 0 else ~ref, []).append(code)
    out: dict[str, Any] = {}
    for key, t in THEATRES.items():
        margin = (t.east - t.west) * 0.15
        box = (t.west - margin, t.south - margin, t.east + margin, t.north + margin)
        tolerance = (t.east - t.west) / WIDTH * 0.5

        def near(ref: int, box: tuple[float, ...] = box) -> bool:
            p = arcs[ref if ref >= 0 else ~ref]
            return bool(
                np.any(
                    (p[:, 0] >= box[0])
                    & (p[:, 0] <= box[2])
                    & (p[:, 1] >= box[1])
                    & (p[:, 1] <= box[3])
                )
            )

        chosen = sorted(
            c for c, rings in countries.items() if any(near(r) for ring in rings for r in ring)
        )
        used = sorted({r if r >= 0 else ~r for c in chosen for ring in countries[c] for r in ring})
        index = {ref: n for n, ref in enumerate(used)}
        lines = []
        for ref in used:
            points = np.round(simplify(arcs[ref], tolerance), 3)
            lines.append({"points": points.tolist(), "between": sorted(set(users[ref]))})

        def renumber(ref: int, index: dict[int, int] = index) -> int:
            return index[ref] if ref >= 0 else ~index[~ref]

        shapes = {c: [[renumber(r) for r in ring] for ring in countries[c]] for c in chosen}
        out[key] = {"arcs": lines, "countries": shapes}
    return out


def write_outlines(world_atlas: Path, path: Path = OUTLINES) -> Path:
    """Cut ``countries-10m.json`` of the world-atlas package down to ``path``."""
    source = world_atlas / "countries-10m.json" if world_atlas.is_dir() else world_atlas
    topology = json.loads(source.read_text(encoding="utf-8"))
    data = {
        "source": "Natural Earth Admin 0 countries 1:10m (public domain) via the world-atlas npm"
        " package 2.0.2 (ISC); simplified for Mandate's theatre maps",
        "theatres": extract(topology),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return path


# Drawing --------------------------------------------------------------------------------------


def load_outlines(path: Path = OUTLINES) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8"))["theatres"])


def ring_points(ring: list[int], arcs: list[Points]) -> Points:
    """A closed ring from its arcs (a negative reference is the arc reversed)."""
    parts = [arcs[r] if r >= 0 else arcs[~r][::-1] for r in ring]
    return np.vstack([parts[0]] + [p[1:] for p in parts[1:]])


def country_path(rings: list[list[int]], arcs: list[Points]) -> Any:
    """A matplotlib compound path of a country's rings (holes by the non-zero rule)."""
    from matplotlib.path import Path as MplPath

    paths = [MplPath(ring_points(ring, arcs), closed=True) for ring in rings]
    return MplPath.make_compound_path(*paths)


def draw(key: str, outlines: dict[str, Any]) -> bytes:
    """One theatre's map as a PNG."""
    from matplotlib.patches import PathPatch

    t = THEATRES[key]
    data = outlines[key]
    arcs = [t.project(np.asarray(a["points"], dtype=float)) for a in data["arcs"]]
    c = Canvas()
    c.ax.add_patch(make_maps._rect(SEA))
    # The host's countries are one patch (Sudan and South Sudan were one country in 2007).
    groups: dict[str, list[list[int]]] = {}
    for code, rings in data["countries"].items():
        groups.setdefault("host" if code in t.host else code, []).extend(rings)
    patches = {}
    for code, rings in groups.items():
        patch = PathPatch(country_path(rings, arcs), facecolor="none", edgecolor="none", zorder=1)
        c.ax.add_patch(patch)
        patches[code] = patch
    coasts = [a for a, info in zip(arcs, data["arcs"], strict=True) if len(info["between"]) == 1]
    for band, alpha in ((40.0, 0.35), (22.0, 0.5), (9.0, 0.7)):
        for line in coasts:
            c.line(line, SHALLOW, band, alpha=alpha, zorder=0.5)
    for code, patch in patches.items():
        host = code == "host"
        c.gradient(
            "#b3ad83" if host else "#8f9a73",
            "#dcd2a4" if host else "#b9b98c",
            clip=patch,
            zorder=2.5 if host else 1,
        )
        if not host:
            shade = PathPatch(
                patch.get_path(), facecolor=NEIGHBOUR_SHADE, alpha=0.3, edgecolor="none", zorder=2
            )
            c.ax.add_patch(shade)
        c.texture(hash_seed(key, code), patch, 2.7)
    for line, info in zip(arcs, data["arcs"], strict=True):
        between = frozenset(info["between"])
        if len(between) == 1:
            c.line(line, COAST, 1.4, zorder=6)
        elif between not in t.hidden_borders:
            width = 2.4 if between & set(t.host) else 1.6
            c.line(line, "#f3ead0", width + 2.2, alpha=0.35, zorder=6)
            c.line(line, BORDER, width, linestyle=(0, (7, 2, 1.5, 2)), zorder=6)
    if t.within is not None:
        w, s, e, n = t.within
        box = t.project(np.array([[w, s], [e, s], [e, n], [w, n], [w, s]], dtype=float))
        c.line(box, "#6b3a2a", 1.6, linestyle=(0, (2, 3)), zorder=6, alpha=0.8)
    c.graticule()
    c.vignette()
    pts = lambda items: [tuple(p) for p in t.project(np.asarray(items, dtype=float))]  # noqa: E731
    if t.camps:
        c.camps(pts(t.camps))
    if t.towns:
        c.towns(pts(t.towns))
    c.capital(pts([t.capital])[0])
    return c.png()


def hash_seed(*parts: str) -> int:
    """A stable seed from names (not Python's salted hash)."""
    import zlib

    return zlib.crc32("/".join(parts).encode())


def control_mask(key: str, outlines: dict[str, Any]) -> bytes:
    """The theatre's control picture (see ``[theatre] control_map``): the host country, or the
    part of it the theatre is, ranked by distance from where the armed groups began (``seeds``),
    so the part they hold grows out from there."""
    t = THEATRES[key]
    data = outlines[key]
    arcs = [t.project(np.asarray(a["points"], dtype=float)) for a in data["arcs"]]
    grid = mask_grid()
    inside = np.zeros(len(grid), dtype=bool)
    for code in t.host:
        inside |= country_path(data["countries"][code], arcs).contains_points(grid)
    if t.within is not None:
        west, south, east, north = t.within
        (x0, y0), (x1, y1) = t.project(np.array([[west, north], [east, south]], dtype=float))
        inside &= (grid[:, 0] >= x0) & (grid[:, 0] <= x1) & (grid[:, 1] >= y0) & (grid[:, 1] <= y1)
    seeds = t.project(np.asarray(t.seeds, dtype=float))
    # A seeded, smooth unevenness, so the front is not a circle around each seed.
    rng = np.random.default_rng(hash_seed("front", key))
    coarse = rng.normal(size=(7, 10))
    fy = np.clip(grid[:, 1] / HEIGHT * 6, 0, 5.999)
    fx = np.clip(grid[:, 0] / WIDTH * 9, 0, 8.999)
    iy, ix = fy.astype(int), fx.astype(int)
    ty, tx = fy - iy, fx - ix
    noise = (
        coarse[iy, ix] * (1 - ty) * (1 - tx)
        + coarse[iy, ix + 1] * (1 - ty) * tx
        + coarse[iy + 1, ix] * ty * (1 - tx)
        + coarse[iy + 1, ix + 1] * ty * tx
    )
    dist = np.min(
        np.hypot(grid[:, None, 0] - seeds[None, :, 0], grid[:, None, 1] - seeds[None, :, 1]), axis=1
    )
    return rank_png(inside, dist * (1 + 0.18 * noise))


def regions_toml(key: str) -> str:
    """The ``[[theatre.regions]]`` entries that label map ``key``."""
    t = THEATRES[key]
    out = []
    for label, at in t.places.items():
        x, y = t.fraction(at)
        kind = 'kind = "camps"\n' if label in t.camp_places else ""
        out.append(f'[[theatre.regions]]\nname = "{label}"\nx = {x:.3f}\ny = {y:.3f}\n{kind}')
    return "".join(out)


def write_maps(folder: Path = OUT, outlines: Path = OUTLINES) -> list[Path]:
    """Draw every historical theatre and its control mask into ``folder``."""
    import matplotlib

    matplotlib.use("Agg")
    data = load_outlines(outlines)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key in THEATRES:
        outputs = {f"{key}.png": draw(key, data), f"{key}-control.png": control_mask(key, data)}
        for name, content in outputs.items():
            path = folder / name
            path.write_bytes(content)
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m sim.devtools.make_theatres",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path, nargs="?", default=OUT, help="folder for the PNGs")
    parser.add_argument(
        "--extract",
        type=Path,
        metavar="WORLD_ATLAS",
        help="world-atlas package folder (or its countries-10m.json)",
    )
    parser.add_argument("--regions", action="store_true", help="print the regions as TOML")
    args = parser.parse_args(argv)
    if args.extract:
        path = write_outlines(args.extract)
        print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.regions:
        for key in THEATRES:
            print(f"# {key}.png\n{regions_toml(key)}")
        return 0
    for path in write_maps(args.out):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
