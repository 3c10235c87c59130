"""The state hash covers the state: every field is hashed unless the hash module says why not,
and changing any hashed field, however deep, changes the hash."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest

from sim.analysis.calibrate import base_data, variant
from sim.model.caveats import SetCaveats
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.hashing import STATIC, snapshot, state_hash
from sim.model.month import EndMonth
from sim.model.world import World
from sim.scenario.build import build_world

BASE = base_data()


def _world() -> World:
    """A world a few months in, with a mission, sanctions, a draft, a vote and triggers' traces."""
    theatre = {
        **BASE["theatre"],
        "missions": [
            {
                "id": "m",
                "kind": "un",
                "authority": "unsc",
                "contributor": "T01",
                "troops": 2000,
                "expires_month": 24,
            }
        ],
        "sanctions": [{"resolution": "r", "kind": "arms_embargo", "targets": ["rebels"]}],
    }
    engine = Engine(build_world(variant(BASE, theatre=theatre), 3))
    engine.submit(TableDraft("G01", "mission"))
    engine.submit(CallVote("G01", "mission"))
    engine.submit(EndMonth())
    engine.submit(EndMonth())
    # State hashed only once a game uses it (hashing.UNTIL_USED) is used here.
    engine.submit(SetCaveats("T01", "m", ("capital_only",)))
    return engine.world


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, np.ndarray):
        return value + 0.125
    if isinstance(value, tuple):
        return (*value, value[0] if value else "x")
    if isinstance(value, list):
        return [*value, value[0] if value else ["x"]]
    if isinstance(value, set):
        return value | {"x"}
    if isinstance(value, dict):
        return {**value, "x": 1}
    if value is None:
        return "x"
    raise TypeError(f"no way to change {type(value).__name__}")


Setter = Callable[[World], None]


def _leaves(world: World) -> Iterator[tuple[str, Setter]]:
    """(path, a function that changes that field in a world) for every hashed field."""

    def inside(path: str, get: Callable[[World], Any]) -> Iterator[tuple[str, Setter]]:
        obj = get(world)
        for f in dataclasses.fields(obj):

            def change(w: World, name: str = f.name, get: Callable[[World], Any] = get) -> None:
                target = get(w)
                setattr(target, name, _changed(getattr(target, name)))

            yield f"{path}.{f.name}", change

    for f in dataclasses.fields(world):
        if f.name in STATIC:
            continue
        value = getattr(world, f.name)
        if f.name == "coefficients":
            for c in dataclasses.fields(value):

                def bump(w: World, name: str = c.name) -> None:
                    new = _changed(getattr(w.coefficients, name))
                    w.coefficients = dataclasses.replace(w.coefficients, **{name: new})

                yield f"coefficients.{c.name}", bump
        elif f.name in ("theatre", "states", "peace"):
            yield from inside(f.name, lambda w, n=f.name: getattr(w, n))
        elif f.name in ("missions", "sanctions"):
            for i in range(len(value)):
                yield from inside(f"{f.name}[{i}]", lambda w, n=f.name, i=i: getattr(w, n)[i])
            for i, mission in enumerate(world.missions if f.name == "missions" else []):
                for j in range(len(mission.contingents)):
                    yield from inside(
                        f"missions[{i}].contingents[{j}]",
                        lambda w, i=i, j=j: w.missions[i].contingents[j],
                    )
        else:

            def set_field(w: World, name: str = f.name) -> None:
                setattr(w, name, _changed(getattr(w, name)))

            yield f.name, set_field


WORLD = _world()
LEAVES = dict(_leaves(WORLD))


def test_every_world_field_is_hashed_or_said_to_be_static() -> None:
    names = {f.name for f in dataclasses.fields(World)}
    assert set(STATIC) <= names, set(STATIC) - names
    assert names - set(STATIC) <= set(snapshot(WORLD))


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_changing_any_hashed_field_changes_the_hash(path: str) -> None:
    world = copy.deepcopy(WORLD)
    before = state_hash(world)
    assert before == state_hash(WORLD)
    LEAVES[path](world)
    assert state_hash(world) != before, path


def test_the_coverage_reaches_what_the_old_hash_left_out() -> None:
    for path in (
        "states.relations",
        "coefficients.fatality_rate",
        "theatre.months_in_phase",
        "missions[0].authorized",
        "sanctions[0].yes_votes",
    ):
        assert path in LEAVES
