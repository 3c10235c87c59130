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
from sim.model.forces import spare
from sim.model.initiatives import PutToEndorsement, WithdrawContingent
from sim.model.operations import DeployRegionalForce, PledgeTroops, bridging_clauses
from sim.model.seats import describe, roles, seat_name
from sim.model.stance import ballot
from sim.model.world import PERSONNEL, World
from sim.ui import theme
from sim.ui.screens.base import Host, Screen

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
            out.append((f"{verb} caveat: {caveat_label(caveat)} ({mission.id})", command, why))
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

    def decisions(self) -> list[tuple[str, Command, str]]:
        """(button label, command, explanation) for every decision the seat can take now."""
        world, seat = self.game.world, self.seat
        out: list[tuple[str, Command, str]] = []
        if seat in world.contributors:
            for mission in self.game.view.recruiting_missions():
                keen = forces.willingness(world, seat, mission)
                for kind in PERSONNEL:
                    size = min(forces.gap(mission, kind), spare(world, seat, kind))
                    if size <= 0:
                        continue
                    why = (f"{mission.id} still needs {forces.gap(mission, kind):,} {kind}; you"
                           f" have {spare(world, seat, kind):,} to spare. Your government's"
                           f" willingness is {keen:.2f} (reimbursement and ties to the region"
                           " against the risk to your soldiers).")  # fmt: skip
                    command = PledgeTroops(seat, mission.id, kind, size)
                    out.append((f"Pledge {size:,} {kind} to {mission.id}", command, why))
            for mission in world.active_missions():
                for c in mission.contingents:
                    if c.contributor == seat and (c.deployed or c.arriving) and not c.withdrawing:
                        why = (
                            f"{c.deployed:,} deployed, {c.fatalities} lost so far. Leaving"
                            " weakens the mission as it fights; the drawdown takes months."
                        )
                        command = WithdrawContingent(seat, mission.id, c.kind)
                        out.append((f"Withdraw {c.kind} from {mission.id}", command, why))
            out += caveat_decisions(world, seat)
        if seat in world.organizations:
            org = world.organizations[seat]
            if seat in world.regional:
                result = ballot(world, org.body, bridging_clauses(world, seat),
                                world.regional[seat].lead)  # fmt: skip
                tally = world.bodies[org.body].tally(result.choices())
                forecast = "would approve" if tally.passed else "would refuse"
                why = (
                    f"Your members {forecast} it ({tally.counts()}). A bridging force protects"
                    " civilians until the UN takes over; it needs the host's consent."
                )
                troops = world.regional[seat].bridging_troops
                out.append((f"Deploy the {troops:,}-strong bridging force",
                            DeployRegionalForce(seat), why))  # fmt: skip
            for draft in self.game.view.drafts():
                verdict = self.game.view.organization_forecast(seat, draft)
                word = "endorse" if verdict.passed else "refuse"
                why = (
                    f"Your members would {word} it ({verdict.counts()}). An endorsement"
                    " moves the votes of the organization's members on the Council; a"
                    " refusal moves them against."
                )
                out.append((f"Put {draft.id} to the {org.name}", PutToEndorsement(seat, draft.id),
                            why))  # fmt: skip
        return [d for d in out if not self.game.check(d[1])][:MAX_ACTIONS]

    def build(self) -> None:
        W, H = self.W, self.H
        self.notes = []
        y = 150
        for label, command, why in self.decisions():
            self.button(self.r(40, y, 420, 40), label, lambda c=command: self.act(c), tip=why)
            self.notes.append(why)
            y += 52
        self.button(self.r(W - 200, H - 66, 160, 46), "Back", self.back, tip="Esc")

    def act(self, command: Command) -> None:
        self.submit(command)

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        world = self.game.world
        head = f"Your seat: {seat_name(world, self.seat)} ({self.seat})"
        surface.blit(text.render(head, 22, theme.TEXT, True), (s(30), s(18)))
        y = s(54)
        for line in text.wrap(describe(world, self.seat), 14, s(self.W - 60))[:4]:
            surface.blit(text.render(line, 14, theme.MUTED), (s(30), y))
            y += s(19)
        x, w = s(480), s(self.W - 520)
        y = s(150)
        for why in self.notes:
            lines = text.wrap(why, 13, w)[:2]
            for n, line in enumerate(lines):
                surface.blit(text.render(line, 13, theme.TEXT), (x, y + n * s(17)))
            y += s(52)
        if not self.notes:
            council = roles(world, self.seat)
            hint = "Nothing more to decide right now."
            if {"permanent", "elected"} & set(council):
                hint += (
                    " In the chamber: your vote (Y), lobbying in consultations (C), and"
                    " amendments you propose to the penholder (E)."
                )
            for n, line in enumerate(text.wrap(hint, 15, s(self.W - 80))):
                surface.blit(text.render(line, 15, theme.TEXT), (s(40), s(150) + n * s(22)))
