"""Tests for the ``mandate`` command (sim.cli), called in-process, plus one run of the script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.scenario.loader import load_scenario

REPO = Path(__file__).resolve().parent.parent
TUTORIAL = "scenarios/tutorial.toml"
BROKEN = "tests/scenario/broken/nan.toml"
PROBLEM_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<msg>.+)$"
)
HASH_LINE = re.compile(r"^State hash: ([0-9a-f]{64})$", re.MULTILINE)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so scenario paths read as a user would type them."""
    monkeypatch.chdir(REPO)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``run("check", FILE)`` → (exit code, stdout, stderr) of ``mandate check FILE``."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text
        assert 'File "' not in text


def _run_json(run: Run, *argv: str) -> dict[str, Any]:
    code, out, err = run("run", *argv, "--json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    return doc


# ---------------------------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------------------------


def test_check_valid_file(run: Run) -> None:
    code, out, err = run("check", TUTORIAL)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{TUTORIAL}: ok")
    assert "18 states" in lines[0] and "24 months" in lines[0]


def test_check_one_good_one_broken(run: Run) -> None:
    code, out, err = run("check", TUTORIAL, BROKEN)
    assert code == 1
    assert out.startswith(f"{TUTORIAL}: ok")
    problems = err.splitlines()
    assert problems
    for line in problems:
        match = PROBLEM_LINE.match(line)
        assert match, line
        assert match["file"] == BROKEN
    fields = [m["field"] for m in map(PROBLEM_LINE.match, problems) if m]
    assert "theatre.intensity" in fields
    assert "finite number" in err
    _no_traceback(out, err)


def test_check_missing_file(run: Run) -> None:
    code, out, err = run("check", "scenarios/no-such-file.toml")
    assert code == 1
    assert "scenarios/no-such-file.toml:1:1: cannot read file" in err
    _no_traceback(out, err)


def test_run_on_broken_file_reports_problems(run: Run) -> None:
    code, out, err = run("run", BROKEN, "--seed", "1")
    assert code == 1
    assert out == ""
    assert err.startswith(BROKEN + ":")
    _no_traceback(err)


# ---------------------------------------------------------------------------------------------
# run
# ---------------------------------------------------------------------------------------------


def test_run_is_deterministic_in_process(run: Run) -> None:
    first = run("run", TUTORIAL, "--seed", "7")
    second = run("run", TUTORIAL, "--seed", "7")
    assert first[0] == 0
    assert first == second
    assert first[1].startswith("Crisis in Kalvaria — scenario tutorial, seed 7\nMonth 1\n")
    assert HASH_LINE.search(first[1])


def test_run_seed_changes_the_story(run: Run) -> None:
    hashes = set()
    for seed in range(3):
        match = HASH_LINE.search(run("run", TUTORIAL, "--seed", str(seed))[1])
        assert match
        hashes.add(match[1])
    assert len(hashes) > 1


def _mandate_script() -> str | None:
    beside = Path(sys.executable).parent / ("mandate.exe" if os.name == "nt" else "mandate")
    return str(beside) if beside.exists() else shutil.which("mandate")


def test_console_script_matches_in_process_run(run: Run) -> None:
    """The installed ``mandate`` script, in fresh processes with different hash seeds, prints
    the same bytes as an in-process run."""
    script = _mandate_script()
    if script is None:
        pytest.skip("the mandate console script is not installed")
    code, expected, _ = run("run", TUTORIAL, "--seed", "7")
    assert code == 0
    outputs = []
    for hash_seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(
            [script, "run", TUTORIAL, "--seed", "7"],
            cwd=REPO,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert done.stderr == b""
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].decode("utf-8").replace("\r\n", "\n") == expected


def _check_result(doc: dict[str, Any], seed: int) -> None:
    """The ``run --json`` contract: keys, types, and tallies that follow the body's rule."""
    assert {"scenario", "seed", "months_played", "outcome", "state_hash", "votes", "events"} <= set(
        doc
    )
    assert doc["scenario"] == "tutorial"
    assert doc["seed"] == seed
    months = doc["months_played"]
    assert isinstance(months, int) and 1 <= months <= 24
    assert isinstance(doc["state_hash"], str) and re.fullmatch(r"[0-9a-f]{64}", doc["state_hash"])

    outcome = doc["outcome"]
    assert {"ending", "name", "score"} <= set(outcome)
    assert outcome["ending"] is None or isinstance(outcome["ending"], str)
    assert isinstance(outcome["name"], str) and outcome["name"]
    assert isinstance(outcome["score"], dict)
    for key, value in outcome["score"].items():
        assert isinstance(key, str)
        assert isinstance(value, int | float) and not isinstance(value, bool)

    scenario = load_scenario(REPO / TUTORIAL)
    bodies = {b.id: b for b in scenario.bodies}
    assert isinstance(doc["votes"], list)
    for vote in doc["votes"]:
        assert {"month", "body", "draft", "clauses", "yes", "no", "abstain", "passed"} <= set(vote)
        assert "vetoed_by" in vote
        assert isinstance(vote["month"], int) and 1 <= vote["month"] <= months
        assert isinstance(vote["draft"], str)
        assert isinstance(vote["clauses"], dict)
        assert isinstance(vote["passed"], bool)
        body = bodies[vote["body"]]
        groups = [vote["yes"], vote["no"], vote["abstain"]]
        for group in groups:
            assert isinstance(group, list) and all(isinstance(m, str) for m in group)
        cast = [m for group in groups for m in group]
        assert sorted(cast) == sorted(body.members), "every member votes exactly once"
        vetoes = [m for m in vote["no"] if m in body.permanent]
        assert vote["vetoed_by"] == vetoes
        if body.rule == "unsc":
            assert vote["passed"] == (len(vote["yes"]) >= 9 and not vetoes)

    assert isinstance(doc["events"], list) and doc["events"]
    for event in doc["events"]:
        assert isinstance(event["month"], int) and 1 <= event["month"] <= months
        assert isinstance(event["kind"], str) and event["kind"]
        assert isinstance(event["text"], str)

    metrics = doc["metrics"]
    assert isinstance(metrics, dict)
    for series in metrics.values():
        assert isinstance(series, list) and len(series) == months
        assert all(isinstance(x, int | float) for x in series)


@pytest.mark.parametrize("seed", [7, 8])
def test_run_json_contract(run: Run, seed: int) -> None:
    doc = _run_json(run, TUTORIAL, "--seed", str(seed))
    _check_result(doc, seed)
    assert doc["votes"], "the tutorial's penholder brings a draft to a vote"


def test_run_json_contract_with_a_veto_player(run: Run, tmp_path: Path) -> None:
    """Make Calderon hostile to any action, so that votes can fail and vetoes can be cast."""
    text = (REPO / TUTORIAL).read_text(encoding="utf-8")
    assert "\ndomestic = -0.03\n" in text
    hostile = tmp_path / "hostile.toml"
    shutil.copytree(REPO / "scenarios" / "maps", tmp_path / "maps")  # the tutorial's map
    hostile.write_text(text.replace("\ndomestic = -0.03\n", "\ndomestic = -1.0\n"), "utf-8")
    for seed in (1, 7):
        _check_result(_run_json(run, str(hostile), "--seed", str(seed)), seed)


def test_run_json_is_deterministic(run: Run) -> None:
    assert run("run", TUTORIAL, "--seed", "3", "--json") == run(
        "run", TUTORIAL, "--seed", "3", "--json"
    )


def test_run_months_limit(run: Run) -> None:
    doc = _run_json(run, TUTORIAL, "--seed", "7", "--months", "2")
    assert doc["months_played"] == 2
    assert all(v["month"] <= 2 for v in doc["votes"])
    assert all(e["month"] <= 2 for e in doc["events"])


def test_run_months_limit_in_text(run: Run) -> None:
    code, out, _ = run("run", TUTORIAL, "--seed", "7", "--months", "1")
    assert code == 0
    assert "Month 1" in out and "Month 2" not in out


@pytest.mark.parametrize("argv", [["--months", "0"], ["--months", "-3"], ["--seed", "-1"]], ids=str)
def test_run_bad_numbers(run: Run, argv: list[str]) -> None:
    code, out, err = run("run", TUTORIAL, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("mandate: --")
    _no_traceback(err)


def test_run_explain_factors_add_up(run: Run) -> None:
    code, out, _ = run("run", TUTORIAL, "--seed", "7", "--explain", "CAL")
    assert code == 0
    lines = out.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip().startswith("Why CAL voted")]
    assert starts, "CAL sits on the Council, so at least one vote is explained"
    for start in starts:
        factors: list[int] = []
        for line in lines[start + 1 :]:
            name, value = line.strip().rsplit(maxsplit=1)
            thousandths = round(float(value) * 1000)
            if name == "= total":
                assert sum(factors) == thousandths, "\n".join(lines[start : start + 15])
                break
            factors.append(thousandths)
        else:
            pytest.fail("no total after 'Why CAL voted'")
        assert len(factors) >= 3


def test_run_explain_unknown_actor(run: Run) -> None:
    code, out, err = run("run", TUTORIAL, "--explain", "NOPE")
    assert code == 2
    assert out == ""
    assert "NOPE" in err and "--explain" in err
    _no_traceback(err)


# ---------------------------------------------------------------------------------------------
# replay
# ---------------------------------------------------------------------------------------------


def test_log_then_replay_reaches_the_same_state(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "game.json"
    code, out, _ = run("run", TUTORIAL, "--seed", "7", "--log", str(log))
    assert code == 0
    final = HASH_LINE.search(out)
    assert final
    assert json.loads(log.read_text(encoding="utf-8"))["scenario"] == "tutorial"
    assert [p.name for p in log.parent.iterdir()] == ["game.json"], "no temporary files left"

    code, replayed, err = run("replay", TUTORIAL, str(log))
    assert code == 0, err
    months = replayed.splitlines()
    assert months
    for number, line in enumerate(months, start=1):
        assert re.fullmatch(rf"month {number}: [0-9a-f]{{64}}", line), line
    assert months[-1].split(": ")[1] == final[1]


def test_replay_rejects_a_log_of_another_scenario(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "game.json"
    assert run("run", TUTORIAL, "--months", "1", "--log", str(log))[0] == 0
    code, out, err = run("replay", "tests/scenario/valid_minimal.toml", str(log))
    assert code == 1
    assert "tutorial" in err
    _no_traceback(out, err)


def _log(seed: str) -> str:
    return (
        f'{{"format": "mandate-log", "version": 1, "scenario": "tutorial", "seed": {seed},'
        ' "commands": []}'
    )


@pytest.mark.parametrize(
    "content",
    [
        None,
        "",
        "not json",
        '{"x": 1}',
        _log('"seven"'),
        _log("NaN"),
        _log("true"),
        _log("7.9"),
        '{"format": "mandate-log", "version": 2, "commands": []}',
        '{"format": "mandate-log", "version": 1, "seed": 7, "commands": [1]}',
        "[]",
        '"x"',
        _log("-5"),
        _log("1e400"),
    ],
    ids=repr,
)
def test_replay_rejects_unreadable_logs(run: Run, tmp_path: Path, content: str | None) -> None:
    log = tmp_path / "game.json"
    if content is not None:
        log.write_text(content, encoding="utf-8")
    code, out, err = run("replay", TUTORIAL, str(log))
    assert code == 1
    assert out == ""
    assert err.startswith(f"mandate: {log}:")
    _no_traceback(err)


# ---------------------------------------------------------------------------------------------
# power
# ---------------------------------------------------------------------------------------------


def test_power_table(run: Run) -> None:
    code, out, _ = run("power", TUTORIAL, "--body", "unsc")
    assert code == 0
    assert "421/2145" in out and "4/2145" in out
    assert out.count("421/2145") == 5


def test_power_json(run: Run) -> None:
    code, out, _ = run("power", TUTORIAL, "--body", "unsc", "--json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["scenario"], doc["body"]) == ("tutorial", "unsc")
    members = doc["members"]
    assert len(members) == 15
    for m in members:
        expected = "421/2145" if m["veto"] else "4/2145"
        assert m["shapley_shubik"]["fraction"] == expected, m
        assert m["shapley_shubik"]["decimal"] == pytest.approx(float(Fraction(expected)))
    assert sorted(m["member"] for m in members if m["veto"]) == ["ARN", "BOR", "CAL", "DRV", "EST"]


def test_power_unknown_body(run: Run) -> None:
    code, out, err = run("power", TUTORIAL, "--body", "nope")
    assert code == 2
    assert out == ""
    assert "nope" in err and "unsc" in err
    _no_traceback(err)


# ---------------------------------------------------------------------------------------------
# schema, play, help
# ---------------------------------------------------------------------------------------------


def test_schema_to_stdout_matches_the_committed_file(run: Run) -> None:
    code, out, _ = run("schema", "--output", "-")
    assert code == 0
    assert out == (REPO / "scenarios" / "schema.json").read_text(encoding="utf-8")


def test_schema_to_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "schema.json"
    code, out, _ = run("schema", "--output", str(target))
    assert code == 0
    assert out.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8") == (REPO / "scenarios" / "schema.json").read_text(
        encoding="utf-8"
    )


def test_play_without_a_display(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    code, out, err = run("play", TUTORIAL)
    assert code != 0
    assert "mandate run" in err
    _no_traceback(out, err)


def test_no_command_without_a_display_says_why_and_fails(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With no display `mandate` alone cannot open the game window: one clear message, exit 1.
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    code, out, err = run()
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("mandate: no display")
    assert "`.venv/bin/mandate run tutorial --seed 7`" in err


HELP = {
    None: ["run", "check", "power", "replay", "schema", "play"],
    "run": ["--seed", "--months", "--json", "--explain", "--log"],
    "check": ["FILE"],
    "power": ["--body", "--json"],
    "replay": ["log"],
    "schema": ["--output"],
    "play": ["file"],
}


@pytest.mark.parametrize("command", list(HELP), ids=str)
def test_help(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: mandate")
    for option in HELP[command]:
        assert option in out, option


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["run"], ["run", TUTORIAL, "--seed", "x"], ["power", TUTORIAL], ["check"]],
    ids=str,
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: mandate" in err
    _no_traceback(err)


def test_run_names_each_state_once_and_explains_its_figures(run: Run) -> None:
    code, out, _ = run("run", TUTORIAL, "--seed", "7")
    assert code == 0
    assert out.count("Calderon (CAL)") == 1
    assert out.index("Calderon (CAL)") < out.index("  CAL ")
    assert "Arnesia (ARN) circulates" in out
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  Vote in the "))
    assert lines[first + 1].startswith("    (Each line: the member, its vote, its score")
    assert out.count("(Each line:") == 1


@pytest.mark.parametrize("scenario", [TUTORIAL, "scenarios/sahel_bridge.toml"])
def test_run_tells_the_story_in_names_and_words(run: Run, scenario: str) -> None:
    """No party id where the party has a name, no scenario key, no raw decimal outside the vote
    tables (their legend says what the figures mean); each draft is introduced by its title once,
    a regional force is named by its organization."""
    code, out, _ = run("run", scenario, "--seed", "7")
    assert code == 0
    story = [
        line
        for line in out.splitlines()[1:]  # after the title line, which gives the scenario's id
        if not re.match(r"^    ([A-Z]{3} |\(Each line)", line) and not line.startswith("State hash")
    ]
    world_parties = {p.id for p in load_scenario(scenario).theatre.parties}
    ids = "|".join(map(re.escape, world_parties))
    for line in story:
        for found in re.finditer(rf"(?<![\w-])({ids})(?![\w-])", line):
            assert line[found.start() - 4 : found.start()].lower() == "the ", line
        assert not re.search(r"\d\.\d\d|\b(sanction|task|demand):|\b[a-z]+_[a-z_]+\b", line), line
    text = "\n".join(story)
    assert "intensity index" not in text
    assert "of all-out war" in text
    if scenario == TUTORIAL:
        assert text.count("'Protection of civilians in Kalvaria' (kalvaria-1)") == 1
        assert "arms embargo on the government and the NLF" in text
    else:
        # The news names a force as a player knows it, never by the id of the model.
        assert re.search(r"peacekeepers? of \w+ killed in the Sahel Community force\.", text)
        assert "sac-force-1" not in text
        assert "asks the Security Council to 'Authorization" not in text  # "authorize" is a draft
    score = next(line for line in story if line.startswith("Score: "))
    assert "killed" in score and "_" not in score, score
