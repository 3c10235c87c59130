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
    # Before anyone has learned the members' private reservations, the public forecast is the
    # prepared draft's; the omniscient one differs by the private factor only.
    public = view.seen_by("")
    assert public.forecast(draft)[1] == prepared
    truth, estimate = view.forecast(draft)[0], public.forecast(draft)[0]
    private = truth.factor_names.index("private")
    assert (truth.totals - estimate.totals).tolist() == truth.points[:, private].tolist()
    assert any(truth.points[:, private])
    softer = template.clauses.changed(chapter="VI", referral=False, sanctions=())
    softened = view.what_if("kalvaria-1", softer)[1]
    assert len(softened.yes) >= len(prepared.yes)
    assert engine.world.drafts["kalvaria-1"].clauses == template.clauses
    assert view.council == "unsc"
    assert state_hash(engine.world) != before  # only the tabling changed the world
