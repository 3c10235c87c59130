"""Words that agree with the state and tell no future (issue 12: a first-time player's review).

- A historical draft is named by what it does until the Council adopts it: Rwanda's seat in
  October 1993 said "You are the penholder of 'Res. 912 (1994): UNAMIR reduced to 270'", which
  tells the player that the April 1994 draft is coming and will pass.
- A ceasefire the parties make by themselves while the envoy's text is refused says so: the
  tutorial's month 3 read "The parties in Kalvaria agree a ceasefire." beside "The Special
  Envoy puts the text to the parties: refused by the government and the NLF."
- A ceasefire with the fighting still moderate or worse says it is breached (Libya's month 4:
  "fighting moderate" under a ceasefire).
- A member's words kept in the game's state ("Drop gov from the arms embargo") reach the news
  and the screens with the parties, tasks and demands named.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.model.commands import TableDraft
from sim.model.diplomacy import MakeStatement
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.names import draft_title, record_names, spoken_words
from sim.model.play import default_agents, play_game
from sim.model.seats import describe, seat_options
from sim.model.words import PHASES, breached, fighting_phrase, phase_words
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
HISTORICAL = ("bosnia_1993", "darfur_2007", "libya_2011", "mali_2013", "rwanda_1994", "syria_2011")
#: How a title names the resolution a draft became, or the symbol it was circulated under.
RECORD = re.compile(r"\bRes\. \d|\bResolution \d|\bS/\d{4}/")


def _world(name: str, seed: int = 0) -> World:
    return build_world(load_scenario(SCENARIOS / f"{name}.toml"), seed)


def _played(name: str, seed: int, historical: bool = False) -> World:
    engine = Engine(_world(name, seed))
    play_game(engine, default_agents(engine, historical=historical))
    return engine.world


@pytest.mark.parametrize("name", HISTORICAL)
def test_no_seat_names_the_resolution_a_draft_will_become(name: str) -> None:
    world = _world(name)
    told = [o.description for o in seat_options(world) if RECORD.search(o.description)]
    assert not told, told[:2]
    named = {i: n for i, n in record_names(world).items() if RECORD.search(n) or "Resolution" in n}
    assert not named, named


def test_rwanda_tells_the_penholder_what_its_draft_does() -> None:
    world = _world("rwanda_1994")
    said = describe(world, "NZL")
    assert "You are the penholder of 'UNAMIR reduced to 270'" in said
    assert "912" not in said
    # Two drafts and two bodies read as a sentence does.
    assert "'The UN Assistance Mission for Rwanda (UNAMIR)' and 'Opération Turquoise" in describe(
        world, "FRA"
    )
    assert "You are a member of the OAU Central Organ" in describe(world, "NGA")


def test_a_draft_gets_its_number_when_the_council_adopts_it() -> None:
    world = _played("rwanda_1994", 1, historical=True)
    tabled = [e.text for e in world.events if e.kind == "draft_tabled"]
    assert "NZL circulates 'UNAMIR reduced to 270' in the Security Council: Ch. VI;" in "".join(
        t[: len("NZL circulates 'UNAMIR reduced to 270' in the Security Council: Ch. VI;")]
        for t in tabled
        if t.startswith("NZL")
    )
    assert not [t for t in tabled if RECORD.search(t)]
    adopted = [e.text for e in world.events if e.kind == "resolution_adopted"]
    assert any(t.startswith("The Security Council adopts 'Res. 912 (1994)") for t in adopted)
    assert draft_title(world, "res-912") == "Res. 912 (1994): UNAMIR reduced to 270"
    assert record_names(world)["res-912"] == "Resolution 912"


def test_a_renewal_reads_mid_sentence() -> None:
    world = _played("sahel_bridge", 0)
    adopted = [e.text for e in world.events if e.kind == "resolution_adopted"]
    assert "The Security Council adopts 'Renewal of a joint Continental Union-UN mission in" in (
        " ".join(adopted)
    )
    assert not [t for t in adopted if "Renewal of A " in t]


def test_a_ceasefire_the_parties_make_themselves_is_not_the_text_they_refused() -> None:
    world = _played("tutorial", 7)
    month = [e.text for e in world.events if e.month == 3 and e.kind in ("talks", "phase")]
    assert month == [
        "The Special Envoy puts the ceasefire text (version 3) to the parties: refused by the"
        " government and the NLF.",
        "The parties in Kalvaria agree a ceasefire of their own, outside the talks.",
    ]


def _games() -> list[tuple[str, int]]:
    return [(p.stem, seed) for p in sorted(SCENARIOS.glob("*.toml")) for seed in (0, 7)]


@pytest.mark.parametrize(("name", "seed"), _games())
def test_the_news_never_has_an_agreement_and_its_refusal_unexplained(name: str, seed: int) -> None:
    """In every bundled scenario's AI game: a month whose talks end in a refusal and whose
    phase changes by the month's chances says the agreement is the parties' own; a ceasefire
    or peace with moderate fighting or worse says it is breached; a war never reads as a
    ceasefire."""
    world = _played(name, seed)
    phases = world.metrics["phase"]
    for month in range(1, world.month + 1):
        events = [e for e in world.events if e.month == month]
        refused = any(e.kind == "talks" and "refused by" in e.text for e in events)
        for e in events:
            if e.kind == "phase" and refused and e.text.startswith("The parties in"):
                assert "of their own" in e.text, e.text
        phase = PHASES[int(phases[month - 1])]
        for e in events:
            if e.kind != "theatre":
                continue
            heavy = re.search(r"the fighting is (moderate|heavy|extreme)", e.text)
            if phase == "war":
                assert e.text.startswith(f"{world.theatre.name}: the fighting is"), e.text
            elif heavy:
                assert "often breached: the fighting is" in e.text, e.text
            else:
                assert "often breached" not in e.text, e.text


def test_the_fighting_and_the_phase_in_a_few_words() -> None:
    assert fighting_phrase("ceasefire", 0.37) == "ceasefire often breached, fighting moderate"
    assert fighting_phrase("ceasefire", 0.2) == "ceasefire, fighting low"
    assert fighting_phrase("war", 0.6) == "at war, fighting heavy"
    assert fighting_phrase("peace", 0.05) == "at peace, fighting quiet"  # as "at war, …"
    assert phase_words("ceasefire", 0.37) == "under a ceasefire that is often breached"
    assert phase_words("peace", 0.6) == "under a peace agreement that is often breached"
    assert phase_words("ceasefire", 0.29) == phase_words("ceasefire") == "under a ceasefire"
    assert not breached("war", 0.9)


def test_a_members_words_reach_the_news_in_names_and_leave_the_hash_alone() -> None:
    """The words stay in the state as said (the hash of a game with them does not move); the
    news and every screen read them with the parties, tasks and demands named."""
    engine = Engine(_world("tutorial", 7))
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    world = engine.world
    draft = "kalvaria-1"
    words = (
        "Drop gov from the arms embargo; drop ddr; drop the demand for ceasefire — and we abstain."
    )
    command = MakeStatement("CAL", draft, "ask", words, "abstain", None, "ARN")
    before = state_hash(world)
    engine.submit(command)
    assert world.statements[-1].text == words  # kept as said
    assert state_hash(world) != before  # the statement is state, as it was
    news = world.events[-1].text
    assert news == (
        "CAL to ARN: Drop the government from the arms embargo; drop DDR; drop the demand for a"
        " ceasefire — and we abstain."
    )
    syria = _world("syria_2011")
    assert spoken_words(syria, "not with the demand for end violence.") == (
        "not with the demand for an end to the violence."
    )
