"""Briefing: the situation, the player's seat and powers, objectives, assumptions and sources."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from sim.model import endings
from sim.ui.game import Game
from sim.ui.screens.base import Screen

if TYPE_CHECKING:
    from sim.ui.app import App


def _e(text: object) -> str:
    return html.escape(str(text))


def seat_html(game: Game) -> str:
    """Who the player is and what that seat can do."""
    world = game.world
    player = game.player
    if player is None:
        return "You are watching: the AI plays every seat."
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
    pen_lines = "".join(f"<br>  • '{_e(t.title)}' ({_e(t.id)}), from month {t.month}" for t in pens)
    capital = game.view.capital(player)
    coef = world.coefficients
    return (
        f"You are <b>{_e(name)}</b> ({_e(player)}), {status}."
        + (f"<br>You hold the pen on:{pen_lines}" if pens else "")
        + f"<br>Political capital: <b>{capital:.1f}</b> (lobbying costs {coef.lobby_cost:g};"
        f" side deals spend what you offer; you regain"
        f" {coef.political_capital_per_month:g} a month)."
        "<br>Your powers: table and amend your drafts, lobby members, offer side deals, ask"
        " regional organizations to endorse, and call the vote."
    )


def objectives_html(game: Game) -> str:
    """The scenario's endings, in the order they are checked."""
    lines = []
    for ending in game.world.endings:
        meaning = endings.CONDITIONS[ending.condition].meaning.replace("`threshold`", "threshold")
        when = f" (from month {ending.from_month})" if ending.from_month > 1 else ""
        threshold = f", threshold {ending.threshold:g}" if ending.condition != "time_out" else ""
        lines.append(
            f"• <b>{_e(ending.name)}</b>: {_e(ending.text)} <i>When {_e(meaning)}"
            f"{threshold}{when}.</i>"
        )
    return "<br>".join(lines)


class BriefingScreen(Screen):
    """What the player needs to know before the first month."""

    name = "briefing"

    def __init__(self, app: App, game: Game) -> None:
        super().__init__(app)
        self.game = game

    def build(self) -> None:
        s = self.game.scenario
        W, H = self.W, self.H
        self.label(self.r(40, 20, W - 80, 40), _e(s.title), "#heading")
        seed = f"Scenario {s.id} · seed {self.game.seed} · {s.months} months at most"
        self.label(self.r(40, 58, W - 80, 24), seed, "#small")
        briefing = getattr(s, "briefing", "") or getattr(s, "summary", "")
        assumptions = "".join(f"<br>• {_e(a)}" for a in getattr(s, "assumptions", []) or [])
        sources = "".join(f"<br>• {_e(a)}" for a in getattr(s, "sources", []) or [])
        col = (W - 100) // 2
        self.textbox(
            self.r(40, 90, col, H - 170),
            "<b>Situation</b><br>" + _e(" ".join(briefing.split()))
            + "<br><br><b>Your seat</b><br>" + seat_html(self.game),
        )  # fmt: skip
        self.textbox(
            self.r(60 + col, 90, col, H - 170),
            "<b>Objectives</b><br>" + objectives_html(self.game)
            + ("<br><br><b>Assumptions</b>" + assumptions if assumptions else "")
            + ("<br><br><b>Sources</b>" + sources if sources else ""),
        )  # fmt: skip
        self.button(
            self.r(W - 300, H - 66, 260, 46), "Take your seat", self.begin, key=pygame.K_b,
            tip="Go to the Council chamber (Enter)", object_id="#primary", default=True,
        )  # fmt: skip
        self.button(self.r(40, H - 66, 160, 46), "Back", self.back, tip="Esc")

    def begin(self) -> None:
        self.app.start(self.game)
