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
    room.handle(
        "teacher",
        {"type": "teacher", "action": "incident", "text": "A convoy is hit.", "value": 0.1},
    )
    ai_turns = 0
    for _ in range(
        40
    ):  # ARN and CAL end their turns; FEN is played by the AI, at the server's pace
        seat = room.session.seat
        if seat == "FEN":
            assert not room.handle("FEN", {"type": "end_turn"}).ok, "the AI holds FEN's seat now"
            assert room.play_ai_turn()
            ai_turns += 1
            continue
        assert seat in ("ARN", "CAL") and not room.play_ai_turn()
        for command in room.handle(seat, {"type": "advise"}).commands:
            room.handle(seat, {"type": "command", "command": command})
        room.handle(seat, {"type": "end_turn"})
    assert room.world_month > 2 and ai_turns > 0
    path = tmp_path / "room.json"
    room.save(path)
    again = Classroom.resume(path)
    assert state_hash(again.session.engine.world) == state_hash(room.session.engine.world)
    assert again.codes == room.codes and again.ai_seats == {"FEN"}
    log = json.loads(path.with_suffix(".log.json").read_text())
    assert any(c["type"] == "incident" for c in log["commands"])


def test_seats_handed_to_the_ai_play_at_the_servers_pace_and_the_teacher_can_pause() -> None:
    room = _room()
    month = room.world_month
    for seat in ("ARN", "CAL", "FEN"):
        assert room.handle("teacher", {"type": "teacher", "action": "hand_to_ai", "seat": seat}).ok
    assert room.world_month == month and not room.finished, "nothing is played inside a request"
    while room.world_month == month:
        assert room.play_ai_turn()
    room.handle("teacher", {"type": "teacher", "action": "pause"})
    assert not room.play_ai_turn(), "a paused game waits for the teacher"
    stopped = room.world_month
    room.handle("teacher", {"type": "teacher", "action": "resume"})
    assert room.play_ai_turn() and room.world_month >= stopped


def test_a_save_from_before_paced_ai_turns_still_resumes(tmp_path: Path) -> None:
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL", "FEN"], eager_ai=True)
    room.handle("teacher", {"type": "teacher", "action": "hand_to_ai", "seat": "FEN"})
    for _ in range(12):  # version 1 played FEN inside each request
        seat = room.session.seat
        assert seat in ("ARN", "CAL")
        room.handle(seat, {"type": "end_turn"})
    path = tmp_path / "old.json"
    room.save(path)
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "version": 1}))
    again = Classroom.resume(path)
    assert state_hash(again.session.engine.world) == state_hash(room.session.engine.world)
    path.write_text(json.dumps({**data, "version": 99}))
    try:
        Classroom.resume(path)
    except ValueError as exc:
        assert "version 99" in str(exc)
    else:
        raise AssertionError("an unknown save version must be refused")
