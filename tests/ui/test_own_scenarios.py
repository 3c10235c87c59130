"""The title screen offers the player's own scenarios (their per-user folder) beside the bundled
ones, and a save finds its scenario again by id when the file it was made from has moved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from sim.bundled import scenario_file
from sim.devtools.driver import Driver
from sim.model.hashing import state_hash
from sim.scenario import catalogue
from sim.ui.game import Game


def _own_scenario(user_data: Path) -> Path:
    folder = user_data / "scenarios"
    folder.mkdir(parents=True)
    shutil.copytree(scenario_file("maps"), folder / "maps")
    text = scenario_file("tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('id = "tutorial"', 'id = "harbour"')
    text = text.replace('title = "Crisis in Kalvaria"', 'title = "Harbour Crisis"')
    path = folder / "harbour.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_title_screen_lists_the_players_own_scenarios_after_the_bundled_ones(
    user_data: Path, tmp_path: Path
) -> None:
    _own_scenario(user_data)
    d = Driver.start()
    try:
        listed = d.app.screen.scenarios  # type: ignore[attr-defined]
        bundled = len(catalogue.bundled_entries())
        assert [s.id for s in listed] == [e.id for e in catalogue.bundled_entries()] + ["harbour"]
        assert [s.own for s in listed] == [False] * bundled + [True]
        for _ in range(bundled):
            d.key(pygame.K_DOWN)
        boxes = [e for e in d.app.screen.elements if str(user_data) in getattr(e, "html_text", "")]
        assert boxes, "the summary says where the player's own scenario is"
        assert d.button("Harbour Crisis").text.endswith("· yours")
        assert sum(b.text.endswith("· yours") for b in d.buttons()) == 1
        pygame.image.save(d.app.window, str(tmp_path / "title-own.png"))
        shutil.copy(tmp_path / "title-own.png", "/tmp/title-own.png")
        d.key(pygame.K_RETURN)
        assert d.screen() == "briefing"
        assert d.app.screen.game.scenario.id == "harbour"  # type: ignore[attr-defined]
    finally:
        pygame.quit()


def test_a_save_finds_its_scenario_by_id_when_the_file_has_moved(
    user_data: Path, tmp_path: Path
) -> None:
    # A reinstalled game (a new pipx environment, say) keeps its scenarios somewhere else.
    path = _own_scenario(user_data)
    moved = tmp_path / "old-place" / "harbour.toml"
    moved.parent.mkdir()
    shutil.copytree(path.parent / "maps", moved.parent / "maps")
    shutil.copy(path, moved)
    game = Game.new(moved, 5, observer=True)
    game.pump(1.0, max_steps=30)
    saved = tmp_path / "save.json"
    game.save(saved)
    shutil.rmtree(moved.parent)
    again = Game.load(saved)
    assert again.scenario_path == path
    assert state_hash(again.world) == state_hash(game.world)
