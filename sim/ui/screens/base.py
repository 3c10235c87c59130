"""What every screen shares: widgets it owns, keyboard focus, shortcuts, scaled layout.

A screen is a state (docs/ARCHITECTURE.md, house rule 6): it builds pygame_gui widgets, turns
their events and key presses into actions (a command for the game, or a change of screen), and
draws a read-only picture of the world. Every button is in a focus ring (Tab / Shift-Tab, Enter
activates) and may have a shortcut key, shown in its tooltip and in the F1 help.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from sim.model.commands import Command
from sim.model.engine import CommandRejected
from sim.model.events import Event
from sim.model.registry import Registry
from sim.ui.widgets.textbox import QuickTextBox

if TYPE_CHECKING:
    from sim.ui.game import Game
    from sim.ui.pacing import Skip
    from sim.ui.settings import Settings
    from sim.ui.theme import Text

Action = Callable[[], None]


class Host(Protocol):
    """What a screen may ask of the running game (:class:`sim.ui.app.App`): the window's size
    and scale, text and widgets, the game, the stack of screens and the message line. Screens
    depend on this, never on the app module, so the app imports screens and not the reverse."""

    text: Text
    game: Game | None
    manager: pygame_gui.UIManager
    settings: Settings
    size: tuple[int, int]
    scale: float
    scenario: Path | None
    designer: bool
    running: bool
    #: "Skip to the next decision" in progress (:mod:`sim.ui.pacing`), else None.
    skip: Skip | None
    #: Hot-seat: the seat the machine was last handed to (None: not yet).
    handed_to: str | None

    @property
    def screen(self) -> Screen: ...
    def push(self, screen: Screen) -> None: ...
    def pop(self) -> None: ...
    def replace(self, screen: Screen) -> None: ...
    def notify(self, message: str) -> None: ...
    def start(self, game: Game) -> None: ...
    def new_seed(self) -> int: ...
    def save_to(self, path: Path) -> bool: ...
    def apply_settings(self, settings: Settings) -> None: ...
    def show_debrief(self) -> None: ...
    def quit_to_title(self) -> None: ...
    def can_skip(self) -> bool: ...
    def skip_ahead(self, passing: bool = True) -> None: ...


SCREENS: Registry[type[Screen]] = Registry("screen")
"""Every screen class by its ``name``: where a screen goes is named, not imported. A screen
class registers itself when its module is imported; :mod:`sim.ui.app` imports every one."""


def make_screen(host: Host, name: str, *args: Any, **kwargs: Any) -> Screen:
    """A new screen of the class registered as ``name``."""
    return SCREENS[name](host, *args, **kwargs)


@dataclass
class Binding:
    """A button's action and its shortcut."""

    action: Action
    key: int | None
    label: str
    #: The tooltip's own words (without the shortcut), kept for :meth:`Screen.restyle`.
    tip: str = ""


def key_label(key: int) -> str:
    """How a key is written in tooltips and help ("Enter", "Space", "E")."""
    names = {pygame.K_RETURN: "Enter", pygame.K_SPACE: "Space", pygame.K_ESCAPE: "Esc"}
    return names.get(key, pygame.key.name(key).upper() if key < 256 else pygame.key.name(key))


class Screen:
    """Base class of every screen."""

    name = "screen"
    #: Game events (votes, month news) may open on top of this screen.
    interruptible = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            SCREENS.add(cls.name, cls)

    def __init__(self, app: Host) -> None:
        self.app = app
        self.elements: list[Any] = []
        self.bindings: dict[Any, Binding] = {}
        self.ring: list[UIButton] = []
        self.keys: dict[int, UIButton] = {}
        self.focus = -1
        self.default: UIButton | None = None
        self.built = False
        self.layout: tuple[object, ...] = ()
        #: Parts of the build left for the following frames (:meth:`later`).
        self.pending: list[Action] = []
        #: The chart toggles of :meth:`metric_buttons`, by series.
        self.toggles: dict[str, UIButton] = {}
        self.fresh = False

    # Layout in logical pixels (1280×720 at UI scale 1.0), scaled to the window.

    @property
    def scale(self) -> float:
        return self.app.scale

    @property
    def W(self) -> int:  # noqa: N802 - layout constants read better in capitals
        return int(self.app.size[0] / self.scale)

    @property
    def H(self) -> int:  # noqa: N802
        return int(self.app.size[1] / self.scale)

    def s(self, value: float) -> int:
        """Logical pixels to window pixels."""
        return round(value * self.scale)

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A logical rectangle in window pixels."""
        return pygame.Rect(self.s(x), self.s(y), self.s(w), self.s(h))

    # Where a screen goes, by name (see SCREENS).

    def go(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Open the screen registered as ``name`` above this one."""
        self.app.push(make_screen(self.app, name, *args, **kwargs))

    def go_instead(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Replace this screen by the one registered as ``name``."""
        self.app.replace(make_screen(self.app, name, *args, **kwargs))

    # Lifecycle.

    def open(self) -> None:
        """Create the widgets (on entering, after resize, after a screen above closes)."""
        self.close()
        self.build()
        self.built = True
        self.fresh = True
        self.layout = (self.app.size, self.app.scale)
        if 0 <= self.focus < len(self.ring):
            self.ring[self.focus].select()
        else:
            self.focus = -1

    def close(self) -> None:
        """Remove the widgets."""
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.bindings.clear()
        self.ring.clear()
        self.keys.clear()
        self.default = None
        self.built = False
        self.pending.clear()
        self.toggles.clear()

    def build(self) -> None:
        """Subclasses create their widgets here."""

    def later(self, step: Action) -> None:
        """Leave a costly part of the build (a long text box, a row of buttons) to a following
        frame, so that entering a screen is spread over a few short frames instead of one long
        one (the player sees the screen a frame or two before its last part)."""
        self.pending.append(step)

    def catch_up(self) -> None:
        """Once a frame (the app calls it for the screen on top): run the next part of the build
        left for later, never in the frame that built the screen."""
        if self.fresh:
            self.fresh = False
        elif self.pending:
            self.pending.pop(0)()

    def suspend(self) -> None:
        """Another screen opens on top: hide the widgets (cheaper than rebuilding them)."""
        for element in self.elements:
            element.hide()

    def resume(self) -> None:
        """Back on top: show the widgets again, or rebuild them if the window changed."""
        if not self.built or self.layout != (self.app.size, self.app.scale):
            self.open()
            return
        for element in self.elements:
            element.show()
        self.sync()

    def sync(self) -> None:
        """Bring the widgets up to date with the world (default: rebuild them)."""
        self.open()

    def refresh(self) -> None:
        """Rebuild the widgets, keeping keyboard focus (after the world changed)."""
        self.open()

    def back(self) -> None:
        """Esc: leave the screen."""
        self.app.pop()

    def update(self, dt: float) -> None:
        """Advance animations."""

    def draw(self, surface: pygame.Surface) -> None:
        """Custom drawing under the widgets."""

    def busy_rects(self) -> list[pygame.Rect]:
        """Custom-drawn areas (window pixels) the message line must not cover."""
        return []

    def toast_area(self) -> pygame.Rect:
        """Where the message line goes: the widest stretch of the bottom row that no control or
        busy area covers (window pixels). Screens whose bottom row is full may override it."""
        band = self.r(16, self.H - 72, self.W - 32, 60)
        busy = [e.rect for e in self.elements if getattr(e, "visible", True)]
        busy += self.busy_rects()
        edges = sorted((r.left, r.right) for r in busy if r.colliderect(band))
        best = pygame.Rect(band.x, band.y, 0, band.h)
        x = band.left
        for left, right in edges + [(band.right, band.right)]:
            if left - x > best.w:
                best = pygame.Rect(x, band.y, left - x, band.h)
            x = max(x, right)
        pad = self.s(12)
        return best.inflate(-2 * pad, 0) if best.w > 2 * pad else best

    def help(self) -> list[tuple[str, str]]:
        """(key, what it does) for the F1 overlay."""
        out = [(key_label(k), self.bindings[b].label) for k, b in self.keys.items()]
        return sorted(out, key=lambda kv: kv[0])

    # Widgets.

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        key: int | None = None,
        tip: str = "",
        object_id: str | None = None,
        enabled: bool = True,
        default: bool = False,
        focusable: bool = True,
    ) -> UIButton:
        """A button in the focus ring, with an optional shortcut shown in its tooltip."""
        hint = f"Shortcut: {key_label(key)}" if key is not None else ""
        tooltip = "<br>".join(t for t in (tip, hint) if t) or None
        button = UIButton(
            rect,
            text,
            self.app.manager,
            tool_tip_text=tooltip,
            object_id=ObjectID(object_id=object_id) if object_id else None,
        )
        if button.drawable_shape is not None:
            # pygame_gui would draw the hovered, selected and active looks of each new button
            # on the next three frames (for a screen of 25 buttons, 5 ms a frame); it draws a
            # look the first time it is shown anyway, so leave each to then.
            button.drawable_shape.states_to_redraw_queue.clear()
        if not enabled:
            button.disable()
        self.elements.append(button)
        self.bindings[button] = Binding(action, key, text if not tip else f"{text}: {tip}", tip)
        if focusable:
            self.ring.append(button)
        if key is not None:
            self.keys[key] = button
        if default:
            self.default = button
        return button

    def restyle(
        self,
        button: UIButton,
        text: str | None = None,
        tip: str | None = None,
        enabled: bool | None = None,
        object_id: str | None | bool = False,
    ) -> None:
        """Change a button made by :meth:`button` in place — its text, tooltip, whether it is
        enabled, its style (``object_id``; False keeps it) — redrawing only what differs: much
        cheaper than building the screen again (a button costs 1–2 ms to make). Its tooltip and
        F1 help line say the same as a new button's would."""
        binding = self.bindings[button]
        redrawn = text is not None and text != button.text
        if redrawn:
            button.set_text(text)
        if tip is not None:
            binding.tip = tip
            hint = f"Shortcut: {key_label(binding.key)}" if binding.key is not None else ""
            button.tool_tip_text = "<br>".join(t for t in (tip, hint) if t) or None
        if text is not None or tip is not None:
            binding.label = button.text if not binding.tip else f"{button.text}: {binding.tip}"
        if enabled is not None and enabled != button.is_enabled:
            if enabled:
                button.enable()
            else:
                button.disable()
        if object_id is not False and button.get_object_ids()[-1] != object_id:
            assert object_id is None or isinstance(object_id, str)
            button.change_object_id(ObjectID(object_id=object_id))
            redrawn = True
        # A button drawn again starts in its normal look: keep the focus or the pointer on it.
        state = "selected" if button.is_selected else "hovered" if button.hovered else ""
        if redrawn and state and button.is_enabled and button.drawable_shape is not None:
            button.drawable_shape.set_active_state(state)

    def drop(self, element: Any) -> None:
        """Remove one widget of this screen (a button leaves the focus ring and the shortcuts),
        keeping keyboard focus on the button that had it."""
        focused = self.focused()
        element.kill()
        if element in self.elements:
            self.elements.remove(element)
        self.bindings.pop(element, None)
        if element in self.ring:
            self.ring.remove(element)
        self.keys = {k: b for k, b in self.keys.items() if b is not element}
        if self.default is element:
            self.default = None
        self.focus = self.ring.index(focused) if focused in self.ring else -1

    def metric_buttons(
        self,
        series: dict[str, list[float]],
        selected: list[str],
        on_toggle: Callable[[str], None],
        x: float,
        y: float,
        w: float,
        columns: int,
        per_frame: int = 0,
    ) -> float:
        """Toggle buttons choosing which monthly series to chart; returns the y below them.
        With ``per_frame``, they are made that many a frame on the following frames
        (:meth:`later`), yet take their places at the head of the focus ring as if made now.
        :meth:`restyle_toggles` shows a new choice without making them again."""
        from sim.ui.words import figure_label, figure_tip

        col_w = (w - 6 * (columns - 1)) / columns
        items = list(series.items())
        self.toggles.clear()
        head = len(self.ring)

        def make(first: int, last: int) -> None:
            made = []
            for n in range(first, min(last, len(items))):
                name, values = items[n]
                self.toggles[name] = self.button(
                    self.r(x + (n % columns) * (col_w + 6), y + (n // columns) * 30, col_w, 26),
                    figure_label(name, values),
                    lambda m=name: on_toggle(m),
                    object_id="#toggle_on" if name in selected else "#small",
                    tip=figure_tip(name, values),
                )
                made.append(self.toggles[name])
            self._into_ring(made, head + first)

        if per_frame <= 0:
            make(0, len(items))
        else:
            for first in range(0, len(items), per_frame):
                self.later(lambda f=first: make(f, f + per_frame))
        return y + 30 * ((len(series) + columns - 1) // columns)

    def _into_ring(self, buttons: list[UIButton], at: int) -> None:
        """Move ``buttons`` (the last made) to place ``at`` of the focus ring, keeping focus on
        the button that has it."""
        moved = [b for b in buttons if b in self.ring]
        if not moved or self.ring[-len(moved) :] != moved or at >= len(self.ring) - len(moved):
            return
        focused = self.focused()
        del self.ring[-len(moved) :]
        self.ring[at:at] = moved
        if focused is not None:
            self.focus = self.ring.index(focused)

    def restyle_toggles(self, selected: list[str]) -> None:
        """Show which series are chosen on the buttons of :meth:`metric_buttons`, in place."""
        for name, button in self.toggles.items():
            wanted = "#toggle_on" if name in selected else "#small"
            if button.object_ids[-1] != wanted:
                button.change_object_id(ObjectID(object_id=wanted))

    def label(self, rect: pygame.Rect, text: str, object_id: str | None = None) -> UILabel:
        """A one-line label."""
        label = UILabel(rect, text, self.app.manager, object_id=ObjectID(object_id=object_id))
        self.elements.append(label)
        return label

    def textbox(self, rect: pygame.Rect, html: str) -> UITextBox:
        """A scrolling box of HTML-subset text (its lines are rendered as they come into view:
        :class:`~sim.ui.widgets.textbox.QuickTextBox`)."""
        box = QuickTextBox(html, rect, self.app.manager)
        self.elements.append(box)
        return box

    # Commands.

    def submit(self, command: Command, then: Action | None = None) -> list[Event] | None:
        """Submit one of the player's commands: a refusal is shown on the message line, never
        raised; on success the message line says what happened (:meth:`said`) and ``then`` runs
        (by default the screen is rebuilt). Returns the events, or None when refused."""
        game = self.app.game
        assert game is not None
        try:
            events = game.submit(command)
        except CommandRejected as exc:
            self.app.notify("; ".join(exc.reasons))
            return None
        message = self.said(events)
        if message:
            self.app.notify(message)
        (then or self.refresh)()
        return events

    def said(self, events: list[Event]) -> str:
        """What the message line says after a command: its last event (screens may say less)."""
        return events[-1].text if events else "Done."

    # Input.

    def activate(self, button: UIButton) -> None:
        """Run a button's action (click, Enter on focus, or its shortcut)."""
        binding = self.bindings.get(button)
        if binding is not None and button.is_enabled:
            binding.action()

    def move_focus(self, step: int) -> None:
        """Tab / Shift-Tab through the enabled buttons."""
        candidates = [i for i, b in enumerate(self.ring) if b.is_enabled and b.visible]
        if not candidates:
            return
        if 0 <= self.focus < len(self.ring):
            self.ring[self.focus].unselect()
        if self.focus not in candidates:
            self.focus = candidates[0] if step > 0 else candidates[-1]
        else:
            at = candidates.index(self.focus)
            self.focus = candidates[(at + step) % len(candidates)]
        self.ring[self.focus].select()

    def focused(self) -> UIButton | None:
        """The button with keyboard focus."""
        return self.ring[self.focus] if 0 <= self.focus < len(self.ring) else None

    def handle(self, event: pygame.event.Event) -> bool:
        """One input event; True when it was used."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.bindings:
            self.activate(event.ui_element)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            target = self.focused() or self.default
            if target is not None:
                self.activate(target)
            return True
        if event.key == pygame.K_ESCAPE:
            self.back()
            return True
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        button = self.keys.get(event.key)
        if button is not None:
            self.activate(button)
            return True
        return self.on_key(event)

    def on_key(self, event: pygame.event.Event) -> bool:
        """Keys beyond shortcuts (arrow keys and the like)."""
        return False
