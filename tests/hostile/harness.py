"""Run hostile inputs against the game inside a memory limit, and report how each one ended.

Used two ways: by the test suite (a small number of inputs, one subprocess) and by hand for a
larger fuzz campaign:

    python tests/hostile/harness.py corpus
    python tests/hostile/harness.py fuzz KIND EXAMPLES [SEED]   # KIND: scenario roster log save all

The process first limits its own address space (``RLIMIT_AS``, :data:`MEMORY_LIMIT`), so an input
that costs too much memory fails here with MemoryError instead of slowing the machine; the caller
guards against hangs with a generous wall-clock timeout. Every input is classified:

* ``ok``: accepted (exit 0);
* ``refused``: a clean error: exit 1 and every message located (``FILE:LINE:COL:`` for files the
  game parses, ``mandate: FILE: ...`` naming the command's index for logs and saves);
* ``unlocated``: exit 1 but a message without its location;
* ``crash``: a traceback (any exception escaping), a wrong exit code or output beyond the cap.

The result is one JSON document on stdout: ``{"kind": {"outcome": count}, "failures": [...]}``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

MEMORY_LIMIT = 1536 * 1024 * 1024
MAX_OUTPUT = 64 * 1024
ROOT = Path(__file__).resolve().parents[2]
LOCATED = re.compile(r"^.+:\d+:\d+: ")
MANDATE = re.compile(r"^mandate: ")


def limit_memory(limit: int = MEMORY_LIMIT) -> None:
    """Cap this process's address space (the memory bound every input must respect)."""
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``mandate ARGV`` in this process: (exit code, stdout, stderr); exceptions propagate."""
    from sim.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def classify(code: int, out: str, err: str, located: re.Pattern[str] = LOCATED) -> str:
    """How a CLI run ended (see the module docstring)."""
    if len(out) + len(err) > MAX_OUTPUT and code != 0:
        return "crash"
    if code == 0:
        return "ok"
    if code != 1 or "Traceback" in err:
        return "crash"
    lines = [line for line in err.splitlines() if line]
    if lines and all(located.match(line) for line in lines):
        return "refused"
    return "unlocated"


def guarded(
    action: Callable[[], tuple[int, str, str]], located: re.Pattern[str]
) -> tuple[str, str]:
    """Run one input; (outcome, detail) where detail is the traceback or first line of output."""
    try:
        code, out, err = action()
    except BaseException:  # everything: a traceback is what this looks for
        return "crash", traceback.format_exc(limit=4)[-1500:]
    outcome = classify(code, out, err, located)
    return outcome, f"exit {code}: {(err or out)[:300]!r}"


def main(argv: list[str]) -> int:
    """Entry point: ``corpus`` or ``fuzz KIND EXAMPLES [SEED]``."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    limit_memory()
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="mandate-hostile-") as tmp:
        os.chdir(ROOT)
        if argv[0] == "corpus":
            from hostile_corpus import CASES

            for name, (expected, case) in CASES.items():
                folder = Path(tmp) / name
                folder.mkdir()
                started = time.perf_counter()  # reported for the record, never asserted
                try:
                    outcome, detail = case(folder)
                except BaseException:  # the case itself failed: report it, run the others
                    outcome, detail = "crash", traceback.format_exc(limit=4)[-1500:]
                seconds = round(time.perf_counter() - started, 2)
                report[name] = {
                    "expected": expected,
                    "outcome": outcome,
                    "detail": detail,
                    "seconds": seconds,
                }
        else:
            from hostile_fuzz import KINDS, campaign

            kinds = list(KINDS) if argv[1] == "all" else [argv[1]]
            examples = int(argv[2])
            seed = int(argv[3]) if len(argv) > 3 else 0
            for kind in kinds:
                started = time.perf_counter()
                outcomes, failures = campaign(kind, examples, seed, Path(tmp))
                report[kind] = {
                    "counts": dict(Counter(outcomes)),
                    "failures": failures[:20],
                    "seconds": round(time.perf_counter() - started, 1),
                }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
