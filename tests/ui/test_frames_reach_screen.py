"""How frames reach the screen: the plain framebuffer on Linux, replays below the game."""

from __future__ import annotations

import os

import pytest

from sim.ui.background import BELOW_THE_GAME, Offloaded
from sim.ui.framebuffer import HINT, prefer_plain_framebuffer


def test_linux_asks_sdl_for_the_plain_framebuffer() -> None:
    env: dict[str, str] = {}
    assert prefer_plain_framebuffer(env, "linux")
    assert env[HINT] == "0"


def test_a_players_own_choice_of_framebuffer_is_kept() -> None:
    env = {HINT: "1"}
    assert not prefer_plain_framebuffer(env, "linux")
    assert env == {HINT: "1"}


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_keep_sdls_own_default(platform: str) -> None:
    env: dict[str, str] = {}
    assert not prefer_plain_framebuffer(env, platform)
    assert env == {}


@pytest.mark.skipif(not hasattr(os, "nice"), reason="the system has no process niceness")
def test_the_debriefs_replays_run_below_the_games_priority() -> None:
    work = Offloaded(os.nice, 0)  # in the work's process: its own niceness
    assert work.wait(60.0), work.failed
    assert work.result == min(19, os.nice(0) + BELOW_THE_GAME)
