"""Voting bodies and how a round of votes is tallied.

A body is a weighted voting game with veto holders: a draft passes when the weight of the yes
votes reaches the quota and no veto holder votes no. Abstaining or being absent is *not* a veto —
established Security Council practice since 1946, confirmed by the ICJ's Namibia advisory opinion
(1971). Procedural votes (Charter Art. 27(2)) apply no veto.

The rules a scenario can name are the registry :data:`VOTING_RULES`: each entry says what it
means and builds its body. A new rule is one decorated function here (``@voting_rule``); the
schema, the checks and the designer's guide read the registry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from sim.model.power import WeightedGame
from sim.model.registry import Registry

Choice = Literal["yes", "no", "abstain"]
CHOICES: tuple[Choice, ...] = ("yes", "no", "abstain")
UNSC_SIZE = 15
UNSC_PERMANENT = 5
UNSC_QUOTA = 9


@dataclass(frozen=True)
class Tally:
    """The result of one vote: who voted how (ids in id order), whether it passed, who vetoed."""

    yes: tuple[str, ...]
    no: tuple[str, ...]
    abstain: tuple[str, ...]
    passed: bool
    vetoed_by: tuple[str, ...]

    def counts(self) -> str:
        """The tally as diplomats write it: yes-no-abstain."""
        return f"{len(self.yes)}-{len(self.no)}-{len(self.abstain)}"


@dataclass(frozen=True)
class VotingBody:
    """A body that votes: members, integer weights, quota, veto holders and its rule's name."""

    id: str
    name: str
    rule: str
    members: tuple[str, ...]
    weights: tuple[int, ...]
    quota: int
    veto: frozenset[str]

    def __post_init__(self) -> None:
        if len(self.weights) != len(self.members):
            raise ValueError(f"body {self.id}: one weight per member is needed")
        if len(set(self.members)) != len(self.members):
            raise ValueError(f"body {self.id}: a member is listed twice")
        if not self.veto <= set(self.members):
            raise ValueError(f"body {self.id}: veto holders must be members")
        if not 0 < self.quota <= sum(self.weights):
            raise ValueError(
                f"body {self.id}: quota {self.quota} cannot be met by total weight"
                f" {sum(self.weights)}"
            )

    def tally(self, choices: Mapping[str, Choice], procedural: bool = False) -> Tally:
        """Count the votes of the members; members missing from ``choices`` are absent."""
        weight = dict(zip(self.members, self.weights, strict=True))
        ordered = sorted(self.members)
        yes = tuple(m for m in ordered if choices.get(m) == "yes")
        no = tuple(m for m in ordered if choices.get(m) == "no")
        abstain = tuple(m for m in ordered if choices.get(m) == "abstain")
        vetoed_by = () if procedural else tuple(m for m in no if m in self.veto)
        passed = sum(weight[m] for m in yes) >= self.quota and not vetoed_by
        return Tally(yes, no, abstain, passed, vetoed_by)

    def game(self) -> WeightedGame:
        """The body as a yes/no weighted game, for voting-power indices."""
        index = {m: i for i, m in enumerate(self.members)}
        return WeightedGame(
            weights=self.weights,
            quota=self.quota,
            veto=frozenset(index[m] for m in self.veto),
        )


@dataclass(frozen=True)
class BodyTerms:
    """What a scenario says about a body, handed to its rule to build it."""

    id: str
    name: str
    members: tuple[str, ...]
    weights: tuple[int, ...] | None
    quota: int | None
    veto: frozenset[str]
    fraction: float | None

    def body(
        self, rule: str, weights: Sequence[int], quota: int, veto: frozenset[str]
    ) -> VotingBody:
        """The body with these weights, quota and veto holders."""
        return VotingBody(self.id, self.name, rule, self.members, tuple(weights), quota, veto)

    def unit(self) -> tuple[int, ...]:
        """One vote per member."""
        return tuple(1 for _ in self.members)


@dataclass(frozen=True)
class VotingRule:
    """A decision rule a scenario may name: its meaning (for the designer's guide) and how it
    builds a body (raising ValueError when the scenario did not give what it needs)."""

    name: str
    meaning: str
    build: Callable[[BodyTerms], VotingBody]


VOTING_RULES: Registry[VotingRule] = Registry("voting rule")
"""Every decision rule by the name a scenario's ``[[bodies]]`` gives it."""


def voting_rule(
    name: str, meaning: str
) -> Callable[[Callable[[BodyTerms], VotingBody]], VotingRule]:
    """Decorator: register a builder of bodies as the rule ``name`` that means ``meaning``."""

    def register(build: Callable[[BodyTerms], VotingBody]) -> VotingRule:
        return VOTING_RULES.add(name, VotingRule(name, meaning, build))

    return register


@voting_rule(
    "unsc",
    "15 members, 9 yes votes, and a no vote from any of the 5 `permanent` members is a"
    " veto (an abstention is not; Charter Art. 27(3)).",
)
def _unsc(spec: BodyTerms) -> VotingBody:
    n = len(spec.members)
    if n != UNSC_SIZE or len(spec.veto) != UNSC_PERMANENT:
        raise ValueError(
            f"the unsc rule needs {UNSC_SIZE} members of which {UNSC_PERMANENT} permanent,"
            f" got {n} members and {len(spec.veto)} permanent"
        )
    return spec.body("unsc", spec.unit(), UNSC_QUOTA, spec.veto)


@voting_rule(
    "weighted",
    "explicit `weights` (one per member) and a `quota` of yes weight; `permanent`"
    " members hold a veto.",
)
def _weighted(spec: BodyTerms) -> VotingBody:
    if spec.weights is None or spec.quota is None:
        raise ValueError("the weighted rule needs weights and a quota")
    return spec.body("weighted", spec.weights, spec.quota, spec.veto)


@voting_rule("majority", "more than half of the members vote yes; `permanent` members hold a veto.")
def _majority(spec: BodyTerms) -> VotingBody:
    return spec.body("majority", spec.unit(), len(spec.members) // 2 + 1, spec.veto)


@voting_rule(
    "qualified",
    "at least `fraction` of the members (rounded up) vote yes; `permanent` members hold a veto.",
)
def _qualified(spec: BodyTerms) -> VotingBody:
    fraction = spec.fraction
    if fraction is None or not 0 < fraction <= 1:
        raise ValueError("the qualified rule needs a fraction in (0, 1]")
    # A tiny tolerance keeps 2/3 of 15 at 10 despite binary rounding.
    quota = max(1, math.ceil(fraction * len(spec.members) - 1e-9))
    return spec.body("qualified", spec.unit(), quota, spec.veto)


@voting_rule("unanimity", "every member votes yes (each holds a veto).")
def _unanimity(spec: BodyTerms) -> VotingBody:
    return spec.body("unanimity", spec.unit(), len(spec.members), frozenset(spec.members))


@voting_rule(
    "consensus",
    "nobody objects: at least one yes and no member votes no (abstaining does not block).",
)
def _consensus(spec: BodyTerms) -> VotingBody:
    return spec.body("consensus", spec.unit(), 1, frozenset(spec.members))


def make_body(
    id: str,
    name: str,
    rule: str,
    members: Sequence[str],
    *,
    weights: Sequence[int] | None = None,
    quota: int | None = None,
    veto: Sequence[str] = (),
    fraction: float | None = None,
) -> VotingBody:
    """Build a body from a named rule; raises ValueError when the rule is unknown or its needs
    are not met."""
    entry = VOTING_RULES.get(rule)
    if entry is None:
        known = ", ".join(VOTING_RULES.names())
        raise ValueError(f"unknown voting rule {rule!r}; expected one of {known}")
    spec = BodyTerms(
        id,
        name,
        tuple(members),
        None if weights is None else tuple(weights),
        quota,
        frozenset(veto),
        fraction,
    )
    return entry.build(spec)
