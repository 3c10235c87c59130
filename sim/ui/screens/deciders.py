"""Who decides on the ground: troop contributors and regional organizations, explained.

One decider per page (Previous / Next cycle through the contributors, then the organizations):

- a troop contributor: why it pledges, or not, to each mission that takes pledges (or, before one
  exists, to the Council's draft if it were adopted as it stands) — the exact additive factors of
  :func:`sim.model.pledges.pledge_stance` against ``pledge_threshold``, what rules a mission out,
  this month's pledge, and each contingent's losses against the losses that make it withdraw;
- a regional organization: its body's vote on endorsing the draft before the Council and on
  deploying its bridging force (:mod:`sim.model.deciders`), with every member's choice, total
  and factors.

The numbers are the ones the decisions are taken on, as ``mandate run --explain ID`` prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pygame

from sim.model import forces
from sim.model.deciders import (
    BodyDecision,
    deployment_decision,
    endorsement_decision,
    pledge_stances,
    withdrawals,
)
from sim.model.explain import Factor
from sim.model.pledges import PledgeStance, pledge_stance
from sim.model.words import plural
from sim.model.world import PERSONNEL, Mission, World
from sim.ui import theme
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.profile import CONTEXT_NAMES, draw_factors, margin_word
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of
from sim.ui.words import namer

PLEDGE_TITLES = {
    "reimbursement": "UN reimbursement",
    "proximity": "Regional proximity",
    "host_relation": "Relation to the host state",
    "risk": "Risk to its soldiers",
}


def said(world: World, reasons: Sequence[str]) -> str:
    """The model's reasons in names, its shares as percentages ("intensity 0.60" → "60%")."""
    text = namer(world).text("; ".join(reasons))
    return re.sub(r"(?<![\d.])([01])\.(\d\d)\d*", lambda m: f"{int(m[1] + m[2])}%", text)


def reasons(factors: Sequence[Factor], dimensions: dict[str, str]) -> str:
    """A member's reasons in words, weightiest first: "for: sanctions, protection of
    civilians; against: accountability"."""

    def title(name: str) -> str:
        dim = name.removeprefix("policy:")
        return dimensions.get(dim, CONTEXT_NAMES.get(name, name.replace("_", " "))).lower()

    ranked = sorted((f for f in factors if f.points), key=lambda f: -abs(f.points))
    pros = [title(f.name) for f in ranked if f.points > 0]
    cons = [title(f.name) for f in ranked if f.points < 0]
    parts = ([f"for: {', '.join(pros)}"] if pros else []) + (
        [f"against: {', '.join(cons)}"] if cons else []
    )
    return "; ".join(parts) or "nothing weighs either way"


class DecidersScreen(Screen):
    """Troop contributors and regional organizations, one per page."""

    name = "deciders"

    def __init__(self, app: Host, decider: str | None = None) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        ids = self.deciders()
        self.decider = decider if decider in ids else (ids[0] if ids else "")

    def deciders(self) -> list[str]:
        """Contributors (by id), then regional organizations (by id)."""
        world = self.game.world
        return sorted(world.contributors) + sorted(world.organizations)

    def build(self) -> None:
        W, H = self.W, self.H
        self.button(self.r(W - 190, H - 60, 160, 42), "Back", self.back, tip="Esc")
        many = len(self.deciders()) > 1
        self.button(
            self.r(W - 540, H - 60, 160, 42),
            "< Previous",
            lambda: self.step(-1),
            key=pygame.K_LEFT,
            tip="Previous contributor or organization",
            enabled=many,
        )
        self.button(
            self.r(W - 370, H - 60, 160, 42),
            "Next >",
            lambda: self.step(1),
            key=pygame.K_RIGHT,
            tip="Next contributor or organization",
            enabled=many,
        )

    def step(self, delta: int) -> None:
        ids = self.deciders()
        if not ids:
            return
        i = ids.index(self.decider) if self.decider in ids else 0
        self.decider = ids[(i + delta) % len(ids)]
        self.refresh()

    # What the page shows (also read by tests).

    def stances(self) -> list[tuple[str, PledgeStance]]:
        """(heading, stance) for each mission the contributor could pledge to now; before any
        mission exists, its stance on the Council's draft as if adopted as it stands."""
        world = self.game.world
        name = namer(world).name
        shown = [(f"Pledging to {name(s.mission)}", s) for s in pledge_stances(world, self.decider)]
        if shown:
            return shown
        forecast = self.game.forecast()
        if forecast is None or not forecast[0].clauses.establishes_mission():
            return []
        draft = forecast[0]
        clauses = draft.clauses
        last = world.month + clauses.duration - 1
        mission = Mission(
            draft.id,
            "un",
            world.council,
            clauses.chapter,
            clauses.tasks,
            clauses.ceilings(),
            world.month,
            last,
        )
        stance = pledge_stance(world, self.decider, mission)
        return [(f"If {name(draft.id)} is adopted as it stands", stance)]

    def decisions(self) -> list[BodyDecision]:
        """The organization's endorsement of the Council's draft and its deployment, now."""
        world = self.game.world
        out: list[BodyDecision] = []
        forecast = self.game.forecast()
        if forecast is not None:
            out.append(endorsement_decision(world, self.decider, forecast[0]))
        deploy = deployment_decision(world, self.decider)
        if deploy is not None:
            out.append(deploy)
        return out

    def dimensions(self) -> dict[str, str]:
        """The issue dimensions' names by id."""
        return {d.id: d.name for d in self.game.world.issues.dimensions}

    # Drawing.

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        if not self.decider:
            note = "No troop contributor or regional organization in this scenario."
            surface.blit(text.render(note, 18, theme.MUTED), (s(30), s(30)))
            return
        if self.decider in world.contributors:
            self._contributor(surface)
        else:
            self._organization(surface)

    def _contributor(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        cid = self.decider
        c = world.contributors[cid]
        title = f"{world.states.name(cid)} — troop contributor"
        surface.blit(text.render(title, 26, theme.TEXT, True), (s(30), s(18)))
        caveats = ", ".join(t.replace("_", " ") for t in c.caveats) or "none"
        tolerance = (
            "high"
            if c.casualty_tolerance >= 0.6
            else ("moderate" if c.casualty_tolerance >= 0.3 else "low")
        )
        money = (
            "matters much"
            if c.reimbursement >= 0.6
            else ("matters some" if c.reimbursement >= 0.3 else "matters little")
        )
        sub = (
            f"troops {c.troops:,} · police {c.police:,} · observers {c.observers:,} ·"
            f" tolerance of casualties {tolerance} · UN reimbursement {money} · arrives after"
            f" {plural(c.lag, 'month')} · caveats: {caveats}"
        )
        surface.blit(
            text.render(text.fit(sub, 15, s(self.W - 60)), 15, theme.MUTED), (s(30), s(58))
        )
        x, y, w = s(30), s(100), s(580)
        shown = self.stances()
        if not shown:
            note = "No mission takes pledges now, and no draft before the Council would create one."
            for line in text.wrap(note, 15, w):
                surface.blit(text.render(line, 15, theme.MUTED), (x, y))
                y += s(22)
        for heading, stance in shown[:2]:
            surface.blit(text.render(heading, 18, theme.TEXT, True), (x, y))
            y += s(30)
            y = draw_factors(
                surface,
                text,
                self.scale,
                stance.factors,
                stance.total,
                lambda n: PLEDGE_TITLES.get(n, n),
                x,
                y,
                w,
            )
            rule = "It pledges when its reasons add up clearly in favour"
            if stance.blocked:
                why = said(world, stance.blocked)
                verdict, colour = f"Ruled out: {why}.", theme.NO
            elif not stance.pledges:
                verdict, colour = "Below the threshold: no pledge this month.", theme.NO
            else:
                verdict, colour = self._pledge_words(stance), theme.YES
            for line in text.wrap(f"{rule}. {verdict}", 14, w)[:3]:
                surface.blit(text.render(line, 14, colour), (x, y))
                y += s(20)
            y += s(14)
        self._losses(surface, s(660), s(100), s(self.W - 690))

    def _pledge_words(self, stance: PledgeStance) -> str:
        world = self.game.world
        mission = world.mission(stance.mission)
        how = (
            " (a share of its spare capacity that grows with its willingness, at most what"
            " the mission still needs)"
        )
        if mission is None:
            return "Willing: it would pledge once the mission exists" + how + "."
        sizes = [(forces.pledge_size(world, stance.contributor, mission, k), k) for k in PERSONNEL]
        offered = ", ".join(f"{n:,} {k}" for n, k in sizes if n > 0)
        return (
            f"Willing: pledges {offered or 'nothing (no spare capacity or nothing needed)'}{how}."
        )

    def _losses(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        surface.blit(text.render("Contingents and withdrawal", 18, theme.TEXT, True), (x, y))
        y += s(30)
        rows = withdrawals(world, self.decider)
        if not rows:
            surface.blit(
                text.render("No contingent deployed or on the way.", 14, theme.MUTED), (x, y)
            )
            return
        for row in rows:
            mission = world.mission(row.mission)
            contingent = mission.contingent(row.contributor, row.kind) if mission else None
            deployed = contingent.deployed if contingent else 0
            coming = sum(n for _, n in contingent.arriving) if contingent else 0
            where = namer(world).name(row.mission)
            head = f"{where}, {row.kind}: {deployed:,} deployed, {coming:,} on the way"
            surface.blit(text.render(text.fit(head, 14, w), 14, theme.TEXT), (x, y))
            y += s(20)
            if row.withdrawing:
                words, colour = f"WITHDRAWING after losing {row.fatalities}", theme.NO
            elif row.limit == float("inf"):
                words, colour = f"{row.fatalities} lost; it never leaves over losses", theme.MUTED
            else:
                words = f"{row.fatalities} lost of the {row.limit:.0f} that make it withdraw"
                colour = theme.MUTED
                bar = pygame.Rect(x, y + s(18), s(200), s(8))
                pygame.draw.rect(surface, theme.PANEL_EDGE, bar, 1)
                share = min(1.0, row.fatalities / row.limit)
                pygame.draw.rect(surface, theme.NO, (bar.x, bar.y, round(bar.w * share), bar.h))
            surface.blit(text.render(words, 13, colour), (x, y))
            y += s(34)
        rule = "It withdraws after that many deaths in one mission: the more casualties it"
        rule += " tolerates, the more it bears."
        surface.blit(text.render(text.fit(rule, 12, w), 12, theme.DIM), (x, y))

    def _organization(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        org = world.organizations[self.decider]
        body = world.bodies[org.body]
        title = f"{org.name} — regional organization"
        surface.blit(text.render(title, 26, theme.TEXT, True), (s(30), s(18)))
        sub = f"decides in the {body.name}: {len(body.members)} members, {body.rule} rule"
        surface.blit(text.render(sub, 15, theme.MUTED), (s(30), s(58)))
        decisions = self.decisions()
        if not decisions:
            note = "Nothing to decide now: no draft before the Council and no force of its own."
            surface.blit(text.render(note, 15, theme.MUTED), (s(30), s(100)))
            return
        width = (self.W - 90) // len(decisions)
        for n, decision in enumerate(decisions):
            self._body(surface, decision, s(30 + n * (width + 30)), s(100), s(width))

    def _body(
        self, surface: pygame.Surface, decision: BodyDecision, x: int, y: int, w: int
    ) -> None:
        text = self.app.text
        s = self.s
        name = namer(self.game.world).name
        if decision.action == "endorse":
            head = f"Endorsing {name(decision.subject)}"
            done = self.game.forecast()
            earlier = done[0].endorsements.get(decision.organization) if done else None
            if earlier is not None:
                head += " — it has " + ("endorsed it" if earlier else "refused")
        else:
            head = f"Deploying {namer(self.game.world).text(decision.subject)}"
        for line in text.wrap(head, 18, w, True)[:2]:
            surface.blit(text.render(line, 18, theme.TEXT, True), (x, y))
            y += s(26)
        if decision.blocked:
            blocked = said(self.game.world, decision.blocked)
            for line in text.wrap(f"Not put to the vote: {blocked}.", 14, w)[:4]:
                surface.blit(text.render(line, 14, theme.MUTED), (x, y))
                y += s(20)
            y += s(8)
        verdict = "carried" if decision.tally.passed else "not carried"
        line = f"Its body would vote {decision.tally.counts()} now ({verdict})"
        colour = theme.YES if decision.decided else theme.NO
        if decision.blocked:
            line, colour = f"Were it put now: {decision.tally.counts()} ({verdict})", theme.MUTED
        surface.blit(text.render(line, 15, colour, True), (x, y))
        y += s(28)
        result = decision.ballot
        for voter in result.voters:
            stance = result.stance(voter)
            kind = kind_of(stance.choice, stance.veto_holder)
            size = s(14)
            draw_symbol(surface, kind, (x + size // 2, y + size // 2 + s(1)), size)
            who = self.game.world.states.name(voter)
            head = f"{who}: {WORDS[kind]}, {margin_word(stance)}"
            surface.blit(text.render(head, 14, COLOURS[kind], True), (x + size + s(6), y))
            parts = reasons(stance.factors, self.dimensions())
            for part in text.wrap(parts, 12, w - s(20))[:2]:
                y += s(17)
                surface.blit(text.render(part, 12, theme.MUTED), (x + s(20), y))
            y += s(22)
            if y > s(self.H - 90):
                break
        rule = "Each member weighs the text as a Council member would; the body's rule decides."
        surface.blit(text.render(text.fit(rule, 12, w), 12, theme.DIM), (x, y + s(4)))
