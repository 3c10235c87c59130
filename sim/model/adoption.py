"""What an adopted resolution sets in motion: a mission, its renewal, sanctions episodes.

A new draft that authorizes personnel creates a mission (``hybrid`` when the scenario prepared
it with a regional organization; a draft with ``rehat_from`` takes over that organization's
bridging force, whose soldiers change helmets at once). A renewal (or a prepared draft that
``renews`` another) extends its mission's mandate, applies new ceilings — none at all ends the
mission — and lifts measures it no longer carries. Sanctions open episodes
(:mod:`sim.model.sanctions`).
"""

from __future__ import annotations

from sim.model import forces, sanctions
from sim.model.drafts import Draft
from sim.model.events import Event
from sim.model.names import mission_name
from sim.model.voting import Tally
from sim.model.words import and_list
from sim.model.world import Mission, Resolution, World


def adopt(world: World, draft: Draft, tally: Tally) -> list[Event]:
    """Put an adopted draft into force."""
    clauses = draft.clauses
    until = world.month + clauses.duration - 1
    events: list[Event] = []
    mission_id: str | None = None
    mission = world.mission(draft.renews) if draft.renews is not None else None
    if draft.renews is not None and mission is not None and not mission.withdrawing:
        mission_id = mission.id
        if clauses.establishes_mission():
            mission.expires_month = until
            mission.renewals += 1
            mission.tasks = clauses.tasks
            mission.chapter = clauses.chapter
            events += forces.apply_ceilings(world, mission, clauses.ceilings())
        else:
            events.append(forces.withdraw_mission(world, mission, "the Council ended its mandate"))
    if draft.renews is not None:
        kept = {(s.kind, t) for s in clauses.sanctions for t in s.targets}
        events += sanctions.lift(world, kept, draft.renews)
    if mission_id is None and clauses.establishes_mission():
        mission_id = draft.id
        events += _new_mission(world, draft)
    regime = draft.renews or draft.id
    events += sanctions.open_episodes(world, regime, clauses, len(tally.yes), until)
    world.resolutions.append(
        Resolution(draft.id, draft.title, clauses, world.month, until, mission_id, len(tally.yes))
    )
    return events


def _new_mission(world: World, draft: Draft) -> list[Event]:
    template = next((t for t in world.templates if t.id == draft.id), None)
    hybrid = template.hybrid_with if template else None
    national = template.national_command if template else ()
    kind = "national" if national else "hybrid" if hybrid else "un"
    mission = forces.create_mission(world, draft.id, draft.clauses, kind, draft.body)
    partner = world.organizations[hybrid].name if hybrid in world.organizations else ""
    what = {
        "national": "a force under national command",
        "hybrid": f"a joint mission with the {partner}",
    }.get(kind, "a mission")
    name = mission_name(world, mission.id)
    # "the UN mission in Kalvaria" says what it is; "MINUSMA, a mission" does not.
    what = f"{name}," if name.startswith("the ") else f"{name}, {what}"
    events = [
        Event(
            world.month,
            "mission",
            f"{draft.id} establishes {what} authorized at {_ceilings_text(mission)}.",
        )
    ]
    if national:
        events += forces.commit_national(world, mission, national)
    if template is not None and template.rehat_from:
        events += _rehat(world, template.rehat_from, mission)
    return events


def _ceilings_text(mission: Mission) -> str:
    return and_list(f"{n:,} {kind}" for kind, n in mission.ceilings.items() if n)


def _rehat(world: World, organization: str, mission: Mission) -> list[Event]:
    """The organization's bridging force joins the UN mission under blue helmets."""
    for regional in world.active_missions():
        if regional.kind != "regional" or regional.authority != organization:
            continue
        moved = 0
        for contingent in regional.contingents:
            if contingent.deployed <= 0:
                continue
            room = mission.ceilings.get(contingent.kind, 0) - mission.strength(contingent.kind)
            size = min(contingent.deployed, max(0, room))
            mission.contingent(contingent.contributor, contingent.kind).deployed += size
            contingent.deployed -= size
            moved += size
        regional.withdrawing = True
        for contingent in regional.contingents:
            forces.start_withdrawal(world, contingent)
        name = world.organizations[organization].name
        text = (
            f"{moved:,} soldiers of the {name} force change to blue helmets in"
            f" {mission_name(world, mission.id)}."
        )
        return [Event(world.month, "rehatting", text)]
    return []
