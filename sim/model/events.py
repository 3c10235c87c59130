"""Events: what happened, in words a player reads and data a tool reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """Something that happened in a month. ``kind`` is a stable machine-readable word."""

    month: int
    kind: str
    text: str

    def to_json(self) -> dict[str, object]:
        """The event as the ``events`` entries of ``mandate run --json``."""
        return {"month": self.month, "kind": self.kind, "text": self.text}
