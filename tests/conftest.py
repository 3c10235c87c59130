"""Shared fixtures: the tutorial scenario and fresh worlds built from it; no test reads or
writes the real per-user data folder (the player's own scenarios)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sim.model.engine import Engine
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.scenario.schema import ScenarioFile

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"


@pytest.fixture(scope="session", autouse=True)
def _user_data_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The player's own folder is an empty temporary one (tests that write there use
    ``user_data``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MANDATE_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
        yield


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh per-user data folder for this test only (its scenarios go in ``scenarios/``)."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("MANDATE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def tutorial() -> ScenarioFile:
    """The bundled tutorial scenario, validated."""
    return load_scenario(TUTORIAL)


@pytest.fixture
def engine(tutorial: ScenarioFile) -> Engine:
    """A fresh engine on the tutorial with seed 7."""
    return Engine(build_world(tutorial, 7))


# The quick profile: `pytest -m "not slow"` leaves these out (README, "Test"). They are the
# slowest tests by `pytest --durations=40` on two cores: property tests over many random worlds,
# whole calibrations and classroom games, fuzzing, the wheel build and full play-throughs of the
# window. A file name alone marks every test in it. CI and `pytest` still run them all.
SLOW = (
    "tests/model/test_stance.py::test_factors_sum_to_the_total_that_decides_the_vote",
    "tests/model/test_stance.py::test_every_decider_factors_sum_to_the_total_that_decides",
    "tests/model/test_stance.py::test_candidate_totals_equal_single_ballots",
    "tests/model/test_talks.py::test_a_guarantee_lowers_the_recurrence_hazard_of_an_agreement",
    "tests/analysis/test_calibrate.py",
    "tests/net/test_server.py::test_a_classroom_plays_to_the_end_refusing_what_does_not_belong",
    "tests/hostile/test_hostile_corpus.py",
    "tests/hostile/test_hostile_fuzz.py",
    "tests/scenarios/test_sahel_bridge.py::test_several_endings_are_reached",
    "tests/analysis/test_experiment.py::test_dask_local_cluster_plays_the_same_games",
    "tests/test_wheel.py",
    "tests/ui/test_play_through.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests named in :data:`SLOW` as ``slow``."""
    for item in items:
        test = item.nodeid.split("[")[0]
        if test in SLOW or test.split("::")[0] in SLOW:
            item.add_marker(pytest.mark.slow)
