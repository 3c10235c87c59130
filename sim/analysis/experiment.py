"""Experiments: a scenario and its variants over many seeds, compared in one table.

Each arm (the base scenario, then each overlay) is played by the AI over the same seeds — common
random numbers — and summarized: the share of games reaching each ending (with a Wilson 95%
interval), the mean of resolutions adopted, vetoes cast, civilian and battle deaths and
objectives met (with a Student-t 95% interval), the share of games meeting each objective, and
for each variant its difference from the base, seed by seed (paired, so the interval is
narrower than comparing two independent samples would give).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sim.analysis.runner import Arm, GameSummary

# Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
_T975 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)
Z975 = 1.959964


def t975(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom."""
    return _T975[df - 1] if 1 <= df <= len(_T975) else Z975


@dataclass(frozen=True)
class Estimate:
    """A mean (or share) with its 95% interval."""

    value: float
    low: float
    high: float

    def to_json(self) -> dict[str, float]:
        return {"value": self.value, "low": self.low, "high": self.high}


def mean_interval(values: Sequence[float]) -> Estimate:
    """Mean and Student-t 95% interval (a single value has no spread: the interval is itself)."""
    n = len(values)
    mean = statistics.fmean(values)
    if n < 2:
        return Estimate(mean, mean, mean)
    half = t975(n - 1) * statistics.stdev(values) / math.sqrt(n)
    return Estimate(mean, mean - half, mean + half)


def share_interval(hits: int, n: int) -> Estimate:
    """A share with its Wilson 95% interval (sensible at 0% and 100% too)."""
    p = hits / n
    z2 = Z975 * Z975
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z975 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Measure:
    """One row of the table: how to read a value from each game, and how to print it."""

    key: str
    label: str
    value: Callable[[GameSummary], float]
    share: bool = False


def _ending_is(ending: str | None) -> Callable[[GameSummary], float]:
    return lambda g: float(g.ending == ending)


def _objective_met(objective: str) -> Callable[[GameSummary], float]:
    return lambda g: float(objective in g.objectives_met)


def measures(
    endings: Sequence[tuple[str | None, str]], objectives: Sequence[tuple[str, str]]
) -> list[Measure]:
    """The rows of the comparison table for a scenario with these endings and objectives."""
    rows = [
        Measure(f"ending:{eid}", f"Ending: {name}", _ending_is(eid), True) for eid, name in endings
    ]
    rows += [
        Measure("resolutions_adopted", "Resolutions adopted", lambda g: g.resolutions_adopted),
        Measure("vetoes_cast", "Vetoes cast", lambda g: g.vetoes_cast),
        Measure("civilian_deaths", "Civilian deaths", lambda g: g.civilian_deaths),
        Measure("battle_deaths", "Battle deaths", lambda g: g.battle_deaths),
        Measure("objectives_met", "Objectives met", lambda g: len(g.objectives_met)),
    ]
    rows += [
        Measure(
            f"objective:{oid}",
            f"Objective met: {name}",
            _objective_met(oid),
            True,
        )
        for oid, name in objectives
    ]
    return rows


@dataclass(frozen=True)
class Comparison:
    """Every arm's estimates, and each variant's paired difference from the base."""

    scenario: str
    seeds: tuple[int, ...]
    arms: tuple[Arm, ...]
    rows: tuple[Measure, ...]
    estimates: tuple[dict[str, Estimate], ...]
    differences: tuple[dict[str, Estimate], ...]  # one per variant (arms[1:])


def compare(arms: Sequence[Arm], games: Sequence[Sequence[GameSummary]]) -> Comparison:
    """Estimates for each arm and paired differences of each variant from the first arm."""
    base = arms[0].scenario
    ending_ids: list[tuple[str | None, str]] = [(e.id, e.name) for e in base.endings]
    seen = {g.ending for arm_games in games for g in arm_games}
    for arm in arms[1:]:
        ending_ids += [(e.id, e.name) for e in arm.scenario.endings if e.id not in dict(ending_ids)]
    if None in seen:
        ending_ids.append((None, "unfinished"))
    objectives = [(o.id, o.name) for o in base.objectives]
    rows = measures(ending_ids, objectives)
    estimates = []
    for arm_games in games:
        n = len(arm_games)
        row: dict[str, Estimate] = {}
        for m in rows:
            values = [m.value(g) for g in arm_games]
            row[m.key] = share_interval(round(sum(values)), n) if m.share else mean_interval(values)
        estimates.append(row)
    differences = []
    for arm_games in games[1:]:
        diff = {}
        for m in rows:
            paired = [m.value(v) - m.value(b) for v, b in zip(arm_games, games[0], strict=True)]
            diff[m.key] = mean_interval(paired)
        differences.append(diff)
    return Comparison(
        base.id,
        tuple(g.seed for g in games[0]),
        tuple(arms),
        tuple(rows),
        tuple(estimates),
        tuple(differences),
    )


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.2f}".rstrip("0").rstrip(".")


def cell(m: Measure, e: Estimate) -> str:
    """``48% (38–58)`` for a share, ``1,204 (1,100–1,300)`` for a mean."""
    if m.share:
        return f"{100 * e.value:.0f}% ({100 * e.low:.0f}–{100 * e.high:.0f})"
    return f"{_number(e.value)} ({_number(e.low)}–{_number(e.high)})"


def _signed(x: float, text: str) -> str:
    return text if text.startswith("-") or x == 0 else f"+{text}"


def difference_cell(m: Measure, d: Estimate) -> str:
    """``−12 pts (−20 to −4)`` for a share, ``+135 (90 to 180)`` for a mean."""
    if m.share:
        v, lo, hi = (f"{100 * x:.0f}" for x in (d.value, d.low, d.high))
        return f"{_signed(d.value, v)} pts ({lo} to {hi})"
    return f"{_signed(d.value, _number(d.value))} ({_number(d.low)} to {_number(d.high)})"


def table_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    """The comparison as a header and rows of text (arms, then differences from the base)."""
    header = ["Measure", f"{c.arms[0].name}"]
    for arm in c.arms[1:]:
        header += [arm.name, f"Δ {arm.name}"]
    body = []
    for m in c.rows:
        line = [m.label, cell(m, c.estimates[0][m.key])]
        for est, diff in zip(c.estimates[1:], c.differences, strict=True):
            line += [cell(m, est[m.key]), difference_cell(m, diff[m.key])]
        body.append(line)
    return header, body


def comparison_json(c: Comparison) -> dict[str, Any]:
    """The comparison as one JSON document (``mandate experiment --json``)."""
    return {
        "scenario": c.scenario,
        "seeds": list(c.seeds),
        "arms": [
            {
                "name": arm.name,
                "overlay": arm.overlay,
                "games": len(c.seeds),
                "estimates": {k: e.to_json() for k, e in est.items()},
                "difference_from_base": (
                    {k: d.to_json() for k, d in c.differences[i - 1].items()} if i else None
                ),
            }
            for i, (arm, est) in enumerate(zip(c.arms, c.estimates, strict=True))
        ],
        "measures": [{"key": m.key, "label": m.label, "share": m.share} for m in c.rows],
    }


def plot(c: Comparison, path: str) -> None:
    """Ending shares and mean deaths (with 95% intervals) of every arm, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    names = [a.name for a in c.arms]
    ending_rows = [m for m in c.rows if m.key.startswith("ending:")]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100)
    bottoms = [0.0] * len(names)
    for m in ending_rows:
        shares = [est[m.key].value for est in c.estimates]
        left.barh(names, shares, left=bottoms, label=m.label.removeprefix("Ending: "))
        bottoms = [b + s for b, s in zip(bottoms, shares, strict=True)]
    left.set_xlim(0, 1)
    left.set_xlabel("share of games")
    left.set_title("Endings")
    left.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    left.invert_yaxis()
    for i, key in enumerate(("civilian_deaths", "battle_deaths")):
        values = [est[key] for est in c.estimates]
        positions = [j + 0.38 * i for j in range(len(names))]
        errors = [[e.value - e.low for e in values], [e.high - e.value for e in values]]
        right.bar(
            positions,
            [e.value for e in values],
            width=0.38,
            yerr=errors,
            capsize=4,
            label=key.replace("_", " "),
        )
    right.set_xticks([j + 0.19 for j in range(len(names))], names, fontsize=8)
    right.set_title("Mean deaths (95% interval)")
    right.legend(fontsize=8)
    fig.suptitle(f"{c.scenario}: {len(c.seeds)} seeds per arm (common random numbers)")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
