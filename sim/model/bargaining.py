"""Bueno de Mesquita expected-utility bargaining model, formulated over numpy arrays.

The model follows the reconstruction by Scholz, Calbert & Smith (2011, "Unravelling Bueno De
Mesquita's group decision model", J. Theoretical Politics 23(4)), with Q = T = 1 so the
"better"/"worse" utilities vanish.  Actor ``i`` has a position ``x_i`` on one issue dimension,
a capability ``c_i >= 0`` and a salience ``s_i`` in [0, 1]; ``w_i = c_i * s_i`` is the weight
the actor brings to a vote.  ``Δ = max(x) - min(x)`` is the range of the *current* positions
(recomputed every round, so utilities are always normalised to the spread still in play).

Everything is computed for all pairs at once.  A literal per-actor reconstruction is O(n^3)
per round; here a round is O(n^2 log n).  For a pair at ``a < b`` (gap ``h = b - a``,
midpoint ``m``) every actor's vote ``|x_k - x_j| - |x_k - x_i|`` is known in closed form:
``±h`` for actors at or outside ``a`` and ``b``, ``±2 (m - x_k)`` for actors strictly inside.
So both the net vote ``N_ij = Σ_k w_k (|x_k - x_j| - |x_k - x_i|)`` and the absolute vote
``D_ij = Σ_k w_k ||x_k - x_j| - |x_k - x_i||`` are range sums over the positions sorted once:
the weight outside each end (prefix sums of ``w``) and, inside, the sums of ``w_k`` and
``w_k (x_k - a)`` left and right of ``m``.  The range ends come from ``np.searchsorted``; the
inner sums come from an n x n table of prefix sums of ``w_k (x_k - x_p)`` taken relative to
every possible left end ``x_p``, so rounding errors scale with ``h`` instead of with the
absolute positions (plain prefix sums of ``w x`` lose accuracy for nearby pairs).  Weights
are normalised to sum to one first; ``P`` does not depend on their scale.

``sim.devtools.reference_bargaining`` is the literal loop version; the tests check that both
agree.

Readings pinned by this module (the reference implementation follows the same ones)
-----------------------------------------------------------------------------------
Numerical ties.  ``TOL = 1e-12`` separates "equal" from "different" wherever a decision
depends on a comparison, so that values that are equal in exact arithmetic but differ by
rounding noise behave as equal:

* expected utilities within ``TOL`` of zero count as zero, and ``EU_ji`` must exceed
  ``EU_ij`` by more than ``TOL`` to count as larger;
* a vote denominator ``D_ij <= TOL * W * Δ`` (``W = Σ w``) counts as zero;
* security levels whose spread is ``<= TOL * max(1, max|S|)`` count as all equal;
* cumulative weight within ``TOL * W`` of one half counts as reaching it;
* offers whose move lengths differ by at most ``TOL * Δ`` count as equally small.

Median.  The c·s-weighted median is the smallest actor position at which the cumulative
weight (positions sorted ascending) reaches half of the total.  This is the leftmost
Condorcet winner of the pairwise votes ``v(j, k)``: on an exact even split every position
between the lower and the upper median ties, and the lower one is returned.  With zero total
weight every actor counts equally (the plain lower median and plain mean are returned).

Win probability.  The maximum is taken over the whole sum (as in D. Masad's replication
code of Scholz et al.)::

    P_ij = max(0, Σ_k w_k (|x_k - x_j| - |x_k - x_i|)) / Σ_k w_k ||x_k - x_j| - |x_k - x_i||

so at most one of ``P_ij``, ``P_ji`` is positive and ``P_ij + P_ji = |N_ij| / D_ij <= 1``,
with equality only when no weighted actor votes against the favoured side.  (Scholz et al.
print the sum of the *positive* votes only, ``Σ_{k: v_k > 0} v_k / Σ_k |v_k|``, which would
give ``P_ij + P_ji = 1``; Masad's code notes that this form did not reproduce BDM's numbers.
Switching would be one line here and one in the reference: ``P = (N + D) / (2 D)``.)
When the denominator is (numerically) zero -- ``i == j``, equal positions, zero total weight,
or all weight exactly at the pair's midpoint -- no actor prefers either side and
``P_ij = 0``, the same value the formula gives for a balanced vote.

Expected utility.  ``EU_ij`` is i's expected utility of challenging j, from i's point of
view, using i's risk exponent and j's salience::

    U_s  = 2 - 4 (0.5 - 0.5 |x_i - x_j| / Δ) ** r_i
    U_f  = 2 - 4 (0.5 + 0.5 |x_i - x_j| / Δ) ** r_i
    U_sq = 2 - 4 * 0.5 ** r_i
    EU_ij = s_j (P_ij U_s + (1 - P_ij) U_f) + (1 - s_j) U_s - U_sq

``EU_ij = 0`` when ``x_i == x_j`` (no contest), and ``Δ = 0`` makes every ``EU_ij = 0``.

Risk.  Expected utilities are first computed with ``r = 1``; the security level of i is
``S_i = Σ_{j != i} EU_ji`` (what everybody else expects from challenging i);
``R_i = (2 S_i - S_max - S_min) / (S_max - S_min)`` (0 if all S are equal) and
``r_i = (1 - R_i / 3) / (1 + R_i / 3)``, which lies in [0.5, 2].  Win probabilities do not
depend on r and are computed once per round.

Offers.  For an ordered pair (i, j), with ``A = EU_ij`` (i challenging j) and ``B = EU_ji``
(j challenging i), j makes i an offer when

* confrontation: ``A > 0``, ``B > 0`` and ``B > A``: both expect to gain, j expects more,
  i loses and moves to ``x_j`` (equal expectations are a stalemate: nobody moves);
* compromise: ``A < 0 < B`` and ``|A| < B``: i moves to ``x_i + (x_j - x_i) |A / B|``;
* capitulation: ``A < 0 < B`` and ``|A| >= B``: i moves to ``x_j``.  (The boundary
  ``|A| == B`` counts as capitulation; there the compromise formula also gives ``x_j``, so
  the new position is continuous across the boundary and only the label changes.)

The case ``A > 0 > B`` is j being pressed by i, i.e. the same rules for the pair (j, i).
Each actor accepts the one offer that requires the smallest move; equally small moves go to
the lowest index j.  All actors move simultaneously, based on the positions at the start of
the round.  A round with ``Δ = 0`` (all positions equal) or zero total weight (nobody can
exert any pressure) moves nobody.

Forecast.  Rounds repeat until no position changes by more than ``tol`` (converged) or
``max_rounds`` rounds have been played (not converged).  Some configurations never settle,
so the cap is essential.  In the EC car-emissions dataset (BDM 1994) Belgium compromises
toward the Netherlands (4) by a constant fraction each round; once it is within rounding
distance it lands exactly on 4, is no longer shielded by the actors there (equal positions do
not contest) and Greece pulls it back to 7, after which the approach starts again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "TOL",
    "Forecast",
    "Move",
    "MoveKind",
    "RoundResult",
    "bargaining_round",
    "expected_utilities",
    "forecast",
    "risk_exponents",
    "round_positions",
    "weighted_mean",
    "weighted_median",
    "win_probabilities",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MoveKind = Literal["confrontation", "compromise", "capitulation"]

TOL: float = 1e-12
"""Tolerance that separates "equal" from "different" in every decision (see module doc)."""


# --------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------


def _vector(name: str, values: npt.ArrayLike) -> FloatArray:
    """Return ``values`` as a fresh 1-D float64 array; reject empty or non-finite input."""
    arr = np.array(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must contain at least one actor")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite")
    return arr


def _same_length(**arrays: FloatArray) -> None:
    sizes = {name: arr.size for name, arr in arrays.items()}
    if len(set(sizes.values())) > 1:
        raise ValueError(f"inputs must have the same length, got {sizes}")


def _non_negative(name: str, arr: FloatArray) -> None:
    if np.any(arr < 0.0):
        raise ValueError(f"{name} must be non-negative")


def _actors(
    x: npt.ArrayLike, c: npt.ArrayLike, s: npt.ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Validate positions, capabilities and saliences of one issue."""
    xa, ca, sa = _vector("x", x), _vector("c", c), _vector("s", s)
    _same_length(x=xa, c=ca, s=sa)
    _non_negative("c", ca)
    _non_negative("s", sa)
    if np.any(sa > 1.0):
        raise ValueError("s (salience) must lie in [0, 1]")
    return xa, ca, sa


def _positions_weights(x: npt.ArrayLike, w: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    xa, wa = _vector("x", x), _vector("w", w)
    _same_length(x=xa, w=wa)
    _non_negative("w", wa)
    return xa, wa


def _span(x: FloatArray) -> float:
    return float(np.max(x) - np.min(x))


# --------------------------------------------------------------------------------------
# Median and mean
# --------------------------------------------------------------------------------------


def weighted_median(x: npt.ArrayLike, w: npt.ArrayLike) -> float:
    """The w-weighted median of positions ``x``: the forecast outcome of a vote.

    Returns the smallest position at which the cumulative weight, positions sorted
    ascending, reaches at least half of the total (within ``TOL * W``).  That is the leftmost
    Condorcet winner of the pairwise votes ``v(j, k) = Σ_i w_i (|x_i - x_k| - |x_i - x_j|)``:
    on an exact even split the lower of the two median positions is returned.  With zero
    total weight every actor counts equally.
    """
    xa, wa = _positions_weights(x, w)
    return _weighted_median(xa, wa)


def _weighted_median(x: FloatArray, w: FloatArray) -> float:
    order = np.argsort(x, kind="stable")
    cum = np.cumsum(w[order])
    total = float(cum[-1])
    if total <= 0.0:
        cum = np.arange(1.0, x.size + 1.0)
        total = float(x.size)
    reached = cum >= 0.5 * total - TOL * total
    return float(x[order][int(np.argmax(reached))])


def weighted_mean(x: npt.ArrayLike, w: npt.ArrayLike) -> float:
    """The w-weighted mean of positions ``x`` (plain mean when the total weight is zero).

    Reported next to the median because the gap between them shows how lopsided the
    distribution of clout is.
    """
    xa, wa = _positions_weights(x, w)
    return _weighted_mean(xa, wa)


def _weighted_mean(x: FloatArray, w: FloatArray) -> float:
    total = float(np.sum(w))
    if total <= 0.0:
        return float(np.mean(x))
    return float(np.dot(w, x) / total)


# --------------------------------------------------------------------------------------
# Win probabilities
# --------------------------------------------------------------------------------------


def _vote_totals(x: FloatArray, w: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Net and absolute pairwise votes, and the distance matrix.

    Returns ``(net, total, dist)`` with ``net[i, j] = Σ_k w_k (|x_k - x_j| - |x_k - x_i|)``,
    ``total[i, j] = Σ_k w_k ||x_k - x_j| - |x_k - x_i||`` and ``dist[i, j] = |x_i - x_j|``,
    in O(n^2 log n) (see the module docstring).

    For a pair at ``a < b`` (``h = b - a``, midpoint ``m``) an actor at or left of ``a`` votes
    ``+h`` for the left one, an actor at or right of ``b`` votes ``-h``, and an actor strictly
    inside votes ``2 (m - x_k)``.  Inside sums are taken from a table of prefix sums of
    ``w_k (x_k - a)`` *relative to each possible left end* ``a``, so every rounding error
    stays proportional to ``h`` rather than to the absolute positions.
    """
    n = x.size
    dist: FloatArray = np.abs(x[:, None] - x[None, :])
    order = np.argsort(x, kind="stable")
    xs = x[order]
    ws = w[order]
    cum_w = np.concatenate(([0.0], np.cumsum(ws)))
    w_total = cum_w[-1]
    # rel[p, t] = Σ_{p < k < t} w_k (x_k - xs[p]), over positions sorted ascending.
    offsets = np.triu(ws[None, :] * (xs[None, :] - xs[:, None]), k=1)
    rel = np.zeros((n, n + 1))
    np.cumsum(offsets, axis=1, out=rel[:, 1:])

    # Sorted indices: [0, lo) at or left of a, [lo, hi) strictly inside, [hi, n) at or right
    # of b; [lo, mid) lie left of the midpoint.  xs[lo - 1] == a since a is a position.
    # The counts are monotone in position, so a pair's are the min / max of its actors'.
    at_or_left = np.searchsorted(xs, x, side="right")
    left_of = np.searchsorted(xs, x, side="left")
    lo = np.minimum(at_or_left[:, None], at_or_left[None, :])
    hi = np.maximum(np.maximum(left_of[:, None], left_of[None, :]), lo)
    lower = np.minimum(x[:, None], x[None, :])
    mid = np.clip(np.searchsorted(xs, lower + 0.5 * dist, side="left"), lo, hi)
    base = lo - 1

    outer_left = cum_w[lo]
    outer_right = w_total - cum_w[hi]
    rel_mid = rel[base, mid]
    # Σ_{[lo, mid)} w_k (m - x_k) and Σ_{[mid, hi)} w_k (x_k - m): non-negative in exact
    # arithmetic, clipped so rounding cannot make |net| exceed total.
    left = np.maximum(0.5 * dist * (cum_w[mid] - cum_w[lo]) - rel_mid, 0.0)
    right = np.maximum((rel[base, hi] - rel_mid) - 0.5 * dist * (cum_w[hi] - cum_w[mid]), 0.0)

    toward_lower = dist * (outer_left - outer_right) + 2.0 * (left - right)
    net: FloatArray = np.where(x[:, None] < x[None, :], toward_lower, -toward_lower)
    total: FloatArray = dist * (outer_left + outer_right) + 2.0 * (left + right)
    return net, total, dist


def _probabilities(net: FloatArray, total: FloatArray, w: FloatArray, span: float) -> FloatArray:
    """``P = max(0, net) / total``, or 0 where ``total`` is numerically zero."""
    threshold = TOL * float(np.sum(w)) * span
    defined = total > threshold
    p = np.zeros_like(net)
    np.divide(np.maximum(net, 0.0), total, out=p, where=defined)
    return np.clip(p, 0.0, 1.0)


def _win_matrix(x: FloatArray, w: FloatArray, span: float) -> tuple[FloatArray, FloatArray]:
    """Win probabilities and the distance matrix.

    P is invariant to the scale of ``w``, so weights are normalised to sum to one first:
    tiny (even subnormal) weights then lose no precision in the products with distances.
    """
    w_total = float(np.sum(w))
    if not np.isfinite(w_total):
        raise ValueError("total weight c * s overflows")
    unit = w / w_total if w_total > 0.0 else w
    net, total, dist = _vote_totals(x, unit)
    return _probabilities(net, total, unit, span), dist


def win_probabilities(x: npt.ArrayLike, w: npt.ArrayLike) -> FloatArray:
    """Matrix ``P[i, j]``: probability that i wins a contest against j (``w = c * s``).

    Every actor k backs the side whose position is closer to its own, with weight ``w_k``
    times the difference in distance; ``P_ij`` is the net support for i as a share of all
    support cast (0 if the net support favours j).  ``P_ij = 0`` where no weight is cast at
    all (``i == j``, equal positions, zero weight).  Entries lie in [0, 1] and at most one of
    ``P_ij``, ``P_ji`` is positive.
    """
    xa, wa = _positions_weights(x, w)
    return _win_matrix(xa, wa, _span(xa))[0]


# --------------------------------------------------------------------------------------
# Expected utilities and risk
# --------------------------------------------------------------------------------------


def _expected_utilities(
    p: FloatArray, dist: FloatArray, span: float, s: FloatArray, r: FloatArray
) -> FloatArray:
    """``EU[i, j]`` from win probabilities, distances, saliences and risk exponents."""
    if span <= 0.0:
        return np.zeros_like(p)
    d = dist / span
    rc = r[:, None]
    u_success = 2.0 - 4.0 * (0.5 - 0.5 * d) ** rc
    u_failure = 2.0 - 4.0 * (0.5 + 0.5 * d) ** rc
    u_status_quo = 2.0 - 4.0 * 0.5**r
    sj = s[None, :]
    eu: FloatArray = (
        sj * (p * u_success + (1.0 - p) * u_failure)
        + (1.0 - sj) * u_success
        - u_status_quo[:, None]
    )
    eu[dist == 0.0] = 0.0
    return eu


def expected_utilities(
    x: npt.ArrayLike, c: npt.ArrayLike, s: npt.ArrayLike, r: npt.ArrayLike
) -> FloatArray:
    """Matrix ``EU[i, j]``: i's expected utility of challenging j, with risk exponents ``r``.

    Positive means i expects to gain from pressing j to adopt ``x_i``.  ``EU_ii = 0`` and
    ``EU_ij = 0`` whenever ``x_i == x_j``.  See the module docstring for the formula.
    """
    xa, ca, sa = _actors(x, c, s)
    ra = _vector("r", r)
    _same_length(x=xa, r=ra)
    if np.any(ra <= 0.0):
        raise ValueError("r (risk exponents) must be positive")
    span = _span(xa)
    p, dist = _win_matrix(xa, ca * sa, span)
    return _expected_utilities(p, dist, span, sa, ra)


def _risk_from_security(eu_neutral: FloatArray) -> FloatArray:
    """Risk exponents from the risk-neutral expected utilities ``EU[i, j]`` (r = 1)."""
    security = np.sum(eu_neutral, axis=0)  # S_i = Σ_j EU_ji (the diagonal is zero)
    s_max = float(np.max(security))
    s_min = float(np.min(security))
    spread = s_max - s_min
    if spread <= TOL * max(1.0, float(np.max(np.abs(security)))):
        risk = np.zeros_like(security)
    else:
        risk = (2.0 * security - s_max - s_min) / spread
    r: FloatArray = (1.0 - risk / 3.0) / (1.0 + risk / 3.0)
    return r


def risk_exponents(x: npt.ArrayLike, c: npt.ArrayLike, s: npt.ArrayLike) -> FloatArray:
    """Risk exponents ``r_i`` in [0.5, 2] from each actor's security level.

    Actors that others expect to gain most from challenging (high ``S_i``, exposed) get
    ``r < 1`` (risk acceptant); the most secure get ``r > 1`` (risk averse).
    """
    xa, ca, sa = _actors(x, c, s)
    span = _span(xa)
    p, dist = _win_matrix(xa, ca * sa, span)
    return _risk_from_security(_expected_utilities(p, dist, span, sa, np.ones_like(xa)))


# --------------------------------------------------------------------------------------
# Rounds and forecasts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One accepted offer: ``actor`` moved from ``old`` to ``new`` under pressure of ``toward``."""

    actor: int
    kind: MoveKind
    toward: int
    old: float
    new: float


@dataclass(frozen=True, eq=False)
class RoundResult:
    """Outcome of one bargaining round.

    ``positions`` are the positions *after* the round (a read-only array); ``median`` and
    ``mean`` are the c·s-weighted median and mean of those positions.  Equality is identity
    (arrays have no single truth value); compare ``positions`` explicitly.
    """

    positions: FloatArray
    median: float
    mean: float
    moves: tuple[Move, ...]


@dataclass(frozen=True, eq=False)
class Forecast:
    """A sequence of rounds (at least one); ``converged`` is True if the last round moved no
    position by more than the forecast's ``tol``, False if ``max_rounds`` ran out first."""

    rounds: tuple[RoundResult, ...]
    converged: bool

    @property
    def final_positions(self) -> FloatArray:
        """Positions after the last round played."""
        return self.rounds[-1].positions

    @property
    def median(self) -> float:
        """Weighted median after the last round: the forecast outcome."""
        return self.rounds[-1].median

    @property
    def mean(self) -> float:
        """Weighted mean after the last round."""
        return self.rounds[-1].mean


def _frozen(arr: FloatArray) -> FloatArray:
    arr.flags.writeable = False
    return arr


def _offers(x: FloatArray, eu: FloatArray) -> tuple[FloatArray, BoolArray, BoolArray, BoolArray]:
    """All offers at once: new positions and masks for the three kinds, indexed [i, j]."""
    a = eu  # a[i, j] = EU_ij: i challenging j
    b = eu.T  # b[i, j] = EU_ji: j challenging i
    confrontation = (a > TOL) & (b > TOL) & (b > a + TOL)
    pressed = (a < -TOL) & (b > TOL)
    compromise = pressed & (np.abs(a) < b - TOL)
    capitulation = pressed & ~compromise

    ratio = np.zeros_like(eu)
    np.divide(np.abs(a), b, out=ratio, where=compromise)
    xi = x[:, None]
    xj = np.broadcast_to(x[None, :], eu.shape)
    new: FloatArray = np.where(compromise, xi + (xj - xi) * ratio, xj)
    return new, confrontation, compromise, capitulation


def _play_round(
    xa: FloatArray, ca: FloatArray, sa: FloatArray, record: bool
) -> tuple[FloatArray, FloatArray, list[Move]]:
    """New positions, the weights c·s and (with ``record``) the accepted offers of one round."""
    w = ca * sa
    span = _span(xa)
    moves: list[Move] = []
    new_positions = xa.copy()
    if span > 0.0 and float(np.sum(w)) > 0.0:
        p, dist = _win_matrix(xa, w, span)
        r = _risk_from_security(_expected_utilities(p, dist, span, sa, np.ones_like(xa)))
        eu = _expected_utilities(p, dist, span, sa, r)
        new, confrontation, compromise, capitulation = _offers(xa, eu)

        offered = confrontation | compromise | capitulation
        length = np.where(offered, np.abs(new - xa[:, None]), np.inf)
        shortest = np.min(length, axis=1)
        chosen = np.argmax(offered & (length <= shortest[:, None] + TOL * span), axis=1)
        movers = np.flatnonzero(np.isfinite(shortest))
        if not record:
            new_positions[movers] = new[movers, chosen[movers]]
            return new_positions, w, moves
        for i in movers:
            j = int(chosen[i])
            kind: MoveKind
            if confrontation[i, j]:
                kind = "confrontation"
            elif compromise[i, j]:
                kind = "compromise"
            else:
                kind = "capitulation"
            moved = float(new[i, j])
            moves.append(Move(int(i), kind, j, float(xa[i]), moved))
            new_positions[i] = moved
    return new_positions, w, moves


def bargaining_round(x: npt.ArrayLike, c: npt.ArrayLike, s: npt.ArrayLike) -> RoundResult:
    """Play one round: compute risks and expected utilities, make and accept offers.

    Returns the new positions (every actor moves at once to its accepted offer, if any),
    their weighted median and mean, and the accepted offers in actor order.
    """
    xa, ca, sa = _actors(x, c, s)
    new_positions, w, moves = _play_round(xa, ca, sa, record=True)
    return RoundResult(
        positions=_frozen(new_positions),
        median=_weighted_median(new_positions, w),
        mean=_weighted_mean(new_positions, w),
        moves=tuple(moves),
    )


def round_positions(x: FloatArray, c: FloatArray, s: FloatArray) -> FloatArray:
    """The positions after one round: ``bargaining_round(x, c, s).positions``, without the
    median, the mean and the record of moves, and without checking the inputs — for the
    month loop's consultation rounds, which pass valid float64 arrays and need only where
    everyone moved (a fresh, writable array)."""
    as_float = np.asarray  # no copy for float64 input
    return _play_round(
        as_float(x, np.float64), as_float(c, np.float64), as_float(s, np.float64), record=False
    )[0]


def forecast(
    x: npt.ArrayLike,
    c: npt.ArrayLike,
    s: npt.ArrayLike,
    max_rounds: int = 10,
    tol: float = 1e-9,
) -> Forecast:
    """Play rounds until no position moves by more than ``tol`` or ``max_rounds`` are played.

    ``converged`` is True only if the last round played left every position within ``tol``
    of where it started; cycling configurations stop at ``max_rounds`` unconverged.
    """
    if max_rounds < 1:
        raise ValueError("max_rounds must be at least 1")
    if not np.isfinite(tol) or tol < 0.0:
        raise ValueError("tol must be finite and non-negative")
    positions, ca, sa = _actors(x, c, s)
    rounds: list[RoundResult] = []
    converged = False
    for _ in range(max_rounds):
        result = bargaining_round(positions, ca, sa)
        rounds.append(result)
        if float(np.max(np.abs(result.positions - positions))) <= tol:
            converged = True
            break
        positions = result.positions
    return Forecast(rounds=tuple(rounds), converged=converged)
