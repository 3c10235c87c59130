"""F1 explains how to play on every screen; consultations name the side deal just offered; the
news title keeps the month's capital."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pygame

import sim.ui.screens
from sim.devtools.driver import Driver
from sim.ui.screens.base import Screen
from sim.ui.screens.consult import panel_factors
from sim.ui.screens.help import PURPOSES, how_to_play


def _screen_names() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(sim.ui.screens.__path__):
        module = importlib.import_module(f"sim.ui.screens.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls is not Screen and cls.__module__ == module.__name__:
                names.add(cls.name)
    return names


def test_every_screen_says_what_it_is_for() -> None:
    missing = _screen_names() - set(PURPOSES)
    assert not missing, f"F1 does not say what these screens are for: {sorted(missing)}"


def test_f1_explains_how_a_vote_is_won(chamber: Driver, tmp_path: Path) -> None:
    chamber.key(pygame.K_F1)
    assert chamber.app.show_help
    text = " ".join(how_to_play(chamber.app))
    assert "at least 9 yes votes of 15" in text
    assert "(ARN, BOR, CAL, DRV, EST)" in text and "abstaining is not a veto" in text
    assert "Skip (S)" in text
    chamber.shot(tmp_path / "help.png")


def test_consultations_name_the_side_deal_just_offered(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_t)  # table the draft
    d.key(pygame.K_c)
    assert d.screen() == "consult"
    d.click(d.button("Calderon"))
    d.key(pygame.K_o)  # offer Calderon a side deal
    draft = game.council_draft()
    assert draft is not None and draft.side_payments.get("CAL")
    forecast = game.forecast()
    assert forecast is not None
    factors = panel_factors(forecast[1].stance("CAL").factors)
    assert factors[0].name == "side_payment" and factors[0].points > 0
    assert all(f.points for f in factors), "a factor adding nothing is not worth a line"


def test_the_news_title_keeps_the_months_capital(roster_scenario: Path) -> None:
    d = Driver.start(scenario=roster_scenario)
    try:
        d.key(pygame.K_RETURN)
        d.key(pygame.K_RETURN)
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting, 600)
        for _ in range(400):
            if d.screen() == "news":
                break
            d.key(pygame.K_SPACE) if d.screen() == "chamber" else d.key(pygame.K_RETURN)
        assert d.screen() == "news"
        heading = d.app.screen.heading()
        assert heading.startswith("News of month 1 (October 1993)"), heading
    finally:
        pygame.quit()
