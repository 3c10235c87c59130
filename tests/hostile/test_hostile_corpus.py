"""Every hostile input of the kept corpus fails cleanly within the memory limit.

The corpus runs in one subprocess whose address space is capped (``RLIMIT_AS``, see
``harness.py``), so an input that costs too much memory fails there instead of passing here; the
wall-clock timeout only guards against a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_corpus import CASES

HARNESS = Path(__file__).with_name("harness.py")
HANG_GUARD_SECONDS = 300


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, str(HARNESS), "corpus"],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_fails_cleanly(report: dict[str, Any], name: str) -> None:
    entry = report[name]
    assert entry["outcome"] == entry["expected"], entry["detail"]
