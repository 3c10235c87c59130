"""Tests for the designer's guide (scenarios/README.md): its generated reference is up to date,
its worked example loads, passes ``--strict`` and plays to an ending, and its links resolve."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario import guide
from sim.scenario.lint import lint_scenario
from sim.scenario.loader import parse_scenario
from sim.scenario.schema import ScenarioFile

GUIDE = guide.GUIDE
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
STALE = "scenarios/README.md is stale: run `python -m sim.scenario.guide`"


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _worked_example() -> str:
    blocks = [b for b in TOML_BLOCK.findall(_text()) if "# worked example" in b.split("\n[")[0]]
    assert len(blocks) == 1, "the guide needs exactly one ```toml block marked # worked example"
    return blocks[0]


def test_generated_blocks_are_up_to_date() -> None:
    text = _text()
    assert guide.render(text) == text, STALE


def test_guide_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert guide.main(["--check"]) == 0
    stale = tmp_path / "README.md"
    shutil.copy(GUIDE, stale)
    text = stale.read_text(encoding="utf-8")
    stale.write_text(text.replace("| `abstain_band` |", "| `abstain_band_old` |"), "utf-8")
    assert guide.main(["--guide", str(stale), "--check"]) == 1
    assert "python -m sim.scenario.guide" in capsys.readouterr().err
    assert guide.main(["--guide", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_every_field_has_a_meaning() -> None:
    missing = [
        f"{model.__name__}.{name}"
        for _, model in guide.sections()
        for name in model.model_fields
        if not guide.meaning(model, name)
    ]
    assert not missing, f"add a description in schema.py (or guide.MEANINGS) for {missing}"


def test_guide_meanings_are_not_stale() -> None:
    models: dict[str, type[BaseModel]] = {m.__name__: m for _, m in guide.sections()}
    for key in guide.MEANINGS:
        model_name, field = key.split(".")
        assert field in models[model_name].model_fields, f"{key} is not a field"
        description = models[model_name].model_fields[field].description
        assert not description, f"{key} now has a description in schema.py: drop it from MEANINGS"


def test_every_table_of_the_format_is_documented() -> None:
    documented = {m for _, m in guide.sections()}
    assert ScenarioFile in documented
    text = _text()
    for title, model in guide.sections():
        assert f"#### {title}" in text
        for name in model.model_fields:
            assert f"| `{name}` |" in text


def test_worked_example_loads_passes_strict_and_plays_to_an_ending() -> None:
    from sim.scenario.build import build_world

    scenario = parse_scenario(_worked_example(), "scenarios/osterland.toml")
    assert lint_scenario(scenario) == []
    for seed in (1, 2):
        engine = Engine(build_world(scenario, seed))
        play_game(engine, default_agents(engine))
        assert engine.world.outcome is not None


def test_worked_example_starts_with_the_schema_line() -> None:
    assert _worked_example().startswith("#:schema ./schema.json\n")


def test_worked_example_story_is_what_the_model_does() -> None:
    """The guide says: with seed 1 the council adopts the mission 4-0-1, Belmark abstaining."""
    from sim.scenario.build import build_world

    scenario = parse_scenario(_worked_example(), "scenarios/osterland.toml")
    engine = Engine(build_world(scenario, 1))
    play_game(engine, default_agents(engine), months=1)
    (vote,) = engine.world.votes
    assert vote.tally.passed and vote.tally.counts() == "4-0-1"
    assert vote.tally.abstain == ("BEL",)
    assert "4-0-1 (Belmark abstains" in _text()


def test_steps_are_excerpts_of_the_complete_example() -> None:
    complete = _worked_example()
    steps = [b for b in TOML_BLOCK.findall(_text()) if b.startswith("# step ")]
    assert len(steps) >= 9
    for step in steps:
        body = step.split("\n", 1)[1]
        assert body in complete, f"a step of the worked example differs from the file:\n{body}"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def test_internal_links_resolve() -> None:
    text = _text()
    anchors = {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links, "the guide links to its own sections"
    assert links <= anchors, f"links to missing sections: {sorted(links - anchors)}"


def test_local_file_links_exist() -> None:
    text = _text()
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (GUIDE.parent / target).exists(), target


def test_guide_covers_every_command_a_designer_uses() -> None:
    text = _text()
    for phrase in (
        "mandate new",
        "mandate check --strict",
        "mandate run",
        "--explain",
        "mandate play",
        "--designer",
        "F5",
        "mandate power",
        "mandate calibrate",
        "mandate schema",
        "#:schema ./schema.json",
        'roster = "data/world_roster.toml"',
        "Even Better TOML",
    ):
        assert phrase in text, phrase


def test_vote_example_matches_the_model() -> None:
    # vote_example() raises if its hand computation disagrees with the model's factors.
    text = guide.vote_example()
    assert "**total**" in text and "votes **yes**" in text
