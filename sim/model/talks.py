"""The mediation mechanism: talks around a single negotiating text, signatures, and the life of
an agreement in the theatre.

The procedure is single-text mediation (Fisher & Ury's one-text procedure; NegMAS's
``VetoSTMechanism`` is the closest published mechanism): the envoy holds one text, amends it,
and puts it to every party at the table; each answers from its own utility and outside option
(:mod:`sim.model.parties`); when all accept, they sign. The mechanism is kept apart from the
negotiators: it never decides what a party wants, only collects answers and records agreements.

What the mediator knows: each party's true bottom line is private. When talks open the mediator
draws its misreadings of every position from the named stream ``mediation``; each text put to
the parties halves them by ``learning_rate``, and a mission whose tasks include ``surveillance``
(unmanned aircraft, satellite imagery) narrows the reading of the battlefield, hence of the
outside options, by ``surveillance_reduction``.

A signed agreement carries its provisions (the text), signatories, guarantors and who was left
out into the theatre, where it changes the monthly hazard that war resumes
(:func:`recurrence_factor`); the factions left out also strike at it (:func:`spoiler_attacks`),
raising the fighting and that month's hazard.
"""

from __future__ import annotations

from sim.model.events import Event
from sim.model.names import mission_name, parties_words
from sim.model.parties import Answer, answer, guarantee_strength, outside_option
from sim.model.peace import Agreement, Settlement, Talks, Text, TextRecord
from sim.model.words import and_list, plural
from sim.model.world import World

LEVERAGE = ("sanctions threatened", "sanctions biting", "patrons press")
"""The factors that put a party under pressure: what may make it sign a text it refuses."""

STAGES = ("ceasefire", "peace")


def negotiated(world: World) -> bool:
    """True when the scenario gives the parties settlement positions: the phase then changes
    only by agreements signed at talks (and by their breakdown), unless the scenario lets wars
    also end by chance (``chance_endings``: by victory or exhaustion, as most do)."""
    return world.settlement is not None and not world.settlement.chance_endings


def settlement_of(world: World) -> Settlement:
    """The scenario's settlement; raises ValueError when it has none."""
    if world.settlement is None:
        raise ValueError("this scenario has no settlement positions")
    return world.settlement


def stage(world: World) -> str:
    """What talks can reach now: a ceasefire while at war, else a peace agreement."""
    return "ceasefire" if world.theatre.phase == "war" else "peace"


def clamp_text(settlement: Settlement, text: Text) -> Text:
    """A text with every issue present and every value in [0, 1], rounded to hundredths."""
    return {
        i: round(min(1.0, max(0.0, float(text.get(i, 0.5)))), 2) for i in settlement.issue_ids()
    }


def middle_text(world: World, parties: tuple[str, ...]) -> Text:
    """The salience-weighted middle of the parties' positions: an envoy's first draft."""
    settlement = settlement_of(world)
    text: Text = {}
    for issue in settlement.issue_ids():
        weights = [settlement.positions[p].salience[issue] for p in parties]
        ideals = [settlement.positions[p].ideal[issue] for p in parties]
        total = sum(weights)
        text[issue] = (
            sum(w * x for w, x in zip(weights, ideals, strict=True)) / total if total else 0.5
        )
    return clamp_text(settlement, text)


def surveillance(world: World) -> bool:
    """True while a mission with the ``surveillance`` task is in the theatre."""
    return any("surveillance" in m.tasks and not m.withdrawing for m in world.active_missions())


def uncertainty(world: World, talks: Talks) -> tuple[float, float]:
    """The mediator's spread of error on positions and on outside options, now."""
    coef = world.coefficients
    learned = coef.learning_rate**talks.rounds
    battlefield = coef.bottom_line_uncertainty * learned
    if surveillance(world):
        battlefield *= 1.0 - coef.surveillance_reduction
    return coef.talks_position_uncertainty * learned, battlefield


class MarginEstimator:
    """The mediator's estimates of the parties' margins on candidate texts, in points.

    Everything but the text — its reading of each party's position and outside option, with the
    errors still in them — is worked out once, when the estimator is made, so a mediator can weigh
    many candidate texts against the same world cheaply. Make a new one once the world moves.
    """

    def __init__(self, world: World) -> None:
        talks = world.peace.talks
        settlement = settlement_of(world)
        if talks is None:
            raise ValueError("no talks are under way")
        spread, battlefield = uncertainty(world, talks)
        now = stage(world)
        self.issues = settlement.issue_ids()
        self._parties: dict[str, tuple[list[tuple[str, float, float]], float]] = {}
        for party in talks.parties:
            position = settlement.positions[party]
            total = sum(position.salience.values()) or 1.0
            terms = [
                (
                    issue,
                    position.salience[issue] / total,
                    min(1.0, max(0.0, position.ideal[issue] + spread * talks.errors[party][issue])),
                )
                for issue in self.issues
            ]
            outside = outside_option(world, party, now) / 1000.0
            outside += battlefield * talks.bottom_line_errors[party]
            self._parties[party] = (terms, outside)

    def margin(self, party: str, text: Text) -> int:
        """By how many points ``party`` would accept ``text``, as the mediator reads it."""
        terms, outside = self._parties[party]
        worth = 0.0
        for issue, weight, believed in terms:
            worth += weight * (1.0 - abs(text[issue] - believed))
        return round((worth - outside) * 1000)

    def margins(self, text: Text) -> dict[str, int]:
        """Every party at the table's estimated margin on ``text``, in id order."""
        return {party: self.margin(party, text) for party in self._parties}


def convene(
    world: World, parties: tuple[str, ...], women: bool, civil_society: bool, text: Text
) -> Talks:
    """Open talks among ``parties`` on ``text``, drawing the mediator's misreadings."""
    settlement = settlement_of(world)
    rng = world.streams.get("mediation")
    errors: dict[str, Text] = {}
    bottom: dict[str, float] = {}
    for party in sorted(settlement.positions):  # fixed draws whoever sits at the table
        errors[party] = {i: float(rng.normal(0.0, 1.0)) for i in settlement.issue_ids()}
        bottom[party] = float(rng.normal(0.0, 1.0))
    talks = Talks(
        world.month,
        tuple(sorted(parties)),
        women,
        civil_society,
        stage(world),
        clamp_text(settlement, text),
        errors,
        bottom,
    )
    world.peace.talks = talks
    world.peace.sessions += 1
    return talks


def answers(world: World, text: Text) -> dict[str, Answer]:
    """Every party at the table's answer to ``text`` now, in id order."""
    talks = world.peace.talks
    if talks is None:
        return {}
    return {p: answer(world, p, text, stage(world)) for p in talks.parties}


def sponsor_name(world: World, sponsor: str) -> str:
    """How the news names an envoy's sponsor: the Secretary-General or an organization."""
    if sponsor == "un":
        return "the Secretary-General"
    org = world.organizations.get(sponsor)
    return f"the {org.name}" if org is not None else sponsor


def envoy_subject(world: World) -> str:
    """The envoy's name at the start of a sentence."""
    envoy = world.peace.envoy
    name = envoy.name if envoy is not None else "the mediator"
    return name[:1].upper() + name[1:]


def _standing(world: World, change: float) -> None:
    envoy = world.peace.envoy
    if envoy is not None:
        envoy.standing = min(1.0, max(0.0, envoy.standing + change))


def put_text(world: World) -> list[Event]:
    """Put the current text to the parties: they sign if all accept; otherwise the envoy loses
    standing, and after ``talks_patience`` refused texts the talks adjourn."""
    talks = world.peace.talks
    if talks is None:
        return []
    coef = world.coefficients
    talks.stage = stage(world)
    result = answers(world, talks.text)
    talks.answers = {p: a.stance for p, a in result.items()}
    talks.rounds += 1
    tactical = tactical_signers(world, result)
    record = TextRecord(
        world.month, talks.version, talks.stage, dict(talks.text), talks.answers, tactical
    )
    world.peace.records.append(record)
    yes = [p for p, a in result.items() if a.accepts or p in tactical]
    answered = [
        f"{verb} by {parties_words(world, ps)}"
        for verb, ps in (("accepted", yes), ("refused", [p for p in result if p not in yes]))
        if ps
    ]
    said = ", ".join(answered)
    who = envoy_subject(world)
    events = [
        Event(
            world.month,
            "talks",
            f"{who} puts the {talks.stage} text (version {talks.version}) to the parties: {said}.",
        ),
    ]
    if record.signed:
        events += sign(world, talks, tactical)
        return events
    talks.refusals += 1
    _standing(world, -coef.envoy_refusal_loss)
    if talks.refusals >= coef.talks_patience:
        world.peace.talks = None
        world.peace.adjourned_month = world.month
        _standing(world, -coef.envoy_refusal_loss)
        events.append(
            Event(
                world.month,
                "talks",
                f"{who} adjourns the talks: no text the parties would all sign.",
            )
        )
    return events


def tactical_signers(world: World, result: dict[str, Answer]) -> tuple[str, ...]:
    """Parties that refuse the text in earnest but sign it anyway, not meaning to implement it
    (Assad accepted Annan's six points on 27 March 2012 and never carried them out): a party
    under leverage (sanctions threatened or biting, its patrons pressing) whose refusal is
    within ``tactical_margin`` signs with probability ``tactical_acceptance_chance``, drawn from
    the named stream ``tactics`` (one draw per such party). Only when every other party
    accepts, in earnest or so: a tactical signature buys time only if the text is signed."""
    coef = world.coefficients
    margin = round(coef.tactical_margin * 1000)
    candidates = [
        p
        for p, a in result.items()
        if not a.accepts
        and a.stance.total > -margin
        and any(f.name in LEVERAGE and f.points > 0 for f in a.stance.factors)
    ]
    if not candidates or any(not a.accepts and p not in candidates for p, a in result.items()):
        return ()
    rng = world.streams.get("tactics")
    drawn = {p: float(rng.random()) < coef.tactical_acceptance_chance for p in candidates}
    return tuple(sorted(candidates)) if all(drawn.values()) else ()


def stalled_implementation(world: World) -> list[Event]:
    """News that implementation stalls while a tactical signatory drags its feet: the month
    after signing and every third month after."""
    agreement = world.peace.agreement_in_force()
    if agreement is None or not agreement.tactical or world.theatre.phase == "war":
        return []
    held = world.month - agreement.month
    if held < 1 or (held - 1) % 3:
        return []
    name = agreement.name if agreement.name.lower().startswith("the ") else f"the {agreement.name}"
    who = parties_words(world, agreement.tactical)
    has = "has" if len(agreement.tactical) == 1 else "have"
    text = (
        f"Implementation of {name} stalls in {world.theatre.name}: {who} signed it but {has}"
        " not carried it out."
    )
    return [Event(world.month, "implementation_stalls", text)]


def excluded_factions(world: World, parties: tuple[str, ...]) -> tuple[str, ...]:
    """Armed parties left out of the table, and factions the scenario keeps outside the talks."""
    settlement = settlement_of(world)
    left_out = [p.id for p in world.theatre.parties if p.id not in parties]
    return tuple(left_out) + settlement.outside_factions


def sign(world: World, talks: Talks, tactical: tuple[str, ...] = ()) -> list[Event]:
    """The parties at the table sign the current text: a ceasefire while at war, else a peace
    agreement. The phase changes; the talks go on toward a peace agreement after a ceasefire."""
    settlement = settlement_of(world)
    theatre = world.theatre
    events = close_broken(world)  # an agreement a crisis has already undone
    kind = talks.stage
    plan = settlement.envoy
    name = f"{kind} agreement"
    if plan is not None and plan.text_name and dict(talks.text) == plan.opening:
        current = world.peace.agreement_in_force()
        # The plan's name goes to its signature, not to a peace agreement that only confirms it.
        if current is None or current.name != plan.text_name:
            name = plan.text_name
    number = len(world.peace.agreements) + 1
    agreement = Agreement(
        f"agreement-{number}",
        name,
        kind,
        world.month,
        dict(talks.text),
        talks.parties,
        excluded_factions(world, talks.parties),
        tuple(sorted(world.peace.guarantees)),
        talks.women,
        talks.civil_society,
        None,
        tactical,
    )
    world.peace.agreements.append(agreement)
    _standing(world, world.coefficients.envoy_success_gain)
    theatre.phase = "ceasefire" if kind == "ceasefire" else "peace"
    theatre.months_in_phase = 0
    if kind == "ceasefire":
        talks.stage, talks.refusals, talks.version = "peace", 0, talks.version + 1
    else:
        world.peace.talks = None
    signed = parties_words(world, talks.parties)
    text = f"{name[:1].upper()}{name[1:]} signed in {theatre.name} by {signed}"
    if agreement.guarantors:
        guarantors = (
            mission_name(world, g) if world.mission(g) is not None else g
            for g in agreement.guarantors
        )
        text += f", guaranteed by {and_list(guarantors)}"
    if agreement.excluded:
        text += f"; left out: {parties_words(world, agreement.excluded)}"
    return events + [Event(world.month, "phase", text + ".")]


def close_broken(world: World) -> list[Event]:
    """End the agreement in force if the war has resumed (by breakdown or a crisis)."""
    agreement = world.peace.agreement_in_force()
    if agreement is None or world.theatre.phase != "war":
        return []
    agreement.ended_month = world.month
    held = world.month - agreement.month
    name = agreement.name
    # "The Ouagadougou preliminary agreement", but "Arusha Accords" as it is.
    common = name[:1].islower() or name.split()[-1].islower()
    subject = f"The {name}" if common else name
    text = f"{subject} broke down after {plural(held, 'month')}."
    return [Event(world.month, "agreement_broken", text)]


def _faction_name(world: World, faction: str) -> str:
    party = next((p for p in world.theatre.parties if p.id == faction), None)
    return party.name if party is not None else faction


def spoiler_attacks(world: World) -> tuple[list[Event], int]:
    """Armed factions left out of the agreement in force strike at it (Stedman 1997; Kydd &
    Walter 2002): each, every month, with probability ``spoiler_attack_chance``, drawn from
    the named stream ``spoilers`` (one draw per faction, so other streams are undisturbed).
    Returns the news and the number of attacks; the theatre adds
    ``spoiler_attack_intensity`` of fighting and raises the month's hazard that war resumes by
    ``spoiler_attack_hazard`` for each."""
    agreement = world.peace.agreement_in_force()
    if agreement is None or not agreement.excluded or world.theatre.phase == "war":
        return [], 0
    rng = world.streams.get("spoilers")
    chance = world.coefficients.spoiler_attack_chance
    name = agreement.name if agreement.name.lower().startswith("the ") else f"the {agreement.name}"
    events = []
    for faction in agreement.excluded:
        if float(rng.random()) < chance:
            who = _faction_name(world, faction)
            who = who[:1].lower() + who[1:] if who.startswith("The ") else who
            events.append(
                Event(
                    world.month,
                    "spoiler_attack",
                    f"An attack by {who}, left out of {name}, to wreck it: fighting flares in"
                    f" {world.theatre.name}.",
                ),
            )
    return events, len(events)


def recurrence_factor(world: World) -> float:
    """Multiplier of the monthly hazard that war resumes, from the agreement in force: being
    signed at all (Fortna 2003), its guarantees (Walter 2002), women signatories (Krause,
    Krause & Bränfors 2018), civil society at the table (Nilsson 2012) and armed factions left
    out (Stedman 1997), and signatories that signed only tactically. 1 with none."""
    agreement = world.peace.agreement_in_force()
    if agreement is None:
        return 1.0
    coef = world.coefficients
    factor = 1.0 - coef.signed_agreement_reduction
    factor *= 1.0 - coef.agreement_guarantee_reduction * guarantee_strength(
        world, agreement.guarantors
    )
    if agreement.women:
        factor *= 1.0 - coef.women_signatory_reduction
    if agreement.civil_society:
        factor *= 1.0 - coef.civil_society_reduction
    factor *= 1.0 + coef.spoiler_increase * len(agreement.excluded)
    factor *= 1.0 + coef.tactical_breakdown_increase * len(agreement.tactical)
    return factor
