"""Saved games: versioned JSON, atomic writes, and a restore that resumes the very same game."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.model.commands import Lobby, TableDraft
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.savefiles import read_save, write_save
from sim.model.saves import (
    SAVE_VERSION,
    ReplayMismatch,
    SavedGame,
    SaveError,
    TurnRecord,
    capture,
    from_json,
    player_turns,
    replay_turns,
    restore,
    to_json,
    write_text_atomic,
)
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def _mid_game(tutorial: ScenarioFile) -> tuple[Session, TurnRecord]:
    """A session paused on the player's turn in the second consultation round of month 1."""
    engine = Engine(build_world(tutorial, 3))
    session = Session(engine, default_agents(engine), player="ARN")
    record = TurnRecord()

    def submit(command: object) -> None:
        session.submit(command)  # type: ignore[arg-type]
        record.submitted(len(engine.log) - 1)

    session.run_until_player()
    submit(TableDraft("ARN", "kalvaria-1"))
    session.end_turn()
    record.ended()
    session.run_until_player()
    submit(Lobby("ARN", "CAL", "force"))
    session.end_turn()
    record.ended()
    session.run_until_player()
    submit(Lobby("ARN", "DRV", "force"))  # in the turn still in progress
    return session, record


def _fresh(tutorial: ScenarioFile, seed: int = 3) -> Engine:
    return Engine(build_world(tutorial, seed))


def test_save_restores_the_same_state_and_turn(tutorial: ScenarioFile, tmp_path: Path) -> None:
    session, record = _mid_game(tutorial)
    saved = capture(session, record, "scenarios/tutorial.toml", 3, "test", "2030-01-01T00:00:00")
    path = tmp_path / "saves" / "one.json"
    write_save(path, saved)
    loaded = read_save(path)
    assert loaded == saved
    engine = _fresh(tutorial)
    resumed, resumed_record = restore(engine, default_agents(engine), loaded)
    assert state_hash(engine.world) == state_hash(session.engine.world)
    assert resumed.turn == session.turn and resumed.awaiting_player
    assert resumed_record == record
    # And the game goes on identically from there.
    for s in (session, resumed):
        s.end_turn()
        s.run_until_player()
    assert state_hash(engine.world) == state_hash(session.engine.world)


def test_save_document_is_versioned_json_with_a_replayable_log(tutorial: ScenarioFile) -> None:
    session, record = _mid_game(tutorial)
    doc = to_json(capture(session, record, "x.toml", 3))
    assert doc["format"] == "mandate-save" and doc["version"] == SAVE_VERSION
    assert json.loads(json.dumps(doc)) == doc
    assert doc["commands"] == [c.to_json() for c in session.engine.log]
    # The player's own commands, by their place in the log (AI seats speak in between).
    log = session.engine.log
    tabled = log.index(TableDraft("ARN", "kalvaria-1"))
    lobbied = log.index(Lobby("ARN", "CAL", "force"))
    assert doc["player_turns"] == [[tabled], [lobbied]]
    assert doc["current_turn"] == [len(log) - 1]
    assert log[-1] == Lobby("ARN", "DRV", "force")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"format": "pickle"}, "not a Mandate saved game"),
        ({"version": 99}, "unsupported save version"),
        ({"seed": -1}, "seed"),
        ({"turn": {"month": 1, "phase": "lunch", "round": 0}}, "turn.phase"),
        ({"commands": "nope"}, "commands"),
        ({"player_turns": [["a"]]}, "player_turns"),
    ],
)
def test_bad_documents_are_refused(
    tutorial: ScenarioFile, change: dict[str, object], message: str
) -> None:
    session, record = _mid_game(tutorial)
    doc = {**to_json(capture(session, record, "x.toml", 3)), **change}
    with pytest.raises(SaveError, match=message):
        from_json(doc)


def test_a_save_that_does_not_replay_is_refused(tutorial: ScenarioFile) -> None:
    session, record = _mid_game(tutorial)
    saved = capture(session, record, "x.toml", 3)
    engine = _fresh(tutorial, seed=4)  # another seed: another game
    tampered = SavedGame(**{**saved.__dict__, "state_hash": "0" * 64})
    with pytest.raises(SaveError, match="does not replay"):
        restore(_fresh(tutorial), default_agents(engine), tampered)
    wrong_turns = SavedGame(**{**saved.__dict__, "player_turns": ((5,),)})
    with pytest.raises(SaveError, match="out of place"):
        restore(_fresh(tutorial), default_agents(engine), wrong_turns)


def test_unreadable_files_raise_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="cannot read"):
        read_save(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SaveError, match="not JSON"):
        read_save(bad)


def test_atomic_write_replaces_whole_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "a" / "save.json"
    write_text_atomic(path, "first")
    write_text_atomic(path, "second")
    assert path.read_text(encoding="utf-8") == "second"
    assert [p.name for p in path.parent.iterdir()] == ["save.json"]


def test_saves_never_use_pickle() -> None:
    source = (Path(__file__).resolve().parents[2] / "sim" / "model" / "saves.py").read_text()
    assert "pickle" not in source.replace("never pickle", "")


def test_replay_turns_plays_the_player_turns_again(tutorial: ScenarioFile) -> None:
    session, record = _mid_game(tutorial)
    turns, current = player_turns(session, record)
    engine = _fresh(tutorial)
    again, again_record = replay_turns(engine, default_agents(engine), "ARN", turns, current)
    assert [c.to_json() for c in engine.log] == [c.to_json() for c in session.engine.log]
    assert state_hash(engine.world) == state_hash(session.engine.world)
    assert again.turn == session.turn and again_record.completed == record.completed


def test_replay_turns_names_the_command_that_no_longer_applies(tutorial: ScenarioFile) -> None:
    session, record = _mid_game(tutorial)
    turns, current = player_turns(session, record)
    drafts = [tutorial.drafts[0].model_copy(update={"id": "renamed"}), *tutorial.drafts[1:]]
    edited = tutorial.model_copy(update={"drafts": drafts})
    engine = Engine(build_world(edited, 3))
    with pytest.raises(ReplayMismatch, match="table draft of month 1 no longer applies"):
        replay_turns(engine, default_agents(engine), "ARN", turns, current)


def test_an_ai_only_game_saves_its_steps_and_resumes(tutorial: ScenarioFile) -> None:
    engine = _fresh(tutorial)
    session = Session(engine, default_agents(engine), player=None)
    for _ in range(57):
        session.step()
    save = from_json(to_json(capture(session, TurnRecord(), "t.toml", 3, steps=57)))
    assert save.player == "" and save.steps == 57
    fresh = _fresh(tutorial)
    resumed, _ = restore(fresh, default_agents(fresh), save)
    assert state_hash(fresh.world) == state_hash(engine.world) and resumed.turn == session.turn
    with pytest.raises(SaveError, match="step count"):
        capture(session, TurnRecord(), "t.toml", 3)
