"""World view: every member state on a world map, by its stance on the draft or its last vote.

Council members show their forecast vote (or, in "last vote" mode, how they voted) and carry a
label: their id and the vote's symbol. Other member states show how they lean on the draft (the
same additive factors, no vote of their own), in paler colours. Every stance has a colour *and*
a pattern (yes plain, no diagonal hatching, abstain horizontal lines, veto threat cross-hatching,
no stance dots), so colour is never the only signal; the legend and the hover panel say it in
words. Regional organizations are overlays: choose one to outline its members and dim the rest.
Members too small for the map are listed under it with their symbols.

The map is drawn by :mod:`sim.ui.worldmap` in a worker thread and cached; scenarios whose states
are fictional (not ISO ids of the world roster) get a message instead of a map.
"""

from __future__ import annotations

import pygame

from sim.model.names import draft_title
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.game import Game
from sim.ui.screens.base import Host, Screen
from sim.ui.widgets.symbols import COLOURS, WORDS, draw_symbol, kind_of
from sim.ui.worldmap import (
    OTHER,
    IsoTable,
    MapUnavailable,
    Style,
    credit,
    fitted,
    iso_table,
    roster_founded,
    roster_organizations,
    world_maps,
)

PATTERNS = {"yes": "", "no": "diagonal", "abstain": "horizontal", "veto": "cross", None: "dots"}
LEAN_WORDS = {"yes": "leans yes", "no": "leans no", "abstain": "undecided", None: "no stance"}
PANEL_W = 300
#: Where a label may move (in label widths and heights) when its place is taken.
NUDGES = (
    (0, 0),
    (0, -1),
    (0, 1),
    (1, 0),
    (-1, 0),
    (0, -2),
    (0, 2),
    (1, -1),
    (-1, 1),
    (1, 1),
    (-1, -1),
    (0, -3),
    (0, 3),
    (1, -2),
    (-1, 2),
    (1, 2),
    (-1, -2),
)


def pale(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """A paler version of a stance colour, for states that do not sit on the Council."""
    return tuple(round(c * 0.55 + b * 0.45) for c, b in zip(colour, theme.BG, strict=True))  # type: ignore[return-value]


def map_problem(game: Game) -> str:
    """Why this scenario has no world map ("" when it has one)."""
    try:
        table = iso_table()
    except (MapUnavailable, OSError) as exc:
        return str(exc)
    ids = game.world.states.ids
    known = sum(1 for i in ids if i in table.names)
    if getattr(game.scenario, "roster", None) or known >= max(1, 0.8 * len(ids)):
        return ""
    names = ", ".join(game.world.states.names[:3])
    return (
        f"The states of this scenario ({names}, …) are fictional, so they have no place on a"
        " world map. Scenarios set among the real member states of the United Nations, such as"
        " the historical ones, show every member state here."
    )


def org_forms(name: str) -> list[str]:
    """The ways to write a roster organization's button, longest first: "KEY: Name (all
    members)", "KEY: Name", "Name", "KEY" (a scenario's own organization has only its name)."""
    key, _, rest = name.partition(": ")
    if not rest:
        return [name] * 4
    plain = rest.removesuffix(" (all members)")
    return [name, f"{key}: {plain}", plain, key]


def existed(founded: str, now: str) -> bool:
    """Whether an organization founded on ``founded`` (an ISO date, "" if not known) existed in
    the game's month ``now`` ("YYYY-MM", "" without a calendar): the Rwanda of 1993 has the
    Organization of African Unity, not the African Union of 2002."""
    return not founded or not now or founded[:7] <= now


class WorldScreen(Screen):
    """The world map of stances."""

    name = "world"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.problem = map_problem(self.game)
        has_draft = self.game.council_draft() is not None
        self.mode = "forecast" if has_draft or not self.game.world.votes else "vote"
        self.overlay = ""
        self.hover: str | None = None
        self.chosen: str | None = None
        self.map_rect = pygame.Rect(0, 0, 1, 1)

    # What the map shows -------------------------------------------------------------------

    def table(self) -> IsoTable:
        return iso_table()

    def stances(self) -> tuple[str, dict[str, tuple[str | None, bool]]]:
        """(title, {state: (symbol kind, on the Council)}) for the current mode."""
        game, world = self.game, self.game.world
        council = world.bodies[world.council]
        out: dict[str, tuple[str | None, bool]] = {a: (None, False) for a in world.states.ids}
        if self.mode == "vote":
            if not world.votes:
                return "No vote has been held yet", out
            rec = world.votes[-1]
            for actor, choice in rec.choices.items():
                out[actor] = (kind_of(choice, actor in council.veto), True)
            verdict = "ADOPTED" if rec.tally.passed else "NOT ADOPTED"
            when = game.month_title(rec.month)
            return f"Last vote: {rec.draft} ({when}) — {verdict}", out
        forecast = game.forecast()
        if forecast is None:
            return "No draft before the Council: nothing to forecast", out
        draft, ballot, _ = forecast
        for actor, lean in game.leanings(draft).items():
            out[actor] = (lean, False)
        for actor, choice in ballot.choices().items():
            i = ballot.voters.index(actor)
            out[actor] = (kind_of(choice, ballot.veto[i]), True)
        state = "tabled" if draft.version > 0 else "prepared, not yet tabled"
        title = draft_title(game.world, draft.id, draft.title)
        return f"Forecast on the draft ({state}): {title}", out

    def organizations(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, members) of the scenario's organizations, then the roster's others."""
        world = self.game.world
        orgs = [(o.id, o.name, o.members) for o in world.organizations.values()]
        names = {name.lower() for _, name, _ in orgs}
        if getattr(self.game.scenario, "roster", None):
            founded = roster_founded()
            for key, (name, members) in roster_organizations().items():
                if name.lower() not in names and existed(founded.get(key, ""), self.now()):
                    orgs.append((f"roster:{key}", f"{key}: {name} (all members)", members))
        return orgs

    def now(self) -> str:
        """The game's month as "YYYY-MM" ("" when the scenario sets no calendar)."""
        start = getattr(self.game.scenario, "start", None)
        try:
            year, first = (int(part) for part in str(start).split("-"))
        except ValueError:
            return ""
        index = first - 1 + self.game.world.month - 1
        return f"{year + index // 12:04d}-{index % 12 + 1:02d}"

    def styles(self, stances: dict[str, tuple[str | None, bool]]) -> dict[str, Style]:
        table = self.table()
        out: dict[str, Style] = {}
        for actor, (kind, council) in stances.items():
            code = table.iso2.get(actor)
            if code is None:
                continue
            colour = COLOURS[kind]
            out[code] = Style(colour if council else pale(colour), PATTERNS[kind])
        return out

    def outline(self) -> frozenset[str]:
        table = self.table()
        for oid, _, members in self.organizations():
            if oid == self.overlay:
                return frozenset(table.iso2[m] for m in members if m in table.iso2)
        return frozenset()

    # Layout -------------------------------------------------------------------------------

    def build(self) -> None:
        W, H = self.W, self.H
        self.button(self.r(W - 170, H - 60, 140, 44), "Back", self.back, tip="Esc", default=True)
        if self.problem:
            return
        self.button(
            self.r(20, 52, 220, 32),
            "Forecast on the draft",
            lambda: self.set_mode("forecast"),
            key=pygame.K_f,
            object_id="#toggle_on" if self.mode == "forecast" else "#small",
            tip="Council members' forecast votes; how other states lean",
        )
        self.button(
            self.r(250, 52, 160, 32),
            "Last vote",
            lambda: self.set_mode("vote"),
            key=pygame.K_v,
            object_id="#toggle_on" if self.mode == "vote" else "#small",
            tip="How the Council voted last time",
            enabled=bool(self.game.world.votes),
        )
        x = W - PANEL_W - 10
        y = 344
        self.overlay_top = y
        y += 26
        entries = [("", "No overlay", ())] + self.organizations()
        form = self.org_form([name for oid, name, _ in entries if oid.startswith("roster:")])
        for oid, name, members in entries:
            if y > H - 120:
                break
            self.button(
                self.r(x, y, PANEL_W - 10, 28),
                self.org_label(
                    name,
                    15 if oid == self.overlay else 13,
                    form if oid.startswith("roster:") else 0,
                ),
                lambda o=oid: self.set_overlay(o),
                object_id="#toggle_on" if oid == self.overlay else "#small",
                tip=f"{name}: outline its {len(members)} members on the map"
                if members
                else "Show no organization",
            )
            y += 32

    def org_label(self, name: str, size: int = 13, form: int = 0) -> str:
        """An organization's button text, whole: "ECOWAS: Economic Community of West African
        States (all members)" when it fits the panel, else without "(all members)", else its
        full name or its short name alone (the tooltip keeps every word). ``size``: the
        button's text size (a chosen overlay's button has the larger); ``form``: the first of
        those forms to try (the roster's buttons share one, see :meth:`org_form`)."""
        width = self.s(PANEL_W - 30)
        for label in org_forms(name)[form:]:
            if label and self.app.text.font(size).size(label)[0] <= width:
                return label
        return self.app.text.fit(name, size, width)

    def org_form(self, names: list[str]) -> int:
        """The first form (see :func:`org_forms`) in which every one of ``names`` fits."""
        width = self.s(PANEL_W - 30)
        font = self.app.text.font(13)
        for form in range(3):
            if all(font.size(org_forms(n)[form])[0] <= width for n in names):
                return form
        return 3

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.refresh()

    def set_overlay(self, overlay: str) -> None:
        self.overlay = overlay
        self.refresh()

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.problem and event.type == pygame.MOUSEMOTION:
            self.hover = self.code_at(event.pos)
        if (
            not self.problem
            and event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.map_rect.collidepoint(event.pos)
        ):
            self.chosen = self.state_at(event.pos)
            return True
        return super().handle(event)

    def code_at(self, pos: tuple[int, int]) -> str | None:
        imap = world_maps().index_map(self.map_rect.size)
        if imap is None:
            return None
        return imap.code_at((pos[0] - self.map_rect.x, pos[1] - self.map_rect.y))

    def state_at(self, pos: tuple[int, int]) -> str | None:
        code = self.code_at(pos)
        if code is None:
            return None
        by_code = {c: a for a, c in self.table().iso2.items()}
        return by_code.get(code)

    def busy_rects(self) -> list[pygame.Rect]:
        return [self.map_rect]

    def help(self) -> list[tuple[str, str]]:
        return super().help() + [("Mouse", "Point at a country for its stance; click to pin it")]

    # Drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        surface.blit(text.render("World view", 24, theme.TEXT, True), (s(20), s(14)))
        if self.problem:
            box = self.r(80, 120, self.W - 160, 200)
            lines = text.wrap(self.problem, 15, box.w - s(40))
            box.h = s(20 + 34 + 20) + len(lines) * s(22)  # as tall as its words, no empty half
            pygame.draw.rect(surface, theme.PANEL, box, border_radius=s(8))
            pygame.draw.rect(surface, theme.PANEL_EDGE, box, 1, border_radius=s(8))
            y = box.y + s(20)
            surface.blit(
                text.render("No world map for this scenario", 18, theme.ACCENT, True),
                (box.x + s(20), y),
            )
            y += s(34)
            for line in lines:
                surface.blit(text.render(line, 15, theme.TEXT), (box.x + s(20), y))
                y += s(22)
            return
        title, stances = self.stances()
        surface.blit(
            text.render(text.fit(title, 15, s(self.W - 460)), 15, theme.MUTED), (s(430), s(58))
        )
        area = self.r(20, 94, self.W - PANEL_W - 50, self.H - 94 - 128)
        size = fitted(area.size)
        self.map_rect = pygame.Rect(area.x, area.y, *size)
        pygame.draw.rect(surface, (14, 20, 28), self.map_rect)
        maps = world_maps()
        painted = maps.surface(size, self.styles(stances), self.outline(), self.scale)
        if painted is None:
            message = maps.error or "Drawing the world map…"
            note = text.render(message, 15, theme.MUTED)
            surface.blit(note, note.get_rect(center=self.map_rect.center))
        else:
            surface.blit(painted, self.map_rect.topleft)
            self._labels(surface, stances)
        self._not_drawn(surface, stances)
        self._legend(surface, stances)
        self._info(surface, stances)
        foot = text.render(credit(), 11, theme.DIM)
        surface.blit(foot, (s(20), self.app.size[1] - foot.get_height() - s(4)))

    def _labels(self, surface: pygame.Surface, stances: dict[str, tuple[str | None, bool]]) -> None:
        imap = world_maps().index_map(self.map_rect.size)
        if imap is None:
            return
        from sim.ui.worldmap import codes

        position = {code: n + 1 for n, code in enumerate(codes())}
        text, s = self.app.text, self.s
        size = s(12)
        placed: list[pygame.Rect] = []
        real = real_states(self.game.scenario)
        # Largest countries first keep their place; smaller neighbours move aside with a leader.
        council = [
            (a, k)
            for a, (k, on) in stances.items()
            if on and position.get(self.table().iso2.get(a, ""), -1) in imap.points
        ]
        for actor, kind in sorted(council):
            px, py = imap.points[position[self.table().iso2[actor]]]
            point = (self.map_rect.x + px, self.map_rect.y + py)
            label = text.render(actor, 11, theme.TEXT, True)
            picture = flag(actor, s(10), real)
            w = size + picture.get_width() + label.get_width() + s(13)
            h = max(size, label.get_height()) + s(4)
            chip = pygame.Rect(0, 0, w, h)
            for dx, dy in NUDGES:
                dx, dy = dx * w, dy * h
                chip.center = (point[0] + dx, point[1] + dy)
                if chip.collidelist(placed) < 0:
                    break
            placed.append(chip)
            if chip.center != point:
                pygame.draw.line(surface, theme.TEXT, point, chip.center, 1)
                pygame.draw.circle(surface, theme.TEXT, point, max(2, s(2)))
            pygame.draw.rect(surface, theme.BG, chip, border_radius=s(3))
            pygame.draw.rect(surface, COLOURS[kind], chip, 1, border_radius=s(3))
            draw_symbol(surface, kind, (chip.x + s(3) + size // 2, chip.centery), size)
            surface.blit(picture, (chip.x + size + s(6), chip.centery - picture.get_height() // 2))
            surface.blit(
                label,
                (
                    chip.x + size + picture.get_width() + s(9),
                    chip.centery - label.get_height() // 2,
                ),
            )

    def labelled(self, stances: dict[str, tuple[str | None, bool]]) -> set[str]:
        """The states the map can show: those with a shape on it, and a point to label for the
        Council's members (Cape Verde has a code but is too small to take a label)."""
        table = self.table()
        shown = {a for a in stances if a in table.iso2}
        imap = world_maps().index_map(self.map_rect.size)
        if imap is None:
            return shown
        from sim.ui.worldmap import codes

        position = {code: n + 1 for n, code in enumerate(codes())}
        return {
            a for a in shown if not stances[a][1] or position.get(table.iso2[a], -1) in imap.points
        }

    def _not_drawn(
        self, surface: pygame.Surface, stances: dict[str, tuple[str | None, bool]]
    ) -> None:
        table = self.table()
        missing = [a for a in stances if a in table.names and a not in self.labelled(stances)]
        text, s = self.app.text, self.s
        x, y = s(20), self.map_rect.bottom + s(8)
        if not missing:
            return
        head = text.render("Too small for this map:", 13, theme.MUTED)
        surface.blit(head, (x, y))
        x += head.get_width() + s(8)
        size = s(12)
        for actor in missing:
            kind, council = stances[actor]
            states = self.game.world.states
            name = states.name(actor) if actor in states.index else table.names.get(actor, actor)
            label = text.render(name, 12, theme.TEXT if council else theme.MUTED, council)
            if x + size + label.get_width() > self.map_rect.right:
                x, y = s(20), y + s(20)
            draw_symbol(surface, kind, (x + size // 2, y + s(9)), size)
            surface.blit(label, (x + size + s(4), y))
            x += size + label.get_width() + s(14)

    def _legend(self, surface: pygame.Surface, stances: dict[str, tuple[str | None, bool]]) -> None:
        text, s = self.app.text, self.s
        x, y = s(self.W - PANEL_W - 10), s(94)
        surface.blit(text.render("Legend", 16, theme.TEXT, True), (x, y))
        y += s(24)
        counts: dict[tuple[str | None, bool], int] = {}
        for value in stances.values():
            counts[value] = counts.get(value, 0) + 1
        rows: list[tuple[str | None, bool, str]] = []
        vote_words = "voted" if self.mode == "vote" else "forecast"
        for kind in ("yes", "no", "abstain", "veto"):
            rows.append((kind, True, f"{WORDS[kind]} ({vote_words}, Council)"))
        if self.mode == "forecast":
            for kind in ("yes", "no", "abstain"):
                rows.append((kind, False, f"{LEAN_WORDS[kind].capitalize()} (not on the Council)"))
        rows.append((None, False, "No stance / did not vote"))
        sw = s(26)
        for kind, council, words in rows:
            n = counts.get((kind, council), 0)
            swatch = pygame.Rect(x, y + s(1), sw, s(16))
            colour = COLOURS[kind] if council else pale(COLOURS[kind])
            pygame.draw.rect(surface, colour, swatch)
            self._pattern(surface, swatch, PATTERNS[kind])
            label = f"{words}: {n}"
            surface.blit(
                text.render(text.fit(label, 12, s(PANEL_W - 40)), 12, theme.TEXT),
                (x + sw + s(6), y),
            )
            y += s(20)
        pygame.draw.rect(surface, OTHER, (x, y + s(1), sw, s(16)))
        surface.blit(text.render("Not in this scenario", 12, theme.MUTED), (x + sw + s(6), y))
        y += s(20)
        note = (
            "Patterns: yes plain, no hatched, abstain lined, veto cross-hatched, no stance dotted."
        )
        for line in text.wrap(note, 11, s(PANEL_W - 10))[:2]:
            surface.blit(text.render(line, 11, theme.MUTED), (x, y))
            y += s(15)
        surface.blit(
            text.render("Regional organizations", 16, theme.TEXT, True), (x, s(self.overlay_top))
        )

    def _pattern(self, surface: pygame.Surface, rect: pygame.Rect, pattern: str) -> None:
        dark = (30, 30, 30)
        step = max(4, self.s(6))
        clip = surface.get_clip()
        surface.set_clip(rect)
        if pattern in ("diagonal", "cross"):
            for d in range(-rect.h, rect.w, step):
                pygame.draw.line(
                    surface, dark, (rect.x + d, rect.bottom), (rect.x + d + rect.h, rect.y)
                )
        if pattern == "cross":
            for d in range(0, rect.w + rect.h, step):
                pygame.draw.line(
                    surface, dark, (rect.x + d, rect.y), (rect.x + d - rect.h, rect.bottom)
                )
        if pattern == "horizontal":
            for y in range(rect.y + 2, rect.bottom, step):
                pygame.draw.line(surface, dark, (rect.x, y), (rect.right, y))
        if pattern == "dots":
            for y in range(rect.y + 2, rect.bottom, step):
                for x in range(rect.x + 2, rect.right, step):
                    pygame.draw.rect(surface, dark, (x, y, 2, 2))
        surface.set_clip(clip)

    def _info(self, surface: pygame.Surface, stances: dict[str, tuple[str | None, bool]]) -> None:
        """The country pointed at (or pinned): name, stance in words, memberships."""
        text, s = self.app.text, self.s
        table = self.table()
        code = self.hover
        actor = self.chosen
        if code is not None:
            by_code = {c: a for a, c in table.iso2.items()}
            actor = by_code.get(code, actor)
        y = self.map_rect.bottom + s(30)
        x = s(20)
        if actor is None and code is None:
            hint = "Point at a country to see its stance; click to pin it."
            surface.blit(text.render(hint, 13, theme.MUTED), (x, y))
            return
        if actor is None:
            from sim.ui.worldmap import map_countries

            name = map_countries().get(code or "", code or "")
            surface.blit(
                text.render(f"{name}: not a UN member state in the roster", 14, theme.MUTED), (x, y)
            )
            return
        kind, council = stances.get(actor, (None, False))
        world = self.game.world
        if actor in world.states.index:
            name = world.states.name(actor)
            if council:
                verb = "voted" if self.mode == "vote" else "forecast to vote"
                stance = f"on the Council, {verb} {WORDS[kind].lower()}"
            elif self.mode == "forecast":
                stance = f"not on the Council; {LEAN_WORDS[kind]} on the draft"
            else:
                stance = "not on the Council: did not vote"
            orgs = [o.name for o in world.organizations.values() if actor in o.members]
            member_of = f" · member of {', '.join(orgs)}" if orgs else ""
        else:
            name = table.names.get(actor, actor)
            stance, member_of = "not in this scenario", ""
        draw_symbol(surface, kind, (x + s(8), y + s(10)), s(16))
        picture = flag(actor, s(15), real_states(self.game.scenario))
        surface.blit(picture, (x + s(22), y + s(2)))
        x += s(28) + picture.get_width()
        line = f"{name} ({actor}): {stance}{member_of}"
        surface.blit(
            text.render(text.fit(line, 14, self.map_rect.right - x), 14, theme.TEXT, True), (x, y)
        )
