"""Benchmark one bargaining round: the array model against the literal reference.

Run ``python -m sim.devtools.bench_bargaining`` (``--help`` for options).  The array version
(:func:`sim.model.bargaining.bargaining_round`) is timed at ``--n`` actors (default 193, the
UN General Assembly) as the median of ``--repeats`` runs after one warm-up; the budget is
50 ms per round.  The naive version (:func:`sim.devtools.reference_bargaining.reference_round`)
is timed once at the same size if a probe run predicts it finishes within ``--naive-budget``
seconds (it is O(n^3)); otherwise at the largest size that fits, which the output states.
Inputs are random, drawn from ``np.random.default_rng(seed)``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from sim.devtools.reference_bargaining import reference_round
from sim.model.bargaining import bargaining_round

FloatArray = npt.NDArray[np.float64]
BUDGET_SECONDS = 0.050
PROBE_ACTORS = 40


def random_actors(n: int, seed: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Positions on a 0-100 scale, capabilities and saliences in [0, 1]."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 100.0, n)
    c = rng.uniform(0.0, 1.0, n)
    s = rng.uniform(0.0, 1.0, n)
    return x, c, s


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def time_array(n: int, seed: int, repeats: int) -> float:
    """Median wall time of one array round at n actors (after one warm-up run)."""
    x, c, s = random_actors(n, seed)
    bargaining_round(x, c, s)
    return statistics.median(_seconds(lambda: bargaining_round(x, c, s)) for _ in range(repeats))


def time_reference(n: int, seed: int) -> float:
    """Wall time of one literal reference round at n actors."""
    x, c, s = random_actors(n, seed)
    xs, cs, ss = x.tolist(), c.tolist(), s.tolist()
    return _seconds(lambda: reference_round(xs, cs, ss))


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def main(argv: Sequence[str] | None = None) -> int:
    """Print both timings and their ratio; return 0 if the array round meets the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=193, help="actors (default 193)")
    parser.add_argument("--repeats", type=int, default=21, help="array repeats (default 21)")
    parser.add_argument("--seed", type=int, default=2011, help="random seed (default 2011)")
    parser.add_argument(
        "--naive-budget",
        type=float,
        default=20.0,
        help="longest acceptable naive run in seconds (default 20)",
    )
    args = parser.parse_args(argv)
    n: int = args.n
    if n < 2:
        parser.error("--n must be at least 2")

    array_s = time_array(n, args.seed, args.repeats)
    print(f"array round,  n = {n}: {_ms(array_s)} (median of {args.repeats})")

    probe_n = min(n, PROBE_ACTORS)
    probe_s = time_reference(probe_n, args.seed)
    predicted_s = probe_s * (n / probe_n) ** 3
    if predicted_s <= args.naive_budget:
        naive_n = n
    else:
        naive_n = max(probe_n, int(probe_n * (args.naive_budget / probe_s) ** (1.0 / 3.0)))
        print(
            f"naive round predicted at {predicted_s:.1f} s for n = {n} "
            f"(O(n^3) from {_ms(probe_s)} at n = {probe_n}); timing it at n = {naive_n} instead"
        )
    naive_s = time_reference(naive_n, args.seed)
    print(f"naive round,  n = {naive_n}: {_ms(naive_s)} (single run)")

    array_at_naive_s = array_s if naive_n == n else time_array(naive_n, args.seed, args.repeats)
    if naive_n != n:
        print(f"array round,  n = {naive_n}: {_ms(array_at_naive_s)} (median of {args.repeats})")
    print(f"speed-up at n = {naive_n}: {naive_s / array_at_naive_s:.0f}x")

    verdict = "within" if array_s <= BUDGET_SECONDS else "OVER"
    print(f"budget: {_ms(BUDGET_SECONDS)} per round at n = {n}: {verdict}")
    return 0 if array_s <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
