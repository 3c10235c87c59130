"""What keeps frames short must not change what the player gets: consultations change their
buttons in place (and they still send what they say), the chamber's remembered seat cards look
like cards drawn afresh, the remembered scenario plays the same game as the file, the profile's
flips arrive a frame late but are the same, and the autosave written in the background is whole,
reads back, and is on disk before the window closes."""

from __future__ import annotations

import threading
from pathlib import Path

import pygame
import pytest

import sim.ui.savewriter as savewriter
from sim.devtools.driver import Driver
from sim.model.engine import Engine
from sim.model.flips import vote_flips
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.savefiles import read_save
from sim.model.saves import SavedGame
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.ui.game import AUTOSAVE, Game, read_scenario
from sim.ui.savewriter import save_writer
from sim.ui.screens import chamber as chamber_module
from sim.ui.settings import saves_dir

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"


def test_consultation_buttons_change_in_place_and_send_what_they_say(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_t)  # table the draft: side deals and endorsements need a tabled draft
    d.key(pygame.K_c)
    assert d.screen() == "consult"
    screen = d.app.screen
    lobby = d.button("Lobby ")
    made = set(map(id, d.buttons()))
    d.click(d.button("Dravia"))
    d.click(d.button("Foreign presence"))
    d.click(d.button("+"))  # 1.5 capital
    assert set(map(id, d.buttons())) == made, "choosing rebuilt the buttons"
    assert d.button("Dravia").get_object_ids()[-1] == "#toggle_on"
    assert d.button("Borelia").get_object_ids()[-1] is None
    assert lobby.text == "Lobby Dravia on foreign presence (1 capital)"
    assert d.button("Profile of Dravia")
    # F1 help names what the button does now.
    assert ("L", f"{lobby.text}: {screen.bindings[lobby].tip}") in screen.help()
    d.key(pygame.K_o)  # the side deal goes to the member chosen, with the amount chosen
    draft = game.council_draft()
    assert draft is not None and draft.side_payments.get("DRV") == pytest.approx(1.5)
    events = len(game.world.events)
    d.click(lobby)
    said = [e.text for e in game.world.events[events:]]
    assert any("DRV" in t or "Dravia" in t for t in said), said
    assert any("foreign presence" in t.lower() for t in said), said
    events = len(game.world.events)
    d.click(d.button("Ask the Continental Union"))
    assert [e.kind for e in game.world.events[events:]] == ["endorsement"]
    assert "Continental Union" in d.button("Ask the Continental Union").text
    d.key(pygame.K_p)
    assert d.screen() == "profile" and d.app.screen.actor == "DRV"  # type: ignore[attr-defined]


def test_remembered_seat_cards_look_like_cards_drawn_afresh(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_t)  # the forecast moves: some cards change
    d.frames(2)
    cached = d.app.window.copy()
    chamber_module._CARDS.clear()
    d.app.screen.table = None  # type: ignore[attr-defined]
    d.frames(1)
    assert pygame.image.tobytes(d.app.window, "RGB") == pygame.image.tobytes(cached, "RGB")


def test_a_remembered_scenario_plays_the_game_of_the_file(tmp_path: Path) -> None:
    first = Game.new(TUTORIAL, 11)
    for _ in range(3):  # a game played first must not change the scenario the next one reads
        first.session.run_until_player()
        first.play_advice()
    again = Game.new(TUTORIAL, 11)
    assert again.scenario is first.scenario  # read once
    engine = Engine(build_world(load_scenario(TUTORIAL), 11))
    direct = Session(engine, default_agents(engine), player=again.player)
    for session in (again.session, direct):
        for _ in range(3):
            session.run_until_player()
            session.end_turn()
    assert state_hash(again.world) == state_hash(engine.world)
    # An edited file is read afresh.
    (tmp_path / "maps").mkdir()
    for picture in (TUTORIAL.parent / "maps").glob("kalvaria*.png"):
        (tmp_path / "maps" / picture.name).write_bytes(picture.read_bytes())
    copy = tmp_path / "tutorial.toml"
    copy.write_text(TUTORIAL.read_text(encoding="utf-8"), encoding="utf-8")
    before = read_scenario(copy)
    copy.write_text(
        TUTORIAL.read_text(encoding="utf-8").replace('title = "', 'title = "Edited: ', 1),
        encoding="utf-8",
    )
    after = read_scenario(copy)
    assert after.title == "Edited: " + before.title


def test_the_profile_shows_the_flips_a_frame_later_and_the_same(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_t)
    seat = next(b for b in d.buttons() if "CAL" in (b.tool_tip_text or ""))
    d.click(seat, frames=2)  # the press arrives as an event the frame after the release
    screen = d.app.screen
    assert screen.name == "profile"
    assert screen.shown_flips() is None  # type: ignore[attr-defined]  # its build frame
    d.frames(2)
    found = screen.shown_flips()  # type: ignore[attr-defined]
    draft = game.council_draft()
    assert found is not None and draft is not None
    every = vote_flips(game.world, draft, game.view.original_clauses(draft), observer=game.player)
    assert found[0] == every["CAL"]
    d.key(pygame.K_RIGHT)  # the next member: worked out again, for that member
    d.frames(2)
    again = screen.shown_flips()  # type: ignore[attr-defined]
    assert again is not None and again[0] == every[screen.actor]  # type: ignore[attr-defined]


def test_a_save_written_in_the_background_is_whole_and_reads_back(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    path = saves_dir() / "background.json"
    job = game.save_in_background(path, label="Background")
    assert job.result() == path
    saved = read_save(path)
    assert saved.label == "Background" and saved.state_hash == state_hash(game.world)
    assert saved.commands == game.capture().commands
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    resumed = Game.load(path)
    assert state_hash(resumed.world) == state_hash(game.world)


def test_no_autosave_is_lost_when_the_window_closes(
    chamber: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    release = threading.Event()
    real = savewriter.write_save

    def slow(path: Path, save: SavedGame) -> Path:
        release.wait(5)  # the disk is busy: the write is still going when the window closes
        return real(path, save)

    monkeypatch.setattr(savewriter, "write_save", slow)
    autosave = saves_dir() / AUTOSAVE
    first = autosave.read_bytes()  # month 1, written when the game began
    for _ in range(400):  # into month 2, without waiting for the writer
        if game.world.month >= 2 and game.awaiting and d.screen() == "chamber":
            break
        key = pygame.K_RETURN if d.screen() in ("vote", "news") else pygame.K_a
        for event in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(event, key=key, mod=0, unicode="", scancode=0))
        for _ in range(2):
            d.app.frame(1 / 60)
    d.app.frame(1 / 60)  # the month-2 autosave is queued
    assert save_writer().pending == 1 and autosave.read_bytes() == first
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    threading.Timer(0.2, release.set).start()
    d.app.run()  # the window closes: it waits for the write
    assert read_save(autosave).turn.month == 2


def test_parts_made_on_later_frames_keep_their_place_in_the_tab_order(chamber: Driver) -> None:
    d = chamber
    d.key(pygame.K_t)
    d.key(pygame.K_e)
    assert d.screen() == "draft" and d.app.screen.pending  # sanctions and demands still to come
    assert d.settle()
    ring = d.app.screen.ring
    tops = [b.rect.top for b in ring]
    assert tops == sorted(tops), [b.text for b in ring]  # top to bottom, as laid out
    assert {"on government", "on NLF"} <= {b.text for b in ring}
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_c)
    assert d.screen() == "consult" and d.app.screen.pending
    assert d.settle()
    texts = [b.text for b in d.app.screen.ring]
    asks = next(n for n, t in enumerate(texts) if t.startswith("Ask the Continental Union"))
    assert (
        texts.index("Trade votes") < asks < texts.index("Back") < texts.index("Profile of Borelia")
    )
