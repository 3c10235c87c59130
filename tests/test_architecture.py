"""House rule 1: the headless wings never import pygame or the UI (DESIGN.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ("model", "scenario", "analysis")
FORBIDDEN = ("pygame", "pygame_gui", "sim.ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("wing", HEADLESS)
def test_headless_wings_never_import_pygame_or_ui(wing: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "sim" / wing).rglob("*.py"))
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not offenders, offenders


def test_model_never_reads_the_clock_or_global_random() -> None:
    banned = {"random", "time", "datetime"}
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "sim" / "model").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in banned
    ]
    assert not offenders, offenders


def test_model_does_not_import_the_scenario_wing() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "sim" / "model").rglob("*.py"))
        if any(n.startswith("sim.scenario") or n.startswith("sim.analysis") for n in _imports(path))
    ]
    assert not offenders, offenders


def test_bundled_files_are_found_through_the_package_not_the_source_tree() -> None:
    """An installed game has no checkout around it: scenarios and assets are found through
    ``sim.bundled`` (importlib.resources), never from ``__file__`` (issue 16)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "sim").rglob("*.py"))
        if "__file__" in (text := path.read_text(encoding="utf-8"))
        and any(word in text for word in ('"scenarios"', '"assets"', "scenarios/", "assets/"))
    ]
    assert not offenders, offenders
