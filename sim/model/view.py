"""A read-only view of the world for agents (and, later, screens).

Agents decide from what the view tells them and answer with commands; they never touch the world.
The view hands out copies or immutable values only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.model import forces
from sim.model.caveats import caveats_due
from sim.model.coefficients import Coefficients
from sim.model.commands import Command
from sim.model.drafts import Clauses, Draft, DraftTemplate
from sim.model.explain import POINTS_PER_UNIT
from sim.model.intel import band_points, private_points
from sim.model.operations import bridging_clauses, host_grievance
from sim.model.peace_view import PeaceView
from sim.model.stance import (
    Ballot,
    IntArray,
    ballot,
    candidate_totals,
    draft_ballot,
    policy_points,
    side_payment_rates,
    thresholds,
)
from sim.model.strategy import Ask, Concessions, ask_of
from sim.model.voting import Tally, VotingBody
from sim.model.world import Mission, Statement, World


class WorldView:
    """Questions an agent may ask about the world, as ``observer`` knows it.

    With ``observer=None`` the view is omniscient (``mandate run --explain``, the teacher, tests);
    with a seat's id, forecasts on drafts under consultation use that seat's estimates of the
    other members' private reservations (:mod:`sim.model.intel`), so a whip count can be wrong.
    """

    def __init__(self, world: World, observer: str | None = None) -> None:
        self._world = world
        self.observer = observer
        # Who contacted whom this month, rebuilt when a contact is added (contacts only grow).
        self._contacts_seen: tuple[int, int] = (-1, -1)
        self._contacted: dict[str, list[str]] = {}
        self._vetoes_seen = -1
        self._gaps_seen: tuple[int, int] = (-1, -1)
        self._gaps: dict[tuple[str, str], int] = {}
        self._veto_holders: frozenset[str] = frozenset()

    def seen_by(self, observer: str | None) -> WorldView:
        """The same questions answered from ``observer``'s knowledge."""
        return type(self)(self._world, observer)

    @property
    def council(self) -> str:
        """The id of the body that is the scenario's Security Council."""
        return self._world.council

    def what_if(self, draft_id: str, clauses: Clauses) -> tuple[Ballot, Tally]:
        """How the draft's body would vote if the draft (under consultation or prepared) read
        ``clauses``; nothing changes."""
        w = self._world
        current = w.drafts.get(draft_id)
        if current is not None:
            result = draft_ballot(w, current, self.observer, clauses)
            return result, w.bodies[current.body].tally(result.choices())
        template = self.template(draft_id)
        result = ballot(w, template.body, clauses, template.penholder)
        return result, w.bodies[template.body].tally(result.choices())

    @property
    def coefficients(self) -> Coefficients:
        """The model's coefficients now (immutable)."""
        return self._world.coefficients

    def ask(self, draft: Draft, member: str) -> Ask | None:
        """What ``member`` wants changed in ``draft`` to move its vote one step up (None when it
        votes yes or nothing within three concessions would move it). Only the member itself (or
        the omniscient view) knows this exactly; others learn it when the member says it."""
        return ask_of(self._world, draft, member)

    def concessions(self, draft: Draft, member: str) -> Concessions:
        """``member``'s ask, red line and rival text on ``draft`` from one shared search (see
        :class:`strategy.Concessions`): valid until the world next changes."""
        return Concessions(self._world, draft, member)

    def statements(self, draft: Draft) -> list[Statement]:
        """What was said on the current version of ``draft`` that the observer heard."""
        return [
            st
            for st in self._world.statements
            if st.draft == draft.id
            and st.version == draft.version
            and (not st.to or self.observer in (None, st.to, st.actor))
        ]

    def threatened(self, draft: Draft, member: str) -> bool:
        """True once ``member`` has threatened in public to veto ``draft`` (any version)."""
        return any(
            st.draft == draft.id and st.actor == member and st.kind == "veto_threat"
            for st in self._world.statements
        )

    def check(self, command: Command) -> list[str]:
        """Why ``command`` would be refused now (nothing changes)."""
        return command.check(self._world)

    def contacted(self, member: str) -> list[str]:
        """Who lobbied ``member`` or offered it a side deal this month, in order."""
        w = self._world
        if self._contacts_seen != (w.month, len(w.contacts)):
            self._contacts_seen = (w.month, len(w.contacts))
            self._contacted = {}
            for month, actor, target in w.contacts:
                if month == w.month:
                    self._contacted.setdefault(target, []).append(actor)
        return list(self._contacted.get(member, ()))

    def holds_a_veto(self, member: str) -> bool:
        """Whether ``member`` holds a veto in any body (membership changes only between months)."""
        w = self._world
        if self._vetoes_seen != w.month:
            self._vetoes_seen = w.month
            self._veto_holders = frozenset(v for b in w.bodies.values() for v in b.veto)
        return member in self._veto_holders

    @property
    def month(self) -> int:
        """The month being played (1-based)."""
        return self._world.month

    def body(self, body_id: str) -> VotingBody:
        """A voting body (immutable)."""
        return self._world.bodies[body_id]

    def drafts(self) -> list[Draft]:
        """Drafts under consultation, in id order (treat as read-only)."""
        return [self._world.drafts[k] for k in sorted(self._world.drafts)]

    def side_payment_points(self, recipient: str) -> float:
        """Points of support one unit of political capital buys from ``recipient`` as a side
        payment (a permanent member counts only a share of it)."""
        return float(side_payment_rates(self._world, [recipient])[0]) * POINTS_PER_UNIT

    def lobby_cost(self) -> float:
        """Political capital one lobbying démarche costs."""
        return self._world.coefficients.lobby_cost

    def draft_in(self, body_id: str) -> Draft | None:
        """The draft before a body (treat as read-only)."""
        return self._world.draft_in(body_id)

    def due_templates(self, penholder: str) -> list[DraftTemplate]:
        """Prepared drafts of ``penholder`` that may be tabled now, in scenario order."""
        w = self._world
        return [
            t
            for t in w.templates
            if t.penholder == penholder and t.id not in w.tabled and t.month <= w.month
        ]

    def was_tabled(self, draft_id: str) -> bool:
        """True once a draft (prepared or a rival text) with this id has been tabled."""
        return draft_id in self._world.tabled

    def template(self, draft_id: str) -> DraftTemplate:
        """The draft as the scenario prepared it."""
        return next(t for t in self._world.templates if t.id == draft_id)

    def in_force(self, penholder: str, body_id: str) -> bool:
        """True while a resolution ``penholder`` drafted in ``body_id`` is in force."""
        w = self._world
        drafted = {t.id for t in w.templates if t.penholder == penholder and t.body == body_id}
        return any(r.draft in drafted or r.mission in drafted for r in w.resolutions_in_force())

    def capital(self, actor: str) -> float:
        """Political capital an actor has left."""
        return float(self._world.states.capital[self._world.states.index[actor]])

    def theatre_organizations(self) -> tuple[str, ...]:
        """Regional organizations with standing in the theatre."""
        return self._world.theatre.organizations

    def forecast(self, draft: Draft) -> tuple[Ballot, Tally]:
        """How the draft's body would vote now, with every factor (as the observer estimates)."""
        result = draft_ballot(self._world, draft, self.observer)
        return result, self._world.bodies[draft.body].tally(result.choices())

    def bands(self, draft: Draft) -> dict[str, int]:
        """How far (points) the observer's estimate of each member's total may be off."""
        voters = sorted(self._world.bodies[draft.body].members)
        widths = band_points(self._world, draft, voters, self.observer)
        return dict(zip(voters, widths, strict=True))

    def organization_forecast(self, org_id: str, draft: Draft) -> Tally:
        """How a regional organization's body would decide on endorsing the draft now."""
        org = self._world.organizations[org_id]
        result = ballot(self._world, org.body, draft.clauses, draft.penholder, draft.side_payments)
        return self._world.bodies[org.body].tally(result.choices())

    def candidate_outcomes(
        self, draft: Draft, candidates: Sequence[Clauses]
    ) -> tuple[IntArray, IntArray, IntArray]:
        """For each candidate: passes (0/1), veto threats, yes votes — computed together."""
        w = self._world
        body = w.bodies[draft.body]
        voters = tuple(sorted(body.members))
        private = dict(zip(voters, private_points(draft, voters, self.observer), strict=True))
        totals = candidate_totals(
            w,
            draft.body,
            candidates,
            draft.penholder,
            draft.side_payments,
            draft.endorsements,
            private,
        )
        yes_above, no_below = thresholds(w, body, voters)
        yes = totals > yes_above[None, :]
        no = totals < no_below[None, :]
        weights = dict(zip(body.members, body.weights, strict=True))
        weight_row = np.array([weights[v] for v in voters])
        veto_row = np.array([v in body.veto for v in voters])
        threats = (no & veto_row[None, :]).sum(axis=1)
        passes = ((yes * weight_row[None, :]).sum(axis=1) >= body.quota) & (threats == 0)
        return passes.astype(np.int64), threats.astype(np.int64), yes.sum(axis=1)

    def own_utility(self, actor: str, candidates: Sequence[Clauses]) -> IntArray:
        """An actor's policy score (points) for each candidate against the status quo."""
        points: IntArray = policy_points(self._world, [actor], candidates)[:, 0, :].sum(axis=1)
        return points

    # The ground: missions, contributors, regional forces, host consent.

    @property
    def intensity(self) -> float:
        """The theatre's intensity now."""
        return self._world.theatre.intensity

    @property
    def phase(self) -> str:
        """The theatre's phase: war, ceasefire or peace."""
        return self._world.theatre.phase

    @property
    def host_consent(self) -> bool:
        """Whether the host government consents to missions."""
        return self._world.theatre.host_consent

    @property
    def host(self) -> str:
        """The host government's party id."""
        return self._world.theatre.host

    def recruiting_missions(self) -> list[Mission]:
        """UN and hybrid missions that still take pledges (treat as read-only)."""
        return [
            m for m in self._world.active_missions() if m.kind != "regional" and not m.withdrawing
        ]

    def pledge_size(self, contributor: str, mission: Mission, kind: str) -> int:
        """What a contributor would pledge of ``kind`` to ``mission`` this month."""
        # Every contributor is asked in turn; the mission's gap changes only when a command
        # (which always reports an event) or the month's end moves personnel.
        w = self._world
        stamp = (w.month, len(w.events))
        if self._gaps_seen != stamp:
            self._gaps_seen, self._gaps = stamp, {}
        missing = self._gaps.get((mission.id, kind))
        if missing is None:
            missing = self._gaps[(mission.id, kind)] = forces.gap(mission, kind)
        return forces.pledge_size(w, contributor, mission, kind, missing)

    def caveats_due(
        self, contributor: str, pledging: tuple[str, ...] = ()
    ) -> list[tuple[str, tuple[str, ...]]]:
        """Missions where the contributor's contingent lacks its declared national caveats
        (see :func:`sim.model.caveats.caveats_due`)."""
        return caveats_due(self._world, contributor, pledging)

    def deployment_share(self) -> float:
        """Deployed personnel as a share of the ceilings of UN and hybrid missions."""
        return forces.deployment_share(self._world)

    def regional_force_wanted(self, organization: str) -> bool:
        """Whether a regional organization's own body would vote to deploy its force now."""
        w = self._world
        capacity = w.regional.get(organization)
        if capacity is None or w.theatre.intensity <= capacity.deploy_above:
            return False
        if any(m.authority == organization and m.active for m in w.missions):
            return False
        if any(m.kind != "regional" and m.strength("troops") > 0 for m in w.active_missions()):
            return False
        org = w.organizations[organization]
        result = ballot(w, org.body, bridging_clauses(w, organization), capacity.lead)
        return w.bodies[org.body].tally(result.choices()).passed

    def host_grievance(self) -> float:
        """The host government's grievance against the Council's measures."""
        return host_grievance(self._world)

    def consent_tolerance(self) -> float:
        """The grievance at which the host withdraws consent."""
        return self._world.theatre.consent_tolerance

    def expiring_missions(self, penholder: str) -> list[Mission]:
        """Missions this penholder created whose mandate ends this month."""
        w = self._world
        mine = {t.id for t in w.templates if t.penholder == penholder}
        return [
            m for m in self.recruiting_missions() if m.id in mine and m.expires_month == w.month
        ]

    def original_clauses(self, draft: Draft) -> Clauses:
        """What a draft's penholder first wanted: the prepared text, or for a renewal the
        mandate it renews (the draft itself when neither exists)."""
        w = self._world
        template = next((t for t in w.templates if t.id == draft.id), None)
        if template is not None and template.renews is None:
            return template.clauses
        mission = draft.renews
        if mission is not None and any(r.mission == mission for r in w.resolutions):
            return self.last_clauses(mission)
        return template.clauses if template is not None else draft.clauses

    def last_clauses(self, mission_id: str) -> Clauses:
        """The clauses of the latest resolution that created or renewed a mission."""
        return [r for r in self._world.resolutions if r.mission == mission_id][-1].clauses

    def conceded_targets(self) -> set[str]:
        """Parties that conceded under sanctions."""
        return {e.target for e in self._world.sanctions if e.conceded}

    def issue_ids(self) -> tuple[str, ...]:
        """Issue dimension ids in order."""
        return self._world.issues.ids

    def peace(self) -> PeaceView:
        """The peace process as a mediator may see it (:mod:`sim.model.peace_view`)."""
        return PeaceView(self._world)
