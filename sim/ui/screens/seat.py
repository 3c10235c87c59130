"""Your seat: what the seat you hold can decide, each decision explained, beyond the pen.

A troop contributor pledges personnel to missions that need them, sets national caveats on its
contingents (what its soldiers may not do, at a cost to the civilians they protect) and withdraws
them; a regional organization's chair deploys its bridging force and puts the Council's draft to
its members; a Council member without the pen votes (Y), lobbies (C) and proposes amendments (E).
Each button says what it will do and what the model expects of it before it is pressed.
"""

from __future__ import annotations

import pygame

from sim.model import forces
from sim.model.caveats import (
    CAVEATS,
    SetCaveats,
    caveat_label,
    caveat_share,
    caveats_of,
    protection,
    serving,
)
from sim.model.commands import Command
from sim.model.drafts import DraftTemplate
from sim.model.forces import spare
from sim.model.initiatives import PutToEndorsement, WithdrawContingent
from sim.model.names import sentence
from sim.model.operations import DeployRegionalForce, PledgeTroops, bridging_clauses
from sim.model.seats import describe, roles, seat_name
from sim.model.stance import ballot
from sim.model.world import PERSONNEL, World
from sim.ui import theme
from sim.ui.guidance import pledge_ahead
from sim.ui.screens.base import Host, Screen
from sim.ui.widgets.theatrepanel import phase_words
from sim.ui.words import intensity_word, namer

MAX_ACTIONS = 9


def caveat_decisions(world: World, seat: str) -> list[tuple[str, Command, str]]:
    """A button per caveat for each mission where the contributor ``seat`` has a contingent
    serving: set it, or lift it, with what it forbids and what it does to the contingent's
    protection of civilians."""
    out: list[tuple[str, Command, str]] = []
    for mission in world.active_missions():
        if mission.withdrawing or not serving(world, mission, seat):
            continue
        now = caveats_of(world, mission.id, seat)
        for caveat, (_, words) in CAVEATS.items():
            on = caveat in now
            after = tuple(c for c in now if c != caveat) if on else (*now, caveat)
            deployed, counted = protection(world, mission, seat, after)
            _, counted_now = protection(world, mission, seat, now)
            effect = (
                f"your {deployed:,} troops and police would protect civilians as {counted:,.0f}"
                f" (now {counted_now:,.0f})"
                if deployed
                else f"your contingent would protect civilians at {caveat_share(world, after):.0%}"
                f" of its strength once it arrives (now {caveat_share(world, now):.0%})"
            )
            why = (
                f"{words.capitalize()}. Caveats spare your soldiers and your politics at home;"
                f" {effect}."
            )
            verb = "Lift" if on else "Set"
            command = SetCaveats(seat, mission.id, after)
            where = namer(world).mission(mission.id)
            out.append((f"{verb} caveat: {caveat_label(caveat)} ({where})", command, why))
    return out


def pen_lines(world: World, pens: list[DraftTemplate]) -> list[str]:
    """What the penholder of ``pens`` does with them now: table the ones that are due; wait for
    the later ones; work the one before the Council (it is not tabled twice)."""
    name = namer(world).name
    due = [t for t in pens if t.id not in world.tabled and t.month <= world.month]
    later = [t for t in pens if t.id not in world.tabled and t.month > world.month]
    before = [t for t in pens if t.id in world.drafts]
    out = []
    if due:
        names = ", ".join(name(t.id) for t in due)
        out.append(
            f"You hold the pen on {names}. In the chamber: table it (T), change its clauses and"
            " watch the whip count (E), lobby members and offer side deals in consultations"
            " (C), and call the vote (V) when it would pass."
        )
    for t in later:
        out.append(f"You hold the pen on {name(t.id)}, to be tabled from month {t.month}.")
    for t in before:
        out.append(
            f"Your draft {name(t.id)} is before the Council: change its clauses and watch the"
            " whip count (E), lobby members and offer side deals in consultations (C), and"
            " call the vote (V) when it would pass."
        )
    return out


class SeatScreen(Screen):
    """The seat's own decisions (the ones the chamber's penholder buttons do not cover)."""

    name = "seat"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None and app.game.player is not None
        self.game = app.game
        self.seat: str = app.game.player
        self.notes: list[str] = []
        self.labels: list[str] = []  # the decisions' full labels (their buttons may be shorter)

    def decisions(self) -> list[tuple[str, Command, str]]:
        """(button label, command, explanation) for every decision the seat can take now."""
        world, seat = self.game.world, self.seat
        name, called = namer(world).name, namer(world).mission
        out: list[tuple[str, Command, str]] = []
        if seat in world.contributors:
            for mission in self.game.view.recruiting_missions():
                keen = forces.willingness(world, seat, mission)
                keen_words = "keen" if keen >= 0.5 else "willing" if keen > 0 else "reluctant"
                for kind in PERSONNEL:
                    size = min(forces.gap(mission, kind), spare(world, seat, kind))
                    if size <= 0:
                        continue
                    why = (
                        f"{sentence(called(mission.id))} still needs"
                        f" {forces.gap(mission, kind):,} {kind};"
                        f" you have {spare(world, seat, kind):,} to spare. Your government is"
                        f" {keen_words} (reimbursement and ties to the region against the"
                        " risk to your soldiers)."
                    )
                    command = PledgeTroops(seat, mission.id, kind, size)
                    out.append((f"Pledge {size:,} {kind} to {called(mission.id)}", command, why))
            for mission in world.active_missions():
                for c in mission.contingents:
                    if c.contributor == seat and (c.deployed or c.arriving) and not c.withdrawing:
                        why = (
                            f"{c.deployed:,} deployed, {c.fatalities} lost so far. Leaving"
                            " weakens the mission as it fights; the drawdown takes months."
                        )
                        command = WithdrawContingent(seat, mission.id, c.kind)
                        out.append((f"Withdraw {c.kind} from {called(mission.id)}", command, why))
            out += caveat_decisions(world, seat)
        if seat in world.organizations:
            org = world.organizations[seat]
            if seat in world.regional:
                result = ballot(
                    world, org.body, bridging_clauses(world, seat), world.regional[seat].lead
                )
                tally = world.bodies[org.body].tally(result.choices())
                forecast = "would approve" if tally.passed else "would refuse"
                why = (
                    f"Your members {forecast} it ({tally.counts()}). A bridging force protects"
                    " civilians until the UN takes over; it needs the host's consent."
                )
                troops = world.regional[seat].bridging_troops
                out.append(
                    (f"Deploy the {troops:,}-strong bridging force", DeployRegionalForce(seat), why)
                )
            for draft in self.game.view.drafts():
                verdict = self.game.view.organization_forecast(seat, draft)
                word = "endorse" if verdict.passed else "refuse"
                why = (
                    f"Your members would {word} it ({verdict.counts()}). An endorsement"
                    " moves the votes of the organization's members on the Council; a"
                    " refusal moves them against."
                )
                out.append(
                    (
                        f"Put {name(draft.id)} to the {org.name}",
                        PutToEndorsement(seat, draft.id),
                        why,
                    )
                )
        return [d for d in out if not self.game.check(d[1])][:MAX_ACTIONS]

    def build(self) -> None:
        W, H = self.W, self.H
        self.notes = []
        self.labels = []
        y = 150
        for label, command, why in self.decisions():
            self.labels.append(label)
            shown = self.app.text.fit(label, 14, self.s(400))
            self.button(
                self.r(40, y, 420, 40),
                shown,
                lambda c=command: self.act(c),
                tip=f"{label}<br>{why}",
            )
            self.notes.append(why)
            y += 52
        self.button(self.r(W - 200, H - 66, 160, 46), "Back", self.back, tip="Esc")

    def act(self, command: Command) -> None:
        self.submit(command)

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        world = self.game.world
        head = f"Your seat: {seat_name(world, self.seat)}"
        surface.blit(text.render(head, 22, theme.TEXT, True), (s(30), s(18)))
        y = s(54)
        for line in text.wrap(describe(world, self.seat), 14, s(self.W - 60))[:4]:
            surface.blit(text.render(line, 14, theme.MUTED), (s(30), y))
            y += s(19)
        x, w = s(480), s(self.W - 520)
        # beside the decision buttons when there are some; else right under the seat's roles
        y = s(150) if self.notes else y + s(18)
        for why in self.notes:
            lines = text.wrap(why, 13, w)[:2]
            for n, line in enumerate(lines):
                surface.blit(text.render(line, 13, theme.TEXT), (x, y + n * s(17)))
            y += s(52)
        if not self.notes:
            ahead = pledge_ahead(self.game, self.game.council_draft())
            nothing = (
                f"Nothing to decide here yet: once the Council adopts {ahead}, which would"
                " create a mission, you decide here whether to pledge troops to it."
                if ahead
                else "Nothing to decide on this screen right now."
            )
            for line in text.wrap(nothing, 15, s(self.W - 80)):
                surface.blit(text.render(line, 15, theme.MUTED), (s(40), y))
                y += s(21)
            y += s(9)
        width = s(self.W - 80)
        for title, lines in (
            ("What you can do", self.can_do()),
            ("Where things stand", self.standing()),
        ):
            y += s(10)
            surface.blit(text.render(title, 18, theme.TEXT, True), (s(40), y))
            y += s(28)
            for entry in lines:
                surface.fill(theme.ACCENT, (s(46), y + s(8), s(5), s(5)))
                for line in text.wrap(entry, 15, width - s(20)):
                    if y > s(self.H - 90):
                        return
                    surface.blit(text.render(line, 15, theme.TEXT), (s(60), y))
                    y += s(21)
                y += s(6)

    def can_do(self) -> list[str]:
        """What the seat does, role by role, with the keys that do it (not the decisions on
        this screen: those are its buttons)."""
        world, seat = self.game.world, self.seat
        name = namer(world).name
        council = set(roles(world, seat))
        out: list[str] = []
        pens = [t for t in world.templates if t.penholder == seat]
        out += pen_lines(world, pens)
        if {"permanent", "elected"} & council:
            line = "Vote yes, no or abstain on the draft before the Council (Y in the chamber)"
            line += "; your no is a veto." if "permanent" in council else "."
            if not pens:
                line += (
                    " Lobby other members in consultations (C) and propose amendments to"
                    " the penholder (E)."
                )
            out.append(line)
        if seat in world.contributors and not any(n.startswith("Pledge") for n in self.labels):
            forecast = self.game.forecast()
            if forecast is not None and forecast[0].clauses.establishes_mission():
                out.append(
                    f"{name(forecast[0].id)} would create a mission: once the Council"
                    " adopts it, you can pledge troops to it here."
                )
            else:
                out.append(
                    "No mission takes troops now: when the Council creates one, you"
                    " can pledge here."
                )
        if "chair" in council:
            out.append(
                "Deploying your organization's force and putting the Council's draft"
                " to your members appear here when they are open to you."
            )
        out.append(
            "The theatre (H) shows the war and the missions; from there, the peace"
            " talks (P) and who decides on the ground (W). The world map: W in the"
            " chamber."
        )
        return out

    def standing(self) -> list[str]:
        """The draft before the Council and how it would fare, the theatre, your capital."""
        world = self.game.world
        name = namer(world).name
        out: list[str] = []
        forecast = self.game.forecast()
        before = self.game.view.draft_in(world.council)
        if forecast is None:
            out.append("No draft is before the Council.")
        else:
            draft, _, tally = forecast
            where = "is before the Council" if before is not None else "is not tabled yet"
            verdict = "would be adopted" if tally.passed else "would fail"
            if tally.vetoed_by:
                verdict = "would be vetoed"
            out.append(
                f"{sentence(name(draft.id))} {where}: it {verdict} today"
                f" ({len(tally.yes)} yes, {len(tally.no)} no, {len(tally.abstain)}"
                " abstaining)."
            )
        theatre = world.theatre
        out.append(
            f"{theatre.name} is {phase_words(theatre.phase, theatre.intensity)}; the fighting is"
            f" {intensity_word(theatre.intensity)}."
        )
        if self.seat in world.states.index:
            capital = float(world.states.capital[world.states.index[self.seat]])
            out.append(
                f"Your political capital: {capital:.0f} (spent on side deals in"
                " consultations and on aid in the peace talks)."
            )
        return out
