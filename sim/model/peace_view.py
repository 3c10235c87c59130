"""What a mediator (or the peace talks screen) may see of the peace process.

The view tells the parties' *answers* once a text has been put to them, and the mediator's
*estimates* of their bottom lines (with its misreadings still in them), never the true
positions: those stay private to the parties (:mod:`sim.model.talks`).
"""

from __future__ import annotations

from sim.model.explain import Stance
from sim.model.names import party_labels
from sim.model.parties import envoy_leaning, sponsor_leaning, zone_of_agreement
from sim.model.peace import Agreement, Envoy, Settlement, Talks, Text
from sim.model.talks import MarginEstimator, stage, uncertainty
from sim.model.world import Mission, World


class PeaceView:
    """Read-only questions about the peace process (treat returned objects as read-only)."""

    def __init__(self, world: World) -> None:
        self._world = world

    def coefficient(self, name: str) -> float:
        """A mediation coefficient's value (see ``defaults.toml``)."""
        value: float = getattr(self._world.coefficients, name)
        return value

    @property
    def settlement(self) -> Settlement | None:
        """The settlement issues (and the positions the scenario declares; agents must not read
        them: use :meth:`believed_ideal`)."""
        return self._world.settlement

    @property
    def envoy(self) -> Envoy | None:
        """The envoy, if one has been appointed."""
        return self._world.peace.envoy

    @property
    def talks(self) -> Talks | None:
        """The talks under way, if any."""
        return self._world.peace.talks

    @property
    def sessions(self) -> int:
        """How many times talks have been convened."""
        return self._world.peace.sessions

    @property
    def adjourned_month(self) -> int:
        """The month talks were last adjourned (0: never)."""
        return self._world.peace.adjourned_month

    @property
    def stage(self) -> str:
        """What talks can reach now: ``ceasefire`` at war, else ``peace``."""
        return stage(self._world)

    @property
    def agreements(self) -> list[Agreement]:
        """Every agreement signed, in order (the one in force last)."""
        return list(self._world.peace.agreements)

    def parties(self) -> tuple[str, ...]:
        """Parties with settlement positions, in id order."""
        settlement = self._world.settlement
        return tuple(sorted(settlement.positions)) if settlement else ()

    def party_labels(self) -> dict[str, str]:
        """Each party's name in running text ("the government", "the NLF"), by id."""
        return party_labels(self._world)

    def guarantees(self) -> dict[str, str]:
        """Guarantors offered so far, and who offered each."""
        return dict(self._world.peace.guarantees)

    def unguaranteeing_missions(self) -> list[Mission]:
        """UN or hybrid missions on the ground not yet offered as guarantors."""
        offered = self._world.peace.guarantees
        return [
            m
            for m in self._world.active_missions()
            if m.kind != "regional" and not m.withdrawing and m.id not in offered
        ]

    def leanings(self) -> dict[str, tuple[float, tuple[str, ...]]]:
        """The envoy's leaning toward each party with a position (-1 to 1; Kydd 2003) and the
        sponsors' members that back that party: why the parties trust the envoy unequally."""
        envoy = self._world.peace.envoy
        if envoy is None:
            return {}
        out: dict[str, tuple[float, tuple[str, ...]]] = {}
        for party in self.parties():
            backers = {m for s in envoy.sponsors for m in sponsor_leaning(self._world, s, party)[1]}
            out[party] = (envoy_leaning(self._world, party), tuple(sorted(backers)))
        return out

    def believed_ideal(self, party: str) -> Text:
        """The mediator's reading of a party's ideal text (with its errors)."""
        talks = self._world.peace.talks
        settlement = self._world.settlement
        if talks is None or settlement is None:
            return {}
        spread, _ = uncertainty(self._world, talks)
        ideal = settlement.positions[party].ideal
        return {
            i: min(1.0, max(0.0, ideal[i] + spread * talks.errors[party][i]))
            for i in settlement.issue_ids()
        }

    def estimated_margins(self, text: Text) -> dict[str, int]:
        """The mediator's estimate, party by party, of by how many points each would accept."""
        talks = self._world.peace.talks
        if talks is None:
            return {}
        return MarginEstimator(self._world).margins(text)

    def margin_estimator(self) -> MarginEstimator | None:
        """The mediator's estimates for many candidate texts against the world as it is now
        (None without talks): faster than :meth:`estimated_margins` text by text."""
        return MarginEstimator(self._world) if self._world.peace.talks is not None else None

    def tactical(self) -> tuple[str, ...]:
        """Parties that signed the last text put without meaning to implement it."""
        records = self._world.peace.records
        return records[-1].tactical if records else ()

    def answers(self) -> dict[str, Stance]:
        """The parties' answers to the last text put to them."""
        talks = self._world.peace.talks
        return dict(talks.answers) if talks is not None else {}

    def zone(self) -> dict[str, dict[str, tuple[float, float]]]:
        """Issue by issue, each party's acceptable range (see
        :func:`sim.model.parties.zone_of_agreement`): for the screen and for teachers."""
        return zone_of_agreement(self._world, self.parties(), stage(self._world))
