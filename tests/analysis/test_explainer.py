"""``mandate run --explain ID`` for every kind of decider: member states (with what would flip
each vote and their drift), troop contributors and regional organizations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parents[2]
TUTORIAL = "scenarios/tutorial.toml"
HASH_LINE = re.compile(r"^State hash: ([0-9a-f]{64})$", re.MULTILINE)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def explain(capsys: pytest.CaptureFixture[str], actor: str, *more: str) -> str:
    capsys.readouterr()
    assert main(["run", TUTORIAL, "--seed", "7", "--explain", actor, *more]) == 0
    return capsys.readouterr().out


def factor_blocks(lines: list[str], head: str) -> list[tuple[list[int], int]]:
    """Each block of ``name value`` lines after a line starting with ``head``, with its total."""
    blocks = []
    for i, line in enumerate(lines):
        if not line.strip().startswith(head):
            continue
        factors: list[int] = []
        for row in lines[i + 1 :]:
            name, value = row.strip().rsplit(maxsplit=1)
            points = round(float(value) * 1000)
            if name == "= total":
                blocks.append((factors, points))
                break
            factors.append(points)
    return blocks


def test_a_member_vote_says_what_would_flip_it_and_how_far_the_member_moved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = explain(capsys, "LUM")
    lines = out.splitlines()
    votes = [i for i, line in enumerate(lines) if line.strip().startswith("Why LUM voted")]
    assert votes
    for i in votes:
        after = "\n".join(lines[i : i + 20])
        assert "What would move LUM one step" in after or "No single change moves LUM" in after
        assert "LUM's own positions" in after
    assert re.search(r"LUM's own positions since the start .*: \w+ \d\.\d\d → \d\.\d\d", out)


def test_a_troop_contributor_is_explained_month_by_month(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = explain(capsys, "PEL")
    lines = out.splitlines()
    blocks = factor_blocks(lines, "Why PEL pledges to")
    assert len(blocks) >= 3
    for factors, total in blocks:
        assert len(factors) == 4 and sum(factors) == total
    rules = [line for line in lines if "pledges when the total is above" in line]
    assert len(rules) == len(blocks)
    # The months it pledged, the explanation says so, with the size the event reports.
    for pledge in re.finditer(r"PEL pledges ([\d,]+) troops to (\S+), expected", out):
        assert f"pledges {pledge.group(1)} troops" in out
    assert "that make it withdraw" in out or "withdrawing" in out


def test_a_regional_organization_is_explained_by_its_body_vote(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = explain(capsys, "cu")
    assert "Does the Continental Union endorse kalvaria-1? yes." in out
    assert "Does the Continental Union deploy a bridging force" in out
    tally = re.search(r"Its .* votes (\d+-\d+-\d+) \(carried\)", out)
    assert tally is not None
    member = re.search(r"^    IST  (yes|no|abstain) +([+-]\d\.\d{3}) = (.*)$", out, re.MULTILINE)
    assert member is not None
    parts = [float(p.rsplit(maxsplit=1)[1]) for p in member.group(3).split(", ")]
    assert round(sum(parts) * 1000) == round(float(member.group(2)) * 1000)


@pytest.mark.parametrize("actor", ["CAL", "PEL", "cu"])
def test_explaining_never_changes_the_game(capsys: pytest.CaptureFixture[str], actor: str) -> None:
    capsys.readouterr()
    assert main(["run", TUTORIAL, "--seed", "7"]) == 0
    plain = HASH_LINE.search(capsys.readouterr().out)
    explained = HASH_LINE.search(explain(capsys, actor))
    assert plain and explained and plain.group(1) == explained.group(1)


def test_unknown_ids_are_refused_with_both_kinds_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", TUTORIAL, "--explain", "nope"]) == 2
    err = capsys.readouterr().err
    assert "state or organization" in err and "'nope'" in err
