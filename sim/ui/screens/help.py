"""The F1 overlay: how to play (how a vote is won, what this screen is for), then the keys.

The rules it states are read from the game (the Council's quota and its veto holders), so the
help cannot tell a different story than the vote.
"""

from __future__ import annotations

import pygame

from sim.ui import theme
from sim.ui.screens.base import Host

GLOBAL_KEYS = [
    ("F1", "Show or hide this help"),
    ("Tab / Shift+Tab", "Move between controls"),
    ("Enter", "Press the highlighted control (or the suggested one)"),
    ("Esc", "Back, or the menu in the chamber"),
    ("F2", "Pause or resume the game"),
    ("F5", "Quick save (on your turn)"),
]

#: What each screen is for, by the screen's name.
PURPOSES = {
    "title": "Choose a scenario to play, load a saved game, or change the settings.",
    "briefing": "The crisis, your seat, the objectives you are judged on, and what the"
    " scenario simplifies.",
    "chamber": "The Security Council: every member's forecast vote on your draft, what you can"
    " do now (the highlighted button is the suggested next step), your objectives and the news.",
    "draft": "The draft editor: change the clauses and watch the forecast vote move before you"
    " table or amend the text.",
    "consult": "Consultations: spend political capital to lobby a member on an issue, offer a"
    " side deal for its vote, or ask a regional organization to endorse your draft.",
    "profile": "A member's profile: what it cares about, whom it likes, and the factors behind"
    " its vote (the numbers are here for the curious).",
    "ballot": "Your own vote on a draft before a body you sit in, with what each choice would"
    " make of the result.",
    "vote": "A vote: the members vote one by one, then the result.",
    "news": "What happened this month, what matters first.",
    "eventlog": "Everything that has happened so far, month by month: scroll with the wheel,"
    " the arrow keys or Page Up and Page Down.",
    "theatre": "The crisis on the ground: the fighting, the missions, sanctions and charts.",
    "world": "Every member state on a world map, by how it leans on your draft.",
    "seat": "What your own state can decide: pledges of troops, forces, endorsements.",
    "peace": "Peace talks: envoys, the parties at the table and what they would sign.",
    "deciders": "Who decides on the ground: the parties and their leaders.",
    "debrief": "How it ended: your objectives, the turning points and what really happened.",
    "menu": "Save, load, settings, or leave the game.",
    "settings": "Window size, text size, vote speed and motion.",
    "load": "Saved games to resume.",
    "handover": "Hot-seat: hand the computer to the next player.",
    "messages": "Private messages in a classroom game: what your seat wrote and received, and a"
    " new one (free text, or an offer of support, a side payment or troops).",
    "teacher": "The teacher's desk: every seat at a glance and the controls of the classroom game.",
    "timeline": "Go back to an earlier month and play on as a branch; compare the lines of play.",
    "seatpick": "Choose which seats the people at this computer hold.",
}


def how_to_play(app: Host) -> list[str]:
    """Paragraphs on how to play, with the scenario's own voting rule when a game is on."""
    rule = (
        "A draft is adopted when enough members vote yes and no permanent member votes no;"
        " abstaining is not a veto."
    )
    game = app.game
    if game is not None:
        world = game.world
        body = world.bodies[world.council]
        veto = ", ".join(sorted(body.veto))
        rule = f"A draft is adopted with at least {body.quota} yes votes of {len(body.members)}" + (
            f" and no 'no' from a permanent member ({veto}): abstaining is not a veto."
            if veto
            else "."
        )
    return [
        "Your aim: the scenario's objectives, shown in the chamber with their deadlines. You act"
        " through drafts — resolutions you table in the Council and put to the vote.",
        rule,
        "To win a vote: meet members' asks by editing the draft (E), lobby them or offer side"
        " deals (C), ask regional organizations to endorse it. Each seat card shows the"
        " member's forecast vote and how firm it is.",
        "Each month has an opening, rounds of consultations and a close. End turn (Space) moves"
        " on one phase; Skip (S) moves on until something needs you.",
    ]


#: Text sizes tried for the overlay, the largest first: the first that fits the window is used.
SIZES = (17, 16, 15, 14, 13)
#: The text size and the box's height chosen for a window, screen and set of keys.
_FITTED: dict[tuple[object, ...], tuple[int, int]] = {}


def _columns(box: pygame.Rect, column: int, pad: int, foot: int) -> tuple[pygame.Rect, pygame.Rect]:
    """The overlay's two columns (how to play, the keys) inside ``box``."""
    height = box.h - foot - 2 * pad
    return (
        pygame.Rect(box.x + pad, box.y + pad, column, height),
        pygame.Rect(box.x + 2 * pad + column, box.y + pad, column, height),
    )


def draw_help(app: Host, surface: pygame.Surface) -> None:
    """Draw the help overlay over everything: how to play on the left, the keys on the right,
    every line wrapped (nothing is cut short), in the largest text that fits the window."""
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
    pad = round(24 * s)
    foot = round(34 * s)
    box = pygame.Rect(10, 10, min(round(1400 * s), app.size[0] - 20), app.size[1] - 20)
    column = (box.w - 3 * pad) // 2
    key = (app.size, s, app.screen.name, tuple(how_to_play(app)), tuple(rows))
    if key not in _FITTED:  # measured once per window, screen and keys, not every frame
        left, right = _columns(box, column, pad, foot)
        size = SIZES[-1]
        for size in SIZES:
            if _how_to_play(app, None, left, size) <= left.bottom and (
                _keys(app, None, rows, right, size) <= right.bottom
            ):
                break
        end = max(_how_to_play(app, None, left, size), _keys(app, None, rows, right, size))
        _FITTED[key] = (size, min(box.h, end - box.y + pad + foot))
    size, box.h = _FITTED[key]
    box.center = (app.size[0] // 2, app.size[1] // 2)
    pygame.draw.rect(surface, theme.PANEL, box, border_radius=round(8 * s))
    pygame.draw.rect(surface, theme.ACCENT, box, 2, border_radius=round(8 * s))
    left, right = _columns(box, column, pad, foot)
    _how_to_play(app, surface, left, size)
    _keys(app, surface, rows, right, size)
    close = text.render("F1, Esc or Enter closes this help", 13, theme.MUTED)
    surface.blit(close, close.get_rect(midbottom=(box.centerx, box.bottom - round(8 * s))))


def _how_to_play(
    app: Host, surface: pygame.Surface | None, area: pygame.Rect, size: int = 15
) -> int:
    """Draw the paragraphs on how to play in ``area`` (or only measure them, with no surface);
    returns the height they need (the y where they end)."""
    text, s = app.text, app.scale
    y = area.y
    if surface is not None:
        surface.blit(text.render("How to play", 22, theme.TEXT, True), (area.x, y))
    y += round(38 * s)
    purpose = PURPOSES.get(app.screen.name)
    paragraphs = [(p, theme.TEXT) for p in how_to_play(app)]
    if purpose:
        paragraphs.insert(0, (f"This screen — {purpose}", theme.ACCENT))
    line_h = text.font(size).get_linesize()
    for paragraph, colour in paragraphs:
        for line in text.wrap(paragraph, size, area.w):
            if surface is not None and y + line_h <= area.bottom:
                surface.blit(text.render(line, size, colour), (area.x, y))
            y += line_h
        y += round(10 * s)
    return y - round(10 * s)


def _keys(
    app: Host,
    surface: pygame.Surface | None,
    rows: list[tuple[str, str]],
    area: pygame.Rect,
    size: int = 15,
) -> int:
    """Draw the keys and what each does, wrapped beside the key (or only measure them, with no
    surface); returns the y where they end."""
    text, s = app.text, app.scale
    y = area.y
    if surface is not None:
        surface.blit(text.render("Keys", 22, theme.TEXT, True), (area.x, y))
    y += round(38 * s)
    line_h = text.font(size).get_linesize()
    gap = round(4 * s)
    key_w = max(text.font(size, True).size(key)[0] for key, _ in rows) + round(16 * s)
    for key, what in rows:
        if not key:
            if surface is not None and y + line_h <= area.bottom:
                surface.blit(text.render("On this screen", size, theme.MUTED, True), (area.x, y))
            y += line_h + gap
            continue
        lines = text.wrap(what.replace("<br>", " "), size, area.w - key_w)
        if surface is not None and y + line_h * len(lines) <= area.bottom:
            surface.blit(text.render(key, size, theme.ACCENT, True), (area.x, y))
            for n, line in enumerate(lines):
                surface.blit(text.render(line, size, theme.TEXT), (area.x + key_w, y + n * line_h))
        y += line_h * len(lines) + gap
    return y - gap
