"""What ``mandate run`` prints: the month-by-month narrative and the JSON result document.

The JSON document is a contract other tools read (documented in README.md): ``scenario``,
``seed``, ``months_played``, ``outcome``, ``state_hash``, ``votes``, ``events`` and ``metrics``.
Both forms are pure functions of the world, so the same scenario and seed print the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sim.analysis.peace_report import peace_json, peace_lines
from sim.model import endings, objectives
from sim.model.events import Event
from sim.model.explain import POINTS_PER_UNIT
from sim.model.metrics import METRICS
from sim.model.names import party_labels, record_names, working_names
from sim.model.words import (
    body_words,
    ids_pattern,
    named_already,
    renewal_words,
    resolution_name,
    without_repeats,
)
from sim.model.world import VoteRecord, World

QUIET_EVENTS = frozenset({"consultations"})


def vote_json(vote: VoteRecord) -> dict[str, Any]:
    """One vote as an entry of the ``votes`` list."""
    return {
        "month": vote.month,
        "body": vote.body,
        "draft": vote.draft,
        "version": vote.version,
        "clauses": vote.clauses.to_json(),
        "yes": list(vote.tally.yes),
        "no": list(vote.tally.no),
        "abstain": list(vote.tally.abstain),
        "passed": vote.tally.passed,
        "vetoed_by": list(vote.tally.vetoed_by),
        "stances": {actor: stance.to_json() for actor, stance in vote.stances.items()},
    }


def result_json(world: World, seed: int, state_hash: str, months_played: int) -> dict[str, Any]:
    """The whole game as the ``mandate run --json`` document."""
    outcome = world.outcome
    return {
        "scenario": world.scenario_id,
        "seed": seed,
        "months_played": months_played,
        "outcome": {
            "ending": outcome.ending if outcome else None,
            "name": outcome.name if outcome else "Unfinished",
            "month": outcome.month if outcome else None,
            "reason": outcome.reason if outcome else "the game was stopped before an ending",
            "score": endings.score(world),
        },
        "state_hash": state_hash,
        "votes": [vote_json(v) for v in world.votes],
        "events": [e.to_json() for e in world.events],
        "objectives": objectives.report(world, final=world.finished),
        "metrics": {name: list(world.metrics.get(name, [])) for name in METRICS},
        "peace": peace_json(world),
    }


#: Printed under the story's first vote table: what its figures mean.
VOTE_LEGEND = (
    "    (Each line: the member, its vote, its score for the draft in utility units — yes above"
    " its own threshold, no below another, abstain between — and in brackets the two factors"
    " that weighed most: force +0.225 means where the draft stands on the use of force moved"
    " it 0.225 toward yes; relation, regional and side_payment are its regard for the"
    " penholder, regional endorsements and side deals.)"
)


class Introductions:
    """Names each state, draft and mission in full the first time the story mentions it
    ("Calderon (CAL)", "'Protection of civilians in Kalvaria' (kalvaria-1)", "the Continental
    Union force (cu-force-2)") and by its id after that; a draft by what it does until the story
    tells its adoption ("'UNAMIR reduced to 270' (res-912)"), a numbered resolution by its
    number from then on ("Resolution 912"); a party's id, where the model kept one, as its name
    ("the government") every time. The story is told after the game, from its last state: the
    names follow the story's order, not that state."""

    def __init__(self, world: World) -> None:
        self.world = world  # read only
        self.seen: set[str] = set()
        self.known: tuple[int, ...] = ()
        self.once: dict[str, str] = {}
        self.always: dict[str, str] = {}
        self.parties = {p.id for p in world.theatre.parties}
        self.pattern: re.Pattern[str] | None = None
        #: Numbered resolutions: id -> (number, adoption's words); numbered once told adopted.
        self.numbered: dict[str, tuple[str, str]] = {}
        self.adopted: set[str] = set()

    def _learn(self) -> None:
        """The names of the drafts and missions there are now (more come during the game)."""
        world = self.world
        known = (len(world.drafts), len(world.missions), len(world.resolutions), len(world.votes))
        if known == self.known:
            return
        self.known = known
        states = {a: f"{world.states.name(a)} ({a})" for a in world.states.ids}
        self.once = {a: named for a, named in states.items() if named != f"{a} ({a})"}
        self.always = party_labels(world)
        working = working_names(world)
        titles = {r.draft: r.title for r in world.resolutions}
        for some_id, name in record_names(world).items():
            if resolution_name(some_id) == name:
                adopts = f"adopts '{renewal_words(titles[some_id])}'"
                self.numbered[some_id] = (name, adopts)
                name = working.get(some_id, name)
            elif name.startswith("'") and some_id in working:
                name = working[some_id]  # before its vote, as the news of its circulation says
            self.once[some_id] = f"{name} ({some_id})"
        self.pattern = ids_pattern({**self.once, **self.always})

    def __call__(self, line: str) -> str:
        """``line`` with what it mentions for the first time named in full (a draft whose
        title the line quotes gets its id beside the title: "circulates 'Title' (kalvaria-1)")."""
        self._learn()
        for some_id, (_, adopts) in self.numbered.items():
            if adopts in line:
                self.adopted.add(some_id)
        for some_id, named in self.once.items():
            title = named.removesuffix(f" ({some_id})")
            if some_id not in self.seen and title.startswith("'") and title in line:
                self.seen.add(some_id)
                line = line.replace(title, named, 1)
        if self.pattern is None:
            return line

        def name(found: re.Match[str]) -> str:
            some_id = found.group(1)
            if some_id in self.adopted:
                return self.numbered[some_id][0]
            if some_id in self.always:
                if some_id in self.parties and named_already(line, found.start()):
                    return some_id
                return self.always[some_id]
            if some_id in self.seen:
                return some_id
            self.seen.add(some_id)
            return self.once[some_id]

        return self.pattern.sub(name, line)


def _units(points: int) -> str:
    return f"{points / POINTS_PER_UNIT:+.3f}"


def vote_lines(world: World, vote: VoteRecord) -> list[str]:
    """A vote's table: each member's choice and the two factors that weighed most."""
    body = world.bodies[vote.body]
    verdict = "ADOPTED" if vote.tally.passed else "FAILED"
    if vote.tally.vetoed_by:
        verdict += f" (veto: {', '.join(vote.tally.vetoed_by)})"
    where = body_words(body.name)
    lines = [f"  Vote in the {where} on {vote.draft}: {vote.tally.counts()} {verdict}"]
    for actor in sorted(vote.choices):
        stance = vote.stances[actor]
        top = sorted(stance.factors, key=lambda f: (-abs(f.points), f.name))[:2]
        why = ", ".join(
            f"{f.name.removeprefix('policy:')} {_units(f.points)}" for f in top if f.points
        )
        lines.append(f"    {actor:<4} {stance.choice:<8} {_units(stance.total)}  ({why})")
    return lines


def explain_lines(vote: VoteRecord, actor: str) -> list[str]:
    """Every factor behind one actor's vote, summed against its thresholds."""
    stance = vote.stances[actor]
    lines = [f"  Why {actor} voted {stance.choice} on {vote.draft} (month {vote.month}):"]
    for factor in stance.factors:
        lines.append(f"    {factor.name:<28} {_units(factor.points)}")
    lines.append(f"    {'= total':<28} {_units(stance.total)}")
    lines.append(
        f"    yes above {_units(stance.yes_above)}; no below {_units(stance.no_below)};"
        " abstain in between"
    )
    return lines


def month_lines(
    world: World,
    month: int,
    explain: str | None = None,
    more: Callable[[VoteRecord], list[str]] | None = None,
    introduce: Callable[[str], str] = str,
) -> list[str]:
    """The narrative of one month: events in order, with vote tables where votes were held.

    With ``explain``, every factor behind that member's votes, followed by ``more(vote)``;
    ``introduce`` rewrites each event's text (:class:`Introductions` names states once)."""
    lines = [f"Month {month}"]
    votes = [v for v in world.votes if v.month == month]
    events: list[Event] = without_repeats(e for e in world.events if e.month == month)
    for event in events:
        if event.kind in QUIET_EVENTS:
            continue
        lines.append(f"  {introduce(event.text)}")
        if event.kind in ("resolution_adopted", "draft_vetoed", "draft_failed") and votes:
            vote = votes.pop(0)
            lines += vote_lines(world, vote)
            if explain is not None and explain in vote.choices:
                lines += explain_lines(vote, explain)
                lines += more(vote) if more is not None else []
    return lines + peace_lines(world, month, explain)


def outcome_lines(world: World, state_hash: str) -> list[str]:
    """The closing summary."""
    outcome = world.outcome
    if outcome is None:
        head = f"Stopped after month {world.month - 1}: no ending reached yet."
    else:
        head = f"Outcome: {outcome.name} (month {outcome.month}). {outcome.reason}"
    lines = [head]
    for row in objectives.report(world, final=world.finished):
        lines.append(f"  Objective '{row['name']}': {row['status']} — {row['reason']}")
    return lines + [f"Score: {endings.score_words(world)}.", f"State hash: {state_hash}"]
