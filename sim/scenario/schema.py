"""The scenario file format, as pydantic models (format_version 1).

These models are the single source of the format: the loader validates with them and
``scenarios/schema.json`` is generated from them, so editors that read JSON Schema for TOML can
complete and check scenario files. Every model forbids unknown keys (a typo must not pass
silently), refuses NaN and infinities, and takes values strictly as written (no string-to-number
guessing). Cross-references between ids are checked afterwards by :mod:`sim.scenario.checks`.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from sim.model.coefficients import Coefficients, coefficient_info
from sim.model.drafts import SANCTION_KINDS
from sim.model.endings import CONDITIONS
from sim.model.voting import RULES

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", min_length=1, max_length=64),
]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Signed = Annotated[float, Field(ge=-1.0, le=1.0)]
Effect = Annotated[float, Field(ge=-2.0, le=2.0)]

SanctionKind = Literal["arms_embargo", "asset_freeze", "travel_ban", "comprehensive_trade"]
Rule = Literal["unsc", "weighted", "majority", "qualified", "unanimity", "consensus"]
ConditionName = Literal[
    "intensity_below",
    "intensity_above",
    "resolutions_adopted",
    "vetoes_cast",
    "civilian_deaths_above",
    "time_out",
]
assert set(SanctionKind.__args__) == set(SANCTION_KINDS)  # type: ignore[attr-defined]
assert set(Rule.__args__) == set(RULES)  # type: ignore[attr-defined]
assert set(ConditionName.__args__) == set(CONDITIONS)  # type: ignore[attr-defined]


class Strict(BaseModel):
    """Base of every scenario model: no unknown keys, no NaN, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class DimensionSpec(Strict):
    """An issue dimension scaled 0–1, and how each draft feature moves a draft along it."""

    id: Id
    name: Name
    description: Text = ""
    status_quo: Unit = Field(0.0, description="Position of 'no resolution' on this dimension.")
    effects: dict[str, Effect] = Field(
        default_factory=dict,
        description=(
            "Feature → shift of the draft's position per unit of the feature. Features:"
            " chapter_vii, troops (per 10,000), police (per 1,000), duration (per 12 months),"
            " referral, task:<task>, sanction:<kind>, demand:<demand>."
        ),
    )


class StateSpec(Strict):
    """A member state: capability, ideal positions and salience per dimension, relations."""

    id: Id = Field(description="Stable id; ISO 3166 alpha-3 codes for real states.")
    name: Name
    capability: Unit = Field(description="Relative power to shape outcomes (0–1).")
    bloc: Annotated[str, StringConstraints(max_length=64)] = ""
    domestic: Signed = Field(0.0, description="Standing bias for (+) or against (−) action.")
    concern: Unit = Field(0.5, description="How strongly crisis intensity moves this state.")
    political_capital: Annotated[float, Field(ge=0.0, le=100.0)] = 6.0
    ideal: dict[str, Unit] = Field(description="Ideal position on every dimension (by id).")
    salience: dict[str, Unit] = Field(description="How much each dimension matters (by id).")
    relations: dict[str, Signed] = Field(
        default_factory=dict, description="How this state regards others (−1 hostile … 1 close)."
    )


class BodySpec(Strict):
    """A voting body and its decision rule."""

    id: Id
    name: Name
    rule: Rule
    members: list[Id] = Field(min_length=1, max_length=250)
    permanent: list[Id] = Field(
        default_factory=list, description="Veto holders (the five permanent members for unsc)."
    )
    weights: list[Annotated[int, Field(ge=0, le=1_000_000)]] | None = None
    quota: Annotated[int, Field(ge=1)] | None = None
    fraction: Annotated[float, Field(gt=0.0, le=1.0)] | None = None


class CouncilSpec(Strict):
    """Which body is the Security Council of this scenario."""

    body: Id


class OrganizationSpec(Strict):
    """A regional organization and the body that takes its decisions."""

    id: Id
    name: Name
    members: list[Id] = Field(min_length=1, max_length=250)
    body: Id


class PartySpec(Strict):
    """A party to the conflict."""

    id: Id
    name: Name
    kind: Literal["government", "armed_group"]
    strength: Unit
    patrons: list[Id] = Field(default_factory=list)


class TheatreSpec(Strict):
    """The crisis on the ground."""

    id: Id
    name: Name
    intensity: Unit = Field(description="0 = calm, 1 = all-out war.")
    host: Id = Field(description="The party whose consent a mission needs.")
    host_consent: bool = True
    organizations: list[Id] = Field(
        default_factory=list, description="Regional organizations with standing in the crisis."
    )
    parties: list[PartySpec] = Field(min_length=1, max_length=20)


class SanctionSpec(Strict):
    """One sanctions measure and the parties it targets."""

    kind: SanctionKind
    targets: list[Id] = Field(default_factory=list)


class DraftSpec(Strict):
    """A draft resolution prepared by the scenario, tabled by its penholder from ``month``."""

    id: Id
    title: Name
    penholder: Id
    body: Id
    month: Annotated[int, Field(ge=1, le=120)] = 1
    patience: Annotated[int, Field(ge=1, le=24)] = Field(
        2, description="Months of consultation before the penholder calls the vote regardless."
    )
    chapter: Literal["VI", "VII"] = "VI"
    tasks: list[Id] = Field(default_factory=list)
    troop_ceiling: Annotated[int, Field(ge=0, le=200_000)] = 0
    police_ceiling: Annotated[int, Field(ge=0, le=50_000)] = 0
    duration: Annotated[int, Field(ge=1, le=60)] = 12
    sanctions: list[SanctionSpec] = Field(default_factory=list)
    referral: bool = False
    demands: list[Id] = Field(default_factory=list)


class EndingSpec(Strict):
    """A named ending: reached when its condition holds at the end of a month."""

    id: Id
    name: Name
    text: Text
    when: ConditionName
    threshold: float = 0.0
    from_month: Annotated[int, Field(ge=1, le=120)] = 1


class ClauseVocabulary(Strict):
    """Tasks and demands this scenario adds to the built-in ones."""

    tasks: list[Id] = Field(default_factory=list)
    demands: list[Id] = Field(default_factory=list)


def _coefficient_field(name: str, kind: type) -> tuple[Any, Any]:
    info = next(i for i in coefficient_info() if i.name == name)
    description = f"{info.meaning} Default {info.default}. Source: {info.source}"
    if kind is int:
        return (Annotated[int, Field(ge=1, le=20)] | None, Field(None, description=description))
    lower = -1.0 if name == "intensity_drift" else 0.0
    return (
        Annotated[float, Field(ge=lower, le=1000.0)] | None,
        Field(None, description=description),
    )


CoefficientOverrides: type[Strict] = create_model(  # type: ignore[call-overload]
    "CoefficientOverrides",
    __base__=Strict,
    __doc__="Overrides of the model's default coefficients (see the designer's guide).",
    **{
        f.name: _coefficient_field(f.name, int if f.type in (int, "int") else float)
        for f in dataclasses.fields(Coefficients)
    },
)


class ScenarioFile(Strict):
    """A Mandate scenario (format_version 1)."""

    format_version: Literal[1]
    id: Id
    title: Name
    summary: Annotated[str, StringConstraints(max_length=300)]
    difficulty: Literal["introductory", "intermediate", "advanced"] = "introductory"
    expected_minutes: Annotated[int, Field(ge=1, le=600)] = 30
    months: Annotated[int, Field(ge=1, le=120)] = Field(description="Months the game lasts.")
    player: Id | None = Field(
        None,
        description="The member state the player holds in the desktop game (default: the"
        " penholder of the first draft).",
    )
    briefing: Text = ""
    assumptions: list[Text] = Field(
        default_factory=list, description="What is simplified here, in plain words."
    )
    sources: list[Text] = Field(default_factory=list)
    coefficients: CoefficientOverrides = Field(default_factory=CoefficientOverrides)
    clauses: ClauseVocabulary = Field(default_factory=ClauseVocabulary)
    dimensions: list[DimensionSpec] = Field(min_length=1, max_length=12)
    states: list[StateSpec] = Field(min_length=1, max_length=250)
    bodies: list[BodySpec] = Field(min_length=1, max_length=20)
    council: CouncilSpec
    organizations: list[OrganizationSpec] = Field(default_factory=list, max_length=20)
    theatre: TheatreSpec
    drafts: list[DraftSpec] = Field(default_factory=list, max_length=50)
    endings: list[EndingSpec] = Field(min_length=1, max_length=20)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of scenario files, as committed in ``scenarios/schema.json``."""
    schema = ScenarioFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mandate.invalid/scenario-schema-v1.json"
    return schema
