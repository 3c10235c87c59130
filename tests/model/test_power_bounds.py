"""Exact power stays exact and bounded for large weights and quotas.

A weighted body with weights of a million used to build a members × quota table (1.6 GB, minutes);
now weights are divided by their common divisor, large tables are sparse (only the coalition
weights reached), and a game beyond that is refused with a clear reason.
"""

from __future__ import annotations

import random

import pytest

from sim.model import power
from sim.model.power import PowerTooLarge, WeightedGame, banzhaf_swings, shapley_shubik


def _random_game(rng: random.Random, n: int, top: int) -> WeightedGame:
    weights = [rng.randint(0, top) for _ in range(n)]
    weights[0] = max(weights[0], 1)
    quota = rng.randint(1, sum(weights))
    veto = {i for i in range(n) if rng.random() < 0.2}
    return WeightedGame(tuple(weights), quota, frozenset(veto))


@pytest.mark.parametrize("seed", range(12))
def test_sparse_tables_give_the_same_exact_answer(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = _random_game(random.Random(seed), n=random.Random(seed).randint(2, 9), top=40)
    dense = (banzhaf_swings(game), shapley_shubik(game))
    monkeypatch.setattr(power, "MAX_DENSE_WORK", 0)
    assert (banzhaf_swings(game), shapley_shubik(game)) == dense


def test_a_common_divisor_changes_nothing() -> None:
    small = WeightedGame((3, 2, 2, 1, 1), 5, frozenset({0}))
    large = WeightedGame(tuple(w * 1_000_000 for w in small.weights), 5_000_000, small.veto)
    assert shapley_shubik(large) == shapley_shubik(small)
    assert banzhaf_swings(large) == banzhaf_swings(small)


def test_eighteen_members_with_weights_near_a_million_are_answered_exactly() -> None:
    rng = random.Random(7)
    weights = tuple(1_000_000 - rng.randint(0, 999) * 7 for _ in range(18))
    game = WeightedGame(weights, sum(weights) // 2 + 1)
    assert sum(shapley_shubik(game)) == 1
    assert all(s > 0 for s in banzhaf_swings(game))


def test_forty_members_with_large_weights_are_refused_with_a_reason() -> None:
    rng = random.Random(3)
    weights = tuple(rng.randint(500_000, 1_000_000) for _ in range(40))
    with pytest.raises(PowerTooLarge, match="too many distinct coalition weights"):
        shapley_shubik(WeightedGame(weights, sum(weights) // 2 + 1))
