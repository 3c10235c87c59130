"""Consultations: spend political capital to lobby, offer side deals, ask for endorsements.

Each button submits one command (Lobby, OfferSidePayment, TradeVotes, RequestEndorsement); the
replies are the events it returns, and the whip count with veto threats is shown beside them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pygame
from pygame_gui.elements import UIButton, UITextBox

from sim.model.commands import AmendDraft, Command, Lobby, OfferSidePayment, RequestEndorsement
from sim.model.drafts import Draft
from sim.model.explain import Factor
from sim.model.names import draft_title, spoken_words
from sim.model.trades import TradeVotes
from sim.model.world import Statement
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import verdict
from sim.ui.screens.profile import draw_factors, factor_title
from sim.ui.theme import Text
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of
from sim.ui.words import month_tag, namer, persuasion_word, weight_word


def panel_factors(factors: Sequence[Factor]) -> list[Factor]:
    """The factors the panel names for the member worked on: a side deal on the table first
    (the offer just made shows at once), then what weighs most against a yes; never a factor
    that adds nothing."""
    deal = [f for f in factors if f.name == "side_payment" and f.points]
    against = [f for f in sorted(factors, key=lambda f: f.points) if f.points < 0]
    return deal + against[:2]


REPLIES = frozenset(
    {"lobby", "side_payment", "vote_trade", "endorsement", "whip_count", "draft_amended"}
)
AMOUNT_STEP = 0.5
#: Logical pixels between buttons in a row, and the padding a button's words need.
GAP = 6
PAD = 14


def grid(count: int, need: float, width: float, most: float = 220) -> tuple[int, float]:
    """(columns, button width) for ``count`` buttons of at least ``need`` logical pixels in a
    row ``width`` wide: as many columns as fit, the rows filled evenly (14 members: two rows
    of 7, not 10 and 4), the buttons widened to the row (up to ``most``)."""
    if count == 0:
        return 1, need
    columns = max(1, min(count, int((width + GAP) // (need + GAP))))
    rows = -(-count // columns)
    columns = -(-count // rows)
    return columns, max(need, min(most, (width - GAP * (columns - 1)) / columns))


class ConsultScreen(Screen):
    """Lobbying, side deals and endorsement requests."""

    name = "consult"

    def __init__(self, app: Host, target: str | None = None) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        members = self.members()
        self.target = target if target in members else (members[0] if members else "")
        self.dimension = self.game.view.issue_ids()[0]
        self.amount = 1.0
        self.right_x, self.right_w, self.left_w = 850.0, 400.0, 780.0
        self.gap = 1.0
        self.big: Text = app.text
        self.reasons_top = 720.0

    def member_name(self, member: str) -> str:
        """A member by its name ("Calderon"), never its code."""
        return self.game.world.states.name(member)

    def need(self, words: list[str]) -> float:
        """The logical width the widest of ``words`` needs on a button."""
        font = self.app.text.font(15)
        return max((font.size(w)[0] for w in words), default=0) / self.scale + PAD

    def members(self) -> list[str]:
        world = self.game.world
        return [m for m in sorted(world.bodies[world.council].members) if m != self.game.player]

    def build(self) -> None:
        """Left, top to bottom: whom to work on, lobbying, side deals and trades, regional
        endorsements; right: the member's asks and the replies so far (the panel above them is
        drawn). Made once: choosing a member, an issue or an amount, or sending a command,
        changes these widgets in place (:meth:`sync`) instead of building the screen again."""
        W, H = self.W, self.H
        # In a big window the captions are larger, and the gaps they sit in grow with them.
        self.gap = type_factor(room(W, H))
        self.big = zoomed(self.app.text, self.gap)
        # The right column (forecast, asks, replies) grows with the window up to 640 logical
        # pixels; the left (the choices) takes the rest, so no band stays empty at 1920.
        self.right_w = max(400.0, min(640.0, W - 880.0))
        self.right_x = W - 30 - self.right_w
        self.left_w = self.right_x - 70
        x, y = 30, 84
        self.rows = {"target": y - 24}
        y = self._build_targets(x, y)
        self.rows["lobby"] = y - 24
        y = self._build_lobby(x, y)
        self.rows["deal"] = y - 24
        y = self._build_deal(x, y)
        self.rows["endorse"] = y - 24
        # Below the endorsements, where a big window has room: why the member votes as it
        # would (:meth:`_draw_reasons`).
        self.reasons_top = y + 46 * len(self.game.view.theatre_organizations()) + 20 * self.gap
        # The endorsements, then the asks and the replies, are made on the next frames (in
        # their places in the focus ring): entering is a few short frames, not one long one.
        self.endorsements: dict[str, UIButton] = {}
        at = len(self.ring)
        self.later(lambda y=y: self._build_endorsements(x, y, at))
        self.button(self.r(W - 170, H - 60, 140, 44), "Back", self.back, tip="Esc", default=True)
        self.profile_w = self.right_w - 150
        self.profile_button = self.button(
            self.r(self.right_x, H - 60, self.profile_w, 44),
            self._profile_text(),
            self.profile,
            key=pygame.K_p,
            tip="Priorities, relations and the factors of its stance",
        )
        self.asks_top = 300.0
        self.asks: list[UIButton] = []
        self.asks_key: tuple[object, ...] | None = None
        self.replies: UITextBox | None = None
        self.replies_html = ""
        self.later(lambda: self._build_replies(self._build_asks(self.asks_top)))

    def sync(self) -> None:
        """Bring every widget up to date with the choices and the world, in place: only the
        buttons whose text, state or style changed are redrawn."""
        if not self.built:
            return
        for member, button in self.targets.items():
            self.restyle(button, object_id="#toggle_on" if member == self.target else None)
        for dim, button in self.dims.items():
            self.restyle(button, object_id="#toggle_on" if dim == self.dimension else None)
        self.restyle(self.lobby_button, self._lobby_text(), enabled=self.ok(self._lobby()))
        tabled = self._tabled()
        self.restyle(
            self.offer_button,
            f"Offer {self.member_name(self.target)} a side deal",
            enabled=tabled and self.ok(self._deal()),
        )
        text, tip, enabled = self._trade_button()
        self.restyle(self.trade_button, text, tip=tip, enabled=enabled)
        for org_id, button in self.endorsements.items():
            text, enabled = self._endorse_button(org_id)
            self.restyle(button, text, enabled=enabled)
        self.restyle(self.profile_button, self._profile_text())
        top = self._build_asks(self.asks_top)
        self._build_replies(top)

    def _lobby_text(self) -> str:
        cost = self.game.view.lobby_cost()
        return f"Lobby {self.member_name(self.target)} on {self.dim_name()} ({cost:g} capital)"

    def _profile_text(self) -> str:
        """ "Profile of Calderon", or "Profile" when a long name does not fit the button (the
        panel above names the member)."""
        words = f"Profile of {self.member_name(self.target)}"
        return words if self.need([words]) <= self.profile_w else "Profile"

    def _trade_button(self) -> tuple[str, str, bool]:
        """The trade of votes' text, tooltip and whether it can be offered now."""
        theirs = self._theirs()
        name = self.game.world.states.name(self.target)
        if not theirs:
            return "Trade votes", f"{name} holds the pen on no other draft", False
        text = f"Trade votes: back {name}'s text for its vote on yours"
        title = draft_title(self.game.world, theirs[0].id, theirs[0].title)
        tip = f"Pledge your vote on '{html.escape(title)}'"
        return text, tip, self._tabled() and self.ok(self._trade())

    def _endorse_button(self, org_id: str) -> tuple[str, bool]:
        """An organization's button: its text with its forecast on the tabled draft, and
        whether it can be asked now."""
        g = self.game
        draft = g.council_draft()
        tabled = draft is not None and draft.version > 0
        note = ""
        if draft is not None and tabled:
            if org_id in draft.endorsements:
                note = " — endorsed" if draft.endorsements[org_id] else " — refused"
            else:
                forecast = g.view.organization_forecast(org_id, draft)
                word = "would endorse" if forecast.passed else "would refuse"
                note = f" — {word} ({forecast.counts()})"
        name = g.world.organizations[org_id].name
        return f"Ask the {name} to endorse{note}", tabled and self.ok(self._endorse(org_id))

    def _tabled(self) -> bool:
        draft = self.game.council_draft()
        return draft is not None and draft.version > 0

    def _draft_id(self) -> str:
        draft = self.game.council_draft()
        return draft.id if draft is not None else ""

    def _theirs(self) -> list[Draft]:
        """The target's own drafts (other than the player's): what a trade of votes backs."""
        draft_id = self._draft_id()
        return [
            d for d in self.game.view.drafts() if d.penholder == self.target and d.id != draft_id
        ]

    # The commands the buttons send, made at the click from the choices then.

    def _lobby(self) -> Lobby:
        return Lobby(self.game.player or "", self.target, self.dimension)

    def _deal(self) -> OfferSidePayment:
        return OfferSidePayment(self.game.player or "", self._draft_id(), self.target, self.amount)

    def _trade(self) -> TradeVotes:
        theirs = self._theirs()
        return TradeVotes(
            self.game.player or "", self._draft_id(), self.target, theirs[0].id if theirs else ""
        )

    def _endorse(self, org_id: str) -> RequestEndorsement:
        return RequestEndorsement(self.game.player or "", self._draft_id(), org_id)

    def _build_targets(self, x: float, y: float) -> float:
        """One button per member, by name, as many to a row as the longest name allows;
        returns the y below the next label."""
        members = sorted(self.members(), key=self.member_name)  # in the order of their names
        names = [self.member_name(m) for m in members]
        columns, width = grid(len(members), max(86.0, self.need(names)), self.left_w)
        self.targets: dict[str, UIButton] = {}
        for n, (member, name) in enumerate(zip(members, names, strict=True)):
            col, row = n % columns, n // columns
            self.targets[member] = self.button(
                self.r(x + col * (width + GAP), y + row * 42, width, 36),
                name,
                lambda m=member: self.pick_target(m),
                tip=f"Work on {name}",
                object_id="#toggle_on" if member == self.target else None,
            )
        return y + 42 * (-(-len(members) // columns)) + 40 * self.gap

    def _build_lobby(self, x: float, y: float) -> float:
        """The issues to lobby on and the Lobby button."""
        g = self.game
        self.dims: dict[str, UIButton] = {}
        left = x
        for dim in g.world.issues.dimensions:
            width = max(152.0, self.need([dim.name]))
            if left > x and left + width > x + self.left_w:
                left, y = x, y + 42  # the next row: a long issue's name is never cut
            self.dims[dim.id] = self.button(
                self.r(left, y, width, 36),
                dim.name,
                lambda d=dim.id: self.pick_dim(d),
                object_id="#toggle_on" if dim.id == self.dimension else None,
                tip=dim.name,
            )
            left += width + 8
        y += 46
        self.lobby_button = self.button(
            self.r(x, y, min(self.left_w, 640), 40),
            self._lobby_text(),
            lambda: self.send(self._lobby()),
            key=pygame.K_l,
            tip="Press the member to move toward your position on this issue",
            enabled=self.ok(self._lobby()),
        )
        return y + 40 + 40 * self.gap

    def _build_deal(self, x: float, y: float) -> float:
        """The side deal (amount and offer) and the trade of votes, on the tabled draft."""
        self.button(self.r(x, y, 44, 40), "−", lambda: self.bump(-1), tip="Offer less")
        self.button(self.r(x + 150, y, 44, 40), "+", lambda: self.bump(1), tip="Offer more")
        self.amount_pos = (x + 97, y + 20)
        self.offer_button = self.button(
            self.r(x + 210, y, 330, 40),
            f"Offer {self.member_name(self.target)} a side deal",
            lambda: self.send(self._deal()),
            key=pygame.K_o,
            tip="A concession on another matter for its support of your draft",
            enabled=self._tabled() and self.ok(self._deal()),
        )
        text, tip, enabled = self._trade_button()
        self.trade_button = self.button(
            self.r(x, y + 48, 540, 40),
            text,
            lambda: self.send(self._trade()),
            tip=tip,
            enabled=enabled,
        )
        return y + 88 + 40 * self.gap

    def _build_endorsements(self, x: float, y: float, at: int) -> None:
        """One button per regional organization of the theatre, with its forecast (at place
        ``at`` of the focus ring)."""
        for n, org_id in enumerate(self.game.view.theatre_organizations()):
            text, enabled = self._endorse_button(org_id)
            self.endorsements[org_id] = self.button(
                self.r(x, y + n * 46, 640, 40),
                text,
                lambda o=org_id: self.send(self._endorse(o)),
                key=pygame.K_1 + n if n < 9 else None,
                enabled=enabled,
                tip="Its own body decides by its own rule; a refusal counts against you",
            )
        self._into_ring(list(self.endorsements.values()), at)

    def _heard(self) -> list[Statement]:
        """What the members said about the tabled draft."""
        draft = self.game.council_draft()
        tabled = draft is not None and draft.version > 0
        return self.game.heard(draft) if draft is not None and tabled else []

    def _build_asks(self, top: float) -> float:
        """For the penholder: one button per member's ask (the last three) to meet it, made
        again only when the asks change; returns the y below them."""
        g = self.game
        player = g.player or ""
        draft = g.council_draft()
        asks: list[Statement] = []
        if draft is not None and draft.penholder == player:
            heard = self._heard()
            asks = [st for st in heard if st.clauses is not None and st.clauses != draft.clauses]
            asks = asks[-3:]
        amends = [
            AmendDraft(player, draft.id, st.clauses, f"meets {st.actor}'s ask")
            for st in asks
            if draft is not None and st.clauses is not None
        ]
        key = (tuple(amends), tuple(st.text for st in asks), tuple(self.ok(a) for a in amends))
        if key != self.asks_key:
            self.asks_key = key
            for button in self.asks:
                self.drop(button)
            self.asks = [
                self.button(
                    self.r(self.right_x, top + n * 44, self.right_w, 38),
                    f"Meet {g.world.states.name(st.actor)}'s ask",
                    lambda c=amend: self.send(c),
                    enabled=self.ok(amend),
                    tip=html.escape(spoken_words(g.world, st.text)),
                )
                for n, (st, amend) in enumerate(zip(asks, amends, strict=True))
            ]
        return top + 44 * len(asks)

    def _build_replies(self, top: float) -> None:
        """What the members said about the draft, then the latest replies to lobbying (the box
        is laid out again only when its text changes)."""
        g = self.game
        said = [
            f"<b>{html.escape(g.world.states.name(st.actor))}</b>"
            + (" (to you)" if st.to else "")
            + f": {html.escape(spoken_words(g.world, st.text))}"
            for st in reversed(self._heard())
        ]
        replies = [e for e in g.world.events if e.kind in REPLIES][-8:]
        names = namer(g.world)
        said += [
            f"<b>{month_tag(g.calendar(e.month), e.month)}:</b> {html.escape(names.text(e.text))}"
            for e in reversed(replies)
        ]
        text = "<br>".join(said) or (
            "<i>No replies yet: members answer lobbying in the next round.</i>"
        )
        rect = self.r(self.right_x, top, self.right_w, self.H - top - 80)
        box = self.replies
        if box is not None and text == self.replies_html and box.relative_rect == rect:
            return
        if box is not None:
            self.drop(box)
        self.replies = self.textbox(rect, text)
        self.replies_html = text

    def dim_name(self) -> str:
        world = self.game.world
        return world.issues.dimensions[world.issues.index[self.dimension]].name.lower()

    def ok(self, command: Command) -> bool:
        return self.game.awaiting and not self.game.check(command)

    def refresh(self) -> None:
        """After a choice or a command: the widgets change in place (:meth:`sync`)."""
        self.sync()

    def pick_target(self, member: str) -> None:
        self.target = member
        self.refresh()

    def pick_dim(self, dim: str) -> None:
        self.dimension = dim
        self.refresh()

    def bump(self, direction: int) -> None:
        self.amount = max(AMOUNT_STEP, min(10.0, self.amount + direction * AMOUNT_STEP))
        self.refresh()

    def profile(self) -> None:
        self.go_instead("profile", self.target)

    def send(self, command: Command) -> None:
        self.submit(command)

    def draw(self, surface: pygame.Surface) -> None:
        g = self.game
        text = self.app.text
        s = self.s
        title = "Consultations"
        if g.player is not None and g.player in g.world.states.index:
            title += f" — political capital {g.view.capital(g.player):.1f}"
        surface.blit(text.render(title, 22, theme.TEXT, True), (s(30), s(18)))
        labels = {
            "target": "Member to work on",
            "lobby": "Lobby on an issue",
            "deal": "Side deal (capital offered)",
            "endorse": "Regional endorsement of your draft",
        }
        big = self.big
        caption = big.font(15, True).get_height()
        for key, label in labels.items():
            # On the label's line as at 1280x720 (its foot 20 logical pixels below the row's
            # top), however large the type.
            top = s(self.rows[key] + 20) - caption
            surface.blit(big.render(label, 15, theme.MUTED, True), (s(30), top))
        amount = big.render(f"{self.amount:.1f}", 16, theme.TEXT, True)
        surface.blit(amount, amount.get_rect(center=(s(self.amount_pos[0]), s(self.amount_pos[1]))))
        self._target_panel(surface)
        self._draw_reasons(surface)

    def _draw_reasons(self, surface: pygame.Surface) -> None:
        """Under the choices, where the window leaves room (1920x1080 at UI scale 1.0): every
        factor of the member's stance on the draft as a bar with its weight in words, the
        heaviest first, as many as fit, then all of them together."""
        g = self.game
        forecast = g.forecast()
        if forecast is None or self.target not in forecast[1].voters:
            return
        stance = forecast[1].stance(self.target)
        big, grow = self.big, type_factor(room(self.W, self.H))
        top, bottom = self.s(self.reasons_top), self.s(self.H - 76)
        head = big.font(15, True).get_height()
        row = self.s(21 * grow)
        factors = sorted((f for f in stance.factors if f.points), key=lambda f: -abs(f.points))
        fit = (bottom - top - head - self.s(8) - self.s(32 * grow)) // row
        if fit < min(3, len(factors)):
            return  # no room for a useful list: the panel on the right names the main ones
        name = self.member_name(self.target)
        words = big.fit(f"What moves {name} on this draft", 15, self.s(self.left_w), True)
        surface.blit(big.render(words, 15, theme.MUTED, True), (self.s(30), top))
        dims = {d.id: d.name for d in g.world.issues.dimensions}
        draw_factors(
            surface,
            big,
            self.scale * grow,
            factors[:fit],
            stance.total,
            lambda n: factor_title(n, dims),
            self.s(30),
            top + head + self.s(8),
            self.s(min(self.left_w, 760 * grow)),
        )

    def _target_panel(self, surface: pygame.Surface) -> None:
        g = self.game
        text = self.app.text
        s = self.s
        x, y, w = self.right_x, 70, self.right_w
        forecast = g.forecast()
        panel = self.r(x - 10, y - 10, w + 20, 216)
        pygame.draw.rect(surface, theme.PANEL, panel, border_radius=s(6))
        pygame.draw.rect(surface, theme.PANEL_EDGE, panel, 1, border_radius=s(6))
        if forecast is None:
            surface.blit(text.render("No draft before the Council.", 16, theme.MUTED), (s(x), s(y)))
            return
        draft, ballot, tally = forecast
        quota = g.world.bodies[draft.body].quota
        counts = (
            f"Whip count: {len(tally.yes)} yes · {len(tally.no)} no · {len(tally.abstain)} abst."
        )
        surface.blit(text.render(counts, 15, theme.TEXT, True), (s(x), s(y)))
        v = verdict(tally.passed, tally.vetoed_by, len(tally.yes), quota, namer(g.world))
        surface.blit(
            text.render(v, 15, theme.YES if tally.passed else theme.NO, True), (s(x), s(y + 24))
        )
        threats = [
            a for i, a in enumerate(ballot.voters) if ballot.veto[i] and ballot.choices()[a] == "no"
        ]
        line = "Veto threats: " + (", ".join(map(self.member_name, threats)) if threats else "none")
        line = text.fit(line, 14, s(w))
        surface.blit(
            text.render(line, 14, theme.VETO if threats else theme.MUTED), (s(x), s(y + 48))
        )
        if self.target in ballot.voters:
            stance = ballot.stance(self.target)
            kind = kind_of(stance.choice, stance.veto_holder)
            size = s(18)
            top = s(y + 84)
            draw_symbol(surface, kind, (s(x) + size // 2, top + size // 2), size)
            picture = flag(self.target, s(14), real_states(g.scenario))
            surface.blit(picture, (s(x + 26), top + (size - picture.get_height()) // 2))
            head = f"{self.member_name(self.target)}: {WORDS[kind]}"
            surface.blit(
                text.render(text.fit(head, 15, s(w - 56), True), 15, COLOURS[kind], True),
                (s(x + 32) + picture.get_width(), top),
            )
            need = persuasion_word(stance.yes_above + 1 - stance.total)
            surface.blit(text.render(need, 14, theme.MUTED), (s(x), s(y + 112)))
            dims = {d.id: d.name for d in g.world.issues.dimensions}
            for n, f in enumerate(panel_factors(stance.factors)):
                side = "for" if f.points > 0 else "against"
                label = f"{factor_title(f.name, dims)}: {weight_word(f.points)} {side}"
                colour = theme.YES if f.points > 0 else theme.TEXT
                surface.blit(text.render(label, 14, colour), (s(x), s(y + 136 + 20 * n)))
