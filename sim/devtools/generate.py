"""Generated scenarios of any size, for benchmarks and scaling tests.

:func:`generate_scenario_text` writes a format-version-1 scenario with ``n_states`` fictional
member states (ids ``S001`` … ``S193``), the tutorial's four issue dimensions and two drafts, a
Security Council (15 members, the first five permanent), a General Assembly of every state
(two-thirds majority) and four regional organizations modelled on the African Union (54), ECOWAS
(15, inside the first), the European Union (27) and the League of Arab States (22, ten of them
also in the first), scaled down proportionally for smaller ``n_states``.

Everything is drawn from one ``numpy`` generator seeded with ``seed``, so the same arguments always
give the same text. The endings are chosen so that the game runs until ``months`` (the theatre's
intensity is clipped to [0, 1], so "below 0" and "above 1" are never met): a benchmark game always
lasts the full ``months``.

The TOML is written with plain string formatting; ids and names are plain ASCII, so no escaping is
needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DIMENSIONS = ("force", "presence", "sanctions", "accountability")
PERMANENT = 5
COUNCIL_SIZE = 15
MIN_STATES = 20
RELATIONS_PER_STATE = 10

# Ideal points per bloc (force, presence, sanctions, accountability), as in the tutorial.
BLOC_IDEALS: dict[str, tuple[float, float, float, float]] = {
    "western": (0.65, 0.55, 0.55, 0.70),
    "eastern": (0.15, 0.30, 0.10, 0.10),
    "non-aligned": (0.30, 0.40, 0.30, 0.30),
    "continental": (0.40, 0.55, 0.30, 0.35),
    "arab": (0.25, 0.35, 0.25, 0.25),
    "latin": (0.35, 0.45, 0.30, 0.50),
    "asian": (0.25, 0.40, 0.25, 0.25),
}
PERMANENT_BLOCS = ("western", "western", "eastern", "eastern", "western")
OTHER_BLOCS = ("western", "eastern", "non-aligned", "latin", "asian")
# (id, name, size at 193 states, decision body id, body name, rule, fraction)
ORGANIZATIONS = (
    ("au", "African Union", 54, "au_assembly", "AU Assembly", "qualified", 0.6667),
    (
        "ecowas",
        "Economic Community of West African States",
        15,
        "ecowas_authority",
        "ECOWAS Authority of Heads of State",
        "consensus",
        None,
    ),
    ("eu", "European Union", 27, "eu_council", "Council of the EU", "unanimity", None),
    ("las", "League of Arab States", 22, "las_council", "Arab League Council", "majority", None),
)
AU_LAS_OVERLAP = 10
PATRON = 2  # the third permanent member (eastern) backs the government, like Calderon
PENHOLDER = 0

HEADER = """\
format_version = 1
id = "{id}"
title = "Generated crisis ({n} member states)"
summary = "A generated benchmark scenario: {n} states, a General Assembly and four organizations."
difficulty = "advanced"
expected_minutes = 60
months = {months}
assumptions = [
  "Every state, organization and party is generated at random (seed {seed}); nothing is measured.",
]

[coefficients]
consultation_rounds = 3

[[dimensions]]
id = "force"
name = "Use of force"
status_quo = 0.0
effects = {{ chapter_vii = 0.45, "task:all_necessary_measures" = 0.35, \
"task:protection_of_civilians" = 0.15 }}

[[dimensions]]
id = "presence"
name = "Foreign presence"
status_quo = 0.0
effects = {{ troops = 0.6, police = 0.1, "task:ceasefire_monitoring" = 0.05 }}

[[dimensions]]
id = "sanctions"
name = "Economic pressure"
status_quo = 0.0
effects = {{ "sanction:arms_embargo" = 0.3, "sanction:asset_freeze" = 0.2, \
"sanction:travel_ban" = 0.1, "sanction:comprehensive_trade" = 0.6 }}

[[dimensions]]
id = "accountability"
name = "Accountability"
status_quo = 0.0
effects = {{ referral = 0.7, "demand:ceasefire" = 0.15, "demand:humanitarian_access" = 0.1 }}

[clauses]
demands = ["ceasefire", "humanitarian_access"]
"""

FOOTER = """\
[theatre]
id = "crisis"
name = "{host_name}"
intensity = 0.6
host = "gov"
host_consent = true
organizations = [{theatre_orgs}]

[[theatre.parties]]
id = "gov"
name = "Government of {host_name}"
kind = "government"
strength = 0.6
patrons = ["{patron}"]

[[theatre.parties]]
id = "nlf"
name = "Northern Liberation Front"
kind = "armed_group"
strength = 0.4

[[drafts]]
id = "crisis-1"
title = "Protection of civilians in {host_name}"
penholder = "{penholder}"
body = "unsc"
month = 1
patience = 2
chapter = "VII"
tasks = ["protection_of_civilians", "all_necessary_measures"]
troop_ceiling = 10000
police_ceiling = 800
duration = 12
referral = true
demands = ["ceasefire", "humanitarian_access"]
sanctions = [
  {{ kind = "arms_embargo", targets = ["gov", "nlf"] }},
  {{ kind = "asset_freeze", targets = ["gov"] }},
]

[[drafts]]
id = "crisis-2"
title = "Ceasefire monitoring in {host_name}"
penholder = "{penholder}"
body = "unsc"
month = 4
patience = 2
chapter = "VI"
tasks = ["ceasefire_monitoring", "protection_of_civilians"]
troop_ceiling = 6000
police_ceiling = 500
duration = 12
demands = ["ceasefire"]

{ga_draft}
# Intensity stays within [0, 1], so neither of the first two endings can be met: the game lasts
# until the time-out.
[[endings]]
id = "calm"
name = "Calm restored"
text = "The fighting has stopped altogether."
when = "intensity_below"
threshold = 0.0
from_month = 3

[[endings]]
id = "catastrophe"
name = "Catastrophe"
text = "The war has spiralled beyond anything the Council can still shape."
when = "intensity_above"
threshold = 1.0

[[endings]]
id = "stalemate"
name = "Stalemate"
text = "The months have run out and the war grinds on."
when = "time_out"
"""


GA_DRAFT = """\
[[drafts]]
id = "crisis-ga"
title = "Humanitarian situation in {host_name}"
penholder = "{penholder}"
body = "ga"
month = 2
patience = 2
chapter = "VI"
tasks = ["humanitarian_access"]
duration = 12
referral = true
demands = ["ceasefire", "humanitarian_access"]
"""


def _num(value: float) -> str:
    """A TOML float with two decimals (never ``-0.00``)."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _table(values: dict[str, float]) -> str:
    return "{ " + ", ".join(f"{k} = {_num(v)}" for k, v in values.items()) + " }"


def _ids(ids: list[str]) -> str:
    return ", ".join(f'"{i}"' for i in ids)


def _contributor(draws: np.ndarray, i: int) -> str:
    """A contributor table for about a third of the states (none for the host)."""
    capacity, tolerance, reimbursement, lag = draws[i]
    if capacity < 0 or i % 3:
        return ""
    troops = 500 + 100 * int(capacity * 40)
    return (
        f"contributor = {{ troops = {troops}, police = {troops // 10},"
        f" casualty_tolerance = {_num(0.2 + 0.7 * tolerance)},"
        f" reimbursement = {_num(reimbursement)}, lag_months = {1 + int(lag * 4)} }}\n"
    )


def _scaled(size: int, n_states: int) -> int:
    return max(3, round(size * n_states / 193))


@dataclass
class _Members:
    """The drawn states, by index: blocs, attributes, relations and seats."""

    ids: list[str]
    organizations: dict[str, list[int]]
    blocs: list[str]
    ideal: np.ndarray
    salience: np.ndarray
    capability: np.ndarray
    concern: np.ndarray
    domestic: np.ndarray
    relations: list[dict[int, float]]
    council: list[int]
    host: int


def generate_scenario_text(
    n_states: int = 193, seed: int = 0, months: int = 24, ga_draft: bool = False
) -> str:
    """A valid scenario (TOML text) with ``n_states`` member states, deterministic in ``seed``.

    With ``ga_draft`` the penholder also tables a draft in the General Assembly in month 2, so
    that forecasts and consultations run over every member state.

    Raises ValueError for fewer than 20 states (the Council alone needs 15) or ``months``
    outside 1–120.
    """
    if n_states < MIN_STATES:
        raise ValueError(f"a generated scenario needs at least {MIN_STATES} states")
    if not 1 <= months <= 120:
        raise ValueError("months must lie in 1..120")
    m = _draw(n_states, seed)
    # A separate generator, so that adding contributors left every other draw as it was.
    contributors = np.random.default_rng([seed, 1]).random((n_states, 4))
    contributors[m.host] = -1.0
    parts = [HEADER.format(id=f"generated-{n_states}-{seed}", n=n_states, months=months, seed=seed)]
    parts += [_state(m, i) + _contributor(contributors, i) for i in range(n_states)]
    parts += _bodies(m)
    parts.append('[council]\nbody = "unsc"\n')
    parts += _organizations(m)
    host_name = f"State {m.ids[m.host][1:]}"
    penholder = m.ids[PENHOLDER]
    ga = GA_DRAFT.format(host_name=host_name, penholder=penholder) if ga_draft else ""
    parts.append(
        FOOTER.format(
            host_name=host_name,
            theatre_orgs=_ids([o[0] for o in ORGANIZATIONS]),
            patron=m.ids[PATRON],
            penholder=penholder,
            ga_draft=ga,
        )
    )
    return "\n".join(parts)


def _draw(n_states: int, seed: int) -> _Members:
    """Every random draw but the contributors', in a fixed order from one generator."""
    rng = np.random.default_rng(seed)
    width = max(3, len(str(n_states)))
    ids = [f"S{i:0{width}d}" for i in range(1, n_states + 1)]
    members = _memberships(rng, n_states)
    blocs = _blocs(rng, n_states, members)
    host = members["ecowas"][-1]  # a state in crisis: in the AU and ECOWAS, never permanent

    centres = np.array([BLOC_IDEALS[b] for b in blocs])
    ideal = np.clip(centres + rng.normal(0.0, 0.08, size=centres.shape), 0.0, 1.0)
    salience = rng.uniform(0.2, 0.6, size=centres.shape)
    capability = rng.uniform(0.05, 0.45, size=n_states)
    capability[:PERMANENT] = rng.uniform(0.6, 0.9, size=PERMANENT)
    concern = rng.uniform(0.2, 0.8, size=n_states)
    domestic = np.clip(rng.normal(0.0, 0.02, size=n_states), -0.05, 0.05)
    ideal[host] = (0.0, 0.1, 0.0, 0.0)
    salience[host] = (0.9, 0.8, 0.8, 0.9)
    concern[host] = 0.2

    relations = _relations(rng, blocs)
    relations[host][PATRON] = 0.9
    relations[PATRON][host] = 0.9

    eligible = np.array([i for i in range(PERMANENT, n_states) if i != host])
    elected = sorted(int(i) for i in rng.choice(eligible, COUNCIL_SIZE - PERMANENT, False))
    council = list(range(PERMANENT)) + elected
    return _Members(
        ids,
        members,
        blocs,
        ideal,
        salience,
        capability,
        concern,
        domestic,
        relations,
        council,
        host,
    )


def _memberships(rng: np.random.Generator, n_states: int) -> dict[str, list[int]]:
    """Regional organizations: disjoint slices of a random order of the non-permanent states
    (ECOWAS inside the AU, the League overlapping the AU's last members)."""
    order = [int(i) for i in rng.permutation(np.arange(PERMANENT, n_states))]
    au_n, ecowas_n, eu_n, las_n = (_scaled(o[2], n_states) for o in ORGANIZATIONS)
    overlap = min(_scaled(AU_LAS_OVERLAP, n_states), las_n - 1, au_n - 1)
    au = order[:au_n]
    ecowas = au[:ecowas_n]
    las = order[au_n - overlap : au_n - overlap + las_n]
    eu = order[au_n - overlap + las_n : au_n - overlap + las_n + eu_n]
    if len(eu) < eu_n:
        raise ValueError(f"{n_states} states are too few for the organizations")
    return {"au": au, "ecowas": ecowas, "eu": eu, "las": las}


def _blocs(rng: np.random.Generator, n_states: int, members: dict[str, list[int]]) -> list[str]:
    """The permanent members' blocs, then the regional ones, then a random bloc for the rest."""
    blocs: list[str] = []
    in_au, in_las, in_eu = set(members["au"]), set(members["las"]), set(members["eu"])
    for i in range(n_states):
        if i < PERMANENT:
            blocs.append(PERMANENT_BLOCS[i])
        elif i in in_au:
            blocs.append("continental")
        elif i in in_las:
            blocs.append("arab")
        elif i in in_eu:
            blocs.append("western")
        else:
            blocs.append(OTHER_BLOCS[int(rng.integers(len(OTHER_BLOCS)))])
    return blocs


def _relations(rng: np.random.Generator, blocs: list[str]) -> list[dict[int, float]]:
    """Ten relations per state: warm inside a bloc, cold between West and East, mixed else."""
    n_states = len(blocs)
    relations: list[dict[int, float]] = []
    for i in range(n_states):
        others = [int(j) for j in rng.choice(n_states - 1, RELATIONS_PER_STATE, replace=False)]
        row: dict[int, float] = {}
        for j in sorted(j if j < i else j + 1 for j in others):
            same = blocs[i] == blocs[j]
            rival = {blocs[i], blocs[j]} == {"western", "eastern"}
            low, high = (0.3, 0.9) if same else (-0.6, -0.1) if rival else (-0.3, 0.5)
            row[j] = float(rng.uniform(low, high))
        relations.append(row)
    return relations


def _state(m: _Members, i: int) -> str:
    """The ``[[states]]`` table of state ``i`` (without its contributor line)."""
    sid = m.ids[i]
    return (
        f"[[states]]\n"
        f'id = "{sid}"\n'
        f'name = "State {sid[1:]}"\n'
        f"capability = {_num(m.capability[i])}\n"
        f'bloc = "{m.blocs[i]}"\n'
        f"concern = {_num(m.concern[i])}\n"
        f"domestic = {_num(m.domestic[i])}\n"
        f"political_capital = {8.0 if i == PENHOLDER else 6.0}\n"
        f"ideal = {_table(dict(zip(DIMENSIONS, m.ideal[i], strict=True)))}\n"
        f"salience = {_table(dict(zip(DIMENSIONS, m.salience[i], strict=True)))}\n"
        f"relations = {_table({m.ids[j]: v for j, v in m.relations[i].items()})}\n"
    )


def _bodies(m: _Members) -> list[str]:
    """The Security Council, the General Assembly and each organization's decision body."""
    ids = m.ids
    parts = [
        "[[bodies]]\n"
        'id = "unsc"\n'
        'name = "Security Council"\n'
        'rule = "unsc"\n'
        f"members = [{_ids([ids[i] for i in m.council])}]\n"
        f"permanent = [{_ids(ids[:PERMANENT])}]\n",
        "[[bodies]]\n"
        'id = "ga"\n'
        'name = "General Assembly"\n'
        'rule = "qualified"\n'
        "fraction = 0.6667\n"
        f"members = [{_ids(ids)}]\n",
    ]
    for _, _, _, body, body_name, rule, fraction in ORGANIZATIONS:
        org = body.split("_")[0]
        line = f"fraction = {fraction}\n" if fraction is not None else ""
        parts.append(
            f'[[bodies]]\nid = "{body}"\nname = "{body_name}"\nrule = "{rule}"\n{line}'
            f"members = [{_ids(sorted(ids[i] for i in m.organizations[org]))}]\n"
        )
    return parts


def _organizations(m: _Members) -> list[str]:
    """The four ``[[organizations]]`` tables."""
    return [
        f'[[organizations]]\nid = "{org}"\nname = "{name}"\n'
        f"members = [{_ids(sorted(m.ids[i] for i in m.organizations[org]))}]\n"
        f'body = "{body}"\n'
        for org, name, _, body, *_ in ORGANIZATIONS
    ]
