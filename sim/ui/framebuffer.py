"""How the game's drawn frames reach the screen: SDL's plain window framebuffer on Linux.

The game draws each frame in software into the window's surface and hands it to the display
(``pygame.display.flip``). On Linux, SDL can hand that surface over in two ways: copying it into
an OpenGL texture and drawing that (its "framebuffer acceleration"), or putting it straight into
the window through X11 shared memory. With a software OpenGL (Mesa's llvmpipe: virtual machines,
remote desktops, computers without a 3D driver, Xvfb) the texture path cost 10–25 ms of every
frame at 1920x1080, whatever had changed — more than the game's own drawing — while the shared
memory path took about half a millisecond. A GPU driver makes the texture path fast, but the
shared memory path is no slower there for a game that draws in software.

So the game asks SDL for the plain framebuffer on Linux, before the window opens. A player who
sets ``SDL_FRAMEBUFFER_ACCELERATION`` themselves keeps their choice; on Windows and macOS SDL's
own default is left alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

HINT = "SDL_FRAMEBUFFER_ACCELERATION"


def prefer_plain_framebuffer(
    environ: MutableMapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """Ask SDL (through its environment hint) to present frames without OpenGL on Linux.
    Call before the window opens. Returns whether the plain framebuffer is what SDL is asked
    for (the player's own setting of the hint wins)."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return env.get(HINT, "") in ("0", "false")
    env.setdefault(HINT, "0")
    return env[HINT] in ("0", "false")
