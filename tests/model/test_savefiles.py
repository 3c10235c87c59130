"""Lines of play saved beside each other: a branch has a file of its own next to the original."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from sim.model.advice import advise
from sim.model.engine import Engine
from sim.model.play import default_agents
from sim.model.rewind import branch_lines, rewind
from sim.model.savefiles import newest_line_file, read_save, write_save
from sim.model.saves import (
    SavedGame,
    SaveError,
    TurnRecord,
    capture,
    to_json,
)
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile

SEED = 5


def _original(tutorial: ScenarioFile, months: int = 3, seed: int = SEED) -> SavedGame:
    """The advisor plays ARN for ``months`` months."""
    engine = Engine(build_world(tutorial, seed))
    session = Session(engine, default_agents(engine), player="ARN")
    record = TurnRecord()
    while True:
        session.run_until_player()
        if not session.awaiting_player or session.turn.month > months:
            break
        for command in advise(session, "ARN"):
            if not session.check(command):
                session.submit(command)
                record.submitted(len(engine.log) - 1)
        session.end_turn()
        record.ended()
    return capture(session, record, "t.toml", seed, label="original")


def _branch(tutorial: ScenarioFile, save: SavedGame, month: int = 2) -> SavedGame:
    """Back to ``month``, then one turn passed instead: a branch that keeps ``save``'s lines."""
    engine = Engine(build_world(tutorial, save.seed))
    back = rewind(engine, default_agents(engine), save, month)
    back.session.end_turn()
    back.record.ended()
    back.session.run_until_player()
    lines, name = branch_lines(save)
    captured = capture(back.session, back.record, "t.toml", save.seed, label=name)
    return replace(captured, line=name, branched_at=month, lines=lines)


def test_saving_a_branch_writes_its_own_file_and_leaves_the_original_untouched(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    original = _original(tutorial)
    path = tmp_path / "class-a.json"
    assert write_save(path, original) == path
    before = path.read_bytes()
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # long ago
    branch = _branch(tutorial, original)
    written = write_save(path, branch)
    assert written == tmp_path / "class-a.branch-1.json"
    assert path.read_bytes() == before  # the original: not a byte changed
    assert "lines" not in json.loads(written.read_text(encoding="utf-8"))  # no copy inside
    loaded = read_save(written)
    assert loaded == branch  # the original found beside it
    assert read_save(path) == original
    assert newest_line_file(path) == written  # "continue" resumes the branch


def test_every_line_finds_the_others_when_the_family_is_saved_afresh(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    first = _branch(tutorial, _original(tutorial))
    second = _branch(tutorial, first, month=1)
    path = tmp_path / "game.json"
    written = write_save(path, second)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "game.branch-1.json",
        "game.branch-2.json",
        "game.json",
    ]
    assert written.name == "game.branch-2.json"
    assert read_save(written) == second
    for name, line in (("game.json", ""), ("game.branch-1.json", "Branch 1")):
        found = read_save(tmp_path / name)
        assert found.line == line
        names = {x.line for x in (found, *found.lines)}
        assert names == {"", "Branch 1", "Branch 2"}
    # Saving the branch again under its own file name keeps the family's names.
    assert write_save(written, second) == written
    assert len(list(tmp_path.iterdir())) == 3


def test_an_old_save_with_its_lines_inside_is_still_read(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    branch = _branch(tutorial, _original(tutorial))
    path = tmp_path / "old.json"
    path.write_text(json.dumps(to_json(branch), indent=1), encoding="utf-8")
    assert read_save(path) == branch


def _family(tutorial: ScenarioFile, folder: Path) -> tuple[Path, Path]:
    """A branch saved at ``g.json``: the original there, the branch beside it."""
    original = folder / "g.json"
    return original, write_save(original, _branch(tutorial, _original(tutorial)))


def _located(path: Path, field: str, call: Path) -> tuple[str, int]:
    text = path.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if field in row)
    with pytest.raises(SaveError) as caught:
        read_save(call)
    return str(caught.value), line


def test_a_missing_or_badly_named_line_file_is_located_in_the_save_naming_it(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    original, branch = _family(tutorial, tmp_path)
    original.unlink()
    message, line = _located(branch, '"g.json"', branch)
    assert message.startswith(f"{branch}:{line}: line_files[0]: the line saved in g.json")
    doc = json.loads(branch.read_text(encoding="utf-8"))
    doc["line_files"] = ["../elsewhere.json"]
    branch.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    message, line = _located(branch, "elsewhere", branch)
    assert message.startswith(f"{branch}:{line}: line_files[0] must be the name of another save")


def test_a_bad_line_file_is_located_in_that_file(tutorial: ScenarioFile, tmp_path: Path) -> None:
    original, branch = _family(tutorial, tmp_path)
    doc = json.loads(original.read_text(encoding="utf-8"))
    doc["seed"] = 99
    original.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    message, line = _located(original, '"seed": 99', branch)
    assert message.startswith(f"{original}:{line}: seed must be the game's own")
    doc["seed"], doc["turn"]["phase"] = SEED, "x"
    original.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    message, line = _located(original, '"phase": "x"', branch)
    assert message.startswith(f"{original}:{line}: turn.phase must be")
    other = tmp_path / "x.json"
    other.write_text("{not json", encoding="utf-8")
    doc = json.loads(branch.read_text(encoding="utf-8"))
    doc["line_files"] = ["x.json"]
    branch.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    assert "x.json" in _located(branch, '"x.json"', branch)[0]


def test_a_file_of_another_game_is_not_taken_for_a_line_of_this_one(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    original, branch = _family(tutorial, tmp_path)
    # The same scenario and seed, played otherwise from the first month (a new autosave).
    engine = Engine(build_world(tutorial, SEED))
    session = Session(engine, default_agents(engine), player="ARN")
    record = TurnRecord()
    while session.turn.month < 3:
        session.run_until_player()
        session.end_turn()  # the player passes where the original tabled a draft
        record.ended()
    session.run_until_player()
    write_save(original, capture(session, record, "t.toml", SEED))
    message, line = _located(branch, '"g.json"', branch)
    assert message.startswith(f"{branch}:{line}: g.json is not a line of this game")
    # Saving the branch again writes its original back over the other game's file.
    write_save(tmp_path / "g.json", _branch(tutorial, _original(tutorial)))
    assert read_save(branch).lines[0].label == "original"
