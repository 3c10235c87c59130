"""Benchmark: whole games, the agents' forecasting step, and one bargaining round.

Run ``python -m sim.devtools.benchmark`` (``--help`` for options). It prints one table:

- the tutorial and a generated 193-state scenario (:mod:`sim.devtools.generate`) played to the
  end exactly as ``mandate run`` plays them, in process. Loading and building the world are
  timed separately and are not simulation time. Each game is played vectorized and naive: the
  naive game sees the world through :class:`~sim.devtools.naive.NaiveView` (the forecasting
  step as per-agent Python loops) and bargains in consultations with the literal per-actor
  reference (:mod:`sim.devtools.reference_bargaining`), so the whole month step is written as
  per-agent loops. Both must cast the same votes and reach the same ending, which the table
  confirms;
- the forecasting step alone: the time spent inside the view during those games, and one
  forecast plus the penholder's candidate concessions for a General Assembly vote (193 voters);
- the 193-state game with an extra General Assembly draft, where forecasts and consultations run
  over every member state;
- one round of the expected-utility bargaining model over all 193 states
  (:func:`sim.model.bargaining.bargaining_round`) against the literal per-actor reference
  (:mod:`sim.devtools.reference_bargaining`);
- ``mandate run --json`` as a separate process (interpreter start and imports included).

Times are medians; the runs column says over how many runs. Goals come from the performance
issue: the 193-state game within 0.25 s and at least 10× faster than the naive loop, one
bargaining round over 193 members within 50 ms. Nothing here asserts on time; the tests only
check that the generated scenario and the naive view are correct.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from sim.bundled import scenario_file
from sim.devtools.generate import generate_scenario_text
from sim.devtools.naive import NaiveView
from sim.devtools.reference_bargaining import reference_round
from sim.model import commands
from sim.model.agents import watered_down
from sim.model.bargaining import bargaining_round, round_positions
from sim.model.drafts import Draft
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import ViewFactory, default_agents, play_game
from sim.model.view import WorldView
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario, parse_scenario
from sim.scenario.schema import ScenarioFile

TUTORIAL = scenario_file("tutorial.toml")
GAME_GOAL_SECONDS = 0.25
SPEEDUP_GOAL = 10.0
BARGAINING_GOAL_SECONDS = 0.050
LONG_RUN_SECONDS = 10.0
REFERENCE_BUDGET_SECONDS = 20.0
STEP_METHODS = ("forecast", "organization_forecast", "candidate_outcomes", "own_utility")


@dataclass(frozen=True)
class Timing:
    """The median of some timed runs, and how many there were."""

    seconds: float
    runs: int


@dataclass(frozen=True)
class GameTiming:
    """A game's simulation time, the time spent in the forecasting step, what it decided."""

    game: Timing
    step: Timing
    months: int
    final_hash: str
    decisions: tuple[object, ...]
    ending: str


@dataclass(frozen=True)
class Variant:
    """One way of computing the month step: the agents' view and the consultation bargaining."""

    name: str
    view: type[WorldView]
    naive_bargaining: bool


VECTORIZED = Variant("vectorized", WorldView, naive_bargaining=False)
NAIVE = Variant("naive", NaiveView, naive_bargaining=True)


def _reference_round_positions(x: Any, c: Any, s: Any) -> np.ndarray:
    """The literal per-actor bargaining round's new positions (as ``round_positions``)."""
    positions, _, _ = reference_round(list(map(float, x)), list(map(float, c)), list(map(float, s)))
    return np.array(positions, dtype=float)


def _decisions(world: World) -> tuple[object, ...]:
    return tuple(
        (v.month, v.draft, v.version, tuple(sorted(v.choices.items()))) for v in world.votes
    )


def _median(samples: Sequence[float]) -> Timing:
    return Timing(statistics.median(samples), len(samples))


def time_calls(call: Callable[[], object], runs: int, warmup: bool = True) -> Timing:
    """Median wall time of ``call`` over ``runs`` runs (after one untimed warm-up run)."""
    if warmup:
        call()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return _median(samples)


def _stopwatch_view(base: type[WorldView], spent: list[float]) -> ViewFactory:
    """A view class that adds the time spent in the forecasting methods to ``spent[0]``."""

    def timed(name: str) -> Callable[..., Any]:
        method = getattr(base, name)

        def wrapper(self: WorldView, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return method(self, *args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start

        return wrapper

    return type(f"Timed{base.__name__}", (base,), {m: timed(m) for m in STEP_METHODS})


def _play_once(
    scenario: ScenarioFile, seed: int, variant: Variant
) -> tuple[float, float, World, int]:
    engine = Engine(build_world(scenario, seed))
    agents = default_agents(engine)
    spent = [0.0]
    timed_view = _stopwatch_view(variant.view, spent)
    # The naive game swaps the consultations' bargaining for the per-actor reference loop.
    vectorized_round = round_positions
    if variant.naive_bargaining:
        setattr(commands, "round_positions", _reference_round_positions)  # noqa: B010
    try:
        start = time.perf_counter()
        months = play_game(engine, agents, view_factory=timed_view)
        seconds = time.perf_counter() - start
    finally:
        setattr(commands, "round_positions", vectorized_round)  # noqa: B010
    return seconds, spent[0], engine.world, months


def time_games(
    scenario: ScenarioFile, seed: int, variants: Sequence[Variant], runs: int
) -> list[GameTiming]:
    """Play the whole game ``runs`` times with each variant, alternating run by run.

    Each run starts from a freshly built world (building is not timed). Alternating spreads any
    background load evenly over the variants. A variant whose run takes over 10 s is not run
    again.
    """
    games: list[list[float]] = [[] for _ in variants]
    steps: list[list[float]] = [[] for _ in variants]
    last: list[tuple[World, int] | None] = [None for _ in variants]
    for _ in range(runs):
        for k, variant in enumerate(variants):
            if games[k] and games[k][-1] > LONG_RUN_SECONDS:
                continue
            seconds, step, world, months = _play_once(scenario, seed, variant)
            games[k].append(seconds)
            steps[k].append(step)
            last[k] = (world, months)
    timings = []
    for k in range(len(variants)):
        played = last[k]
        assert played is not None
        world, months = played
        ending = world.outcome.ending if world.outcome is not None else "(unfinished)"
        timings.append(
            GameTiming(
                _median(games[k]),
                _median(steps[k]),
                months,
                state_hash(world),
                _decisions(world),
                ending,
            )
        )
    return timings


def time_load_build(load: Callable[[], ScenarioFile], seed: int, runs: int) -> Timing:
    """Median time to read and validate the scenario and build its world."""
    return time_calls(lambda: build_world(load(), seed), runs)


def ga_step(world: World, view: type[WorldView], repeats: int) -> Timing:
    """One forecast and the candidate concessions of the first draft, put to the whole GA."""
    template = world.templates[0]
    draft = Draft(template.id, template.title, template.penholder, "ga", template.clauses, 1)
    candidates = [draft.clauses] + [c for _, c in watered_down(draft.clauses)]
    v = view(world)

    def step() -> None:
        v.forecast(draft)
        v.candidate_outcomes(draft, candidates)
        v.own_utility(draft.penholder, candidates)

    return time_calls(step, repeats)


def ga_candidates(world: World) -> int:
    """How many candidate drafts :func:`ga_step` scores."""
    return 1 + len(watered_down(world.templates[0].clauses))


@dataclass(frozen=True)
class BargainingTiming:
    """One bargaining round: array version at n, reference at ``reference_n`` (maybe smaller)."""

    n: int
    array: Timing
    reference_n: int
    reference: Timing
    array_at_reference_n: Timing


def time_bargaining(world: World, repeats: int) -> BargainingTiming:
    """Bargaining over the first issue dimension among all member states of ``world``."""
    table = world.states
    x, c, s = table.ideal[:, 0].copy(), table.capability.copy(), table.salience[:, 0].copy()
    n = x.size
    array = time_calls(lambda: bargaining_round(x, c, s), repeats)

    def reference(m: int) -> Callable[[], object]:
        xs, cs, ss = x[:m].tolist(), c[:m].tolist(), s[:m].tolist()
        return lambda: reference_round(xs, cs, ss)

    probe_n = min(n, 40)
    probe = time_calls(reference(probe_n), 1, warmup=False).seconds
    predicted = probe * (n / probe_n) ** 3
    ref_n = n
    if predicted > REFERENCE_BUDGET_SECONDS:
        ref_n = max(probe_n, int(probe_n * (REFERENCE_BUDGET_SECONDS / probe) ** (1 / 3)))
    ref_runs = 3 if predicted * 3 <= REFERENCE_BUDGET_SECONDS else 1
    ref = time_calls(reference(ref_n), ref_runs, warmup=False)
    if ref_n == n:
        array_small = array
    else:
        xm, cm, sm = x[:ref_n], c[:ref_n], s[:ref_n]
        array_small = time_calls(lambda: bargaining_round(xm, cm, sm), repeats)
    return BargainingTiming(n, array, ref_n, ref, array_small)


def time_cli(path: Path, runs: int) -> Timing:
    """Median wall time of ``mandate run PATH --json`` as a fresh process."""
    command = [sys.executable, "-m", "sim.cli", "run", str(path), "--json"]
    return time_calls(
        lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL),
        runs,
        warmup=False,
    )


def platform_line() -> str:
    """CPU, operating system, Python and numpy versions."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs{load}; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()}; numpy {np.__version__}"
    )


def _ms(t: Timing | float) -> str:
    seconds = t.seconds if isinstance(t, Timing) else t
    return f"{seconds * 1e3:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _ratio(slow: Timing, fast: Timing) -> str:
    return f"{slow.seconds / fast.seconds:,.1f}×"


def _verdict(ok: bool) -> str:
    return "[green]PASS[/green]" if ok else "[red]MISS[/red]"


class Report:
    """The rows of the result table and the notes printed under it."""

    def __init__(self) -> None:
        self.table = Table()
        for column in ("Measure", "Time / ratio", "Runs", "Goal", "Result"):
            self.table.add_column(column, justify="left" if column == "Measure" else "right")
        self.notes: list[str] = []

    def row(
        self, measure: str, value: str, runs: int | str = "", goal: str = "", verdict: str = ""
    ) -> None:
        """One line of the table."""
        self.table.add_row(measure, value, str(runs), goal, verdict)

    def games(
        self,
        label: str,
        load: Callable[[], ScenarioFile],
        seed: int,
        runs: int,
        goals: bool = False,
    ) -> None:
        """Load + build, then the whole game with both views, and the forecasting step."""
        scenario = load()
        setup = time_load_build(load, seed, runs)
        fast, naive = time_games(scenario, seed, (VECTORIZED, NAIVE), runs)
        self.row(f"{label}: load + build (not simulation)", _ms(setup), setup.runs)
        months = f"{fast.months} months, ends '{fast.ending}'"
        game_ok = fast.game.seconds <= GAME_GOAL_SECONDS
        self.row(
            f"{label}: game, vectorized ({months})",
            _ms(fast.game),
            fast.game.runs,
            "≤ 250 ms" if goals else "",
            _verdict(game_ok) if goals else "",
        )
        self.row(f"{label}: game, naive loops", _ms(naive.game), naive.game.runs)
        speedup_ok = naive.game.seconds / fast.game.seconds >= SPEEDUP_GOAL
        self.row(
            f"{label}: game, naive ÷ vectorized",
            _ratio(naive.game, fast.game),
            "",
            "≥ 10×" if goals else "",
            _verdict(speedup_ok) if goals else "",
        )
        share = fast.step.seconds / fast.game.seconds
        self.row(
            f"{label}: forecasting step in the game, vectorized ({share:.0%} of the game)",
            _ms(fast.step),
            fast.step.runs,
        )
        self.row(f"{label}: forecasting step in the game, naive", _ms(naive.step), naive.step.runs)
        self.row(f"{label}: forecasting step, naive ÷ vectorized", _ratio(naive.step, fast.step))
        self.same_game(label, fast, naive)

    def same_game(self, label: str, fast: GameTiming, naive: GameTiming) -> None:
        """Note whether both variants cast the same votes and reached the same ending."""
        if fast.decisions == naive.decisions and fast.ending == naive.ending:
            same_hash = "and state hash" if fast.final_hash == naive.final_hash else "(positions"
            same_hash += "" if fast.final_hash == naive.final_hash else " differ in the last bits)"
            self.notes.append(
                f"{label}: naive and vectorized games cast the same votes {same_hash}."
            )
        else:
            self.notes.append(f"[red]{label}: the naive game decided differently![/red]")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the table; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs per game (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="game seed (default 0)")
    parser.add_argument("--states", type=int, default=193, help="generated states (default 193)")
    parser.add_argument(
        "--repeats", type=int, default=51, help="repeats of the short steps (default 51)"
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the `mandate run` processes")
    args = parser.parse_args(argv)
    runs, seed, n, repeats = max(1, args.runs), args.seed, args.states, max(1, args.repeats)
    console = Console(width=120)
    console.print(f"[bold]Mandate benchmark[/bold] — {platform_line()}")
    report = Report()
    row = report.row

    report.games("tutorial", lambda: load_scenario(TUTORIAL), seed, runs)
    text = generate_scenario_text(n, seed=0)
    report.games(f"{n} states, Council only", lambda: parse_scenario(text), seed, runs)

    world = build_world(parse_scenario(text), seed)
    fast_ga = ga_step(world, WorldView, repeats)
    naive_ga = ga_step(world, NaiveView, max(5, repeats // 5))
    label = f"GA step: forecast + {ga_candidates(world)} candidates, {n} voters"
    row(f"{label}, vectorized", _ms(fast_ga), fast_ga.runs)
    row(f"{label}, naive", _ms(naive_ga), naive_ga.runs)
    row(f"{label}, naive ÷ vectorized", _ratio(naive_ga, fast_ga))

    ga_text = generate_scenario_text(n, seed=0, ga_draft=True)
    ga_runs = max(1, min(runs, 2))  # the naive game takes seconds
    report.games(f"{n} states + a GA draft", lambda: parse_scenario(ga_text), seed, ga_runs, True)

    bargaining = time_bargaining(world, repeats)
    bn, rn = bargaining.n, bargaining.reference_n
    ok = bargaining.array.seconds <= BARGAINING_GOAL_SECONDS
    array = bargaining.array
    row(f"bargaining round, {bn} actors, array", _ms(array), array.runs, "≤ 50 ms", _verdict(ok))
    reference = bargaining.reference
    row(f"bargaining round, {rn} actors, reference loop", _ms(reference), reference.runs)
    small = bargaining.array_at_reference_n
    if rn != bn:
        row(f"bargaining round, {rn} actors, array", _ms(small), small.runs)
        report.notes.append(f"The O(n³) reference bargaining loop was timed at {rn} actors.")
    row(f"bargaining round, {rn} actors, reference ÷ array", _ratio(reference, small))
    dims = len(world.issues)
    consultation = f"one GA consultation round ({dims} dimensions × {bn} actors), array"
    row(consultation, _ms(array.seconds * dims))

    if not args.no_cli:
        cli_runs = min(runs, 3)
        tutorial = time_cli(TUTORIAL, cli_runs)
        row("`mandate run --json` tutorial, whole process", _ms(tutorial), cli_runs)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"generated-{n}.toml"
            path.write_text(text, encoding="utf-8")
            generated = time_cli(path, cli_runs)
        row(f"`mandate run --json` {n} states, whole process", _ms(generated), cli_runs)

    console.print(report.table)
    for note in report.notes:
        console.print(note)
    console.print(
        "Games are played in process as `mandate run` plays them, without printing. Forecasting"
        " step = time inside the view's forecast,"
        " organization_forecast, candidate_outcomes and own_utility. The issue's goals apply to"
        " the 193-state game in which the General Assembly votes too, so that every member"
        " state forecasts and bargains; with the Council alone deciding, most of the 193 states"
        " never act and the game is dominated by code both variants share."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
