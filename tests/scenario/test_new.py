"""Tests for ``mandate new``: a commented skeleton that passes ``check --strict``, plays to an
ending and can meet every objective, with the right ``#:schema`` line, never written over an
existing file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sim.cli import main
from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario.build import build_world
from sim.scenario.lint import lint_scenario
from sim.scenario.loader import load_scenario
from sim.scenario.skeleton import schema_reference, skeleton, title_of, valid_name

REPO = Path(__file__).resolve().parent.parent.parent
SCHEMA = REPO / "scenarios" / "schema.json"


def _new(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["new", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_scenario_that_passes_strict_and_plays_to_an_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "my-crisis.toml"
    code, out, err = _new(capsys, "my-crisis", "--output", str(path))
    assert code == 0, err
    assert f"wrote {path}" in out
    scenario = load_scenario(path)
    assert scenario.id == "my-crisis" and scenario.title == "My crisis"
    assert lint_scenario(scenario) == []
    assert main(["check", "--strict", str(path)]) == 0
    engine = Engine(build_world(scenario, 1))
    played = play_game(engine, default_agents(engine))
    outcome = engine.world.outcome
    assert outcome is not None and outcome.ending in {e.id for e in scenario.endings}
    assert 1 <= played <= scenario.months


def test_new_skeleton_can_meet_every_objective() -> None:
    """Its contributors fill the mission: over seeds 0-19 some run meets every objective (and so
    reaches the objectives ending), while others do not."""
    from sim.model import objectives
    from sim.scenario.loader import parse_scenario

    scenario = parse_scenario(skeleton("reach"), "reach.toml")
    (main_ending,) = [e for e in scenario.endings if e.when == "objectives_met"]
    met_all, endings = [], set()
    for seed in range(20):
        engine = Engine(build_world(scenario, seed))
        play_game(engine, default_agents(engine))
        outcome = engine.world.outcome
        assert outcome is not None
        endings.add(outcome.ending)
        report = objectives.report(engine.world, final=True)
        if all(row["status"] == "met" for row in report):
            met_all.append(seed)
    assert met_all, "no seed from 0 to 19 meets every objective of the skeleton"
    assert main_ending.id in endings
    assert len(met_all) < 20 and len(endings) > 1, "the skeleton should not be won every time"


def test_new_skeleton_runs_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "skeleton.toml"
    assert _new(capsys, "skeleton", "--output", str(path))[0] == 0
    assert main(["run", str(path), "--seed", "1"]) == 0
    out, _ = capsys.readouterr()
    assert "Outcome:" in out


def test_new_skeleton_is_commented(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    _new(capsys, "c", "--output", str(path))
    text = path.read_text(encoding="utf-8")
    for section in (
        "[[dimensions]]",
        "[[states]]",
        "[[bodies]]",
        "[council]",
        "[theatre]",
        "[[drafts]]",
        "[[triggers]]",
        "[[objectives]]",
        "[[endings]]",
    ):
        before = text[: text.index(section)].rstrip().splitlines()[-1]
        assert before.startswith("#"), f"{section} has no comment above it"
    assert "scenarios/README.md" in text


def test_no_schema_line_outside_a_scenarios_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.toml"
    _new(capsys, "plain", "--output", str(path))
    assert not path.read_text(encoding="utf-8").startswith("#:schema")


@pytest.mark.parametrize(("folder", "expected"), [("", "./schema.json"), ("sub", "../schema.json")])
def test_schema_line_is_relative_to_where_the_file_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str, expected: str
) -> None:
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    shutil.copy(SCHEMA, scenarios / "schema.json")
    path = scenarios / folder / "x.toml" if folder else scenarios / "x.toml"
    assert _new(capsys, "x", "--output", str(path))[0] == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"#:schema {expected}"
    assert (path.parent / expected).resolve() == (scenarios / "schema.json").resolve()
    load_scenario(path)


def test_a_schema_json_that_is_not_ours_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "schema.json").write_text('{"$id": "https://example.invalid/other"}')
    assert schema_reference(tmp_path / "x.toml") is None
    (tmp_path / "schema.json").write_text("not json")
    assert schema_reference(tmp_path / "x.toml") is None


def test_default_output_is_the_players_own_folder(
    tmp_path: Path,
    user_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Wherever it is run, ``mandate new NAME`` writes NAME.toml in the player's own scenarios
    folder, with the schema beside it for editors, and says where and how to open it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITOR", "my-editor")
    code, out, _ = _new(capsys, "harbour")
    assert code == 0
    path = user_data / "scenarios" / "harbour.toml"
    assert path.read_text(encoding="utf-8").startswith("#:schema ./schema.json\n")
    schema = path.parent / "schema.json"
    assert schema.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8")
    assert not (tmp_path / "scenarios").exists()
    assert f"wrote {path}" in out
    assert f"my-editor {path}" in out
    assert str(REPO / "scenarios" / "README.md") in out  # the designer's guide, where it is
    assert "mandate play harbour" in out
    assert main(["run", "harbour", "--seed", "1", "--months", "1"]) == 0


def test_new_refuses_a_bundled_scenarios_id(
    user_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _new(capsys, "tutorial")
    assert code == 1 and out == ""
    assert "bundled scenario" in err
    assert not (user_data / "scenarios" / "tutorial.toml").exists()


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "taken.toml"
    path.write_text("# mine\n", encoding="utf-8")
    code, out, err = _new(capsys, "taken", "--output", str(path))
    assert code == 1
    assert "already exists" in err and out == ""
    assert path.read_text(encoding="utf-8") == "# mine\n"
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "name", ["1st", "my crisis", "../escape", "a/b", "x.toml", "", "é", "a" * 65]
)
def test_new_refuses_bad_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / "out.toml"
    code, out, err = _new(capsys, name, "--output", str(path))
    assert code == 2
    assert "not a valid scenario id" in err and out == ""
    assert not path.exists()


@pytest.mark.parametrize("name", ["a", "Z9", "my-crisis", "darfur_2006", "a" * 64])
def test_valid_names_make_loadable_skeletons(name: str) -> None:
    from sim.scenario.loader import parse_scenario

    assert valid_name(name)
    scenario = parse_scenario(skeleton(name), f"{name}.toml")
    assert scenario.id == name
    assert scenario.title == title_of(name)


def test_skeleton_refuses_a_bad_name_itself() -> None:
    with pytest.raises(ValueError):
        skeleton("no good")


def test_the_skeletons_endings_agree_with_a_calm_at_the_end(tmp_path: Path) -> None:
    """A game that ends quiet is not told "the war grinds on": a calm judged in the last month
    comes before the time-out ending (issue 12: ending texts that agree with the state)."""
    path = tmp_path / "calm.toml"
    path.write_text(skeleton("calm"), encoding="utf-8")
    endings = load_scenario(path).endings
    kinds = [e.when for e in endings]
    calm = kinds.index("intensity_below")
    assert calm < kinds.index("time_out") and endings[calm].from_month == load_scenario(path).months
    assert "grinds on" not in endings[-1].text
