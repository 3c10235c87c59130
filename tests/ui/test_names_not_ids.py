"""Player-facing screens speak in names and words: no ids, no raw decimals."""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.ui.words import Namer, intensity_word, metric_value, resolution_name

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"
DECIMAL = re.compile(r"[+-]?\d\.\d{2,}")


def test_ids_become_names() -> None:
    names = Namer(build_world(load_scenario(TUTORIAL), 7))
    assert names.text("ARN amends kalvaria-1 (meets CAL's ask).") == (
        "Arnesia amends 'Protection of civilians in Kalvaria' (meets Calderon's ask)."
    )
    assert names.text("kalvaria-10 and ARNX stay as they are") == (
        "kalvaria-10 and ARNX stay as they are"
    )
    assert names.text("arms embargo on gov, nlf") == "arms embargo on the government, the NLF"
    assert [metric_value("deployment_share", 0.6), metric_value("civilian_deaths", 1500)] == [
        "60%",
        "1,500",
    ]
    assert resolution_name("res-872") == "Resolution 872"
    assert resolution_name("kalvaria-1") is None
    assert [intensity_word(x) for x in (0.05, 0.2, 0.4, 0.7, 0.95)] == [
        "quiet",
        "low",
        "moderate",
        "heavy",
        "extreme",
    ]


def test_the_chamber_speaks_in_names_and_words(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_t)  # table the draft
    assert "Arnesia circulates" in d.app.message and "ARN " not in d.app.message
    screen = d.app.screen
    for seat in screen.seat_buttons.values():
        assert not DECIMAL.search(seat.tool_tip_text or ""), seat.tool_tip_text
    shown = [e.text for e in screen.elements if hasattr(e, "text")]
    assert not [t for t in shown if DECIMAL.search(t)], shown


def test_the_draft_editor_speaks_in_names_and_words(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_e)
    assert d.screen() == "draft"
    drawn: list[str] = []
    render = d.app.text.render

    def recording(words: str, *args: object, **kwargs: object) -> pygame.Surface:
        drawn.append(words)
        return render(words, *args, **kwargs)  # type: ignore[arg-type]

    d.app.text.render = recording  # type: ignore[method-assign]
    d.frames(2)
    assert "Draft: Protection of civilians in Kalvaria" in drawn
    assert {"Calderon", "Dravia", "firm"} <= set(drawn)
    assert not [t for t in drawn if DECIMAL.search(t) or "kalvaria-1" in t], drawn
    labels = {b.text for b in d.app.screen.elements if hasattr(b, "text")}
    assert {"on government", "on NLF"} <= labels, labels
    drawn.clear()
    more = [b for b in d.app.screen.elements if getattr(b, "tool_tip_text", "") == "More troops"]
    d.click(more[0])
    d.frames(2)
    assert any(t in ("toward yes", "toward no") for t in drawn), "the whip count shows who moved"
