"""Each seat's stance in its view is worked out once per state for all seats, and never stale."""

from __future__ import annotations

from pathlib import Path

from sim.model.ballots import own_stance
from sim.net.classroom import Classroom

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def test_views_follow_every_change_of_state() -> None:
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL", "FEN"])
    table = {"type": "table_draft", "actor": "ARN", "draft": "kalvaria-1", "clauses": None}
    assert room.handle("ARN", {"type": "command", "command": table}).ok
    world = room.session.engine.world

    def exact(seat: str) -> object:
        return own_stance(world, world.drafts["kalvaria-1"], seat).to_json()

    before = room.view("CAL")["own"]["stances"]["kalvaria-1"]
    assert before == exact("CAL")
    assert room.view("teacher")["teacher"]["stances"]["kalvaria-1"]["FEN"] == exact("FEN")
    for dimension in ("force", "presence"):
        lobby = {"type": "lobby", "actor": "ARN", "target": "CAL", "dimension": dimension}
        room.handle("ARN", {"type": "command", "command": lobby})
    after = room.view("CAL")["own"]["stances"]["kalvaria-1"]
    assert after == exact("CAL") and after != before, "a lobbied seat's view moves with it"
    assert room.view("teacher")["teacher"]["stances"]["kalvaria-1"]["CAL"] == after
