"""Private messages in a classroom game: what a seat wrote and received, and a new one to write.

A message goes to one human seat (or the teacher) and to the teacher, nobody else: short free
text and, if wanted, a structured offer — support on the draft for a clause, a side payment, a
pledge of troops. The server validates and logs it; this screen only shows and composes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from sim.model.names import clauses_words
from sim.net.protocol import MAX_TEXT
from sim.net.views import TEACHER
from sim.ui import theme
from sim.ui.game import Game
from sim.ui.netgame import NetGame
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.theme import Text
from sim.ui.words import month_tag, namer

OFFERS = (
    ("", "No offer"),
    ("support_for_clause", "Support for a clause"),
    ("side_payment", "Side payment"),
    ("pledge", "Pledge of troops"),
)
#: How much one press of − or + changes an offer's amount, by kind.
STEPS = {"side_payment": 0.5, "pledge": 100.0}


@lru_cache(maxsize=512)
def wrapped(text: Text, line: str, size: int, width: int) -> tuple[str, ...]:
    """``text.wrap`` remembered: the lists of messages and events are drawn every frame, and
    their lines are wrapped once, not each frame."""
    return tuple(text.wrap(line, size, width))


def describe(message: dict[str, Any], game: Game | None = None) -> str:
    """One line: ``M3 ARN to CAL: text [side payment 2 on kalvaria-1]``; with the ``game``, in
    the words the player reads: ``Mar 2011 · Arnesia to Calderon: text [side payment 2 on
    'Protection of civilians in Kalvaria']``."""
    month = int(message["month"])
    if game is None:
        name, when = str, f"M{month}"
    else:
        names = namer(game.world)
        name, when = names.name, month_tag(game.calendar(month), month) + " ·"

    def who(seat: str) -> str:
        return "the teacher" if seat == TEACHER and game is not None else name(seat)

    line = f"{when} {who(message['from'])} to {who(message['to'])}: {message['text']}"
    offer = message.get("offer")
    if offer:
        words = dict(OFFERS)[offer["kind"]].lower()
        detail = f"{offer['amount']:g}" if offer.get("amount") else ""
        if offer.get("clause"):
            detail = f"'{offer['clause']}'"
        on = f" on {name(offer['draft'])}" if offer.get("draft") else ""
        line += f" [{words} {detail}{on}]".replace("  ", " ")
    return line


class MessagesScreen(Screen):
    """The seat's private messages, newest first, and the form for a new one."""

    name = "messages"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert isinstance(app.game, NetGame)
        self.game: NetGame = app.game
        self.to = next(iter(self.recipients()), "")
        self.offer = ""
        self.amount = 1.0
        self.clause = 0
        self.entry: UITextEntryLine | None = None
        self._clauses: tuple[object, list[str]] = (None, [])
        self.arrange()

    def recipients(self) -> list[str]:
        """Every other human seat, and the teacher (for a seat)."""
        own = self.game.session.own
        seats = [s for s in self.game.session.players if s != own]
        return seats if own == TEACHER else [*seats, TEACHER]

    def seat_name(self, seat: str) -> str:
        """A seat by its state's name ("Calderon"), the teacher as "Teacher"."""
        return "Teacher" if seat == TEACHER else namer(self.game.world).name(seat)

    def clauses(self) -> list[str]:
        """The clauses of the draft before the Council, as an offer may name them (worked out
        again only when the draft changes: the screen lists them every frame)."""
        draft = self.game.council_draft()
        if draft is None:
            return []
        key = (draft.id, draft.clauses)
        if key != self._clauses[0]:
            said = clauses_words(self.game.world, draft.clauses)  # parties by name, not "gov"
            self._clauses = (key, [part.strip()[:120] for part in said.split(";") if part.strip()])
        return self._clauses[1]

    def arrange(self) -> None:
        """Where things go for this window: in a window larger than the design (1920x1080 at
        UI scale 1.0) the list of messages is wider, the form's rows further apart and the type
        of both larger (:mod:`sim.ui.room`); the form keeps at least 500 logical pixels."""
        spare = room(self.W, self.H)
        self.grow = type_factor(spare)
        self.big = zoomed(self.app.text, self.grow)  # kept: lines wrapped in it are remembered
        self.pitch = spare
        self.list_w = min(round(720 * self.grow), self.W - 560)
        self.form_x = 40 + self.list_w
        self.form_w = self.W - 20 - self.form_x

    def build(self) -> None:
        W, H = self.W, self.H
        self.arrange()
        x, w, p, g = self.form_x, self.form_w, self.pitch, self.grow
        #: Where the form's captions and drawn lines go (logical y).
        self.at: dict[str, float] = {"to": 70 - 24 * g}
        y: float = 70
        for n, seat in enumerate(self.recipients()):
            oid = "#toggle_on" if seat == self.to else "#small"
            name = self.seat_name(seat)
            self.button(
                self.r(x + (n % 4) * (w / 4), y + (n // 4) * 36, w / 4 - 6, 30),
                self.app.text.fit(name, 13, self.s(w / 4 - 14)),
                lambda s=seat: self.pick(s),
                object_id=oid,
                tip=f"Write to {name}",
            )
        y += 36 * ((len(self.recipients()) + 3) // 4) + 16 * p
        self.at["offer"] = y
        y += 24 * g
        for n, (kind, label) in enumerate(OFFERS):
            oid = "#toggle_on" if kind == self.offer else "#small"
            self.button(
                self.r(x + (n % 2) * (w / 2), y + (n // 2) * 36, w / 2 - 6, 30),
                label,
                lambda k=kind: self.pick_offer(k),
                object_id=oid,
            )
        y += 36 * 2 + 8 * p
        self.at["amount"] = y
        if self.offer in STEPS:
            self.button(self.r(x, y, 44, 34), "−", lambda: self.bump(-1), tip="Offer less")
            self.button(self.r(x + 160, y, 44, 34), "+", lambda: self.bump(1), tip="Offer more")
        elif self.offer == "support_for_clause":
            clauses = self.clauses()
            chosen = clauses[self.clause % len(clauses)] if clauses else "no draft before it"
            self.button(
                self.r(x, y, w, 34),
                self.app.text.fit(f"For: {chosen}", 15, self.s(w - 16)),
                self.next_clause,
                tip="The clause your support is for: press for the next clause of the draft",
            )
        y += 48 * p
        self.at["text"] = y
        y += 24 * g
        self.entry = UITextEntryLine(self.r(x, y, w, 36), self.app.manager)
        self.entry.set_text_length_limit(MAX_TEXT)
        self.elements.append(self.entry)
        y += 52 * p
        self.button(
            self.r(x, y, w / 2 - 6, 44),
            "Send",
            self.send,
            object_id="#primary",
            tip="Send it: the addressee and the teacher read it",
        )
        self.at["draft"] = y + 44 + 24 * p
        self.button(self.r(W - 170, H - 60, 140, 44), "Back", self.back, tip="Esc", default=True)

    def pick(self, seat: str) -> None:
        self.to = seat
        self.refresh()

    def pick_offer(self, kind: str) -> None:
        self.offer = kind
        self.amount = 1.0 if kind == "side_payment" else 200.0 if kind == "pledge" else 0.0
        self.refresh()

    def bump(self, direction: int) -> None:
        self.amount = max(0.0, self.amount + direction * STEPS.get(self.offer, 1.0))

    def next_clause(self) -> None:
        self.clause = (self.clause + 1) % max(1, len(self.clauses()))
        self.refresh()

    def refresh(self) -> None:
        text = self.entry.get_text() if self.entry is not None else ""
        super().refresh()
        if self.entry is not None and text:
            self.entry.set_text(text)

    def form(self) -> dict[str, Any]:
        """The message as the protocol carries it."""
        text = self.entry.get_text().strip() if self.entry is not None else ""
        body: dict[str, Any] = {"type": "message", "to": self.to, "text": text}
        if self.offer:
            draft = self.game.council_draft()
            offer: dict[str, Any] = {"kind": self.offer, "draft": draft.id if draft else ""}
            if self.offer == "support_for_clause":
                clauses = self.clauses()
                offer["clause"] = clauses[self.clause % len(clauses)] if clauses else ""
            else:
                offer["amount"] = self.amount
            body["offer"] = offer
        return body

    def send(self) -> None:
        body = self.form()
        if not body["text"] and not self.offer:
            self.app.notify("Write something, or choose an offer")
            return
        reasons = self.game.session.send_message(body)
        if reasons:
            self.app.notify("Not sent: " + "; ".join(reasons))
            return
        if self.entry is not None:
            self.entry.set_text("")
        to = self.seat_name(self.to)
        self.app.notify(f"Sent to {to}: only {to} and the teacher read it")

    def handle(self, event: pygame.event.Event) -> bool:
        """While the text line has the focus, typing writes into it (no shortcuts)."""
        typing = self.entry is not None and self.entry.is_focused
        if typing and event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.send()
                return True
            if event.key != pygame.K_ESCAPE:
                return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return True
        return super().handle(event)

    def busy_rects(self) -> list[pygame.Rect]:
        return [self.r(20, 60, self.list_w, self.H - 80)]

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        big = self.big
        own = self.game.session.own
        who = "the teacher" if own == TEACHER else self.seat_name(own)
        surface.blit(
            text.render(f"Private messages of {who}", 22, theme.TEXT, True), (s(20), s(16))
        )
        x = s(self.form_x)
        caption = big.font(15).get_height()
        for key, words in (
            ("to", "Write to"),
            ("offer", "With an offer"),
            ("text", "Text (up to 500 characters)"),
        ):
            surface.blit(big.render(words, 15, theme.MUTED), (x, s(self.at[key] + 20) - caption))
        y = s(self.at["amount"])
        if self.offer in STEPS:
            unit = "capital" if self.offer == "side_payment" else "troops"
            label = big.render(f"{self.amount:g} {unit}", 15, theme.TEXT, True)
            surface.blit(label, label.get_rect(center=(x + s(102), y + s(17))))
        self._draw_draft(surface, big)
        self._draw_list(surface, big)

    def _draw_draft(self, surface: pygame.Surface, big: Text) -> None:
        """Under the form, the clauses of the draft before the Council (what an offer of
        support names), the one chosen for an offer highlighted, as many as there is room for."""
        s = self.s
        clauses = self.clauses()
        if not clauses:
            return
        x, w = s(self.form_x), s(self.form_w)
        y, bottom = s(self.at["draft"]), s(self.H - 76)
        head = big.font(15, True).get_height()
        line_h = big.font(13).get_height() + s(2)
        if y + head + line_h > bottom:
            return
        draft = self.game.council_draft()
        title = namer(self.game.world).name(draft.id) if draft is not None else ""
        words = big.fit(f"The draft: {title}", 15, w, True)
        surface.blit(big.render(words, 15, theme.TEXT, True), (x, y))
        y += head + s(4)
        chosen = self.clause % len(clauses) if self.offer == "support_for_clause" else -1
        indent = big.font(13).size("• ")[0]
        for n, clause in enumerate(clauses):
            colour = theme.ACCENT if n == chosen else theme.TEXT
            for k, line in enumerate(wrapped(big, clause, 13, w - indent)):
                if y + line_h > bottom:
                    return
                if k == 0:
                    surface.blit(big.render("•", 13, colour), (x, y))
                surface.blit(big.render(line, 13, colour), (x + indent, y))
                y += line_h

    def _draw_list(self, surface: pygame.Surface, big: Text) -> None:
        s = self.s
        area = self.r(20, 60, self.list_w, self.H - 80)
        pygame.draw.rect(surface, theme.PANEL, area)
        pygame.draw.rect(surface, theme.PANEL_EDGE, area, 1)
        pad = s(10)
        y = area.y + pad
        mail = self.game.session.mail
        if not mail:
            surface.blit(big.render("No private messages yet.", 14, theme.MUTED), (area.x + pad, y))
            return
        line_h = big.font(14).get_height() + s(2)
        for message in reversed(mail):
            mine = message["from"] == self.game.session.own
            colour = theme.MUTED if mine else theme.TEXT
            for line in wrapped(big, describe(message, self.game), 14, area.w - 2 * pad):
                if y + line_h > area.bottom - pad:
                    return
                surface.blit(big.render(line, 14, colour), (area.x + pad, y))
                y += line_h
            y += s(8)
