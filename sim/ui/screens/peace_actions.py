"""What the player may do in the peace process, and why not when it may not.

The peace talks screen offers each action of the player's seat as a button: a regional
organization's chair appoints a joint envoy with the Secretary-General (the AU–UN and UN–Arab
League envoys are the models) and convenes the talks, deciding who sits at the table; any state
or organization pledges a guarantee; a state offers aid; a patron presses or shields its client.
An action the seat may not take now is still listed, disabled, with the model's own reason
(the command's ``check``), so the player learns who may do what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pygame

from sim.model import words
from sim.model.commands import Command
from sim.model.mediation import (
    SECRETARY_GENERAL,
    AppointEnvoy,
    ConveneTalks,
    OfferAid,
    OfferGuarantee,
    PressParty,
)
from sim.model.world import World
from sim.ui.game import Game
from sim.ui.words import namer

AID = 2.0
JOINT_ENVOY = "the Joint Special Envoy"


def party_label(world: World, party_id: str) -> str:
    """A party to the conflict in running text: "the government", a short id as its acronym
    ("ntc" → "the NTC"), else the id in words as the scenario spells them ("northern-front" →
    "the Northern Front"): the model's :func:`sim.model.words.party_label`."""
    party = next((p for p in world.theatre.parties if p.id == party_id), None)
    if party is None:
        return words.party_label(party_id, "")
    return words.party_label(party.id, party.kind, party.name)


def party_title(world: World, party_id: str) -> str:
    """A party as a row label or the start of a sentence: "Government", "NTC"."""
    label = party_label(world, party_id).removeprefix("the ")
    return label[:1].upper() + label[1:]


def peace_words(world: World, text: str) -> str:
    """A reason or list from the model with its ids replaced by names: states, drafts, the
    Secretary-General ("un"), organizations and the parties."""
    names = dict(namer(world).names)
    names[SECRETARY_GENERAL] = "the Secretary-General"
    for org_id, org in world.organizations.items():
        names[org_id] = f"the {org.name}"
    for party in world.theatre.parties:
        names[party.id] = party_label(world, party.id)
    text = text.replace(f" ('{SECRETARY_GENERAL}')", "")
    pattern = r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.sub(pattern + r")(?![\w-])", lambda m: names[m.group(1)], text)


@dataclass
class Table:
    """The player's choice of who sits at the table when it convenes talks (screen state, not
    world state: it becomes part of the ``convene_talks`` command)."""

    parties: set[str] = field(default_factory=set)
    women: bool = True
    civil_society: bool = True

    def toggle(self, party: str) -> None:
        """Seat a party, or leave it out."""
        self.parties.symmetric_difference_update({party})


@dataclass(frozen=True)
class Offer:
    """One of the player's actions: its button label, the command it submits, shortcut, tip,
    and the reasons it is refused now (empty: enabled)."""

    label: str
    command: Command
    key: int | None
    tip: str
    reasons: tuple[str, ...]


def mediation_offers(game: Game, player: str, table: Table) -> list[Offer]:
    """Appoint a joint envoy and convene talks: always listed, so a seat that may not learns
    why (only the Secretary-General and regional organizations appoint envoys; only the
    envoy's sponsors convene)."""
    parties = tuple(sorted(table.parties))
    appoint = AppointEnvoy(player, JOINT_ENVOY, SECRETARY_GENERAL)
    convene = ConveneTalks(player, parties, table.women, table.civil_society)
    return [
        Offer(
            "Appoint a joint envoy",
            appoint,
            pygame.K_a,
            "Your organization and the Secretary-General appoint a joint envoy: the UN's"
            " envoy drafts and puts the text, you convene the talks",
            _reasons(game, appoint),
        ),
        Offer(
            "Convene talks",
            convene,
            pygame.K_c,
            "Open talks with the parties seated below; the envoy puts a text every month",
            _reasons(game, convene),
        ),
    ]


def support_offers(game: Game, player: str) -> list[Offer]:
    """Pledge a guarantee, offer aid, and press or shield a client the player is patron of."""
    world = game.world
    offers = [
        Offer(
            "Pledge a guarantee",
            OfferGuarantee(player, player),
            pygame.K_g,
            "Your state guarantees the agreement: a sweetener now, fewer breakdowns later"
            " (Walter 2002)",
            (),
        ),
        Offer(
            f"Offer aid ({AID:g} capital)",
            OfferAid(player, AID),
            pygame.K_i,
            "Political capital spent on aid sweetens any text",
            (),
        ),
    ]
    for party in world.theatre.parties:
        if player in party.patrons:
            pressed = (player, party.id) in world.peace.pressed
            who = party_label(world, party.id)
            label = f"Shield {who}" if pressed else f"Press {who}"
            tip = "As its patron, push your client to settle (or shield it)"
            offers.append(Offer(label, PressParty(player, party.id, not pressed), None, tip, ()))
    return [Offer(o.label, o.command, o.key, o.tip, _reasons(game, o.command)) for o in offers]


def _reasons(game: Game, command: Command) -> tuple[str, ...]:
    """Why the model refuses ``command`` now, in names."""
    return tuple(peace_words(game.world, r) for r in game.check(command))


def may_mediate(game: Game, player: str) -> bool:
    """True when the seat could sponsor an envoy (a regional organization's chair) or already
    does: then who sits at the table is its choice to make."""
    envoy = game.world.peace.envoy
    return player in game.world.organizations or (envoy is not None and player in envoy.sponsors)
