"""The whip count: how a seat expects a body to vote on a draft, with the band of its doubt.

Every member's total is estimated from public factors plus the observer's estimate of its private
reservation (:mod:`sim.model.intel`); the band says how far the truth may lie. A member is a sure
yes when even the low end of its band clears the yes threshold, a possible yes when the high end
does; the count is given as a range ("8–11 yes"). ``observer=None`` counts with the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.drafts import Draft
from sim.model.explain import classify
from sim.model.intel import band_points
from sim.model.stance import draft_ballot
from sim.model.voting import Choice
from sim.model.world import World

PUBLIC = ""
"""The observer that stands for public knowledge: what consultations and public statements
have revealed, and nothing said in private."""


@dataclass(frozen=True)
class Estimate:
    """One member as an observer sees it: estimated total, band, and the range of its vote."""

    member: str
    total: int
    band: int
    yes_above: int
    no_below: int
    veto_holder: bool

    @property
    def likely(self) -> Choice:
        """The vote the estimate points to."""
        return classify(self.total, self.yes_above, self.no_below)

    @property
    def low(self) -> Choice:
        """The vote at the low end of the band."""
        return classify(self.total - self.band, self.yes_above, self.no_below)

    @property
    def high(self) -> Choice:
        """The vote at the high end of the band."""
        return classify(self.total + self.band, self.yes_above, self.no_below)

    @property
    def certain(self) -> bool:
        """True when the whole band points to one vote."""
        return self.low == self.high


@dataclass(frozen=True)
class WhipCount:
    """A body's expected vote on a draft, member by member, as one observer sees it."""

    draft: str
    estimates: tuple[Estimate, ...]

    def range(self, choice: Choice) -> tuple[int, int]:
        """The fewest and most members that may cast ``choice``."""
        sure = sum(1 for e in self.estimates if e.low == choice and e.high == choice)
        possible = sum(1 for e in self.estimates if choice in (e.low, e.likely, e.high))
        return sure, possible

    def threats(self) -> list[str]:
        """Veto holders whose estimate is a no."""
        return [e.member for e in self.estimates if e.veto_holder and e.likely == "no"]

    def text(self) -> str:
        """One line for the news: "Whip count on d: 8–11 yes, 1–2 no, 3–5 abstain; …"."""

        def span(choice: Choice) -> str:
            low, high = self.range(choice)
            return f"{low} {choice}" if low == high else f"{low}–{high} {choice}"

        line = f"Whip count on {self.draft}: {span('yes')}, {span('no')}, {span('abstain')}"
        threats = self.threats()
        return line + (f"; veto threatened by {', '.join(threats)}." if threats else ".")


def whip_count(world: World, draft: Draft, observer: str | None) -> WhipCount:
    """The whip count on ``draft`` as ``observer`` sees it (``PUBLIC`` for the news)."""
    result = draft_ballot(world, draft, observer)
    bands = band_points(world, draft, result.voters, observer)
    totals = result.totals
    estimates = tuple(
        Estimate(
            v,
            int(totals[i]),
            bands[i],
            int(result.yes_above[i]),
            int(result.no_below[i]),
            result.veto[i],
        )
        for i, v in enumerate(result.voters)
    )
    return WhipCount(draft.id, estimates)
