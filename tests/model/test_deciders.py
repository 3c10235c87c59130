"""Every decider explained: what regional organizations and troop contributors actually do is
what their explanations say they would do."""

from __future__ import annotations

import dataclasses

from sim.model.commands import RequestEndorsement, TableDraft
from sim.model.deciders import (
    deployment_decision,
    endorsement_decision,
    pledge_stances,
    withdrawals,
)
from sim.model.engine import Engine
from sim.model.forces import create_mission, pledge_size, withdrawal_limit
from sim.model.operations import DeployRegionalForce, PledgeTroops
from sim.model.play import default_agents, play_month
from sim.model.pledges import pledge_stance
from sim.model.world import PERSONNEL
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def test_an_endorsement_is_what_the_explained_body_vote_decides(tutorial: ScenarioFile) -> None:
    for seed in range(4):
        engine = Engine(build_world(tutorial, seed))
        world = engine.world
        world.theatre.intensity = 0.2 * seed
        template = world.templates[0]
        engine.submit(TableDraft(template.penholder, template.id))
        draft = world.drafts[template.id]
        for org_id in world.theatre.organizations:
            decision = endorsement_decision(world, org_id, draft)
            engine.submit(RequestEndorsement(draft.penholder, draft.id, org_id))
            assert draft.endorsements[org_id] == decision.decided
            counts = decision.tally.counts()
            assert counts in world.events[-1].text


def test_a_deployment_is_what_the_explained_body_vote_decides(tutorial: ScenarioFile) -> None:
    for intensity in (0.3, 0.7, 0.95):
        engine = Engine(build_world(tutorial, 7))
        world = engine.world
        world.theatre.intensity = intensity
        for org_id in sorted(world.regional):
            decision = deployment_decision(world, org_id)
            assert decision is not None
            if intensity <= world.regional[org_id].deploy_above:
                assert not decision.decided and "the fighting" in decision.blocked[0]
            engine.submit(DeployRegionalForce(org_id))
            deployed = any(m.authority == org_id for m in world.missions)
            assert deployed == decision.tally.passed
            if deployed:
                again = deployment_decision(world, org_id)
                assert again is not None and "already" in " ".join(again.blocked)
    organizations_without_force = set(world.organizations) - set(world.regional)
    assert all(deployment_decision(world, o) is None for o in organizations_without_force)


def test_no_contributor_pledges_unless_its_explanation_says_it_would(
    tutorial: ScenarioFile,
) -> None:
    engine = Engine(build_world(tutorial, 3))
    world = engine.world
    agents = default_agents(engine)
    pledged = 0
    for _ in range(8):
        willing = {
            (cid, s.mission): s.pledges
            for cid in world.contributors
            for s in pledge_stances(world, cid)
        }
        start = len(engine.log)
        play_month(engine, agents)
        for command in engine.log[start:]:
            if isinstance(command, PledgeTroops):
                assert willing[(command.contributor, command.mission)]
                pledged += 1
    assert pledged > 0


def test_a_caveat_rules_a_mission_out_and_says_which(tutorial: ScenarioFile) -> None:
    world = build_world(tutorial, 7)
    cid = next(c for c, p in sorted(world.contributors.items()) if p.caveats)
    task = world.contributors[cid].caveats[0]
    template = world.templates[0]
    mission = create_mission(world, "m", template.clauses.changed(tasks=(task,)), "un", "unsc")
    stance = pledge_stance(world, cid, mission)
    assert stance.blocked == (f"a caveat against {task.replace('_', ' ')}",)
    assert not stance.pledges and stance.score == 0.0
    assert all(pledge_size(world, cid, mission, k) == 0 for k in PERSONNEL)
    # Without the caveat the same factors decide.
    world.contributors[cid] = dataclasses.replace(world.contributors[cid], caveats=())
    free = pledge_stance(world, cid, mission)
    assert free.factors == stance.factors and not free.blocked
    assert free.pledges == (free.total > free.threshold)


def test_withdrawal_shows_losses_against_the_limit(tutorial: ScenarioFile) -> None:
    world = build_world(tutorial, 7)
    cid = sorted(world.contributors)[0]
    mission = create_mission(world, "m", world.templates[0].clauses, "un", "unsc")
    contingent = mission.contingent(cid, "troops")
    contingent.deployed, contingent.fatalities = 500, 3
    [shown] = withdrawals(world, cid)
    tolerance = world.contributors[cid].casualty_tolerance
    expected = withdrawal_limit(world.coefficients.withdrawal_fatalities, tolerance)
    assert (shown.mission, shown.fatalities, shown.limit) == ("m", 3, expected)
