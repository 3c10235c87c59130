"""Objectives in the briefing and debrief, history and sanctions, the calendar, the theatre's
missions and consent, the message line's place, and the title's scrolling list of scenarios."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pygame
import pytest

from sim.bundled import scenarios_dir
from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief, play_until
from sim.model import objectives
from sim.ui.game import Game, calendar_month, find_scenarios
from sim.ui.screens import title as title_module
from sim.ui.screens.briefing import BriefingScreen
from sim.ui.screens.chamber import phase_text
from sim.ui.screens.debrief import DebriefScreen, debrief_html
from sim.ui.screens.theatre import TheatreScreen, consent_words
from sim.ui.widgets.objectives import objective_rows

ROOT = Path(__file__).resolve().parents[2]


def test_calendar_months() -> None:
    assert calendar_month("1993-10", 1) == "October 1993"
    assert calendar_month("1993-10", 4) == "January 1994"
    assert calendar_month("2011-02", 27) == "April 2013"
    assert calendar_month(None, 3) == "" and calendar_month("bad", 1) == ""


def test_briefing_debrief_objectives_history_sanctions(roster_scenario: Path) -> None:
    d = Driver.start(scenario=roster_scenario)
    try:
        d.key(pygame.K_RETURN)
        screen = d.app.screen
        assert isinstance(screen, BriefingScreen)
        game = screen.game
        report = objectives.report(game.world, final=False)
        assert [(r.id, r.status) for r in screen.rows] == [(r["id"], r["status"]) for r in report]
        assert screen.rows[0].definition == "intensity below 30% in month 4"  # words, not 0.3
        d.key(pygame.K_RETURN)
        assert d.until(lambda: game.awaiting)
        assert phase_text(game).startswith("October 1993 · month 1 of 6 · ")
        play_to_debrief(d)
        debrief = d.app.screen
        assert isinstance(debrief, DebriefScreen)
        final = objectives.report(game.world, final=True)
        assert [(r.status, r.reason) for r in debrief.rows] == [
            (r["status"], r["reason"].replace("_", " ")) for r in final
        ]
        assert all(r.status in ("met", "failed") for r in debrief.rows)
        body = debrief_html(game)
        assert "What really happened" in body and "Second paragraph" in body
        assert body.index("What really happened") < body.index("Key votes")
        assert game.world.sanctions, "the draft imposes an arms embargo"
        episode = game.world.sanctions[0]
        assert episode.ended and "Arms embargo</b> on Government" in body
        for outcome in episode.outcomes:
            assert outcome in body
        assert "October 1993" in body or "Month" in body
    finally:
        pygame.quit()


def test_debrief_without_history_has_no_history_section(driver: Driver) -> None:
    driver.key(pygame.K_RETURN)
    driver.key(pygame.K_RETURN)
    play_to_debrief(driver)
    game = driver.app.game
    assert game is not None
    assert "What really happened" not in debrief_html(game)
    assert len(objective_rows(game.world, True)) == 4


def test_theatre_shows_missions_contingents_and_consent_in_words(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    play_until(chamber, lambda: any(m.contingents for m in game.world.active_missions()))
    chamber.key(pygame.K_h)
    screen = chamber.app.screen
    assert isinstance(screen, TheatreScreen)
    chamber.frames(2)
    words, _ = consent_words(game)
    assert "consent" in words and "True" not in words and "False" not in words
    assert screen.panel is not None
    chamber.key(pygame.K_PAGEDOWN)
    if screen.panel.get_height() > screen.panel_area().height:
        assert screen.scroll > 0
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "chamber"


def _assert_message_is_clear(d: Driver) -> None:
    d.app.notify("A long message " * 20)
    d.frames(1)
    box, _ = d.app.message_layout()
    window = pygame.Rect((0, 0), d.app.size)
    assert window.contains(box)
    screen = d.app.screen
    for element in screen.elements:
        if getattr(element, "visible", True):
            assert not box.colliderect(element.rect), (screen.name, element)
    for busy in screen.busy_rects():
        assert not box.colliderect(busy), (screen.name, busy)


@pytest.mark.parametrize("size,scale", [((1280, 720), 1.0), ((1920, 1080), 1.5)])
def test_the_message_line_covers_no_seat_button_or_panel(
    size: tuple[int, int], scale: float
) -> None:
    d = Driver.start(size, scale)
    try:
        _assert_message_is_clear(d)
        d.key(pygame.K_RETURN)
        _assert_message_is_clear(d)  # briefing
        d.key(pygame.K_RETURN)
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
        _assert_message_is_clear(d)  # chamber: seats are buttons, the feed a busy area
        for key in (pygame.K_e, pygame.K_c, pygame.K_h, pygame.K_w, pygame.K_n):
            d.key(key)
            _assert_message_is_clear(d)
            d.key(pygame.K_ESCAPE)
    finally:
        pygame.quit()


def test_title_lists_every_scenario_of_the_folder_and_scrolls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios" / "calibration", folder / "calibration")
    shutil.copytree(ROOT / "scenarios" / "data", folder / "data")
    shutil.copytree(ROOT / "scenarios" / "maps", folder / "maps")
    source = (ROOT / "scenarios" / "tutorial.toml").read_text(encoding="utf-8")
    (folder / "tutorial.toml").write_text(source)
    for n in range(11):
        text = source.replace('id = "tutorial"', f'id = "extra{n:02}"')
        text = text.replace('title = "Crisis in Kalvaria"', f'title = "Extra {n:02}"')
        (folder / f"extra{n:02}.toml").write_text(text)
    found = find_scenarios(folder)
    assert [s.id for s in found] == ["tutorial"] + [f"extra{n:02}" for n in range(11)]
    monkeypatch.setattr(title_module, "find_scenarios", lambda: find_scenarios(folder))
    d = Driver.start()
    try:
        screen = d.app.screen
        rows = screen.visible_rows()  # type: ignore[attr-defined]
        assert rows < 12
        for _ in range(11):
            d.key(pygame.K_DOWN)
        assert screen.chosen == 11  # type: ignore[attr-defined]
        chosen = d.button("Extra 10")
        assert "toggle_on" in chosen.object_ids[-1]
        window = pygame.Rect((0, 0), d.app.size)
        assert all(window.contains(b.rect) for b in d.buttons())
        d.click(d.button("Up"))
        assert screen.top == 12 - rows - 1  # type: ignore[attr-defined]
        d.key(pygame.K_RETURN)
        assert d.screen() == "briefing"
    finally:
        pygame.quit()


def test_the_real_scenarios_folder_lists_no_calibration_or_data_file() -> None:
    found = find_scenarios()
    paths = {s.path.parent for s in found}
    assert paths == {scenarios_dir()}
    assert "calibration" not in {s.id for s in found}
    assert found[0].id == "tutorial"
    assert len(found) == len(list(scenarios_dir().glob("*.toml")))


def test_the_default_seat_follows_the_documented_rule() -> None:
    from sim.scenario.loader import load_scenario
    from sim.ui.game import default_seat

    tutorial = load_scenario(scenarios_dir() / "tutorial.toml")
    assert default_seat(tutorial) == tutorial.drafts[0].penholder
    bare = tutorial.model_copy(update={"drafts": []})
    assert default_seat(bare) == "ARN"  # the first permanent member listed


def test_consent_is_said_in_words_and_never_withdrawn_where_it_was_never_given() -> None:
    scenarios = Path(__file__).resolve().parents[2] / "scenarios"
    libya = Game.new(scenarios / "libya_2011.toml", seed=0)
    words, _ = consent_words(libya)
    assert "never consented" in words and "WITHDRAWN" not in words
    tutorial = Game.new(scenarios / "tutorial.toml", seed=0)
    words, _ = consent_words(tutorial)
    assert words.startswith("The host government consents") and not re.search(r"\d", words)
    tutorial.world.metrics["host_consent"] = [1.0]
    tutorial.world.theatre.host_consent = False
    assert "WITHDRAWN" in consent_words(tutorial)[0]
