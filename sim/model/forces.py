"""Force generation: missions, contingents that arrive late and leave early.

A resolution authorizes ceilings; troop contributors decide each month whether to pledge (see
:class:`sim.model.agents.TroopContributor`), and pledged contingents arrive after the
contributor's lag plus a random delay. Deployed personnel take fatalities in proportion to the
fighting; a contributor whose losses exceed what its casualty tolerance accepts withdraws (as
Belgium left UNAMIR in April 1994). A mission whose mandate lapses, or whose host withdraws
consent, draws down over ``withdrawal_months``. "Authorized but undeployed" is a real state: the
death rates in :mod:`sim.model.conflict` respond to deployed strength, never to ceilings.
"""

from __future__ import annotations

import math

from sim.model.drafts import Clauses
from sim.model.events import Event
from sim.model.names import mission_name, sentence
from sim.model.pledges import pledge_stance
from sim.model.words import personnel, plural
from sim.model.world import PERSONNEL, Contingent, Mission, World

MIN_PLEDGE = 50
# Casualty tolerance of a force's lead or an initial contingent without a contributor table.
DEFAULT_TOLERANCE = 0.5


def create_mission(
    world: World, mission_id: str, clauses: Clauses, kind: str, authority: str
) -> Mission:
    """A new mission with the clauses' ceilings and no personnel yet."""
    mission = Mission(
        id=mission_id,
        kind=kind,
        authority=authority,
        chapter=clauses.chapter,
        tasks=clauses.tasks,
        ceilings=clauses.ceilings(),
        start_month=world.month,
        expires_month=world.month + clauses.duration - 1,
    )
    world.missions.append(mission)
    return mission


def strength_text(mission: Mission) -> str:
    """Deployed against authorized strength, for each kind of personnel the mission has."""
    parts = [
        f"{mission.strength(kind):,} of {ceiling:,} {kind}"
        for kind in PERSONNEL
        if (ceiling := mission.ceilings.get(kind, 0)) or mission.strength(kind)
    ]
    return ", ".join(parts) or "no personnel authorized"


def gap(mission: Mission, kind: str) -> int:
    """Personnel of ``kind`` still missing: ceiling minus deployed minus on the way."""
    ceiling = mission.ceilings.get(kind, 0)
    return max(0, ceiling - mission.committed(kind)) if ceiling else 0


# Forces outside UN command: their soldiers count as regional ones in the death rates.
OUTSIDE_UN = ("regional", "national")


def on_the_ground(world: World) -> dict[str, int]:
    """Personnel deployed now: UN and hybrid troops, police and observers, and the troops of
    forces outside UN command (regional organizations' and national-command forces)."""
    totals = {"troops": 0, "police": 0, "observers": 0, "regional": 0}
    for mission in world.active_missions():
        if mission.kind in OUTSIDE_UN:
            totals["regional"] += mission.strength("troops")
            continue
        for kind in PERSONNEL:
            totals[kind] += mission.strength(kind)
    return totals


def deployment_share(world: World) -> float:
    """Deployed uniformed personnel as a share of the ceilings of UN and hybrid missions."""
    ceiling = deployed = 0
    for mission in world.active_missions():
        if mission.kind in OUTSIDE_UN or mission.withdrawing:
            continue
        for kind in PERSONNEL:
            ceiling += mission.ceilings.get(kind, 0)
            deployed += mission.strength(kind)
    return deployed / ceiling if ceiling else 0.0


def willingness(world: World, contributor_id: str, mission: Mission) -> float:
    """How keen a contributor is to send personnel to a mission now (0 when ruled out).

    Reimbursement attracts, regional proximity attracts, a good relation with the theatre's host
    state attracts; risk (intensity × (1 − casualty tolerance)) repels; a mission task the
    contributor has a caveat against rules it out. The factors, in points, and the decision are
    :func:`sim.model.pledges.pledge_stance`.
    """
    return pledge_stance(world, contributor_id, mission).score


def spare(world: World, contributor_id: str, kind: str) -> int:
    """Personnel of ``kind`` a contributor still has to offer: its capacity less what it has
    deployed or on the way in every active mission."""
    committed = sum(
        c.deployed + sum(size for _, size in c.arriving)
        for m in world.active_missions()
        for c in m.contingents
        if c.contributor == contributor_id and c.kind == kind
    )
    capacity: int = getattr(world.contributors[contributor_id], kind)
    return max(0, capacity - committed)


def pledge_size(
    world: World, contributor_id: str, mission: Mission, kind: str, missing: int | None = None
) -> int:
    """What a contributor would pledge of ``kind`` this month (0 when unwilling or full).

    ``missing`` is the mission's :func:`gap` in ``kind`` when the caller knows it already."""
    coef = world.coefficients
    # The cheap checks first: most contributors are asked about kinds a mission has no gap for.
    missing = gap(mission, kind) if missing is None else missing
    remaining = spare(world, contributor_id, kind) if missing else 0
    if not remaining:
        return 0
    stance = pledge_stance(world, contributor_id, mission)
    if not stance.pledges:
        return 0
    keen = stance.score
    share = math.floor(coef.pledge_rate * keen * remaining)
    # Contingents come in units of at least MIN_PLEDGE, or whatever small rest is left.
    return min(missing, max(share, min(MIN_PLEDGE, remaining)))


def schedule_pledge(
    world: World, mission: Mission, contributor_id: str, kind: str, size: int
) -> int:
    """Book a pledge to arrive after the contributor's lag plus a random delay; the month."""
    contributor = world.contributors[contributor_id]
    delay = int(world.streams.get("forces").poisson(world.coefficients.extra_lag_mean))
    month = world.month + max(1, contributor.lag) + delay
    mission.contingent(contributor_id, kind).arriving.append((month, size))
    return month


def commit_national(
    world: World, mission: Mission, contingents: tuple[tuple[str, str, int], ...]
) -> list[Event]:
    """Member states authorized to act under national command send what they committed.

    They need no pledging round and no UN reimbursement: each contingent arrives after its
    state's own lag (at least a month), without the random delay of UN force generation.
    """
    events: list[Event] = []
    mission.authorized = tuple(sorted({state for state, _, _ in contingents}))
    for state, kind, size in contingents:
        size = min(size, gap(mission, kind))
        if size <= 0:
            continue
        profile = world.contributors.get(state)
        month = world.month + max(1, profile.lag if profile else 1)
        mission.contingent(state, kind).arriving.append((month, size))
        events.append(
            Event(
                world.month,
                "pledge",
                f"{state} commits {personnel(size, kind)} to"
                f" {mission_name(world, mission.id)} under national command,"
                f" expected in month {month}.",
            )
        )
    return events


def arrivals(world: World) -> list[Event]:
    """Contingents due this month join their missions."""
    events: list[Event] = []
    for mission in world.active_missions():
        for contingent in mission.contingents:
            due = [(m, n) for m, n in contingent.arriving if m <= world.month]
            if not due:
                continue
            contingent.arriving = [(m, n) for m, n in contingent.arriving if m > world.month]
            if mission.withdrawing or contingent.withdrawing:
                continue
            size = sum(n for _, n in due)
            contingent.deployed += size
            events.append(
                Event(
                    world.month,
                    "deployment",
                    f"{personnel(size, contingent.kind)} from {contingent.contributor}"
                    f" {'arrives' if size == 1 else 'arrive'} in {mission_name(world, mission.id)}:"
                    f" {strength_text(mission)} deployed.",
                )
            )
    return events


def fatalities(world: World) -> tuple[list[Event], int]:
    """Peacekeeper losses this month, and withdrawals they provoke."""
    coef = world.coefficients
    rng = world.streams.get("fatalities")
    events: list[Event] = []
    total = 0
    for mission in world.active_missions():
        for contingent in mission.contingents:
            if contingent.deployed <= 0:
                continue
            mean = coef.fatality_rate * contingent.deployed * world.theatre.intensity
            lost = min(contingent.deployed, int(rng.poisson(mean)))
            if not lost:
                continue
            contingent.deployed -= lost
            contingent.fatalities += lost
            total += lost
            events.append(
                Event(
                    world.month,
                    "fatalities",
                    f"{plural(lost, 'peacekeeper')} of {contingent.contributor} killed in"
                    f" {mission_name(world, mission.id)}.",
                )
            )
            profile = world.contributors.get(contingent.contributor)
            tolerance = profile.casualty_tolerance if profile else DEFAULT_TOLERANCE
            limit = withdrawal_limit(coef.withdrawal_fatalities, tolerance)
            if contingent.fatalities >= limit and not contingent.withdrawing:
                start_withdrawal(world, contingent)
                events.append(
                    Event(
                        world.month,
                        "withdrawal",
                        f"{contingent.contributor} withdraws its {contingent.kind} from"
                        f" {mission_name(world, mission.id)} after losing"
                        f" {personnel(contingent.fatalities, contingent.kind)}.",
                    )
                )
    return events, total


def withdrawal_limit(fatalities_at_half: float, tolerance: float) -> float:
    """Losses after which a contributor of ``tolerance`` withdraws its contingent.

    ``fatalities_at_half`` × t / (1 − t), at least one: a higher tolerance always means staying
    longer (the same meaning as in :func:`willingness`, where it means pledging into danger);
    1 never leaves over losses.
    """
    if tolerance >= 1.0:
        return math.inf
    return max(1.0, fatalities_at_half * tolerance / (1.0 - tolerance))


def start_withdrawal(world: World, contingent: Contingent) -> None:
    """Send a contingent home over ``withdrawal_months``; pledges on the way are cancelled."""
    contingent.withdrawing = True
    contingent.arriving = []
    months = max(1, world.coefficients.withdrawal_months)
    contingent.withdraw_step = max(1, math.ceil(contingent.deployed / months))


def withdraw_mission(world: World, mission: Mission, reason: str) -> Event:
    """Begin the exit of a whole mission."""
    mission.withdrawing = True
    for contingent in mission.contingents:
        start_withdrawal(world, contingent)
    text = f"{sentence(mission_name(world, mission.id))} begins to withdraw: {reason}."
    return Event(world.month, "mission_withdrawal", text)


def drawdowns(world: World) -> None:
    """Withdrawing contingents shrink by their monthly step."""
    for mission in world.active_missions():
        for contingent in mission.contingents:
            if contingent.withdrawing and contingent.deployed > 0:
                contingent.deployed = max(0, contingent.deployed - contingent.withdraw_step)


def apply_ceilings(world: World, mission: Mission, ceilings: dict[str, int]) -> list[Event]:
    """New ceilings for a mission (renewal): excess personnel go home at once."""
    mission.ceilings = dict(ceilings)
    events: list[Event] = []
    for kind in PERSONNEL:
        excess = mission.strength(kind) - ceilings.get(kind, 0)
        if excess <= 0:
            continue
        for contingent in sorted(mission.contingents, key=lambda c: (-c.deployed, c.contributor)):
            if contingent.kind != kind or excess <= 0:
                continue
            cut = min(contingent.deployed, excess)
            contingent.deployed -= cut
            excess -= cut
        name = sentence(mission_name(world, mission.id))
        text = f"{name} repatriates {kind} above its ceiling."
        events.append(Event(world.month, "drawdown", text))
    return events


def expire_mandates(world: World) -> list[Event]:
    """Missions whose mandate ends this month begin to withdraw."""
    return [
        withdraw_mission(world, mission, "its mandate has expired")
        for mission in world.active_missions()
        if mission.expires_month == world.month and not mission.withdrawing
    ]
