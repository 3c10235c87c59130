"""The names of a world's parties, drafts and missions, for the texts the model writes and for
the screens, the classroom server and the command line that name the ids in them
(:mod:`sim.model.words` holds the helpers that need no world)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from sim.model.drafts import Clauses
from sim.model.words import (
    TASK_WORDS,
    and_list,
    demand_words,
    ids_pattern,
    named_already,
    party_label,
    renewal_words,
    resolution_name,
    working_title,
)
from sim.model.world import World


def party_labels(world: World) -> dict[str, str]:
    """Every party of the world's conflict by id, as :func:`party_label` says it."""
    return {p.id: party_label(p.id, p.kind, p.name) for p in world.theatre.parties}


def parties_words(world: World, ids: Iterable[str]) -> str:
    """Parties (or outside factions, named as the scenario names them) in a sentence: "the
    government and the NLF"."""
    labels = party_labels(world)
    return and_list(labels.get(i, i) for i in ids)


def clauses_words(world: World, clauses: Clauses) -> str:
    """A draft's clauses in one line, with the parties its sanctions target by name."""
    return clauses.describe(party_labels(world))


def draft_title(world: World, draft_id: str, title: str | None = None) -> str:
    """The title of a draft (prepared, tabled or adopted) as a player may read it now: in full
    once the Council has adopted it ("Res. 912 (1994): UNAMIR reduced to 270"), by what it does
    before that ("UNAMIR reduced to 270"; :func:`~sim.model.words.working_title`), so that the
    seat, the briefing and the news do not tell the future. ``title`` stands for a draft the
    world does not hold yet (a renewal the player is writing); the draft's own title is kept as
    the scenario wrote it (it is part of the game's state)."""
    adopted = next((r.title for r in world.resolutions if r.draft == draft_id), None)
    if adopted is not None:
        return renewal_words(adopted)
    if title is None:
        draft = world.drafts.get(draft_id)
        template = next((t for t in world.templates if t.id == draft_id), None)
        title = draft.title if draft else template.title if template else draft_id
    return working_title(title)


def working_names(world: World) -> dict[str, str]:
    """Every draft the world holds or prepared, by id, as it is named before its vote: its title
    in quotes without the number history gave it ("'UNAMIR reduced to 270'")."""
    titles = [(t.id, t.title) for t in world.templates]
    titles += [(d.id, d.title) for d in world.drafts.values()]
    titles += [(r.draft, r.title) for r in world.resolutions]
    return {some_id: f"'{working_title(title)}'" for some_id, title in titles}


def record_names(world: World) -> dict[str, str]:
    """The names of the drafts, resolutions and missions of a world, by id: an adopted
    "res-872" as "Resolution 872", a draft (and the UN mission it created) by its title in
    quotes (before its adoption by what it does: :func:`draft_title`), a regional force as its
    organization's force ("the Continental Union force"), a mission the scenario starts with
    by its acronym ("unprofor" → "UNPROFOR"), a renewal as the renewal of what it renews ("the
    renewal of Resolution 912")."""
    out = working_names(world)  # its number only once adopted
    for resolution in world.resolutions:
        named = resolution_name(resolution.draft)
        out[resolution.draft] = named or f"'{renewal_words(resolution.title)}'"
    # A renewal, tabled, adopted or voted down (then gone from the table), by what it renews.
    for some_id in [*out, *(vote.draft for vote in world.votes)]:
        base = some_id.split("-renewal-")[0]
        if base != some_id and base in out:
            out[some_id] = f"the renewal of {out[base]}"
    for mission in world.missions:  # one not created by a draft: AMIS, a bridging force
        out.setdefault(mission.id, mission_name(world, mission.id))
    return out


#: A mission's acronym at the end of the title of the draft that creates it: "… (MINUSMA)".
ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]+(?: [IVX]+)?)\)\s*$")

#: What a mission without a name of its own is, by its kind.
MISSION_KINDS = {
    "un": "the UN mission",
    "hybrid": "the joint mission",
    "national": "the multinational force",
}


def _regional(world: World, mission_id: str) -> str | None:
    """The organization whose bridging force ``mission_id`` is ("ecowas-force-3"), or None."""
    return next((i for i in world.organizations if mission_id.startswith(f"{i}-force-")), None)


def _own_name(world: World, mission_id: str) -> str | None:
    """The name the scenario gives a mission: its draft's ``mission_name``, else the acronym
    its draft's title ends with, else the acronym of a mission present at the start."""
    template = next((t for t in world.templates if t.id == mission_id), None)
    if template is not None and template.mission_name:
        return template.mission_name
    titles = [template.title] if template else []
    titles += [d.title for d in world.drafts.values() if d.id == mission_id]
    titles += [r.title for r in world.resolutions if r.draft == mission_id]
    for title in titles:
        found = ACRONYM.search(title)
        if found:
            return found.group(1)
    if not titles and _regional(world, mission_id) is None and mission_id.isalpha():
        return mission_id.upper()  # present at the start: "unprofor" -> "UNPROFOR"
    return None


def mission_name(world: World, mission_id: str) -> str:
    """A mission as a player knows it, never as the draft that created it: its own name
    ("MINUSMA", "UNAMIR II", "UNPROFOR"; :func:`_own_name`), a regional force as its
    organization's ("the Economic Community of West African States force"), else what it is
    and where ("the UN mission in Kalvaria", "the joint mission in Tarsis"); a second mission
    of the same kind without a name of its own adds its resolution ("the UN mission of
    'Ceasefire monitoring in Kalvaria'"), the first keeping the short name as it appears."""
    organization = _regional(world, mission_id)
    if organization is not None:
        return f"the {world.organizations[organization].name} force"
    own = _own_name(world, mission_id)
    if own is not None:
        return own
    mission = world.mission(mission_id)
    kind = mission.kind if mission is not None else "un"
    what = MISSION_KINDS.get(kind, MISSION_KINDS["un"])
    template = next((t for t in world.templates if t.id == mission_id), None)
    partner = world.organizations.get(template.hybrid_with or "") if template else None
    if kind == "hybrid" and partner is not None:
        what = f"the joint {partner.name}-UN mission"
    unnamed = [
        m.id
        for m in world.missions
        if m.kind == kind and _regional(world, m.id) is None and _own_name(world, m.id) is None
    ]
    if mission_id not in unnamed[:1] and unnamed:
        number = resolution_name(mission_id)
        return f"{what} of {number or quoted(draft_title(world, mission_id))}"
    return f"{what} in {world.theatre.name}"


def quoted(title: str) -> str:
    """A title as the texts quote one: 'Ceasefire monitoring in Kalvaria'."""
    return f"'{title}'"


def sentence(text: str) -> str:
    """``text`` as a sentence begins: "the UN mission …" → "The UN mission …"."""
    return text[:1].upper() + text[1:]


def spoken_words(world: World, text: str) -> str:
    """A member's words or a penholder's concession as the game keeps them ("Drop gov from the
    arms embargo; drop the demand for end violence — and we abstain"), as a player reads them:
    a party by its name ("drop the government from the arms embargo"), a task by its name
    ("DDR", "no-fly zone"), a demand in words ("the demand for an end to the violence"). The
    words are part of the game's state and stay as said (the hash with them): this is how the
    screens, the news and the command line show them."""
    labels = party_labels(world)
    pattern = ids_pattern(labels)
    if pattern is not None:

        def party(found: re.Match[str]) -> str:
            if named_already(text, found.start()):
                return found.group(1)  # "the rebels": named already
            return labels[found.group(1)]

        text = pattern.sub(party, text)
    for task, words in TASK_WORDS.items():
        text = re.sub(rf"(?<![\w-]){re.escape(task.replace('_', ' '))}(?![\w-])", words, text)
    demands = {d for t in world.templates for d in t.clauses.demands}
    demands |= {d for draft in world.drafts.values() for d in draft.clauses.demands}
    for demand in sorted(demands, key=len, reverse=True):
        said = demand.replace("_", " ")
        text = re.sub(
            rf"the demand for {re.escape(said)}(?![\w-])",
            f"the demand {demand_words(demand)}",
            text,
        )
    return text


#: The words before a draft's id in the model's texts of the steps before its vote
#: (sim.model.commands, diplomacy, initiatives, ballots, whip).
BEFORE_VOTE = re.compile(
    r"(?:\bendorses|\bendorse|\bamends|\brival text to|\bamendment to|\bsupport of"
    r"|\bWhip count on|\bConsultations on|\basks for the vote on|\bwithdraws) $"
)


class Namer:
    """Ids in a text replaced by the names a player knows, for one world: states by name,
    ``res-872`` as "Resolution 872", a draft or the mission it created by its title, a party as
    the model names it in a sentence ("the NLF")."""

    def __init__(self, world: World) -> None:
        self.source = world  # read only

    @cached_property
    def names(self) -> dict[str, str]:
        world = self.source
        out = record_names(world)
        out.update(party_labels(world))
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
        """The name of one id (the id itself when it names nothing known); a renewal the world
        does not hold yet ("res-912-renewal-2", offered to the penholder) as the renewal of
        what it renews."""
        known = self.names.get(some_id)
        if known is not None:
            return known
        base = some_id.split("-renewal-")[0]
        if base != some_id:
            return f"the renewal of {self.name(base)}"
        return resolution_name(some_id) or some_id

    def mission(self, mission_id: str) -> str:
        """A mission by its own name ("MINUSMA", "the UN mission in Kalvaria"), never by the
        draft that created it (whose id it shares): :func:`mission_name`."""
        return mission_name(self.source, mission_id)

    @cached_property
    def _working(self) -> dict[str, str]:
        """Adopted drafts by id, as they were named before their vote."""
        working = working_names(self.source)
        return {r.draft: working[r.draft] for r in self.source.resolutions if r.draft in working}

    def working(self, draft_id: str) -> str:
        """A draft as it is named before its vote, even once adopted ("'The UN … (MINUSMA)'",
        not "Resolution 2100"): for a roll call still being counted."""
        return self._working.get(draft_id) or self.name(draft_id)

    def text(self, text: str) -> str:
        """``text`` with every known id replaced by its name; a step before a draft's vote
        ("The African Union endorses res-2100", "Whip count on res-2100") names it as it was
        named then, by what it does, not by the number its adoption gave it later."""
        if self.pattern is None:
            return text

        def name(found: re.Match[str]) -> str:
            some_id = found.group(1)
            if some_id in self.parties and named_already(text, found.start()):
                return some_id  # "the rebels": the model named the party already
            if some_id in self._working and BEFORE_VOTE.search(text, 0, found.start()):
                return self._working[some_id]
            return self.names[some_id]

        return self.pattern.sub(name, text)

    @cached_property
    def _stories(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        world = self.source
        keys: dict[str, str] = {}
        drafts = [(d.id, d.title) for d in world.drafts.values()]
        for some_id, title in [(t.id, t.title) for t in world.templates] + drafts:
            keys[some_id] = keys[f"'{title}'"] = some_id
            keys[f"'{working_title(title)}'"] = some_id  # as its circulation is told
        for resolution in world.resolutions:
            keys[resolution.draft] = keys[f"'{resolution.title}'"] = resolution.draft
            keys[f"'{renewal_words(resolution.title)}'"] = resolution.draft  # as adopted
        for mission in world.missions:
            keys.setdefault(mission.id, mission.id)
            keys.setdefault(mission_name(world, mission.id), mission.id)  # as the news says
        alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])") if alternatives else None
        return keys, pattern

    def story(self, text: str) -> str | None:
        """The draft (or mission) a text of the model tells of, by its id or its title in
        quotes — "GBR circulates 'Resolution 1970 …'", "Whip count on res1970", "The Security
        Council adopts 'Resolution 1970 …'" are one story — or None."""
        keys, pattern = self._stories
        found = pattern.search(text) if pattern is not None else None
        return keys[found.group(1)] if found else None
