"""Draft editor: clauses as controls, with the whip count recomputed on every edit.

The forecast is the model's own (:meth:`WorldView.forecast` on a copy of the draft with the
edited clauses); nothing changes in the world until the player tables or amends, which submits
``TableDraft`` or ``AmendDraft`` with the clauses.
"""

from __future__ import annotations

from collections.abc import Iterable

import pygame
from pygame_gui.elements import UIButton

from sim.model.commands import AmendDraft, TableDraft, TableRenewal
from sim.model.drafts import (
    BUILTIN_TASKS,
    CLAUSE_NUMBERS,
    SANCTION_KINDS,
    Clauses,
    Draft,
    Sanction,
)
from sim.model.initiatives import ProposeAmendment
from sim.model.names import draft_title
from sim.model.stance import Ballot
from sim.model.voting import Tally
from sim.ui import theme
from sim.ui.game import edited
from sim.ui.guidance import table_command
from sim.ui.room import room, type_factor, zoomed
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import verdict
from sim.ui.widgets.seats import BAR_FULL_POINTS, seats
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol
from sim.ui.words import namer, party_label


def nice(word: str) -> str:
    """``protection_of_civilians`` → ``Protection of civilians``."""
    text = word.replace("_", " ").capitalize()
    return {"Ddr": "Disarmament (DDR)"}.get(text, text)


class DraftScreen(Screen):
    """Edit the clauses of the player's draft."""

    name = "draft"

    def __init__(self, app: Host, draft: Draft) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.draft = draft
        self.clauses: Clauses = draft.clauses
        self._forecast: tuple[Clauses, Ballot, Tally] | None = None
        self._before: Ballot | None = None
        #: Room to spare in a large window (:func:`sim.ui.room.room`): the rows of clauses
        #: spread by it, the columns, buttons and type grow by :attr:`grow`.
        self.spare = 1.0
        self.grow = 1.0

    def forecast(self) -> tuple[Ballot, Tally]:
        if self._forecast is None or self._forecast[0] != self.clauses:
            ballot, tally = self.game.what_if(edited(self.draft, self.clauses))
            self._forecast = (self.clauses, ballot, tally)
        return self._forecast[1], self._forecast[2]

    # Vocabulary of this scenario.

    def tasks(self) -> list[str]:
        extra = list(getattr(getattr(self.game.scenario, "clauses", None), "tasks", []) or [])
        return list(dict.fromkeys([*BUILTIN_TASKS, *extra, *self.draft.clauses.tasks]))

    def demands(self) -> list[str]:
        extra = list(getattr(getattr(self.game.scenario, "clauses", None), "demands", []) or [])
        return list(dict.fromkeys([*extra, *self.draft.clauses.demands]))

    def parties(self) -> list[str]:
        return [p.id for p in self.game.world.theatre.parties]

    def party_word(self, party: str) -> str:
        """A party as a button says it: "gov" → "government", "nlf" → "NLF" (the full name in
        its tooltip)."""
        found = self.game.world.theatre.party(party)
        return party_label(found.id, found.kind, found.name).removeprefix("the ")

    def numbers(self) -> list[str]:
        return list(CLAUSE_NUMBERS.names())

    # Layout.

    def unit(self) -> float:
        """A column of the clause controls (logical pixels): 240 up to a 1280-wide window, wider
        in a wider one (to 330, more where the type grows), so a large window is used, not left
        half empty; the whip count beside them keeps room for its type first."""
        return max(240.0, min(330.0 * self.grow, (self.W - 110 - 560 * self.grow) / 3))

    @property
    def pitch(self) -> float:
        """From one row of clause buttons to the next (logical pixels)."""
        return 42 * self.spare

    @property
    def tall(self) -> float:
        """A clause button's height (logical pixels): the same in any window (a larger button
        costs more to draw on entering; the rows spread instead, by :attr:`pitch`)."""
        return 36

    @property
    def heading(self) -> float:
        """A section's heading, from its top to its first row (logical pixels)."""
        return 24 * self.grow

    def build(self) -> None:
        c = self.clauses
        self.spare = room(self.W, self.H)
        self.grow = type_factor(self.spare)
        x, y = 30, 70
        u = self.unit()
        k = u / 240
        pitch, tall = self.pitch, self.tall
        tabled = self.draft.version > 0
        self.task_buttons: dict[str, UIButton] = {}
        self.sanction_buttons: dict[str, UIButton] = {}
        self.target_buttons: dict[tuple[str, str], UIButton] = {}
        self.demand_buttons: dict[str, UIButton] = {}
        self.chapter_button = self.button(
            self.r(x, y, 200 * self.grow, tall),
            f"Chapter {c.chapter}",
            self.toggle_chapter,
            key=pygame.K_h,
            tip="Chapter VI (consent-based) or VII (enforcement)",
            object_id="#toggle_on" if c.chapter == "VII" else None,
        )
        self.referral_button = self.button(
            self.r(x + 210 * self.grow, y, 200 * self.grow, tall),
            "ICC referral: " + ("yes" if c.referral else "no"),
            self.toggle_referral,
            tip="Refer the situation to the International Criminal Court",
            object_id="#toggle_on" if c.referral else None,
        )
        y += tall + 16 * self.spare
        self.section_y = {"tasks": y}
        y += self.heading
        for n, task in enumerate(self.tasks()):
            col, row = n % 3, n // 3
            on = task in c.tasks
            self.task_buttons[task] = self.button(
                self.r(x + col * u, y + row * pitch, u - 10, tall),
                nice(task),
                lambda t=task: self.toggle_task(t),
                object_id="#toggle_on" if on else None,
                tip=("On" if on else "Off") + " — click to toggle",
            )
        y += pitch * ((len(self.tasks()) + 2) // 3) + 10
        self.section_y["numbers"] = y
        y += self.heading
        for n, field in enumerate(self.numbers()):
            col, row = n % 2, n // 2
            bx, by = x + col * 360 * k, y + row * pitch
            self.button(
                self.r(bx + 150 * k, by, 44, tall),
                "−",
                lambda f=field: self.bump(f, -1),
                tip=f"Fewer {CLAUSE_NUMBERS[field].label.lower()}",
            )
            self.button(
                self.r(bx + 300 * k, by, 44, tall),
                "+",
                lambda f=field: self.bump(f, 1),
                tip=f"More {CLAUSE_NUMBERS[field].label.lower()}",
            )
        self.number_rows = y
        y += pitch * ((len(self.numbers()) + 1) // 2) + 10
        self.section_y["sanctions"] = y
        y += self.heading
        # The sanctions, then the demands, are made on the next two frames (in their places in
        # the focus ring): entering the editor is a few short frames, not one long one.
        at = len(self.ring)
        self.later(lambda y=y: self._build_sanctions(x, y, u, at))
        y += pitch * len(SANCTION_KINDS) + 10
        self.section_y["demands"] = y
        y += self.heading
        self.later(lambda y=y: self._build_demands(x, y, u, at))
        W, H = self.W, self.H
        verb = "Amend the draft" if tabled else "Table with these clauses"
        if tabled and self.game.player != self.draft.penholder:
            verb = f"Propose to {self.game.world.states.name(self.draft.penholder)}"
        self.table_button = self.button(
            self.r(W - 430, H - 60, 250, 44),
            verb,
            self.table_or_amend,
            key=pygame.K_RETURN,
            object_id="#primary",
            default=True,
            enabled=self.game.awaiting and self.changed(),
            tip="Submit to the Council",
        )
        self.button(self.r(W - 170, H - 60, 140, 44), "Back", self.back, tip="Esc")
        self.button(
            self.r(W - 600, H - 60, 160, 44),
            "Undo edits",
            self.reset,
            key=pygame.K_r,
            tip="Back to the clauses as they stand",
        )

    def _build_sanctions(self, x: float, y: float, u: float, at: int) -> None:
        """Each kind of sanction and, beside it, the parties it may target."""
        k = u / 240
        targets = {s.kind: s.targets for s in self.clauses.sanctions}
        made = []
        for n, kind in enumerate(SANCTION_KINDS):
            by = y + n * self.pitch
            on = kind in targets
            self.sanction_buttons[kind] = self.button(
                self.r(x, by, u - 10, self.tall),
                nice(kind),
                lambda k=kind: self.toggle_sanction(k),
                object_id="#toggle_on" if on else None,
            )
            made.append(self.sanction_buttons[kind])
            for m, party in enumerate(self.parties()):
                hit = party in targets.get(kind, ())
                self.target_buttons[kind, party] = self.button(
                    self.r(x + u + m * 160 * k, by, 160 * k - 10, self.tall),
                    f"on {self.party_word(party)}",
                    lambda k=kind, p=party: self.toggle_target(k, p),
                    object_id="#toggle_on" if hit else None,
                    enabled=on,
                    tip=self.game.world.theatre.party(party).name,
                )
                made.append(self.target_buttons[kind, party])
        self._into_ring(made, at)

    def _build_demands(self, x: float, y: float, u: float, at: int) -> None:
        """The demands on the parties (after the sanctions in the focus ring)."""
        made = []
        for n, demand in enumerate(self.demands()):
            on = demand in self.clauses.demands
            self.demand_buttons[demand] = self.button(
                self.r(x + n * u, y, u - 10, self.tall),
                nice(demand),
                lambda d=demand: self.toggle_demand(d),
                object_id="#toggle_on" if on else None,
            )
            made.append(self.demand_buttons[demand])
        self._into_ring(made, at + len(self.sanction_buttons) + len(self.target_buttons))

    def sync(self) -> None:
        """The controls after an edit, changed in place (toggles, the chapter, the targets a
        sanction allows, whether it can be tabled): building the editor's 33 buttons again
        took a long frame on every click."""
        if not self.built:
            return
        c = self.clauses

        def toggle(on: bool) -> str | None:
            return "#toggle_on" if on else None

        self.restyle(
            self.chapter_button, f"Chapter {c.chapter}", object_id=toggle(c.chapter == "VII")
        )
        self.restyle(
            self.referral_button,
            "ICC referral: " + ("yes" if c.referral else "no"),
            object_id=toggle(c.referral),
        )
        for task, button in self.task_buttons.items():
            on = task in c.tasks
            self.restyle(
                button, tip=("On" if on else "Off") + " — click to toggle", object_id=toggle(on)
            )
        targets = {s.kind: s.targets for s in c.sanctions}
        for kind, button in self.sanction_buttons.items():
            self.restyle(button, object_id=toggle(kind in targets))
        for (kind, party), button in self.target_buttons.items():
            hit = party in targets.get(kind, ())
            self.restyle(button, enabled=kind in targets, object_id=toggle(hit))
        for demand, button in self.demand_buttons.items():
            self.restyle(button, object_id=toggle(demand in c.demands))
        self.restyle(self.table_button, enabled=self.game.awaiting and self.changed())

    def changed(self) -> bool:
        return self.clauses != self.draft.clauses or self.draft.version == 0

    # Edits.

    def set(self, **changes: object) -> None:
        self.clauses = self.clauses.changed(**changes)
        self.sync()

    def toggle_chapter(self) -> None:
        self.set(chapter="VI" if self.clauses.chapter == "VII" else "VII")

    def toggle_referral(self) -> None:
        self.set(referral=not self.clauses.referral)

    def toggle_task(self, task: str) -> None:
        tasks = set(self.clauses.tasks) ^ {task}
        self.set(tasks=tuple(sorted(tasks)))

    def toggle_demand(self, demand: str) -> None:
        self.set(demands=tuple(sorted(set(self.clauses.demands) ^ {demand})))

    def bump(self, field: str, direction: int) -> None:
        """Move a numeric clause one step, within the bounds the file format allows."""
        number = CLAUSE_NUMBERS[field]
        value = getattr(self.clauses, field) + direction * number.step
        self.set(**{field: max(number.minimum, min(number.maximum, value))})

    def toggle_sanction(self, kind: str) -> None:
        current = {s.kind: s for s in self.clauses.sanctions}
        if kind in current:
            del current[kind]
        else:
            current[kind] = Sanction(kind, tuple(self.parties()))
        self.set(sanctions=tuple(current.values()))

    def toggle_target(self, kind: str, party: str) -> None:
        sanctions = []
        for s in self.clauses.sanctions:
            if s.kind == kind:
                s = Sanction(kind, tuple(sorted(set(s.targets) ^ {party})))
            sanctions.append(s)
        self.set(sanctions=tuple(sanctions))

    def reset(self) -> None:
        self.clauses = self.draft.clauses
        self.sync()

    def table_or_amend(self) -> None:
        player = self.game.player
        if player is None:
            return
        command: TableDraft | TableRenewal | AmendDraft | ProposeAmendment
        if self.draft.version == 0:
            command = table_command(player, edited(self.draft, self.clauses))
        elif player != self.draft.penholder:
            command = ProposeAmendment(player, self.draft.id, self.clauses)
        else:
            command = AmendDraft(player, self.draft.id, self.clauses, "the penholder's edit")
        self.submit(command, self.app.pop)

    # Drawing.

    def draw(self, surface: pygame.Surface) -> None:
        text = zoomed(self.app.text, self.grow)
        s = self.s
        # A draft being written has no resolution number yet: it is named by what it does.
        title = f"Draft: {draft_title(self.game.world, self.draft.id, self.draft.title)}"
        plain = self.app.text  # the title as on every screen
        surface.blit(
            plain.render(plain.fit(title, 22, s(self.W - 60), True), 22, theme.TEXT, True),
            (s(30), s(18)),
        )
        for key, label in (
            ("tasks", "Tasks of the mission"),
            ("numbers", "Ceilings and duration"),
            ("sanctions", "Sanctions and their targets"),
            ("demands", "Demands"),
        ):
            surface.blit(text.render(label, 15, theme.MUTED, True), (s(30), s(self.section_y[key])))
        k = self.unit() / 240
        for n, field in enumerate(self.numbers()):
            col, row = n % 2, n // 2
            bx, by = 30 + col * 360 * k, self.number_rows + row * self.pitch
            label = text.render(CLAUSE_NUMBERS[field].label, 15, theme.TEXT)
            surface.blit(label, label.get_rect(midleft=(s(bx), s(by + self.tall / 2))))
            value = text.render(f"{getattr(self.clauses, field):,}", 16, theme.TEXT, True)
            surface.blit(value, value.get_rect(center=(s(bx + 247 * k), s(by + self.tall / 2))))
        self._whip(surface)

    def _whip_columns(
        self, text: theme.Text, w: float, names: Iterable[str]
    ) -> tuple[float, float, float, float, float]:
        """The whip count's columns in a panel ``w`` wide (logical pixels, from its left): the
        room for a member's name, then where its vote, certainty, bar and move begin. As
        designed for 400 wide; a wider panel gives its names what the longest needs ("Bosnia
        and Herzegovina", cut at 1280x720) and spreads the rest evenly between the columns."""
        g = self.grow
        extra = max(0.0, w - 400 * g)
        longest = max((text.font(14, True).size(n)[0] for n in names), default=0) / self.scale
        name_w = max(104 * g, min(104 * g + extra, longest + 8 * g))
        step = (extra - (name_w - 104 * g)) / 4
        vote_x = 22 * g + name_w + 4 * g + step
        sure_x = vote_x + 66 * g + step
        bar_x = sure_x + 66 * g + step
        return name_w, vote_x, sure_x, bar_x, bar_x + 68 * g + step

    def _whip(self, surface: pygame.Surface) -> None:
        grow = self.grow
        text = zoomed(self.app.text, grow)
        s = self.s
        # The panel takes what the clause columns leave (400 to 560 wide, more where the type
        # grows); its columns follow.
        w = max(400.0, min(560.0 * grow, self.W - 30 - (30 + 3 * self.unit()) - 50))
        x = self.W - 30 - w
        y = 70
        panel = self.r(x - 10, y - 10, w + 20, self.H - 150)
        pygame.draw.rect(surface, theme.PANEL, panel, border_radius=s(6))
        pygame.draw.rect(surface, theme.PANEL_EDGE, panel, 1, border_radius=s(6))
        ballot, tally = self.forecast()
        if self._before is None:
            self._before = self.game.what_if(self.draft)[0]
        before = self._before
        surface.blit(text.render("Whip count on these clauses", 17, theme.TEXT, True), (s(x), s(y)))
        y += 28 * grow
        counts = f"{len(tally.yes)} yes · {len(tally.no)} no · {len(tally.abstain)} abstain"
        surface.blit(text.render(counts, 16, theme.TEXT, True), (s(x), s(y)))
        y += 24 * grow
        quota = self.game.world.bodies[self.draft.body].quota
        v = verdict(tally.passed, tally.vetoed_by, len(tally.yes), quota, namer(self.game.world))
        surface.blit(
            text.render(v, 16, theme.YES if tally.passed else theme.NO, True), (s(x), s(y))
        )
        y += 32 * grow
        world = self.game.world
        names = {a: world.states.name(a) for a in ballot.voters}
        veto = frozenset(a for i, a in enumerate(ballot.voters) if ballot.veto[i])
        old = dict(zip(before.voters, before.totals, strict=True))
        size = s(14 * grow)
        row_h = min(24 * self.spare, (self.H - 150 - (y - 70) - 20) // max(1, len(ballot.voters)))
        name_w, vote_x, sure_x, bar_x, moved_x = self._whip_columns(text, w, names.values())
        for card in seats(list(ballot.voters), names, veto, None, ballot):
            kind = card.kind or "abstain"
            draw_symbol(surface, kind, (s(x) + size // 2, s(y) + size // 2 + s(2)), size)
            name = text.fit(card.name, 14, s(name_w - 4 * grow), True)
            surface.blit(text.render(name, 14, theme.TEXT, True), (s(x + 22 * grow), s(y)))
            surface.blit(text.render(WORDS[kind], 14, COLOURS[kind]), (s(x + vote_x), s(y)))
            surface.blit(text.render(card.certainty, 13, theme.MUTED), (s(x + sure_x), s(y + 1)))
            full = min(1.0, max(0, card.margin) / BAR_FULL_POINTS)
            bar = self.r(x + bar_x, 0, 60 * grow, 5 * grow).move(0, s(y) + s(9 * grow))
            pygame.draw.rect(surface, theme.PANEL_EDGE, bar)
            pygame.draw.rect(surface, COLOURS[kind], (*bar.topleft, round(bar.w * full), bar.h))
            delta = card.total - int(old[card.actor])
            if delta:
                moved = "toward yes" if delta > 0 else "toward no"
                colour = theme.YES if delta > 0 else theme.NO
                surface.blit(text.render(moved, 12, colour), (s(x + moved_x), s(y + 2)))
            y += row_h
