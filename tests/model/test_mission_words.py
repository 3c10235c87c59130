"""A mission is named as a mission, never as the draft that created it (issue 12, words).

A first-time player read "50 troops from Togo arrive in Resolution 2100" and "Burkina Faso
pledges 71 troops to Resolution 2100": a mission shares its id with its draft, so the news named
the troops' destination after a resolution. Now the news, the Secretary-General's report, the
pledges, losses and guarantees name the mission ("MINUSMA", "UNAMIR II", "the UN mission in
Kalvaria"), and a party is spelt as the scenario spells it ("the Northern Front").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.model.engine import Engine
from sim.model.names import Namer, mission_name, party_labels
from sim.model.play import default_agents, play_game
from sim.model.words import party_label
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
#: Events that tell of a mission's troops, strength or guarantee (not of its draft's vote).
MISSION_NEWS = {
    "deployment",
    "pledge",
    "fatalities",
    "withdrawal",
    "report",
    "rehatting",
    "guarantee",
    "drawdown",
    "mission_withdrawal",
}
#: A resolution or draft standing alone where a mission is meant ("arrive in Resolution 2100",
#: "pledges … to 'Protection of civilians in Kalvaria'"); "the UN mission of …" is a mission.
DRAFT_AS_MISSION = re.compile(r"(?<!mission of )(\bResolution \d+|\bres-\d+|'[^']+')")


def _played(name: str, seed: int, historical: bool) -> World:
    engine = Engine(build_world(load_scenario(SCENARIOS / f"{name}.toml"), seed))
    play_game(engine, default_agents(engine, historical=historical))
    return engine.world


GAMES = [
    ("mali_2013", 0, True),
    ("rwanda_1994", 0, True),
    ("darfur_2007", 0, True),
    ("tutorial", 0, False),
    ("tutorial", 7, False),
    ("sahel_bridge", 0, False),
]


@pytest.fixture(scope="module", params=GAMES, ids=lambda g: f"{g[0]}-{g[1]}")
def played(request: pytest.FixtureRequest) -> World:
    name, seed, historical = request.param
    return _played(name, seed, historical)


def test_the_news_of_a_mission_never_names_it_after_its_draft(played: World) -> None:
    namer = Namer(played)
    told = [namer.text(e.text) for e in played.events if e.kind in MISSION_NEWS]
    assert any(e.kind == "deployment" for e in played.events), "a mission deploys in this game"
    wrong = [text for text in told if DRAFT_AS_MISSION.search(text)]
    assert not wrong, wrong[:3]
    for mission in played.missions:
        assert mission.id not in " ".join(e.text for e in played.events if e.kind in MISSION_NEWS)


def test_each_mission_has_a_name_of_its_own(played: World) -> None:
    names = [mission_name(played, m.id) for m in played.missions]
    assert len(set(names)) == len(names), names
    for name in names:
        assert not re.search(r"\bres-|\bResolution \d", name), name


def test_mali_news_tells_of_minusma_where_it_told_of_resolution_2100() -> None:
    world = _played("mali_2013", 0, True)
    namer = Namer(world)
    news = [namer.text(e.text) for e in world.events]
    assert any(
        t.startswith("Resolution 2100 establishes MINUSMA, a mission authorized at 11,200 troops")
        for t in news
    ), [t for t in news if "establishes" in t]
    assert any(re.search(r"\d+ (troops|police) from .+ arrives? in MINUSMA: ", t) for t in news)
    assert any(re.search(r"pledges \d+ (troops|police) to MINUSMA,", t) for t in news)
    assert any("change to blue helmets in MINUSMA." in t for t in news)
    assert not [t for t in news if "in Resolution 2100" in t or "to Resolution 2100" in t]


def test_rwanda_names_the_missions_the_scenario_names() -> None:
    world = build_world(load_scenario(SCENARIOS / "rwanda_1994.toml"), 0)
    assert mission_name(world, "res-872") == "UNAMIR"  # "… (UNAMIR)" ends its title
    assert mission_name(world, "res-918") == "UNAMIR II"  # the scenario's mission_name
    assert mission_name(world, "res-929") == "Opération Turquoise"


def test_a_mission_without_a_name_is_the_un_mission_in_the_theatre() -> None:
    world = _played("tutorial", 0, False)
    unnamed = [m.id for m in world.missions if m.kind == "un"]
    assert unnamed, "the tutorial's Council creates a mission"
    assert mission_name(world, unnamed[0]) == "the UN mission in Kalvaria"
    for later in unnamed[1:]:  # a second one says which: "the UN mission of 'Ceasefire …'"
        assert mission_name(world, later).startswith("the UN mission of ")
    starts = [e.text for e in world.events if e.kind in {"mission_withdrawal", "drawdown"}]
    assert all(text[:1].isupper() for text in starts), starts


def test_a_party_is_spelt_as_the_scenario_spells_it() -> None:
    assert party_label("northern-front", "armed_group", "Northern Front (separatists)") == (
        "the Northern Front"
    )
    assert party_label("rebels", "armed_group", "Darfur rebel movements") == "the rebels"
    assert party_label("nlf", "armed_group", "Northern Liberation Front") == "the NLF"
    world = _played("sahel_bridge", 0, False)
    assert party_labels(world)["northern-front"] == "the Northern Front"
    news = " ".join(Namer(world).text(e.text) for e in world.events)
    assert "the Northern Front" in news
    assert "northern front" not in news


def test_the_steps_before_a_vote_name_the_draft_as_it_was_then() -> None:
    """The month's news said "The African Union endorses Resolution 2100" above the line that
    told its adoption."""
    engine = Engine(build_world(load_scenario(SCENARIOS / "mali_2013.toml"), 0))
    play_game(engine, default_agents(engine), months=6)
    world = engine.world
    assert any(r.draft == "res-2100" for r in world.resolutions), "MINUSMA adopted by month 6"
    names = Namer(world)
    working = "'The UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)'"
    assert names.name("res-2100") == "Resolution 2100"
    assert names.working("res-2100") == working
    before = [names.text(e.text) for e in world.events if e.kind in {"endorsement", "whip_count"}]
    assert any(f"endorses {working}" in t for t in before), before
    assert not [t for t in before if "Resolution 2100" in t]
    told = [names.text(e.text) for e in world.events if e.kind == "mission"]
    assert any(t.startswith("Resolution 2100 establishes MINUSMA") for t in told), told
