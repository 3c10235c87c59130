"""The debrief, the load screen and the world view speak in names and words (Libya and the
tutorial): figures as words and percentages, votes by name, months with their capitals, saves by
scenario and date, no developer's file names."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief
from sim.ui.screens.debrief import debrief_html
from sim.ui.screens.world import map_problem
from sim.ui.words import in_sentence

LIBYA = Path(__file__).resolve().parents[2] / "scenarios" / "libya_2011.toml"
DECIMAL = re.compile(r"\d\.\d{2}")


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def test_libya_load_screen_and_debrief_in_words(tmp_path: Path) -> None:
    d = Driver.start(scenario=LIBYA)
    try:
        d.click(d.button("New game"))
        d.click(d.button("Take your seat"))
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
        d.key(pygame.K_F5)  # a quick save, then the list of saves
        d.key(pygame.K_ESCAPE)
        d.click(d.button("Load a saved game"))
        assert d.screen() == "load"
        saves = [b.text for b in d.buttons() if b.text != "Back"]
        title = "Libya 2011: From Sanctions to All Necessary Measures — Month 1 (February 2011)"
        assert saves and all(title in s and ".json" not in s for s in saves), saves
        assert any(s.startswith("Autosave: Libya 2011") for s in saves), saves
        assert all(re.search(r"saved \d+ [A-Z][a-z]+ \d{4} at \d\d:\d\d$", s) for s in saves)
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_ESCAPE)
        play_to_debrief(d)
        d.frames(3)
        game = d.app.game
        assert game is not None
        figures = [b.text for b in d.buttons() if ": " in b.text]
        assert "Phase: peace" in figures and "Host consent: never given" in figures, figures
        assert not [f for f in figures if DECIMAL.search(f)], figures
        deaths = next(f for f in figures if f.startswith("Civilian deaths"))
        total = int(sum(game.world.metrics["civilian_deaths"]))
        assert deaths == f"Civilian deaths: {total:,}", deaths  # the score's figure
        tip = next(b for b in d.buttons() if b.text == deaths).tool_tip_text or ""
        assert tip.startswith("All months together (")
        body = debrief_html(game).replace("&#x27;", "'")
        votes = body[body.index("Key votes and why") :]
        assert "res1970" not in body and not DECIMAL.search(votes), votes[:400]
        assert "on 'Resolution 1970 (2011): sanctions and ICC referral': adopted" in votes
        assert "Russia: abstain — use of force (strongly against)" in votes
        d.shot(_shots(tmp_path) / "libya-debrief-words.png")
        assert in_sentence(game.month_title(5)) == "month 5 (June 2011)"  # the debrief's title
    finally:
        pygame.quit()


def test_the_fictional_world_notice_names_no_file(driver: Driver) -> None:
    driver.click(driver.button("New game"))
    driver.click(driver.button("Take your seat"))
    game = driver.app.game
    assert game is not None
    notice = map_problem(game)
    assert "fictional" in notice and ".toml" not in notice and "/" not in notice
