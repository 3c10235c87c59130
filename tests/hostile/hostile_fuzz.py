"""Fuzzed inputs: valid scenarios, rosters, saves and logs, mutated by hypothesis.

Each kind starts from a real file the game accepts and applies a few random mutations: values
swapped for hostile ones (huge numbers, NaN, control characters, deep nesting, wrong types),
lines deleted, duplicated or cut, bytes inserted; JSON documents have values anywhere in their
tree replaced, removed or added. A mutated scenario that still loads is also played for two
months, so values that pass the checks but break the model are caught too. Every input must end
``ok`` or ``refused`` (see ``harness.classify``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import LOCATED, MANDATE, ROOT, guarded, run_cli
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as fixed_seed
from hypothesis import strategies as st

MINIMAL = (ROOT / "tests" / "scenario" / "valid_minimal.toml").read_text(encoding="utf-8")
TUTORIAL = str(ROOT / "scenarios" / "tutorial.toml")
ROSTER = (
    'format = "mandate-roster"\nversion = 1\n\n'
    '[[members]]\nid = "AAA"\nname = "Alpha"\nun_group = "african"\norganizations = ["au"]\n\n'
    '[[members]]\nid = "BBB"\nname = "Beta"\nun_group = "weog"\norganizations = []\n\n'
    '[[members]]\nid = "CCC"\nname = "Gamma"\n'
)
ROSTER_INLINE = (
    'format = "mandate-roster"\nmembers = [\n'
    '  { id = "AAA", name = "Alpha", organizations = ["au"] },'
    '\n  { id = "BBB", name = "Beta" },\n  { id = "CCC", name = "Gamma" },\n]\n'
)
COEFFICIENTS = (ROOT / "sim" / "model" / "defaults.toml").read_text(encoding="utf-8")
COEFFICIENT_NAMES = [line[1:-1] for line in COEFFICIENTS.splitlines() if line.startswith("[")]

TOML_VALUES = [
    "-1",
    "0",
    "1",
    "0.5",
    "-0.0",
    "1e308",
    "-1e308",
    "nan",
    "inf",
    "-inf",
    "9" * 30,
    "9" * 5000,
    '""',
    '"x"',
    '"\\u001b[2J"',
    '"\\r\\n"',
    '"\\u0000"',
    '"' + "A" * 300 + '"',
    "true",
    "[]",
    "[1, 2]",
    '["AAA", "AAA"]',
    "[" * 40 + "]" * 40,
    "{}",
    "{ a = 1 }",
    "1979-05-27",
    '"VII"',
    '"IX"',
    '"weighted"',
    "[[]]",
    '"a.b.c"',
    "0x7fffffff",
    "-2147483648",
    "1_000_000_000",
]
JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["", "AAA", "ARN", "kalvaria-1", "VII", "IX", "troops", "\x1b[2J", "\x00"]),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


# Text mutations (scenarios, rosters) ------------------------------------------------------------


@st.composite
def mutated_toml(draw: st.DrawFn, base: str) -> str:
    """``base`` after one to four random mutations."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(["value", "value", "delete", "duplicate", "insert", "cut"] + ["key"])
        )
        i = draw(st.integers(0, len(lines) - 1))
        if op == "value" and " = " in lines[i]:
            key = lines[i].split(" = ", 1)[0]
            lines[i] = f"{key} = {draw(st.sampled_from(TOML_VALUES))}"
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(max_size=6)) + lines[i][at:]
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "key":
            name = draw(st.sampled_from(COEFFICIENT_NAMES))
            value = draw(st.sampled_from(TOML_VALUES[:12]))
            lines.insert(i, f"{name} = {value}")
        if not lines:
            lines = [""]
    return "\n".join(lines)


@st.composite
def scenario_text(draw: st.DrawFn) -> str:
    """The minimal scenario, perhaps with coefficients and a set_coefficient trigger, mutated."""
    text = MINIMAL
    if draw(st.booleans()):
        name = draw(st.sampled_from(COEFFICIENT_NAMES))
        value = draw(st.sampled_from(TOML_VALUES[:10]))
        text = text.replace("months = 6\n", f"months = 6\n\n[coefficients]\n{name} = {value}\n", 1)
    if draw(st.booleans()):
        name = draw(st.sampled_from(COEFFICIENT_NAMES))
        value = draw(st.sampled_from(["-1e6", "1e6", "0", "-1", "1", "0.5", "20", "21"]))
        text += (
            '\n[[triggers]]\nid = "t"\nwhen = "month_reached"\nmonth = 1\n'
            f'effects = [{{ kind = "set_coefficient", name = "{name}", value = {value} }}]\n'
        )
    result: str = draw(mutated_toml(text))
    return result


def _scenario(folder: Path, text: str) -> tuple[str, str]:
    path = folder / "s.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")

    def act() -> tuple[int, str, str]:
        code, out, err = run_cli(["check", str(path)])
        if code == 0:  # it loads: it must also play
            code, out, err = run_cli(["run", str(path), "--months", "2", "--seed", "1"])
        return code, out, err

    return guarded(act, LOCATED)


def _roster(folder: Path, text: str) -> tuple[str, str]:
    (folder / "roster.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    scenario = MINIMAL.replace("months = 6\n", 'months = 6\nroster = "roster.toml"\n', 1)
    path = folder / "s.toml"
    path.write_text(scenario, encoding="utf-8")
    return guarded(lambda: run_cli(["check", str(path)]), LOCATED)


# JSON mutations (saves, logs) -------------------------------------------------------------------


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, (*prefix, i))
    return out


@st.composite
def mutated_json(draw: st.DrawFn, base: Any) -> Any:
    """``base`` (a JSON document) with one to three values replaced, removed or added."""
    doc = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        # Most mutations hit the commands, where a tampered file does its damage (in a save,
        # the player's commands: the others are made again by the AI when it is loaded).
        turns = doc.get("player_turns")
        current = doc.get("current_turn")
        players = {
            i
            for turn in (turns if isinstance(turns, list) else [])
            for i in (turn if isinstance(turn, list) else [])
            if isinstance(i, int)
        }
        players |= {i for i in (current if isinstance(current, list) else []) if isinstance(i, int)}
        weighted = [p for p in paths if p[0] == "commands"] or paths
        if players:
            weighted = [p for p in weighted if len(p) < 2 or p[1] in players] or weighted
        path = draw(st.sampled_from(weighted if draw(st.integers(0, 3)) else paths))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        op = draw(st.sampled_from(["replace", "replace", "swap", "remove", "add"]))
        if op == "replace":
            parent[path[-1]] = draw(JSON_VALUES)
        elif op == "swap":  # a value of the right kind from elsewhere in the document
            other = draw(st.sampled_from(paths))
            value = doc
            for part in other:
                value = value[part] if isinstance(value, dict | list) else value
            parent[path[-1]] = json.loads(json.dumps(value))
        elif op == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(JSON_VALUES)
        else:
            parent.insert(path[-1], draw(JSON_VALUES))
    return doc


_BASES: dict[str, Any] = {}


def _recorded_log(folder: Path) -> Any:
    if "log" not in _BASES:
        path = folder / "base-log.json"
        argv = ["run", TUTORIAL, "--months", "2", "--seed", "3", "--log", str(path)]
        assert run_cli(argv)[0] == 0
        _BASES["log"] = json.loads(path.read_text(encoding="utf-8"))
    return _BASES["log"]


def _recorded_save(folder: Path) -> Any:
    """A save of the tutorial with the player (Arnesia) in the middle of its third turn, so
    the player's commands are replayed when it is loaded (an AI game's are made again)."""
    if "save" not in _BASES:
        from sim.model.commands import Lobby, TableDraft
        from sim.model.engine import Engine
        from sim.model.play import default_agents
        from sim.model.saves import TurnRecord, capture, to_json
        from sim.model.session import Session
        from sim.scenario.build import build_world
        from sim.scenario.loader import load_scenario

        engine = Engine(build_world(load_scenario(TUTORIAL), 3))
        session = Session(engine, default_agents(engine), player="ARN")
        record = TurnRecord()
        for turn in [[TableDraft("ARN", "kalvaria-1")], [Lobby("ARN", "CAL", "force")], []]:
            session.run_until_player()
            for command in turn:
                session.submit(command)
                record.submitted(len(engine.log) - 1)
            session.end_turn()
            record.ended()
        session.run_until_player()
        session.submit(Lobby("ARN", "DRV", "force"))
        record.submitted(len(engine.log) - 1)
        _BASES["save"] = to_json(capture(session, record, TUTORIAL, 3))
    return _BASES["save"]


def _log(folder: Path, doc: Any) -> tuple[str, str]:
    path = folder / "log.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return guarded(lambda: run_cli(["replay", TUTORIAL, str(path)]), MANDATE)


def _save(folder: Path, doc: Any) -> tuple[str, str]:
    from hostile_corpus import load

    path = folder / "save.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load(path)


# Campaigns ----------------------------------------------------------------------------------------

KINDS: dict[str, tuple[Callable[[Path], Any], Callable[[Path, Any], tuple[str, str]]]] = {
    "scenario": (lambda folder: scenario_text(), _scenario),
    "roster": (
        lambda folder: st.sampled_from([ROSTER, ROSTER_INLINE]).flatmap(mutated_toml),
        _roster,
    ),
    "log": (lambda folder: mutated_json(_recorded_log(folder)), _log),
    "save": (lambda folder: mutated_json(_recorded_save(folder)), _save),
}


def campaign(kind: str, examples: int, seed: int, tmp: Path) -> tuple[list[str], list[str]]:
    """Run ``examples`` fuzzed inputs of ``kind``; (outcome of each, details of failures)."""
    strategy_of, run = KINDS[kind]
    folder = tmp / kind
    folder.mkdir(exist_ok=True)
    strategy = strategy_of(folder)
    outcomes: list[str] = []
    failures: list[str] = []

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @fixed_seed(seed)
    @given(strategy)
    def one(value: Any) -> None:
        for leftover in folder.iterdir():
            if leftover.is_file() and not leftover.name.startswith("base-"):
                leftover.unlink()
        outcome, detail = run(folder, value)
        outcomes.append(outcome)
        if outcome not in ("ok", "refused"):
            failures.append(f"{kind}: {outcome}: {detail} — input {str(value)[:300]!r}")

    one()
    return outcomes, failures
