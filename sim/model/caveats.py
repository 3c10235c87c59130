"""National caveats: the restrictions a contributor puts on its own contingent in a mission.

A state that sends soldiers under UN (or regional) command still tells them what they may not
do. Saideman & Auerswald (2014, *NATO in Afghanistan: Fighting Together, Fighting Alone*) trace
such caveats to each government's domestic politics and show how they keep contingents out of
the fighting, out of other regions and off night work; the UN's own evaluation of protection of
civilians mandates (OIOS 2014, A/68/787) found force almost never used to protect civilians
under attack, with contingents following their capitals' instructions over the mission's. The
model keeps three caveats a contributor may set, each with the share of its contingent's
protection of civilians it keeps (coefficients ``caveat_*`` in ``defaults.toml``): a contingent
under several caveats keeps the product. Caveats change only how many troops and police count
against civilian deaths (:func:`sim.model.conflict.effective_strength`), not their losses, not
the mission's type and not battle deaths.

Caveats are state (``World.caveats``: mission → contributor → caveat ids), set by the
:class:`SetCaveats` command; a contributor's AI attaches the caveats its scenario declares for
it (``national_caveats``) to every contingent it sends (:func:`caveats_due`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model.commands import not_finished, registered
from sim.model.events import Event
from sim.model.names import mission_name
from sim.model.world import Mission, World

#: Caveat id → (coefficient: share of protection kept, what it forbids, in a few words).
CAVEATS: dict[str, tuple[str, str]] = {
    "no_offensive_operations": (
        "caveat_no_offensive_operations",
        "no offensive operations: force in self-defence only",
    ),
    "capital_only": ("caveat_capital_only", "stays in the capital and its own bases"),
    "no_night_patrols": ("caveat_no_night_patrols", "no patrols after dark"),
}


def caveat_label(caveat: str) -> str:
    """The caveat's id in words ("no offensive operations")."""
    return caveat.replace("_", " ")


def caveat_share(world: World, caveats: tuple[str, ...]) -> float:
    """Share of a contingent's protection of civilians kept under ``caveats`` (1 for none)."""
    share = 1.0
    for caveat in caveats:
        share *= float(getattr(world.coefficients, CAVEATS[caveat][0]))
    return share


def caveats_of(world: World, mission_id: str, contributor: str) -> tuple[str, ...]:
    """The caveats ``contributor`` has set on its contingent in ``mission_id`` (sorted)."""
    return world.caveats.get(mission_id, {}).get(contributor, ())


def restrained(world: World, mission: Mission) -> dict[str, float]:
    """Personnel of ``mission`` its caveats keep from protecting civilians, by kind (troops,
    police), as deployed strength × (1 − share kept). Empty when no contributor set caveats."""
    lost: dict[str, float] = {}
    for contributor, caveats in world.caveats.get(mission.id, {}).items():
        share = caveat_share(world, caveats)
        for contingent in mission.contingents:
            if contingent.contributor == contributor and contingent.kind in ("troops", "police"):
                held = contingent.deployed * (1.0 - share)
                lost[contingent.kind] = lost.get(contingent.kind, 0.0) + held
    return lost


def protection(
    world: World, mission: Mission, contributor: str, caveats: tuple[str, ...]
) -> tuple[int, float]:
    """The contributor's troops and police deployed in ``mission``, and how many of them would
    count against civilian deaths under ``caveats`` (its effect, shown before it is chosen)."""
    deployed = sum(
        c.deployed
        for c in mission.contingents
        if c.contributor == contributor and c.kind in ("troops", "police")
    )
    return deployed, deployed * caveat_share(world, caveats)


def serving(world: World, mission: Mission, contributor: str) -> bool:
    """True when ``contributor`` has personnel in ``mission`` (deployed or on the way) that are
    not going home."""
    return any(
        c.contributor == contributor and (c.deployed or c.arriving) and not c.withdrawing
        for c in mission.contingents
    )


def caveats_due(
    world: World, contributor: str, pledging: tuple[str, ...] = ()
) -> list[tuple[str, tuple[str, ...]]]:
    """(mission, caveats) where the contributor's contingent (or the one it is pledging now to
    a mission of ``pledging``) lacks the caveats its scenario declares for it
    (``Contributor.national_caveats``); empty when it declares none."""
    declared = tuple(sorted(set(world.contributors[contributor].national_caveats)))
    if not declared:
        return []
    return [
        (m.id, declared)
        for m in world.active_missions()
        if not m.withdrawing
        and (m.id in pledging or serving(world, m, contributor))
        and caveats_of(world, m.id, contributor) != declared
    ]


@registered
@dataclass(frozen=True)
class SetCaveats:
    """A contributor sets the national caveats on its contingent in a mission (the whole set:
    an empty set lifts them all)."""

    kind: ClassVar[str] = "set_caveats"
    contributor: str
    mission: str
    caveats: tuple[str, ...]

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world)
        if self.contributor not in world.contributors:
            return reasons + [f"{self.contributor} is not a troop contributor"]
        unknown = [c for c in self.caveats if c not in CAVEATS]
        if unknown:
            reasons.append(f"unknown caveat {unknown[0]!r} (known: {', '.join(CAVEATS)})")
        if len(set(self.caveats)) != len(self.caveats):
            reasons.append("a caveat is named twice")
        mission = world.mission(self.mission)
        if mission is None or not mission.active:
            return reasons + [f"no mission {self.mission!r}"]
        if mission.withdrawing or not serving(world, mission, self.contributor):
            name = mission_name(world, self.mission)
            reasons.append(f"{self.contributor} has no contingent serving in {name}")
        elif not unknown and tuple(sorted(self.caveats)) == caveats_of(
            world, self.mission, self.contributor
        ):
            name = mission_name(world, self.mission)
            reasons.append(f"{self.contributor}'s caveats in {name} are already these")
        return reasons

    def apply(self, world: World) -> list[Event]:
        caveats = tuple(sorted(self.caveats))
        table = world.caveats.setdefault(self.mission, {})
        if caveats:
            table[self.contributor] = caveats
            words = ", ".join(caveat_label(c) for c in caveats)
            share = caveat_share(world, caveats)
            text = (
                f"{self.contributor} sets caveats on its contingent in"
                f" {mission_name(world, self.mission)} ({words}):"
                f" it protects civilians at {share:.0%} of its strength."
            )
        else:
            table.pop(self.contributor, None)
            text = f"{self.contributor} lifts its caveats in {mission_name(world, self.mission)}."
        if not table:
            del world.caveats[self.mission]
        return [Event(world.month, "caveats", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "contributor": self.contributor,
            "mission": self.mission,
            "caveats": list(self.caveats),
        }
