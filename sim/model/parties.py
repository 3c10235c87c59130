"""The parties as negotiators: what a text is worth to each, what fighting on is worth, and
whether it signs.

A party accepts a text only when the text beats its *outside option*, the value of going on
fighting, computed from the theatre: its military prospects (the share of the country it holds),
its resolve, the cost of the fighting (a hurting stalemate, Zartman 2000, lowers it), sanctions
biting or threatened, its patrons' shield or pressure, and the commitment problem of laying down
arms, which guarantees offset (Walter 2002). The envoy's standing and aid sweeten the text; the
envoy's leaning toward a party, from who appointed it, makes that party trust it more and the
other less (Kydd 2003).

Every term is a named :class:`~sim.model.explain.Factor` in whole points, so the answer a party
gives is explained exactly as a vote is: the factors sum to the total, and the party signs when
the total is above zero (``--explain PARTY``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.explain import POINTS_PER_UNIT, Factor, Stance, classify
from sim.model.peace import PartyPosition, Settlement, Text
from sim.model.world import World

MAX_PATRONS_COUNTED = 2
ARMED_TROOPS_FOR_GUARANTEE = 1000


def _points(value: float) -> int:
    return round(value * POINTS_PER_UNIT)


@dataclass(frozen=True)
class Answer:
    """A party's answer to a text: the stance (factors, total, accept or refuse), what the text
    is worth to it and what its outside option is worth, both in points."""

    stance: Stance
    text_points: int
    outside_points: int

    @property
    def accepts(self) -> bool:
        """True when the party signs."""
        return self.stance.choice == "yes"


def text_factors(settlement: Settlement, position: PartyPosition, text: Text) -> list[Factor]:
    """The text's worth to the party, issue by issue: salience share × (1 − distance)."""
    total = sum(position.salience.values()) or 1.0
    return [
        Factor(
            f"text: {issue.name.lower()}",
            _points(
                position.salience[issue.id]
                / total
                * (1.0 - abs(text[issue.id] - position.ideal[issue.id]))
            ),
        )
        for issue in settlement.issues
    ]


def military_share(world: World, party_id: str) -> float:
    """The share of the country a party can expect to hold by fighting on: the government its
    territorial control, an armed group the rest in proportion to its means."""
    theatre = world.theatre
    party = theatre.party(party_id)
    if party.kind == "government":
        return theatre.government_control
    groups = [p for p in theatre.parties if p.kind != "government"]
    means = {p.id: theatre.resources.get(p.id, p.strength) for p in groups}
    total = sum(means.values())
    share = means[party_id] / total if total > 0 else 1.0 / len(groups)
    return (1.0 - theatre.government_control) * share


def _sanctions_threatened(world: World, party_id: str) -> bool:
    """A draft under consultation that would sanction the party, or threaten measures against
    the government."""
    party = world.theatre.party(party_id)
    for draft in world.drafts.values():
        if any(party_id in s.targets for s in draft.clauses.sanctions):
            return True
        if party.kind == "government" and "consider_measures" in draft.clauses.demands:
            return True
    return False


def guarantor_credibility(world: World, guarantor: str) -> float:
    """How far a guarantor can be trusted to enforce the agreement, 0–1: a mission by its armed
    troops on the ground (full with 1,000), a state's or organization's pledge by
    ``pledge_credibility``; a mission promised but not yet created, nothing."""
    mission = world.mission(guarantor)
    if mission is not None:
        if not mission.active or mission.withdrawing:
            return 0.0
        return min(1.0, mission.strength("troops") / ARMED_TROOPS_FOR_GUARANTEE)
    pledger = guarantor in world.states.index or guarantor in world.organizations
    # Anything else is a mission not yet created (a draft's promised force): no guarantee yet.
    return world.coefficients.pledge_credibility if pledger or guarantor == "un" else 0.0


def guarantee_strength(world: World, guarantors: tuple[str, ...] | list[str]) -> float:
    """The guarantors' combined credibility, at most 1."""
    return min(1.0, sum(guarantor_credibility(world, g) for g in guarantors))


def outside_factors(world: World, position: PartyPosition, stage: str) -> list[Factor]:
    """Everything but the text, as factors of the acceptance score (the outside option with
    the sign reversed, plus what the mediator and the guarantors add)."""
    coef = world.coefficients
    theatre = world.theatre
    peace = world.peace
    party = theatre.party(position.party)
    factors = [
        Factor(
            "fighting on: military prospects",
            -_points(coef.talks_prospects_weight * military_share(world, party.id)),
        ),
        Factor("fighting on: resolve", -_points(coef.talks_resolve_weight * position.resolve)),
    ]
    # The cost of war: the fighting now, or, once a ceasefire holds, what returning would cost.
    hurt = theatre.intensity if stage == "ceasefire" else world.coefficients.reference_intensity
    factors.append(Factor("the cost of fighting", _points(coef.talks_hurt_weight * hurt)))
    strength = party.strength
    worn = 1.0 - theatre.resources.get(party.id, strength) / strength if strength > 0 else 0.0
    if worn > 0:
        factors.append(Factor("sanctions biting", _points(coef.talks_sanctions_weight * worn)))
    if _sanctions_threatened(world, party.id):
        factors.append(Factor("sanctions threatened", _points(coef.talks_threat_weight)))
    shielding = [p for p in party.patrons if (p, party.id) not in peace.pressed]
    shield = min(len(shielding), MAX_PATRONS_COUNTED)
    if shield:
        factors.append(Factor("patrons' shield", -_points(coef.talks_patron_shield * shield)))
    pressing = sum((p, party.id) in peace.pressed for p in party.patrons)
    if pressing:
        factors.append(Factor("patrons press", _points(coef.talks_patron_push * pressing)))
    risk = coef.commitment_risk * (0.5 if stage == "ceasefire" else 1.0)
    factors.append(Factor("commitment problem", -_points(risk)))
    guarantee = guarantee_strength(world, sorted(peace.guarantees))
    if guarantee > 0:
        factors.append(Factor("guarantees", _points(coef.guarantee_value * guarantee)))
    if peace.aid > 0:
        factors.append(Factor("aid offered", _points(coef.aid_value * peace.aid)))
    if peace.envoy is not None:
        standing = coef.envoy_standing_weight * (peace.envoy.standing - 0.5)
        factors.append(Factor("envoy's standing", _points(standing)))
        lean = envoy_leaning(world, party.id)
        if lean:
            factors.append(Factor("envoy's leaning", _points(coef.envoy_bias_weight * lean)))
    return factors


def sponsor_leaning(world: World, sponsor: str, party_id: str) -> tuple[float, tuple[str, ...]]:
    """How far an envoy's sponsor stands on a party's side, from -1 to 1, and the members that
    put it on that side: for a regional organization, its members that are patrons of the party less
    those that are patrons of another party, as a share of all its members (the Arab League,
    two of whose eleven members armed the Syrian opposition, leans toward it by 2/11); the
    Secretary-General stands on no side."""
    org = world.organizations.get(sponsor)
    if org is None:
        return 0.0, ()
    backers = {p.id: {m for m in org.members if m in p.patrons} for p in world.theatre.parties}
    involved = set().union(*backers.values())
    if not involved:
        return 0.0, ()
    own = backers.get(party_id, set())
    others = involved - own
    return (len(own) - len(others)) / len(org.members), tuple(sorted(own))


def envoy_leaning(world: World, party_id: str) -> float:
    """The envoy's bias toward a party, -1 to 1: the mean of its sponsors' leanings (a joint
    envoy with the UN is half as biased as its organization). Kydd (2003): a mediator seen on
    a party's side is believed by that party and discounted by the other."""
    envoy = world.peace.envoy
    if envoy is None or not envoy.sponsors:
        return 0.0
    leanings = [sponsor_leaning(world, s, party_id)[0] for s in envoy.sponsors]
    return sum(leanings) / len(leanings)


def answer(world: World, party_id: str, text: Text, stage: str) -> Answer:
    """The party's answer to ``text`` now: it signs when the total is above zero, that is when
    the text is worth more to it than its outside option."""
    settlement = world.settlement
    if settlement is None:
        raise ValueError("this scenario has no settlement positions")
    position = settlement.positions[party_id]
    on_text = text_factors(settlement, position, text)
    rest = outside_factors(world, position, stage)
    factors = tuple(on_text + rest)
    total = sum(f.points for f in factors)
    stance = Stance(party_id, factors, total, 0, 0, classify(total, 0, 0), False)
    text_points = sum(f.points for f in on_text)
    return Answer(stance, text_points, text_points - total)


def outside_option(world: World, party_id: str, stage: str) -> int:
    """What the text must beat for the party to sign, in points."""
    settlement = world.settlement
    if settlement is None:
        raise ValueError("this scenario has no settlement positions")
    return -sum(f.points for f in outside_factors(world, settlement.positions[party_id], stage))


def zone_of_agreement(
    world: World, parties: tuple[str, ...], stage: str
) -> dict[str, dict[str, tuple[float, float]]]:
    """Issue by issue, the range each party would accept with every other issue at its own
    ideal: the zone of possible agreement drawn one issue at a time (empty ranges when even its
    ideal text is refused). Returns ``{issue: {party: (low, high)}}``."""
    settlement = world.settlement
    if settlement is None:
        return {}
    zone: dict[str, dict[str, tuple[float, float]]] = {i: {} for i in settlement.issue_ids()}
    for party in parties:
        position = settlement.positions[party]
        slack = (POINTS_PER_UNIT - outside_option(world, party, stage)) / POINTS_PER_UNIT
        total = sum(position.salience.values()) or 1.0
        for issue in settlement.issue_ids():
            weight = position.salience[issue] / total
            reach = slack / weight if weight > 0 else 1.0
            ideal = position.ideal[issue]
            if slack <= 0:
                zone[issue][party] = (ideal, ideal)
            else:
                zone[issue][party] = (max(0.0, ideal - reach), min(1.0, ideal + reach))
    return zone
