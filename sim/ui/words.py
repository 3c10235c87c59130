"""Words, not internals: the names a player reads instead of the ids the model writes.

Event texts and reasons come from the model with ids in them (``ARN amends kalvaria-1``,
``res-872``, ``cu-force-2``) because the command line and the logs want them. On the screens a
:class:`Namer` turns them into names: states by name, ``res-872`` into "Resolution 872", a draft
or the mission it created into its title, a regional force into its organization's force. Scores
become words (:func:`intensity_word`, :func:`margin_word`) — the profile keeps the numbers.
"""

from __future__ import annotations

import re
from functools import cached_property

from sim.model.words import MONTHLY_METRICS, metric_name, metric_value
from sim.model.world import World

RESOLUTION = re.compile(r"^res-(\d+)$")


def resolution_name(draft_id: str) -> str | None:
    """ "res-872" → "Resolution 872" (None for other ids)."""
    found = RESOLUTION.match(draft_id)
    return f"Resolution {found.group(1)}" if found else None


def party_label(party_id: str, kind: str) -> str:
    """A party to the conflict as a short phrase for running text: "the government", a short
    id as its acronym ("nlf" → "the NLF"), else the id in words ("northern-front" → "the
    northern front"). Full names are long ("National Transitional Council and rebel forces")."""
    if kind == "government":
        return "the government"
    if len(party_id) <= 4 and party_id.isalpha():
        return f"the {party_id.upper()}"
    return "the " + party_id.replace("-", " ").replace("_", " ")


class Namer:
    """Ids in a text replaced by the names a player knows, for one world."""

    def __init__(self, world: World) -> None:
        self.source = world  # read only

    @cached_property
    def names(self) -> dict[str, str]:
        world = self.source
        out: dict[str, str] = {}
        for template in world.templates:
            out[template.id] = resolution_name(template.id) or f"'{template.title}'"
        for draft in world.drafts.values():
            out[draft.id] = resolution_name(draft.id) or f"'{draft.title}'"
        for resolution in world.resolutions:
            out[resolution.draft] = resolution_name(resolution.draft) or f"'{resolution.title}'"
        for org_id, org in world.organizations.items():
            for mission in world.missions:
                if mission.id.startswith(f"{org_id}-"):
                    out.setdefault(mission.id, f"the {org.name} force")
        for party in world.theatre.parties:
            out[party.id] = party_label(party.id, party.kind)
        for actor in world.states.ids:
            out[actor] = world.states.name(actor)
        return out

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        ids = sorted(self.names, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")

    def name(self, some_id: str) -> str:
        """The name of one id (the id itself when it names nothing known)."""
        return self.names.get(some_id, resolution_name(some_id) or some_id)

    def text(self, text: str) -> str:
        """``text`` with every known id replaced by its name."""
        if not self.names:
            return text
        return self.pattern.sub(lambda m: self.names[m.group(1)], text)


_CACHE: dict[int, tuple[tuple[int, ...], Namer]] = {}


def namer(world: World) -> Namer:
    """The namer of ``world`` as it is now (rebuilt when drafts, missions or resolutions are
    added)."""
    key = (len(world.drafts), len(world.missions), len(world.resolutions), len(world.templates))
    cached = _CACHE.get(id(world))
    if cached is None or cached[0] != key or cached[1].source is not world:
        _CACHE.clear()  # one game at a time
        cached = (key, Namer(world))
        _CACHE[id(world)] = cached
    return cached[1]


def intensity_word(intensity: float) -> str:
    """How heavy the fighting is, in a word (the theatre screen and the profile keep the
    index)."""
    for limit, word in ((0.1, "quiet"), (0.3, "low"), (0.55, "moderate"), (0.8, "heavy")):
        if intensity < limit:
            return word
    return "extreme"


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
