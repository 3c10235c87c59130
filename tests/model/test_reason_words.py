"""Objectives, adoptions and the month's news read as a player would write them: proper plurals,
shares as percentages, the draft's title once, no whip count told twice (tutorial and Libya)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.analysis.report import month_lines
from sim.model import objectives
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents, play
from sim.model.words import body_words, metric_value, without_repeats
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
RAW_DECIMAL = re.compile(r"\d\.\d{2}")


def _played(name: str) -> World:
    engine = Engine(build_world(load_scenario(SCENARIOS / name), 7))
    play(engine, default_agents(engine))
    return engine.world


@pytest.fixture(scope="module")
def libya() -> World:
    return _played("libya_2011.toml")


@pytest.fixture(scope="module")
def tutorial() -> World:
    return _played("tutorial.toml")


def test_metric_values_in_words() -> None:
    assert metric_value("deployment_share", 0.57) == "57%"
    assert metric_value("deployment_share", 0.001) == "0.1%"
    assert metric_value("phase", 2.0) == "peace"
    assert metric_value("host_consent", 0.0) == "withdrawn"
    assert metric_value("civilian_deaths", 1200.0) == "1,200"
    assert body_words("Security Council (2011)") == "Security Council"


def test_libya_reasons_have_plurals_and_whole_numbers(libya: World) -> None:
    reasons = [row["reason"] for row in objectives.report(libya, final=True)]
    assert "2 resolutions adopted (target: 2)" in reasons
    assert any(r.startswith("civilian deaths ") and "in all (limit: 1,200)" in r for r in reasons)
    assert not [r for r in reasons if "(s)" in r or "_" in r or RAW_DECIMAL.search(r)], reasons


def test_tutorial_shares_read_as_the_objective_says_them(tutorial: World) -> None:
    rows = {row["id"]: row for row in objectives.report(tutorial, final=True)}
    shares = [row["reason"] for row in rows.values() if "deployment share" in row["reason"]]
    assert shares and all(re.search(r"\d+% at best \(target: 60%\)", r) for r in shares), shares
    deaths = [row["reason"] for row in rows.values() if row["reason"].startswith("civilian")]
    assert deaths and all(re.search(r"in month 18 \(target: below 40\)$", r) for r in deaths)


def test_an_adoption_names_the_body_and_the_title_once(libya: World) -> None:
    adopted = [e.text for e in libya.events if e.kind == "resolution_adopted"]
    assert adopted[0] == (
        "The Security Council adopts 'Resolution 1970 (2011): sanctions and ICC referral', 15-0-0."
    )
    assert all(t.count("Resolution") == 1 and "res19" not in t for t in adopted), adopted


def test_the_news_tells_each_whip_count_once(libya: World) -> None:
    digest = state_hash(libya)
    for month in range(1, libya.month + 1):
        whips = [line for line in month_lines(libya, month) if "Whip count" in line]
        assert len(whips) == len(set(whips)), whips
    first = [e for e in libya.events if e.month == 1 and e.kind == "whip_count"]
    assert len(first) == 3 and len(without_repeats(first)) == 1  # the model keeps all three
    assert state_hash(libya) == digest
