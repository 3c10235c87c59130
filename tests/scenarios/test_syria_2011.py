"""Syria 2011-12: the replay reproduces the three double vetoes vote for vote, and a player who
drops the threat of sanctions from S/2011/612 turns the vetoes into abstentions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scenario_runs import assert_tally, council_by_month, run_json

from sim.cli import main
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
COUNCIL_2011 = PERMANENT | {"BIH", "BRA", "COL", "DEU", "GAB", "IND", "LBN", "NGA", "PRT", "ZAF"}
COUNCIL_2012 = PERMANENT | {"AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT", "TGO", "ZAF"}
VETOERS = {"CHN", "RUS"}

# draft → (body, month, yes, no, abstain, adopted, vetoed by): S/PV.6627, S/PV.6711, S/PV.6810.
RECORD: dict[str, tuple[str, int, set[str], set[str], set[str], bool, set[str]]] = {
    "s2011-612": (
        "unsc", 1, COUNCIL_2011 - VETOERS - {"BRA", "IND", "LBN", "ZAF"}, VETOERS,
        {"BRA", "IND", "LBN", "ZAF"}, False, VETOERS,
    ),
    "s2012-77": ("unsc", 5, COUNCIL_2012 - VETOERS, VETOERS, set(), False, VETOERS),
    "s2012-538": (
        "unsc", 10, COUNCIL_2012 - VETOERS - {"PAK", "ZAF"}, VETOERS, {"PAK", "ZAF"},
        False, VETOERS,
    ),
}  # fmt: skip


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run syria_2011.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FILE)]) == 0
    assert ": ok" in capsys.readouterr().out


def test_the_councils_of_2011_and_2012() -> None:
    """One Council, whose elected members change on 1 January 2012 (month 4), as they did."""
    scenario = load_scenario(FILE)
    assert scenario.council.body == "unsc"
    seen = council_by_month(FILE, 4)
    assert seen[1] == seen[3] == (COUNCIL_2011, PERMANENT)
    assert seen[4] == (COUNCIL_2012, PERMANENT)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("draft", sorted(RECORD))
def test_historical_vote_matches_the_record(draft: str, seed: int) -> None:
    body, month, yes, no, abstain, adopted, vetoed = RECORD[draft]
    [vote] = [v for v in run(seed, True)["votes"] if v["draft"] == draft]
    assert (vote["body"], vote["month"], vote["version"]) == (body, month, 1)
    assert_tally(vote, yes, no, abstain, adopted, vetoed)


@pytest.mark.parametrize("seed", range(5))
def test_the_replay_ends_in_deadlock_after_the_third_double_veto(seed: int) -> None:
    outcome = run(seed, True)["outcome"]
    assert (outcome["ending"], outcome["month"]) == ("deadlock", 10)


def test_dropping_the_threat_of_sanctions_turns_the_vetoes_into_abstentions() -> None:
    engine = Engine(build_world(load_scenario(FILE), 0))
    template = next(t for t in engine.world.templates if t.id == "s2011-612")
    softer = template.clauses.changed(
        demands=tuple(d for d in template.clauses.demands if d != "consider_measures")
    )
    engine.submit(TableDraft("GBR", "s2011-612", softer))
    engine.submit(CallVote("GBR", "s2011-612"))
    vote = engine.world.votes[-1]
    assert vote.draft == "s2011-612"
    assert set(vote.tally.abstain) >= VETOERS
    assert not vote.tally.vetoed_by
    assert vote.tally.passed


@pytest.mark.parametrize("seed", range(20))
def test_plays_to_an_ending(seed: int) -> None:
    outcome = run(seed, False)["outcome"]
    assert outcome["ending"] in {"deadlock", "all-out-war", "one-voice", "war-goes-on"}
