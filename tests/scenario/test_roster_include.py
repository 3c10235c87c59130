"""Scenarios include the world roster safely, and every id a historical scenario uses exists."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sim.scenario.loader import ScenarioError, load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
MINIMAL = (Path(__file__).parent / "valid_minimal.toml").read_text(encoding="utf-8")
HISTORICAL = (
    "rwanda_1994",
    "libya_2011",
    "syria_2011",
    "darfur_2007",
    "mali_2013",
    "bosnia_1993",
)


def _with_roster(reference: str, ids: tuple[str, str, str] = ("USA", "FRA", "CHN")) -> str:
    text = MINIMAL.replace("format_version = 1", f'format_version = 1\nroster = "{reference}"', 1)
    for old, new in zip(("AAA", "BBB", "CCC"), ids, strict=True):
        text = text.replace(old, new)
    return text


def _problems(text: str, folder: Path = SCENARIOS) -> list[str]:
    try:
        parse_scenario(text, str(folder / "trial.toml"))
    except ScenarioError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize("name", HISTORICAL)
def test_historical_scenarios_use_the_roster_and_only_un_members(name: str) -> None:
    path = SCENARIOS / f"{name}.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw.get("roster") == "data/world_roster.toml"
    scenario = load_scenario(path)  # fails if any state id is not in the roster
    assert all(s.name for s in scenario.states)
    assert {"CHN", "FRA", "GBR", "RUS", "USA"} <= {s.id for s in scenario.states}


def test_names_come_from_the_roster_and_a_scenario_may_override_them() -> None:
    scenario = parse_scenario(_with_roster("data/world_roster.toml"), str(SCENARIOS / "t.toml"))
    names = {s.id: s.name for s in scenario.states}
    assert names["USA"] == "Alpha"  # the minimal file names its states: the override wins
    text = _with_roster("data/world_roster.toml").replace('name = "Alpha"\n', "", 1)
    scenario = parse_scenario(text, str(SCENARIOS / "t.toml"))
    assert {s.id: s.name for s in scenario.states}["USA"] == "United States"


def test_an_id_that_is_not_a_un_member_is_an_error_at_the_id() -> None:
    problems = _problems(_with_roster("data/world_roster.toml", ("USA", "FRA", "XKX")))
    assert len(problems) == 1 and "states[XKX].id" in problems[0]
    assert "'XKX' is not a UN member in the roster" in problems[0]


@pytest.mark.parametrize(
    "reference, message",
    [
        ("/etc/passwd", "must be relative"),
        ("C:/roster.toml", "must be relative"),
        ("../scenarios/data/world_roster.toml", "must not leave"),
        ("data/../../README.md", "must not leave"),
        ("data/missing.toml", "no roster file"),
        ("tutorial.toml", "is not a roster"),
    ],
)
def test_unsafe_or_wrong_roster_references_are_refused_with_a_clear_message(
    reference: str, message: str
) -> None:
    problems = _problems(_with_roster(reference))
    assert len(problems) == 1 and problems[0].split(": ")[1] == "roster"
    assert message in problems[0]


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text('format = "mandate-roster"\n', encoding="utf-8")
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "linked.toml").symlink_to(outside)
    problems = _problems(_with_roster("linked.toml"), folder)
    assert problems and "inside the scenario's folder" in problems[0]


def test_an_oversized_roster_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text('format = "mandate-roster"\n' + "# padding\n" * 300_000, encoding="utf-8")
    problems = _problems(_with_roster("big.toml"), tmp_path)
    assert problems and "roster file is larger than the" in problems[0]
