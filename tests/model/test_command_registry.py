"""Contract: every command class is registered, and parsing a log knows every kind."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import sim.model
from sim.model.registry import Registry


def _command_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(sim.model.__path__):
        module = importlib.import_module(f"sim.model.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            kind = cls.__dict__.get("kind")
            if isinstance(kind, str) and callable(getattr(cls, "apply", None)):
                found[kind] = cls
    return found


def test_every_command_class_in_the_model_is_registered_by_its_kind() -> None:
    from sim.model.commands import COMMAND_TYPES

    classes = _command_classes()
    assert classes, "no command classes found"
    for kind, cls in classes.items():
        assert COMMAND_TYPES[kind] is cls


def test_parsing_a_log_alone_knows_every_kind() -> None:
    # A fresh interpreter that imports only the replay module must know all commands.
    kinds = sorted(_command_classes())
    code = "import sim.model.replay as r; print(' '.join(sorted(r.COMMAND_TYPES.names())))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == kinds


def test_registry_refuses_duplicates_and_names_the_known_entries() -> None:
    registry: Registry[int] = Registry("widget")
    registry.add("a", 1)
    with pytest.raises(ValueError, match="registered twice"):
        registry.add("a", 2)
    with pytest.raises(KeyError, match="known: a"):
        registry["b"]
