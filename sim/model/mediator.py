"""The AI mediator: the Secretary-General's envoy, as an agent profile.

Assumptions (the practice of UN special and joint envoys described by Beardsley 2011, *The
Mediation Dilemma*, and the single-text procedure): the Secretary-General appoints the envoy the
scenario names in its month (or, where it names none, a special envoy once the fighting passes
``envoy_intensity_threshold``); the envoy convenes every party with women's groups and civil
society at the table, starting from the scenario's text or the middle of what it believes the
parties want; in each consultation round it makes the single amendment that its *estimates*
(never the parties' true bottom lines) say brings the most parties to yes, and puts the text to
the parties at the end of the month; it asks for any UN mission on the ground as a guarantee;
after an adjournment it waits ``talks_patience`` months before trying again. When a regional
organization's chair (a player) appoints a joint envoy with the UN, the chair convenes the talks
(who sits at the table is its decision) and the Secretary-General's envoy drafts and puts the
text; an organization's envoy without the UN is left to its chair.

Historical profile (``mandate run --historical``): the envoy puts the scenario's text as written
and makes no other proposal, offers no guarantee and stops once that text is signed or refused
until the talks adjourn: the parties' answers are the model's, the diplomacy is the record's.
"""

from __future__ import annotations

from sim.model.commands import Command
from sim.model.mediation import (
    SECRETARY_GENERAL,
    AmendText,
    AppointEnvoy,
    ConveneTalks,
    OfferGuarantee,
    PutText,
)
from sim.model.peace import Text
from sim.model.peace_view import PeaceView
from sim.model.view import WorldView
from sim.model.world import World

DEFAULT_ENVOY = "the Special Envoy"


class Mediator:
    """The Secretary-General and the envoy it appoints (see the module docstring)."""

    def __init__(self, historical: bool = False) -> None:
        self.actor = SECRETARY_GENERAL
        self.historical = historical

    def open_month(self, view: WorldView) -> list[Command]:
        """Appoint the envoy, convene talks, offer missions on the ground as guarantees."""
        peace = view.peace()
        settlement = peace.settlement
        if settlement is None:
            return []
        envoy = peace.envoy
        plan = settlement.envoy
        if envoy is None:
            if plan is not None:
                if view.month < plan.month:
                    return []
                partner = plan.sponsors[1] if len(plan.sponsors) > 1 else ""
                return [AppointEnvoy(plan.sponsors[0], plan.name, partner)]
            ripe = view.phase == "war" and view.intensity >= self._threshold(view)
            return (
                [AppointEnvoy(SECRETARY_GENERAL, DEFAULT_ENVOY)]
                if ripe and not self.historical
                else []
            )
        if SECRETARY_GENERAL not in envoy.sponsors:
            return []  # an organization's own envoy: its chair runs the talks
        commands: list[Command] = []
        convenes = envoy.sponsors[0] == SECRETARY_GENERAL  # else the appointing chair decides
        if convenes and peace.talks is None and self._may_convene(view, peace):
            opening = plan.opening if plan is not None and plan.opening else None
            inclusive = not self.historical  # historical talks were between the armed parties
            commands.append(
                ConveneTalks(SECRETARY_GENERAL, peace.parties(), inclusive, inclusive, opening)
            )
        if not self.historical:
            missions = [m for m in peace.unguaranteeing_missions() if m.strength("troops") > 0]
            commands += [OfferGuarantee(SECRETARY_GENERAL, m.id) for m in missions]
        return commands

    def consult(self, view: WorldView) -> list[Command]:
        """One amendment of the text, when the envoy's estimates say it helps."""
        peace = view.peace()
        talks = peace.talks
        if talks is None or self.historical or not self._drafts(peace):
            return []
        best = self._best_amendment(view, peace, talks.text)
        return [] if best is None else [AmendText(SECRETARY_GENERAL, *best)]

    def close_month(self, view: WorldView) -> list[Command]:
        """Put the text to the parties."""
        peace = view.peace()
        talks = peace.talks
        if talks is None or not self._drafts(peace):
            return []
        if self.historical and talks.version > 1:
            return []  # the historical text was signed; the rest is the record's
        return [PutText(SECRETARY_GENERAL)]

    def _drafts(self, peace: PeaceView) -> bool:
        """True when the Secretary-General sponsors the envoy, alone or jointly: the UN's
        envoy then holds the text, whoever convened the talks."""
        return peace.envoy is not None and SECRETARY_GENERAL in peace.envoy.sponsors

    def _threshold(self, view: WorldView) -> float:
        return view.peace().coefficient("envoy_intensity_threshold")

    def _may_convene(self, view: WorldView, peace: PeaceView) -> bool:
        if view.phase == "peace":
            return False
        if self.historical:
            return peace.sessions == 0
        wait = int(view.peace().coefficient("talks_patience"))
        return peace.adjourned_month == 0 or view.month >= peace.adjourned_month + wait

    def _best_amendment(
        self, view: WorldView, peace: PeaceView, text: Text
    ) -> tuple[Text, str] | None:
        """The single move of one issue toward one party that the envoy expects to bring the
        most parties to yes (then the largest smallest margin)."""
        step = view.peace().coefficient("talks_amend_step")
        estimator = peace.margin_estimator()
        assert estimator is not None

        def key(candidate: Text) -> tuple[int, int]:
            margins = estimator.margins(candidate)
            return sum(m > 0 for m in margins.values()), min(margins.values())

        current = key(text)
        if current[0] == len(peace.parties()):
            return None
        best: tuple[tuple[int, int], Text, str] | None = None
        talks = peace.talks
        assert talks is not None and peace.settlement is not None
        labels = peace.party_labels()
        for party in talks.parties:
            believed = peace.believed_ideal(party)
            for issue in peace.settlement.issue_ids():
                gap = believed[issue] - text[issue]
                if abs(gap) < 0.01:
                    continue
                moved = round(text[issue] + max(-step, min(step, gap)), 2)
                candidate = {**text, issue: moved}
                score = key(candidate)
                name = peace.settlement.issue_name(issue).lower()
                if best is None or score > best[0]:
                    best = (score, candidate, f"toward {labels[party]} on {name}")
        if best is None or best[0] <= current:
            return None
        return {k: v for k, v in best[1].items() if v != text[k]}, best[2]


def mediator_agents(world: World, historical: bool) -> list[Mediator]:
    """The mediator, where the scenario gives the parties settlement positions."""
    return [Mediator(historical)] if world.settlement is not None else []
