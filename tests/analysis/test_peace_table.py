"""The peace survey: one row per scenario, counting talks, agreements and how long they held."""

from __future__ import annotations

from pathlib import Path

from sim.analysis.peace_table import survey, table

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def test_the_survey_names_what_was_signed_by_whom_and_how_it_ends() -> None:
    row = survey(SCENARIOS / "mali_2013.toml", range(2), historical=True)
    assert row.runs == 2 and row.with_talks == 2 and row.negotiated == "talks"
    assert set(row.signed) <= {"Ouagadougou preliminary agreement (ceasefire)"}
    assert sum(row.signed.values()) == len(row.held) >= row.broken
    assert row.holding_at_end <= row.with_signature <= row.runs
    assert set(row.signatories) <= {"gov + mnla"}
    libya = survey(SCENARIOS / "libya_2011.toml", range(1), historical=True)
    assert libya.negotiated == "talks and chance"
    text = table([row, libya])
    assert "| mali_2013 | 2 | talks |" in text and "| libya_2011 | 1 | talks and chance |" in text
