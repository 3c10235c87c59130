"""What a player reads of the objectives and the advisor's acts (issue 12, words).

- The briefing's goals read like the designer's guide: "Goal: the latest troops deployed is
  above 9,000 by month 19.", "the theatre is in ceasefire or a better one", and Syria's
  "carries demand:consider_measures, a draft feature such as chapter_vii, …".
- "Mali: peace, fighting low" beside "Mali: at war, fighting heavy".
- A renewal offered but not tabled was "res-912-renewal-2 is not tabled yet".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.model.engine import Engine
from sim.model.names import Namer
from sim.model.objectives import goal_words
from sim.model.play import default_agents, play_game
from sim.model.words import fighting_phrase
from sim.model.world import Objective
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
ALL = sorted(p.stem for p in SCENARIOS.glob("*.toml"))


@pytest.mark.parametrize("name", ALL)
def test_every_goal_reads_as_words(name: str) -> None:
    world = build_world(load_scenario(SCENARIOS / f"{name}.toml"), 0)
    for objective in world.objectives:
        goal = goal_words(objective)
        assert not re.search(r"`|_|\bthe latest\b|\bor a better one\b|\bsuch as\b", goal), goal
        if objective.by_month:
            assert f"month {objective.by_month}" in goal, goal


def test_goals_say_what_is_asked() -> None:
    assert goal_words(Objective("t", "T", "metric_above", "troops_deployed", 9000, 19)) == (
        "troops deployed above 9,000 in month 19"
    )
    assert goal_words(Objective("c", "C", "phase_at_least", by_month=19, phase="ceasefire")) == (
        "a ceasefire or peace in month 19"
    )
    assert goal_words(Objective("r", "R", "resolutions_adopted", threshold=1)) == (
        "at least 1 resolution adopted by the end"
    )
    syria = build_world(load_scenario(SCENARIOS / "syria_2011.toml"), 0)
    [clause] = [o for o in syria.objectives if o.kind == "clause_adopted"]
    assert goal_words(clause).startswith("a resolution with the demand ")


def test_peace_reads_like_war_in_the_header() -> None:
    assert fighting_phrase("war", 0.7).startswith("at war, ")
    assert fighting_phrase("peace", 0.05) == "at peace, fighting quiet"


def test_a_renewal_not_yet_tabled_is_named_by_what_it_renews() -> None:
    engine = Engine(build_world(load_scenario(SCENARIOS / "rwanda_1994.toml"), 0))
    play_game(engine, default_agents(engine, historical=True), months=8)
    names = Namer(engine.world)
    assert any(r.draft == "res-912" for r in engine.world.resolutions)
    assert names.name("res-912-renewal-9") == "the renewal of Resolution 912"
