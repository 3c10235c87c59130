"""Rwanda 1993-94: the replay reproduces resolutions 872, 912, 918 and 929 vote for vote, each in
the Council that voted on it, and a player who hardens 918 changes how members vote."""

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

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "rwanda_1994.toml"
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
# S/PV.3288 (5 October 1993) for 1993; the election of 29 October 1993 for 1994.
ELECTED_1993 = {"BRA", "CPV", "DJI", "ESP", "HUN", "JPN", "MAR", "NZL", "PAK", "VEN"}
ELECTED_1994 = {"ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA"}
COUNCIL_1993 = PERMANENT | ELECTED_1993
COUNCIL_1994 = PERMANENT | ELECTED_1994

# draft → (month, body, yes, no, abstain, adopted, vetoed by): S/PV.3288, S/PV.3368, S/PV.3377,
# S/PV.3392. At the 3377th meeting Part B of 918 (the arms embargo) was voted separately at
# Rwanda's request, and Rwanda voted against it (USUN New York cable 02093, 18 May 1994).
# Res. 929 (Opération Turquoise) was adopted 10-0-5, Brazil, China, New Zealand, Nigeria and
# Pakistan abstaining (S/PV.3392, 22 June 1994; USUN New York cable 02589, 23 June 1994).
ABSTAINED_929 = {"BRA", "CHN", "NGA", "NZL", "PAK"}
RECORD: dict[str, tuple[int, str, set[str], set[str], set[str], bool, set[str]]] = {
    "res-872": (1, "unsc", COUNCIL_1993, set(), set(), True, set()),
    "res-912": (7, "unsc", COUNCIL_1994, set(), set(), True, set()),
    "res-918": (8, "unsc", COUNCIL_1994, set(), set(), True, set()),
    "res-918-B": (8, "unsc", COUNCIL_1994 - {"RWA"}, {"RWA"}, set(), True, set()),
    "res-929": (9, "unsc", COUNCIL_1994 - ABSTAINED_929, set(), ABSTAINED_929, True, set()),
}


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run rwanda_1994.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FILE)]) == 0
    assert ": ok" in capsys.readouterr().out


def test_each_council_sits_as_it_did() -> None:
    """One Council, whose elected members change on 1 January 1994 (month 4), as they did."""
    scenario = load_scenario(FILE)
    assert scenario.council.body == "unsc" and [b.id for b in scenario.bodies if b.rule == "unsc"]
    seen = council_by_month(FILE, 4)
    assert seen[1] == seen[3] == (COUNCIL_1993, PERMANENT)
    assert seen[4] == (COUNCIL_1994, PERMANENT)
    assert scenario.player in COUNCIL_1993 & COUNCIL_1994


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
    assert votes["res-872"]["troop_ceiling"] == 2548 and votes["res-872"]["chapter"] == "VI"
    assert votes["res-912"]["troop_ceiling"] == 270
    assert votes["res-918"]["troop_ceiling"] == 5500 and votes["res-918"]["chapter"] == "VI"
    embargo = votes["res-918-B"]
    assert embargo["chapter"] == "VII" and embargo["troop_ceiling"] == 0
    assert embargo["sanctions"] == [{"kind": "arms_embargo", "targets": ["gov", "rpf"]}]
    turquoise = votes["res-929"]
    assert turquoise["chapter"] == "VII" and turquoise["troop_ceiling"] == 2500
    assert "all_necessary_measures" in turquoise["tasks"] and turquoise["duration"] == 2


@pytest.mark.parametrize("seed", range(3))
def test_turquoise_is_french_comes_at_once_and_leaves_after_two_months(seed: int) -> None:
    """Res. 929 authorizes France under its own command: no pledging round, no renewal."""
    doc = run(seed, True)
    events = [e for e in doc["events"] if "res-929" in e["text"]]
    committed = [e for e in events if e["kind"] == "pledge"]
    assert [e["text"].split()[0] for e in committed] == ["FRA"]
    assert any("under national command" in e["text"] for e in committed)
    leaving = [e["month"] for e in events if "begins to withdraw" in e["text"]]
    assert leaving == [10]  # June's two-month mandate ends with July; the force goes home
    assert not [v for v in doc["votes"] if v["draft"].startswith("res-929-renewal")]


@pytest.mark.parametrize("seed", range(5))
def test_bangladesh_leaves_unamir_when_the_killing_starts(seed: int) -> None:
    events = run(seed, True)["events"]
    leaving = [e for e in events if e["kind"] == "withdrawal" and e["text"].startswith("BGD")]
    assert leaving and {e["month"] for e in leaving} == {7}  # every contingent leaves in April


def _vote_on_918(clauses_of: Any) -> Tally:
    """Play to May 1994 as history did, then table Parts A and C with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 8:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-918")
    engine.submit(TableDraft("NGA", "res-918", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("NGA", "res-918"))
    return engine.world.votes[-1].tally


def test_a_chapter_vii_unamir_ii_would_have_been_vetoed() -> None:
    as_voted = _vote_on_918(lambda c: c)
    assert as_voted.passed and "USA" in as_voted.yes and "CHN" in as_voted.yes
    enforcement = _vote_on_918(
        lambda c: c.changed(chapter="VII", tasks=c.tasks + ("all_necessary_measures",))
    )
    assert not enforcement.passed
    assert {"CHN", "USA"} <= set(enforcement.vetoed_by)


@pytest.mark.parametrize("seed", range(20))
def test_plays_to_an_ending(seed: int) -> None:
    outcome = run(seed, False)["outcome"]
    assert outcome["ending"] in {"in-time", "too-late"}
