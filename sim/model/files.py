"""Reading untrusted files safely: regular files only, a size limit enforced while reading.

Scenarios, rosters, saves and logs come from players and designers, and a careless or hostile one
may name a FIFO (which would block forever), ``/dev/zero`` (whose size reads 0 and whose read
never ends), a dangling or looping symbolic link, a path with a NUL in it, or a file far larger
than any the game writes. Every such file is refused with :class:`FileRefused`, whose message says
why in plain words; nothing here raises anything else.

JSON documents are also checked for absurd nesting before they are parsed, so a deeply nested save
costs a linear scan rather than a recursion error.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

CHUNK = 65_536
ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{0,63}$"
"""What an id in a scenario, a save or a log looks like (the scenario format's ``Id``)."""
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class FileRefused(ValueError):
    """A file that cannot be read as the game's input, with the reason in plain words."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or str(exc)


def _open_regular(path: str | Path, what: str) -> int:
    """A file descriptor of a regular file, opened without blocking (a FIFO cannot hang the
    game); raises :class:`FileRefused` (the caller closes it)."""
    name = str(path)
    if "\x00" in name:
        raise FileRefused("the path contains a NUL character")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(f"cannot read file: {_reason(exc)}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileRefused(f"cannot read file: the {what} is not a regular file")
    except OSError as exc:
        os.close(fd)
        raise FileRefused(f"cannot read file: {_reason(exc)}") from None
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_limited(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises :class:`FileRefused`.

    The file is opened without blocking (a FIFO cannot hang the game), must be a regular file
    once open (not a device, FIFO or folder), and is read in chunks that stop as soon as the
    limit is passed (a size of 0 reported by a special file is never trusted).
    """
    fd = _open_regular(path, what)
    try:
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise FileRefused(f"cannot read file: {_reason(exc)}") from None
    finally:
        os.close(fd)
    if total > limit:
        raise FileRefused(f"the {what} is larger than the {limit // 1024} KiB limit")
    return b"".join(chunks)


def read_ends(
    path: str | Path, head: int, tail: int, limit: int, what: str = "file"
) -> tuple[bytes, bytes]:
    """The first ``head`` and the last ``tail`` bytes of a regular file of at most ``limit``
    bytes, with the checks of :func:`read_limited` (so that a listing can describe a long file
    without reading all of it); raises :class:`FileRefused`."""
    fd = _open_regular(path, what)
    try:
        size = os.fstat(fd).st_size  # a regular file's size is its length
        if size > limit:
            raise FileRefused(f"the {what} is larger than the {limit // 1024} KiB limit")
        first = os.read(fd, head)
        if size <= head:
            return first, first[-tail:]
        os.lseek(fd, size - tail, os.SEEK_SET)
        return first, os.read(fd, tail)
    except OSError as exc:
        raise FileRefused(f"cannot read file: {_reason(exc)}") from None
    finally:
        os.close(fd)


def read_text_limited(path: str | Path, limit: int, what: str = "file") -> str:
    """A regular file's UTF-8 text (see :func:`read_limited`); raises :class:`FileRefused`."""
    raw = read_limited(path, limit, what)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileRefused(f"the {what} is not UTF-8 text (line {line})") from None


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON ``text`` (brackets inside strings ignored)."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def loads_json_limited(text: str, what: str = "file", max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON that nests at most ``max_depth`` levels; raises :class:`FileRefused`."""
    if json_depth(text) > max_depth:
        raise FileRefused(f"the {what} nests deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise FileRefused(f"the {what} is not JSON ({printable(str(exc))})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json_file(path: str | Path, limit: int, what: str = "file") -> Any:
    """A JSON document from a regular file within ``limit`` bytes; raises :class:`FileRefused`."""
    return loads_json_limited(read_text_limited(path, limit, what), what)


def printable(text: str, limit: int = 400) -> str:
    """``text`` with control characters escaped (``\\x1b``) and cut to ``limit`` characters, so
    a file cannot inject terminal escape codes or forge lines of output."""

    def escape(match: re.Match[str]) -> str:
        return match.group().encode("unicode_escape").decode("ascii")

    shown = _ANY_CONTROL.sub(escape, text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def is_id(text: str) -> bool:
    """Whether ``text`` is an id (safe in a file name, a path or a message)."""
    return re.fullmatch(ID_PATTERN, text) is not None


def has_control(text: str, allow_newlines: bool = False) -> bool:
    """Whether ``text`` holds control characters (tab and newline allowed when asked)."""
    return bool((_CONTROL if allow_newlines else _ANY_CONTROL).search(text))
