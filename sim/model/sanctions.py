"""Sanctions: how measures wear targets down, how patrons help them evade, what episodes achieve.

Each measure in an adopted resolution opens an *episode* per target. Every month a measure takes
``bite_<kind>`` of the target's resources, reduced by evasion through its patrons (their
capability × ``patron_evasion``, capped at ``max_evasion``); resources recover toward the party's
base strength. A worn-down target may concede (a hazard proportional to its losses that halves
every ``coercion_half_life`` months, since sanctions that coerce do so early: Hufbauer, Schott,
Elliott & Oegg 2007 find successful episodes shorter on average than failures): a government or
armed group that concedes accepts a ceasefire. When an episode ends (lifted, expired, or the game
ends) it is classed after the Targeted Sanctions Consortium's purposes:

- **coercion** — the target conceded;
- **constraint** — its resources were on average at least ``constraint_threshold`` below their
  starting level;
- **signalling** — the Council adopted the measure with at least ``signalling_votes`` votes and
  the target's patrons did not visibly bust it (evasion at most ``signalling_max_evasion``).

Every episode is judged on all three purposes, so the shares the model produces are the
Consortium's shares over *all* episodes (coercion 10%, constraint 28%, signalling 27%), not its
higher shares among the episodes that pursued that purpose (22%, 40%, 60%).
Hufbauer, Schott, Elliott & Oegg (2007) count an episode a success (partial or full) in about a
third of cases; here success means coercion or constraint.
"""

from __future__ import annotations

from sim.model.drafts import Clauses
from sim.model.events import Event
from sim.model.words import party_label
from sim.model.world import SanctionEpisode, World

SUCCESS = ("coercion", "constraint")


def open_episodes(
    world: World, resolution: str, clauses: Clauses, yes_votes: int, until: int
) -> list[Event]:
    """Start an episode for every measure and target of an adopted resolution."""
    events: list[Event] = []
    for sanction in clauses.sanctions:
        for target in sanction.targets:
            live = _live(world, sanction.kind, target)
            if live is not None:  # the same measure renewed or repeated: extend it
                live.end_month = max(live.end_month, until)
                continue
            episode = SanctionEpisode(
                id=f"{resolution}:{sanction.kind}:{target}",
                resolution=resolution,
                kind=sanction.kind,
                target=target,
                start_month=world.month,
                end_month=until,
                baseline=world.theatre.resources[target],
                yes_votes=yes_votes,
            )
            world.sanctions.append(episode)
            party = world.theatre.party(target)
            name = party_label(party.id, party.kind, party.name)  # as the draft's clauses name it
            events.append(
                Event(world.month, "sanctions", f"{_label(sanction.kind)} imposed on {name}.")
            )
    return events


def _live(world: World, kind: str, target: str) -> SanctionEpisode | None:
    return next(
        (e for e in world.sanctions if not e.ended and e.kind == kind and e.target == target),
        None,
    )


def _label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def evasion(world: World, target: str) -> float:
    """Share of sanctions on ``target`` that its patrons help it evade."""
    coef = world.coefficients
    table = world.states
    patrons = world.theatre.party(target).patrons
    capability = sum(float(table.capability[table.index[p]]) for p in patrons)
    return min(coef.max_evasion, coef.patron_evasion * capability)


def step_sanctions(world: World) -> list[Event]:
    """One month of sanctions: recovery, bite, possible concessions, episodes that end."""
    coef = world.coefficients
    theatre = world.theatre
    rng = world.streams.get("sanctions")
    events: list[Event] = []
    live = [e for e in world.sanctions if not e.ended]
    for party in theatre.parties:
        current = theatre.resources[party.id]
        current += coef.resource_recovery * (party.strength - current)
        bite = sum(coef.bite(e.kind) for e in live if e.target == party.id)
        current -= bite * (1.0 - evasion(world, party.id)) * current
        theatre.resources[party.id] = max(0.0, current)
    for episode in live:
        loss = max(0.0, 1.0 - theatre.resources[episode.target] / max(episode.baseline, 1e-9))
        episode.losses.append(loss)
        draw = float(rng.random())
        if not episode.conceded and draw < concession_hazard(world, episode, loss):
            episode.conceded = True
            events.append(Event(world.month, "concession", _concession_text(world, episode)))
            if theatre.phase == "war":
                theatre.phase = "ceasefire"
                theatre.months_in_phase = 0
    for episode in live:
        if episode.end_month <= world.month:
            events.append(close_episode(world, episode, "expired"))
    return events


def _concession_text(world: World, episode: SanctionEpisode) -> str:
    """A target gives way: at war it accepts a ceasefire; under a ceasefire or peace already in
    force it commits to it (the news never has a ceasefire agreed twice)."""
    theatre = world.theatre
    party = theatre.party(episode.target)
    name = party_label(party.id, party.kind, party.name)
    if theatre.phase == "war":  # "Sanctions bring …": no verb to agree with "the rebels"
        return f"Sanctions bring {name} to accept a ceasefire."
    kept = "the ceasefire" if theatre.phase == "ceasefire" else "the peace agreement"
    return f"Sanctions bring {name} to commit to {kept} in force."


def concession_hazard(world: World, episode: SanctionEpisode, loss: float) -> float:
    """This month's chance that the target concedes: proportional to its losses, halving every
    ``coercion_half_life`` months the measure has been in force."""
    coef = world.coefficients
    months = world.month - episode.start_month
    decay: float = 0.5 ** (months / coef.coercion_half_life)
    return coef.coercion_hazard * loss * decay


def close_episode(world: World, episode: SanctionEpisode, how: str) -> Event:
    """End an episode and class what it achieved."""
    coef = world.coefficients
    episode.ended = True
    outcomes = []
    if episode.conceded:
        outcomes.append("coercion")
    mean_loss = sum(episode.losses) / len(episode.losses) if episode.losses else 0.0
    if mean_loss >= coef.constraint_threshold:
        outcomes.append("constraint")
    if (
        episode.yes_votes >= coef.signalling_votes
        and evasion(world, episode.target) <= coef.signalling_max_evasion
    ):
        outcomes.append("signalling")
    episode.outcomes = tuple(outcomes)
    achieved = ", ".join(outcomes) if outcomes else "nothing measurable"
    name = world.theatre.party(episode.target).name
    text = f"{_label(episode.kind)} on {name} {how}; it achieved {achieved}."
    return Event(world.month, "sanctions_ended", text)


def lift(world: World, kinds_kept: set[tuple[str, str]], resolution: str) -> list[Event]:
    """End the live episodes of ``resolution`` whose (kind, target) a renewal dropped."""
    return [
        close_episode(world, e, "lifted")
        for e in world.sanctions
        if not e.ended and e.resolution == resolution and (e.kind, e.target) not in kinds_kept
    ]


def close_all(world: World) -> None:
    """Class every live episode when the game ends."""
    for episode in world.sanctions:
        if not episode.ended:
            close_episode(world, episode, "was in force at the end")
