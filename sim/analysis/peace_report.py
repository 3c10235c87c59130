"""What ``mandate run`` prints about the peace process: texts put to the parties, their answers
explained factor by factor (``--explain PARTY``), and the agreements in the JSON document."""

from __future__ import annotations

from typing import Any

from sim.model.explain import POINTS_PER_UNIT
from sim.model.peace import TextRecord
from sim.model.world import World


def _units(points: int) -> str:
    return f"{points / POINTS_PER_UNIT:+.3f}"


def answer_lines(record: TextRecord, party: str) -> list[str]:
    """Every factor behind one party's answer to a text, summed; it signs above zero."""
    stance = record.answers[party]
    tactical = party in record.tactical
    verdict = "accepted" if stance.choice == "yes" else "refused"
    if tactical:
        verdict = "signed, without meaning it,"
    lines = [f"  Why {party} {verdict} the text (version {record.version}, month {record.month}):"]
    for factor in stance.factors:
        lines.append(f"    {factor.name:<34} {_units(factor.points)}")
    lines.append(f"    {'= total':<34} {_units(stance.total)}")
    lines.append("    signs when the total is above +0.000 (the text beats fighting on)")
    if tactical:
        lines.append(
            "    refused in earnest but signed tactically: under leverage and close to yes, it"
            " drew a tactical signature from the stream 'tactics' (tactical_acceptance_chance);"
            " implementation will stall"
        )
    return lines


def peace_lines(world: World, month: int, explain: str | None) -> list[str]:
    """The explanations asked for with ``--explain PARTY`` for the texts put in ``month``."""
    if explain is None:
        return []
    lines: list[str] = []
    for record in world.peace.records:
        if record.month == month and explain in record.answers:
            lines += answer_lines(record, explain)
    return lines


def peace_json(world: World) -> dict[str, Any]:
    """The peace process in the ``mandate run --json`` document: envoy, texts and agreements."""
    peace = world.peace
    envoy = peace.envoy
    return {
        "negotiated": world.settlement is not None,
        "chance_endings": world.settlement is not None and world.settlement.chance_endings,
        "envoy": None
        if envoy is None
        else {
            "name": envoy.name,
            "sponsors": list(envoy.sponsors),
            "appointed_month": envoy.appointed_month,
            "standing": envoy.standing,
        },
        "sessions": peace.sessions,
        "texts": [
            {
                "month": r.month,
                "version": r.version,
                "stage": r.stage,
                "text": dict(r.text),
                "answers": {p: s.to_json() for p, s in r.answers.items()},
                "tactical": list(r.tactical),
                "signed": r.signed,
            }
            for r in peace.records
        ],
        "agreements": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "month": a.month,
                "text": dict(a.text),
                "signatories": list(a.signatories),
                "excluded": list(a.excluded),
                "guarantors": list(a.guarantors),
                "women": a.women,
                "civil_society": a.civil_society,
                "ended_month": a.ended_month,
                "tactical": list(a.tactical),
            }
            for a in peace.agreements
        ],
    }
