"""The scenario's objectives, one by one: status (shape, colour and word), name, and the reason.

Statuses and reasons are :func:`sim.model.objectives.report`'s, the same the command line and
the debrief data use; this module only lays them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygame

from sim.model import objectives
from sim.model.world import World
from sim.ui import theme
from sim.ui.widgets.symbols import STATUS_COLOURS, STATUS_WORDS, draw_status
from sim.ui.words import namer


@dataclass(frozen=True)
class ObjectiveRow:
    """One objective as the screens show it."""

    id: str
    name: str
    status: str
    reason: str
    definition: str
    #: The month by which it is judged (0: at the end of the game).
    by_month: int = 0
    #: Were the game to end now: ``met`` (on track) or ``failed`` (off track).
    outlook: str = ""


def readable(text: str) -> str:
    """Metric ids in a reason (``civilian_deaths is 2.00``) as words (``civilian deaths``)."""
    return re.sub(r"\b([a-z]+(?:_[a-z]+)+)\b", lambda m: m.group(1).replace("_", " "), text)


def definition(world: World, objective_id: str) -> str:
    """What the objective asks, in words (:func:`sim.model.objectives.goal_words`)."""
    return objectives.goal_words(next(o for o in world.objectives if o.id == objective_id))


def objective_rows(world: World, final: bool) -> list[ObjectiveRow]:
    """Every objective of the scenario with its status now (``final``: the game is over), and
    while the game goes on, how it would be judged were the game to end now."""
    found = {o.id: o for o in world.objectives}
    names = namer(world)
    started = bool(world.metrics.get("intensity"))
    return [
        ObjectiveRow(
            r["id"],
            r["name"],
            r["status"],
            names.text(readable(r["reason"])),
            definition(world, r["id"]),
            found[r["id"]].by_month,
            objectives.judge(world, found[r["id"]], True)[0] if started and not final else "",
        )
        for r in objectives.report(world, final)
    ]


def deadline_text(row: ObjectiveRow, month: int, warning: int) -> tuple[str, bool]:
    """How an objective stands, in words, and whether its deadline is near (a warning):
    ``("on track · month 18", False)`` (``"on track"`` when the name says "by month 18"),
    ``("off track · 2 months left!", True)``; ``met`` or ``failed`` once judged."""
    if row.status != "pending":
        return STATUS_WORDS.get(row.status, row.status).lower(), False
    track = {"met": "on track · ", "failed": "off track · "}.get(row.outlook, "")
    if not row.by_month:
        return f"{track}at the end", False
    left = row.by_month - month
    if left > warning:
        if re.search(rf"\bmonth {row.by_month}\b", row.name):
            # "… by month 18" says it already: not "month 18" again beside it.
            return track.removesuffix(" · "), False
        return f"{track}month {row.by_month}", False
    if left <= 0:
        return f"{track}judged this month!", True
    return f"{track}{left} month{'s' if left > 1 else ''} left!", True


def name_lines(text: theme.Text, row: ObjectiveRow, width: int, due: str) -> list[str]:
    """The objective's name wrapped beside its status in a tracker ``width`` pixels wide (whole:
    nothing is cut short), and a last line for ``due``, the deadline text shown now
    (:func:`deadline_text`), only when it does not fit on the right of the name's last line: no
    line is kept empty for a deadline that shows nothing (it is laid out again when it
    changes)."""
    room = width - round(18 * text.scale)
    lines = text.wrap(row.name, 13, room)
    if due:
        needed = round(8 * text.scale) + text.font(13, True).size(due)[0]
        if text.font(13).size(lines[-1])[0] + needed > room:
            lines.append("")
    return lines


def tracker_lines(
    text: theme.Text, rows: list[ObjectiveRow], width: int, when: tuple[int, int]
) -> int:
    """How many lines the tracker needs for ``rows`` at ``width`` pixels; ``when`` is (month
    now, warning months), as for :func:`draw_tracker`."""
    return sum(len(name_lines(text, row, width, deadline_text(row, *when)[0])) for row in rows)


def draw_tracker(
    surface: pygame.Surface,
    text: theme.Text,
    rows: list[ObjectiveRow],
    rect: pygame.Rect,
    scale: float,
    when: tuple[int, int],
) -> int:
    """The objectives during play: status, name (wrapped, whole), and its deadline on the right
    (in the accent colour when it is near). ``when`` is (month now, warning months). Returns
    the height used."""
    month, warning = when
    line_h = round(19 * scale)
    size = round(12 * scale)
    title = text.render("Objectives", 13, theme.MUTED, True)
    surface.blit(title, rect.topleft)
    y = rect.y + title.get_height() + round(2 * scale)
    for row in rows:
        due, near = deadline_text(row, month, warning)
        lines = name_lines(text, row, rect.width, due)
        if y + line_h * len(lines) > rect.bottom:
            break
        draw_status(surface, row.status, (rect.x + size // 2, y + line_h // 2), size)
        colour = STATUS_COLOURS.get(row.status, theme.MUTED)
        if row.status == "pending" and row.outlook:
            colour = theme.GOOD if row.outlook == "met" else theme.NO
        if near and not row.outlook:
            colour = theme.ACCENT
        right = text.render(due, 13, colour, near)
        surface.blit(right, (rect.right - right.get_width(), y + line_h * (len(lines) - 1)))
        x = rect.x + size + round(6 * scale)
        for line in lines:
            if line:
                surface.blit(text.render(line, 13, theme.TEXT), (x, y))
            y += line_h
    return y - rect.y


def tracker_height(rows: list[ObjectiveRow], scale: float, lines: int = 0) -> int:
    """The height :func:`draw_tracker` needs for ``rows`` (0 when there are none), in ``lines``
    lines when given (see :func:`tracker_lines`), else one line each."""
    return round((20 + 19 * (lines or len(rows))) * scale) if rows else 0


def draw_objectives(
    surface: pygame.Surface,
    text: theme.Text,
    rows: list[ObjectiveRow],
    rect: pygame.Rect,
    scale: float,
    show_definition: bool = False,
) -> int:
    """Draw the rows inside ``rect`` (window pixels); returns the height used."""
    if not rows:
        note = text.render("This scenario sets no objectives.", 14, theme.MUTED, italic=True)
        surface.blit(note, rect.topleft)
        return note.get_height()
    size = round(16 * scale)
    gap = round(8 * scale)
    indent = size + round(8 * scale)
    y = rect.y
    for row in rows:
        if y + size > rect.bottom:
            more = text.render("…", 14, theme.MUTED)
            surface.blit(more, (rect.x, y - round(4 * scale)))
            break
        colour = STATUS_COLOURS.get(row.status, theme.NEUTRAL)
        draw_status(surface, row.status, (rect.x + size // 2, y + size // 2 + 2), size)
        word = text.render(STATUS_WORDS.get(row.status, row.status.upper()), 14, colour, True)
        surface.blit(word, (rect.x + indent, y))
        name_x = rect.x + indent + word.get_width() + round(8 * scale)
        name = text.fit(row.name, 14, rect.right - name_x, bold=True)
        surface.blit(text.render(name, 14, theme.TEXT, True), (name_x, y))
        y += word.get_height()
        details = [row.reason]
        if show_definition:
            details.insert(0, f"Goal: {row.definition}.")
        for detail in details:
            for line in text.wrap(detail, 13, rect.width - indent)[:2]:
                if y + round(18 * scale) > rect.bottom:
                    break
                surface.blit(text.render(line, 13, theme.MUTED), (rect.x + indent, y))
                y += round(18 * scale)
        y += gap
    return y - rect.y


def objectives_height(rows: list[ObjectiveRow], scale: float, show_definition: bool) -> int:
    """A generous height for :func:`draw_objectives` (for laying out what comes below)."""
    per_row = 22 + 18 * (2 if show_definition else 1) + 8
    return round(max(1, len(rows)) * per_row * scale)
