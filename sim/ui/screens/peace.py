"""Peace talks: the envoy, the parties at the table, the zone of possible agreement issue by
issue, the current text, each party's last answer and its reasons, and the agreements signed.

The zone is drawn per issue: for each party, the values it would accept on that issue with every
other issue at its own ideal (:func:`sim.model.parties.zone_of_agreement`); where the parties'
ranges overlap the zone of possible agreement is shaded. The mediator's reading of each party's
ideal (with its errors) is the small diamond; the current text is the vertical line. The
player's actions (:mod:`sim.ui.screens.peace_actions`) are two rows of buttons: appointing an
envoy and convening talks (with who sits at the table), then guarantees, aid and pressing a
client; those its seat may not take now are disabled, and the reasons are written above them.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.model.commands import Command
from sim.model.events import Event
from sim.model.peace_view import PeaceView
from sim.model.talks import sponsor_name
from sim.model.world import World
from sim.ui import theme
from sim.ui.game import Game
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.peace_actions import (
    Offer,
    Table,
    may_mediate,
    mediation_offers,
    party_label,
    party_title,
    peace_words,
    support_offers,
)
from sim.ui.screens.theatre import PANEL_W
from sim.ui.widgets.theatrepanel import Panel, phase_words
from sim.ui.words import intensity_word, weight_word

TRACK_H = 16
TOP = 64
ACTIONS_H = 170  # the two rows of the player's actions and the line of reasons above them


def _words(stage: str) -> str:
    return "a ceasefire" if stage == "ceasefire" else "a peace agreement"


def standing_word(standing: float) -> str:
    """The envoy's standing with the parties, in a word."""
    return "high" if standing >= 0.66 else "fair" if standing >= 0.33 else "low"


def draw_process_panel(
    world: World, peace: PeaceView, text: theme.Text, width: int, scale: float
) -> pygame.Surface:
    """Envoy, talks, guarantees and agreements, top to bottom."""
    panel = Panel(text, width, scale)
    theatre = world.theatre
    panel.line(
        f"The theatre is {phase_words(theatre.phase, theatre.intensity)}; the fighting is"
        f" {intensity_word(theatre.intensity)}.",
        14,
    )

    def names(ids: tuple[str, ...] | list[str]) -> str:
        return peace_words(world, ", ".join(ids))

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
            f"{envoy.name[:1].upper()}{envoy.name[1:]}, appointed by {sponsors} in month"
            f" {envoy.appointed_month}; its standing with the parties is"
            f" {standing_word(envoy.standing)}.",
            14,
            lines=3,
        )
        for party, (lean, backers) in peace.leanings().items():
            if lean > 0:
                who = party_label(world, party)
                how = "strongly" if lean >= 0.5 else "somewhat"
                panel.line(
                    f"Seen as leaning {how} toward {who}: {names(backers)} among its sponsors'"
                    f" members back {who}, which trusts the envoy more; the other parties trust"
                    " it less (Kydd 2003).",
                    13,
                    theme.MUTED,
                    indent=12,
                    lines=3,
                )
    panel.heading("Talks")
    talks = peace.talks
    if talks is None:
        panel.line("No talks are under way.", 14, theme.MUTED)
    else:
        seats = names(talks.parties)
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
            "Guarantees: "
            + ", ".join(
                f"{peace_words(world, g)} (offered by {peace_words(world, who)})"
                for g, who in guarantees.items()
            ),
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
        panel.line(f"Signed by {names(a.signatories)}", 13, indent=12, lines=2)
        if a.guarantors:
            panel.line(f"Guaranteed by {names(a.guarantors)}", 13, indent=12, lines=2)
        if a.tactical:
            panel.line(
                f"Signed only tactically by {names(a.tactical)}: implementation stalls",
                13,
                theme.NO,
                indent=12,
            )
        if a.excluded:
            panel.line(
                f"Left out (spoilers): {names(a.excluded)}", 13, theme.NO, indent=12, lines=3
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

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game: Game = app.game
        self.table = Table()
        self.refused: list[tuple[str, str]] = []

    @property
    def spare(self) -> float:
        """Room to spare in a large window (:func:`sim.ui.room.room`): the issues' tracks
        spread by it."""
        return room(self.W, self.H)

    @property
    def grow(self) -> float:
        """How much larger the left column and the type are (:func:`type_factor`)."""
        return type_factor(self.spare)

    @property
    def left_w(self) -> float:
        """The width of the left column, the envoy, talks and agreements (logical pixels)."""
        return round((PANEL_W - 60) * self.grow)

    @property
    def peace(self) -> PeaceView:
        return self.game.view.peace()

    def build(self) -> None:
        self.button(
            self.r(self.W - 170, self.H - 60, 140, 44), "Back", self.back, tip="Esc", default=True
        )
        player = self.game.player
        self.refused: list[tuple[str, str]] = []
        if player is None or self.peace.settlement is None:
            return
        if not self.table.parties and self.peace.talks is None:
            self.table.parties = set(self.peace.parties())
        x = 30
        for offer in mediation_offers(self.game, player, self.table):
            x = self.offer(offer, x, self.H - 112, 200)
        if self.peace.talks is None and may_mediate(self.game, player):
            self.table_buttons(x + 10)
        x = 30
        for offer in support_offers(self.game, player):
            x = self.offer(offer, x, self.H - 60, 220)

    def offer(self, offer: Offer, x: int, y: int, w: int) -> int:
        """A button for one of the player's actions, disabled with its reason when refused;
        returns the x of the next button."""
        tip = offer.tip if not offer.reasons else f"{offer.tip}<br>Not now: {offer.reasons[0]}"
        self.button(
            self.r(x, y, w, 44),
            offer.label,
            lambda c=offer.command: self.act(c),
            key=offer.key,
            tip=tip,
            enabled=not offer.reasons,
        )
        if offer.reasons:
            self.refused.append((offer.label, offer.reasons[0]))
        return x + w + 10

    def table_buttons(self, x: int) -> None:
        """Who sits at the table when the player convenes: each party, women's groups, civil
        society (toggles; the choice goes into the command)."""
        seats: list[tuple[str, bool, Callable[[], None]]] = [
            (
                party_title(self.game.world, party),
                party in self.table.parties,
                lambda p=party: self.table.toggle(p),
            )
            for party in self.peace.parties()
        ]
        seats += [
            ("women", self.table.women, self._toggle_women),
            ("civil society", self.table.civil_society, self._toggle_civil),
        ]
        w = max(96, min(150, (self.W - 30 - x) // len(seats) - 8))
        for label, seated, flip in seats:
            self.button(
                self.r(x, self.H - 112, w, 44),
                f"{label}: {'in' if seated else 'out'}",
                lambda f=flip: self._flip(f),
                tip="At the table when you convene talks, or left out (armed factions left out"
                " may spoil an agreement; women and civil society make it last)",
            )
            x += w + 8

    def _toggle_women(self) -> None:
        self.table.women = not self.table.women

    def _toggle_civil(self) -> None:
        self.table.civil_society = not self.table.civil_society

    def _flip(self, flip: Callable[[], None]) -> None:
        flip()
        self.refresh()

    def act(self, command: Command) -> None:
        """Submit one of the player's actions; a refusal is shown, not raised."""
        self.submit(command)

    def said(self, events: list[Event]) -> str:
        return "Done."  # the talks' panel shows what changed

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        s = self.s
        surface.blit(
            self.app.text.render(f"Peace talks: {world.theatre.name}", 24, theme.TEXT, True),
            (s(30), s(18)),
        )
        peace = self.peace
        grow, left = self.grow, self.left_w
        text = zoomed(self.app.text, grow)
        panel = draw_process_panel(world, peace, text, s(left), self.scale * grow)
        area = self.r(30, TOP, left, self.H - TOP - ACTIONS_H)
        surface.blit(panel, area.topleft, pygame.Rect(0, 0, area.w, area.h))
        if peace.settlement is not None:
            x = 30 + left + 30
            right = self.r(x, TOP, self.W - x - 30, self.H - TOP - ACTIONS_H)
            bottom = self.draw_zone(surface, peace, right)
            self.draw_answers(
                surface, peace, pygame.Rect(right.x, bottom, right.w, right.bottom - bottom)
            )
        self.draw_refused(surface)

    def draw_refused(self, surface: pygame.Surface) -> None:
        """Why the disabled actions are not open to the player now, above the buttons."""
        if not self.refused:
            return
        text, s = self.app.text, self.s
        words = "Not open to you now: " + "; ".join(
            f"{label} ({reason})" for label, reason in self.refused
        )
        y = s(self.H - ACTIONS_H + 12)
        for part in text.wrap(words, 13, s(self.W - 60))[:3]:
            surface.blit(text.render(part, 13, theme.MUTED), (s(30), y))
            y += s(17)

    def draw_zone(self, surface: pygame.Surface, peace: PeaceView, area: pygame.Rect) -> int:
        """The zone of possible agreement, issue by issue; returns the y below it."""
        settlement = peace.settlement
        assert settlement is not None
        g, gap = self.grow, self.spare  # larger type; more room between the issues
        text, s = zoomed(self.app.text, g), self.s
        heading = f"What each party would accept, issue by issue (toward {_words(peace.stage)})"
        surface.blit(text.render(heading, 16, theme.TEXT, True), (area.x, area.y))
        y = area.y + s(26 * g)
        zone = peace.zone()
        talks = peace.talks
        parties = peace.parties()
        colours = {
            p: pygame.Color(theme.SERIES[i % len(theme.SERIES)]) for i, p in enumerate(parties)
        }
        label_w = s(150 * g)
        track_x, track_w = area.x + label_w, area.w - label_w - s(10)
        step = self._track_step(area, len(settlement.issues), len(parties))
        # A party's track: thicker where its step has grown, and in the middle of its step.
        track_h = min(step / self.scale - 4 * g, 1.5 * TRACK_H * g)
        pad = (step - s(track_h + 4 * g)) // 2
        drop = (s(track_h) - s(TRACK_H * g)) // 2  # its label, level with the track
        for issue in settlement.issues:
            surface.blit(text.render(issue.name, 14, theme.TEXT, True), (area.x, y))
            y += s(20 * g)
            ranges = zone[issue.id]
            lows = [lo for lo, hi in ranges.values() if hi > lo]
            highs = [hi for lo, hi in ranges.values() if hi > lo]
            top = y
            if len(lows) == len(parties) and max(lows) < min(highs):
                x0 = track_x + round(track_w * max(lows))
                x1 = track_x + round(track_w * min(highs))
                shade = pygame.Rect(x0, top - s(2), max(1, x1 - x0), len(parties) * step + s(2))
                pygame.draw.rect(surface, theme.PANEL_EDGE, shade)
            for party in parties:
                y += pad
                lo, hi = ranges[party]
                refuses = hi <= lo
                label = text.fit(party_title(self.game.world, party), 13, label_w - s(16 * g))
                surface.blit(
                    text.render(label, 13, tuple(colours[party])[:3]),
                    (area.x + s(12 * g), y + drop),
                )
                if not refuses:
                    pygame.draw.line(
                        surface,
                        theme.MUTED,
                        (track_x, y + s(track_h / 2)),
                        (track_x + track_w, y + s(track_h / 2)),
                        1,
                    )
                if not refuses:
                    bar = pygame.Rect(
                        track_x + round(track_w * lo),
                        y + s(4 * g),
                        max(2, round(track_w * (hi - lo))),
                        s(track_h - 8 * g),
                    )
                    pygame.draw.rect(surface, colours[party], bar, border_radius=3)
                else:
                    # No range: a dashed track (the legend says so); no words over the track,
                    # where the diamonds and the current text's line are drawn.
                    for dash in range(track_x, track_x + track_w, s(12)):
                        pygame.draw.line(
                            surface,
                            theme.NO,
                            (dash, y + s(track_h / 2)),
                            (dash + s(6), y + s(track_h / 2)),
                            2,
                        )
                believed = peace.believed_ideal(party).get(issue.id) if talks else None
                if believed is not None:
                    cx, cy = track_x + round(track_w * believed), y + s(track_h / 2)
                    d = s(5 * g)
                    pygame.draw.polygon(
                        surface,
                        theme.TEXT,
                        [(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                        1,
                    )
                y += step - pad
            if talks is not None:
                tx = track_x + round(track_w * talks.text[issue.id])
                pygame.draw.line(surface, theme.TEXT, (tx, top - s(4)), (tx, y), 2)
            y += s(6 * gap)
        legend = (
            "bars: what each party would accept (others at its ideal); dashed: it would"
            " refuse any text; shaded: where all overlap; diamond: the envoy's reading of its"
            " ideal; white line: the current text"
        )
        for part in text.wrap(legend, 12, area.w)[:3]:
            surface.blit(text.render(part, 12, theme.MUTED), (area.x, y))
            y += s(16 * g)
        return y + s(8 * gap)

    def _track_step(self, area: pygame.Rect, issues: int, parties: int) -> int:
        """From one party's track to the next (window pixels): as at the design size, more in
        a larger window (up to twice at 1920×1080), so the zone takes about three fifths of the
        height the answers share with it, not a strip at the top."""
        g, gap, s = self.grow, self.spare, self.s
        least = s((TRACK_H + 4) * g)
        fixed = s(26 * g) + issues * (s(20 * g) + s(6 * gap)) + 2 * s(16 * g) + s(8 * gap)
        wanted = (area.h * 0.6 - fixed) // max(1, issues * parties)
        return int(max(least, min(least * min(2.0, 2 * gap - 1), wanted)))

    def draw_answers(self, surface: pygame.Surface, peace: PeaceView, area: pygame.Rect) -> None:
        """Each party's answer to the last text, with its weightiest reasons."""
        g = self.grow
        text, s = zoomed(self.app.text, g), self.s
        answers = peace.answers()
        title = "Answers to the last text" if answers else "No text has been put yet"
        surface.blit(text.render(title, 16, theme.TEXT, True), (area.x, area.y))
        y = area.y + s(24 * g)
        tactical = peace.tactical()
        for party, stance in answers.items():
            accepts = stance.choice == "yes"
            verdict = "accepts" if accepts else "refuses"
            if party in tactical:
                verdict = "signs without meaning it"
            gap = abs(stance.total) / 1000
            far = "narrowly" if gap < 0.05 else "clearly" if gap < 0.15 else "firmly"
            line = f"{party_title(self.game.world, party)} {verdict} ({far})"
            surface.blit(
                text.render(line, 14, theme.GOOD if accepts else theme.NO, True), (area.x, y)
            )
            y += s(20 * g)
            top = sorted(stance.factors, key=lambda f: (-abs(f.points), f.name))[:3]
            why = ", ".join(
                f"{f.name} ({weight_word(f.points)} {'for' if f.points > 0 else 'against'})"
                for f in top
            )
            for part in text.wrap(why, 13, area.w - s(12 * g))[:2]:
                surface.blit(text.render(part, 13, theme.MUTED), (area.x + s(12 * g), y))
                y += s(18 * g)
            if y > area.bottom - s(20 * g):
                break
