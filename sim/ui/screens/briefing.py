"""Briefing: the situation, the player's seat and powers, objectives, assumptions and sources."""

from __future__ import annotations

import html

import pygame

from sim.model import endings
from sim.model.names import draft_title
from sim.model.seats import describe, seat_name
from sim.ui import memory, theme
from sim.ui.game import Game
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.textviews import TextViews
from sim.ui.widgets.objectives import draw_objectives, objective_rows, objectives_height
from sim.ui.widgets.richtext import parse


def _e(text: object) -> str:
    return html.escape(str(text))


def seat_html(game: Game) -> str:
    """Who the player is and what that seat can do."""
    world = game.world
    player = game.player
    if player is None:
        return "You are watching: the AI plays every seat."
    if len(game.players) > 1:
        return "Hot-seat, in turn order:<br>" + "<br>".join(
            f"• <b>{_e(seat_name(world, s))}</b> ({_e(s)}): {_e(describe(world, s))}"
            for s in game.players
        )
    if player not in world.states.index:
        return f"You are the <b>{_e(seat_name(world, player))}</b>. {_e(describe(world, player))}"
    council = world.bodies[world.council]
    name = world.states.name(player)
    status = (
        "a permanent member of the Council, with a veto"
        if player in council.veto
        else "an elected member of the Council"
        if player in council.members
        else "not a member of the Council"
    )
    pens = [t for t in world.templates if t.penholder == player]
    pen_lines = "".join(
        f"<br>  • '{_e(draft_title(world, t.id))}', from month {t.month}" for t in pens
    )
    capital = game.view.capital(player)
    coef = world.coefficients
    return (
        f"You are <b>{_e(name)}</b> ({_e(player)}), {status}."
        + (f"<br>You hold the pen on:{pen_lines}" if pens else "")
        + f"<br>Political capital: <b>{capital:.1f}</b> (lobbying costs {coef.lobby_cost:g};"
        f" side deals spend what you offer; you regain"
        f" {coef.political_capital_per_month:g} a month)."
        + (
            "<br>Your powers: table and amend your drafts, lobby members, offer side deals, ask"
            " regional organizations to endorse, and call the vote."
            if pens
            else f"<br>{_e(describe(world, player))}"
        )
    )


def endings_html(game: Game) -> str:
    """The scenario's endings, in the order they are checked, in plain words."""
    lines = []
    for ending in game.world.endings:
        meaning = endings.condition_words(game.world, ending)
        when = f" (from month {ending.from_month})" if ending.from_month > 1 else ""
        lines.append(
            f"• <b>{_e(ending.name)}</b>: {_e(ending.text)} <i>When {_e(meaning)}{when}.</i>"
        )
    return "<br>".join(lines)


class BriefingScreen(TextViews, Screen):
    """What the player needs to know before the first month."""

    name = "briefing"

    def __init__(self, app: Host, game: Game) -> None:
        super().__init__(app)
        self.game = game
        self.rows = objective_rows(game.world, final=False)
        self.objectives_top = 90
        self.objectives_area: tuple[int, int, int, int] = (0, 0, 0, 0)

    def build(self) -> None:
        s = self.game.scenario
        W, H = self.W, self.H
        self.label(self.r(40, 20, W - 80, 38), _e(s.title), "#heading")
        when = self.game.calendar(1)
        start = f" from {when}" if when else ""
        seed = f"At most {s.months} months{start} · seed {self.game.seed}"
        self.label(self.r(40, 58, W - 80, 24), seed, "#small")
        briefing = getattr(s, "briefing", "") or getattr(s, "summary", "")
        assumptions = "".join(f"<br>• {_e(a)}" for a in getattr(s, "assumptions", []) or [])
        sources = "".join(f"<br>• {_e(a)}" for a in getattr(s, "sources", []) or [])
        col = (W - 100) // 2
        self.text_view(
            self.r(40, 90, col, H - 170),
            lambda: parse(
                "<b>Situation</b><br>"
                + _e(" ".join(briefing.split()))
                + "<br><br><b>Your seat</b><br>"
                + seat_html(self.game)
            ),
        )
        self.rows = objective_rows(self.game.world, final=False)
        self.objectives_top = 90
        height = min(objectives_height(self.rows, 1.0, True) + 30, (H - 170) // 2)
        self.objectives_area = (60 + col, 90 + 30, col, height - 30)
        self.text_view(
            self.r(60 + col, 90 + height + 10, col, H - 170 - height - 10),
            lambda: parse(
                "<b>How the game can end</b> (checked every month, in this order)<br>"
                + endings_html(self.game)
                + ("<br><br><b>Assumptions</b>" + assumptions if assumptions else "")
                + ("<br><br><b>Sources</b>" + sources if sources else "")
            ),
        )
        self.button(
            self.r(W - 300, H - 66, 260, 46),
            "Take your seat",
            self.begin,
            key=pygame.K_b,
            tip="Go to the Council chamber (Enter)",
            object_id="#primary",
            default=True,
        )
        self.button(self.r(40, H - 66, 160, 46), "Back", self.back, tip="Esc")
        self.button(
            self.r(220, H - 66, 240, 46),
            "Choose seat",
            self.choose_seat,
            key=pygame.K_c,
            tip="Any member of any body, a troop contributor or a regional chair; several for"
            " a hot-seat game",
        )

    def draw(self, surface: pygame.Surface) -> None:
        x, y, w, h = self.objectives_area
        text = self.app.text
        title = text.render("Objectives", 16, theme.TEXT, True)
        surface.blit(title, (self.s(x), self.s(self.objectives_top)))
        draw_objectives(surface, text, self.rows, self.r(x, y, w, h), self.scale, True)
        self.draw_views(surface)

    def choose_seat(self) -> None:
        self.go("seatpick", self)

    def begin(self) -> None:
        self.app.start(self.game)
        memory.settle_game()
