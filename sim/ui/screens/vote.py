"""The vote: the members' votes come in seat by seat, then the result and who vetoed."""

from __future__ import annotations

import pygame

from sim.model.world import VoteRecord
from sim.ui import theme
from sim.ui.flags import real_states
from sim.ui.screens.base import Host, Screen
from sim.ui.widgets.seats import Seat, draw_card, horseshoe, margin
from sim.ui.words import namer

SECONDS_PER_VOTE = 0.35


def result_text(record: VoteRecord) -> str:
    """``ADOPTED 14-0-1`` / ``FAILED 11-1-3 — vetoed by CAL``."""
    tally = record.tally
    if tally.passed:
        return f"ADOPTED {tally.counts()}"
    if tally.vetoed_by:
        return f"FAILED {tally.counts()} — vetoed by {', '.join(tally.vetoed_by)}"
    return f"FAILED {tally.counts()} — too few votes in favour"


class VoteScreen(Screen):
    """A vote that was just held, revealed one seat at a time."""

    name = "vote"

    def __init__(self, app: Host, record: VoteRecord) -> None:
        super().__init__(app)
        self.record = record
        self.elapsed = 0.0
        self.order = sorted(record.choices)
        world = app.game.world if app.game is not None else None
        body = world.bodies[record.body] if world is not None else None
        self.veto = body.veto if body is not None else frozenset()
        self.names = {a: world.states.name(a) for a in self.order} if world else {}
        self.player = app.game.player if app.game is not None else None

    @property
    def shown(self) -> int:
        speed = self.app.settings.vote_speed
        if self.app.settings.reduced_motion:
            return len(self.order)
        return min(len(self.order), int(self.elapsed * speed / SECONDS_PER_VOTE))

    @property
    def done(self) -> bool:
        return self.shown >= len(self.order)

    def build(self) -> None:
        W, H = self.W, self.H
        self.button(
            self.r(W - 260, H - 62, 230, 46),
            "Continue" if self.done else "Show all votes",
            self.proceed,
            object_id="#primary",
            default=True,
            tip="Skip the count, then continue (Enter)",
        )
        if self.done and self.app.can_skip():
            self.button(
                self.r(W - 480, H - 62, 200, 46),
                "Skip ahead",
                self.skip,
                key=pygame.K_s,
                tip="Continue and skip to the next decision",
            )

    def skip(self) -> None:
        """Close the result and skip to the next decision."""
        self.app.pop()
        self.app.skip_ahead(passing=False)

    def proceed(self) -> None:
        if not self.done:
            self.elapsed = 1e9
            self.refresh()
            return
        self.app.pop()

    def back(self) -> None:
        self.proceed()

    def update(self, dt: float) -> None:
        was = self.done
        self.elapsed += dt
        if self.done and not was:
            self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        s = self.s
        rec = self.record
        when = self.app.game.month_title(rec.month) if self.app.game else f"Month {rec.month}"
        # By what it does, as it was named when the vote was called: a roll call still being
        # counted does not announce "Resolution 2100" (its adoption) in its title.
        draft = namer(self.app.game.world).working(rec.draft) if self.app.game else rec.draft
        title = f"Vote on {draft} (version {rec.version}), {when[0].lower()}{when[1:]}"
        said = rec.clauses.describe()
        said = namer(self.app.game.world).text(said) if self.app.game else said
        surface.blit(text.render(title, 22, theme.TEXT, True), (s(30), s(18)))
        surface.blit(
            text.render(text.fit(said, 14, s(self.W - 60)), 14, theme.MUTED),
            (s(30), s(52)),
        )
        area = pygame.Rect(40, 100, self.W - 80, self.H - 190)
        rects = horseshoe(len(self.order), area, (92, 72))
        counts = {"yes": 0, "no": 0, "abstain": 0}
        real = real_states(self.app.game.scenario if self.app.game else None)
        for n, (actor, rect) in enumerate(zip(self.order, rects, strict=True)):
            stance = rec.stances[actor]
            revealed = n < self.shown
            choice = rec.choices[actor] if revealed else None
            if choice is not None:
                counts[choice] += 1
            m = margin(stance.total, stance.yes_above, stance.no_below, stance.choice)
            seat = Seat(
                actor,
                self.names.get(actor, actor),
                actor in self.veto,
                choice,
                m,
                stance.total,
                actor == self.player,
            )
            draw_card(surface, text, seat, self.r(rect.x, rect.y, rect.w, rect.h), self.scale, real)
        cx = s(area.centerx)
        tally = f"{counts['yes']} yes · {counts['no']} no · {counts['abstain']} abstain"
        line = text.render(tally, 22, theme.TEXT, True)
        surface.blit(line, line.get_rect(center=(cx, s(area.y + 210))))
        if self.done:
            colour = theme.YES if rec.tally.passed else theme.NO
            said = result_text(rec)
            if self.app.game is not None:
                said = namer(self.app.game.world).text(said)
            banner = text.render(said, 26, colour, True)
            surface.blit(banner, banner.get_rect(center=(cx, s(area.y + 260))))
            if rec.tally.vetoed_by:
                note = "A single permanent member's no blocks adoption; abstaining would not."
                hint = text.render(note, 14, theme.MUTED)
                surface.blit(hint, hint.get_rect(center=(cx, s(area.y + 296))))
        elif self.shown < len(self.order):
            nxt = self.order[self.shown]
            wait = text.render(f"{self.names.get(nxt, nxt)} is voting…", 16, theme.MUTED)
            surface.blit(wait, wait.get_rect(center=(cx, s(area.y + 260))))
