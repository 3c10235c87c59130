"""Counts take their plural and phases read as English in every event the model writes."""

from __future__ import annotations

import re
from pathlib import Path

from sim.model.engine import Engine
from sim.model.play import default_agents, play
from sim.model.words import personnel, phase_words, plural
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def test_plural_personnel_and_phases() -> None:
    assert plural(1, "peacekeeper") == "1 peacekeeper"
    assert plural(1200, "peacekeeper") == "1,200 peacekeepers"
    assert plural(2, "body", "bodies") == "2 bodies"
    assert personnel(1, "troops") == "1 soldier"
    assert personnel(50, "troops") == "50 troops"
    assert personnel(1, "police") == "1 police officer"
    assert personnel(50, "police") == "50 police"
    assert [phase_words(p) for p in ("war", "ceasefire", "peace")] == [
        "at war",
        "under a ceasefire",
        "at peace",
    ]


def test_a_whole_game_tells_its_story_in_english() -> None:
    engine = Engine(build_world(load_scenario(TUTORIAL), 7))
    play(engine, default_agents(engine))
    texts = [e.text for e in engine.world.events]
    assert any(" peacekeeper of " in t for t in texts), "the seed has single losses to check"
    wrong = [
        t for t in texts if re.search(r"(?<![\d,])1 (peacekeepers|troops) |is in (war|peace)", t)
    ]
    assert not wrong, wrong[:3]
