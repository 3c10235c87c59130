"""A canonical snapshot of the world and its hash: the proof that two games are the same."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sim.model.world import World


def snapshot(world: World) -> dict[str, Any]:
    """Every piece of changing state as plain JSON data, in a stable order."""
    table = world.states
    return {
        "month": world.month,
        "ideal": table.ideal.tolist(),
        "salience": table.salience.tolist(),
        "capital": table.capital.tolist(),
        "theatre": {
            "intensity": world.theatre.intensity,
            "phase": world.theatre.phase,
            "host_consent": world.theatre.host_consent,
            "displaced": world.theatre.displaced,
            "access": world.theatre.access,
            "government_control": world.theatre.government_control,
            "resources": dict(sorted(world.theatre.resources.items())),
            "months_in_phase": world.theatre.months_in_phase,
        },
        "metrics": world.metrics,
        "missions": [
            {
                "id": m.id,
                "ceilings": m.ceilings,
                "expires": m.expires_month,
                "withdrawing": m.withdrawing,
                "contingents": [
                    [c.contributor, c.kind, c.deployed, c.arriving, c.fatalities, c.withdrawing]
                    for c in m.contingents
                ],
            }
            for m in world.missions
        ],
        "sanctions": [
            [e.id, e.end_month, e.losses, e.conceded, e.ended, list(e.outcomes)]
            for e in world.sanctions
        ],
        "fired": sorted(world.fired),
        "bodies": {b: list(world.bodies[b].members) for b in sorted(world.bodies)},
        "tabled": sorted(world.tabled),
        "drafts": {
            d.id: {
                "clauses": d.clauses.to_json(),
                "version": d.version,
                "side_payments": dict(sorted(d.side_payments.items())),
                "endorsements": dict(sorted(d.endorsements.items())),
            }
            for d in sorted(world.drafts.values(), key=lambda d: d.id)
        },
        "resolutions": [
            [r.draft, r.clauses.to_json(), r.adopted_month, r.expires_month]
            for r in world.resolutions
        ],
        "votes": [[v.month, v.draft, v.version, v.choices] for v in world.votes],
        "events": len(world.events),
        "outcome": None if world.outcome is None else world.outcome.ending,
        "peace": world.peace.snapshot(),
        "rng": world.streams.snapshot(),
    }


def state_hash(world: World) -> str:
    """SHA-256 hex digest of the canonical snapshot."""
    text = json.dumps(snapshot(world), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
