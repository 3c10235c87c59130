"""Shared by the scenario tests: `mandate run FILE --json` in process, parsed and cached."""

from __future__ import annotations

import contextlib
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from sim.cli import main


@cache
def run_json(file: Path, seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run FILE --seed SEED --json [--historical]``, parsed (computed once)."""
    argv = ["run", str(file), "--seed", str(seed), "--json"]
    if historical:
        argv.append("--historical")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    assert code == 0
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


def assert_tally(
    vote: dict[str, Any],
    yes: set[str],
    no: set[str],
    abstain: set[str],
    adopted: bool,
    vetoed: set[str],
) -> None:
    """The recorded vote, member for member: who voted how, the result, who vetoed."""
    assert set(vote["yes"]) == yes
    assert set(vote["no"]) == no
    assert set(vote["abstain"]) == abstain
    assert vote["passed"] is adopted
    assert set(vote["vetoed_by"]) == vetoed
