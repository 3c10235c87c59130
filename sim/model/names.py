"""The names of a world's parties, drafts and missions, for the texts the model writes and for
the screens, the classroom server and the command line that name the ids in them
(:mod:`sim.model.words` holds the helpers that need no world)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from sim.model.drafts import Clauses
from sim.model.words import and_list, ids_pattern, named_already, party_label, resolution_name
from sim.model.world import World


def party_labels(world: World) -> dict[str, str]:
    """Every party of the world's conflict by id, as :func:`party_label` says it."""
    return {p.id: party_label(p.id, p.kind) for p in world.theatre.parties}


def parties_words(world: World, ids: Iterable[str]) -> str:
    """Parties (or outside factions, named as the scenario names them) in a sentence: "the
    government and the NLF"."""
    labels = party_labels(world)
    return and_list(labels.get(i, i) for i in ids)


def clauses_words(world: World, clauses: Clauses) -> str:
    """A draft's clauses in one line, with the parties its sanctions target by name."""
    return clauses.describe(party_labels(world))


def record_names(world: World) -> dict[str, str]:
    """The names of the drafts, resolutions and missions of a world, by id: "Resolution 872",
    a draft (and the UN mission it created) by its title in quotes, a regional force as its
    organization's force ("the Continental Union force"), a mission the scenario starts with
    by its acronym ("unprofor" → "UNPROFOR"), a renewal voted down as the renewal of what it
    would have renewed."""
    out: dict[str, str] = {}
    titles = [(t.id, t.title) for t in world.templates]
    for some_id, title in titles + [(d.id, d.title) for d in world.drafts.values()]:
        out[some_id] = resolution_name(some_id) or f"'{title}'"
    for resolution in world.resolutions:
        out[resolution.draft] = resolution_name(resolution.draft) or f"'{resolution.title}'"
    for vote in world.votes:  # a draft voted down is gone from the table
        base = vote.draft.split("-renewal-")[0]
        if vote.draft not in out and base in out:
            out[vote.draft] = f"the renewal of {out[base]}"
    for mission in world.missions:
        org = next(
            (o for i, o in world.organizations.items() if mission.id.startswith(f"{i}-")), None
        )
        if org is not None:
            out.setdefault(mission.id, f"the {org.name} force")
        elif mission.id.isalpha():
            out.setdefault(mission.id, mission.id.upper())
    return out


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

    @cached_property
    def _stories(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        world = self.source
        keys: dict[str, str] = {}
        drafts = [(d.id, d.title) for d in world.drafts.values()]
        for some_id, title in [(t.id, t.title) for t in world.templates] + drafts:
            keys[some_id] = keys[f"'{title}'"] = some_id
        for resolution in world.resolutions:
            keys[resolution.draft] = keys[f"'{resolution.title}'"] = resolution.draft
        for mission in world.missions:
            keys.setdefault(mission.id, mission.id)
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
