"""Who a seat is: every member of every body, each troop contributor, each regional chair.

A person may take any seat at the briefing, not only a penholder's. A seat is a member state's
id or, for a regional organization's chair, the organization's id. Its *roles* say what it can
decide, and each role's decisions are explained to the player in the same words:

- ``permanent`` — a permanent member: votes, and its no is a veto;
- ``elected`` — another member of the Council: votes, lobbies, proposes amendments;
- ``member`` — a member of another voting body (a regional organization's council);
- ``penholder`` — holds the pen on prepared drafts: tables, amends, bargains, calls the vote;
- ``contributor`` — sends uniformed personnel: pledges to missions, sets caveats on its
  contingents, withdraws them;
- ``chair`` — a regional organization's chair: deploys its bridging force and puts the
  Council's draft to its body for endorsement.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.names import draft_title
from sim.model.words import and_list, body_words
from sim.model.world import World

ROLE_TEXT = {
    "permanent": "a permanent member of the Council: you vote on every draft, and your no is a"
    " veto that blocks adoption",
    "elected": "a member of the Council: you vote on every draft, lobby other members and"
    " propose amendments the penholder may accept",
    "member": "a member of {body}: you vote there",
    "penholder": "the penholder of {drafts}: you table, amend and bargain, and call the vote",
    "contributor": "a troop contributor: you pledge personnel to missions, set national caveats"
    " on what they may do, and may withdraw them (your soldiers' risk, the UN's reimbursement"
    " and the civilians they protect are yours to weigh)",
    "chair": "chair of the {org}: you decide when to deploy its bridging force and when to put"
    " the Council's draft to its members for endorsement",
}


@dataclass(frozen=True)
class SeatOption:
    """One seat a player may take: its id, display name and what it can decide."""

    id: str
    name: str
    roles: tuple[str, ...]
    description: str


def roles(world: World, seat: str) -> tuple[str, ...]:
    """The roles of ``seat`` in this world (empty for an unknown seat)."""
    if seat in world.organizations:
        return ("chair",) if seat in world.regional or seat in world.theatre.organizations else ()
    if seat not in world.states.index:
        return ()
    out: list[str] = []
    council = world.bodies[world.council]
    if seat in council.veto:
        out.append("permanent")
    elif seat in council.members:
        out.append("elected")
    if any(b.id != world.council and seat in b.members for b in world.bodies.values()):
        out.append("member")
    if any(t.penholder == seat for t in world.templates):
        out.append("penholder")
    if seat in world.contributors:
        out.append("contributor")
    return tuple(out)


def describe(world: World, seat: str) -> str:
    """What the seat can decide, in plain words, one sentence per role."""
    parts = []
    for role in roles(world, seat):
        bodies = [
            f"the {body_words(b.name)}"
            for b in world.bodies.values()
            if b.id != world.council and seat in b.members
        ]
        drafts = [f"'{draft_title(world, t.id)}'" for t in world.templates if t.penholder == seat]
        org = world.organizations[seat].name if seat in world.organizations else ""
        text = ROLE_TEXT[role].format(body=and_list(bodies), drafts=and_list(drafts), org=org)
        parts.append(f"You are {text}.")
    return " ".join(parts) or "This seat has nothing to decide in this scenario."


def seat_name(world: World, seat: str) -> str:
    """A seat's display name (a state's, or "Chair of the <organization>")."""
    if seat in world.organizations:
        return f"Chair of the {world.organizations[seat].name}"
    return world.states.name(seat) if seat in world.states.index else seat


def seat_options(world: World) -> list[SeatOption]:
    """Every seat with something to decide: Council members first (permanent, then elected),
    then members of other bodies and contributors, then regional chairs; ids in order."""
    order = {"permanent": 0, "elected": 1}
    states = [s for s in world.states.ids if roles(world, s)]
    states.sort(key=lambda s: (min((order.get(r, 2) for r in roles(world, s)), default=3), s))
    chairs = set(world.regional) | set(world.theatre.organizations)
    seats = states + sorted(o for o in world.organizations if o in chairs)
    return [SeatOption(s, seat_name(world, s), roles(world, s), describe(world, s)) for s in seats]
