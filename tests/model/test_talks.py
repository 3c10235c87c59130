"""Mediation between the parties: acceptance against the outside option, leverage, guarantees,
inclusion, what the mediator knows, and the commands and AI mediator that drive the talks."""

from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from sim.cli import main
from sim.model import talks
from sim.model.commands import TableDraft
from sim.model.conflict import step_conflict
from sim.model.drafts import Sanction
from sim.model.engine import CommandRejected, Engine
from sim.model.forces import create_mission
from sim.model.hashing import state_hash
from sim.model.mediation import (
    AmendText,
    AppointEnvoy,
    ConveneTalks,
    OfferGuarantee,
    PressParty,
    PutText,
)
from sim.model.mediator import Mediator
from sim.model.month import EndMonth
from sim.model.parties import answer, envoy_leaning, outside_option, zone_of_agreement
from sim.model.peace import Agreement
from sim.model.peace_view import PeaceView
from sim.model.play import default_agents, play_game
from sim.model.replay import replay
from sim.model.view import WorldView
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SYRIA = SCENARIOS / "syria_2011.toml"
TUTORIAL = SCENARIOS / "tutorial.toml"
PARTIES = ("gov", "opposition")


def syria(seed: int = 0) -> Engine:
    return Engine(build_world(load_scenario(SYRIA), seed))


def open_talks(engine: Engine, women: bool = False, civil: bool = False) -> None:
    engine.submit(AppointEnvoy("un", "Envoy", "las"))
    engine.submit(ConveneTalks("un", PARTIES, women, civil))


def random_texts(world: World, n: int, seed: int) -> list[dict[str, float]]:
    rng = np.random.default_rng(seed)
    assert world.settlement is not None
    ids = world.settlement.issue_ids()
    return [{i: round(float(rng.random()), 2) for i in ids} for _ in range(n)]


def test_a_party_never_accepts_a_text_worse_than_its_outside_option() -> None:
    world = syria().world
    rng = np.random.default_rng(3)
    accepted = refused = 0
    for text in random_texts(world, 300, 1):
        world.theatre.intensity = float(rng.random())
        world.theatre.government_control = float(rng.random())
        world.theatre.resources["gov"] = float(rng.uniform(0.1, 0.7))
        for party in PARTIES:
            for stage in talks.STAGES:
                result = answer(world, party, text, stage)
                assert result.outside_points == outside_option(world, party, stage)
                if result.accepts:
                    accepted += 1
                    assert result.text_points > result.outside_points
                else:
                    refused += 1
                    assert result.text_points <= result.outside_points
    assert accepted and refused  # both answers occur, so the property was really exercised


def test_every_answer_explanation_sums_exactly() -> None:
    engine = syria(1)
    play_game(engine, default_agents(engine), months=12)
    records = engine.world.peace.records
    assert records, "the AI envoy put no text to the parties"
    for record in records:
        for stance in record.answers.values():
            assert sum(f.points for f in stance.factors) == stance.total
            assert stance.choice == (
                "yes" if stance.total > 0 else "no" if stance.total < 0 else "abstain"
            )


def _widths(world: World) -> dict[str, float]:
    zone = zone_of_agreement(world, PARTIES, "ceasefire")
    return {issue: hi - lo for issue, ranges in zone.items() for lo, hi in [ranges["gov"]]}


def test_a_threatened_sanction_lowers_the_outside_option_and_widens_the_zone() -> None:
    engine = syria()
    world = engine.world
    # A hurting stalemate, where some text would already be acceptable.
    world.theatre.intensity, world.theatre.government_control = 1.0, 0.5
    assert 0 < outside_option(world, "gov", "ceasefire") < 1000
    before_option = outside_option(world, "gov", "ceasefire")
    before = _widths(world)
    template = next(t for t in world.templates if t.id == "s2011-612")
    threat = template.clauses.changed(sanctions=(Sanction("asset_freeze", ("gov",)),))
    engine.submit(TableDraft("GBR", "s2011-612", threat))
    assert outside_option(world, "gov", "ceasefire") < before_option
    after = _widths(world)
    assert all(after[i] >= before[i] for i in before)
    assert any(after[i] > before[i] for i in before)


def test_a_patron_pressing_its_client_lowers_its_outside_option() -> None:
    engine = syria()
    before = outside_option(engine.world, "gov", "ceasefire")
    engine.submit(PressParty("RUS", "gov"))
    assert outside_option(engine.world, "gov", "ceasefire") < before
    with pytest.raises(CommandRejected, match="not a patron"):
        engine.submit(PressParty("USA", "gov"))


def _ceasefire_with_agreement(seed: int, guarantor: str | None) -> tuple[Engine, int | None]:
    """A signed ceasefire, optionally guaranteed by a state's pledge; the month war resumed."""
    engine = syria(seed)
    world = engine.world
    world.theatre.phase, world.theatre.intensity = "ceasefire", 0.1
    world.triggers = ()
    world.peace.agreements.append(
        Agreement("a", "Ceasefire", "ceasefire", 1, {}, PARTIES, (), (), False, False)
    )
    if guarantor is not None:
        engine.submit(OfferGuarantee(guarantor, guarantor))
    for _ in range(11):
        engine.submit(EndMonth())
        if world.theatre.phase == "war":
            return engine, world.month
    return engine, None


def test_a_guarantee_lowers_the_recurrence_hazard_of_an_agreement() -> None:
    engine, _ = _ceasefire_with_agreement(0, None)
    world = engine.world
    world.theatre.phase, world.peace.agreements[-1].ended_month = "ceasefire", None
    unguaranteed = talks.recurrence_factor(world)
    engine.submit(OfferGuarantee("las", "las"))
    assert world.peace.agreements[-1].guarantors == ("las",)
    assert talks.recurrence_factor(world) < unguaranteed
    broke_plain = broke_guaranteed = 0
    for seed in range(60):
        _, plain_month = _ceasefire_with_agreement(seed, None)
        _, guaranteed_month = _ceasefire_with_agreement(seed, "las")
        # Common random numbers: a guaranteed ceasefire never breaks down earlier.
        if guaranteed_month is not None:
            assert plain_month is not None and plain_month <= guaranteed_month
        broke_plain += plain_month is not None
        broke_guaranteed += guaranteed_month is not None
    assert broke_guaranteed < broke_plain


def test_women_civil_society_and_spoilers_change_durability() -> None:
    world = syria().world
    world.theatre.phase = "ceasefire"
    base = Agreement("a", "A", "ceasefire", 1, {}, PARTIES, (), (), False, False)
    world.peace.agreements = [base]
    plain = talks.recurrence_factor(world)
    for changed in (
        Agreement("b", "B", "ceasefire", 1, {}, PARTIES, (), (), True, False),
        Agreement("c", "C", "ceasefire", 1, {}, PARTIES, (), (), False, True),
    ):
        world.peace.agreements = [changed]
        assert talks.recurrence_factor(world) < plain
    world.peace.agreements = [
        Agreement("d", "D", "ceasefire", 1, {}, ("gov",), ("opposition",), (), False, False)
    ]
    assert talks.recurrence_factor(world) > plain


def test_factions_left_out_attack_the_agreement_raising_fighting_and_breakdowns() -> None:
    """Spoilers act (Stedman 1997): the same seeds, the same agreement, once with a faction left
    out and once with everyone at the table: attacks appear in the news, the fighting is fiercer
    in the months they strike, and the war resumes no later."""

    def run(excluded: tuple[str, ...], seed: int) -> tuple[list[float], int | None, int]:
        world = syria(seed).world
        world.theatre.phase, world.theatre.intensity = "ceasefire", 0.2
        world.coefficients = replace(world.coefficients, spoiler_increase=0.0)
        world.peace.agreements = [
            Agreement(
                "a", "Six-point plan", "ceasefire", 1, {}, PARTIES, excluded, (), False, False
            )
        ]
        intensities, attacks, resumed = [], 0, None
        for month in range(1, 13):
            world.month = month
            events, _ = step_conflict(world)
            attacks += sum(e.kind == "spoiler_attack" for e in events)
            intensities.append(world.theatre.intensity)
            if world.theatre.phase == "war":
                resumed = month
                break
        return intensities, resumed, attacks

    total_attacks = broke_alone = broke_spoiled = 0
    for seed in range(40):
        calm, calm_resumed, calm_attacks = run((), seed)
        spoiled, spoiled_resumed, attacks = run(("al-Nusra",), seed)
        assert calm_attacks == 0
        total_attacks += attacks
        # Common random numbers: attacks never delay a breakdown nor calm the fighting.
        if calm_resumed is not None:
            assert spoiled_resumed is not None and spoiled_resumed <= calm_resumed
        months = min(len(calm), len(spoiled))
        assert all(s >= c for s, c in zip(spoiled[:months], calm[:months], strict=True))
        broke_alone += calm_resumed is not None
        broke_spoiled += spoiled_resumed is not None
    assert total_attacks > 0 and broke_spoiled > broke_alone


def test_an_envoy_leans_toward_the_side_its_sponsors_back_and_is_trusted_accordingly() -> None:
    """Kydd (2003): the Arab League, two of whose members arm the opposition, makes a joint
    envoy lean toward the opposition: it trusts him more, the government less; the
    Secretary-General's own envoy leans toward nobody."""
    text = {"transition": 0.5, "security": 0.5, "relief": 0.5, "accountability": 0.5}
    margins = {}
    for sponsors in (("un", ""), ("un", "las")):
        engine = syria()
        engine.submit(AppointEnvoy(sponsors[0], "Envoy", sponsors[1]))
        world = engine.world
        margins[sponsors[1]] = {
            p: answer(world, p, text, "ceasefire").stance.total for p in PARTIES
        }
        leaning = {p: envoy_leaning(world, p) for p in PARTIES}
        if sponsors[1]:
            assert leaning["opposition"] == pytest.approx(2 / 11 / 2) == -leaning["gov"]
            factors = dict(
                (f.name, f.points)
                for f in answer(world, "opposition", text, "ceasefire").stance.factors
            )
            assert factors["envoy's leaning"] == round(0.5 * 2 / 11 / 2 * 1000)
            view = PeaceView(world).leanings()
            assert view["opposition"][1] == ("QAT", "SAU") and view["gov"][1] == ()
        else:
            assert leaning == {"gov": 0.0, "opposition": 0.0}
    # The joint envoy also starts with more standing: compare net of it.
    bonus = round(0.1 * syria().world.coefficients.envoy_joint_bonus * 1000)
    assert margins["las"]["opposition"] - bonus > margins[""]["opposition"]
    assert margins["las"]["gov"] - bonus < margins[""]["gov"]


def test_a_party_under_leverage_may_sign_without_meaning_it_and_implementation_stalls() -> None:
    """Tactical acceptance (Assad and the six points, March 2012): parties that refuse in
    earnest, close to yes and under leverage, sign when the stream 'tactics' says so; the
    agreement records it, breaks down sooner, and the news reports implementation stalling.
    Without leverage nobody signs tactically."""

    def put(chance: float, pressed: bool) -> Engine:
        engine = syria()
        world = engine.world
        world.coefficients = replace(
            world.coefficients, tactical_acceptance_chance=chance, tactical_margin=2.0
        )
        if pressed:
            engine.submit(PressParty("RUS", "gov"))
            engine.submit(PressParty("QAT", "opposition"))
        open_talks(engine)
        answers = talks.answers(world, world.peace.talks.text)  # type: ignore[union-attr]
        assert not any(a.accepts for a in answers.values())  # both refuse in earnest
        engine.submit(PutText("un"))
        return engine

    assert put(1.0, False).world.peace.agreements == []  # no leverage: no tactical signature
    assert put(0.0, True).world.peace.agreements == []  # the draw said no
    engine = put(1.0, True)
    world = engine.world
    [agreement] = world.peace.agreements
    assert agreement.tactical == PARTIES and world.theatre.phase == "ceasefire"
    record = world.peace.records[-1]
    assert record.signed and all(s.total <= 0 for s in record.answers.values())
    stalling = talks.recurrence_factor(world)
    world.peace.agreements[-1] = replace(agreement, tactical=())
    assert talks.recurrence_factor(world) < stalling
    world.peace.agreements[-1] = agreement
    world.month += 1
    events, _ = step_conflict(world)
    assert any(e.kind == "implementation_stalls" for e in events)


def test_signing_ends_the_war_and_a_party_left_out_is_recorded_as_a_spoiler() -> None:
    engine = syria()
    world = engine.world
    # A hurting stalemate, patrons pressing and a guarantee: the six-point plan becomes acceptable.
    world.theatre.intensity, world.theatre.government_control = 1.0, 0.5
    for patron, party in (
        ("RUS", "gov"),
        ("IRN", "gov"),
        ("QAT", "opposition"),
        ("SAU", "opposition"),
        ("TUR", "opposition"),
    ):
        engine.submit(PressParty(patron, party))
    engine.submit(OfferGuarantee("las", "las"))
    engine.submit(AppointEnvoy("un", "Envoy", "las"))
    assert world.settlement is not None and world.settlement.envoy is not None
    engine.submit(ConveneTalks("un", PARTIES, False, False, world.settlement.envoy.opening))
    engine.submit(PutText("un"))
    assert world.theatre.phase == "ceasefire"
    [agreement] = world.peace.agreements
    assert agreement.name == "Six-point plan" and agreement.signatories == PARTIES
    assert agreement.excluded == world.settlement.outside_factions
    assert world.peace.talks is not None and world.peace.talks.stage == "peace"


def test_surveillance_and_rounds_narrow_what_the_mediator_misreads() -> None:
    engine = syria()
    open_talks(engine)
    world = engine.world
    assert world.peace.talks is not None
    spread, battlefield = talks.uncertainty(world, world.peace.talks)
    engine.submit(PutText("un"))
    later_spread, later_battlefield = talks.uncertainty(world, world.peace.talks)
    assert later_spread < spread and later_battlefield < battlefield
    template = next(t for t in world.templates if t.id == "s2011-612")
    drones = template.clauses.changed(tasks=("surveillance",), troop_ceiling=100, duration=12)
    create_mission(world, "eyes", drones, "un", "unsc")
    assert talks.uncertainty(world, world.peace.talks)[1] < later_battlefield


def test_commands_are_refused_where_they_do_not_fit() -> None:
    tutorial = Engine(build_world(load_scenario(TUTORIAL), 0))
    if tutorial.world.settlement is None:
        assert tutorial.check(AppointEnvoy("un", "Envoy"))
    engine = syria()
    assert engine.check(ConveneTalks("un", PARTIES))  # no envoy yet
    assert engine.check(AppointEnvoy("USA", "Envoy"))  # a state does not appoint envoys
    open_talks(engine)
    assert engine.check(ConveneTalks("un", PARTIES))  # already under way
    assert engine.check(AmendText("USA", {"transition": 0.5}))  # not the sponsor
    assert engine.check(AmendText("un", {"nothing": 0.5}))
    assert engine.check(AmendText("un", {"transition": 1.5}))
    assert not engine.check(AmendText("un", {"transition": 0.51}))


def test_a_chairs_joint_envoy_leaves_the_table_to_the_chair_and_the_text_to_the_un() -> None:
    engine = syria()
    engine.submit(AppointEnvoy("las", "the Joint Special Envoy", "un"))
    mediator = Mediator()
    view = WorldView(engine.world)
    assert not any(c.kind == "convene_talks" for c in mediator.open_month(view))
    engine.submit(ConveneTalks("las", PARTIES, False, True))
    put = mediator.close_month(WorldView(engine.world))
    assert [(c.kind, c.actor) for c in put] == [("put_text", "un")]  # type: ignore[attr-defined]
    alone = syria()
    alone.submit(AppointEnvoy("las", "An envoy of the League"))
    assert Mediator().open_month(WorldView(alone.world)) == []  # its chair runs those talks


def test_a_game_with_talks_replays_to_the_same_hashes() -> None:
    engine = syria(2)
    hashes: list[str] = []
    play_game(
        engine,
        default_agents(engine),
        months=12,
        on_month=lambda m: hashes.append(state_hash(engine.world)),
    )
    assert any(c.kind == "put_text" for c in engine.log)
    fresh = Engine(build_world(load_scenario(SYRIA), 2))
    assert replay(fresh, engine.log) == hashes


def test_mandate_run_convenes_talks_and_explains_a_party() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["run", str(SYRIA), "--seed", "0", "--explain", "gov"]) == 0
    text = out.getvalue()
    assert "convenes ceasefire talks" in text
    assert "Why gov " in text and "fighting on: military prospects" in text
