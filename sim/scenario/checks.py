"""Cross-reference checks a schema cannot express: unique ids, references, rules that can work.

Each check reports ``(path, message)`` pairs so that the loader can point at the offending key's
file, line and column. All problems are collected, not just the first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sim.model.coefficients import Coefficients, coefficient_problem
from sim.model.drafts import BUILTIN_TASKS, SANCTION_KINDS, SCALAR_FEATURES
from sim.model.metrics import METRICS
from sim.model.objectives import KINDS as OBJECTIVE_KINDS
from sim.model.triggers import CONDITIONS as TRIGGER_CONDITIONS
from sim.model.triggers import EFFECTS
from sim.scenario.build import body_from_spec
from sim.scenario.locate import KeyPath
from sim.scenario.schema import BodySpec, DraftSpec, ScenarioFile

Problem = tuple[KeyPath, str]


def _duplicates(section: str, ids: Sequence[str], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems: list[Problem] = []
    for i, item in enumerate(ids):
        if item in seen:
            problems.append(((section, i, "id"), f"duplicate {what} id {item!r}"))
        seen.add(item)
    return problems


def _listing(items: Iterable[str], most: int = 12) -> str:
    """Names for a message, at most ``most`` of them (messages must stay short)."""
    names = sorted(items)
    shown = ", ".join(names[:most])
    return shown + f", … ({len(names)} in all)" if len(names) > most else shown or "none"


def _unknown(path: KeyPath, refs: Iterable[str], known: Iterable[str], what: str) -> list[Problem]:
    known_set = set(known)
    return [
        ((*path, i), f"unknown {what} {ref!r}")
        for i, ref in enumerate(refs)
        if ref not in known_set
    ]


def check_scenario(s: ScenarioFile) -> list[Problem]:
    """Every cross-reference problem of a schema-valid scenario.

    One pass over each part of the file, in the file's order (ids, dimensions, states, bodies,
    organizations, theatre, drafts, operations, triggers, objectives, peace, player, endings), so
    that problems come out in the same order every time.
    """
    dims = [d.id for d in s.dimensions]
    states = [st.id for st in s.states]
    parties = [p.id for p in s.theatre.parties]
    orgs = [o.id for o in s.organizations]
    problems = _ids(s, states)
    problems += _dimension_effects(s)
    problems += _states(s, dims, states, orgs)
    problems += _bodies(s, states)
    problems += _organizations(s, states)
    problems += _theatre(s, states, orgs, parties)
    problems += _drafts(s, states, orgs, parties)
    problems += _operations(s, states, orgs, parties)
    problems += _triggers(s, states, dims)
    problems += _objectives(s)
    problems += _peace(s, states, orgs, parties)
    if s.player is not None and s.player not in states:
        problems.append((("player",), f"unknown state {s.player!r}"))
    time_outs = [i for i, e in enumerate(s.endings) if e.when == "time_out"]
    if len(time_outs) != 1:
        problems.append(
            (("endings",), f"exactly one ending must use when = 'time_out', found {len(time_outs)}")
        )
    return problems


def _tasks(s: ScenarioFile) -> set[str]:
    """Every mandate task this scenario's drafts may give: the built-in ones and its own."""
    return set(BUILTIN_TASKS) | set(s.clauses.tasks)


def _ids(s: ScenarioFile, states: list[str]) -> list[Problem]:
    """Ids given twice, caucus members and threats that name nothing."""
    demands = sorted(s.clauses.demands)
    problems = _unknown(("clauses", "threats"), s.clauses.threats, demands, "demand")
    problems += _duplicates("dimensions", [d.id for d in s.dimensions], "dimension")
    problems += _duplicates("states", states, "state")
    problems += _duplicates("bodies", [b.id for b in s.bodies], "body")
    problems += _duplicates("organizations", [o.id for o in s.organizations], "organization")
    problems += _duplicates("caucuses", [c.id for c in s.caucuses], "caucus")
    for i, caucus in enumerate(s.caucuses):
        problems += _unknown(("caucuses", i, "members"), caucus.members, states, "state")
    problems += _duplicates("drafts", [d.id for d in s.drafts], "draft")
    problems += _duplicates("endings", [e.id for e in s.endings], "ending")
    missions = [m.id for m in s.theatre.missions]
    for i, mission in enumerate(s.theatre.missions):
        if mission.id in missions[:i]:
            message = f"duplicate mission id {mission.id!r}"
            problems.append((("theatre", "missions", i, "id"), message))
    parties = [p.id for p in s.theatre.parties]
    for i, party in enumerate(s.theatre.parties):
        if party.id in parties[:i]:
            problems.append((("theatre", "parties", i, "id"), f"duplicate party id {party.id!r}"))
    return problems


def _dimension_effects(s: ScenarioFile) -> list[Problem]:
    """Each dimension's effects name draft features this scenario's clauses can have."""
    features = _features(s)
    expected = (
        "expected chapter_vii, troops, police, observers, duration, referral, task:<task>,"
        " sanction:<kind> or demand:<demand>, where tasks are built in or declared under"
        f" [clauses]: {_listing(_tasks(s))}; declared demands: {_listing(set(s.clauses.demands))}"
    )
    return [
        (("dimensions", i, "effects", key), f"unknown draft feature {key!r} ({expected})")
        for i, dim in enumerate(s.dimensions)
        for key in dim.effects
        if key not in features
    ]


def _states(s: ScenarioFile, dims: list[str], states: list[str], orgs: list[str]) -> list[Problem]:
    """Every state's ideal points and salience cover the dimensions; deference and relations
    name organizations and other states."""
    problems: list[Problem] = []
    for i, st in enumerate(s.states):
        for table in ("ideal", "salience"):
            values = getattr(st, table)
            missing = [d for d in dims if d not in values]
            if missing:
                problems.append(
                    (("states", i, table), f"no value for dimension(s) {', '.join(missing)}")
                )
            problems += [
                (("states", i, table, key), f"unknown dimension {key!r}")
                for key in values
                if key not in dims
            ]
        problems += [
            (("states", i, "deference", key), f"unknown organization {key!r}")
            for key in st.deference
            if key not in orgs
        ]
        for key in st.relations:
            if key == st.id:
                problems.append((("states", i, "relations", key), "a state's relation to itself"))
            elif key not in states:
                problems.append((("states", i, "relations", key), f"unknown state {key!r}"))
    return problems


def _bodies(s: ScenarioFile, states: list[str]) -> list[Problem]:
    """Members, veto holders and weights of each body, a rule that can be built, the Council."""
    problems: list[Problem] = []
    for i, body in enumerate(s.bodies):
        problems += _unknown(("bodies", i, "members"), body.members, states, "state")
        problems += _body_rule(i, body)
    if s.council.body not in {b.id for b in s.bodies}:
        problems.append((("council", "body"), f"unknown body {s.council.body!r}"))
    return problems


def _body_rule(i: int, body: BodySpec) -> list[Problem]:
    """Seats listed once, veto holders among the members, weights for each member, and a rule
    :func:`~sim.scenario.build.body_from_spec` accepts (each checked only when the one before it
    passed)."""
    outsiders: list[Problem] = [
        (("bodies", i, "permanent", j), f"{p!r} is not a member of this body")
        for j, p in enumerate(body.permanent)
        if p not in body.members
    ]
    repeated: list[Problem] = [
        (("bodies", i, "members", j), f"{m!r} is listed twice")
        for j, m in enumerate(body.members)
        if m in body.members[:j]
    ]
    if outsiders or repeated:
        return outsiders + repeated  # the rule cannot be checked, and would only repeat these
    if body.weights is not None and len(body.weights) != len(body.members):
        message = f"{len(body.weights)} weights for {len(body.members)} members"
        return [(("bodies", i, "weights"), message)]
    total = sum(body.weights or ())
    if body.rule == "weighted" and body.weights and body.quota and body.quota > total:
        message = f"quota {body.quota} cannot be met by total weight {total}"
        return [(("bodies", i, "quota"), message)]
    try:
        body_from_spec(body)
    except ValueError as exc:
        return [(("bodies", i, "rule"), str(exc))]
    return []


def _organizations(s: ScenarioFile, states: list[str]) -> list[Problem]:
    """Each organization's members exist and its decision body sits inside it."""
    problems: list[Problem] = []
    bodies = {b.id: b for b in s.bodies}
    for i, org in enumerate(s.organizations):
        problems += _unknown(("organizations", i, "members"), org.members, states, "state")
        if org.body not in bodies:
            problems.append((("organizations", i, "body"), f"unknown body {org.body!r}"))
        elif not set(bodies[org.body].members) <= set(org.members):
            problems.append(
                (
                    ("organizations", i, "body"),
                    f"body {org.body!r} has members outside the organization:"
                    f" {', '.join(sorted(set(bodies[org.body].members) - set(org.members)))}",
                )
            )
    return problems


def _theatre(
    s: ScenarioFile, states: list[str], orgs: list[str], parties: list[str]
) -> list[Problem]:
    """The host party, the theatre's organizations, patrons, and targets of sanctions in force."""
    theatre = s.theatre
    problems: list[Problem] = []
    if theatre.host not in parties:
        problems.append((("theatre", "host"), f"unknown party {theatre.host!r}"))
    problems += _unknown(("theatre", "organizations"), theatre.organizations, orgs, "organization")
    for i, party in enumerate(theatre.parties):
        problems += _unknown(("theatre", "parties", i, "patrons"), party.patrons, states, "state")
    for i, starting in enumerate(theatre.sanctions):
        problems += _unknown(
            ("theatre", "sanctions", i, "targets"), starting.targets, parties, "party"
        )
    return problems


def _drafts(
    s: ScenarioFile, states: list[str], orgs: list[str], parties: list[str]
) -> list[Problem]:
    """Each prepared draft: who holds the pen, where it is voted, what it names, what it renews,
    national commitments within its ceilings, and a month inside the game."""
    problems: list[Problem] = []
    bodies = {b.id for b in s.bodies}
    tasks, demands = _tasks(s), set(s.clauses.demands)
    renewable = (
        {d.id for d in s.drafts}
        | {m.id for m in s.theatre.missions}
        | {x.resolution for x in s.theatre.sanctions}
    )
    for i, draft in enumerate(s.drafts):
        if draft.penholder not in states:
            problems.append((("drafts", i, "penholder"), f"unknown state {draft.penholder!r}"))
        if draft.body not in bodies:
            problems.append((("drafts", i, "body"), f"unknown body {draft.body!r}"))
        problems += _unknown(("drafts", i, "tasks"), draft.tasks, tasks, "task")
        problems += _unknown(("drafts", i, "endorsed_by"), draft.endorsed_by, orgs, "organization")
        problems += _unknown(("drafts", i, "demands"), draft.demands, demands, "demand")
        for j, sanction in enumerate(draft.sanctions):
            path = ("drafts", i, "sanctions", j, "targets")
            problems += _unknown(path, sanction.targets, parties, "party")
        if draft.renews is not None and (draft.renews == draft.id or draft.renews not in renewable):
            message = (
                f"nothing {draft.renews!r} to renew: not another draft, a mission present at the"
                " start or the resolution of sanctions in force at the start"
            )
            problems.append((("drafts", i, "renews"), message))
        problems += _national_command(i, draft, states)
        if draft.month > s.months:
            problems.append(
                (("drafts", i, "month"), f"month {draft.month} is after the last ({s.months})")
            )
    return problems


def _national_command(i: int, draft: DraftSpec, states: list[str]) -> list[Problem]:
    """States keeping national command exist and commit no more than the draft's ceilings."""
    problems: list[Problem] = []
    for j, national in enumerate(draft.national_command):
        if national.state not in states:
            path: KeyPath = ("drafts", i, "national_command", j, "state")
            problems.append((path, f"unknown state {national.state!r}"))
    for kind, ceiling in (("troops", draft.troop_ceiling), ("police", draft.police_ceiling)):
        committed = sum(getattr(n, kind) for n in draft.national_command)
        if committed > ceiling:
            problems.append(
                (
                    ("drafts", i, "national_command"),
                    f"the states commit {committed:,} {kind}, more than the draft's"
                    f" {kind.rstrip('s')}_ceiling of {ceiling:,}",
                )
            )
    return problems


def _operations(
    s: ScenarioFile, states: list[str], orgs: list[str], parties: list[str]
) -> list[Problem]:
    """Contributors, regional forces, the host state, and drafts that rehat or hybridize."""
    problems: list[Problem] = []
    tasks = _tasks(s)
    for i, st in enumerate(s.states):
        if st.contributor is not None:
            caveats: KeyPath = ("states", i, "contributor", "caveats")
            problems += _unknown(caveats, st.contributor.caveats, tasks, "task")
    by_id = {o.id: o for o in s.organizations}
    for i, org in enumerate(s.organizations):
        if org.lead is not None and org.lead not in org.members:
            problems.append((("organizations", i, "lead"), f"{org.lead!r} is not a member"))
        if org.bridging_troops > 0 and org.lead is None:
            problems.append(
                (("organizations", i, "lead"), "an organization with a bridging force needs a lead")
            )
    bodies = {b.id for b in s.bodies}
    for i, mission in enumerate(s.theatre.missions):
        path: KeyPath = ("theatre", "missions", i)
        if mission.contributor is not None and mission.contributor not in states:
            problems.append(((*path, "contributor"), f"unknown state {mission.contributor!r}"))
        elif mission.contributor is None and (
            mission.troops or mission.police or mission.observers
        ):
            message = "required key is missing: personnel given here need a 'contributor'"
            problems.append(((*path, "contributor"), message))
        for j, contingent in enumerate(mission.contingents):
            if contingent.contributor not in states:
                problems.append(
                    (
                        (*path, "contingents", j, "contributor"),
                        f"unknown state {contingent.contributor!r}",
                    )
                )
        authorities = set(orgs) if mission.kind == "regional" else bodies
        if mission.authority not in authorities:
            what = "organization" if mission.kind == "regional" else "body"
            problems.append(((*path, "authority"), f"unknown {what} {mission.authority!r}"))
        problems += _unknown((*path, "tasks"), mission.tasks, tasks, "task")
        for kind in ("troops", "police", "observers"):
            ceiling = getattr(mission, f"{kind.rstrip('s')}_ceiling")
            if ceiling is not None and ceiling < mission.deployed(kind):
                problems.append(
                    ((*path, f"{kind.rstrip('s')}_ceiling"), f"below the {kind} deployed")
                )
    if s.theatre.host_state is not None and s.theatre.host_state not in states:
        problems.append((("theatre", "host_state"), f"unknown state {s.theatre.host_state!r}"))
    for i, draft in enumerate(s.drafts):
        for key in ("rehat_from", "hybrid_with"):
            org_id = getattr(draft, key)
            if org_id is None:
                continue
            if org_id not in by_id:
                problems.append((("drafts", i, key), f"unknown organization {org_id!r}"))
            elif key == "rehat_from" and by_id[org_id].bridging_troops == 0:
                problems.append((("drafts", i, key), f"{org_id!r} has no bridging force"))
    return problems


def _missing(path: KeyPath, kind: str, fields: tuple[str, ...], spec: object) -> list[Problem]:
    """Fields a registry entry needs that the spec left empty (numbers may be zero)."""
    needed = [f for f in fields if f not in ("threshold", "value")]
    return [
        ((*path, f), f"required key is missing: {kind!r} needs {f!r}")
        for f in needed
        if getattr(spec, f, None) in (None, "", 0)
    ]


def _triggers(s: ScenarioFile, states: list[str], dims: list[str]) -> list[Problem]:
    """Triggers: fields their condition and effects need, and what they refer to."""
    problems = _duplicates("triggers", [t.id for t in s.triggers], "trigger")
    drafts = {d.id for d in s.drafts}
    coefficients = {f.name for f in dataclasses.fields(Coefficients)}
    for i, trigger in enumerate(s.triggers):
        path: KeyPath = ("triggers", i)
        problems += _missing(path, trigger.when, TRIGGER_CONDITIONS[trigger.when].fields, trigger)
        if trigger.metric is not None and trigger.metric not in METRICS:
            problems.append(((*path, "metric"), f"unknown metric {trigger.metric!r}"))
        if trigger.draft is not None and trigger.draft not in drafts:
            problems.append(((*path, "draft"), f"unknown draft {trigger.draft!r}"))
        for j, effect in enumerate(trigger.effects):
            epath: KeyPath = (*path, "effects", j)
            problems += _missing(epath, effect.kind, EFFECTS[effect.kind].fields, effect)
            for key in ("actor", "other"):
                ref = getattr(effect, key)
                if ref is not None and ref not in states:
                    problems.append(((*epath, key), f"unknown state {ref!r}"))
            if effect.dimension is not None and effect.dimension not in dims:
                problems.append(((*epath, "dimension"), f"unknown dimension {effect.dimension!r}"))
            if effect.name is not None and effect.name not in coefficients:
                problems.append(((*epath, "name"), f"unknown coefficient {effect.name!r}"))
            elif effect.kind == "set_coefficient" and effect.name is not None:
                bounds = coefficient_problem(effect.name, effect.value)
                if bounds is not None:
                    problems.append(((*epath, "value"), bounds))
            if effect.kind == "set_relation" and effect.actor and effect.actor == effect.other:
                problems.append(((*epath, "other"), "a state has no relation to itself"))
            if effect.kind == "set_relation" and not -1.0 <= effect.value <= 1.0:
                problems.append(((*epath, "value"), "a relation lies between -1 and 1"))
            if effect.body is not None:
                seats = next((b for b in s.bodies if b.id == effect.body), None)
                if seats is None:
                    problems.append(((*epath, "body"), f"unknown body {effect.body!r}"))
                elif effect.kind == "replace_member" and effect.actor not in seats.members:
                    message = f"{effect.actor!r} has no seat in {effect.body!r} to give up"
                    problems.append(((*epath, "actor"), message))
    return problems


def _features(s: ScenarioFile) -> set[str]:
    """Every draft feature this scenario's clauses can have."""
    features = set(SCALAR_FEATURES)
    features |= {f"task:{t}" for t in _tasks(s)}
    features |= {f"sanction:{k}" for k in SANCTION_KINDS}
    features |= {f"demand:{d}" for d in s.clauses.demands}
    return features


def _objectives(s: ScenarioFile) -> list[Problem]:
    """Objectives and the endings that refer to them."""
    problems = _duplicates("objectives", [o.id for o in s.objectives], "objective")
    for i, objective in enumerate(s.objectives):
        path: KeyPath = ("objectives", i)
        kind = OBJECTIVE_KINDS[objective.kind]
        problems += _missing(path, objective.kind, kind.fields, objective)
        if objective.metric is not None and objective.metric not in METRICS:
            problems.append(((*path, "metric"), f"unknown metric {objective.metric!r}"))
        if objective.clause is not None and objective.clause not in _features(s):
            problems.append(((*path, "clause"), f"unknown draft feature {objective.clause!r}"))
    ids = {o.id for o in s.objectives}
    for i, ending in enumerate(s.endings):
        problems += _unknown(("endings", i, "objectives"), ending.objectives, ids, "objective")
        if ending.when in ("objectives_met", "objectives_failed") and not ending.objectives:
            message = f"required key is missing: {ending.when!r} needs objectives"
            problems.append((("endings", i, "objectives"), message))
    return problems


def _peace(
    s: ScenarioFile, states: list[str], orgs: list[str], parties: list[str]
) -> list[Problem]:
    """Settlement positions name parties once (at least two; a party without one never sits at
    the table) and every issue; envoys, texts, signatories and guarantors refer to what
    exists."""
    peace = s.peace
    if peace is None:
        return []
    problems: list[Problem] = []
    issues = [i.id for i in peace.issues]
    problems += _duplicates("peace", issues, "settlement issue")
    named = [p.party for p in peace.positions]
    for i, position in enumerate(peace.positions):
        path: KeyPath = ("peace", "positions", i)
        if position.party not in parties:
            problems.append(((*path, "party"), f"unknown party {position.party!r}"))
        if named.count(position.party) > 1 and named.index(position.party) != i:
            problems.append(((*path, "party"), f"a second position for {position.party!r}"))
        for key in ("ideal", "salience"):
            given = getattr(position, key)
            if set(given) != set(issues):
                missing = sorted(set(issues) - set(given))
                extra = sorted(set(given) - set(issues))
                parts = [f"missing {', '.join(missing)}"] if missing else []
                parts += [f"unknown {', '.join(extra)}"] if extra else []
                what = "; ".join(parts)
                problems.append(((*path, key), f"give every settlement issue once ({what})"))
        if not any(position.salience.values()):
            problems.append(((*path, "salience"), "at least one issue must matter"))
    if len(set(named) & set(parties)) < 2:
        problems.append((("peace", "positions"), "talks need the positions of two parties"))
    if peace.envoy is not None:
        envoy = peace.envoy
        sponsors = ["un", *orgs]
        problems += _unknown(
            ("peace", "envoy", "appointed_by"),
            envoy.appointed_by,
            sponsors,
            "sponsor ('un' or an organization)",
        )
        if envoy.text and set(envoy.text) != set(issues):
            problems.append((("peace", "envoy", "text"), "a text gives every settlement issue"))
        if envoy.month > s.months:
            problems.append((("peace", "envoy", "month"), f"after the last month ({s.months})"))
    if peace.agreement is not None:
        agreement = peace.agreement
        path = ("peace", "agreement")
        if set(agreement.text) != set(issues):
            problems.append(((*path, "text"), "a text gives every settlement issue"))
        problems += _unknown((*path, "signatories"), agreement.signatories, parties, "party")
        known = set(states) | set(orgs) | {d.id for d in s.drafts} | {"un"}
        known |= {m.id for m in s.theatre.missions}
        problems += _unknown((*path, "guarantors"), agreement.guarantors, known, "guarantor")
        if s.theatre.phase == "war":
            problems.append(((*path,), "an agreement in force needs a theatre not at war"))
    return problems
