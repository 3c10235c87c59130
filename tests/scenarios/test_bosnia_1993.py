"""Bosnia 1993-94: the replay reproduces resolutions 819, 836 and 844 vote for vote; UNPROFOR is
on the ground from the start in many contingents, 836 and 844 renew it, the light option fills
slowly; and Pakistan and Venezuela abstain on 836 because of the safe areas it settles for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scenario_runs import assert_tally, council_by_month, run_json

from sim.cli import main
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.voting import Tally
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "bosnia_1993.toml"
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
ELECTED_1993 = {"BRA", "CPV", "DJI", "ESP", "HUN", "JPN", "MAR", "NZL", "PAK", "VEN"}
ELECTED_1994 = {"ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA"}
COUNCIL_1993 = PERMANENT | ELECTED_1993
COUNCIL_1994 = PERMANENT | ELECTED_1994
ABSTAINED_ON_836 = {"PAK", "VEN"}

# draft → (month, body, yes, no, abstain, adopted, vetoed by): S/PV.3199 (819), S/PV.3228 (836:
# 13-0-2, Pakistan and Venezuela abstaining), S/PV.3241 (844).
RECORD: dict[str, tuple[int, str, set[str], set[str], set[str], bool, set[str]]] = {
    "res-819": (1, "unsc", COUNCIL_1993, set(), set(), True, set()),
    "res-836": (3, "unsc", COUNCIL_1993 - ABSTAINED_ON_836, set(), ABSTAINED_ON_836, True, set()),
    "res-844": (3, "unsc", COUNCIL_1993, set(), set(), True, set()),
}


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run bosnia_1993.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_check_passes_strictly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", str(FILE)]) == 0
    assert ": ok" in capsys.readouterr().out


def test_each_council_sits_as_it_did() -> None:
    """One Council, whose elected members change on 1 January 1994 (month 10), as they did."""
    scenario = load_scenario(FILE)
    seen = council_by_month(FILE, 10)
    assert seen[1] == seen[9] == (COUNCIL_1993, PERMANENT)
    assert seen[10] == (COUNCIL_1994, PERMANENT)
    assert scenario.player in COUNCIL_1993 & COUNCIL_1994


def test_unprofor_is_on_the_ground_in_many_contingents_under_an_embargo() -> None:
    scenario = load_scenario(FILE)
    [unprofor] = scenario.theatre.missions
    assert unprofor.kind == "un" and len(unprofor.contributors()) >= 5
    assert unprofor.deployed("troops") == 9000
    [embargo] = scenario.theatre.sanctions
    assert embargo.kind == "arms_embargo" and set(embargo.targets) == {"bsa", "gov", "hvo"}


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("draft", sorted(RECORD))
def test_historical_vote_matches_the_record(draft: str, seed: int) -> None:
    month, body, yes, no, abstain, adopted, vetoed = RECORD[draft]
    [vote] = [v for v in run(seed, True)["votes"] if v["draft"] == draft]
    assert (vote["month"], vote["body"]) == (month, body)
    assert vote["version"] == 1  # the text as it was put to the vote
    assert_tally(vote, yes, no, abstain, adopted, vetoed)


def test_the_drafts_carry_the_historical_clauses() -> None:
    votes = {v["draft"]: v["clauses"] for v in run(0, True)["votes"]}
    assert votes["res-819"]["chapter"] == "VII" and votes["res-819"]["troop_ceiling"] == 0
    assert "respect_safe_areas" in votes["res-819"]["demands"]
    for draft, ceiling in (("res-836", 9000), ("res-844", 9000 + 7600)):
        clauses = votes[draft]
        assert clauses["chapter"] == "VII" and clauses["troop_ceiling"] == ceiling
        assert "safe_areas" in clauses["tasks"]
        assert "all_necessary_measures" not in clauses["tasks"]  # force in self-defence only
        assert "protection_of_civilians" not in clauses["tasks"]


@pytest.mark.parametrize("seed", range(3))
def test_the_light_option_is_authorized_at_once_and_arrives_slowly(seed: int) -> None:
    doc = run(seed, True)
    ceiling, troops = doc["metrics"]["troop_ceiling"], doc["metrics"]["troops_deployed"]
    assert ceiling[2] == 16_600  # Res. 844 renews UNPROFOR with 7,600 more in June 1993
    assert troops[2] < 9_100  # nobody had sent them yet
    assert 10_000 < troops[-1] < 16_600  # a year later the force is still short


def _vote_on_836(clauses_of: Any) -> Tally:
    """Play to June 1993 as history did, then table Res. 836 with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 3:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-836")
    engine.submit(TableDraft("FRA", "res-836", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("FRA", "res-836"))
    return engine.world.votes[-1].tally


def test_pakistan_and_venezuela_abstain_over_the_safe_areas_not_the_force() -> None:
    as_voted = _vote_on_836(lambda c: c)
    assert set(as_voted.abstain) == ABSTAINED_ON_836
    without = _vote_on_836(lambda c: c.changed(tasks=("humanitarian_access",)))
    assert set(without.yes) >= ABSTAINED_ON_836


@pytest.mark.parametrize("seed", range(20))
def test_plays_to_an_ending(seed: int) -> None:
    outcome = run(seed, False)["outcome"]
    assert outcome["ending"] in {"deterrence", "overrun", "promises"}
