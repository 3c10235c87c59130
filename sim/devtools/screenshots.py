"""Save a PNG of every screen, driven by real events under the dummy driver.

    python -m sim.devtools.screenshots OUTDIR [--size 1920x1080] [--scale 1.5] [--seed 7]

Plays the tutorial from the title screen to the debrief (the advisor acting for the player),
saving each screen on the way, then the event log and the timeline of the ended game, a
hot-seat game's seat picker and hand-over, and a classroom game served on 127.0.0.1 (a seat's
messages, the teacher's desk: :mod:`sim.devtools.classroom_tour`). Settings and saves go to a
temporary folder unless ``MANDATE_CONFIG_DIR`` is set. Look at every picture: a screen nobody
looked at is not done.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from sim.devtools.classroom_tour import classroom_tour
from sim.devtools.driver import Driver
from sim.ui.charts import charts


def play_to_debrief(d: Driver, limit: int = 400) -> None:
    """Let the advisor play every turn, pressing Enter through votes and news; returns once
    the debrief is whole."""
    for _ in range(limit):
        name = d.screen()
        if name == "debrief":
            d.settle()
            return
        if name in ("vote", "news", "ballot"):
            d.key(pygame.K_RETURN)  # on a ballot, Enter votes as the seat's advisers advise
        elif name == "chamber" and d.app.game is not None and d.app.game.awaiting:
            d.key(pygame.K_a)
        else:
            d.frames(1)
    raise RuntimeError(f"the game did not reach the debrief (stuck on {d.screen()})")


def play_until(d: Driver, done: Callable[[], bool], limit: int = 400) -> None:
    """Let the advisor play until ``done()`` holds on the player's turn in the chamber."""
    for _ in range(limit):
        name = d.screen()
        if name == "chamber" and d.app.game is not None and d.app.game.awaiting and done():
            return
        if name in ("vote", "news", "ballot"):
            d.key(pygame.K_RETURN)
        elif name == "chamber" and d.app.game is not None and d.app.game.awaiting:
            d.key(pygame.K_a)
        elif name == "debrief":
            return
        else:
            d.frames(1)


def advise_until(d: Driver, screen: str, passing: str, limit: int) -> bool:
    """Let the advisor play (A on the player's turn, Enter on the ``passing`` screen) until
    ``screen`` is on top; returns whether it came within ``limit`` steps."""
    for _ in range(limit):
        if d.screen() == screen:
            return True
        if d.screen() == passing:
            d.key(pygame.K_RETURN)
        elif d.app.game is not None and d.app.game.awaiting:
            d.key(pygame.K_a)
        else:
            d.frames(1)
    return d.screen() == screen


def take(out: Path, size: tuple[int, int], scale: float, seed: int) -> list[Path]:
    """Every screen, in the order a player meets them."""
    d = Driver.start(size, scale, seed)
    shots: list[Path] = []

    def shot(name: str) -> None:
        shots.append(d.shot(out / f"{name}.png"))

    tour(d, shot)
    return shots


def tour(d: Driver, shot: Callable[[str], None]) -> None:
    """Visit every screen, from the title to the debrief and beyond (see the module), calling
    ``shot(name)`` on each (the screenshots save a picture; the benchmark times frames there,
    the layout test checks each screen over a grid of sizes)."""
    shot("01-title")
    d.key(pygame.K_l)
    if d.screen() == "load":  # only with saves to load (the benchmark's second size has some)
        shot("01b-load")
        d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)
    shot("02-settings")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_RETURN)
    shot("03-briefing")
    d.key(pygame.K_RETURN)
    d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.frames(2)
    shot("04-chamber-open")
    d.key(pygame.K_F1)
    shot("05-help")
    d.key(pygame.K_F1)
    d.key(pygame.K_e)
    shot("06-draft-editor")
    d.click(d.button("Chapter"))
    d.click(d.button("ICC referral"))
    shot("07-draft-edited")
    d.key(pygame.K_RETURN)  # tables the draft with the edited clauses
    d.frames(2)
    shot("08-chamber-tabled")
    d.key(pygame.K_y)  # the player's own vote on its draft; Esc leaves it uncast
    shot("08b-ballot")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_SPACE)
    d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.frames(2)
    seat = next(b for b in d.buttons() if "CAL" in (b.tool_tip_text or ""))
    d.click(seat)
    shot("09-profile")
    d.key(pygame.K_l)
    shot("10-consultations")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_h)
    charts().wait()
    d.frames(2)
    shot("11-theatre")
    d.key(pygame.K_w)
    shot("11c-deciders")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_p)
    shot("11d-peace-talks")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_u)
    shot("11e-your-seat")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_w)
    shot("11b-world-fictional")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    shot("12-menu")
    d.key(pygame.K_F5)  # a quick save, so that the load screen lists a save at every size
    d.click(d.button("Load a saved game"))
    d.settle()
    shot("12b-load")
    d.key(pygame.K_ESCAPE)
    d.click(d.button("Go back to a month"))
    shot("12c-timeline")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    # Advisor plays until the first vote; catch the count mid-way and at the end.
    advise_until(d, "vote", passing="news", limit=200)
    d.frames(40)
    shot("13-vote-counting")
    d.key(pygame.K_RETURN)
    shot("14-vote-result")
    d.key(pygame.K_RETURN)
    d.until(lambda: d.screen() == "news", 100)
    shot("15-news")
    play_until(d, lambda: d.app.game is not None and d.app.game.world.month >= 9)
    d.key(pygame.K_h)
    charts().wait()
    d.frames(2)
    shot("15b-theatre-missions")
    d.key(pygame.K_PAGEDOWN)
    shot("15c-theatre-scrolled")
    d.key(pygame.K_m)
    charts().wait()
    d.frames(2)
    shot("15d-theatre-figures")
    d.key(pygame.K_ESCAPE)
    play_to_debrief(d)
    charts().wait()
    d.frames(3)
    shot("16-debrief")
    d.key(pygame.K_n)
    d.settle()
    shot("17-event-log")
    d.key(pygame.K_END)
    shot("17b-event-log-end")
    d.key(pygame.K_RETURN)
    d.key(pygame.K_b)
    shot("18-timeline-end")
    d.key(pygame.K_ESCAPE)
    hot_seat(d, shot)
    classroom_tour(d, shot)


def hot_seat(d: Driver, shot: Callable[[str], None]) -> None:
    """From the debrief: a new game for two players at one computer (the seat picker), up to
    the cover that hands the computer to the first player, then that player's chamber."""
    d.key(pygame.K_RETURN)  # back to the title
    d.click(d.button("New game"))
    d.key(pygame.K_c)
    d.settle()
    shot("19-seat-picker")
    d.click(d.app.screen.seat_buttons["CAL"])  # type: ignore[attr-defined]
    d.click(d.button("Done"))
    d.key(pygame.K_RETURN)  # take the seats
    d.until(lambda: d.screen() == "handover")
    shot("20-handover")
    d.key(pygame.K_RETURN)
    d.until(lambda: d.screen() == "chamber")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m sim.devtools.screenshots", description=__doc__)
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--size", default="1280x720", help="window size WxH")
    parser.add_argument("--scale", type=float, default=1.0, help="UI scale")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    os.environ.setdefault("MANDATE_CONFIG_DIR", tempfile.mkdtemp(prefix="mandate-shots-"))
    for path in take(args.out, (width, height), args.scale, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
