"""Legitimacy and interest channels of a vote, beyond the spatial policy terms.

Four channels, each one additive factor of the exact explanation (see :mod:`sim.model.stance`):

- ``regional`` — an organization's endorsement (+) or refusal (−) weighs with every state through
  its *deference* to that organization: 1 for members; for others the scenario's value, or
  ``regional_deference`` toward the organizations of the crisis region. So the Arab League's
  request of March 2011 can move Russia and China, as most accounts of Res. 1973 hold (Bellamy &
  Williams 2011; Voeten 2005 on regional legitimation).
- ``patron`` — a state's tie to a conflict party that a clause targets (sanctions on it, force
  against it, a referral of its leaders) counts against the draft: patrons shield their clients
  (Russia and Syria, 2011–12; China and Sudan, 2004–07).
- ``sovereignty`` — authorizing force under Chapter VII without the host's consent costs each
  state in proportion to its weight on non-interference.
- ``caucus`` (added last, see :func:`caucus_values`) — members of a caucus (the P3, the African
  members, the elected ten, as a scenario declares them) lean toward the average stance of their
  caucus-mates in the body, as groups that coordinate do.
- ``precedent`` — a world variable that triggers move (a mandate seen as stretched, as after
  Libya 2011) raises later resistance to coercive texts (Chapter VII, or a threat of measures),
  again weighted by non-interference.

Everything here is a vectorized function of (voters, drafts) so the AI drafter can score many
candidate texts at once and the explanation can never tell a different story than the vote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from sim.model.drafts import Clauses
from sim.model.events import Event
from sim.model.voting import Tally
from sim.model.world import World

FloatArray = npt.NDArray[np.float64]
INTEREST_FACTORS = ("patron", "sovereignty", "precedent")
# Tasks by which a Chapter VII text authorizes force beyond self-defence of a mission.
FORCE_TASKS = ("all_necessary_measures",)


def authorizes_force(clauses: Clauses) -> bool:
    """True when the text authorizes force: Chapter VII with troops or "all necessary means"."""
    if clauses.chapter != "VII":
        return False
    return clauses.troop_ceiling > 0 or any(t in clauses.tasks for t in FORCE_TASKS)


def threatens(world: World, clauses: Clauses) -> bool:
    """True when the text demands something under threat of measures (a scenario's ``threats``)."""
    return any(d in world.threat_demands for d in clauses.demands)


def coercive(world: World, clauses: Clauses) -> bool:
    """True for Chapter VII texts and texts that threaten measures: what a precedent of
    stretched mandates makes members resist."""
    return clauses.chapter == "VII" or threatens(world, clauses)


def deference(world: World, org_id: str, voters: Sequence[str]) -> FloatArray:
    """How much each voter weighs ``org_id``'s endorsement (0–1; 1 for its members)."""
    table = world.states
    rows = table.rows(voters)
    given = table.deference.get(org_id)
    if given is not None:
        values: FloatArray = given[rows]
        return values
    members = set(world.organizations[org_id].members)
    regional = org_id in world.theatre.organizations
    outsider = world.coefficients.regional_deference if regional else 0.0
    return np.array([1.0 if v in members else outsider for v in voters])


def regional_points(
    world: World, voters: Sequence[str], endorsements: Mapping[str, bool]
) -> FloatArray:
    """The regional factor (utility units) of each voter, given the endorsements so far."""
    regional = np.zeros(len(voters))
    for org_id in sorted(endorsements):
        sign = 1.0 if endorsements[org_id] else -1.0
        regional += sign * deference(world, org_id, voters)
    return regional * world.coefficients.regional_weight


def pressure_on(world: World, clauses: Clauses) -> dict[str, float]:
    """How hard the text presses each conflict party (0–1), by party id.

    Each sanction kind aimed at a party counts a third; force against the government (force
    without the host's consent) counts fully; a referral to the ICC counts a half against the
    government, whose leaders it exposes; a threat of measures (a demand the scenario lists in
    ``threats``) counts a third against the government.
    """
    theatre = world.theatre
    pressure = {p.id: 0.0 for p in theatre.parties}
    for sanction in clauses.sanctions:
        for target in sanction.targets:
            if target in pressure:
                pressure[target] += 1.0 / 3.0
    governments = [p.id for p in theatre.parties if p.kind == "government"]
    for gov in governments:
        if authorizes_force(clauses) and not theatre.host_consent:
            pressure[gov] += 1.0
        if clauses.referral:
            pressure[gov] += 0.5
        if threatens(world, clauses):
            pressure[gov] += 1.0 / 3.0
    return {p: min(1.0, v) for p, v in pressure.items()}


def party_ties(world: World, voters: Sequence[str]) -> dict[str, FloatArray]:
    """Each voter's tie (0–1) to each conflict party: 1 for its patrons (and for the host state
    toward its own government), else the voter's positive relation to the host state for the
    government. Armed groups have ties to their patrons only."""
    table = world.states
    theatre = world.theatre
    host = theatre.host_state
    ties: dict[str, FloatArray] = {}
    for party in theatre.parties:
        tie = np.array([1.0 if v in party.patrons else 0.0 for v in voters])
        if party.kind == "government" and host in table.index:
            relation = table.relations[table.rows(voters), table.index[host]]
            own = np.array([1.0 if v == host else 0.0 for v in voters])
            tie = np.maximum(tie, np.maximum(np.clip(relation, 0.0, 1.0), own))
        ties[party.id] = tie
    return ties


def interest_points(world: World, voters: Sequence[str], drafts: Sequence[Clauses]) -> FloatArray:
    """Patron, sovereignty and precedent factors (drafts × voters × 3), in utility units."""
    coef = world.coefficients
    table = world.states
    rows = table.rows(voters)
    non_interference = table.non_interference[rows]
    ties = party_ties(world, voters)
    out = np.zeros((len(drafts), len(voters), len(INTEREST_FACTORS)))
    consent = world.theatre.host_consent
    for d, clauses in enumerate(drafts):
        pressure = pressure_on(world, clauses)
        patron = np.zeros(len(voters))
        for party_id in sorted(pressure):
            if pressure[party_id] > 0.0:
                patron += ties[party_id] * pressure[party_id]
        out[d, :, 0] = -coef.patron_weight * patron
        if authorizes_force(clauses) and not consent:
            out[d, :, 1] = -coef.sovereignty_weight * non_interference
        if coercive(world, clauses):
            out[d, :, 2] = -coef.precedent_weight * world.precedent * non_interference
    return out


def caucus_mates(world: World, voters: Sequence[str]) -> list[list[int]]:
    """For each voter, the positions (in ``voters``) of the other voters it shares a caucus
    with, in order."""
    mates: list[list[int]] = [[] for _ in voters]
    where = {v: i for i, v in enumerate(voters)}
    for caucus_id in sorted(world.caucuses):
        members = [m for m in world.caucuses[caucus_id] if m in where]
        for m in members:
            mates[where[m]] += [where[o] for o in members if o != m]
    return [sorted(set(row)) for row in mates]


def caucus_values(world: World, voters: Sequence[str], totals: Sequence[int]) -> list[float]:
    """The caucus factor (utility units) of each voter: ``caucus_weight`` × the mean total of
    the other members of its caucuses in this body (before this factor), each capped at ±1.
    Written as a loop with one fixed order of additions, so that a per-agent reimplementation
    gives bit-identical values."""
    weight = world.coefficients.caucus_weight
    out: list[float] = []
    for row in caucus_mates(world, voters):
        if not row:
            out.append(0.0)
            continue
        total = 0.0
        for j in row:
            total += min(1.0, max(-1.0, totals[j] / 1000.0))
        out.append(weight * total / len(row))
    return out


def veto_costs(world: World, tally: Tally) -> list[Event]:
    """A veto costs the vetoer standing: every state that voted yes thinks less of it
    (``veto_relation_cost``), which weighs on later votes on its drafts and on lobbying."""
    cost = world.coefficients.veto_relation_cost
    table = world.states
    events = []
    for vetoer in tally.vetoed_by:
        v = table.index[vetoer]
        for supporter in tally.yes:
            s = table.index[supporter]
            table.relations[s, v] = max(-1.0, table.relations[s, v] - cost)
        text = f"The veto costs {vetoer} standing with the {len(tally.yes)} members that voted yes."
        events.append(Event(world.month, "veto_cost", text))
    return events
