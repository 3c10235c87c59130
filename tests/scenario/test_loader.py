"""Tests for sim.scenario.loader: bad scenario files get clear, located errors and nothing else.

Every file in ``broken/`` is a copy of ``valid_minimal.toml`` with one thing broken. It starts
with one ``# expect:`` line per problem the loader must report::

    # expect: LINE:COL: field.path: substring of the message

(``-`` as the field path for problems that name no field, such as TOML syntax errors). The
loader must report exactly those problems, at exactly those positions, and nothing that looks
like a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sim.scenario.loader import (
    MAX_BYTES,
    MAX_DEPTH,
    Problem,
    ScenarioError,
    load_scenario,
    parse_scenario,
)
from sim.scenario.schema import ScenarioFile

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BROKEN = sorted((HERE / "broken").glob("*.toml"))
VALID_MINIMAL = HERE / "valid_minimal.toml"
TUTORIAL = REPO / "scenarios" / "tutorial.toml"

_EXPECT = re.compile(r"^# expect: (\d+):(\d+): (\S+): (.+)$")
_FORMATTED = re.compile(r"^(.+):(\d+):(\d+): (?:(\S+): )?(.+)$", re.DOTALL)
_TRACEBACK_SIGNS = ("Traceback", 'File "', "Error:", "pydantic", "errors.pydantic.dev", "\n")


def _expectations(path: Path) -> list[tuple[int, int, str, str]]:
    """The ``# expect:`` lines at the top of a broken file: (line, column, field, substring)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# expect:"):
            break
        match = _EXPECT.match(line)
        assert match, f"{path.name}: malformed expect line {line!r}"
        field = "" if match[3] == "-" else match[3]
        out.append((int(match[1]), int(match[2]), field, match[4]))
    return out


def _problems(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return info.value.problems


def _assert_clean(problem: Problem) -> None:
    """A problem prints as one ``FILE:LINE:COL: field: message`` line with no Python noise."""
    text = str(problem)
    assert _FORMATTED.match(text), text
    assert problem.line >= 1 and problem.column >= 1, text
    for sign in _TRACEBACK_SIGNS:
        assert sign not in problem.message, f"{sign!r} in {text!r}"


def _last_key(field: str) -> str | None:
    """The last key of a formatted field path, or None when it ends with an index."""
    if not field or field.endswith("]"):
        return None
    return field.rsplit(".", 1)[-1]


# ---------------------------------------------------------------------------------------------
# The folder of broken files
# ---------------------------------------------------------------------------------------------


def test_broken_folder_covers_the_contract() -> None:
    names = {p.stem for p in BROKEN}
    required = {
        "string_for_number",
        "bool_for_int",
        "capability_out_of_range",
        "nan",
        "inf",
        "unknown_top_level_key",
        "unknown_state_key",
        "missing_months",
        "duplicate_state_id",
        "relation_to_missing_state",
        "body_member_missing",
        "draft_penholder_missing",
        "sanction_target_not_party",
        "unsc_four_permanent",
        "impossible_quorum",
        "weights_count_mismatch",
        "unknown_effect_feature",
        "state_missing_dimension",
        "unknown_when",
        "two_time_outs",
        "invalid_toml",
        "format_version_2",
        "wrong_type_table",
    }
    assert required <= names, sorted(required - names)
    for path in BROKEN:
        assert _expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file_reports_exactly_the_expected_problems(path: Path) -> None:
    expected = _expectations(path)
    problems = _problems(path)
    shown = "\n".join(str(p) for p in problems)
    for line, column, field, substring in expected:
        hits = [
            p
            for p in problems
            if (p.line, p.column, p.field) == (line, column, field) and substring in p.message
        ]
        assert len(hits) == 1, f"expected {line}:{column}: {field}: ...{substring}... in\n{shown}"
        # Printed, an entry with an id is named by it (states[USA]); the field keeps the index.
        shown = hits[0].shown or field
        prefix = f"{path}:{line}:{column}: {shown}: " if field else f"{path}:{line}:{column}: "
        assert str(hits[0]).startswith(prefix), str(hits[0])
    assert len(problems) == len(expected), f"unexpected extra problems:\n{shown}"
    for problem in problems:
        assert problem.file == str(path)
        _assert_clean(problem)
    # Problems come in file order.
    assert list(problems) == sorted(problems, key=lambda p: (p.line, p.column))


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file_problems_point_at_the_named_key(path: Path) -> None:
    """The line and column of a problem show the key its field path ends with."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for problem in _problems(path):
        key = _last_key(problem.field)
        if key is None or problem.message.startswith("required key is missing"):
            continue  # an array element, or a key the file does not have
        text = lines[problem.line - 1]
        assert key in text, f"{problem}: line {problem.line} is {text!r}"
        at = text[problem.column - 1 :]
        assert at.startswith((key, f'"{key}"', f"'{key}'", "[")), f"{problem}: column shows {at!r}"


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file_with_crlf_line_ends_reports_the_same_positions(
    path: Path, tmp_path: Path
) -> None:
    crlf = tmp_path / path.name
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    want = [(p.line, p.column, p.field, p.message) for p in _problems(path)]
    got = [(p.line, p.column, p.field, p.message) for p in _problems(crlf)]
    assert got == want


# Repairs that turn a broken file back into a valid one: each file breaks one thing only.
REPAIRS = {
    "unsc_four_permanent": (
        'permanent = ["ARN", "BOR", "CAL", "DRV"]',
        'permanent = ["ARN", "BOR", "CAL", "DRV", "EST"]',
    ),
    "impossible_quorum": ("quota = 7", "quota = 6"),
    "weights_count_mismatch": ("weights = [3, 2]", "weights = [3, 2, 1]"),
    "nan": ("intensity = nan", "intensity = 0.5"),
    "draft_penholder_missing": ('penholder = "XYZ"', 'penholder = "AAA"'),
    "state_missing_dimension": ("ideal = { force = 0.4 }", "ideal = { force = 0.4, aid = 0.4 }"),
}


@pytest.mark.parametrize("name", sorted(REPAIRS))
def test_repaired_broken_file_loads(name: str) -> None:
    old, new = REPAIRS[name]
    text = (HERE / "broken" / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text
    assert isinstance(parse_scenario(text.replace(old, new), name), ScenarioFile)


def test_loading_is_all_or_nothing_and_repeatable() -> None:
    """A failed load leaves nothing behind: the next loads give the same answers."""
    broken = HERE / "broken" / "several_reference_problems.toml"
    first = _problems(broken)
    assert load_scenario(VALID_MINIMAL).id == "minimal"
    assert _problems(broken) == first


# ---------------------------------------------------------------------------------------------
# Valid files
# ---------------------------------------------------------------------------------------------


def test_tutorial_loads() -> None:
    scenario = load_scenario(TUTORIAL)
    assert scenario.id == "tutorial"
    assert len(scenario.states) == 18
    assert scenario.council.body == "unsc"


def test_valid_minimal_loads() -> None:
    scenario = load_scenario(VALID_MINIMAL)
    assert (scenario.id, scenario.months, len(scenario.states)) == ("minimal", 6, 3)
    assert [b.rule for b in scenario.bodies] == ["majority", "weighted"]


def test_scenario_is_immutable() -> None:
    scenario = load_scenario(VALID_MINIMAL)
    with pytest.raises(ValidationError):
        scenario.months = 7


# ---------------------------------------------------------------------------------------------
# Generated cases: size, nesting, encoding, paths that are not files
# ---------------------------------------------------------------------------------------------


def _only_problem(excinfo: pytest.ExceptionInfo[ScenarioError]) -> Problem:
    problems = excinfo.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    _assert_clean(problems[0])
    return problems[0]


def _padded(size: int) -> bytes:
    """The minimal valid scenario padded with a comment to exactly ``size`` bytes."""
    text = VALID_MINIMAL.read_bytes()
    padding = size - len(text) - 3
    assert padding > 0
    return text + b"\n#" + b"x" * padding + b"\n"


def test_file_at_the_size_limit_loads(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(_padded(MAX_BYTES))
    assert path.stat().st_size == MAX_BYTES
    assert load_scenario(path).id == "minimal"


def test_file_over_the_size_limit_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "too_big.toml"
    path.write_bytes(_padded(MAX_BYTES + 1))
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problem = _only_problem(info)
    assert (problem.file, problem.line, problem.column, problem.field) == (str(path), 1, 1, "")
    assert "larger than" in problem.message and "KiB" in problem.message


def test_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(64 * MAX_BYTES)  # a sparse file: only the first MiB is ever read
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert "larger than" in _only_problem(info).message


def _nested_array(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


def _nested_table(depth: int) -> str:
    return "{ a = " * depth + "1" + " }" * depth


@pytest.mark.parametrize(
    "value",
    [_nested_array(40), _nested_array(2000), _nested_array(100_000), _nested_table(40)]
    + [_nested_table(2000)],
    ids=["array-40", "array-2000", "array-100000", "table-40", "table-2000"],
)
def test_deep_nesting_is_one_problem(value: str) -> None:
    text = VALID_MINIMAL.read_text(encoding="utf-8").replace(
        "months = 6\n", f"months = 6\nassumptions = {value}\n"
    )
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "deep.toml")
    assert "nesting" in _only_problem(info).message


@pytest.mark.parametrize("kind", ["dotted key", "table header"])
def test_deep_dotted_keys_are_one_problem(kind: str) -> None:
    keys = ".".join(["a"] * 2000)
    extra = f"{keys} = 1\n" if kind == "dotted key" else f"[{keys}]\n"
    text = extra + VALID_MINIMAL.read_text(encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "deep.toml")
    assert "nesting" in _only_problem(info).message


def test_nesting_limit_is_exact() -> None:
    """``MAX_DEPTH`` levels are allowed (and then fail validation); one more is refused."""
    base = VALID_MINIMAL.read_text(encoding="utf-8")

    def problems(arrays: int) -> tuple[Problem, ...]:
        text = base.replace("months = 6\n", f"months = 6\nassumptions = {_nested_array(arrays)}\n")
        with pytest.raises(ScenarioError) as info:
            parse_scenario(text)
        return info.value.problems

    within = problems(MAX_DEPTH - 1)  # the document's own table is one level
    assert all("nesting" not in p.message for p in within)
    assert within[0].field.startswith("assumptions[0]")
    beyond = problems(MAX_DEPTH)
    assert len(beyond) == 1 and "nesting" in beyond[0].message


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID_MINIMAL.read_bytes().replace(b'"Beta"', b'"B\xe9ta"'))
    line = VALID_MINIMAL.read_text(encoding="utf-8").splitlines().index('name = "Beta"') + 1
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problem = _only_problem(info)
    assert (problem.line, problem.field) == (line, "")
    assert "not UTF-8" in problem.message


@pytest.mark.parametrize(
    "raw",
    [b"", b"\xef\xbb\xbf", b"\x00", b"format_version = 1\x00\n", b"\xff\xfe\x00f\x00o"],
    ids=["empty", "bom", "nul", "nul-in-line", "utf16"],
)
def test_odd_bytes_are_problems(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(raw)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    for problem in info.value.problems:
        _assert_clean(problem)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problem = _only_problem(info)
    assert problem.file == str(path)
    assert "cannot read file" in problem.message


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path)
    assert "cannot read file" in _only_problem(info).message


def test_integer_too_long_to_print_is_a_clean_problem() -> None:
    """A hex literal tomllib reads but whose decimal text Python refuses to produce."""
    text = VALID_MINIMAL.read_text(encoding="utf-8")
    text = text.replace("months = 6\n", "months = 0x" + "f" * 5000 + "\n")
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "hex.toml")
    problem = _only_problem(info)
    assert problem.field == "months"
    assert "less than or equal to 120" in problem.message
    assert len(problem.message) < 200


# ---------------------------------------------------------------------------------------------
# Mutations of the tutorial: a scenario or a ScenarioError, nothing else
# ---------------------------------------------------------------------------------------------

TUTORIAL_TEXT = TUTORIAL.read_text(encoding="utf-8")
TUTORIAL_LINES = TUTORIAL_TEXT.splitlines(keepends=True)
_VALUE = re.compile(r"^(\s*[\w.\"'-]+\s*=\s*)(.*?)(\s*(#.*)?)$")
VALUE_LINES = [i for i, line in enumerate(TUTORIAL_LINES) if _VALUE.match(line.rstrip("\n"))]
TOKENS = sorted(
    {m[2] for line in TUTORIAL_LINES if (m := _VALUE.match(line.rstrip("\n"))) and m[2]}
    | {
        "0",
        "-1",
        "1.5",
        "1e999",
        "nan",
        "-inf",
        "true",
        "false",
        '""',
        "''",
        "[]",
        "{}",
        '"ARN"',
        '"unsc"',
        '"gov"',
        '"time_out"',
        '"VII"',
        "1979-05-27",
        "07:32:00",
        '[1, "a", true]',
        "{ a = 1 }",
        '{ id = "x" }',
        _nested_array(20),
        "9" * 5000,
        "0x" + "f" * 4000,
        '"""',
        "'''",
        "[",
        "{",
        "=",
        "#",
        '"\\u0000"',
        '"\\uD800"',
    }
)


@st.composite
def mutated_tutorial(draw: st.DrawFn) -> str:
    lines = list(TUTORIAL_LINES)
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            if lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
        else:
            i = draw(st.sampled_from(VALUE_LINES))
            if i < len(lines) and (m := _VALUE.match(lines[i].rstrip("\n"))):
                lines[i] = m[1] + draw(st.sampled_from(TOKENS)) + m[3] + "\n"
    return "".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_tutorial())
def test_mutated_tutorial_loads_or_reports_problems(text: str) -> None:
    try:
        scenario = parse_scenario(text, "mutant.toml")
    except ScenarioError as error:
        assert error.problems
        last_line = text.count("\n") + 1
        for problem in error.problems:
            _assert_clean(problem)
            assert problem.line <= last_line, str(problem)
    else:
        assert isinstance(scenario, ScenarioFile)
