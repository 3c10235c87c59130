"""Monthly series of the theatre and the missions: the same keys for every scenario.

These are the ``metrics`` of ``mandate run --json``, the charts of the desktop game, and the
names triggers and objectives may refer to.
"""

from __future__ import annotations

from sim.model.forces import deployment_share, on_the_ground
from sim.model.world import PHASES, World

METRICS: dict[str, str] = {
    "intensity": "index of fighting, 0 (calm) to 1 (all-out war)",
    "phase": "0 war, 1 ceasefire, 2 peace agreement",
    "civilian_deaths": "civilians killed this month (a count, scaled by death_scale)",
    "battle_deaths": "combatants killed this month (a count, scaled by death_scale)",
    "displaced": "people displaced at the end of the month",
    "humanitarian_access": "index of the share of people in need that aid reaches, 0-1",
    "government_control": "index of the share of territory the government controls, 0-1",
    "government_resources": (
        "index of the government's means to fight (its strength, less sanctions), 0-1"
    ),
    "armed_group_resources": "index of the armed groups' mean means to fight, 0-1",
    "troops_deployed": "armed UN troops on the ground (UN and hybrid missions)",
    "police_deployed": "UN police on the ground",
    "observers_deployed": "military observers on the ground",
    "regional_troops": "troops of regional organizations' own missions",
    "troop_ceiling": "troops authorized for UN and hybrid missions in force",
    "police_ceiling": "police authorized for UN and hybrid missions in force",
    "deployment_share": "uniformed personnel deployed as a share of the ceilings, 0-1",
    "peacekeeper_fatalities": "peacekeepers killed this month",
    "sanctions_in_force": "sanctions measures in force (one per measure and target)",
    "host_consent": "1 while the host government consents to the presence of missions",
}


def record(world: World, tolls: dict[str, float]) -> None:
    """Append this month's value of every metric to ``world.metrics``."""
    theatre = world.theatre
    totals = on_the_ground(world)
    ceilings = {"troops": 0, "police": 0}
    for mission in world.active_missions():
        if mission.kind != "regional" and not mission.withdrawing:
            for kind in ceilings:
                ceilings[kind] += mission.ceilings.get(kind, 0)
    resources = theatre.resources

    def mean_of(kind: str) -> float:
        values = [resources[p.id] for p in theatre.parties if p.kind == kind]
        return sum(values) / len(values) if values else 0.0

    values: dict[str, float] = {
        "intensity": theatre.intensity,
        "phase": float(PHASES.index(theatre.phase)),
        "civilian_deaths": tolls["civilian_deaths"],
        "battle_deaths": tolls["battle_deaths"],
        "displaced": round(theatre.displaced),
        "humanitarian_access": theatre.access,
        "government_control": theatre.government_control,
        "government_resources": mean_of("government"),
        "armed_group_resources": mean_of("armed_group"),
        "troops_deployed": totals["troops"],
        "police_deployed": totals["police"],
        "observers_deployed": totals["observers"],
        "regional_troops": totals["regional"],
        "troop_ceiling": ceilings["troops"],
        "police_ceiling": ceilings["police"],
        "deployment_share": deployment_share(world),
        "peacekeeper_fatalities": tolls["peacekeeper_fatalities"],
        "sanctions_in_force": sum(1 for e in world.sanctions if not e.ended),
        "host_consent": 1.0 if theatre.host_consent else 0.0,
    }
    for name in METRICS:
        world.metrics.setdefault(name, []).append(values[name])


def latest(world: World, name: str) -> float:
    """The most recent value of a metric (0 before the first month is recorded)."""
    series = world.metrics.get(name, [])
    return series[-1] if series else 0.0


def total(world: World, name: str) -> float:
    """The sum of a metric over the months played."""
    return sum(world.metrics.get(name, []))
