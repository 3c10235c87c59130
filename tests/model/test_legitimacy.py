"""Counterfactuals a teacher would run: each legitimacy or interest channel moves the named
factor, in the expected direction, and only where it should."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from sim.model.commands import TableDraft
from sim.model.engine import Engine
from sim.model.explain import Stance
from sim.model.play import default_agents, play_month
from sim.model.stance import ballot
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _factor(stance: Stance, name: str) -> int:
    return next(f.points for f in stance.factors if f.name == name)


def _libya_march() -> World:
    """Libya as history had it up to the vote on resolution 1973."""
    engine = Engine(build_world(load_scenario(SCENARIOS / "libya_2011.toml"), 0))
    play_month(engine, default_agents(engine, historical=True))
    return engine.world


def test_the_arab_league_request_keeps_russia_and_china_from_vetoing_1973() -> None:
    world = _libya_march()
    template = next(t for t in world.templates if t.id == "res1973")
    args = (world, "unsc", template.clauses, "FRA")
    requested = ballot(*args, endorsements={"las": True})
    removed = ballot(*args)
    assert requested.choices()["RUS"] == requested.choices()["CHN"] == "abstain"
    assert removed.choices()["RUS"] == removed.choices()["CHN"] == "no"  # both veto
    for actor in ("RUS", "CHN"):
        with_request = _factor(requested.stance(actor), "regional")
        assert with_request > 0 == _factor(removed.stance(actor), "regional")
    # Non-members weigh it by their deference: Germany (0.3) less than Brazil (the default).
    assert (
        0
        < _factor(requested.stance("DEU"), "regional")
        < _factor(requested.stance("BRA"), "regional")
    )


def test_force_without_consent_costs_members_by_their_weight_on_non_interference() -> None:
    world = _libya_march()
    clauses = next(t for t in world.templates if t.id == "res1973").clauses
    without = ballot(world, "unsc", clauses, "FRA")
    world.theatre.host_consent = True
    consented = ballot(world, "unsc", clauses, "FRA")
    assert (
        _factor(without.stance("RUS"), "sovereignty")
        < _factor(without.stance("BRA"), "sovereignty")
        < 0
    )
    assert _factor(without.stance("GBR"), "sovereignty") == 0  # puts no weight on it
    assert _factor(consented.stance("RUS"), "sovereignty") == 0


def _syria() -> tuple[World, Engine]:
    engine = Engine(build_world(load_scenario(SCENARIOS / "syria_2011.toml"), 0))
    engine.submit(TableDraft("GBR", "s2011-612", as_recorded=True))
    return engine.world, engine


def test_dropping_the_threat_of_measures_removes_the_patron_and_precedent_costs() -> None:
    world, _ = _syria()
    clauses = world.drafts["s2011-612"].clauses
    threat = ballot(world, "unsc", clauses, "GBR")
    softer = clauses.changed(demands=tuple(d for d in clauses.demands if d != "consider_measures"))
    no_threat = ballot(world, "unsc", softer, "GBR")
    russia, russia_soft = threat.stance("RUS"), no_threat.stance("RUS")
    assert _factor(russia, "patron") < 0 == _factor(russia_soft, "patron")
    assert _factor(russia, "precedent") < 0 == _factor(russia_soft, "precedent")
    assert russia_soft.total > russia.total


def test_cutting_a_patron_tie_removes_the_patron_factor() -> None:
    world, _ = _syria()
    clauses = world.drafts["s2011-612"].clauses
    before = _factor(ballot(world, "unsc", clauses, "GBR").stance("RUS"), "patron")
    gov = next(p for p in world.theatre.parties if p.kind == "government")
    world.theatre.parties = tuple(
        replace(p, patrons=()) if p.id == gov.id else p for p in world.theatre.parties
    )
    table = world.states
    table.relations[table.index["RUS"], table.index["SYR"]] = 0.0
    after = _factor(ballot(world, "unsc", clauses, "GBR").stance("RUS"), "patron")
    assert before < 0 == after


def test_a_stretched_precedent_raises_resistance_to_coercive_texts_only() -> None:
    world, _ = _syria()
    coercive = world.drafts["s2011-612"].clauses
    mild = coercive.changed(demands=("end_violence",))
    world.precedent = 0.0
    calm = ballot(world, "unsc", coercive, "GBR").stance("CHN")
    world.precedent = 1.0
    stretched = ballot(world, "unsc", coercive, "GBR").stance("CHN")
    assert _factor(calm, "precedent") == 0 > _factor(stretched, "precedent")
    assert _factor(ballot(world, "unsc", mild, "GBR").stance("CHN"), "precedent") == 0


def test_a_veto_costs_the_vetoer_standing_with_those_that_voted_yes() -> None:
    world, engine = _syria()
    table = world.states
    before = table.relations[:, table.index["RUS"]].copy()
    from sim.model.commands import CallVote

    engine.submit(CallVote("GBR", "s2011-612"))
    vote = world.votes[-1]
    assert "RUS" in vote.tally.vetoed_by
    after = table.relations[:, table.index["RUS"]]
    for member in vote.tally.yes:
        assert after[table.index[member]] < before[table.index[member]]
    for member in vote.tally.abstain:
        assert after[table.index[member]] == before[table.index[member]]
    assert np.all(after >= -1.0)


def test_a_caucus_pulls_its_members_toward_the_stance_of_their_mates() -> None:
    world = _libya_march()
    clauses = next(t for t in world.templates if t.id == "res1973").clauses
    alone = ballot(world, "unsc", clauses, "FRA")
    assert _factor(alone.stance("BRA"), "caucus") == 0  # no caucus declared
    # The IBSA members coordinate: Brazil is pulled toward South Africa's yes and India's
    # near-zero, and the caucus factor is the mean of their totals before it, times the weight.
    world.caucuses = {"ibsa": ("BRA", "IND", "ZAF")}
    together = ballot(world, "unsc", clauses, "FRA")
    mates = [alone.stance(m).total for m in ("IND", "ZAF")]
    expected = round(world.coefficients.caucus_weight * sum(mates) / len(mates))
    assert _factor(together.stance("BRA"), "caucus") == expected > 0
    assert _factor(together.stance("GBR"), "caucus") == 0  # not a member
