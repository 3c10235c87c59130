"""Screens go to each other by name (issue 13): every screen class is registered under its
``name`` once the app is imported, and every name a screen or the app opens is registered — a
typo in a screen's name fails here, not in a player's hands."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import sim.ui.app  # noqa: F401  (imports every screen)
import sim.ui.screens
from sim.ui.screens.base import SCREENS, Screen

UI = Path(sim.ui.app.__file__).parent


def test_every_screen_class_is_registered_by_its_name() -> None:
    found = {}
    for info in pkgutil.iter_modules(sim.ui.screens.__path__):
        module = importlib.import_module(f"sim.ui.screens.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls is not Screen and cls.__module__ == module.__name__:
                found[cls.name] = cls
    assert found
    assert {name: SCREENS[name] for name in found} == found
    assert set(SCREENS.names()) == set(found)


def _opened_names(path: Path) -> list[tuple[int, str]]:
    """(line, name) of every screen opened by name in a file: ``go``, ``go_instead`` and
    ``make_screen`` calls with a literal name."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        args = node.args[1:] if called == "make_screen" else node.args
        if called in ("go", "go_instead", "make_screen") and args:
            first = args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.append((node.lineno, first.value))
    return names


def test_every_screen_opened_by_name_exists() -> None:
    opened = [
        (f"{path.relative_to(UI)}:{line}", name)
        for path in sorted(UI.rglob("*.py"))
        for line, name in _opened_names(path)
    ]
    assert len(opened) > 20
    unknown = [(where, name) for where, name in opened if name not in SCREENS]
    assert not unknown, unknown
