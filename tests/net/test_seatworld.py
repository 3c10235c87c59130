"""What a networked seat may know, as the server sends it: the per-seat view's statements, whip
count and rival texts, and the world a game window mirrors — never another seat's private
replies, never the true hidden reservations."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.model.hashing import snapshot, state_hash
from sim.model.intel import private_points
from sim.model.names import draft_title
from sim.net.classroom import Classroom
from sim.net.mirror import MirrorError, decode_world, encode_world
from sim.net.seatworld import heard_by, seat_world
from sim.net.views import TEACHER

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def _played(done: object, limit: int = 400) -> Classroom:
    """A classroom whose two human seats play by the advisor until ``done(room)``."""
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL"])
    for _ in range(limit):
        if done(room) or room.finished:  # type: ignore[operator]
            return room
        seat = room.session.seat
        assert seat is not None
        for command in room.handle(seat, {"type": "advise"}).commands:
            room.handle(seat, {"type": "command", "command": command})
        room.handle(seat, {"type": "end_turn"})
    return room


def _replies_between_others(room: Classroom) -> bool:
    world = room.session.engine.world
    return any(st.to and "FEN" not in (st.to, st.actor) for st in world.statements) and any(
        d.private for d in world.drafts.values()
    )


@pytest.fixture(scope="module")
def room() -> Classroom:
    room = _played(_replies_between_others)
    assert _replies_between_others(room), "the AI seats reply in private to their lobbyists"
    return room


def test_the_seat_view_has_what_the_seat_heard_and_its_whip_count(room: Classroom) -> None:
    world = room.session.engine.world
    view = room.view("FEN")["own"]
    private = [st for st in world.statements if st.to]
    assert private
    said = {(s["actor"], s["to"], s["text"]) for s in view["statements"]}
    for st in world.statements:
        assert ((st.actor, st.to, st.text) in said) == heard_by(st, "FEN")
    assert {(st.actor, st.text) for st in world.statements if not st.to} <= {
        (a, t) for a, to, t in said
    }
    draft = next(iter(world.drafts.values()))
    whip = view["whip"][draft.id]
    # A player reads the draft by its working title, never its id.
    assert whip["text"].startswith(f"Whip count on '{draft_title(world, draft.id)}':")
    assert draft.id not in whip["text"]
    assert set(whip["members"]) == set(world.bodies[draft.body].members)
    assert any(m["band"] > 0 for m in whip["members"].values()), "the seat is not sure of all"
    assert [r["id"] for r in view["rival_texts"]] == sorted(
        d.id for d in world.drafts.values() if d.rival_of
    )
    teacher = room.view(TEACHER)["teacher"]
    assert len(teacher["statements"]) == len(world.statements)
    news = " ".join(room.view("FEN")["public"]["news"])
    for st in private:
        assert f"{st.actor} to {st.to}:" not in news, "private replies are not public news"


def test_the_mirrored_world_holds_estimates_not_the_truth(room: Classroom) -> None:
    world = room.session.engine.world
    mirror = decode_world(encode_world(seat_world(world, "FEN")))
    assert all(heard_by(st, "FEN") for st in mirror.statements)
    assert len(mirror.statements) < len(world.statements)
    replies = [e.text for e in mirror.events if e.kind == "reply"]
    assert all(t.startswith("FEN to ") or " to FEN:" in t for t in replies)
    differs = False
    for draft in world.drafts.values():
        if not draft.private:
            continue
        members = sorted(draft.private)
        estimates = dict(zip(members, private_points(draft, members, "FEN"), strict=True))
        assert mirror.drafts[draft.id].private == estimates
        differs |= estimates != draft.private
        if draft.penholder != "FEN":
            assert set(mirror.drafts[draft.id].side_payments) <= {"FEN"}
    assert differs, "what FEN does not know of the reservations stays on the server"
    for vote, true in zip(mirror.votes, world.votes, strict=True):
        for member, stance in vote.stances.items():
            if member == "FEN":
                assert stance == true.stances[member]
                continue
            # Only the public choice: no factors, and the total on the threshold (margin 0).
            assert stance.factors == () and stance.choice == vote.choices[member]
            assert stance.total in (stance.yes_above, stance.no_below)


def test_a_world_goes_over_the_wire_unchanged_but_for_its_streams(room: Classroom) -> None:
    world = room.session.engine.world
    copy = decode_world(encode_world(world))
    ours, theirs = snapshot(world), snapshot(copy)
    assert ours.pop("rng") and not theirs.pop("rng"), "the random streams are not sent"
    assert ours == theirs


def test_only_model_classes_are_made_from_a_world_text() -> None:
    import base64
    import json
    import zlib

    def text(data: object) -> str:
        return base64.b64encode(zlib.compress(json.dumps(data).encode())).decode()

    with pytest.raises(MirrorError):
        decode_world(text({"$class": "os:system", "fields": {}}))
    with pytest.raises(MirrorError):
        decode_world(text({"$class": "sim.model.commands:registered", "fields": {}}))
    with pytest.raises(MirrorError):
        decode_world("not base64 at all!")


def test_redacting_for_a_seat_leaves_the_game_untouched(room: Classroom) -> None:
    world = room.session.engine.world
    before = state_hash(world), len(world.statements), len(world.events)
    for seat in ("FEN", "ARN", "CAL"):
        seat_world(world, seat)
    assert (state_hash(world), len(world.statements), len(world.events)) == before
