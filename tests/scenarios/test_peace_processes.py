"""The historical peace processes of Darfur, Libya and Mali: the replay puts each scenario's
recorded text to the parties, and the model's answers are the record's where the record is
clear (the movements refused Abuja's text, the NTC refused the AU roadmap, Bamako and the MNLA
signed at Ouagadougou and the jihadists were left out)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from scenario_runs import run_json

from sim.model.conflict import step_conflict
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def peace(name: str, seed: int) -> dict[str, Any]:
    doc: dict[str, Any] = run_json(SCENARIOS / f"{name}.toml", seed, True)["peace"]
    return doc


def test_darfur_the_movements_refuse_the_abuja_text_and_nothing_is_signed() -> None:
    for seed in range(3):
        doc = peace("darfur_2007", seed)
        assert doc["envoy"]["sponsors"] == ["un", "AU"]
        first = doc["texts"][0]
        assert first["month"] == 6 and first["text"] == {
            "power": 0.35,
            "wealth": 0.3,
            "security": 0.6,
        }
        assert all(t["answers"]["rebels"]["choice"] != "yes" for t in doc["texts"])
        assert doc["agreements"] == []


def test_libya_the_ntc_refuses_the_au_roadmap_and_the_war_still_ends_otherwise() -> None:
    endings = set()
    for seed in range(3):
        doc = peace("libya_2011", seed)
        assert doc["texts"] and doc["texts"][0]["month"] == 3  # April 2011
        assert all(t["answers"]["ntc"]["choice"] != "yes" for t in doc["texts"])
        assert doc["agreements"] == []
        endings.add(run_json(SCENARIOS / "libya_2011.toml", seed, True)["outcome"]["ending"])
    assert "war-over" in endings  # by the monthly chances (victory), not by a text


def test_mali_ouagadougou_is_signed_without_the_jihadists_and_kidal_breaks_it() -> None:
    signed = []
    for seed in range(4):
        for agreement in peace("mali_2013", seed)["agreements"]:
            assert agreement["name"] == "Ouagadougou preliminary agreement"
            assert agreement["signatories"] == ["gov", "mnla"]
            assert agreement["excluded"] == ["jihadists"]  # no position: never at the table
            assert agreement["ended_month"] is not None and agreement["ended_month"] <= 19
            signed.append(agreement["month"])
    assert len(signed) >= 3 and min(signed) == 7  # June 2013 in most replays


def test_chance_endings_keep_the_monthly_hazards_beside_the_talks() -> None:
    scenario = load_scenario(SCENARIOS / "libya_2011.toml")
    phases = {}
    for chance in (True, False):
        world = build_world(scenario, 0)
        assert world.settlement is not None
        world.settlement = replace(world.settlement, chance_endings=chance)
        world.coefficients = replace(world.coefficients, ceasefire_hazard=1.0)
        step_conflict(world)
        phases[chance] = world.theatre.phase
    assert phases == {True: "ceasefire", False: "war"}
