"""Generate ``scenarios/data/world_roster.toml``: the 193 UN member states, to include.

Run it with::

    python -m sim.devtools.make_roster [--output scenarios/data/world_roster.toml]

It needs the optional ``roster`` extra (``pip install -e '.[roster]'``, i.e. ``country_converter``);
the game itself only reads the committed TOML file, so neither the game nor CI needs the extra.

Where each field comes from:

* **Membership, ids, names, regions** -- the ``country_data.tsv`` table that ships inside the
  ``country_converter`` package (the table ``country_converter.CountryConverter().data`` is built
  from). Columns used: ``ISO3`` (ISO 3166-1 alpha-3, the roster id), ``name_short`` (the name),
  ``UNmember`` (the year of admission to the UN, empty for non-members: exactly 193 rows are
  filled), ``obsolete`` (empty for current entries), ``continent`` (the UN M49 region, with
  "America" for M49's "Americas"), ``UNregion`` (the UN M49 sub-region or intermediate region) and
  ``EU`` (used to cross-check the EU list below). The table is read with the standard library's
  ``csv`` module rather than through ``CountryConverter()``: country_converter 1.3.2 fails to start
  under pandas 3 (pandas turns Namibia's ISO2 code "NA" into a missing value and the package's
  ISO2 regex compilation raises ``TypeError``), and reading the file directly needs no pandas.
* **UN regional group** (``un_group``, the groups that nominate candidates for Security Council
  elections) -- derived from the M49 region and sub-region where that is unambiguous, with the
  known exceptions listed explicitly in :data:`GROUP_EXCEPTIONS`. The result is checked against
  the group sizes of the UN Department for General Assembly and Conference Management's list.
* **Organizations** -- the literal member lists in :data:`ORGANIZATIONS`, each with its source and
  the date it was checked. Members that are not UN member states (the Sahrawi Republic in the
  African Union, Palestine in the League of Arab States) are named in the organization's table but
  are not roster members.

The TOML is written with plain string formatting in a fixed order (members by id), so the same
data always gives the same bytes; ``tests/analysis/test_roster.py`` regenerates it and compares
when ``country_converter`` is installed.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from sim.bundled import scenario_file

DEFAULT_OUTPUT = scenario_file("data", "world_roster.toml")
FORMAT = "mandate-roster"
FORMAT_VERSION = 1
UN_MEMBER_COUNT = 193

# ---------------------------------------------------------------------------------------------
# UN regional groups
# ---------------------------------------------------------------------------------------------

GROUPS_SOURCE = (
    "UN Department for General Assembly and Conference Management, United Nations Regional Groups"
    " of Member States"
)

AFRICAN = "african"
ASIA_PACIFIC = "asia_pacific"
EASTERN_EUROPEAN = "eastern_european"
GRULAC = "latin_american_caribbean"
WEOG = "western_european_others"

# key: (official name, size counted for elections, note)
UN_GROUPS: dict[str, tuple[str, int, str]] = {
    AFRICAN: ("African States", 54, ""),
    ASIA_PACIFIC: (
        "Asia-Pacific States",
        54,
        "54 with Kiribati, which the DGACM page lists under Asia-Pacific States; older counts of 53"
        " (e.g. 'as of July 2011', 'as of May 2014') leave Kiribati out as belonging to no group."
        " Türkiye also takes part in this group but counts with WEOG for elections.",
    ),
    EASTERN_EUROPEAN: ("Eastern European States", 23, ""),
    GRULAC: ("Latin American and Caribbean States (GRULAC)", 33, ""),
    WEOG: (
        "Western European and other States (WEOG)",
        29,
        "28 members plus the United States, an observer that is counted with WEOG for elections.",
    ),
}

# The M49 sub-region decides where it is unambiguous; otherwise the M49 region does.
SUBREGION_GROUP: dict[str, str] = {
    "Northern America": WEOG,  # Canada; the United States (see its note)
    "Australia and New Zealand": WEOG,
    "Eastern Europe": EASTERN_EUROPEAN,  # M49's sub-region: Belarus ... Ukraine, Russia
    "Western Europe": WEOG,
    "Northern Europe": WEOG,  # except the Baltic states, below
    "Southern Europe": WEOG,  # except the Western Balkans and Slovenia, below
}
REGION_GROUP: dict[str, str] = {
    "Africa": AFRICAN,
    "Americas": GRULAC,  # all but Northern America
    "Asia": ASIA_PACIFIC,  # including Central Asia and Cyprus; exceptions below
    "Oceania": ASIA_PACIFIC,  # all but Australia and New Zealand
}

# Known exceptions to the geography above, from the DGACM list (see GROUPS_SOURCE) and the UN
# Dag Hammarskjöld Library's note "Where can I get information about regional groups?" (special
# cases Israel, Kiribati, Türkiye).
GROUP_EXCEPTIONS: dict[str, str] = {
    # Northern Europe (M49) in the Eastern European Group: the Baltic states.
    "EST": EASTERN_EUROPEAN,
    "LVA": EASTERN_EUROPEAN,
    "LTU": EASTERN_EUROPEAN,
    # Southern Europe (M49) in the Eastern European Group.
    "ALB": EASTERN_EUROPEAN,
    "BIH": EASTERN_EUROPEAN,
    "HRV": EASTERN_EUROPEAN,
    "MKD": EASTERN_EUROPEAN,
    "MNE": EASTERN_EUROPEAN,
    "SRB": EASTERN_EUROPEAN,
    "SVN": EASTERN_EUROPEAN,
    # Western Asia (M49) in the Eastern European Group: the South Caucasus.
    "ARM": EASTERN_EUROPEAN,
    "AZE": EASTERN_EUROPEAN,
    "GEO": EASTERN_EUROPEAN,
    # Western Asia (M49) in WEOG.
    "ISR": WEOG,
    "TUR": WEOG,
}

# Notes written into the roster for the special cases (the group itself follows from the tables).
GROUP_NOTES: dict[str, str] = {
    "USA": (
        "Not a member of any regional group: attends WEOG meetings as an observer and is"
        " considered a member of WEOG for electoral purposes."
    ),
    "TUR": (
        "Takes part fully in both WEOG and the Asia-Pacific Group; for electoral purposes a"
        " member of WEOG only."
    ),
    "ISR": (
        "Geographically Western Asia; a full member of WEOG since May 2000 (at first temporary,"
        " renewed permanently in 2004)."
    ),
    "KIR": (
        "Listed under Asia-Pacific States on the DGACM page; older UN material (the Dag"
        " Hammarskjöld Library note, 'as of 2010') says Kiribati belonged to no regional group."
        " Counted here with Asia-Pacific for practical purposes."
    ),
    "CYP": "Geographically Western Asia (M49) and an EU member; sits in the Asia-Pacific Group.",
}

# ---------------------------------------------------------------------------------------------
# Organizations
# ---------------------------------------------------------------------------------------------

AS_OF = "2025-11-01"  # the date up to which the lists below were checked against their sources


@dataclass(frozen=True)
class Organization:
    key: str
    name: str
    source: str
    as_of: str
    members: tuple[str, ...]  # ISO3 ids of UN member states
    non_un_members: tuple[str, ...] = ()  # names: members that are not UN member states
    #: The day the organization came into being (ISO date) and the source that says so: a game
    #: set before it offers no overlay of it.
    founded: str = ""
    founded_source: str = ""


def _ids(text: str) -> tuple[str, ...]:
    """ISO3 ids written as whitespace-separated words."""
    return tuple(text.split())


ORGANIZATIONS: tuple[Organization, ...] = (
    Organization(
        key="AU",
        name="African Union",
        source=(
            "African Union, 'Member States': 55 members, all 54 African UN member states and the"
            " Sahrawi Arab Democratic Republic (not a UN member, so not in this roster). Morocco"
            " was readmitted on 30 January 2017. States suspended from AU activities after"
            " unconstitutional changes of government (in 2025 among others Burkina Faso, Mali,"
            " Niger and Sudan) remain members and are listed."
        ),
        as_of=AS_OF,
        founded="2002-07-09",
        founded_source=(
            "Constitutive Act of the African Union (Lomé, 11 July 2000; in force 26 May "
            "2001); the Union was launched at the Durban summit on 9 July 2002, succeeding "
            "the Organization of African Unity."
        ),
        members=_ids(
            """
            DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG
            COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN
            GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ
            NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN
            TZA TGO TUN UGA ZMB ZWE
            """
        ),
        non_un_members=("Sahrawi Arab Democratic Republic",),
    ),
    Organization(
        key="ECOWAS",
        name="Economic Community of West African States",
        source=(
            "ECOWAS, 'Member States'; final communiqué of the 66th Ordinary Session of the ECOWAS"
            " Authority of Heads of State and Government (Abuja, 15 December 2024): Burkina Faso,"
            " Mali and Niger ceased to be members on 29 January 2025 under Article 91 of the"
            " Revised Treaty (transition period to 29 July 2025), leaving 12 members."
        ),
        as_of=AS_OF,
        founded="1975-05-28",
        founded_source=(
            "Treaty of the Economic Community of West African States, signed at Lagos on 28 "
            "May 1975."
        ),
        members=_ids("BEN CPV CIV GMB GHA GIN GNB LBR NGA SEN SLE TGO"),
    ),
    Organization(
        key="EU",
        name="European Union",
        source=(
            "European Union, 'EU countries': 27 member states since the United Kingdom left on"
            " 31 January 2020; equal to country_converter's EU column (checked when generating)."
        ),
        as_of=AS_OF,
        founded="1993-11-01",
        founded_source=(
            "Treaty on European Union (Maastricht, 7 February 1992), in force on 1 November 1993."
        ),
        members=_ids(
            """
            AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC
            HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK
            SVN ESP SWE
            """
        ),
    ),
    Organization(
        key="NATO",
        name="North Atlantic Treaty Organization",
        source=(
            "NATO, 'NATO member countries': 32 members; Finland joined on 4 April 2023 and Sweden"
            " on 7 March 2024."
        ),
        as_of=AS_OF,
        founded="1949-04-04",
        founded_source=("North Atlantic Treaty, signed at Washington on 4 April 1949."),
        members=_ids(
            """
            ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC
            HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT
            ROU SVK SVN ESP SWE TUR GBR USA
            """
        ),
    ),
    Organization(
        key="ASEAN",
        name="Association of Southeast Asian Nations",
        source=(
            "ASEAN Secretariat, 'ASEAN Member States' (10 members) and ASEAN's statement on the"
            " Declaration on the Admission of Timor-Leste into ASEAN, signed at the 47th ASEAN"
            " Summit, Kuala Lumpur, 26 October 2025: Timor-Leste is the 11th member state. The"
            " admission was checked in contemporary reports of that statement, not in a later"
            " ASEAN member list; drop TLS in a scenario set before 26 October 2025."
        ),
        as_of=AS_OF,
        founded="1967-08-08",
        founded_source=("ASEAN Declaration (Bangkok Declaration), signed on 8 August 1967."),
        members=_ids("BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS"),
    ),
    Organization(
        key="LAS",
        name="League of Arab States",
        source=(
            "League of Arab States, member states: 22 members, of which Palestine is a UN"
            " non-member observer State and so not in this roster (21 listed). Syria's suspension"
            " (November 2011) was lifted by the League's Council on 7 May 2023; Syria is listed."
        ),
        as_of=AS_OF,
        founded="1945-03-22",
        founded_source=("Pact of the League of Arab States, signed at Cairo on 22 March 1945."),
        members=_ids(
            """
            DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR
            OMN QAT SAU SOM SDN SYR TUN ARE YEM
            """
        ),
        non_un_members=("State of Palestine",),
    ),
    Organization(
        key="OAS",
        name="Organization of American States",
        source=(
            "Organization of American States, 'Member States' (35 states ratified the Charter)."
            " Nicaragua is not listed: its denunciation of the Charter (19 November 2021) took"
            " effect on 19 November 2023 under Article 143. Cuba is listed: a member state whose"
            " 1962 exclusion from participation was lifted by AG/RES. 2438 (XXXIX-O/09) of 3 June"
            " 2009, though it has not taken part since. Venezuela is listed although its status is"
            " disputed: the 2017 denunciation by its government would have taken effect on 27 April"
            " 2019, but the Permanent Council accepted a representative named by the National"
            " Assembly (CP/RES. 1124 (2217/19), 9 April 2019). 34 listed; override per scenario."
        ),
        as_of=AS_OF,
        founded="1948-04-30",
        founded_source=(
            "Charter of the Organization of American States, signed at Bogotá on 30 April 1948."
        ),
        members=_ids(
            """
            ATG ARG BHS BRB BLZ BOL BRA CAN CHL COL CRI CUB
            DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX PAN
            PRY PER KNA LCA VCT SUR TTO USA URY VEN
            """
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Reading country_converter's table
# ---------------------------------------------------------------------------------------------

# The UN M49 region names, where country_converter's ``continent`` column spells them otherwise.
REGION_NAMES = {"America": "Americas"}


class RosterError(ValueError):
    """The source data does not give the roster this script promises."""


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    un_member_since: int
    un_region: str
    un_subregion: str
    eu: bool


def country_converter_version() -> str:
    return metadata.version("country_converter")


def read_un_members(rows: Iterable[dict[str, str]]) -> list[Member]:
    """The current UN member states among country_converter's rows, sorted by ISO3 id."""
    members = []
    for row in rows:
        if not row["UNmember"].strip() or row["obsolete"].strip():
            continue
        region = row["continent"].strip()
        members.append(
            Member(
                id=row["ISO3"].strip(),
                name=row["name_short"].strip(),
                un_member_since=int(row["UNmember"]),
                un_region=REGION_NAMES.get(region, region),
                un_subregion=row["UNregion"].strip(),
                eu=row["EU"].strip() == "EU",
            )
        )
    return sorted(members, key=lambda m: m.id)


def load_country_data() -> list[dict[str, str]]:
    """The rows of ``country_data.tsv`` from the installed country_converter package."""
    table = resources.files("country_converter") / "country_data.tsv"
    text = table.read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def un_group(member: Member) -> str:
    if member.id in GROUP_EXCEPTIONS:
        return GROUP_EXCEPTIONS[member.id]
    if member.un_subregion in SUBREGION_GROUP:
        return SUBREGION_GROUP[member.un_subregion]
    if member.un_region in REGION_GROUP:
        return REGION_GROUP[member.un_region]
    raise RosterError(f"{member.id}: no UN regional group for region {member.un_region!r}")


def check(members: Sequence[Member]) -> None:
    """Raise :class:`RosterError` unless the roster has the promised shape."""
    ids = [m.id for m in members]
    if len(ids) != UN_MEMBER_COUNT or len(set(ids)) != UN_MEMBER_COUNT:
        raise RosterError(f"expected {UN_MEMBER_COUNT} distinct UN members, got {len(ids)}")
    known = set(ids)
    for table in (GROUP_EXCEPTIONS, GROUP_NOTES):
        if unknown := sorted(set(table) - known):
            raise RosterError(f"group tables name ids that are not UN members: {unknown}")
    sizes = Counter(un_group(m) for m in members)
    official = {key: size for key, (_, size, _) in UN_GROUPS.items()}
    if dict(sizes) != official:
        raise RosterError(f"UN group sizes {dict(sizes)} differ from the official {official}")
    for org in ORGANIZATIONS:
        if len(set(org.members)) != len(org.members):
            raise RosterError(f"{org.key}: duplicate member ids")
        if unknown := sorted(set(org.members) - known):
            raise RosterError(f"{org.key}: ids that are not UN members: {unknown}")
    by_key = {org.key: set(org.members) for org in ORGANIZATIONS}
    if by_key["EU"] != {m.id for m in members if m.eu}:
        raise RosterError("the EU list differs from country_converter's EU column")
    if by_key["AU"] != {m.id for m in members if m.un_region == "Africa"}:
        raise RosterError("the AU list differs from the African UN member states")


# ---------------------------------------------------------------------------------------------
# Writing TOML
# ---------------------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _list(items: Sequence[str], indent: str = "  ", per_line: int = 12) -> str:
    if len(items) <= per_line:
        return "[" + ", ".join(_q(i) for i in items) + "]"
    lines = [
        indent + ", ".join(_q(i) for i in items[k : k + per_line]) + ","
        for k in range(0, len(items), per_line)
    ]
    return "[\n" + "\n".join(lines) + "\n]"


def render(members: Sequence[Member], version: str) -> str:
    """The roster TOML for ``members`` (already checked), as generated from ``version``."""
    check(members)
    orgs_of: dict[str, list[str]] = {m.id: [] for m in members}
    for org in ORGANIZATIONS:
        for mid in org.members:
            orgs_of[mid].append(org.key)
    groups = Counter(un_group(m) for m in members)

    out = [
        f"# Generated by `python -m sim.devtools.make_roster` from country_converter {version}"
        " — do not edit by hand.",
        "# The 193 UN member states with their UN regional group and memberships of seven",
        "# organizations. A scenario includes this roster and overrides what it needs; to change",
        "# the data itself, edit sim/devtools/make_roster.py and run it again.",
        f'format = "{FORMAT}"',
        f"version = {FORMAT_VERSION}",
        f'generated_from = "country_converter {version} (UN membership, ISO 3166 codes,'
        ' UN geoscheme regions)"',
        f"un_groups_source = {_q(GROUPS_SOURCE)}",
        "",
        "# UN regional groups, as counted for Security Council and other elections.",
    ]
    for key, (name, _, note) in UN_GROUPS.items():
        out += ["", f"[un_groups.{key}]", f"name = {_q(name)}", f"size = {groups[key]}"]
        if note:
            out.append(f"note = {_q(note)}")
    out += ["", "# Organizations: member ids are roster ids (UN member states only)."]
    for org in ORGANIZATIONS:
        ids = sorted(org.members)
        out += [
            "",
            f"[organizations.{org.key}]",
            f"name = {_q(org.name)}",
            f"source = {_q(org.source)}",
            f'as_of = "{org.as_of}"',
        ]
        if org.founded:
            out += [f'founded = "{org.founded}"', f"founded_source = {_q(org.founded_source)}"]
        out += [
            f"members = {_list(ids)}",
        ]
        if org.non_un_members:
            out.append(f"non_un_members = {_list(list(org.non_un_members))}")
    member_source = (
        f"country_converter {version} (UN membership, ISO 3166-1 alpha-3, UN M49 region);"
        f" UN regional group: {GROUPS_SOURCE}"
    )
    out += ["", "# Member states, by id."]
    for m in members:
        out += [
            "",
            "[[members]]",
            f'id = "{m.id}"',
            f"name = {_q(m.name)}",
            f'un_group = "{un_group(m)}"',
        ]
        if m.id in GROUP_NOTES:
            out.append(f"un_group_note = {_q(GROUP_NOTES[m.id])}")
        out += [
            f"un_region = {_q(m.un_region)}",
            f"un_subregion = {_q(m.un_subregion)}",
            f"un_member_since = {m.un_member_since}",
            f"organizations = {_list(orgs_of[m.id])}",
            f"source = {_q(member_source)}",
        ]
    return "\n".join(out) + "\n"


def build_roster_text(version: str | None = None) -> str:
    """The roster generated from the installed country_converter (needs the ``roster`` extra).

    ``version`` overrides the version named in the header (a test uses it to compare the data
    with a roster generated by another version)."""
    members = read_un_members(load_country_data())
    return render(members, version or country_converter_version())


# ---------------------------------------------------------------------------------------------
# Reading the committed roster (no extra needed)
# ---------------------------------------------------------------------------------------------


def load_roster(path: Path | str | None = None) -> dict[str, Any]:
    """The parsed roster file (by default the committed ``scenarios/data/world_roster.toml``)."""
    with open(path or DEFAULT_OUTPUT, "rb") as f:
        data = tomllib.load(f)
    if data.get("format") != FORMAT:
        raise RosterError(f"{path or DEFAULT_OUTPUT}: not a {FORMAT} file")
    return data


def roster_ids(path: Path | str | None = None) -> frozenset[str]:
    """The ids (ISO 3166-1 alpha-3) of the roster's member states, for scenario checks."""
    return frozenset(m["id"] for m in load_roster(path)["members"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sim.devtools.make_roster",
        description="Generate the world roster of the 193 UN member states from country_converter.",
    )
    parser.add_argument(
        "--output",
        default="scenarios/data/world_roster.toml",
        help="path to write, or - for stdout (default: the repository's %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        text = build_roster_text()
    except ModuleNotFoundError as exc:
        parser.exit(2, f"{exc}: install the roster extra (pip install -e '.[roster]')\n")
    except RosterError as exc:
        parser.exit(1, f"roster check failed: {exc}\n")
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    output = DEFAULT_OUTPUT if args.output == parser.get_default("output") else Path(args.output)
    output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {output} ({UN_MEMBER_COUNT} members, {len(ORGANIZATIONS)} organizations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
