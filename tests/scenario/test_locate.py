"""Tests for sim.scenario.locate: key paths of a TOML document to (line, column)."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import random
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.scenario.locate import KeyPath, locate_keys, nearest_location


def _toml(raw: str) -> str:
    """TOML text written in a Python raw string: ``QQQ`` stands for three double quotes and
    ``qqq`` for three single quotes, which a Python string literal cannot hold together."""
    return raw.replace("QQQ", '"' * 3).replace("qqq", "'" * 3)


# ---------------------------------------------------------------------------------------------
# A realistic scenario document with exact positions
# ---------------------------------------------------------------------------------------------

SCENARIO = _toml(
    r"""# Mandate scenario fixture: every feature the locator must follow.
schema = 1
title = "Sahel: a \"fragile\" ceasefire"   # trailing comment
briefing = QQQ
The council meets at [dawn]. key = "value" # not a comment
[[not.a.table]]
Even \QQQ escaped triple quotes and ""two quotes"" stay inside.QQQ
footnote = qqq
C:\path\[x] = 'raw' # still text
qqq
"quoted.key" = true
'lit key' = 2
meta.author = "Ana"
meta . tags = [ "a", "b",
  "c" ]   # a comment after the array

[settings]
turns = 12
start = 1999-03-24 07:30:00
weights = { force = 0.5, talk = { base = 1, bonus = 2 } }
grid = [[1, 2], [3]]

[settings.ui]
theme = "dark"

[[actors]]
name = "Council"
salience.force = 0.25
stances = [
  { issue = "ceasefire", position = 0.8 },  # first
  # a comment line inside the array
  { issue = "sanctions", position = -0.2, tags = ["x", "y"] },
]

[[actors.pledges]]
amount = 100

[[actors.pledges]]
amount = 200

[actors.relations]
"ECOWAS" = 0.4

[[actors]]
name = "Junta"
  stances = []

[[actors.pledges]]
amount = 5
"""
)


@pytest.fixture(scope="module")
def scenario_locations() -> dict[KeyPath, tuple[int, int]]:
    tomllib.loads(SCENARIO)  # the fixture itself must be valid TOML
    return locate_keys(SCENARIO)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("schema",), (2, 1)),
        (("title",), (3, 1)),
        (("briefing",), (4, 1)),
        (("footnote",), (8, 1)),
        (("quoted.key",), (11, 1)),
        (("lit key",), (12, 1)),
        (("meta",), (13, 1)),
        (("meta", "author"), (13, 6)),
        (("meta", "tags"), (14, 8)),
        (("meta", "tags", 0), (14, 17)),
        (("meta", "tags", 1), (14, 22)),
        (("meta", "tags", 2), (15, 3)),
        (("settings",), (17, 1)),
        (("settings", "turns"), (18, 1)),
        (("settings", "start"), (19, 1)),
        (("settings", "weights"), (20, 1)),
        (("settings", "weights", "force"), (20, 13)),
        (("settings", "weights", "talk"), (20, 26)),
        (("settings", "weights", "talk", "base"), (20, 35)),
        (("settings", "weights", "talk", "bonus"), (20, 45)),
        (("settings", "grid"), (21, 1)),
        (("settings", "grid", 0), (21, 9)),
        (("settings", "grid", 0, 0), (21, 10)),
        (("settings", "grid", 0, 1), (21, 13)),
        (("settings", "grid", 1), (21, 17)),
        (("settings", "grid", 1, 0), (21, 18)),
        (("settings", "ui"), (23, 1)),
        (("settings", "ui", "theme"), (24, 1)),
        (("actors",), (26, 1)),
        (("actors", 0), (26, 1)),
        (("actors", 0, "name"), (27, 1)),
        (("actors", 0, "salience"), (28, 1)),
        (("actors", 0, "salience", "force"), (28, 10)),
        (("actors", 0, "stances"), (29, 1)),
        (("actors", 0, "stances", 0), (30, 3)),
        (("actors", 0, "stances", 0, "issue"), (30, 5)),
        (("actors", 0, "stances", 0, "position"), (30, 26)),
        (("actors", 0, "stances", 1), (32, 3)),
        (("actors", 0, "stances", 1, "issue"), (32, 5)),
        (("actors", 0, "stances", 1, "position"), (32, 26)),
        (("actors", 0, "stances", 1, "tags"), (32, 43)),
        (("actors", 0, "stances", 1, "tags", 0), (32, 51)),
        (("actors", 0, "stances", 1, "tags", 1), (32, 56)),
        (("actors", 0, "pledges"), (35, 1)),
        (("actors", 0, "pledges", 0), (35, 1)),
        (("actors", 0, "pledges", 0, "amount"), (36, 1)),
        (("actors", 0, "pledges", 1), (38, 1)),
        (("actors", 0, "pledges", 1, "amount"), (39, 1)),
        (("actors", 0, "relations"), (41, 1)),
        (("actors", 0, "relations", "ECOWAS"), (42, 1)),
        (("actors", 1), (44, 1)),
        (("actors", 1, "name"), (45, 1)),
        (("actors", 1, "stances"), (46, 3)),
        (("actors", 1, "pledges"), (48, 1)),
        (("actors", 1, "pledges", 0), (48, 1)),
        (("actors", 1, "pledges", 0, "amount"), (49, 1)),
    ],
)
def test_scenario_positions(
    scenario_locations: dict[KeyPath, tuple[int, int]], path: KeyPath, expected: tuple[int, int]
) -> None:
    assert scenario_locations.get(path) == expected


def test_scenario_strings_are_opaque(scenario_locations: dict[KeyPath, tuple[int, int]]) -> None:
    """Nothing inside the strings, and nothing but real keys, is recorded."""
    data = tomllib.loads(SCENARIO)
    assert set(scenario_locations) == set(_all_paths(data))


def test_columns_count_characters_not_bytes() -> None:
    text = '"ключ" = "ё"\nx = { "é" = 1, b = "日本", c = 3 }\n'
    locations = locate_keys(text)
    assert locations[("ключ",)] == (1, 1)
    assert locations[("x", "é")] == (2, 7)
    assert locations[("x", "b")] == (2, 16)
    assert locations[("x", "c")] == (2, 26)


def test_crlf_and_tabs() -> None:
    text = "[t]\r\n\ta = 1\r\n\tb = [\r\n\t\t2,\r\n\t]\r\n"
    locations = locate_keys(text)
    assert locations[("t", "a")] == (2, 2)
    assert locations[("t", "b")] == (3, 2)
    assert locations[("t", "b", 0)] == (4, 3)


def test_escaped_quoted_keys_are_decoded() -> None:
    text = '"\\u0041\\tb" = 1\n[ "x.y" . \'z\' ]\nw = 2\n'
    assert tomllib.loads(text) == {"A\tb": 1, "x.y": {"z": {"w": 2}}}
    locations = locate_keys(text)
    assert locations[("A\tb",)] == (1, 1)
    assert locations[("x.y",)] == (2, 1)
    assert locations[("x.y", "z")] == (2, 1)
    assert locations[("x.y", "z", "w")] == (3, 1)


def test_explicit_super_table_replaces_implicit_position() -> None:
    text = "[a.b]\nc = 1\n[a]\nd = 2\n"
    locations = locate_keys(text)
    assert locations[("a",)] == (3, 1)
    assert locations[("a", "b")] == (1, 1)


def test_dotted_parent_keeps_first_position() -> None:
    text = "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nx = 1\n"
    locations = locate_keys(text)
    assert locations[("fruit", "apple")] == (2, 1)
    assert locations[("fruit", "apple", "taste")] == (3, 7)
    assert locations[("fruit", "apple", "texture")] == (4, 1)


def test_invalid_text_returns_what_it_can() -> None:
    text = 'a = 1\nb = = 2\n[broken\nc = "unterminated\nd = 4\n[ok]\ne = [1, 2\n'
    locations = locate_keys(text)
    assert locations[("a",)] == (1, 1)
    assert locations[("d",)] == (5, 1)
    assert locations[("ok",)] == (6, 1)
    assert locations[("ok", "e", 0)] == (7, 6)


def test_unterminated_multiline_string_swallows_the_rest() -> None:
    locations = locate_keys('a = """never closed\nb = 1\n')
    assert locations == {("a",): (1, 1)}


# ---------------------------------------------------------------------------------------------
# nearest_location
# ---------------------------------------------------------------------------------------------


def test_nearest_location_prefers_longest_prefix() -> None:
    locations: dict[KeyPath, tuple[int, int]] = {
        ("actors",): (3, 1),
        ("actors", 0): (3, 1),
        ("actors", 0, "salience"): (5, 1),
        ("actors", 0, "salience", "force"): (5, 12),
    }
    assert nearest_location(locations, ("actors", 0, "salience", "force")) == (5, 12)
    assert nearest_location(locations, ["actors", 0, "salience", "talk"]) == (5, 1)
    assert nearest_location(locations, ("actors", 0, "name")) == (3, 1)
    assert nearest_location(locations, ("actors", 7, "name")) == (3, 1)
    assert nearest_location(locations, ("title",)) == (1, 1)
    assert nearest_location(locations, ()) == (1, 1)
    assert nearest_location({}, ("a", "b")) == (1, 1)


def test_nearest_location_on_scanned_document() -> None:
    locations = locate_keys(SCENARIO)
    assert nearest_location(locations, ("actors", 1, "salience", "force")) == (44, 1)
    assert nearest_location(locations, ("settings", "weights", "talk", "extra")) == (20, 26)


# ---------------------------------------------------------------------------------------------
# Consistency with tomllib on a corpus of valid documents
# ---------------------------------------------------------------------------------------------

CORPUS = [
    SCENARIO,
    # TOML spec examples: arrays of tables, nested, with sub-tables.
    """\
[[fruits]]
name = "apple"

[fruits.physical]  # subtable
color = "red"
shape = "round"

[[fruits.varieties]]  # nested array of tables
name = "red delicious"

[[fruits.varieties]]
name = "granny smith"

[[fruits]]
name = "banana"

[[fruits.varieties]]
name = "plantain"
""",
    # Keys of every kind.
    """\
bare_key = "value"
bare-key = "value"
1234 = "value"
"127.0.0.1" = "value"
"character encoding" = "value"
"ʎǝʞ" = "value"
'key2' = "value"
'quoted "value"' = "value"
"" = "blank"
3.14159 = "pi"
physical.color = "orange"
physical.shape = "round"
site."google.com" = true
fruit . flavor = "banana"
"esc\\"aped\\\\key" = 1
""",
    # Values of every kind, including the tricky ones.
    _toml(
        r"""
str1 = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."
str2 = QQQ
Roses are red
Violets are blueQQQ
str3 = QQQHere are fifteen quotation marks: ""\"""\"""\"""\"""\".QQQ
str4 = QQQ""This," she said, "is just a pointless statement.QQQ"
str5 = qqqThat,' she said, 'is still pointless.qqq''
quotes_at_end = { a = QQQq""QQQ, b = qqqr''qqq, c = [QQQ"QQQ, qqq'qqq], d = 1 }
winpath = 'C:\Users\nodejs\templates'
regex = '<\i\c*\s*>'
lines = qqq
The first newline is
trimmed in raw strings.
   [table] = "no"
qqq
int1 = +99
int2 = -17
int3 = 1_000
hex = 0xDEAD_BEEF
oct = 0o755
bin = 0b1101
flt1 = +1.0
flt2 = -0.01
flt3 = 6.626e-34
flt4 = 224_617.445_991_228
sf1 = inf
sf2 = -inf
sf3 = nan
bool1 = true
bool2 = false
odt1 = 1979-05-27T07:32:00Z
odt2 = 1979-05-27T00:32:00-07:00
odt3 = 1979-05-27 07:32:00.999999
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 00:32:00.999999
"""
    ),
    # Arrays and inline tables.
    _toml(
        r"""
integers = [ 1, 2, 3 ]
colors = [ "red", "yellow", "green" ]
nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
string_array = [ "all", 'strings', QQQare the sameQQQ, qqqtypeqqq ]
numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
contributors = [
  "Foo Bar <foo@example.com>",
  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
]
integers2 = [
  1, 2, 3
]
integers3 = [
  1,
  2, # this is ok
]
empty = []
empty_nested = [[], [[]]]
name = { first = "Tom", last = "Preston-Werner" }
point = { x = 1, y = 2 }
animal = { type.name = "pug" }
empty_inline = {}
deep = { a = { b = { c = [ { d = 1 }, { e = [ { f = "]" } ] } ] } } }
"""
    ),
    # Tables: empty, implicit, super-tables defined afterwards, whitespace in headers.
    """\
[table-1]
key1 = "some string"
key2 = 123

[table-2]
key1 = "another string"
key2 = 456

[dog."tater.man"]
type.name = "pug"

[a.b.c]            # this is best practice
[ d.e.f ]          # same as [d.e.f]
[ g .  h  . i ]    # same as [g.h.i]
[ j . "ʞ" . 'l' ]  # same as [j."ʞ".'l']

[x.y.z.w] # for this to work

[x] # defining a super-table afterward is ok

[empty]

[fruit]
apple.color = "red"
apple.taste.sweet = true

[fruit.apple.texture]  # you can add sub-tables
smooth = true
""",
    # Arrays of tables mixed with inline arrays, CRLF line ends and tabs.
    "[[products]]\r\n"
    'name = "Hammer"\r\n'
    "sku = 738594937\r\n"
    "\r\n"
    "[[products]]  # empty table within the array\r\n"
    "\r\n"
    "[[products]]\r\n"
    '\tname = "Nail"\r\n'
    "\tsku = 284758393\r\n"
    "\tsizes = [\r\n"
    "\t\t{ d = 1, l = 2 },\r\n"
    "\t\t{ d = 3, l = 4 },\r\n"
    "\t]\r\n"
    "\r\n"
    '\tcolor = "gray"\r\n',
]


def _all_paths(value: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """Every path below ``value`` (tables, arrays, and their members), the root excluded."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _all_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _all_paths(item, (*path, index))


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _offset(text: str, line: int, col: int) -> int:
    lines = text.split("\n")
    assert 1 <= line <= len(lines)
    assert 1 <= col <= len(lines[line - 1])
    return sum(len(lines[i]) + 1 for i in range(line - 1)) + col - 1


_KEY_TOKEN = re.compile(r'[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def _header_keys(text: str, index: int) -> list[str]:
    """The keys named by the table header starting at ``index`` (via tomllib, on its own)."""
    end = text.find("\n", index)
    header = text[index : end if end >= 0 else len(text)].rstrip("\r")
    node: Any = tomllib.loads(header)
    keys: list[str] = []
    while isinstance(node, dict | list) and node:
        if isinstance(node, list):
            node = node[0]
            continue
        (key, node), *_ = node.items()
        keys.append(key)
    return keys


def _keys_on_line(line: str) -> set[str]:
    """Every string some key-like token on ``line`` decodes to."""
    keys: set[str] = set()
    for start in range(len(line)):
        token = _KEY_TOKEN.match(line, start)
        if token is None:
            continue
        with contextlib.suppress(tomllib.TOMLDecodeError):
            keys.update(tomllib.loads(token.group(0) + " = 0"))
    return keys


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _value_starts_at(text: str, index: int, expected: Any) -> bool:
    """Whether a TOML value equal to ``expected`` is written starting at ``index``."""
    tail = text[index:]
    for end in range(1, len(tail) + 1):
        if end < len(tail) and tail[end] not in " \t\r\n,]}#":
            continue
        try:
            parsed = tomllib.loads("v = " + tail[:end])["v"]
        except tomllib.TOMLDecodeError:
            continue
        if _same(parsed, expected):
            return True
    return False


def _check_document(text: str) -> None:
    """Every path tomllib finds is located, at its key, header or element."""
    data = tomllib.loads(text)
    locations = locate_keys(text)
    for path in _all_paths(data):
        assert path in locations, path
        index = _offset(text, *locations[path])
        value = _get(data, path)
        last = path[-1]
        if text[index] == "[" and (isinstance(last, str) or isinstance(value, dict)):
            # A [table] or [[array.of.tables]] header naming this path.
            named = [p for p in path if isinstance(p, str)]
            assert named[-1] in _header_keys(text, index), path
        elif isinstance(last, str):
            token = _KEY_TOKEN.match(text, index)
            assert token is not None, path
            assert next(iter(tomllib.loads(token.group(0) + " = 0"))) == last, path
        elif isinstance(value, dict):
            assert text[index] == "{", path
        elif isinstance(value, list):
            assert text[index] == "[", path
        else:
            assert _value_starts_at(text, index, value), path


@pytest.mark.parametrize("text", CORPUS, ids=[f"doc{i}" for i in range(len(CORPUS))])
def test_corpus_paths_are_located(text: str) -> None:
    _check_document(text)


# ---------------------------------------------------------------------------------------------
# Hypothesis: never raises; generated documents are fully located
# ---------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    result = locate_keys(text)
    assert isinstance(result, dict)


_TOMLISH = st.text(alphabet=st.sampled_from(list("ab1=.[]{},\"'#\\ \t\n\r-:")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TOMLISH)
def test_never_raises_on_toml_like_text(text: str) -> None:
    assert isinstance(locate_keys(text), dict)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CORPUS), st.integers(min_value=0), st.text(max_size=5))
def test_never_raises_on_damaged_documents(text: str, cut: int, junk: str) -> None:
    cut %= len(text) + 1
    assert isinstance(locate_keys(text[:cut] + junk + text[cut:]), dict)
    assert isinstance(locate_keys(text[:cut]), dict)


def test_deep_nesting_does_not_raise() -> None:
    locations = locate_keys("a = " + "[" * 10_000 + "\nb = 1\n")
    assert locations[("a",)] == (1, 1)
    assert locations[("a", 0, 0)] == (1, 7)
    assert 50 < max(len(path) for path in locations) < 100
    assert locations[("b",)] == (2, 1)


# A tiny TOML writer for generated documents ---------------------------------------------------

_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")


def _quote(s: str, multiline: bool = False) -> str:
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n" and multiline:
            out.append(c)
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 0x20 or c == "\x7f":
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _key(k: str, rng: random.Random) -> str:
    if _BARE_KEY_RE.fullmatch(k) and rng.random() < 0.8:
        return k
    if "'" not in k and "\n" not in k and not any(ord(c) < 0x20 for c in k) and rng.random() < 0.5:
        return f"'{k}'"
    return _quote(k)


def _string(s: str, rng: random.Random) -> str:
    plain = not any(ord(c) < 0x20 and c != "\n" for c in s) and "\x7f" not in s
    r = rng.random()
    if plain and "'''" not in s and not s.endswith("'") and r < 0.2:
        return "'''\n" + s + "'''"
    if plain and "\n" not in s and "'" not in s and r < 0.4:
        return f"'{s}'"
    if r < 0.6:
        return '"""\n' + _quote(s, multiline=True)[1:-1] + '"""'
    return _quote(s)


def _is_table_array(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _inline(v: Any, rng: random.Random, indent: str = "") -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return _string(v, rng)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        items = [f"{_key(k, rng)} = {_inline(x, rng)}" for k, x in v.items()]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    assert isinstance(v, list)
    if not v or rng.random() < 0.5:
        return "[" + ", ".join(_inline(x, rng) for x in v) + "]"
    inner = indent + "  "
    parts = [f"{inner}{_inline(x, rng, inner)},  # element {i}" for i, x in enumerate(v)]
    return "[\n" + "\n".join(parts) + "\n" + indent + "]"


def _dotted(prefix: str, v: dict[str, Any], rng: random.Random, out: list[str]) -> None:
    for k, x in v.items():
        key = f"{prefix}.{_key(k, rng)}"
        if isinstance(x, dict) and x:
            _dotted(key, x, rng, out)
        else:
            out.append(f"{key} = {_inline(x, rng)}")


def _dump_table(
    table: dict[str, Any], header: list[str], rng: random.Random, out: list[str]
) -> None:
    later: list[tuple[str, Any]] = []
    for k, v in table.items():
        key = _key(k, rng)
        r = rng.random()
        if (isinstance(v, dict) or _is_table_array(v)) and r < 0.6:
            later.append((key, v))
        elif isinstance(v, dict) and v and r < 0.8:
            _dotted(key, v, rng, out)
        else:
            out.append(f"{key} = {_inline(v, rng)}")
    for key, v in later:
        name = ".".join([*header, key])
        if isinstance(v, dict):
            out.append(f"\n[{name}]  # table")
            _dump_table(v, [*header, key], rng, out)
        else:
            for item in v:
                out.append(f"\n[[{name}]]")
                _dump_table(item, [*header, key], rng, out)


def _dump(doc: dict[str, Any], seed: int) -> str:
    out: list[str] = ["# generated"]
    _dump_table(doc, [], random.Random(seed), out)
    return "\n".join(out) + "\n"


_KEYS = st.one_of(
    st.text(alphabet="abcxyz_-019", min_size=1, max_size=6),
    st.text(alphabet=st.sampled_from(list("ab .#=[]{}'\"\\\té\n")), max_size=6),
)
_SCALARS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(alphabet=st.sampled_from(list("ab \"'[]{}=#,\\\n\tяé")), max_size=10),
    st.dates(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_KEYS, children, max_size=4),
    ),
    max_leaves=12,
)
_DOCS = st.dictionaries(_KEYS, _VALUES, max_size=6)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_DOCS, st.integers(min_value=0, max_value=2**32))
def test_generated_documents_are_fully_located(doc: dict[str, Any], seed: int) -> None:
    text = _dump(doc, seed)
    assert tomllib.loads(text) == doc, text
    locations = locate_keys(text)
    lines = text.split("\n")
    for path in _all_paths(doc):
        assert path in locations, (path, text)
        line, _ = locations[path]
        if isinstance(path[-1], str):
            assert path[-1] in _keys_on_line(lines[line - 1]), (path, text)
    _check_document(text)
