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
    pad = round(24 * s)
    box = pygame.Rect(0, 0, min(round(1180 * s), app.size[0] - 20), app.size[1] - 20)
    box.center = (app.size[0] // 2, app.size[1] // 2)
    pygame.draw.rect(surface, theme.PANEL, box, border_radius=round(8 * s))
    pygame.draw.rect(surface, theme.ACCENT, box, 2, border_radius=round(8 * s))
    column = (box.w - 3 * pad) // 2
    bottom = box.bottom - round(34 * s)
    _how_to_play(app, surface, pygame.Rect(box.x + pad, box.y + pad, column, bottom - box.y))
    _keys(
        app,
        surface,
        rows,
        pygame.Rect(box.x + 2 * pad + column, box.y + pad, column, bottom - box.y - pad),
    )
    close = text.render("F1, Esc or Enter closes this help", 13, theme.MUTED)
    surface.blit(close, close.get_rect(midbottom=(box.centerx, box.bottom - round(8 * s))))


def _how_to_play(app: Host, surface: pygame.Surface, area: pygame.Rect) -> None:
    text, s = app.text, app.scale
    y = area.y
    surface.blit(text.render("How to play", 22, theme.TEXT, True), (area.x, y))
    y += round(38 * s)
    purpose = PURPOSES.get(app.screen.name)
    paragraphs = [(p, theme.TEXT) for p in how_to_play(app)]
    if purpose:
        paragraphs.insert(0, (f"This screen — {purpose}", theme.ACCENT))
    line_h = round(21 * s)
    for paragraph, colour in paragraphs:
        for line in text.wrap(paragraph, 15, area.w):
            if y + line_h > area.bottom:
                return
            surface.blit(text.render(line, 15, colour), (area.x, y))
            y += line_h
        y += round(10 * s)


def _keys(
    app: Host, surface: pygame.Surface, rows: list[tuple[str, str]], area: pygame.Rect
) -> None:
    text, s = app.text, app.scale
    y = area.y
    surface.blit(text.render("Keys", 22, theme.TEXT, True), (area.x, y))
    y += round(38 * s)
    line_h = round(23 * s)
    key_w = round(150 * s)
    for key, what in rows:
        if y + line_h > area.bottom:
            break
        if not key:
            surface.blit(text.render("On this screen", 15, theme.MUTED, True), (area.x, y))
            y += line_h
            continue
        surface.blit(text.render(key, 15, theme.ACCENT, True), (area.x, y))
        label = text.fit(what.replace("<br>", " "), 15, area.w - key_w)
        surface.blit(text.render(label, 15, theme.TEXT), (area.x + key_w, y))
        y += line_h
