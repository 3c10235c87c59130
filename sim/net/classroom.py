"""The game a classroom server owns: one session with many human seats, their join codes, the
teacher's controls, private messages, and a journal from which it is rebuilt after a crash.

Everything that changes the game comes in as a request from a seat (or the teacher) and is
applied here, in order, and written to the journal. A fresh classroom fed the same journal is
the same game (the same state hash): that is how ``mandate serve --resume`` continues after the
server process was killed. Seats nobody holds are AI seats from the start and play at once.
Seats the teacher hands to the AI are played by the advisor one turn at a time, when the server
calls :meth:`Classroom.play_ai_turn` at a pace the class can follow (and the teacher can pause);
each such turn is journalled, so a resumed game plays them at the same points.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.model.advice import advise, play_advice
from sim.model.commands import Command, command_from_json
from sim.model.engine import CommandRejected, Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.replay import log_to_json
from sim.model.saves import TurnRecord, write_text_atomic
from sim.model.seats import seat_options
from sim.model.session import Session, command_actor
from sim.model.teacher import ClassroomNote, EndGame, Incident, InjectEvent
from sim.net.mirror import encode_world
from sim.net.seatworld import seat_bands, seat_world
from sim.net.views import TEACHER, seat_view, teacher_view
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SAVE_FORMAT = "mandate-classroom"
SAVE_VERSION = 2
#: Saves of version 1 played seats handed to the AI at once, inside each request.
EAGER_AI_VERSION = 1
MAX_STEPS = 100_000


@dataclass
class Reply:
    """What one request produced: the answer to its sender, and private messages to deliver."""

    ok: bool
    reasons: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    commands: list[dict[str, Any]] = field(default_factory=list)
    deliver: list[dict[str, Any]] = field(default_factory=list)


def new_code() -> str:
    """A join code: short enough to read out, long enough not to be guessed in a lesson."""
    return secrets.token_hex(4)


class Classroom:
    """A networked game: the session, the seats' codes, the teacher's state, the journal."""

    def __init__(
        self,
        scenario_path: Path,
        seed: int,
        humans: Sequence[str],
        codes: dict[str, str] | None = None,
        teacher_code: str | None = None,
        eager_ai: bool = False,
    ) -> None:
        self.scenario_path = Path(scenario_path)
        self.seed = seed
        scenario = load_scenario(self.scenario_path)
        engine = Engine(build_world(scenario, seed))
        known = {o.id for o in seat_options(engine.world)}
        unknown = [h for h in humans if h not in known]
        if unknown or not humans or len(set(humans)) != len(humans):
            raise ValueError(
                f"human seats must be distinct seats of {scenario.id}; unknown: {unknown}"
                if unknown
                else "give one or more distinct human seats"
            )
        self.session = Session(engine, default_agents(engine), players=tuple(humans))
        self.codes: dict[str, str] = dict(codes) if codes else {h: new_code() for h in humans}
        self.teacher_code = teacher_code or new_code()
        self.ai_seats: set[str] = set()
        self.paused = False
        self.time_limit = 0
        self.messages: list[dict[str, Any]] = []
        self.journal: list[dict[str, Any]] = []
        #: Each human seat's commands, turn by turn, as log indices (for its debrief).
        self.records: dict[str, TurnRecord] = {h: TurnRecord() for h in humans}
        #: Play seats handed to the AI inside each request (how version-1 saves were made).
        self.eager_ai = eager_ai
        self.advance()

    # Who is who ---------------------------------------------------------------------------

    def seat_of(self, code: str) -> str | None:
        """The seat a join code names (``"teacher"`` for the teacher's code), or None."""
        if secrets.compare_digest(code, self.teacher_code):
            return TEACHER
        return next((s for s, c in self.codes.items() if secrets.compare_digest(code, c)), None)

    @property
    def world_month(self) -> int:
        """The month being played."""
        return self.session.engine.world.month

    @property
    def finished(self) -> bool:
        """True once the game has ended."""
        return self.session.finished

    def view(self, seat: str) -> dict[str, Any]:
        """What ``seat`` (or the teacher) may see now."""
        if seat == TEACHER:
            view = teacher_view(self.session, self.messages, self.ai_seats)
        else:
            view = seat_view(self.session, seat, self.messages)
        view["public"]["paused"] = self.paused
        view["public"]["ai_seats"] = sorted(self.ai_seats)
        view["public"]["time_limit"] = self.time_limit
        return view

    def world_frame(self, seat: str) -> dict[str, Any]:
        """The world as ``seat`` may know it (everything for the teacher), for a game window,
        with the bands of the seat's doubt and how many commands the game has seen."""
        world = self.session.engine.world
        observer = None if seat == TEACHER else seat
        mirror = world if observer is None else seat_world(world, observer)
        return {
            "type": "world",
            "data": encode_world(mirror),
            "bands": seat_bands(world, observer),
            "log": len(self.session.engine.log),
            "players": list(self.session.players),
        }

    def scenario_source(self) -> dict[str, str]:
        """The scenario's id, file name and text, so a window can load it where it is not
        installed."""
        return {
            "id": self.session.engine.world.scenario_id,
            "name": self.scenario_path.name,
            "text": self.scenario_path.read_text(encoding="utf-8"),
        }

    # Requests -----------------------------------------------------------------------------

    def handle(self, seat: str, request: dict[str, Any]) -> Reply:
        """Apply one request from ``seat``; journal it when it changed anything."""
        kind = request.get("type")
        if kind == "advise":
            commands = advise(self.session, seat) if self.session.seat == seat else []
            return Reply(True, commands=[c.to_json() for c in commands])
        if kind == "message":
            return self._message(seat, request)
        if seat == TEACHER and kind == "teacher":
            reply = self._teacher(request)
        elif seat == TEACHER:
            return Reply(False, ["the teacher's seat acts through teacher actions"])
        elif kind == "teacher":
            return Reply(False, ["only the teacher's code may do that"])
        elif self.paused:
            return Reply(False, ["the teacher has paused the game"])
        elif seat in self.ai_seats:
            return Reply(False, ["the teacher has handed your seat to the AI"])
        elif kind == "command":
            reply = self._command(seat, request.get("command", {}))
        elif kind == "end_turn":
            reply = self._end_turn(seat)
        else:
            return Reply(False, [f"unknown request {kind!r}"])
        if reply.ok:
            self.journal.append({"by": seat, "request": _journalled(request)})
            self.advance()
        return reply

    def _command(self, seat: str, data: dict[str, Any]) -> Reply:
        try:
            command = command_from_json(data)
        except ValueError as exc:
            return Reply(False, [str(exc)])
        actor = command_actor(command)
        if actor != seat:
            return Reply(False, [f"you hold seat {seat}; this command is for {actor or 'nobody'}"])
        if self.session.seat != seat:
            return Reply(False, [f"it is not your turn (it is {self.session.seat or 'the AI'}'s)"])
        index = len(self.session.engine.log)
        try:
            events = self.session.submit(command)
        except CommandRejected as exc:
            return Reply(False, exc.reasons)
        self.records[seat].submitted(index)
        return Reply(True, events=[e.text for e in events])

    def _end_turn(self, seat: str) -> Reply:
        if self.session.seat != seat:
            return Reply(False, [f"it is not your turn (it is {self.session.seat or 'the AI'}'s)"])
        self.session.end_turn()
        self.records[seat].ended()
        return Reply(True)

    def _message(self, seat: str, request: dict[str, Any]) -> Reply:
        to = str(request.get("to", ""))
        if to not in self.session.players and to != TEACHER:
            return Reply(False, [f"no human seat {to!r} to write to"])
        if to == seat:
            return Reply(False, ["a seat does not write to itself"])
        message = {
            "from": seat,
            "to": to,
            "month": self.world_month,
            "text": str(request.get("text", "")),
            "offer": request.get("offer"),
        }
        self.messages.append(message)
        self.journal.append({"by": seat, "request": _journalled(request)})
        return Reply(True, deliver=[message])

    def _teacher(self, request: dict[str, Any]) -> Reply:
        action, seat = request["action"], str(request.get("seat", ""))
        command: Command
        if action == "inject":
            command = InjectEvent(str(request.get("trigger", "")))
        elif action == "incident":
            command = Incident(str(request.get("text", "")), float(request.get("value", 0.0)))
        elif action == "end":
            command = EndGame(str(request.get("text", "")) or "the teacher ended the game")
        else:
            if action in ("hand_to_ai", "hand_back") and seat not in self.session.players:
                return Reply(False, [f"{seat!r} is not a human seat"])
            seconds = max(0, int(request.get("value", 0))) if action == "time_limit" else 0
            command = ClassroomNote(action, seat, seconds)
        engine = self.session.engine
        reasons = engine.check(command)
        if reasons:
            return Reply(False, reasons)
        events = engine.submit(command)
        if action == "pause":
            self.paused = True
        elif action == "resume":
            self.paused = False
        elif action == "time_limit":
            self.time_limit = int(request.get("value", 0))
        elif action == "hand_to_ai":
            self.ai_seats.add(seat)
        elif action == "hand_back":
            self.ai_seats.discard(seat)
        return Reply(True, events=[e.text for e in events])

    def timeout(self) -> bool:
        """The phase's time limit ran out for the seat on turn: end its turn (journalled)."""
        seat = self.session.seat
        if seat is None or self.paused or seat in self.ai_seats:
            return False
        self.session.end_turn()
        self.records[seat].ended()
        self.journal.append({"by": seat, "timer": True})
        self.advance()
        return True

    def advance(self) -> None:
        """Step the AI seats until a person's turn, or the turn of a seat handed to the AI
        (:meth:`play_ai_turn` plays those, one at a time)."""
        session = self.session
        for _ in range(MAX_STEPS):
            if self.paused:
                return
            session.run_until_player()
            seat = session.seat
            if seat is None or seat not in self.ai_seats or not self.eager_ai:
                return
            self._advised_turn(seat)

    def play_ai_turn(self) -> bool:
        """Play one turn of the seat on turn if the teacher handed it to the AI (journalled),
        then step on to the next turn; False when there is no such turn to play or the game is
        paused or over. The server calls this at a pace the class can watch."""
        seat = self.session.seat
        if seat is None or seat not in self.ai_seats or self.paused or self.finished:
            return False
        self._advised_turn(seat)
        self.journal.append({"by": seat, "ai": True})
        self.advance()
        return True

    def _advised_turn(self, seat: str) -> None:
        """The advisor plays a human seat's turn; the turn counts as the seat's (its debrief)."""
        log, before = self.session.engine.log, len(self.session.engine.log)
        play_advice(self.session, seat)
        for index in range(before, len(log)):
            if command_actor(log[index]) == seat:
                self.records[seat].submitted(index)
        self.records[seat].ended()

    def debrief(self, seat: str) -> dict[str, Any] | None:
        """Once the game has ended, what a seat's window needs to work out its turning points
        as a local game's debrief does: the seed and the seat's own commands, turn by turn
        (turns the advisor played for it included). Nothing of other seats; None before the
        end and for the teacher. The replays run in the window, not on the server, so the
        server's work at the end does not grow with the number of seats."""
        if not self.finished or seat not in self.records:
            return None
        log, record = self.session.engine.log, self.records[seat]
        turns = [*record.completed, *([record.current] if record.current else [])]
        return {
            "type": "debrief",
            "seed": self.seed,
            "turns": [[log[i].to_json() for i in turn] for turn in turns],
        }

    # Saving -------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The classroom as a save: scenario, seed, seats and codes, and the journal."""
        return {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "scenario_path": str(self.scenario_path),
            "seed": self.seed,
            "humans": list(self.session.players),
            "codes": dict(self.codes),
            "teacher_code": self.teacher_code,
            "journal": list(self.journal),
            "state_hash": state_hash(self.session.engine.world),
        }

    def save(self, path: Path) -> None:
        """Write the save atomically, and beside it the command log (``mandate replay``)."""
        write_text_atomic(path, json.dumps(self.to_json(), indent=1) + "\n")
        log = log_to_json(self.session.engine, self.seed)
        write_text_atomic(path.with_suffix(".log.json"), json.dumps(log) + "\n")

    @classmethod
    def resume(cls, path: Path) -> Classroom:
        """Rebuild a saved classroom by replaying its journal; raises ValueError when the save
        does not lead to the state it recorded."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise ValueError(f"{path}: not a classroom save")
        version = data.get("version")
        if version not in (EAGER_AI_VERSION, SAVE_VERSION):
            raise ValueError(
                f"{path}: classroom save version {version!r} is not one this game reads"
            )
        room = cls(
            Path(data["scenario_path"]),
            int(data["seed"]),
            list(data["humans"]),
            dict(data["codes"]),
            str(data["teacher_code"]),
            eager_ai=version == EAGER_AI_VERSION,
        )
        for entry in data["journal"]:
            if entry.get("timer"):
                room.timeout()
                continue
            if entry.get("ai"):
                if not room.play_ai_turn():
                    raise ValueError(f"{path}: the journal does not replay (an AI turn is not due)")
                continue
            reply = room.handle(str(entry["by"]), dict(entry["request"]))
            if not reply.ok:
                raise ValueError(
                    f"{path}: the journal does not replay ({'; '.join(reply.reasons)})"
                )
        if state_hash(room.session.engine.world) != data.get("state_hash"):
            raise ValueError(f"{path}: the resumed game differs from the saved one")
        return room


def _journalled(request: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in request.items() if k != "id"}
