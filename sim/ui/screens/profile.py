"""A member's profile: priorities (ideal and salience), relations, and why it stands where it does.

The "why" panel shows exactly the additive factors of :meth:`Ballot.stance` — the same numbers
``mandate run --explain`` prints — so the screen can never tell a different story than the vote.
Below it, what would flip the vote (:func:`sim.model.flips.vote_flips`: the smallest clause,
ceiling, side deal or endorsement that moves it one step) and how far the member's own positions
have moved since the start (drawn as a ring where each ideal started, on the priorities).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from sim.model.explain import POINTS_PER_UNIT, Factor, Stance
from sim.model.flips import Drift, MemberFlips, drifts, start_ideal, vote_flips
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.screens.base import Host, Screen
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of
from sim.ui.words import namer, weight_word

CONTEXT_NAMES = {
    "relation": "Relation to the penholder",
    "side_payment": "Side deals offered",
    "regional": "Regional endorsement",
    "domestic": "Domestic politics",
    "crisis": "Pressure of the crisis",
    # As the debrief says them: a member's own reservations, not "Private".
    "private": "Its own reservations",
    "patron": "Its client in the conflict",
    "caucus": "Its caucus",
}


def factor_title(name: str, dimension_names: dict[str, str]) -> str:
    """A readable title for a factor name such as ``policy:force``."""
    if name.startswith("policy:"):
        dim = name.removeprefix("policy:")
        return f"Policy: {dimension_names.get(dim, dim)}"
    return CONTEXT_NAMES.get(name, name.replace("_", " ").capitalize())


def units(points: int) -> str:
    """Points as signed utility units, as in ``--explain`` (the "for the curious" lines)."""
    return f"{points / POINTS_PER_UNIT:+.3f}"


def factor_word(points: int) -> str:
    """A factor's weight and direction in words: "strongly for", "slightly against", "—"."""
    if points == 0:
        return "—"
    return f"{weight_word(points)} {'for' if points > 0 else 'against'}"


def size_word(points: int) -> str:
    """How big a change of a member's total is, in words ("a small push", "a large shift")."""
    size = abs(points) / POINTS_PER_UNIT
    return "a small push" if size < 0.05 else "a real push" if size < 0.15 else "a large shift"


def margin_word(stance: Stance) -> str:
    """How firmly a member stands where it stands, from its total and its thresholds."""
    if stance.choice == "abstain":
        to_yes, to_no = stance.yes_above - stance.total, stance.total - stance.no_below
        return "close to a yes" if to_yes < 50 else "close to a no" if to_no < 50 else "undecided"
    gap = (
        stance.total - stance.yes_above
        if stance.choice == "yes"
        else (stance.no_below - stance.total)
    )
    return "firmly" if gap >= 150 else "clearly" if gap >= 50 else "narrowly"


def capability_word(capability: float) -> str:
    """A state's weight in the world, in words (the number stays in the curious line)."""
    return (
        "a great power"
        if capability >= 0.7
        else "a middle power"
        if capability >= 0.35
        else ("a small state")
    )


def draw_factors(
    surface: pygame.Surface,
    text: theme.Text,
    scale: float,
    factors: Sequence[Factor],
    total: int,
    title: Callable[[str], str],
    x: int,
    y: int,
    w: int,
) -> int:
    """Each factor as a signed bar around a middle line with its weight in words ("clearly
    for"), then the total; returns the y below. Factors worth nothing are left out."""

    def s(v: float) -> int:
        return round(v * scale)

    biggest = max([abs(f.points) for f in factors] + [1])
    label_w = s(220)
    word_w = s(130)
    bar_x = x + label_w + word_w
    bar_w = w - label_w - word_w - s(10)
    mid = bar_x + bar_w // 2
    shown = [f for f in factors if f.points] or list(factors[:1])
    for factor in shown:
        surface.blit(text.render(text.fit(title(factor.name), 14, label_w), 14, theme.TEXT), (x, y))
        value = text.render(factor_word(factor.points), 14, theme.MUTED)
        surface.blit(value, (x + label_w, y))
        length = round((bar_w // 2) * abs(factor.points) / biggest)
        colour = theme.YES if factor.points > 0 else theme.NO
        left = mid if factor.points > 0 else mid - length
        if length:
            pygame.draw.rect(surface, colour, (left, y + s(5), length, s(10)))
        pygame.draw.line(surface, theme.PANEL_EDGE, (mid, y), (mid, y + s(18)))
        y += s(21)
    pygame.draw.line(surface, theme.PANEL_EDGE, (x, y + s(2)), (x + w, y + s(2)))
    y += s(6)
    surface.blit(text.render("= All together", 15, theme.TEXT, True), (x, y))
    surface.blit(text.render(factor_word(total), 15, theme.TEXT, True), (x + label_w, y))
    length = round((bar_w // 2) * min(1.0, abs(total) / biggest))
    if length:
        left = mid if total > 0 else mid - length
        pygame.draw.rect(
            surface, theme.YES if total > 0 else theme.NO, (left, y + s(5), length, s(10))
        )
    return y + s(26)


class ProfileScreen(Screen):
    """One member state, opened from its seat."""

    name = "profile"

    def __init__(self, app: Host, actor: str) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.actor = actor
        self._flips_key: tuple[Any, ...] | None = None
        self._flips_cache: tuple[dict[str, MemberFlips], dict[str, Drift]] = ({}, {})
        #: The first "what would flip this vote" is worked out the frame after the screen opens
        #: (it takes about 10 ms), so entering the profile stays one short frame.
        self._flips_waiting = False

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
            self.r(W - 540, H - 60, 160, 42),
            "< Previous",
            lambda: self.step(-1),
            key=pygame.K_LEFT,
            tip="Previous member",
        )
        self.button(
            self.r(W - 370, H - 60, 160, 42),
            "Next >",
            lambda: self.step(1),
            key=pygame.K_RIGHT,
            tip="Next member",
        )
        can_lobby = self.game.awaiting and self.actor != self.game.player
        self.button(
            self.r(30, H - 60, 260, 42),
            "Lobby this member",
            self.lobby,
            key=pygame.K_l,
            tip="Open consultations with this member chosen",
            enabled=can_lobby,
        )
        if self.actor in self.game.world.contributors:
            self.button(
                self.r(310, H - 60, 260, 42),
                "As a troop contributor",
                self.contributor,
                key=pygame.K_c,
                tip="Why it pledges troops, or not, and when it would withdraw",
            )

        if self.flips_key() != self._flips_key:
            self._flips_waiting = True
            self.later(self._work_out_flips)

    def _work_out_flips(self) -> None:
        self._flips_waiting = False
        self.flips()

    def step(self, delta: int) -> None:
        members = self.members()
        i = members.index(self.actor) if self.actor in members else 0
        self.actor = members[(i + delta) % len(members)]
        self.refresh()

    def contributor(self) -> None:
        self.go("deciders", self.actor)

    def lobby(self) -> None:
        self.go_instead("consult", target=self.actor)

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        table = world.states
        i = table.index[self.actor]
        council = world.bodies[world.council]
        role = (
            "permanent member (veto)"
            if self.actor in council.veto
            else "elected member"
            if self.actor in council.members
            else "not on the Council"
        )
        picture = flag(self.actor, s(30), real_states(self.game.scenario))
        surface.blit(picture, (s(30), s(20)))
        surface.blit(
            text.render(table.names[i], 26, theme.TEXT, True), (s(40) + picture.get_width(), s(18))
        )
        bloc = f"{table.blocs[i]} bloc" if table.blocs[i] else "no bloc"
        sub = f"{role} · {bloc} · {capability_word(float(table.capability[i]))}"
        sub += f" · political capital {float(table.capital[i]):.0f}"
        surface.blit(text.render(sub, 15, theme.MUTED), (s(30), s(58)))
        self._priorities(surface, s(30), s(100), s(560))
        self._relations(surface, s(30), s(100 + 72 + 58 * len(world.issues)), s(560))
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
        start = start_ideal(world)
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
            first = float(start[i, d])
            if abs(first - ideal) >= 0.005:
                fx = bar_x + round(bar_w * first)
                pygame.draw.line(surface, theme.YES, (fx, axis_y - s(11)), (px, axis_y - s(11)), 1)
                pygame.draw.circle(surface, theme.YES, (fx, axis_y), s(7), 2)
                moved = text.render("moved", 11, theme.MUTED)
                surface.blit(moved, (min(fx, px), axis_y - s(26)))
            pygame.draw.circle(surface, theme.YES, (px, axis_y), s(7))
            if position is not None:
                dx = bar_x + round(bar_w * float(position[d]))
                pts = [
                    (dx, axis_y - s(8)),
                    (dx + s(7), axis_y),
                    (dx, axis_y + s(8)),
                    (dx - s(7), axis_y),
                ]
                pygame.draw.polygon(surface, theme.ABSTAIN, pts, 2)
            thickness = max(2, round(s(10) * salience))
            end = (bar_x + round(bar_w * salience), axis_y + s(20))
            pygame.draw.line(surface, theme.YES, (bar_x, axis_y + s(20)), end, thickness)
            y += s(58)
        legend = "filled circle: ideal now · ring: where it started (consultations, lobbying and"
        legend += " events moved it) · hollow diamond: the draft · tick: no resolution · lower bar:"
        legend += " salience"
        for line in text.wrap(legend, 12, w)[:2]:
            surface.blit(text.render(line, 12, theme.MUTED), (x, y))
            y += s(15)

    def _relations(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        table = world.states
        i = table.index[self.actor]
        surface.blit(text.render("Relations", 18, theme.TEXT, True), (x, y))
        y += s(30)
        rows = [
            (float(table.relations[i, j]), sid)
            for j, sid in enumerate(table.ids)
            if j != i and abs(float(table.relations[i, j])) > 1e-9
        ]
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
            label = f"{table.name(sid)}: {word}"
            mark = "+" if value > 0 else "−"
            surface.blit(text.render(mark, 15, colour, True), (cx, cy))
            surface.blit(
                text.render(text.fit(label, 14, col_w - s(24)), 14, theme.TEXT), (cx + s(16), cy)
            )

    def _why(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        text = self.app.text
        s = self.s
        found = self.stance()
        if found is None:
            surface.blit(text.render("No draft to take a stance on.", 16, theme.MUTED), (x, y))
            return
        draft_id, stance = found
        kind = kind_of(stance.choice, stance.veto_holder)
        title = f"Why it stands where it does on {namer(self.game.world).name(draft_id)}"
        for line in text.wrap(title, 18, w, True)[:2]:
            surface.blit(text.render(line, 18, theme.TEXT, True), (x, y))
            y += s(26)
        y += s(4)
        size = s(20)
        draw_symbol(surface, kind, (x + size // 2, y + size // 2), size)
        head = text.render(f"{WORDS[kind]} — {margin_word(stance)}", 17, COLOURS[kind], True)
        surface.blit(head, (x + size + s(8), y))
        y += s(32)
        dims = {d.id: d.name for d in self.game.world.issues.dimensions}
        y = draw_factors(
            surface,
            text,
            self.scale,
            stance.factors,
            stance.total,
            lambda n: factor_title(n, dims),
            x,
            y,
            w,
        )
        rule = (
            "It votes yes when its reasons add up clearly in favour, no when they add up"
            " clearly against, and abstains in between."
        )
        if stance.veto_holder:
            rule += " A permanent member's no is a veto, so it needs more against it to say no."
        for line in text.wrap(rule, 13, w)[:2]:
            surface.blit(text.render(line, 13, theme.MUTED), (x, y))
            y += s(18)
        y += s(8)
        y = self._flips(surface, x, y, w)
        table = self.game.world.states
        curious = (
            f"For the curious: total {units(stance.total)}; yes above"
            f" {units(stance.yes_above)}, no below {units(stance.no_below)}; capability"
            f" {float(table.capability[table.index[self.actor]]):.2f}"
        )
        found_flips = self.shown_flips()
        if found_flips is not None:
            curious += f"; one step needs {units(found_flips[0].needed)}"
        curious += "."
        for line in text.wrap(curious, 12, w)[:2]:
            surface.blit(text.render(line, 12, theme.DIM), (x, y))
            y += s(16)

    def flips_key(self) -> tuple[Any, ...] | None:
        """What the member's flips depend on: the world, the draft before the Council, the
        member."""
        forecast = self.game.forecast()
        if forecast is None or self.actor not in forecast[1].voters:
            return None
        draft = forecast[0]
        return (
            len(self.game.session.engine.log),
            draft.id,
            draft.clauses,
            tuple(sorted(draft.side_payments.items())),
            tuple(sorted(draft.endorsements.items())),
            self.actor,
        )

    def flips(self) -> tuple[MemberFlips, Drift] | None:
        """What would move this member's vote one step, and its drift since the start (cached
        while nothing changes; the same computation as ``mandate run --explain``, for this
        member only)."""
        key = self.flips_key()
        forecast = self.game.forecast()
        if key is None or forecast is None:
            return None
        if key != self._flips_key:
            draft = forecast[0]
            original = self.game.view.original_clauses(draft)
            world = self.game.world
            flips = vote_flips(
                world, draft, original, only=(self.actor,), observer=self.game.player
            )
            self._flips_cache = (flips, drifts(world, draft, self.game.player))
            self._flips_key = key
        every, moved = self._flips_cache
        return every[self.actor], moved[self.actor]

    def shown_flips(self) -> tuple[MemberFlips, Drift] | None:
        """:meth:`flips` for drawing: None while the first one waits for the next frame."""
        return None if self._flips_waiting else self.flips()

    def _flips(self, surface: pygame.Surface, x: int, y: int, w: int) -> int:
        text = self.app.text
        s = self.s
        found = self.shown_flips()
        if found is None:
            return y
        flips, drift = found
        surface.blit(text.render("What would flip this vote", 17, theme.TEXT, True), (x, y))
        y += s(24)
        step = f"From {WORDS[flips.choice].lower()} to {WORDS[flips.target].lower()}"
        if not flips.options:
            line = f"{step} would take {size_word(flips.needed)}: no single change of the text,"
            line += " a ceiling, a side deal or an endorsement is enough."
            for part in text.wrap(line, 14, w)[:2]:
                surface.blit(text.render(part, 14, theme.MUTED), (x, y))
                y += s(19)
        else:
            head = f"{step} takes {size_word(flips.needed)}; the smallest change of each kind:"
            surface.blit(text.render(text.fit(head, 14, w), 14, theme.MUTED), (x, y))
            y += s(20)
            for flip in flips.options[:4]:
                kind = kind_of(flip.choice, False)
                tag = {"side_payment": "side deal"}.get(flip.kind, flip.kind)
                spare = (
                    ", just enough"
                    if flip.spare < 20
                    else ", with some to spare"
                    if flip.spare < 100
                    else ", with room to spare"
                )
                tail = f": {WORDS[kind].lower()}{spare}"
                tail_surf = text.render(tail, 13, COLOURS[kind])
                room = w - tail_surf.get_width() - s(90)
                surface.blit(text.render(tag, 13, theme.DIM), (x, y))
                change = namer(self.game.world).text(flip.change)
                surface.blit(
                    text.render(text.fit(change, 13, room), 13, theme.TEXT), (x + s(84), y)
                )
                surface.blit(tail_surf, (x + w - tail_surf.get_width(), y))
                y += s(19)
        y += s(4)
        dims = {d.id: d.name for d in self.game.world.issues.dimensions}
        parts = [
            f"{dims.get(d, d).lower()} {'up' if m > 0 else 'down'}"
            for d, m in zip(drift.dimensions, drift.moved, strict=True)
            if abs(m) >= 0.005
        ]
        if parts:
            side = "for" if drift.points > 0 else "against"
            small = abs(drift.points) < 5
            worth = "nothing much" if small else f"{weight_word(drift.points)} {side} this draft"
            line = (
                f"Its own positions have moved since the start ({', '.join(parts)}); that"
                f" counts {worth} (from where it started it would vote"
                f" {drift.choice_at_start})."
            )
        else:
            line = "Its own positions have not moved since the start of the game."
        for part in text.wrap(line, 12, w)[:3]:
            surface.blit(text.render(part, 12, theme.MUTED), (x, y))
            y += s(16)
        return y + s(6)
