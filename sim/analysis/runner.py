"""One runner for many games: (scenario variant, seed) jobs on local processes or a dask cluster.

Experiments, audits and turning points all need the same thing: play a scenario (or a patched
copy of it) with AI in every seat over many seeds and keep a small summary of each game. A game
is a pure function of its scenario and seed, so the summaries do not depend on where the games
ran: in this process, in ``K`` local worker processes, or on a dask.distributed cluster (the
optional ``cluster`` extra). Seeds are shared between variants — common random numbers — so a
difference between two variants is measured on the same draws of chance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from sim.model import endings, objectives
from sim.model.agents import HistoricalPenholder
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import Agent, default_agents, play_game
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


@dataclass(frozen=True)
class GameSummary:
    """What an experiment keeps of one game."""

    seed: int
    ending: str | None
    months_played: int
    resolutions_adopted: int
    vetoes_cast: int
    civilian_deaths: float
    battle_deaths: float
    objectives_met: tuple[str, ...]
    state_hash: str


LINES = ("ai", "as_written", "passive")
"""Lines of play for one seat: the bargaining AI; tabling each prepared draft as written in its
month and calling the vote at once; doing nothing at all."""


@dataclass(frozen=True)
class PlaySettings:
    """How each game is played: AI penholders that bargain, or drafts tabled as written
    (``historical``); and optionally one seat (``seat``) held to a fixed line of play."""

    historical: bool = False
    months: int | None = None
    seat: str | None = None
    line: str = "ai"


@dataclass(frozen=True)
class Arm:
    """One arm of an experiment: a name, the scenario (as patched) and how it is played."""

    name: str
    scenario: ScenarioFile
    overlay: str | None = None
    settings: PlaySettings = PlaySettings()


def agents_for(engine: Engine, settings: PlaySettings) -> list[Agent]:
    """The AI seats of a game played with ``settings``."""
    agents = default_agents(engine, historical=settings.historical)
    if settings.seat is None or settings.line == "ai":
        return agents
    kept = [a for a in agents if a.actor != settings.seat]
    if settings.line == "as_written" and len(kept) < len(agents):
        at = next(i for i, a in enumerate(agents) if a.actor == settings.seat)
        kept.insert(at, HistoricalPenholder(settings.seat))
    return kept


def play_one(scenario: ScenarioFile, seed: int, settings: PlaySettings) -> GameSummary:
    """Play one game with AI in every seat and summarize it."""
    engine = Engine(build_world(scenario, seed))
    played = play_game(engine, agents_for(engine, settings), months=settings.months)
    world = engine.world
    score = endings.score(world)
    report = objectives.report(world, final=world.finished)
    met = tuple(row["id"] for row in report if row["status"] == "met")
    return GameSummary(
        seed=seed,
        ending=world.outcome.ending if world.outcome else None,
        months_played=played,
        resolutions_adopted=int(score["resolutions_adopted"]),
        vetoes_cast=int(score["vetoes_cast"]),
        civilian_deaths=float(score["civilian_deaths"]),
        battle_deaths=float(score["battle_deaths"]),
        objectives_met=met,
        state_hash=state_hash(world),
    )


def play_chunk(
    scenario: ScenarioFile, seeds: Sequence[int], settings: PlaySettings
) -> list[GameSummary]:
    """Play one game per seed (the unit of work sent to a worker)."""
    return [play_one(scenario, seed, settings) for seed in seeds]


def _chunks(seeds: Sequence[int], workers: int) -> list[list[int]]:
    """Split the seeds so each worker gets many pieces of at most 20 games: the workers then
    finish close together (the last piece is short), while a piece still outweighs its cost
    of sending."""
    size = max(1, min(20, math.ceil(len(seeds) / (4 * max(1, workers)))))
    return [list(seeds[i : i + size]) for i in range(0, len(seeds), size)]


_WORKER_ARMS: Sequence[Arm] = ()
"""The arms of the experiment, sent once to each local worker process when it starts."""


def _start_worker(arms: Sequence[Arm]) -> None:
    global _WORKER_ARMS
    _WORKER_ARMS = arms


def _play_arm_chunk(arm: int, seeds: Sequence[int]) -> list[GameSummary]:
    """In a local worker: play one piece of an arm (its scenario was sent when it started)."""
    return play_chunk(_WORKER_ARMS[arm].scenario, seeds, _WORKER_ARMS[arm].settings)


Progress = Callable[[int], None]
"""Called with the number of games just finished."""


def run_games(
    arms: Sequence[Arm],
    seeds: Sequence[int],
    *,
    workers: int = 1,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> list[list[GameSummary]]:
    """Play every arm over every seed; returns, per arm, the summaries in seed order.

    ``workers`` local processes play the games (1: in this process). ``scheduler`` — a dask
    ``Client`` or a scheduler address such as ``tcp://10.0.0.5:8786`` — sends them to a
    dask.distributed cluster instead. The results are the same wherever the games ran.
    """
    jobs = [(a, chunk) for a in range(len(arms)) for chunk in _chunks(seeds, workers)]
    results: dict[tuple[int, int], GameSummary] = {}

    def collect(arm: int, summaries: list[GameSummary]) -> None:
        for s in summaries:
            results[(arm, s.seed)] = s
        if progress is not None:
            progress(len(summaries))

    if scheduler is not None:
        _run_on_dask(arms, jobs, scheduler, collect)
    elif workers <= 1:
        for arm, chunk in jobs:
            collect(arm, play_chunk(arms[arm].scenario, chunk, arms[arm].settings))
    else:
        # Each scenario is sent to a worker once, when it starts, not with every piece.
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(tuple(arms),)
        ) as pool:
            futures = {pool.submit(_play_arm_chunk, arm, chunk): arm for arm, chunk in jobs}
            for future in as_completed(futures):
                collect(futures[future], future.result())
    return [[results[(a, seed)] for seed in seeds] for a in range(len(arms))]


class ClusterUnavailable(RuntimeError):
    """dask.distributed is not installed, or its scheduler cannot be reached."""


def _run_on_dask(
    arms: Sequence[Arm],
    jobs: list[tuple[int, list[int]]],
    scheduler: Any,
    collect: Callable[[int, list[GameSummary]], None],
) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterUnavailable(
            'dask.distributed is not installed: pip install -e ".[cluster]"'
        ) from None
    own = isinstance(scheduler, str)
    try:
        client = Client(scheduler, timeout="10s") if own else scheduler
    except OSError as exc:
        raise ClusterUnavailable(f"cannot reach the dask scheduler at {scheduler}: {exc}") from None
    try:
        scenarios = [client.scatter(arm.scenario, broadcast=True) for arm in arms]
        futures = {
            client.submit(play_chunk, scenarios[arm], chunk, arms[arm].settings, pure=False): arm
            for arm, chunk in jobs
        }
        for future in as_completed(list(futures)):
            collect(futures[future], future.result())
    finally:
        if own:
            client.close()
