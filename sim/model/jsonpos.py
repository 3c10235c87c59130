"""Where a field is in a JSON text: the line of ``lines[1].seed``, for located error messages.

Saves are JSON written by the game but read back as untrusted input; a problem found in a parsed
document (a field of the wrong kind, an id that does not exist) is reported as ``FILE:LINE:
FIELD: why``, so the line must be found again in the text. :func:`line_of` walks the text along
the field's path, skipping the values it passes over, and never raises: on text it cannot follow
it returns the line it had reached. It is only called once something is wrong, so it may be slow.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

Step = str | int
_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")


def field_path(path: Sequence[Step]) -> str:
    """``("lines", 1, "seed")`` as a person writes it: ``lines[1].seed``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def _space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _skip(text: str, pos: int) -> int:
    """The position just after the JSON value starting at ``pos``."""
    char = text[pos]
    if char == '"':
        return _string(text, pos)[1]
    if char in "[{":
        return next(start for key, start in _members(text, pos) if key is None)
    match = _SCALAR.match(text, pos)
    if match is None:
        raise ValueError(f"no JSON value at {pos}")
    return match.end()


def _string(text: str, pos: int) -> tuple[str, int]:
    value, end = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
    return str(value), int(end)


def _members(text: str, pos: int) -> Iterator[tuple[Step | None, int]]:
    """(key or index, start of value) of each member of the object or array at ``pos``, each
    value skipped only when the next is asked for; last (None, the end of the container)."""
    closing = "}" if text[pos] == "{" else "]"
    pos = _space(text, pos + 1)
    index = 0
    while pos < len(text) and text[pos] != closing:
        key: Step = index
        if closing == "}":
            key, pos = _string(text, pos)
            pos = _space(text, _space(text, pos) + 1)  # past the colon
        yield key, pos
        pos = _space(text, _skip(text, pos))
        if pos < len(text) and text[pos] == ",":
            pos = _space(text, pos + 1)
        index += 1
    yield None, pos + 1


def _child(text: str, pos: int, step: Step) -> int | None:
    if text[pos] not in "[{":
        return None
    for key, start in _members(text, pos):
        if key == step:
            return start
    return None


def line_of(text: str, path: Sequence[Step]) -> int:
    """The 1-based line where the value at ``path`` starts (or where the walk had to stop)."""
    pos = _space(text, 0)
    try:
        for step in path:
            found = _child(text, pos, step)
            if found is None:
                break
            pos = found
    except (ValueError, IndexError):
        pass
    return text.count("\n", 0, pos) + 1
