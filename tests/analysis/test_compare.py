"""``mandate compare``: a class's saves side by side; saves of different scenarios refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.analysis.savegame import autoplay_save
from sim.cli import main
from sim.model.savefiles import write_save

REPO = Path(__file__).resolve().parent.parent.parent
LIBYA = REPO / "scenarios" / "libya_2011.toml"


def test_compare_shows_every_group_its_drafts_and_one_deaths_chart(tmp_path: Path) -> None:
    saves = []
    for seed in (1, 2):
        path = tmp_path / f"group-{seed}.json"
        write_save(path, autoplay_save(LIBYA, seed, "FRA"))
        saves.append(str(path))
    out = tmp_path / "class"
    assert main(["compare", *saves, "--output", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count('<tr class="group">') == 2
    for label in ("group-1", "group-2"):
        assert label in page
    assert "res1973" in page and "no fly zone" in page
    assert (out / "deaths.png").read_bytes()[:4] == b"\x89PNG"


def test_compare_refuses_saves_of_different_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_save(a, autoplay_save(LIBYA, 1, "FRA", months=1))
    write_save(b, autoplay_save(REPO / "scenarios" / "tutorial.toml", 1, "ARN", months=1))
    assert main(["compare", str(a), str(b), "--output", str(tmp_path / "out")]) == 1
    assert "different scenarios" in capsys.readouterr().err


def test_compare_shows_a_games_original_and_its_branch_as_groups(tmp_path: Path) -> None:
    from sim.analysis.savegame import autoplay_branch

    path = tmp_path / "class-a.json"
    write_save(path, autoplay_branch(autoplay_save(LIBYA, 1, "FRA"), 1))  # FRA then passes
    out = tmp_path / "class"
    assert main(["compare", str(path), "--output", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count('<tr class="group">') == 2
    assert "class-a: Branch 1" in page and "class-a: Original" in page
    # The branch has a file of its own beside the original; naming both shows each line once.
    branch = tmp_path / "class-a.branch-1.json"
    assert main(["compare", str(branch), str(path), "--output", str(out)]) == 0
    again = (out / "index.html").read_text(encoding="utf-8")
    assert again.count('<tr class="group">') == 2
    assert "class-a: Branch 1" in again and "class-a: Original" in again
