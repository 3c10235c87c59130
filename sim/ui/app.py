"""The desktop game's loop: window, clock, screen stack, and the game stepped under a budget.

Each frame: read input (global keys first: F1 help, F2 pause, F5 quick save;
then the top screen), step the session for at most ``STEP_BUDGET`` seconds so the frame never
freezes, open the screens that game events call for (a vote, the month's news, the debrief),
autosave once a month, and draw.
"""

from __future__ import annotations

import random
import time
import warnings
from collections import deque
from pathlib import Path

# numpy imports numpy.random lazily, at the game's first random draw: a 20 ms frame mid-game.
import numpy.random  # noqa: F401
import pygame
import pygame_gui

# Every screen registers itself by name when its module is imported (see SCREENS): importing
# them all here lets any screen open any other by name, without importing it.
import sim.ui.screens.ballot  # noqa: F401
import sim.ui.screens.briefing  # noqa: F401
import sim.ui.screens.chamber  # noqa: F401
import sim.ui.screens.consult  # noqa: F401
import sim.ui.screens.debrief  # noqa: F401
import sim.ui.screens.deciders  # noqa: F401
import sim.ui.screens.desk  # noqa: F401
import sim.ui.screens.draft  # noqa: F401
import sim.ui.screens.eventlog  # noqa: F401
import sim.ui.screens.handover  # noqa: F401
import sim.ui.screens.load  # noqa: F401
import sim.ui.screens.menu  # noqa: F401
import sim.ui.screens.messages  # noqa: F401
import sim.ui.screens.news  # noqa: F401
import sim.ui.screens.peace  # noqa: F401
import sim.ui.screens.profile  # noqa: F401
import sim.ui.screens.seat  # noqa: F401
import sim.ui.screens.seatpick  # noqa: F401
import sim.ui.screens.settings  # noqa: F401
import sim.ui.screens.theatre  # noqa: F401
import sim.ui.screens.timeline  # noqa: F401
import sim.ui.screens.title  # noqa: F401
import sim.ui.screens.vote  # noqa: F401
import sim.ui.screens.world  # noqa: F401
from sim.model.saves import SaveError
from sim.ui import theme
from sim.ui.framebuffer import prefer_plain_framebuffer
from sim.ui.game import AUTOSAVE, Game
from sim.ui.pacing import Skip
from sim.ui.savewriter import save_writer
from sim.ui.screens.base import Screen, make_screen
from sim.ui.screens.help import draw_help
from sim.ui.settings import Settings, load_settings, save_settings, saves_dir
from sim.ui.shapes import ShapeCache
from sim.ui.warmup import Warmer
from sim.ui.words import namer

STEP_BUDGET = 0.004
#: When the AI plays every seat, one step every so often, so the player can watch it negotiate.
WATCH_PACE = 0.15
FPS = 60
#: A frame that took less than this (seconds) before drawing may do some idle work.
IDLE_FRAME = 0.006
#: The smallest window the game takes (a resize below it is held at it).
MIN_SIZE = (1024, 600)
#: Every screen is laid out in these logical pixels at UI scale 1.0.
DESIGN_SIZE = (1280, 720)


def fitted_scale(ui_scale: float, size: tuple[int, int]) -> float:
    """The UI scale the window can hold: the player's choice, but never more than fits the
    layout's 1280×720 logical pixels in the window, so a large scale in a small window neither
    pushes widgets off screen nor piles them up (1.5× needs 1920×1080, 2× needs 2560×1440); a
    window smaller than 1280×720 shrinks the layout a little instead."""
    fit = min(size[0] / DESIGN_SIZE[0], size[1] / DESIGN_SIZE[1])
    return round(min(ui_scale, fit), 3)


class App:
    """The running game: owns the window, the UI manager and the stack of screens."""

    def __init__(
        self,
        scenario: Path | None = None,
        size: tuple[int, int] | None = None,
        settings: Settings | None = None,
        seed: int | None = None,
        designer: bool = False,
    ) -> None:
        started = time.perf_counter()
        #: Designer mode: F5 reloads the scenario from disk; load problems show in the window.
        self.designer = designer
        self.load_problems: list[str] = []
        self.problem_lines: dict[str, str] = {}
        prefer_plain_framebuffer()  # before the window opens: SDL reads it then
        pygame.display.init()
        pygame.font.init()
        self.settings = settings or load_settings()
        if size is None:
            size = (self.settings.window_width, self.settings.window_height)
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.display.set_caption("Mandate")
        pygame.key.set_repeat(400, 40)
        self.size = self.window.get_size()
        self.scale = fitted_scale(self.settings.ui_scale, self.size)
        self.text = theme.Text(self.scale)
        self.manager = self._manager()
        self.stack: list[Screen] = []
        self.game: Game | None = None
        self.scenario = scenario
        self.seed = seed
        self.paused = False
        #: "Skip to the next decision" in progress (None when the player ends turns by hand).
        self.skip: Skip | None = None
        self.show_help = False
        self.message = ""
        self.message_time = 0.0
        self.message_screen: Screen | None = None
        self.running = True
        self.autosaved: tuple[int, str] | None = None
        #: Hot-seat: the seat the window was last handed to.
        self.handed_to: str | None = None
        self.watch_clock = 0.0
        self.clock = pygame.time.Clock()
        self.frame_ms: deque[float] = deque(maxlen=600)
        self.push(make_screen(self, "title"))
        self.startup_seconds = time.perf_counter() - started

    def _manager(self) -> pygame_gui.UIManager:
        data = theme.theme_data(self.scale)
        manager = pygame_gui.UIManager(self.size, data)
        # Buttons of a new width take their shape from one drawn before (sim/ui/shapes.py);
        # the common shapes and the fonts' letters are drawn on idle frames (sim/ui/warmup.py).
        manager.get_theme().shape_cache = ShapeCache()
        self.warmer = Warmer(manager, data, self.scale, self.text)
        sizes = {round(n * self.scale) for n in (13, 14, 15, 16, 22)} | {14}
        with warnings.catch_warnings():
            # The theme loads some of these itself; preloading the rest avoids stalls later.
            warnings.simplefilter("ignore", UserWarning)
            manager.preload_fonts(
                [
                    {"name": "noto_sans", "point_size": p, "style": st}
                    for p in sizes
                    for st in ("regular", "bold", "italic")
                ]
            )
        return manager

    # Screens ------------------------------------------------------------------------------

    @property
    def screen(self) -> Screen:
        """The screen on top."""
        return self.stack[-1]

    def push(self, screen: Screen) -> None:
        """Open a screen above the current one."""
        if self.stack:
            self.stack[-1].suspend()
        self.stack.append(screen)
        screen.open()

    def pop(self) -> None:
        """Close the top screen and return to the one below (never below the last)."""
        if len(self.stack) <= 1:
            return
        self.stack.pop().close()
        self.stack[-1].resume()

    def replace(self, screen: Screen) -> None:
        """Swap the top screen."""
        self.stack.pop().close()
        self.stack.append(screen)
        screen.open()

    def reset(self, *screens: Screen) -> None:
        """Replace the whole stack (e.g. title → game, game → debrief)."""
        while self.stack:
            self.stack.pop().close()
        for screen in screens:
            self.stack.append(screen)
        self.stack[-1].open()

    def find(self, name: str) -> Screen | None:
        """The nearest screen of that name on the stack."""
        return next((s for s in reversed(self.stack) if s.name == name), None)

    # Game ---------------------------------------------------------------------------------

    def start(self, game: Game) -> None:
        """Begin playing ``game``: the chamber is the home screen."""
        self.game = game
        self.handed_to = None
        self.autosaved = None
        self.paused = False
        self.skip = None
        self.reset(make_screen(self, "chamber"))

    def new_seed(self) -> int:
        """The seed of a new game: the one given on the command line, else a fresh one."""
        return self.seed if self.seed is not None else random.randrange(1_000_000)

    def notify(self, message: str) -> None:
        """A short message at the bottom of the window for a few seconds (ids in it become the
        names a player knows: :mod:`sim.ui.words`)."""
        if self.game is not None:
            message = namer(self.game.world).text(message)
        self.message = message
        self.message_time = 3.5
        self.message_screen = None  # the screen it belongs to: the one it is first drawn on

    def can_skip(self) -> bool:
        """True when there is a game with a human seat still to play."""
        game = self.game
        return game is not None and game.player is not None and not game.session.finished

    def skip_ahead(self, passing: bool = True) -> None:
        """Skip to the next decision, or stop skipping: the player's turns end one after another
        until something needs them or something important happens (:mod:`sim.ui.pacing`).
        ``passing``: the decisions pending now are passed over (the player saw them in the
        chamber); from another screen they are not, and the skip stops at them at once."""
        game = self.game
        if self.skip is not None:
            self.skip = None
            self.notify("Skipping stopped.")
            return
        if game is None or not self.can_skip():
            return
        self.skip = Skip.begin(game, game.seen.decisions, passing)

    def _skip_step(self) -> None:
        """On the player's turn during a skip: stop with the reason, or end the turn."""
        game, skip = self.game, self.skip
        if game is None or skip is None:
            return
        if game.session.finished or (game.awaiting and game.player != skip.seat):
            self.skip = None  # hot-seat: the next person decides for themselves
            return
        if not game.awaiting or self.screen.name != "chamber":
            return
        if game.ballot is not None:
            self.skip = None  # the ballot screen opens: a vote was called
            return
        reason = skip.stop(game)
        if reason is not None:
            self.skip = None
            self.notify(reason)
            return
        game.end_turn()

    def save_to(self, path: Path) -> bool:
        """Save the game; reports the outcome in the message line."""
        if self.game is None:
            return False
        try:
            written = self.game.save(path)
        except (SaveError, OSError) as exc:
            self.notify(f"Not saved: {exc}")
            return False
        self.notify(f"Saved to {written}")
        return True

    def _autosave(self) -> None:
        game = self.game
        if game is None or game.player is None or not game.can_save():
            return  # games the AI plays alone are saved from the menu, never over the autosave
        key = (game.world.month, game.world.scenario_id)
        if key == self.autosaved:
            return
        try:
            where = f"{game.world.title} — {game.month_title()}"
            game.save_in_background(saves_dir() / AUTOSAVE, label=f"Autosave: {where}")
        except (SaveError, OSError) as exc:
            self.notify(f"Autosave failed: {exc}")
        self.autosaved = key

    def _saved(self) -> None:
        """Say so when a save written in the background failed."""
        for problem in save_writer().problems():
            self.notify(f"Autosave failed: {problem}")

    def close(self) -> None:
        """Close the window, once the saves being written are on disk (the month's autosave
        too, if a screen being built was still holding it back)."""
        self._autosave()
        save_writer().wait()
        self._saved()
        pygame.quit()

    def _watch_game(self) -> None:
        """Open the screens that what happened calls for, on top of the chamber."""
        game = self.game
        if game is None or not self.screen.interruptible:
            return

        world = game.world
        if game.seen.votes < len(world.votes):
            record = world.votes[game.seen.votes]
            game.seen.votes += 1
            self.skip = None  # a vote is always news
            self.push(make_screen(self, "vote", record))
            return
        seat = game.session.seat
        if len(game.players) > 1 and seat is not None and seat != self.handed_to:
            self._hand_over(seat)
            return
        ballot = game.ballot
        if ballot is not None and self.screen.name == "chamber":
            self.push(
                make_screen(self, "ballot", ballot)
            )  # a vote was called: the seat votes first
            return
        if game.awaiting and game.seen.warned != (world.month, game.player):
            game.seen.warned = (world.month, game.player)
            for mission in game.expiring():
                self.notify(
                    f"The mandate of {namer(world).mission(mission.id)} expires in month"
                    f" {mission.expires_month}:"
                    " Table draft offers its renewal, with clauses you can edit."
                )
        if world.month != game.seen.month or (world.finished and not self.find("debrief")):
            month = game.seen.month
            game.seen.month = world.month
            if self.skip is not None and not world.finished:
                if not [e for e in self.skip.news(game) if e.month == month]:
                    return  # a quiet month: its news stays in the chamber's feed
                # News that matters: the skip waits while the player reads (and may stop it).
                self.skip.events = len(world.events)
            if world.finished or month != world.month:
                self.push(make_screen(self, "news", month, final=world.finished))

    def _hand_over(self, seat: str) -> None:
        """Hot-seat: another person's turn. Close what the last seat had open, drop its last
        message, and cover the window until the next person is ready."""
        while len(self.stack) > 1 and self.screen.name != "chamber":
            self.pop()
        self.message, self.message_time = "", 0.0
        self.handed_to = seat
        self.push(make_screen(self, "handover", seat))

    # Designer mode ------------------------------------------------------------------------

    def reload_scenario(self) -> None:
        """F5 in designer mode: load the scenario file again; keep playing where the file still
        fits; show its problems (FILE:LINE:COL) in the window when it does not load."""
        from sim.scenario.loader import ScenarioError, load_scenario

        path = self.game.scenario_path if self.game is not None else self.scenario
        if path is None:
            self.notify("Designer mode: give a scenario file (mandate play FILE --designer)")
            return
        try:
            if self.game is None:
                load_scenario(path)
            else:
                game, note = self.game.reloaded()
        except ScenarioError as error:
            self.load_problems = [str(p) for p in error.problems] or ["the file cannot be loaded"]
            self.problem_lines = _source_lines(path, error)
            return
        except OSError as exc:
            self.load_problems = [f"{path}: cannot read ({exc})"]
            self.problem_lines = {}
            return
        self.load_problems = []
        if self.game is None:
            self.reset(make_screen(self, "title"))
            self.notify(f"Reloaded {path.name}: it loads")
            return
        self.start(game)
        self.notify(note)

    def show_debrief(self) -> None:
        """The game is over: the debrief replaces everything."""
        self.reset(make_screen(self, "debrief"))

    def quit_to_title(self) -> None:
        """Leave the game (the autosave keeps it) and go back to the title."""
        save_writer().wait()  # the title's Continue resumes the newest autosave
        self.game = None
        self.paused = False
        self.reset(make_screen(self, "title"))

    # Settings, window ---------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Take new settings: rebuild the theme and screens if the scale changed; persist."""
        self.settings = settings
        save_settings(settings)
        self._rescale()

    def _rescale(self) -> bool:
        """Take the scale that the settings and the window allow; rebuild the theme and the
        screens when it changed (returns whether it did)."""
        scale = fitted_scale(self.settings.ui_scale, self.size)
        if scale == self.scale:
            return False
        self.scale = scale
        self.text = theme.Text(self.scale)
        for screen in self.stack:
            screen.close()
        self.manager = self._manager()
        self.screen.open()
        return True

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: lay the screen out again and remember the size."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if size == self.size:
            return
        if pygame.display.get_surface().get_size() != size:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.size = size
        self.manager.set_window_resolution(size)
        if not self._rescale():
            self.screen.open()
        self.settings = self.settings.changed(window_width=size[0], window_height=size[1])
        save_settings(self.settings)

    # Loop ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        """One event: window, global keys, the help overlay, widgets, then the screen."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type == pygame.KEYDOWN:
            if self.show_help:
                if event.key in (pygame.K_F1, pygame.K_ESCAPE, pygame.K_RETURN):
                    self.show_help = False
                return
            if event.key == pygame.K_F1:
                self.show_help = True
                return
            if event.key == pygame.K_F2 and self.game is not None:
                self.paused = not self.paused
                return
            if self.paused:
                return  # paused: the game takes no orders until F2 resumes it
            if event.key == pygame.K_F5 and self.designer:
                self.reload_scenario()
                return
            if event.key == pygame.K_F5 and self.game is not None:
                self.save_to(saves_dir() / "quicksave.json")
                return
            if event.key == pygame.K_ESCAPE and self.load_problems:
                self.load_problems = []
                return
        if self.paused and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return
        self.manager.process_events(event)
        self.screen.handle(event)

    def frame(self, dt: float) -> None:
        """Process input, step the game, draw; one frame."""
        started = time.perf_counter()
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        if self.game is not None and not self.paused:
            if self.game.player is None:
                self.watch_clock += dt
                if self.watch_clock >= WATCH_PACE and self.screen.interruptible:
                    self.watch_clock = 0.0
                    self.game.pump(STEP_BUDGET, max_steps=1)
            else:
                self.game.pump(STEP_BUDGET)
            for note in self.game.take_notes():
                self.notify(note)
            self._watch_game()
            self._skip_step()
            if not self.screen.fresh and not self.screen.pending:
                self._autosave()  # not while a screen is being built: on a lighter frame
        self._saved()
        self.screen.catch_up()
        if not self.paused:
            self.screen.update(dt)
        self.manager.update(dt)
        if not self.screen.pending and time.perf_counter() - started < IDLE_FRAME:
            self.warmer.step()
        self.message_time = max(0.0, self.message_time - dt)
        self.draw()

    def draw(self) -> None:
        """Paint the whole window."""
        self.window.fill(theme.BG)
        self.screen.draw(self.window)
        self.manager.draw_ui(self.window)
        if self.message_time > 0:
            self.message_screen = self.message_screen or self.screen
            if self.message_screen is self.screen:
                self._draw_message()
            else:  # a message does not outlive its screen (nor cover the next one's content)
                self.message_time = 0.0
        if self.paused:
            self._draw_banner("Paused — F2 to resume")
        if self.load_problems:
            self._draw_problems()
        if self.show_help:
            draw_help(self, self.window)
        if self.settings.show_fps:
            fps = self.text.render(f"{self.clock.get_fps():.0f} fps", 13, theme.MUTED)
            self.window.blit(fps, (self.size[0] - fps.get_width() - 6, 4))

    def message_layout(self) -> tuple[pygame.Rect, list[pygame.Surface]]:
        """Where the message line goes and its rendered lines: a free stretch of the bottom row
        (:meth:`Screen.toast_area`), never over controls or the screen's busy areas."""
        pad = round(8 * self.scale)
        area = self.screen.toast_area()
        if area.w < round(220 * self.scale):
            # No room at the bottom: a strip across the top edge, over the screen's title.
            area = pygame.Rect(self.size[0] // 5, 0, self.size[0] * 3 // 5, round(48 * self.scale))
        width = area.w - 2 * pad
        lines = self.text.wrap(self.message, 14, width)
        if len(lines) > 2:
            lines = [lines[0], self.text.fit(" ".join(lines[1:]), 14, width)]
        surfaces = [self.text.render(line, 14, theme.TEXT) for line in lines]
        box = pygame.Rect(
            0,
            0,
            max(s.get_width() for s in surfaces) + 2 * pad,
            sum(s.get_height() for s in surfaces) + pad,
        )
        box.center = area.center
        return box, surfaces

    def _draw_message(self) -> None:
        pad = round(8 * self.scale)
        box, surfaces = self.message_layout()
        pygame.draw.rect(self.window, theme.PANEL, box, border_radius=pad // 2)
        pygame.draw.rect(self.window, theme.ACCENT, box, 1, border_radius=pad // 2)
        y = box.y + pad // 2
        for surface in surfaces:
            self.window.blit(surface, surface.get_rect(midtop=(box.centerx, y)))
            y += surface.get_height()

    def _draw_problems(self) -> None:
        """The designer's panel: why the scenario file does not load, line by line."""
        s = self.scale
        pad = round(14 * s)
        box = pygame.Rect(0, 0, self.size[0] * 4 // 5, 0)
        width = box.w - 2 * pad
        rows: list[tuple[str, tuple[int, int, int], int, bool]] = [
            (
                "The scenario file does not load — the game goes on with the last good version.",
                theme.NO,
                16,
                True,
            ),
        ]
        for problem in self.load_problems[:8]:
            for n, line in enumerate(self.text.wrap(problem, 14, width)[:3]):
                rows.append((line, theme.TEXT, 14, n == 0))
            source = self.problem_lines.get(problem)
            if source:
                rows.append(
                    ("    " + self.text.fit(source, 13, width - pad), theme.ACCENT, 13, False)
                )
        if len(self.load_problems) > 8:
            rows.append((f"… and {len(self.load_problems) - 8} more", theme.MUTED, 14, False))
        rows.append(
            ("Fix the file and press F5 again; Esc hides this panel.", theme.MUTED, 13, False)
        )
        surfaces = [self.text.render(t, size, colour, bold) for t, colour, size, bold in rows]
        box.h = sum(x.get_height() for x in surfaces) + 2 * pad
        box.midtop = (self.size[0] // 2, round(60 * s))
        pygame.draw.rect(self.window, theme.PANEL, box, border_radius=round(8 * s))
        pygame.draw.rect(self.window, theme.NO, box, 2, border_radius=round(8 * s))
        y = box.y + pad
        for surface in surfaces:
            self.window.blit(surface, (box.x + pad, y))
            y += surface.get_height()

    def _draw_banner(self, message: str) -> None:
        shade = pygame.Surface(self.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 140))
        self.window.blit(shade, (0, 0))
        text = self.text.render(message, 28, theme.ACCENT, bold=True)
        self.window.blit(text, text.get_rect(center=(self.size[0] // 2, self.size[1] // 2)))

    def run(self) -> None:
        """The main loop, until the window closes."""
        while self.running:
            dt = self.clock.tick(FPS) / 1000.0
            started = time.perf_counter()
            self.frame(min(dt, 0.1))
            pygame.display.flip()
            self.frame_ms.append((time.perf_counter() - started) * 1000.0)
        self.close()


def _source_lines(path: Path, error: Exception) -> dict[str, str]:
    """The text of the line each problem points at, keyed by the problem's message."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    out = {}
    for problem in getattr(error, "problems", ()):
        if 1 <= problem.line <= len(lines) and not lines[problem.line - 1].lstrip().startswith("#"):
            out[str(problem)] = f"line {problem.line}: {lines[problem.line - 1].strip()}"
    return out


class NoDisplay(Exception):
    """The window could not be opened."""


def run_app(
    scenario: Path | None = None,
    seed: int | None = None,
    frames: int | None = None,
    screenshot: Path | None = None,
    designer: bool = False,
) -> int:
    """Open the game; with ``frames``, run that many frames and stop (headless smoke runs)."""
    try:
        app = App(scenario, seed=seed, designer=designer)
    except pygame.error as exc:
        raise NoDisplay(str(exc)) from exc
    if designer and scenario is not None:
        app.reload_scenario()  # a broken file shows its problems in the window
    if frames is None:
        app.run()
        return 0
    for _ in range(frames):
        app.frame(1 / FPS)
        pygame.display.flip()
        if not app.running:
            break
    if screenshot is not None:
        pygame.image.save(app.window, str(screenshot))
    app.close()
    return 0
