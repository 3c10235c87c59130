"""Lint: what a valid scenario probably did not mean (``mandate check --strict``).

The loader refuses files that cannot work; this module reads a file that loaded and points at what
works but is probably a mistake: a state nothing refers to, an objective nothing in the game can
affect, an ending that can never be reached, a body that can probably never agree. Each warning
is a ``(path, message)`` pair like the loader's problems, so that it is printed at the key's file,
line and column as ``FILE:LINE:COL: field.path: warning: message [lint-name]``.

The reasoning is static and conservative: the scenario's prepared drafts *as written*, its
initial missions, organizations and triggers decide what can happen. AI penholders only concede
clauses of their prepared drafts or put conceded ones back, so a metric that no prepared draft can
move stays where it starts when the AI plays every seat (a human penholder may write more into a
draft in the desktop game; the warnings say "as written" for that reason).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path as FilePath

from sim.model.coefficients import default_coefficients
from sim.model.drafts import Clauses
from sim.scenario.build import draft_clauses
from sim.scenario.dated_names import name_of_another_date
from sim.scenario.loader import Problem, format_path
from sim.scenario.locate import KeyPath, locate_keys, nearest_location
from sim.scenario.schema import DraftSpec, EndingSpec, ObjectiveSpec, ScenarioFile, TriggerSpec

Warning = tuple[KeyPath, str]

LINTS: dict[str, str] = {
    "no-sources": "`sources` is empty: a scenario should say where its numbers come from.",
    "no-assumptions": "`assumptions` is empty: a scenario should say what it simplifies.",
    "unused-state": "a state that is in no body or organization, patron of no party, penholder"
    " of no draft, no troop contributor, named by no trigger, and neither host state, mission"
    " contributor nor player: it plays no part.",
    "unused-body": "a voting body that is not the council, no organization's body, and where no"
    " draft is ever put: no vote is ever held in it.",
    "unused-organization": "an organization that is not among the theatre's organizations (so no"
    " penholder asks it to endorse), has no bridging force, and no draft or mission refers to it.",
    "idle-bridging-force": "an organization with a bridging force whose `deploy_above` is 1 or"
    " more: intensity never rises above 1, so the force never deploys.",
    "untargeted-sanction": "a sanctions measure with no `targets`: it moves the draft on the issue"
    " dimensions but imposes nothing on anyone.",
    "penholder-outside-body": "a draft whose penholder is not a member of the body it is put to"
    " (neither from the start nor by a trigger's `replace_member` that gives it a seat).",
    "player-off-council": "the player's seat (`player`, or by default the penholder of the first"
    " draft in the file) is not a member of the council: the player cannot vote there. (With no"
    " draft, the default seat is the council's first permanent member, else its first member.)",
    "deadlock": "a consensus or unanimity body with two members whose ideals lie at least 0.5"
    " apart on every dimension: any draft one of them wants the other opposes, so the body can"
    " probably never agree.",
    "unaffected-objective": "an objective that nothing in the scenario can affect: its metric"
    " cannot move (no prepared draft, initial mission, organization or trigger changes it), or no"
    " vote it depends on is ever held, so it is decided from the start.",
    "impossible-objective": "an objective whose threshold lies outside the range its metric can"
    " take, so it can never be met (or is met at once).",
    "dead-trigger": "a trigger whose condition can never hold (a month after the last, a metric"
    " that cannot reach its threshold, a veto where nobody holds one, `chance = 0`...).",
    "unreachable-ending": "an ending that can never be reached: its condition can never hold, it"
    " starts after the last month, or an earlier ending that always holds ends the game first.",
    "unconditional-ending": "an ending whose condition always holds: the game ends in its"
    " `from_month` whatever the players do.",
    "consent-at-once": "`consent_tolerance` is 0: the host government withdraws its consent in the"
    " first month, whatever the Council does.",
    "name-of-another-date": "a state shows a name that came into use after the scenario's `start`"
    " (the roster's Czechia in 1994, say): give it the `name` of the scenario's date.",
}

# Metrics that cannot exceed an upper bound (every metric is at least 0).
UPPER_BOUNDS: dict[str, float] = {
    "intensity": 1.0,
    "phase": 2.0,
    "humanitarian_access": 1.0,
    "government_control": 1.0,
    "government_resources": 1.0,
    "armed_group_resources": 1.0,
    "deployment_share": 1.0,
    "host_consent": 1.0,
}
DEADLOCK_GAP = 0.5
PERSONNEL_METRICS = {
    "troops_deployed": "troops",
    "troop_ceiling": "troops",
    "police_deployed": "police",
    "police_ceiling": "police",
    "observers_deployed": "observers",
}


def _warn(path: KeyPath, lint: str, message: str) -> Warning:
    assert lint in LINTS
    return path, f"{message} [{lint}]"


def _as_written(draft: DraftSpec) -> Clauses:
    return draft_clauses(draft)


def veto_holders(s: ScenarioFile, body_id: str) -> set[str]:
    """Members of a body whose no vote blocks a draft (every member under consensus/unanimity)."""
    body = next((b for b in s.bodies if b.id == body_id), None)
    if body is None:
        return set()
    if body.rule in ("consensus", "unanimity"):
        return set(body.members)
    return set(body.permanent)


@dataclass(frozen=True)
class Reach:
    """What can happen in a scenario at all, by static reasoning over the file.

    ``personnel``: kinds of UN or hybrid personnel some mission can have; ``regional``: a
    regional force can be on the ground; ``sanctioned``: parties some draft can sanction;
    ``consent_can_fall``: the host may withdraw consent; ``veto_votes``: some draft goes to a
    vote where someone holds a veto; ``max_resolutions``: most resolutions that can be adopted.
    """

    personnel: frozenset[str]
    regional: bool
    sanctioned: frozenset[str]
    consent_can_fall: bool
    veto_votes: bool
    max_resolutions: float
    consent_reason: str

    @staticmethod
    def of(s: ScenarioFile) -> Reach:
        """Work out what the scenario ``s`` can bring about."""
        personnel: set[str] = set()
        regional = False
        sanctioned: set[str] = set()
        for draft in s.drafts:
            clauses = _as_written(draft)
            personnel |= {kind for kind, size in clauses.ceilings().items() if size > 0}
            for sanction in draft.sanctions:
                sanctioned |= set(sanction.targets)
        for mission in s.theatre.missions:
            sizes = {
                "troops": max(mission.deployed("troops"), mission.troop_ceiling or 0),
                "police": max(mission.deployed("police"), mission.police_ceiling or 0),
                "observers": max(mission.deployed("observers"), mission.observer_ceiling or 0),
            }
            if mission.kind == "regional":
                regional = regional or mission.deployed("troops") > 0
            else:
                personnel |= {kind for kind, size in sizes.items() if size > 0}
        for org in s.organizations:
            if org.lead is not None and org.bridging_troops > 0 and org.deploy_above < 1.0:
                regional = True
        can_fall, reason = _consent(s)
        renewable = any(_as_written(d).establishes_mission() for d in s.drafts)
        return Reach(
            personnel=frozenset(personnel),
            regional=regional,
            sanctioned=frozenset(sanctioned),
            consent_can_fall=can_fall,
            veto_votes=any(veto_holders(s, d.body) for d in s.drafts),
            max_resolutions=math.inf if renewable else float(len(s.drafts)),
            consent_reason=reason,
        )

    def static_value(self, s: ScenarioFile, metric: str) -> tuple[float, str] | None:
        """The value a metric keeps for the whole game, and why; None when it can change."""
        if metric in PERSONNEL_METRICS:
            kind = PERSONNEL_METRICS[metric]
            if kind in self.personnel:
                return None
            return 0.0, (
                f"no draft as written authorizes {kind} and no UN or hybrid mission with {kind}"
                " is there at the start"
            )
        if metric == "deployment_share" and not self.personnel:
            return 0.0, (
                "no draft as written authorizes troops, police or observers and no UN or hybrid"
                " mission is there at the start"
            )
        if metric == "regional_troops" and not self.regional:
            return 0.0, "no regional mission is there at the start and no bridging force can deploy"
        if metric == "peacekeeper_fatalities" and not (self.personnel or self.regional):
            return 0.0, "no mission of any kind can be on the ground"
        if metric == "sanctions_in_force" and not self.sanctioned:
            return 0.0, "no draft as written imposes a sanctions measure on a party"
        kinds = {"government_resources": "government", "armed_group_resources": "armed_group"}
        if metric in kinds:
            parties = [p for p in s.theatre.parties if p.kind == kinds[metric]]
            if any(p.id in self.sanctioned for p in parties):
                return None
            value = sum(p.strength for p in parties) / len(parties) if parties else 0.0
            return value, (
                "only sanctions wear resources down and no draft as written sanctions"
                f" {'a ' + kinds[metric].replace('_', ' ') if parties else 'such a party'}"
            )
        if metric == "host_consent":
            if not s.theatre.host_consent:
                return 0.0, "the host has withdrawn consent from the start and never gives it back"
            if not self.consent_can_fall:
                return 1.0, self.consent_reason
        return None


def _consent(s: ScenarioFile) -> tuple[bool, str]:
    """Whether the host may withdraw consent, and if not, why not."""
    t = s.theatre
    if not t.host_consent:
        return False, "the host has withdrawn consent from the start"
    effects = [e for trig in s.triggers for e in trig.effects]
    if any(e.kind == "withdraw_consent" for e in effects):
        return True, ""
    if any(
        e.kind == "set_coefficient" and (e.name or "").startswith("grievance_") for e in effects
    ):
        return True, ""
    coef = default_coefficients().with_overrides(s.coefficients.model_dump(exclude_none=True))
    host = t.host
    chapter_vii = any(
        d.chapter == "VII" and _as_written(d).establishes_mission() for d in s.drafts
    ) or any(m.kind != "regional" and m.chapter == "VII" for m in t.missions)
    sanctions = any(host in sanction.targets for d in s.drafts for sanction in d.sanctions)
    referral = any(d.referral for d in s.drafts)
    grievance = (
        coef.grievance_chapter_vii * chapter_vii
        + coef.grievance_sanctions * sanctions
        + coef.grievance_referral * referral
    )
    if grievance >= t.consent_tolerance:
        return True, ""
    return False, (
        f"the host's grievance can reach at most {grievance:g} (Chapter VII missions, sanctions"
        f" on it and a referral, as the drafts are written) and it withdraws consent only at"
        f" {t.consent_tolerance:g}; no trigger withdraws it"
    )


# ---------------------------------------------------------------------------------------------
# Objectives: can they be affected, can they ever be met or fail?


@dataclass(frozen=True)
class Fate:
    """An objective decided by the file alone: ``met`` always, or never (``met`` False)."""

    met: bool
    lint: str
    reason: str


def objective_fate(s: ScenarioFile, reach: Reach, o: ObjectiveSpec) -> Fate | None:
    """Whether ``o`` is decided whatever happens (and how), or None when play decides it."""
    metric = o.metric or ""
    upper = UPPER_BOUNDS.get(metric, math.inf)
    if o.kind == "no_veto" and not reach.veto_votes:
        return Fate(
            True, "unaffected-objective", "no draft is put to a body where anyone holds a veto"
        )
    if o.kind == "phase_at_least" and o.phase == "war":
        return Fate(True, "unaffected-objective", "every phase is 'war' or better")
    if o.kind == "resolutions_adopted":
        if o.threshold <= 0:
            return Fate(True, "impossible-objective", "a threshold of 0 or less is met at once")
        if o.threshold > reach.max_resolutions:
            return Fate(
                False,
                "impossible-objective",
                f"at most {reach.max_resolutions:g} resolution(s) can be adopted: one per"
                " prepared draft, and none creates a mission that could be renewed",
            )
        return None
    if o.kind not in ("metric_below", "metric_above", "total_below", "reaches"):
        return None
    if o.kind == "metric_below" and o.threshold <= 0:
        return Fate(False, "impossible-objective", f"{metric} is never below 0")
    if o.kind == "total_below" and o.threshold <= 0:
        return Fate(False, "impossible-objective", f"a total of {metric} is never below 0")
    if o.kind == "metric_above" and o.threshold >= upper:
        return Fate(False, "impossible-objective", f"{metric} is never above {upper:g}")
    if o.kind == "reaches" and o.threshold > upper:
        return Fate(False, "impossible-objective", f"{metric} never exceeds {upper:g}")
    if o.kind == "reaches" and o.threshold <= 0:
        return Fate(True, "impossible-objective", f"{metric} is at least 0 from the start")
    static = reach.static_value(s, metric)
    if static is None:
        return None
    value, why = static
    met = {
        "metric_below": value < o.threshold,
        "metric_above": value > o.threshold,
        "reaches": value >= o.threshold,
        "total_below": value == 0 and o.threshold > 0,
    }[o.kind]
    return Fate(met, "unaffected-objective", f"{metric} stays {value:g}: {why}")


# ---------------------------------------------------------------------------------------------
# Endings: can they be reached, do they always hold?


def _ending_never(
    s: ScenarioFile, reach: Reach, e: EndingSpec, fates: dict[str, Fate | None]
) -> tuple[str, str] | None:
    """(key, reason) when the ending's own condition can never hold."""
    if e.from_month > s.months:
        return "from_month", f"it starts in month {e.from_month}, after the last ({s.months})"
    if e.when == "intensity_above" and e.threshold >= 1.0:
        return "threshold", "intensity is never above 1"
    if e.when == "intensity_below" and e.threshold <= 0.0:
        return "threshold", "intensity is never below 0"
    if e.when == "resolutions_adopted" and e.threshold > reach.max_resolutions:
        return "threshold", (
            f"at most {reach.max_resolutions:g} resolution(s) can be adopted (one per prepared"
            " draft; none creates a mission that could be renewed)"
        )
    if e.when == "vetoes_cast" and e.threshold > 0 and not reach.veto_votes:
        return "when", "no draft is put to a body where anyone holds a veto"
    if e.when == "consent_withdrawn" and s.theatre.host_consent and not reach.consent_can_fall:
        return "when", f"consent can never be withdrawn: {reach.consent_reason}"
    if e.when == "objectives_met":
        for o in e.objectives:
            fate = fates.get(o)
            if fate is not None and not fate.met:
                return "objectives", f"objective {o!r} can never be met ({fate.reason})"
    never_fail = [(f := fates.get(o)) is not None and f.met for o in e.objectives]
    if e.when == "objectives_failed" and never_fail and all(never_fail):
        return "objectives", "none of its objectives can ever fail"
    return None


def _ending_always(s: ScenarioFile, reach: Reach, e: EndingSpec) -> str | None:
    """Why the ending's condition holds in every month, or None."""
    if e.when == "intensity_above" and e.threshold < 0:
        return "intensity is always above a negative threshold"
    if e.when == "intensity_below" and e.threshold > 1:
        return "intensity is always below a threshold above 1"
    if e.when in ("resolutions_adopted", "vetoes_cast") and e.threshold <= 0:
        return "a count is always at least 0"
    if e.when == "civilian_deaths_above" and e.threshold < 0:
        return "a total of deaths is always above a negative threshold"
    if e.when == "consent_withdrawn" and not s.theatre.host_consent:
        return "the host has withdrawn consent from the start"
    return None


def _endings(s: ScenarioFile, reach: Reach, fates: dict[str, Fate | None]) -> list[Warning]:
    warnings: list[Warning] = []
    blocker: tuple[str, int] | None = None  # (ending id, month from which it always holds)
    for i, e in enumerate(s.endings):
        path: KeyPath = ("endings", i)
        never = _ending_never(s, reach, e, fates)
        if never is not None:
            key, reason = never
            message = f"ending {e.id!r} can never be reached: {reason}"
            warnings.append(_warn((*path, key), "unreachable-ending", message))
            continue
        first = s.months if e.when == "time_out" else e.from_month
        if blocker is not None and first >= blocker[1]:
            message = (
                f"ending {e.id!r} can never be reached: the earlier ending {blocker[0]!r} always"
                f" holds from month {blocker[1]} and is checked first"
            )
            warnings.append(_warn((*path, "when"), "unreachable-ending", message))
            continue
        always = _ending_always(s, reach, e)
        if always is not None:
            message = f"ending {e.id!r} always holds ({always}): the game ends in month"
            message += f" {e.from_month} whatever anyone does"
            warnings.append(_warn((*path, "when"), "unconditional-ending", message))
            if blocker is None or e.from_month < blocker[1]:
                blocker = (e.id, e.from_month)
    return warnings


# ---------------------------------------------------------------------------------------------
# Triggers


def _trigger_never(s: ScenarioFile, reach: Reach, t: TriggerSpec) -> tuple[str, str] | None:
    if t.chance == 0:
        return "chance", "its chance is 0"
    if t.when == "month_reached" and t.month > s.months:
        return "month", f"month {t.month} is after the last ({s.months})"
    if t.when == "draft_vetoed" and t.draft is not None:
        draft = next((d for d in s.drafts if d.id == t.draft), None)
        if draft is not None and not veto_holders(s, draft.body):
            return "draft", f"nobody holds a veto in {draft.body!r}, where {t.draft!r} is put"
    if t.when == "consent_withdrawn" and s.theatre.host_consent and not reach.consent_can_fall:
        return "when", f"consent can never be withdrawn: {reach.consent_reason}"
    if t.when in ("metric_above", "metric_below", "total_above") and t.metric is not None:
        upper = UPPER_BOUNDS.get(t.metric, math.inf)
        if t.when == "metric_above" and t.threshold >= upper:
            return "threshold", f"{t.metric} is never above {upper:g}"
        if t.when == "metric_below" and t.threshold <= 0:
            return "threshold", f"{t.metric} is never below 0"
        static = reach.static_value(s, t.metric)
        if static is not None:
            value, why = static
            holds = {
                "metric_above": value > t.threshold,
                "metric_below": value < t.threshold,
                "total_above": value > 0 or t.threshold < 0,
            }[t.when]
            if not holds:
                return "metric", f"{t.metric} stays {value:g}: {why}"
    return None


def _triggers(s: ScenarioFile, reach: Reach) -> list[Warning]:
    warnings: list[Warning] = []
    for i, t in enumerate(s.triggers):
        never = _trigger_never(s, reach, t)
        if never is not None:
            key, reason = never
            message = f"trigger {t.id!r} can never fire: {reason}"
            warnings.append(_warn(("triggers", i, key), "dead-trigger", message))
    return warnings


# ---------------------------------------------------------------------------------------------
# Actors, bodies, organizations, drafts, the player


def _used_states(s: ScenarioFile) -> set[str]:
    used: set[str] = set()
    for body in s.bodies:
        used |= set(body.members)
    for org in s.organizations:
        used |= set(org.members)
    for party in s.theatre.parties:
        used |= set(party.patrons)
    used |= {d.penholder for d in s.drafts}
    used |= {st.id for st in s.states if st.contributor is not None}
    for trigger in s.triggers:
        for effect in trigger.effects:
            used |= {ref for ref in (effect.actor, effect.other) if ref is not None}
    used |= {c for m in s.theatre.missions for c in m.contributors()}
    used |= {n.state for d in s.drafts for n in d.national_command}
    if s.theatre.host_state is not None:
        used.add(s.theatre.host_state)
    if s.player is not None:
        used.add(s.player)
    return used


def _actors(s: ScenarioFile) -> list[Warning]:
    used = _used_states(s)
    return [
        _warn(
            ("states", i, "id"),
            "unused-state",
            f"state {st.id!r} plays no part: it is in no body or organization, patron of no"
            " party, penholder of no draft, no troop contributor and named by no trigger",
        )
        for i, st in enumerate(s.states)
        if st.id not in used
    ]


def _bodies(s: ScenarioFile) -> list[Warning]:
    warnings: list[Warning] = []
    used = {s.council.body} | {o.body for o in s.organizations} | {d.body for d in s.drafts}
    used |= {m.authority for m in s.theatre.missions}
    ideals = {st.id: st.ideal for st in s.states}
    dims = [d.id for d in s.dimensions]
    for i, body in enumerate(s.bodies):
        if body.id not in used:
            message = (
                f"body {body.id!r} never votes: it is not the council, no organization's body,"
                " and no draft is put to it"
            )
            warnings.append(_warn(("bodies", i, "id"), "unused-body", message))
        if body.rule not in ("consensus", "unanimity"):
            continue
        pair = _opposed_pair(body.members, ideals, dims)
        if pair is not None:
            a, b = pair
            message = (
                f"{body.rule} body {body.id!r} can probably never agree: {a} and {b} stand at"
                f" least {DEADLOCK_GAP:g} apart on every dimension, so whatever one of them"
                " wants the other opposes"
            )
            warnings.append(_warn(("bodies", i, "members"), "deadlock", message))
    return warnings


def _opposed_pair(
    members: Iterable[str], ideals: dict[str, dict[str, float]], dims: list[str]
) -> tuple[str, str] | None:
    known = [m for m in members if m in ideals]
    for j, a in enumerate(known):
        for b in known[j + 1 :]:
            if dims and all(abs(ideals[a][d] - ideals[b][d]) >= DEADLOCK_GAP for d in dims):
                return a, b
    return None


def _organizations(s: ScenarioFile) -> list[Warning]:
    warnings: list[Warning] = []
    referred = set(s.theatre.organizations)
    referred |= {ref for d in s.drafts for ref in (d.rehat_from, d.hybrid_with) if ref}
    referred |= {m.authority for m in s.theatre.missions if m.kind == "regional"}
    for i, org in enumerate(s.organizations):
        bridging = org.bridging_troops > 0 and org.lead is not None
        if bridging and org.deploy_above >= 1.0:
            message = (
                f"the bridging force of {org.id!r} never deploys: it waits for intensity above"
                f" {org.deploy_above:g}, and intensity is never above 1"
            )
            warnings.append(
                _warn(("organizations", i, "deploy_above"), "idle-bridging-force", message)
            )
        elif org.id not in referred and not bridging:
            message = (
                f"organization {org.id!r} plays no part: it is not among the theatre's"
                " organizations, has no bridging force, and no draft or mission refers to it"
            )
            warnings.append(_warn(("organizations", i, "id"), "unused-organization", message))
    return warnings


def _drafts(s: ScenarioFile) -> list[Warning]:
    warnings: list[Warning] = []
    bodies = {b.id: b for b in s.bodies}
    seated = {
        (e.body, e.other)
        for t in s.triggers
        for e in t.effects
        if e.kind == "replace_member" and e.body is not None
    }
    for i, draft in enumerate(s.drafts):
        body = bodies.get(draft.body)
        if (
            body is not None
            and draft.penholder not in body.members
            and (draft.body, draft.penholder) not in seated
        ):
            message = f"penholder {draft.penholder!r} is not a member of {draft.body!r}"
            warnings.append(_warn(("drafts", i, "penholder"), "penholder-outside-body", message))
        for j, sanction in enumerate(draft.sanctions):
            if not sanction.targets:
                message = f"the {sanction.kind.replace('_', ' ')} targets no party: it imposes"
                message += " nothing (it only moves the draft on the issue dimensions)"
                warnings.append(
                    _warn(("drafts", i, "sanctions", j), "untargeted-sanction", message)
                )
    return warnings


def default_player(s: ScenarioFile) -> str:
    """The seat the desktop game gives the player (as ``sim.ui.game.default_seat`` does).

    ``player``; without it the penholder of the first draft in the file; with no draft the first
    permanent member of the council, else its first member.
    """
    if s.player is not None:
        return s.player
    if s.drafts:
        return s.drafts[0].penholder
    council = next(b for b in s.bodies if b.id == s.council.body)
    return (council.permanent or council.members)[0]


def _player(s: ScenarioFile) -> list[Warning]:
    council = next((b for b in s.bodies if b.id == s.council.body), None)
    if council is None:
        return []
    player = default_player(s)
    if player in council.members:
        return []
    if s.player is not None:
        path: KeyPath = ("player",)
        message = f"the player's seat {player!r} is not a member of the council {council.id!r}"
    else:
        path = ("drafts", 0, "penholder")
        message = (
            f"the player's seat (by default the penholder of the first draft, {player!r}) is not"
            f" a member of the council {council.id!r}; set `player` to a council member"
        )
    return [_warn(path, "player-off-council", message)]


def _metadata(s: ScenarioFile) -> list[Warning]:
    warnings: list[Warning] = []
    if not s.sources:
        message = "no `sources`: say where the scenario's positions and numbers come from"
        warnings.append(_warn(("sources",), "no-sources", message))
    if not s.assumptions:
        message = "no `assumptions`: say in plain words what the scenario simplifies"
        warnings.append(_warn(("assumptions",), "no-assumptions", message))
    if s.theatre.host_consent and s.theatre.consent_tolerance <= 0:
        message = "a consent_tolerance of 0: the host withdraws its consent in the first month"
        warnings.append(_warn(("theatre", "consent_tolerance"), "consent-at-once", message))
    return warnings


def _objectives(s: ScenarioFile, reach: Reach, fates: dict[str, Fate | None]) -> list[Warning]:
    warnings: list[Warning] = []
    for i, o in enumerate(s.objectives):
        fate = fates[o.id]
        if fate is None:
            continue
        outcome = "is met whatever anyone does" if fate.met else "can never be met"
        key = "threshold" if fate.lint == "impossible-objective" else "kind"
        if fate.lint == "unaffected-objective" and o.metric is not None:
            key = "metric"
        message = f"objective {o.id!r} {outcome}: {fate.reason}"
        warnings.append(_warn(("objectives", i, key), fate.lint, message))
    return warnings


def lint_scenario(s: ScenarioFile) -> list[Warning]:
    """Every lint warning of a scenario that loaded, as ``(path, message)`` pairs."""
    reach = Reach.of(s)
    fates = {o.id: objective_fate(s, reach, o) for o in s.objectives}
    return (
        _metadata(s)
        + _actors(s)
        + _bodies(s)
        + _organizations(s)
        + _drafts(s)
        + _player(s)
        + _objectives(s, reach, fates)
        + _triggers(s, reach)
        + _endings(s, reach, fates)
        + _dated_names(s)
    )


def _dated_names(s: ScenarioFile) -> list[Warning]:
    """States shown with a name newer than the scenario's start (see :mod:`dated_names`)."""
    if s.start is None:
        return []
    warnings = []
    for i, state in enumerate(s.states):
        before = name_of_another_date(state.id, state.name or "", s.start)
        if before is not None:
            message = (
                f"{state.id} is shown as {state.name!r}, a name of a later date; in {s.start} it"
                f" was {before!r}: set name = {before!r}"
            )
            warnings.append(_warn(("states", i, "name"), "name-of-another-date", message))
    return warnings


def lint_text(s: ScenarioFile, text: str, file: str) -> list[Problem]:
    """Warnings located in the scenario's text, as loader problems ("warning: ..."), in order."""
    locations = locate_keys(text)
    problems = []
    for path, message in lint_scenario(s):
        line, col = nearest_location(locations, path)
        problems.append(Problem(file, line, col, format_path(path), f"warning: {message}"))
    return sorted(problems, key=lambda p: (p.line, p.column))


def lint_file(file: str | FilePath, s: ScenarioFile) -> list[Problem]:
    """Warnings of the scenario ``s`` loaded from ``file``, located in that file."""
    text = FilePath(file).read_text(encoding="utf-8")
    return lint_text(s, text, str(file))
