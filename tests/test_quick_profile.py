"""The quick profile (`pytest -m "not slow"`) leaves out only tests that exist: every entry of
the slow list names a test file, or a test function in it, that is still there."""

from __future__ import annotations

import ast
from pathlib import Path

from quick_profile import SLOW

ROOT = Path(__file__).resolve().parent.parent


def test_every_slow_entry_names_an_existing_test() -> None:
    missing = []
    for entry in SLOW:
        file, _, function = entry.partition("::")
        path = ROOT / file
        if not path.is_file():
            missing.append(entry)
            continue
        names = {
            node.name
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef)
        }
        if function and function not in names:
            missing.append(entry)
    assert not missing, missing
