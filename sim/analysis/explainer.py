"""What ``mandate run --explain ID`` adds to the story: every decision of one decider, explained
at the moment it is taken.

ID may be a member state (its votes, what would flip each of them, and how far its own positions
have moved since the start), a troop contributor (each month, why it pledges to each mission or
not, and the losses that would make it withdraw) or a regional organization (its body's votes on
endorsing drafts and on deploying its force, with every member's factors). The explanations are
computed just before the deciding command is applied (or, for a contributor or an organization's
force, just before its seat decides), from the same functions the decision uses; watching never
changes the game.
"""

from __future__ import annotations

from collections.abc import Sequence

from sim.model import forces
from sim.model.agents import RegionalOrganization, TroopContributor
from sim.model.caveats import CAVEATS, caveat_share
from sim.model.commands import CallVote, Command, RequestEndorsement
from sim.model.deciders import (
    BodyDecision,
    deployment_decision,
    endorsement_decision,
    pledge_stances,
    withdrawals,
)
from sim.model.engine import Engine
from sim.model.events import Event
from sim.model.explain import POINTS_PER_UNIT, Factor
from sim.model.flips import Drift, MemberFlips, drifts, vote_flips
from sim.model.play import Agent
from sim.model.view import WorldView
from sim.model.world import PERSONNEL, VoteRecord, World

WIDTH = 28


def units(points: int) -> str:
    """Points as signed utility units."""
    return f"{points / POINTS_PER_UNIT:+.3f}"


def factor_lines(factors: Sequence[Factor], total: int, indent: str = "    ") -> list[str]:
    """Each factor on its own line, then the total they sum to."""
    lines = [f"{indent}{f.name:<{WIDTH}} {units(f.points)}" for f in factors]
    return lines + [f"{indent}{'= total':<{WIDTH}} {units(total)}"]


def flip_lines(flips: MemberFlips) -> list[str]:
    """What would move a member's vote one step, smallest change first."""
    step = f"{flips.choice} → {flips.target}"
    head = f"    What would move {flips.actor} one step ({step}, needs {units(flips.needed)}):"
    if not flips.options:
        return [f"    No single change moves {flips.actor} ({step} needs {units(flips.needed)})."]
    lines = [head]
    for flip in flips.options:
        spare = f", {units(flip.spare)[1:]} to spare" if flip.spare else ", just enough"
        lines.append(
            f"      {flip.kind:<13} {flip.change}: {units(flip.shift)} → {flip.choice}{spare}"
        )
    return lines


def drift_line(draft_id: str, drift: Drift) -> str:
    """How far the member's own ideal point has moved since the start, and its worth now."""
    parts = [
        f"{dim} {a:.2f} → {b:.2f}"
        for dim, a, b, d in zip(drift.dimensions, drift.start, drift.now, drift.moved, strict=True)
        if abs(d) >= 0.005
    ]
    if not parts:
        return f"    {drift.actor}'s own positions have not moved since the start."
    return (
        f"    {drift.actor}'s own positions since the start (consultations, lobbying, events):"
        f" {', '.join(parts)}; worth {units(drift.points)} on {draft_id}"
        f" (from its starting positions it would vote {drift.choice_at_start})."
    )


def body_lines(world: World, decision: BodyDecision, watched: str | None = None) -> list[str]:
    """An organization's decision: its body's tally and each member's factors (or one member's)."""
    org = world.organizations[decision.organization]
    body = world.bodies[decision.body]
    verdict = "yes" if decision.decided else "no"
    what = "endorse" if decision.action == "endorse" else "deploy"
    lines = [f"  Does the {org.name} {what} {decision.subject}? {verdict}."]
    if decision.blocked:
        return lines + [f"    Not put to the {body.name}: {'; '.join(decision.blocked)}."]
    lines.append(
        f"    Its {body.name} votes {decision.tally.counts()}"
        f" ({'carried' if decision.tally.passed else 'not carried'})."
    )
    for voter in decision.ballot.voters:
        if watched is not None and voter != watched:
            continue
        stance = decision.ballot.stance(voter)
        shown = ", ".join(
            f"{f.name.removeprefix('policy:')} {units(f.points)}"
            for f in stance.factors
            if f.points
        )
        lines.append(
            f"    {voter:<4} {stance.choice:<8} {units(stance.total)} = {shown or 'nothing'}"
        )
    return lines


class Explainer:
    """Collects the explanations of one decider's decisions as the game is played."""

    def __init__(self, world: World, actor: str) -> None:
        self.world = world
        self.actor = actor
        self._votes: dict[tuple[int, str, int], list[str]] = {}
        self._months: dict[int, list[str]] = {}

    def _note(self, lines: list[str]) -> None:
        self._months.setdefault(self.world.month, []).extend(lines)

    def before(self, command: Command) -> None:
        """Record the explanation of a decision ``command`` is about to take."""
        world = self.world
        if isinstance(command, CallVote):
            draft = world.drafts[command.draft]
            if self.actor not in world.bodies[draft.body].members:
                return
            original = WorldView(world).original_clauses(draft)
            flips = vote_flips(world, draft, original, only=(self.actor,))[self.actor]
            drift = drifts(world, draft)[self.actor]
            line = drift_line(draft.id, drift)
            self._votes[(world.month, draft.id, draft.version)] = flip_lines(flips) + [line]
        elif isinstance(command, RequestEndorsement):
            draft = world.drafts[command.draft]
            org = world.organizations[command.organization]
            if command.organization == self.actor:
                self._note(body_lines(world, endorsement_decision(world, org.id, draft)))
            elif self.actor in world.bodies[org.body].members:
                decision = endorsement_decision(world, org.id, draft)
                self._note(body_lines(world, decision, watched=self.actor))

    def contributor_lines(self) -> list[str]:
        """Why the contributor pledges, or not, to each mission taking pledges now."""
        world = self.world
        lines: list[str] = []
        for stance in pledge_stances(world, self.actor):
            mission = world.mission(stance.mission)
            assert mission is not None
            lines.append(
                f"  Why {self.actor} pledges to {stance.mission} or not (month {world.month}):"
            )
            lines += factor_lines(stance.factors, stance.total)
            rule = f"    pledges when the total is above {units(stance.threshold)}"
            if stance.blocked:
                lines.append(f"{rule}, but is ruled out by {'; '.join(stance.blocked)}: no pledge.")
                continue
            if not stance.pledges:
                lines.append(f"{rule}: no pledge.")
                continue
            sizes = {k: forces.pledge_size(world, self.actor, mission, k) for k in PERSONNEL}
            offered = ", ".join(f"{n:,} {k}" for k, n in sizes.items() if n > 0)
            rate = world.coefficients.pledge_rate
            lines.append(
                f"{rule}: pledges {offered or 'nothing (no spare capacity or nothing needed)'}"
                f" (up to {rate:g} × willingness {stance.score:.3f} × spare capacity, at most"
                " what the mission still needs)."
            )
        declared = tuple(sorted(set(world.contributors[self.actor].national_caveats)))
        if declared and lines:
            words = "; ".join(CAVEATS[c][1] for c in declared)
            lines.append(
                f"    its contingents serve under its national caveats ({words}): they protect"
                f" civilians at {caveat_share(world, declared):.0%} of their strength."
            )
        return lines

    def watch(self, agents: Sequence[Agent]) -> list[Agent]:
        """The agents, with the watched contributor's or organization's seat explained."""
        seats = (TroopContributor, RegionalOrganization)
        return [
            _Watched(a, self) if a.actor == self.actor and isinstance(a, seats) else a
            for a in agents
        ]

    def seat_decides(self) -> None:
        """The watched seat is about to decide its month: record why."""
        world = self.world
        if self.actor in world.contributors:
            self._note(self.contributor_lines())
        if self.actor in world.organizations:
            decision = deployment_decision(world, self.actor)
            if decision is not None:
                self._note(body_lines(world, decision))

    def after_vote(self, vote: VoteRecord) -> list[str]:
        """What would have flipped the watched member's vote, and its drift."""
        return self._votes.get((vote.month, vote.draft, vote.version), [])

    def month_lines(self, month: int) -> list[str]:
        """Decisions of the month other than Council votes, and the losses that would make a
        contributor withdraw."""
        lines = list(self._months.get(month, []))
        for w in withdrawals(self.world, self.actor):
            if w.withdrawing:
                lines.append(
                    f"  {self.actor}'s {w.kind} in {w.mission} are withdrawing"
                    f" ({w.fatalities} lost)."
                )
            elif w.limit != float("inf"):
                lines.append(
                    f"  {self.actor}'s {w.kind} in {w.mission}: {w.fatalities} lost of the"
                    f" {w.limit:.3g} that make it withdraw (withdrawal_fatalities × t / (1 − t),"
                    " t its casualty tolerance)."
                )
        return lines


class _Watched:
    """A seat's agent, unchanged, that lets the explainer look just before it decides."""

    def __init__(self, agent: Agent, explainer: Explainer) -> None:
        self.agent = agent
        self.actor = agent.actor
        self.explainer = explainer

    def open_month(self, view: WorldView) -> list[Command]:
        self.explainer.seat_decides()
        return self.agent.open_month(view)

    def consult(self, view: WorldView) -> list[Command]:
        return self.agent.consult(view)

    def close_month(self, view: WorldView) -> list[Command]:
        return self.agent.close_month(view)


class ExplainingEngine(Engine):
    """An engine that lets an explainer look at every valid command just before it applies."""

    def __init__(self, world: World, explainer: Explainer) -> None:
        super().__init__(world)
        self.explainer = explainer

    def submit(self, command: Command) -> list[Event]:
        """As :meth:`Engine.submit`, after recording the explanation of the decision."""
        if not command.check(self.world):
            self.explainer.before(command)
        return super().submit(command)


def explainable(world: World) -> set[str]:
    """Ids ``--explain`` accepts: every state, every regional organization and every party to
    the conflict."""
    return set(world.states.ids) | set(world.organizations) | {p.id for p in world.theatre.parties}
