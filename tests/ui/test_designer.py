"""Designer mode: F5 reloads the scenario from disk, keeps the month while the file still fits,
restarts at month 1 when the player's commands no longer apply, and shows load problems in the
window (the game keeps running)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from sim.cli import main
from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "designed.toml"
    path.write_text((ROOT / "scenarios" / "tutorial.toml").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "scenarios" / "maps", tmp_path / "maps")  # the theatre map
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _to_month_3(d: Driver) -> None:
    d.key(pygame.K_RETURN)  # New game
    d.key(pygame.K_RETURN)  # Take your seat
    play_until(d, lambda: d.app.game is not None and d.app.game.world.month >= 3)
    assert d.app.game is not None and d.app.game.world.month == 3


def test_f5_reloads_the_edited_file_and_keeps_the_month(scenario: Path) -> None:
    d = Driver.start(scenario=scenario, designer=True)
    try:
        _to_month_3(d)
        old = d.app.game
        assert old is not None
        turn = old.session.turn
        _edit(
            scenario,
            'id = "kalvaria"\nname = "Kalvaria"',
            'id = "kalvaria"\nname = "Kalvaria (edited)"',
        )
        d.key(pygame.K_F5)
        game = d.app.game
        assert game is not None and game is not old
        assert game.world.theatre.name == "Kalvaria (edited)"
        assert game.world.month == 3 and game.session.turn == turn
        assert "back at month 3" in d.app.message
        assert d.screen() == "chamber" and not d.app.load_problems
        # The player's own commands were submitted again, in the same turns.
        assert len(game.record.completed) == len(old.record.completed)
    finally:
        pygame.quit()


def test_a_broken_file_shows_its_problem_line_and_the_game_goes_on(scenario: Path) -> None:
    d = Driver.start(scenario=scenario, designer=True)
    try:
        _to_month_3(d)
        game = d.app.game
        lines = scenario.read_text(encoding="utf-8").splitlines()
        line = next(n for n, text in enumerate(lines, 1) if text.startswith("months = 24"))
        _edit(scenario, "months = 24", "monthz = 24")
        d.key(pygame.K_F5)
        assert d.app.game is game, "the last good version keeps running"
        assert d.app.load_problems
        assert any(f"designed.toml:{line}:" in p for p in d.app.load_problems)
        assert any("monthz" in p for p in d.app.load_problems)
        assert any("monthz = 24" in t for t in d.app.problem_lines.values())
        d.shot(scenario.parent / "problems.png")  # the panel is drawn without error
        assert game is not None
        turn = game.session.turn
        d.key(pygame.K_SPACE)  # the game goes on under the panel
        assert d.until(lambda: game.session.turn != turn)
        d.key(pygame.K_ESCAPE)
        assert not d.app.load_problems and d.screen() == "chamber"
        _edit(scenario, "monthz = 24", "months = 24")
        d.key(pygame.K_F5)
        assert not d.app.load_problems and d.app.game is not game
    finally:
        pygame.quit()


def test_when_the_players_commands_no_longer_apply_it_restarts_at_month_1(
    scenario: Path,
) -> None:
    d = Driver.start(scenario=scenario, designer=True)
    try:
        _to_month_3(d)
        # The player's first draft gets a new id: tabling 'kalvaria-1' no longer applies.
        _edit(scenario, 'id = "kalvaria-1"', 'id = "kalvaria-one"')
        d.key(pygame.K_F5)
        game = d.app.game
        assert game is not None and game.world.month == 1
        assert "restarted at month 1" in d.app.message
        assert "kalvaria-one" in {t.id for t in game.world.templates}
    finally:
        pygame.quit()


def test_play_designer_opens_on_a_broken_file(
    scenario: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _edit(scenario, "months = 24", "months = -1")
    shot = tmp_path / "shot.png"
    code = main(["play", str(scenario), "--designer", "--frames", "2", "--screenshot", str(shot)])
    assert code == 0
    assert "designed.toml:" in capsys.readouterr().err
    assert shot.exists()
