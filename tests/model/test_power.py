"""Tests for exact Shapley-Shubik and Banzhaf voting power (sim.model.power)."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, permutations
from math import comb, factorial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.model.power import (
    WeightedGame,
    banzhaf,
    banzhaf_absolute,
    banzhaf_swings,
    shapley_shubik,
)

# --------------------------------------------------------------------------- #
# Independent brute-force reference implementations
# --------------------------------------------------------------------------- #


def _bf_wins(weights: tuple[int, ...], quota: int, veto: frozenset[int], s: set[int]) -> bool:
    return veto <= s and sum(weights[i] for i in s) >= quota


def bf_swings(game: WeightedGame) -> tuple[int, ...]:
    """Swing counts by enumerating all 2**(n-1) coalitions of the others."""
    w, q, v = game.weights, game.quota, game.veto
    n = len(w)
    out = []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        count = 0
        for k in range(len(others) + 1):
            for combo in combinations(others, k):
                s = set(combo)
                if not _bf_wins(w, q, v, s) and _bf_wins(w, q, v, s | {i}):
                    count += 1
        out.append(count)
    return tuple(out)


def bf_shapley_by_permutations(game: WeightedGame) -> tuple[Fraction, ...]:
    """Shapley-Shubik by counting pivots over all n! orderings."""
    w, q, v = game.weights, game.quota, game.veto
    n = len(w)
    pivots = [0] * n
    for order in permutations(range(n)):
        s: set[int] = set()
        for p in order:
            if not _bf_wins(w, q, v, s) and _bf_wins(w, q, v, s | {p}):
                pivots[p] += 1
                break
            s.add(p)
    return tuple(Fraction(c, factorial(n)) for c in pivots)


def bf_shapley_by_coalitions(game: WeightedGame) -> tuple[Fraction, ...]:
    """Shapley-Shubik by enumerating swing coalitions with k!(n-k-1)!/n! weights."""
    w, q, v = game.weights, game.quota, game.veto
    n = len(w)
    out = []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        total = Fraction(0)
        for k in range(len(others) + 1):
            for combo in combinations(others, k):
                s = set(combo)
                if not _bf_wins(w, q, v, s) and _bf_wins(w, q, v, s | {i}):
                    total += Fraction(factorial(k) * factorial(n - k - 1), factorial(n))
        out.append(total)
    return tuple(out)


# --------------------------------------------------------------------------- #
# Reference bodies
# --------------------------------------------------------------------------- #

UNSC_WEIGHTED = WeightedGame(weights=(7,) * 5 + (1,) * 10, quota=39)
UNSC_VETO = WeightedGame(weights=(1,) * 15, quota=9, veto=frozenset(range(5)))
UNSC_1945 = WeightedGame(weights=(5,) * 5 + (1,) * 6, quota=27)
UNSC_1945_VETO = WeightedGame(weights=(1,) * 11, quota=7, veto=frozenset(range(5)))


def test_unsc_shapley_shubik_exact() -> None:
    ss = shapley_shubik(UNSC_VETO)
    assert ss[:5] == (Fraction(421, 2145),) * 5
    assert ss[5:] == (Fraction(4, 2145),) * 10
    assert float(ss[0]) == pytest.approx(0.19627, abs=1e-5)
    assert float(ss[5]) == pytest.approx(0.001865, abs=1e-6)


def test_unsc_banzhaf_swings_exact() -> None:
    # Elected member: all 5 P5 plus exactly 3 of the other 9 elected -> C(9,3).
    # P5 member: the other 4 P5 plus at least 4 of the 10 elected.
    p5 = sum(comb(10, j) for j in range(4, 11))
    assert p5 == 848
    assert comb(9, 3) == 84
    expected = (p5,) * 5 + (comb(9, 3),) * 10
    assert banzhaf_swings(UNSC_VETO) == expected
    assert bf_swings(UNSC_VETO) == expected


def test_unsc_banzhaf_exact() -> None:
    bz = banzhaf(UNSC_VETO)
    assert bz[:5] == (Fraction(106, 635),) * 5  # 848 / 5080
    assert bz[5:] == (Fraction(21, 1270),) * 10  # 84 / 5080
    assert float(bz[0]) == pytest.approx(0.1669, abs=1e-4)
    assert float(bz[5]) == pytest.approx(0.0165, abs=1e-4)
    ab = banzhaf_absolute(UNSC_VETO)
    assert ab[:5] == (Fraction(53, 1024),) * 5  # 848 / 2**14
    assert ab[5:] == (Fraction(21, 4096),) * 10  # 84 / 2**14


def test_unsc_veto_formulation_equals_weighted_formulation() -> None:
    assert shapley_shubik(UNSC_VETO) == shapley_shubik(UNSC_WEIGHTED)
    assert banzhaf_swings(UNSC_VETO) == banzhaf_swings(UNSC_WEIGHTED)
    assert banzhaf(UNSC_VETO) == banzhaf(UNSC_WEIGHTED)
    assert banzhaf_absolute(UNSC_VETO) == banzhaf_absolute(UNSC_WEIGHTED)
    # Declaring the (already implicit) vetoes explicitly changes nothing either.
    explicit = WeightedGame(UNSC_WEIGHTED.weights, 39, frozenset(range(5)))
    assert shapley_shubik(explicit) == shapley_shubik(UNSC_WEIGHTED)
    assert banzhaf_swings(explicit) == banzhaf_swings(UNSC_WEIGHTED)


def test_pre_1966_council() -> None:
    # [27; 5x5, 1x6]: all five permanent members plus two of six elected.
    ss = shapley_shubik(UNSC_1945)
    assert ss[:5] == (Fraction(76, 385),) * 5
    assert ss[5:] == (Fraction(1, 462),) * 6
    # Elected swings: P5 + exactly one of the other 5 elected.
    # P5 swings: other 4 P5 + at least 2 of 6 elected = 64 - 1 - 6.
    assert banzhaf_swings(UNSC_1945) == (57,) * 5 + (5,) * 6
    assert banzhaf(UNSC_1945) == (Fraction(19, 105),) * 5 + (Fraction(1, 63),) * 6
    assert ss == bf_shapley_by_coalitions(UNSC_1945)
    assert shapley_shubik(UNSC_1945_VETO) == ss
    assert banzhaf_swings(UNSC_1945_VETO) == banzhaf_swings(UNSC_1945)


def test_unsc_matches_brute_force_shapley() -> None:
    assert shapley_shubik(UNSC_VETO) == bf_shapley_by_coalitions(UNSC_VETO)


# --------------------------------------------------------------------------- #
# Structural properties
# --------------------------------------------------------------------------- #


def test_sums_are_exactly_one() -> None:
    for game in (UNSC_VETO, UNSC_WEIGHTED, UNSC_1945, WeightedGame((4, 3, 2, 1), 6)):
        assert sum(shapley_shubik(game)) == 1
        assert sum(banzhaf(game)) == 1


def test_symmetric_players_get_equal_power() -> None:
    game = WeightedGame((3, 2, 2, 2, 1, 1), 6, frozenset({1}))
    ss, bz = shapley_shubik(game), banzhaf(game)
    assert ss[2] == ss[3]
    assert ss[4] == ss[5]
    assert bz[2] == bz[3]
    assert bz[4] == bz[5]


def test_weight_zero_player_is_dummy() -> None:
    game = WeightedGame((3, 2, 0, 2), 4)
    assert shapley_shubik(game)[2] == 0
    assert banzhaf_swings(game)[2] == 0
    assert banzhaf(game)[2] == 0


def test_positive_weight_dummy() -> None:
    # [5; 3, 3, 1]: the 1 never turns a losing coalition into a winning one.
    game = WeightedGame((3, 3, 1), 5)
    assert banzhaf_swings(game) == (2, 2, 0)  # {other 3} and {other 3, 1}
    assert shapley_shubik(game) == (Fraction(1, 2), Fraction(1, 2), Fraction(0))


def test_non_veto_players_are_dummies_when_vetoes_alone_win() -> None:
    game = WeightedGame((2, 2, 1, 1), 4, frozenset({0, 1}))
    assert banzhaf_swings(game) == (4, 4, 0, 0)
    half, zero = Fraction(1, 2), Fraction(0)
    assert shapley_shubik(game) == (half, half, zero, zero)


def test_zero_weight_veto_holder_has_power() -> None:
    game = WeightedGame((0, 1, 1), 1, frozenset({0}))
    assert banzhaf_swings(game) == bf_swings(game) == (3, 1, 1)
    assert shapley_shubik(game) == bf_shapley_by_permutations(game)
    assert shapley_shubik(game)[0] == Fraction(2, 3)


def test_dictator() -> None:
    game = WeightedGame((10, 1, 1, 1), 10)
    expected = (Fraction(1), Fraction(0), Fraction(0), Fraction(0))
    assert shapley_shubik(game) == expected
    assert banzhaf(game) == expected
    assert banzhaf_absolute(game) == expected


def test_unanimity() -> None:
    game = WeightedGame((1, 2, 3), 6)
    third = Fraction(1, 3)
    assert shapley_shubik(game) == (third,) * 3
    assert banzhaf(game) == (third,) * 3
    assert banzhaf_swings(game) == (1, 1, 1)


def test_single_player() -> None:
    game = WeightedGame((5,), 3)
    assert shapley_shubik(game) == (Fraction(1),)
    assert banzhaf_swings(game) == (1,)
    assert banzhaf_absolute(game) == (Fraction(1),)


def test_wins() -> None:
    assert UNSC_VETO.wins(range(9))
    assert not UNSC_VETO.wins(range(8))
    assert not UNSC_VETO.wins(range(1, 15))  # missing one veto holder
    assert UNSC_VETO.wins([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8])  # duplicates ignored
    assert not UNSC_VETO.wins([0, 1, 2, 3, 4, 5, 6, 7, 7])
    assert UNSC_WEIGHTED.wins([0, 1, 2, 3, 4, 5, 6, 7, 8])
    assert not UNSC_WEIGHTED.wins([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    with pytest.raises(ValueError, match="out of range"):
        UNSC_VETO.wins([15])


def test_sequences_are_normalised_and_hashable() -> None:
    game = WeightedGame([1, 1, 1], 2, {0})  # type: ignore[arg-type]
    assert game.weights == (1, 1, 1)
    assert game.veto == frozenset({0})
    assert hash(game) == hash(WeightedGame((1, 1, 1), 2, frozenset({0})))


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("weights", "quota", "veto", "match"),
    [
        ((1, -1, 2), 2, frozenset(), "negative"),
        ((1, 2), 0, frozenset(), "positive"),
        ((1, 2), -3, frozenset(), "positive"),
        ((1, 2), 4, frozenset(), "exceeds total weight"),
        ((), 1, frozenset(), "exceeds total weight"),
        ((0, 0), 1, frozenset(), "exceeds total weight"),
        ((1, 2), 2, frozenset({2}), "out of range"),
        ((1, 2), 2, frozenset({-1}), "out of range"),
    ],
)
def test_invalid_games_raise(
    weights: tuple[int, ...], quota: int, veto: frozenset[int], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        WeightedGame(weights, quota, veto)


def test_non_integer_inputs_raise_type_error() -> None:
    with pytest.raises(TypeError):
        WeightedGame((1.5, 2), 2)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WeightedGame((1, 2), 2.0)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- #
# Property tests against brute force
# --------------------------------------------------------------------------- #


@st.composite
def small_games(draw: st.DrawFn, max_n: int = 8) -> WeightedGame:
    n = draw(st.integers(min_value=1, max_value=max_n))
    weights = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[draw(st.integers(0, n - 1))] = draw(st.integers(1, 6))
    quota = draw(st.integers(1, sum(weights)))
    veto = draw(st.frozensets(st.integers(0, n - 1), max_size=n))
    return WeightedGame(tuple(weights), quota, veto)


@settings(max_examples=150, deadline=None)
@given(small_games(max_n=8))
def test_banzhaf_matches_brute_force(game: WeightedGame) -> None:
    swings = bf_swings(game)
    assert banzhaf_swings(game) == swings
    total = sum(swings)
    assert banzhaf(game) == tuple(Fraction(s, total) for s in swings)
    assert banzhaf_absolute(game) == tuple(Fraction(s, 2 ** (game.n - 1)) for s in swings)
    assert sum(banzhaf(game)) == 1


@settings(max_examples=150, deadline=None)
@given(small_games(max_n=6))
def test_shapley_matches_permutation_brute_force(game: WeightedGame) -> None:
    ss = shapley_shubik(game)
    assert ss == bf_shapley_by_permutations(game)
    assert sum(ss) == 1


@settings(max_examples=60, deadline=None)
@given(small_games(max_n=8))
def test_shapley_matches_coalition_brute_force(game: WeightedGame) -> None:
    ss = shapley_shubik(game)
    assert ss == bf_shapley_by_coalitions(game)
    assert sum(ss) == 1


@settings(max_examples=100, deadline=None)
@given(small_games(max_n=8))
def test_desirability_order(game: WeightedGame) -> None:
    """Heavier players of the same veto status, and veto holders, are never weaker."""
    ss, sw = shapley_shubik(game), banzhaf_swings(game)
    for i in range(game.n):
        for j in range(game.n):
            i_veto, j_veto = i in game.veto, j in game.veto
            if (i_veto == j_veto and game.weights[i] >= game.weights[j]) or (i_veto and not j_veto):
                assert ss[i] >= ss[j]
                assert sw[i] >= sw[j]


# --------------------------------------------------------------------------- #
# Larger bodies
# --------------------------------------------------------------------------- #


def test_thirty_member_body() -> None:
    weights = tuple([9, 9, 7, 7, 7, 5, 5, 5, 5, 4] + [3] * 8 + [2] * 6 + [1] * 6)
    assert len(weights) == 30
    game = WeightedGame(weights, quota=sum(weights) * 2 // 3 + 1, veto=frozenset({0, 1}))
    ss, bz = shapley_shubik(game), banzhaf(game)
    assert sum(ss) == 1
    assert sum(bz) == 1
    for i in range(30):
        for j in range(30):
            same_class = (i in game.veto) == (j in game.veto)
            if same_class and weights[i] == weights[j]:
                assert ss[i] == ss[j]
                assert bz[i] == bz[j]
    assert ss[0] > ss[2] > ss[5] > ss[10] > ss[18] > ss[24] > 0


def test_general_assembly_equal_weights() -> None:
    game = WeightedGame((1,) * 193, quota=129)
    ss = shapley_shubik(game)
    assert sum(ss) == 1
    assert set(ss) == {Fraction(1, 193)}
    swings = banzhaf_swings(game)
    assert set(swings) == {comb(192, 128)}  # exactly 128 of the other 192 vote yes
    assert set(banzhaf(game)) == {Fraction(1, 193)}
    assert sum(banzhaf(game)) == 1
