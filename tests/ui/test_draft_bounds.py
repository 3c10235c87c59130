"""The draft editor bounds every numeric clause as the file format does (issue 13): a draft a
scenario may write is never clamped by the editor's first click."""

from __future__ import annotations

from pathlib import Path

from sim.devtools.driver import Driver
from sim.model.drafts import CLAUSE_NUMBERS
from sim.ui.game import Game, edited
from sim.ui.screens.draft import DraftScreen

BOSNIA = Path(__file__).resolve().parents[2] / "scenarios" / "bosnia_1993.toml"


def test_a_40000_troop_draft_is_not_clamped_by_the_editor(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    draft = game.council_draft()
    assert draft is not None
    large = edited(draft, draft.clauses.changed(troop_ceiling=40_000))
    chamber.app.push(DraftScreen(chamber.app, large))
    chamber.frames(2)
    assert chamber.screen() == "draft"
    editor = chamber.app.screen
    assert isinstance(editor, DraftScreen)
    plus = [b for b in chamber.buttons() if b.text == "+"]
    minus = [b for b in chamber.buttons() if b.text == "−"]
    step = CLAUSE_NUMBERS["troop_ceiling"].step
    chamber.click(plus[0])  # the first row is the troop ceiling
    assert editor.clauses.troop_ceiling == 40_000 + step
    chamber.click(minus[0])
    chamber.click(minus[0])
    assert editor.clauses.troop_ceiling == 40_000 - step


def test_the_editor_stops_at_the_bounds_of_the_file_format(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    draft = game.council_draft()
    assert draft is not None
    editor = DraftScreen(chamber.app, draft)
    for number in CLAUSE_NUMBERS.values():
        editor.clauses = editor.clauses.changed(**{number.name: number.maximum})
        editor.bump(number.name, 1)
        assert getattr(editor.clauses, number.name) == number.maximum
        editor.clauses = editor.clauses.changed(**{number.name: number.minimum})
        editor.bump(number.name, -1)
        assert getattr(editor.clauses, number.name) == number.minimum


def test_the_editor_forecasts_unchanged_clauses_as_the_chamber_does() -> None:
    """An edited copy keeps everything but the clauses (side deals, trades, the members'
    reservations), so opening the editor moves nobody (Pakistan used to drift "toward yes" on
    Res. 819 before any edit, because the copy lost its reservations)."""
    game = Game.new(BOSNIA, seed=0)
    game.pump(10.0)
    draft = game.council_draft()
    assert draft is not None and draft.private, "the draft carries hidden reservations"
    before, _ = game.what_if(draft)
    after, _ = game.what_if(edited(draft, draft.clauses))
    assert list(after.totals) == list(before.totals)
    assert edited(draft, draft.clauses.changed(troop_ceiling=100)).private == draft.private
