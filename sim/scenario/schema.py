"""The scenario file format, as pydantic models (format_version 1).

These models are the single source of the format: the loader validates with them and
``scenarios/schema.json`` is generated from them, so editors that read JSON Schema for TOML can
complete and check scenario files. Every model forbids unknown keys (a typo must not pass
silently), refuses NaN and infinities, and takes values strictly as written (no string-to-number
guessing). Cross-references between ids are checked afterwards by :mod:`sim.scenario.checks`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from sim.model.caveats import CAVEATS
from sim.model.coefficients import Coefficients, coefficient_info
from sim.model.drafts import CLAUSE_NUMBERS, SANCTION_KINDS, Clauses
from sim.model.endings import CONDITIONS
from sim.model.files import has_control
from sim.model.objectives import KINDS as OBJECTIVES
from sim.model.triggers import CONDITIONS as TRIGGERS
from sim.model.triggers import EFFECTS
from sim.model.voting import VOTING_RULES

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", min_length=1, max_length=64),
]


def _no_control(value: str) -> str:
    if has_control(value):
        raise ValueError("control characters (such as ESC, CR, LF or NUL) are not allowed")
    return value


def _text_controls(value: str) -> str:
    if has_control(value, allow_newlines=True):
        raise ValueError("control characters other than tab and newline are not allowed")
    return value


Line = Annotated[str, AfterValidator(_no_control)]
"""One line of text: no control characters (a file must not forge output or escape codes)."""
Text = Annotated[str, StringConstraints(max_length=20_000), AfterValidator(_text_controls)]
Name = Annotated[Line, StringConstraints(min_length=1, max_length=200)]
Summary = Annotated[str, StringConstraints(max_length=300), AfterValidator(_text_controls)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Signed = Annotated[float, Field(ge=-1.0, le=1.0)]
Effect = Annotated[float, Field(ge=-2.0, le=2.0)]

Phase = Literal["war", "ceasefire", "peace"]


def one_of(names: Iterable[str]) -> Any:
    """A ``Literal`` of a registry's names: validated, documented in the JSON Schema (as an
    enum) and in the guide exactly like a written-out ``Literal``, but read from the registry so
    a new entry needs no edit here."""
    return Literal[tuple(names)]


if TYPE_CHECKING:  # to the type checker these are strings; pydantic sees the Literals below
    SanctionKind = str
    Rule = str
    ConditionName = str
    TriggerName = str
    EffectName = str
    ObjectiveName = str
    CaveatName = str
else:
    SanctionKind = one_of(SANCTION_KINDS)
    Rule = one_of(VOTING_RULES.names())
    ConditionName = one_of(CONDITIONS)
    TriggerName = one_of(TRIGGERS)
    EffectName = one_of(EFFECTS)
    ObjectiveName = one_of(OBJECTIVES)
    CaveatName = one_of(CAVEATS)


def clause_number(name: str) -> Any:
    """The field of a numeric clause of a draft: its bounds and meaning from
    :data:`~sim.model.drafts.CLAUSE_NUMBERS`, its default from
    :class:`~sim.model.drafts.Clauses`."""
    number = CLAUSE_NUMBERS[name]
    default = next(f.default for f in dataclasses.fields(Clauses) if f.name == name)
    return Field(default, ge=number.minimum, le=number.maximum, description=number.meaning)


class Strict(BaseModel):
    """Base of every scenario model: no unknown keys, no NaN, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class DimensionSpec(Strict):
    """An issue dimension scaled 0–1, and how each draft feature moves a draft along it."""

    id: Id = Field(description="Stable id; states' `ideal` and `salience` tables use it as key.")
    name: Name = Field(description="Display name.")
    description: Text = Field(
        "", description="What the dimension stands for (shown to the player)."
    )
    status_quo: Unit = Field(0.0, description="Position of 'no resolution' on this dimension.")
    effects: dict[str, Effect] = Field(
        default_factory=dict,
        description=(
            "Feature → shift of the draft's position per unit of the feature. Features:"
            " chapter_vii, troops (per 10,000), police (per 1,000), observers (per 1,000),"
            " duration (per 12 months), referral, task:<task>, sanction:<kind>, demand:<demand>."
        ),
    )


class ContributorSpec(Strict):
    """A state's readiness to send uniformed personnel to missions."""

    troops: Annotated[int, Field(ge=0, le=200_000)] = Field(
        0, description="Troops it can send in all."
    )
    police: Annotated[int, Field(ge=0, le=50_000)] = Field(
        0, description="Police officers it can send in all."
    )
    observers: Annotated[int, Field(ge=0, le=5_000)] = Field(
        0, description="Military observers it can send in all."
    )
    casualty_tolerance: Unit = Field(
        0.5,
        description="How many losses it accepts, and how keen it is to serve where the fighting"
        " is: it withdraws after withdrawal_fatalities × tolerance / (1 − tolerance) of its"
        " soldiers are killed (at least one): 10 at 0.5, 40 at 0.8, 1 never withdraws; the"
        " risk that deters pledges is intensity × (1 − tolerance).",
    )
    reimbursement: Unit = Field(0.5, description="How much UN reimbursement attracts it.")
    lag_months: Annotated[int, Field(ge=0, le=24)] = Field(
        3,
        description="Months its contingents need to arrive once pledged (at least 1), before"
        " a random delay with mean extra_lag_mean.",
    )
    caveats: list[Id] = Field(default_factory=list, description="Tasks it refuses to serve under.")
    national_caveats: list[CaveatName] = Field(
        default_factory=list,
        description="Restrictions it puts on every contingent it sends when the AI holds the"
        " seat; each keeps only a share of the contingent's protection of civilians (the"
        " caveat_* coefficients). A player holding the seat sets its own.",
    )


class StateSpec(Strict):
    """A member state: capability, ideal positions and salience per dimension, relations."""

    id: Id = Field(description="Stable id; ISO 3166 alpha-3 codes for real states.")
    name: Name | None = Field(None, description="Display name (default: the roster's).")
    capability: Unit = Field(description="Relative power to shape outcomes (0–1).")
    bloc: Annotated[Line, StringConstraints(max_length=64)] = Field(
        "", description="A label grouping like-minded states (for display)."
    )
    domestic: Signed = Field(0.0, description="Standing bias for (+) or against (−) action.")
    concern: Unit = Field(0.5, description="How strongly crisis intensity moves this state.")
    political_capital: Annotated[float, Field(ge=0.0, le=100.0)] = Field(
        6.0,
        description="Stock of political capital for lobbying and side payments; it regains"
        " `political_capital_per_month` up to this stock.",
    )
    ideal: dict[str, Unit] = Field(description="Ideal position on every dimension (by id).")
    salience: dict[str, Unit] = Field(description="How much each dimension matters (by id).")
    relations: dict[str, Signed] = Field(
        default_factory=dict, description="How this state regards others (−1 hostile … 1 close)."
    )
    non_interference: Unit = Field(
        0.0,
        description="Weight on sovereignty (0–1): what authorizing force without the host's"
        " consent, and Chapter VII texts after a stretched precedent, cost this state.",
    )
    deference: dict[str, Unit] = Field(
        default_factory=dict,
        description="How much each regional organization's endorsement or refusal weighs with"
        " this state (0–1, by organization id). Default: 1 for members; the coefficient"
        " regional_deference toward the theatre's organizations; 0 otherwise.",
    )
    contributor: ContributorSpec | None = Field(
        None, description="Present when the state may contribute troops, police or observers."
    )


class BodySpec(Strict):
    """A voting body and its decision rule."""

    id: Id = Field(description="Stable id; drafts, organizations and the council refer to it.")
    name: Name = Field(description="Display name.")
    rule: Rule = Field(description="The decision rule (see Voting rules).")
    members: list[Id] = Field(min_length=1, max_length=250, description="Member states, by id.")
    permanent: list[Id] = Field(
        default_factory=list, description="Veto holders (the five permanent members for unsc)."
    )
    weights: list[Annotated[int, Field(ge=0, le=1_000_000)]] | None = Field(
        None, description="For `weighted`: one weight per member, in the order of `members`."
    )
    quota: Annotated[int, Field(ge=1, le=250_000_000)] | None = Field(
        None, description="For `weighted`: the weight of yes votes needed."
    )
    fraction: Annotated[float, Field(gt=0.0, le=1.0)] | None = Field(
        None, description="For `qualified`: the share of members whose yes is needed (rounded up)."
    )


class CouncilSpec(Strict):
    """Which body is the Security Council of this scenario."""

    body: Id = Field(description="Id of the body that is the Security Council.")
    precedent: Unit = Field(
        0.0,
        description="How stretched past mandates look at the start (0–1), as after Libya 2011:"
        " raises resistance to Chapter VII texts among members that weigh non-interference.",
    )


class OrganizationSpec(Strict):
    """A regional organization and the body that takes its decisions."""

    id: Id = Field(description="Stable id; the theatre, drafts and missions refer to it.")
    name: Name = Field(description="Display name.")
    members: list[Id] = Field(
        min_length=1,
        max_length=250,
        description="Member states, by id (its body's members must be among them).",
    )
    body: Id = Field(description="The body that takes its decisions (endorsements, deployments).")
    lead: Id | None = Field(None, description="The member state that leads its forces.")
    bridging_troops: Annotated[int, Field(ge=0, le=100_000)] = Field(
        0, description="Troops it can deploy on its own before the UN acts (0: none)."
    )
    deploy_above: Unit = Field(
        1.0, description="Intensity above which it considers deploying its bridging force."
    )


class PartySpec(Strict):
    """A party to the conflict."""

    id: Id = Field(description="Stable id; sanctions target it.")
    name: Name = Field(description="Display name.")
    kind: Literal["government", "armed_group"] = Field(
        description="A government or an armed group."
    )
    strength: Unit = Field(
        description="Its means to fight at the start (sanctions wear them down)."
    )
    patrons: list[Id] = Field(
        default_factory=list,
        description="States that help it evade sanctions (by their capability).",
    )


class ContingentSpec(Strict):
    """One contributor's personnel in a mission present at the start."""

    contributor: Id = Field(description="The member state whose personnel these are.")
    troops: Annotated[int, Field(ge=0, le=200_000)] = Field(0, description="Troops deployed.")
    police: Annotated[int, Field(ge=0, le=50_000)] = Field(0, description="Police deployed.")
    observers: Annotated[int, Field(ge=0, le=5_000)] = Field(
        0, description="Military observers deployed."
    )


class MissionSpec(Strict):
    """A mission already in the theatre when the scenario starts (AMIS in Darfur, say)."""

    id: Id = Field(description="Stable id.")
    kind: Literal["un", "regional", "hybrid"] = Field(
        description="A UN, regional or hybrid mission."
    )
    authority: Id = Field(description="The body (UN) or organization (regional) it answers to.")
    contributor: Id | None = Field(
        None,
        description="The member state that provides the troops, police and observers given"
        " here (needed when they are not 0).",
    )
    contingents: list[ContingentSpec] = Field(
        default_factory=list,
        max_length=60,
        description="Further contributors' contingents, each of which takes its own losses and"
        " withdraws on its own (UNPROFOR's many national battalions).",
    )
    chapter: Literal["VI", "VII"] = Field("VI", description="The Charter chapter it acts under.")
    tasks: list[Id] = Field(default_factory=list, description="Its tasks.")
    troops: Annotated[int, Field(ge=0, le=200_000)] = Field(
        0, description="Troops deployed at the start."
    )
    police: Annotated[int, Field(ge=0, le=50_000)] = Field(
        0, description="Police deployed at the start."
    )
    observers: Annotated[int, Field(ge=0, le=5_000)] = Field(
        0, description="Military observers deployed at the start."
    )
    troop_ceiling: Annotated[int, Field(ge=0, le=200_000)] | None = Field(
        None, description="Authorized troops (default: the troops deployed)."
    )
    police_ceiling: Annotated[int, Field(ge=0, le=50_000)] | None = Field(
        None, description="Authorized police (default: the police deployed)."
    )
    observer_ceiling: Annotated[int, Field(ge=0, le=5_000)] | None = Field(
        None, description="Authorized observers (default: the observers deployed)."
    )
    expires_month: Annotated[int, Field(ge=1, le=120)] = Field(
        12, description="The last month of its current mandate."
    )

    def deployed(self, kind: str) -> int:
        """Personnel of ``kind`` on the ground at the start: its own and its contingents'."""
        own: int = getattr(self, kind)
        others: int = sum(getattr(c, kind) for c in self.contingents)
        return own + others

    def contributors(self) -> list[str]:
        """Every state with personnel in it."""
        own = [self.contributor] if self.contributor is not None else []
        return own + [c.contributor for c in self.contingents]


class StartingSanctionSpec(Strict):
    """A sanctions measure in force when the scenario starts, from an earlier resolution."""

    resolution: Id = Field(
        description="The earlier resolution that imposed it; a draft that `renews` it carries"
        " the measure on or (leaving it out) lifts it."
    )
    kind: SanctionKind = Field(description="The measure (see Sanctions).")
    targets: list[Id] = Field(min_length=1, description="The parties it targets.")
    expires_month: Annotated[int, Field(ge=1, le=120)] = Field(
        120, description="The last month it is in force unless renewed (default: open-ended)."
    )
    yes_votes: Annotated[int, Field(ge=0, le=250)] = Field(
        15, description="Yes votes it was adopted with (for its signalling)."
    )


class RegionSpec(Strict):
    """A labelled place on the theatre map, at a fraction of the image's width and height."""

    name: Name = Field(description="The label shown on the map.")
    x: Unit = Field(description="Across the map, 0 (left edge) to 1 (right edge).")
    y: Unit = Field(description="Down the map, 0 (top edge) to 1 (bottom edge).")
    kind: Literal["place", "camps"] = Field(
        "place",
        description="`camps`: where the displaced gather; the map shows their number there"
        " (split evenly between such regions) as a disc whose area follows it.",
    )


class TheatreSpec(Strict):
    """The crisis on the ground."""

    id: Id = Field(description="Stable id.")
    name: Name = Field(description="Display name (used in sentences: 'the theatre').")
    intensity: Unit = Field(description="0 = calm, 1 = all-out war.")
    host: Id = Field(description="The party whose consent a mission needs.")
    host_consent: bool = Field(
        True, description="Whether the host consents to missions at the start."
    )
    organizations: list[Id] = Field(
        default_factory=list, description="Regional organizations with standing in the crisis."
    )
    host_state: Id | None = Field(None, description="The member state where the war is fought.")
    consent_tolerance: Annotated[float, Field(ge=0.0, le=10.0)] = Field(
        1.0, description="Grievance at which the host withdraws consent (see the guide)."
    )
    phase: Phase = Field("war", description="The phase at the start.")
    displaced: Annotated[int, Field(ge=0, le=100_000_000)] = Field(
        0, description="People displaced at the start."
    )
    government_control: Unit = Field(
        0.5, description="Share of territory the government controls at the start."
    )
    map: Annotated[Line, StringConstraints(max_length=200)] | None = Field(
        None, description="A PNG or JPEG map of the theatre, relative to this file's folder."
    )
    control_map: Annotated[Line, StringConstraints(max_length=200)] | None = Field(
        None,
        description="A grey PNG beside the map (same proportions) saying which part of the host"
        " country the armed groups hold first: 0 outside it, else 1-255 (255 first). The map"
        " hatches the places whose (value - 1) / 254 exceeds the government's share of the"
        " territory. The map scripts draw one with each map.",
    )
    regions: list[RegionSpec] = Field(
        default_factory=list, max_length=40, description="Labelled places on the map."
    )
    parties: list[PartySpec] = Field(
        min_length=1, max_length=20, description="The parties to the conflict."
    )
    missions: list[MissionSpec] = Field(
        default_factory=list,
        max_length=10,
        description="Missions already deployed when the scenario starts.",
    )
    sanctions: list[StartingSanctionSpec] = Field(
        default_factory=list,
        max_length=20,
        description="Sanctions already in force at the start (the Res. 713 arms embargo on"
        " Yugoslavia, say).",
    )


class SanctionSpec(Strict):
    """One sanctions measure and the parties it targets."""

    kind: SanctionKind = Field(description="The measure (see Sanction kinds).")
    targets: list[Id] = Field(
        default_factory=list, description="Parties it targets, by id (none: it imposes nothing)."
    )


class NationalContingentSpec(Strict):
    """What one member state commits to a force under national command."""

    state: Id = Field(description="The member state acting under its own command.")
    troops: Annotated[int, Field(ge=0, le=200_000)] = Field(0, description="Troops it commits.")
    police: Annotated[int, Field(ge=0, le=50_000)] = Field(0, description="Police it commits.")


class DraftSpec(Strict):
    """A draft resolution prepared by the scenario, tabled by its penholder from ``month``."""

    id: Id = Field(
        description="Stable id; triggers refer to it; a mission it creates takes this id."
    )
    title: Name = Field(description="Title of the draft resolution.")
    penholder: Id = Field(
        description="The member state that holds the pen (tables, amends, calls the vote)."
    )
    body: Id = Field(description="The body it is put to.")
    month: Annotated[int, Field(ge=1, le=120)] = Field(
        1,
        description="First month in which it may be tabled (with `mandate run --historical`: the"
        " month it is tabled and voted).",
    )
    patience: Annotated[int, Field(ge=1, le=24)] = Field(
        2, description="Months of consultation before the penholder calls the vote regardless."
    )
    renews: Id | None = Field(
        None,
        description="Another draft, a mission present at the start, or the resolution of"
        " sanctions in force at the start, whose mission (or measures) this one renews, resizes"
        " or (with no personnel) ends.",
    )
    chapter: Literal["VI", "VII"] = Field(
        "VI", description="Chapter VI (consent-based) or VII (enforcement)."
    )
    tasks: list[Id] = Field(
        default_factory=list, description="Mission tasks (built-in or declared in `[clauses]`)."
    )
    troop_ceiling: int = clause_number("troop_ceiling")
    police_ceiling: int = clause_number("police_ceiling")
    observer_ceiling: int = clause_number("observer_ceiling")
    duration: int = clause_number("duration")
    sanctions: list[SanctionSpec] = Field(
        default_factory=list, description="Sanctions measures and their targets."
    )
    referral: bool = Field(
        False, description="Refers the situation to the International Criminal Court."
    )
    demands: list[Id] = Field(
        default_factory=list, description="Demands on the parties (declared in `[clauses]`)."
    )
    endorsed_by: list[Id] = Field(
        default_factory=list,
        description="Regional organizations that requested or endorsed this text before it was"
        " tabled (their members count it in the regional factor).",
    )
    rehat_from: Id | None = Field(
        None, description="A regional organization whose bridging force the mission takes over."
    )
    hybrid_with: Id | None = Field(
        None, description="A regional organization the mission is a hybrid with."
    )
    national_command: list[NationalContingentSpec] = Field(
        default_factory=list,
        max_length=20,
        description="Member states authorized to act under their own command (Opération"
        " Turquoise, Res. 929) and what each commits: the force is outside UN command and"
        " reimbursement, only these states send personnel, and its soldiers count like a"
        " regional organization's in the death rates.",
    )
    time_limited: bool = Field(
        False,
        description="An authorization for a fixed period: under --historical its penholder does"
        " not renew it when it ends.",
    )
    mission_name: Name | None = Field(
        None,
        description='What the news calls the mission it creates ("UNAMIR II", "Opération'
        ' Turquoise"). Without it: the acronym its title ends with ("… (MINUSMA)"), else'
        ' "the UN mission in" the theatre.',
    )


class EffectSpec(Strict):
    """One effect of a trigger; which fields it needs depends on its kind (see the guide)."""

    kind: EffectName = Field(description="The effect (see Trigger effects).")
    actor: Id | None = Field(None, description="The state the effect acts on.")
    other: Id | None = Field(None, description="The other state (`set_relation`).")
    dimension: Id | None = Field(
        None, description="The dimension (`shift_position`, `shift_salience`)."
    )
    name: Id | None = Field(None, description="The coefficient (`set_coefficient`).")
    value: Annotated[float, Field(ge=-1_000_000.0, le=1_000_000.0)] = Field(
        0.0, description="The amount or new value."
    )
    text: Annotated[Line, StringConstraints(max_length=2_000)] = Field(
        "", description="News text, one line (`event`, `crisis`, `withdraw_consent`)."
    )
    body: Id | None = Field(None, description="The voting body (for replace_member).")
    phase: Phase | None = Field(None, description="The theatre's new phase (for set_phase).")


class TriggerSpec(Strict):
    """A scenario event: a condition from the registry and the effects it has."""

    id: Id = Field(description="Stable id.")
    when: TriggerName = Field(description="The condition (see Trigger conditions).")
    metric: Id | None = Field(None, description="The metric the condition reads (see Metrics).")
    threshold: float = Field(0.0, description="The value the metric is compared with.")
    month: Annotated[int, Field(ge=0, le=120)] = Field(
        0, description="For `month_reached`: fires at the end of this month."
    )
    draft: Id | None = Field(None, description="For the `draft_*` conditions: the draft's id.")
    phase: Phase | None = Field(None, description="For `phase_is`.")
    once: bool = Field(
        True, description="Fires only once (false: every month the condition holds)."
    )
    chance: Unit = Field(
        1.0, description="Probability that it fires in a month where its condition holds."
    )
    effects: list[EffectSpec] = Field(
        min_length=1, max_length=20, description="What happens when it fires, in order."
    )


class ObjectiveSpec(Strict):
    """A goal of the scenario, judged by a kind from the objectives registry."""

    id: Id = Field(description="Stable id; endings refer to it.")
    name: Name = Field(description="What the player reads.")
    kind: ObjectiveName = Field(description="How it is judged (see Objective kinds).")
    metric: Id | None = Field(None, description="The metric it reads (see Metrics).")
    threshold: float = Field(0.0, description="The value the metric is compared with (or a count).")
    by_month: Annotated[int, Field(ge=0, le=120)] = Field(
        0,
        description="The deadline: judged once this month has been played (0: at the end of the"
        " game).",
    )
    phase: Phase | None = Field(None, description="For `phase_at_least`.")
    clause: Annotated[str, StringConstraints(max_length=80)] | None = Field(
        None,
        description="A draft feature a resolution must carry (clause_adopted): chapter_vii,"
        " referral, sanction:KIND, task:ID or demand:ID.",
    )


class EndingSpec(Strict):
    """A named ending: reached when its condition holds at the end of a month."""

    id: Id = Field(description="Stable id.")
    name: Name = Field(description="Title of the ending.")
    text: Text = Field(description="What the debrief says.")
    when: ConditionName = Field(description="The condition (see Ending conditions).")
    threshold: float = Field(0.0, description="The value the condition compares with.")
    from_month: Annotated[int, Field(ge=1, le=120)] = Field(
        1, description="The ending is not checked before this month."
    )
    objectives: list[Id] = Field(
        default_factory=list, description="For objectives_met and objectives_failed."
    )


class ClauseVocabulary(Strict):
    """Tasks and demands this scenario adds to the built-in ones."""

    tasks: list[Id] = Field(
        default_factory=list,
        max_length=100,
        description="Mission tasks beyond the built-in ones (each becomes a `task:<id>` feature).",
    )
    demands: list[Id] = Field(
        default_factory=list,
        max_length=100,
        description="Demands drafts may make (each becomes a `demand:<id>` feature).",
    )
    threats: list[Id] = Field(
        default_factory=list,
        max_length=100,
        description="Demands (built-in or declared here) that threaten measures against the"
        " government, such as 'consider further measures under Article 41': they press the"
        " government like a sanction and count as coercive for the precedent factor.",
    )


def _coefficient_field(name: str, kind: type) -> tuple[Any, Any]:
    """An optional override, bounded by the ``min`` and ``max`` that defaults.toml declares."""
    info = next(i for i in coefficient_info() if i.name == name)
    description = (
        f"{info.meaning} Default {info.default}, from {info.minimum} to {info.maximum}."
        f" Source: {info.source}"
    )
    bounded = Annotated[kind, Field(ge=info.minimum, le=info.maximum)]  # type: ignore[valid-type]
    return (bounded | None, Field(None, description=description))


CoefficientOverrides: type[Strict] = create_model(  # type: ignore[call-overload]
    "CoefficientOverrides",
    __base__=Strict,
    __doc__="Overrides of the model's default coefficients (see the designer's guide).",
    **{
        f.name: _coefficient_field(f.name, int if f.type in (int, "int") else float)
        for f in dataclasses.fields(Coefficients)
    },
)


class SettlementIssueSpec(Strict):
    """An issue of a settlement, scaled 0-1 (say 0 = the government's way, 1 = the rebels')."""

    id: Id = Field(description="The issue's id, used in positions and texts.")
    name: Name = Field(description="Its display name, e.g. Power-sharing.")
    description: Text = Field("", description="What 0 and 1 mean on it.")


class PartyPositionSpec(Strict):
    """A party's private bottom line on the settlement issues."""

    party: Id = Field(description="A party of the theatre.")
    ideal: dict[Id, Unit] = Field(description="Its ideal point on every settlement issue.")
    salience: dict[Id, Unit] = Field(description="How much each issue matters to it.")
    resolve: Unit = Field(0.5, description="Its will to fight on whatever the cost, 0-1.")


SettlementText = dict[Id, Unit]


class EnvoySpec(Strict):
    """The envoy the AI Secretary-General appoints (the historical one), and the first text."""

    name: Name = Field(description="The envoy's name, e.g. Kofi Annan.")
    appointed_by: list[Id] = Field(
        min_length=1,
        max_length=2,
        description="'un' (the Secretary-General) and/or a regional organization: two = joint.",
    )
    month: Annotated[int, Field(ge=1, le=120)] = Field(description="The month of appointment.")
    text: SettlementText = Field(
        default_factory=dict,
        description="The text first put to the parties (all issues), e.g. a six-point plan;"
        " empty: the envoy drafts one. In --historical runs it is the only text put.",
    )
    text_name: Name | None = Field(None, description="The plan's name, for the news.")


class AgreementSpec(Strict):
    """An agreement already in force when the scenario starts (the theatre must not be at war)."""

    name: Name = Field(description="The agreement's name, e.g. Arusha Accords.")
    kind: Literal["ceasefire", "peace"] = Field(description="A ceasefire or a peace agreement.")
    text: SettlementText = Field(description="Its provisions: a value for every issue.")
    signatories: list[Id] = Field(min_length=1, description="Parties that signed it.")
    guarantors: list[Id] = Field(
        default_factory=list,
        description="Missions (or drafts that will create them), member states or"
        " organizations that guarantee it.",
    )
    women: bool = Field(False, description="Women delegates signed it.")
    civil_society: bool = Field(False, description="Civil society sat at the table.")


class PeaceSpec(Strict):
    """Settlement positions: with them, war ends only by agreements negotiated at talks."""

    issues: list[SettlementIssueSpec] = Field(
        min_length=1, max_length=8, description="The issues a settlement must decide."
    )
    positions: list[PartyPositionSpec] = Field(
        min_length=1,
        max_length=20,
        description="The position of every party that may sit at the table (one each, at least"
        " two). A party without one never does: it fights on outside any talks, a spoiler of"
        " what the others sign.",
    )
    outside_factions: list[Name] = Field(
        default_factory=list,
        max_length=10,
        description="Armed factions that are not parties and never sit at the table: spoilers.",
    )
    envoy: EnvoySpec | None = Field(
        None, description="The envoy to appoint (default: one once fighting is fierce enough)."
    )
    agreement: AgreementSpec | None = Field(
        None, description="An agreement in force when the scenario starts."
    )
    chance_endings: bool = Field(
        False,
        description="The monthly hazards (ceasefire_hazard, peace_agreement_hazard) still end"
        " the war beside the talks: for a war that ended by victory or exhaustion, as most"
        " civil wars do (Kreutz 2010). Default: only agreements signed at talks end it.",
    )


class CaucusSpec(Strict):
    """A group of members that coordinate their votes (the P3, the African members, the E10)."""

    id: Id = Field(description="Stable id of the caucus.")
    name: Name = Field(description="Display name, such as 'The A3 (African members)'.")
    members: list[Id] = Field(
        min_length=2,
        max_length=250,
        description="Its members: each leans toward the average stance of the others in the body"
        " that votes (the caucus factor).",
    )


class ScenarioFile(Strict):
    """A Mandate scenario (format_version 1)."""

    format_version: Literal[1] = Field(description="The version of the file format; always 1.")
    id: Id = Field(description="Stable id of the scenario: saves and replays refer to it.")
    title: Name = Field(description="Title shown in the scenario menu and the briefing.")
    summary: Summary = Field(description="One line for the scenario menu.")
    difficulty: Literal["introductory", "intermediate", "advanced"] = Field(
        "introductory", description="How hard the scenario is, for the menu."
    )
    expected_minutes: Annotated[int, Field(ge=1, le=600)] = Field(
        30, description="About how long a game takes, for the menu."
    )
    months: Annotated[int, Field(ge=1, le=120)] = Field(description="Months the game lasts.")
    roster: Annotated[Line, StringConstraints(max_length=200)] | None = Field(
        None,
        description="Path (relative to this file) of a world roster whose ids the states must"
        " use and whose names they may omit, e.g. data/world_roster.toml.",
    )
    player: Id | None = Field(
        None,
        description="The member state the player holds in the desktop game (default: the"
        " penholder of the first draft; with no draft, the Council's first permanent member,"
        " else its first member).",
    )
    start: Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] | None = Field(
        None, description="The calendar month of month 1, as YYYY-MM (for display)."
    )
    briefing: Text = Field("", description="What the player reads before the first month.")
    history: Text = Field(
        "", description="What really happened, shown in the debrief of historical scenarios."
    )
    assumptions: list[Text] = Field(
        default_factory=list, description="What is simplified here, in plain words."
    )
    sources: list[Text] = Field(
        default_factory=list,
        description="Where the positions and numbers come from (`--strict` warns when empty).",
    )
    coefficients: CoefficientOverrides = Field(
        default_factory=CoefficientOverrides,
        description="Overrides of the model's coefficients (see Coefficients).",
    )
    clauses: ClauseVocabulary = Field(
        default_factory=ClauseVocabulary,
        description="Tasks and demands this scenario adds to the built-in ones.",
    )
    dimensions: list[DimensionSpec] = Field(
        min_length=1, max_length=12, description="The issue dimensions drafts are judged on."
    )
    states: list[StateSpec] = Field(min_length=1, max_length=250, description="The member states.")
    bodies: list[BodySpec] = Field(min_length=1, max_length=20, description="The voting bodies.")
    council: CouncilSpec = Field(description="Which body is the Security Council.")
    organizations: list[OrganizationSpec] = Field(
        default_factory=list, max_length=20, description="Regional organizations."
    )
    caucuses: list[CaucusSpec] = Field(
        default_factory=list,
        max_length=20,
        description="Groups of members that coordinate their votes (see the caucus factor).",
    )
    theatre: TheatreSpec = Field(description="The crisis on the ground.")
    drafts: list[DraftSpec] = Field(
        default_factory=list, max_length=50, description="Draft resolutions the scenario prepares."
    )
    triggers: list[TriggerSpec] = Field(
        default_factory=list, max_length=100, description="Scenario events."
    )
    objectives: list[ObjectiveSpec] = Field(
        default_factory=list, max_length=30, description="What the player is asked to achieve."
    )
    endings: list[EndingSpec] = Field(
        min_length=1,
        max_length=20,
        description="How the game can end, checked in this order every month.",
    )
    peace: PeaceSpec | None = Field(
        None, description="The parties' settlement positions, envoy and agreement (see the guide)."
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of scenario files, as committed in ``scenarios/schema.json``."""
    schema = ScenarioFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mandate.invalid/scenario-schema-v1.json"
    return schema
