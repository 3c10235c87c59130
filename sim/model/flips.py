"""What would flip a vote: the smallest change that moves a member's choice one step.

For every member voting on a draft, the changes a player can actually make are tried on the very
scores the vote is decided on (:func:`sim.model.stance.ballot` and
:func:`~sim.model.stance.candidate_totals`), so a flip shown here always flips the vote:

- a *clause* — each single-clause concession or restoration the AI drafter considers
  (:func:`sim.model.agents.watered_down` and :func:`~sim.model.agents.strengthened`);
- a *ceiling* — the troop, police or observer ceiling moved in steps of 100 (the nearest value
  that flips);
- a *side payment* — the least political capital, in tenths, the penholder would have to offer;
- an *endorsement* — a regional organization that has not yet decided endorsing (or, to move a
  yes down, refusing).

One step is no → abstain and abstain → yes (or yes → abstain, the other way). Each member gets
its ``needed`` points (how far its total must move) and, for each kind of change, the smallest
one of that kind that suffices, with the points it moves the total (``shift``) and how far past
the threshold it lands (``spare``). :func:`drifts` adds how far consultations, lobbying and events
have moved each member's own ideal point since the start, and what that movement is worth on
this draft.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sim.model.concessions import strengthened, watered_down
from sim.model.drafts import CLAUSE_NUMBERS, Clauses, Draft
from sim.model.explain import POINTS_PER_UNIT, classify
from sim.model.stance import (
    Ballot,
    IntArray,
    ballot,
    candidate_totals,
    known_reservations,
    side_payment_rates,
)
from sim.model.voting import Choice
from sim.model.world import FloatArray, World

RANK: dict[Choice, int] = {"no": 0, "abstain": 1, "yes": 2}
KINDS = ("clause", "ceiling", "side_payment", "endorsement")
CAPITAL_STEP = 0.1
CEILINGS = (
    ("troop_ceiling", "troop"),
    ("police_ceiling", "police"),
    ("observer_ceiling", "observer"),
)


@dataclass(frozen=True)
class Flip:
    """One change that moves a member's vote at least one step.

    ``shift`` is the points the change moves the member's total; ``spare`` how many points past
    the threshold the new total lands (0: just over). ``clauses`` is the changed text (clause and
    ceiling changes), ``amount`` the political capital (side payments), ``organization`` the
    endorsing or refusing organization.
    """

    kind: str
    change: str
    shift: int
    total: int
    choice: Choice
    spare: int
    clauses: Clauses | None = None
    amount: float = 0.0
    organization: str = ""

    def to_json(self) -> dict[str, object]:
        """The flip in utility units, as in ``--json`` style output."""
        return {
            "kind": self.kind,
            "change": self.change,
            "shift": self.shift / POINTS_PER_UNIT,
            "choice": self.choice,
            "spare": self.spare / POINTS_PER_UNIT,
        }


@dataclass(frozen=True)
class MemberFlips:
    """A member's vote, the step one change could move it, and the changes that would.

    ``needed`` is signed: the points its total must gain (or, for a yes, lose) to move one step.
    ``options`` holds the smallest change of each kind that suffices, smallest shift first.
    """

    actor: str
    choice: Choice
    target: Choice
    total: int
    needed: int
    options: tuple[Flip, ...]

    @property
    def smallest(self) -> Flip | None:
        """The change that moves the member's total least while still moving its vote."""
        return self.options[0] if self.options else None


def target_of(choice: Choice) -> Choice:
    """The choice one step away: no → abstain → yes; a yes moves down to abstain."""
    return "yes" if choice == "abstain" else "abstain"


def needed_points(total: int, yes_above: int, no_below: int, choice: Choice) -> int:
    """Points the total must move (signed) for the choice to move one step."""
    if choice == "no":
        return no_below - total
    if choice == "abstain":
        return yes_above + 1 - total
    return yes_above - total


def clause_options(clauses: Clauses, original: Clauses) -> list[tuple[str, Clauses]]:
    """Every single-clause concession and restoration the AI drafter considers."""
    return watered_down(clauses) + strengthened(clauses, original)


def ceiling_options(clauses: Clauses, original: Clauses) -> list[tuple[str, Clauses, int]]:
    """Each ceiling the text authorizes (or first authorized) at other values, in the clause
    table's agent steps (100), from none to twice the current ceiling (at least the original's);
    with the distance moved."""
    options: list[tuple[str, Clauses, int]] = []
    for field_name, word in CEILINGS:
        now, first = getattr(clauses, field_name), getattr(original, field_name)
        if now <= 0 and first <= 0:
            continue
        step = CLAUSE_NUMBERS[field_name].agent_step
        top = max(2 * now, first, now + step)
        for value in range(0, top + 1, step):
            if value != now:
                change = f"{word} ceiling {value:,} instead of {now:,}"
                options.append((change, clauses.changed(**{field_name: value}), abs(value - now)))
    return options


# An option: kind, description, the member's new total, the changed text, and how big the change
# is in its own terms (ceilings: personnel; other kinds: 0, so the smallest shift wins).
Option = tuple[str, str, int, Clauses | None, int]


def vote_flips(
    world: World,
    draft: Draft,
    original: Clauses | None = None,
    only: Sequence[str] | None = None,
    observer: str | None = None,
) -> dict[str, MemberFlips]:
    """For each member of the draft's body, the smallest changes that move its vote a step.

    ``original`` is the text the penholder first wanted (what concessions can restore); by
    default the draft's own clauses. ``only`` limits the answer to some members (the scores are
    still those of the whole body). Members' private reservations count as ``observer`` knows
    them (:func:`sim.model.intel.private_points`): exactly for None (the omniscient
    explanation), as estimated for a player, whose profile screen must not reveal more.
    """
    first = original if original is not None else draft.clauses
    private = known_reservations(world, draft, observer)
    base = ballot(
        world,
        draft.body,
        draft.clauses,
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    texts = [("clause", change, c, 0) for change, c in clause_options(draft.clauses, first)]
    texts += [("ceiling", *o) for o in ceiling_options(draft.clauses, first)]
    totals = candidate_totals(
        world,
        draft.body,
        [t[2] for t in texts] or [draft.clauses],
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    endorsements = _endorsement_totals(world, draft, private)
    result: dict[str, MemberFlips] = {}
    for i, actor in enumerate(base.voters):
        if only is not None and actor not in only:
            continue
        stance = base.stance(actor)
        found: list[Flip] = []
        for kind in ("clause", "ceiling"):
            found += _best(
                base,
                i,
                [
                    (k, change, int(totals[n, i]), c, size)
                    for n, (k, change, c, size) in enumerate(texts)
                    if k == kind
                ],
            )
        found += _best(
            base, i, [("endorsement", change, int(t[i]), None, 0) for change, t in endorsements]
        )
        payment = _side_payment(world, draft, base, i, private)
        if payment is not None:
            found.append(payment)
        found.sort(key=lambda f: (abs(f.shift), KINDS.index(f.kind), f.change))
        total = stance.total
        result[actor] = MemberFlips(
            actor,
            stance.choice,
            target_of(stance.choice),
            total,
            needed_points(total, stance.yes_above, stance.no_below, stance.choice),
            tuple(found),
        )
    return result


def _moves(base: Ballot, i: int, total: int) -> tuple[Choice, int] | None:
    """The new choice and spare points if ``total`` moves voter ``i`` a step; else None."""
    yes_above, no_below, before_total = (
        int(base.yes_above[i]),
        int(base.no_below[i]),
        int(base.totals[i]),
    )
    before = classify(before_total, yes_above, no_below)
    after = classify(total, yes_above, no_below)
    up = before != "yes"
    if (RANK[after] > RANK[before]) if up else (RANK[after] < RANK[before]):
        need = needed_points(before_total, yes_above, no_below, before)
        return after, abs(total - before_total) - abs(need)
    return None


def _best(base: Ballot, i: int, options: Sequence[Option]) -> list[Flip]:
    """The flipping option of one kind that changes least, then moves the total least."""
    best: tuple[tuple[int, int], Flip] | None = None
    for kind, change, total, clauses, size in options:
        moved = _moves(base, i, total)
        if moved is None:
            continue
        shift = total - int(base.totals[i])
        key = (size, abs(shift))
        if best is None or key < best[0]:
            best = (key, Flip(kind, change, shift, total, moved[0], moved[1], clauses))
    return [] if best is None else [best[1]]


def _endorsement_totals(
    world: World, draft: Draft, private: Mapping[str, int]
) -> list[tuple[str, IntArray]]:
    """Members' totals if an organization that has not decided yet endorsed, or refused."""
    out: list[tuple[str, IntArray]] = []
    for org_id in sorted(world.organizations):
        if org_id in draft.endorsements:
            continue
        name = world.organizations[org_id].name
        for endorsed, verb in ((True, "endorses"), (False, "refuses to endorse")):
            decided = {**draft.endorsements, org_id: endorsed}
            totals = candidate_totals(
                world,
                draft.body,
                [draft.clauses],
                draft.penholder,
                draft.side_payments,
                decided,
                private,
            )[0]
            out.append((f"the {name} {verb} the draft", totals))
    return out


def _side_payment(
    world: World, draft: Draft, base: Ballot, i: int, private: Mapping[str, int]
) -> Flip | None:
    """The least side payment (in tenths of political capital) that moves voter ``i`` up."""
    actor = base.voters[i]
    value = float(side_payment_rates(world, [actor])[0])
    total_now, yes_above, no_below = (
        int(base.totals[i]),
        int(base.yes_above[i]),
        int(base.no_below[i]),
    )
    need = needed_points(total_now, yes_above, no_below, classify(total_now, yes_above, no_below))
    table = world.states
    most = float(table.capital_max[table.index[draft.penholder]])
    if need <= 0 or value <= 0:
        return None
    steps = max(1, math.ceil(need / (value * POINTS_PER_UNIT) / CAPITAL_STEP) - 1)
    while steps * CAPITAL_STEP <= most + 1e-9:
        amount = round(steps * CAPITAL_STEP, 1)
        paid = {**draft.side_payments, actor: draft.side_payments.get(actor, 0.0) + amount}
        total = int(
            candidate_totals(
                world,
                draft.body,
                [draft.clauses],
                draft.penholder,
                paid,
                draft.endorsements,
                private,
            )[0, i]
        )
        moved = _moves(base, i, total)
        if moved is not None:
            change = f"a side deal of {amount:.1f} political capital from {draft.penholder}"
            shift = total - int(base.totals[i])
            return Flip("side_payment", change, shift, total, moved[0], moved[1], amount=amount)
        steps += 1
    return None


@dataclass(frozen=True)
class Drift:
    """How far a member's ideal point has moved since the start, and what that is worth now.

    ``start`` and ``now`` are its ideal on each dimension (in the issue space's order);
    ``points`` what the movement adds to its total on the draft (now minus with its starting
    positions); ``choice_at_start`` how it would vote on the same draft from its starting
    positions.
    """

    actor: str
    dimensions: tuple[str, ...]
    start: tuple[float, ...]
    now: tuple[float, ...]
    points: int
    choice_at_start: Choice

    @property
    def moved(self) -> tuple[float, ...]:
        """Signed movement on each dimension."""
        return tuple(b - a for a, b in zip(self.start, self.now, strict=True))


def start_ideal(world: World) -> FloatArray:
    """Every state's ideal points at the start of the game (the current ones if unknown)."""
    if world.start_ideal.shape == world.states.ideal.shape:
        return world.start_ideal
    return world.states.ideal


def drifts(world: World, draft: Draft, observer: str | None = None) -> dict[str, Drift]:
    """For each member of the draft's body, its drift since the start and its worth on the draft
    (private reservations as ``observer`` knows them, as in :func:`vote_flips`)."""
    private = known_reservations(world, draft, observer)
    now = ballot(
        world,
        draft.body,
        draft.clauses,
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    before_world = copy.copy(world)
    before_world.states = dataclasses.replace(world.states, ideal=start_ideal(world))
    then = ballot(
        before_world,
        draft.body,
        draft.clauses,
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    table = world.states
    start = start_ideal(world)
    result: dict[str, Drift] = {}
    for i, actor in enumerate(now.voters):
        row = table.index[actor]
        result[actor] = Drift(
            actor,
            world.issues.ids,
            tuple(float(x) for x in start[row]),
            tuple(float(x) for x in table.ideal[row]),
            int(now.totals[i]) - int(then.totals[i]),
            then.choices()[actor],
        )
    return result
