"""``mandate compare``: a class's saves of one scenario side by side in one offline HTML page.

For each save (a group of students): the ending and score; every draft the group tabled, the
clauses it first contained and which of them survived into the text put to the vote; who
vetoed what; and one chart with every group's civilian deaths over time. Built on the same
saves, debrief data and templates as ``mandate report``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sim.analysis.debrief import month_title
from sim.analysis.savegame import LoadedGame
from sim.model import endings
from sim.model.commands import TableDraft, TableRenewal
from sim.model.drafts import Clauses
from sim.model.saves import SaveError


def clause_items(clauses: Clauses) -> list[str]:
    """A text's clauses one by one, in words (what can survive or be dropped)."""
    items = [f"Chapter {clauses.chapter}"]
    for kind, ceiling in clauses.ceilings().items():
        if ceiling:
            items.append(f"{ceiling:,} {kind}")
    items += [f"task: {t.replace('_', ' ')}" for t in clauses.tasks]
    for s in clauses.sanctions:
        targets = f" on {', '.join(s.targets)}" if s.targets else ""
        items.append(f"{s.kind.replace('_', ' ')}{targets}")
    if clauses.referral:
        items.append("ICC referral")
    items += [f"demand: {d.replace('_', ' ')}" for d in clauses.demands]
    return items


@dataclass(frozen=True)
class DraftLine:
    """One draft a group tabled: its clauses, which survived, and how its last vote went."""

    draft: str
    tabled: str
    clauses: tuple[tuple[str, bool], ...]  # (clause, survived into the last text voted)
    result: str


@dataclass(frozen=True)
class Group:
    """One save in the comparison."""

    label: str
    player: str
    seed: int
    ending: str
    score: dict[str, float | int]
    drafts: tuple[DraftLine, ...]
    vetoes: tuple[str, ...]
    deaths: tuple[float, ...]


def group(game: LoadedGame) -> Group:
    """What the comparison shows of one save."""
    world = game.world
    player = game.save.player
    templates = {t.id: t for t in world.templates}
    drafts = []
    for command in game.session.engine.log:
        if not isinstance(command, TableDraft | TableRenewal) or command.actor != player:
            continue
        if isinstance(command, TableDraft):
            draft_id = command.draft
            first = command.clauses or templates[command.draft].clauses
        else:
            draft_id = next(
                (v.draft for v in world.votes if v.draft.startswith(f"{command.mission}-renewal")),
                f"{command.mission} renewal",
            )
            first = command.clauses
        votes = [v for v in world.votes if v.draft == draft_id]
        last = votes[-1] if votes else None
        kept = set(clause_items(last.clauses)) if last else set()
        if last is None:
            result = "never put to the vote"
        elif last.tally.vetoed_by:
            result = f"{last.tally.counts()}, vetoed by {', '.join(last.tally.vetoed_by)}"
        else:
            result = f"{last.tally.counts()}, {'adopted' if last.tally.passed else 'failed'}"
        when = month_title(game.scenario, votes[0].month) if votes else ""
        items = tuple((c, c in kept) for c in clause_items(first))
        drafts.append(DraftLine(draft_id, when, items, result))
    vetoes = tuple(
        f"{month_title(game.scenario, v.month)}: {', '.join(v.tally.vetoed_by)} vetoed {v.draft}"
        for v in world.votes
        if v.tally.vetoed_by
    )
    outcome = world.outcome
    return Group(
        label=game.save.label or game.path.stem,
        player=player,
        seed=game.save.seed,
        ending=outcome.name if outcome else "Unfinished",
        score=endings.score(world),
        drafts=tuple(drafts),
        vetoes=vetoes,
        deaths=tuple(world.metrics.get("civilian_deaths", [])),
    )


def check_same_scenario(games: Sequence[LoadedGame]) -> None:
    """A comparison is of one scenario: refuse saves of different scenarios, naming them."""
    ids = {g.scenario.id for g in games}
    if len(ids) > 1:
        named = ", ".join(f"{g.path.name} ({g.scenario.id})" for g in games)
        raise SaveError(f"the saves are of different scenarios: {named}")


def write_comparison(games: Sequence[LoadedGame], folder: Path) -> Path:
    """Write ``index.html`` and the deaths chart into ``folder``; returns the page's path."""
    from sim.analysis.htmlreport import environment, line_chart
    from sim.model.saves import write_text_atomic

    check_same_scenario(games)
    groups = [group(g) for g in games]
    folder.mkdir(parents=True, exist_ok=True)
    cumulative = {}
    for g in groups:
        total, series = 0.0, []
        for value in g.deaths:
            total += value
            series.append(total)
        cumulative[g.label] = series
    line_chart(folder / "deaths.png", "Civilian deaths so far, by group", cumulative, "people")
    page = folder / "index.html"
    template = environment().get_template("compare.html.j2")
    write_text_atomic(page, template.render(scenario=games[0].scenario, groups=groups))
    page.chmod(0o644)
    return page
