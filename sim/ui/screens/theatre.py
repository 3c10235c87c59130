"""Theatre: the crisis on the ground — parties, missions and contingents, sanctions, charts.

The left panel reads the world's missions (strength against the authorized ceiling of each kind
of personnel, as a bar; contingents by contributor: deployed, on the way, fatalities,
withdrawing), the sanctions in force with their targets, the host government's consent in words,
and the mandates in force. It is drawn once per change of the world onto a tall surface and
scrolled (mouse wheel, Page Up / Page Down, arrow keys).

When the scenario supplies a map (``[theatre] map`` with ``[[theatre.regions]]``), the right side
shows it with its labelled places and the missions' markers (see :mod:`sim.ui.theatremap`), a
strip with the phase and the government's share of the territory, and four small charts below;
"All figures" (M) switches to the full set of monthly series, as a scenario without a map shows
them: toggle buttons for the series of ``mandate run --json`` (``metrics``) and their charts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from sim.ui import theme
from sim.ui.charts import default_selection, draw_charts, metrics, toggle
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.theatremap import MapLayer, TheatreMap, draw_status_strip, fit, theatre_map
from sim.ui.widgets.theatrepanel import consent_words, draw_theatre_panel

__all__ = ["PANEL_W", "TheatreScreen", "consent_words"]

#: The left panel's width at the design size (logical pixels); wider, with larger type, in a
#: larger window (:attr:`TheatreScreen.grow`).
PANEL_W = 600
SCROLL_STEP = 60
STRIP_H = 30
MIN_CHARTS_H = 140
GAP = 8
#: The map last read and the layers last built from it, so entering the theatre again reads
#: and lays out nothing (the map of a scenario is fixed: a designer's reload is a new one).
_MAPS: list[tuple[object, TheatreMap | None]] = []
_LAYERS: dict[tuple[object, ...], MapLayer] = {}


def scenario_map(path: Path, theatre: object) -> TheatreMap | None:
    """:func:`theatre_map` of this scenario's theatre, read once."""
    for known, found in _MAPS:
        if known is theatre:
            return found
    found = theatre_map(path, theatre)
    _MAPS[:] = [(theatre, found)]
    _LAYERS.clear()
    return found


def map_layer(
    the_map: TheatreMap, text: theme.Text, area: pygame.Rect, scale: float, keep: bool = False
) -> MapLayer:
    """The map laid out in ``area`` (its labels placed), built once per size; composed again
    on each visit (the state may have moved) unless ``keep``."""
    layer = laid_out(the_map, area, scale)
    if layer is None:
        layer = MapLayer.build(the_map, text, area)
        if len(_LAYERS) > 4:
            _LAYERS.clear()
        _LAYERS[(id(the_map), tuple(area), scale)] = layer
    if not keep:
        layer.frame = None
    return layer


def laid_out(the_map: TheatreMap, area: pygame.Rect, scale: float) -> MapLayer | None:
    """The map already laid out in ``area``, if it is."""
    return _LAYERS.get((id(the_map), tuple(area), scale))


def panel_width(W: float, H: float) -> float:
    """The left panel's width (logical pixels) in a window ``W`` x ``H`` logical pixels."""
    return round(PANEL_W * type_factor(room(W, H)))


def map_area(the_map: TheatreMap, W: float, H: float, scale: float) -> pygame.Rect:
    """Where the map may go (window pixels) in a window ``W`` x ``H`` logical pixels: the top of
    the right side, leaving room for the strip and the charts below."""
    right_x = 30 + panel_width(W, H) + 30
    w = W - right_x - 30
    most = H - 80 - 64 - STRIP_H - MIN_CHARTS_H - 2 * GAP
    iw, ih = the_map.image.get_size()
    h = max(60, min(most, w * ih / iw))
    x, y, w, h = (round(v * scale) for v in (right_x, 64, w, h))
    return pygame.Rect(x, y, w, h)


def prepare_steps(screen: Screen) -> list[Callable[[], None]]:
    """The theatre's costliest parts, made ahead in steps of a few milliseconds each on frames
    of another screen (the chamber's, after its own build): the report module the charts read,
    the scenario's map read from its files, laid out at this window's size, and the armed
    groups' ground at the current share. Entering the theatre then composes the map at once."""
    app, game = screen.app, screen.app.game
    assert game is not None
    scale = screen.scale

    def read() -> None:
        import sim.analysis.report  # noqa: F401 - imported here once, not on the entering frame

        scenario_map(game.scenario_path, game.scenario.theatre)

    def lay_out() -> None:
        the_map = scenario_map(game.scenario_path, game.scenario.theatre)
        if the_map is not None:
            area = map_area(the_map, screen.W, screen.H, scale)
            map_layer(the_map, app.text, area, scale, keep=True)

    def hold() -> None:
        the_map = scenario_map(game.scenario_path, game.scenario.theatre)
        if the_map is not None:
            area = map_area(the_map, screen.W, screen.H, scale)
            map_layer(the_map, app.text, area, scale, keep=True).held(
                game.world.theatre.government_control
            )

    return [read, lay_out, hold]


class TheatreScreen(Screen):
    """The conflict theatre."""

    name = "theatre"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.series = metrics(self.game.world, self.game.seed)
        self.selected = default_selection(self.series)
        self.chart_top = 64.0
        self.scroll = 0
        self.panel: pygame.Surface | None = None
        self.panel_key: tuple[object, ...] = ()
        # The map is read here, once, never while drawing a frame.
        self.map: TheatreMap | None = scenario_map(
            self.game.scenario_path, self.game.scenario.theatre
        )
        self.show_map = self.map is not None
        self.layer: MapLayer | None = None

    @property
    def grow(self) -> float:
        """How much larger the left panel and its type are in this window
        (:func:`sim.ui.room.type_factor`)."""
        return type_factor(room(self.W, self.H))

    @property
    def panel_w(self) -> float:
        """The left panel's width (logical pixels)."""
        return panel_width(self.W, self.H)

    @property
    def right_x(self) -> float:
        """Where the map, the strip and the charts begin (logical pixels)."""
        return 30 + self.panel_w + 30

    def build(self) -> None:
        self.button(
            self.r(self.W - 170, self.H - 60, 140, 44), "Back", self.back, tip="Esc", default=True
        )
        self.button(
            self.r(self.W - 420, self.H - 60, 230, 44),
            "Who decides on the ground",
            self.deciders,
            key=pygame.K_w,
            tip="Why each troop contributor pledges or not, and how regional organizations decide",
        )
        if self.map is not None:
            self.button(
                self.r(self.W - 190, 16, 160, 38),
                "All figures" if self.show_map else "Map",
                self.switch,
                key=pygame.K_m,
                tip="Switch between the map and all the monthly figures",
            )
        self.button(
            self.r(self.W - 610, self.H - 60, 170, 44),
            "Peace talks",
            self.peace_talks,
            key=pygame.K_p,
            tip="The envoy, the parties' answers and the zone of possible agreement",
        )
        self.layer = None
        if self.map is not None and self.show_map:
            # The map is laid out, its territory made and the whole composed on the next frames
            # (each a few ms at 1920x1080), so opening the theatre is never one long frame; the
            # chamber usually made the first two ahead (:func:`prepare_steps`).
            self.chart_top = self.strip_area().bottom / self.scale + GAP
            if laid_out(self.map, self.map_area(), self.scale) is None:
                self.later(self._lay_out_map)
                self.later(self._hold)
            else:
                self._lay_out_map()
                assert self.layer is not None
                if not self.layer.holds(self.game.world.theatre.government_control):
                    self.later(self._hold)  # the front moved since: a frame of its own
            self.later(self._compose_map)
        else:
            self.chart_top = (
                self.metric_buttons(
                    self.series,
                    self.selected,
                    self.pick,
                    self.right_x,
                    64,
                    self.W - self.right_x - 30,
                    3,
                    per_frame=5,  # a switch to the figures is then never one long frame
                )
                + 10
            )
        self.panel = None

    def _lay_out_map(self) -> None:
        assert self.map is not None
        self.layer = map_layer(self.map, self.app.text, self.map_area(), self.scale)

    def _hold(self) -> None:
        if self.layer is not None:
            self.layer.held(self.game.world.theatre.government_control)

    def _compose_map(self) -> None:
        if self.layer is not None:
            self.layer.surface(self.game.world, self.app.text, self._key())

    def _key(self) -> tuple[object, ...]:
        """What the panel and the map show changes only when this does."""
        world = self.game.world
        return (len(world.events), world.month, len(self.game.session.engine.log))

    def peace_talks(self) -> None:
        self.go("peace")

    def deciders(self) -> None:
        self.go("deciders")

    def switch(self) -> None:
        self.show_map = not self.show_map
        self.refresh()

    def pick(self, name: str) -> None:
        self.selected = toggle(self.selected, name)
        self.restyle_toggles(self.selected)  # the charts read the choice as they draw

    def map_area(self) -> pygame.Rect:
        """Where the map may go (window pixels): see :func:`map_area`."""
        assert self.map is not None
        return map_area(self.map, self.W, self.H, self.scale)

    def strip_area(self) -> pygame.Rect:
        """The phase and control strip under the map."""
        assert self.map is not None
        rect = self.layer.rect if self.layer else fit(self.map.image.get_size(), self.map_area())
        top = rect.bottom / self.scale
        return self.r(self.right_x, top + GAP, self.W - self.right_x - 30, STRIP_H)

    def charts_area(self) -> pygame.Rect:
        return self.r(
            self.right_x, self.chart_top, self.W - self.right_x - 30, self.H - 80 - self.chart_top
        )

    def busy_rects(self) -> list[pygame.Rect]:
        busy = [self.panel_area(), self.charts_area()]
        if self.layer is not None:
            busy += [self.layer.rect, self.strip_area()]
        return busy

    def toast_area(self) -> pygame.Rect:
        """The bottom row is full (the panel and the buttons): messages go in the top band right
        of the title and the date, left of the top-right button, above the map."""
        return self.r(self.right_x, 8, self.W - self.right_x - 30 - 160 - 20, 50)

    def panel_area(self) -> pygame.Rect:
        return self.r(30, 64, self.panel_w, self.H - 80)

    def on_key(self, event: pygame.event.Event) -> bool:
        steps = {
            pygame.K_PAGEDOWN: 5,
            pygame.K_PAGEUP: -5,
            pygame.K_DOWN: 1,
            pygame.K_UP: -1,
            pygame.K_HOME: -1000,
            pygame.K_END: 1000,
        }
        if event.key in steps:
            self.scroll_by(steps[event.key])
            return True
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.panel_area().collidepoint(
            pygame.mouse.get_pos()
        ):
            self.scroll_by(-event.y)
            return True
        return super().handle(event)

    def scroll_by(self, steps: int) -> None:
        height = self.panel.get_height() if self.panel is not None else 0
        limit = max(0, height - self.panel_area().height)
        self.scroll = max(0, min(limit, self.scroll + steps * self.s(SCROLL_STEP)))

    def help(self) -> list[tuple[str, str]]:
        return super().help() + [("Page Up/Down, wheel", "Scroll the missions and sanctions")]

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        title = f"Theatre: {world.theatre.name}"
        when = self.game.calendar()
        surface.blit(text.render(title, 24, theme.TEXT, True), (s(30), s(18)))
        if when:
            stamp = text.render(when, 16, theme.MUTED)
            surface.blit(stamp, (s(30 + self.panel_w) - stamp.get_width(), s(26)))
        key = self._key()
        if self.panel is None or key != self.panel_key:
            grow = self.grow
            self.panel = draw_theatre_panel(
                self.game, zoomed(text, grow), s(self.panel_w), self.scale * grow
            )
            self.panel_key = key
        area = self.panel_area()
        surface.blit(self.panel, area.topleft, pygame.Rect(0, self.scroll, area.w, area.h))
        if self.panel.get_height() > area.height:
            self._scrollbar(surface, area)
        shown = {n: self.series[n] for n in self.selected}
        if self.map is not None and self.show_map:
            if self.layer is not None and (self.layer.frame is not None or not self.pending):
                surface.blit(self.layer.surface(world, text, key), self.layer.rect)
            draw_status_strip(surface, world, text, self.strip_area())
            area = self.charts_area()
            columns = 4 if area.width >= self.s(4 * 130) else 2
            draw_charts(surface, text, shown, area, columns=max(1, min(columns, len(shown))))
        else:
            draw_charts(surface, text, shown, self.charts_area(), columns=2)

    def _scrollbar(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        assert self.panel is not None
        total = self.panel.get_height()
        track = pygame.Rect(area.right + self.s(6), area.y, self.s(6), area.height)
        pygame.draw.rect(surface, theme.PANEL, track, border_radius=3)
        h = max(self.s(20), track.height * area.height // total)
        y = track.y + (track.height - h) * self.scroll // max(1, total - area.height)
        pygame.draw.rect(surface, theme.MUTED, (track.x, y, track.w, h), border_radius=3)
        if self.scroll < total - area.height:
            more = self.app.text.render("more below — scroll or Page Down", 12, theme.MUTED)
            surface.blit(more, more.get_rect(bottomright=(area.right, area.bottom + self.s(14))))
