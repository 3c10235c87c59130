"""Debrief: the ending and why, the score, each objective, what really happened (historical
scenarios), the player's turning points, sanctions episodes and their outcomes, charts of the
crisis, key votes explained.

The vote tables tell the story of :func:`sim.analysis.report.vote_lines` (the lines ``mandate run``
prints) in names and words: who voted how and what moved it most; the HTML report keeps the
numbers.
"""

from __future__ import annotations

import html

import pygame

from sim.analysis.turning import TurningPoint, turning_points
from sim.model import endings
from sim.model.saves import player_turns
from sim.model.words import body_words
from sim.model.world import VoteRecord, World
from sim.ui import theme
from sim.ui.background import Offloaded
from sim.ui.branching import OtherLines
from sim.ui.charts import default_selection, draw_charts, metrics, toggle
from sim.ui.game import Game
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.profile import factor_title
from sim.ui.screens.textviews import TextViews
from sim.ui.widgets.objectives import draw_objectives, objective_rows, objectives_height
from sim.ui.widgets.richtext import Paragraph, parse
from sim.ui.widgets.textview import TextView
from sim.ui.words import in_sentence, namer, weight_word


class DebriefScreen(TextViews, Screen):
    """The end of a game."""

    name = "debrief"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.series = metrics(self.game.world, self.game.seed)
        self.selected = default_selection(self.series)
        self.chart_top = 40.0
        self.rows = objective_rows(self.game.world, final=self.game.world.finished)
        self.objectives_top = 196
        self.objectives_bottom = 300
        self.turning = TurningPoints(self.game)
        self.turning_shown = False
        self.lines = OtherLines(self.game)
        self.lines_shown = False

    def ending(self) -> tuple[str, str]:
        """(name, reason) of the outcome, as ``mandate run`` reports it."""
        outcome = self.game.world.outcome
        if outcome is None:
            return "Unfinished", "the game was stopped before an ending"
        return outcome.name, outcome.reason

    def build(self) -> None:
        W, H = self.W, self.H
        world = self.game.world
        self.rows = objective_rows(world, final=world.finished)
        self.objectives_top = 196
        top = self.objectives_top + 26 + objectives_height(self.rows, 1.0, False)
        self.objectives_bottom = top - 6
        self.body: TextView = self.text_view(self.r(40, top, 600, H - top - 80), self.paragraphs)
        # The chart toggles follow the text, five a frame: entering stays one short frame.
        self.chart_top = (
            self.metric_buttons(self.series, self.selected, self.pick, 680, 40, W - 720, 3, 5) + 10
        )
        self.button(
            self.r(W - 280, H - 66, 240, 46),
            "Back to the title",
            self.app.quit_to_title,
            object_id="#primary",
            default=True,
            tip="Enter",
        )
        self.button(self.r(W - 480, H - 66, 180, 46), "Event log", self.news, key=pygame.K_n)
        self.button(
            self.r(W - 680, H - 66, 180, 46),
            "Go back",
            self.timeline,
            key=pygame.K_b,
            tip="Rewind to a month and play on as a branch; every line side by side",
        )

    def paragraphs(self) -> list[Paragraph]:
        """The debrief's text: what happened, the other lines, the turning points as far as
        they are worked out (made a frame after the screen: it is the costly part)."""
        self.turning_shown = self.turning.done
        self.lines_shown = self.lines.done
        return parse(debrief_html(self.game, lines_html(self.lines) + self.turning.html()))

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.body.paragraphs and (
            (self.turning.done and not self.turning_shown)
            or (self.lines.done and not self.lines_shown)
        ):
            # The turning points or the other lines are worked out: show them where the
            # player has scrolled to (on the next frame).
            self.turning_shown, self.lines_shown = self.turning.done, self.lines.done
            self.later(lambda: self.fill(self.body, self.paragraphs()))

    def pick(self, name: str) -> None:
        self.selected = toggle(self.selected, name)
        self.restyle_toggles(self.selected)

    def timeline(self) -> None:
        self.go("timeline")

    def news(self) -> None:
        self.go("eventlog")

    def back(self) -> None:
        self.app.quit_to_title()

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        s = self.s
        name, reason = self.ending()
        outcome = self.game.world.outcome
        # When it ended goes on the line above the ending's name: together they were cut short
        # at 30 points ("Too little, too late — month 15 (Decem…").
        when = f" — ended in {in_sentence(self.game.month_title(outcome.month))}" if outcome else ""
        surface.blit(text.render("Debrief" + when, 16, theme.MUTED, True), (s(40), s(18)))
        title = text.fit(name, 30, s(600), True)
        surface.blit(text.render(title, 30, theme.ACCENT, True), (s(40), s(40)))
        y = s(86)
        for line in text.wrap(reason, 15, s(600))[:3]:
            surface.blit(text.render(line, 15, theme.TEXT), (s(40), y))
            y += s(21)
        y = s(154)
        for line in text.wrap(endings.score_words(self.game.world) + ".", 13, s(600))[:2]:
            surface.blit(text.render(line, 13, theme.MUTED), (s(40), y))
            y += s(18)
        heading = text.render("Objectives", 16, theme.TEXT, True)
        surface.blit(heading, (s(40), s(self.objectives_top)))
        area = self.r(
            40, self.objectives_top + 26, 600, self.objectives_bottom - self.objectives_top - 26
        )
        draw_objectives(surface, text, self.rows, area, self.scale)
        area = self.r(680, self.chart_top, self.W - 720, self.H - 90 - self.chart_top)
        shown = {n: self.series[n] for n in self.selected}
        draw_charts(surface, text, shown, area, columns=2)
        self.draw_views(surface)


OUTCOME_WORDS = {
    "coercion": "coercion (the target gave in)",
    "constraint": "constraint (its means to fight were cut)",
    "signalling": "signalling (the Council spoke with a broad majority)",
}


def sanctions_html(world: World) -> str:
    """Every sanctions episode: measure, target, months, and what it achieved (or so far)."""
    rows = []
    names = namer(world)
    for e in world.sanctions:
        measure = e.kind.replace("_", " ").capitalize()
        try:
            target = world.theatre.party(e.target).name
        except StopIteration:
            target = e.target
        months = f"months {e.start_month}–{e.end_month}"
        if e.ended:
            achieved = ", ".join(OUTCOME_WORDS.get(o, o) for o in e.outcomes)
            result = f"achieved {achieved}" if achieved else "achieved nothing measurable"
        else:
            loss = sum(e.losses) / len(e.losses) if e.losses else 0.0
            result = f"still in force; means cut by {loss:.0%} on average so far"
        conceded = " The target conceded." if e.conceded and not e.ended else ""
        rows.append(
            f"• <b>{html.escape(measure)}</b> on {html.escape(target)} ({months},"
            f" {html.escape(names.name(e.resolution))}): {html.escape(result)}.{conceded}"
        )
    return "<br>".join(rows)


class TurningPoints:
    """The player's turning points (:mod:`sim.analysis.turning`), worked out in another process
    as the debrief opens (:mod:`sim.ui.background`) — replaying the game once per decision and
    seed takes seconds."""

    SEEDS = 3

    def __init__(self, game: Game) -> None:
        self.points: list[TurningPoint] = []
        self.failed = ""
        self.needed = game.player is not None
        self._job: Offloaded | None = None
        if not self.needed:
            return
        completed, current = player_turns(game.session, game.record)
        turns = completed + ([current] if current else [])
        when = {m: game.month_title(m) for m in range(1, game.world.month + 1)}
        args = (game.scenario, game.seed, game.player, turns, self.SEEDS, 5, when)
        self._job = Offloaded(turning_points, *args)

    @property
    def done(self) -> bool:
        return self.wait(0.0)

    def wait(self, seconds: float) -> bool:
        """Whether the result is there, waiting at most ``seconds`` (tests wait; frames look)."""
        job = self._job
        if job is None:
            return True
        if not job.wait(seconds):
            return False
        self.points, self.failed = job.result or [], job.failed
        self._job = None
        return True

    def html(self) -> str:
        """The debrief's turning-points section ("" when the AI played alone)."""
        if not self.needed:
            return ""
        head = "<b>Turning points</b> (each of your decisions taken back or played the"
        head += " other way, replayed on"
        head += f" {self.SEEDS} seeds)<br>"
        if not self.done:
            return head + "<i>Working them out…</i>"
        if self.failed:
            return head + f"<i>Could not replay the game: {html.escape(self.failed)}</i>"
        if not self.points:
            return head + "<i>None of your decisions changed the outcome.</i>"
        rows = [
            f"{i}. <b>{html.escape(p.when)}: {html.escape(p.decision.describe())}</b> —"
            f" {html.escape(p.effect)}"
            for i, p in enumerate(self.points, 1)
        ]
        return head + "<br>".join(rows)


def lines_html(lines: OtherLines) -> str:
    """The debrief's lines-of-play section: this line and the others, measure by measure
    ("" for a game that never went back)."""
    if not lines.needed:
        return ""
    head = "<b>Lines of play</b> (this one first)<br>"
    if not lines.done:
        return head + "<i>Working them out…</i><br><br>"
    rows = []
    for summary in lines.summaries:
        measures = "; ".join(f"{k.lower()} {v}" for k, v in summary.rows())
        rows.append(f"<b>{html.escape(summary.title())}</b>: {html.escape(measures)}")
    rows += [f"<i>Not replayed: {html.escape(p)}</i>" for p in lines.failed]
    return head + "<br>".join(rows) + "<br><br>"


def debrief_html(game: Game, turning: str = "") -> str:
    """What really happened (historical scenarios), the turning points, sanctions and their
    outcomes, key votes."""
    world = game.world
    parts = []
    history = str(getattr(game.scenario, "history", "") or "").strip()
    if history:
        paragraphs = [" ".join(p.split()) for p in history.split("\n\n") if p.strip()]
        parts.append(
            "<b>What really happened</b><br>" + "<br><br>".join(html.escape(p) for p in paragraphs)
        )
    if turning:
        parts.append(turning)
    if world.sanctions:
        parts.append(
            "<b>Sanctions and what they achieved</b> (Targeted Sanctions Consortium's purposes)"
            "<br>" + sanctions_html(world)
        )
    votes = []
    for vote in world.votes:
        head, *lines = vote_words(world, vote)
        rows = "<br>".join(html.escape(line) for line in lines)
        title = html.escape(f"{game.month_title(vote.month)}: {head}")
        votes.append(f"<b>{title}</b><br>{rows}")
    parts.append(
        "<b>Key votes and why</b><br>" + ("<br><br>".join(votes) or "<i>No vote was held.</i>")
    )
    return "<br><br>".join(parts)


def vote_words(world: World, vote: VoteRecord) -> list[str]:
    """A vote in words: the heading ("Vote in the Security Council on 'Title': adopted, 14 in
    favour, none against, 1 abstaining"), then each member, its vote and the two factors that
    weighed most ("Arnesia: yes — presence (clearly for), accountability (clearly for)")."""
    names = namer(world)
    tally = vote.tally
    verdict = "adopted" if tally.passed else "not adopted"
    if tally.vetoed_by:
        verdict = "vetoed by " + ", ".join(names.name(v) for v in tally.vetoed_by)
    counts = [
        f"{len(tally.yes)} in favour",
        f"{len(tally.no) or 'none'} against",
        f"{len(tally.abstain) or 'none'} abstaining",
    ]
    body = body_words(world.bodies[vote.body].name)
    lines = [f"Vote in the {body} on {names.name(vote.draft)}: {verdict}, {', '.join(counts)}"]
    dimensions = {d.id: d.name for d in world.issues.dimensions}
    for actor in sorted(vote.choices, key=names.name):
        stance = vote.stances[actor]
        top = sorted(stance.factors, key=lambda f: (-abs(f.points), f.name))[:2]
        why = ", ".join(
            f"{_factor_words(f.name, dimensions)}"
            f" ({weight_word(f.points)} {'for' if f.points > 0 else 'against'})"
            for f in top
            if f.points
        )
        lines.append(f"{names.name(actor)}: {stance.choice}" + (f" — {why}" if why else ""))
    return lines


#: Factors of a vote that are neither an issue nor one of the profile's context factors.
FACTOR_WORDS = {
    "private": "its own reservations",
    "patron": "its client in the conflict",
    "caucus": "its caucus",
}


def _factor_words(name: str, dimensions: dict[str, str]) -> str:
    """A factor of a vote in lower-case words: ``policy:force`` or ``force`` → "use of force",
    ``side_payment`` → "side deals offered"."""
    dimension = name.removeprefix("policy:")
    if dimension in dimensions:
        return dimensions[dimension].lower()
    if name in FACTOR_WORDS:
        return FACTOR_WORDS[name]
    return factor_title(name, dimensions).lower()
