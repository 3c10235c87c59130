"""Words, not internals: the names a player reads instead of the ids the model writes.

Event texts and reasons come from the model with the ids of states, drafts and missions in
them (``ARN amends kalvaria-1``, ``res-872``, ``cu-force-2``), which the command line names once
and then keeps as handles; parties and figures the model already says in words. On the screens a
:class:`Namer` turns them into names: states by name, ``res-872`` into "Resolution 872", a draft
or the mission it created into its title, a regional force into its organization's force. Scores
become words (:func:`intensity_word`, :func:`margin_word`) — the profile keeps the numbers.
"""

from __future__ import annotations

from sim.model.events import Event
from sim.model.names import Namer as Namer  # the screens' namer lives with the model's names
from sim.model.words import MONTHLY_METRICS, and_list, fighting_words, metric_name
from sim.model.words import metric_value as metric_value  # the screens import these from here
from sim.model.words import party_label as party_label
from sim.model.words import resolution_name as resolution_name
from sim.model.world import World

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


#: The news of a vote's outcome, which the roll call after it tells seat by seat.
VOTE_OUTCOMES = frozenset({"resolution_adopted", "draft_vetoed", "draft_failed"})


def advice_note(events: list[Event], quiet: frozenset[str]) -> str:
    """The message line after the advisor acted for the player: the last news it made, but
    never the outcome of a vote it called ("The Security Council adopts …, 11-0-4" over a roll
    call still at its third seat) nor what followed from it: then "The advisor calls the vote."
    """
    shown = [e for e in events if e.kind not in quiet]
    if any(e.kind in VOTE_OUTCOMES for e in shown):
        return "The advisor calls the vote."
    return shown[-1].text if shown else "The advisor ends the turn."


def patrons_words(names: list[str]) -> str:
    """A party's patrons after its name: "; patron: France", "; patrons: Russia and China"
    (nothing without one)."""
    if not names:
        return ""
    return f"; {'patron' if len(names) == 1 else 'patrons'}: {and_list(names)}"


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
    ("Phase: peace", "Host consent: withdrawn" or "never given", "Humanitarian access: 57%",
    "Intensity: low");
    for a toll counted month by month, the toll of the whole game so far ("Civilian deaths:
    490"), which is what the debrief's score says too (:func:`figure_tip` says so)."""
    title = FIGURE_TITLES.get(name, metric_name(name).capitalize())
    if not values:
        return f"{title}: —"
    if name in MONTHLY_METRICS:
        return f"{title}: {metric_value(name, sum(values))}"
    if name == "intensity":
        return f"{title}: {intensity_word(values[-1])}"  # the chart beside it has the index
    if name == "host_consent" and not any(v > 0 for v in values):
        # As the theatre panel says it: a host that never consented did not withdraw (Libya).
        return f"{title}: never given"
    return f"{title}: {metric_value(name, values[-1])}"


def figure_tip(name: str, values: list[float]) -> str:
    """A figure button's tooltip: what its number is (a toll: all months together, and the
    latest month's), then what clicking does."""
    what = ""
    if name in MONTHLY_METRICS and values:
        what = f"All months together ({metric_value(name, values[-1])} in the latest). "
    return what + "Show or hide its chart (four at most)"


def month_tag(calendar: str, month: int) -> str:
    """A month as a log line begins: "Feb 2011" when the scenario has a calendar (``calendar``
    is "February 2011"), else "Month 1" — words, not a code like "M1"."""
    name, _, year = calendar.partition(" ")
    return f"{name[:3]} {year}" if name and year else f"Month {month}"
