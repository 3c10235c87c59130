"""Tests for the expected-utility bargaining model (sim.model.bargaining).

The literal loop version in sim.devtools.reference_bargaining serves as the oracle.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.devtools.reference_bargaining import (
    reference_expected_utilities,
    reference_mean,
    reference_median,
    reference_moves,
    reference_risk_exponents,
    reference_round,
    reference_win_probabilities,
)
from sim.model.bargaining import (
    Forecast,
    Move,
    RoundResult,
    bargaining_round,
    expected_utilities,
    forecast,
    risk_exponents,
    weighted_mean,
    weighted_median,
    win_probabilities,
)

# EC car emissions (Bueno de Mesquita 1994): capability, position (4-10), salience.
EC_NAMES = ("NL", "BE", "LU", "DE", "FR", "IT", "UK", "IE", "DK", "GR")
EC_C = [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08]
EC_X = [4.0, 7.0, 4.0, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0]
EC_S = [0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7]
NL, BE, LU, DE, FR, IT, UK, IE, DK, GR = range(10)


def ec_weights() -> np.ndarray:
    return np.array(EC_C) * np.array(EC_S)


# ----------------------------------------------------------------------------------------
# Strategies
# ----------------------------------------------------------------------------------------

# Positions are built from gaps that are either exactly zero (shared positions) or at least
# 1e-3, and weights are zero or at least 1e-2: the model's decisions are discontinuous at
# ties, so the oracle comparison needs inputs whose pairwise votes are not dominated by
# rounding noise.  Exact ties (equal positions, equal weights, symmetric layouts) still occur
# often and both versions must treat them identically.
_gap = st.one_of(st.just(0.0), st.floats(1e-3, 3.0))
_weight = st.one_of(st.just(0.0), st.just(1.0), st.floats(1e-2, 1.0))


@st.composite
def issues(draw: st.DrawFn, min_n: int = 2, max_n: int = 12) -> tuple[list[float], ...]:
    n = draw(st.integers(min_n, max_n))
    start = draw(st.floats(0.0, 10.0))
    x = [start]
    for gap in draw(st.lists(_gap, min_size=n - 1, max_size=n - 1)):
        x.append(x[-1] + gap)
    x = draw(st.permutations(x))
    c = draw(st.lists(_weight, min_size=n, max_size=n))
    s = draw(st.lists(_weight, min_size=n, max_size=n))
    return x, c, s


@st.composite
def raw_positions_weights(draw: st.DrawFn) -> tuple[list[float], list[float]]:
    """Unconstrained (normal) floats, including nearly coincident positions."""
    n = draw(st.integers(2, 12))
    pos = st.one_of(
        st.floats(0.0, 10.0, allow_subnormal=False), st.sampled_from([0.0, 2.5, 5.0, 10.0])
    )
    x = draw(st.lists(pos, min_size=n, max_size=n))
    w = draw(st.lists(st.floats(0.0, 1.0, allow_subnormal=False), min_size=n, max_size=n))
    return x, w


def vote_sums(x: list[float], w: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Net and absolute votes N[i, j], D[i, j] by brute force (O(n^3) broadcasting)."""
    xa, wa = np.array(x), np.array(w)
    votes = np.abs(xa[None, None, :] - xa[None, :, None]) - np.abs(
        xa[None, None, :] - xa[:, None, None]
    )  # votes[i, j, k] = |x_k - x_j| - |x_k - x_i|
    return (wa * votes).sum(axis=2), (wa * np.abs(votes)).sum(axis=2)


# ----------------------------------------------------------------------------------------
# EC reference dataset
# ----------------------------------------------------------------------------------------


def test_ec_round_zero_reference_values() -> None:
    w = ec_weights()
    assert w.sum() == pytest.approx(0.677, abs=1e-12)
    assert weighted_mean(EC_X, w) == pytest.approx(7.389955686853767, abs=1e-12)
    assert weighted_median(EC_X, w) == 7.0
    assert max(EC_X) - min(EC_X) == 6.0


def test_ec_median_is_the_condorcet_winner() -> None:
    w = ec_weights()
    assert reference_median(EC_X, w) == 7.0
    assert reference_mean(EC_X, w) == pytest.approx(7.389955686853767, abs=1e-12)
    votes = [
        sum(wi * (abs(xi - xk) - abs(xi - 7.0)) for wi, xi in zip(w, EC_X, strict=True))
        for xk in EC_X
    ]
    assert min(votes) == pytest.approx(0.0, abs=1e-15)  # beats 4 and 10, ties itself


def test_ec_win_probabilities_by_hand() -> None:
    # Weight at 4: .248, at 7: .093, at 10: .336.  F(y) = sum_k w_k |x_k - y|:
    # F(4) = 3(.093) + 6(.336) = 2.295, F(7) = 3(.248 + .336) = 1.752, F(10) = 1.767.
    # Nobody sits strictly between 4 and 7 or 7 and 10, so D = 3 * 0.677 = 2.031.
    p = win_probabilities(EC_X, ec_weights())
    assert p[BE, NL] == pytest.approx((2.295 - 1.752) / 2.031, abs=1e-12)
    assert p[NL, BE] == 0.0
    assert p[BE, FR] == pytest.approx((1.767 - 1.752) / 2.031, abs=1e-12)
    assert p[FR, BE] == 0.0
    assert p[NL, DE] == 0.0  # same position: no contest
    np.testing.assert_allclose(p, reference_win_probabilities(EC_X, ec_weights()), atol=1e-12)


def test_ec_first_round() -> None:
    result = bargaining_round(EC_X, EC_C, EC_S)
    summary = [(EC_NAMES[m.actor], m.kind, EC_NAMES[m.toward]) for m in result.moves]
    assert summary == [
        ("BE", "compromise", "NL"),
        ("LU", "compromise", "GR"),
        ("IE", "compromise", "NL"),
    ]
    r = risk_exponents(EC_X, EC_C, EC_S)
    eu = expected_utilities(EC_X, EC_C, EC_S, r)
    belgium = result.moves[0]
    assert belgium.old == 7.0
    assert belgium.new == pytest.approx(7.0 + (4.0 - 7.0) * abs(eu[BE, NL] / eu[NL, BE]))
    assert belgium.new == pytest.approx(5.1525, abs=1e-4)

    positions, median, mean = reference_round(EC_X, EC_C, EC_S)
    np.testing.assert_allclose(result.positions, positions, rtol=0, atol=1e-12)
    assert result.median == median == 7.0
    assert result.mean == pytest.approx(mean, abs=1e-12)
    assert [(m.actor, m.kind, m.toward) for m in result.moves] == [
        (a, k, t) for a, k, t, _, _ in reference_moves(EC_X, EC_C, EC_S)
    ]


def test_ec_round_is_deterministic() -> None:
    first = bargaining_round(EC_X, EC_C, EC_S)
    second = bargaining_round(np.array(EC_X), np.array(EC_C), np.array(EC_S))
    assert first.positions.tobytes() == second.positions.tobytes()
    assert first.moves == second.moves
    assert (first.median, first.mean) == (second.median, second.mean)


def test_ec_forecast_is_capped_and_does_not_converge() -> None:
    result = forecast(EC_X, EC_C, EC_S, max_rounds=10)
    assert isinstance(result, Forecast)
    assert len(result.rounds) == 10
    assert not result.converged
    belgium = [r.positions[BE] for r in result.rounds]
    # Belgium compromises toward the Netherlands every round, geometrically, never arriving.
    assert all(a > b > 4.0 for a, b in itertools.pairwise(belgium))
    assert all(r.moves[0].actor == BE and r.moves[0].toward == NL for r in result.rounds)
    for big in (NL, DE, DK, FR, IT, UK, GR):
        assert all(r.positions[big] == EC_X[big] for r in result.rounds)
    assert all(r.median == 7.0 for r in result.rounds)
    assert result.median == 7.0
    assert result.mean == result.rounds[-1].mean == pytest.approx(7.2485, abs=1e-4)
    np.testing.assert_array_equal(result.final_positions, result.rounds[-1].positions)


def test_ec_belgium_oscillates() -> None:
    """Checked against the reference: once Belgium is numerically at 4 it joins the Dutch
    position exactly, the 4-bloc stops shielding it and Greece pulls it back to 7."""
    rounds = 40
    result = forecast(EC_X, EC_C, EC_S, max_rounds=rounds)
    assert len(result.rounds) == rounds and not result.converged

    positions = list(EC_X)
    trajectory = []
    for _ in range(rounds):
        positions, _, _ = reference_round(positions, EC_C, EC_S)
        trajectory.append(positions)
    np.testing.assert_allclose([r.positions for r in result.rounds], trajectory, rtol=0, atol=1e-9)

    belgium = [r.positions[BE] for r in result.rounds]
    arrived = belgium.index(4.0)
    back = belgium.index(7.0, arrived)
    assert arrived < back < rounds
    assert [(m.kind, m.toward) for m in result.rounds[back].moves if m.actor == BE] == [
        ("capitulation", GR)
    ]


# ----------------------------------------------------------------------------------------
# Hand-checked small cases
# ----------------------------------------------------------------------------------------


def test_capitulation_by_hand() -> None:
    # w = (1, 1, 0.1), Δ = 1.  P_02 = 1.9 / 2.1 = 19/21, P_20 = 0.  With r = 1:
    # EU_02 = 2(2P - 1) = 34/21, EU_20 = -2, so S = (-2, -2, 68/21) and r = (2, 2, 0.5).
    # Then EU_02 = 34/21 - 1 = 13/21 and EU_20 = -2 + 4/sqrt(2) - 2 = 2 sqrt(2) - 4:
    # |EU_20| > EU_02, so actor 2 capitulates (to actor 0: equal offers, lowest index).
    x, c, s = [0.0, 0.0, 1.0], [1.0, 1.0, 0.1], [1.0, 1.0, 1.0]
    p = win_probabilities(x, np.array(c) * np.array(s))
    assert p[0, 2] == pytest.approx(19 / 21) and p[2, 0] == 0.0
    r = risk_exponents(x, c, s)
    np.testing.assert_allclose(r, [2.0, 2.0, 0.5], rtol=0, atol=1e-12)
    eu = expected_utilities(x, c, s, r)
    assert eu[0, 2] == pytest.approx(13 / 21, abs=1e-12)
    assert eu[2, 0] == pytest.approx(2 * math.sqrt(2) - 4, abs=1e-12)

    result = forecast(x, c, s)
    assert result.converged and len(result.rounds) == 2
    assert result.rounds[0].moves == (Move(2, "capitulation", 0, 1.0, 0.0),)
    assert result.rounds[1].moves == ()
    np.testing.assert_array_equal(result.final_positions, [0.0, 0.0, 0.0])
    assert (result.median, result.mean) == (0.0, 0.0)


def test_confrontation_matches_reference() -> None:
    x, c, s = [0.0, 3.0, 10.0], [0.5, 0.2, 0.3], [0.9, 0.5, 0.8]
    result = bargaining_round(x, c, s)
    assert result.moves == (Move(2, "confrontation", 1, 10.0, 3.0),)
    assert reference_moves(x, c, s) == [(2, "confrontation", 1, 10.0, 3.0)]
    eu = expected_utilities(x, c, s, risk_exponents(x, c, s))
    assert 0.0 < eu[2, 1] < eu[1, 2]


def test_median_tie_rule_returns_the_lower_median() -> None:
    assert weighted_median([2.0, 1.0], [1.0, 1.0]) == 1.0
    assert weighted_median([3.0, 1.0, 2.0], [1.0, 0.0, 1.0]) == 2.0
    assert weighted_median([0.0, 1.0, 2.0, 3.0], [0.1, 0.2, 0.3, 0.0]) == 1.0  # 0.3 vs 0.3
    assert reference_median([0.0, 1.0, 2.0, 3.0], [0.1, 0.2, 0.3, 0.0]) == 1.0


# ----------------------------------------------------------------------------------------
# Agreement with the reference
# ----------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(issues())
def test_array_version_matches_reference(issue: tuple[list[float], ...]) -> None:
    x, c, s = issue
    w = [ci * si for ci, si in zip(c, s, strict=True)]
    np.testing.assert_allclose(
        win_probabilities(x, w), reference_win_probabilities(x, w), rtol=0, atol=1e-9
    )
    r = risk_exponents(x, c, s)
    r_ref = reference_risk_exponents(x, c, s)
    np.testing.assert_allclose(r, r_ref, rtol=0, atol=1e-9)
    np.testing.assert_allclose(
        expected_utilities(x, c, s, r),
        reference_expected_utilities(x, c, s, r_ref),
        rtol=0,
        atol=1e-9,
    )

    result = bargaining_round(x, c, s)
    moves = reference_moves(x, c, s)
    assert [(m.actor, m.kind, m.toward) for m in result.moves] == [m[:3] for m in moves]
    np.testing.assert_allclose([m.new for m in result.moves], [m[4] for m in moves], atol=1e-9)
    positions, median, mean = reference_round(x, c, s)
    np.testing.assert_allclose(result.positions, positions, rtol=0, atol=1e-9)
    assert result.median == pytest.approx(median, abs=1e-9)
    assert result.mean == pytest.approx(mean, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(raw_positions_weights())
def test_win_probabilities_agree_within_rounding(data: tuple[list[float], list[float]]) -> None:
    """For arbitrary floats (nearly coincident positions too) the two versions agree to within
    the rounding error of the literal sums, about eps * W * max|x| / D_ij."""
    x, w = data
    _, d = vote_sums(x, w)
    scale = sum(w) * max(abs(v) for v in x)
    with np.errstate(divide="ignore", over="ignore"):
        condition = np.where(d > 0.0, scale / np.where(d > 0.0, d, 1.0), np.inf)
    error = np.abs(win_probabilities(x, w) - np.array(reference_win_probabilities(x, w)))
    assert np.all(error <= 1e-9 + 1e-13 * condition)


# ----------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(issues())
def test_win_probability_properties(issue: tuple[list[float], ...]) -> None:
    x, c, s = issue
    w = [ci * si for ci, si in zip(c, s, strict=True)]
    p = win_probabilities(x, w)
    assert np.all((p >= 0.0) & (p <= 1.0))
    assert np.all(np.diag(p) == 0.0)
    assert np.all(np.minimum(p, p.T) == 0.0)  # at most one side is favoured
    n_votes, d_votes = vote_sums(x, w)
    defined = d_votes > 1e-9
    # P_ij + P_ji is the unanimity of the vote |N| / D: 1 exactly when nobody dissents.
    np.testing.assert_allclose(
        (p + p.T)[defined], np.abs(n_votes[defined]) / d_votes[defined], atol=1e-9
    )
    xa, wa = np.array(x), np.array(w)
    for i, j in np.argwhere(defined):
        votes = wa * (np.abs(xa - xa[j]) - np.abs(xa - xa[i]))
        if np.all(votes >= 0.0) or np.all(votes <= 0.0):
            assert p[i, j] + p[j, i] == pytest.approx(1.0, abs=1e-9)


def test_unanimous_contest_probabilities_sum_to_one() -> None:
    x, w = [0.0, 1.0, 5.0], [1.0, 1.0, 0.0]  # the only weight sits at or left of actor 1
    p = win_probabilities(x, w)
    assert p[1, 2] == pytest.approx(1.0) and p[2, 1] == 0.0
    assert p[0, 2] == pytest.approx(1.0) and p[2, 0] == 0.0


@settings(max_examples=100, deadline=None)
@given(issues())
def test_risk_exponents_in_range(issue: tuple[list[float], ...]) -> None:
    r = risk_exponents(*issue)
    assert np.all((r >= 0.5 - 1e-12) & (r <= 2.0 + 1e-12))
    # The most exposed actor is the most risk acceptant (0.5), the most secure the most
    # risk averse (2), unless every security level is the same (all 1).
    if not np.allclose(r, 1.0):
        assert r.min() == pytest.approx(0.5) and r.max() == pytest.approx(2.0)


@settings(max_examples=100, deadline=None)
@given(issues(min_n=1))
def test_weighted_median_is_a_condorcet_winner(issue: tuple[list[float], ...]) -> None:
    x, c, s = issue
    xa = np.array(x)
    w = np.array(c) * np.array(s)
    if w.sum() == 0.0:
        w = np.ones_like(w)
    median = weighted_median(x, w)
    assert median in x
    far = np.abs(xa[:, None] - xa[None, :]) @ w  # far[k] = sum_i w_i |x_i - x_k|
    at_median = float(np.abs(xa - median) @ w)
    assert np.all(at_median <= far + 1e-9)  # nobody beats it in a pairwise vote
    total = w.sum()
    assert w[xa < median].sum() < total / 2 + 1e-9 <= w[xa <= median].sum() + 2e-9


@settings(max_examples=100, deadline=None)
@given(issues())
def test_moves_go_toward_the_offering_actor(issue: tuple[list[float], ...]) -> None:
    x, c, s = issue
    result = bargaining_round(x, c, s)
    assert [m.actor for m in result.moves] == sorted({m.actor for m in result.moves})
    moved = {m.actor for m in result.moves}
    for m in result.moves:
        target = x[m.toward]
        assert m.old == x[m.actor] != target
        assert min(m.old, target) <= m.new <= max(m.old, target)
        if m.kind != "compromise":
            assert m.new == target
        assert result.positions[m.actor] == m.new
    for i, xi in enumerate(x):
        if i not in moved:
            assert result.positions[i] == xi
    assert result.median == weighted_median(result.positions, np.array(c) * np.array(s))


# ----------------------------------------------------------------------------------------
# Degenerate inputs and validation
# ----------------------------------------------------------------------------------------


def test_all_positions_equal() -> None:
    x, c, s = [3.0] * 4, [0.1, 0.2, 0.3, 0.4], [1.0, 0.5, 0.5, 0.2]
    result = bargaining_round(x, c, s)
    assert result.moves == ()
    np.testing.assert_array_equal(result.positions, x)
    assert result.median == result.mean == 3.0
    assert np.all(win_probabilities(x, c) == 0.0)
    assert np.all(expected_utilities(x, c, s, [1.0] * 4) == 0.0)
    np.testing.assert_array_equal(risk_exponents(x, c, s), np.ones(4))
    run = forecast(x, c, s)
    assert run.converged and len(run.rounds) == 1


def test_one_actor() -> None:
    result = bargaining_round([2.5], [1.0], [0.5])
    assert result.moves == () and result.positions.tolist() == [2.5]
    assert result.median == result.mean == 2.5
    assert win_probabilities([2.5], [0.5]).tolist() == [[0.0]]
    assert risk_exponents([2.5], [1.0], [0.5]).tolist() == [1.0]
    assert forecast([2.5], [1.0], [0.5]).converged


@pytest.mark.parametrize(
    ("c", "s"),
    [([0.0, 0.0, 0.0, 0.0], [1.0, 0.5, 0.2, 1.0]), ([1.0, 0.5, 0.2, 1.0], [0.0, 0.0, 0.0, 0.0])],
)
def test_zero_total_weight(c: list[float], s: list[float]) -> None:
    x = [0.0, 1.0, 5.0, 9.0]
    result = bargaining_round(x, c, s)
    assert result.moves == ()
    np.testing.assert_array_equal(result.positions, x)
    assert result.median == 1.0  # plain lower median
    assert result.mean == 3.75  # plain mean
    assert reference_round(x, c, s) == (x, 1.0, 3.75)
    assert np.all(win_probabilities(x, np.array(c) * np.array(s)) == 0.0)
    assert forecast(x, c, s).converged


def test_inputs_are_not_modified_and_results_are_read_only() -> None:
    x = np.array(EC_X)
    result = bargaining_round(x, EC_C, EC_S)
    assert x.tolist() == EC_X
    assert isinstance(result, RoundResult)
    with pytest.raises(ValueError):
        result.positions[0] = 1.0


@pytest.mark.parametrize(
    ("x", "c", "s", "message"),
    [
        ([1.0, 2.0], [1.0], [1.0, 1.0], "same length"),
        ([], [], [], "at least one"),
        ([1.0, math.nan], [1.0, 1.0], [1.0, 1.0], "finite"),
        ([1.0, 2.0], [1.0, math.inf], [1.0, 1.0], "finite"),
        ([1.0, 2.0], [1.0, -0.1], [1.0, 1.0], "non-negative"),
        ([1.0, 2.0], [1.0, 1.0], [-0.5, 1.0], "non-negative"),
        ([1.0, 2.0], [1.0, 1.0], [1.5, 1.0], r"\[0, 1\]"),
        ([[1.0, 2.0]], [[1.0, 1.0]], [[1.0, 1.0]], "one-dimensional"),
    ],
)
def test_invalid_inputs(x: list[float], c: list[float], s: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bargaining_round(x, c, s)
    with pytest.raises(ValueError, match=message):
        forecast(x, c, s)
    with pytest.raises(ValueError, match=message):
        risk_exponents(x, c, s)


def test_invalid_parameters() -> None:
    with pytest.raises(ValueError, match="same length"):
        weighted_median([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="non-negative"):
        weighted_mean([1.0, 2.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="non-negative"):
        win_probabilities([1.0, 2.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="positive"):
        expected_utilities([1.0, 2.0], [1.0, 1.0], [1.0, 1.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="same length"):
        expected_utilities([1.0, 2.0], [1.0, 1.0], [1.0, 1.0], [1.0])
    with pytest.raises(ValueError, match="max_rounds"):
        forecast(EC_X, EC_C, EC_S, max_rounds=0)
    with pytest.raises(ValueError, match="tol"):
        forecast(EC_X, EC_C, EC_S, tol=-1.0)
