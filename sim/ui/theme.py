"""Look of the game: the pygame_gui theme (assets/theme.json, scaled), fonts, palette, text cache.

Colours follow the Okabe–Ito palette, which stays distinguishable under the common kinds of
colour blindness; every colour that carries meaning is paired with a shape and a word.
"""

from __future__ import annotations

import copy
import json
from collections import OrderedDict
from typing import Any

import pygame

from sim.bundled import assets_dir

ASSETS = assets_dir()
FONTS = ASSETS / "fonts"
FONT_FILES = {
    "regular": FONTS / "NotoSans-Regular.ttf",
    "bold": FONTS / "NotoSans-Bold.ttf",
    "italic": FONTS / "NotoSans-Italic.ttf",
    "bold_italic": FONTS / "NotoSans-BoldItalic.ttf",
}

BG = (18, 23, 30)
PANEL = (27, 34, 43)
PANEL_EDGE = (74, 88, 104)
TEXT = (232, 237, 242)
MUTED = (160, 172, 186)
DIM = (110, 122, 136)

# Okabe–Ito: yes blue, no vermillion, abstain yellow, veto threat reddish purple.
YES = (86, 180, 233)
NO = (213, 94, 0)
ABSTAIN = (240, 228, 66)
VETO = (204, 121, 167)
NEUTRAL = (120, 130, 142)
GOOD = (0, 158, 115)
ACCENT = (240, 228, 66)
SERIES = ["#56B4E9", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#0072B2", "#F0E442"]


def theme_data(scale: float) -> dict[str, Any]:
    """assets/theme.json with font sizes multiplied by ``scale`` and our font files named."""
    data: dict[str, Any] = json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for block in data.values():
        font = block.get("font")
        if isinstance(font, dict):
            font["size"] = str(max(8, round(int(font.get("size", 15)) * scale)))
            if font.get("name") == "noto_sans":
                font["regular_path"] = str(FONT_FILES["regular"])
                font["bold_path"] = str(FONT_FILES["bold"])
                font["italic_path"] = str(FONT_FILES["italic"])
                font["bold_italic_path"] = str(FONT_FILES["bold_italic"])
        misc = block.get("misc")
        if isinstance(misc, dict):
            for key in ("shape_corner_radius", "text_horiz_alignment_padding"):
                if key in misc:
                    misc[key] = str(round(int(misc[key]) * scale))
    return data


class Text:
    """Fonts by size and weight, and a cache of rendered text surfaces (rendering is costly)."""

    def __init__(self, scale: float, capacity: int = 2048) -> None:
        self.scale = scale
        self._fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self._cache: OrderedDict[tuple[Any, ...], pygame.Surface] = OrderedDict()
        self._capacity = capacity

    def font(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        """A font of ``size`` base points (scaled)."""
        px = max(8, round(size * self.scale))
        key = (px, bold, italic)
        if key not in self._fonts:
            style = ("bold_italic" if italic else "bold") if bold else "italic" if italic else ""
            self._fonts[key] = pygame.font.Font(FONT_FILES[style or "regular"], px)
        return self._fonts[key]

    def render(
        self,
        text: str,
        size: int = 15,
        colour: tuple[int, int, int] = TEXT,
        bold: bool = False,
        italic: bool = False,
    ) -> pygame.Surface:
        """A cached antialiased surface of one line of text."""
        key = (text, size, colour, bold, italic)
        surface = self._cache.get(key)
        if surface is None:
            surface = self.font(size, bold, italic).render(text, True, colour)
            self._cache[key] = surface
            if len(self._cache) > self._capacity:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return surface

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """``text`` shortened with an ellipsis to fit ``width`` pixels."""
        font = self.font(size, bold)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text + "…"

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Lines of ``text`` that fit ``width`` pixels."""
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                trial = f"{line} {word}".strip()
                if font.size(trial)[0] <= width or not line:
                    line = trial
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        return lines
