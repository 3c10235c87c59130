"""What a first-time player found cut short or crowded, at 1280x720 and 1920x1080: the F1 help
("Advisor acts: Do what the AI penholder would do this p…"), the chamber's objectives ("Both
resolutions adopted by the end o…"), the world view's organization buttons ("ECOWAS: Economic
Community of West Afr…")."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.model.names import draft_title

SIZES = [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.0), ((1920, 1080), 2.0)]


@pytest.mark.parametrize("size,scale", SIZES)
def test_the_help_shows_every_key_and_what_it_does_in_full(
    size: tuple[int, int], scale: float
) -> None:
    d = Driver.start(size, scale)
    try:
        d.take_seat()
        d.key(pygame.K_F1)
        lines = d.lines_drawn()
        assert not [line for line in lines if line.endswith("…")]
        shown = " ".join(" ".join(lines).split())
        for key, what in d.app.screen.help():
            assert key in lines and " ".join(what.split()) in shown, (key, what)
    finally:
        pygame.quit()


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scenario", ["rwanda_1994", "libya_2011"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_chamber_shows_every_objective_in_full(scenario: str, size: tuple[int, int]) -> None:
    d = Driver.start(size, scenario=ROOT / "scenarios" / f"{scenario}.toml")
    try:
        d.take_seat()
        d.app.screen.tracker = None  # type: ignore[attr-defined]  # drawn again in this frame
        shown = " ".join(d.lines_drawn())
        game = d.app.game
        assert game is not None
        for objective in game.world.objectives:
            assert objective.name in shown, objective.name
    finally:
        pygame.quit()


def test_the_world_view_of_1993_offers_no_later_organization_and_cuts_no_name() -> None:
    """Rwanda, October 1993: the Organization of African Unity, not the African Union (founded
    2002) nor the European Union (November 1993); every button's text whole; Cape Verde, on the
    Council but too small to label, is listed as such."""
    from sim.ui.worldmap import world_maps

    d = Driver.start((1280, 720), scenario=ROOT / "scenarios" / "rwanda_1994.toml")
    try:
        d.take_seat()
        d.key(pygame.K_w)
        screen = d.app.screen
        assert screen.name == "world"
        size = screen.map_rect.size  # type: ignore[attr-defined]
        assert d.until(lambda: world_maps().index_map(size) is not None, 3000)
        texts = [b.text for b in d.buttons()]
        assert "Organization of African Unity" in texts
        assert not [t for t in texts if "African Union" in t or "European Union" in t]
        assert "Economic Community of West African States" in texts
        assert not [t for t in texts if t.endswith("…")]
        lines = d.lines_drawn()
        assert "Too small for this map:" in lines and "Cape Verde" in lines
    finally:
        pygame.quit()


def test_an_organization_is_offered_from_its_founding_month() -> None:
    from sim.ui.screens.world import existed

    assert not existed("2002-07-09", "1993-10") and existed("2002-07-09", "2011-02")
    assert not existed("1993-11-01", "1993-10") and existed("1993-11-01", "1993-11")
    assert existed("", "1993-10") and existed("2002-07-09", "")


@pytest.mark.parametrize("width", [140, 400])
def test_chart_axes_start_at_zero_and_read_130k(width: int) -> None:
    """A troops chart with 0 troops had an axis from -0.05 to 0.05; the displaced axis read
    "130000"."""
    from sim.ui.charts import figure

    _, ax = figure("troops_deployed", (0.0, 0.0, 0.0), (width, 150), "#56b4e9")
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] > 0
    assert all(float(tick).is_integer() for tick in ax.get_yticks()), "no quarter of a soldier"
    _, ax = figure("displaced", (112_000.0, 131_000.0, 136_260.0), (width, 150), "#e69f00")
    assert ax.get_ylim()[0] == 0
    formatter = ax.yaxis.get_major_formatter()
    labels = [formatter(tick) for tick in ax.get_yticks()]
    assert any(label.endswith("k") for label in labels), labels
    assert not [label for label in labels if label.rstrip("k").isdigit() and len(label) > 4]
    _, ax = figure("intensity", (0.6, 0.9, 0.4), (width, 150), "#56b4e9")
    assert ax.get_ylim()[0] == 0
    for name, values in (("civilian_deaths", (150.0, 215.0)), ("intensity", (0.6, 0.4))):
        canvas, ax = figure(name, values, (width, 150), "#56b4e9")
        titles = [ax.get_title(loc="left")] + [t.get_text() for t in canvas.figure.texts]
        assert name.replace("_", " ").capitalize() in titles, "every chart keeps its title"


def test_a_contributor_is_told_what_the_mission_draft_will_ask_of_it() -> None:
    """Rwanda as Belgium (a troop contributor off the Council): with the UNAMIR draft tabled, the
    chamber's hint and the seat screen say a pledge comes once it is adopted, not "Nothing more
    to decide"."""
    d = Driver.start((1280, 720), scenario=ROOT / "scenarios" / "rwanda_1994.toml")
    try:
        d.click(d.button("New game"))
        d.click(d.button("Choose seat"))
        d.click(d.button("1. "))  # the default seat out
        d.click(d.app.screen.seat_buttons["BEL"])  # type: ignore[attr-defined]
        d.key(pygame.K_RETURN)
        d.click(d.button("Take your seat"))
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting, 3000)
        d.frames(2)
        assert d.app.game is not None and d.app.game.player == "BEL"
        hint = d.app.screen.hint.text  # type: ignore[attr-defined]
        assert "you pledge once it is adopted" in hint, hint
        d.key(pygame.K_u)
        shown = " ".join(d.lines_drawn())
        # The draft by what it does: its resolution number would tell the vote before it is held.
        assert (
            "Nothing to decide here yet: once the Council adopts 'The UN Assistance Mission for"
            " Rwanda (UNAMIR)'" in shown
        )
    finally:
        pygame.quit()


def test_the_penholder_is_not_told_to_table_a_tabled_draft_and_the_whip_agrees_with_cards(
    chamber: Driver,
) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_u)
    assert "table it (T)" in " ".join(d.lines_drawn())
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_t)  # table the draft
    draft = game.council_draft()
    assert draft is not None and draft.version > 0
    d.key(pygame.K_u)
    shown = " ".join(d.lines_drawn())
    assert "table it (T)" not in shown and "is before the Council: change its clauses" in shown
    d.key(pygame.K_ESCAPE)
    d.app.screen.table = None  # type: ignore[attr-defined]  # the table is drawn again
    shown = " ".join(d.lines_drawn())
    forecast = game.forecast()
    assert forecast is not None
    tally = forecast[2]
    likely = f"{len(tally.yes)} yes · {len(tally.no)} no · {len(tally.abstain)} abstain"
    assert f"Whip count: {likely}" in shown


def test_the_draft_editor_uses_a_wide_window() -> None:
    """At 1920x1080 the clause controls stopped at 740 px and half the screen stayed empty; the
    Rwanda title was cut short. Now the columns widen with the window and the title is whole."""
    d = Driver.start((1920, 1080), scenario=ROOT / "scenarios" / "rwanda_1994.toml")
    try:
        d.take_seat()
        d.key(pygame.K_e)
        assert d.screen() == "draft"
        lines = d.lines_drawn()
        game = d.app.game
        assert game is not None
        draft = game.council_draft()
        assert draft is not None
        title = draft_title(game.world, draft.id)  # by what it does: no number before the vote
        assert any(title in line for line in lines)
        assert not [line for line in lines if line.endswith("…")]
        clause_buttons = [b for b in d.buttons() if b.rect.top < 1080 - 120]
        assert max(b.rect.right for b in clause_buttons) > 1000
    finally:
        pygame.quit()
