"""Scenario objectives: documented tests of the outcome, judged month by month and at the end.

An objective is ``met``, ``failed`` or still ``pending``. Deadlines (``by_month``) turn a pending
objective into met or failed; at the end of the game every pending objective is judged on the
final state. Endings may require objectives to be met (``objectives_met``) or end the game when
one fails (``objectives_failed``); the debrief lists every objective with its status and reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sim.model import metrics
from sim.model.words import clause_words, metric_name, metric_value, phase_words, plural
from sim.model.world import Objective, World

Status = tuple[str, str]  # ("met" | "failed" | "pending", reason)


@dataclass(frozen=True)
class ObjectiveKind:
    """An objective kind: its meaning, the fields it reads, and its judgement."""

    name: str
    meaning: str
    fields: tuple[str, ...]
    judge: Callable[[World, Objective, bool], Status]


def _deadline(world: World, objective: Objective, final: bool) -> bool:
    """True once the month ``by_month`` has been played (or the game is over)."""
    played = len(world.metrics.get("intensity", []))
    return final or (objective.by_month > 0 and played >= objective.by_month)


def _at_deadline(world: World, o: Objective) -> float:
    """The metric's value in month ``by_month`` once that month is past, else the latest."""
    series = world.metrics.get(o.metric, [])
    if o.by_month > 0 and len(series) >= o.by_month:
        return series[o.by_month - 1]
    return series[-1] if series else 0.0


def _until_deadline(world: World, o: Objective) -> list[float]:
    """The metric's values up to month ``by_month`` (all of them without a deadline)."""
    series = world.metrics.get(o.metric, [])
    return series[: o.by_month] if o.by_month > 0 else series


def _judged_month(world: World, o: Objective) -> int:
    """The month whose value :func:`_at_deadline` reads (0 before any month is played)."""
    played = len(world.metrics.get(o.metric, []))
    return o.by_month if 0 < o.by_month <= played else played


def _latest(world: World, o: Objective, relation: str) -> str:
    """ "civilian deaths 2 in month 18 (target: below 40)"."""
    value = metric_value(o.metric, _at_deadline(world, o))
    month = _judged_month(world, o)
    when = f" in month {month}" if month else ""
    target = metric_value(o.metric, o.threshold)
    return f"{metric_name(o.metric)} {value}{when} (target: {relation} {target})"


def _latest_below(world: World, o: Objective, final: bool) -> Status:
    value = _at_deadline(world, o)
    reason = _latest(world, o, "below")
    if not _deadline(world, o, final):
        return "pending", reason
    return ("met" if value < o.threshold else "failed"), reason


def _latest_above(world: World, o: Objective, final: bool) -> Status:
    value = _at_deadline(world, o)
    reason = _latest(world, o, "above")
    if not _deadline(world, o, final):
        return "pending", reason
    return ("met" if value > o.threshold else "failed"), reason


def _total_below(world: World, o: Objective, final: bool) -> Status:
    value = metrics.total(world, o.metric)
    shown = metric_value(o.metric, value)
    reason = (
        f"{metric_name(o.metric)} {shown} in all (limit: {metric_value(o.metric, o.threshold)})"
    )
    if value >= o.threshold:
        return "failed", reason
    return ("met" if _deadline(world, o, final) else "pending"), reason


def _reached_at_least(world: World, o: Objective, final: bool) -> Status:
    best = max(_until_deadline(world, o), default=0.0)
    shown, target = metric_value(o.metric, best), metric_value(o.metric, o.threshold)
    reason = f"{metric_name(o.metric)} reached {shown} at best (target: {target})"
    if best >= o.threshold:
        return "met", reason
    return ("failed" if _deadline(world, o, final) else "pending"), reason


def _phase_holds(world: World, o: Objective, final: bool) -> Status:
    order = ("war", "ceasefire", "peace")
    series = world.metrics.get("phase", [])
    if o.by_month > 0 and len(series) >= o.by_month:
        phase = order[int(series[o.by_month - 1])]
    else:
        phase = world.theatre.phase
    reason = f"the theatre is {phase_words(phase)} (target: {o.phase} or better)"
    if not _deadline(world, o, final):
        return "pending", reason
    return ("met" if order.index(phase) >= order.index(o.phase) else "failed"), reason


def _no_veto(world: World, o: Objective, final: bool) -> Status:
    vetoes = [v for v in world.votes if v.tally.vetoed_by]
    if vetoes:
        first = vetoes[0]
        by = ", ".join(first.tally.vetoed_by)
        return "failed", f"{by} vetoed {first.draft} in month {first.month}"
    return ("met" if final else "pending"), "no veto has been cast"


def _adopted_at_least(world: World, o: Objective, final: bool) -> Status:
    count = len(world.resolutions)
    reason = f"{plural(count, 'resolution')} adopted (target: {o.threshold:,.0f})"
    if count >= o.threshold:
        return "met", reason
    return ("failed" if _deadline(world, o, final) else "pending"), reason


def _clause_adopted(world: World, o: Objective, final: bool) -> Status:
    """A resolution with the feature ``o.clause`` (say ``demand:consider_measures``) in force."""
    adopted = [r for r in world.resolutions if r.clauses.features().get(o.clause, 0.0) > 0.0]
    if adopted:
        first = adopted[0]
        clause = clause_words(o.clause)
        return "met", f"{first.draft} (adopted in month {first.adopted_month}) carries {clause}"
    reason = f"no resolution adopted carries {clause_words(o.clause)}"
    return ("failed" if _deadline(world, o, final) else "pending"), reason


KINDS: dict[str, ObjectiveKind] = {
    k.name: k
    for k in (
        ObjectiveKind(
            "metric_below",
            "the latest `metric` is below `threshold` by `by_month`",
            ("metric", "threshold"),
            _latest_below,
        ),
        ObjectiveKind(
            "metric_above",
            "the latest `metric` is above `threshold` by `by_month`",
            ("metric", "threshold"),
            _latest_above,
        ),
        ObjectiveKind(
            "total_below",
            "the sum of `metric` stays below `threshold` (a budget)",
            ("metric", "threshold"),
            _total_below,
        ),
        ObjectiveKind(
            "reaches",
            "`metric` reaches `threshold` at some point by `by_month`",
            ("metric", "threshold"),
            _reached_at_least,
        ),
        ObjectiveKind(
            "phase_at_least",
            "the theatre is in `phase` or a better one by `by_month`",
            ("phase",),
            _phase_holds,
        ),
        ObjectiveKind("no_veto", "no veto is cast in the whole game", (), _no_veto),
        ObjectiveKind(
            "resolutions_adopted",
            "at least `threshold` resolutions are adopted",
            ("threshold",),
            _adopted_at_least,
        ),
        ObjectiveKind(
            "clause_adopted",
            "a resolution adopted by `by_month` carries `clause`, a draft feature such as"
            " `chapter_vii`, `referral`, `sanction:arms_embargo`, `task:…` or `demand:…`"
            " (watering it out of the text loses the objective)",
            ("clause",),
            _clause_adopted,
        ),
    )
}


#: What a phase objective asks, in words.
PHASE_GOALS = {"war": "any state of the war", "ceasefire": "a ceasefire or peace", "peace": "peace"}


def goal_words(o: Objective) -> str:
    """What an objective asks, as a player reads it under its name: "troops deployed above
    9,000 in month 19", "a ceasefire or peace in month 19", "at least 1 resolution adopted by
    the end" — the scenario's values in words, where :attr:`ObjectiveKind.meaning` speaks to
    the scenario's designer ("the latest `metric` is above `threshold` by `by_month`")."""
    when = f"in month {o.by_month}" if o.by_month else "in the last month"
    by = f"by month {o.by_month}" if o.by_month else "by the end"
    what = metric_name(o.metric) if o.metric else ""
    value = metric_value(o.metric, o.threshold) if o.metric else f"{o.threshold:,g}"
    goals = {
        "metric_below": f"{what} below {value} {when}",
        "metric_above": f"{what} above {value} {when}",
        "total_below": f"{what} below {value} in all",
        "reaches": f"{what} reaching {value} {by}",
        "phase_at_least": f"{PHASE_GOALS.get(o.phase, o.phase)} {when}",
        "no_veto": "no veto cast in the whole game",
        "resolutions_adopted": f"at least {plural(round(o.threshold), 'resolution')} adopted {by}",
        "clause_adopted": f"a resolution with {clause_words(o.clause)} adopted {by}",
    }
    return goals.get(o.kind, KINDS[o.kind].meaning)


def judge(world: World, objective: Objective, final: bool = False) -> Status:
    """The status of one objective now (``final``: the game is over, judge what is pending)."""
    return KINDS[objective.kind].judge(world, objective, final)


def report(world: World, final: bool) -> list[dict[str, str]]:
    """Every objective with its status and reason, in scenario order."""
    rows = []
    started = bool(world.metrics.get("intensity"))
    for objective in world.objectives:
        status, reason = judge(world, objective, final)
        if not started and status == "pending":
            reason = "not judged yet: no month has been played"
        rows.append(
            {"id": objective.id, "name": objective.name, "status": status, "reason": reason}
        )
    return rows
