"""Every bundled scenario against the record (the table in ``record.py``): the file checks, each
Council sits as it did, every recorded vote is reproduced member for member in the historical
replay (seeds 0–4) with the text's clauses, and every AI game (seeds 0–19) reaches one of the
scenario's endings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from record import PERMANENT, SCENARIOS, Scenario, Vote
from scenario_runs import assert_tally, council_by_month, run_json

from sim.cli import main
from sim.scenario.loader import load_scenario

FOLDER = Path(__file__).resolve().parents[2] / "scenarios"
VOTES = [(s, v) for s in SCENARIOS for v in s.votes]


def file_of(scenario: Scenario) -> Path:
    return FOLDER / f"{scenario.name}.toml"


def run(scenario: Scenario, seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run FILE --seed SEED --json [--historical]``, parsed (computed once)."""
    return run_json(file_of(scenario), seed, historical)


def cast(scenario: Scenario, vote: Vote, seed: int) -> dict[str, Any]:
    """The one vote on ``vote.draft`` in the historical replay with ``seed``."""
    [record] = [v for v in run(scenario, seed, True)["votes"] if v["draft"] == vote.draft]
    return record


def scenario_ids(scenarios: list[Scenario] | tuple[Scenario, ...]) -> list[str]:
    return [s.name for s in scenarios]


def vote_ids(pairs: list[tuple[Scenario, Vote]]) -> list[str]:
    return [f"{s.name}:{v.draft}" for s, v in pairs]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=scenario_ids(SCENARIOS))
def test_check_passes(scenario: Scenario, capsys: pytest.CaptureFixture[str]) -> None:
    strict = ["--strict"] if scenario.strict else []
    assert main(["check", *strict, str(file_of(scenario))]) == 0
    assert ": ok" in capsys.readouterr().out


SITTING = [s for s in SCENARIOS if s.sittings]


@pytest.mark.parametrize("scenario", SITTING, ids=scenario_ids(SITTING))
def test_each_council_sits_as_it_did(scenario: Scenario) -> None:
    """The file's Council is the first that sat; in the replay each sits from its month."""
    loaded = load_scenario(file_of(scenario))
    assert loaded.council.body == "unsc"
    [unsc] = [b for b in loaded.bodies if b.id == loaded.council.body]
    assert unsc.rule == "unsc"
    assert set(unsc.members) == scenario.sittings[0].members
    assert set(unsc.permanent) == PERMANENT
    seen = council_by_month(file_of(scenario), scenario.sittings[-1].last)
    for sitting in scenario.sittings:
        assert seen[sitting.first] == seen[sitting.last] == (sitting.members, PERMANENT)
    if scenario.player_sits:
        assert all(loaded.player in sitting.members for sitting in scenario.sittings)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("scenario", "vote"), VOTES, ids=vote_ids(VOTES))
def test_historical_vote_matches_the_record(scenario: Scenario, vote: Vote, seed: int) -> None:
    record = cast(scenario, vote, seed)
    assert (record["month"], record["body"]) == (vote.month, vote.body)
    assert record["version"] == 1  # the text as it was put to the vote
    assert_tally(record, vote.yes, vote.no, vote.abstain, vote.adopted, vote.vetoed)


BANDS = [(s, v) for s, v in VOTES if v.veto_band]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("scenario", "vote"), BANDS, ids=vote_ids(BANDS))
def test_permanent_members_abstain_inside_the_veto_band(
    scenario: Scenario, vote: Vote, seed: int
) -> None:
    record = cast(scenario, vote, seed)
    for actor in sorted(vote.veto_band):
        stance = record["stances"][actor]
        assert stance["no_below"] < stance["total"] < -stance["yes_above"]


TEXTS = [(s, v) for s, v in VOTES if v.clauses or v.tasks or v.not_tasks or v.demands]


@pytest.mark.parametrize(("scenario", "vote"), TEXTS, ids=vote_ids(TEXTS))
def test_the_drafts_carry_the_historical_clauses(scenario: Scenario, vote: Vote) -> None:
    clauses = cast(scenario, vote, 0)["clauses"]
    for key, value in vote.clauses.items():
        assert clauses[key] == value, key
    if vote.tasks:
        assert vote.tasks <= set(clauses["tasks"])
    if vote.not_tasks:
        assert vote.not_tasks.isdisjoint(clauses["tasks"])
    if vote.demands:
        assert vote.demands <= set(clauses["demands"])


REPLAYS = [s for s in SCENARIOS if s.replay_ending]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("scenario", REPLAYS, ids=scenario_ids(REPLAYS))
def test_the_replay_ends_as_history_did(scenario: Scenario, seed: int) -> None:
    outcome = run(scenario, seed, True)["outcome"]
    assert (outcome["ending"], outcome["month"]) == scenario.replay_ending


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("scenario", SCENARIOS, ids=scenario_ids(SCENARIOS))
def test_plays_to_an_ending(scenario: Scenario, seed: int) -> None:
    assert run(scenario, seed, False)["outcome"]["ending"] in scenario.endings
