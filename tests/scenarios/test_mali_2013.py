"""Mali 2012-14: the replay reproduces resolutions 2085 and 2100 vote for vote, each in the
Council that voted on it; ECOWAS deploys AFISMA after France intervenes and MINUSMA takes it
over; and a player who adds an offensive counter-terrorism task loses the wary members."""

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

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "mali_2013.toml"
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
ELECTED_2012 = {"AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT", "TGO", "ZAF"}
ELECTED_2013 = {"ARG", "AUS", "AZE", "GTM", "KOR", "LUX", "MAR", "PAK", "RWA", "TGO"}
COUNCIL_2012 = PERMANENT | ELECTED_2012
COUNCIL_2013 = PERMANENT | ELECTED_2013

# draft → (month, body, yes, no, abstain, adopted, vetoed by): S/PV.6898 and S/PV.6952.
RECORD: dict[str, tuple[int, str, set[str], set[str], set[str], bool, set[str]]] = {
    "res-2085": (1, "unsc", COUNCIL_2012, set(), set(), True, set()),
    "res-2100": (5, "unsc", COUNCIL_2013, set(), set(), True, set()),
}


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run mali_2013.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FILE)]) == 0
    assert ": ok" in capsys.readouterr().out


def test_each_council_sits_as_it_did() -> None:
    """One Council, whose elected members change on 1 January 2013 (month 2), as they did."""
    scenario = load_scenario(FILE)
    assert scenario.council.body == "unsc"
    seen = council_by_month(FILE, 2)
    assert seen[1] == (COUNCIL_2012, PERMANENT) and seen[2] == (COUNCIL_2013, PERMANENT)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("draft", sorted(RECORD))
def test_historical_vote_matches_the_record(draft: str, seed: int) -> None:
    month, body, yes, no, abstain, adopted, vetoed = RECORD[draft]
    [vote] = [v for v in run(seed, True)["votes"] if v["draft"] == draft]
    assert (vote["month"], vote["body"]) == (month, body)
    assert vote["version"] == 1  # the text as it was put to the vote
    assert_tally(vote, yes, no, abstain, adopted, vetoed)


def test_2085_authorizes_an_african_force_but_no_un_troops() -> None:
    [vote] = [v for v in run(0, True)["votes"] if v["draft"] == "res-2085"]
    assert vote["clauses"]["chapter"] == "VII"
    assert "all_necessary_measures" in vote["clauses"]["tasks"]
    assert vote["clauses"]["troop_ceiling"] == 0


@pytest.mark.parametrize("seed", range(5))
def test_afisma_deploys_after_serval_and_changes_helmets_into_minusma(seed: int) -> None:
    events = run(seed, True)["events"]
    [force] = [e for e in events if e["kind"] == "regional_force"]
    assert force["month"] == 2  # January 2013, after the French intervention
    [rehat] = [e for e in events if e["kind"] == "rehatting"]
    assert rehat["month"] == 5 and "res-2100" in rehat["text"]
    metrics = run(seed, True)["metrics"]
    assert metrics["regional_troops"][2] > 5000  # AFISMA on the ground in February
    assert metrics["regional_troops"][4] == 0 and metrics["troops_deployed"][4] > 5000


def _vote_on_2100(clauses_of: Any) -> Tally:
    """Play to April 2013 as history did, then table the MINUSMA draft with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 5:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-2100")
    engine.submit(TableDraft("FRA", "res-2100", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("FRA", "res-2100"))
    return engine.world.votes[-1].tally


def test_a_counter_terrorism_mandate_loses_the_wary_members() -> None:
    as_voted = _vote_on_2100(lambda c: c)
    assert set(as_voted.yes) == COUNCIL_2013
    offensive = _vote_on_2100(lambda c: c.changed(tasks=c.tasks + ("counter_terrorism",)))
    assert offensive.passed
    assert {"ARG", "CHN", "PAK", "RUS"} <= set(offensive.abstain)


@pytest.mark.parametrize("seed", range(20))
def test_plays_to_an_ending(seed: int) -> None:
    outcome = run(seed, False)["outcome"]
    assert outcome["ending"] in {"stabilized", "collapse", "long-haul"}
