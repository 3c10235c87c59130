"""AI behaviour profiles: each class is one way of playing a seat, from a view to commands.

Agents never change the world themselves: the engine applies what they return, after checking it.
"""

from __future__ import annotations

import math

import numpy as np

from sim.model.caveats import SetCaveats
from sim.model.commands import (
    AmendDraft,
    CallVote,
    Command,
    Lobby,
    OfferSidePayment,
    RequestEndorsement,
    TableDraft,
    TableRenewal,
)
from sim.model.concessions import strengthened, watered_down
from sim.model.diplomacy import WithdrawDraft
from sim.model.drafts import CLAUSE_NUMBERS, Clauses, Draft, Sanction
from sim.model.operations import DeployRegionalForce, PledgeTroops, WithdrawConsent
from sim.model.stance import IntArray
from sim.model.strategy import text_values
from sim.model.trades import trade_for
from sim.model.view import WorldView
from sim.model.world import PERSONNEL, Mission

MAX_SIDE_PAYMENT = 3.0


def _rounded(troops: float) -> int:
    """Troops rounded to the agents' step for the troop ceiling (the clause table's)."""
    step = CLAUSE_NUMBERS["troop_ceiling"].agent_step
    return int(step * round(troops / step))


class PragmaticPenholder:
    """A penholder that wants a resolution adopted more than it wants its exact wording.

    Assumptions (the P3 drafting pattern described by Security Council Report's penholder studies
    and by Voeten 2001): it tables its prepared drafts in order; first asks the regional
    organizations of the theatre to endorse, but only where it expects a yes (and tables nothing
    new while a resolution it drafted is in force in that body, unless the new text re-hats or
    joins a force); while its draft is
    forecast to fail it makes the one change that most improves the forecast (removing veto
    threats first, then gaining yes votes): a concession, or putting back a clause it conceded
    earlier when positions have moved; it never waters a draft down below the status quo in its
    own eyes; when concessions do not help it spends political capital on side deals (when a
    small one suffices) or lobbying of the member closest to switching. It calls the vote as soon
    as the draft is forecast to pass, and after ``patience`` months calls it anyway, putting any
    veto on the record.
    """

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def open_month(self, view: WorldView) -> list[Command]:
        """Renew expiring mandates; table the next prepared draft when the body is free."""
        for mission in view.expiring_missions(self.actor):
            if view.host_consent:
                return [TableRenewal(self.actor, mission.id, self.renewal(view, mission))]
        for template in view.due_templates(self.actor):
            body_free = view.draft_in(template.body) is None
            # A text that takes over or joins a force (a re-hatting, a hybrid) is tabled even
            # while the penholder's earlier resolution stands, as Res. 1769 was beside 1706.
            takes_over = template.rehat_from is not None or template.hybrid_with is not None
            if body_free and (takes_over or not view.in_force(self.actor, template.body)):
                return [TableDraft(self.actor, template.id)]
        return []

    def renewal(self, view: WorldView, mission: Mission) -> Clauses:
        """The renewal the Secretary-General's report suggests.

        Expand by a quarter when the fighting is heavy and the mission nearly full; halve the
        troops once a peace agreement has calmed the theatre; otherwise roll it over. Sanctions
        on parties that conceded are lifted.
        """
        clauses = view.last_clauses(mission.id)
        if view.phase == "peace" and view.intensity < 0.2:
            clauses = clauses.changed(troop_ceiling=_rounded(clauses.troop_ceiling * 0.5))
        elif view.intensity >= 0.5 and view.deployment_share() >= 0.8:
            clauses = clauses.changed(troop_ceiling=_rounded(clauses.troop_ceiling * 1.25))
        conceded = view.conceded_targets()
        kept = tuple(
            Sanction(s.kind, tuple(t for t in s.targets if t not in conceded))
            for s in clauses.sanctions
        )
        return clauses.changed(sanctions=tuple(s for s in kept if s.targets))

    def consult(self, view: WorldView) -> list[Command]:
        """One round of consultations: endorsement requests, then one change or deal."""
        commands: list[Command] = []
        seen = view.seen_by(self.actor)
        for draft in self._drafts(seen):
            commands += self._endorsements(seen, draft)
            if seen.forecast(draft)[1].passed:
                continue
            amendment = self._best_text(seen, draft)
            if amendment is not None:
                commands.append(amendment)
                continue
            deal = self._persuade(seen, draft)
            if deal is not None:
                commands.append(deal)
        return commands

    def close_month(self, view: WorldView) -> list[Command]:
        """Call the vote when the draft is forecast to pass; when patience has run out, force a
        vote that only a veto would stop (the veto goes on the record), or else withdraw."""
        commands: list[Command] = []
        seen = view.seen_by(self.actor)
        for draft in self._drafts(seen):
            months_open = seen.month - draft.tabled_month + 1
            if seen.forecast(draft)[1].passed:
                commands.append(CallVote(self.actor, draft.id))
            elif months_open >= draft.patience:
                value = self._values(seen, draft, [draft.clauses])[0]
                if value > 0 or draft.renews is not None:
                    commands.append(CallVote(self.actor, draft.id))
                else:
                    reason = "it lacks the votes"
                    commands.append(WithdrawDraft(self.actor, draft.id, reason))
        return commands

    def _drafts(self, view: WorldView) -> list[Draft]:
        return [d for d in view.drafts() if d.penholder == self.actor]

    def _endorsements(self, view: WorldView, draft: Draft) -> list[Command]:
        if draft.renews is not None:
            return []
        return [
            RequestEndorsement(self.actor, draft.id, org)
            for org in view.theatre_organizations()
            if org not in draft.endorsements and view.organization_forecast(org, draft).passed
        ]

    def _values(self, view: WorldView, draft: Draft, candidates: list[Clauses]) -> IntArray:
        outcomes = view.candidate_outcomes(draft, candidates)
        own = view.own_utility(self.actor, candidates)
        return text_values(view.coefficients, view.body(draft.body), outcomes, own)

    def _best_text(self, view: WorldView, draft: Draft) -> AmendDraft | None:
        """The change of text worth most by expected value (:func:`text_values`): a concession,
        a clause restored, or what a member asked for — never below the status quo in the
        penholder's own eyes. Ties go to the text with better prospects (passes, fewer veto
        threats, more yes votes), so the penholder keeps working toward a pass."""
        original = view.original_clauses(draft)
        options = watered_down(draft.clauses) + strengthened(draft.clauses, original)
        options += [
            (f"meets {st.actor}'s ask", st.clauses)
            for st in view.statements(draft)
            if st.clauses is not None and st.clauses != draft.clauses
        ]
        if not options:
            return None
        candidates = [draft.clauses] + [c for _, c in options]
        outcomes = view.candidate_outcomes(draft, candidates)
        passes, threats, yes = outcomes
        utility = view.own_utility(self.actor, candidates)
        values = text_values(view.coefficients, view.body(draft.body), outcomes, utility)
        keys = [
            (int(values[i]), int(passes[i]), -int(threats[i]), int(yes[i]))
            for i in range(len(candidates))
        ]
        allowed = [i for i in range(1, len(candidates)) if utility[i] > 0]
        if not allowed:
            return None
        best = max(allowed, key=lambda i: (keys[i], int(utility[i]), -i))
        if keys[best] <= keys[0]:
            return None
        reason, clauses = options[best - 1]
        return AmendDraft(self.actor, draft.id, clauses, reason)

    def _persuade(self, view: WorldView, draft: Draft) -> Command | None:
        result, _ = view.forecast(draft)
        totals = result.totals
        threats = [
            (int(result.no_below[i] - totals[i]), v)
            for i, v in enumerate(result.voters)
            if result.veto[i] and totals[i] < result.no_below[i]
        ]
        waverers = [
            (int(result.yes_above[i] + 1 - totals[i]), v)
            for i, v in enumerate(result.voters)
            if totals[i] <= result.yes_above[i] and v != self.actor
        ]
        targets = sorted(threats) or sorted(waverers)
        if not targets:
            return None
        gap, target = targets[0]
        trade = trade_for(view, self.actor, draft.id, target, gap)
        if trade is not None:
            return trade  # a vote for a vote costs no capital
        per_capital = view.side_payment_points(target)
        needed = math.ceil(gap / per_capital) if per_capital > 0 else math.inf
        capital = view.capital(self.actor)
        if needed <= min(MAX_SIDE_PAYMENT, capital):
            return OfferSidePayment(self.actor, draft.id, target, float(needed))
        if capital < view.lobby_cost():
            return None
        row = result.voters.index(target)
        policy = result.points[row, : len(view.issue_ids())]
        worst = int(np.argmin(policy))
        if policy[worst] >= 0:
            return None
        return Lobby(self.actor, target, view.issue_ids()[worst])


class HistoricalPenholder(PragmaticPenholder):
    """A penholder that tables each prepared draft exactly as written, in its month, and calls
    the vote at once: for replaying history (``mandate run --historical``).

    Assumptions: the scenario's drafts are the texts as they were put to the vote, and their
    ``month`` is when they were voted; consultations before that are history, already reflected
    in the positions the scenario gives. Mandates it created are renewed as a pragmatic
    penholder would, except authorizations the scenario marks ``time_limited`` (Res. 929's two
    months of Opération Turquoise), which lapse as they did.
    """

    def open_month(self, view: WorldView) -> list[Command]:
        """Renew what expires, else table and vote this month's historical draft."""
        for mission in view.expiring_missions(self.actor):
            if view.host_consent and not view.template(mission.id).time_limited:
                return [TableRenewal(self.actor, mission.id, self.renewal(view, mission))]
        for template in view.due_templates(self.actor):
            if template.month == view.month and view.draft_in(template.body) is None:
                return [
                    TableDraft(self.actor, template.id, as_recorded=True),
                    CallVote(self.actor, template.id),
                ]
        return []

    def consult(self, view: WorldView) -> list[Command]:
        """Only renewals are negotiated."""
        return [] if not any(d.renews for d in self._drafts(view)) else super().consult(view)


class Bystander:
    """A seat with nothing to decide in a phase: the base of the non-drafting profiles."""

    actor: str

    def open_month(self, view: WorldView) -> list[Command]:
        """Nothing at the start of the month."""
        return []

    def consult(self, view: WorldView) -> list[Command]:
        """Nothing in consultations."""
        return []

    def close_month(self, view: WorldView) -> list[Command]:
        """Nothing before the month ends."""
        return []


class TroopContributor(Bystander):
    """A state that sends uniformed personnel when the terms suit it.

    Assumptions: it weighs reimbursement, regional proximity and its relation with the host
    state against the risk to its soldiers (intensity × (1 − casualty tolerance)); it refuses
    missions whose tasks it has a caveat against; it pledges a share of its spare capacity each
    month rather than all at once (Gaibulloev et al. 2015; Bove & Elia 2011). See
    :func:`sim.model.forces.willingness`. Its contingents serve under the national caveats its
    scenario declares for it, set as soon as it pledges (:mod:`sim.model.caveats`).
    """

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def open_month(self, view: WorldView) -> list[Command]:
        """Pledge to every mission that needs personnel it is willing to send; put its declared
        caveats on contingents that lack them."""
        commands: list[Command] = []
        for mission in view.recruiting_missions():
            for kind in PERSONNEL:
                size = view.pledge_size(self.actor, mission, kind)
                if size > 0:
                    commands.append(PledgeTroops(self.actor, mission.id, kind, size))
        pledging = tuple(c.mission for c in commands if isinstance(c, PledgeTroops))
        for mission_id, caveats in view.caveats_due(self.actor, pledging):
            commands.append(SetCaveats(self.actor, mission_id, caveats))
        return commands


class RegionalOrganization(Bystander):
    """A regional organization that acts before the UN when the crisis is grave enough.

    Assumptions (the AU and ECOWAS pattern of Mali 2012–13 and Somalia 2007): once intensity
    passes its threshold and no UN troops are on the ground, it puts a bridging force to its own
    body's vote, and asks the Council to authorize and take it over. It does not deploy twice.
    """

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def open_month(self, view: WorldView) -> list[Command]:
        """Deploy the bridging force when its body would approve."""
        if view.regional_force_wanted(self.actor):
            return [DeployRegionalForce(self.actor)]
        return []


class HostGovernment(Bystander):
    """The host government, which tolerates foreign missions until its grievance is too great.

    Assumptions: Chapter VII missions, sanctions on the government and a referral to the ICC
    each add grievance (coefficients ``grievance_*``); at the theatre's ``consent_tolerance`` it
    withdraws consent, as Sudan refused UNMIS in Darfur (2006) and Mali ended MINUSMA (2023).
    """

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def close_month(self, view: WorldView) -> list[Command]:
        """Withdraw consent when the grievance reaches the tolerance."""
        if view.host_consent and view.host_grievance() >= view.consent_tolerance():
            return [WithdrawConsent(self.actor)]
        return []
