"""The theatre's left panel in words and bars: the fighting, the host's consent, the parties,
the missions and their contingents, the sanctions and the mandates in force.

Drawn once per change of the world onto a tall surface that the theatre screen scrolls. Scores
are words and bars here (no index to two decimals); the numbers stay in the profile and in
``mandate run --json``. Ids become names (:mod:`sim.ui.words`): a mission is its resolution's
title or its organization's force, a contributor its state's name.
"""

from __future__ import annotations

import pygame

from sim.model.names import clauses_words
from sim.model.words import phase_words, task_words
from sim.model.world import PERSONNEL, Contingent, Mission, World
from sim.ui import theme
from sim.ui.game import Game
from sim.ui.words import intensity_word, namer, patrons_words

KIND_WORDS = {"un": "UN mission", "regional": "regional force", "hybrid": "hybrid mission"}

__all__ = ["Panel", "consent_words", "draw_theatre_panel", "mission_title", "phase_words"]


def share_word(share: float) -> str:
    """How much of a whole is left, in a word ("all", "most", "half", "some", "little")."""
    for limit, word in ((0.15, "little"), (0.4, "some"), (0.6, "half"), (0.9, "most")):
        if share < limit:
            return word
    return "all"


def consent_words(game: Game) -> tuple[str, tuple[int, int, int]]:
    """The host government's consent as a sentence (and its colour): how near its grievance
    is to the point where it withdraws consent, in words (the gauge under it shows how far);
    whether it withdrew consent or never gave it (Libya, 2011)."""
    view = game.view
    if not view.host_consent:
        if any(v > 0 for v in game.world.metrics.get("host_consent", [])):
            return "The host government has WITHDRAWN its consent: missions must leave.", theme.NO
        never = "The government has never consented to a foreign presence: no mission can deploy."
        return never, theme.NO
    share = view.host_grievance() / max(1e-9, view.consent_tolerance())
    if share < 0.5:
        mood = "its grievance against the Council's measures is far from the breaking point"
    elif share < 0.8:
        mood = "its grievance against the Council's measures is growing"
    else:
        mood = "its grievance is close to the point where it withdraws consent"
    return f"The host government consents to the missions; {mood}.", theme.GOOD


class Panel:
    """Draws lines and bars top to bottom on a tall surface."""

    def __init__(self, text: theme.Text, width: int, scale: float) -> None:
        self.text = text
        self.width = width
        self.scale = scale
        self.surface = pygame.Surface((width, round(1200 * scale)), pygame.SRCALPHA)
        self.y = 0

    def s(self, v: float) -> int:
        return round(v * self.scale)

    def room(self, height: int) -> None:
        """Make the surface tall enough for ``height`` more pixels (it starts short and doubles:
        clearing one very tall transparent surface cost more than drawing the panel)."""
        if self.y + height <= self.surface.get_height():
            return
        taller = pygame.Surface(
            (self.width, max(2 * self.surface.get_height(), self.y + height)), pygame.SRCALPHA
        )
        taller.blit(self.surface, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)  # an exact copy
        self.surface = taller

    def heading(self, words: str) -> None:
        self.y += self.s(8)
        surf = self.text.render(words, 17, theme.TEXT, True)
        self.room(surf.get_height() + self.s(4))
        self.surface.blit(surf, (0, self.y))
        self.y += surf.get_height() + self.s(4)

    def line(
        self,
        words: str,
        size: int = 14,
        colour: tuple[int, int, int] = theme.TEXT,
        bold: bool = False,
        indent: int = 0,
        lines: int = 3,
    ) -> None:
        x = self.s(indent)
        for part in self.text.wrap(words, size, self.width - x, bold)[:lines]:
            surf = self.text.render(part, size, colour, bold)
            self.room(surf.get_height())
            self.surface.blit(surf, (x, self.y))
            self.y += surf.get_height()

    def _frame(self, label: str, indent: int = 12) -> pygame.Rect:
        """A bar's label and empty frame; returns the frame."""
        s = self.s
        self.room(s(22))
        self.surface.blit(self.text.render(label, 14, theme.TEXT), (s(indent), self.y))
        rect = pygame.Rect(s(indent) + s(86), self.y + s(4), s(220), s(14))
        pygame.draw.rect(self.surface, theme.PANEL_EDGE, rect, 1)
        return rect

    def gauge(self, label: str, share: float, words: str, colour: str, indent: int = 12) -> None:
        """``Fighting ██████░░░░ heavy``: a share of a whole as a bar and a word, no figure."""
        rect = self._frame(label, indent)
        filled = round(rect.w * max(0.0, min(1.0, share)))
        pygame.draw.rect(self.surface, pygame.Color(colour), (rect.x, rect.y, filled, rect.h))
        said = self.text.render(words, 13, theme.MUTED)
        self.surface.blit(said, (rect.right + self.s(8), self.y + self.s(1)))
        self.y += self.s(22)

    def bar(self, label: str, value: int, ceiling: int, coming: int, colour: str) -> None:
        """``Troops ███████░░░ 6,565 of 10,000 (+1,200 on the way)``."""
        rect = self._frame(label)
        x, top, w, h = rect
        if ceiling > 0:
            filled = round(w * min(1.0, value / ceiling))
            pipe = round(w * min(1.0, (value + coming) / ceiling)) - filled
            pygame.draw.rect(self.surface, pygame.Color(colour), (x, top, filled, h))
            if pipe > 0:
                # On the way: hatched, so it reads without colour too.
                for dx in range(0, pipe, self.s(5)):
                    pygame.draw.line(
                        self.surface,
                        pygame.Color(colour),
                        (x + filled + dx, top + h - 1),
                        (x + filled + min(pipe, dx + h), top),
                        1,
                    )
            share = f"{value / ceiling:.0%}"
        else:
            share = "no ceiling"
        figures = f"{value:,} of {ceiling:,} ({share})"
        if coming:
            figures += f", +{coming:,} on the way"
        said = self.text.render(figures, 13, theme.MUTED)
        self.surface.blit(said, (rect.right + self.s(8), self.y + self.s(1)))
        self.y += self.s(22)

    def done(self) -> pygame.Surface:
        self.room(self.s(10))
        return self.surface.subsurface((0, 0, self.width, max(1, self.y + self.s(10)))).copy()


def until_words(world: World, month: int) -> str:
    """When something in force ends, in words: "until month 13", or "for the rest of the game"
    when that month is past the game's last (Libya's 12-month embargo in a 9-month game)."""
    return f"until month {month}" if month <= world.months else "for the rest of the game"


def mission_title(world: World, mission: Mission) -> str:
    """``UNAMIR — UN mission, Chapter VI, months 2–13`` (from month 2 on, when its mandate
    outlasts the game); ``The UN mission in Kalvaria — Chapter VII, …`` when its name says
    what it is."""
    kind = KIND_WORDS.get(mission.kind, mission.kind)
    if mission.kind != "un" and mission.authority in world.organizations:
        kind += f" of the {world.organizations[mission.authority].name}"
    state = ", withdrawing" if mission.withdrawing else ""
    if mission.expires_month <= world.months:
        months = f"months {mission.start_month}–{mission.expires_month}"
    else:
        months = f"from month {mission.start_month} on"
    name = namer(world).mission(mission.id)
    what = "" if kind.lower() in name.lower() else f"{kind}, "
    return f"{name[0].upper()}{name[1:]} — {what}Chapter {mission.chapter}, {months}{state}"


def draw_missions(panel: Panel, world: World) -> None:
    """Every mission in the theatre: its title, tasks, strength and contingents."""
    missions = world.active_missions()
    panel.heading(f"Missions ({len(missions)})")
    if not missions:
        panel.line("No mission is in the theatre.", 14, theme.MUTED)
    for mission in missions:
        panel.line(mission_title(world, mission), 14, theme.TEXT, True)
        if mission.tasks:
            tasks = ", ".join(map(task_words, mission.tasks))
            panel.line(f"Tasks: {tasks}", 13, theme.MUTED, indent=12, lines=2)
        draw_strength(panel, mission)
        draw_contingents(panel, world, mission)
        panel.y += panel.s(6)


def draw_strength(panel: Panel, mission: Mission) -> None:
    """One bar per kind of personnel: deployed and on the way against the ceiling."""
    for n, kind in enumerate(PERSONNEL):
        ceiling = mission.ceilings.get(kind, 0)
        value, coming = mission.strength(kind), mission.pipeline(kind)
        if ceiling or value or coming:
            panel.bar(kind.capitalize(), value, ceiling, coming, theme.SERIES[n])


def draw_contingents(panel: Panel, world: World, mission: Mission) -> None:
    """Each contributor's contingent: deployed, on the way (from when), killed, withdrawing."""
    contingents = sorted(mission.contingents, key=lambda c: (c.contributor, c.kind))
    contingents = [c for c in contingents if c.deployed or c.arriving or c.fatalities]
    if contingents:
        panel.line("Contingents: deployed · on the way · killed", 13, theme.MUTED, indent=12)
    for c in contingents:
        panel.line(
            contingent_line(world, c),
            13,
            theme.NO if c.withdrawing else theme.TEXT,
            indent=24,
            lines=2,
        )


def contingent_line(world: World, c: Contingent) -> str:
    """``Ghana, troops: 850 · 200 (from month 5) · 3 killed``."""
    name = namer(world).name(c.contributor)
    coming = sum(size for _, size in c.arriving)
    first = min((month for month, _ in c.arriving), default=0)
    when = f" (from month {first})" if coming else ""
    state = " — WITHDRAWING" if c.withdrawing else ""
    return f"{name}, {c.kind}: {c.deployed:,} · {coming:,}{when} · {c.fatalities:,} killed{state}"


def draw_sanctions(panel: Panel, world: World) -> None:
    """The sanctions in force, by target, with the share of its means they cut."""
    live = [e for e in world.sanctions if not e.ended]
    panel.heading(f"Sanctions in force ({len(live)})")
    if not live:
        panel.line("None.", 14, theme.MUTED)
    by_target: dict[str, list[str]] = {}
    for e in live:
        measure = e.kind.replace("_", " ")
        loss = sum(e.losses) / len(e.losses) if e.losses else 0.0
        conceded = ", the target conceded" if e.conceded else ""
        by_target.setdefault(e.target, []).append(
            f"{measure} since month {e.start_month}, {until_words(world, e.end_month)} (means"
            f" cut by {loss:.0%} on average{conceded})"
        )
    names = namer(world)
    for target, measures in by_target.items():
        try:
            party = world.theatre.party(target)
            name = party.name
            patrons = patrons_words([names.name(p) for p in party.patrons])
        except StopIteration:
            name, patrons = names.name(target), ""
        panel.line(f"On {name}{patrons}:", 14, theme.TEXT, True)
        for m in measures:
            panel.line("• " + m, 13, theme.TEXT, indent=12, lines=2)


def draw_situation(panel: Panel, game: Game) -> None:
    """The phase and the fighting, the host's consent, and each party's means to fight."""
    world = game.world
    theatre = world.theatre
    names = namer(world)
    panel.line(f"The theatre is {phase_words(theatre.phase, theatre.intensity)}.", 14)
    word = intensity_word(theatre.intensity)
    panel.gauge(
        "Fighting",
        theatre.intensity,
        f"{word} (empty: calm, full: all-out war)",
        theme.SERIES[1],
        indent=0,
    )
    consent, colour = consent_words(game)
    panel.line(consent, 14, colour, True)
    if game.view.host_consent:
        share = game.view.host_grievance() / max(1e-9, game.view.consent_tolerance())
        word = "none" if share < 0.05 else "low" if share < 0.5 else "growing"
        word = word if share < 0.8 else "near the limit"
        panel.gauge(
            "Grievance", share, f"{word} (full: consent withdrawn)", theme.SERIES[3], indent=0
        )
    panel.heading("Parties")
    for party in theatre.parties:
        means = theatre.resources.get(party.id, party.strength)
        share = means / party.strength if party.strength > 0 else 0.0
        patrons = patrons_words([names.name(p) for p in party.patrons])
        panel.line(
            f"{party.name} ({party.kind.replace('_', ' ')}){patrons}", 13, indent=12, lines=2
        )
        panel.gauge(
            "Means", share, f"{share_word(share)} of its means to fight", theme.SERIES[0], indent=24
        )


def draw_theatre_panel(game: Game, text: theme.Text, width: int, scale: float) -> pygame.Surface:
    """Everything on the left of the theatre screen, as one tall surface."""
    world = game.world
    panel = Panel(text, width, scale)
    draw_situation(panel, game)
    draw_missions(panel, world)
    draw_sanctions(panel, world)
    panel.heading("Mandates in force")
    in_force = world.resolutions_in_force()
    if not in_force:
        panel.line("None.", 14, theme.MUTED)
    names = namer(world)
    for res in in_force:
        until = until_words(world, res.expires_month)
        panel.line(f"{names.name(res.draft)}, {until}", 14, theme.TEXT, True)
        panel.line(clauses_words(world, res.clauses), 13, theme.MUTED, indent=12, lines=4)
    return panel.done()
