"""`mandate check` reports everything it can in one pass, in words a designer reads."""

from __future__ import annotations

from pathlib import Path

from sim.scenario.loader import ScenarioError, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (Path(__file__).parent / "valid_minimal.toml").read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    try:
        parse_scenario(text, str(ROOT / "scenarios" / "trial.toml"))
    except ScenarioError as error:
        return [str(p) for p in error.problems]
    return []


def test_roster_and_cross_reference_problems_come_in_one_pass() -> None:
    text = MINIMAL.replace(
        "format_version = 1", 'format_version = 1\nroster = "data/world_roster.toml"'
    )
    text = text.replace("CCC", "XKX").replace('penholder = "AAA"', 'penholder = "ZZZ"')
    problems = _problems(text)
    assert any("'XKX' is not a UN member" in p for p in problems)
    assert any("unknown state 'ZZZ'" in p for p in problems)


def test_a_date_is_explained_as_yyyy_mm_not_as_a_pattern() -> None:
    [problem] = _problems(
        MINIMAL.replace("format_version = 1", 'format_version = 1\nstart = "1994-4"')
    )
    assert "start: expected a month written YYYY-MM" in problem and "\\d" not in problem


def test_a_duplicate_key_is_named() -> None:
    text = MINIMAL.replace("format_version = 1", "format_version = 1\nmonths = 3\nmonths = 4")
    [problem] = _problems(text)
    assert "duplicate key 'months'" in problem


def test_an_entry_with_an_id_is_named_by_it() -> None:
    text = MINIMAL.replace("capability = 0.5", "capability = 1.5", 1)
    [problem] = _problems(text)
    assert "states[BBB].capability" in problem  # the second state, BBB, not states[1]
