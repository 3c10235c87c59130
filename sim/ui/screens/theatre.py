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

import pygame

from sim.model.world import PERSONNEL, Mission, World
from sim.ui import theme
from sim.ui.charts import default_selection, draw_charts, metrics, toggle
from sim.ui.game import Game
from sim.ui.screens.base import Host, Screen
from sim.ui.theatremap import MapLayer, TheatreMap, draw_status_strip, theatre_map

KIND_WORDS = {"un": "UN mission", "regional": "regional force", "hybrid": "hybrid mission"}
PANEL_W = 600
SCROLL_STEP = 60
RIGHT_X = 30 + PANEL_W + 30
STRIP_H = 30
MIN_CHARTS_H = 140
GAP = 8


#: The host's grievance as a share of what it tolerates, in words.
GRIEVANCE_WORDS = ((0.05, "none"), (0.4, "low"), (0.75, "rising"))


def consent_words(game: Game) -> tuple[str, tuple[int, int, int]]:
    """The host government's consent as a sentence (and its colour): how close its grievance
    against the missions is to what it tolerates, in words; whether it withdrew consent or
    never gave it (Libya, 2011)."""
    view = game.view
    if view.host_consent:
        grievance, tolerance = view.host_grievance(), view.consent_tolerance()
        share = grievance / tolerance if tolerance > 0 else 0.0
        word = next((w for limit, w in GRIEVANCE_WORDS if share < limit), "close to its limit")
        return f"The host government consents to the missions; its grievance: {word}.", theme.GOOD
    if any(v > 0 for v in game.world.metrics.get("host_consent", [])):
        return "The host government has WITHDRAWN its consent: missions must leave.", theme.NO
    never = "The government has never consented to a foreign presence: no mission can deploy."
    return never, theme.NO


def phase_words(phase: str) -> str:
    """The theatre's phase in words."""
    return {"war": "at war", "ceasefire": "under a ceasefire", "peace": "at peace"}.get(
        phase, phase
    )


class Panel:
    """Draws lines and bars top to bottom on a tall surface."""

    def __init__(self, text: theme.Text, width: int, scale: float) -> None:
        self.text = text
        self.width = width
        self.scale = scale
        self.surface = pygame.Surface((width, round(6000 * scale)), pygame.SRCALPHA)
        self.y = 0

    def s(self, v: float) -> int:
        return round(v * self.scale)

    def heading(self, words: str) -> None:
        self.y += self.s(8)
        surf = self.text.render(words, 17, theme.TEXT, True)
        self.surface.blit(surf, (0, self.y))
        self.y += surf.get_height() + self.s(4)

    def line(
        self,
        words: str,
        size: int = 14,
        colour: tuple[int, int, int] = theme.TEXT,
        bold: bool = False,
        indent: int = 0,
        lines: int = 3,
    ) -> None:
        x = self.s(indent)
        for part in self.text.wrap(words, size, self.width - x, bold)[:lines]:
            surf = self.text.render(part, size, colour, bold)
            self.surface.blit(surf, (x, self.y))
            self.y += surf.get_height()

    def bar(self, label: str, value: int, ceiling: int, coming: int, colour: str) -> None:
        """``Troops ███████░░░ 6,565 of 10,000 (+1,200 on the way)``."""
        text, s = self.text, self.s
        label_w = s(86)
        self.surface.blit(text.render(label, 14, theme.TEXT), (s(12), self.y))
        x, w, h = s(12) + label_w, s(220), s(14)
        top = self.y + s(4)
        pygame.draw.rect(self.surface, theme.PANEL_EDGE, (x, top, w, h), 1)
        if ceiling > 0:
            filled = round(w * min(1.0, value / ceiling))
            pipe = round(w * min(1.0, (value + coming) / ceiling)) - filled
            pygame.draw.rect(self.surface, pygame.Color(colour), (x, top, filled, h))
            if pipe > 0:
                # On the way: hatched, so it reads without colour too.
                for dx in range(0, pipe, s(5)):
                    pygame.draw.line(
                        self.surface, pygame.Color(colour), (x + filled + dx, top + h - 1),
                        (x + filled + min(pipe, dx + h), top), 1,
                    )  # fmt: skip
            share = f"{value / ceiling:.0%}"
        else:
            share = "no ceiling"
        figures = f"{value:,} of {ceiling:,} ({share})"
        if coming:
            figures += f", +{coming:,} on the way"
        self.surface.blit(text.render(figures, 13, theme.MUTED), (x + w + s(8), self.y + s(1)))
        self.y += s(22)

    def done(self) -> pygame.Surface:
        return self.surface.subsurface((0, 0, self.width, max(1, self.y + self.s(10)))).copy()


def mission_title(world: World, mission: Mission) -> str:
    """``kalvaria-1 — UN mission, Chapter VII, months 2–13``."""
    kind = KIND_WORDS.get(mission.kind, mission.kind)
    if mission.kind != "un" and mission.authority in world.organizations:
        kind += f" of the {world.organizations[mission.authority].name}"
    state = ", withdrawing" if mission.withdrawing else ""
    until = f"–{mission.expires_month}" if mission.expires_month < 10_000 else " on"
    months = f"months {mission.start_month}{until}"
    return f"{mission.id} — {kind}, Chapter {mission.chapter}, {months}{state}"


def draw_missions(panel: Panel, world: World) -> None:
    missions = world.active_missions()
    panel.heading(f"Missions ({len(missions)})")
    if not missions:
        panel.line("No mission is in the theatre.", 14, theme.MUTED)
    for mission in missions:
        panel.line(mission_title(world, mission), 14, theme.TEXT, True)
        if mission.tasks:
            tasks = ", ".join(t.replace("_", " ") for t in mission.tasks)
            panel.line(f"Tasks: {tasks}", 13, theme.MUTED, indent=12, lines=2)
        for n, kind in enumerate(PERSONNEL):
            ceiling = mission.ceilings.get(kind, 0)
            value, coming = mission.strength(kind), mission.pipeline(kind)
            if ceiling or value or coming:
                panel.bar(kind.capitalize(), value, ceiling, coming, theme.SERIES[n])
        contingents = sorted(mission.contingents, key=lambda c: (c.contributor, c.kind))
        contingents = [c for c in contingents if c.deployed or c.arriving or c.fatalities]
        if contingents:
            panel.line("Contingents: deployed · on the way · fatalities", 13, theme.MUTED,
                       indent=12)  # fmt: skip
        for c in contingents:
            name = (
                world.states.name(c.contributor)
                if c.contributor in world.states.index
                else (c.contributor)
            )
            coming = sum(size for _, size in c.arriving)
            first = min((month for month, _ in c.arriving), default=0)
            when = f" (from month {first})" if coming else ""
            state = " — WITHDRAWING" if c.withdrawing else ""
            panel.line(
                f"{name} ({c.contributor}), {c.kind}: {c.deployed:,} · {coming:,}{when} ·"
                f" {c.fatalities:,} killed{state}",
                13, theme.NO if c.withdrawing else theme.TEXT, indent=24, lines=2,
            )  # fmt: skip
        panel.y += panel.s(6)


def draw_sanctions(panel: Panel, world: World) -> None:
    live = [e for e in world.sanctions if not e.ended]
    panel.heading(f"Sanctions in force ({len(live)})")
    if not live:
        panel.line("None.", 14, theme.MUTED)
    by_target: dict[str, list[str]] = {}
    for e in live:
        measure = e.kind.replace("_", " ")
        loss = sum(e.losses) / len(e.losses) if e.losses else 0.0
        conceded = ", the target conceded" if e.conceded else ""
        by_target.setdefault(e.target, []).append(
            f"{measure} since month {e.start_month} until {e.end_month} (means cut by"
            f" {loss:.0%} on average{conceded})"
        )
    for target, measures in by_target.items():
        try:
            party = world.theatre.party(target)
            name = party.name
            patrons = f"; patrons {', '.join(party.patrons)}" if party.patrons else ""
        except StopIteration:
            name, patrons = target, ""
        panel.line(f"On {name} ({target}){patrons}:", 14, theme.TEXT, True)
        for m in measures:
            panel.line("• " + m, 13, theme.TEXT, indent=12, lines=2)


def draw_theatre_panel(game: Game, text: theme.Text, width: int, scale: float) -> pygame.Surface:
    """Everything on the left of the theatre screen, as one tall surface."""
    world = game.world
    theatre = world.theatre
    panel = Panel(text, width, scale)
    panel.line(
        f"The theatre is {phase_words(theatre.phase)}; fighting intensity"
        f" {theatre.intensity:.2f} (0 calm, 1 all-out war).",
        14,
    )
    consent, colour = consent_words(game)
    panel.line(consent, 14, colour, True)
    panel.heading("Parties")
    for party in theatre.parties:
        means = theatre.resources.get(party.id, party.strength)
        patrons = f"; patrons {', '.join(party.patrons)}" if party.patrons else ""
        panel.line(
            f"{party.name} ({party.kind.replace('_', ' ')}): means to fight {means:.2f} of"
            f" {party.strength:.2f}{patrons}",
            13, indent=12, lines=2,
        )  # fmt: skip
    draw_missions(panel, world)
    draw_sanctions(panel, world)
    panel.heading("Mandates in force")
    in_force = world.resolutions_in_force()
    if not in_force:
        panel.line("None.", 14, theme.MUTED)
    for res in in_force:
        panel.line(f"{res.draft} until month {res.expires_month}", 14, theme.TEXT, True)
        panel.line(res.clauses.describe(), 13, theme.MUTED, indent=12, lines=4)
    return panel.done()


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
        self.map: TheatreMap | None = theatre_map(self.game.scenario_path,
                                                  self.game.scenario.theatre)  # fmt: skip
        self.show_map = self.map is not None
        self.layer: MapLayer | None = None

    def build(self) -> None:
        self.button(self.r(self.W - 170, self.H - 60, 140, 44), "Back", self.back, tip="Esc",
                    default=True)  # fmt: skip
        self.button(
            self.r(self.W - 420, self.H - 60, 230, 44), "Who decides on the ground",
            self.deciders, key=pygame.K_w,
            tip="Why each troop contributor pledges or not, and how regional organizations decide",
        )  # fmt: skip
        if self.map is not None:
            self.button(
                self.r(self.W - 190, 16, 160, 38),
                "All figures" if self.show_map else "Map", self.switch, key=pygame.K_m,
                tip="Switch between the map and all the monthly figures",
            )  # fmt: skip
        self.button(
            self.r(self.W - 610, self.H - 60, 170, 44), "Peace talks", self.peace_talks,
            key=pygame.K_p,
            tip="The envoy, the parties' answers and the zone of possible agreement",
        )  # fmt: skip
        self.layer = None
        if self.map is not None and self.show_map:
            self.layer = MapLayer.build(self.map, self.app.text, self.map_area())
            self.chart_top = self.strip_area().bottom / self.scale + GAP
        else:
            self.chart_top = (
                self.metric_buttons(
                    self.series, self.selected, self.pick, RIGHT_X, 64, self.W - RIGHT_X - 30, 3
                )
                + 10
            )
        self.panel = None

    def peace_talks(self) -> None:
        self.go("peace")

    def deciders(self) -> None:
        self.go("deciders")

    def switch(self) -> None:
        self.show_map = not self.show_map
        self.refresh()

    def pick(self, name: str) -> None:
        self.selected = toggle(self.selected, name)
        self.refresh()

    def map_area(self) -> pygame.Rect:
        """Where the map may go (window pixels): the top of the right side, leaving room for the
        strip and the charts below."""
        w = self.W - RIGHT_X - 30
        room = self.H - 80 - 64 - STRIP_H - MIN_CHARTS_H - 2 * GAP
        assert self.map is not None
        iw, ih = self.map.image.get_size()
        return self.r(RIGHT_X, 64, w, max(60, min(room, w * ih / iw)))

    def strip_area(self) -> pygame.Rect:
        """The phase and control strip under the map."""
        top = (self.layer.rect.bottom if self.layer else self.map_area().bottom) / self.scale
        return self.r(RIGHT_X, top + GAP, self.W - RIGHT_X - 30, STRIP_H)

    def charts_area(self) -> pygame.Rect:
        return self.r(RIGHT_X, self.chart_top, self.W - RIGHT_X - 30, self.H - 80 - self.chart_top)

    def busy_rects(self) -> list[pygame.Rect]:
        busy = [self.panel_area(), self.charts_area()]
        if self.layer is not None:
            busy += [self.layer.rect, self.strip_area()]
        return busy

    def panel_area(self) -> pygame.Rect:
        return self.r(30, 64, PANEL_W, self.H - 80)

    def on_key(self, event: pygame.event.Event) -> bool:
        steps = {
            pygame.K_PAGEDOWN: 5, pygame.K_PAGEUP: -5, pygame.K_DOWN: 1, pygame.K_UP: -1,
            pygame.K_HOME: -1000, pygame.K_END: 1000,
        }  # fmt: skip
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
            surface.blit(stamp, (s(30 + PANEL_W) - stamp.get_width(), s(26)))
        key = (len(world.events), world.month, len(self.game.session.engine.log))
        if self.panel is None or key != self.panel_key:
            self.panel = draw_theatre_panel(self.game, text, s(PANEL_W), self.scale)
            self.panel_key = key
        area = self.panel_area()
        surface.blit(self.panel, area.topleft, pygame.Rect(0, self.scroll, area.w, area.h))
        if self.panel.get_height() > area.height:
            self._scrollbar(surface, area)
        shown = {n: self.series[n] for n in self.selected}
        if self.layer is not None:
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
