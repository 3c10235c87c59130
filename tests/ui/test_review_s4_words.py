"""Words a first-time player still met on main (the session-4 review): consultations naming
members by code and leaving a wide empty band at 1920, the debrief's title cut short, "since month
1 until 13" and "ddr" on the theatre panel, a consent "withdrawn" that was never given, the map's
troops-and-police figure beside the panel's troops, the month's news reading backwards, "M1" in
the chamber's log, objectives saying their month twice, the timeline's "(none: you passed or
watched)", and the classroom's ids."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver, recorded_lines
from sim.devtools.screenshots import play_until
from sim.model.engine import Engine
from sim.model.names import Namer
from sim.model.play import default_agents, play_game
from sim.model.world import Outcome
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.ui.game import Game
from sim.ui.pacing import by_importance
from sim.ui.screens.messages import describe
from sim.ui.theatremap import mission_line
from sim.ui.widgets.theatrepanel import draw_theatre_panel
from sim.ui.words import figure_label

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"
LIBYA = ROOT / "scenarios" / "libya_2011.toml"
RWANDA = ROOT / "scenarios" / "rwanda_1994.toml"
CODE = re.compile(r"\b[A-Z]{3}\b")


def _consultations(scenario: Path, size: tuple[int, int]) -> Driver:
    d = Driver.start(size, scenario=scenario)
    d.take_seat()
    d.key(pygame.K_t)  # table the draft: the forecast panel has a whip count
    d.key(pygame.K_c)
    assert d.screen() == "consult"
    assert d.settle()
    return d


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_consultations_name_every_member_and_use_the_width(size: tuple[int, int]) -> None:
    """The tutorial: buttons and actions by name ("Lobby Calderon on use of force"), veto threats
    by name; every button's words fit; at 1920 the columns leave no wide empty band."""
    d = _consultations(TUTORIAL, size)
    try:
        d.click(d.button("Calderon"))
        texts = [b.text for b in d.buttons()]
        assert not [t for t in texts if CODE.search(t)], texts
        assert {"Borelia", "Calderon", "Harrowmere", "Ossaria"} <= set(texts)
        assert "Lobby Calderon on use of force (1 capital)" in texts
        assert "Offer Calderon a side deal" in texts
        assert "Profile of Calderon" in texts
        lines = d.lines_drawn()
        threats = next(line for line in lines if line.startswith("Veto threats:"))
        assert threats == "Veto threats: Calderon, Dravia", threats
        for b in d.buttons():
            assert b.font.size(b.text)[0] <= b.rect.width - 4, f"{b.text!r} is cut"
        game = d.app.game
        assert game is not None
        names = {game.world.states.name(m) for m in game.world.states.ids}
        members = [b for b in d.buttons() if b.text in names]
        screen = d.app.screen
        band = screen.s(screen.right_x) - max(b.rect.right for b in members)  # type: ignore[attr-defined]
        assert band < screen.s(100), f"{band} px between the members and the forecast"
    finally:
        pygame.quit()


def test_consultations_fit_the_longest_names_at_1280() -> None:
    """Libya's "Bosnia and Herzegovina" on a member button, whole, in the order of the names."""
    d = _consultations(LIBYA, (1280, 720))
    try:
        names = [b.text for b in d.buttons()][:14]
        assert names == sorted(names) and "Bosnia and Herzegovina" in names, names
        window = pygame.Rect((0, 0), d.app.size)
        buttons = d.buttons()
        for n, b in enumerate(buttons):
            assert window.contains(b.rect), b.text
            assert b.font.size(b.text)[0] <= b.rect.width - 4, f"{b.text!r} is cut"
            assert not [o.text for o in buttons[n + 1 :] if o.rect.colliderect(b.rect)], b.text
    finally:
        pygame.quit()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_debrief_title_is_whole(size: tuple[int, int]) -> None:
    """Rwanda's "Too little, too late" ending: its name whole, its month on the line above."""
    d = Driver.start(size, scenario=RWANDA)
    try:
        d.take_seat()
        game = d.app.game
        assert game is not None
        game.world.outcome = Outcome("late", "Too little, too late", 15, "UNAMIR II is late.")
        d.app.show_debrief()
        d.settle()
        lines = d.lines_drawn()
        assert "Debrief — ended in month 15 (December 1994)" in lines
        assert "Too little, too late" in lines
        assert not [line for line in lines if line.startswith("Too little") and "…" in line]
    finally:
        pygame.quit()


def _panel_lines(d: Driver) -> list[str]:
    """Every line the theatre panel draws now."""
    game = d.app.game
    assert game is not None
    with recorded_lines(d.app.text) as seen:
        draw_theatre_panel(game, d.app.text, 600, 1.0)
    return seen


def test_the_theatre_panel_says_until_which_month_in_words() -> None:
    """Libya (9 months): the embargo of Resolution 1970 runs "for the rest of the game", not
    "since month 1 until 13"; the host never consented, and the figure says so too."""
    d = Driver.start((1280, 720), scenario=LIBYA)
    try:
        d.take_seat()
        game = d.app.game
        assert game is not None
        play_until(d, lambda: game.world.month >= 2)
        lines = _panel_lines(d)
        embargo = [line for line in lines if line.startswith("• arms embargo since month 1")]
        assert embargo and all("for the rest of the game" in line for line in embargo), embargo
        assert not [line for line in lines if re.search(r"until \d", line)], lines
        assert any(line.startswith("The government has never consented") for line in lines)
        assert figure_label("host_consent", game.world.metrics["host_consent"]) == (
            "Host consent: never given"
        )
        assert figure_label("host_consent", [1.0, 1.0, 0.0]) == "Host consent: withdrawn"
    finally:
        pygame.quit()


def test_mission_tasks_and_strength_in_words() -> None:
    """Rwanda: UNAMIR's tasks read "DDR", not "ddr"; the map's legend names what it counts."""
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.take_seat()
        game = d.app.game
        assert game is not None
        play_until(d, lambda: bool(game.world.active_missions()))
        tasks = [line for line in _panel_lines(d) if line.startswith("Tasks:")]
        assert tasks and "DDR" in tasks[0] and "ddr" not in tasks[0], tasks
        for mission in game.world.active_missions():
            line = mission_line(game.world, mission)
            kinds = [k for k, v in mission.ceilings.items() if v]
            unit = kinds[0] if len(kinds) == 1 else "personnel"
            assert re.match(rf"^[\d,]+ of [\d,]+ {unit} · ", line), line
    finally:
        pygame.quit()


def test_a_storys_steps_keep_their_order_in_the_news() -> None:
    """Libya, month 1: Resolution 1970 is circulated, counted, then adopted — in that order, and
    above the sanctions it imposed (what matters first)."""
    engine = Engine(build_world(load_scenario(LIBYA), 7))
    play_game(engine, default_agents(engine), months=1)
    world = engine.world
    names = Namer(world)
    news = [names.text(e.text) for e in by_importance(world.events, names.story)]
    # Circulated by what it does (no resolution number before the vote), one story with its vote.
    circulated = next(
        n for n, t in enumerate(news) if "circulates 'Sanctions and ICC referral'" in t
    )
    adopted = next(n for n, t in enumerate(news) if "adopts 'Resolution 1970" in t)
    imposed = next(n for n, t in enumerate(news) if t.startswith("Arms embargo imposed"))
    assert circulated < adopted < imposed, news


def test_the_chamber_log_and_objectives_in_words() -> None:
    """The chamber's log begins its lines with the month in words ("Feb 2011:"), never "M1";
    an objective named "… by month 18" does not say "month 18" again beside it."""
    d = Driver.start((1280, 720), scenario=LIBYA)
    try:
        d.take_seat()
        d.key(pygame.K_t)
        d.frames(2)
        lines = d.lines_drawn()
        assert any(line.startswith("Feb 2011: ") for line in lines), lines
        assert not [line for line in lines if re.match(r"^M\d+\b", line)]
    finally:
        pygame.quit()
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        d.app.screen.tracker = None  # type: ignore[attr-defined]  # drawn again this frame
        lines = d.lines_drawn()
        assert "Fewer than 40 civilians killed a month by month 18" in lines
        assert "month 18" not in lines
    finally:
        pygame.quit()


def test_the_timeline_says_what_happened_in_a_month_without_decisions() -> None:
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        game = d.app.game
        assert game is not None
        play_until(d, lambda: game.world.month >= 2)
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_t)
        assert d.screen() == "timeline"
        lines = d.lines_drawn()
        assert "• None yet: this month is under way." in lines
        d.key(pygame.K_LEFT)  # month 1, played by the advisor
        lines = d.lines_drawn()
        assert not [line for line in lines if "(none" in line]
        assert "What happened:" in lines
        assert any("Arnesia" in line for line in lines[lines.index("What happened:") :])
    finally:
        pygame.quit()


def test_the_classroom_says_names_not_ids() -> None:
    """The server's news and drafts' texts name states and parties; a private message reads
    "Month 1 · Arnesia to Calderon: … on 'Protection of civilians in Kalvaria'"."""
    from sim.net.classroom import Classroom

    room = Classroom(TUTORIAL, 3, ["ARN", "CAL"])
    seat = room.session.seat
    assert seat is not None
    for command in room.handle(seat, {"type": "advise"}).commands:
        room.handle(seat, {"type": "command", "command": command})
    public = room.view("CAL")["public"]
    world = room.session.engine.world
    assert public["news"] and not [
        t for t in public["news"] if re.search(r"\b(ARN|CAL|DRV)\b|kalvaria-1", t)
    ], public["news"]
    texts = [d["text"] for d in public["drafts"]]
    assert texts and not [t for t in texts if re.search(r"\bgov\b|\bnlf\b", t)], texts
    game = Game.new(TUTORIAL, 3)
    message = {
        "month": 1,
        "from": "ARN",
        "to": "CAL",
        "text": "Abstain?",
        "offer": {"kind": "side_payment", "amount": 2.0, "draft": "kalvaria-1"},
    }
    assert describe(message, game) == (
        "Month 1 · Arnesia to Calderon: Abstain? [side payment 2 on 'Protection of civilians"
        " in Kalvaria']"
    )
    assert world.month == 1


def test_your_vote_is_told_on_the_drafts_name() -> None:
    """The toast after the seat's own vote names the draft, not "kalvaria-1"."""
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        d.key(pygame.K_t)
        d.key(pygame.K_y)
        assert d.screen() == "ballot"
        d.key(pygame.K_RETURN)  # as the seat's advisers advise
        assert d.app.message.startswith("You vote "), d.app.message
        assert "on 'Protection of civilians in Kalvaria'" in d.app.message, d.app.message
    finally:
        pygame.quit()
