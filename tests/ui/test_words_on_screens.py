"""The theatre, ballot and news screens speak in words, bars, names and flags: no index to two
decimals, no internal id (the profile keeps the figures)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until
from sim.ui.theme import Text

DECIMAL = re.compile(r"[+-]?\d\.\d{2,}")


def ids_of(d: Driver) -> re.Pattern[str]:
    """The member states' and missions' ids as the model writes them (``ARN``, ``kalvaria-1``)."""
    game = d.app.game
    assert game is not None
    ids = list(game.world.states.ids) + [m.id for m in game.world.missions]
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


@contextmanager
def rendered(d: Driver) -> Iterator[list[str]]:
    """Every line of text the screens draw while inside the block."""
    said: list[str] = []
    original = Text.render

    def spy(self: Text, text: str, *args: object, **kwargs: object) -> pygame.Surface:
        said.append(text)
        return original(self, text, *args, **kwargs)  # type: ignore[arg-type]

    Text.render = spy  # type: ignore[method-assign]
    d.app.text._cache.clear()
    try:
        yield said
    finally:
        Text.render = original  # type: ignore[method-assign]


def test_the_theatre_shows_words_and_bars_not_decimals_or_ids(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    play_until(d, lambda: any(m.contingents for m in game.world.active_missions()))
    with rendered(d) as said:
        d.key(pygame.K_h)
        d.frames(3)
    assert d.screen() == "theatre"
    # The mission by its name, not by its draft's title ("'Protection of civilians …'").
    assert any(line.startswith("The UN mission ") and " — Chapter " in line for line in said)
    assert any("Continental Union force" in line for line in said)
    assert not [line for line in said if DECIMAL.search(line)], said
    ids = ids_of(d)
    assert not [line for line in said if ids.search(line)], said


def test_the_ballot_shows_the_factors_as_bars_and_words(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_t)  # table the draft, then open the player's own vote
    with rendered(d) as said:
        d.key(pygame.K_y)
        d.frames(2)
    assert d.screen() == "ballot"
    assert any(line.startswith("That is") or line.startswith("That falls") for line in said)
    assert not [line for line in said if DECIMAL.search(line)], said
    vetoes = [line for line in said if "veto by" in line]
    ids = ids_of(d)
    assert vetoes and not [line for line in vetoes if ids.search(line)], vetoes


def test_the_news_puts_a_flag_before_a_state_s_news(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_t)  # Arnesia circulates its draft: news that begins with a state
    d.key(pygame.K_n)
    d.frames(3)
    assert d.screen() == "eventlog"
    log = d.app.screen.view  # type: ignore[attr-defined]
    circulates = [r.entry for r in log.rows if r.text.startswith("Arnesia circulates")]
    assert circulates and circulates[0].flag is not None
