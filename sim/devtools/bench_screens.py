"""Frame times of every screen (a script, not a test): the screenshots' tour, timed.

    python -m sim.devtools.bench_screens [--sizes 1280x720,1920x1080] [--scale 1.0] [--frames 60]
        [--cpu] [--only debrief,news]

Drives the game under SDL's dummy driver through every screen a player meets (the tour of
:mod:`sim.devtools.screenshots`: title, load, settings, briefing, chamber, help, draft editor,
profile, consultations, theatre and its map, deciders, peace talks, your seat, world, menu, vote,
news, debrief), timing every frame (input, session steps, screens, drawing, flip). Each frame is
counted for the screen on top after it, so the frame that opens a screen (its building) counts
for that screen: "enter" is that first frame. On each stop it also runs ``--frames`` frames of
the screen standing still. Prints, per screen and window size, p50, p99 and the worst frame, and
the worst of all after the title. Goals: p99 <= 16.7 ms (60 fps), no frame over 33 ms after the
title. Under the dummy driver the flip costs nothing, so a real display adds its own time (on
Linux, with SDL's plain framebuffer that the game asks for, about half a millisecond at
1920x1080 under Xvfb: :mod:`sim.ui.framebuffer`).

Every frame is timed twice: by the wall clock and by the main thread's CPU time
(``time.thread_time``). On a machine shared with other processes the wall clock counts the time
the game waited for a core; the CPU time does not (nor a background thread's work, such as the
debrief's replays), so it is the steadier figure for comparing two versions of the code. The
tables give the wall clock, then the CPU time (``--cpu``: only the CPU time). ``--only`` lists
only the named screens. Under a real X server (``SDL_VIDEODRIVER=x11``) the driver is kept.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import Any

import pygame

from sim.devtools.bench_ui import percentile
from sim.devtools.driver import Driver

FRAME_GOAL_MS = 16.7
WORST_GOAL_MS = 33.0


class TimedDriver(Driver):
    """A driver that times each frame and files it under the screen on top after it."""

    #: Per clock ("wall", "cpu"): the frame times (ms) of each screen.
    times: dict[str, dict[str, list[float]]]
    #: Per clock: the worst frame that opened each screen (ms).
    entered: dict[str, dict[str, float]]

    def frames(self, n: int = 1, dt: float = 1 / 60) -> None:
        if not hasattr(self, "times"):
            self.times, self.entered = fresh(), fresh()
        for _ in range(n):
            before = self.app.screen.name if self.app.stack else ""
            t, c = time.perf_counter(), time.thread_time()
            self.app.frame(dt)
            pygame.display.flip()
            spent = {
                "wall": (time.perf_counter() - t) * 1000,
                "cpu": (time.thread_time() - c) * 1000,
            }
            name = self.app.screen.name
            for clock, ms in spent.items():
                self.times[clock].setdefault(name, []).append(ms)
                if name != before:
                    entered = self.entered[clock]
                    entered[name] = max(entered.get(name, 0.0), ms)


def fresh() -> dict[str, dict[str, Any]]:
    """Empty tables, one per clock."""
    return {"wall": {}, "cpu": {}}


def measure(size: tuple[int, int], scale: float, seed: int, still: int) -> TimedDriver:
    """Run the tour once at ``size`` and return the driver with its timings."""
    from sim.devtools import driver
    from sim.devtools.screenshots import tour

    if os.environ.get("SDL_VIDEODRIVER") == "x11":
        driver.headless = lambda: None  # keep the real display the caller chose
    d = TimedDriver.start(size, scale, seed)
    assert isinstance(d, TimedDriver)
    d.times, d.entered = fresh(), fresh()

    def stop(_: str) -> None:
        d.frames(still)

    tour(d, stop)
    pygame.quit()
    return d


def report(
    d: TimedDriver,
    size: tuple[int, int],
    scale: float,
    clock: str = "wall",
    only: Sequence[str] = (),
) -> float:
    """Print the table of one clock ("wall" or "cpu") for one size; returns the worst frame
    after the title (ms)."""
    what = "wall-clock" if clock == "wall" else "main-thread CPU"
    print(f"\n{size[0]}x{size[1]}, UI scale {scale:g}: {what} ms per frame, per screen")
    print(f"  {'screen':<14}{'frames':>7}{'enter':>9}{'p50':>8}{'p99':>8}{'worst':>8}")
    worst_after_title = 0.0
    for name, times in d.times[clock].items():
        worst = max(times)
        if name != "title":
            worst_after_title = max(worst_after_title, worst)
        if only and name not in only:
            continue
        enter = d.entered[clock].get(name, float("nan"))
        print(
            f"  {name:<14}{len(times):>7}{enter:>9.1f}{percentile(times, 50):>8.1f}"
            f"{percentile(times, 99):>8.1f}{worst:>8.1f}"
        )
    every = [t for times in d.times[clock].values() for t in times]
    print(
        f"  {'all':<14}{len(every):>7}{'':>9}{percentile(every, 50):>8.1f}"
        f"{percentile(every, 99):>8.1f}{max(every):>8.1f}"
    )
    print(
        f"  worst frame after the title: {worst_after_title:.1f} ms (goal <= {WORST_GOAL_MS:g});"
        f" p99 goal <= {FRAME_GOAL_MS}"
    )
    return worst_after_title


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m sim.devtools.bench_screens",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--frames", type=int, default=60, help="still frames on each screen")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cpu", action="store_true", help="only the main thread's CPU time")
    parser.add_argument("--only", default="", help="comma-separated screens to list")
    args = parser.parse_args(argv)
    only = [n for n in args.only.split(",") if n]
    if os.environ.get("SDL_VIDEODRIVER") != "x11":
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("MANDATE_CONFIG_DIR", tempfile.mkdtemp(prefix="mandate-bench-"))
    worst = 0.0
    for spec in args.sizes.split(","):
        w, h = (int(v) for v in spec.lower().split("x"))
        d = measure((w, h), args.scale, args.seed, args.frames)
        for clock in ("cpu",) if args.cpu else ("wall", "cpu"):
            worst = max(worst, report(d, (w, h), args.scale, clock, only))
    return 0 if worst <= WORST_GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
