"""Saved games for the teacher's tools: load one (with clear errors), or make one by autoplay.

The report, the turning points and the class comparison all start from a save: the scenario,
the seed, the player's seat and the player's commands turn by turn. :func:`load_game` restores
it by replaying (so a save made on another version of the scenario is refused, naming both),
and :func:`autoplay_save` makes a save whose player seat is played by the AI penholder, with
its decisions recorded as the player's — for demonstrations, benchmarks and tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sim.model.advice import advise
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.rewind import branch_lines, line_name, rewind
from sim.model.savefiles import family_path, read_save
from sim.model.saves import SavedGame, SaveError, TurnRecord, capture, restore
from sim.model.session import Session
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.catalogue import by_id
from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.schema import ScenarioFile


@dataclass(frozen=True)
class LoadedGame:
    """A save restored: its scenario (and file), the save itself and the replayed session."""

    path: Path
    scenario_path: Path
    scenario: ScenarioFile
    save: SavedGame
    session: Session
    record: TurnRecord

    @property
    def world(self) -> World:
        return self.session.engine.world


def scenario_file(save: SavedGame) -> Path:
    """The save's scenario file, or the bundled scenario of the same id if that one is gone."""
    path = Path(save.scenario_path)
    if path.is_file():
        return path
    found = by_id(save.scenario_id)  # moved, e.g. by reinstalling the game
    if found is not None:
        return found
    raise SaveError(f"the scenario file of this save, {save.scenario_path}, is gone")


def load_game(path: str | Path) -> LoadedGame:
    """Read and restore a save; raises :class:`SaveError` with a message fit for the player.

    A save of another version of its scenario (its log no longer replays to the saved state
    hash) is refused, naming the scenario file and the hash the save recorded.
    """
    path = Path(path)
    save = read_save(path)
    source = scenario_file(save)
    try:
        scenario = load_scenario(source)
    except ScenarioError as error:
        raise SaveError(f"{path}: its scenario does not load: {error.problems[0]}") from None
    if scenario.id != save.scenario_id:
        raise SaveError(
            f"{path} is a save of {save.scenario_id!r}, but {source} is {scenario.id!r}"
        )
    engine = Engine(build_world(scenario, save.seed))
    try:
        session, record = restore(engine, default_agents(engine), save)
    except SaveError as exc:
        raise SaveError(
            f"{path} was saved on another version of {save.scenario_id} than {source}"
            f" (the save's state hash is {save.state_hash[:12]}…): {exc}"
        ) from None
    return LoadedGame(path, source, scenario, save, session, record)


def with_lines(game: LoadedGame) -> list[LoadedGame]:
    """The save's own line of play and its other lines (the original and branches of a game
    that went back to an earlier month), each restored and labelled ``FILE: LINE`` — so a
    class comparison shows a game's original and its branches side by side. A save without
    branches is returned as it is."""
    if not game.save.lines:
        return [game]
    stem = family_path(game.path, game.save).stem  # "class-a" for class-a.branch-1.json too
    out = [replace(game, save=replace(game.save, label=f"{stem}: {line_name(game.save)}"))]
    for line in game.save.lines:
        engine = Engine(build_world(game.scenario, line.seed))
        try:
            session, record = restore(engine, default_agents(engine), line)
        except SaveError as exc:
            raise SaveError(f"{game.path}: its line {line_name(line)!r}: {exc}") from None
        labelled = replace(line, label=f"{stem}: {line_name(line)}")
        out.append(replace(game, save=labelled, session=session, record=record))
    return out


def class_lines(paths: Sequence[str | Path]) -> list[LoadedGame]:
    """Every line of play of every save, each once: a game's original and branch saved beside
    each other are both found from either file, so naming both files adds nothing twice."""
    out: list[LoadedGame] = []
    seen: set[tuple[Path, str]] = set()
    for path in paths:
        game = load_game(path)
        family = family_path(game.path, game.save).resolve()
        for line in with_lines(game):
            if (family, line.save.line) not in seen:
                seen.add((family, line.save.line))
                out.append(line)
    return out


def autoplay_branch(save: SavedGame, month: int) -> SavedGame:
    """A branch of ``save``: back at ``month`` (:mod:`sim.model.rewind`), then the player's seat
    passing every turn to the end — a second line of play for demonstrations and tests."""
    scenario = load_scenario(scenario_file(save))
    engine = Engine(build_world(scenario, save.seed))
    back = rewind(engine, default_agents(engine), save, month)
    while back.session.awaiting_player:
        back.session.end_turn()
        back.record.ended()
        back.session.run_until_player()
    lines, name = branch_lines(save)
    branch = capture(back.session, back.record, save.scenario_path, save.seed)
    return replace(branch, line=name, branched_at=month, lines=lines)


def autoplay_save(
    scenario_path: str | Path, seed: int, player: str, months: int | None = None
) -> SavedGame:
    """A save of a game whose ``player`` seat was played by the AI penholder to the end (or for
    ``months`` months), its commands recorded as the player's own."""
    scenario = load_scenario(scenario_path)
    engine = Engine(build_world(scenario, seed))
    session = Session(engine, default_agents(engine), player=player)
    record = TurnRecord()
    while not session.finished:
        session.run_until_player()
        if not session.awaiting_player:
            break
        if months is not None and session.turn.month > months:
            break
        # The advisor: the penholder's play, with the seat's own vote before a vote it calls.
        for command in advise(session, player):
            if not session.check(command):
                session.submit(command)
                record.submitted(len(engine.log) - 1)
        session.end_turn()
        record.ended()
    save = capture(session, record, str(scenario_path), seed)
    assert save.state_hash == state_hash(engine.world)
    return save
