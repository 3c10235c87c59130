"""Pacing: "skip to the next decision", and the month's news with what matters first.

Most months ask nothing of the player: pledges trickle in, the Secretary-General reports. Skipping
ends the player's turns one after another until something needs them — a draft ready to table, a
draft that can be put to the vote, a mandate about to expire, a reply addressed to them, an
objective's deadline coming near — or until something important happens (a scenario event, a
ceasefire or its collapse, a vote, another member's draft). The rules of the game are untouched:
skipping submits nothing, it only ends turns, exactly as pressing End turn would.

This module decides; :class:`sim.ui.app.App` runs the skip between frames.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sim.model import objectives
from sim.model.events import Event
from sim.model.names import spoken_words
from sim.ui.game import Game
from sim.ui.guidance import guidance

#: Months before an objective's deadline that the tracker warns and a skip stops.
DEADLINE_WARNING = 2

#: Where each kind of event goes in the month's news (lower first); unlisted kinds rank 5.
RANK: dict[str, int] = {
    "ending": 0,
    "trigger": 1,
    "phase": 1,
    "agreement_broken": 1,
    "incident": 1,
    "mission_withdrawal": 1,
    "withdrawal": 1,
    "resolution_adopted": 2,
    "draft_vetoed": 2,
    "draft_failed": 2,
    "regional_force": 2,
    "regional_decision": 2,
    "mission": 2,
    "rehatting": 2,
    "theatre": 2,
    "draft_tabled": 3,
    "draft_amended": 3,
    "draft_withdrawn": 3,
    "vote_requested": 3,
    "sanctions": 3,
    "sanctions_ended": 3,
    "endorsement": 3,
    "talks": 3,
    "fatalities": 3,
    "report": 4,
    "pledge": 6,
    "deployment": 6,
    "drawdown": 6,
    "lobby": 6,
    "whip_count": 6,
}
DEFAULT_RANK = 5

#: The story an event's text tells of (a draft's id), or None.
Story = Callable[[str], str | None]

#: Kinds of events that are steps of a draft's story (circulated, endorsed, counted, voted on)
#: and of the peace talks' (convened, amended, put to the parties): the news keeps each story's
#: steps together and in time order. A pledge or a report names a mission but stands alone.
DRAFT_STORY = frozenset(
    {
        "draft_tabled",
        "draft_amended",
        "draft_withdrawn",
        "endorsement",
        "consultations",
        "whip_count",
        "vote_trade",
        "vote_requested",
        "resolution_adopted",
        "draft_vetoed",
        "draft_failed",
    }
)
TALKS_STORY = frozenset({"envoy", "talks", "text_amended"})

#: Events that stop a skip: the player should hear of them at once.
STOP_KINDS = frozenset(
    {
        "ending",
        "trigger",
        "phase",
        "agreement_broken",
        "incident",
        "mission_withdrawal",
        "withdrawal",
        "draft_vetoed",
        "draft_failed",
        "resolution_adopted",
        "regional_force",
        "draft_tabled",
        "vote_requested",
    }
)


#: Members' statements on the player's own draft that stop a skip: they ask for a change.
ASKS = frozenset({"ask", "red_line", "veto_threat"})


def importance_order(events: Sequence[Event], story: Story | None = None) -> list[int]:
    """The indices of ``events`` with what matters first (a scenario event before the
    pledges). With ``story`` (:meth:`sim.model.names.Namer.story`), the events of one story —
    a draft circulated, counted, then adopted — stay together in the order they happened, where
    the most important of them goes: "The Security Council adopts 'Resolution 1970'" never
    reads above "United Kingdom circulates 'Resolution 1970'". Otherwise events of the same
    rank keep the order they happened in."""
    keys = [_story_key(e, story) or f"#{n}" for n, e in enumerate(events)]
    rank: dict[str, int] = {}
    first: dict[str, int] = {}
    for n, (event, key) in enumerate(zip(events, keys, strict=True)):
        rank[key] = min(rank.get(key, DEFAULT_RANK + 99), RANK.get(event.kind, DEFAULT_RANK))
        first.setdefault(key, n)
    return sorted(range(len(events)), key=lambda n: (rank[keys[n]], first[keys[n]], n))


def _story_key(event: Event, story: Story | None) -> str | None:
    """The story an event belongs to: its draft's (a draft's steps), the talks' (the envoy's
    steps), or none (it stands alone)."""
    if story is None:
        return None
    if event.kind in TALKS_STORY:
        return "talks"
    return story(event.text) if event.kind in DRAFT_STORY else None


def by_importance(events: Iterable[Event], story: Story | None = None) -> list[Event]:
    """The events in :func:`importance_order`."""
    events = list(events)
    return [events[n] for n in importance_order(events, story)]


@dataclass(frozen=True)
class Decision:
    """Something that needs the player: ``key`` tells one decision from another (a skip stops
    at each only once), ``text`` says what to do, with the key to press."""

    key: tuple[object, ...]
    text: str


def decisions(game: Game) -> list[Decision]:
    """What needs the player on their turn now, most pressing first: what the chamber suggests
    for the draft in hand (:func:`sim.ui.guidance.guidance`), then near deadlines."""
    if game.player is None or not game.awaiting:
        return []
    out: list[Decision] = []
    guide = guidance(game)
    draft = game.council_draft()
    if draft is not None and guide.suggested not in (None, "skip"):
        text = guide.hint
        if draft.renews is not None and draft.version == 0:
            text = f"The mandate of {draft.renews} is about to expire: its renewal is ready. {text}"
        key: tuple[object, ...] = (guide.suggested, draft.id, draft.version)
        if draft.version == 0:
            # A draft of the player's that is ready but not tabled: passing on it holds for this
            # month only, so a skip never runs to the end of the game past the player's own draft.
            key += (game.world.month,)
        out.append(Decision(key, text))
    return out + deadlines(game)


def deadlines(game: Game) -> list[Decision]:
    """Objectives still open whose deadline is at most ``DEADLINE_WARNING`` months away, as one
    decision per month of deadline."""
    world = game.world
    due: dict[int, list[str]] = {}
    for objective in world.objectives:
        left = objective.by_month - world.month
        if objective.by_month <= 0 or not 0 <= left <= DEADLINE_WARNING:
            continue
        if objectives.judge(world, objective, False)[0] == "pending":
            due.setdefault(objective.by_month, []).append(objective.name)
    out = []
    for month, names in sorted(due.items()):
        left = month - world.month
        when = "this month" if left == 0 else f"in {left} month" + ("s" if left > 1 else "")
        label = "Deadline" if len(names) == 1 else "Deadlines"
        out.append(Decision(("deadline", month), f"{label} {when}: {'; '.join(names)}."))
    return out


@dataclass
class Skip:
    """A skip in progress: where the world's history stood when it began, and the decisions
    already put to the player (a skip passes over those)."""

    seat: str | None
    events: int
    statements: int
    shown: set[tuple[object, ...]] = field(default_factory=set)

    @classmethod
    def begin(cls, game: Game, shown: set[tuple[object, ...]], passing: bool = True) -> Skip:
        """A skip from now; with ``passing`` the decisions pending now count as seen (pressing
        skip in the chamber means "not this one")."""
        world = game.world
        if passing:
            shown |= {d.key for d in decisions(game)}
        return cls(game.player, len(world.events), len(world.statements), shown)

    def news(self, game: Game) -> list[Event]:
        """Events since the skip began that should stop it."""
        return [e for e in game.world.events[self.events :] if _stops(e, game.player)]

    def stop(self, game: Game) -> str | None:
        """Why the skip stops at the player's turn now (None: end the turn and go on)."""
        stopping = self.news(game)
        if stopping:
            return by_importance(stopping)[0].text
        world = game.world
        mine = {d.id for d in world.drafts.values() if d.penholder == game.player}
        heard = [
            s
            for s in world.statements[self.statements :]
            if s.to == game.player or (not s.to and s.draft in mine and s.kind in ASKS)
        ]
        if heard:
            self.statements = len(world.statements)
            last = heard[-1]
            verb = "answered you" if last.to else "on your draft"
            return f"{world.states.name(last.actor)} {verb}: {spoken_words(world, last.text)}"
        for decision in decisions(game):
            if decision.key not in self.shown:
                self.shown.add(decision.key)
                return decision.text
        return None


def _stops(event: Event, player: str | None) -> bool:
    if event.kind not in STOP_KINDS:
        return False
    # The player's own tabling is no news to them.
    return not (event.kind == "draft_tabled" and player and event.text.startswith(player + " "))
