"""Libya 2011: the replay reproduces resolutions 1970 and 1973 vote for vote, and a player who
changes 1973 changes how the abstainers vote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scenario_runs import assert_tally, run_json

from sim.cli import main
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "libya_2011.toml"
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
ELECTED_2011 = {"BIH", "BRA", "COL", "DEU", "GAB", "IND", "LBN", "NGA", "PRT", "ZAF"}
COUNCIL = PERMANENT | ELECTED_2011
ABSTAINED_ON_1973 = {"BRA", "CHN", "DEU", "IND", "RUS"}

# draft → (month, yes, no, abstain, adopted, vetoed by): S/PV.6491 and S/PV.6498.
RECORD: dict[str, tuple[int, set[str], set[str], set[str], bool, set[str]]] = {
    "res1970": (1, COUNCIL, set(), set(), True, set()),
    "res1973": (2, COUNCIL - ABSTAINED_ON_1973, set(), ABSTAINED_ON_1973, True, set()),
}


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run libya_2011.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FILE)]) == 0
    assert ": ok" in capsys.readouterr().out


def test_the_council_is_the_council_of_2011() -> None:
    scenario = load_scenario(FILE)
    unsc = next(b for b in scenario.bodies if b.id == scenario.council.body)
    assert set(unsc.members) == COUNCIL
    assert set(unsc.permanent) == PERMANENT


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("draft", sorted(RECORD))
def test_historical_vote_matches_the_record(draft: str, seed: int) -> None:
    month, yes, no, abstain, adopted, vetoed = RECORD[draft]
    [vote] = [v for v in run(seed, True)["votes"] if v["draft"] == draft]
    assert vote["month"] == month
    assert vote["version"] == 1  # the text as it was put to the vote
    assert_tally(vote, yes, no, abstain, adopted, vetoed)


@pytest.mark.parametrize("seed", range(5))
def test_russia_and_china_abstain_inside_the_veto_band_on_1973(seed: int) -> None:
    [vote] = [v for v in run(seed, True)["votes"] if v["draft"] == "res1973"]
    for actor in ("CHN", "RUS"):
        stance = vote["stances"][actor]
        assert stance["no_below"] < stance["total"] < -stance["yes_above"]


def test_1973_authorizes_force_without_troops() -> None:
    [vote] = [v for v in run(0, True)["votes"] if v["draft"] == "res1973"]
    clauses = vote["clauses"]
    assert clauses["chapter"] == "VII"
    assert {"all_necessary_measures", "protection_of_civilians", "no_fly_zone"} <= set(
        clauses["tasks"]
    )
    assert clauses["troop_ceiling"] == 0  # "excluding a foreign occupation force"


def test_dropping_all_necessary_measures_turns_abstainers_into_yes_votes() -> None:
    engine = Engine(build_world(load_scenario(FILE), 0))
    play_month(engine, default_agents(engine, historical=True))  # February: resolution 1970
    assert engine.world.month == 2
    template = next(t for t in engine.world.templates if t.id == "res1973")
    softer = template.clauses.changed(
        tasks=tuple(t for t in template.clauses.tasks if t != "all_necessary_measures")
    )
    engine.submit(TableDraft("FRA", "res1973", softer))
    engine.submit(CallVote("FRA", "res1973"))
    vote = engine.world.votes[-1]
    assert vote.draft == "res1973" and vote.tally.passed
    assert {"BRA", "DEU", "IND"} <= set(vote.tally.yes)
    assert not vote.tally.no


@pytest.mark.parametrize("seed", range(20))
def test_plays_to_an_ending(seed: int) -> None:
    outcome = run(seed, False)["outcome"]
    assert outcome["ending"] in {"war-over", "benghazi-crushed", "stalemate"}
