"""Tampered logs and saves are refused with the command's index and reason, never a traceback.

A log or a save is checked as strictly as the game checks a live command: first its structure
(pydantic, strict: no string for a number, no fraction for a count, no NaN, no unknown field),
then, as it is replayed, each command's own ``check`` (chapter, tasks, demands, duration,
ceilings, sanctions, side payments).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.model.saves import SaveError, from_json

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = str(ROOT / "scenarios" / "tutorial.toml")


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("log") / "log.json"
    assert main(["run", TUTORIAL, "--seed", "7", "--months", "3", "--log", str(path)]) == 0
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _index(log: dict[str, Any], kind: str) -> int:
    return next(i for i, c in enumerate(log["commands"]) if c["type"] == kind)


def _replay(
    tmp_path: Path, doc: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["replay", TUTORIAL, str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def _amended(log: dict[str, Any], **clauses: Any) -> tuple[int, dict[str, Any]]:
    i = _index(log, "amend_draft")
    command = json.loads(json.dumps(log["commands"][i]))
    command["clauses"].update(clauses)
    return i, command


STRUCTURAL = {
    "a list as actor": ("table_draft", {"actor": ["ARN"]}),
    "clauses as text": ("amend_draft", {"clauses": "x"}),
    "a size as text": ("pledge", {"size": "100"}),
    "a fraction of a soldier": ("pledge", {"size": 0.5}),
    "a size that is true": ("pledge", {"size": True}),
    "an unknown field": ("table_draft", {"extra": 1}),
    "an unknown command": ("table_draft", {"type": "launch_missiles"}),
}
ILLEGAL_CLAUSES = {
    "an unknown sanctions measure": {"sanctions": [{"kind": "blockade", "targets": ["gov"]}]},
    "a sanction on a stranger": {"sanctions": [{"kind": "arms_embargo", "targets": ["USA"]}]},
    "chapter IX": {"chapter": "IX"},
    "an unknown task": {"tasks": ["regime_change"]},
    "an unknown demand": {"demands": ["surrender"]},
    "a duration of 0": {"duration": 0},
    "a duration of -12": {"duration": -12},
    "a ceiling of a billion": {"troop_ceiling": 10**9},
}


@pytest.mark.parametrize("tampering", list(STRUCTURAL))
def test_a_malformed_command_is_refused_by_its_index(
    log: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], tampering: str
) -> None:
    kind, change = STRUCTURAL[tampering]
    index = _index(log, kind)
    doc = json.loads(json.dumps(log))
    doc["commands"][index] = {**doc["commands"][index], **change}
    code, err = _replay(tmp_path, doc, capsys)
    assert code == 1 and f"command {index} (" in err, err
    # The desktop game's Load reads the same commands: a save refuses them on reading.
    with pytest.raises(SaveError, match=f"command {index}: "):
        from_json({**_save_shell(), "commands": doc["commands"]})


@pytest.mark.parametrize("tampering", list(ILLEGAL_CLAUSES))
def test_illegal_clauses_are_refused_by_the_commands_own_check(
    log: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], tampering: str
) -> None:
    index = _index(log, "amend_draft")
    doc = json.loads(json.dumps(log))
    doc["commands"][index]["clauses"].update(ILLEGAL_CLAUSES[tampering])
    code, err = _replay(tmp_path, doc, capsys)
    assert code == 1 and f"command {index} (amend_draft): " in err, err


def _save_shell() -> dict[str, Any]:
    return {
        "format": "mandate-save",
        "version": 1,
        "scenario": "tutorial",
        "scenario_path": TUTORIAL,
        "seed": 7,
        "player": "",
        "label": "",
        "saved_at": "",
        "turn": {"month": 1, "phase": "open", "round": 0},
        "player_turns": [],
        "current_turn": [],
        "state_hash": "0" * 64,
        "steps": 0,
    }


def test_a_side_payment_to_oneself_is_refused(
    log: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(json.dumps(log))
    at = _index(log, "amend_draft") + 1
    payment = {"type": "side_payment", "actor": "ARN", "draft": "kalvaria-1", "target": "ARN"}
    doc["commands"].insert(at, {**payment, "amount": 1.0})
    code, err = _replay(tmp_path, doc, capsys)
    assert code == 1 and f"command {at} (side_payment)" in err and "itself" in err, err


def test_nan_is_not_json_the_game_reads(
    log: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(log).replace('"size": 50', '"size": NaN', 1)
    assert "NaN" in text
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    assert main(["replay", TUTORIAL, str(path)]) == 1
    assert "NaN" in capsys.readouterr().err


def test_replay_accepts_a_save_and_reaches_the_saved_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sim.model.engine import Engine
    from sim.model.hashing import state_hash
    from sim.model.play import default_agents
    from sim.model.saves import TurnRecord, capture, to_json
    from sim.model.session import Session
    from sim.scenario.build import build_world
    from sim.scenario.loader import load_scenario

    engine = Engine(build_world(load_scenario(TUTORIAL), 3))
    session = Session(engine, default_agents(engine), player=None)
    while engine.world.month < 4:
        session.step()
    path = tmp_path / "save.json"
    path.write_text(json.dumps(to_json(capture(session, TurnRecord(), TUTORIAL, 3, steps=1))))
    assert main(["replay", TUTORIAL, str(path)]) == 0
    months = capsys.readouterr().out.splitlines()
    assert len(months) == 3 and all(line.startswith("month ") for line in months)
    # The last month's hash is the state the save recorded at that month's end: replaying the
    # same commands on a fresh world reproduces the game.
    replayed = Engine(build_world(load_scenario(TUTORIAL), 3))
    for command in engine.log:
        replayed.submit(command)
    assert state_hash(replayed.world) == state_hash(engine.world)
