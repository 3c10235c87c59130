"""What seats want from a text, and what a text is worth to its sponsor.

- :func:`ask_of` — a member's *ask*: the smallest set of changes (up to three single-clause
  concessions, chosen greedily by what the member gains most from) that moves its vote one step
  up, from no to abstain or from abstain to yes. Computed from the member's own, exact stance, so
  an ask is truthful; what the member cannot get from any such change is its *red line*.
- :func:`text_values` — the sponsor's expected value of putting each candidate text to the vote,
  from its own estimate of the whip count: its own policy gain from the text plus
  ``adoption_value`` when the text is forecast to pass; ``veto_record_value`` × the share of the
  body voting yes when only a veto stops it (exposing the vetoer can be worth more than a text with
  nothing left in it); nothing when it would fail for want of votes. Watering a text down
  therefore has a price, and forcing a vote that will be vetoed can be the better choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim.model.coefficients import Coefficients
from sim.model.concessions import imperative, watered_down
from sim.model.drafts import Clauses, Draft
from sim.model.explain import POINTS_PER_UNIT, classify
from sim.model.intel import private_points
from sim.model.stance import IntArray, candidate_totals, thresholds
from sim.model.voting import Choice, VotingBody
from sim.model.world import World

MAX_ASK_STEPS = 3
STEP_UP: dict[Choice, Choice] = {"no": "abstain", "abstain": "yes"}


@dataclass(frozen=True)
class Ask:
    """What a member wants changed before it moves its vote one step."""

    member: str
    changes: tuple[str, ...]
    clauses: Clauses
    now: Choice
    then: Choice
    margin: int

    def text(self) -> str:
        """The ask in a diplomat's words: "drop the ICC referral and we abstain"."""
        wants = "; ".join(imperative(c) for c in self.changes)
        verb = "vote yes" if self.then == "yes" else "abstain"
        return f"{wants[0].upper()}{wants[1:]} — and we {verb}."


def member_totals(
    world: World, draft: Draft, member: str, candidates: Sequence[Clauses]
) -> IntArray:
    """``member``'s own exact total for each candidate text of ``draft``."""
    voters = sorted(world.bodies[draft.body].members)
    private = dict(zip(voters, private_points(draft, voters, None), strict=True))
    totals = candidate_totals(
        world,
        draft.body,
        candidates,
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    column: IntArray = totals[:, voters.index(member)]
    return column


class Concessions:
    """One member's searches over concessions on one draft: its ask, its red line and its
    rival text, from its own exact totals.

    The three searches start from the same texts (the draft, then each single concession), so
    the member's total for each text is worked out once and shared.
    Use it while the world stands still (within one seat's turn); make a new one after.
    """

    def __init__(self, world: World, draft: Draft, member: str) -> None:
        self.world = world
        self.draft = draft
        self.member = member
        body = world.bodies[draft.body]
        voters = sorted(body.members)
        yes_above, no_below = thresholds(world, body, voters)
        i = voters.index(member)
        self.up, self.down = int(yes_above[i]), int(no_below[i])
        self._totals: dict[Clauses, int] = {}

    def totals(self, candidates: Sequence[Clauses]) -> IntArray:
        """The member's own total for each text (each computed once; a total does not depend on
        the other texts it is computed with)."""
        missing = [c for c in dict.fromkeys(candidates) if c not in self._totals]
        if missing:
            computed = member_totals(self.world, self.draft, self.member, missing)
            for clauses, total in zip(missing, computed, strict=True):
                self._totals[clauses] = int(total)
        return np.array([self._totals[c] for c in candidates], dtype=np.int64)

    def ask(self) -> Ask | None:
        """The smallest set of concessions that moves the member's vote one step up, or None
        when it already votes yes or no three concessions would move it (its red line)."""
        up, down = self.up, self.down
        clauses = self.draft.clauses
        now = classify(int(self.totals([clauses])[0]), up, down)
        if now == "yes":
            return None
        goal = STEP_UP[now]
        changes: list[str] = []
        for _ in range(MAX_ASK_STEPS):
            options = watered_down(clauses)
            if not options:
                return None
            totals = self.totals([c for _, c in options])
            best = int(np.argmax(totals))
            changes.append(options[best][0])
            clauses = options[best][1]
            total = int(totals[best])
            if classify(total, up, down) in (goal, "yes"):
                then = classify(total, up, down)
                margin = total - (up if then == "yes" else down)
                return Ask(self.member, tuple(changes), clauses, now, then, margin)
        return None

    def red_line(self) -> str:
        """The clause of the draft that costs the member most: what it says it will not accept."""
        options = watered_down(self.draft.clauses)
        if not options:
            return "this text"
        totals = self.totals([c for _, c in options])
        description = options[int(np.argmax(totals))][0]
        for prefix in ("drops ", "cuts ", "shortens "):
            if description.startswith(prefix):
                return description[len(prefix) :]
        return "Chapter VII"

    def rival_text(self) -> Clauses | None:
        """The text the member would table against the draft: the draft stripped, one
        concession at a time, of whatever costs the member most, for as long as that gains it
        anything — or None when it would still not vote yes for the result."""
        clauses = self.draft.clauses
        total = int(self.totals([clauses])[0])
        for _ in range(MAX_RIVAL_STEPS):
            options = watered_down(clauses)
            if not options:
                break
            totals = self.totals([c for _, c in options])
            best = int(np.argmax(totals))
            if int(totals[best]) <= total:
                break
            clauses, total = options[best][1], int(totals[best])
        if clauses == self.draft.clauses or total <= self.up:
            return None
        return clauses


MAX_RIVAL_STEPS = 8


def ask_of(world: World, draft: Draft, member: str) -> Ask | None:
    """The smallest set of concessions that moves ``member``'s vote on ``draft`` one step up, or
    None when it already votes yes or no three concessions would move it (its red line)."""
    return Concessions(world, draft, member).ask()


def text_values(
    coef: Coefficients,
    body: VotingBody,
    outcomes: tuple[IntArray, IntArray, IntArray],
    own: IntArray,
) -> IntArray:
    """The sponsor's expected value (points) of calling the vote on each candidate now, from its
    own estimate of the outcomes (passes, veto threats, yes votes) and its own policy gain from
    each text (see the module docstring)."""
    passes, threats, yes = outcomes
    adoption = int(round(coef.adoption_value * POINTS_PER_UNIT))
    record = np.rint(coef.veto_record_value * POINTS_PER_UNIT * yes / len(body.members))
    values = np.where(passes == 1, own + adoption, 0)
    values = np.where((passes == 0) & (threats > 0), record, values)
    result: IntArray = values.astype(np.int64)
    return result
