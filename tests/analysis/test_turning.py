"""Turning points try each decision taken back and, for votes and texts, played the other way."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.analysis.savegame import autoplay_save
from sim.analysis.turning import (
    TAKEN_BACK,
    Decision,
    alternatives,
    decision_points,
    replay,
)
from sim.model.ballots import CastVote
from sim.model.commands import Command, Lobby, TableDraft, command_from_json
from sim.model.saves import SavedGame
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.scenario.schema import ScenarioFile

REPO = Path(__file__).resolve().parent.parent.parent
LIBYA = REPO / "scenarios" / "libya_2011.toml"


@pytest.fixture(scope="module")
def libya() -> ScenarioFile:
    return load_scenario(LIBYA)


@pytest.fixture(scope="module")
def libya_save() -> SavedGame:
    return autoplay_save(LIBYA, 3, "FRA")


def _turns(save: SavedGame) -> list[list[Command]]:
    return [[command_from_json(save.commands[i]) for i in turn] for turn in save.player_turns]


def test_a_vote_is_also_cast_each_other_way(libya: ScenarioFile) -> None:
    vote = Decision(0, 3, CastVote("FRA", "res1973", "yes"))
    found = alternatives(vote, build_world(libya, 1))
    assert [a.words for a in found] == [TAKEN_BACK, "voting no instead", "voting abstain instead"]
    assert found[1].command == CastVote("FRA", "res1973", "no")


def test_a_tabled_text_is_also_tried_weaker_and_stronger(libya: ScenarioFile) -> None:
    world = build_world(libya, 1)
    template = next(t for t in world.templates if t.id == "res1973")
    found = alternatives(Decision(0, 3, TableDraft("FRA", "res1973")), world)
    words = [a.words for a in found]
    assert words[0] == TAKEN_BACK
    other = "VI" if template.clauses.chapter == "VII" else "VII"
    assert f"under Chapter {other} instead of {template.clauses.chapter}" in words
    for a in found[1:]:
        assert isinstance(a.command, TableDraft) and a.command.clauses is not None
        assert a.command.clauses != template.clauses
    # A lobbying call is only taken back.
    assert [a.words for a in alternatives(Decision(1, 1, Lobby("FRA", "RUS", "force")), world)] == [
        TAKEN_BACK
    ]


def test_a_veto_instead_of_a_yes_is_what_turns_the_vote(
    libya: ScenarioFile, libya_save: SavedGame
) -> None:
    points = decision_points(libya, 3, "FRA", _turns(libya_save), seeds=2)
    votes = [
        p
        for p in points
        if isinstance(p.decision.command, CastVote) and p.decision.command.draft == "res1973"
    ]
    assert votes, "FRA votes on Resolution 1973 in this game"
    point = votes[0]
    assert point.alternative == "voting no instead"  # a permanent member's no is a veto
    assert point.objectives_delta < 0  # Resolution 1973 is then never adopted
    assert point.alternative in point.effect


def test_an_alternative_refused_where_it_was_played_is_not_counted(
    libya: ScenarioFile, libya_save: SavedGame
) -> None:
    turns = _turns(libya_save)
    refused = TableDraft("FRA", "no-such-draft")
    done = replay(libya, 3, "FRA", [turns[0] + [refused], *turns[1:]], refused)
    assert not done.watched_applied
    accepted = next(command for turn in turns for command in turn)
    assert replay(libya, 3, "FRA", turns, accepted).watched_applied
