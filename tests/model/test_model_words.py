"""The model's own texts speak words, not internals: every event, ending reason and objective
reason of games the AI plays in every seat (tutorial, Libya, Rwanda; as the AI plays them and as
history played them) names the parties ("the government and the NLF"), says the fighting as a
share of all-out war and the clauses as a reader would ("a demand"), and carries no raw decimal
and no scenario key ("sanction:arms_embargo"). The ids of states, drafts and missions stay: the
screens and the command line name them (:mod:`sim.ui.words`, :mod:`sim.analysis.report`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.model import endings, objectives
from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.model.words import clause_words, named_already
from sim.model.world import Ending, Objective, World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
RAW_DECIMAL = re.compile(r"\d\.\d{2}")
KEY = re.compile(r"\b(?:sanction|task|demand):|\b[a-z]+_[a-z_]+\b")
#: Texts kept as the game's state (a member's words, a penholder's concession) may carry a party's
#: id ("drop gov from the asset freeze"): the screens and the command line name it.
HASHED_WORDS = frozenset({"statement", "reply", "draft_amended"})


def _played(name: str, seed: int, historical: bool) -> World:
    engine = Engine(build_world(load_scenario(SCENARIOS / name), seed))
    play_game(engine, default_agents(engine, historical=historical))
    return engine.world


def _party_ids_in(world: World, text: str) -> list[str]:
    ids = "|".join(re.escape(p.id) for p in world.theatre.parties)
    return [
        m.group(1)
        for m in re.finditer(rf"(?<![\w-])({ids})(?![\w-])", text)
        if not named_already(text, m.start())
    ]


GAMES = [
    (name, seed, historical)
    for name in ("tutorial.toml", "libya_2011.toml", "rwanda_1994.toml")
    for seed, historical in ((7, False), (1, True))
]


@pytest.mark.parametrize(("name", "seed", "historical"), GAMES)
def test_every_text_of_an_ai_game_speaks_words(name: str, seed: int, historical: bool) -> None:
    world = _played(name, seed, historical)
    assert world.outcome is not None
    texts = [(e.kind, e.text) for e in world.events]
    texts.append(("outcome", world.outcome.reason))
    texts += [("objective", row["reason"]) for row in objectives.report(world, final=True)]
    texts += [("ending", endings.explain(world, e)) for e in world.endings]
    decimals = [t for _, t in texts if RAW_DECIMAL.search(t)]
    assert not decimals, decimals[:5]
    keys = [t for _, t in texts if KEY.search(t)]
    assert not keys, keys[:5]
    parties = [t for kind, t in texts if kind not in HASHED_WORDS and _party_ids_in(world, t)]
    assert not parties, parties[:5]
    theatre = [t for kind, t in texts if kind == "theatre"]
    assert theatre and all("of all-out war);" in t for t in theatre), theatre[:2]


def test_the_monthly_report_and_the_talks_in_words() -> None:
    world = _played("tutorial.toml", 7, False)
    said = [e.text for e in world.events]
    assert (
        "Kalvaria: the fighting is heavy (65% of all-out war); 146 civilians and 18 combatants"
        " killed; 13,048 displaced; humanitarian access 63%." in said
    )
    assert any(
        "arms embargo on the government and the NLF; asset freeze on the government" in t
        for t in said
    )
    assert any(
        t.endswith(
            "convenes ceasefire talks between the government and the NLF, with women's groups"
            " and civil society."
        )
        for t in said
    )
    assert any(
        re.search(r"amends the text \(version \d+\) toward the (government|NLF) on ", t)
        for t in said
    )
    assert any(t.endswith("to the parties: refused by the government and the NLF.") for t in said)
    assert any("signed in Kalvaria by the government and the NLF" in t for t in said)


def test_ending_reasons_say_the_fighting_as_a_share_of_all_out_war() -> None:
    world = build_world(load_scenario(SCENARIOS / "libya_2011.toml"), 7)
    calm = Ending("calm", "Calm", "It is over.", "intensity_below", 0.2, 1)
    war = Ending("war", "War", "All-out.", "intensity_above", 0.97, 1)
    deaths = Ending("toll", "Toll", "Too many.", "civilian_deaths_above", 1200, 1)
    assert endings.explain(world, calm) == "It is over (the fighting is below 20% of all-out war)."
    assert endings.explain(world, war) == "All-out (the fighting is above 97% of all-out war)."
    assert endings.condition_words(world, deaths) == "total civilian deaths exceed 1,200"


def test_a_clause_objective_names_the_clause() -> None:
    world = build_world(load_scenario(SCENARIOS / "syria_2011.toml"), 0)
    objective = Objective(
        "threat",
        "The threat of measures adopted",
        "clause_adopted",
        clause="demand:consider_measures",
    )
    status, reason = objectives.judge(world, objective, final=True)
    assert (status, reason) == (
        "failed",
        "no resolution adopted carries the demand 'consider measures'",
    )
    assert clause_words("sanction:arms_embargo") == "an arms embargo"
    assert clause_words("task:ddr") == "the task of DDR"
    assert clause_words("chapter_vii") == "action under Chapter VII"
