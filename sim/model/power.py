"""Exact a-priori voting power for weighted voting bodies with veto holders.

A voting body is modelled as a *simple game*: every member votes yes or
no, and a coalition ``S`` (the set of yes-voters) wins iff the total weight
of ``S`` reaches the quota **and** ``S`` contains every veto holder.  The
Security Council since 1966 is the canonical example: 15 members with unit
weight, quota 9, and the five permanent members holding a veto.

Two classical indices are computed:

* the Shapley--Shubik index (L. S. Shapley and M. Shubik, 1954, "A Method
  for Evaluating the Distribution of Power in a Committee System",
  *American Political Science Review* 48(3)): the share of voter orderings
  in which a member is pivotal, i.e. the members before it lose and adding
  it wins;
* the Banzhaf index (J. F. Banzhaf III, 1965, "Weighted Voting Doesn't
  Work: A Mathematical Analysis", *Rutgers Law Review* 19): the number of
  losing coalitions that a member turns into winning ones by joining
  ("swings"), either normalised to sum to one or divided by ``2**(n-1)``
  (the absolute index, the probability of being decisive when every other
  member votes independently with probability one half).

Abstention is deliberately outside this model: "not yes" counts as "no".
The Charter practice that a permanent member's abstention does not block a
resolution makes the real Council a ternary voting game, which the binary
indices cannot represent; see D. S. Felsenthal and M. Machover, 1998, *The
Measurement of Voting Power: Theory and Practice, Problems and Paradoxes*
(Edward Elgar), for the ternary treatment.  The binary indices remain the
standard a-priori benchmark and are what this module provides.

Everything is exact: counts are Python integers and indices are
:class:`fractions.Fraction`.  Instead of enumerating ``2**n`` coalitions,
a generating function over (coalition size, coalition weight) is built by
dynamic programming for the non-veto members, truncated at the only weights
that matter (below the quota).  The single-member "leave one out" tables
are obtained by exact polynomial division, and members with the same
weight and veto status share one computation.  Cost is roughly
``O(n**2 * q)`` integer additions, so the 193-member General Assembly is
well within a second or two.  Weights are first divided by their greatest
common divisor; when the dense table would still be large (large weights
and quotas), the tables hold only the coalition weights actually reached,
at most ``2**n`` of them, and a game needing more than
:data:`MAX_SPARSE_ENTRIES` is refused with :class:`PowerTooLarge` rather
than left to run for minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import comb, factorial, gcd

__all__ = [
    "PowerTooLarge",
    "WeightedGame",
    "banzhaf",
    "banzhaf_absolute",
    "banzhaf_swings",
    "shapley_shubik",
]


@dataclass(frozen=True)
class WeightedGame:
    """A weighted voting game ``[quota; weights]`` with optional veto holders.

    ``weights[i]`` is member ``i``'s non-negative integer weight, ``quota`` is
    the weight a coalition needs to pass a motion, and ``veto`` is the set of
    member indices whose yes-vote is required for any coalition to win.

    Validation guarantees the game is non-degenerate: the empty coalition
    loses (``quota > 0``) and the grand coalition wins (``quota`` does not
    exceed the total weight), so both indices are well defined and sum to 1.
    Sequences are accepted for convenience and stored as tuples/frozensets so
    instances stay hashable.
    """

    weights: tuple[int, ...]
    quota: int
    veto: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        """Normalise container types and reject games that cannot be scored."""
        weights = tuple(self.weights)
        veto = frozenset(self.veto)
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "veto", veto)

        for i, w in enumerate(weights):
            if isinstance(w, bool) or not isinstance(w, int):
                raise TypeError(f"weight of player {i} must be an int, got {w!r}")
            if w < 0:
                raise ValueError(f"weight of player {i} is negative ({w}); weights must be >= 0")
        if isinstance(self.quota, bool) or not isinstance(self.quota, int):
            raise TypeError(f"quota must be an int, got {self.quota!r}")
        if self.quota <= 0:
            raise ValueError(
                f"quota must be positive (got {self.quota}); otherwise the empty coalition wins"
            )
        total = sum(weights)
        if self.quota > total:
            raise ValueError(
                f"quota {self.quota} exceeds total weight {total}: no coalition can ever win"
            )
        n = len(weights)
        for v in sorted(veto, key=repr):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"veto entries must be player indices (int), got {v!r}")
            if not 0 <= v < n:
                raise ValueError(f"veto index {v} is out of range for {n} players")

    @property
    def n(self) -> int:
        """Number of members of the body."""
        return len(self.weights)

    def wins(self, coalition: Iterable[int]) -> bool:
        """Return whether ``coalition`` (player indices, duplicates ignored) wins.

        A coalition wins iff its weight reaches the quota and it contains every
        veto holder.  Out-of-range indices raise :class:`ValueError` rather than
        being silently ignored, since they almost always indicate a bug.
        """
        members = set(coalition)
        n = len(self.weights)
        for i in members:
            if not 0 <= i < n:
                raise ValueError(f"player index {i} is out of range for {n} players")
        if not self.veto <= members:
            return False
        return sum(self.weights[i] for i in members) >= self.quota


MAX_DENSE_WORK = 30_000_000
"""Largest ``(n + 1)**2 * limit`` (additions) done with dense tables; beyond it the sparse
tables below are used."""
MAX_SPARSE_ENTRIES = 300_000
"""Largest number of distinct (size, weight) pairs the sparse tables may hold before the exact
computation is refused as too large (:class:`PowerTooLarge`)."""

Table = list[dict[int, int]]
"""Subset counts by size, each a map from total weight (below the limit) to count."""


class PowerTooLarge(ValueError):
    """A game whose exact power indices would take more time and memory than is sane."""


def _subset_table(weights: Iterable[int], limit: int) -> Table:
    """Count subsets of ``weights`` by (size, weight), for weights below ``limit``.

    ``table[k][s]`` is the number of ``k``-element subsets with total weight
    ``s`` for ``0 <= s < limit``; heavier subsets are dropped.  This is the
    coefficient array of ``prod(1 + x * y**w)`` modulo ``y**limit``.  Rows are
    dense lists while ``(n + 1)**2 * limit`` stays under :data:`MAX_DENSE_WORK`,
    and sparse maps of the weights actually reached otherwise (large weights
    and quotas with few members: at most ``2**n`` entries instead of ``limit``),
    refused with :class:`PowerTooLarge` beyond :data:`MAX_SPARSE_ENTRIES`.
    """
    ws = list(weights)
    if (len(ws) + 1) ** 2 * max(limit, 1) <= MAX_DENSE_WORK:
        return [_sparse(row) for row in _dense_table(ws, limit)]
    table: Table = [{} for _ in range(len(ws) + 1)]
    if limit <= 0:
        return table
    table[0][0] = 1
    entries = 1
    for count, w in enumerate(ws, start=1):
        if w >= limit:
            continue
        for k in range(count, 0, -1):
            row, prev = table[k], table[k - 1]
            for s, c in prev.items():
                if s + w < limit:
                    if s + w not in row:
                        entries += 1
                    row[s + w] = row.get(s + w, 0) + c
            if entries > MAX_SPARSE_ENTRIES:
                raise PowerTooLarge(
                    "the weights and quota allow too many distinct coalition weights to compute"
                    " exact power (more than"
                    f" {MAX_SPARSE_ENTRIES:,}); use fewer members or smaller, rounder weights"
                )
    return table


def _sparse(row: list[int]) -> dict[int, int]:
    return {s: c for s, c in enumerate(row) if c}


def _dense_table(ws: list[int], limit: int) -> list[list[int]]:
    table = [[0] * limit for _ in range(len(ws) + 1)]
    if limit <= 0:
        return table
    table[0][0] = 1
    for count, w in enumerate(ws, start=1):
        if w >= limit:
            continue  # any subset containing this member is too heavy
        # Descending k so each member is used at most once.
        for k in range(count, 0, -1):
            row, prev = table[k], table[k - 1]
            row[w:] = [a + b for a, b in zip(row[w:], prev[: limit - w], strict=True)]
    return table


def _remove_member(table: Table, w: int, limit: int) -> Table:
    """Divide a subset table by ``(1 + x * y**w)``: forget one member of weight ``w``.

    Exact in the truncated ring because the divisor has constant term 1, so
    ``g[k][s] = f[k][s] - g[k-1][s-w]`` can be solved for increasing ``k``
    (and ``g[k]`` only has weights that ``f[k]`` has, as counts are never
    negative). The returned table has one fewer size row.
    """
    out: Table = [dict(table[0])]
    if w >= limit:
        # The member never appeared in any retained subset.
        out.extend(dict(row) for row in table[1:-1])
        return out
    for k in range(1, len(table) - 1):
        prev = out[k - 1]
        row = {s: c - prev.get(s - w, 0) for s, c in table[k].items()}
        out.append({s: c for s, c in row.items() if c})
    return out


def _swing_counts_by_size(game: WeightedGame) -> list[list[int]]:
    """For each player, count swing coalitions ``S`` (``i`` not in ``S``) by ``|S|``.

    ``S`` is a swing for ``i`` iff ``S`` loses and ``S | {i}`` wins.  With veto
    set ``V`` and free (non-veto) players ``F``:

    * ``i`` a veto holder: ``S`` always loses (it lacks ``i``), so ``S`` swings
      iff ``S`` contains ``V - {i}`` and ``weight(S) + w_i >= q``; writing
      ``S = (V - {i}) | T`` with ``T`` a subset of ``F`` this is simply
      ``weight(T) >= q - weight(V)``, independent of ``i``.
    * ``i`` free: ``S = V | T`` with ``T`` a subset of ``F - {i}`` and
      ``weight(V) + weight(T) < q <= weight(V) + weight(T) + w_i``.

    Only subset weights below ``q - weight(V)`` ever need to be resolved, which
    bounds the dynamic-programming table.
    """
    # Dividing every weight by their common divisor (and the quota, rounded up) changes no
    # coalition's fate and shrinks the tables: weights of 10**6 become weights of 1.
    divisor = gcd(*game.weights) or 1
    weights = tuple(w // divisor for w in game.weights)
    quota = -(-game.quota // divisor)
    n = len(weights)
    veto = game.veto
    free = [i for i in range(n) if i not in veto]
    n_veto = len(veto)
    veto_weight = sum(weights[i] for i in veto)
    limit = max(quota - veto_weight, 0)
    table = _subset_table((weights[i] for i in free), limit)

    result: list[list[int]] = [[0] * n for _ in range(n)]

    if veto:
        # T (subset of F) of size k with weight >= limit: all minus the light ones.
        by_size = [0] * n
        for k, row in enumerate(table):
            by_size[n_veto - 1 + k] = comb(len(free), k) - sum(row.values())
        for i in veto:
            result[i] = list(by_size)

    cache: dict[int, list[int]] = {}
    for i in free:
        w = weights[i]
        if w not in cache:
            by_size = [0] * n
            if w > 0 and limit > 0:
                reduced = _remove_member(table, w, limit)
                lo = max(limit - w, 0)
                for k, row in enumerate(reduced):
                    by_size[n_veto + k] = sum(c for s, c in row.items() if s >= lo)
            cache[w] = by_size
        result[i] = list(cache[w])
    return result


def banzhaf_swings(game: WeightedGame) -> tuple[int, ...]:
    """Raw Banzhaf swing counts, one per player.

    Player ``i``'s count is the number of losing coalitions ``S`` not
    containing ``i`` such that ``S | {i}`` wins.  These integers are the
    primitive from which every Banzhaf variant is derived.
    """
    return tuple(sum(sizes) for sizes in _swing_counts_by_size(game))


def banzhaf(game: WeightedGame) -> tuple[Fraction, ...]:
    """Normalised Banzhaf index: each player's share of all swings (sums to 1).

    Validation guarantees the empty coalition loses and the grand coalition
    wins, so at least one swing exists and the denominator is positive.
    """
    swings = banzhaf_swings(game)
    total = sum(swings)
    return tuple(Fraction(s, total) for s in swings)


def banzhaf_absolute(game: WeightedGame) -> tuple[Fraction, ...]:
    """Absolute (non-normalised) Banzhaf index: ``swings / 2**(n-1)``.

    This is the probability that a player is decisive when every other member
    votes yes or no independently with probability one half; unlike the
    normalised index it is comparable across bodies of different size.
    """
    denom = 2 ** (game.n - 1)
    return tuple(Fraction(s, denom) for s in banzhaf_swings(game))


def shapley_shubik(game: WeightedGame) -> tuple[Fraction, ...]:
    """Shapley--Shubik index: the share of orderings in which each player pivots.

    A player pivots in an ordering when the players preceding it form a
    losing coalition that it turns into a winning one.  A swing coalition of
    size ``k`` precedes the player in ``k! * (n-k-1)!`` of the ``n!``
    orderings, so the index is a size-weighted sum of swing counts.  The
    result sums to exactly 1 because every ordering has exactly one pivot.
    """
    n = game.n
    fact = [factorial(k) for k in range(n + 1)]
    weight_by_size = [fact[k] * fact[n - k - 1] for k in range(n)]
    denom = fact[n]
    return tuple(
        Fraction(sum(c * m for c, m in zip(sizes, weight_by_size, strict=True)), denom)
        for sizes in _swing_counts_by_size(game)
    )
