"""Literal pure-Python reference for :mod:`sim.model.bargaining`.

Lists and nested loops that follow the equations one actor at a time, with no algebraic
shortcuts: the win probability sums votes over every third actor (O(n^3) per round) and the
median is found as a Condorcet winner by checking pairwise votes.  It is deliberately slow:
the tests use it as an oracle for the array implementation and
:mod:`sim.devtools.bench_bargaining` uses it as the naive baseline.

It pins exactly the same readings as the array module (see its docstring): P = 0 when the
vote denominator is numerically zero, ``EU_ij = 0`` for equal positions, the offer rules,
smallest-move offer choice with ties to the lowest index, and the shared tolerance ``TOL``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sim.model.bargaining import TOL

__all__ = [
    "MoveTuple",
    "reference_expected_utilities",
    "reference_mean",
    "reference_median",
    "reference_moves",
    "reference_risk_exponents",
    "reference_round",
    "reference_win_probabilities",
]

Matrix = list[list[float]]
MoveTuple = tuple[int, str, int, float, float]
"""(actor, kind, toward, old position, new position)."""


def _floats(values: Sequence[float]) -> list[float]:
    return [float(v) for v in values]


def _weights(c: Sequence[float], s: Sequence[float]) -> list[float]:
    return [float(ci) * float(si) for ci, si in zip(c, s, strict=True)]


def _span(x: list[float]) -> float:
    return max(x) - min(x)


def reference_median(x: Sequence[float], w: Sequence[float]) -> float:
    """Leftmost Condorcet winner of the pairwise votes v(j, k) among the actor positions."""
    xs, ws = _floats(x), _floats(w)
    n = len(xs)
    total = 0.0
    for wi in ws:
        total += wi
    if total <= 0.0:
        ws = [1.0] * n
        total = float(n)
    delta = _span(xs)
    if delta == 0.0:
        return xs[0]
    for j in sorted(range(n), key=lambda idx: xs[idx]):
        beats_all = True
        for k in range(n):
            vote = 0.0
            for i in range(n):
                vote += ws[i] * (abs(xs[i] - xs[k]) - abs(xs[i] - xs[j])) / delta
            if vote < -TOL * total:
                beats_all = False
                break
        if beats_all:
            return xs[j]
    raise AssertionError("a weighted median always exists")  # pragma: no cover


def reference_mean(x: Sequence[float], w: Sequence[float]) -> float:
    """Weighted mean, plain mean when the total weight is zero."""
    xs, ws = _floats(x), _floats(w)
    total = 0.0
    moment = 0.0
    for xi, wi in zip(xs, ws, strict=True):
        total += wi
        moment += wi * xi
    if total <= 0.0:
        return sum(xs) / len(xs)
    return moment / total


def reference_win_probabilities(x: Sequence[float], w: Sequence[float]) -> Matrix:
    """P[i][j] = max(0, Σ_k w_k (|x_k - x_j| - |x_k - x_i|)) / Σ_k w_k ||...||, else 0."""
    xs, ws = _floats(x), _floats(w)
    n = len(xs)
    total_weight = sum(ws)
    delta = _span(xs)
    p = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            top = 0.0
            bottom = 0.0
            for k in range(n):
                vote = abs(xs[k] - xs[j]) - abs(xs[k] - xs[i])
                top += ws[k] * vote
                bottom += ws[k] * abs(vote)
            if bottom > TOL * total_weight * delta:
                p[i][j] = min(1.0, max(0.0, top) / bottom)
    return p


def _expected_utilities(
    xs: list[float], ss: list[float], p: Matrix, r: list[float], delta: float
) -> Matrix:
    n = len(xs)
    eu = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if delta == 0.0 or xs[i] == xs[j]:
                continue
            d = abs(xs[i] - xs[j]) / delta
            u_s = 2.0 - 4.0 * (0.5 - 0.5 * d) ** r[i]
            u_f = 2.0 - 4.0 * (0.5 + 0.5 * d) ** r[i]
            u_sq = 2.0 - 4.0 * 0.5 ** r[i]
            eu[i][j] = ss[j] * (p[i][j] * u_s + (1.0 - p[i][j]) * u_f) + (1.0 - ss[j]) * u_s - u_sq
    return eu


def reference_expected_utilities(
    x: Sequence[float], c: Sequence[float], s: Sequence[float], r: Sequence[float]
) -> Matrix:
    """EU[i][j]: i's expected utility of challenging j with risk exponents r."""
    xs, ss = _floats(x), _floats(s)
    p = reference_win_probabilities(xs, _weights(c, s))
    return _expected_utilities(xs, ss, p, _floats(r), _span(xs))


def _risk(eu: Matrix) -> list[float]:
    n = len(eu)
    security = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            if j != i:
                total += eu[j][i]
        security.append(total)
    s_max = max(security)
    s_min = min(security)
    r = []
    for i in range(n):
        if s_max - s_min <= TOL * max(1.0, max(abs(v) for v in security)):
            big_r = 0.0
        else:
            big_r = (2.0 * security[i] - s_max - s_min) / (s_max - s_min)
        r.append((1.0 - big_r / 3.0) / (1.0 + big_r / 3.0))
    return r


def reference_risk_exponents(
    x: Sequence[float], c: Sequence[float], s: Sequence[float]
) -> list[float]:
    """Risk exponents from security levels computed with r = 1."""
    xs = _floats(x)
    return _risk(reference_expected_utilities(xs, c, s, [1.0] * len(xs)))


def reference_moves(x: Sequence[float], c: Sequence[float], s: Sequence[float]) -> list[MoveTuple]:
    """Accepted offers of one round as (actor, kind, toward, old, new), in actor order."""
    xs, ss = _floats(x), _floats(s)
    ws = _weights(c, s)
    n = len(xs)
    delta = _span(xs)
    if delta == 0.0 or sum(ws) <= 0.0:
        return []
    p = reference_win_probabilities(xs, ws)
    eu_neutral = _expected_utilities(xs, ss, p, [1.0] * n, delta)
    r = _risk(eu_neutral)
    eu = _expected_utilities(xs, ss, p, r, delta)

    moves: list[MoveTuple] = []
    for i in range(n):
        offers: list[tuple[str, int, float]] = []
        for j in range(n):
            eu_ij = eu[i][j]
            eu_ji = eu[j][i]
            if eu_ij > TOL and eu_ji > TOL and eu_ji > eu_ij + TOL:
                offers.append(("confrontation", j, xs[j]))
            elif eu_ij < -TOL and eu_ji > TOL:
                if abs(eu_ij) < eu_ji - TOL:
                    offers.append(("compromise", j, xs[i] + (xs[j] - xs[i]) * abs(eu_ij / eu_ji)))
                else:
                    offers.append(("capitulation", j, xs[j]))
        if not offers:
            continue
        shortest = min(abs(new - xs[i]) for _, _, new in offers)
        for kind, j, new in offers:
            if abs(new - xs[i]) <= shortest + TOL * delta:
                moves.append((i, kind, j, xs[i], new))
                break
    return moves


def reference_round(
    x: Sequence[float], c: Sequence[float], s: Sequence[float]
) -> tuple[list[float], float, float]:
    """One round: (new positions, weighted median and weighted mean of the new positions)."""
    positions = _floats(x)
    for actor, _, _, _, new in reference_moves(x, c, s):
        positions[actor] = new
    ws = _weights(c, s)
    return positions, reference_median(positions, ws), reference_mean(positions, ws)
