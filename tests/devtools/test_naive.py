"""The naive per-agent view gives exactly the vectorized view's answers, and the same games."""

from __future__ import annotations

import numpy as np
import pytest

from sim.devtools.generate import generate_scenario_text
from sim.devtools.naive import NaiveView, round_points
from sim.model.agents import watered_down
from sim.model.drafts import BUILTIN_TASKS, SANCTION_KINDS, Clauses, Draft, Sanction
from sim.model.engine import Engine
from sim.model.play import default_agents, play
from sim.model.stance import to_points
from sim.model.view import WorldView
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import parse_scenario
from sim.scenario.schema import ScenarioFile


@pytest.fixture(scope="module")
def generated() -> ScenarioFile:
    return parse_scenario(generate_scenario_text(40, seed=5))


@pytest.fixture(scope="module")
def generated_ga() -> ScenarioFile:
    return parse_scenario(generate_scenario_text(40, seed=6, ga_draft=True, months=8))


def _games_match(scenario: ScenarioFile, seed: int) -> list[str]:
    fast = Engine(build_world(scenario, seed))
    naive = Engine(build_world(scenario, seed))
    expected = play(fast, default_agents(fast))
    assert play(naive, default_agents(naive), view_factory=NaiveView) == expected
    assert [c.to_json() for c in naive.log] == [c.to_json() for c in fast.log]
    return expected


@pytest.mark.parametrize("seed", [0, 1, 7, 11])
def test_tutorial_games_are_identical(tutorial: ScenarioFile, seed: int) -> None:
    assert _games_match(tutorial, seed)


@pytest.mark.parametrize("seed", [0, 4])
def test_generated_games_are_identical(generated: ScenarioFile, seed: int) -> None:
    assert len(_games_match(generated, seed)) == 24


def test_generated_game_with_a_general_assembly_draft_is_identical(
    generated_ga: ScenarioFile,
) -> None:
    assert len(_games_match(generated_ga, 0)) == 8


def random_clauses(rng: np.random.Generator, parties: list[str]) -> Clauses:
    def some(options: tuple[str, ...] | list[str], most: int) -> tuple[str, ...]:
        k = int(rng.integers(0, most + 1))
        return tuple(str(o) for o in rng.choice(options, size=k, replace=False))

    sanctions = tuple(
        Sanction(kind, some(parties, len(parties))) for kind in some(SANCTION_KINDS, 4)
    )
    return Clauses(
        chapter=str(rng.choice(["VI", "VII"])),
        tasks=some(BUILTIN_TASKS, 4),
        troop_ceiling=int(rng.integers(0, 300)) * 100,
        police_ceiling=int(rng.integers(0, 30)) * 100,
        duration=int(rng.integers(1, 37)),
        sanctions=sanctions,
        referral=bool(rng.integers(0, 2)),
        demands=some(("ceasefire", "humanitarian_access"), 2),
    )


def _random_draft(world: World, rng: np.random.Generator, body: str) -> Draft:
    parties = [p.id for p in world.theatre.parties]
    ids = world.states.ids
    penholder = str(rng.choice(ids))
    draft = Draft("d", "random", penholder, body, random_clauses(rng, parties), world.month)
    for target in rng.choice(ids, size=int(rng.integers(0, 4)), replace=False):
        draft.side_payments[str(target)] = float(rng.integers(1, 7)) / 2
    for org in world.organizations:
        if rng.random() < 0.5:
            draft.endorsements[org] = bool(rng.integers(0, 2))
    return draft


def _perturb(world: World, rng: np.random.Generator) -> None:
    """Move the world away from the scenario's round numbers, as a game does."""
    table = world.states
    table.ideal[:] = np.clip(table.ideal + rng.normal(0.0, 0.05, table.ideal.shape), 0.0, 1.0)
    world.theatre.intensity = float(rng.uniform(0.0, 1.0))


def _assert_same_answers(world: World, draft: Draft, candidates: list[Clauses]) -> None:
    fast, naive = WorldView(world), NaiveView(world)
    for got, want in zip(
        naive.candidate_outcomes(draft, candidates),
        fast.candidate_outcomes(draft, candidates),
        strict=True,
    ):
        assert got.dtype == want.dtype and np.array_equal(got, want)
    got_u, want_u = (
        naive.own_utility(draft.penholder, candidates),
        fast.own_utility(draft.penholder, candidates),
    )
    assert got_u.dtype == want_u.dtype and np.array_equal(got_u, want_u)

    (ballot, tally), (want_ballot, want_tally) = naive.forecast(draft), fast.forecast(draft)
    assert tally == want_tally
    assert ballot.voters == want_ballot.voters
    assert ballot.factor_names == want_ballot.factor_names
    assert ballot.veto == want_ballot.veto
    for name in ("points", "yes_above", "no_below", "totals"):
        got, want = getattr(ballot, name), getattr(want_ballot, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name
    assert ballot.choices() == want_ballot.choices()
    assert all(ballot.stance(v) == want_ballot.stance(v) for v in ballot.voters)
    for org in world.organizations:
        assert naive.organization_forecast(org, draft) == fast.organization_forecast(org, draft)


@pytest.mark.parametrize("perturbed", [False, True])
def test_random_drafts_tutorial(tutorial: ScenarioFile, perturbed: bool) -> None:
    rng = np.random.default_rng(2024 + perturbed)
    for trial in range(120):
        world = build_world(tutorial, trial)
        if perturbed:
            _perturb(world, rng)
        draft = _random_draft(world, rng, "unsc")
        candidates = [draft.clauses] + [c for _, c in watered_down(draft.clauses)]
        candidates += [random_clauses(rng, ["gov", "nlf"]) for _ in range(int(rng.integers(0, 8)))]
        _assert_same_answers(world, draft, candidates)


@pytest.mark.parametrize("body", ["unsc", "ga", "au_assembly"])
def test_random_drafts_generated(generated: ScenarioFile, body: str) -> None:
    rng = np.random.default_rng(len(body))
    world = build_world(generated, 0)
    for _ in range(40):
        _perturb(world, rng)
        draft = _random_draft(world, rng, body)
        candidates = [random_clauses(rng, ["gov", "nlf"]) for _ in range(int(rng.integers(1, 10)))]
        _assert_same_answers(world, draft, candidates)


def test_half_points_round_to_even_like_numpy(tutorial: ScenarioFile) -> None:
    values = np.concatenate(
        [np.arange(-4000, 4001) / 2000, np.random.default_rng(0).uniform(-2.0, 2.0, 5000)]
    )
    assert [round_points(float(v)) for v in values] == to_points(values).tolist()
    # The tutorial's round numbers produce exact halves (0.45 × 0.35 = 0.1575 → 157.5 points).
    world = build_world(tutorial, 0)
    draft = Draft("d", "t", "ARN", "unsc", world.templates[0].clauses, 1)
    _assert_same_answers(
        world, draft, [draft.clauses] + [c for _, c in watered_down(draft.clauses)]
    )
