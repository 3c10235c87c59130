"""Rewind and branch: back to month N by replaying the log, the same game there, kept lines."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sim.model.advice import advise
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.rewind import ORIGINAL, RewindError, branch_lines, line_name, months_of, rewind
from sim.model.savefiles import read_save, write_save
from sim.model.saves import (
    MAX_LINES,
    SaveError,
    TurnRecord,
    capture,
    restore,
    to_json,
)
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile

SEED = 5


def _played(tutorial: ScenarioFile, months: int = 6) -> tuple[Session, TurnRecord, dict[int, str]]:
    """The advisor plays ARN for ``months`` months; the state hash at the player's first turn
    of each month is noted as the game goes."""
    engine = Engine(build_world(tutorial, SEED))
    session = Session(engine, default_agents(engine), player="ARN")
    record = TurnRecord()
    hashes: dict[int, str] = {}
    while True:
        session.run_until_player()
        if not session.awaiting_player or session.turn.month > months:
            break
        hashes.setdefault(session.turn.month, state_hash(engine.world))
        for command in advise(session, "ARN"):
            if not session.check(command):
                session.submit(command)
                record.submitted(len(engine.log) - 1)
        session.end_turn()
        record.ended()
    return session, record, hashes


def _fresh(tutorial: ScenarioFile) -> Engine:
    return Engine(build_world(tutorial, SEED))


def test_rewound_game_has_the_originals_state_hash_at_each_month(tutorial: ScenarioFile) -> None:
    session, record, hashes = _played(tutorial)
    save = capture(session, record, "t.toml", SEED)
    assert len(hashes) >= 4
    for month, expected in hashes.items():
        engine = _fresh(tutorial)
        back = rewind(engine, default_agents(engine), save, month)
        assert state_hash(engine.world) == expected, month
        assert back.session.awaiting_player and back.session.turn.month == month
        # The rewound log is the original's up to that month, nothing more.
        assert [c.to_json() for c in engine.log] == list(save.commands[: len(engine.log)])
        assert max(months_of(engine.log), default=1) == month


def test_a_branch_plays_on_differently_and_its_save_finds_the_original(
    tutorial: ScenarioFile, tmp_path: Path
) -> None:
    session, record, hashes = _played(tutorial)
    original = capture(session, record, "t.toml", SEED, label="original")
    engine = _fresh(tutorial)
    back = rewind(engine, default_agents(engine), original, 2)
    # Play on another way: pass every turn instead of following the advisor.
    for _ in range(4):
        back.session.end_turn()
        back.record.ended()
        back.session.run_until_player()
    assert state_hash(engine.world) != state_hash(session.engine.world)
    lines, name = branch_lines(original)
    branch = replace(
        capture(back.session, back.record, "t.toml", SEED), line=name, branched_at=2, lines=lines
    )
    assert name == "Branch 1" and [line_name(x) for x in lines] == [ORIGINAL]
    path = tmp_path / "game.json"
    written = write_save(path, branch)  # the branch beside the original
    assert written == tmp_path / "game.branch-1.json"
    loaded = read_save(written)
    assert loaded == branch
    # Both lines restore to their own games.
    for line in (loaded, loaded.lines[0]):
        fresh = _fresh(tutorial)
        restore(fresh, default_agents(fresh), line)
        assert state_hash(fresh.world) == line.state_hash
    assert loaded.lines[0].state_hash == state_hash(session.engine.world)
    # A branch of the branch keeps both earlier lines.
    lines2, name2 = branch_lines(loaded)
    assert name2 == "Branch 2" and [line_name(x) for x in lines2] == [ORIGINAL, "Branch 1"]


def test_rewind_refuses_months_outside_the_game(tutorial: ScenarioFile) -> None:
    session, record, _ = _played(tutorial, months=2)
    save = capture(session, record, "t.toml", SEED)
    for month in (0, save.turn.month + 1):
        engine = _fresh(tutorial)
        with pytest.raises(RewindError, match=f"month {month} is not in this game"):
            rewind(engine, default_agents(engine), save, month)


def test_rewind_refuses_a_log_that_no_longer_replays(tutorial: ScenarioFile) -> None:
    session, record, _ = _played(tutorial, months=3)
    save = capture(session, record, "t.toml", SEED)
    engine = Engine(build_world(tutorial, SEED + 1))  # another seed: another game
    with pytest.raises(RewindError):
        rewind(engine, default_agents(engine), save, 3)


def test_a_game_the_ai_plays_alone_rewinds_to_the_start_of_the_month(
    tutorial: ScenarioFile,
) -> None:
    engine = _fresh(tutorial)
    session = Session(engine, default_agents(engine))
    hashes, steps = {}, 0
    while engine.world.month < 5 and session.step():
        steps += 1
        hashes.setdefault(engine.world.month, (state_hash(engine.world), steps))
    save = capture(session, TurnRecord(), "t.toml", SEED, steps=steps)
    for month in (2, 4):
        fresh = _fresh(tutorial)
        back = rewind(fresh, default_agents(fresh), save, month)
        assert (state_hash(fresh.world), back.steps) == hashes[month]


def test_lines_beyond_the_limit_drop_the_oldest_branches_never_the_original(
    tutorial: ScenarioFile,
) -> None:
    session, record, _ = _played(tutorial, months=1)
    save = capture(session, record, "t.toml", SEED)
    for _ in range(MAX_LINES + 3):
        lines, name = branch_lines(save)
        save = replace(save, line=name, branched_at=1, lines=lines)
    assert len(save.lines) == MAX_LINES
    assert line_name(save.lines[0]) == ORIGINAL
    assert len({line.line for line in save.lines} | {save.line}) == MAX_LINES + 1


def _doc(tutorial: ScenarioFile) -> dict[str, object]:
    session, record, _ = _played(tutorial, months=1)
    save = capture(session, record, "t.toml", SEED)
    lines, name = branch_lines(save)
    return to_json(replace(save, line=name, branched_at=1, lines=lines))


@pytest.mark.parametrize(
    "change, field, message",
    [
        (lambda d: d["lines"][0].update(seed=99), '"seed": 99', r"lines\[0\]\.seed must be"),
        (lambda d: d["lines"][0].update(scenario="other"), '"scenario": "other"', "scenario"),
        (lambda d: d["lines"][0]["turn"].update(phase="x"), '"phase": "x"', r"lines\[0\]: turn"),
        (lambda d: d["lines"][0].update(lines=[]), '"lines": []', "no lines of its own"),
        (lambda d: d.update(branched_at=99), '"branched_at": 99', "branched_at must be a month"),
        (lambda d: d.update(line="x" * 200), '"line": "xxx', "line must be a name"),
        (lambda d: d.update(lines="all"), '"lines": "all"', "lines must be a list"),
    ],
)
def test_bad_lines_in_a_save_are_located_file_line_field(
    tutorial: ScenarioFile, tmp_path: Path, change: object, field: str, message: str
) -> None:
    doc = _doc(tutorial)
    change(doc)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    text = json.dumps(doc, indent=1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if field in row)
    with pytest.raises(SaveError, match=message) as caught:
        read_save(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_the_original_save_format_is_unchanged_without_branches(tutorial: ScenarioFile) -> None:
    session, record, _ = _played(tutorial, months=1)
    doc = to_json(capture(session, record, "t.toml", SEED))
    assert not {"line", "branched_at", "lines"} & set(doc)
