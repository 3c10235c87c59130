"""What the chamber offers the player now: which actions are open, why the others are not, and
the one it suggests (the hint line, and the button Enter presses).

Read-only: it asks the game the same questions the commands' checks would (``Game.check``), so a
button is enabled exactly when its command would be accepted, and a disabled button's tooltip
gives the command's own reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.advice import vote_commands
from sim.model.commands import CallVote, TableDraft, TableRenewal
from sim.model.drafts import Draft
from sim.ui.game import Game
from sim.ui.words import namer

#: The chamber's actions, in the order its buttons are laid out.
ACTIONS = ("table", "edit", "consult", "vote", "end", "advise", "ballot", "seat", "skip")


def table_command(seat: str, draft: Draft) -> TableDraft | TableRenewal:
    """Tabling ``draft`` (version 0): a prepared draft, or the renewal of an expiring mandate."""
    if draft.renews is not None:
        return TableRenewal(seat, draft.renews, draft.clauses)
    return TableDraft(seat, draft.id, draft.clauses)


@dataclass(frozen=True)
class Guidance:
    """The chamber's actions now: ``enabled`` by name, ``why_not`` (a reason for each disabled
    one), the ``hint`` line and the ``suggested`` action (None: nothing to suggest)."""

    enabled: dict[str, bool]
    why_not: dict[str, str]
    hint: str
    suggested: str | None


def _vote_open(game: Game, draft: Draft | None) -> tuple[bool, str]:
    """Whether the player may call the vote on the tabled ``draft``, else why not."""
    player = game.player
    if draft is None or draft.version == 0 or player is None:
        return False, "No draft has been tabled: table one first (T)."
    # Calling the vote asks for the seat's own vote first (the ballot screen).
    waiting = ("cast your own vote", "waiting for the votes")
    reasons = [r for r in game.check(CallVote(player, draft.id)) if not r.startswith(waiting)]
    if reasons:
        return False, reasons[0].capitalize() + "."
    if not vote_commands(game.session, player, draft.id):
        return False, "Only the penholder may call the vote on this draft."
    return True, ""


def guidance(game: Game) -> Guidance:
    """What the player can do in the chamber now, and what the chamber suggests."""
    player, awaiting, world = game.player, game.awaiting, game.world
    draft = game.council_draft()
    tabled = draft is not None and draft.version > 0
    forecast = game.forecast(draft) if draft is not None else None
    passes = forecast is not None and forecast[2].passed
    why: dict[str, str] = {}
    not_turn = "The Council is at work: wait for your turn."
    if game.session.finished:
        not_turn = "The game has ended."
    elif player is None:
        not_turn = "You are watching the AI play every seat."

    table_reasons = (
        game.check(table_command(player, draft))
        if draft is not None and player is not None and not tabled and awaiting
        else []
    )
    can_table = draft is not None and not tabled and awaiting and not table_reasons
    if not can_table:
        why["table"] = (
            not_turn
            if not awaiting
            else "Your draft is already before the Council."
            if tabled
            else "You have no prepared draft to table now."
            if draft is None
            else table_reasons[0].capitalize() + "."
        )
    vote_ok, why_vote = _vote_open(game, draft) if awaiting else (False, not_turn)
    if can_table and passes:
        vote_ok = True  # a prepared draft that would pass may be tabled and voted at once
    if not vote_ok:
        why["vote"] = why_vote
    # A member without the pen may vote on the tabled draft and propose amendments to it.
    member = tabled and player is not None and player in world.bodies[draft.body].members  # type: ignore[union-attr]
    own = draft is not None and draft.penholder == player
    enabled = {
        "table": can_table,
        "edit": draft is not None and (own or member),
        "consult": awaiting,
        "vote": vote_ok,
        "end": awaiting,
        "advise": awaiting,
        "ballot": awaiting and member,
        "seat": player is not None,
        "skip": player is not None and not game.session.finished,
    }
    if not enabled["edit"]:
        why["edit"] = "No draft before the Council that you hold the pen on or may amend."
    if not enabled["ballot"]:
        why["ballot"] = not_turn if not awaiting else "No tabled draft in a body you sit in."
    for name in ("consult", "end", "advise", "seat", "skip"):
        if not enabled[name]:
            why[name] = not_turn
    hint, suggested = _hint(game, draft, can_table, vote_ok, passes) if awaiting else ("", None)
    return Guidance(enabled, why, hint, suggested)


def _hint(
    game: Game, draft: Draft | None, can_table: bool, vote_ok: bool, passes: bool
) -> tuple[str, str]:
    """The hint line and the action it suggests, from the state of the player's draft."""
    own = draft is not None and draft.penholder == game.player
    if can_table and draft is not None:
        if passes:
            return "Would pass as it stands: call the vote (V) at once.", "vote"
        return "Would fail as it stands: table it (T) or edit it (E).", "table"
    if own and draft is not None and draft.version > 0:
        if vote_ok and passes:
            return "Your draft would pass: call the vote (V).", "vote"
        return "Would fail: the advisor acts (A), or consult (C), edit (E).", "advise"
    ahead = pledge_ahead(game, draft)
    if ahead:
        # One short line (the hint is one line); the seat screen (U) says it in full.
        return "A mission is on the table: you pledge once it is adopted (U).", "skip"
    return "Nothing needs you: skip ahead (S) or end the turn (Space).", "skip"


def pledge_ahead(game: Game, draft: Draft | None) -> str:
    """For a troop contributor, the name of the draft before the Council that would create a
    mission it may pledge to once adopted ("Resolution 872"); "" when the seat is no
    contributor or no tabled draft would create a mission."""
    world = game.world
    if game.player not in world.contributors or draft is None or draft.version == 0:
        return ""
    if not draft.clauses.establishes_mission():
        return ""
    return namer(world).name(draft.id)
