"""The conflict theatre, month by month: fighting, its toll, and whether peace holds.

- Deaths follow published dose–response estimates: civilian deaths fall exponentially with armed
  UN troops and police down to a floor tied to intensity (the effect saturates where Hultman,
  Kathman & Shannon 2013 stop measuring), and rise with military observers;
  battle deaths fall with armed troops only (Hultman, Kathman & Shannon 2014). Rates scale with
  intensity and with the scenario's ``death_scale`` (so a scenario can speak in its real orders of
  magnitude); comprehensive trade sanctions add civilian harm.
- The phase moves war → ceasefire → peace agreement, and back to war when a settlement breaks
  down. A UN mission does not shorten the war itself (Gilligan & Sergenti 2008 find no effect on
  war duration); once the guns fall silent it cuts the hazard of recurrence by its type, observer,
  consent-based or enforcement (Fortna 2008): see :func:`recurrence_mission_factor`. Where the
  scenario gives the parties settlement positions, only an agreement signed at talks moves the
  theatre out of war or to peace (:mod:`sim.model.talks`), and the agreement in force scales the
  hazard of recurrence; elsewhere the monthly hazards decide.
- Displacement, humanitarian access and the government's territorial control follow intensity
  and the parties' resources (which sanctions wear down, see :mod:`sim.model.sanctions`).

Every month draws the same random numbers in the same order whatever happens, so two runs with
the same seed that differ in one policy differ only through that policy (common random numbers,
which make "all else equal" comparisons in calibration exact).
"""

from __future__ import annotations

import math
from statistics import NormalDist

from sim.model import talks
from sim.model.caveats import restrained
from sim.model.early_warning import early_warning
from sim.model.events import Event
from sim.model.forces import OUTSIDE_UN, on_the_ground
from sim.model.words import (
    fighting_words,
    intensity_words,
    metric_value,
    phase_words,
    plural,
)
from sim.model.world import PERSONNEL, Mission, World

# Armed troops that make a mission peacekeeping or enforcement in Fortna's (2008) typology.
ARMED_TROOPS_FOR_EFFECT = 1000
# Personnel below which a mission is too small to count even as an observer presence.
OBSERVERS_FOR_EFFECT = 50


def effective_strength(world: World) -> dict[str, float]:
    """Personnel on the ground by kind, plus ``troops_effective``: UN troops and regional troops
    discounted by their effectiveness; and ``troops_protecting`` / ``police_protecting``: the
    same less what contributors' national caveats keep from protecting civilians
    (:mod:`sim.model.caveats`; equal to the former without caveats)."""
    totals: dict[str, float] = {k: float(v) for k, v in on_the_ground(world).items()}
    coef = world.coefficients
    regional = coef.regional_troop_effectiveness * totals["regional"]
    totals["troops_effective"] = totals["troops"] + regional
    troops_held = police_held = 0.0
    if world.caveats:
        for mission in world.active_missions():
            held = restrained(world, mission)
            weight = coef.regional_troop_effectiveness if mission.kind in OUTSIDE_UN else 1.0
            troops_held += weight * held.get("troops", 0.0)
            police_held += 0.0 if mission.kind in OUTSIDE_UN else held.get("police", 0.0)
    totals["troops_protecting"] = max(0.0, totals["troops_effective"] - troops_held)
    totals["police_protecting"] = max(0.0, totals["police"] - police_held)
    return totals


def expected_deaths(world: World, strength: dict[str, float]) -> tuple[float, float]:
    """Expected civilian and battle deaths this month at the theatre's intensity."""
    coef = world.coefficients
    theatre = world.theatre
    scale = theatre.intensity / coef.reference_intensity
    troops = strength["troops_effective"]
    civilian = coef.civilian_deaths_reference * scale * coef.death_scale
    # Caveats keep some troops and police from protecting civilians (not from fighting).
    protecting = strength.get("troops_protecting", troops)
    police = strength.get("police_protecting", strength["police"])
    civilian *= protection_multiplier(world, protecting, police)
    civilian *= 1.0 + coef.observer_civilian_increase * strength["observers"]
    if _comprehensive_sanctions(world):
        civilian *= 1.0 + coef.comprehensive_harm
    battle = coef.battle_deaths_reference * scale * coef.death_scale
    battle *= math.exp(-coef.troop_battle_decay * troops)
    if theatre.phase != "war":
        battle = 0.0
    return civilian, battle


def protection_multiplier(world: World, troops: float, police: float) -> float:
    """Share of civilian deaths left with ``troops`` (effective) UN troops and ``police`` deployed.

    max(floor, exp(−troop_decay·troops − police_decay·police)): the exponentials fitted to
    Hultman, Kathman & Shannon (2013) inside their range, saturating beyond it at the lowest
    share they report for any deployment, a floor that grows with intensity, so no deployment
    (and police least of all, who reach the floor at a few hundred) ends the killing in a war.
    """
    coef = world.coefficients
    floor = coef.civilian_protection_floor * world.theatre.intensity / coef.reference_intensity
    floor = min(1.0, floor)
    decay = coef.troop_civilian_decay * troops + coef.police_civilian_decay * police
    return max(floor, math.exp(-decay))


def mission_type(mission: Mission) -> str:
    """Fortna's (2008) type of a deployed mission: ``enforcement`` (Chapter VII with armed
    troops), ``peacekeeping`` (consent-based, armed troops), ``observer`` (a smaller presence),
    or ``""`` when it is too small to count or is outside UN command (regional organizations'
    and national-command forces, as the death rates treat them)."""
    if mission.kind in OUTSIDE_UN:
        return ""
    if mission.strength("troops") >= ARMED_TROOPS_FOR_EFFECT:
        return "enforcement" if mission.chapter == "VII" else "peacekeeping"
    if sum(mission.strength(kind) for kind in PERSONNEL) >= OBSERVERS_FOR_EFFECT:
        return "observer"
    return ""


def recurrence_mission_factor(world: World) -> float:
    """Multiplier of the monthly hazard that war resumes, from the UN missions deployed now.

    1 with no mission; otherwise 1 − the reduction of the most effective type present
    (``recurrence_reduction_observer`` / ``_peacekeeping`` / ``_enforcement``), after Fortna
    (2008). Agreement-specific factors (mediation) multiply onto this.
    """
    coef = world.coefficients
    reductions = {
        "observer": coef.recurrence_reduction_observer,
        "peacekeeping": coef.recurrence_reduction_peacekeeping,
        "enforcement": coef.recurrence_reduction_enforcement,
    }
    best = max(
        (reductions[kind] for m in world.active_missions() if (kind := mission_type(m))),
        default=0.0,
    )
    return 1.0 - best


def _comprehensive_sanctions(world: World) -> bool:
    return any(e.kind == "comprehensive_trade" and not e.ended for e in world.sanctions)


def _humanitarian_mandate(world: World) -> bool:
    for resolution in world.resolutions_in_force():
        clauses = resolution.clauses
        if "humanitarian_access" in clauses.tasks or "humanitarian_access" in clauses.demands:
            return True
    return False


def step_conflict(world: World) -> tuple[list[Event], dict[str, float]]:
    """Advance the theatre by one month; returns events and the month's tolls."""
    coef = world.coefficients
    theatre = world.theatre
    rng = world.streams.get("theatre")
    # Fixed draws every month (common random numbers).
    shock = float(rng.normal(0.0, 1.0))
    u_phase = float(rng.random())
    u_civilian, u_battle = float(rng.random()), float(rng.random())

    strength = effective_strength(world)
    # An agreement ends when war has resumed (a crisis may have restarted it since last month).
    events: list[Event] = talks.close_broken(world)
    before = theatre.phase
    attacks = 0
    # With settlement positions, only agreements signed at talks end the war (sim.model.talks).
    by_chance = not talks.negotiated(world)

    if theatre.phase == "war":
        if u_phase < coef.ceasefire_hazard and by_chance:
            theatre.phase = "ceasefire"
    else:
        spoiled, attacks = talks.spoiler_attacks(world)
        events += spoiled + talks.stalled_implementation(world)
        hazard = coef.recurrence_hazard * (0.5 if theatre.phase == "peace" else 1.0)
        hazard *= recurrence_mission_factor(world)
        hazard *= talks.recurrence_factor(world)
        hazard *= 1.0 + coef.spoiler_attack_hazard * attacks
        if u_phase < hazard:
            theatre.phase = "war"
            theatre.intensity = max(theatre.intensity, coef.reference_intensity)
        elif (
            theatre.phase == "ceasefire"
            and u_phase > 1.0 - coef.peace_agreement_hazard
            and by_chance
        ):
            theatre.phase = "peace"

    if theatre.phase == "war":
        # Fighting escalates at the nominal drift when the parties hold half their means; wearing
        # their resources down (sanctions) slows it.
        pressure = coef.intensity_drift * 2.0 * _mean_resources(world)
        step = pressure + coef.intensity_noise * shock
        theatre.intensity = min(1.0, max(0.05, theatre.intensity + step))
    else:
        target = coef.ceasefire_intensity * (0.5 if theatre.phase == "peace" else 1.0)
        theatre.intensity += 0.5 * (target - theatre.intensity)
        theatre.intensity = min(
            1.0, max(0.0, theatre.intensity + 0.2 * coef.intensity_noise * shock)
        )
        # Attacks by factions left out of the agreement in force (sim.model.talks).
        theatre.intensity = min(1.0, theatre.intensity + coef.spoiler_attack_intensity * attacks)

    civilian_mean, battle_mean = expected_deaths(world, strength)
    warned, spared = early_warning(world)  # a surveillance mission's warning (if any)
    events += warned
    civilian_mean *= spared
    civilian = _poisson_from_uniform(civilian_mean, u_civilian)
    battle = _poisson_from_uniform(battle_mean, u_battle)

    newly_displaced = coef.displacement_at_full_intensity * theatre.intensity
    returned = theatre.displaced * coef.return_rate * (1.0 - theatre.intensity)
    theatre.displaced = max(0.0, theatre.displaced + newly_displaced - returned)
    access = 1.0 - coef.access_loss * theatre.intensity
    if _humanitarian_mandate(world):
        access += coef.access_gain
    if _comprehensive_sanctions(world):
        access -= coef.comprehensive_harm * 0.5
    theatre.access = min(1.0, max(0.0, access))
    theatre.government_control += coef.control_rate * (
        _government_share(world) - theatre.government_control
    )
    theatre.months_in_phase = theatre.months_in_phase + 1 if theatre.phase == before else 0

    if theatre.phase != before:
        events.append(Event(world.month, "phase", _phase_text(world, before)))
        events += talks.close_broken(world)
    events.append(
        Event(
            world.month,
            "theatre",
            f"{_where(world)}: the fighting is {fighting_words(theatre.intensity)}"
            f" ({intensity_words(theatre.intensity)}); {plural(civilian, 'civilian')} and"
            f" {plural(battle, 'combatant')} killed; {theatre.displaced:,.0f} displaced;"
            f" humanitarian access {metric_value('humanitarian_access', theatre.access)}.",
        )
    )
    return events, {"civilian_deaths": civilian, "battle_deaths": battle}


def _poisson_from_uniform(mean: float, u: float) -> int:
    """The Poisson quantile of ``u`` (inverse CDF).

    One uniform draw serves any mean, so the random stream stays aligned between runs whose
    means differ (numpy's own Poisson sampler consumes a varying number of draws).
    """
    if mean <= 0.0:
        return 0
    p = math.exp(-mean)
    if p == 0.0:  # very large means: the normal approximation is accurate there
        u = min(max(u, 1e-12), 1.0 - 1e-12)
        return max(0, round(mean + math.sqrt(mean) * NormalDist().inv_cdf(u)))
    k, cumulative = 0, p
    while u > cumulative and k < 100_000:
        k += 1
        p *= mean / k
        cumulative += p
    return k


def _mean_resources(world: World) -> float:
    values = [world.theatre.resources.get(p.id, p.strength) for p in world.theatre.parties]
    return sum(values) / len(values) if values else 0.5


def _government_share(world: World) -> float:
    theatre = world.theatre
    government = sum(
        theatre.resources.get(p.id, p.strength) for p in theatre.parties if p.kind == "government"
    )
    total = sum(theatre.resources.get(p.id, p.strength) for p in theatre.parties)
    return government / total if total > 0 else 0.5


def _where(world: World) -> str:
    """The theatre's name, with the ceasefire or peace in force: "Kalvaria", "Kalvaria, under
    a ceasefire that is often breached" (the month's fighting follows it)."""
    theatre = world.theatre
    if theatre.phase == "war":
        return theatre.name
    return f"{theatre.name}, {phase_words(theatre.phase, theatre.intensity)}"


def _phase_text(world: World, before: str) -> str:
    """A change of phase by the month's chances. While an envoy holds talks, an agreement that
    comes this way is the parties' own, not the text at the table (which they may well have
    refused this very month): the news says so."""
    theatre = world.theatre
    own = " of their own, outside the talks" if world.peace.talks is not None else ""
    if theatre.phase == "ceasefire" and before == "war":
        return f"The parties in {theatre.name} agree a ceasefire{own}."
    if theatre.phase == "peace":
        return f"The parties in {theatre.name} sign a peace agreement{own}."
    return f"War resumes in {theatre.name}: the settlement has broken down."
