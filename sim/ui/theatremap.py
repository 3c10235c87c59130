"""The theatre map: the scenario's image with its labelled regions, and what lies on top of it.

A scenario may name a PNG or JPEG (``[theatre] map``, relative to its folder, checked by the
loader) and labelled places on it (``[[theatre.regions]]``, at fractions of the image's width and
height). The image is read once per file (and again only when the file changes) and kept; the
screen scales it once per window size, aspect kept, with the labels drawn in (light text on a dark
halo, so they read on any ground). Nothing here runs per frame: the overlays (the missions'
markers, in a box put where it hides the fewest labels) are composed again only when the world
changes.

On the map itself (:mod:`sim.ui.mapstate`): the part of the country the armed groups hold,
hatched, at the share the model reports; each deployed mission as a marker sized by its
personnel; the displaced as discs at the scenario's camps.

Every marker pairs its colour with a shape and a word: a UN mission is a blue circle marked
"UN", a hybrid mission a bluish-green diamond marked "Hybrid", a regional force an orange square
marked "Regional".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame

from sim.model.words import breached
from sim.model.world import PERSONNEL, Mission, World
from sim.scenario.paths import UnsafePath, resolve_inside
from sim.ui import mapstate, theme
from sim.ui.words import intensity_word, namer

HALO = (10, 14, 20)
BOX = (14, 19, 26, 215)

MISSION_STYLE = {
    "un": ("UN", (86, 180, 233), "circle"),
    "hybrid": ("Hybrid", (0, 158, 115), "diamond"),
    "regional": ("Regional", (230, 159, 0), "square"),
    "national": ("National", (204, 121, 167), "square"),
}

_IMAGES: dict[tuple[str, int, int], pygame.Surface] = {}


@dataclass
class TheatreMap:
    """A scenario's map image, its labelled places (name, x, y as fractions), its control
    picture (who holds what, see :mod:`sim.ui.mapstate`) and where the displaced gather."""

    path: Path
    image: pygame.Surface
    regions: list[tuple[str, float, float]]
    control: mapstate.Mask | None = None
    camps: list[tuple[float, float]] = field(default_factory=list)
    _scaled: dict[tuple[int, int], pygame.Surface] = field(default_factory=dict)

    def scaled(self, size: tuple[int, int]) -> pygame.Surface:
        """The image at ``size`` pixels (smoothly scaled once per size)."""
        surface = self._scaled.get(size)
        if surface is None:
            surface = pygame.transform.smoothscale(self.image, size)
            self._scaled = {size: surface}
        return surface


def map_file(scenario_path: Path, reference: str | None) -> Path | None:
    """The map file a scenario names, or None (no map, or one that is missing or unsafe)."""
    if not reference:
        return None
    try:
        return resolve_inside(reference, scenario_path.parent, "map")
    except (UnsafePath, OSError):
        return None


def load_image(path: Path) -> pygame.Surface | None:
    """The picture at ``path``, read once per file version (None if it cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    image = _IMAGES.get(key)
    if image is None:
        try:
            image = pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError):
            return None
        if pygame.display.get_surface() is not None:
            image = image.convert()
        for old in [k for k in _IMAGES if k[0] == key[0]]:
            del _IMAGES[old]
        _IMAGES[key] = image
    return image


def theatre_map(scenario_path: Path, theatre: object) -> TheatreMap | None:
    """The map of a scenario's ``[theatre]`` table, or None when it has none (or it is broken)."""
    path = map_file(scenario_path, getattr(theatre, "map", None))
    if path is None:
        return None
    image = load_image(path)
    if image is None or image.get_width() < 2 or image.get_height() < 2:
        return None
    regions = [(r.name, float(r.x), float(r.y)) for r in getattr(theatre, "regions", [])]
    camps = [
        (float(r.x), float(r.y))
        for r in getattr(theatre, "regions", [])
        if getattr(r, "kind", "place") == "camps"
    ]
    control = mapstate.load_control(map_file(scenario_path, getattr(theatre, "control_map", None)))
    return TheatreMap(path, image, regions, control, camps)


def fit(size: tuple[int, int], area: pygame.Rect) -> pygame.Rect:
    """The largest rectangle of ``size``'s aspect inside ``area``, centred in it."""
    w, h = size
    k = min(area.width / w, area.height / h)
    rect = pygame.Rect(0, 0, max(1, int(w * k)), max(1, int(h * k)))
    rect.center = area.center
    return rect


def halo_text(text: theme.Text, words: str, size: int, bold: bool = True) -> pygame.Surface:
    """Light text on a dark halo, readable on any part of a map."""
    face = text.render(words, size, theme.TEXT, bold)
    dark = text.render(words, size, HALO, bold)
    r = max(1, round(2 * text.scale))
    out = pygame.Surface((face.get_width() + 2 * r, face.get_height() + 2 * r), pygame.SRCALPHA)
    for dx in range(-r, r + 1):
        for dy in range(-r, r + 1):
            if (dx or dy) and dx * dx + dy * dy <= r * r + 1:
                out.blit(dark, (r + dx, r + dy))
    out.blit(face, (r, r))
    return out


#: Where a label may go around its place, tried in order (as multiples of the label's half
#: width and half height plus a gap): centred on it, then above, below, right, left, the
#: corners; FURTHER is the same again further out.
AROUND = [(0, 0), (0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1)]
FURTHER = [(2 * dx, 2 * dy) for dx, dy in AROUND[1:]]


def free_spot(
    size: tuple[int, int],
    anchor: tuple[int, int],
    bounds: pygame.Rect,
    taken: list[pygame.Rect],
    gap: int,
    around: list[tuple[int, int]] = AROUND,
) -> pygame.Rect | None:
    """The first place ``around`` ``anchor`` (see :data:`AROUND`) where a box of ``size`` fits
    inside ``bounds`` without touching any of ``taken``; None when there is none."""
    w, h = size
    for dx, dy in around:
        box = pygame.Rect(0, 0, w, h)
        box.center = (
            anchor[0] + dx * (w // 2 + gap) if dx else anchor[0],
            anchor[1] + dy * (h // 2 + gap) if dy else anchor[1],
        )
        box.clamp_ip(bounds)
        if box.collidelist(taken) < 0:
            return box
    return None


#: The widest count of displaced people the camps' label keeps room for.
WIDEST_COUNT = "999k displaced"


def camps_label(text: theme.Text, name: str, points: int) -> pygame.Surface:
    """The first camps' name with an empty line under it for the number of displaced people."""
    face = halo_text(text, name, points)
    room = halo_text(text, WIDEST_COUNT, 12)
    out = pygame.Surface(
        (max(face.get_width(), room.get_width()), face.get_height() + room.get_height()),
        pygame.SRCALPHA,
    )
    out.blit(face, face.get_rect(midtop=(out.get_width() // 2, 0)))
    return out


def label_rects(
    theatre_map: TheatreMap, text: theme.Text, rect: pygame.Rect, size: int = 13
) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
    """Each region's label and where it goes (window pixels), never over another label: centred
    on its place when that is free, else the first free place around it (see :func:`free_spot`),
    else in a smaller type, then further out; a label with no room at all goes into a list of
    further places in the map's quietest corner (its rectangle is that list's). The first camps'
    label keeps a line under its name for the number of displaced people (see
    :func:`camps_label`)."""
    out: list[tuple[str, pygame.Surface, pygame.Rect]] = []
    taken: list[pygame.Rect] = []
    left: list[str] = []
    gap = max(1, round(3 * text.scale))
    camps = first_camps(theatre_map)
    # The camps' labels (the first one the larger, with its count) find their places first.
    first = sorted(
        theatre_map.regions, key=lambda r: (r[0] != camps, r[1:] not in theatre_map.camps)
    )
    for name, x, y in first:
        anchor = (rect.x + round(x * rect.width), rect.y + round(y * rect.height))
        # Near the place first, in a smaller type if need be, and only then further out.
        for around, points in ((AROUND, size), (AROUND, size - 2), (FURTHER, size - 2)):
            if name == camps:
                surf = camps_label(text, name, points)
            else:
                surf = halo_text(text, name, points)
            box = free_spot(surf.get_size(), anchor, rect, taken, gap, around)
            if box is not None:
                out.append((name, surf, box))
                taken.append(box)
                break
        else:
            left.append(name)
    if left:
        legend = halo_text(text, legend_name(left), size - 2, bold=False)
        margin = round(8 * text.scale)
        box = quietest_place(rect, legend.get_size(), taken, margin)
        out.append((legend_name(left), legend, box))
    order = [name for name, _, _ in theatre_map.regions]
    out.sort(key=lambda placed: order.index(placed[0]) if placed[0] in order else len(order))
    return out


def first_camps(theatre_map: TheatreMap) -> str | None:
    """The name of the first place where the displaced gather (its label carries their number)."""
    for name, x, y in theatre_map.regions:
        if (x, y) in theatre_map.camps:
            return name
    return None


def legend_name(names: list[str]) -> str:
    """The name of the list of places that found no room on the map."""
    return "Also: " + ", ".join(names)


def draw_shape(
    surface: pygame.Surface,
    shape: str,
    colour: tuple[int, int, int],
    center: tuple[int, int],
    size: int,
) -> None:
    """A mission's marker shape, with a dark outline."""
    cx, cy = center
    r = size // 2
    edge = max(1, size // 9)
    if shape == "circle":
        pygame.draw.circle(surface, colour, center, r)
        pygame.draw.circle(surface, HALO, center, r, edge)
    elif shape == "diamond":
        pts = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, HALO, pts, edge)
    else:
        box = pygame.Rect(0, 0, size - 2, size - 2)
        box.center = center
        pygame.draw.rect(surface, colour, box)
        pygame.draw.rect(surface, HALO, box, edge)


def mission_line(world: World, mission: Mission) -> str:
    """``1,467 of 10,800 personnel · 'Protection of civilians in Kalvaria'`` (deployed of the
    authorized, then the mission's name: the figures first, as a long name is shortened). Troops
    and police counted together are "personnel", so that the figure does not read as the
    theatre panel's troops alone ("Troops 726 of 10,000"); one kind is named as itself."""
    kinds = [k for k in PERSONNEL if mission.ceilings.get(k, 0) or mission.strength(k)]
    deployed = sum(mission.strength(kind) for kind in kinds)
    ceiling = sum(mission.ceilings.get(kind, 0) for kind in kinds)
    line = f"{deployed:,}"
    if ceiling:
        line += f" of {ceiling:,}"
    line += f" {kinds[0] if len(kinds) == 1 else 'personnel'}"
    if mission.withdrawing:
        line += ", leaving"
    return f"{line} · {namer(world).mission(mission.id)}"


def missions_box(world: World, text: theme.Text, max_width: int) -> pygame.Surface:
    """The missions' markers on a dark box: shape, kind in a word, id and strength."""
    s = text.scale
    pad, gap, marker = round(8 * s), round(6 * s), round(16 * s)
    rows: list[tuple[str, tuple[int, int, int], str, str]] = []
    for mission in world.active_missions():
        word, colour, shape = MISSION_STYLE.get(
            mission.kind, (mission.kind, theme.NEUTRAL, "square")
        )
        rows.append((shape, colour, word, mission_line(world, mission)))
    title = text.render("Missions: deployed of authorized", 13, theme.MUTED, True)
    if not rows:
        lines = [text.render("No mission is deployed.", 13, theme.TEXT)]
        width = max(title.get_width(), lines[0].get_width()) + 2 * pad
        height = title.get_height() + lines[0].get_height() + 2 * pad
        box = pygame.Surface((min(width, max_width), height), pygame.SRCALPHA)
        box.fill(BOX)
        box.blit(title, (pad, pad))
        box.blit(lines[0], (pad, pad + title.get_height()))
        return box
    line_h = max(marker, text.font(13).get_height()) + round(3 * s)
    tag_w = max(text.font(13, True).size(r[2])[0] for r in rows)
    inner = max_width - 2 * pad - marker - tag_w - 2 * gap
    bodies = [text.render(text.fit(r[3], 13, inner), 13, theme.TEXT) for r in rows]
    width = marker + tag_w + 2 * gap + max(b.get_width() for b in bodies)
    width = min(max(width, title.get_width()) + 2 * pad, max_width)
    height = title.get_height() + len(rows) * line_h + 2 * pad
    box = pygame.Surface((width, height), pygame.SRCALPHA)
    box.fill(BOX)
    box.blit(title, (pad, pad))
    y = pad + title.get_height()
    for (shape, colour, word, _), body in zip(rows, bodies, strict=True):
        mid = y + line_h // 2
        draw_shape(box, shape, colour, (pad + marker // 2, mid), marker)
        tag = text.render(word, 13, colour, True)
        box.blit(tag, (pad + marker + gap, mid - tag.get_height() // 2))
        box.blit(body, (pad + marker + tag_w + 2 * gap, mid - body.get_height() // 2))
        y += line_h
    return box


def quietest_place(
    rect: pygame.Rect, size: tuple[int, int], busy: list[pygame.Rect], margin: int
) -> pygame.Rect:
    """Where a box of ``size`` hides the least of the labels ``busy``, along the top or bottom
    edge of ``rect`` (the corners first, top right before the others)."""
    inner = rect.inflate(-2 * margin, -2 * margin)
    w, h = size
    xs = [inner.right - w, inner.left] + [
        round(inner.left + (inner.width - w) * k / 8) for k in range(7, 0, -1)
    ]
    candidates = [pygame.Rect(x, y, w, h) for y in (inner.top, inner.bottom - h) for x in xs]
    corners = candidates[:2] + candidates[9:11]
    ordered = corners + [c for c in candidates if c not in corners]

    def hidden(box: pygame.Rect) -> int:
        return sum(box.clip(b).width * box.clip(b).height for b in busy)

    return min(ordered, key=hidden)


@dataclass
class MapLayer:
    """The map at one size with its labels; the state (territory, missions, the displaced) and
    the missions' box composed on top when the world changes."""

    rect: pygame.Rect
    base: pygame.Surface
    labels: list[tuple[str, pygame.Rect]]
    key: tuple[object, ...] = ()
    frame: pygame.Surface | None = None
    missions_rect: pygame.Rect | None = None
    theatre_map: TheatreMap | None = None
    label_surfaces: list[tuple[pygame.Surface, pygame.Rect]] = field(default_factory=list)
    #: The control picture at its own size, and the hatching at the map's size.
    control: mapstate.Mask | None = None
    hatch: pygame.Surface | None = None
    #: Where the state was drawn (window pixels): the missions' markers and the displaced.
    markers: list[tuple[str, pygame.Rect]] = field(default_factory=list)
    #: Where the number of displaced people is written (window pixels): the lower line of the
    #: first camps' label, kept free for it when the labels were placed.
    displaced_slot: pygame.Rect | None = None
    #: The territory layer last made (:meth:`held`) and the government's share it shows.
    _held: tuple[float, pygame.Surface] | None = None

    @classmethod
    def build(cls, theatre_map: TheatreMap, text: theme.Text, area: pygame.Rect) -> MapLayer:
        rect = fit(theatre_map.image.get_size(), area)
        base = theatre_map.scaled(rect.size).copy()
        placed = label_rects(theatre_map, text, rect)
        boxes = {name: box for name, _, box in placed}
        dot = max(2, round(3 * text.scale))
        for name, x, y in theatre_map.regions:
            at = (round(x * rect.width), round(y * rect.height))
            box = boxes.get(name)
            if box is not None and not box.collidepoint(at[0] + rect.x, at[1] + rect.y):
                # The place, its label moved aside, and a thin line from one to the other.
                local = box.move(-rect.x, -rect.y)
                end = (
                    min(max(at[0], local.left), local.right - 1),
                    min(max(at[1], local.top), local.bottom - 1),
                )
                pygame.draw.line(base, HALO, at, end, max(1, round(text.scale)))
                pygame.draw.circle(base, HALO, at, dot + 1)
                pygame.draw.circle(base, theme.TEXT, at, dot)
        hatch = None
        if theatre_map.control is not None:
            hatch = mapstate.hatching(rect.size, text.scale)
        camps, slot = first_camps(theatre_map), None
        if camps in boxes:
            line = halo_text(text, WIDEST_COUNT, 12).get_height()
            box = boxes[camps]
            slot = pygame.Rect(box.x, box.bottom - line, box.width, line)
        return cls(
            rect,
            base,
            [(name, box) for name, _, box in placed],
            displaced_slot=slot,
            theatre_map=theatre_map,
            label_surfaces=[(surf, box.move(-rect.x, -rect.y)) for _, surf, box in placed],
            control=theatre_map.control,
            hatch=hatch,
        )

    def held(self, government_control: float) -> pygame.Surface | None:
        """The armed groups' ground at this share for the government (see
        :func:`mapstate.territory`), made again only when the share moves (None: no control
        picture). It can be made ahead, on a frame of its own, before the map is composed."""
        if self.control is None or self.hatch is None:
            return None
        if self._held is None or self._held[0] != government_control:
            layer = mapstate.territory(self.control, government_control, self.hatch)
            self._held = (government_control, layer)
        return self._held[1]

    def surface(self, world: World, text: theme.Text, key: tuple[object, ...]) -> pygame.Surface:
        """The map with the state and the missions' box, composed again only when ``key``
        changes."""
        if self.frame is None or key != self.key:
            frame = self.base.copy()
            self.markers = draw_state(frame, self, world, text)
            for surf, box in self.label_surfaces:
                frame.blit(surf, box)
            pygame.draw.rect(frame, theme.PANEL_EDGE, frame.get_rect(), 1)
            margin = round(8 * text.scale)
            box = missions_box(world, text, int(self.rect.width * 0.62))
            busy = [b.move(-self.rect.x, -self.rect.y) for _, b in self.labels]
            where = quietest_place(frame.get_rect(), box.get_size(), busy, margin)
            frame.blit(box, where)
            self.missions_rect = where.move(self.rect.x, self.rect.y)
            self.frame, self.key = frame, key
        return self.frame


def draw_state(
    frame: pygame.Surface, layer: MapLayer, world: World, text: theme.Text
) -> list[tuple[str, pygame.Rect]]:
    """Territory held, the missions' markers and the displaced on ``frame`` (the map at the
    layer's size); returns what was drawn where (window pixels), for tests and hit-testing."""
    s = text.scale
    drawn: list[tuple[str, pygame.Rect]] = []
    theatre = world.theatre
    centre = (frame.get_width() // 2, frame.get_height() // 2)
    held = layer.held(theatre.government_control)
    if layer.control is not None and held is not None:
        control = layer.control
        frame.blit(held, (0, 0))
        point = mapstate.government_point(control, theatre.government_control)
        if point is not None:
            ch, cw = control.shape
            centre = (point[0] * frame.get_width() // cw, point[1] * frame.get_height() // ch)
    camps = layer.theatre_map.camps if layer.theatre_map is not None else []
    if camps and theatre.displaced > 0:
        share = theatre.displaced / len(camps)
        r = mapstate.displaced_radius(share, s)
        for fx, fy in camps:
            at = (round(fx * frame.get_width()), round(fy * frame.get_height()))
            disc = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
            pygame.draw.circle(disc, (*mapstate.DISPLACED, 90), (r + 1, r + 1), r)
            pygame.draw.circle(
                disc, (*mapstate.DISPLACED, 230), (r + 1, r + 1), r, max(1, round(1.5 * s))
            )
            frame.blit(disc, (at[0] - r - 1, at[1] - r - 1))
            drawn.append(("displaced", pygame.Rect(at[0] - r, at[1] - r, 2 * r, 2 * r)))
        words = f"{mapstate.short_number(theatre.displaced)} displaced"
        tag = halo_text(text, words, 12)
        fx, fy = camps[0]
        at = (round(fx * frame.get_width()), round(fy * frame.get_height()))
        if layer.displaced_slot is not None:  # under the camps' name, kept free for it
            slot = layer.displaced_slot.move(-layer.rect.x, -layer.rect.y)
            place = tag.get_rect(midtop=slot.midtop)
        else:
            place = tag.get_rect(midtop=(at[0], at[1] + r + round(2 * s)))
            place.clamp_ip(frame.get_rect())
        frame.blit(tag, place)
    missions = mapstate.deployed(world)
    sizes = [mapstate.marker_size(n, s) for _, n in missions]
    gap = round(6 * s)
    if sizes:  # the row of markers (and their numbers) on no label, near the centre if it can
        row = (sum(sizes) + gap * (len(sizes) - 1), max(sizes) + round(16 * s))
        labels = [box.move(-layer.rect.x, -layer.rect.y) for _, box in layer.labels]
        mid = (centre[0], centre[1] - max(sizes) // 2 + row[1] // 2)
        room = free_spot(row, mid, frame.get_rect(), labels, gap, AROUND + FURTHER)
        if room is not None:
            centre = (room.centerx, room.y + max(sizes) // 2)
    x = centre[0] - (sum(sizes) + gap * (len(sizes) - 1)) // 2
    for (kind, personnel), size in zip(missions, sizes, strict=True):
        _, colour, shape = MISSION_STYLE.get(kind, (kind, theme.NEUTRAL, "square"))
        at = (x + size // 2, centre[1])
        draw_shape(frame, shape, colour, at, size)
        number = halo_text(text, mapstate.short_number(personnel), 11)
        frame.blit(number, number.get_rect(midtop=(at[0], at[1] + size // 2 + 1)))
        drawn.append((kind, pygame.Rect(at[0] - size // 2, at[1] - size // 2, size, size)))
        x += size + gap
    return [(what, box.move(layer.rect.x, layer.rect.y)) for what, box in drawn]


PHASE_STYLE = {
    "war": ("AT WAR", theme.NO),
    "ceasefire": ("CEASEFIRE", theme.ABSTAIN),
    "peace": ("AT PEACE", theme.GOOD),
}


def draw_phase_icon(
    surface: pygame.Surface, phase: str, center: tuple[int, int], size: int
) -> None:
    """War: a warning triangle with a bar; ceasefire: a pause sign; peace: a disc with a tick."""
    _, colour = PHASE_STYLE.get(phase, ("", theme.NEUTRAL))
    cx, cy = center
    r = size // 2
    w = max(2, size // 7)
    if phase == "war":
        pygame.draw.polygon(
            surface, colour, [(cx, cy - r), (cx + r, cy + r - 1), (cx - r, cy + r - 1)]
        )
        pygame.draw.line(surface, HALO, (cx, cy - r // 3), (cx, cy + r // 3), w)
    elif phase == "ceasefire":
        pygame.draw.rect(
            surface, colour, (cx - r, cy - r, size, size), border_radius=max(1, r // 3)
        )
        pygame.draw.line(surface, HALO, (cx - r // 3, cy - r // 2), (cx - r // 3, cy + r // 2), w)
        pygame.draw.line(surface, HALO, (cx + r // 3, cy - r // 2), (cx + r // 3, cy + r // 2), w)
    else:
        pygame.draw.circle(surface, colour, center, r)
        pts = [(cx - r * 0.5, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.55, cy - r * 0.4)]
        pygame.draw.lines(surface, HALO, False, pts, w)


def draw_status_strip(
    surface: pygame.Surface, world: World, text: theme.Text, area: pygame.Rect
) -> None:
    """Under the map: the phase (icon and word) and the government's share of the territory as a
    bar (solid for the government, hatched for the armed groups), both with words."""
    s = text.scale
    theatre = world.theatre
    word, colour = PHASE_STYLE.get(theatre.phase, (theatre.phase.upper(), theme.NEUTRAL))
    icon = round(18 * s)
    cy = area.centery
    draw_phase_icon(surface, theatre.phase, (area.x + icon // 2, cy), icon)
    label = text.render(word, 15, colour, True)
    x = area.x + icon + round(6 * s)
    surface.blit(label, (x, cy - label.get_height() // 2))
    x += label.get_width() + round(6 * s)
    often = "often breached · " if breached(theatre.phase, theatre.intensity) else ""
    detail = text.render(f"{often}fighting {intensity_word(theatre.intensity)}", 13, theme.MUTED)
    surface.blit(detail, (x, cy - detail.get_height() // 2))
    x += detail.get_width() + round(18 * s)
    share = max(0.0, min(1.0, theatre.government_control))
    words = text.render(f"Government holds {share:.0%} of the territory", 13, theme.TEXT)
    bar_w = area.right - x - words.get_width() - round(10 * s)
    if bar_w < round(60 * s):
        words = text.render(f"Government: {share:.0%} of territory", 13, theme.TEXT)
        bar_w = max(round(40 * s), area.right - x - words.get_width() - round(10 * s))
    surface.blit(words, (x, cy - words.get_height() // 2))
    bar = pygame.Rect(
        x + words.get_width() + round(10 * s), cy - round(7 * s), bar_w, round(14 * s)
    )
    held = round(bar.width * share)
    pygame.draw.rect(surface, theme.YES, (bar.x, bar.y, held, bar.height))
    step = max(3, round(5 * s))
    rest = pygame.Rect(bar.x + held, bar.y, bar.width - held, bar.height)
    if rest.width > 0:
        clip = surface.get_clip()
        surface.set_clip(rest.clip(clip))
        for dx in range(-bar.height, rest.width, step):
            pygame.draw.line(
                surface,
                theme.NO,
                (rest.x + dx, rest.bottom - 1),
                (rest.x + dx + rest.height, rest.y),
                1,
            )
        surface.set_clip(clip)
    pygame.draw.rect(surface, theme.PANEL_EDGE, bar, 1)
