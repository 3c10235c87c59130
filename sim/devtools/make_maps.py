"""Draw the theatre maps of the fictional scenarios (a script, run by hand when a map changes).

    python -m sim.devtools.make_maps [OUTDIR]      (default: scenarios/maps)

Writes ``kalvaria.png`` (the tutorial) and ``tarsis.png`` (The Sahel Bridge): stylized maps,
1200×800, drawn with matplotlib (Agg) from the hand-placed outlines below: land and sea, the host
country brighter than its neighbours, borders, rivers, relief and towns. Beside each, a control
picture (``kalvaria-control.png``, 600×400, see ``[theatre] control_map``) ranks the country's
places from the far north down past the front line drawn here, so the screen hatches the part
the armed group holds at the share the model reports (:mod:`sim.ui.mapstate`). There is no
text on the images: the names come from each scenario's ``[[theatre.regions]]``, whose x/y
(fractions of the width and height) follow the places drawn here (``PLACES``; ``--regions``
prints them as TOML).

The output is deterministic: the wobble of coastlines and borders comes from a seeded generator,
and the picture is reduced to a fixed palette of at most 128 colours (small files) by Pillow,
which matplotlib already depends on. Running the script twice gives identical bytes.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sim.bundled import scenario_file

OUT = scenario_file("maps")
WIDTH, HEIGHT = 1200, 800
COLOURS = 128

Points = npt.NDArray[np.float64]
Pt = tuple[float, float]

# Palette: muted, so labels (light text on a dark halo) and the screen's markers stand out.
SEA = "#21425b"
SHALLOW = "#3f6f8c"
COAST = "#1b3344"
NEIGHBOUR_SHADE = "#1d2630"
BORDER = "#2a2f35"
RIVER = "#3f86b8"
LAKE = "#4d8fbd"
RELIEF = "#6b5a41"
TOWN = "#f4efe2"
ROAD = "#8a7b5c"

#: Named places of each map, in image pixels (x right, y down), for the regions of the scenario.
PLACES: dict[str, dict[str, Pt]] = {
    "kalvaria": {
        "Northern Highlands (NLF)": (600, 190),
        "Aurel (capital)": (535, 596),
        "Pelagia": (140, 330),
        "Tavora": (1085, 380),
        "Port Vell": (770, 638),
        "Camps for the displaced": (395, 492),
        "Gulf of Aurel": (560, 762),
        "River Senn": (705, 420),
    },
    "tarsis": {
        "Northern desert (Northern Front)": (370, 155),
        "Doumane (capital)": (335, 500),
        "River towns": (800, 330),
        "Fort Amrar (garrison)": (640, 268),
        "Benaro": (95, 430),
        "Zandora": (1110, 330),
        "Ourana": (400, 30),
        "Kelbara (border camps)": (740, 760),
    },
}


def rough(points: Sequence[Pt] | Points, seed: int, depth: int = 4, amp: float = 0.1) -> Points:
    """A polyline through ``points`` made irregular by seeded midpoint displacement."""
    rng = np.random.default_rng(seed)
    line = np.asarray(points, dtype=float)
    for level in range(depth):
        out = [line[0]]
        for a, b in zip(line[:-1], line[1:], strict=True):
            d = b - a
            normal = np.array([-d[1], d[0]])
            offset = rng.uniform(-1.0, 1.0) * amp / (1.0 + 0.35 * level)
            out.append((a + b) / 2 + normal * offset)
            out.append(b)
        line = np.asarray(out)
    return line


def smooth(points: Sequence[Pt] | Points, samples: int = 24) -> Points:
    """A Catmull-Rom curve through ``points`` (for rivers and roads)."""
    p = np.asarray(points, dtype=float)
    p = np.vstack([p[0], p, p[-1]])
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[:, None]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(
            0.5
            * (
                2 * p1
                + (p2 - p0) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                + (3 * p1 - p0 - 3 * p2 + p3) * t**3
            )
        )
    out.append(p[-2][None, :])
    return np.vstack(out)


def join(*parts: Points) -> Points:
    """Polylines end to end (each starts where the previous ended)."""
    return np.vstack([parts[0]] + [part[1:] for part in parts[1:]])


def rev(line: Points) -> Points:
    return line[::-1]


class Canvas:
    """A 1200×800 matplotlib figure in image pixels, y pointing down."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
        self.agg = FigureCanvasAgg(self.fig)
        ax = self.fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(0, WIDTH)
        ax.set_ylim(HEIGHT, 0)
        ax.set_axis_off()
        self.ax = ax

    def fill(self, poly: Points, colour: str, **kw: Any) -> Any:
        from matplotlib.patches import Polygon

        patch = Polygon(poly, closed=True, facecolor=colour, edgecolor="none", **kw)
        self.ax.add_patch(patch)
        return patch

    def line(self, pts: Points, colour: str, width: float, **kw: Any) -> Any:
        kw.setdefault("solid_capstyle", "round")
        kw.setdefault("solid_joinstyle", "round")
        (artist,) = self.ax.plot(pts[:, 0], pts[:, 1], color=colour, linewidth=width, **kw)
        return artist

    def gradient(self, top: str, bottom: str, clip: Any = None, zorder: float = 1.0) -> None:
        """A vertical colour gradient over the whole picture (optionally clipped to a patch)."""
        from matplotlib.colors import to_rgb

        t = np.linspace(0.0, 1.0, 64)[:, None, None]
        a, b = np.array(to_rgb(top)), np.array(to_rgb(bottom))
        image = np.repeat(a * (1 - t) + b * t, 4, axis=1)
        artist = self.ax.imshow(
            image,
            extent=(0, WIDTH, HEIGHT, 0),
            interpolation="bilinear",
            aspect="auto",
            zorder=zorder,
        )
        if clip is not None:
            artist.set_clip_path(clip)

    def texture(self, seed: int, clip: Any, zorder: float) -> None:
        """Soft light and shade (a seeded noise field, coarse and fine) over ``clip``."""
        rng = np.random.default_rng(seed)
        for shape, alpha in (((9, 13), 0.16), ((36, 54), 0.07)):
            field = rng.normal(size=shape)
            artist = self.ax.imshow(
                field,
                extent=(0, WIDTH, HEIGHT, 0),
                cmap="gray",
                interpolation="bicubic",
                vmin=-2.5,
                vmax=2.5,
                alpha=alpha,
                aspect="auto",
                zorder=zorder,
            )
            artist.set_clip_path(clip)

    def vignette(self) -> None:
        """Edges a little darker, so the map sits in the screen's dark frame."""
        y, x = np.mgrid[-1.0:1.0:80j, -1.0:1.0:120j]
        r = np.clip(np.hypot(x * 0.9, y * 0.9) - 0.55, 0.0, None) / 0.72
        image = np.zeros((80, 120, 4))
        image[..., 3] = np.clip(r, 0.0, 1.0) ** 1.6 * 0.45
        self.ax.imshow(
            image, extent=(0, WIDTH, HEIGHT, 0), interpolation="bilinear", aspect="auto", zorder=7.5
        )

    def relief(self, region: Points, seed: int, count: int, size: float, colour: str) -> None:
        """Small chevrons (hills and mountains) scattered inside ``region``."""
        from matplotlib.path import Path as MplPath

        rng = np.random.default_rng(seed)
        shape = MplPath(region)
        xmin, ymin = region.min(axis=0)
        xmax, ymax = region.max(axis=0)
        placed: list[Points] = []
        for _ in range(count * 20):
            if len(placed) >= count:
                break
            p = np.array([rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)])
            if not shape.contains_point((p[0], p[1])) or any(
                np.hypot(*(p - q)) < size * 1.6 for q in placed
            ):
                continue
            placed.append(p)
            s = size * rng.uniform(0.7, 1.2)
            chevron = np.array(
                [[p[0] - s, p[1] + s * 0.5], [p[0], p[1] - s * 0.5], [p[0] + s, p[1] + s * 0.5]]
            )
            self.line(chevron, colour, 1.8, alpha=0.75, zorder=4)

    def dunes(self, region: Points, seed: int, count: int, colour: str) -> None:
        """Short arcs (sand dunes) scattered inside ``region``."""
        from matplotlib.path import Path as MplPath

        rng = np.random.default_rng(seed)
        shape = MplPath(region)
        xmin, ymin = region.min(axis=0)
        xmax, ymax = region.max(axis=0)
        u = np.linspace(-1.0, 1.0, 9)
        for _ in range(count):
            p = np.array([rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)])
            if not shape.contains_point((p[0], p[1])):
                continue
            w = rng.uniform(14, 26)
            arc = np.column_stack([p[0] + u * w, p[1] + (u**2 - 1) * w * 0.25])
            self.line(arc, colour, 1.4, alpha=0.6, zorder=4)

    def towns(self, places: Sequence[Pt], size: float = 7.0) -> None:
        xs, ys = zip(*places, strict=True)
        self.ax.scatter(xs, ys, s=size**2, c=TOWN, edgecolors="#2b2b2b", linewidths=1.3, zorder=8)

    def capital(self, at: Pt) -> None:
        self.ax.scatter(
            [at[0]],
            [at[1]],
            s=420,
            marker="*",
            c="#2b2b2b",
            edgecolors=TOWN,
            linewidths=1.6,
            zorder=9,
        )

    def fort(self, at: Pt) -> None:
        self.ax.scatter(
            [at[0]],
            [at[1]],
            s=120,
            marker="s",
            c="#2b2b2b",
            edgecolors=TOWN,
            linewidths=1.6,
            zorder=9,
        )

    def camps(self, at: Sequence[Pt]) -> None:
        xs, ys = zip(*at, strict=True)
        self.ax.scatter(
            xs, ys, s=70, marker="^", c=TOWN, edgecolors="#3a2a1a", linewidths=1.1, zorder=8
        )

    def graticule(self) -> None:
        for x in range(150, WIDTH, 150):
            self.ax.axvline(x, color="#ffffff", linewidth=0.6, alpha=0.07, zorder=7)
        for y in range(160, HEIGHT, 160):
            self.ax.axhline(y, color="#ffffff", linewidth=0.6, alpha=0.07, zorder=7)

    #: (country outline, front line) in image pixels: what :func:`control_png` ranks.
    control: tuple[Points, Points] | None = None

    def png(self) -> bytes:
        """The picture as a PNG of a fixed palette (deterministic, small)."""
        from PIL import Image

        self.agg.draw()
        rgba = np.asarray(self.agg.buffer_rgba())
        image = Image.fromarray(rgba[:, :, :3].copy(), "RGB")
        quantized = image.quantize(
            colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        out = io.BytesIO()
        quantized.save(out, format="PNG", optimize=True)
        return out.getvalue()


def kalvaria() -> Canvas:
    """Kalvaria: a coastal country between Pelagia (west) and Tavora (east); the NLF holds the
    northern highlands; the capital, Aurel, lies where the Senn meets the gulf."""
    c = Canvas()
    coast_w = rough([(-20, 598), (150, 612), (300, 640)], 11)
    coast_k = rough(
        [
            (300, 640),
            (390, 652),
            (450, 692),
            (520, 716),
            (590, 702),
            (650, 668),
            (730, 690),
            (820, 662),
            (905, 652),
        ],
        12,
        amp=0.08,
    )
    coast_e = rough([(905, 652), (1030, 672), (1220, 628)], 13)
    west = rough(
        [
            (300, 640),
            (330, 575),
            (362, 520),
            (335, 455),
            (318, 395),
            (265, 330),
            (248, 262),
            (290, 190),
            (330, 95),
        ],
        21,
        amp=0.12,
    )
    north_w = rough([(330, 95), (395, 80), (450, 52), (530, 66), (600, 70)], 22, amp=0.12)
    north_e = rough([(600, 70), (668, 100), (740, 98), (800, 70), (880, 85)], 23, amp=0.12)
    east = rough(
        [
            (880, 85),
            (905, 150),
            (858, 232),
            (880, 300),
            (935, 360),
            (955, 430),
            (922, 520),
            (940, 590),
            (905, 652),
        ],
        24,
        amp=0.12,
    )
    meet = rough([(600, 70), (612, -20)], 25)
    coast = join(coast_w, coast_k, coast_e)
    land = np.vstack([[[-20, -20], [1220, -20]], rev(coast)])
    country = join(coast_k, rev(east), rev(north_e), rev(north_w), rev(west))

    c.ax.add_patch(_rect(SEA))
    for band, alpha in ((40.0, 0.35), (22.0, 0.5), (9.0, 0.7)):
        c.line(coast, SHALLOW, band, alpha=alpha, zorder=1)
    land_patch = c.fill(land, "none", zorder=1)
    c.gradient("#8f9a73", "#b9b98c", clip=land_patch)
    c.fill(land, NEIGHBOUR_SHADE, alpha=0.3, zorder=2)
    country_patch = c.fill(country, "none", zorder=2)
    c.gradient("#b3ad83", "#dcd2a4", clip=country_patch, zorder=2.5)
    c.texture(91, land_patch, 2.7)
    c.fill(
        smooth(
            rough(
                [(1075, 235), (1120, 222), (1150, 248), (1128, 282), (1084, 276), (1075, 235)],
                26,
                depth=2,
            ),
            8,
        ),
        LAKE,
        zorder=5,
    )
    highlands = np.array([[340, 110], [860, 100], [840, 290], [330, 290]], dtype=float)
    c.relief(highlands, 31, 34, 13, RELIEF)
    c.relief(
        np.array([[40, 120], [250, 90], [270, 300], [60, 330]], dtype=float), 32, 12, 11, RELIEF
    )
    c.control = (
        country,
        rough([(250, 305), (420, 335), (560, 292), (700, 325), (950, 300)], 41, amp=0.06),
    )
    senn = smooth(
        rough(
            [(775, 125), (720, 225), (650, 315), (600, 425), (560, 525), (540, 620), (524, 712)],
            51,
            depth=2,
            amp=0.05,
        )
    )
    c.line(senn, RIVER, 3.4, zorder=5)
    c.line(smooth([(380, 300), (450, 380), (520, 440), (588, 462)]), RIVER, 2.0, zorder=5)
    c.line(smooth([(1000, 150), (1050, 330), (1022, 500), (1045, 675)]), RIVER, 2.4, zorder=5)
    c.line(smooth([(180, 200), (150, 420), (206, 628)]), RIVER, 2.0, zorder=5)
    c.line(
        smooth([(545, 628), (640, 470), (690, 320), (760, 180)]),
        ROAD,
        1.6,
        linestyle=(0, (4, 3)),
        zorder=5,
    )
    c.line(
        smooth([(545, 628), (660, 650), (770, 662), (905, 640), (1010, 600)]),
        ROAD,
        1.6,
        linestyle=(0, (4, 3)),
        zorder=5,
    )
    borders: list[tuple[Points, float]] = [(west, 2.0), (north_w, 2.0), (north_e, 2.0), (east, 2.0)]
    for line, width in borders + [(meet, 1.6)]:
        c.line(line, "#f3ead0", width + 2.2, alpha=0.35, zorder=6)
        c.line(line, BORDER, width, linestyle=(0, (7, 2, 1.5, 2)), zorder=6)
    c.line(coast, COAST, 1.4, zorder=6)
    c.graticule()
    c.vignette()
    c.camps([(385, 522), (405, 536), (380, 548), (402, 556)])
    c.towns([(770, 664), (640, 318), (470, 384), (1040, 440), (160, 560)])
    c.capital((537, 628))
    return c


def tarsis() -> Canvas:
    """Tarsis: a landlocked Sahel country; the Northern Front holds the desert north, the river
    arcs through its towns, the capital Doumane lies upstream; Kelbara's camps are south."""
    c = Canvas()
    north = rough([(180, 110), (420, 62), (700, 118), (1000, 90)], 61, amp=0.03)
    east = rough([(1000, 90), (960, 300), (1080, 420), (1040, 560)], 62)
    south = rough([(1040, 560), (850, 660), (600, 742), (300, 690)], 63)
    west = rough([(300, 690), (230, 520), (140, 330), (180, 110)], 64)
    country = join(north, east, south, west)
    outer = [
        rough([(180, 110), (-20, 50)], 65, amp=0.02),
        rough([(1000, 90), (1130, -20)], 66, amp=0.02),
        rough([(1040, 560), (1220, 690)], 67),
        rough([(300, 690), (170, 820)], 68),
    ]
    everything = np.array([[-20, -20], [1220, -20], [1220, 820], [-20, 820]], dtype=float)
    land = c.fill(everything, "none", zorder=1)
    c.gradient("#d8c395", "#9fae74", clip=land)
    c.fill(everything, NEIGHBOUR_SHADE, alpha=0.32, zorder=2)
    country_patch = c.fill(country, "none", zorder=2)
    c.gradient("#e4cf9d", "#b7bf82", clip=country_patch, zorder=2.5)
    c.texture(92, land, 2.7)
    c.dunes(np.array([[0, 0], [1200, 0], [1200, 240], [0, 260]], dtype=float), 71, 170, "#9c7f52")
    c.relief(
        np.array([[860, 120], [990, 120], [960, 260], [870, 250]], dtype=float), 72, 8, 11, RELIEF
    )
    for seed, (x, y) in enumerate([(395, 405), (440, 392), (470, 372), (425, 370)]):
        rng = np.random.default_rng(80 + seed)
        a = np.linspace(0, 2 * np.pi, 14, endpoint=False)
        r = rng.uniform(9, 16, size=a.size)
        blob = np.column_stack([x + r * 1.8 * np.cos(a), y + r * np.sin(a)])
        c.fill(blob, LAKE, alpha=0.55, zorder=4)
    c.control = (
        country,
        rough([(100, 250), (330, 268), (520, 236), (760, 262), (1100, 230)], 73, amp=0.05),
    )
    river = smooth(
        rough(
            [
                (-20, 610),
                (130, 565),
                (260, 505),
                (380, 430),
                (480, 362),
                (580, 312),
                (660, 300),
                (740, 330),
                (820, 400),
                (900, 482),
                (980, 580),
                (1080, 680),
                (1220, 770),
            ],
            74,
            depth=2,
            amp=0.04,
        )
    )
    c.line(river, "#2d6f9e", 6.5, zorder=5, alpha=0.45)
    c.line(river, RIVER, 3.6, zorder=5)
    for wadi in (
        [(300, 120), (360, 200), (420, 300), (455, 375)],
        [(820, 140), (790, 230), (735, 318)],
    ):
        c.line(smooth(wadi), RIVER, 1.4, linestyle=(0, (3, 3)), alpha=0.8, zorder=5)
    c.line(smooth([(335, 470), (470, 400), (640, 300)]), ROAD, 1.6, linestyle=(0, (4, 3)), zorder=5)
    c.line(smooth([(335, 470), (200, 520), (40, 560)]), ROAD, 1.6, linestyle=(0, (4, 3)), zorder=5)
    c.line(
        smooth([(335, 470), (520, 600), (740, 700), (760, 780)]),
        ROAD,
        1.6,
        linestyle=(0, (4, 3)),
        zorder=5,
    )
    for line in (north, east, south, west, *outer):
        c.line(line, "#f3ead0", 4.2, alpha=0.35, zorder=6)
        c.line(line, BORDER, 2.0, linestyle=(0, (7, 2, 1.5, 2)), zorder=6)
    c.graticule()
    c.vignette()
    c.camps([(700, 722), (722, 736), (745, 726), (766, 740), (690, 742)])
    c.towns([(545, 330), (790, 372), (880, 462), (120, 560), (1120, 420), (480, 90)])
    c.fort((640, 298))
    c.capital((335, 470))
    return c


def _rect(colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle(
        (-20, -20), WIDTH + 40, HEIGHT + 40, facecolor=colour, edgecolor="none", zorder=0
    )


MAPS: dict[str, Callable[[], Canvas]] = {"kalvaria": kalvaria, "tarsis": tarsis}
MASK_SIZE = (600, 400)


def mask_grid() -> Points:
    """The centres of the control picture's pixels, in map image pixels."""
    w, h = MASK_SIZE
    ys, xs = np.mgrid[0:h, 0:w]
    return np.column_stack([(xs.ravel() + 0.5) * WIDTH / w, (ys.ravel() + 0.5) * HEIGHT / h])


def rank_png(inside: npt.NDArray[np.bool_], score: Points) -> bytes:
    """The control picture (see ``[theatre] control_map``): 0 outside; inside, 255 for the
    lowest ``score`` down to 1 for the highest, evenly by area, so the armed groups' share of
    the area held is the share of the territory the model reports."""
    from PIL import Image

    order = np.argsort(score[inside], kind="stable")
    rank = np.empty(len(order))
    rank[order] = np.arange(len(order)) / max(1, len(order) - 1)
    values = np.zeros(len(inside), dtype=np.uint8)
    values[inside] = (255 - np.round(rank * 254)).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(values.reshape(MASK_SIZE[1], MASK_SIZE[0]), "L").save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


def control_png(country: Points, front: Points) -> bytes:
    """A fictional map's control picture: the places north of the drawn front line first."""
    from matplotlib.path import Path as MplPath

    grid = mask_grid()
    inside = MplPath(country).contains_points(grid)
    xs = np.argsort(front[:, 0])
    front_y = np.interp(grid[:, 0], front[xs, 0], front[xs, 1])
    return rank_png(inside, grid[:, 1] - front_y)


def regions_toml(name: str) -> str:
    """The ``[[theatre.regions]]`` entries that label map ``name``."""
    out = []
    for label, (x, y) in PLACES[name].items():
        out.append(
            f'[[theatre.regions]]\nname = "{label}"\nx = {x / WIDTH:.3f}\ny = {y / HEIGHT:.3f}\n'
        )
    return "".join(out)


def write_maps(folder: Path = OUT) -> list[Path]:
    """Draw every map into ``folder``; returns the files written."""
    import matplotlib

    matplotlib.use("Agg")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in MAPS.items():
        canvas = draw()
        path = folder / f"{name}.png"
        path.write_bytes(canvas.png())
        written.append(path)
        if canvas.control is not None:
            path = folder / f"{name}-control.png"
            path.write_bytes(control_png(*canvas.control))
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m sim.devtools.make_maps",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path, nargs="?", default=OUT, help="folder for the PNGs")
    parser.add_argument("--regions", action="store_true", help="print the regions as TOML")
    args = parser.parse_args(argv)
    if args.regions:
        for name in MAPS:
            print(f"# {name}.png\n{regions_toml(name)}")
        return 0
    for path in write_maps(args.out):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
