"""The game in progress as the screens see it: a session, stepped under a time budget.

Screens never change the world: they ask this object questions (through
:class:`~sim.model.view.WorldView` and read-only attributes) and hand it commands, which go to
the session exactly as an AI seat's would. It also keeps what a save needs (which commands the
player gave in which turn) and writes the autosave each month.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from sim.analysis.debrief import MONTH_NAMES
from sim.model.advice import advise
from sim.model.agents import PragmaticPenholder
from sim.model.ballots import missing_ballots, own_stance
from sim.model.commands import Command, TableRenewal
from sim.model.drafts import Draft
from sim.model.engine import CommandRejected, Engine
from sim.model.events import Event
from sim.model.explain import POINTS_PER_UNIT, Stance, classify
from sim.model.files import printable
from sim.model.play import default_agents
from sim.model.savefiles import read_save
from sim.model.savefiles import write_save as _write_save
from sim.model.saves import (
    ReplayMismatch,
    SavedGame,
    SaveError,
    TurnRecord,
    capture,
    player_turns,
    replay_turns,
    restore,
)
from sim.model.session import Session
from sim.model.stance import Ballot, context_points, draft_points
from sim.model.view import WorldView
from sim.model.voting import Tally
from sim.model.whip import WhipCount, whip_count
from sim.model.world import Mission, Statement, World
from sim.scenario import catalogue
from sim.scenario.build import build_world
from sim.scenario.loader import ScenarioError, load_scenario, parse_scenario, read_text
from sim.scenario.schema import ScenarioFile
from sim.ui.savewriter import save_writer

AUTOSAVE = "autosave.json"
#: Scenario files already read and checked, by path and text (see :func:`read_scenario`).
_SCENARIOS: dict[tuple[str, str], ScenarioFile] = {}
#: Months before a sponsored mandate expires that the player is warned and offered its renewal.
RENEWAL_WARNING = 2


@dataclass(frozen=True)
class ScenarioInfo:
    """What the title screen lists for one scenario file."""

    path: Path
    id: str
    title: str
    summary: str
    difficulty: str
    minutes: int
    problem: str = ""
    #: One of the player's own scenarios (from their per-user folder), not a bundled one.
    own: bool = False


def read_scenario(path: Path) -> ScenarioFile:
    """:func:`~sim.scenario.loader.load_scenario`, remembered: the title screen reads every
    scenario to list it, so starting one parses nothing again (checking a scenario takes tens
    of milliseconds: one long frame). Keyed by the file's text, so an edited file is read
    afresh; a scenario is immutable, so the same object serves every game made from it."""
    text = read_text(path)
    key = (str(path), text)
    scenario = _SCENARIOS.get(key)
    if scenario is None:
        scenario = parse_scenario(text, str(path))
        if len(_SCENARIOS) >= 64:
            _SCENARIOS.clear()
        _SCENARIOS[key] = scenario
    return scenario


def find_scenarios(folder: Path | None = None) -> list[ScenarioInfo]:
    """The scenarios to offer, the tutorial first; broken files listed with their problem.

    Without ``folder``: the bundled scenarios, then the player's own (see
    :mod:`sim.scenario.catalogue`); with it, the scenario files in that folder.
    """
    found = catalogue.entries() if folder is None else catalogue.folder_entries(folder)
    return [find_scenarios_file(e.path, own=folder is None and not e.bundled) for e in found]


def find_scenarios_file(path: Path, own: bool = False) -> ScenarioInfo:
    """The title screen's entry for one scenario file."""
    try:
        s = read_scenario(path)
    except ScenarioError as error:
        first = str(error.problems[0]) if error.problems else "cannot be loaded"
        return ScenarioInfo(path, path.stem, path.stem, "", "", 0, first, own)
    return ScenarioInfo(
        path,
        s.id,
        s.title,
        _attr(s, "summary", ""),
        _attr(s, "difficulty", ""),
        int(_attr(s, "expected_minutes", 0) or 0),
        own=own,
    )


def calendar_month(start: str | None, month: int) -> str:
    """The calendar month of game month ``month`` ("October 1993"), or "" without ``start``."""
    if not start:
        return ""
    try:
        year, first = (int(part) for part in start.split("-"))
    except ValueError:
        return ""
    index = first - 1 + month - 1
    return f"{MONTH_NAMES[index % 12]} {year + index // 12}"


def _attr(obj: object, name: str, default: Any) -> Any:
    value = getattr(obj, name, default)
    return default if value is None else value


@dataclass
class Seen:
    """How much of the world's history the screens have already shown."""

    events: int = 0
    votes: int = 0
    month: int = 1
    #: (month, seat) of the last renewal warning shown.
    warned: tuple[int, str | None] = (0, None)
    #: Decisions a skip already stopped at or passed over (see :mod:`sim.ui.pacing`).
    decisions: set[tuple[object, ...]] = field(default_factory=set)


def default_seat(scenario: ScenarioFile) -> str:
    """The seat a player takes when the scenario names none: the penholder of the first draft,
    else the first permanent member of the Council, else the first Council member."""
    if scenario.drafts:
        return scenario.drafts[0].penholder
    council = next(b for b in scenario.bodies if b.id == scenario.council.body)
    return (council.permanent or council.members)[0]


@dataclass
class Game:
    """A scenario being played: session, seed, player seat, and save bookkeeping."""

    scenario_path: Path
    scenario: ScenarioFile
    seed: int
    session: Session
    record: TurnRecord = field(default_factory=TurnRecord)
    seen: Seen = field(default_factory=Seen)
    _forecast_key: tuple[Any, ...] | None = None
    _forecast: tuple[Draft, Ballot, Tally] | None = None
    _leanings_key: tuple[Any, ...] | None = None
    _leanings: dict[str, str] = field(default_factory=dict)
    #: Units of work the session has done (what a save of an AI-only game resumes from).
    steps: int = 0
    #: The human seat that last had the turn (what the screens show between turns).
    last_seat: str | None = None
    #: A seat of a classroom game over the network (private messages, the teacher's desk).
    classroom: ClassVar[bool] = False
    #: This line of play's name ("" for the original game) and, for a branch, the month it
    #: went back to; the game's other lines (original, earlier branches) as saves.
    line: str = ""
    branched_at: int = 0
    lines: tuple[SavedGame, ...] = ()
    #: The worlds of other lines played in this session, by line name (no replay needed).
    line_worlds: dict[str, World] = field(default_factory=dict)

    # Starting and resuming ----------------------------------------------------------------

    @classmethod
    def new(cls, path: Path, seed: int, observer: bool = False, seats: Sequence[str] = ()) -> Game:
        """A fresh game; the player holds the scenario's seat unless ``observer``, or the
        ``seats`` chosen at the briefing (several: a hot-seat game, in turn order)."""
        scenario = read_scenario(path)
        engine = Engine(build_world(scenario, seed))
        player = None if observer else _attr(scenario, "player", None)
        if player is None and not observer:
            player = default_seat(scenario)
        chosen = tuple(seats) if not observer else ()
        session = Session(engine, default_agents(engine), player=player, players=chosen)
        game = cls(path, scenario, seed, session)
        game.seen.month = engine.world.month
        return game

    @classmethod
    def load(cls, save_path: Path) -> Game:
        """Resume a saved game; raises SaveError or ScenarioError with a readable message."""
        save_writer().wait()  # the newest autosave, not the one before it
        save = read_save(save_path)
        path = Path(save.scenario_path)
        if not path.is_file():  # moved, e.g. by reinstalling the game: find it by its id
            found = catalogue.by_id(save.scenario_id)  # the id is checked by read_save
            if found is None:
                raise SaveError(
                    f"the scenario file of this save, {printable(save.scenario_path)}, is gone"
                )
            path = found
        scenario = read_scenario(path)
        engine = Engine(build_world(scenario, save.seed))
        session, record = restore(engine, default_agents(engine), save)
        game = cls(path, scenario, save.seed, session, record, steps=save.steps)
        game.line, game.branched_at, game.lines = save.line, save.branched_at, save.lines
        world = engine.world
        game.seen = Seen(len(world.events), len(world.votes), world.month)
        return game

    def reloaded(self) -> tuple[Game, str]:
        """This game on its scenario file as it is on disk now (the designer's F5).

        The player's commands are submitted again at the player's turns on the new world (the
        AI seats act anew): while the file still fits, the game is back where it was. If one of
        those commands no longer applies, a new game starts at month 1 and the note says why.
        Raises :class:`ScenarioError` (with FILE:LINE:COL problems) when the file does not load.
        """
        scenario = load_scenario(self.scenario_path)
        name = self.scenario_path.name
        turns, current = player_turns(self.session, self.record)
        engine = Engine(build_world(scenario, self.seed))
        player = self.player
        if player is not None and player not in engine.world.states.index:
            game = Game.new(self.scenario_path, self.seed)
            return game, f"Reloaded {name}: {player} is gone, so a new game starts at month 1"
        try:
            session, record = replay_turns(
                engine, default_agents(engine), player, turns, current, until=self.session.turn
            )
        except ReplayMismatch as exc:
            engine = Engine(build_world(scenario, self.seed))
            session, record = Session(engine, default_agents(engine), player=player), TurnRecord()
            note = f"Reloaded {name}, but {exc}: restarted at month 1"
        else:
            turn, was = session.turn, self.session.turn
            words = {"open": "opening", "consult": "consultations", "close": "closing"}
            note = (
                f"Reloaded {name}: back at month {turn.month}, {words.get(turn.phase, turn.phase)}"
            )
            if (turn.month, turn.phase) != (was.month, was.phase):
                note += f" (it was month {was.month}, {words.get(was.phase, was.phase)})"
        game = Game(self.scenario_path, scenario, self.seed, session, record)
        world = engine.world
        game.seen = Seen(len(world.events), len(world.votes), world.month)
        return game, note

    # Reading ------------------------------------------------------------------------------

    @property
    def world(self) -> World:
        """The world, for reading only (sim.ui never assigns to it; a test checks)."""
        return self.session.engine.world

    @property
    def view(self) -> WorldView:
        """The read-only view as the player's seat knows the world: forecasts on drafts under
        consultation are the player's estimates of the other members' private reservations
        (omniscient when watching the AI play)."""
        return self.session.view.seen_by(self.player)

    def whip(self, draft: Draft) -> WhipCount:
        """The player's whip count on a draft under consultation, with the band of its doubt."""
        return whip_count(self.world, draft, self.player)

    def heard(self, draft: Draft) -> list[Statement]:
        """What members said on the draft's current version that the player heard: public
        statements and replies to the player."""
        return self.view.statements(draft)

    @property
    def player(self) -> str | None:
        """The seat the screens act for: the human seat whose turn it is, else the one that last
        had the turn (None when watching the AI play)."""
        seat = self.session.seat
        if seat is not None:
            self.last_seat = seat
        return self.last_seat or self.session.player

    @property
    def players(self) -> tuple[str, ...]:
        """Every human seat, in turn order (several in a hot-seat game)."""
        return self.session.players

    @property
    def ballot(self) -> Draft | None:
        """On a ballot turn, the draft the seat must vote on before the vote is held."""
        draft_id = self.session.ballot
        return self.world.drafts.get(draft_id) if draft_id and self.awaiting else None

    def own_vote_needed(self, draft: Draft | None) -> bool:
        """True when the seat sits in the draft's body and has not voted on it as it reads."""
        seat = self.player
        return (
            draft is not None
            and seat is not None
            and draft.version > 0
            and draft.id in self.world.drafts
            and bool(missing_ballots(self.world, draft.id, (seat,)))
        )

    def advice(self, draft: Draft) -> Stance:
        """The seat's own factors on ``draft`` now: what its advisers would vote (a Stance)."""
        assert self.player is not None
        return own_stance(self.world, draft, self.player)

    def expiring(self) -> list[Mission]:
        """Missions the seat sponsors whose mandate ends within ``RENEWAL_WARNING`` months and
        whose renewal is not yet before the Council."""
        seat, world = self.player, self.world
        if seat is None:
            return []
        mine = {t.id for t in world.templates if t.penholder == seat}
        renewing = {d.renews for d in world.drafts.values()}
        return [
            m
            for m in self.view.recruiting_missions()
            if m.id in mine
            and m.id not in renewing
            and 0 <= m.expires_month - world.month <= RENEWAL_WARNING
        ]

    def renewal_draft(self) -> Draft | None:
        """The renewal of the seat's first expiring mandate, as the Secretary-General's report
        suggests it (version 0: not yet tabled; its clauses may be edited before tabling)."""
        missions = self.expiring()
        if not missions or self.player is None:
            return None
        mission = missions[0]
        clauses = PragmaticPenholder(self.player).renewal(self.view, mission)
        command = TableRenewal(self.player, mission.id, clauses)
        template = self.view.template(mission.id)
        return Draft(
            command.draft_id(self.world),
            f"Renewal of {template.title}",
            self.player,
            template.body,
            clauses,
            tabled_month=self.world.month,
            patience=1,
            renews=mission.id,
            version=0,
        )

    def calendar(self, month: int | None = None) -> str:
        """The calendar month of ``month`` (default: now) when the scenario sets ``start``."""
        return calendar_month(_attr(self.scenario, "start", None), month or self.world.month)

    def month_title(self, month: int | None = None) -> str:
        """ "Month 3 (April 2011)" or "Month 3"."""
        month = month or self.world.month
        when = self.calendar(month)
        return f"Month {month} ({when})" if when else f"Month {month}"

    @property
    def awaiting(self) -> bool:
        """True when it is the player's turn."""
        return self.session.awaiting_player and not self.session.finished

    def council_draft(self) -> Draft | None:
        """The draft before the Council, or the player's next prepared draft (not yet tabled)."""
        world = self.world
        draft = self.view.draft_in(world.council)
        if draft is not None:
            return draft
        renewal = self.renewal_draft()
        if renewal is not None:
            return renewal
        if self.player is not None:
            for template in self.view.due_templates(self.player):
                return template_draft(self, template.id)
        return None

    def forecast(self, draft: Draft | None = None) -> tuple[Draft, Ballot, Tally] | None:
        """How the Council would vote on ``draft`` (default: the draft before it), cached."""
        draft = draft or self.council_draft()
        if draft is None:
            return None
        # The seat is in the key: in a hot-seat game each seat forecasts from what it knows.
        key = (
            len(self.session.engine.log),
            draft.id,
            draft.clauses,
            len(draft.side_payments),
            self.player,
        )
        if key != self._forecast_key or self._forecast is None:
            ballot, tally = self.view.forecast(draft)
            self._forecast = (draft, ballot, tally)
            self._forecast_key = key
        return self._forecast

    def leanings(self, draft: Draft) -> dict[str, str]:
        """How every member state of the scenario leans on ``draft``: yes, no or abstain.

        The same additive factors as a vote (:mod:`sim.model.stance`), read-only, with the
        ordinary abstain band on both sides (no veto band: states off the Council cast no vote
        there). Council members' forecast votes come from :meth:`forecast`, not from here.
        """
        world = self.world
        key = (len(self.session.engine.log), draft.id, draft.clauses, len(draft.side_payments))
        if self._leanings_key == key:
            return self._leanings
        ids = world.states.ids
        policy = draft_points(world, ids, [draft.clauses])[0].sum(axis=1)
        context = context_points(
            world, ids, draft.penholder, draft.side_payments, draft.endorsements
        ).sum(axis=1)
        band = int(round(world.coefficients.abstain_band * POINTS_PER_UNIT))
        totals = policy + context
        pairs = zip(ids, totals, strict=True)
        self._leanings = {a: classify(int(t), band, -band) for a, t in pairs}
        self._leanings_key = key
        return self._leanings

    def what_if(self, draft: Draft) -> tuple[Ballot, Tally]:
        """The forecast for a draft with edited clauses (not cached)."""
        return self.view.forecast(draft)

    # Acting -------------------------------------------------------------------------------

    def check(self, command: Command) -> list[str]:
        """Why the command would be refused now."""
        return self.session.check(command)

    def submit(self, command: Command) -> list[Event]:
        """Submit one of the player's commands; raises CommandRejected."""
        events = self.session.submit(command)
        self.record.submitted(len(self.session.engine.log) - 1)
        return events

    def end_turn(self) -> None:
        """The player is done for this phase."""
        if self.awaiting:
            self.session.end_turn()
            self.record.ended()

    def advise(self) -> list[Command]:
        """What the AI would do in the seat this phase (:func:`sim.model.advice.advise`)."""
        seat = self.player
        if seat is None or not self.awaiting:
            return []
        return advise(self.session, seat)

    def play_advice(self) -> list[Event]:
        """Submit the advisor's commands for this phase (those still valid) and end the turn."""
        events: list[Event] = []
        for command in self.advise():
            if not self.check(command):
                try:
                    events += self.submit(command)
                except CommandRejected:
                    continue
        self.end_turn()
        return events

    def take_notes(self) -> list[str]:
        """Lines for the message line that came from outside the window since last asked (a
        networked seat's private messages and its server's words; none in a local game)."""
        return []

    def pump(self, budget: float, max_steps: int = 1_000_000) -> int:
        """Step until the player's turn, the end, ``budget`` seconds or ``max_steps``."""
        deadline = time.perf_counter() + budget
        steps = 0
        while steps < max_steps and time.perf_counter() < deadline:
            if not self.session.step():
                break
            steps += 1
        self.steps += steps
        return steps

    # Saving -------------------------------------------------------------------------------

    def can_save(self) -> bool:
        """Saves are made between the player's actions (any time when the AI plays alone)."""
        return self.awaiting if self.player is not None else True

    def save(self, path: Path, label: str = "") -> Path:
        """Write a save atomically; returns the file written: ``path``, or for a branch its
        own file beside the original's (``NAME.branch-2.json``, see
        :mod:`sim.model.savefiles`). Raises SaveError when the game cannot be saved now."""
        save_writer().wait()  # an autosave queued before this one lands first
        return _write_save(path, self.snapshot(label))

    def save_in_background(self, path: Path, label: str = "") -> Future[Path]:
        """:meth:`save`, with only the snapshot taken now: the file is written by the save
        writer's thread (:mod:`sim.ui.savewriter`), so the frame never waits on the disk.
        Raises SaveError when the game cannot be saved now."""
        return save_writer().write(path, self.snapshot(label))

    def snapshot(self, label: str = "") -> SavedGame:
        """The save of this game now, labelled and stamped; raises SaveError when the game
        cannot be saved now."""
        if not self.can_save():
            raise SaveError("the game can be saved on your turn")
        turn = self.session.turn
        label = label or f"{self.world.title} — {self.month_title(turn.month)}"
        if self.player is None and label:
            label += " (the AI plays every seat)"
        if self.line:
            label += f" ({self.line})"
        stamp = datetime.now().isoformat(timespec="seconds")
        return self.capture(label, stamp)

    def capture(self, label: str = "", stamp: str = "") -> SavedGame:
        """This game as a save (with its line of play and its other lines)."""
        steps = self.steps if self.player is None else None
        saved = capture(
            self.session, self.record, str(self.scenario_path), self.seed, label, stamp, steps
        )
        return replace(saved, line=self.line, branched_at=self.branched_at, lines=self.lines)


def template_draft(game: Game, draft_id: str) -> Draft:
    """The prepared draft as it would stand if tabled now (a new object; version 0 = not tabled)."""
    template = game.view.template(draft_id)
    return Draft(
        template.id,
        template.title,
        template.penholder,
        template.body,
        template.clauses,
        tabled_month=game.view.month,
        patience=template.patience,
        version=0,
    )


def edited(draft: Draft, clauses: Any) -> Draft:
    """The same draft with other clauses, for what-if forecasts (the world is untouched). Every
    other field is kept — side deals, trades, endorsements, the members' reservations as far as
    they are known — so the forecast of unchanged clauses is the chamber's own."""
    return replace(draft, clauses=clauses)
