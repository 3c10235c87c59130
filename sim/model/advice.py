"""The advisor: what the AI would do in a human seat's place, this turn.

Used by the desktop game's "Advisor acts", by a classroom seat handed to the AI, and by bot
clients. It plays the seat with the same profiles that play it when no person holds it (the
penholder's drafting, the contributor's pledges, the regional organization's force), and on a
ballot turn — or before a vote it calls itself — casts the vote the seat's own factors advise.
"""

from __future__ import annotations

from sim.model.agents import PragmaticPenholder, RegionalOrganization, TroopContributor
from sim.model.ballots import CastVote, RequestVote, missing_ballots, own_stance
from sim.model.commands import CallVote, Command
from sim.model.members import CouncilMember
from sim.model.play import Agent
from sim.model.session import Session
from sim.model.view import WorldView
from sim.model.world import World


def seat_agents(world: World, seat: str) -> list[Agent]:
    """The AI profiles that would play ``seat``, in the order the AI seats act: a member's
    statements on drafts before its bodies, the penholder's drafting, and the contributor's or
    regional organization's decisions where the seat has them."""
    bodies = {t.body for t in world.templates} | {world.council}
    agents: list[Agent] = []
    if any(seat in world.bodies[b].members for b in bodies):
        agents.append(CouncilMember(seat))
    if seat in world.states.index:
        agents.append(PragmaticPenholder(seat))
    if seat in world.contributors:
        agents.append(TroopContributor(seat))
    if seat in world.regional:
        agents.append(RegionalOrganization(seat))
    return agents


def advise(session: Session, seat: str) -> list[Command]:
    """The advisor's commands for ``seat`` on its turn now (empty when it is not its turn)."""
    world = session.engine.world
    if session.seat != seat or world.finished:
        return []
    if session.ballot is not None:
        draft = world.drafts.get(session.ballot)
        return (
            []
            if draft is None
            else [CastVote(seat, draft.id, own_stance(world, draft, seat).choice)]
        )
    view = WorldView(world)
    phase = session.turn.phase
    commands: list[Command] = []
    for agent in seat_agents(world, seat):
        act = {"open": agent.open_month, "consult": agent.consult, "close": agent.close_month}
        commands += list(act[phase](view)) if phase in act else []
    advised: list[Command] = []
    for command in commands:
        if isinstance(command, CallVote):
            advised += vote_commands(session, seat, command.draft)
        else:
            advised.append(command)
    return advised


def vote_commands(session: Session, seat: str, draft_id: str) -> list[Command]:
    """How the penholder ``seat`` calls the vote: its own advised vote first where it has not
    voted, then the call — or, while other people have still to vote, the request for it."""
    world = session.engine.world
    draft = world.drafts.get(draft_id)
    if draft is None:
        return []
    out: list[Command] = []
    if missing_ballots(world, draft_id, (seat,)):
        out.append(CastVote(seat, draft_id, own_stance(world, draft, seat).choice))
    others = [s for s in missing_ballots(world, draft_id, session.players) if s != seat]
    if not others:
        out.append(CallVote(seat, draft_id))
    elif not draft.vote_requested:
        out.append(RequestVote(seat, draft_id))
    return out


def play_advice(session: Session, seat: str) -> list[Command]:
    """Submit the advisor's commands that still apply, then end the seat's turn; returns what
    was submitted."""
    done: list[Command] = []
    for command in advise(session, seat):
        if not session.check(command):
            session.submit(command)
            done.append(command)
    session.end_turn()
    return done
