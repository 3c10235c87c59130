"""``mandate audit`` finds unreachable endings, unaffected objectives, lines that always win."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.analysis.audit import findings
from sim.analysis.runner import GameSummary
from sim.cli import main
from sim.scenario.loader import load_scenario

MINIMAL = Path(__file__).resolve().parent.parent / "scenario" / "valid_minimal.toml"

EXTRA = """
[[objectives]]
id = "unity"
name = "No veto"
kind = "no_veto"

[[endings]]
id = "deadlock"
name = "Deadlock"
text = "Vetoes everywhere."
when = "vetoes_cast"
threshold = 5
"""


def _scenario(tmp_path: Path) -> Path:
    path = tmp_path / "audited.toml"
    path.write_text(MINIMAL.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return path


def test_audit_reports_each_kind_of_finding_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _scenario(tmp_path)
    code = main(["audit", str(path), "--seeds", "3"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}: unreached-ending: ending 'deadlock' (Deadlock) was never reached" in out
    assert f"{path}: unaffected-objective: objective 'unity' (No veto)" in out
    assert f"{path}: fixed-line-wins: a fixed line of play wins nearly always" in out
    for line in ("bargains (AI)", "tables its drafts as written", "does nothing"):
        assert line in out


def _game(seed: int, ending: str, met: tuple[str, ...]) -> GameSummary:
    return GameSummary(seed, ending, 6, 1, 0, 10.0, 5.0, met, "")


def test_a_scenario_whose_lines_of_play_differ_has_no_findings(tmp_path: Path) -> None:
    scenario = load_scenario(_scenario(tmp_path))
    endings = [e.id for e in scenario.endings]
    lines = ["ai", "as_written", "passive"]
    games = [
        [_game(0, endings[0], ("unity",)), _game(1, endings[1], ())],
        [_game(0, endings[2], ()), _game(1, endings[1], ())],
        [_game(0, endings[1], ()), _game(1, endings[1], ("unity",))],
    ]
    assert findings(scenario, lines, games, win_share=0.9) == []
    # The same games with the objective met whatever happens: nothing the player does matters.
    always = [[_game(g.seed, g.ending or "", ("unity",)) for g in line] for line in games]
    kinds = sorted(f.kind for f in findings(scenario, lines, always, win_share=0.9))
    assert kinds == ["fixed-line-wins", "fixed-line-wins", "unaffected-objective"]
