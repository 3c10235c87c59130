"""The teacher's desk: the classroom game from the teacher's code, in the game window.

It shows every human seat — whose turn it is, who is played by the AI, each seat's own factors
on the draft before the Council and the vote it cast — and the teacher's controls: pause and
resume, a time limit per phase, any of the scenario's events or a custom incident, a seat handed
to the AI and back, the end of the game. Every control is a request to the server, which puts
it in the command log; the desk decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from sim.ui import theme
from sim.ui.netgame import NetGame
from sim.ui.screens.base import Host, Screen

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

    @property
    def data(self) -> dict[str, Any]:
        """The teacher's part of the last view the server sent."""
        return dict(self.game.session.view_data.get("teacher", {}))

    def seats(self) -> list[str]:
        return list(self.data.get("players", []))

    def triggers(self) -> list[str]:
        return list(self.data.get("triggers", []))

    def build(self) -> None:
        W, H = self.W, self.H
        x, w = 780, W - 800
        half, third = (w - 8) / 2, (w - 16) / 3
        #: (y, caption) drawn above each row of controls.
        self.captions: list[tuple[float, Callable[[], str]]] = []
        y = 52
        self.captions.append((y, lambda: "Everyone"))
        y += 24
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
        y += 54
        self.captions.append((y, self.limit_caption))
        y += 24
        self._stepper(x, y, "time limit", self.step_limit)
        self.button(
            self.r(x + w - third, y, third, 34),
            "Set limit",
            self.set_limit,
            tip="Each seat's turn ends by itself after this time",
        )
        y += 48
        self.captions.append((y, self.trigger_caption))
        y += 24
        self._stepper(x, y, "event", self.step_trigger)
        self.button(
            self.r(x + w - third, y, third, 34),
            "Fire event",
            self.fire,
            enabled=bool(self.triggers()),
            tip="Set off this scenario event now",
        )
        y += 48
        self.captions.append((y, lambda: "A custom incident: what happened"))
        y += 24
        self.incident = UITextEntryLine(self.r(x, y, w, 34), self.app.manager)
        self.incident.set_text_length_limit(200)
        self.elements.append(self.incident)
        y += 42
        self._stepper(x, y, "severity", self.step_severity)
        self.captions.append((y + 8, self.severity_caption))
        self.button(
            self.r(x + w - third, y, third, 34),
            "Incident",
            self.set_off,
            tip="Report this incident; the fighting changes by its severity",
        )
        y += 48
        self.captions.append((y, self.seat_caption))
        y += 24
        self._stepper(x, y, "seat", self.step_seat)
        self.button(
            self.r(x + w - third, y, third / 2 - 3, 34),
            "To AI",
            self.to_ai,
            enabled=bool(self.seats()),
            tip="The AI plays this seat",
        )
        self.button(
            self.r(x + w - third / 2 + 3, y, third / 2 - 3, 34),
            "Back",
            self.hand_back,
            enabled=bool(self.seats()),
            tip="Give the seat back to its student",
        )
        y += 58
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

    def _stepper(self, x: float, y: float, what: str, step: Callable[[int], None]) -> None:
        self.button(self.r(x, y, 40, 34), "<", lambda: step(-1), tip=f"Previous {what}")
        self.button(self.r(x + 46, y, 40, 34), ">", lambda: step(1), tip=f"Next {what}")

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
        return f"Seat: {seat}{held}"

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
        return [self.r(20, 60, 740, self.H - 80)]

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        session = self.game.session
        public = session.view_data.get("public", {})
        head = f"Teacher's desk · {self.game.world.title}"
        surface.blit(text.render(head, 22, theme.TEXT, True), (s(20), s(16)))
        turn = public.get("turn", {})
        state = "PAUSED" if public.get("paused") else f"on turn: {public.get('on_turn') or 'AI'}"
        limit = public.get("time_limit", 0)
        sub = f"Month {turn.get('month')}, {turn.get('phase')} · {state}"
        sub += f" · {limit} s per turn" if limit else " · no time limit"
        surface.blit(text.render(sub, 15, theme.MUTED), (s(20), s(46)))
        x, w = s(780), s(self.W - 800)
        for y, caption in self.captions:
            dx = s(96) if caption == self.severity_caption else 0
            line = text.fit(caption(), 14, w - dx)
            surface.blit(text.render(line, 14, theme.MUTED), (x + dx, s(y)))
        self._draw_seats(surface)

    def _draw_seats(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        area = self.r(20, 76, 740, self.H - 96)
        pygame.draw.rect(surface, theme.PANEL, area)
        pygame.draw.rect(surface, theme.PANEL_EDGE, area, 1)
        pad = s(10)
        x, y = area.x + pad, area.y + pad
        data = self.data
        world = self.game.world
        draft = world.draft_in(world.council)
        public = self.game.session.view_data.get("public", {})
        title = f"Every seat on {draft.id}" if draft else "Every seat (no draft before the Council)"
        surface.blit(text.render(title, 16, theme.TEXT, True), (x, y))
        y += s(28)
        stances = data.get("stances", {}).get(draft.id, {}) if draft else {}
        cast = data.get("cast", {}).get(draft.id, {}) if draft else {}
        messages = self.game.session.mail
        for seat in self.seats():
            marks = []
            if seat == public.get("on_turn"):
                marks.append("ON TURN")
            if seat in data.get("ai_seats", []):
                marks.append("AI plays it")
            stance = stances.get(seat)
            if stance:
                marks.append(f"its factors say {stance['choice']} ({stance['total']:+.3f})")
            if seat in cast:
                marks.append(f"voted {cast[seat]}")
            if seat in world.states.index:
                marks.append(f"political capital {self.game.view.capital(seat):.1f}")
            sent = sum(1 for m in messages if m["from"] == seat)
            got = sum(1 for m in messages if m["to"] == seat)
            marks.append(f"messages {sent} sent, {got} received")
            name = world.states.name(seat) if seat in world.states.index else seat
            surface.blit(text.render(f"{name} ({seat})", 15, theme.ACCENT, True), (x, y))
            y += s(22)
            for line in text.wrap(" · ".join(marks), 13, area.w - 3 * pad):
                surface.blit(text.render(line, 13, theme.TEXT), (x + pad, y))
                y += s(19)
            y += s(8)
        y += s(8)
        surface.blit(text.render("Latest private messages", 16, theme.TEXT, True), (x, y))
        y += s(26)
        from sim.ui.screens.messages import describe

        for message in reversed(messages[-8:]):
            for line in text.wrap(describe(message, self.game), 13, area.w - 2 * pad)[:2]:
                if y + s(19) > area.bottom - pad:
                    return
                surface.blit(text.render(line, 13, theme.TEXT), (x, y))
                y += s(19)
