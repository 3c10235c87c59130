"""The conflict theatre's monthly step (a deliberately simple model).

Intensity (0 = calm, 1 = all-out war) drifts upward while nothing is done, takes a random shock
each month from the world's ``theatre`` stream, and falls while a mandate with armed troops is in
force (Hultman, Kathman & Shannon 2014: armed troops reduce battle deaths). Civilian deaths are
Poisson with a mean proportional to intensity (Hultman, Kathman & Shannon 2013: about 106 a month
with no UN troops). Force generation and calibrated effects are not modelled yet: the authorized
ceiling stands for the deployment.
"""

from __future__ import annotations

from sim.model.drafts import TROOPS_PER_FEATURE_UNIT
from sim.model.events import Event
from sim.model.world import World


def step_theatre(world: World) -> list[Event]:
    """Advance the theatre by one month and report what changed."""
    coef = world.coefficients
    theatre = world.theatre
    rng = world.streams.get("theatre")
    troops = sum(r.clauses.troop_ceiling for r in world.resolutions_in_force())
    shock = float(rng.normal(0.0, coef.intensity_noise))
    relief = coef.mission_effect_per_10k_troops * troops / TROOPS_PER_FEATURE_UNIT
    before = theatre.intensity
    theatre.intensity = min(1.0, max(0.0, before + coef.intensity_drift + shock - relief))
    deaths = int(rng.poisson(coef.civilian_deaths_at_full_intensity * theatre.intensity))
    theatre.civilian_deaths.append(deaths)
    theatre.intensity_history.append(theatre.intensity)
    trend = "rose" if theatre.intensity > before else "fell"
    return [
        Event(
            world.month,
            "theatre",
            f"Fighting in {theatre.name} {trend} to intensity {theatre.intensity:.2f};"
            f" {deaths} civilians were killed this month.",
        )
    ]
