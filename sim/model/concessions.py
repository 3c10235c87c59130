"""Concessions and restorations: the single-clause changes a drafter can make to a text.

Shared by the penholder (which concedes to win votes), by the members that answer lobbying with
asks (the smallest set of changes that moves their vote), and by the explanations of what would
flip a vote. Each change comes with a short description ("drops the ICC referral").
"""

from __future__ import annotations

import functools
import math

from sim.model.drafts import CLAUSE_NUMBERS, Clauses, Sanction


def _cut(value: int, name: str) -> int:
    """A quarter less, rounded down to the agents' step for the clause ``name``."""
    step = CLAUSE_NUMBERS[name].agent_step
    return step * math.floor(value * 0.75 / step)


def watered_down(clauses: Clauses) -> list[tuple[str, Clauses]]:
    """Every single-clause concession a drafter can make, each with a short description."""
    return list(_watered_down(clauses))


@functools.lru_cache(maxsize=4096)
def _watered_down(clauses: Clauses) -> tuple[tuple[str, Clauses], ...]:
    # A pure function of an immutable text that the AI asks for again and again: remembered.
    options: list[tuple[str, Clauses]] = []
    if clauses.chapter == "VII":
        options.append(("Chapter VI instead of VII", clauses.changed(chapter="VI")))
    for task in clauses.tasks:
        rest = tuple(t for t in clauses.tasks if t != task)
        options.append((f"drops {task.replace('_', ' ')}", clauses.changed(tasks=rest)))
    if clauses.troop_ceiling > 0:
        troops = _cut(clauses.troop_ceiling, "troop_ceiling")
        options.append((f"cuts troops to {troops:,}", clauses.changed(troop_ceiling=troops)))
    if clauses.police_ceiling > 0:
        police = _cut(clauses.police_ceiling, "police_ceiling")
        options.append((f"cuts police to {police:,}", clauses.changed(police_ceiling=police)))
    shorter = CLAUSE_NUMBERS["duration"].agent_step
    if clauses.duration > shorter:
        months = max(shorter, clauses.duration - shorter)
        options.append(
            (f"shortens the mandate to {months} months", clauses.changed(duration=months))
        )
    for sanction in clauses.sanctions:
        rest_s: tuple[Sanction, ...] = tuple(s for s in clauses.sanctions if s != sanction)
        kind = sanction.kind.replace("_", " ")
        options.append((f"drops the {kind}", clauses.changed(sanctions=rest_s)))
        if len(sanction.targets) > 1:
            for target in sanction.targets:
                fewer = Sanction(sanction.kind, tuple(t for t in sanction.targets if t != target))
                narrowed = tuple(fewer if s == sanction else s for s in clauses.sanctions)
                options.append(
                    (f"drops {target} from the {kind}", clauses.changed(sanctions=narrowed))
                )
    if clauses.referral:
        options.append(("drops the ICC referral", clauses.changed(referral=False)))
    for demand in clauses.demands:
        rest_d = tuple(d for d in clauses.demands if d != demand)
        options.append(
            (f"drops the demand for {demand.replace('_', ' ')}", clauses.changed(demands=rest_d))
        )
    return tuple(options)


def strengthened(clauses: Clauses, original: Clauses) -> list[tuple[str, Clauses]]:
    """Every single clause of the original draft that a concession removed, put back."""
    options: list[tuple[str, Clauses]] = []
    if original.chapter == "VII" and clauses.chapter != "VII":
        options.append(("restores Chapter VII", clauses.changed(chapter="VII")))
    for task in sorted(set(original.tasks) - set(clauses.tasks)):
        more = clauses.tasks + (task,)
        options.append((f"restores {task.replace('_', ' ')}", clauses.changed(tasks=more)))
    if clauses.troop_ceiling < original.troop_ceiling:
        troops = original.troop_ceiling
        options.append((f"restores troops to {troops:,}", clauses.changed(troop_ceiling=troops)))
    present = {s.kind for s in clauses.sanctions}
    for sanction in original.sanctions:
        if sanction.kind not in present:
            more_s = clauses.sanctions + (sanction,)
            label = f"restores the {sanction.kind.replace('_', ' ')}"
            options.append((label, clauses.changed(sanctions=more_s)))
    if original.referral and not clauses.referral:
        options.append(("restores the ICC referral", clauses.changed(referral=True)))
    for demand in sorted(set(original.demands) - set(clauses.demands)):
        more_d = clauses.demands + (demand,)
        label = f"restores the demand for {demand.replace('_', ' ')}"
        options.append((label, clauses.changed(demands=more_d)))
    return options


_IMPERATIVES = (
    ("drops ", "drop "),
    ("cuts ", "cut "),
    ("shortens ", "shorten "),
    ("restores ", "restore "),
    ("Chapter VI instead of VII", "act under Chapter VI, not VII"),
)


def imperative(description: str) -> str:
    """A concession's description as an ask: "drops the ICC referral" → "drop the ICC referral"."""
    for said, asked in _IMPERATIVES:
        if description.startswith(said):
            return asked + description[len(said) :]
    return description
