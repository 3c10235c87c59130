"""The model reproduces published effect sizes (a reduced run of `mandate calibrate`)."""

from __future__ import annotations

import pytest

from sim.analysis.calibrate import Fact, calibrate
from sim.cli import main


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    return calibrate(runs=100, first_seed=1000)


def test_every_stylized_fact_lies_in_its_published_band(facts: list[Fact]) -> None:
    failed = [f"{f.name}: {f.measured} (band {f.band})" for f in facts if not f.passed]
    assert not failed, failed


def test_calibration_covers_every_fact_the_issue_names(facts: list[Fact]) -> None:
    sources = " ".join(f.source for f in facts)
    for source in (
        "Hultman",
        "Fortna",
        "Gilligan",
        "Hufbauer",
        "Targeted Sanctions",
        "UNAMID",
        "Brahimi",
        "Walter",
        "Human Security Report",
    ):
        assert source in sources


def test_the_command_prints_each_fact_with_its_band_and_the_seeds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["calibrate", "--runs", "100", "--seed", "1000"])
    out = capsys.readouterr().out
    assert code == 0
    assert "seeds 1000–1099" in out and "18 passed, 0 failed" in out
    assert "fall 60–80%" in out and "PASS" in out and "FAIL" not in out
