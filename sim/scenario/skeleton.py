"""The skeleton a designer starts from: ``mandate new NAME`` writes it, commented, ready to edit.

The skeleton is a complete small scenario that passes ``mandate check --strict`` and plays to an
ending (in some seeds the one that needs every objective met, in others not), so a designer always
starts from something that works and changes one thing at a time.
Its first line points editors at the JSON Schema (``#:schema ./schema.json``) when the file is
written beside one (in ``scenarios/`` or a folder below it); elsewhere the line is left out.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from sim.scenario.schema import Id

SCHEMA_ID = "https://mandate.invalid/scenario-schema-v1.json"
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
ID_MAX = 64


def valid_name(name: str) -> bool:
    """True when ``name`` can be a scenario id (and so a file name): letters, digits, _ and -."""
    return bool(ID_PATTERN.match(name)) and len(name) <= ID_MAX


assert Id.__metadata__[0].pattern == ID_PATTERN.pattern  # type: ignore[attr-defined]
assert Id.__metadata__[0].max_length == ID_MAX  # type: ignore[attr-defined]


def title_of(name: str) -> str:
    """A first title from an id: ``civil-war_north`` → ``Civil war north``."""
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def _is_schema(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("$id") == SCHEMA_ID


def schema_reference(output: Path) -> str | None:
    """The ``#:schema`` path for a scenario written at ``output``, or None when none is found.

    The nearest ``schema.json`` of Mandate's scenario format in the output's folder or a folder
    above it, as a relative POSIX path (``./schema.json``, ``../schema.json``).
    """
    folder = output.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schema.json"
        if schema.is_file() and _is_schema(schema):
            relative = Path(os.path.relpath(schema, folder)).as_posix()
            return relative if relative.startswith("../") else f"./{relative}"
    return None


# Council members: id, name, ideal (force, presence, pressure), salience, relations, extra keys.
_STATES: tuple[tuple[str, str, tuple[float, float, float], float, str, str], ...] = (
    (
        "P1",
        "Permanent member 1",
        (0.8, 0.6, 0.7),
        0.5,
        "P2 = 0.7, P3 = 0.5, P4 = -0.3",
        "political_capital = 8.0\nconcern = 0.8",
    ),
    ("P2", "Permanent member 2", (0.6, 0.5, 0.6), 0.4, "P1 = 0.7", "concern = 0.7"),
    ("P3", "Permanent member 3", (0.5, 0.5, 0.4), 0.4, "P1 = 0.5", "concern = 0.6"),
    (
        "P4",
        "Permanent member 4",
        (0.15, 0.3, 0.1),
        0.6,
        "P1 = -0.3, HOST = 0.8",
        "concern = 0.3\ndomestic = -0.03",
    ),
    ("P5", "Permanent member 5", (0.3, 0.4, 0.3), 0.5, "P4 = 0.5", "concern = 0.4"),
    ("E1", "Elected member 1", (0.6, 0.5, 0.5), 0.3, "P1 = 0.4", ""),
    ("E2", "Elected member 2", (0.55, 0.5, 0.5), 0.3, "", ""),
    ("E3", "Elected member 3", (0.5, 0.6, 0.4), 0.3, "", ""),
    ("E4", "Elected member 4", (0.45, 0.5, 0.4), 0.3, "", ""),
    ("E5", "Elected member 5", (0.4, 0.6, 0.35), 0.4, "", ""),
    ("E6", "Elected member 6", (0.4, 0.5, 0.3), 0.3, "", ""),
    ("E7", "Elected member 7", (0.35, 0.4, 0.3), 0.4, "P4 = 0.3", ""),
    ("E8", "Elected member 8", (0.3, 0.4, 0.3), 0.4, "P4 = 0.4", ""),
    ("E9", "Elected member 9", (0.25, 0.3, 0.2), 0.4, "P4 = 0.4", ""),
    ("E10", "Elected member 10", (0.45, 0.6, 0.3), 0.4, "TCC1 = 0.5", "concern = 0.7"),
)


def _state(
    sid: str, name: str, ideal: tuple[float, float, float], salience: float, rel: str, more: str
) -> str:
    force, presence, pressure = ideal
    lines = [
        "[[states]]",
        f'id = "{sid}"',
        f'name = "{name}"',
        f"capability = {0.8 if sid.startswith('P') else 0.3}",
        f"ideal = {{ force = {force}, presence = {presence}, pressure = {pressure} }}",
        f"salience = {{ force = {salience}, presence = 0.3, pressure = {salience} }}",
    ]
    if rel:
        lines.append(f"relations = {{ {rel} }}")
    if more:
        lines += more.split("\n")
    return "\n".join(lines) + "\n"


_HEAD = '''\
# __TITLE__: a new Mandate scenario, written by `mandate new __ID__`.
#
# A complete small scenario to edit one step at a time: replace the placeholder states, numbers
# and texts with your crisis. The designer's guide (scenarios/README.md) describes every key.
# After each change:
#   mandate check --strict FILE       (errors and warnings, each at its line and column)
#   mandate run FILE --seed 1         (watch the AI play every seat)
#   mandate run FILE --seed 1 --explain P4   (every factor behind one member's votes)

format_version = 1            # the version of the file format; required
id = "__ID__"                 # stable id (saves and replays refer to it): letters, digits, _ and -
title = "__TITLE__"
summary = "One line for the scenario menu: who, where, what is at stake."
difficulty = "introductory"   # introductory, intermediate or advanced
expected_minutes = 20
months = 18                   # the game ends after this many months at the latest
player = "P1"                 # the seat the player holds in the desktop game (a council member)
# start = "2024-01"           # the calendar month of month 1, for display
# roster = "data/world_roster.toml"   # use real UN member states: ids become ISO 3166 alpha-3
#                                     # codes and names may be omitted (see the guide)

briefing = """
What the player reads before the first month: the crisis, who holds the pen, who threatens a
veto, which regional organizations are watching.
"""

# What is simplified here, in plain words (shown on the briefing screen), and where the numbers
# come from. `mandate check --strict` warns when either list is empty.
assumptions = [
  "Placeholder states stand for the Council; their positions were chosen to show the mechanics.",
  "Three issue dimensions stand for everything a draft can contest.",
]
sources = [
  "Veto and abstention rules: UN Charter Art. 27; ICJ Namibia advisory opinion (1971).",
]

# Any model coefficient may be overridden here (the guide lists each with its default and
# source); name the source of the new value in `sources`.
[coefficients]
consultation_rounds = 3

# ---------------------------------------------------------------------------------------------
# Issue dimensions, each from 0 to 1. A draft's position on a dimension is `status_quo` plus the
# effect of every feature it has: chapter_vii, troops (per 10,000), police (per 1,000),
# observers (per 1,000), duration (per 12 months), referral, task:<task>, sanction:<kind>,
# demand:<demand>.
[[dimensions]]
id = "force"
name = "Use of force"
description = "How far the Council authorizes coercion."
status_quo = 0.0
effects = { chapter_vii = 0.5, "task:protection_of_civilians" = 0.2 }

[[dimensions]]
id = "presence"
name = "Foreign presence"
description = "Size of the uniformed presence on the ground."
effects = { troops = 0.6, police = 0.1 }

[[dimensions]]
id = "pressure"
name = "Pressure on the parties"
description = "Sanctions and demands."
effects = { "sanction:arms_embargo" = 0.3, "sanction:asset_freeze" = 0.2, "demand:ceasefire" = 0.1 }

# Demands this scenario's drafts may make (tasks such as protection_of_civilians are built in).
[clauses]
demands = ["ceasefire"]

# ---------------------------------------------------------------------------------------------
# Member states. ideal: where each wants a draft on every dimension; salience: how much each
# dimension matters to it (0-1); relations: how it regards others (-1 .. 1); concern: how much
# the crisis's intensity pushes it to act; domestic: a standing bias for (+) or against (-)
# Council action. Every state must play a part (a body, an organization, a draft, a patron of a
# party, a contributor table or a trigger), or `--strict` warns.

# The five permanent members (veto holders).
'''

_MIDDLE = """\
# The host state and two troop contributors, outside the Council. A `contributor` table makes a
# state send troops, police and military observers to missions: what it can send in all, its
# casualty tolerance (it leaves after 20 x (1 - tolerance) of its people are killed, at least
# one; 1: never leaves), its interest in UN reimbursement, months to arrive (plus a random
# delay), tasks it refuses. Each month it is willing, it pledges a share of its spare capacity
# (at least 50); the guide explains how willingness is worked out.
[[states]]
id = "HOST"
name = "Host state"
capability = 0.2
concern = 0.2
ideal = { force = 0.0, presence = 0.1, pressure = 0.0 }
salience = { force = 0.9, presence = 0.8, pressure = 0.8 }
relations = { P4 = 0.9 }

[[states]]
id = "TCC1"
name = "Troop contributor 1"
capability = 0.2
concern = 0.6
ideal = { force = 0.4, presence = 0.6, pressure = 0.3 }
salience = { force = 0.3, presence = 0.4, pressure = 0.3 }
contributor = { troops = 6000, police = 300, casualty_tolerance = 0.6, lag_months = 2 }

[[states]]
id = "TCC2"
name = "Troop contributor 2"
capability = 0.2
concern = 0.6
ideal = { force = 0.35, presence = 0.5, pressure = 0.3 }
salience = { force = 0.3, presence = 0.4, pressure = 0.3 }

[states.contributor]          # the same kind of table, written as a sub-table of TCC2
troops = 4000
police = 200
casualty_tolerance = 0.5
reimbursement = 0.8
lag_months = 3
caveats = ["all_necessary_measures"]  # it will not serve where force is authorized

# ---------------------------------------------------------------------------------------------
# Voting bodies. rule = "unsc": 15 members, 9 votes to pass, a veto for each of the five
# `permanent` members (an abstention is not a veto). Other rules: majority, qualified (with
# `fraction`), weighted (with `weights` and `quota`), unanimity, consensus.
[[bodies]]
id = "unsc"
name = "Security Council"
rule = "unsc"
members = [
  "P1", "P2", "P3", "P4", "P5",
  "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10",
]
permanent = ["P1", "P2", "P3", "P4", "P5"]

[[bodies]]
id = "ro_council"
name = "Regional Council"
rule = "majority"
members = ["HOST", "TCC1", "TCC2", "E10"]

# The body that is the Security Council of this scenario.
[council]
body = "unsc"

# A regional organization decides through one of the bodies above; penholders ask the theatre's
# organizations to endorse drafts. With a `lead` and `bridging_troops` it deploys its own force
# once intensity rises above `deploy_above` (below 1, or it never does).
[[organizations]]
id = "ro"
name = "Regional Organization"
members = ["HOST", "TCC1", "TCC2", "E10"]
body = "ro_council"
lead = "TCC1"
bridging_troops = 1500
deploy_above = 0.75

# ---------------------------------------------------------------------------------------------
# The crisis on the ground.
[theatre]
id = "theatre"
name = "the theatre"
intensity = 0.6               # 0 calm .. 1 all-out war
host = "gov"                  # the party whose consent a mission needs
host_state = "HOST"           # the member state where the war is fought
consent_tolerance = 0.7       # grievance at which the host withdraws consent: a Chapter VII
                              # mission adds 0.4, sanctions on it 0.3, an ICC referral 0.3
organizations = ["ro"]

[[theatre.parties]]
id = "gov"
name = "The government"
kind = "government"
strength = 0.6
patrons = ["P4"]              # states that help it evade sanctions

[[theatre.parties]]
id = "rebels"
name = "The rebels"
kind = "armed_group"
strength = 0.4

# ---------------------------------------------------------------------------------------------
# Drafts the scenario prepares. The penholder tables each from its `month`, consults, concedes
# clause by clause while it is forecast to fail, and calls the vote (after `patience` months at
# the latest). A draft with troops, police or observers creates a mission.
[[drafts]]
id = "mission"
title = "Protection of civilians"
penholder = "P1"
body = "unsc"
month = 1
patience = 2
chapter = "VII"
tasks = ["protection_of_civilians"]
troop_ceiling = 6000
police_ceiling = 500
duration = 12
demands = ["ceasefire"]
sanctions = [{ kind = "arms_embargo", targets = ["rebels"] }]

# A second draft for the player's seat: sanctions on the government. With a Chapter VII mission
# in place they take the host's grievance to its tolerance (0.4 + 0.3), and it expels the
# mission. Its `duration` (default 12 months) sets when the sanctions expire. (An AI penholder
# tables nothing new while a resolution it drafted is in force.)
[[drafts]]
id = "pressure"
title = "Targeted sanctions on the government"
penholder = "P1"
body = "unsc"
month = 6
chapter = "VII"
sanctions = [{ kind = "asset_freeze", targets = ["gov"] }]

# ---------------------------------------------------------------------------------------------
# Triggers: scenario events. `when` names a condition, `effects` come from the effects registry
# (the guide lists both). Each fires once unless `once = false`; `chance` makes it random.
[[triggers]]
id = "offensive"
when = "month_reached"
month = 6
effects = [
  { kind = "crisis", value = 0.1, text = "A rebel offensive reaches the capital's outskirts." },
  { kind = "shift_position", actor = "P4", dimension = "force", value = 0.1 },
]

# ---------------------------------------------------------------------------------------------
# Objectives: what the player is asked to achieve (kinds from the objectives registry).
[[objectives]]
id = "protect"
name = "Fewer than 40 civilians killed a month by month 12"
kind = "metric_below"
metric = "civilian_deaths"
threshold = 40
by_month = 12

[[objectives]]
id = "deploy"
name = "A mission at least half deployed by month 12"
kind = "reaches"
metric = "deployment_share"
threshold = 0.5
by_month = 12

[[objectives]]
id = "unity"
name = "No veto cast"
kind = "no_veto"

# ---------------------------------------------------------------------------------------------
# Endings, checked at the end of every month in this order; the first that holds ends the game.
# Exactly one uses `time_out`.
[[endings]]
id = "protected"
name = "Civilians protected"
text = "The mission stands guard and civilians are safer."
when = "objectives_met"
objectives = ["protect", "deploy"]
from_month = 12

[[endings]]
id = "expelled"
name = "Shown the door"
text = "The host government has withdrawn its consent; the mission packs up."
when = "consent_withdrawn"

[[endings]]
id = "catastrophe"
name = "Catastrophe"
text = "The war has spiralled beyond anything the Council can still shape."
when = "intensity_above"
threshold = 0.95

# A calm reached after the deadlines is not a stalemate: judge it in the last month only, before
# the time-out ending, so the ending's words agree with the map.
[[endings]]
id = "uneasy-calm"
name = "An uneasy calm"
text = "The fighting has died down, though no settlement the Council could claim holds yet."
when = "intensity_below"
threshold = 0.3
from_month = 18                # the last month (`months` above): a calm at the end

[[endings]]
id = "stalemate"
name = "Stalemate"
text = "The fighting goes on; the Council's efforts have not changed its course."
when = "time_out"
"""


def skeleton(name: str, schema: str | None = None) -> str:
    """The commented skeleton scenario with id ``name`` (``#:schema`` line when given a path)."""
    if not valid_name(name):
        raise ValueError(f"{name!r} is not a valid scenario id")
    head = _HEAD.replace("__ID__", name).replace("__TITLE__", title_of(name))
    permanent = "\n".join(_state(*row) for row in _STATES[:5])
    elected = "\n".join(_state(*row) for row in _STATES[5:])
    text = f"{head}{permanent}\n# The ten elected members.\n{elected}\n{_MIDDLE}"
    return (f"#:schema {schema}\n" if schema else "") + text
