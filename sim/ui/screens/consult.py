"""Consultations: spend political capital to lobby, offer side deals, ask for endorsements.

Each button submits one command (Lobby, OfferSidePayment, TradeVotes, RequestEndorsement); the
replies are the events it returns, and the whip count with veto threats is shown beside them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pygame

from sim.model.commands import AmendDraft, Command, Lobby, OfferSidePayment, RequestEndorsement
from sim.model.explain import Factor
from sim.model.trades import TradeVotes
from sim.model.world import Statement
from sim.ui import theme
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import verdict
from sim.ui.screens.profile import factor_title
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of
from sim.ui.words import namer, persuasion_word, weight_word


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

    def members(self) -> list[str]:
        world = self.game.world
        return [m for m in sorted(world.bodies[world.council].members) if m != self.game.player]

    def build(self) -> None:
        """Left, top to bottom: whom to work on, lobbying, side deals and trades, regional
        endorsements; right: the member's asks and the replies so far (the panel above them is
        drawn)."""
        W, H = self.W, self.H
        x, y = 30, 84
        self.rows = {"target": y - 24}
        y = self._build_targets(x, y)
        self.rows["lobby"] = y - 24
        y = self._build_lobby(x, y)
        self.rows["deal"] = y - 24
        y = self._build_deal(x, y)
        self.rows["endorse"] = y - 24
        self._build_endorsements(x, y)
        self.button(self.r(W - 170, H - 60, 140, 44), "Back", self.back, tip="Esc", default=True)
        self.button(
            self.r(W - 400, H - 60, 220, 44),
            f"Profile of {self.target}",
            self.profile,
            key=pygame.K_p,
            tip="Priorities, relations and the factors of its stance",
        )
        top = self._build_asks(300)
        self._build_replies(top)

    def _build_targets(self, x: float, y: float) -> float:
        """One button per member, seven to a row; returns the y below the next label."""
        members = self.members()
        for n, member in enumerate(members):
            col, row = n % 7, n // 7
            self.button(
                self.r(x + col * 92, y + row * 42, 86, 36),
                member,
                lambda m=member: self.pick_target(m),
                tip=self.game.world.states.name(member),
                object_id="#toggle_on" if member == self.target else None,
            )
        return y + 42 * ((len(members) + 6) // 7) + 40

    def _build_lobby(self, x: float, y: float) -> float:
        """The issues to lobby on and the Lobby button."""
        g = self.game
        for n, dim in enumerate(g.world.issues.dimensions):
            self.button(
                self.r(x + n * 160, y, 152, 36),
                dim.name,
                lambda d=dim.id: self.pick_dim(d),
                object_id="#toggle_on" if dim.id == self.dimension else None,
                tip=dim.name,
            )
        y += 46
        lobby = Lobby(g.player or "", self.target, self.dimension)
        self.button(
            self.r(x, y, 420, 40),
            f"Lobby {self.target} on {self.dim_name()} ({g.view.lobby_cost():g} capital)",
            lambda: self.send(lobby),
            key=pygame.K_l,
            enabled=self.ok(lobby),
            tip="Press the member to move toward your position on this issue",
        )
        return y + 80

    def _build_deal(self, x: float, y: float) -> float:
        """The side deal (amount and offer) and the trade of votes, on the tabled draft."""
        g = self.game
        player = g.player or ""
        draft = g.council_draft()
        tabled = draft is not None and draft.version > 0
        draft_id = draft.id if draft is not None else ""
        self.button(self.r(x, y, 44, 40), "−", lambda: self.bump(-1), tip="Offer less")
        self.button(self.r(x + 150, y, 44, 40), "+", lambda: self.bump(1), tip="Offer more")
        self.amount_pos = (x + 97, y + 20)
        deal = OfferSidePayment(player, draft_id, self.target, self.amount)
        self.button(
            self.r(x + 210, y, 330, 40),
            f"Offer {self.target} a side deal",
            lambda: self.send(deal),
            key=pygame.K_o,
            enabled=tabled and self.ok(deal),
            tip="A concession on another matter for its support of your draft",
        )
        theirs = [d for d in g.view.drafts() if d.penholder == self.target and d.id != draft_id]
        trade = TradeVotes(player, draft_id, self.target, theirs[0].id if theirs else "")
        name = g.world.states.name(self.target)
        self.button(
            self.r(x, y + 48, 540, 40),
            f"Trade votes: back {name}'s text for its vote on yours" if theirs else "Trade votes",
            lambda: self.send(trade),
            enabled=tabled and bool(theirs) and self.ok(trade),
            tip=f"Pledge your vote on '{html.escape(theirs[0].title)}'"
            if theirs
            else f"{name} holds the pen on no other draft",
        )
        return y + 128

    def _build_endorsements(self, x: float, y: float) -> None:
        """One button per regional organization of the theatre, with its forecast."""
        g = self.game
        draft = g.council_draft()
        tabled = draft is not None and draft.version > 0
        draft_id = draft.id if draft is not None else ""
        for n, org_id in enumerate(g.view.theatre_organizations()):
            org = g.world.organizations[org_id]
            request = RequestEndorsement(g.player or "", draft_id, org_id)
            note = ""
            if draft is not None and tabled:
                if org_id in draft.endorsements:
                    note = " — endorsed" if draft.endorsements[org_id] else " — refused"
                else:
                    forecast = g.view.organization_forecast(org_id, draft)
                    word = "would endorse" if forecast.passed else "would refuse"
                    note = f" — {word} ({forecast.counts()})"
            self.button(
                self.r(x, y + n * 46, 640, 40),
                f"Ask the {org.name} to endorse{note}",
                lambda c=request: self.send(c),
                key=pygame.K_1 + n if n < 9 else None,
                enabled=tabled and self.ok(request),
                tip="Its own body decides by its own rule; a refusal counts against you",
            )

    def _heard(self) -> list[Statement]:
        """What the members said about the tabled draft."""
        draft = self.game.council_draft()
        tabled = draft is not None and draft.version > 0
        return self.game.heard(draft) if draft is not None and tabled else []

    def _build_asks(self, top: float) -> float:
        """For the penholder: one button per member's ask (the last three) to meet it;
        returns the y below them."""
        g = self.game
        player = g.player or ""
        draft = g.council_draft()
        if draft is None or draft.penholder != player:
            return top
        heard = self._heard()
        asks = [st for st in heard if st.clauses is not None and st.clauses != draft.clauses]
        for n, st in enumerate(asks[-3:]):
            assert st.clauses is not None
            amend = AmendDraft(player, draft.id, st.clauses, f"meets {st.actor}'s ask")
            self.button(
                self.r(self.W - 430, top + n * 44, 400, 38),
                f"Meet {g.world.states.name(st.actor)}'s ask",
                lambda c=amend: self.send(c),
                enabled=self.ok(amend),
                tip=html.escape(st.text),
            )
        return top + 44 * len(asks[-3:])

    def _build_replies(self, top: float) -> None:
        """What the members said about the draft, then the latest replies to lobbying."""
        g = self.game
        said = [
            f"<b>{html.escape(g.world.states.name(st.actor))}</b>"
            + (" (to you)" if st.to else "")
            + f": {html.escape(st.text)}"
            for st in reversed(self._heard())
        ]
        replies = [e for e in g.world.events if e.kind in REPLIES][-8:]
        names = namer(g.world)
        said += [f"<b>M{e.month}</b> {html.escape(names.text(e.text))}" for e in reversed(replies)]
        self.textbox(
            self.r(self.W - 430, top, 400, self.H - top - 80),
            "<br>".join(said)
            or "<i>No replies yet: members answer lobbying in the next round.</i>",
        )

    def dim_name(self) -> str:
        world = self.game.world
        return world.issues.dimensions[world.issues.index[self.dimension]].name.lower()

    def ok(self, command: Command) -> bool:
        return self.game.awaiting and not self.game.check(command)

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
        for key, label in labels.items():
            surface.blit(text.render(label, 15, theme.MUTED, True), (s(30), s(self.rows[key])))
        amount = text.render(f"{self.amount:.1f}", 16, theme.TEXT, True)
        surface.blit(amount, amount.get_rect(center=(s(self.amount_pos[0]), s(self.amount_pos[1]))))
        self._target_panel(surface)

    def _target_panel(self, surface: pygame.Surface) -> None:
        g = self.game
        text = self.app.text
        s = self.s
        x, y, w = self.W - 430, 70, 400
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
        line = "Veto threats: " + (", ".join(threats) if threats else "none")
        surface.blit(
            text.render(line, 14, theme.VETO if threats else theme.MUTED), (s(x), s(y + 48))
        )
        if self.target in ballot.voters:
            stance = ballot.stance(self.target)
            kind = kind_of(stance.choice, stance.veto_holder)
            size = s(18)
            top = s(y + 84)
            draw_symbol(surface, kind, (s(x) + size // 2, top + size // 2), size)
            head = f"{g.world.states.name(self.target)}: {WORDS[kind]}"
            surface.blit(
                text.render(text.fit(head, 15, s(w - 30), True), 15, COLOURS[kind], True),
                (s(x + 26), top),
            )
            need = persuasion_word(stance.yes_above + 1 - stance.total)
            surface.blit(text.render(need, 14, theme.MUTED), (s(x), s(y + 112)))
            dims = {d.id: d.name for d in g.world.issues.dimensions}
            for n, f in enumerate(panel_factors(stance.factors)):
                side = "for" if f.points > 0 else "against"
                label = f"{factor_title(f.name, dims)}: {weight_word(f.points)} {side}"
                colour = theme.YES if f.points > 0 else theme.TEXT
                surface.blit(text.render(label, 14, colour), (s(x), s(y + 136 + 20 * n)))
