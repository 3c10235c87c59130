"""The classroom's game: seats act only as themselves, private things stay private, and the
journal rebuilds the same game."""

from __future__ import annotations

import json
from pathlib import Path

from sim.model.hashing import state_hash
from sim.net.classroom import Classroom

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def _room() -> Classroom:
    return Classroom(TUTORIAL, 3, ["ARN", "CAL", "FEN"])


def test_each_seat_sees_only_its_own_factors_and_messages() -> None:
    room = _room()
    assert room.handle("CAL", {"type": "message", "to": "FEN", "text": "secret-cal-to-fen"}).ok
    fen, arn, teacher = room.view("FEN"), room.view("ARN"), room.view("teacher")
    assert "secret-cal-to-fen" in json.dumps(fen) and "secret-cal-to-fen" in json.dumps(teacher)
    assert "secret-cal-to-fen" not in json.dumps(arn)
    room.handle(
        "ARN",
        {
            "type": "command",
            "command": {
                "type": "table_draft",
                "actor": "ARN",
                "draft": "kalvaria-1",
                "clauses": None,
            },
        },
    )
    arn = room.view("ARN")
    assert arn["own"]["stances"] and "factors" in arn["own"]["stances"]["kalvaria-1"]
    text = json.dumps(arn)
    assert "ideal" not in text and "salience" not in text
    # Nobody's view but the teacher's holds another seat's factors.
    assert set(room.view("teacher")["teacher"]["stances"]["kalvaria-1"]) >= {"ARN", "CAL", "FEN"}
    assert "stances" not in arn["public"]


def test_a_seat_acts_only_as_itself_and_on_its_turn() -> None:
    room = _room()
    assert room.session.seat == "ARN"
    lobby = {"type": "lobby", "actor": "ARN", "target": "CAL", "dimension": "force"}
    reply = room.handle("CAL", {"type": "command", "command": lobby})
    assert not reply.ok and "you hold seat CAL" in reply.reasons[0]
    mine = {**lobby, "actor": "CAL", "target": "ARN"}
    reply = room.handle("CAL", {"type": "command", "command": mine})
    assert not reply.ok and "not your turn" in reply.reasons[0]
    assert not room.handle("CAL", {"type": "teacher", "action": "pause"}).ok
    assert not room.handle("ARN", {"type": "command", "command": {"type": "nonsense"}}).ok


def test_the_journal_rebuilds_the_same_game(tmp_path: Path) -> None:
    room = _room()
    room.handle("teacher", {"type": "teacher", "action": "hand_to_ai", "seat": "FEN"})
    room.handle("teacher", {"type": "teacher", "action": "incident", "text": "A convoy is hit.",
                            "value": 0.1})  # fmt: skip
    for _ in range(40):  # ARN and CAL end their turns; FEN is played by the AI
        seat = room.session.seat
        assert seat in ("ARN", "CAL")
        for command in room.handle(seat, {"type": "advise"}).commands:
            room.handle(seat, {"type": "command", "command": command})
        room.handle(seat, {"type": "end_turn"})
    assert room.world_month > 2
    path = tmp_path / "room.json"
    room.save(path)
    again = Classroom.resume(path)
    assert state_hash(again.session.engine.world) == state_hash(room.session.engine.world)
    assert again.codes == room.codes and again.ai_seats == {"FEN"}
    log = json.loads(path.with_suffix(".log.json").read_text())
    assert any(c["type"] == "incident" for c in log["commands"])
