"""A world sent over the network: tagged JSON in, the same dataclasses out.

The networked seat's game window draws with the desktop screens, which read a
:class:`~sim.model.world.World`. The server sends each window the world *as that seat may know
it* (:mod:`sim.net.seatworld`); this module turns such a world into compact text and back.

Decoding never calls arbitrary code: only dataclasses defined in ``sim.model`` modules (and the
issue space, rebuilt from its dimensions) are made, their fields set one by one; anything else is
refused with :class:`MirrorError`. The random streams are never sent (their state would let a
client foresee hidden draws); a decoded world has fresh streams a client never draws from.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import importlib
import json
import zlib
from typing import Any

import numpy as np

from sim.model.issues import Dimension, IssueSpace
from sim.model.rng import Streams
from sim.model.world import World

#: Modules whose dataclasses a decoded world may contain.
PACKAGE = "sim.model."
#: The largest world text accepted (compressed), and its size once inflated.
MAX_TEXT = 8 * 1024 * 1024
MAX_JSON = 64 * 1024 * 1024


class MirrorError(ValueError):
    """A world text that is not one this module wrote."""


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _encode(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Streams):
        return {"$streams": 0}
    if isinstance(value, IssueSpace):
        return {"$issues": [_encode(d) for d in value.dimensions]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        fields = {name: _encode(getattr(value, name)) for name in _field_names(cls)}
        return {"$class": f"{cls.__module__}:{cls.__qualname__}", "fields": fields}
    if isinstance(value, np.ndarray):
        return {"$array": value.tolist(), "dtype": str(value.dtype), "shape": list(value.shape)}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {"$dict": {k: _encode(v) for k, v in value.items()}}
        return {"$pairs": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"$frozenset": [_encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, set):
        return {"$set": [_encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if hasattr(value, "items"):  # a read-only mapping (a dimension's effects)
        return {"$dict": {str(k): _encode(v) for k, v in value.items()}}
    raise MirrorError(f"cannot send a {type(value).__name__}")


def _class(name: str) -> type:
    module, _, qualname = name.partition(":")
    if not module.startswith(PACKAGE) or not qualname.isidentifier():
        raise MirrorError(f"not a model class: {name!r}")
    try:
        cls = getattr(importlib.import_module(module), qualname)
    except (ImportError, AttributeError):
        raise MirrorError(f"unknown class {name!r}") from None
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise MirrorError(f"not a model dataclass: {name!r}")
    return cls


def _decode(data: Any) -> Any:
    if isinstance(data, list):
        return [_decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "$class" in data:
        cls = _class(str(data["$class"]))
        names = set(_field_names(cls))
        fields = data.get("fields", {})
        if not isinstance(fields, dict) or set(fields) != names:
            raise MirrorError(f"{cls.__name__}: fields do not match")
        obj: Any = object.__new__(cls)
        for name, value in fields.items():
            object.__setattr__(obj, name, _decode(value))  # frozen dataclasses too
        return obj
    if "$dict" in data:
        return {str(k): _decode(v) for k, v in data["$dict"].items()}
    if "$pairs" in data:
        return {_decode(k): _decode(v) for k, v in data["$pairs"]}
    if "$tuple" in data:
        return tuple(_decode(v) for v in data["$tuple"])
    if "$set" in data:
        return {_hashable(_decode(v)) for v in data["$set"]}
    if "$frozenset" in data:
        return frozenset(_hashable(_decode(v)) for v in data["$frozenset"])
    if "$array" in data:
        dtype = np.dtype(str(data["dtype"]))
        if dtype.kind not in "biuf":
            raise MirrorError(f"unexpected array type {dtype}")
        return np.array(data["$array"], dtype=dtype).reshape([int(n) for n in data["shape"]])
    if "$issues" in data:
        dimensions = [_decode(d) for d in data["$issues"]]
        if not all(isinstance(d, Dimension) for d in dimensions):
            raise MirrorError("an issue space holds dimensions only")
        return IssueSpace(dimensions)
    if "$streams" in data:
        return Streams(0)
    raise MirrorError(f"unexpected object with keys {sorted(data)[:3]}")


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def encode_world(world: World) -> str:
    """The world as compact text (compressed JSON in base64), without its random streams."""
    text = json.dumps(_encode(world), separators=(",", ":"))
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def decode_world(text: str) -> World:
    """The world :func:`encode_world` wrote; raises :class:`MirrorError` for anything else."""
    if len(text) > MAX_TEXT:
        raise MirrorError("world text too large")
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.b64decode(text, validate=True), MAX_JSON)
        if inflater.unconsumed_tail:
            raise MirrorError("world text too large")
        world = _decode(json.loads(raw))
    except (ValueError, TypeError, KeyError, zlib.error) as exc:
        if isinstance(exc, MirrorError):
            raise
        raise MirrorError(f"not a world text: {exc}") from None
    if not isinstance(world, World):
        raise MirrorError("not a world")
    return world
