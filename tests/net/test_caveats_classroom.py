"""A networked contributor sets caveats as itself only; the journal rebuilds the same game and
the seat's window world shows them."""

from __future__ import annotations

from pathlib import Path

from sim.model.caveats import caveats_of, serving
from sim.model.hashing import state_hash
from sim.net.classroom import Classroom
from sim.net.mirror import decode_world, encode_world
from sim.net.seatworld import seat_world

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def test_a_networked_contributor_sets_caveats_and_the_game_resumes_the_same(
    tmp_path: Path,
) -> None:
    room = Classroom(TUTORIAL, 3, ["ARN", "PEL"])
    world = room.session.engine.world
    mission = None
    for _ in range(60):  # both seats play their advisors' moves until PEL's troops serve
        seat = room.session.seat
        assert seat in ("ARN", "PEL")
        for command in room.handle(seat, {"type": "advise"}).commands:
            room.handle(seat, {"type": "command", "command": command})
        mission = next((m.id for m in world.active_missions() if serving(world, m, "PEL")), None)
        if seat == "PEL" and mission:
            break
        room.handle(seat, {"type": "end_turn"})
    assert mission is not None and room.session.seat == "PEL"
    command = {
        "type": "set_caveats",
        "contributor": "PEL",
        "mission": mission,
        "caveats": ["no_night_patrols"],
    }
    refused = room.handle("ARN", {"type": "command", "command": command})
    assert not refused.ok and "you hold seat ARN" in refused.reasons[0]
    reply = room.handle("PEL", {"type": "command", "command": command})
    assert reply.ok and "sets caveats" in reply.events[0]
    assert caveats_of(world, mission, "PEL") == ("no_night_patrols",)
    window = decode_world(encode_world(seat_world(world, "ARN")))
    assert caveats_of(window, mission, "PEL") == ("no_night_patrols",)
    room.handle("PEL", {"type": "end_turn"})
    path = tmp_path / "room.json"
    room.save(path)
    again = Classroom.resume(path)
    assert state_hash(again.session.engine.world) == state_hash(world)
