"""The committed ``scenarios/schema.json`` matches the models, and every shipped scenario loads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sim.scenario.loader import load_scenario
from sim.scenario.schema import FORMAT_VERSION, ScenarioFile, StateSpec, json_schema

REPO = Path(__file__).resolve().parent.parent.parent
SCENARIOS = REPO / "scenarios"
SCHEMA_FILE = SCENARIOS / "schema.json"
# Scenario files: every .toml under scenarios/ except data files and overlays (not scenarios).
SHIPPED = sorted(p for p in SCENARIOS.rglob("*.toml") if p.parent.name not in ("data", "overlays"))


def _generated() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_committed_schema_is_up_to_date() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == _generated(), (
        "scenarios/schema.json is out of date with sim/scenario/schema.py: run `mandate schema`"
    )


def test_schema_is_draft_2020_12_with_an_id() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"v{FORMAT_VERSION}.json")
    assert schema["properties"]["format_version"]["const"] == FORMAT_VERSION


def test_schema_forbids_unknown_keys() -> None:
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["StateSpec"]["additionalProperties"] is False
    # ... and so does every other table of the format.
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition.get("additionalProperties") is False, name


def test_schema_names_the_same_keys_as_the_models() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == set(ScenarioFile.model_fields)
    assert set(schema["required"]) == {
        name for name, field in ScenarioFile.model_fields.items() if field.is_required()
    }
    assert set(schema["$defs"]["StateSpec"]["properties"]) == set(StateSpec.model_fields)


def test_there_are_shipped_scenarios() -> None:
    assert SCENARIOS / "tutorial.toml" in SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(SCENARIOS)) for p in SHIPPED])
def test_shipped_scenario_loads(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.format_version == FORMAT_VERSION


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(SCENARIOS)) for p in SHIPPED])
def test_shipped_scenario_schema_directive_points_at_the_schema(path: Path) -> None:
    """A ``#:schema`` line (read by TOML editors) must name the committed schema file."""
    match = re.search(r"^#:schema (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        pytest.skip("no #:schema directive")
    assert (path.parent / match[1]).resolve() == SCHEMA_FILE.resolve()
