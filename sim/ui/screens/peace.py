"""Peace talks: the envoy, the parties at the table, the zone of possible agreement issue by
issue, the current text, each party's last answer and its reasons, and the agreements signed.

The zone is drawn per issue: for each party, the values it would accept on that issue with every
other issue at its own ideal (:func:`sim.model.parties.zone_of_agreement`); where the parties'
ranges overlap the zone of possible agreement is shaded. The mediator's reading of each party's
ideal (with its errors) is the small diamond; the current text is the vertical line. The player
(a member state) may pledge a guarantee, offer aid, or press a client it is patron of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from sim.model.commands import Command
from sim.model.engine import CommandRejected
from sim.model.mediation import OfferAid, OfferGuarantee, PressParty
from sim.model.peace_view import PeaceView
from sim.model.talks import sponsor_name
from sim.model.world import World
from sim.ui import theme
from sim.ui.game import Game
from sim.ui.screens.base import Screen
from sim.ui.screens.theatre import PANEL_W, Panel, phase_words

if TYPE_CHECKING:
    from sim.ui.app import App

AID = 2.0
TRACK_H = 16
TOP = 64


def _words(stage: str) -> str:
    return "a ceasefire" if stage == "ceasefire" else "a peace agreement"


def draw_process_panel(
    world: World, peace: PeaceView, text: theme.Text, width: int, scale: float
) -> pygame.Surface:
    """Envoy, talks, guarantees and agreements, top to bottom."""
    panel = Panel(text, width, scale)
    theatre = world.theatre
    panel.line(
        f"The theatre is {phase_words(theatre.phase)}; fighting intensity {theatre.intensity:.2f}.",
        14,
    )
    if peace.settlement is None:
        panel.line(
            "This scenario gives the parties no settlement positions: war and peace follow"
            " the monthly chances of the model (see the designer's guide).",
            14,
            theme.MUTED,
            lines=4,
        )
        return panel.done()
    panel.heading("The envoy")
    envoy = peace.envoy
    if envoy is None:
        panel.line("No envoy has been appointed yet.", 14, theme.MUTED)
    else:
        sponsors = " and ".join(sponsor_name(world, x) for x in envoy.sponsors)
        panel.line(
            f"{envoy.name}, appointed by {sponsors} in month"
            f" {envoy.appointed_month}; standing {envoy.standing:.2f} (0-1).",
            14,
        )
    panel.heading("Talks")
    talks = peace.talks
    if talks is None:
        panel.line("No talks are under way.", 14, theme.MUTED)
    else:
        seats = ", ".join(talks.parties)
        extra = [
            w
            for w, on in (("women's groups", talks.women), ("civil society", talks.civil_society))
            if on
        ]
        panel.line(
            f"Toward {_words(talks.stage)} since month {talks.convened_month}: {seats}"
            + (f", with {' and '.join(extra)}" if extra else ", armed parties only"),
            14,
            lines=3,
        )
        panel.line(
            f"Text version {talks.version}; {talks.rounds} put to the parties,"
            f" {talks.refusals} refused in a row.",
            13,
            theme.MUTED,
            indent=12,
        )
    guarantees = peace.guarantees()
    if guarantees:
        panel.line(
            "Guarantees: " + ", ".join(f"{g} (offered by {who})" for g, who in guarantees.items()),
            13,
            lines=3,
        )
    panel.heading(f"Agreements ({len(peace.agreements)})")
    if not peace.agreements:
        panel.line("None signed.", 14, theme.MUTED)
    for a in peace.agreements:
        when = "before the game" if a.month == 0 else f"month {a.month}"
        state = "in force" if a.in_force else f"broke down in month {a.ended_month}"
        panel.line(
            f"{a.name} ({a.kind}), {when}: {state}",
            14,
            theme.GOOD if a.in_force else theme.NO,
            True,
        )
        panel.line(f"Signed by {', '.join(a.signatories)}", 13, indent=12)
        if a.guarantors:
            panel.line(f"Guaranteed by {', '.join(a.guarantors)}", 13, indent=12)
        if a.excluded:
            panel.line(
                f"Left out (spoilers): {', '.join(a.excluded)}", 13, theme.NO, indent=12, lines=3
            )
        inclusion = [
            w
            for w, on in (("women signatories", a.women), ("civil society", a.civil_society))
            if on
        ]
        if inclusion:
            panel.line("With " + " and ".join(inclusion), 13, indent=12)
    return panel.done()


class PeaceScreen(Screen):
    """The peace talks."""

    name = "peace"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game: Game = app.game

    @property
    def peace(self) -> PeaceView:
        return self.game.view.peace()

    def build(self) -> None:
        self.button(
            self.r(self.W - 170, self.H - 60, 140, 44), "Back", self.back, tip="Esc", default=True
        )
        player = self.game.player
        if player is None or self.peace.settlement is None:
            return
        x = 30
        actions = [
            (
                "Pledge a guarantee",
                lambda: self.act(OfferGuarantee(player, player)),
                pygame.K_g,
                "Your state guarantees the agreement: a sweetener now, fewer"
                " breakdowns later (Walter 2002)",
            ),
            (
                f"Offer aid ({AID:g} capital)",
                lambda: self.act(OfferAid(player, AID)),
                pygame.K_i,
                "Political capital spent on aid sweetens any text",
            ),
        ]
        for party in self.game.world.theatre.parties:
            if player in party.patrons:
                pressed = (player, party.id) in self.game.world.peace.pressed
                label = f"Shield {party.id}" if pressed else f"Press {party.id}"
                command = PressParty(player, party.id, not pressed)
                actions.append(
                    (
                        label,
                        lambda c=command: self.act(c),
                        None,
                        "As its patron, push your client to settle (or shield it)",
                    )
                )
        for label, action, key, tip in actions:
            self.button(self.r(x, self.H - 60, 220, 44), label, action, key=key, tip=tip)
            x += 230

    def act(self, command: Command) -> None:
        """Submit one of the player's offers; a refusal is shown, not raised."""
        try:
            self.game.submit(command)
        except CommandRejected as exc:
            self.app.notify("; ".join(exc.reasons))
            return
        self.app.notify("Done.")
        self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        text = self.app.text
        s = self.s
        surface.blit(
            text.render(f"Peace talks: {world.theatre.name}", 24, theme.TEXT, True), (s(30), s(18))
        )
        peace = self.peace
        panel = draw_process_panel(world, peace, text, s(PANEL_W - 60), self.scale)
        area = self.r(30, TOP, PANEL_W - 60, self.H - TOP - 80)
        surface.blit(panel, area.topleft, pygame.Rect(0, 0, area.w, area.h))
        if peace.settlement is not None:
            right = self.r(PANEL_W, TOP, self.W - PANEL_W - 30, self.H - TOP - 80)
            bottom = self.draw_zone(surface, peace, right)
            self.draw_answers(
                surface, peace, pygame.Rect(right.x, bottom, right.w, right.bottom - bottom)
            )

    def draw_zone(self, surface: pygame.Surface, peace: PeaceView, area: pygame.Rect) -> int:
        """The zone of possible agreement, issue by issue; returns the y below it."""
        settlement = peace.settlement
        assert settlement is not None
        text, s = self.app.text, self.s
        heading = f"What each party would accept, issue by issue (toward {_words(peace.stage)})"
        surface.blit(text.render(heading, 16, theme.TEXT, True), (area.x, area.y))
        y = area.y + s(26)
        zone = peace.zone()
        talks = peace.talks
        parties = peace.parties()
        colours = {
            p: pygame.Color(theme.SERIES[i % len(theme.SERIES)]) for i, p in enumerate(parties)
        }
        label_w = s(150)
        track_x, track_w = area.x + label_w, area.w - label_w - s(10)
        for issue in settlement.issues:
            surface.blit(text.render(issue.name, 14, theme.TEXT, True), (area.x, y))
            y += s(20)
            ranges = zone[issue.id]
            lows = [lo for lo, hi in ranges.values() if hi > lo]
            highs = [hi for lo, hi in ranges.values() if hi > lo]
            top = y
            if len(lows) == len(parties) and max(lows) < min(highs):
                x0 = track_x + round(track_w * max(lows))
                x1 = track_x + round(track_w * min(highs))
                shade = pygame.Rect(
                    x0, top - s(2), max(1, x1 - x0), len(parties) * s(TRACK_H + 4) + s(2)
                )
                pygame.draw.rect(surface, theme.PANEL_EDGE, shade)
            for party in parties:
                lo, hi = ranges[party]
                surface.blit(text.render(party, 13, tuple(colours[party])[:3]), (area.x + s(12), y))
                pygame.draw.line(
                    surface,
                    theme.MUTED,
                    (track_x, y + s(TRACK_H // 2)),
                    (track_x + track_w, y + s(TRACK_H // 2)),
                    1,
                )
                if hi > lo:
                    bar = pygame.Rect(
                        track_x + round(track_w * lo),
                        y + s(4),
                        max(2, round(track_w * (hi - lo))),
                        s(TRACK_H - 8),
                    )
                    pygame.draw.rect(surface, colours[party], bar, border_radius=3)
                else:
                    refuse = text.render("would refuse any text", 12, theme.NO)
                    surface.blit(refuse, (track_x + s(6), y))
                believed = peace.believed_ideal(party).get(issue.id) if talks else None
                if believed is not None:
                    cx, cy = track_x + round(track_w * believed), y + s(TRACK_H // 2)
                    d = s(5)
                    pygame.draw.polygon(
                        surface,
                        theme.TEXT,
                        [(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                        1,
                    )
                y += s(TRACK_H + 4)
            if talks is not None:
                tx = track_x + round(track_w * talks.text[issue.id])
                pygame.draw.line(surface, theme.TEXT, (tx, top - s(4)), (tx, y), 2)
            y += s(6)
        legend = (
            "bars: what each party would accept (others at its ideal); shaded: where all"
            " overlap; diamond: the envoy's reading of its ideal; white line: the current text"
        )
        for part in text.wrap(legend, 12, area.w)[:2]:
            surface.blit(text.render(part, 12, theme.MUTED), (area.x, y))
            y += s(16)
        return y + s(8)

    def draw_answers(self, surface: pygame.Surface, peace: PeaceView, area: pygame.Rect) -> None:
        """Each party's answer to the last text, with its weightiest reasons."""
        text, s = self.app.text, self.s
        answers = peace.answers()
        title = "Answers to the last text" if answers else "No text has been put yet"
        surface.blit(text.render(title, 16, theme.TEXT, True), (area.x, area.y))
        y = area.y + s(24)
        for party, stance in answers.items():
            accepts = stance.choice == "yes"
            verdict = "accepts" if accepts else "refuses"
            line = f"{party} {verdict} ({stance.total / 1000:+.3f})"
            surface.blit(
                text.render(line, 14, theme.GOOD if accepts else theme.NO, True), (area.x, y)
            )
            y += s(20)
            top = sorted(stance.factors, key=lambda f: (-abs(f.points), f.name))[:3]
            why = ", ".join(f"{f.name} {f.points / 1000:+.2f}" for f in top)
            for part in text.wrap(why, 13, area.w - s(12))[:2]:
                surface.blit(text.render(part, 13, theme.MUTED), (area.x + s(12), y))
                y += s(18)
            if y > area.bottom - s(20):
                break
