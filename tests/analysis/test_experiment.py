"""The experiment runner: same games wherever they run; paired comparisons; the CLI table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.analysis.experiment import compare, mean_interval, share_interval
from sim.analysis.runner import Arm, PlaySettings, play_one, run_games
from sim.cli import main
from sim.scenario.loader import load_scenario
from sim.scenario.overlay import apply_overlay

REPO = Path(__file__).resolve().parent.parent.parent
TUTORIAL = REPO / "scenarios" / "tutorial.toml"
SHORT = PlaySettings(months=4)


def _calm(tmp_path: Path) -> Path:
    path = tmp_path / "calm.toml"
    path.write_text(
        'overlay = 1\nscenario = "tutorial"\nname = "Calm"\n[theatre]\nintensity = 0.05\n',
        encoding="utf-8",
    )
    return path


def test_local_processes_play_the_same_games_as_one_process(tmp_path: Path) -> None:
    arms = [Arm("Base", load_scenario(TUTORIAL), settings=SHORT)]
    seeds = [3, 4, 5, 6, 7]
    alone = run_games(arms, seeds)
    pooled = run_games(arms, seeds, workers=2)
    assert alone == pooled
    assert [g.seed for g in alone[0]] == seeds
    assert alone[0][0] == play_one(arms[0].scenario, 3, SHORT)


def test_dask_local_cluster_plays_the_same_games() -> None:
    import distributed  # in the test extra, so this runs in CI

    arms = [Arm("Base", load_scenario(TUTORIAL), settings=SHORT)]
    seeds = [1, 2, 3]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_cluster = run_games(arms, seeds, scheduler=client)
    assert on_cluster == run_games(arms, seeds)


def test_common_random_numbers_make_an_identical_variant_differ_by_zero() -> None:
    scenario = load_scenario(TUTORIAL)
    arms = [Arm("Base", scenario, settings=SHORT), Arm("Same", scenario, settings=SHORT)]
    games = run_games(arms, [0, 1, 2, 3])
    comparison = compare(arms, games)
    for key, diff in comparison.differences[0].items():
        assert (diff.value, diff.low, diff.high) == (0.0, 0.0, 0.0), key


def test_intervals_cover_the_estimate_and_shrink_with_more_games() -> None:
    small, large = share_interval(5, 10), share_interval(50, 100)
    assert small.low < 0.5 < small.high and large.low > small.low and large.high < small.high
    assert share_interval(0, 20).low == 0.0 and share_interval(0, 20).high > 0.0
    m = mean_interval([1.0, 2.0, 3.0, 4.0])
    assert m.value == 2.5 and m.low < 2.5 < m.high


def test_experiment_cli_prints_a_table_with_every_arm_and_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = _calm(tmp_path)
    png = tmp_path / "plot.png"
    code = main(
        [
            "experiment",
            str(TUTORIAL),
            "--variant",
            str(variant),
            "--seeds",
            "4",
            "--months",
            "3",
            "--plot",
            str(png),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    for text in ("Base", "Calm", "Δ Calm", "Civilian deaths", "Resolutions adopted", "Ending: "):
        assert text in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_experiment_json_differences_match_the_arms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = _calm(tmp_path)
    code = main(
        [
            "experiment",
            str(TUTORIAL),
            "--variant",
            str(variant),
            "--seeds",
            "3",
            "--months",
            "3",
            "--json",
        ]
    )
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and [a["name"] for a in doc["arms"]] == ["Base", "Calm"]
    base, calm = doc["arms"]
    assert base["difference_from_base"] is None
    for key, diff in calm["difference_from_base"].items():
        expected = calm["estimates"][key]["value"] - base["estimates"][key]["value"]
        assert diff["value"] == pytest.approx(expected), key


def test_experiment_reports_overlay_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('overlay = 1\nscenario = "tutorial"\nname = "X"\n[states.NOPE]\n')
    assert main(["experiment", str(TUTORIAL), "--variant", str(bad), "--seeds", "2"]) == 1
    assert f"{bad}:4:1: states.NOPE: no state 'NOPE'" in capsys.readouterr().err


def test_shipped_counterfactual_overlay_changes_the_games() -> None:
    rwanda = REPO / "scenarios" / "rwanda_1994.toml"
    variant = apply_overlay(rwanda, REPO / "scenarios" / "overlays" / "rwanda_5000_april.toml")
    settings = PlaySettings(historical=True)
    base = play_one(load_scenario(rwanda), 0, settings)
    changed = play_one(variant.scenario, 0, settings)
    assert base.state_hash != changed.state_hash
