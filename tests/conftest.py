"""Shared fixtures: the tutorial scenario and fresh worlds built from it; no test reads or
writes the real per-user data folder (the player's own scenarios)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from quick_profile import SLOW

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests named in ``quick_profile.SLOW`` as ``slow`` (the quick profile leaves them
    out: `pytest -m "not slow"`)."""
    for item in items:
        test = item.nodeid.split("[")[0]
        if test in SLOW or test.split("::")[0] in SLOW:
            item.add_marker(pytest.mark.slow)
