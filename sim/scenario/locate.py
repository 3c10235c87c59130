"""Where each key of a TOML document is written: key paths to 1-based (line, column).

``tomllib`` returns plain dicts and lists without source positions, and pydantic reports a
validation error at a field path such as ``("actors", 3, "salience", "force")``. To print
``FILE:LINE:COL: actors[3].salience.force: message`` the scenario loader needs to know where that
path is written in the file. This module scans the TOML text itself (stdlib only) and records,
for every key the document defines, the position of the key token:

* ``a = 1`` records ``("a",)`` at the ``a``; dotted keys ``a.b.c = 1`` record ``("a",)``,
  ``("a", "b")`` and ``("a", "b", "c")``, each at its own part, relative to the current table.
  Quoted keys are decoded (``"a.b" = 1`` is the single key ``a.b``; escapes are resolved).
* ``[a.b]`` records ``("a", "b")`` at the ``[`` of the header, and its implicit parents (here
  ``("a",)``) there too unless they are already known. An explicit ``[a]`` that comes after
  ``[a.b]`` replaces the implicit position.
* ``[[actors]]`` records ``("actors",)`` at its first header and ``("actors", i)`` at the header of
  the i-th occurrence; keys below it are ``("actors", i, ...)``. Indices count per full path, so
  ``[[actors.pledges]]`` under the second ``[[actors]]`` starts again at
  ``("actors", 1, "pledges", 0)``.
* Inline tables record their keys at their own columns; arrays record ``("xs", i)`` at the first
  character of each element, recursively (arrays of arrays, arrays of inline tables).

Lines and columns are 1-based; columns count characters (code points), not bytes; only ``\\n``
ends a line. The scanner is meant for documents ``tomllib`` accepts and never raises: on text it
cannot follow it skips to the next line and carries on, returning whatever it found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

KeyPath = tuple[str | int, ...]
"""Where a value sits in a scenario file: its keys and array indices from the top."""
"""A key path as pydantic reports it: table keys are ``str``, array indices ``int``."""

Location = tuple[int, int]
"""A 1-based ``(line, column)`` pair."""

_MAX_DEPTH = 64
"""Deepest nesting of arrays and inline tables followed; deeper text counts as unreadable."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_LITERAL_STRING = re.compile(r"'([^'\n]*)'")
_ML_BASIC_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""(?:"{0,2})', re.DOTALL)
_ML_LITERAL_STRING = re.compile(r"'''.*?'''(?:'{0,2})", re.DOTALL)
_SCALAR = re.compile(r"[^,\]}#\r\n]+")
_NEWLINE = re.compile(r"\n")

_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}
_HEX_ESCAPE_LENGTHS = {"x": 2, "u": 4, "U": 8}


class _Unreadable(Exception):
    """Internal signal: the scanner cannot follow the text at index ``pos``."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


def _decode_basic(raw: str) -> str:
    """Resolve the escapes of a basic-string key; unknown or broken escapes are kept verbatim.

    Keys must come out exactly as ``tomllib`` would produce them, or the paths pydantic reports
    (built from ``tomllib``'s dict keys) would not be found.
    """
    out: list[str] = []
    i = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = raw[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
            continue
        length = _HEX_ESCAPE_LENGTHS.get(e)
        digits = raw[i + 2 : i + 2 + length] if length is not None else ""
        if length is not None and len(digits) == length:
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                pass
            else:
                i += 2 + length
                continue
        out.append(c)
        i += 1
    return "".join(out)


class _Scanner:
    """One pass over a TOML text, filling ``locations``.

    Keeps the state TOML needs to name a key: the current table path (``table``) and, for every
    array of tables seen, the index of its latest element (``aot_last``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.pos = 0
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.locations: dict[KeyPath, Location] = {}
        self.implicit: set[KeyPath] = set()
        self.aot_last: dict[KeyPath, int] = {}
        self.table: KeyPath = ()

    # -- positions -------------------------------------------------------------------------

    def where(self, index: int) -> Location:
        """The 1-based (line, column) of character ``index``."""
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def record(self, path: KeyPath, index: int, *, implicit: bool = False) -> None:
        """Remember where ``path`` is defined; the first explicit definition wins.

        Implicit definitions (parents of a dotted key or table header) never overwrite a known
        path, and an explicit one overwrites only an implicit one.
        """
        if path in self.locations and (implicit or path not in self.implicit):
            return
        self.locations[path] = self.where(index)
        if implicit:
            self.implicit.add(path)
        else:
            self.implicit.discard(path)

    # -- whitespace, comments, line ends ---------------------------------------------------

    def peek(self) -> str:
        """The character at the cursor, or ``""`` at the end of the text."""
        return self.text[self.pos] if self.pos < self.n else ""

    def skip_ws(self) -> None:
        """Skip spaces and tabs."""
        while self.pos < self.n and self.text[self.pos] in " \t":
            self.pos += 1

    def skip_comment(self) -> None:
        """Skip a ``#`` comment up to (not including) the end of its line."""
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = self.n if end < 0 else end

    def skip_blank(self) -> None:
        """Skip whitespace, line ends and comments (between statements and array elements)."""
        while self.pos < self.n:
            c = self.text[self.pos]
            if c in " \t\r\n":
                self.pos += 1
            elif c == "#":
                self.skip_comment()
            else:
                return

    def end_of_line(self) -> None:
        """Consume the rest of a statement's line: whitespace, an optional comment, the line end."""
        self.skip_ws()
        self.skip_comment()
        if self.pos >= self.n:
            return
        if self.text[self.pos] == "\n":
            self.pos += 1
        elif self.text.startswith("\r\n", self.pos):
            self.pos += 2
        else:
            raise _Unreadable(self.pos)

    def recover(self, index: int) -> None:
        """Resume scanning at the start of the line after the one holding ``index``."""
        end = self.text.find("\n", index)
        self.pos = self.n if end < 0 else end + 1

    # -- statements ------------------------------------------------------------------------

    def run(self) -> None:
        """Scan every statement of the document, skipping the lines it cannot read."""
        while True:
            self.skip_blank()
            if self.pos >= self.n:
                return
            start = self.pos
            try:
                if self.text[start] == "[":
                    self.header()
                else:
                    self.keyval(self.table, 0)
                self.end_of_line()
            except _Unreadable as exc:
                self.recover(max(exc.pos, start))

    def header(self) -> None:
        """A ``[table]`` or ``[[array.of.tables]]`` header: record it and make it current."""
        start = self.pos
        is_array = self.text.startswith("[[", start)
        self.pos += 2 if is_array else 1
        keys = self.key()
        self.skip_ws()
        close = "]]" if is_array else "]"
        if not self.text.startswith(close, self.pos):
            raise _Unreadable(self.pos)
        self.pos += len(close)

        path: KeyPath = ()
        for name, _ in keys[:-1]:
            path += (name,)
            self.record(path, start, implicit=True)
            if path in self.aot_last:
                path += (self.aot_last[path],)
        path += (keys[-1][0],)
        if is_array:
            index = self.aot_last.get(path, -1) + 1
            self.aot_last[path] = index
            self.record(path, start, implicit=True)
            path += (index,)
        self.record(path, start)
        self.table = path

    def key(self) -> list[tuple[str, int]]:
        """A possibly dotted key: its decoded parts with the index where each starts."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_ws()
            start = self.pos
            parts.append((self.simple_key(), start))
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.pos += 1

    def simple_key(self) -> str:
        """One bare, basic-quoted or literal-quoted key part, decoded."""
        c = self.peek()
        if c == '"':
            m = _BASIC_STRING.match(self.text, self.pos)
            if m is None:
                raise _Unreadable(self.pos)
            self.pos = m.end()
            return _decode_basic(m.group(1))
        pattern = _LITERAL_STRING if c == "'" else _BARE_KEY
        m = pattern.match(self.text, self.pos)
        if m is None:
            raise _Unreadable(self.pos)
        self.pos = m.end()
        return m.group(1) if c == "'" else m.group(0)

    def keyval(self, base: KeyPath, depth: int) -> None:
        """``key = value`` relative to ``base``: record every key part, then scan the value."""
        parts = self.key()
        path = base
        last = len(parts) - 1
        for i, (name, start) in enumerate(parts):
            path += (name,)
            self.record(path, start, implicit=i < last)
        self.skip_ws()
        if self.peek() != "=":
            raise _Unreadable(self.pos)
        self.pos += 1
        self.skip_ws()
        self.value(path, depth)

    # -- values ----------------------------------------------------------------------------

    def value(self, path: KeyPath, depth: int) -> None:
        """Skip one value, recording the elements and keys nested in it under ``path``."""
        if depth > _MAX_DEPTH:
            raise _Unreadable(self.pos)
        c = self.peek()
        if c == "[":
            self.array(path, depth + 1)
            return
        if c == "{":
            self.inline_table(path, depth + 1)
            return
        if c == '"':
            multi = self.text.startswith('"""', self.pos)
            pattern = _ML_BASIC_STRING if multi else _BASIC_STRING
        elif c == "'":
            multi = self.text.startswith("'''", self.pos)
            pattern = _ML_LITERAL_STRING if multi else _LITERAL_STRING
        else:
            # Numbers, booleans, dates and times: none holds a delimiter, some hold a space.
            multi = False
            pattern = _SCALAR
        m = pattern.match(self.text, self.pos)
        if m is None:
            # An unterminated multi-line string swallows the rest of the document.
            raise _Unreadable(self.n if multi else self.pos)
        self.pos = m.end()

    def array(self, path: KeyPath, depth: int) -> None:
        """``[v0, v1, ...]``: record ``path + (i,)`` at the start of each element."""
        self.pos += 1
        index = 0
        while True:
            self.skip_blank()
            if self.peek() == "]":
                self.pos += 1
                return
            element = path + (index,)
            self.record(element, self.pos)
            self.value(element, depth)
            index += 1
            self.skip_blank()
            c = self.peek()
            self.pos += 1
            if c == "]":
                return
            if c != ",":
                raise _Unreadable(self.pos - 1)

    def inline_table(self, path: KeyPath, depth: int) -> None:
        """``{ k = v, ... }``: record each key under ``path`` (line breaks tolerated)."""
        self.pos += 1
        while True:
            self.skip_blank()
            if self.peek() == "}":
                self.pos += 1
                return
            self.keyval(path, depth)
            self.skip_blank()
            c = self.peek()
            self.pos += 1
            if c == "}":
                return
            if c != ",":
                raise _Unreadable(self.pos - 1)


def locate_keys(text: str) -> dict[KeyPath, Location]:
    """Map every key path defined in the TOML ``text`` to the (line, column) where it is written.

    See the module docstring for what is recorded where. Correct for any document ``tomllib``
    accepts; never raises: for invalid TOML it returns the locations it could find.
    """
    scanner = _Scanner("")
    try:
        scanner = _Scanner(text)
        scanner.run()
    except Exception:  # a locator must never turn an error report into a crash
        pass
    return scanner.locations


def nearest_location(locations: dict[KeyPath, Location], path: Sequence[str | int]) -> Location:
    """The location of the longest known prefix of ``path``, or ``(1, 1)`` if none is known.

    Errors about missing fields name a path that is not in the file; pointing at the enclosing
    table (or array element) is the most useful place to send the reader.
    """
    key = tuple(path)
    for end in range(len(key), 0, -1):
        found = locations.get(key[:end])
        if found is not None:
            return found
    return (1, 1)
