"""The month loop's shortcuts give exactly what the long way gives.

Remembered positions and totals, the consultation round that keeps only positions, and the
mediator's estimator made once per turn must never change a game: each is compared here with
the computation it replaces, value for value.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.model.bargaining import bargaining_round, round_positions
from sim.model.commands import TableDraft
from sim.model.concessions import watered_down
from sim.model.engine import Engine
from sim.model.issues import IssueSpace
from sim.model.strategy import Concessions, member_totals
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile

_value = st.one_of(st.just(0.0), st.just(1.0), st.floats(0.0, 1.0, allow_subnormal=False))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 16).flatmap(
        lambda n: st.lists(st.tuples(_value, _value, _value), min_size=n, max_size=n)
    )
)
def test_the_consultation_round_moves_everyone_exactly_as_a_full_round(
    actors: list[tuple[float, float, float]],
) -> None:
    x, c, s = (np.array(column) for column in zip(*actors, strict=True))
    fast = round_positions(x, c, s)
    assert np.array_equal(fast, bargaining_round(x, c, s).positions)
    assert fast.flags.writeable  # the caller may work on it


def test_remembered_positions_equal_fresh_ones_alone_or_among_others(
    tutorial: ScenarioFile,
) -> None:
    world = build_world(tutorial, 0)
    text = world.templates[0].clauses
    texts = [text] + [c for _, c in watered_down(text)]
    fresh = IssueSpace(world.issues.dimensions)
    batch = fresh.positions(texts)
    again = world.issues.positions(list(reversed(texts)))  # remembered one by one, then reused
    assert np.array_equal(again[::-1], batch)
    assert np.array_equal(world.issues.positions([text, text]), np.stack([batch[0], batch[0]]))
    batch[0, 0] = -1.0  # a caller's change to what it got back is not remembered
    assert fresh.positions([text])[0, 0] != -1.0


def test_a_members_shared_search_gives_its_exact_totals(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 0))
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    draft = engine.world.drafts["kalvaria-1"]
    texts = [draft.clauses] + [c for _, c in watered_down(draft.clauses)]
    for member in sorted(engine.world.bodies[draft.body].members):
        search = Concessions(engine.world, draft, member)
        search.totals(texts[1:3])  # some remembered first
        exact = member_totals(engine.world, draft, member, texts)
        assert np.array_equal(search.totals(texts), exact)


def test_the_state_tables_rows_cannot_be_changed_by_a_caller(tutorial: ScenarioFile) -> None:
    table = build_world(tutorial, 0).states
    ids = list(table.ids[:3])
    rows = table.rows(ids)
    assert list(rows) == [0, 1, 2]
    assert not rows.flags.writeable
    assert table.rows(tuple(ids)) is rows
