"""Scenario overlays patch a scenario by id; every mistake is a FILE:LINE:COL problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.overlay import apply_overlay

REPO = Path(__file__).resolve().parent.parent.parent
TUTORIAL = REPO / "scenarios" / "tutorial.toml"
OVERLAYS = sorted((REPO / "scenarios" / "overlays").glob("*.toml"))

HEAD = 'overlay = 1\nscenario = "tutorial"\nname = "Variant"\n'


def _overlay(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "variant.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        apply_overlay(TUTORIAL, _overlay(tmp_path, body))
    return [str(p) for p in caught.value.problems]


def test_overlay_removes_patches_merges_and_adds(tmp_path: Path) -> None:
    base = load_scenario(TUTORIAL)
    body = """
description = "A calmer Kalvaria"
remove = { triggers = ["cholera"] }

[coefficients]
consultation_rounds = 2

[states.BOR]
ideal = { force = 0.9 }

[drafts.kalvaria-2]
troop_ceiling = 4000

[[add_triggers]]
id = "late-news"
when = "month_reached"
month = 3
effects = [{ kind = "event", text = "News arrives." }]
"""
    variant = apply_overlay(TUTORIAL, _overlay(tmp_path, body))
    s = variant.scenario
    assert variant.name == "Variant" and variant.description == "A calmer Kalvaria"
    assert [t.id for t in s.triggers] == [t.id for t in base.triggers if t.id != "cholera"] + [
        "late-news"
    ]
    assert s.coefficients.consultation_rounds == 2
    bor = next(st for st in s.states if st.id == "BOR")
    base_bor = next(st for st in base.states if st.id == "BOR")
    assert bor.ideal["force"] == 0.9
    # Tables merge key by key: the other dimensions keep the scenario's values.
    assert {k: v for k, v in bor.ideal.items() if k != "force"} == {
        k: v for k, v in base_bor.ideal.items() if k != "force"
    }
    assert next(d for d in s.drafts if d.id == "kalvaria-2").troop_ceiling == 4000
    assert load_scenario(TUTORIAL) == base, "the scenario file itself is untouched"


def test_unknown_ids_are_located_in_the_overlay(tmp_path: Path) -> None:
    body = '\nremove = { triggers = ["no-such"] }\n\n[states.ZZZ]\ndomestic = 0.1\n'
    problems = _problems(tmp_path, body)
    name = str(tmp_path / "variant.toml")
    assert f"{name}:5:24: remove.triggers[0]: no trigger 'no-such' to remove" in problems
    assert f"{name}:7:1: states.ZZZ: no state 'ZZZ'" in problems


def test_unknown_overlay_keys_are_errors(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "\nfoo = 1\n")
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'variant.toml'}:5:1: foo: unknown key")


def test_bad_patched_values_point_at_the_overlay_line(tmp_path: Path) -> None:
    body = "\n[drafts.kalvaria-2]\ntroop_ceiling = -5\nchapetr = 'VII'\n"
    problems = _problems(tmp_path, body)
    name = tmp_path / "variant.toml"
    assert any(p.startswith(f"{name}:6:1: drafts.kalvaria-2.troop_ceiling: ") for p in problems)
    assert any(
        p.startswith(f"{name}:7:1: drafts.kalvaria-2.chapetr: unknown key") for p in problems
    )


def test_bad_references_in_a_patch_point_at_the_overlay(tmp_path: Path) -> None:
    problems = _problems(tmp_path, '\n[drafts.kalvaria-1]\npenholder = "ZZZ"\n')
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'variant.toml'}:6:1: drafts.kalvaria-1.penholder: ")
    assert "'ZZZ'" in problems[0]


def test_added_entries_are_located_in_the_overlay(tmp_path: Path) -> None:
    body = '\n[[add_drafts]]\nid = "extra"\npenholder = "ARN"\nbody = "unsc"\n'
    problems = _problems(tmp_path, body)
    name = tmp_path / "variant.toml"
    assert problems == [f"{name}:5:1: add_drafts[0].title: required key is missing"]


def test_an_overlay_for_another_scenario_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.toml"
    path.write_text('overlay = 1\nscenario = "libya_2011"\nname = "X"\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        apply_overlay(TUTORIAL, path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2:1: scenario: this overlay patches 'libya_2011', not 'tutorial'"
    ]


@pytest.mark.parametrize("path", OVERLAYS, ids=lambda p: p.stem)
def test_shipped_overlays_apply(path: Path) -> None:
    import tomllib

    scenario_id = tomllib.loads(path.read_text(encoding="utf-8"))["scenario"]
    variant = apply_overlay(REPO / "scenarios" / f"{scenario_id}.toml", path)
    assert variant.scenario != load_scenario(REPO / "scenarios" / f"{scenario_id}.toml")
