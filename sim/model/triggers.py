"""Scenario triggers: documented conditions and effects, named in data, never code.

A trigger fires at the end of a month when its condition holds (once, unless ``once = false``);
with ``chance`` below 1 it is a stochastic event that fires in a month where its condition holds
with that probability, drawn from the world's ``events`` stream.
Conditions and effects are registries: a scenario names one and fills its fields; the loader
rejects unknown names and references to missing actors, dimensions, metrics or drafts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sim.model import metrics
from sim.model.coefficients import coefficient_info
from sim.model.events import Event
from sim.model.forces import withdraw_mission
from sim.model.world import Effect, Trigger, World


@dataclass(frozen=True)
class TriggerCondition:
    """A condition kind: its meaning, the fields it reads, and its test."""

    name: str
    meaning: str
    fields: tuple[str, ...]
    test: Callable[[World, Trigger], bool]


def _vote_on(world: World, draft: str) -> list[bool]:
    return [v.tally.passed for v in world.votes if v.draft == draft]


def _vetoed(world: World, draft: str) -> bool:
    return any(v.tally.vetoed_by for v in world.votes if v.draft == draft)


CONDITIONS: dict[str, TriggerCondition] = {
    c.name: c
    for c in (
        TriggerCondition(
            "month_reached",
            "the month `month` has been played",
            ("month",),
            lambda w, t: w.month >= t.month,
        ),
        TriggerCondition(
            "metric_above",
            "the latest value of `metric` is above `threshold`",
            ("metric", "threshold"),
            lambda w, t: metrics.latest(w, t.metric) > t.threshold,
        ),
        TriggerCondition(
            "metric_below",
            "the latest value of `metric` is below `threshold`",
            ("metric", "threshold"),
            lambda w, t: metrics.latest(w, t.metric) < t.threshold,
        ),
        TriggerCondition(
            "total_above",
            "the sum of `metric` so far is above `threshold`",
            ("metric", "threshold"),
            lambda w, t: metrics.total(w, t.metric) > t.threshold,
        ),
        TriggerCondition(
            "draft_adopted",
            "the draft `draft` has been adopted",
            ("draft",),
            lambda w, t: any(_vote_on(w, t.draft)),
        ),
        TriggerCondition(
            "draft_failed",
            "the draft `draft` was put to the vote and failed",
            ("draft",),
            lambda w, t: bool(_vote_on(w, t.draft)) and not any(_vote_on(w, t.draft)),
        ),
        TriggerCondition(
            "draft_vetoed",
            "a vote on the draft `draft` was vetoed",
            ("draft",),
            lambda w, t: _vetoed(w, t.draft),
        ),
        TriggerCondition(
            "phase_is",
            "the theatre is in `phase` (war, ceasefire or peace)",
            ("phase",),
            lambda w, t: w.theatre.phase == t.phase,
        ),
        TriggerCondition(
            "consent_withdrawn",
            "the host government has withdrawn its consent",
            (),
            lambda w, t: not w.theatre.host_consent,
        ),
    )
}


@dataclass(frozen=True)
class EffectKind:
    """An effect kind: its meaning, the fields it needs, and what it does."""

    name: str
    meaning: str
    fields: tuple[str, ...]
    apply: Callable[[World, Effect], list[Event]]


def _news(world: World, text: str) -> list[Event]:
    return [Event(world.month, "trigger", text)] if text else []


def _shift(world: World, effect: Effect, table: str) -> list[Event]:
    states = world.states
    row, col = states.index[effect.actor], world.issues.index[effect.dimension]
    values = states.ideal if table == "ideal" else states.salience
    values[row, col] = min(1.0, max(0.0, values[row, col] + effect.value))
    return []


def _relation(world: World, effect: Effect) -> list[Event]:
    states = world.states
    states.relations[states.index[effect.actor], states.index[effect.other]] = effect.value
    return []


def _coefficient(world: World, effect: Effect) -> list[Event]:
    current = getattr(world.coefficients, effect.name)
    info = next(i for i in coefficient_info() if i.name == effect.name)
    # The loader refuses values outside the bounds; clamping keeps a hand-built world safe too.
    bounded = min(max(effect.value, info.minimum), info.maximum)
    value: Any = int(bounded) if isinstance(current, int) else bounded
    world.coefficients = replace(world.coefficients, **{effect.name: value})
    return []


def _crisis(world: World, effect: Effect) -> list[Event]:
    theatre = world.theatre
    theatre.intensity = min(1.0, max(0.0, theatre.intensity + effect.value))
    if effect.value > 0 and theatre.phase != "war":
        theatre.phase, theatre.months_in_phase = "war", 0
    return _news(world, effect.text)


def _precedent(world: World, effect: Effect) -> list[Event]:
    """Move how stretched past mandates look (0–1): raises resistance to Chapter VII texts."""
    world.precedent = min(1.0, max(0.0, world.precedent + effect.value))
    return _news(world, effect.text)


def _replace_member(world: World, effect: Effect) -> list[Event]:
    """A new member takes a seat (say, the Council's elected members of a new year)."""
    body = world.bodies[effect.body]
    if effect.actor not in body.members or effect.other in body.members:
        return []
    members = tuple(effect.other if m == effect.actor else m for m in body.members)
    veto = frozenset(effect.other if m == effect.actor else m for m in body.veto)
    world.bodies[body.id] = replace(body, members=members, veto=veto)
    text = effect.text or f"{effect.other} takes the seat of {effect.actor} in the {body.name}."
    return _news(world, text)


def _set_phase(world: World, effect: Effect) -> list[Event]:
    """The theatre's phase becomes ``effect.phase`` (a ceasefire declared, say)."""
    theatre = world.theatre
    if theatre.phase != effect.phase:
        theatre.phase, theatre.months_in_phase = effect.phase, 0
    return _news(world, effect.text) if effect.text else []


def withdraw_consent(world: World, text: str) -> list[Event]:
    """The host government withdraws consent: every mission but regional ones begins to leave."""
    world.theatre.host_consent = False
    events = _news(world, text)
    for mission in world.active_missions():
        if mission.kind != "regional" and not mission.withdrawing:
            events.append(withdraw_mission(world, mission, "the host withdrew its consent"))
    return events


EFFECTS: dict[str, EffectKind] = {
    e.name: e
    for e in (
        EffectKind("event", "report `text` in the news", ("text",), lambda w, e: _news(w, e.text)),
        EffectKind(
            "shift_position",
            "move `actor`'s ideal on `dimension` by `value`",
            ("actor", "dimension", "value"),
            lambda w, e: _shift(w, e, "ideal"),
        ),
        EffectKind(
            "shift_salience",
            "change how much `dimension` matters to `actor` by `value`",
            ("actor", "dimension", "value"),
            lambda w, e: _shift(w, e, "salience"),
        ),
        EffectKind(
            "set_relation",
            "set how `actor` regards `other` to `value` (-1 .. 1)",
            ("actor", "other", "value"),
            _relation,
        ),
        EffectKind(
            "set_coefficient",
            "set the model coefficient `name` to `value`",
            ("name", "value"),
            _coefficient,
        ),
        EffectKind(
            "crisis",
            "raise (or lower) intensity by `value`, with `text` in the news",
            ("value",),
            _crisis,
        ),
        EffectKind(
            "shift_precedent",
            "raise (or lower) how stretched past mandates look by `value` (0-1): members that"
            " weigh non-interference resist Chapter VII texts more; `text` in the news",
            ("value",),
            _precedent,
        ),
        EffectKind(
            "set_phase",
            "the theatre's phase becomes `phase` (war, ceasefire or peace)",
            ("phase",),
            _set_phase,
        ),
        EffectKind(
            "replace_member",
            "in voting body `body`, `other` takes the seat of `actor`",
            ("body", "actor", "other"),
            _replace_member,
        ),
        EffectKind(
            "withdraw_consent",
            "the host government withdraws consent; missions leave",
            (),
            lambda w, e: withdraw_consent(
                w, e.text or "The host government withdraws its consent to the mission."
            ),
        ),
    )
}


def fire(world: World) -> list[Event]:
    """Apply every trigger whose condition holds now (each ``once`` trigger only once)."""
    events: list[Event] = []
    rng = world.streams.get("events")
    for trigger in world.triggers:
        # One draw per trigger per month, used or not, keeps the stream aligned across runs.
        draw = float(rng.random())
        if trigger.once and trigger.id in world.fired:
            continue
        if not CONDITIONS[trigger.when].test(world, trigger) or draw >= trigger.chance:
            continue
        world.fired.add(trigger.id)
        for effect in trigger.effects:
            events += EFFECTS[effect.kind].apply(world, effect)
    return events
