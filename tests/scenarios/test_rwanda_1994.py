"""Rwanda 1993-94: the replay reproduces resolutions 872, 912, 918 and 929 vote for vote, each in
the Council that voted on it, and a player who hardens 918 changes how members vote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.voting import Tally
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "rwanda_1994.toml"


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run rwanda_1994.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


@pytest.mark.parametrize("seed", range(3))
def test_turquoise_is_french_comes_at_once_and_leaves_after_two_months(seed: int) -> None:
    """Res. 929 authorizes France under its own command: no pledging round, no renewal."""
    doc = run(seed, True)
    events = [e for e in doc["events"] if "Opération Turquoise" in e["text"]]  # as news names it
    committed = [e for e in events if e["kind"] == "pledge"]
    assert [e["text"].split()[0] for e in committed] == ["FRA"]
    assert any("under national command" in e["text"] for e in committed)
    leaving = [e["month"] for e in events if "begins to withdraw" in e["text"]]
    assert leaving == [10]  # June's two-month mandate ends with July; the force goes home
    assert not [v for v in doc["votes"] if v["draft"].startswith("res-929-renewal")]


@pytest.mark.parametrize("seed", range(5))
def test_bangladesh_leaves_unamir_when_the_killing_starts(seed: int) -> None:
    events = run(seed, True)["events"]
    leaving = [e for e in events if e["kind"] == "withdrawal" and e["text"].startswith("BGD")]
    assert leaving and {e["month"] for e in leaving} == {7}  # every contingent leaves in April


def _vote_on_918(clauses_of: Any) -> Tally:
    """Play to May 1994 as history did, then table Parts A and C with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 8:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-918")
    engine.submit(TableDraft("NGA", "res-918", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("NGA", "res-918"))
    return engine.world.votes[-1].tally


def test_a_chapter_vii_unamir_ii_would_have_been_vetoed() -> None:
    as_voted = _vote_on_918(lambda c: c)
    assert as_voted.passed and "USA" in as_voted.yes and "CHN" in as_voted.yes
    enforcement = _vote_on_918(
        lambda c: c.changed(chapter="VII", tasks=c.tasks + ("all_necessary_measures",))
    )
    assert not enforcement.passed
    assert {"CHN", "USA"} <= set(enforcement.vetoed_by)
