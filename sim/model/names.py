"""The names of a world's parties, drafts and missions, for the texts the model writes and for
the screens and the command line that name the ids in them (:mod:`sim.model.words` holds the
helpers that need no world)."""

from __future__ import annotations

from collections.abc import Iterable

from sim.model.drafts import Clauses
from sim.model.words import and_list, party_label, resolution_name
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
