"""Shared fixtures: the tutorial scenario and fresh worlds built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.model.engine import Engine
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.scenario.schema import ScenarioFile

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"


@pytest.fixture(scope="session")
def tutorial() -> ScenarioFile:
    """The bundled tutorial scenario, validated."""
    return load_scenario(TUTORIAL)


@pytest.fixture
def engine(tutorial: ScenarioFile) -> Engine:
    """A fresh engine on the tutorial with seed 7."""
    return Engine(build_world(tutorial, 7))
