"""Scenarios by id: the bundled ones and the player's own, in ``mandate run/play/check ID`` and
``mandate list``, from any folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sim.bundled import scenario_file, scenarios_dir
from sim.cli import main
from sim.scenario import catalogue
from sim.scenario.loader import load_scenario

REPO = Path(__file__).resolve().parents[2]
BUNDLED_IDS = sorted(p.stem for p in (REPO / "scenarios").glob("*.toml"))


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a folder that has no scenarios/ in it, as a player of an installed game would."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)


def _own(user_data: Path, name: str, text: str) -> Path:
    folder = user_data / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_folder_is_the_repositorys_scenarios_folder() -> None:
    # In a development install the package is the designers' working folder itself.
    assert scenarios_dir().resolve() == (REPO / "scenarios").resolve()
    assert [e.id for e in catalogue.bundled_entries()][0] == "tutorial"
    assert sorted(e.id for e in catalogue.bundled_entries()) == BUNDLED_IDS


@pytest.mark.parametrize("scenario_id", BUNDLED_IDS)
def test_every_bundled_file_is_named_after_its_id(scenario_id: str) -> None:
    assert load_scenario(scenario_file(f"{scenario_id}.toml")).id == scenario_id


def test_run_by_id_is_run_by_path(capsys: pytest.CaptureFixture[str]) -> None:
    by_id = _cli(capsys, "run", "tutorial", "--seed", "7", "--json", "--months", "3")
    by_path = _cli(
        capsys,
        "run",
        str(REPO / "scenarios" / "tutorial.toml"),
        "--seed",
        "7",
        "--json",
        "--months",
        "3",
    )
    assert by_id[0] == 0, by_id[2]
    assert by_id == by_path
    assert json.loads(by_id[1])["scenario"] == "tutorial"


def test_check_every_bundled_scenario_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "check", *BUNDLED_IDS)
    assert code == 0, err
    assert len(out.splitlines()) == len(BUNDLED_IDS)
    assert all(": ok — " in line for line in out.splitlines())


def test_an_unknown_id_says_how_to_find_the_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "run", "no_such_scenario")
    assert code == 1 and out == ""
    assert "no scenario 'no_such_scenario'" in err and "mandate list" in err
    assert "Traceback" not in err


def test_a_file_of_the_current_folder_wins_over_an_id() -> None:
    shutil.copy(REPO / "scenarios" / "sahel_bridge.toml", "tutorial")
    assert catalogue.locate("tutorial") == Path("tutorial")
    assert catalogue.locate("tutorial.toml") == scenario_file("tutorial.toml")


def test_the_players_own_scenarios_play_by_id_and_are_listed(
    user_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (REPO / "scenarios" / "tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('id = "tutorial"', 'id = "harbour"')
    text = text.replace('title = "Crisis in Kalvaria"', 'title = "Harbour Crisis"')
    text = text.replace('map = "maps/kalvaria.png"', "")
    text = text.replace('control_map = "maps/kalvaria-control.png"', "")
    _own(user_data, "harbour", text)
    _own(user_data, "broken", "this is not TOML")
    _own(user_data, "tutorial", text)  # shadowed by the bundled tutorial
    code, out, err = _cli(capsys, "run", "harbour", "--seed", "1", "--months", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["scenario"] == "harbour"
    assert catalogue.locate("tutorial") == scenario_file("tutorial.toml")

    code, out, _ = _cli(capsys, "list")
    assert code == 0
    bundled, own = out.split("Your scenarios, in ")
    for entry in catalogue.bundled_entries():
        title = load_scenario(entry.path).title
        assert any(
            line.split()[:1] == [entry.id] and title in line for line in bundled.splitlines()
        ), entry.id
    assert own.startswith(f"{user_data / 'scenarios'}:")
    lines = {line.split()[0]: line for line in own.splitlines()[1:] if line.startswith("  ")}
    assert "Harbour Crisis" in lines["harbour"]
    assert "cannot be loaded" in lines["broken"]
    assert "rename" in lines["tutorial"]
    assert [e.id for e in catalogue.user_entries()] == ["tutorial", "broken", "harbour"]


def test_list_with_no_own_scenarios_says_how_to_make_one(
    user_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _cli(capsys, "list")
    assert code == 0
    assert "none yet (mandate new NAME writes one there)" in out
    assert not (user_data / "scenarios").exists(), "listing creates nothing"


def test_the_per_user_folder_follows_the_platform_without_the_override(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("MANDATE_DATA_DIR")
    expected = platformdirs.user_data_path("mandate", appauthor=False) / "scenarios"
    assert catalogue.user_scenarios_dir() == expected
    assert expected.is_absolute()
