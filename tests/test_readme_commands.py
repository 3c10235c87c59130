"""README's table of commands lists every command and every option the parser accepts."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from sim.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _rows() -> dict[str, str]:
    """The README's table rows by command: the first cell of each ``| `mandate CMD …` |`` row."""
    rows: dict[str, str] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        for cell in re.findall(r"`mandate ([a-z]+)[^`]*`", line.split(" | ")[0]):
            rows[cell] = rows.get(cell, "") + line.split(" | ")[0]
    return rows


def test_every_command_and_option_is_in_the_readme_table() -> None:
    rows = _rows()
    missing = []
    for name, sub in _subcommands().items():
        if name not in rows:
            missing.append(f"mandate {name}")
            continue
        for action in sub._actions:
            for option in action.option_strings:
                named = re.search(re.escape(option) + r"(?![\w-])", rows[name])
                if option.startswith("--") and option != "--help" and not named:
                    missing.append(f"mandate {name} {option}")
    assert not missing, f"README's commands table lacks: {', '.join(missing)}"
