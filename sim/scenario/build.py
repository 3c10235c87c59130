"""Turning a validated scenario into a world ready to play."""

from __future__ import annotations

import numpy as np

from sim.model.coefficients import default_coefficients
from sim.model.drafts import CLAUSE_NUMBERS, Clauses, DraftTemplate, Sanction
from sim.model.forces import create_mission
from sim.model.issues import Dimension, IssueSpace
from sim.model.peace import (
    Agreement,
    EnvoyPlan,
    PartyPosition,
    PeaceProcess,
    Settlement,
    SettlementIssue,
)
from sim.model.rng import Streams
from sim.model.voting import VotingBody, make_body
from sim.model.world import (
    ConflictParty,
    Contributor,
    Effect,
    Ending,
    FloatArray,
    Objective,
    Organization,
    RegionalCapacity,
    SanctionEpisode,
    StateTable,
    Theatre,
    Trigger,
    World,
)
from sim.scenario.schema import (
    BodySpec,
    ContingentSpec,
    ContributorSpec,
    DraftSpec,
    MissionSpec,
    ObjectiveSpec,
    PeaceSpec,
    ScenarioFile,
    StartingSanctionSpec,
    StateSpec,
    TheatreSpec,
    TriggerSpec,
)


def draft_clauses(spec: DraftSpec) -> Clauses:
    """The clauses of a prepared draft."""
    return Clauses(
        chapter=spec.chapter,
        tasks=tuple(spec.tasks),
        **{n.name: getattr(spec, n.name) for n in CLAUSE_NUMBERS.values()},
        sanctions=tuple(Sanction(s.kind, tuple(s.targets)) for s in spec.sanctions),
        referral=spec.referral,
        demands=tuple(spec.demands),
    )


def _deference(scenario: ScenarioFile, specs: list[StateSpec]) -> dict[str, FloatArray]:
    """Deference of every state to each organization that some state gives a value for; the
    others follow the default rule of :func:`sim.model.legitimacy.deference`."""
    given = sorted({org for s in specs for org in s.deference})
    regional = set(scenario.theatre.organizations)
    outsider = _coefficient(scenario, "regional_deference")
    table: dict[str, FloatArray] = {}
    for org_id in given:
        org = next(o for o in scenario.organizations if o.id == org_id)
        default = outsider if org_id in regional else 0.0
        table[org_id] = np.array(
            [s.deference.get(org_id, 1.0 if s.id in org.members else default) for s in specs]
        )
    return table


def _coefficient(scenario: ScenarioFile, name: str) -> float:
    override = getattr(scenario.coefficients, name, None)
    value: float = getattr(default_coefficients(), name) if override is None else override
    return value


def build_world(scenario: ScenarioFile, seed: int) -> World:
    """A fresh world for ``scenario`` with random streams from ``seed``."""
    issues = IssueSpace(
        [Dimension(d.id, d.name, d.status_quo, dict(d.effects)) for d in scenario.dimensions]
    )
    specs = sorted(scenario.states, key=lambda s: s.id)
    states = _state_table(scenario, specs, issues)
    overrides = scenario.coefficients.model_dump(exclude_none=True)
    t = scenario.theatre
    world = World(
        scenario_id=scenario.id,
        title=scenario.title,
        months=scenario.months,
        issues=issues,
        states=states,
        bodies={b.id: body_from_spec(b) for b in scenario.bodies},
        council=scenario.council.body,
        precedent=scenario.council.precedent,
        threat_demands=frozenset(scenario.clauses.threats),
        caucuses={c.id: tuple(sorted(set(c.members))) for c in scenario.caucuses},
        organizations={
            o.id: Organization(o.id, o.name, tuple(o.members), o.body)
            for o in scenario.organizations
        },
        theatre=_theatre(t),
        coefficients=default_coefficients().with_overrides(overrides),
        extra_tasks=tuple(scenario.clauses.tasks),
        demands=tuple(scenario.clauses.demands),
        streams=Streams(seed),
        templates=tuple(_template(d) for d in scenario.drafts),
        endings=tuple(
            Ending(e.id, e.name, e.text, e.when, e.threshold, e.from_month, tuple(e.objectives))
            for e in scenario.endings
        ),
        contributors={
            s.id: _contributor(s.id, c) for s in specs if (c := s.contributor) is not None
        },
        regional={
            o.id: RegionalCapacity(o.id, o.lead, o.bridging_troops, o.deploy_above)
            for o in scenario.organizations
            if o.lead is not None and o.bridging_troops > 0
        },
        triggers=tuple(_trigger(t) for t in scenario.triggers),
        objectives=tuple(_objective(o) for o in scenario.objectives),
        start_ideal=_frozen(states.ideal),
    )
    for spec in t.missions:
        _initial_mission(world, spec)
    for sanction in t.sanctions:
        _initial_sanctions(world, sanction)
    if scenario.peace is not None:
        world.settlement, world.peace = _peace(scenario.peace, [p.id for p in t.parties])
    return world


def _state_table(scenario: ScenarioFile, specs: list[StateSpec], issues: IssueSpace) -> StateTable:
    """The member states' table, in ``specs``' order (sorted by id)."""
    ids = tuple(s.id for s in specs)
    index = {sid: i for i, sid in enumerate(ids)}
    relations = np.zeros((len(ids), len(ids)))
    for s in specs:
        for other, value in s.relations.items():
            relations[index[s.id], index[other]] = value
    capital = np.array([s.political_capital for s in specs], dtype=float)
    return StateTable(
        ids=ids,
        names=tuple(s.name or s.id for s in specs),
        blocs=tuple(s.bloc for s in specs),
        capability=np.array([s.capability for s in specs], dtype=float),
        ideal=np.array([[s.ideal[d] for d in issues.ids] for s in specs], dtype=float),
        salience=np.array([[s.salience[d] for d in issues.ids] for s in specs], dtype=float),
        relations=relations,
        domestic=np.array([s.domestic for s in specs], dtype=float),
        concern=np.array([s.concern for s in specs], dtype=float),
        capital=capital.copy(),
        capital_max=capital,
        non_interference=np.array([s.non_interference for s in specs], dtype=float),
        deference=_deference(scenario, specs),
    )


def body_from_spec(b: BodySpec) -> VotingBody:
    """A decision body with its voting rule (raises ValueError when the rule cannot be built)."""
    return make_body(
        b.id,
        b.name,
        b.rule,
        b.members,
        weights=b.weights,
        quota=b.quota,
        veto=b.permanent,
        fraction=b.fraction,
    )


def _theatre(t: TheatreSpec) -> Theatre:
    """The conflict theatre as it stands at the start."""
    return Theatre(
        id=t.id,
        name=t.name,
        intensity=t.intensity,
        host=t.host,
        host_consent=t.host_consent,
        parties=tuple(
            ConflictParty(p.id, p.name, p.kind, p.strength, tuple(p.patrons)) for p in t.parties
        ),
        organizations=tuple(t.organizations),
        phase=t.phase,
        displaced=float(t.displaced),
        government_control=t.government_control,
        consent_tolerance=t.consent_tolerance,
        host_state=t.host_state or "",
        resources={p.id: p.strength for p in t.parties},
    )


def _template(d: DraftSpec) -> DraftTemplate:
    """A prepared draft, with the troops and police states keep under national command."""
    national = tuple(
        (n.state, kind, getattr(n, kind))
        for n in d.national_command
        for kind in ("troops", "police")
        if getattr(n, kind)
    )
    return DraftTemplate(
        id=d.id,
        title=d.title,
        penholder=d.penholder,
        body=d.body,
        month=d.month,
        clauses=draft_clauses(d),
        patience=d.patience,
        rehat_from=d.rehat_from,
        hybrid_with=d.hybrid_with,
        renews=d.renews,
        endorsed_by=tuple(d.endorsed_by),
        time_limited=d.time_limited,
        national_command=national,
        mission_name=d.mission_name or "",
    )


def _contributor(state: str, c: ContributorSpec) -> Contributor:
    """A troop and police contributor's capacity and its limits."""
    return Contributor(
        state=state,
        troops=c.troops,
        police=c.police,
        observers=c.observers,
        casualty_tolerance=c.casualty_tolerance,
        reimbursement=c.reimbursement,
        lag=c.lag_months,
        caveats=tuple(c.caveats),
        national_caveats=tuple(c.national_caveats),
    )


def _objective(o: ObjectiveSpec) -> Objective:
    """An objective, with empty strings for the fields its kind does not use."""
    return Objective(
        id=o.id,
        name=o.name,
        kind=o.kind,
        metric=o.metric or "",
        threshold=o.threshold,
        by_month=o.by_month,
        phase=o.phase or "",
        clause=o.clause or "",
    )


def _peace(spec: PeaceSpec, parties: list[str]) -> tuple[Settlement, PeaceProcess]:
    """The settlement positions, and the agreement in force at the start, if any."""
    envoy = None
    if spec.envoy is not None:
        e = spec.envoy
        envoy = EnvoyPlan(e.name, tuple(e.appointed_by), e.month, dict(e.text), e.text_name or "")
    settlement = Settlement(
        tuple(SettlementIssue(i.id, i.name) for i in spec.issues),
        {
            p.party: PartyPosition(p.party, dict(p.ideal), dict(p.salience), p.resolve)
            for p in spec.positions
        },
        envoy,
        tuple(spec.outside_factions),
        spec.chance_endings,
    )
    process = PeaceProcess()
    if spec.agreement is not None:
        a = spec.agreement
        left_out = tuple(p for p in parties if p not in a.signatories)
        process.agreements.append(
            Agreement(
                id="agreement-0",
                name=a.name,
                kind=a.kind,
                month=0,
                text=dict(a.text),
                signatories=tuple(sorted(a.signatories)),
                excluded=left_out + settlement.outside_factions,
                guarantors=tuple(sorted(a.guarantors)),
                women=a.women,
                civil_society=a.civil_society,
            )
        )
    return settlement, process


def _frozen(array: FloatArray) -> FloatArray:
    """A read-only copy of ``array``."""
    copy = array.copy()
    copy.flags.writeable = False
    return copy


def _initial_mission(world: World, spec: MissionSpec) -> None:
    """A mission present from the start, its contingents already deployed."""
    contingents: list[ContingentSpec] = list(spec.contingents)
    if spec.contributor is not None:
        own = ContingentSpec(
            contributor=spec.contributor,
            troops=spec.troops,
            police=spec.police,
            observers=spec.observers,
        )
        contingents.insert(0, own)
    deployed = {k: spec.deployed(k) for k in ("troops", "police", "observers")}
    clauses = Clauses(
        chapter=spec.chapter,
        tasks=tuple(spec.tasks),
        troop_ceiling=deployed["troops"] if spec.troop_ceiling is None else spec.troop_ceiling,
        police_ceiling=deployed["police"] if spec.police_ceiling is None else spec.police_ceiling,
        observer_ceiling=(
            deployed["observers"] if spec.observer_ceiling is None else spec.observer_ceiling
        ),
        duration=spec.expires_month,
    )
    mission = create_mission(world, spec.id, clauses, spec.kind, spec.authority)
    for contingent in contingents:
        for kind in ("troops", "police", "observers"):
            size = getattr(contingent, kind)
            if size:
                mission.contingent(contingent.contributor, kind).deployed += size


def _initial_sanctions(world: World, spec: StartingSanctionSpec) -> None:
    """Measures in force from the start: an episode per target, begun in month 1."""
    for target in spec.targets:
        world.sanctions.append(
            SanctionEpisode(
                id=f"{spec.resolution}:{spec.kind}:{target}",
                resolution=spec.resolution,
                kind=spec.kind,
                target=target,
                start_month=1,
                end_month=spec.expires_month,
                baseline=world.theatre.resources[target],
                yes_votes=spec.yes_votes,
            )
        )


def _trigger(spec: TriggerSpec) -> Trigger:
    effects = tuple(
        Effect(
            e.kind,
            e.actor or "",
            e.other or "",
            e.dimension or "",
            e.name or "",
            e.value,
            e.text,
            e.body or "",
            e.phase or "",
        )
        for e in spec.effects
    )
    return Trigger(
        id=spec.id,
        when=spec.when,
        effects=effects,
        metric=spec.metric or "",
        threshold=spec.threshold,
        month=spec.month,
        draft=spec.draft or "",
        phase=spec.phase or "",
        once=spec.once,
        chance=spec.chance,
    )
