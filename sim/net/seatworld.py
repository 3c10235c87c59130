"""The world as one seat may know it: what the server sends a networked seat's game window.

A copy of the world with everything the seat may not know taken out or replaced by what it
knows:

- each member's private reservation on a draft is replaced by the seat's *estimate* of it
  (:func:`sim.model.intel.private_points`), and the unknown shares set to nothing, so every
  forecast the window computes is the seat's own estimate; the band of its doubt travels
  beside the world (:func:`seat_bands`), never the truth;
- private replies between other seats are dropped (statements and their ``reply`` events);
- side payments are kept only where the seat offered or received them;
- a held vote keeps the seat's own explanation; the other members' show their public choice
  only (their factors would name their true reservations: see :func:`public_stance`);
- the random streams are never sent (:mod:`sim.net.mirror`).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from sim.model.explain import Stance
from sim.model.intel import band_points, private_points
from sim.model.names import Namer, clauses_words, draft_title, spoken_words
from sim.model.whip import whip_count
from sim.model.world import Statement, World


def heard_by(statement: Statement, seat: str | None) -> bool:
    """True when ``seat`` heard the statement: said in public, or a reply to or from it (the
    teacher, ``None``, hears everything)."""
    return seat is None or not statement.to or seat in (statement.to, statement.actor)


def _reply_heard(text: str, seat: str) -> bool:
    """A ``reply`` event reads "SPEAKER to ADDRESSEE: text"."""
    head = text.split(":", 1)[0]
    return head.startswith(f"{seat} to ") or head.endswith(f" to {seat}")


def seat_world(world: World, seat: str) -> World:
    """A copy of ``world`` holding only what ``seat`` may know (see the module's notes).

    A shallow copy, to be encoded and dropped: what it redacts is new, the rest is shared with
    the world (never change it)."""
    copied = copy.copy(world)
    copied.drafts = {k: copy.copy(d) for k, d in world.drafts.items()}
    for draft in copied.drafts.values():
        members = sorted(draft.private)
        estimates = private_points(draft, members, seat)
        draft.private = dict(zip(members, estimates, strict=True))
        draft.public_clarity = {m: 0.0 for m in members}  # the estimate is all it knows
        draft.private_clarity = {}
        if draft.penholder != seat:
            draft.side_payments = {k: v for k, v in draft.side_payments.items() if k == seat}
    copied.statements = [st for st in copied.statements if heard_by(st, seat)]
    copied.events = [e for e in copied.events if e.kind != "reply" or _reply_heard(e.text, seat)]
    copied.votes = [
        type(v)(
            v.month,
            v.body,
            v.draft,
            v.version,
            v.clauses,
            v.tally,
            dict(v.choices),
            {k: s if k == seat else public_stance(s) for k, s in v.stances.items()},
        )
        for v in copied.votes
    ]
    return copied


def public_stance(stance: Stance) -> Stance:
    """Another member's stance in a vote as a seat knows it: its choice (public) and the
    thresholds (the model's), no factors, and its total on the threshold, so a vote card shows
    it as uncertain — how firm it was is the member's own business."""
    edge = stance.no_below if stance.choice == "no" else stance.yes_above
    return dataclasses.replace(stance, factors=(), total=edge)


def seat_bands(world: World, seat: str | None) -> dict[str, dict[str, int]]:
    """For each draft under consultation, how far (points) the seat's estimate of each member's
    total may be off: the band its whip count shows."""
    out = {}
    for draft in world.drafts.values():
        members = sorted(world.bodies[draft.body].members)
        out[draft.id] = dict(zip(members, band_points(world, draft, members, seat), strict=True))
    return out


def seat_knowledge(world: World, seat: str | None) -> dict[str, Any]:
    """What the seat (``None``: the teacher, who knows everything) knows of the drafts under
    consultation, as plain data: its whip count (estimate and band of each member's vote), what
    it heard said (public statements and replies to or from it), and the rival texts tabled
    against them."""
    whips = {}
    names = Namer(world)
    for draft in world.drafts.values():
        whip = whip_count(world, draft, seat)
        whips[draft.id] = {
            # As the window says it: "Whip count on 'Protection of civilians in Kalvaria': …;
            # veto threatened by Calderon." (the draft's working title, states by name).
            "text": names.text(whip.text()),
            "members": {
                e.member: {"likely": e.likely, "low": e.low, "high": e.high, "band": e.band}
                for e in whip.estimates
            },
        }
    statements = [
        {
            "month": st.month,
            "actor": st.actor,
            "draft": st.draft,
            "version": st.version,
            "kind": st.kind,
            "text": spoken_words(world, st.text),
            "stance": st.stance,
            "to": st.to,
            "clauses": None if st.clauses is None else st.clauses.to_json(),
        }
        for st in world.statements
        if heard_by(st, seat)
    ]
    rivals = [
        {
            "id": d.id,
            "against": d.rival_of,
            "penholder": d.penholder,
            "title": draft_title(world, d.id),
            "text": clauses_words(world, d.clauses),  # parties by name, as the window says
            "clauses": d.clauses.to_json(),
        }
        for d in sorted(world.drafts.values(), key=lambda d: d.id)
        if d.rival_of
    ]
    return {"whip": whips, "statements": statements, "rival_texts": rivals}
