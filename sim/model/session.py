"""A game in progress, played in small steps, with any number of human seats.

The month loop of :mod:`sim.model.play` runs a whole month at once; a desktop game cannot freeze
its frame that long, and a human player must get a turn. A :class:`Session` runs the same month
structure one unit of work at a time: :meth:`Session.step` does one AI action (or one
consultation round, or the end of the month) and returns; when it is the human seat's turn,
:attr:`Session.awaiting_player` is true and the caller submits the player's commands with
:meth:`Session.submit` until it calls :meth:`Session.end_turn`.

The order of work is exactly that of :func:`sim.model.play.play_month`, with the player's turn
placed after the AI seats' actions in each phase, so a session with no human seat produces the
same command log and state hashes as :func:`~sim.model.play.play`.

Several people may hold seats (hot-seat, or a classroom over the network): each human seat gets
its own turn, in the order given, after the AI seats. When a vote is called in a body where a
human seat sits, that seat first gets a *ballot turn* (:attr:`Session.ballot` names the draft)
to cast its own vote (:class:`~sim.model.ballots.CastVote`); the vote is then held. A human
penholder whose call would wait for other people's votes asks for the vote instead
(:class:`~sim.model.ballots.RequestVote`): each of them votes at their next turn, and the vote is
held after the last of them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sim.model.ballots import missing_ballots
from sim.model.commands import CallVote, Command, HoldConsultations
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


def command_actor(command: Command) -> str | None:
    """The seat a command acts for (None for the system's own commands)."""
    for name in ("actor", "contributor", "organization", "party"):
        value = getattr(command, name, None)
        if isinstance(value, str):
            return value
    return None


class Session:
    """Steps a game one unit of work at a time; human seats act between the AI seats."""

    def __init__(
        self,
        engine: Engine,
        agents: Sequence[Agent],
        player: str | None = None,
        players: Sequence[str] = (),
    ) -> None:
        self.engine = engine
        #: Human seats, in turn order (``player`` alone is the single-player game).
        self.players: tuple[str, ...] = tuple(players) or ((player,) if player else ())
        self.agents = [a for a in agents if a.actor not in self.players]
        self.turn = Turn(engine.world.month, "open")
        #: The human seat whose turn it is (None while the AI seats act).
        self.seat: str | None = None
        #: On a ballot turn, the draft the seat votes on before the vote is held.
        self.ballot: str | None = None
        self._queue: deque[Work] = deque()
        self._plan_phase()

    @property
    def player(self) -> str | None:
        """The first human seat (the single player's seat), or None when the AI plays alone."""
        return self.players[0] if self.players else None

    @property
    def awaiting_player(self) -> bool:
        """True while a human seat has the turn."""
        return self.seat is not None

    @property
    def view(self) -> WorldView:
        """A read-only view of the world, for the player's screens."""
        return WorldView(self.engine.world)

    @property
    def finished(self) -> bool:
        """True once the scenario has reached an ending."""
        return self.engine.world.finished

    def check(self, command: Command) -> list[str]:
        """Why the seat's command would be refused now (empty when it would be accepted)."""
        if self.seat is None:
            return ["it is not your turn"]
        actor = command_actor(command)
        if actor is not None and actor != self.seat:
            return [f"it is {self.seat}'s turn: a command for {actor} is not theirs to give"]
        reasons = self.engine.check(command)
        if not reasons and isinstance(command, CallVote):
            missing = missing_ballots(self.engine.world, command.draft, self.players)
            if self.seat in missing:
                reasons.append(f"cast your own vote on {command.draft} before calling the vote")
            elif missing:
                reasons.append(
                    f"waiting for the votes of {', '.join(missing)} on {command.draft}:"
                    " ask for the vote and they vote at their next turn"
                )
        return reasons

    def submit(self, command: Command) -> list[Event]:
        """Apply one of the player's commands; raises CommandRejected if refused."""
        reasons = self.check(command)
        if reasons:
            raise CommandRejected(command, reasons)
        return self.engine.submit(command)

    def end_turn(self) -> None:
        """The seat whose turn it is is done (for this phase, or with its ballot); a vote its
        penholder asked for is held as soon as every human member has voted."""
        self.seat = None
        self.ballot = None
        self._queue.appendleft(self._requested_votes)

    def _requested_votes(self) -> None:
        world = self.engine.world
        for draft in sorted(world.drafts.values(), key=lambda d: d.id):
            if draft.vote_requested and not missing_ballots(world, draft.id, self.players):
                command = CallVote(draft.penholder, draft.id)
                if not self.engine.check(command):
                    self.engine.submit(command)

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
            self._submit_all(list(method[phase](view)))

        return work

    def _submit_all(self, commands: list[Command], voted: bool = False) -> None:
        """Submit an AI seat's commands that still apply; before a vote in a body where human
        seats sit, give each of them a ballot turn, then hold the vote (``voted``)."""
        for i, command in enumerate(commands):
            if self.engine.check(command):
                continue
            if isinstance(command, CallVote) and not (voted and i == 0):
                missing = missing_ballots(self.engine.world, command.draft, self.players)
                if missing:
                    rest = commands[i:]
                    later: list[Work] = [self._ballot_turn(s, command.draft) for s in missing]
                    later.append(self._resume(rest))
                    self._queue.extendleft(reversed(later))
                    return
            self.engine.submit(command)

    def _resume(self, commands: list[Command]) -> Work:
        return lambda: self._submit_all(commands, voted=True)

    def _ballot_turn(self, seat: str, draft: str) -> Work:
        def work() -> None:
            if draft in self.engine.world.drafts:
                self.seat, self.ballot = seat, draft

        return work

    def _player_turn(self, seat: str) -> Work:
        def work() -> None:
            self.seat = seat
            world = self.engine.world
            drafts = sorted(world.drafts.values(), key=lambda d: d.id)
            asked = [
                d.id for d in drafts if d.vote_requested and missing_ballots(world, d.id, (seat,))
            ]
            self.ballot = asked[0] if asked else None

        return work

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
        self._queue.extend(self._player_turn(seat) for seat in self.players)
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
