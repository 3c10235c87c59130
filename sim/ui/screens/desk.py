"""The teacher's desk: the classroom game from the teacher's code, in the game window.

It shows every human seat — whose turn it is, who is played by the AI, each seat's own factors
on the draft before the Council and the vote it cast — and the teacher's controls: pause and
resume, a time limit per phase, any of the scenario's events or a custom incident, a seat handed
to the AI and back, the end of the game. Every control is a request to the server, which puts
it in the command log; the desk decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from sim.model.explain import POINTS_PER_UNIT
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.netgame import NetGame
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.messages import describe, wrapped
from sim.ui.theme import Text
from sim.ui.widgets.seats import FIRM_POINTS, LIKELY_POINTS, margin
from sim.ui.words import month_tag, namer

#: Steps of the time limit per phase (seconds; 0 = none).
LIMITS = (0, 60, 120, 180, 300, 600)
#: Steps of a custom incident's change of intensity.
SEVERITY = (-0.2, -0.1, 0.0, 0.1, 0.2, 0.3)


class TeacherDesk(Screen):
    """Every seat at a glance and the teacher's controls."""

    name = "teacher"
    interruptible = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert isinstance(app.game, NetGame)
        self.game: NetGame = app.game
        self.limit = 0
        self.trigger = 0
        self.severity = 3
        self.seat = 0
        self.ending = False
        self.incident: UITextEntryLine | None = None
        self.arrange()

    @property
    def data(self) -> dict[str, Any]:
        """The teacher's part of the last view the server sent."""
        return dict(self.game.session.view_data.get("teacher", {}))

    def seats(self) -> list[str]:
        return list(self.data.get("players", []))

    def triggers(self) -> list[str]:
        return list(self.data.get("triggers", []))

    def arrange(self) -> None:
        """Where things go for this window: in a window larger than the design (1920x1080 at
        UI scale 1.0) the controls' column is wider and its rows further apart (down the
        window, not bunched at the top), the seats' panel takes the rest of the width, and the
        type of both is larger (:mod:`sim.ui.room`)."""
        spare = room(self.W, self.H)
        self.grow = type_factor(spare)
        self.big = zoomed(self.app.text, self.grow)  # kept: lines wrapped in it are remembered
        # How much further apart the rows of controls are: the buttons keep their height, so
        # the gaps grow more than the window for the rows to reach as far down as at 1280x720.
        self.pitch = 1.0 + (spare - 1.0) * 1.5
        self.right_w = min(self.W - 800.0, round(480 * self.grow))
        self.right_x = self.W - 20 - self.right_w

    def build(self) -> None:
        W, H = self.W, self.H
        self.arrange()
        x, w, p, g = self.right_x, self.right_w, self.pitch, self.grow
        half, third = (w - 8) / 2, (w - 16) / 3
        #: (y, caption) drawn above each row of controls.
        self.captions: list[tuple[float, Callable[[], str]]] = []
        self.middle: list[UIButton] = []  # the buttons made on later frames, so far
        self.incident = None
        y: float = 52
        self.captions.append((y, lambda: "Everyone"))
        y += 24 * g
        self.button(
            self.r(x, y, half, 38),
            "Pause",
            lambda: self.act("pause"),
            key=pygame.K_p,
            tip="Stop the game for everyone",
        )
        self.button(
            self.r(x + half + 8, y, half, 38),
            "Resume",
            lambda: self.act("resume"),
            key=pygame.K_r,
            tip="Let the game go on",
        )
        y += 54 * p
        # The rows between are made on the next two frames (in their place in the focus ring):
        # entering the desk is three short frames, not one long one.
        soon, at = self._soon(), len(self.ring)
        self.captions.append((y, self.limit_caption))
        y += 24 * g
        self._stepper(soon, x, y, "time limit", self.step_limit)
        soon(
            self.button,
            self.r(x + w - third, y, third, 34),
            "Set limit",
            self.set_limit,
            tip="Each seat's turn ends by itself after this time",
        )
        y += 48 * p
        self.captions.append((y, self.trigger_caption))
        y += 24 * g
        self._stepper(soon, x, y, "event", self.step_trigger)
        soon(
            self.button,
            self.r(x + w - third, y, third, 34),
            "Fire event",
            self.fire,
            enabled=bool(self.triggers()),
            tip="Set off this scenario event now",
        )
        y += 48 * p
        self.captions.append((y, lambda: "A custom incident: what happened"))
        y += 24 * g
        soon(self._make_incident, self.r(x, y, w, 34))
        y += 42 * p
        self._stepper(soon, x, y, "severity", self.step_severity)
        self.captions.append((y, self.severity_caption))  # beside its stepper
        soon(
            self.button,
            self.r(x + w - third, y, third, 34),
            "Incident",
            self.set_off,
            tip="Report this incident; the fighting changes by its severity",
        )
        y += 48 * p
        self.captions.append((y, self.seat_caption))
        y += 24 * g
        self._stepper(soon, x, y, "seat", self.step_seat)
        soon(
            self.button,
            self.r(x + w - third, y, third / 2 - 3, 34),
            "To AI",
            self.to_ai,
            enabled=bool(self.seats()),
            tip="The AI plays this seat",
        )
        soon(
            self.button,
            self.r(x + w - third / 2 + 3, y, third / 2 - 3, 34),
            "Back",
            self.hand_back,
            enabled=bool(self.seats()),
            tip="Give the seat back to its student",
        )
        y += 58 * p
        self.button(
            self.r(x, y, half, 40),
            "Messages",
            self.messages,
            key=pygame.K_m,
            tip="Every private message; write to a seat",
        )
        label = "Really end?" if self.ending else "End the game"
        self.button(
            self.r(x + half + 8, y, half, 40),
            label,
            self.end,
            object_id="#primary" if self.ending else None,
            tip="End the game for everyone (press twice)",
        )
        self.button(
            self.r(W - 200, H - 60, 180, 44),
            "Chamber",
            self.back,
            tip="The Council chamber, as the teacher sees it (Esc)",
            default=True,
        )
        parts = self.deferred
        cut = len(parts) // 2
        self.later(lambda: self._make(parts[:cut], at))
        self.later(lambda: self._make(parts[cut:], at))

    def _soon(self) -> Callable[..., None]:
        """A fresh list of widgets to make later (:attr:`deferred`), and the function that adds
        one to it: the widget's maker and its arguments, bound now."""
        self.deferred: list[Callable[[], object]] = []

        def soon(make: Callable[..., object], *args: Any, **kwargs: Any) -> None:
            self.deferred.append(partial(make, *args, **kwargs))

        return soon

    def _make(self, parts: list[Callable[[], object]], at: int) -> None:
        """Make ``parts`` and put their buttons in the focus ring after those made before them
        from place ``at``."""
        made = [b for b in (make() for make in parts) if isinstance(b, UIButton)]
        self._into_ring(made, at + len(self.middle))
        self.middle.extend(made)

    def _make_incident(self, rect: pygame.Rect) -> UITextEntryLine:
        self.incident = UITextEntryLine(rect, self.app.manager)
        self.incident.set_text_length_limit(200)
        self.elements.append(self.incident)
        return self.incident

    def _stepper(
        self, soon: Callable[..., None], x: float, y: float, what: str, step: Callable[[int], None]
    ) -> None:
        soon(self.button, self.r(x, y, 40, 34), "<", lambda: step(-1), tip=f"Previous {what}")
        soon(self.button, self.r(x + 46, y, 40, 34), ">", lambda: step(1), tip=f"Next {what}")

    def limit_caption(self) -> str:
        seconds = LIMITS[self.limit]
        return f"Time limit per turn: {seconds} s" if seconds else "Time limit per turn: none"

    def trigger_caption(self) -> str:
        triggers = self.triggers()
        return f"Event: {triggers[self.trigger % len(triggers)]}" if triggers else "No events"

    def severity_caption(self) -> str:
        return f"severity {SEVERITY[self.severity]:+.1f} intensity"

    def seat_caption(self) -> str:
        seat = self.chosen_seat()
        if not seat:
            return "Seat: no human seat"
        held = " (the AI plays it)" if seat in self.data.get("ai_seats", []) else ""
        return f"Seat: {self.seat_name(seat)}{held}"

    # Controls -------------------------------------------------------------------------------

    def act(self, action: str, **fields: Any) -> None:
        reasons = self.game.session.teacher(action, **fields)
        self.app.notify("; ".join(reasons) if reasons else f"Done: {action.replace('_', ' ')}")

    def step_limit(self, d: int) -> None:
        self.limit = (self.limit + d) % len(LIMITS)

    def step_trigger(self, d: int) -> None:
        self.trigger = (self.trigger + d) % max(1, len(self.triggers()))

    def step_severity(self, d: int) -> None:
        self.severity = min(len(SEVERITY) - 1, max(0, self.severity + d))

    def step_seat(self, d: int) -> None:
        self.seat = (self.seat + d) % max(1, len(self.seats()))

    def set_limit(self) -> None:
        self.act("time_limit", value=float(LIMITS[self.limit]))

    def fire(self) -> None:
        triggers = self.triggers()
        if triggers:
            self.act("inject", trigger=triggers[self.trigger % len(triggers)])

    def set_off(self) -> None:
        text = self.incident.get_text().strip() if self.incident is not None else ""
        if not text:
            self.app.notify("Write what happened first")
            return
        self.act("incident", text=text, value=SEVERITY[self.severity])
        if self.incident is not None:
            self.incident.set_text("")

    def chosen_seat(self) -> str:
        seats = self.seats()
        return seats[self.seat % len(seats)] if seats else ""

    def to_ai(self) -> None:
        self.act("hand_to_ai", seat=self.chosen_seat())

    def hand_back(self) -> None:
        self.act("hand_back", seat=self.chosen_seat())

    def end(self) -> None:
        if not self.ending:
            self.ending = True
            self.refresh()
            return
        self.act("end", text="the teacher ended the game")

    def messages(self) -> None:
        self.go("messages")

    def handle(self, event: pygame.event.Event) -> bool:
        """While the incident's text has the focus, typing writes into it (no shortcuts)."""
        typing = self.incident is not None and self.incident.is_focused
        if typing and event.type == pygame.KEYDOWN and event.key != pygame.K_ESCAPE:
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return True
        return super().handle(event)

    # Drawing --------------------------------------------------------------------------------

    def busy_rects(self) -> list[pygame.Rect]:
        return [self.r(20, 60, self.right_x - 40, self.H - 80)]

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        big = self.big
        session = self.game.session
        public = session.view_data.get("public", {})
        head = f"Teacher's desk · {self.game.world.title}"
        surface.blit(text.render(head, 22, theme.TEXT, True), (s(20), s(16)))
        turn = public.get("turn", {})
        on_turn = public.get("on_turn")
        state = (
            "PAUSED"
            if public.get("paused")
            else f"on turn: {self.seat_name(on_turn) if on_turn else 'the AI'}"
        )
        limit = public.get("time_limit", 0)
        sub = f"Month {turn.get('month')}, {turn.get('phase')} · {state}"
        sub += f" · {limit} s per turn" if limit else " · no time limit"
        surface.blit(text.render(sub, 15, theme.MUTED), (s(20), s(46)))
        x, w = s(self.right_x), s(self.right_w)
        for y, caption in self.captions:
            top = s(y)
            dx = 0
            if caption == self.severity_caption:  # beside its stepper, centred on the row
                dx = s(96)
                top += (s(34) - big.font(14).get_height()) // 2
            line = big.fit(caption(), 14, w - dx)
            surface.blit(big.render(line, 14, theme.MUTED), (x + dx, top))
        self._draw_seats(surface, big)

    def seat_name(self, seat: str) -> str:
        """A seat by its state's name ("Calderon"), never its code."""
        states = self.game.world.states
        return states.name(seat) if seat in states.index else seat

    def seat_lines(self, seat: str, draft_id: str | None) -> list[str]:
        """What the desk says of one seat, in words: on turn, played by the AI, what its
        factors say on the draft and how firmly, its vote, capital and messages."""
        data, world = self.data, self.game.world
        public = self.game.session.view_data.get("public", {})
        marks = []
        if seat == public.get("on_turn"):
            marks.append("ON TURN")
        if seat in data.get("ai_seats", []):
            marks.append("AI plays it")
        stance = data.get("stances", {}).get(draft_id, {}).get(seat) if draft_id else None
        if stance:
            points = round(float(stance["total"]) * POINTS_PER_UNIT)
            gap = margin(
                points,
                round(float(stance["yes_above"]) * POINTS_PER_UNIT),
                round(float(stance["no_below"]) * POINTS_PER_UNIT),
                stance["choice"],
            )
            sure = (
                "firm" if gap >= FIRM_POINTS else "likely" if gap >= LIKELY_POINTS else "wavering"
            )
            marks.append(f"its factors say {stance['choice']} ({sure})")
        cast = data.get("cast", {}).get(draft_id, {}) if draft_id else {}
        if seat in cast:
            marks.append(f"voted {cast[seat]}")
        if seat in world.states.index:
            marks.append(f"political capital {self.game.view.capital(seat):.1f}")
        messages = self.game.session.mail
        sent = sum(1 for m in messages if m["from"] == seat)
        got = sum(1 for m in messages if m["to"] == seat)
        marks.append(f"messages {sent} sent, {got} received")
        return marks

    def _draw_seats(self, surface: pygame.Surface, big: Text) -> None:
        """Every human seat (flag, name, what it is doing), then as many of the latest private
        messages as the panel holds, newest first."""
        s = self.s
        area = self.r(20, 76, self.right_x - 40, self.H - 96)
        pygame.draw.rect(surface, theme.PANEL, area)
        pygame.draw.rect(surface, theme.PANEL_EDGE, area, 1)
        pad = s(10)
        x, y = area.x + pad, area.y + pad
        world = self.game.world
        if area.w >= s(900):  # room for two columns: what happens in the game on the right
            half = area.w // 2
            self._draw_events(surface, big, pygame.Rect(area.x + half, area.y, half, area.h))
            area = pygame.Rect(area.x, area.y, half, area.h)
        draft = world.draft_in(world.council)
        title = (
            f"Every seat on {namer(world).name(draft.id)}"
            if draft
            else "Every seat (no draft before the Council)"
        )
        surface.blit(
            big.render(big.fit(title, 16, area.w - 2 * pad, True), 16, theme.TEXT, True), (x, y)
        )
        y += big.font(16, True).get_height() + s(8)
        real = real_states(self.game.scenario)
        for seat in self.seats():
            name = big.render(self.seat_name(seat), 15, theme.ACCENT, True)
            picture = flag(seat, round(name.get_height() * 0.7), real)
            surface.blit(picture, (x, y + (name.get_height() - picture.get_height()) // 2))
            surface.blit(name, (x + picture.get_width() + s(8), y))
            y += name.get_height() + s(2)
            line_h = big.font(13).get_height() + s(2)
            marks = " · ".join(self.seat_lines(seat, draft.id if draft else None))
            for line in wrapped(big, marks, 13, area.w - 3 * pad):
                surface.blit(big.render(line, 13, theme.TEXT), (x + pad, y))
                y += line_h
            y += s(8)
        y += s(8)
        surface.blit(big.render("Latest private messages", 16, theme.TEXT, True), (x, y))
        y += big.font(16, True).get_height() + s(6)
        line_h = big.font(13).get_height() + s(2)
        messages = self.game.session.mail
        if not messages:
            surface.blit(big.render("None yet.", 13, theme.MUTED), (x, y))
            y += line_h
        lines = [
            wrapped(big, describe(m, self.game), 13, area.w - 2 * pad)[:4] for m in messages[-30:]
        ]
        y = self._draw_entries(surface, big, reversed(lines), x, y, area.bottom - pad)
        if area.right < self.s(self.right_x - 20) or y > area.bottom - pad:
            return  # the events have a column of their own, or no room is left
        self._draw_events(surface, big, pygame.Rect(area.x, y, area.w, area.bottom - y))

    def _draw_entries(
        self,
        surface: pygame.Surface,
        big: Text,
        entries: Iterable[Sequence[str]],
        x: int,
        y: int,
        bottom: int,
    ) -> int:
        """Entries of a few lines each, one under the other, while they fit above ``bottom``;
        returns the y below the last."""
        line_h = big.font(13).get_height() + self.s(2)
        for entry in entries:
            for line in entry:
                if y + line_h > bottom:
                    return bottom + 1
                surface.blit(big.render(line, 13, theme.TEXT), (x, y))
                y += line_h
            y += self.s(4)
        return y

    def _draw_events(self, surface: pygame.Surface, big: Text, area: pygame.Rect) -> None:
        """The latest events of the game, newest first: what the teacher follows the class by."""
        pad = self.s(10)
        x, y = area.x + pad, area.y + pad
        head = big.font(16, True).get_height()
        if area.h < head + 2 * pad:
            return
        surface.blit(big.render("Latest in the game", 16, theme.TEXT, True), (x, y))
        y += head + self.s(6)
        game = self.game
        names = namer(game.world)
        events = game.world.events[-40:]
        lines = (
            wrapped(
                big,
                f"{month_tag(game.calendar(e.month), e.month)}: {names.text(e.text)}",
                13,
                area.w - 2 * pad,
            )[:4]
            for e in reversed(events)
        )
        self._draw_entries(surface, big, lines, x, y, area.bottom - pad)
