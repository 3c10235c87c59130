"""Voting bodies and how a round of votes is tallied.

A body is a weighted voting game with veto holders: a draft passes when the weight of the yes
votes reaches the quota and no veto holder votes no. Abstaining or being absent is *not* a veto —
established Security Council practice since 1946, confirmed by the ICJ's Namibia advisory opinion
(1971). Procedural votes (Charter Art. 27(2)) apply no veto.

Rules a scenario can name: ``unsc`` (15 members, 9 votes, the 5 permanent members hold a veto; Art.
27(3)), ``weighted`` (explicit weights, quota and veto holders), ``majority`` (more than half of
the members), ``qualified`` (a fraction of members, rounded up), ``unanimity`` (every member votes
yes) and ``consensus`` (nobody objects; abstaining does not block).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from sim.model.power import WeightedGame

Choice = Literal["yes", "no", "abstain"]
CHOICES: tuple[Choice, ...] = ("yes", "no", "abstain")
RULES = ("unsc", "weighted", "majority", "qualified", "unanimity", "consensus")
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
    """Build a body from a named rule; raises ValueError when the rule's needs are not met."""
    members = tuple(members)
    n = len(members)
    unit = tuple(1 for _ in members)
    if rule == "unsc":
        if n != UNSC_SIZE or len(set(veto)) != UNSC_PERMANENT:
            raise ValueError(
                f"the unsc rule needs {UNSC_SIZE} members of which {UNSC_PERMANENT} permanent,"
                f" got {n} members and {len(set(veto))} permanent"
            )
        return VotingBody(id, name, rule, members, unit, UNSC_QUOTA, frozenset(veto))
    if rule == "weighted":
        if weights is None or quota is None:
            raise ValueError("the weighted rule needs weights and a quota")
        return VotingBody(id, name, rule, members, tuple(weights), quota, frozenset(veto))
    if rule == "majority":
        return VotingBody(id, name, rule, members, unit, n // 2 + 1, frozenset(veto))
    if rule == "qualified":
        if fraction is None or not 0 < fraction <= 1:
            raise ValueError("the qualified rule needs a fraction in (0, 1]")
        # A tiny tolerance keeps 2/3 of 15 at 10 despite binary rounding.
        quota_q = max(1, math.ceil(fraction * n - 1e-9))
        return VotingBody(id, name, rule, members, unit, quota_q, frozenset(veto))
    if rule == "unanimity":
        return VotingBody(id, name, rule, members, unit, n, frozenset(members))
    if rule == "consensus":
        return VotingBody(id, name, rule, members, unit, 1, frozenset(members))
    raise ValueError(f"unknown voting rule {rule!r}; expected one of {', '.join(RULES)}")
