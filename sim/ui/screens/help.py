"""The F1 overlay: global keys and the current screen's shortcuts."""

from __future__ import annotations

import pygame

from sim.ui import theme
from sim.ui.screens.base import Host

GLOBAL_KEYS = [
    ("F1", "Show or hide this help"),
    ("Tab / Shift+Tab", "Move between controls"),
    ("Enter", "Press the highlighted control (or the main one)"),
    ("Esc", "Back, or the menu in the chamber"),
    ("F2", "Pause or resume the game"),
    ("F5", "Quick save (on your turn)"),
]


def draw_help(app: Host, surface: pygame.Surface) -> None:
    """Draw the help overlay over everything."""
    text = app.text
    s = app.scale
    shade = pygame.Surface(app.size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, 190))
    surface.blit(shade, (0, 0))
    keys = GLOBAL_KEYS
    if app.designer:
        keys = [k for k in keys if k[0] != "F5"] + [
            ("F5", "Designer: reload the scenario file (keeps the month if it still fits)")
        ]
    rows = keys + [("", "")] + [(k, v) for k, v in app.screen.help()]
    width = round(820 * s)
    line_h = round(24 * s)
    height = round(90 * s) + line_h * len(rows)
    box = pygame.Rect(0, 0, width, min(height, app.size[1] - 20))
    box.center = (app.size[0] // 2, app.size[1] // 2)
    pygame.draw.rect(surface, theme.PANEL, box, border_radius=round(8 * s))
    pygame.draw.rect(surface, theme.ACCENT, box, 2, border_radius=round(8 * s))
    x, y = box.x + round(24 * s), box.y + round(18 * s)
    surface.blit(text.render("Keys", 22, theme.TEXT, True), (x, y))
    y += round(40 * s)
    for key, what in rows:
        if y > box.bottom - line_h - round(24 * s):
            break
        if not key:
            y += line_h // 2
            surface.blit(text.render("On this screen", 15, theme.MUTED, True), (x, y - line_h // 2))
            y += line_h // 2
            continue
        surface.blit(text.render(key, 15, theme.ACCENT, True), (x, y))
        label = text.fit(what.replace("<br>", " "), 15, width - round(230 * s))
        surface.blit(text.render(label, 15, theme.TEXT), (x + round(190 * s), y))
        y += line_h
    close = text.render("F1, Esc or Enter closes this help", 13, theme.MUTED)
    surface.blit(close, close.get_rect(midbottom=(box.centerx, box.bottom - round(8 * s))))
