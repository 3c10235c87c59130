"""Words, not internals: the names a player reads instead of the ids the model writes.

Event texts and reasons come from the model with the ids of states, drafts and missions in
them (``ARN amends kalvaria-1``, ``res-872``, ``cu-force-2``), which the command line names once
and then keeps as handles; parties and figures the model already says in words. On the screens a
:class:`Namer` turns them into names: states by name, ``res-872`` into "Resolution 872", a draft
or the mission it created into its title, a regional force into its organization's force. Scores
become words (:func:`intensity_word`, :func:`margin_word`) — the profile keeps the numbers.
"""

from __future__ import annotations

import re
from functools import cached_property

from sim.model.names import record_names
from sim.model.words import (
    MONTHLY_METRICS,
    fighting_words,
    ids_pattern,
    metric_name,
    metric_value,
    named_already,
    party_label,
    resolution_name,
)
from sim.model.world import World


class Namer:
    """Ids in a text replaced by the names a player knows, for one world."""

    def __init__(self, world: World) -> None:
        self.source = world  # read only

    @cached_property
    def names(self) -> dict[str, str]:
        world = self.source
        out = record_names(world)
        for party in world.theatre.parties:
            out[party.id] = party_label(party.id, party.kind)
        for actor in world.states.ids:
            out[actor] = world.states.name(actor)
        return out

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return ids_pattern(self.names)

    @cached_property
    def parties(self) -> frozenset[str]:
        return frozenset(p.id for p in self.source.theatre.parties)

    def name(self, some_id: str) -> str:
        """The name of one id (the id itself when it names nothing known)."""
        return self.names.get(some_id, resolution_name(some_id) or some_id)

    def text(self, text: str) -> str:
        """``text`` with every known id replaced by its name."""
        if self.pattern is None:
            return text

        def name(found: re.Match[str]) -> str:
            some_id = found.group(1)
            if some_id in self.parties and named_already(text, found.start()):
                return some_id  # "the rebels": the model named the party already
            return self.names[some_id]

        return self.pattern.sub(name, text)


_CACHE: dict[int, tuple[tuple[int, ...], Namer]] = {}


def namer(world: World) -> Namer:
    """The namer of ``world`` as it is now (rebuilt when drafts, missions, resolutions or votes
    come or go)."""
    key = (len(world.drafts), len(world.missions), len(world.resolutions), len(world.votes))
    cached = _CACHE.get(id(world))
    if cached is None or cached[0] != key or cached[1].source is not world:
        _CACHE.clear()  # one game at a time
        cached = (key, Namer(world))
        _CACHE[id(world)] = cached
    return cached[1]


#: How heavy the fighting is, in a word (the model's words, so news and screens agree).
intensity_word = fighting_words


def weight_word(points: int) -> str:
    """How much a factor weighs, in words: "slightly", "clearly", "strongly" (points are
    thousandths of a utility unit; a vote's band is about a tenth of a unit)."""
    size = abs(points) / 1000
    return "slightly" if size < 0.05 else "clearly" if size < 0.15 else "strongly"


def persuasion_word(gap: int) -> str:
    """What it would take to move a member to yes, from its distance in points."""
    size = gap / 1000
    if size <= 0:
        return "would vote yes"
    if size < 0.05:
        return "needs a nudge to vote yes"
    return "needs some persuading to vote yes" if size < 0.15 else "is far from a yes"


def in_sentence(title: str) -> str:
    """A title inside a sentence: "Month 5 (June 2011)" → "month 5 (June 2011)" (only the first
    letter is lowered, never the month's name)."""
    return title[:1].lower() + title[1:]


#: Figure buttons whose metric's own name is too long for the button.
FIGURE_TITLES = {
    "peacekeeper_fatalities": "Peacekeepers killed",
    "government_resources": "Government's means",
    "armed_group_resources": "Armed groups' means",
}


def figure_label(name: str, values: list[float]) -> str:
    """What a figure button says of a monthly series: its name and the latest value in words
    ("Phase: peace", "Host consent: withdrawn", "Humanitarian access: 57%", "Intensity: low");
    for a toll counted month by month, the toll of the whole game so far ("Civilian deaths:
    490"), which is what the debrief's score says too (:func:`figure_tip` says so)."""
    title = FIGURE_TITLES.get(name, metric_name(name).capitalize())
    if not values:
        return f"{title}: —"
    if name in MONTHLY_METRICS:
        return f"{title}: {metric_value(name, sum(values))}"
    if name == "intensity":
        return f"{title}: {intensity_word(values[-1])}"  # the chart beside it has the index
    return f"{title}: {metric_value(name, values[-1])}"


def figure_tip(name: str, values: list[float]) -> str:
    """A figure button's tooltip: what its number is (a toll: all months together, and the
    latest month's), then what clicking does."""
    what = ""
    if name in MONTHLY_METRICS and values:
        what = f"All months together ({metric_value(name, values[-1])} in the latest). "
    return what + "Show or hide its chart (four at most)"
