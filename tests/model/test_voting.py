"""The Security Council's rule and the regional rules, as a player would check them."""

from __future__ import annotations

import pytest

from sim.model.voting import Choice, make_body

P5 = ("CHN", "FRA", "GBR", "RUS", "USA")
E10 = ("BRA", "BIH", "COL", "DEU", "GAB", "IND", "LBN", "NGA", "PRT", "ZAF")
UNSC = make_body("unsc", "Security Council", "unsc", P5 + E10, veto=P5)


def votes(yes: tuple[str, ...], no: tuple[str, ...] = ()) -> dict[str, Choice]:
    choices: dict[str, Choice] = {m: "abstain" for m in UNSC.members}
    choices.update({m: "yes" for m in yes})
    choices.update({m: "no" for m in no})
    return choices


def test_resolution_1973_passes_with_five_abstentions_including_two_permanent() -> None:
    abstainers = {"BRA", "CHN", "DEU", "IND", "RUS"}
    yes = tuple(m for m in UNSC.members if m not in abstainers)
    tally = UNSC.tally(votes(yes))
    assert tally.passed and tally.counts() == "10-0-5" and tally.vetoed_by == ()


def test_syria_draft_2011_fails_on_two_permanent_no_votes_with_nine_yes() -> None:
    no = ("CHN", "RUS")
    abstain = {"BRA", "IND", "LBN", "ZAF"}
    yes = tuple(m for m in UNSC.members if m not in abstain and m not in no)
    tally = UNSC.tally(votes(yes, no))
    assert tally.counts() == "9-2-4"
    assert not tally.passed and tally.vetoed_by == ("CHN", "RUS")


def test_eight_yes_votes_are_not_enough() -> None:
    assert not UNSC.tally(votes(P5 + E10[:3])).passed
    assert UNSC.tally(votes(P5 + E10[:4])).passed


def test_elected_member_voting_no_is_not_a_veto() -> None:
    tally = UNSC.tally(votes(P5 + E10[:9], no=E10[9:]))
    assert tally.passed and tally.vetoed_by == ()


def test_absence_is_not_a_veto() -> None:
    choices = votes(tuple(m for m in UNSC.members if m != "RUS"))
    del choices["RUS"]
    assert UNSC.tally(choices).passed


def test_procedural_votes_have_no_veto() -> None:
    tally = UNSC.tally(votes(E10[:9], no=("RUS",)), procedural=True)
    assert tally.passed and tally.vetoed_by == ()


def test_consensus_blocks_on_any_objection_but_not_on_abstention() -> None:
    body = make_body("b", "B", "consensus", ("A", "B", "C"))
    assert body.tally({"A": "yes", "B": "abstain", "C": "abstain"}).passed
    assert not body.tally({"A": "yes", "B": "yes", "C": "no"}).passed


def test_unanimity_needs_every_member() -> None:
    body = make_body("b", "B", "unanimity", ("A", "B", "C"))
    assert body.tally({"A": "yes", "B": "yes", "C": "yes"}).passed
    assert not body.tally({"A": "yes", "B": "yes", "C": "abstain"}).passed


def test_majority_and_qualified_quotas() -> None:
    members = tuple(f"M{i:02d}" for i in range(15))
    assert make_body("m", "M", "majority", members).quota == 8
    assert make_body("q", "Q", "qualified", members, fraction=2 / 3).quota == 10


@pytest.mark.parametrize(
    "kwargs",
    [
        {"rule": "unsc", "members": P5 + E10[:9], "veto": P5},
        {"rule": "unsc", "members": P5 + E10, "veto": P5[:4]},
        {"rule": "weighted", "members": ("A", "B"), "weights": (1, 1), "quota": 3},
        {"rule": "qualified", "members": ("A", "B")},
        {"rule": "martial", "members": ("A",)},
    ],
)
def test_impossible_bodies_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        make_body("x", "X", **kwargs)  # type: ignore[arg-type]
