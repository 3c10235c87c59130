"""``mandate report``: every vote, objective and chart is in the page; the page stands alone."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sim.analysis.savegame import autoplay_save, load_game
from sim.cli import main
from sim.model.savefiles import write_save
from sim.model.saves import SaveError, to_json

REPO = Path(__file__).resolve().parent.parent.parent
LIBYA = REPO / "scenarios" / "libya_2011.toml"


class _Page(HTMLParser):
    """Collects what a browser would fetch, element ids and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.sources.append(value)
            if name == "id" and value is not None:
                self.ids.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def save_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saves") / "libya.json"
    write_save(path, autoplay_save(LIBYA, 3, "FRA"))
    return path


def _report(save: Path, out: Path) -> _Page:
    assert main(["report", str(save), "--output", str(out), "--turning-seeds", "2"]) == 0
    page = _Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    return page


def test_report_shows_every_vote_objective_and_chart(save_file: Path, tmp_path: Path) -> None:
    page = _report(save_file, tmp_path / "report")
    text = " ".join(" ".join(page.text).split())
    world = load_game(save_file).world
    assert world.votes, "the game must have votes for this test to mean anything"
    for number, vote in enumerate(world.votes, 1):
        assert f"vote-{number}" in page.ids
        assert vote.tally.counts() in text
        for actor in vote.choices:
            assert actor in text
    for objective in world.objectives:
        assert f"objective-{objective.id}" in page.ids
        assert objective.name in text
    images = [s for s in page.sources if s.endswith(".png")]
    assert len(images) == 4
    for source in page.sources:
        assert not re.match(r"^[a-z]+://", source), f"{source}: the report must work offline"
        assert (tmp_path / "report" / source).is_file(), source
    assert "What really happened" in text  # a historical scenario


def test_report_is_byte_identical_for_the_same_save(save_file: Path, tmp_path: Path) -> None:
    _report(save_file, tmp_path / "a")
    _report(save_file, tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_save_of_another_scenario_version_names_both(
    save_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "scenarios" / "data", tmp_path / "data")  # the roster it includes
    shutil.copytree(REPO / "scenarios" / "maps", tmp_path / "maps")  # and its theatre map
    changed = tmp_path / "libya_2011.toml"
    changed.write_text(
        LIBYA.read_text(encoding="utf-8").replace("intensity = 0.6", "intensity = 0.7", 1),
        encoding="utf-8",
    )
    doc = json.loads(save_file.read_text(encoding="utf-8"))
    doc["scenario_path"] = str(changed)
    moved = tmp_path / "save.json"
    moved.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["report", str(moved), "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "another version of libya_2011" in err and str(changed) in err
    assert doc["state_hash"][:12] in err


def test_a_corrupt_save_is_a_clear_error_and_leaves_other_saves_alone(
    save_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = save_file.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "mandate-save", "version": 1, "turn": ', encoding="utf-8")
    assert main(["report", str(bad), "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bad.json" in err
    assert save_file.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_autoplay_save_restores_to_its_own_hash(save_file: Path) -> None:
    game = load_game(save_file)
    assert to_json(game.save)["state_hash"] == json.loads(save_file.read_text())["state_hash"]
    with pytest.raises(SaveError):
        load_game(save_file.parent / "missing.json")


def test_turning_points_rank_the_decisive_decision_first(save_file: Path) -> None:
    from sim.analysis.turning import turning_points
    from sim.model.saves import player_turns

    game = load_game(save_file)
    turns, _ = player_turns(game.session, game.record)
    points = turning_points(game.scenario, game.save.seed, "FRA", turns, seeds=3)
    assert 1 <= len(points) <= 5
    assert [p.weight for p in points] == sorted((p.weight for p in points), reverse=True)
    # Without Resolution 1973 — never tabled, or vetoed by France's own "no" — the war goes
    # differently on some seed: the two decisions that decide it rank first.
    top = [p.decision.describe() for p in points[:2]]
    assert sorted(top) == ["tabled res1973", "voted yes on res1973"]
    veto = points[top.index("voted yes on res1973")]
    assert veto.alternative == "voting no instead" and veto.ending_changed > 0
    assert points[top.index("tabled res1973")].alternative == "without it"


def test_the_report_lists_the_turning_points(save_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert main(["report", str(save_file), "--output", str(out), "--turning-seeds", "2"]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="turning-points"' in page and "tabled res1973" in page


def test_the_report_of_a_branch_shows_every_line_side_by_side(tmp_path: Path) -> None:
    from sim.analysis.savegame import autoplay_branch

    original = tmp_path / "original.json"
    write_save(original, autoplay_save(LIBYA, 2, "FRA"))
    # The branch (FRA passes from month 1) is saved beside the original, in a file of its own.
    branch = write_save(original, autoplay_branch(load_game(original).save, 1))
    assert branch == tmp_path / "original.branch-1.json"
    page = _report(branch, tmp_path / "report")
    assert "lines" in page.ids
    text = " ".join(" ".join(page.text).split())
    assert "Branch 1 went back to month 1" in text and "Original the original game" in text
    worlds = [load_game(path).world for path in (branch, original)]
    assert len(worlds[0].votes) != len(worlds[1].votes), "two different lines of play"
    for world in worlds:
        assert world.outcome is not None and world.outcome.name in text
