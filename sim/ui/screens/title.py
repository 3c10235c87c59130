"""Title screen: the bundled scenarios and the player's own, new game, continue, load, settings,
quit; over the world map, with the Council's horseshoe beside the title (:mod:`titleart`)."""

from __future__ import annotations

import html
from pathlib import Path

import pygame

from sim.model.savefiles import newest_line_file
from sim.model.saves import SaveError
from sim.scenario.loader import ScenarioError
from sim.ui import memory, theme
from sim.ui.game import AUTOSAVE, Game, ScenarioInfo, find_scenarios, find_scenarios_file
from sim.ui.screens.base import Host, Screen
from sim.ui.settings import saves_dir
from sim.ui.widgets import titleart


def load_game(app: Host, path: Path) -> None:
    """Resume a save (shared by Continue and the load screen)."""
    try:
        game = Game.load(path)
    except (SaveError, ScenarioError, OSError) as exc:
        app.notify(f"Cannot load {path.name}: {str(exc).splitlines()[0]}")
        return
    app.start(game)
    memory.settle_game()
    app.notify(f"Resumed: month {game.world.month}, {game.session.turn.phase}")


class TitleScreen(Screen):
    """The first screen."""

    name = "title"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.scenarios: list[ScenarioInfo] = find_scenarios()
        self.chosen = 0
        self.top = 0
        #: The chosen scenario's new game, made on an idle frame of the title (:meth:`prepare`).
        self.prepared: tuple[Path, Game] | None = None
        if app.scenario is not None:
            given = app.scenario.resolve()
            found = [i for i, s in enumerate(self.scenarios) if s.path.resolve() == given]
            if found:
                self.chosen = found[0]
            else:
                self.scenarios.insert(0, find_scenarios_file(given))

    def build(self) -> None:
        memory.settle()  # start-up is done: keep what it made out of the collector's walks
        self.later(memory.release_game)  # after a game: its leftovers, once the title is up
        self.later(self.prepare)
        self.label(self.r(60, 36, 700, 64), "MANDATE", "#title")
        self.label(
            self.r(62, 100, 760, 28),
            "Steer a crisis through the UN Security Council: draft, negotiate, vote, live with it.",
        )
        count = len(self.scenarios)
        rows = self.visible_rows()
        self.keep_visible()
        heading = f"Scenarios ({count})" if count > 1 else "Scenarios"
        if count > rows:
            heading = f"Scenarios — {self.top + 1} to {self.top + rows} of {count}"
        self.label(self.r(60, 150, 600, 32), heading, "#heading")
        y = 190
        for i in range(self.top, min(count, self.top + rows)):
            info = self.scenarios[i]
            extra = f" — {info.difficulty}, about {info.minutes} min" if info.minutes else ""
            text = f"{info.title}{extra}" if not info.problem else f"{info.title} (broken)"
            text += " · yours" if info.own else ""
            n = i - self.top
            self.button(
                self.r(60, y, 680, 44),
                text,
                lambda i=i: self.choose(i),
                key=pygame.K_1 + n if n < 9 else None,
                tip="Choose this scenario (Up/Down arrows move the choice)",
                object_id="#toggle_on" if i == self.chosen else None,
                enabled=not info.problem,
            )
            y += 52
        if count > rows:
            self.button(
                self.r(748, 190, 56, 44),
                "Up",
                lambda: self.scroll_by(-1),
                enabled=self.top > 0,
                tip="Earlier scenarios (Page Up, mouse wheel)",
                focusable=False,
            )
            below = count - self.top - rows
            self.button(
                self.r(748, 190 + 52 * (rows - 1), 56, 44),
                "Down",
                lambda: self.scroll_by(1),
                enabled=below > 0,
                focusable=False,
                tip=f"{max(0, below)} more scenario(s) below (Page Down, mouse wheel)",
            )
        info = self.scenarios[self.chosen] if self.scenarios else None
        if info is not None:
            body = html.escape(info.problem or info.summary or "")
            if info.own:
                body += f"<br><br><i>Yours, from {html.escape(str(info.path))}</i>"
            self.textbox(
                self.r(60, y + 10, 680, max(60, self.H - y - 30)),
                f"<b>{html.escape(info.title)}</b><br>{body}",
            )
        x, w = 820, 380
        autosave = newest_line_file(saves_dir() / AUTOSAVE)  # a branch played on: its own file
        has_saves = saves_dir().exists() and any(saves_dir().glob("*.json"))
        self.button(
            self.r(x, 190, w, 50),
            "New game",
            self.new_game,
            key=pygame.K_n,
            tip="Start the chosen scenario (Enter)",
            object_id="#primary",
            default=True,
            enabled=bool(self.scenarios) and not self.scenarios[self.chosen].problem,
        )
        self.button(
            self.r(x, 250, w, 44),
            "Continue",
            lambda: load_game(self.app, autosave),
            key=pygame.K_c,
            tip="Resume the last autosave",
            enabled=autosave.exists(),
        )
        self.button(
            self.r(x, 302, w, 44),
            "Load a saved game",
            self.load,
            key=pygame.K_l,
            tip="Choose a saved game",
            enabled=has_saves,
        )
        self.button(
            self.r(x, 354, w, 44),
            "Watch the AI play",
            self.watch,
            key=pygame.K_w,
            tip="Every seat played by the AI (save it from the menu, Esc)",
        )
        self.button(self.r(x, 406, w, 44), "Settings", self.settings, key=pygame.K_s)
        self.button(self.r(x, 458, w, 44), "Quit", self.back, key=pygame.K_q, tip="Esc")
        self.label(self.r(x, 520, w, 24), "F1: keys and help · Tab: move · Enter: choose", "#small")
        own = "Your own scenarios: mandate new NAME (marked · yours)"
        self.label(self.r(x, 548, w, 24), own, "#small")

    def draw(self, surface: pygame.Surface) -> None:
        art = titleart.backdrop(self.app.size, self.scale)
        if art is not None:
            surface.blit(art, (0, 0))
        titleart.horseshoe(surface, self.r(self.W - 380, 22, 300, 104), self.scale)
        pygame.draw.line(
            surface, theme.PANEL_EDGE, (self.s(60), self.s(140)), (self.s(1200), self.s(140))
        )

    def visible_rows(self) -> int:
        """How many scenario buttons fit above the summary box."""
        return max(3, min(len(self.scenarios), (self.H - 190 - 130) // 52))

    def keep_visible(self) -> None:
        rows = self.visible_rows()
        if self.chosen < self.top:
            self.top = self.chosen
        elif self.chosen >= self.top + rows:
            self.top = self.chosen - rows + 1
        self.top = max(0, min(self.top, len(self.scenarios) - rows))

    def scroll_by(self, step: int) -> None:
        rows = self.visible_rows()
        top = max(0, min(len(self.scenarios) - rows, self.top + step))
        if top != self.top:
            self.top = top
            if not self.top <= self.chosen < self.top + rows:
                self.chosen = self.top if step > 0 else self.top + rows - 1
            self.refresh()

    def choose(self, i: int) -> None:
        self.chosen = i
        self.refresh()

    def on_key(self, event: pygame.event.Event) -> bool:
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1}
        if event.key in moves and self.scenarios:
            self.choose(max(0, min(len(self.scenarios) - 1, self.chosen + moves[event.key])))
            return True
        pages = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}
        if event.key in pages:
            self.scroll_by(pages[event.key] * self.visible_rows())
            return True
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y)
            return True
        return super().handle(event)

    def prepare(self) -> None:
        """Make the chosen scenario's new game on an idle frame of the title (reading and
        checking the scenario and building its world take a few tens of milliseconds), so that
        "New game" opens the briefing in a short frame. Not in designer mode, where the player
        edits the scenario file between tries."""
        if self.app.designer or not self.scenarios:
            return
        info = self.scenarios[self.chosen]
        if info.problem or (self.prepared is not None and self.prepared[0] == info.path):
            return
        try:
            self.prepared = (info.path, Game.new(info.path, self.app.new_seed()))
        except (ScenarioError, OSError):
            self.prepared = None  # "New game" will say what is wrong

    def new_game(self) -> None:
        info = self.scenarios[self.chosen]
        prepared, self.prepared = self.prepared, None
        try:
            if prepared is not None and prepared[0] == info.path:
                game = prepared[1]
            else:
                game = Game.new(info.path, self.app.new_seed())
        except ScenarioError as exc:
            self.app.notify(str(exc.problems[0]) if exc.problems else "cannot load the scenario")
            return
        self.go("briefing", game)

    def watch(self) -> None:
        info = self.scenarios[self.chosen]
        self.app.start(Game.new(info.path, self.app.new_seed(), observer=True))

    def load(self) -> None:
        self.go("load")

    def settings(self) -> None:
        self.go("settings")

    def back(self) -> None:
        self.app.running = False
