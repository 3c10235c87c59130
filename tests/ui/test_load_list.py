"""The load screen lists the saves as the whole files say, without reading each command log: the
same labels and dates, newest first, every save a button in the Tab ring before Back; a save cut
short is listed as unreadable, and one broken inside is refused with a clear message on Load."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until
from sim.model.saves import HEAD_BYTES, list_save_files, save_label
from sim.ui.screens.load import MAX_LISTED, readable_save
from sim.ui.settings import saves_dir


def _saves_of_a_game(d: Driver) -> Path:
    """A quick save of the tutorial in its fifth month (and its autosave); the game's menu
    open."""
    d.take_seat()
    play_until(d, lambda: d.app.game is not None and d.app.game.world.month >= 5)
    d.key(pygame.K_F5)
    d.key(pygame.K_ESCAPE)
    assert d.screen() == "menu"
    folder = saves_dir()
    assert (folder / "quicksave.json").is_file()
    return folder


def _write(path: Path, text: str, age: int) -> None:
    """A file of the saves folder, ``age`` seconds old (the list is newest first)."""
    path.write_text(text, encoding="utf-8")
    when = 1_700_000_000 - age
    os.utime(path, (when, when))


def test_the_list_says_what_the_whole_files_say_and_refuses_broken_ones(
    driver: Driver,
) -> None:
    d = driver
    folder = _saves_of_a_game(d)
    saved = (folder / "quicksave.json").read_text(encoding="utf-8")
    data = json.loads(saved)
    assert len(saved) > HEAD_BYTES, "a save is longer than the part the list reads"
    for n in range(5):
        _write(folder / f"game{n}.json", saved.replace(data["label"], f"Game {n}"), age=10 + n)
    # Its fields in another order: the label comes after the command log.
    _write(folder / "reordered.json", json.dumps(dict(reversed(data.items()))), age=20)
    _write(folder / "cut.json", saved[: len(saved) // 2], age=1)
    inside = saved.rindex("\n ]")  # the end of the command log, after the label and date
    _write(folder / "broken.json", saved[:inside] + "]]]" + saved[inside:], age=2)
    for name in ("quicksave.json", "autosave.json"):
        os.utime(folder / name, (1_600_000_000, 1_600_000_000))

    listed = list_save_files(folder, MAX_LISTED)
    names = [path.name for path, _ in listed]
    assert names == [
        "cut.json",
        "broken.json",
        *(f"game{n}.json" for n in range(5)),
        "reordered.json",
        "quicksave.json",
    ]
    labels = dict((path.name, label) for path, label in listed)
    assert labels["cut.json"] == "cut.json (unreadable)"
    for name in ("reordered.json", "quicksave.json", *(f"game{n}.json" for n in range(3))):
        whole = json.loads((folder / name).read_text(encoding="utf-8"))
        assert (
            labels[name] == f"{whole['label']} · {whole['saved_at']}" == save_label(folder / name)
        )

    d.click(d.button("Load a saved game"))
    assert d.screen() == "load"
    assert d.settle(), "the load screen never made all its buttons"
    shown = [b.text for b in d.app.screen.ring]
    assert shown == [readable_save(label) for _, label in listed] + ["Back"]

    d.click(d.button(readable_save(labels["broken.json"])))
    assert d.screen() == "load", "a broken save is not loaded"
    assert d.app.message.startswith("Cannot load broken.json:")
    assert "not JSON" in d.app.message

    d.key(pygame.K_9)  # the ninth save: the quick save itself loads
    assert d.screen() == "chamber"
    assert d.app.game is not None and d.app.game.world.month == 5
