"""The messages of the classroom protocol: JSON over websockets, validated by pydantic.

Every message a client sends is one JSON object with a ``type``; anything else is refused with
an ``error`` to that client only. Limits: a message is at most ``MAX_MESSAGE_BYTES``; a private
message's text at most ``MAX_TEXT`` characters; ids and codes are short. Commands travel as the
same JSON objects a command log holds (``sim.model.commands.command_from_json``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

MAX_MESSAGE_BYTES = 8 * 1024
MAX_TEXT = 500
Short = Annotated[str, Field(min_length=1, max_length=64)]

__all__ = ["MAX_MESSAGE_BYTES", "ProtocolError", "Request", "parse"]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Hello(_Message):
    """The first message: the join code names the seat (or the teacher). A game window asks
    for the world as its seat may know it (``window``), to draw it with the desktop screens."""

    type: Literal["hello"]
    code: Short
    window: bool = False


class SendCommand(_Message):
    """A command for the game, as a log entry (``{"type": "lobby", "actor": ...}``)."""

    type: Literal["command"]
    id: int = Field(ge=0)
    command: dict[str, Any]


class EndTurn(_Message):
    """The seat is done for this phase (or with its ballot)."""

    type: Literal["end_turn"]
    id: int = Field(ge=0)


class Advise(_Message):
    """Ask what the AI would do in the seat now (bots play by it)."""

    type: Literal["advise"]
    id: int = Field(ge=0)


class Offer(_Message):
    """A structured offer: support on a draft for a clause, a side payment, a pledge."""

    kind: Literal["support_for_clause", "side_payment", "pledge"]
    draft: Annotated[str, Field(max_length=64)] = ""
    clause: Annotated[str, Field(max_length=120)] = ""
    amount: float = Field(default=0.0, ge=0.0, le=1_000_000.0)


class PrivateMessage(_Message):
    """A private message to one seat: short free text and perhaps an offer."""

    type: Literal["message"]
    id: int = Field(ge=0)
    to: Short
    text: Annotated[str, Field(max_length=MAX_TEXT)] = ""
    offer: Offer | None = None


class Teacher(_Message):
    """A teacher's action: pause, resume, time limit, fire an event, an incident, hand a seat
    to the AI or back, end the game."""

    type: Literal["teacher"]
    id: int = Field(ge=0)
    action: Literal[
        "pause", "resume", "time_limit", "inject", "incident", "hand_to_ai", "hand_back", "end"
    ]
    seat: Annotated[str, Field(max_length=64)] = ""
    trigger: Annotated[str, Field(max_length=64)] = ""
    text: Annotated[str, Field(max_length=200)] = ""
    value: float = Field(default=0.0, ge=-1_000_000.0, le=1_000_000.0)


class StateRequest(_Message):
    """Ask for the seat's view again."""

    type: Literal["state"]
    id: int = Field(ge=0)


Request = Annotated[
    Hello | SendCommand | EndTurn | Advise | PrivateMessage | Teacher | StateRequest,
    Field(discriminator="type"),
]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(Request)


class ProtocolError(ValueError):
    """A message that is refused: too large, not JSON, or not one of the protocol's."""


def parse(raw: str | bytes) -> Any:
    """The validated request in ``raw``; raises :class:`ProtocolError` saying what is wrong."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"message too large ({size} bytes; at most {MAX_MESSAGE_BYTES})")
    try:
        return _ADAPTER.validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "message"
        raise ProtocolError(f"malformed message: {where}: {first.get('msg', 'invalid')}") from None
