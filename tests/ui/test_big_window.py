"""A big window is used, not left empty: at 1920x1080 (UI scale 1.0) the chamber's seat cards
are larger than at 1280x720 and its log and objectives in larger type, the draft editor's
clauses reach down the window, the peace talks' issues fill the height as they do at 1280x720,
the theatre's left panel is wider with larger type; a classroom's messages and the teacher's
desk grow and show more; seat cards name their members where the names fit; and nothing is
clipped, off screen or on top of something else there or at 2560x1440."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UILabel
from test_layout_grid import layout_problems

from sim.devtools.classroom_tour import LocalClassroom, wait, write
from sim.devtools.driver import Driver, recorded_lines
from sim.ui import theme
from sim.ui.netgame import connect_game
from sim.ui.screens import chamber
from sim.ui.widgets.seats import Seat, draw_card

ROOT = Path(__file__).resolve().parents[2]
LIBYA = ROOT / "scenarios" / "libya_2011.toml"


def seated(size: tuple[int, int], scenario: Path = LIBYA) -> Driver:
    d = Driver.start(size, scenario=scenario)
    d.take_seat()
    return d


@pytest.fixture
def small() -> Iterator[Driver]:
    d = seated((1280, 720))
    yield d
    pygame.quit()


def sizes_drawn(d: Driver) -> dict[str, int]:
    """Each line of text one frame draws, with the height in pixels of the type it is drawn in
    (the largest when it is drawn more than once)."""
    text = d.app.text
    render = text.render
    seen: dict[str, int] = {}

    def recording(line: str, size: int = 15, *args: object, **kwargs: object) -> pygame.Surface:
        surface = render(line, size, *args, **kwargs)  # type: ignore[arg-type]
        seen[line] = max(seen.get(line, 0), text.font(size).get_height())
        return surface

    text.render = recording  # type: ignore[method-assign]
    try:
        d.frames(1)
    finally:
        del text.render
    return seen


def height_of(sizes: dict[str, int], words: str) -> int:
    """The type of the first line drawn that holds ``words``."""
    return next(h for line, h in sizes.items() if words in line)


def cards(d: Driver) -> list[pygame.Rect]:
    """Where the seat cards are: their buttons (a click on a card opens the member)."""
    return [b.rect for b in d.buttons() if b.object_ids and b.object_ids[-1] == "#seat"]


def hint(d: Driver) -> UILabel:
    """The line under the chamber's buttons saying what to do next."""
    return next(
        e
        for e in d.app.screen.elements
        if isinstance(e, UILabel) and e.text.startswith("Nothing needs you")
    )


def fresh_chamber(d: Driver) -> dict[str, int]:
    """What the chamber draws with its objectives and log drawn again in this frame."""
    d.app.screen.tracker = None  # type: ignore[attr-defined]
    return sizes_drawn(d)


def test_the_chamber_at_1920_has_larger_cards_and_type_than_at_1280(small: Driver) -> None:
    small_cards = cards(small)
    small_type = fresh_chamber(small)
    small_hint = hint(small).font.size("Ag")[1]
    pygame.quit()
    d = seated((1920, 1080))
    try:
        big_cards = cards(d)
        big_type = fresh_chamber(d)
        assert len(big_cards) == len(small_cards) == 15
        assert min(r.w for r in big_cards) >= 1.4 * max(r.w for r in small_cards)
        assert min(r.h for r in big_cards) >= 1.4 * max(r.h for r in small_cards)
        window = pygame.Rect((0, 0), d.app.size)
        assert all(window.contains(r) for r in big_cards)
        assert not [(a, b) for a in big_cards for b in big_cards if a is not b and a.colliderect(b)]
        # The month, the log's latest event, the objectives and the hint what to do next, in
        # larger type than at 1280x720.
        for words in ("month 1 of 9", "circulates", "Both resolutions adopted"):
            assert height_of(big_type, words) > height_of(small_type, words), words
        assert hint(d).font.size("Ag")[1] > small_hint
        # The buttons on the right are wider: the column the log and objectives share.
        assert d.button("Skip to the next").rect.w >= 1.2 * small.button("Skip").rect.w
    finally:
        pygame.quit()


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080), (2560, 1440)])
def test_the_draft_before_the_council_runs_under_no_seat_card(size: tuple[int, int]) -> None:
    """The draft's title and whip count in the middle of the table, whole: before, at 1280x720
    the title's first and last letters were under the table's line ("esolution 1970 …")."""
    d = seated(size)
    try:
        screen = d.app.screen
        table = screen.table  # type: ignore[attr-defined]
        assert table is not None
        picture, at = table[0]  # the centre: the draft, its whip count and its verdict
        centre = picture.get_rect(topleft=at)
        assert not [r for r in cards(d) if r.colliderect(centre)]
        arc = screen.r(*screen._arc())  # type: ignore[attr-defined]  # the table's line
        half_w = arc.w / 2 - screen.s(16)
        b = arc.h / 2
        rise = (arc.centery - centre.top) / b
        inside = half_w * (1 - rise * rise) ** 0.5
        assert centre.w / 2 <= inside, (centre, inside)
    finally:
        pygame.quit()


def editor(size: tuple[int, int]) -> Driver:
    d = seated(size)
    d.click(d.button("Edit draft"))
    d.settle()
    d.frames(1)
    assert d.screen() == "draft"
    return d


def clauses_end(d: Driver) -> float:
    """How far down the window (0 top, 1 bottom) the last row of clause buttons ends (above
    the row of Undo, Table and Back at the bottom)."""
    h = d.app.size[1]
    return max(b.rect.bottom for b in d.buttons() if b.rect.top < h - 80 * d.app.scale) / h


def test_the_draft_editor_at_1920_spreads_its_clauses_and_names_each_member_whole() -> None:
    d = editor((1280, 720))
    small_end = clauses_end(d)
    small_w = d.button("Arms embargo").rect.w
    small_type = sizes_drawn(d)
    pygame.quit()
    d = editor((1920, 1080))
    try:
        big_end = clauses_end(d)
        # As at 1280x720 the clauses take most of the height (at 1920x1080 they ended at 61%).
        assert big_end >= 0.75 and big_end >= 0.85 * small_end, (big_end, small_end)
        assert d.button("Arms embargo").rect.w >= 1.15 * small_w
        big_type = sizes_drawn(d)
        for words in ("Sanctions and their targets", "Whip count on these clauses", "Brazil"):
            assert height_of(big_type, words) > height_of(small_type, words), words
        # The whip count's names whole where there is room (cut at 1280x720 and before).
        assert "Bosnia and Herzegovina" in big_type
    finally:
        pygame.quit()


def lowest_bar(d: Driver) -> float:
    """How far down the window (0 top, 1 bottom) the lowest of the parties' bars is drawn on
    the peace talks (their colour, right of the left column, above the actions)."""
    window = d.app.window
    w, h = d.app.size
    colour = pygame.Color(theme.SERIES[1])
    for y in range(h - round(200 * d.app.scale), 0, -1):
        for x in range(w // 2, w - 40, 7):
            if window.get_at((x, y))[:3] == tuple(colour)[:3]:
                return y / h
    return 0.0


def talks(size: tuple[int, int]) -> Driver:
    d = seated(size)
    d.key(pygame.K_h)
    d.settle()
    d.key(pygame.K_p)
    d.settle()
    d.frames(1)
    assert d.screen() == "peace"
    return d


def test_the_peace_talks_at_1920_fill_the_height_as_at_1280() -> None:
    d = talks((1280, 720))
    small_low = lowest_bar(d)
    small_type = sizes_drawn(d)
    pygame.quit()
    d = talks((1920, 1080))
    try:
        assert lowest_bar(d) >= 0.9 * small_low > 0, (lowest_bar(d), small_low)
        big_type = sizes_drawn(d)
        for words in ("Political transition", "No envoy has been appointed"):
            assert height_of(big_type, words) > height_of(small_type, words), words
    finally:
        pygame.quit()


def theatre(size: tuple[int, int]) -> Driver:
    d = seated(size)
    d.key(pygame.K_h)
    d.settle()
    d.frames(1)
    assert d.screen() == "theatre"
    return d


def panel_drawn(d: Driver) -> dict[str, int]:
    """What the theatre draws with its left panel drawn again in this frame."""
    d.app.screen.panel = None  # type: ignore[attr-defined]
    return sizes_drawn(d)


def test_the_theatre_panel_at_1920_is_wider_with_larger_type_beside_the_whole_map() -> None:
    d = theatre((1280, 720))
    small_w = d.app.screen.panel_area().w  # type: ignore[attr-defined]
    small_type = panel_drawn(d)
    pygame.quit()
    d = theatre((1920, 1080))
    try:
        screen = d.app.screen
        panel = screen.panel_area()  # type: ignore[attr-defined]
        assert panel.w >= 1.2 * small_w
        assert screen.layer is not None  # type: ignore[attr-defined]
        the_map = screen.layer.rect  # type: ignore[attr-defined]
        assert the_map.left > panel.right and the_map.right <= d.app.size[0]
        big_type = panel_drawn(d)
        for words in ("Parties", "No mission is in the theatre"):
            assert height_of(big_type, words) > height_of(small_type, words), words
    finally:
        pygame.quit()


@pytest.mark.parametrize("size", [(1920, 1080), (2560, 1440)])
def test_nothing_is_clipped_or_overlapping_on_the_grown_screens(size: tuple[int, int]) -> None:
    d = seated(size)
    try:
        found = {"chamber": layout_problems(d)}
        d.click(d.button("Edit draft"))
        d.settle()
        found["draft"] = layout_problems(d)
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_h)
        d.settle()
        found["theatre"] = layout_problems(d)
        d.key(pygame.K_p)
        d.settle()
        found["peace"] = layout_problems(d)
        assert d.screen() == "peace"
        assert not {k: v for k, v in found.items() if v}, found
    finally:
        pygame.quit()


def card_lines(seat: Seat, size: tuple[int, int]) -> list[str]:
    """The lines a seat card of ``size`` (UI scale 1.0) draws."""
    text = theme.Text(1.0)
    surface = pygame.Surface(size)
    with recorded_lines(text) as seen:
        draw_card(surface, text, seat, surface.get_rect(), 1.0)
    return seen


def test_a_seat_card_names_its_member_where_the_name_fits_else_shows_its_code(
    small: Driver,
) -> None:
    germany = Seat("DEU", "Germany", False, "yes", 200, 300, False)
    assert "Germany" in card_lines(germany, (92, 72))
    assert "DEU" not in card_lines(germany, (92, 72))
    assert "DEU" in card_lines(germany, (56, 72))  # a narrow card: the code
    uk = Seat("GBR", "United Kingdom", True, "yes", 200, 300, False)
    assert "GBR" in card_lines(uk, (92, 72))  # the name and the P5 tag do not fit
    # The player's own card: its name, with "YOU" moved under it when both do not fit.
    france = card_lines(Seat("FRA", "France", True, "yes", 200, 300, True), (92, 72))
    assert "France" in france and "YOU" in france


def test_the_chamber_names_members_on_their_cards_at_1920() -> None:
    d = seated((1920, 1080))
    try:
        chamber._CARDS.clear()  # drawn afresh, not taken from an earlier test's cards
        d.app.screen.table = None  # type: ignore[attr-defined]
        drawn = d.lines_drawn()
        for name in ("Germany", "Brazil", "Nigeria", "China", "Russia", "France"):
            assert name in drawn, name
        assert "DEU" not in drawn and "BRA" not in drawn
    finally:
        pygame.quit()


def classroom(size: tuple[int, int]) -> dict[str, object]:
    """A classroom game at ``size``: a seat sends two messages with offers (by real clicks and
    typing); what its messages screen and then the teacher's desk show."""
    served = LocalClassroom()
    seat = served.link(served.room.codes["ARN"])
    teacher = served.link(served.room.teacher_code)
    d = Driver.start(size)
    seen: dict[str, object] = {}
    try:
        game = connect_game(seat)
        d.app.start(game)
        assert wait(d, lambda: game.awaiting and d.screen() == "chamber")
        d.key(pygame.K_m)
        write(d, "Side payment", "Drop the ICC referral and Calderon abstains?")
        write(d, "Support for a clause", "We back the arms embargo if you back the mission.")
        assert len(game.session.mail) == 2
        screen = d.app.screen
        seen["messages"] = sizes_drawn(d)
        seen["list"] = screen.busy_rects()[0]
        seen["messages problems"] = layout_problems(d)
        d.key(pygame.K_ESCAPE)
        desk = connect_game(teacher)
        d.app.start(desk)
        assert wait(
            d, lambda: d.screen() == "chamber" and bool(desk.session.view_data.get("teacher"))
        )
        d.key(pygame.K_k)
        assert wait(d, lambda: len(desk.session.mail) >= 2)
        assert d.screen() == "teacher"
        seen["desk"] = sizes_drawn(d)
        seen["seats"] = d.app.screen.busy_rects()[0]
        seen["end"] = d.button("End the game").rect.bottom / d.app.size[1]
        seen["desk problems"] = layout_problems(d)
    finally:
        served.end(teacher)
        seat.close()
        teacher.close()
        pygame.quit()
    return seen


def test_the_classroom_screens_at_1920_are_wider_in_larger_type_and_show_more() -> None:
    small_room = classroom((1280, 720))
    big_room = classroom((1920, 1080))
    small_list, big_list = small_room["list"], big_room["list"]
    assert isinstance(small_list, pygame.Rect) and isinstance(big_list, pygame.Rect)
    assert big_list.w >= 1.2 * small_list.w
    small_type, big_type = small_room["messages"], big_room["messages"]
    assert isinstance(small_type, dict) and isinstance(big_type, dict)
    # The messages, by name, and the clauses an offer of support names, larger at 1920.
    for words in ("Arnesia to Calderon: Drop the ICC", "ICC referral", "With an offer"):
        assert height_of(big_type, words) > height_of(small_type, words), words
    small_desk, big_desk = small_room["desk"], big_room["desk"]
    assert isinstance(small_desk, dict) and isinstance(big_desk, dict)
    for words in ("Latest private messages", "Calderon", "Seat: Arnesia", "Latest in the game"):
        assert height_of(big_desk, words) > height_of(small_desk, words), words
    assert not [line for line in big_desk if "(ARN)" in line or "Seat: ARN" in line]
    small_seats, big_seats = small_room["seats"], big_room["seats"]
    assert isinstance(small_seats, pygame.Rect) and isinstance(big_seats, pygame.Rect)
    assert big_seats.w >= 1.2 * small_seats.w
    # The teacher's controls reach as far down the window as at 1280x720 (at 1920x1080 they
    # were bunched in its top 60%).
    assert float(big_room["end"]) >= 0.95 * float(small_room["end"])  # type: ignore[arg-type]
    problems = {k: v for k, v in big_room.items() if k.endswith("problems") and v}
    assert not problems, problems


def consultations(size: tuple[int, int]) -> Driver:
    d = seated(size)
    d.key(pygame.K_c)
    d.settle()
    d.frames(1)
    assert d.screen() == "consult"
    return d


def test_the_consultations_in_a_big_window_say_what_moves_the_member_below_the_choices() -> None:
    d = consultations((1280, 720))
    small_type = sizes_drawn(d)
    pygame.quit()
    assert not [line for line in small_type if line.startswith("What moves")]  # no room
    for size in ((1920, 1080), (2560, 1440)):
        d = consultations(size)
        try:
            big_type = sizes_drawn(d)
            assert "What moves Bosnia and Herzegovina on this draft" in big_type
            assert "= All together" in big_type
            assert len([line for line in big_type if line.startswith("Policy: ")]) >= 3
            for words in ("Member to work on", "Regional endorsement of your draft"):
                assert height_of(big_type, words) > height_of(small_type, words), words
            # The list follows the member chosen.
            d.click(d.button("Germany"))
            assert "What moves Germany on this draft" in d.lines_drawn()
            assert not layout_problems(d), layout_problems(d)
        finally:
            pygame.quit()
