"""What the model says reaches the player in words: the toasts, the chamber's feed, the event log
and the debrief of a game played to its end (the tutorial, and Rwanda with a draft voted down)
name states, parties, drafts and missions and carry no raw decimal and no scenario key."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief
from sim.model.world import World
from sim.ui.screens.debrief import debrief_html
from sim.ui.theme import Text

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
DECIMAL = re.compile(r"[+-]?\d\.\d{2,}")
KEY = re.compile(r"\b(?:sanction|task|demand):|\b[a-z]+_[a-z_]+\b")


def problems(world: World, lines: list[str]) -> list[str]:
    """The lines with an id of a state, party, draft or mission, a raw decimal or a key (a
    party's id that is also a word is its name after "the": "the rebels")."""
    parties = {p.id for p in world.theatre.parties}
    ids = set(world.states.ids) | parties | {m.id for m in world.missions}
    ids |= set(world.drafts) | {t.id for t in world.templates} | {v.draft for v in world.votes}
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    bad = []
    for line in lines:
        found = [
            m
            for m in pattern.finditer(line)
            if not (m.group(1) in parties and line[max(0, m.start() - 4) : m.start()] == "the ")
        ]
        if found or DECIMAL.search(line) or KEY.search(line):
            bad.append(line)
    return bad


def _plain(markup: str) -> list[str]:
    parts = re.split(r"<br>|</?p>|<li>", markup)
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in parts if p.strip()]


@pytest.mark.parametrize("scenario", ["tutorial.toml", "rwanda_1994.toml"])
def test_toasts_feed_event_log_and_debrief_speak_words(scenario: str) -> None:
    d = Driver.start(scenario=SCENARIOS / scenario)
    said: list[str] = []
    toasts: list[str] = []
    render, notify = Text.render, d.app.notify

    def spy(self: Text, text: str, *args: object, **kwargs: object) -> pygame.Surface:
        said.append(text)
        return render(self, text, *args, **kwargs)  # type: ignore[arg-type]

    def toast(message: str) -> None:
        notify(message)
        toasts.append(d.app.message)

    Text.render = spy  # type: ignore[method-assign]
    d.app.notify = toast  # type: ignore[method-assign]
    try:
        d.click(d.button("New game"))
        d.click(d.button("Take your seat"))
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
        play_to_debrief(d)
        d.frames(3)
        game = d.app.game
        assert game is not None
        world = game.world
        feed = [line for line in said if re.match(r"(Month \d+|[A-Z][a-z]{2} \d{4}): ", line)]
        assert feed and [t for t in toasts if "advisor" not in t], (feed[:3], toasts[:3])
        assert not problems(world, feed), problems(world, feed)[:5]
        assert not problems(world, toasts), problems(world, toasts)[:5]
        debrief = _plain(debrief_html(game))
        assert not problems(world, debrief), problems(world, debrief)[:5]
        d.click(d.button("Event log"))
        assert d.screen() == "eventlog"
        assert d.settle()
        log = [row.entry.text for row in d.app.screen.view.rows if row.first]  # type: ignore[attr-defined]
        assert any("of all-out war)" in line for line in log), log[:5]
        assert not problems(world, log), problems(world, log)[:5]
    finally:
        Text.render = render  # type: ignore[method-assign]
        pygame.quit()
