"""A networked seat's debrief: once the game ends the server sends each window the seed and that
seat's own turns (nothing of other seats), and the window's game hands them to the debrief's
turning points as a local game does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sim.analysis.turning import decisions
from sim.model.commands import command_from_json
from sim.model.saves import player_turns
from sim.model.session import command_actor
from sim.net.classroom import Classroom
from sim.net.mirror import decode_world
from sim.net.remote import RemoteSession
from sim.scenario.loader import load_scenario
from sim.ui.netgame import NetGame

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def _played(room: Classroom, months: int) -> dict[str, list[list[dict[str, Any]]]]:
    """Both seats play their advisors' moves for ``months`` months, then the teacher ends the
    game; what each seat sent, turn by turn."""
    sent: dict[str, list[list[dict[str, Any]]]] = {"ARN": [], "CAL": []}
    for _ in range(400):
        if room.world_month > months:
            break
        seat = room.session.seat
        assert seat in sent
        turn = []
        for command in room.handle(seat, {"type": "advise"}).commands:
            if room.handle(seat, {"type": "command", "command": command}).ok:
                turn.append(command)
        sent[seat].append(turn)
        assert room.handle(seat, {"type": "end_turn"}).ok
        assert room.debrief(seat) is None, "nothing before the end"
    assert room.handle("teacher", {"type": "teacher", "action": "end"}).ok
    return sent


def test_each_window_gets_only_its_own_turns_and_the_seed_at_the_end() -> None:
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL"])
    sent = _played(room, 2)
    assert room.finished
    assert room.debrief("teacher") is None
    for seat, turns in sent.items():
        debrief = room.debrief(seat)
        assert debrief is not None and debrief["seed"] == 3
        assert debrief["turns"] == turns
        for turn in debrief["turns"]:
            assert all(command_actor(command_from_json(c)) == seat for c in turn)
    assert any(sent["ARN"]) and any(sent["CAL"])


class _Link:
    """A link that never receives anything (the frames are applied by hand)."""

    def get(self, timeout: float | None = None) -> None:
        return None


def test_the_window_debrief_replays_the_seats_own_decisions() -> None:
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL"])
    sent = _played(room, 1)
    assert any(sent["ARN"])
    frame = room.world_frame("ARN")
    session = RemoteSession(_Link(), "ARN", decode_world(frame["data"]), frame["log"])  # type: ignore[arg-type]
    game = NetGame(TUTORIAL, load_scenario(TUTORIAL), 0, session)
    assert player_turns(game.session, game.record) == ([], [])
    session.apply({"type": "state", "view": room.view("ARN")})
    session.apply(room.debrief("ARN") or {})
    session.apply(room.world_frame("ARN"))
    assert game.world.finished and game.seed == 3
    completed, current = player_turns(game.session, game.record)
    assert [[c.to_json() for c in turn] for turn in completed] == sent["ARN"] and not current
    found = decisions(game.scenario, game.seed, "ARN", completed)
    assert [d.command.to_json() for d in found] == [c for turn in sent["ARN"] for c in turn]
