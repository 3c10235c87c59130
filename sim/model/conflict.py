"""The conflict theatre, month by month: fighting, its toll, and whether peace holds.

- Deaths follow published dose–response estimates: civilian deaths fall exponentially with armed
  UN troops and police (Hultman, Kathman & Shannon 2013) and rise with military observers; battle
  deaths fall with armed troops only (Hultman, Kathman & Shannon 2014). Rates scale with
  intensity; comprehensive trade sanctions add civilian harm.
- The phase moves war → ceasefire → peace agreement, and back to war when a settlement breaks
  down; a deployed UN mission makes a ceasefire likelier and cuts the hazard of recurrence
  (Fortna 2008). Where the scenario gives the parties settlement positions, only an agreement
  signed at talks moves the theatre out of war or to peace (:mod:`sim.model.talks`), and the
  agreement in force scales the hazard of recurrence; elsewhere the monthly hazards decide.
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
from sim.model.events import Event
from sim.model.forces import on_the_ground
from sim.model.world import World

ARMED_TROOPS_FOR_EFFECT = 1000


def effective_strength(world: World) -> dict[str, float]:
    """Personnel on the ground by kind, plus ``troops_effective``: UN troops and regional troops
    discounted by their effectiveness."""
    totals: dict[str, float] = {k: float(v) for k, v in on_the_ground(world).items()}
    regional = world.coefficients.regional_troop_effectiveness * totals["regional"]
    totals["troops_effective"] = totals["troops"] + regional
    return totals


def expected_deaths(world: World, strength: dict[str, float]) -> tuple[float, float]:
    """Expected civilian and battle deaths this month at the theatre's intensity."""
    coef = world.coefficients
    theatre = world.theatre
    scale = theatre.intensity / coef.reference_intensity
    troops = strength["troops_effective"]
    civilian = coef.civilian_deaths_reference * scale
    civilian *= math.exp(-coef.troop_civilian_decay * troops)
    civilian *= math.exp(-coef.police_civilian_decay * strength["police"])
    civilian *= 1.0 + coef.observer_civilian_increase * strength["observers"]
    if _comprehensive_sanctions(world):
        civilian *= 1.0 + coef.comprehensive_harm
    battle = coef.battle_deaths_reference * scale * math.exp(-coef.troop_battle_decay * troops)
    if theatre.phase != "war":
        battle = 0.0
    return civilian, battle


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
    mission_present = strength["troops"] >= ARMED_TROOPS_FOR_EFFECT
    # An agreement ends when war has resumed (a crisis may have restarted it since last month).
    events: list[Event] = talks.close_broken(world)
    before = theatre.phase
    # With settlement positions, only agreements signed at talks end the war (sim.model.talks).
    by_chance = not talks.negotiated(world)

    if theatre.phase == "war":
        hazard = coef.ceasefire_hazard * (coef.ceasefire_mission_factor if mission_present else 1)
        if u_phase < hazard and by_chance:
            theatre.phase = "ceasefire"
    else:
        hazard = coef.recurrence_hazard * (0.5 if theatre.phase == "peace" else 1.0)
        if mission_present:
            hazard *= 1.0 - coef.recurrence_mission_reduction
        hazard *= talks.recurrence_factor(world)
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

    civilian_mean, battle_mean = expected_deaths(world, strength)
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
            f"{theatre.name}: intensity {theatre.intensity:.2f}, {civilian} civilians and"
            f" {battle} combatants killed, {theatre.displaced:,.0f} displaced,"
            f" humanitarian access {theatre.access:.0%}.",
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


def _phase_text(world: World, before: str) -> str:
    theatre = world.theatre
    if theatre.phase == "ceasefire" and before == "war":
        return f"The parties in {theatre.name} agree a ceasefire."
    if theatre.phase == "peace":
        return f"The parties in {theatre.name} sign a peace agreement."
    return f"War resumes in {theatre.name}: the settlement has broken down."
