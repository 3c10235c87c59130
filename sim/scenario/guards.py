"""Parsing untrusted TOML within bounds of time and memory, before any structure is built.

The standard parser takes time and memory quadratic in the number of parts of a dotted key
(``x.x.x…y = 1`` with 20,000 parts costs gigabytes), so keys and table headers with more than
:data:`MAX_KEY_PARTS` parts are refused by a linear scan of the text first. Nesting deeper than
:data:`MAX_DEPTH`, numbers with more digits than Python converts and TOML syntax errors are
reported the same way: a :class:`ShapeError` with a line, a column and a message.
"""

from __future__ import annotations

import re
import sys
import tomllib
from typing import Any

MAX_DEPTH = 12
MAX_KEY_PARTS = MAX_DEPTH
MAX_KEY_DOTS = 20_000
"""Dots between key parts in a whole document: each makes a table, and tables cost memory."""
MAX_BRACKETS = 64
MAX_ITEMS = 100_000
"""Commas between values in a whole document (a world of 193 states relating to each other
writes about 37,000); each value costs time to parse, locate and validate."""
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# Strings and comments (whose dots and brackets are text), then the characters that matter.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
    r"|[.=,\n\[\]{}]",
    re.DOTALL,
)


class ShapeError(ValueError):
    """TOML text refused before or while parsing, located at a 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def check_shape(text: str) -> None:
    """Refuse dotted keys of too many parts, too many dotted keys in all and brackets nested too
    deep, by a linear scan of the text (strings and comments skipped)."""
    # Fast path: a key lies on one line, so no line with few dots can hold a long one.
    longest = max((line.count(".") for line in text.split("\n")), default=0)
    if (
        longest < MAX_KEY_PARTS
        and text.count(".") < MAX_KEY_DOTS
        and text.count("[") + text.count("{") < MAX_BRACKETS
        and text.count(",") < MAX_ITEMS
    ):
        return
    dots = depth = total = items = 0
    for match in _TOKEN.finditer(text):
        token, at = match.group(), match.start()
        if token == ".":
            if text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
                continue  # the point of a number such as 0.5
            dots += 1
            total += 1
            if dots >= MAX_KEY_PARTS:
                message = f"nesting is too deep: a key has more than {MAX_KEY_PARTS} dotted parts"
                raise ShapeError(*_position(text, at), message)
            if total >= MAX_KEY_DOTS:
                message = f"too many dotted keys: more than {MAX_KEY_DOTS} dots between key parts"
                raise ShapeError(*_position(text, at), message)
        elif token in "=,\n{}[]":
            dots = 0
            if token == ",":
                items += 1
                if items >= MAX_ITEMS:
                    message = f"too many values: more than {MAX_ITEMS} in arrays and tables"
                    raise ShapeError(*_position(text, at), message)
            if token in "[{":
                depth += 1
                if depth > MAX_BRACKETS:
                    message = f"nesting is deeper than {MAX_DEPTH} levels"
                    raise ShapeError(*_position(text, at), message)
            elif token in "]}":
                depth = max(depth - 1, 0)


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _long_number_position(text: str) -> tuple[int, int]:
    """Where the first run of more digits than ``int()`` converts starts, else (1, 1)."""
    match = re.search(rf"[0-9][0-9_]{{{sys.get_int_max_str_digits()},}}", text)
    return (1, 1) if match is None else _position(text, match.start())


def parse_toml(text: str) -> dict[str, Any]:
    """Parse untrusted TOML text within bounds; raises :class:`ShapeError`."""
    check_shape(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        reason = _TOML_POSITION.sub("", str(exc)).strip()
        raise ShapeError(line, col, f"not valid TOML: {reason}") from None
    except RecursionError:
        raise ShapeError(1, 1, f"nesting is deeper than {MAX_DEPTH} levels") from None
    except ValueError:  # not a TOMLDecodeError: int() refusing a number with too many digits
        line, col = _long_number_position(text)
        raise ShapeError(line, col, "not valid TOML: a number has too many digits") from None
    if _depth(data) > MAX_DEPTH:
        raise ShapeError(1, 1, f"nesting is deeper than {MAX_DEPTH} levels")
    return data
