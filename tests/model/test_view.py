"""The read-only view answers what-if questions without changing the world."""

from __future__ import annotations

from sim.model.commands import TableDraft
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.view import WorldView


def test_what_if_matches_the_forecast_and_changes_nothing(engine: Engine) -> None:
    view = WorldView(engine.world)
    template = view.template("kalvaria-1")
    before = state_hash(engine.world)
    prepared = view.what_if("kalvaria-1", template.clauses)[1]
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    draft = engine.world.drafts["kalvaria-1"]
    assert view.forecast(draft)[1] == prepared
    softer = template.clauses.changed(chapter="VI", referral=False, sanctions=())
    softened = view.what_if("kalvaria-1", softer)[1]
    assert len(softened.yes) >= len(prepared.yes)
    assert engine.world.drafts["kalvaria-1"].clauses == template.clauses
    assert view.council == "unsc"
    assert state_hash(engine.world) != before  # only the tabling changed the world
