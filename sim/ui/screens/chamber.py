"""The Council chamber, the main screen: the horseshoe with every member's forecast vote.

Around the table: each member, its forecast vote on the draft before the Council (or on the
player's next prepared draft) and how sure that forecast is. On the right: what the player can
do in this phase, and the latest news. Clicking a seat opens the member's profile.
"""

from __future__ import annotations

import html

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from sim.model.advice import vote_commands
from sim.model.ballots import CastVote
from sim.model.commands import Command
from sim.model.events import Event
from sim.model.names import draft_title, spoken_words
from sim.model.seats import seat_name
from sim.model.words import fighting_phrase
from sim.ui import theme
from sim.ui.flags import real_states
from sim.ui.game import Game
from sim.ui.guidance import Guidance, guidance, table_command
from sim.ui.pacing import DEADLINE_WARNING, importance_order
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.theatre import prepare_steps
from sim.ui.widgets.objectives import (
    ObjectiveRow,
    draw_tracker,
    objective_rows,
    tracker_height,
    tracker_lines,
)
from sim.ui.widgets.seats import Seat, draw_card, horseshoe, seats
from sim.ui.widgets.symbols import WORDS, draw_symbol
from sim.ui.words import Namer, advice_note, month_tag, namer

PHASES = {
    "open": "Opening of the month",
    "consult": "Consultations",
    "close": "Close of the month",
    "end": "End of the month",
}
QUIET = frozenset({"consultations"})
#: Events of a vote's result: the vote screen reveals them, never the message line.
VOTE_RESULTS = frozenset({"resolution_adopted", "draft_vetoed", "draft_failed"})
REFRESH_SECONDS = 0.25
#: Seat cards already drawn, by what they show: after a change of the world only the seats
#: whose forecast moved are drawn again (a card costs about a millisecond at 1920x1080).
_CARDS: dict[tuple[object, ...], pygame.Surface] = {}


def card_surface(
    text: theme.Text, seat: Seat, size: tuple[int, int], scale: float, real: bool
) -> pygame.Surface:
    """One seat card on a surface of its own (see :func:`draw_card`), drawn once per look."""
    key = (seat, size, scale, real)
    surface = _CARDS.get(key)
    if surface is None:
        if len(_CARDS) > 200:
            _CARDS.clear()
        surface = pygame.Surface(size, pygame.SRCALPHA)
        draw_card(surface, text, seat, surface.get_rect(), scale, real)
        _CARDS[key] = surface
    return surface


def _composed(
    placed: list[tuple[pygame.Surface, pygame.Rect]],
) -> tuple[pygame.Surface, tuple[int, int]]:
    """Lines of text placed in the window, on one opaque surface of the background's colour
    just large enough for them, and where it goes."""
    box = placed[0][1].unionall([r for _, r in placed[1:]]) if placed else pygame.Rect(0, 0, 1, 1)
    out = pygame.Surface(box.size).convert()
    out.fill(theme.BG)
    for surf, rect in placed:
        out.blit(surf, rect.move(-box.x, -box.y))
    return out, box.topleft


def phase_text(game: Game) -> str:
    """``Month 2 of 24 · Consultations, round 1 of 3``; with a calendar, ``October 1993 · month
    1 of 12 · …``."""
    turn = game.session.turn
    rounds = game.world.coefficients.consultation_rounds
    month = f"month {turn.month} of {game.world.months}"
    when = game.calendar(turn.month)
    month = f"{when} · {month}" if when else month.capitalize()
    text = f"{month} · {PHASES.get(turn.phase, turn.phase)}"
    if turn.phase == "consult":
        text += f", round {turn.round} of {rounds}"
    return text


def verdict(
    tally_passed: bool, vetoed_by: tuple[str, ...], yes: int, quota: int, names: Namer | None = None
) -> str:
    """How the forecast vote would end, in words (the vetoing members by name with ``names``)."""
    if tally_passed:
        return "Would be ADOPTED"
    if vetoed_by:
        who = [names.name(a) for a in vetoed_by] if names is not None else list(vetoed_by)
        return f"Would FAIL: veto by {', '.join(who)}"
    return f"Would FAIL: {yes} yes of {quota} needed"


class ChamberScreen(Screen):
    """Main screen of a game."""

    name = "chamber"
    interruptible = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game: Game = app.game
        self.state_key: tuple[object, ...] = ()
        self.since_refresh = 0.0
        self.seat_rects: list[pygame.Rect] = []
        self.seats: list[Seat] = []
        #: The table's picture: the centre and legend, then the seat cards, as surfaces and
        #: where they go (made once per change of the world, blitted every frame).
        self.table: list[tuple[pygame.Surface, tuple[int, int]]] | None = None
        #: Parts drawn for the first time on the frames after the build (see :meth:`later`):
        #: entering the chamber is a few short frames instead of one long one.
        self.waiting: set[str] = set()
        self.wrapped: dict[int, list[str]] = {}
        self.seat_buttons: dict[str, UIButton] = {}
        self.seated: frozenset[str] = frozenset()
        self.actions: dict[str, UIButton] = {}
        self.tips: dict[str, str] = {}
        #: Where the objectives' tracker and the news go (logical x, top, width), and the
        #: objectives as the tracker shows them (see :meth:`_place_panels`).
        self.panels_at = (0.0, 0.0, 0.0)
        self.tracked: list[ObjectiveRow] = []
        self.tracker_area = pygame.Rect(0, 0, 0, 0)
        self.tracker: pygame.Surface | None = None
        self.feed_order: list[int] = []
        self.feed_count = -1
        #: How much larger than the design the window is (see :func:`sim.ui.room.room`): the
        #: seat cards grow by it, the right column and the type by :attr:`grow`.
        self.spare = 1.0
        self.grow = 1.0
        #: Hot-seat: the first build waits while the hand-over covers the window (its frame
        #: would otherwise make every widget of a chamber nobody sees; see :meth:`build`).
        self.deferred = False
        self.cover_checked = False
        #: Where the actions go and the focus to give back, until they are made in the frame
        #: that built the screen (:meth:`_make_actions`).
        self.actions_due: tuple[int, int, int] | None = None

    # Layout -------------------------------------------------------------------------------

    @property
    def big_text(self) -> theme.Text:
        """The app's text, as much larger as the window has room for (:attr:`grow`)."""
        return zoomed(self.app.text, self.grow)

    def _key(self) -> tuple[object, ...]:
        g = self.game
        return (len(g.session.engine.log), g.session.turn, g.awaiting, g.session.finished)

    def covered(self) -> bool:
        """Whether the hand-over is about to cover the window: another person's turn at a
        hot-seat game, or its first turn (the app puts the cover on top in this same frame)."""
        g = self.game
        if len(g.players) < 2:
            return False
        seat = g.session.seat
        return seat != self.app.handed_to if seat is not None else self.app.handed_to is None

    def build(self) -> None:
        if not self.cover_checked:
            self.cover_checked = True
            if self.covered():  # built when the cover is lifted (resume) or this is on top
                self.deferred = True
                return
        self.deferred = False
        W = self.W
        self.spare = room(W, self.H)
        self.grow = type_factor(self.spare)
        width = round(360 * self.grow)
        right = W - width - 40
        self.table_area = pygame.Rect(20, 96, right - 50, self.H - 170)
        council = self.game.world.bodies[self.game.world.council]
        card = (round(92 * self.spare), round(72 * self.spare))
        self.seat_rects = horseshoe(len(council.members), self.table_area, card)
        self.seated = frozenset(council.members)  # the membership the horseshoe is laid out for
        self.seat_buttons = {}
        # The actions and the rest are made later in this same frame, before it is drawn
        # (:meth:`_make_actions`): after the game's steps of the frame, so that they are made
        # as the state then wants them and the first sync redraws none of them (entering from
        # the briefing, the first turn begins in those steps).
        self.actions_due = (right, width, self.focus)
        self.waiting = {"table", "panels"}
        self.later(lambda: self.waiting.discard("table"))
        self.later(lambda: self.waiting.discard("panels"))
        self.later(self._build_seat_buttons)
        for step in prepare_steps(self):  # the theatre's map, ready before it is opened
            self.later(step)

    def _make_actions(self) -> None:
        """The actions, the status and hint lines, then everything synced with the world; the
        keyboard focus goes back to the widget that had it before a rebuild."""
        if self.actions_due is None:
            return
        right, width, focus = self.actions_due
        self.actions_due = None
        guide = guidance(self.game)
        self._build_actions(right, width, guide)
        if 0 <= focus < len(self.ring):
            self.focus = focus
            self.ring[focus].select()
        self.sync(guide)

    def _build_seat_buttons(self) -> None:
        """The seats' invisible buttons (click or Tab for a member's profile), made the frame
        after the rest: the cards are drawn at once, the buttons over them are costly."""
        council = self.game.world.bodies[self.game.world.council]
        focused = self.focused()
        for actor, rect in zip(sorted(council.members), self.seat_rects, strict=True):
            self.seat_buttons[actor] = self.button(
                self.r(rect.x, rect.y, rect.w, rect.h),
                "",
                lambda a=actor: self.profile(a),
                tip=actor,
                object_id="#seat",
                focusable=False,
            )
        self.ring[0:0] = self.seat_buttons.values()  # Tab goes round the table first
        if focused is not None:
            self.focus = self.ring.index(focused)
        self._seat_tips()

    def _build_actions(self, x: int, w: int, guide: Guidance) -> None:
        y = 96
        self.status = self.label(self.r(x, y, w, 30), "", "#heading")
        y += 38
        half = (w - 10) / 2
        rows = [
            (
                "table",
                "Table draft",
                self.table_draft,
                pygame.K_t,
                "Put your prepared draft before the Council as it stands",
                None,
            ),
            (
                "edit",
                "Edit draft",
                self.edit,
                pygame.K_e,
                "Change clauses and see the whip count move",
                None,
            ),
            (
                "consult",
                "Consultations",
                self.consult,
                pygame.K_c,
                "Lobby, offer side deals, ask for endorsements",
                None,
            ),
            (
                "vote",
                "Call the vote",
                self.call_vote,
                pygame.K_v,
                "Put the draft to the vote now",
                None,
            ),
            (
                "end",
                "End turn",
                self.end_turn,
                pygame.K_SPACE,
                "Let the Council move on to the next phase",
                None,
            ),
            (
                "advise",
                "Advisor acts",
                self.advise,
                pygame.K_a,
                "Do what the AI penholder would do this phase, then end the turn",
                None,
            ),
            (
                "ballot",
                "Your vote",
                self.your_vote,
                pygame.K_y,
                "Vote yes, no or abstain on the draft before the Council",
                None,
            ),
            (
                "seat",
                "Your seat",
                self.your_seat,
                pygame.K_u,
                "What your seat can decide: pledges, forces, endorsements",
                None,
            ),
        ]
        if self.game.classroom:
            rows.append(
                (
                    "messages",
                    "Messages",
                    self.messages,
                    pygame.K_m,
                    "Private messages and offers to other seats and the teacher",
                    None,
                )
            )
            if self.game.player is None:
                rows.append(
                    (
                        "desk",
                        "Teacher's desk",
                        self.desk,
                        pygame.K_k,
                        "Every seat; pause, time limit, events, hand seats to the AI",
                        None,
                    )
                )
        self.actions = {}
        self.tips = {}
        for n, (name, text, action, key, tip, _) in enumerate(rows):
            rect = self.r(x + (n % 2) * (half + 10), y + (n // 2) * 48, half, 40)
            suggested = name == guide.suggested
            self.actions[name] = self.button(
                rect,
                text,
                action,
                key=key,
                tip=tip,
                object_id="#primary" if suggested else None,
                enabled=guide.enabled.get(name, True),
                default=suggested,
            )
            self.tips[name] = self.actions[name].tool_tip_text or ""
        y += (len(rows) + 1) // 2 * 48
        self.actions["skip"] = self.button(
            self.r(x, y, w, 36),
            "Skip to the next decision",
            self.app.skip_ahead,
            key=pygame.K_s,
            tip="End turns until something needs you: a draft to table or vote on, a mandate"
            " expiring, an answer, an objective's deadline, or important news",
        )
        self.tips["skip"] = self.actions["skip"].tool_tip_text or ""
        y += 44
        quarter = (w - 24) / 4
        row = [
            (
                "Theatre",
                self.theatre,
                pygame.K_h,
                "The crisis on the ground: missions, sanctions, charts",
            ),
            (
                "World",
                self.world_view,
                pygame.K_w,
                "Every member state on a world map by its stance",
            ),
            ("News", self.news, pygame.K_n, "Every event so far"),
            ("Menu", self.back, None, "Save, load, settings, quit (Esc)"),
        ]
        for n, (label, action, key, tip) in enumerate(row):
            self.button(
                self.r(x + n * (quarter + 8), y, quarter, 36), label, action, key=key, tip=tip
            )
        y += 46
        # What to do next: in the small type up to the design size, the usual type above it.
        small = "#small" if self.grow == 1.0 else None
        self.hint = self.label(self.r(x, y, w, 22 * self.grow), guide.hint, small)
        y += 26 * self.grow
        self.panels_at = (x, y, w)

    def _place_panels(self) -> None:
        """The objectives' tracker as tall as its lines are now (a deadline that no longer fits
        beside an objective's name takes a line), and the news feed in the rest of the column."""
        x, y, w = self.panels_at
        world = self.game.world
        self.tracked = objective_rows(world, world.finished)
        when = (world.month, DEADLINE_WARNING)
        lines = tracker_lines(self.big_text, self.tracked, self.s(w), when)
        most = max(0, (self.H - y - 16) // 2)
        height = min(tracker_height(self.tracked, self.grow, lines), most)
        self.tracker_area = pygame.Rect(x, y, w, height)
        self.tracker = None
        y += height + (8 if height else 0)
        self.feed_area = pygame.Rect(x, y, w, self.H - y - 16)

    def sync(self, guide: Guidance | None = None) -> None:
        """Seats, enabled actions and labels after the world moved (no widget is rebuilt);
        ``guide``: the guidance already worked out for this state."""
        if self.actions_due is not None:
            return  # made, and synced, later in this frame
        g = self.game
        world = g.world
        council = world.bodies[world.council]
        if council.members and set(council.members) != self.seated:  # replaced (Rwanda, 1994)
            self.refresh()  # the horseshoe is rebuilt for the new membership
            return
        self.state_key = self._key()
        self.since_refresh = 0.0
        forecast = g.forecast()
        ballot = forecast[1] if forecast else None
        names = {m: world.states.name(m) for m in council.members}
        bands = g.view.bands(forecast[0]) if forecast else None
        self.seats = seats(list(council.members), names, council.veto, g.player, ballot, bands)
        self.table = None
        self._place_panels()
        self._seat_tips()
        guide = guide or guidance(g)
        self._sync_actions(guide)
        self._suggest(guide.suggested)
        self._sync_status(guide.hint)

    def _seat_tips(self) -> None:
        """Each seat's tooltip: its name and forecast in words (the profile has the numbers)."""
        for seat in self.seats:
            button = self.seat_buttons.get(seat.actor)
            if button is None:
                continue  # the seat buttons are made the frame after the screen
            tip = f"<b>{html.escape(seat.name)}</b> ({seat.actor})"
            if seat.choice is not None:
                tip += f"<br>Forecast: {WORDS[seat.kind]}, {seat.certainty}"
            tip += "<br>Click or Enter for the profile: priorities, relations, why."
            button.tool_tip_text = tip

    def _sync_actions(self, guide: Guidance) -> None:
        """Enable what the player can do now; a disabled action's tooltip says why not."""
        for name, on in guide.enabled.items():
            button = self.actions[name]
            if on and not button.is_enabled:
                button.enable()
            elif not on and button.is_enabled:
                button.disable()
            tip = self.tips[name] if on else f"{guide.why_not.get(name, '')}<br>{self.tips[name]}"
            button.tool_tip_text = tip

    def _status_text(self) -> str:
        """Whose turn it is: the player's, the Council's, skipping, watching, or ended."""
        g = self.game
        status = "Your turn" if g.awaiting else "The Council is at work…"
        if self.app.skip is not None:
            status = "Skipping ahead… (S stops)"  # fits the column at 1024x600
        if g.player is None:
            status = "Watching the AI play"
        if g.session.finished:
            status = "The game has ended"
        return status

    def _sync_status(self, hint: str) -> None:
        """The status line (see :meth:`_status_text`) and the hint under it."""
        status = self._status_text()
        if self.status.text != status:
            self.status.set_text(status)
        if self.hint.text != hint:
            self.hint.set_text(hint)

    def _suggest(self, name: str | None) -> None:
        """Make the suggested action the default button (Enter) and the highlighted one."""
        button = self.actions.get(name) if name else None
        if button is self.default:
            return
        if self.default is not None:
            self.default.change_object_id(ObjectID(object_id=None))
        if button is not None:
            button.change_object_id(ObjectID(object_id="#primary"))
        self.default = button

    # Drawing ------------------------------------------------------------------------------

    def busy_rects(self) -> list[pygame.Rect]:
        if self.deferred or self.actions_due is not None:
            return []
        return [self.r(*self.feed_area), self.r(*self.tracker_area)]

    def resume(self) -> None:
        if self.deferred:  # the hand-over's cover is lifted: the chamber is made now
            self.open()
            return
        self._make_actions()  # a screen opened on top in the frame that built this one
        super().resume()

    def handle(self, event: pygame.event.Event) -> bool:
        self._make_actions()  # built between frames (a game started from outside a frame)
        return super().handle(event)

    def update(self, dt: float) -> None:
        if self.deferred:  # on top with no cover after all: made now
            self.open()
        if self.actions_due is not None:
            self._make_actions()
            return
        self.since_refresh += dt
        key = self._key()
        if key != self.state_key:
            awaiting_changed = key[2] != self.state_key[2]
            if awaiting_changed or self.since_refresh >= REFRESH_SECONDS:
                self.sync()

    def draw(self, surface: pygame.Surface) -> None:
        if self.deferred:
            return
        self._make_actions()  # (already made by update, unless it did not run this frame)
        g = self.game
        s = self.s
        # The month and the seat, a little larger in a large window (as much as the band above
        # the table holds), the two lines a little closer to the top.
        grow = min(self.grow, 1.25)
        big = zoomed(self.app.text, grow)
        top = 16 - 8 * (grow - 1)
        phase = big.render(phase_text(g), 20, theme.TEXT, bold=True)
        surface.blit(phase, (s(20), s(top)))
        info = []
        if g.player is not None:
            info.append(f"{seat_name(g.world, g.player)} ({g.player})")
            if g.player in g.world.states.index:
                info.append(f"political capital {g.view.capital(g.player):.1f}")
        intensity = getattr(g.world.theatre, "intensity", None)
        if isinstance(intensity, float):
            phrase = fighting_phrase(g.world.theatre.phase, intensity)
            info.append(f"{g.world.theatre.name}: {phrase}")
        below = max(s(48), s(top) + phase.get_height() + s(2))
        surface.blit(big.render(" · ".join(info), 15, theme.MUTED), (s(20), below))
        pygame.draw.line(surface, theme.PANEL_EDGE, (0, s(80)), (self.app.size[0], s(80)))
        if self.table is None and "table" not in self.waiting:
            self.table = self._render_table()
        if self.table is not None:
            self._draw_table(surface, self.table)
        if "panels" not in self.waiting:
            self._draw_tracker(surface)
            self._draw_feed(surface)

    def _draw_tracker(self, surface: pygame.Surface) -> None:
        """The objectives and their deadlines, redrawn when the world moves."""
        area = self.r(*self.tracker_area)
        if not area.h:
            return
        if self.tracker is None:
            world = self.game.world
            self.tracker = pygame.Surface(area.size, pygame.SRCALPHA)
            when = (world.month, DEADLINE_WARNING)
            draw_tracker(
                self.tracker,
                self.big_text,
                self.tracked,
                self.tracker.get_rect(),
                self.scale * self.grow,
                when,
            )
        surface.blit(self.tracker, area.topleft)

    def _feed(self) -> list[int]:
        """Indices of the events to show, the latest month first and within a month what
        matters first, a story's steps in time order (:func:`sim.ui.pacing.importance_order`,
        as the news)."""
        events = self.game.world.events
        if self.feed_count != len(events):
            story = namer(self.game.world).story
            by_month: dict[int, list[int]] = {}
            for i, e in enumerate(events):
                if e.kind not in QUIET:
                    by_month.setdefault(e.month, []).append(i)
            self.feed_order = []
            for month in sorted(by_month, reverse=True):
                shown = by_month[month]
                order = importance_order([events[i] for i in shown], story)
                self.feed_order += [shown[n] for n in order]
            self.feed_count = len(events)
        return self.feed_order

    def _draw_feed(self, surface: pygame.Surface) -> None:
        """The latest events, newest month first, drawn from cached lines (cheap every frame)."""
        text = self.big_text
        line_h = self.s(18 * self.grow)
        area = self.r(*self.feed_area)
        pygame.draw.rect(surface, theme.PANEL, area)
        pygame.draw.rect(surface, theme.PANEL_EDGE, area, 1)
        pad = self.s(8)
        y = area.y + pad
        width = area.width - 2 * pad
        events = self.game.world.events
        shown = 0
        for index in self._feed():
            event = events[index]
            lines = self.wrapped.get(index)
            if lines is None:
                said = namer(self.game.world).text(event.text)
                when = month_tag(self.game.calendar(event.month), event.month)
                lines = text.wrap(f"{when}: {said}", 13, width)
                self.wrapped[index] = lines
            for n, line in enumerate(lines):
                if y + line_h > area.bottom - pad:
                    return
                colour = theme.TEXT if n or shown else theme.ACCENT
                surface.blit(text.render(line, 13, colour), (area.x + pad, y))
                y += line_h
            y += self.s(6 * self.grow)
            shown += 1
        if not shown:
            surface.blit(
                text.render("Nothing has happened yet.", 13, theme.MUTED), (area.x + pad, y)
            )

    def _render_table(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The table's picture (:attr:`table`): the centre and the legend on opaque surfaces of
        their own size, then the seat cards (remembered: :func:`card_surface`). Blitting these
        each frame is cheap; a window-sized canvas cost 10 ms to make at 1920x1080."""
        real = real_states(self.game.scenario)
        parts = [self._draw_centre(), self._draw_legend()]
        cards = zoomed(self.app.text, self.spare)  # a larger card, larger type on it
        for seat, rect in zip(self.seats, self.seat_rects, strict=True):
            place = self.r(rect.x, rect.y, rect.w, rect.h)
            card = card_surface(cards, seat, place.size, self.scale * self.spare, real)
            parts.append((card, place.topleft))
        return parts

    def _draw_table(
        self, surface: pygame.Surface, parts: list[tuple[pygame.Surface, tuple[int, int]]]
    ) -> None:
        """The centre and legend, the table itself (a thick horseshoe line inside the seats),
        then the seats over it."""
        for picture, at in parts[:2]:
            surface.blit(picture, at)
        area = self.table_area
        inner = self.r(*self._arc())
        clip = surface.get_clip()
        surface.set_clip(self.r(*area).inflate(self.s(16), self.s(16)))  # the table's area
        pygame.draw.arc(surface, (52, 64, 78), inner, 0.0, 3.1416, max(6, self.s(16)))
        surface.set_clip(clip)
        for picture, at in parts[2:]:
            surface.blit(picture, at)

    def _draw_centre(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """The draft before the Council, its whip count and verdict, centred in the table."""
        g = self.game
        text = self.big_text
        area = self.table_area
        top = area.y + area.h * 0.3
        cx = self.s(area.centerx)
        y = self.s(top)
        width = self.s(self._centre_width(top))
        forecast = g.forecast()
        placed: list[tuple[pygame.Surface, pygame.Rect]] = []

        def line(t: str, size: int, colour: tuple[int, int, int], bold: bool = False) -> None:
            nonlocal y
            surf = text.render(text.fit(t, size, width, bold), size, colour, bold)
            placed.append((surf, surf.get_rect(midtop=(cx, y))))
            y += surf.get_height() + self.s(2 * self.grow)

        if forecast is None:
            line("No draft before the Council", 18, theme.MUTED, True)
            return _composed(placed)
        draft, ballot, tally = forecast
        state = "tabled" if draft.version > 0 else "prepared, not yet tabled"
        title = draft_title(g.world, draft.id, draft.title)  # no resolution number before the vote
        for part in text.wrap(title, 18, width, True)[:2]:  # whole, on two lines if need be
            line(part, 18, theme.TEXT, True)
        version = f" · version {draft.version}" if draft.version else ""
        line(state[:1].upper() + state[1:] + version, 13, theme.MUTED)
        for part in text.wrap(namer(g.world).text(draft.clauses.describe()), 13, width)[:4]:
            line(part, 13, theme.MUTED)
        y += self.s(8 * self.grow)
        body = g.world.bodies[draft.body]
        whip = g.whip(draft) if draft.id in g.world.drafts else None
        # The most likely count, as the seat cards show it; the whip's range under it, named.
        likely = f"{len(tally.yes)} yes · {len(tally.no)} no · {len(tally.abstain)} abstain"
        line(("Whip count: " if whip is not None else "Forecast: ") + likely, 17, theme.TEXT, True)
        if whip is not None:
            spans = []
            for choice in ("yes", "no", "abstain"):
                low, high = whip.range(choice)
                spans.append(f"{low} {choice}" if low == high else f"{low}–{high} {choice}")
            if any("–" in span for span in spans):
                line("If the uncertain seats move: " + " · ".join(spans), 13, theme.MUTED)
        ok = tally.passed
        line(
            verdict(ok, tally.vetoed_by, len(tally.yes), body.quota, namer(g.world)),
            17,
            theme.YES if ok else theme.NO,
            True,
        )
        if whip is not None:
            for st in g.heard(draft)[-2:]:
                who = g.world.states.name(st.actor)
                said = spoken_words(g.world, st.text)
                for part in text.wrap(f"{who}: {said}", 13, width)[:2]:
                    line(part, 13, theme.MUTED)
        del ballot
        return _composed(placed)

    def _arc(self) -> tuple[float, float, float, float]:
        """The ellipse whose upper half is the table (logical x, y, w, h): under the cards, a
        little inside their middles, its foot just below the table's area."""
        area = self.table_area
        dx, dy = 60 * self.spare, 50 * self.spare
        return area.x + dx, area.y + dy, area.w - 2 * dx, 2 * (area.h + 10 - dy)

    def _centre_width(self, top: float) -> float:
        """How wide the centre's lines may be (logical pixels) from ``top`` down: inside the
        table's line (narrowest at ``top``) and between the seat cards that reach below ``top``,
        so no line runs under the table or a card."""
        area = self.table_area
        x, y, w, h = self._arc()
        a, b = w / 2, h / 2
        rise = min(1.0, abs(top - (y + b)) / b)
        free = 2 * (a * (1 - rise * rise) ** 0.5 - 16 - 8)  # the line is 16 thick, drawn inward
        for r in self.seat_rects:
            if r.bottom > top:
                gap = area.centerx - r.right if r.centerx < area.centerx else r.left - area.centerx
                free = min(free, 2 * (gap - 12))
        return max(200.0, min(area.w * 0.7, free))

    def _draw_legend(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """What the symbols and the bar mean, under the table."""
        text = self.big_text
        size = self.s(16 * self.grow)
        kinds = (("yes", "Yes"), ("no", "No"), ("abstain", "Abstain"), ("veto", "Veto threat"))
        width = sum(
            size + text.render(w, 13, theme.MUTED).get_width() + self.s(22) for _, w in kinds
        )
        x0 = self.s(self.table_area.centerx) - width // 2
        y = self.s(self.table_area.bottom - 40 * self.grow)
        sure = text.render("Bar: how far from changing its vote", 13, theme.MUTED)
        below = sure.get_rect(midtop=(self.s(self.table_area.centerx), y + size + 4))
        pad = self.s(4)
        box = pygame.Rect(x0, y, width, size).union(below).inflate(2 * pad, 2 * pad)
        legend = pygame.Surface(box.size).convert()
        legend.fill(theme.BG)
        x = x0 - box.x
        for kind, word in kinds:
            draw_symbol(legend, kind, (x + size // 2, y - box.y + size // 2), size)
            label = text.render(word, 13, theme.MUTED)
            legend.blit(label, (x + size + self.s(5), y - box.y + (size - label.get_height()) // 2))
            x += size + label.get_width() + self.s(22)
        legend.blit(sure, below.move(-box.x, -box.y))
        return legend, box.topleft

    # Actions ------------------------------------------------------------------------------

    def _submit(self, command: Command) -> bool:
        """Submit a command and bring the chamber up to date; True when it was accepted."""
        return self.submit(command, self.sync) is not None

    def said(self, events: list[Event]) -> str:
        """Never a vote's result: the roll call on the vote screen reveals it seat by seat."""
        if any(e.kind in VOTE_RESULTS for e in events):
            return "The vote is held: the members vote one by one."
        return events[-1].text if events else ""

    def profile(self, actor: str) -> None:
        self.go("profile", actor)

    def table_draft(self) -> None:
        draft = self.game.council_draft()
        if draft is not None and self.game.player is not None:
            self._submit(table_command(self.game.player, draft))

    def edit(self) -> None:
        draft = self.game.council_draft()
        if draft is not None:
            self.go("draft", draft)

    def consult(self) -> None:
        self.go("consult")

    def call_vote(self) -> None:
        """Put the draft to the vote (a prepared draft is tabled first). The penholder votes
        for its own text when its advisers say yes; otherwise the ballot screen asks."""
        game, player = self.game, self.game.player
        draft = game.council_draft()
        if draft is None or player is None:
            return
        if draft.version == 0:
            if not self._submit(table_command(player, draft)):
                return
            draft = game.council_draft()
            if draft is None:
                return
        if game.own_vote_needed(draft):
            if draft.penholder != player or game.advice(draft).choice != "yes":
                self.go("ballot", draft, then_call=True)
                return
            if not self._submit(CastVote(player, draft.id, "yes")):
                return
        for command in vote_commands(game.session, player, draft.id):
            self._submit(command)

    def your_seat(self) -> None:
        self.go("seat")

    def your_vote(self) -> None:
        draft = self.game.council_draft()
        if draft is not None and draft.version > 0:
            self.go("ballot", draft)

    def end_turn(self) -> None:
        self.game.end_turn()
        self.sync()

    def advise(self) -> None:
        events = self.game.play_advice()
        self.app.notify(advice_note(events, QUIET))
        self.sync()

    def messages(self) -> None:
        self.go("messages")

    def desk(self) -> None:
        self.go("teacher")

    def theatre(self) -> None:
        self.go("theatre")

    def world_view(self) -> None:
        self.go("world")

    def news(self) -> None:
        self.go("eventlog")

    def back(self) -> None:
        self.go("menu")
