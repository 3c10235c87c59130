"""Tests for sim.scenario.lint: each lint fires on a small scenario that has the flaw, not on one
that does not, and every committed scenario passes ``mandate check --strict``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.scenario.lint import LINTS, UPPER_BOUNDS, default_player, lint_scenario, lint_text
from sim.scenario.loader import load_scenario, parse_scenario

REPO = Path(__file__).resolve().parent.parent.parent
COMMITTED = sorted((REPO / "scenarios").glob("*.toml"))
WARNING_LINE = re.compile(
    r"^(?P<file>[^:]+):(\d+):(\d+): (\S+): warning: .+ \[(?P<lint>[a-z-]+)\]$"
)

# A small scenario with no lint warning at all; each test changes one thing.
BASE = """\
format_version = 1
id = "lint"
title = "Lint"
summary = "The base of the lint tests."
months = 12
player = "AAA"
assumptions = ["Everything here is made up for a test."]
sources = ["None: a test."]

[[dimensions]]
id = "force"
name = "Force"
effects = { chapter_vii = 0.5, troops = 0.3, "sanction:arms_embargo" = 0.2 }

[[states]]
id = "AAA"
name = "Alpha"
capability = 0.8
ideal = { force = 0.8 }
salience = { force = 0.5 }

[[states]]
id = "BBB"
name = "Beta"
capability = 0.5
ideal = { force = 0.4 }
salience = { force = 0.5 }

[[states]]
id = "CCC"
name = "Gamma"
capability = 0.3
ideal = { force = 0.1 }
salience = { force = 0.5 }

[[states]]
id = "HOST"
name = "Host"
capability = 0.1
ideal = { force = 0.0 }
salience = { force = 0.9 }

[[states]]
id = "TCC"
name = "Contributor"
capability = 0.1
ideal = { force = 0.5 }
salience = { force = 0.1 }
contributor = { troops = 3000, lag_months = 1 }

[[bodies]]
id = "council"
name = "Council"
rule = "majority"
members = ["AAA", "BBB", "CCC"]
permanent = ["AAA"]

[council]
body = "council"

[theatre]
id = "land"
name = "Land"
intensity = 0.5
host = "gov"
host_state = "HOST"
consent_tolerance = 1.0

[[theatre.parties]]
id = "gov"
name = "Government"
kind = "government"
strength = 0.6

[[theatre.parties]]
id = "rebels"
name = "Rebels"
kind = "armed_group"
strength = 0.4

[[drafts]]
id = "d1"
title = "A mission"
penholder = "AAA"
body = "council"
chapter = "VII"
troop_ceiling = 5000
sanctions = [{ kind = "arms_embargo", targets = ["rebels"] }]

[[objectives]]
id = "deploy"
name = "Deploy"
kind = "reaches"
metric = "deployment_share"
threshold = 0.5

[[endings]]
id = "win"
name = "Win"
text = "Won."
when = "objectives_met"
objectives = ["deploy"]

[[endings]]
id = "end"
name = "End"
text = "Over."
when = "time_out"
"""


def _sub(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _before_endings(text: str, table: str) -> str:
    """Insert a table before the first [[endings]] (after objectives, triggers...)."""
    return _sub(text, '[[endings]]\nid = "win"', f'{table}\n[[endings]]\nid = "win"')


def _warnings(text: str) -> list[tuple[tuple[str | int, ...], str]]:
    return lint_scenario(parse_scenario(text, "test.toml"))


def _names(text: str) -> list[str]:
    return [re.findall(r"\[([a-z-]+)\]$", message)[0] for _, message in _warnings(text)]


def _assert_only(text: str, *lints: str) -> list[tuple[tuple[str | int, ...], str]]:
    warnings = _warnings(text)
    assert sorted(_names(text)) == sorted(lints), warnings
    return warnings


# ---------------------------------------------------------------------------------------------
# The base and the committed scenarios


def test_base_is_clean() -> None:
    assert _warnings(BASE) == []


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_committed_scenario_passes_strict(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--strict", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    assert "warning" not in out


def test_committed_scenarios_exist() -> None:
    assert any(p.name == "tutorial.toml" for p in COMMITTED)


def test_calibration_scenario_is_clean_too() -> None:
    path = REPO / "scenarios" / "calibration" / "generic.toml"
    assert lint_scenario(load_scenario(path)) == []


# ---------------------------------------------------------------------------------------------
# Metadata


def test_no_sources() -> None:
    text = _sub(BASE, 'sources = ["None: a test."]\n', "")
    ((path, _),) = _assert_only(text, "no-sources")
    assert path == ("sources",)


def test_no_assumptions() -> None:
    text = _sub(BASE, 'assumptions = ["Everything here is made up for a test."]\n', "")
    _assert_only(text, "no-assumptions")


def test_consent_at_once() -> None:
    text = _sub(BASE, "consent_tolerance = 1.0", "consent_tolerance = 0.0")
    _assert_only(text, "consent-at-once")
    # Without consent to begin with there is nothing to withdraw.
    text = _sub(text, 'host_state = "HOST"', 'host_state = "HOST"\nhost_consent = false')
    assert "consent-at-once" not in _names(text)


# ---------------------------------------------------------------------------------------------
# Actors, bodies, organizations, drafts, the player

EXTRA_STATE = """
[[states]]
id = "ZZZ"
name = "Zeta"
capability = 0.1
ideal = { force = 0.5 }
salience = { force = 0.5 }
"""


def test_unused_state() -> None:
    text = _sub(BASE, "\n[[bodies]]", EXTRA_STATE + "\n[[bodies]]")
    ((path, message),) = _assert_only(text, "unused-state")
    assert path == ("states", 5, "id") and "'ZZZ'" in message


def test_a_state_used_by_a_patron_list_a_trigger_or_a_body_is_used() -> None:
    base = _sub(BASE, "\n[[bodies]]", EXTRA_STATE + "\n[[bodies]]")
    patron = _sub(base, 'kind = "armed_group"', 'kind = "armed_group"\npatrons = ["ZZZ"]')
    assert _names(patron) == []
    trigger = _before_endings(
        base,
        '[[triggers]]\nid = "t"\nwhen = "month_reached"\nmonth = 2\n'
        'effects = [{ kind = "shift_salience", actor = "ZZZ", dimension = "force",'
        " value = 0.1 }]\n",
    )
    assert _names(trigger) == []
    body = _sub(base, 'members = ["AAA", "BBB", "CCC"]', 'members = ["AAA", "BBB", "CCC", "ZZZ"]')
    assert _names(body) == []


def test_unused_body() -> None:
    body = (
        '[[bodies]]\nid = "other"\nname = "Other"\nrule = "majority"\nmembers = ["AAA", "BBB"]\n\n'
    )
    text = _sub(BASE, "[council]", body + "[council]")
    ((path, _),) = _assert_only(text, "unused-body")
    assert path == ("bodies", 1, "id")
    # A draft put to it makes it used.
    draft = '[[drafts]]\nid = "d2"\ntitle = "T"\npenholder = "AAA"\nbody = "other"\n\n'
    used = _sub(text, "[[objectives]]", draft + "[[objectives]]")
    assert _names(used) == []


ORG = """
[[organizations]]
id = "ro"
name = "Regional"
members = ["AAA", "BBB", "CCC"]
body = "council"
"""


def test_unused_organization() -> None:
    text = _sub(BASE, "\n[theatre]", ORG + "\n[theatre]")
    ((path, _),) = _assert_only(text, "unused-organization")
    assert path == ("organizations", 0, "id")
    standing = _sub(
        text, "consent_tolerance = 1.0", 'consent_tolerance = 1.0\norganizations = ["ro"]'
    )
    assert _names(standing) == []


def test_idle_bridging_force() -> None:
    org = ORG + 'lead = "AAA"\nbridging_troops = 1000\n'
    text = _sub(BASE, "\n[theatre]", org + "\n[theatre]")
    ((path, _),) = _assert_only(text, "idle-bridging-force")
    assert path == ("organizations", 0, "deploy_above")
    ready = _sub(text, "bridging_troops = 1000\n", "bridging_troops = 1000\ndeploy_above = 0.7\n")
    assert _names(ready) == []


def test_untargeted_sanction() -> None:
    text = _sub(BASE, 'targets = ["rebels"]', "targets = []")
    ((path, _),) = _assert_only(text, "untargeted-sanction")
    assert path == ("drafts", 0, "sanctions", 0)


def test_penholder_outside_body() -> None:
    text = _sub(BASE, 'penholder = "AAA"', 'penholder = "TCC"')
    ((path, message),) = _assert_only(text, "penholder-outside-body")
    assert path == ("drafts", 0, "penholder") and "'TCC'" in message


def test_player_off_council() -> None:
    text = _sub(BASE, 'player = "AAA"', 'player = "HOST"')
    ((path, _),) = _assert_only(text, "player-off-council")
    assert path == ("player",)


def test_default_player_off_council() -> None:
    # Without `player` the game seats the penholder of the first draft: here TCC, off the council.
    text = _sub(_sub(BASE, 'player = "AAA"\n', ""), 'penholder = "AAA"', 'penholder = "TCC"')
    warnings = _assert_only(text, "player-off-council", "penholder-outside-body")
    assert ("drafts", 0, "penholder") in [p for p, m in warnings if "player" in m]
    assert _names(_sub(BASE, 'player = "AAA"\n', "")) == []


SECOND_DRAFT = """
[[drafts]]
id = "d2"
title = "A second draft"
penholder = "AAA"
body = "council"
"""


def test_default_player_is_the_first_drafts_penholder_not_the_first_by_id() -> None:
    # The first draft's penholder TCC is off the council, though AAA (first by id) is on it.
    text = _sub(_sub(BASE, 'player = "AAA"\n', ""), 'penholder = "AAA"', 'penholder = "TCC"')
    text = _sub(text, "[[objectives]]", SECOND_DRAFT.lstrip() + "\n[[objectives]]")
    assert default_player(parse_scenario(text, "test.toml")) == "TCC"
    warnings = _assert_only(text, "player-off-council", "penholder-outside-body")
    ((path, message),) = [(p, m) for p, m in warnings if "player" in m]
    assert path == ("drafts", 0, "penholder") and "first draft" in message


def test_without_drafts_the_default_seat_is_a_council_member() -> None:
    # With no draft the game seats the first permanent member of the council: never a warning.
    text = _sub(BASE, 'player = "AAA"\n', "")
    start, end = text.index("[[drafts]]"), text.index("[[objectives]]")
    text = text[:start] + text[end:]
    assert default_player(parse_scenario(text, "test.toml")) == "AAA"
    assert "player-off-council" not in _names(text)
    no_veto = _sub(text, 'permanent = ["AAA"]\n', "")
    assert default_player(parse_scenario(no_veto, "test.toml")) == "AAA"  # its first member


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_default_player_is_the_games_default_seat(path: Path) -> None:
    from sim.ui.game import default_seat

    scenario = load_scenario(path)
    for variant in (
        scenario.model_copy(update={"player": None}),
        scenario.model_copy(update={"player": None, "drafts": scenario.drafts[::-1]}),
        scenario.model_copy(update={"player": None, "drafts": []}),
    ):
        assert default_player(variant) == default_seat(variant)


CONSENSUS = """
[[bodies]]
id = "summit"
name = "Summit"
rule = "consensus"
members = MEMBERS

[[organizations]]
id = "ro"
name = "Regional"
members = ["AAA", "BBB", "CCC"]
body = "summit"
"""


@pytest.mark.parametrize(
    ("members", "flagged"), [('["AAA", "CCC"]', True), ('["AAA", "BBB"]', False)]
)
def test_deadlock(members: str, flagged: bool) -> None:
    block = CONSENSUS.replace("MEMBERS", members)
    text = _sub(BASE, "\n[council]", block + "\n[council]")
    text = _sub(text, "consent_tolerance = 1.0", 'consent_tolerance = 1.0\norganizations = ["ro"]')
    if flagged:
        ((path, message),) = _assert_only(text, "deadlock")
        assert path == ("bodies", 1, "members") and "AAA and CCC" in message
    else:
        _assert_only(text)


def test_deadlock_under_unanimity_too() -> None:
    block = CONSENSUS.replace("MEMBERS", '["AAA", "CCC"]').replace("consensus", "unanimity")
    text = _sub(BASE, "\n[council]", block + "\n[council]")
    text = _sub(text, "consent_tolerance = 1.0", 'consent_tolerance = 1.0\norganizations = ["ro"]')
    _assert_only(text, "deadlock")


# ---------------------------------------------------------------------------------------------
# Objectives


def _objective(kind: str, extra: str) -> str:
    table = f'[[objectives]]\nid = "o2"\nname = "O2"\nkind = "{kind}"\n{extra}\n'
    return _before_endings(BASE, table)


def test_objective_on_a_metric_no_draft_can_move() -> None:
    text = _sub(BASE, "troop_ceiling = 5000\n", "")
    warnings = _assert_only(text, "unaffected-objective", "unreachable-ending")
    (path, message) = warnings[0]
    assert path == ("objectives", 0, "metric")
    assert "deployment_share stays 0" in message and "can never be met" in message


def test_an_initial_mission_makes_deployment_movable() -> None:
    text = _sub(BASE, "troop_ceiling = 5000\n", "")
    mission = (
        '[[theatre.missions]]\nid = "amis"\nkind = "un"\nauthority = "council"\n'
        'contributor = "TCC"\ntroops = 500\ntroop_ceiling = 2000\n\n'
    )
    text = _sub(text, "[[drafts]]", mission + "[[drafts]]")
    assert _names(text) == []


@pytest.mark.parametrize("kind", ["observer", "police"])
def test_a_mission_of_observers_or_police_alone_can_move_deployment(kind: str) -> None:
    # Small contingents deploy (at least 50 a month), so an observer-only or police-only mission
    # fills: deployment_share can move and the objective is left to play.
    text = _sub(BASE, "troop_ceiling = 5000\n", f"{kind}_ceiling = 200\n")
    text = _sub(text, "troops = 3000,", "troops = 3000, police = 300, observers = 100,")
    assert _names(text) == []
    metric = "observers_deployed" if kind == "observer" else "police_deployed"
    assert _names(_objective("reaches", f'metric = "{metric}"\nthreshold = 100')) != []
    text = _before_endings(
        text,
        f'[[objectives]]\nid = "o2"\nname = "O2"\nkind = "reaches"\n'
        f'metric = "{metric}"\nthreshold = 100\n',
    )
    assert _names(text) == []


def test_an_initial_observer_mission_makes_deployment_movable() -> None:
    text = _sub(BASE, "troop_ceiling = 5000\n", "")
    mission = (
        '[[theatre.missions]]\nid = "unmo"\nkind = "un"\nauthority = "council"\n'
        'contributor = "TCC"\nobservers = 20\nobserver_ceiling = 100\n\n'
    )
    text = _sub(text, "[[drafts]]", mission + "[[drafts]]")
    assert _names(text) == []


def test_sanctions_objective_without_sanctions() -> None:
    text = _objective("metric_above", 'metric = "sanctions_in_force"\nthreshold = 0.5')
    assert _names(text) == []
    text = _sub(text, 'sanctions = [{ kind = "arms_embargo", targets = ["rebels"] }]\n', "")
    ((path, message),) = _assert_only(text, "unaffected-objective")
    assert path == ("objectives", 1, "metric") and "no draft as written imposes" in message


def test_resources_objective_needs_sanctions_on_that_kind_of_party() -> None:
    text = _objective("metric_below", 'metric = "government_resources"\nthreshold = 0.5')
    ((_, message),) = _assert_only(text, "unaffected-objective")
    assert "stays 0.6" in message and "can never be met" in message
    on_gov = _sub(text, 'targets = ["rebels"]', 'targets = ["rebels", "gov"]')
    assert _names(on_gov) == []


def test_host_consent_objective() -> None:
    text = _objective("metric_above", 'metric = "host_consent"\nthreshold = 0.5')
    ((_, message),) = _assert_only(text, "unaffected-objective")
    assert "is met whatever anyone does" in message
    reachable = _sub(text, "consent_tolerance = 1.0", "consent_tolerance = 0.4")
    assert _names(reachable) == []


def test_no_veto_objective_without_veto_holders() -> None:
    text = _objective("no_veto", "")
    assert _names(text) == []
    text = _sub(text, 'permanent = ["AAA"]\n', "")
    ((path, _),) = _assert_only(text, "unaffected-objective")
    assert path == ("objectives", 1, "kind")


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("metric_above", 'metric = "intensity"\nthreshold = 1.0'),
        ("metric_below", 'metric = "civilian_deaths"\nthreshold = 0'),
        ("total_below", 'metric = "battle_deaths"\nthreshold = -1'),
        ("reaches", 'metric = "deployment_share"\nthreshold = 1.5'),
    ],
)
def test_impossible_objective(kind: str, extra: str) -> None:
    ((path, message),) = _assert_only(_objective(kind, extra), "impossible-objective")
    assert path == ("objectives", 1, "threshold") and "can never be met" in message


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("metric_above", 'metric = "intensity"\nthreshold = 0.9'),
        ("metric_below", 'metric = "civilian_deaths"\nthreshold = 30'),
        ("reaches", 'metric = "deployment_share"\nthreshold = 1.0'),
        ("resolutions_adopted", "threshold = 5"),
        ("phase_at_least", 'phase = "ceasefire"'),
    ],
)
def test_possible_objectives_are_not_flagged(kind: str, extra: str) -> None:
    assert _names(_objective(kind, extra)) == []


def test_more_resolutions_than_drafts_can_give() -> None:
    text = _sub(_objective("resolutions_adopted", "threshold = 2"), "troop_ceiling = 5000\n", "")
    names = _names(text)
    assert "impossible-objective" in names


# ---------------------------------------------------------------------------------------------
# Triggers


def _trigger(extra: str, effect: str = '{ kind = "event", text = "News." }') -> str:
    table = f'[[triggers]]\nid = "t"\n{extra}\neffects = [{effect}]\n'
    return _before_endings(BASE, table)


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('when = "month_reached"\nmonth = 13', "month"),
        ('when = "month_reached"\nmonth = 3\nchance = 0.0', "chance"),
        ('when = "metric_above"\nmetric = "intensity"\nthreshold = 1.0', "threshold"),
        ('when = "metric_above"\nmetric = "regional_troops"\nthreshold = 10', "metric"),
        ('when = "consent_withdrawn"', "when"),
    ],
)
def test_dead_trigger(extra: str, key: str) -> None:
    ((path, message),) = _assert_only(_trigger(extra), "dead-trigger")
    assert path == ("triggers", 0, key) and "can never fire" in message


def test_draft_vetoed_trigger_needs_a_veto_holder() -> None:
    text = _trigger('when = "draft_vetoed"\ndraft = "d1"')
    assert _names(text) == []
    _assert_only(_sub(text, 'permanent = ["AAA"]\n', ""), "dead-trigger")


def test_live_triggers_are_not_flagged() -> None:
    assert _names(_trigger('when = "month_reached"\nmonth = 12')) == []
    assert (
        _names(_trigger('when = "metric_above"\nmetric = "civilian_deaths"\nthreshold = 50')) == []
    )
    withdraw = _trigger('when = "month_reached"\nmonth = 3', '{ kind = "withdraw_consent" }')
    out = '[[endings]]\nid = "out"\nname = "Out"\ntext = "Out."\nwhen = "consent_withdrawn"\n\n'
    consent = _sub(withdraw, '[[endings]]\nid = "end"', out + '[[endings]]\nid = "end"')
    assert _names(consent) == []
    # Without the trigger, consent can never fall here (grievance 0.4 < tolerance 1.0).
    assert _names(_sub(BASE, '[[endings]]\nid = "end"', out + '[[endings]]\nid = "end"')) == [
        "unreachable-ending"
    ]


# ---------------------------------------------------------------------------------------------
# Endings


def _ending(extra: str, first: bool = False) -> str:
    table = f'[[endings]]\nid = "e2"\nname = "E2"\ntext = "E2."\n{extra}\n\n'
    anchor = '[[endings]]\nid = "win"' if first else '[[endings]]\nid = "end"'
    return _sub(BASE, anchor, table + anchor)


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('when = "intensity_above"\nthreshold = 1.0', "threshold"),
        ('when = "intensity_below"\nthreshold = 0.0', "threshold"),
        ('when = "intensity_below"\nthreshold = 0.2\nfrom_month = 13', "from_month"),
        ('when = "consent_withdrawn"', "when"),
        ('when = "vetoes_cast"\nthreshold = 1\n', None),
    ],
)
def test_unreachable_ending(extra: str, key: str | None) -> None:
    text = _ending(extra)
    if key is None:  # vetoes are possible here; without veto holders they are not
        assert _names(text) == []
        text = _sub(text, 'permanent = ["AAA"]\n', "")
        key = "when"
    ((path, message),) = _assert_only(text, "unreachable-ending")
    assert path == ("endings", 1, key) and "can never be reached" in message


def test_ending_on_an_objective_that_can_never_be_met() -> None:
    text = _sub(BASE, "threshold = 0.5", "threshold = 2.0")
    warnings = _assert_only(text, "impossible-objective", "unreachable-ending")
    assert ("endings", 0, "objectives") in [p for p, _ in warnings]


def test_objectives_failed_ending_on_objectives_that_cannot_fail() -> None:
    text = _sub(BASE, 'when = "objectives_met"', 'when = "objectives_failed"')
    assert _names(text) == []
    text = _sub(
        text, 'metric = "deployment_share"\nthreshold = 0.5', 'metric = "intensity"\nthreshold = 0'
    )
    assert sorted(_names(text)) == ["impossible-objective", "unreachable-ending"]


def test_unconditional_ending_hides_later_ones() -> None:
    text = _ending('when = "intensity_below"\nthreshold = 1.5')
    warnings = _assert_only(text, "unconditional-ending", "unreachable-ending")
    assert [p for p, _ in warnings] == [("endings", 1, "when"), ("endings", 2, "when")]


def test_an_unconditional_ending_hides_the_time_out_even_from_an_earlier_from_month() -> None:
    # The time_out ending holds only in the last month (12), after month 6.
    text = _ending('when = "resolutions_adopted"\nthreshold = 0\nfrom_month = 6')
    warnings = _assert_only(text, "unconditional-ending", "unreachable-ending")
    assert ("endings", 2, "when") in [p for p, _ in warnings]


def test_an_ending_from_an_earlier_month_stays_reachable() -> None:
    text = _ending('when = "intensity_below"\nthreshold = 1.5\nfrom_month = 3', first=True)
    warnings = _assert_only(text, "unconditional-ending", "unreachable-ending")
    paths = [p for p, _ in warnings]
    assert ("endings", 0, "when") in paths  # the unconditional one itself
    assert ("endings", 2, "when") in paths  # the time_out; 'win' (from month 1) is not flagged
    assert any("'e2' always holds from month 3" in m for _, m in warnings)


# ---------------------------------------------------------------------------------------------
# Located output and the command line


def test_warnings_are_located_like_errors() -> None:
    text = _sub(BASE, 'targets = ["rebels"]', "targets = []")
    (problem,) = lint_text(parse_scenario(text, "x.toml"), text, "x.toml")
    line = text[: text.index("sanctions = [")].count("\n") + 1
    column = text.splitlines()[line - 1].index("{") + 1
    assert (problem.line, problem.column) == (line, column)
    assert str(problem).startswith(f"x.toml:{line}:{column}: drafts[0].sanctions[0]: warning: ")


def test_check_strict_prints_warnings_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flawed.toml"
    path.write_text(_sub(BASE, 'player = "AAA"', 'player = "HOST"'), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "ok" in out and "1 warning, see --strict" in out and err == ""
    assert main(["check", "--strict", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    match = WARNING_LINE.match(lines[0])
    assert match and match["file"] == str(path) and match["lint"] == "player-off-council"


def test_check_strict_still_reports_errors_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(_sub(BASE, "months = 12", "months = 0"), encoding="utf-8")
    assert main(["check", "--strict", str(path)]) == 1
    _, err = capsys.readouterr()
    assert "months" in err and "warning" not in err


def test_every_lint_is_documented_and_bounds_name_metrics() -> None:
    from sim.model.metrics import METRICS

    assert set(UPPER_BOUNDS) <= set(METRICS)
    assert all(m.strip() for m in LINTS.values())
