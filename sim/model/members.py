"""The seats that negotiate back: members of a voting body that speak on the drafts before it.

:class:`CouncilMember` is the behaviour of every AI seat in a body with drafts before it (the
penholder of a draft too, on the others' drafts). Assumptions, after Security Council practice as
Security Council Report describes it and the explanations of vote in the verbatim records:

- a permanent member that would veto a text says so in public, naming its red line (the clause
  that costs it most) and, where one exists, what would bring it to abstain or vote yes — once per
  version of the text (Russia on force against a sovereign government, 2011–12);
- a member that is lobbied or offered a side deal and does not yet vote yes answers the one who
  asked with a concrete ask: the smallest set of changes that moves its vote one step ("drop the
  ICC referral and we abstain"), or says that nothing within reach of this text will move it;
- a member that would vote no without a veto states its red line when lobbied;
- a permanent member that has threatened a veto and still would veto tables a rival text (the
  draft stripped of what costs it most, as Russia's drafts on Syria in 2012) and puts it to the
  vote at the end of the month.

Every ask is computed from the member's own exact stance (:func:`sim.model.strategy.ask_of`), so
it is truthful: meeting it moves the vote as promised, unless positions move meanwhile.
"""

from __future__ import annotations

from sim.model.commands import CallVote, Command
from sim.model.diplomacy import MakeStatement, TableRivalDraft, rival_id
from sim.model.drafts import Draft
from sim.model.view import WorldView


class CouncilMember:
    """An AI member of a voting body: red lines, veto threats and asks (see the module)."""

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def open_month(self, view: WorldView) -> list[Command]:
        """Nothing at the start of the month."""
        return []

    def close_month(self, view: WorldView) -> list[Command]:
        """Put this seat's rival texts to the vote."""
        return [
            CallVote(self.actor, d.id)
            for d in view.drafts()
            if d.rival_of and d.penholder == self.actor
        ]

    def consult(self, view: WorldView) -> list[Command]:
        """Speak on the drafts before the bodies this seat sits in."""
        commands: list[Command] = []
        lobbyists = [a for a in view.contacted(self.actor) if a != self.actor]
        if not lobbyists and not view.holds_a_veto(self.actor):
            return commands  # nothing to answer, no veto to threaten: the common case
        for draft in view.drafts():
            if draft.penholder == self.actor or draft.rival_of:
                continue
            body = view.body(draft.body)
            veto_holder = self.actor in body.veto
            if not veto_holder and not lobbyists:
                continue  # nothing to answer: no need to look at the text
            if self.actor not in body.members:
                continue
            commands += self._speak(view, draft, veto_holder, lobbyists)
        return commands

    def _speak(
        self, view: WorldView, draft: Draft, veto_holder: bool, lobbyists: list[str]
    ) -> list[Command]:
        # Forecasts, asks, red lines and rival texts are searches over the text: each is worked
        # out only when it can still lead to something said or tabled (statements are made once
        # per version of the text, a rival text once per draft).
        said = {(st.kind, st.to) for st in view.statements(draft) if st.actor == self.actor}
        unanswered = [
            lobbyist
            for lobbyist in dict.fromkeys(lobbyists)
            if ("ask", lobbyist) not in said and ("opposition", lobbyist) not in said
        ]
        if not veto_holder and not unanswered:
            return []
        result, _ = view.seen_by(self.actor).forecast(draft)
        choice = result.choices()[self.actor]
        if choice == "yes":
            return []
        search = view.concessions(draft, self.actor)
        if (
            veto_holder
            and choice == "no"
            and view.threatened(draft, self.actor)
            and not view.was_tabled(rival_id(draft.id, self.actor))
        ):
            rival = search.rival_text()
            tabled = TableRivalDraft(self.actor, draft.id, rival) if rival else None
            if tabled is not None and not view.check(tabled):
                return [tabled]
        threat = veto_holder and choice == "no" and ("veto_threat", "") not in said
        if not threat and not unanswered:
            return []
        ask = search.ask()
        if threat:
            line = search.red_line()
            text = f"We cannot accept {line}: as it stands, we will vote against this text."
            if ask is not None:
                text += f" {ask.text()}"
            return [
                MakeStatement(
                    self.actor, draft.id, "veto_threat", text, "no", ask.clauses if ask else None
                )
            ]
        commands: list[Command] = []
        line = search.red_line() if ask is None else ""
        for lobbyist in unanswered:
            if ask is not None:
                commands.append(
                    MakeStatement(
                        self.actor, draft.id, "ask", ask.text(), ask.then, ask.clauses, lobbyist
                    )
                )
            else:
                text = f"Nothing within reach of this text will change our vote: not with {line}."
                commands.append(
                    MakeStatement(self.actor, draft.id, "opposition", text, choice, None, lobbyist)
                )
        return commands
