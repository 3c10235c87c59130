"""Hidden positions: what a seat knows of the others' stances on a draft, and how it learns.

Each member of the voting body holds a *private reservation* on every draft tabled before it: a
score drawn when the draft is tabled, from the world's ``reservations`` stream (normal, standard
deviation ``position_uncertainty``, clipped at two deviations). It is the part of a member's stance
that no published position shows — instructions from the capital, a deal elsewhere — and it is
one factor (``private``) of the member's true, exact explanation. Everything else in a stance is
public (positions, relations, endorsements), so a seat's whip count differs from the truth only
through what it does not yet know of the reservations.

What an observer does not know of a member's reservation is a share from 1 (nothing) to 0
(everything): consultations narrow it for everyone in the room (``consultation_clarity`` per
round), lobbying or a side deal for the one who lobbies (``lobby_clarity``), a public statement
for everyone and a private reply for its addressee (``statement_clarity``). The observer's
estimate of the reservation is the known share of it; its band is the unknown share of the
largest possible reservation. A vote called on an estimate near a threshold can surprise.

Drafts tabled *as recorded* (``mandate run --historical``) draw no reservations: the recorded
positions are the true ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.model.drafts import Draft
from sim.model.explain import POINTS_PER_UNIT
from sim.model.world import World

STREAM = "reservations"
CLIP_DEVIATIONS = 2.0


def draw_reservations(world: World, draft: Draft) -> None:
    """Draw each body member's private reservation on a newly tabled draft (id order)."""
    members = sorted(world.bodies[draft.body].members)
    sd = world.coefficients.position_uncertainty
    rng = world.streams.get(STREAM)
    widest = CLIP_DEVIATIONS * sd
    values = np.clip(rng.normal(0.0, sd, len(members)), -widest, widest)
    points = np.rint(values * POINTS_PER_UNIT).astype(int)
    draft.private = {m: int(p) for m, p in zip(members, points, strict=True)}


def unknown_share(draft: Draft, observer: str | None, member: str) -> float:
    """How much of ``member``'s reservation ``observer`` does not know (0 for the omniscient
    view, ``observer=None``, and for a member's own)."""
    if observer is None or observer == member:
        return 0.0
    public = draft.public_clarity.get(member, 1.0)
    return public * draft.private_clarity.get(f"{observer}|{member}", 1.0)


def private_points(draft: Draft | None, voters: Sequence[str], observer: str | None) -> list[int]:
    """The ``private`` factor of each voter as ``observer`` estimates it (exact for None)."""
    if draft is None:
        return [0] * len(voters)
    out = []
    for v in voters:
        true = draft.private.get(v, 0)
        out.append(int(round(true * (1.0 - unknown_share(draft, observer, v)))))
    return out


def band_points(
    world: World, draft: Draft | None, voters: Sequence[str], observer: str | None
) -> list[int]:
    """Half-width (points) of ``observer``'s uncertainty about each voter's total."""
    if draft is None or not draft.private:
        return [0] * len(voters)
    widest = CLIP_DEVIATIONS * world.coefficients.position_uncertainty * POINTS_PER_UNIT
    return [int(round(widest * unknown_share(draft, observer, v))) for v in voters]


def _narrow(shares: dict[str, float], key: str, factor: float) -> None:
    shares[key] = shares.get(key, 1.0) * factor


def after_consultations(world: World, draft: Draft) -> None:
    """A round of consultations: everyone learns a little of every member's reservation."""
    factor = world.coefficients.consultation_clarity
    for member in sorted(world.bodies[draft.body].members):
        _narrow(draft.public_clarity, member, factor)


def after_lobbying(world: World, lobbyist: str, target: str) -> None:
    """A lobbying visit or a side deal: the lobbyist learns much of the target's reservations on
    every draft the target votes on."""
    factor = world.coefficients.lobby_clarity
    for draft in world.drafts.values():
        if target in world.bodies[draft.body].members:
            _narrow(draft.private_clarity, f"{lobbyist}|{target}", factor)


def after_statement(world: World, draft: Draft, speaker: str, to: str) -> None:
    """A statement on a draft: public (``to`` empty) tells everyone, a reply tells ``to``."""
    factor = world.coefficients.statement_clarity
    if to:
        _narrow(draft.private_clarity, f"{to}|{speaker}", factor)
    else:
        _narrow(draft.public_clarity, speaker, factor)
