"""Contracts every entry of every registry meets (issue 13), as the Axelrod library holds every
strategy to one set of tests: each voting rule, trigger condition and effect, objective kind,
ending condition, numeric clause, command and agent profile is explained, deterministic, and
known to the file format (``scenarios/schema.json``) and the designer's guide
(``scenarios/README.md``) wherever a scenario can name it."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from sim.model import endings, objectives, triggers
from sim.model.coefficients import coefficient_info
from sim.model.commands import COMMAND_TYPES
from sim.model.drafts import CLAUSE_NUMBERS, Clauses
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents, play_game
from sim.model.profiles import AGENT_PROFILES
from sim.model.replay import command_from_json
from sim.model.view import WorldView
from sim.model.voting import VOTING_RULES, make_body
from sim.model.world import Effect, Trigger, World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.scenario.schema import DraftSpec

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "scenarios" / "schema.json").read_text(encoding="utf-8"))
GUIDE = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
# The tutorial has every seat but a mediator; Rwanda 1994 has settlement positions too.
SCENARIOS = ("tutorial", "rwanda_1994")


def _enum(model: str, field: str) -> list[str]:
    return list(SCHEMA["$defs"][model]["properties"][field]["enum"])


def _world(name: str = "tutorial", months: int = 2) -> World:
    """A world a few months into a game, so drafts, votes and missions exist."""
    engine = Engine(build_world(load_scenario(ROOT / "scenarios" / f"{name}.toml"), 7))
    play_game(engine, default_agents(engine), months=months)
    return engine.world


@pytest.fixture(scope="module")
def played() -> World:
    return _world()


# Voting rules --------------------------------------------------------------------------------

MEMBERS = tuple(f"M{i:02d}" for i in range(15))


@pytest.mark.parametrize("name", VOTING_RULES.names())
def test_each_voting_rule_is_explained_and_named_by_the_format(name: str) -> None:
    rule = VOTING_RULES[name]
    assert rule.name == name and len(rule.meaning) > 20
    assert name in _enum("BodySpec", "rule")
    assert f"| `{name}` | {rule.meaning}" in GUIDE


@pytest.mark.parametrize("name", VOTING_RULES.names())
def test_each_voting_rule_builds_the_same_body_and_tally_every_time(name: str) -> None:
    kwargs: dict[str, Any] = dict(
        weights=[1 + i % 3 for i in range(15)], quota=12, veto=MEMBERS[:5], fraction=2 / 3
    )
    first = make_body("b", "B", name, MEMBERS, **kwargs)
    again = make_body("b", "B", name, MEMBERS, **kwargs)
    assert first == again and first.rule == name
    choices = {m: ("yes", "no", "abstain")[i % 3] for i, m in enumerate(MEMBERS)}
    assert first.tally(choices) == again.tally(choices)  # type: ignore[arg-type]
    everyone = first.tally({m: "yes" for m in MEMBERS})
    assert everyone.passed, f"{name}: a unanimous yes must pass"


def test_an_unknown_rule_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="expected one of unsc, weighted"):
        make_body("b", "B", "plurality", MEMBERS)


# Trigger conditions and effects, objective kinds, ending conditions ---------------------------


@pytest.mark.parametrize("name", list(triggers.CONDITIONS))
def test_each_trigger_condition_is_explained_named_and_only_reads(name: str, played: World) -> None:
    condition = triggers.CONDITIONS[name]
    assert condition.name == name and condition.meaning
    assert name in _enum("TriggerSpec", "when") and f"`{name}`" in GUIDE
    draft = played.votes[0].draft if played.votes else "none"
    trigger = Trigger(
        "t", name, (), metric="intensity", threshold=0.5, month=1, draft=draft, phase="war"
    )
    before = state_hash(played)
    answers = {condition.test(played, trigger) for _ in range(3)}
    assert len(answers) == 1 and state_hash(played) == before


def _effect(kind: str, world: World) -> Effect:
    """An effect of ``kind`` with every field a scenario might fill, valid in ``world``."""
    council = world.bodies[world.council]
    outsider = next(s for s in sorted(world.states.index) if s not in council.members)
    coefficient = coefficient_info()[0]
    return Effect(
        kind,
        actor=council.members[-1],
        other=outsider,
        dimension=world.issues.ids[0],
        name=coefficient.name,
        value=0.1,
        text="News.",
        body=council.id,
        phase="ceasefire",
    )


@pytest.mark.parametrize("name", list(triggers.EFFECTS))
def test_each_trigger_effect_is_explained_named_and_deterministic(name: str) -> None:
    effect = triggers.EFFECTS[name]
    assert effect.name == name and effect.meaning
    assert name in _enum("EffectSpec", "kind") and f"`{name}`" in GUIDE
    worlds = [_world(months=1), _world(months=1)]
    results = []
    for world in worlds:
        events = effect.apply(world, _effect(name, world))
        results.append(([e.text for e in events], state_hash(world)))
    assert results[0] == results[1]


@pytest.mark.parametrize("name", list(objectives.KINDS))
def test_each_objective_kind_is_explained_and_named(name: str) -> None:
    kind = objectives.KINDS[name]
    assert kind.name == name and kind.meaning
    assert name in _enum("ObjectiveSpec", "kind") and f"`{name}`" in GUIDE


@pytest.mark.parametrize("name", list(endings.CONDITIONS))
def test_each_ending_condition_is_explained_named_and_only_reads(name: str, played: World) -> None:
    condition = endings.CONDITIONS[name]
    assert condition.name == name and condition.meaning
    assert name in _enum("EndingSpec", "when") and f"`{name}`" in GUIDE
    for ending in played.endings:
        probe = dataclasses.replace(ending, condition=name)
        before = state_hash(played)
        assert condition.test(played, probe) == condition.test(played, probe)
        assert state_hash(played) == before


# Numeric clauses ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CLAUSE_NUMBERS.names())
def test_each_numeric_clause_is_one_field_everywhere(name: str) -> None:
    number = CLAUSE_NUMBERS[name]
    assert number.label and number.meaning and 0 < number.step <= number.maximum
    default = next(f.default for f in dataclasses.fields(Clauses) if f.name == name)
    assert number.minimum <= default <= number.maximum  # type: ignore[operator]
    schema = SCHEMA["$defs"]["DraftSpec"]["properties"][name]
    assert (schema["minimum"], schema["maximum"]) == (number.minimum, number.maximum)
    assert schema["description"] == number.meaning
    assert DraftSpec.model_fields[name].description == number.meaning
    assert f"| `{name}` |" in GUIDE and f"| `{number.feature}` |" in GUIDE
    clauses = Clauses().changed(**{name: number.maximum})
    assert clauses.features()[number.feature] == number.maximum / number.per_unit


# Commands -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", COMMAND_TYPES.names())
def test_each_command_is_explained_and_checks_before_it_applies(kind: str) -> None:
    cls = COMMAND_TYPES[kind]
    assert cls.kind == kind
    assert inspect.getdoc(cls) and not inspect.getdoc(cls).startswith(cls.__name__ + "(")
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    for method in ("check", "apply", "to_json"):
        assert callable(getattr(cls, method, None)), f"{kind} has no {method}"


def test_every_logged_command_reads_back_as_itself() -> None:
    engine = Engine(build_world(load_scenario(ROOT / "scenarios" / "rwanda_1994.toml"), 7))
    play_game(engine, default_agents(engine), months=3)
    assert engine.log
    for command in engine.log:
        assert command_from_json(json.loads(json.dumps(command.to_json()))) == command


# Agent profiles -------------------------------------------------------------------------------


def _seated(profile: str) -> tuple[str, bool]:
    """A scenario and mode in which ``profile`` has a seat."""
    for name in SCENARIOS:
        for historical in (False, True):
            world = build_world(load_scenario(ROOT / "scenarios" / f"{name}.toml"), 7)
            if AGENT_PROFILES[profile].seat(world, historical):
                return name, historical
    raise AssertionError(f"no bundled scenario seats {profile}")


@pytest.mark.parametrize("name", AGENT_PROFILES.names())
def test_each_agent_profile_is_explained(name: str) -> None:
    profile = AGENT_PROFILES[name]
    doc = inspect.getdoc(profile.behaviour) or ""
    assert profile.meaning and len(doc) > 40, f"{name}: say what it assumes and why"


@pytest.mark.parametrize("name", AGENT_PROFILES.names())
def test_each_agent_profile_decides_the_same_from_the_same_view(name: str) -> None:
    scenario, historical = _seated(name)
    engine = Engine(build_world(load_scenario(ROOT / "scenarios" / f"{scenario}.toml"), 7))
    play_game(engine, default_agents(engine, historical), months=1)
    twin = copy.deepcopy(engine.world)
    plans = []
    for world in (engine.world, twin):
        view = WorldView(world)
        agents = AGENT_PROFILES[name].seat(world, historical)
        plans.append(
            [
                [c.to_json() for c in step(view)]
                for agent in agents
                for step in (agent.open_month, agent.consult, agent.close_month)
            ]
        )
    assert plans[0] == plans[1]
    assert state_hash(engine.world) == state_hash(twin), "deciding must not change the world"


def test_default_agents_seat_every_profile_in_registry_order() -> None:
    engine = Engine(build_world(load_scenario(ROOT / "scenarios" / "rwanda_1994.toml"), 7))
    agents = default_agents(engine)
    order = [type(a) for a in agents]
    behaviours = [p.behaviour for p in AGENT_PROFILES.values()]
    ranks = [behaviours.index(t) for t in order]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("clause", list(CLAUSE_NUMBERS.names()))
def test_every_numeric_clause_reaches_the_built_draft(clause: str) -> None:
    """A scenario's value for every row of the clause table reaches the draft the game builds
    (a row added to the table needs no edit of the builder)."""
    from sim.scenario.build import draft_clauses
    from sim.scenario.loader import load_scenario

    scenario = load_scenario(Path(__file__).resolve().parents[1] / "scenarios" / "tutorial.toml")
    spec = scenario.drafts[0]
    row = CLAUSE_NUMBERS[clause]
    value = min(row.maximum, max(row.minimum, getattr(spec, clause) + row.step))
    assert value != getattr(spec, clause)
    changed = spec.model_copy(update={clause: value})
    assert getattr(draft_clauses(changed), clause) == value
