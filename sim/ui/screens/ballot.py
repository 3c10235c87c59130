"""Your vote: yes, no or abstain on the draft before a body you sit in.

Beside the buttons: the forecast of everyone else's votes, what each of your choices would make
of the result (a permanent member's no is a veto), and your own factors — the same additive
factors the AI would have voted on, so the advice can never tell a different story than the
numbers. On a ballot turn (a vote has been called) choosing ends the turn and the vote is held.
"""

from __future__ import annotations

import pygame

from sim.model.advice import vote_commands
from sim.model.ballots import CastVote
from sim.model.drafts import Draft
from sim.model.engine import CommandRejected
from sim.model.names import clauses_words, draft_title
from sim.model.voting import CHOICES, Choice, Tally
from sim.ui import theme
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import verdict
from sim.ui.screens.profile import factor_title
from sim.ui.words import namer, weight_word

WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstain"}
KEYS = {"yes": pygame.K_y, "no": pygame.K_n, "abstain": pygame.K_b}


class BallotScreen(Screen):
    """Cast the seat's own vote on a draft (and, with ``then_call``, call the vote after)."""

    name = "ballot"

    def __init__(self, app: Host, draft: Draft, then_call: bool = False) -> None:
        super().__init__(app)
        assert app.game is not None and app.game.player is not None
        self.game = app.game
        self.seat: str = app.game.player
        self.draft = draft
        self.then_call = then_call

    def outcomes(self) -> dict[Choice, Tally]:
        """The result of the vote for each choice the seat could make, the others as forecast."""
        forecast = self.game.forecast(self.draft)
        assert forecast is not None
        _, ballot, _ = forecast
        body = self.game.world.bodies[self.draft.body]
        others = {**ballot.choices(), **self.draft.cast}
        return {c: body.tally({**others, self.seat: c}) for c in CHOICES}

    def build(self) -> None:
        W, H = self.W, self.H
        advised = self.game.advice(self.draft).choice
        veto = self.seat in self.game.world.bodies[self.draft.body].veto
        x = 40
        for choice in CHOICES:
            label = WORDS[choice] + (" — veto" if choice == "no" and veto else "")
            if choice == advised:
                label += " (advised)"
            tip = f"Vote {choice} on {namer(self.game.world).name(self.draft.id)}"
            if choice == "no" and veto:
                tip += ": as a permanent member your no blocks adoption"
            self.button(
                self.r(x, H - 66, 220, 46),
                label,
                lambda c=choice: self.vote(c),
                key=KEYS[choice],
                tip=tip,
                default=choice == advised,
                object_id="#primary" if choice == advised else None,
            )
            x += 236
        self.button(self.r(W - 200, H - 66, 160, 46), "Back", self.back, tip="Decide later (Esc)")

    def vote(self, choice: Choice) -> None:
        game = self.game
        ballot_turn = game.ballot is not None
        try:
            game.submit(CastVote(self.seat, self.draft.id, choice))
            if self.then_call:
                for command in vote_commands(game.session, self.seat, self.draft.id):
                    game.submit(command)
        except CommandRejected as exc:
            self.app.notify("; ".join(exc.reasons))
            return
        veto = choice == "no" and self.seat in game.world.bodies[self.draft.body].veto
        draft = namer(game.world).name(self.draft.id)
        note = f"You vote {choice} on {draft}" + (" — a veto." if veto else ".")
        if ballot_turn:
            game.end_turn()
        self.app.notify(note)
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        world = self.game.world
        draft = self.draft
        body = world.bodies[draft.body]
        head = f"Your vote, {world.states.name(self.seat)}: {draft_title(world, draft.id)}"
        surface.blit(
            text.render(text.fit(head, 22, s(self.W - 60), True), 22, theme.TEXT, True),
            (s(30), s(18)),
        )
        sub = f"Version {draft.version}, in the {body.name}:"  # no number before it is adopted
        sub += f" {clauses_words(world, draft.clauses)}"
        for n, line in enumerate(text.wrap(sub, 14, s(self.W - 60))[:2]):
            surface.blit(text.render(line, 14, theme.MUTED), (s(30), s(52 + 18 * n)))
        self._outcomes(surface, s(30), s(108), s(560))
        self._factors(surface, s(640), s(108), s(self.W - 680))

    def _outcomes(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        text, s = self.app.text, self.s
        forecast = self.game.forecast(self.draft)
        assert forecast is not None
        _, _, tally = forecast
        body = self.game.world.bodies[self.draft.body]
        surface.blit(text.render("The others, as forecast", 18, theme.TEXT, True), (x, y))
        y += s(30)
        counts = f"{len(tally.yes)} yes · {len(tally.no)} no · {len(tally.abstain)} abstain"
        surface.blit(
            text.render(f"Forecast with your advisers' vote: {counts}", 15, theme.TEXT), (x, y)
        )
        y += s(40)
        surface.blit(text.render("What your vote decides", 18, theme.TEXT, True), (x, y))
        y += s(30)
        names = namer(self.game.world)
        for choice, result in self.outcomes().items():
            line = verdict(result.passed, result.vetoed_by, len(result.yes), body.quota, names)
            line = line.replace("Would be ", "").replace("Would ", "")
            colour = theme.YES if result.passed else theme.NO
            surface.blit(text.render(f"If you vote {choice}:", 15, theme.TEXT), (x, y))
            surface.blit(
                text.render(f"{line} ({result.counts()})", 15, colour, True), (x + s(170), y)
            )
            y += s(28)
        y += s(12)
        notes = [
            "Abstaining is not a veto: only a permanent member's no blocks adoption.",
            "An amendment to the draft clears your vote: you vote on the text as it reads.",
        ]
        if self.game.ballot is not None:
            notes.insert(0, "The vote has been called: your choice is counted at once.")
        for note in notes:
            for line in text.wrap(note, 13, w):
                surface.blit(text.render(line, 13, theme.MUTED), (x, y))
                y += s(19)

    def _factors(self, surface: pygame.Surface, x: int, y: int, w: int) -> None:
        """Your factors as bars and words (for to the right, against to the left), what they
        add up to, and where that falls against the lines for yes and no; the profile keeps
        the figures."""
        text, s = self.app.text, self.s
        stance = self.game.advice(self.draft)
        title = f"Your own factors: your advisers say {stance.choice}"
        surface.blit(text.render(text.fit(title, 18, w, True), 18, theme.TEXT, True), (x, y))
        y += s(34)
        dims = {d.id: d.name for d in self.game.world.issues.dimensions}
        names = [factor_title(f.name, dims) for f in stance.factors]
        bar_w, word_w = s(160), s(110)
        widest = max([text.font(14).size(n)[0] for n in names] + [0])
        # the labels as wide as the longest one needs ("Policy: Pressure on the parties"), the
        # bar and its word keeping their room
        label_w = max(s(200), min(widest + s(12), w - bar_w - word_w))
        biggest = max([abs(f.points) for f in stance.factors] + [abs(stance.total), 1])
        for factor, title_ in zip(stance.factors, names, strict=True):
            name = text.fit(title_, 14, label_w - s(8))
            surface.blit(text.render(name, 14, theme.TEXT), (x, y))
            self._signed_bar(surface, factor.points, biggest, (x + label_w, y), bar_w)
            side = "for" if factor.points > 0 else "against" if factor.points < 0 else "nothing"
            word = f"{weight_word(factor.points)} {side}" if factor.points else "weighs nothing"
            surface.blit(text.render(word, 13, theme.MUTED), (x + label_w + bar_w + s(10), y))
            y += s(22)
        pygame.draw.line(surface, theme.PANEL_EDGE, (x, y + s(2)), (x + w, y + s(2)))
        y += s(8)
        surface.blit(text.render("Altogether", 15, theme.TEXT, True), (x, y))
        self._signed_bar(surface, stance.total, biggest, (x + label_w, y), bar_w)
        y += s(28)
        for line in text.wrap(
            verdict_words(stance.total, stance.yes_above, stance.no_below), 13, w
        ):
            surface.blit(text.render(line, 13, theme.MUTED), (x, y))
            y += s(19)

    def _signed_bar(
        self, surface: pygame.Surface, points: int, biggest: int, at: tuple[int, int], w: int
    ) -> None:
        """A bar from the middle of a ``w`` wide track: right for, left against."""
        s = self.s
        x, y = at
        mid, h = x + w // 2, s(12)
        pygame.draw.rect(surface, theme.PANEL_EDGE, (x, y + s(4), w, h), 1)
        pygame.draw.line(surface, theme.MUTED, (mid, y + s(2)), (mid, y + s(4) + h + s(2)))
        length = round((w // 2) * min(1.0, abs(points) / biggest))
        colour = theme.YES if points > 0 else theme.NO
        left = mid if points > 0 else mid - length
        if length:
            pygame.draw.rect(surface, colour, (left, y + s(4), length, h))


def verdict_words(total: int, yes_above: int, no_below: int) -> str:
    """Where the sum of the factors falls against the lines for yes and no, in words."""
    if total > yes_above:
        return f"That is {weight_word(total - yes_above)} past the line for a yes."
    if total < no_below:
        return f"That is {weight_word(no_below - total)} past the line for a no."
    return "That falls between the lines for yes and no: an abstention."
