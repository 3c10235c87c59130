"""Tests for the designer's guide (scenarios/README.md): its generated reference is up to date,
its worked example loads, passes ``--strict``, can reach its main ending and does what the guide
says it does, the output it quotes is what the tools print, and its links resolve."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sim.devtools import guide
from sim.model.engine import Engine
from sim.model.play import default_agents, play_game
from sim.scenario.lint import lint_scenario
from sim.scenario.loader import parse_scenario
from sim.scenario.schema import ScenarioFile

GUIDE = guide.GUIDE
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
STALE = "scenarios/README.md is stale: run `python -m sim.devtools.guide`"


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
    assert "python -m sim.devtools.guide" in capsys.readouterr().err
    assert guide.main(["--guide", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_every_field_has_a_meaning() -> None:
    missing = [
        f"{model.__name__}.{name}"
        for _, model in guide.sections()
        for name in model.model_fields
        if not guide.meaning(model, name)
    ]
    assert not missing, f"add a description to the field in schema.py for {missing}"


def test_every_table_of_the_format_is_documented() -> None:
    documented = {m for _, m in guide.sections()}
    assert ScenarioFile in documented
    text = _text()
    for title, model in guide.sections():
        assert f"#### {title}" in text
        for name in model.model_fields:
            assert f"| `{name}` |" in text


def _play(text: str, seed: int) -> Engine:
    from sim.scenario.build import build_world

    engine = Engine(build_world(parse_scenario(text, "scenarios/osterland.toml"), seed))
    play_game(engine, default_agents(engine))
    return engine


def test_worked_example_loads_passes_strict_and_plays_to_an_ending() -> None:
    scenario = parse_scenario(_worked_example(), "scenarios/osterland.toml")
    assert lint_scenario(scenario) == []
    for seed in (1, 2):
        assert _play(_worked_example(), seed).world.outcome is not None


def test_worked_example_can_reach_its_objectives_ending() -> None:
    """Over seeds 0-19 some runs meet both objectives ("Civilians protected"), others time out."""
    scenario = parse_scenario(_worked_example(), "scenarios/osterland.toml")
    (main,) = [e for e in scenario.endings if e.when == "objectives_met"]
    endings = []
    for seed in range(20):
        outcome = _play(_worked_example(), seed).world.outcome
        assert outcome is not None
        endings.append(outcome.ending)
    assert main.id in endings, "no seed from 0 to 19 reaches the worked example's main ending"
    assert "time" in endings, "every seed reaches the main ending: the example teaches nothing"


def test_worked_example_starts_with_the_schema_line() -> None:
    assert _worked_example().startswith("#:schema ./schema.json\n")


def test_worked_example_story_is_what_the_model_does() -> None:
    """The guide says: with seed 1 the council adopts the mission 3-0-2, Belmark abstaining and
    Eridia too (its private reservation); with seed 0, 4-0-1."""
    from sim.scenario.build import build_world

    scenario = parse_scenario(_worked_example(), "scenarios/osterland.toml")
    engine = Engine(build_world(scenario, 1))
    play_game(engine, default_agents(engine), months=1)
    (vote,) = engine.world.votes
    assert vote.tally.passed and vote.tally.counts() == "3-0-2"
    assert vote.tally.abstain == ("BEL", "ERI")
    private = next(f for f in vote.stances["ERI"].factors if f.name == "private")
    assert private.points < 0
    assert "3-0-2 in month 1 (Belmark abstains" in _text()
    engine = Engine(build_world(scenario, 0))
    play_game(engine, default_agents(engine), months=1)
    (vote,) = engine.world.votes
    assert vote.tally.counts() == "4-0-1" and "seed 0 it votes yes" in _text()


def test_worked_example_seeds_end_as_the_guide_tells() -> None:
    """Seed 1: a quarter deployed by month 7, 40 civilians killed in month 10, Trovia loses six
    soldiers but stays, time out. Seed 0: a ceasefire in month 5, protected in month 10."""
    from sim.model import objectives

    text = " ".join(_text().split())
    world = _play(_worked_example(), 1).world
    assert world.outcome is not None and world.outcome.ending == "time"
    status = {row["id"]: row["status"] for row in objectives.report(world, final=True)}
    assert status == {"deploy": "met", "protect": "failed"}
    share = world.metrics["deployment_share"]
    assert share[6] >= 0.25 > max(share[:6])  # month 7
    assert world.metrics["civilian_deaths"][9] == 40  # month 10
    assert not [e for e in world.events if e.kind == "withdrawal"]
    assert world.missions[0].contingent("TRO", "troops").fatalities == 6
    first = min(e.month for e in world.events if e.kind == "deployment")
    assert first == 4
    assert "first contingent arrives in month 4" in text and "by month 7 a quarter" in text
    assert "still kills 40 civilians" in text and "loses six soldiers" in text

    world = _play(_worked_example(), 0).world
    assert world.outcome is not None and world.outcome.ending == "protected"
    assert world.outcome.month == 10
    (ceasefire,) = [e for e in world.events if "agree a ceasefire" in e.text]
    assert ceasefire.month == 5
    assert world.metrics["civilian_deaths"][9] == 11
    assert "ceasefire in month 5" in text and "11 civilians are killed in month 10" in text


def test_trovia_willingness_is_what_the_guide_computes() -> None:
    from sim.model.forces import MIN_PLEDGE, pledge_size, willingness
    from sim.model.world import Mission
    from sim.scenario.build import build_world

    world = build_world(parse_scenario(_worked_example(), "scenarios/osterland.toml"), 1)
    mission = Mission(
        id="m",
        kind="un",
        authority="council",
        chapter="VII",
        tasks=(),
        ceilings={"troops": 5000},
        start_month=1,
        expires_month=12,
    )
    world.missions.append(mission)
    assert world.theatre.intensity == 0.5
    assert willingness(world, "TRO", mission) == pytest.approx(0.28)
    assert pledge_size(world, "TRO", mission, "troops") == 336
    assert MIN_PLEDGE == 50
    text = " ".join(_text().split())
    assert "= 0.28" in text and "≈ 336 troops" in text


def test_the_lint_output_quoted_in_the_guide_is_what_check_prints() -> None:
    from sim.scenario.lint import lint_text
    from sim.scenario.loader import ScenarioError

    quoted = [line for line in _text().splitlines() if line.startswith("scenarios/osterland.toml:")]
    warnings = [line for line in quoted if ": warning: " in line]
    errors = [line for line in quoted if ": warning: " not in line]
    assert warnings and errors
    name = "scenarios/osterland.toml"
    no_ceiling = _worked_example().replace("troop_ceiling = 5000\n", "")
    printed = [str(p) for p in lint_text(parse_scenario(no_ceiling, name), no_ceiling, name)]
    assert printed == warnings
    complete = _worked_example()
    belmark = complete.index('id = "BEL"')
    ideal = complete.index("ideal = { force = 0.2, presence = 0.4 }", belmark)
    no_presence = complete[:ideal] + "ideal = { force = 0.2 }" + complete[ideal + 39 :]
    with pytest.raises(ScenarioError) as failure:
        parse_scenario(no_presence, name)
    assert [str(p) for p in failure.value.problems] == errors


def test_the_penholder_example_shows_what_the_guide_describes() -> None:
    block = guide.penholder_example()
    for phrase in ("amends", "Whip count", "veto threatened by", "lobbies", "ADOPTED"):
        assert phrase in block, phrase
    assert block in _text()


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
        "Taplo",
        "--historical",
        "Whip count",
        "veto threatened by",
        "## Troubleshooting",
    ):
        assert phrase in text, phrase


def test_vote_example_matches_the_model() -> None:
    # vote_example() raises if its hand computation disagrees with the model's factors.
    text = guide.vote_example()
    assert "**total**" in text and "votes **yes**" in text
