"""A game in progress, played in small steps, with at most one human seat.

The month loop of :mod:`sim.model.play` runs a whole month at once; a desktop game cannot freeze
its frame that long, and a human player must get a turn. A :class:`Session` runs the same month
structure one unit of work at a time: :meth:`Session.step` does one AI action (or one
consultation round, or the end of the month) and returns; when it is the human seat's turn,
:attr:`Session.awaiting_player` is true and the caller submits the player's commands with
:meth:`Session.submit` until it calls :meth:`Session.end_turn`.

The order of work is exactly that of :func:`sim.model.play.play_month`, with the player's turn
placed after the AI seats' actions in each phase, so a session with no human seat produces the
same command log and state hashes as :func:`~sim.model.play.play`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sim.model.commands import Command, HoldConsultations
from sim.model.engine import CommandRejected, Engine
from sim.model.events import Event
from sim.model.month import EndMonth
from sim.model.play import Agent
from sim.model.view import WorldView

Work = Callable[[], None]


@dataclass(frozen=True)
class Turn:
    """Where the month stands: phase ``open``, ``consult`` (with round number) or ``close``."""

    month: int
    phase: str
    round: int = 0


class Session:
    """Steps a game one unit of work at a time; the player (if any) acts between the AI seats."""

    def __init__(self, engine: Engine, agents: Sequence[Agent], player: str | None = None) -> None:
        self.engine = engine
        self.agents = [a for a in agents if a.actor != player]
        self.player = player
        self.turn = Turn(engine.world.month, "open")
        self.awaiting_player = False
        self._queue: deque[Work] = deque()
        self._plan_phase()

    @property
    def view(self) -> WorldView:
        """A read-only view of the world, for the player's screens."""
        return WorldView(self.engine.world)

    @property
    def finished(self) -> bool:
        """True once the scenario has reached an ending."""
        return self.engine.world.finished

    def check(self, command: Command) -> list[str]:
        """Why the player's command would be refused now (empty when it would be accepted)."""
        if not self.awaiting_player:
            return ["it is not your turn"]
        return self.engine.check(command)

    def submit(self, command: Command) -> list[Event]:
        """Apply one of the player's commands; raises CommandRejected if refused."""
        reasons = self.check(command)
        if reasons:
            raise CommandRejected(command, reasons)
        return self.engine.submit(command)

    def end_turn(self) -> None:
        """The player is done for this phase."""
        self.awaiting_player = False

    def step(self) -> bool:
        """Do one unit of work; returns False when waiting for the player or the game is over."""
        if self.finished or self.awaiting_player:
            return False
        if not self._queue:
            self._next_phase()
            if self.finished:
                return False
        work = self._queue.popleft()
        work()
        return not self.awaiting_player

    def run_until_player(self, max_steps: int = 10_000) -> None:
        """Step until the player's turn or the end (for tests and headless use)."""
        for _ in range(max_steps):
            if not self.step():
                return

    # The month's phases, as queues of small pieces of work.

    def _agent_work(self, agent: Agent, phase: str) -> Work:
        def work() -> None:
            view = WorldView(self.engine.world)
            method = {
                "open": agent.open_month,
                "consult": agent.consult,
                "close": agent.close_month,
            }
            for command in method[phase](view):
                if not self.engine.check(command):
                    self.engine.submit(command)

        return work

    def _player_turn(self) -> None:
        self.awaiting_player = True

    def _consultations(self) -> None:
        world = self.engine.world
        for draft_id in sorted(world.drafts):
            self.engine.submit(HoldConsultations(draft_id))

    def _end_month(self) -> None:
        self.engine.submit(EndMonth())

    def _plan_phase(self) -> None:
        phase = self.turn.phase
        if phase == "end":
            self._queue.append(self._end_month)
            return
        self._queue.extend(self._agent_work(a, phase) for a in self.agents)
        if self.player is not None:
            self._queue.append(self._player_turn)
        if phase == "consult":
            self._queue.append(self._consultations)

    def _next_phase(self) -> None:
        world = self.engine.world
        rounds = world.coefficients.consultation_rounds
        t = self.turn
        if t.phase == "open":
            self.turn = Turn(t.month, "consult", 1)
        elif t.phase == "consult" and t.round < rounds:
            self.turn = Turn(t.month, "consult", t.round + 1)
        elif t.phase == "consult":
            self.turn = Turn(t.month, "close")
        elif t.phase == "close":
            self.turn = Turn(t.month, "end")
        else:
            self.turn = Turn(world.month, "open")
        if not self.finished:
            self._plan_phase()
