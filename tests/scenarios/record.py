"""The historical record the scenarios must reproduce: one table, with its sources.

Each :class:`Scenario` row gives the Councils that sat (and from which month), every recorded
vote (who voted how, the result, the text's clauses, permanent members who abstained where they
could have vetoed), the endings the AI may reach and, where the record fixes it, how the
historical replay ends. ``test_record.py`` plays the table; each scenario's own module keeps what
is particular to it (counterfactual votes, deployments, the talks).

Sources: the verbatim records of the Security Council's meetings (S/PV.NNNN, named beside each
vote) and the UN's list of the Council's elected members by year ("Countries elected members of
the Security Council"); for Rwanda also the USUN New York cables 02093 (18 May 1994) and 02589
(23 June 1994).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

PERMANENT = frozenset({"CHN", "FRA", "GBR", "RUS", "USA"})


def council(*elected: str) -> frozenset[str]:
    """The five permanent members and the ten elected ones."""
    assert len(elected) == 10
    return PERMANENT | frozenset(elected)


COUNCIL_1993 = council("BRA", "CPV", "DJI", "ESP", "HUN", "JPN", "MAR", "NZL", "PAK", "VEN")
COUNCIL_1994 = council("ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA")
COUNCIL_2006 = council("ARG", "COG", "DNK", "GHA", "GRC", "JPN", "PER", "QAT", "SVK", "TZA")
COUNCIL_2007 = council("BEL", "COG", "GHA", "IDN", "ITA", "PAN", "PER", "QAT", "SVK", "ZAF")
COUNCIL_2011 = council("BIH", "BRA", "COL", "DEU", "GAB", "IND", "LBN", "NGA", "PRT", "ZAF")
COUNCIL_2012 = council("AZE", "COL", "DEU", "GTM", "IND", "MAR", "PAK", "PRT", "TGO", "ZAF")
COUNCIL_2013 = council("ARG", "AUS", "AZE", "GTM", "KOR", "LUX", "MAR", "PAK", "RWA", "TGO")

ABSTAINED_ON_836 = frozenset({"PAK", "VEN"})
ABSTAINED_ON_929 = frozenset({"BRA", "CHN", "NGA", "NZL", "PAK"})
ABSTAINED_ON_1706 = frozenset({"CHN", "QAT", "RUS"})
ABSTAINED_ON_1973 = frozenset({"BRA", "CHN", "DEU", "IND", "RUS"})
ABSTAINED_ON_S2011_612 = frozenset({"BRA", "IND", "LBN", "ZAF"})
ABSTAINED_ON_S2012_538 = frozenset({"PAK", "ZAF"})
VETOERS = frozenset({"CHN", "RUS"})
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Sitting:
    """A Council's membership from month ``first`` to month ``last`` of the replay."""

    first: int
    last: int
    members: frozenset[str]


@dataclass(frozen=True)
class Vote:
    """A recorded vote: the tally member by member, and what the text said.

    ``clauses`` are values the text had exactly; ``tasks`` and ``demands`` it gave and
    ``not_tasks`` it did not; ``veto_band`` the permanent members who abstained although they
    could have vetoed (their stance must fall between the no and the yes thresholds).
    """

    draft: str
    month: int
    source: str
    yes: frozenset[str]
    no: frozenset[str] = NOBODY
    abstain: frozenset[str] = NOBODY
    adopted: bool = True
    vetoed: frozenset[str] = NOBODY
    body: str = "unsc"
    clauses: Mapping[str, object] = field(default_factory=dict)
    tasks: frozenset[str] = NOBODY
    not_tasks: frozenset[str] = NOBODY
    demands: frozenset[str] = NOBODY
    veto_band: frozenset[str] = NOBODY


@dataclass(frozen=True)
class Scenario:
    """A bundled scenario and what its games must show."""

    name: str
    endings: frozenset[str]  # every AI game ends in one of these
    sittings: tuple[Sitting, ...] = ()
    votes: tuple[Vote, ...] = ()
    strict: bool = False  # `mandate check --strict` passes too
    player_sits: bool = False  # the player's state sits on every Council of the replay
    replay_ending: tuple[str, int] | None = None  # (ending, month) of the historical replay


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "bosnia_1993",
        endings=frozenset({"deterrence", "overrun", "promises"}),
        # The elected members change on 1 January 1994 (month 10).
        sittings=(Sitting(1, 9, COUNCIL_1993), Sitting(10, 10, COUNCIL_1994)),
        votes=(
            Vote(
                "res-819",
                1,
                "S/PV.3199",
                COUNCIL_1993,
                clauses={"chapter": "VII", "troop_ceiling": 0},
                demands=frozenset({"respect_safe_areas"}),
            ),
            # 13-0-2, Pakistan and Venezuela abstaining over the safe areas it settles for; UNPROFOR
            # may use force in self-defence only.
            Vote(
                "res-836",
                3,
                "S/PV.3228",
                COUNCIL_1993 - ABSTAINED_ON_836,
                abstain=ABSTAINED_ON_836,
                clauses={"chapter": "VII", "troop_ceiling": 9000},
                tasks=frozenset({"safe_areas"}),
                not_tasks=frozenset({"all_necessary_measures", "protection_of_civilians"}),
            ),
            Vote(
                "res-844",
                3,
                "S/PV.3241",
                COUNCIL_1993,
                clauses={"chapter": "VII", "troop_ceiling": 9000 + 7600},
                tasks=frozenset({"safe_areas"}),
                not_tasks=frozenset({"all_necessary_measures", "protection_of_civilians"}),
            ),
        ),
        strict=True,
        player_sits=True,
    ),
    Scenario(
        "darfur_2007",
        endings=frozenset({"protected", "catastrophe", "on-paper"}),
        # The elected members change on 1 January 2007 (month 6).
        sittings=(Sitting(1, 5, COUNCIL_2006), Sitting(6, 6, COUNCIL_2007)),
        votes=(
            Vote(
                "res-1706",
                1,
                "S/PV.5519",
                COUNCIL_2006 - ABSTAINED_ON_1706,
                abstain=ABSTAINED_ON_1706,
                veto_band=VETOERS,
            ),
            Vote("res-1769", 12, "S/PV.5727", COUNCIL_2007),
        ),
    ),
    Scenario(
        "libya_2011",
        endings=frozenset({"war-over", "benghazi-crushed", "stalemate"}),
        sittings=(Sitting(1, 1, COUNCIL_2011),),
        votes=(
            Vote("res1970", 1, "S/PV.6491", COUNCIL_2011),
            # Force authorized "excluding a foreign occupation force": no troops.
            Vote(
                "res1973",
                2,
                "S/PV.6498",
                COUNCIL_2011 - ABSTAINED_ON_1973,
                abstain=ABSTAINED_ON_1973,
                veto_band=VETOERS,
                clauses={"chapter": "VII", "troop_ceiling": 0},
                tasks=frozenset(
                    {"all_necessary_measures", "protection_of_civilians", "no_fly_zone"}
                ),
            ),
        ),
    ),
    Scenario(
        "mali_2013",
        endings=frozenset({"stabilized", "collapse", "long-haul"}),
        # The elected members change on 1 January 2013 (month 2).
        sittings=(Sitting(1, 1, COUNCIL_2012), Sitting(2, 2, COUNCIL_2013)),
        votes=(
            # An African force, AFISMA, authorized; no UN troops.
            Vote(
                "res-2085",
                1,
                "S/PV.6898",
                COUNCIL_2012,
                clauses={"chapter": "VII", "troop_ceiling": 0},
                tasks=frozenset({"all_necessary_measures"}),
            ),
            Vote("res-2100", 5, "S/PV.6952", COUNCIL_2013),
        ),
    ),
    Scenario(
        "rwanda_1994",
        endings=frozenset({"in-time", "too-late"}),
        # S/PV.3288 (5 October 1993) for 1993; the election of 29 October 1993 for 1994, whose
        # members sit from 1 January 1994 (month 4).
        sittings=(Sitting(1, 3, COUNCIL_1993), Sitting(4, 4, COUNCIL_1994)),
        votes=(
            Vote(
                "res-872",
                1,
                "S/PV.3288",
                COUNCIL_1993,
                clauses={"troop_ceiling": 2548, "chapter": "VI"},
            ),
            Vote("res-912", 7, "S/PV.3368", COUNCIL_1994, clauses={"troop_ceiling": 270}),
            Vote(
                "res-918",
                8,
                "S/PV.3377",
                COUNCIL_1994,
                clauses={"troop_ceiling": 5500, "chapter": "VI"},
            ),
            # Part B of 918 (the arms embargo) was voted separately at Rwanda's request, and
            # Rwanda voted against it (USUN New York cable 02093, 18 May 1994).
            Vote(
                "res-918-B",
                8,
                "S/PV.3377",
                COUNCIL_1994 - {"RWA"},
                no=frozenset({"RWA"}),
                clauses={
                    "chapter": "VII",
                    "troop_ceiling": 0,
                    "sanctions": [{"kind": "arms_embargo", "targets": ["gov", "rpf"]}],
                },
            ),
            # Opération Turquoise, 10-0-5 (S/PV.3392, 22 June 1994; USUN New York cable 02589,
            # 23 June 1994): France for two months, with all necessary means.
            Vote(
                "res-929",
                9,
                "S/PV.3392",
                COUNCIL_1994 - ABSTAINED_ON_929,
                abstain=ABSTAINED_ON_929,
                clauses={"chapter": "VII", "troop_ceiling": 2500, "duration": 2},
                tasks=frozenset({"all_necessary_measures"}),
            ),
        ),
        player_sits=True,
    ),
    Scenario(
        "syria_2011",
        endings=frozenset({"deadlock", "all-out-war", "one-voice", "war-goes-on"}),
        # The elected members change on 1 January 2012 (month 4).
        sittings=(Sitting(1, 3, COUNCIL_2011), Sitting(4, 4, COUNCIL_2012)),
        votes=(
            Vote(
                "s2011-612",
                1,
                "S/PV.6627",
                COUNCIL_2011 - VETOERS - ABSTAINED_ON_S2011_612,
                no=VETOERS,
                abstain=ABSTAINED_ON_S2011_612,
                adopted=False,
                vetoed=VETOERS,
            ),
            Vote(
                "s2012-77",
                5,
                "S/PV.6711",
                COUNCIL_2012 - VETOERS,
                no=VETOERS,
                adopted=False,
                vetoed=VETOERS,
            ),
            Vote(
                "s2012-538",
                10,
                "S/PV.6810",
                COUNCIL_2012 - VETOERS - ABSTAINED_ON_S2012_538,
                no=VETOERS,
                abstain=ABSTAINED_ON_S2012_538,
                adopted=False,
                vetoed=VETOERS,
            ),
        ),
        replay_ending=("deadlock", 10),  # after the third double veto
    ),
    Scenario(  # fictional: no record, but its games must end too
        "sahel_bridge",
        endings=frozenset(
            {"bridge-holds", "expelled", "collapse", "silence", "fragile-calm", "long-haul"}
        ),
    ),
)
