"""`mandate play` and bare `mandate`: a window where a display exists, a clear message if not."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main

TUTORIAL = str(Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml")


def _no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")


def test_play_without_a_display_explains_in_one_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_display(monkeypatch)
    assert main(["play"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "DISPLAY" in err and "Xvfb" in err and "mandate run" in err
    assert "Traceback" not in err


def test_play_runs_under_the_dummy_driver_for_a_number_of_frames(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shot = tmp_path / "title.png"
    code = main(["play", TUTORIAL, "--seed", "3", "--frames", "3", "--screenshot", str(shot)])
    assert code == 0, capsys.readouterr().err
    assert shot.stat().st_size > 1000


def test_play_reports_a_broken_scenario_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = str(Path(TUTORIAL).parent.parent / "tests" / "scenario" / "broken" / "nan.toml")
    assert main(["play", broken, "--frames", "1"]) == 1
    err = capsys.readouterr().err
    assert "nan.toml:" in err and "Traceback" not in err
