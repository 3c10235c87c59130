"""The draft editor bounds every numeric clause as the file format does (issue 13): a draft a
scenario may write is never clamped by the editor's first click."""

from __future__ import annotations

from sim.devtools.driver import Driver
from sim.model.drafts import CLAUSE_NUMBERS
from sim.ui.game import edited
from sim.ui.screens.draft import DraftScreen


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
