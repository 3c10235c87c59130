"""A member's profile: priorities (ideal and salience), relations, and why it stands where it does.

The "why" panel shows exactly the additive factors of :meth:`Ballot.stance` — the same numbers
``mandate run --explain`` prints — so the screen can never tell a different story than the vote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from sim.model.explain import POINTS_PER_UNIT, Stance
from sim.ui import theme
from sim.ui.screens.base import Screen
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of

if TYPE_CHECKING:
    from sim.ui.app import App

CONTEXT_NAMES = {
    "relation": "Relation to the penholder",
    "side_payment": "Side deals offered",
    "regional": "Regional endorsement",
    "domestic": "Domestic politics",
    "crisis": "Pressure of the crisis",
}


def factor_title(name: str, dimension_names: dict[str, str]) -> str:
    """A readable title for a factor name such as ``policy:force``."""
    if name.startswith("policy:"):
        dim = name.removeprefix("policy:")
        return f"Policy: {dimension_names.get(dim, dim)}"
    return CONTEXT_NAMES.get(name, name.replace("_", " ").capitalize())


def units(points: int) -> str:
    """Points as signed utility units, as in ``--explain``."""
    return f"{points / POINTS_PER_UNIT:+.3f}"


class ProfileScreen(Screen):
    """One member state, opened from its seat."""

    name = "profile"

    def __init__(self, app: App, actor: str) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.actor = actor

    def members(self) -> list[str]:
        world = self.game.world
        return sorted(world.bodies[world.council].members)

    def stance(self) -> tuple[str, Stance] | None:
        forecast = self.game.forecast()
        if forecast is None:
            return None
        draft, ballot, _ = forecast
        if self.actor not in ballot.voters:
            return None
        return draft.id, ballot.stance(self.actor)

    def build(self) -> None:
        W, H = self.W, self.H
        self.button(self.r(W - 190, H - 60, 160, 42), "Back", self.back, tip="Esc")
        self.button(
            self.r(W - 540, H - 60, 160, 42), "< Previous", lambda: self.step(-1),
            key=pygame.K_LEFT, tip="Previous member",
        )  # fmt: skip
        self.button(
            self.r(W - 370, H - 60, 160, 42), "Next >", lambda: self.step(1),
            key=pygame.K_RIGHT, tip="Next member",
        )  # fmt: skip
        can_lobby = self.game.awaiting and self.actor != self.game.player
        self.button(
            self.r(30, H - 60, 260, 42), "Lobby this member", self.lobby, key=pygame.K_l,
            tip="Open consultations with this member chosen", enabled=can_lobby,
        )  # fmt: skip

    def step(self, delta: int) -> None:
        members = self.members()
        i = members.index(self.actor) if self.actor in members else 0
        self.actor = members[(i + delta) % len(members)]
        self.refresh()

    def lobby(self) -> None:
        from sim.ui.screens.consult import ConsultScreen

        self.app.replace(ConsultScreen(self.app, target=self.actor))

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        table = world.states
        i = table.index[self.actor]
        council = world.bodies[world.council]
        role = (
            "permanent member (veto)" if self.actor in council.veto
            else "elected member" if self.actor in council.members else "not on the Council"
        )  # fmt: skip
        surface.blit(text.render(f"{table.names[i]} ({self.actor})", 26, theme.TEXT, True),
                     (s(30), s(18)))  # fmt: skip
        sub = f"{role} · bloc {table.blocs[i] or '—'} · capability {table.capability[i]:.2f}"
        sub += f" · political capital {table.capital[i]:.1f}"
        surface.blit(text.render(sub, 15, theme.MUTED), (s(30), s(58)))
        self._priorities(surface, s(30), s(100), s(560))
        self._relations(surface, s(30), s(100 + 60 + 58 * len(world.issues)), s(560))
        self._why(surface, s(640), s(100), s(self.W - 670))

    def _priorities(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        table = world.states
        i = table.index[self.actor]
        surface.blit(text.render("Priorities", 18, theme.TEXT, True), (x, y))
        forecast = self.game.forecast()
        position = world.issues.position(forecast[0].clauses) if forecast else None
        y += s(30)
        bar_x, bar_w = x + s(200), w - s(210)
        for d, dim in enumerate(world.issues.dimensions):
            ideal = float(table.ideal[i, d])
            salience = float(table.salience[i, d])
            surface.blit(text.render(text.fit(dim.name, 15, s(190)), 15, theme.TEXT), (x, y))
            sal = text.render(f"matters {salience:.0%}", 12, theme.MUTED)
            surface.blit(sal, (x, y + s(20)))
            # Axis 0..1 with the status quo, the member's ideal and the draft's position.
            axis_y = y + s(14)
            pygame.draw.line(surface, theme.PANEL_EDGE, (bar_x, axis_y), (bar_x + bar_w, axis_y), 2)
            sq = bar_x + round(bar_w * float(world.issues.status_quo[d]))
            pygame.draw.line(surface, theme.MUTED, (sq, axis_y - s(8)), (sq, axis_y + s(8)), 2)
            px = bar_x + round(bar_w * ideal)
            pygame.draw.circle(surface, theme.YES, (px, axis_y), s(7))
            if position is not None:
                dx = bar_x + round(bar_w * float(position[d]))
                pts = [(dx, axis_y - s(8)), (dx + s(7), axis_y), (dx, axis_y + s(8)),
                       (dx - s(7), axis_y)]  # fmt: skip
                pygame.draw.polygon(surface, theme.ABSTAIN, pts, 2)
            thickness = max(2, round(s(10) * salience))
            end = (bar_x + round(bar_w * salience), axis_y + s(20))
            pygame.draw.line(surface, theme.YES, (bar_x, axis_y + s(20)), end, thickness)
            y += s(58)
        legend = "filled circle: ideal · hollow diamond: the draft · tick: no resolution"
        legend += " · lower bar: salience"
        surface.blit(text.render(legend, 12, theme.MUTED), (x, y))

    def _relations(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        table = world.states
        i = table.index[self.actor]
        surface.blit(text.render("Relations", 18, theme.TEXT, True), (x, y))
        y += s(30)
        rows = [(float(table.relations[i, j]), sid) for j, sid in enumerate(table.ids)
                if j != i and abs(float(table.relations[i, j])) > 1e-9]  # fmt: skip
        rows.sort(key=lambda r: (-abs(r[0]), r[1]))
        if not rows:
            surface.blit(text.render("No strong ties either way.", 14, theme.MUTED), (x, y))
        col_w = w // 2
        for n, (value, sid) in enumerate(rows[:10]):
            cx = x + (n % 2) * col_w
            cy = y + (n // 2) * s(24)
            colour = theme.YES if value > 0 else theme.NO
            word = (
                "close"
                if value >= 0.5
                else "friendly"
                if value > 0
                else ("hostile" if value <= -0.5 else "cool")
            )
            label = f"{sid} {table.name(sid)}: {value:+.1f} {word}"
            mark = "+" if value > 0 else "−"
            surface.blit(text.render(mark, 15, colour, True), (cx, cy))
            surface.blit(text.render(text.fit(label, 14, col_w - s(24)), 14, theme.TEXT),
                         (cx + s(16), cy))  # fmt: skip

    def _why(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        text = self.app.text
        s = self.s
        found = self.stance()
        if found is None:
            surface.blit(text.render("No draft to take a stance on.", 16, theme.MUTED), (x, y))
            return
        draft_id, stance = found
        kind = kind_of(stance.choice, stance.veto_holder)
        surface.blit(text.render(f"Why: stance on {draft_id}", 18, theme.TEXT, True), (x, y))
        y += s(32)
        size = s(20)
        draw_symbol(surface, kind, (x + size // 2, y + size // 2), size)
        head = text.render(f"{WORDS[kind]} — total {units(stance.total)}", 17, COLOURS[kind], True)
        surface.blit(head, (x + size + s(8), y))
        y += s(34)
        dims = {d.id: d.name for d in self.game.world.issues.dimensions}
        biggest = max([abs(f.points) for f in stance.factors] + [1])
        label_w = s(230)
        bar_x = x + label_w + s(60)
        bar_w = w - label_w - s(70)
        mid = bar_x + bar_w // 2
        for factor in stance.factors:
            title = text.fit(factor_title(factor.name, dims), 14, label_w)
            surface.blit(text.render(title, 14, theme.TEXT), (x, y))
            value = text.render(units(factor.points), 14, theme.TEXT)
            surface.blit(value, (x + label_w + s(52) - value.get_width(), y))
            length = round((bar_w // 2) * abs(factor.points) / biggest)
            colour = theme.YES if factor.points > 0 else theme.NO
            rect = (
                (mid, y + s(5), length, s(10))
                if factor.points > 0
                else (mid - length, y + s(5), length, s(10))
            )
            if length:
                pygame.draw.rect(surface, colour, rect)
            pygame.draw.line(surface, theme.PANEL_EDGE, (mid, y), (mid, y + s(20)))
            y += s(24)
        pygame.draw.line(surface, theme.PANEL_EDGE, (x, y + s(2)), (x + w, y + s(2)))
        y += s(8)
        surface.blit(text.render("= Total", 15, theme.TEXT, True), (x, y))
        total = text.render(units(stance.total), 15, theme.TEXT, True)
        surface.blit(total, (x + label_w + s(52) - total.get_width(), y))
        y += s(30)
        rule = (f"Yes above {units(stance.yes_above)}; no below {units(stance.no_below)};"
                " abstain in between.")  # fmt: skip
        surface.blit(text.render(rule, 14, theme.MUTED), (x, y))
        y += s(22)
        if stance.veto_holder:
            note = "A permanent member's no is a veto; its no threshold is wider (a veto costs)."
            surface.blit(text.render(text.fit(note, 13, w), 13, theme.MUTED), (x, y))
            y += s(20)
        names = ", ".join(f.name for f in stance.factors)
        for line in text.wrap(f"Factors as in mandate run --explain: {names}", 12, w)[:3]:
            surface.blit(text.render(line, 12, theme.DIM), (x, y))
            y += s(17)
