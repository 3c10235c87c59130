"""What each seat may see: public information and its own private information only.

A seat's view holds the public record (the month, the theatre, the bodies, the drafts' texts,
the votes held and how each member voted, the missions, the news) and what is its own: its
political capital, its own factors on each draft (never another seat's), the vote it has cast,
the side payments offered to it (or, as a penholder, by it), and the private messages it sent or
received, and what it knows of each draft (:func:`~sim.net.seatworld.seat_knowledge`): its whip
count, the statements it heard (public ones and replies to it) and the rival texts tabled. The
teacher's view adds every seat's factors, every statement and every message. Nothing else leaves
the server: tests inspect what each client receives.
"""

from __future__ import annotations

from typing import Any

from sim.model.drafts import Draft
from sim.model.names import Namer, clauses_words, draft_title
from sim.model.session import Session
from sim.model.stance import Ballot, draft_ballot
from sim.model.world import World
from sim.net.seatworld import seat_knowledge

TEACHER = "teacher"
NEWS = 30


def public_view(session: Session) -> dict[str, Any]:
    """What every seat may see. The words a player reads — a draft's text, the news — name
    states, parties and drafts as the game window does ("Arnesia circulates 'Protection of
    civilians…'", "arms embargo on the government"); the ids stay in the fields a program reads
    (``penholder``, ``clauses``, ``draft``)."""
    world = session.engine.world
    theatre = world.theatre
    names = Namer(world)
    turn = session.turn
    return {
        "scenario": world.scenario_id,
        "title": world.title,
        "month": world.month,
        "months": world.months,
        "turn": {"month": turn.month, "phase": turn.phase, "round": turn.round},
        "on_turn": session.seat,
        "ballot": session.ballot,
        "theatre": {
            "name": theatre.name,
            "intensity": round(theatre.intensity, 4),
            "phase": theatre.phase,
            "host_consent": theatre.host_consent,
        },
        "bodies": {
            b.id: {"name": b.name, "members": list(b.members), "veto": sorted(b.veto)}
            for b in world.bodies.values()
        },
        "drafts": [
            {
                "id": d.id,
                "title": draft_title(world, d.id),
                "penholder": d.penholder,
                "body": d.body,
                "clauses": d.clauses.to_json(),
                "text": clauses_words(world, d.clauses),
                "version": d.version,
                "renews": d.renews,
                "rival_of": d.rival_of,
                "endorsements": dict(d.endorsements),
            }
            for d in sorted(world.drafts.values(), key=lambda d: d.id)
        ],
        "votes": [
            {
                "month": v.month,
                "draft": v.draft,
                "choices": dict(v.choices),
                "passed": v.tally.passed,
                "vetoed_by": list(v.tally.vetoed_by),
            }
            for v in world.votes
        ],
        "missions": [
            {
                "id": m.id,
                "kind": m.kind,
                "expires": m.expires_month,
                "withdrawing": m.withdrawing,
                "troops": m.strength("troops"),
                "police": m.strength("police"),
            }
            for m in world.missions
        ],
        # Private replies are not news: a seat hears its own among its statements.
        "news": [
            names.text(e.text)
            for e in world.events[-NEWS:]
            if e.kind not in ("consultations", "reply")
        ],
        "outcome": None if world.outcome is None else world.outcome.name,
    }


class _ExactBallots:
    """The exact ballot on each draft, worked out once per state of the game rather than once
    per seat: a broadcast builds every seat's view (each with its own stance) and the teacher's
    (every stance) from the same state. A state is a world and the length of its command log
    (every change of state is a command); the cache holds one state."""

    def __init__(self) -> None:
        self.world: World | None = None
        self.log = -1
        self.ballots: dict[str, Ballot] = {}

    def get(self, session: Session, draft: Draft) -> Ballot:
        world, log = session.engine.world, len(session.engine.log)
        if world is not self.world or log != self.log:
            self.world, self.log, self.ballots = world, log, {}
        if draft.id not in self.ballots:
            self.ballots[draft.id] = draft_ballot(world, draft)
        return self.ballots[draft.id]


_EXACT = _ExactBallots()


def _stances(session: Session, seat: str) -> dict[str, Any]:
    world = session.engine.world
    return {
        d.id: _EXACT.get(session, d).stance(seat).to_json()
        for d in world.drafts.values()
        if seat in world.bodies[d.body].members
    }


def seat_view(session: Session, seat: str, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The view of one seat: public information and that seat's own private information."""
    world = session.engine.world
    states = world.states
    own: dict[str, Any] = {
        "seat": seat,
        "capital": round(float(states.capital[states.index[seat]]), 3)
        if seat in states.index
        else None,
        "stances": _stances(session, seat),
        "cast": {d.id: d.cast[seat] for d in world.drafts.values() if seat in d.cast},
        "offers_received": {
            d.id: d.side_payments[seat] for d in world.drafts.values() if seat in d.side_payments
        },
        "offers_made": {
            d.id: dict(d.side_payments) for d in world.drafts.values() if d.penholder == seat
        },
        "messages": [m for m in messages if seat in (m["from"], m["to"])],
        **seat_knowledge(world, seat),
    }
    return {"public": public_view(session), "own": own}


def teacher_view(
    session: Session, messages: list[dict[str, Any]], ai_seats: set[str]
) -> dict[str, Any]:
    """The teacher's view: everything, every seat's factors and every message."""
    world = session.engine.world
    stances = {
        d.id: {
            s: _EXACT.get(session, d).stance(s).to_json()
            for s in sorted(world.bodies[d.body].members)
        }
        for d in world.drafts.values()
    }
    return {
        "public": public_view(session),
        "teacher": {
            "players": list(session.players),
            "ai_seats": sorted(ai_seats),
            "stances": stances,
            "cast": {d.id: dict(d.cast) for d in world.drafts.values()},
            "messages": list(messages),
            "statements": seat_knowledge(world, None)["statements"],
            "triggers": [t.id for t in world.triggers],
        },
    }
