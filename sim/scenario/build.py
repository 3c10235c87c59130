"""Turning a validated scenario into a world ready to play."""

from __future__ import annotations

import numpy as np

from sim.model.coefficients import default_coefficients
from sim.model.drafts import Clauses, DraftTemplate, Sanction
from sim.model.issues import Dimension, IssueSpace
from sim.model.rng import Streams
from sim.model.voting import make_body
from sim.model.world import ConflictParty, Ending, Organization, StateTable, Theatre, World
from sim.scenario.schema import DraftSpec, ScenarioFile


def draft_clauses(spec: DraftSpec) -> Clauses:
    """The clauses of a prepared draft."""
    return Clauses(
        chapter=spec.chapter,
        tasks=tuple(spec.tasks),
        troop_ceiling=spec.troop_ceiling,
        police_ceiling=spec.police_ceiling,
        duration=spec.duration,
        sanctions=tuple(Sanction(s.kind, tuple(s.targets)) for s in spec.sanctions),
        referral=spec.referral,
        demands=tuple(spec.demands),
    )


def build_world(scenario: ScenarioFile, seed: int) -> World:
    """A fresh world for ``scenario`` with random streams from ``seed``."""
    issues = IssueSpace(
        [Dimension(d.id, d.name, d.status_quo, dict(d.effects)) for d in scenario.dimensions]
    )
    specs = sorted(scenario.states, key=lambda s: s.id)
    ids = tuple(s.id for s in specs)
    index = {sid: i for i, sid in enumerate(ids)}
    relations = np.zeros((len(ids), len(ids)))
    for s in specs:
        for other, value in s.relations.items():
            relations[index[s.id], index[other]] = value
    capital = np.array([s.political_capital for s in specs], dtype=float)
    states = StateTable(
        ids=ids,
        names=tuple(s.name for s in specs),
        blocs=tuple(s.bloc for s in specs),
        capability=np.array([s.capability for s in specs], dtype=float),
        ideal=np.array([[s.ideal[d] for d in issues.ids] for s in specs], dtype=float),
        salience=np.array([[s.salience[d] for d in issues.ids] for s in specs], dtype=float),
        relations=relations,
        domestic=np.array([s.domestic for s in specs], dtype=float),
        concern=np.array([s.concern for s in specs], dtype=float),
        capital=capital.copy(),
        capital_max=capital,
    )
    bodies = {
        b.id: make_body(
            b.id,
            b.name,
            b.rule,
            b.members,
            weights=b.weights,
            quota=b.quota,
            veto=b.permanent,
            fraction=b.fraction,
        )  # fmt: skip
        for b in scenario.bodies
    }
    overrides = scenario.coefficients.model_dump(exclude_none=True)
    t = scenario.theatre
    theatre = Theatre(
        id=t.id,
        name=t.name,
        intensity=t.intensity,
        host=t.host,
        host_consent=t.host_consent,
        parties=tuple(
            ConflictParty(p.id, p.name, p.kind, p.strength, tuple(p.patrons)) for p in t.parties
        ),
        organizations=tuple(t.organizations),
    )
    return World(
        scenario_id=scenario.id,
        title=scenario.title,
        months=scenario.months,
        issues=issues,
        states=states,
        bodies=bodies,
        council=scenario.council.body,
        organizations={
            o.id: Organization(o.id, o.name, tuple(o.members), o.body)
            for o in scenario.organizations
        },
        theatre=theatre,
        coefficients=default_coefficients().with_overrides(overrides),
        streams=Streams(seed),
        templates=tuple(
            DraftTemplate(d.id, d.title, d.penholder, d.body, d.month, draft_clauses(d), d.patience)
            for d in scenario.drafts
        ),
        endings=tuple(
            Ending(e.id, e.name, e.text, e.when, e.threshold, e.from_month)
            for e in scenario.endings
        ),
    )
