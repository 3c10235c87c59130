"""A few fuzzed scenarios, rosters, logs and saves on every run of the suite (hypothesis).

The inputs are mutations of real files (see ``hostile_fuzz.py``); each must be accepted or
refused cleanly (exit 1, located message, no traceback), inside the memory limit of the
harness's subprocess. The suite runs a handful of each kind to stay fast; the closing note of
issue 14 reports a larger campaign run with ``python tests/hostile/harness.py fuzz all N``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_fuzz import KINDS

HARNESS = Path(__file__).with_name("harness.py")
EXAMPLES_PER_KIND = 6
HANG_GUARD_SECONDS = 300


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, str(HARNESS), "fuzz", "all", str(EXAMPLES_PER_KIND)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("kind", list(KINDS))
def test_fuzzed_inputs_are_accepted_or_refused_cleanly(report: dict[str, Any], kind: str) -> None:
    counts = report[kind]["counts"]
    assert sum(counts.values()) == EXAMPLES_PER_KIND
    assert set(counts) <= {"ok", "refused"}, report[kind]["failures"]
