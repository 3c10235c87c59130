"""What the screens say agrees with the state and tells no future (issue 12, the session-4
review): Rwanda's seat and briefing in October 1993 named the draft of April 1994 by the
resolution it became ("Res. 912 (1994): UNAMIR reduced to 270"); the chamber said "fighting in
Libya: moderate" under a ceasefire; a member's words kept in the state reached the chamber with
a party's id ("Drop gov from the arms embargo")."""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.model.diplomacy import MakeStatement

ROOT = Path(__file__).resolve().parents[2]
RWANDA = ROOT / "scenarios" / "rwanda_1994.toml"


def test_rwanda_names_the_later_draft_by_what_it_does() -> None:
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.click(d.button("New game"))
        assert d.screen() == "briefing"
        assert d.settle()
        d.frames(2)
        said = " ".join(view.plain() for view in d.app.screen.views)  # type: ignore[attr-defined]
        pens = said[said.index("You hold the pen on") :][:200]
        assert "'UNAMIR reduced to 270', from month 7" in pens
        assert "Res. 912 (1994): UNAMIR" not in said  # the scenario's notes cite S/RES/912
        d.click(d.button("Take your seat"))
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
        assert d.settle()
        d.key(pygame.K_u)
        assert d.screen() == "seat"
        said = " ".join(d.lines_drawn())
        assert "penholder of 'UNAMIR reduced to 270'" in said
        assert "You hold the pen on 'UNAMIR reduced to 270', to be tabled from month 7." in said
        assert "912" not in said
    finally:
        pygame.quit()


def test_the_chamber_says_a_ceasefire_is_breached_when_the_fighting_goes_on() -> None:
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        theatre = d.app.game.world.theatre
        theatre.phase, theatre.intensity = "ceasefire", 0.37  # Libya's month 4 of the review
        header = next(line for line in d.lines_drawn() if "Kalvaria" in line)
        assert "Kalvaria: ceasefire often breached, fighting moderate" in header
        theatre.intensity = 0.2
        header = next(line for line in d.lines_drawn() if "Kalvaria" in line)
        assert "Kalvaria: ceasefire, fighting low" in header
    finally:
        pygame.quit()


def test_a_members_words_name_the_parties_in_the_chamber() -> None:
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        d.key(pygame.K_t)  # table the draft
        game = d.app.game
        words = "We cannot accept it. Drop gov from the arms embargo; drop ddr — and we abstain."
        game.session.engine.submit(
            MakeStatement("CAL", "kalvaria-1", "red_line", words, "abstain", None, "")
        )
        d.app.screen.sync()  # as after any move of the world: the table is drawn again
        said = " ".join(d.lines_drawn())
        assert "Calderon: We cannot accept it. Drop the government from the arms" in said
        assert " gov " not in said and " ddr" not in said
    finally:
        pygame.quit()
