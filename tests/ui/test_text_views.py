"""The news, the briefing and the debrief show their text in our own scrolling text boxes: every
word there, wrapped within the box, bold and colour where they carry meaning (adoptions, headings),
scrolling by the wheel and the keys to the end, and only the lines in view drawn."""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver, recorded_lines
from sim.devtools.screenshots import advise_until, play_to_debrief
from sim.model.words import without_repeats
from sim.ui import theme
from sim.ui.screens.chamber import QUIET
from sim.ui.screens.debrief import DebriefScreen
from sim.ui.screens.news import NewsScreen
from sim.ui.screens.textviews import TextViews
from sim.ui.widgets.richtext import Style, parse
from sim.ui.widgets.textview import TextView
from sim.ui.words import namer

ROOT = Path(__file__).resolve().parents[2]
ADOPTED = (86, 180, 233)  # the news's colour of an adoption (#56B4E9)


def overflowing(view: TextView) -> list[str]:
    """The rows wider than the box, in words (none when every row is wrapped within it)."""
    out = []
    for row in view.rows:
        for run in row.runs:
            font = view.text.font(view.size, run.style.bold, run.style.italic)
            right = run.x + font.size(run.text.rstrip())[0]
            if right > view.inner.w + 1:
                out.append(f"{run.text!r} ends at {right} in a box {view.inner.w} wide")
    return out


def view_lines(d: Driver, view: TextView) -> list[str]:
    """The runs of text ``view`` draws in one frame."""
    with recorded_lines(view.text) as seen:
        view.draw(d.app.window)
    return seen


def wheel_over(d: Driver, view: TextView, notches: int) -> None:
    """Turn the wheel with the pointer over ``view`` (negative: towards the end)."""
    centre = view.rect.center
    pygame.mouse.set_pos(centre)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=notches, flipped=False))
    d.frames(2)


def test_styled_text_is_read_wrapped_and_broken_within_its_box() -> None:
    pygame.font.init()
    markup = (
        "<b>Heading</b><br>You are <b>Arnesia</b> (ARN).<br><br>"
        "<font color='#56B4E9'><b>Adopted</b> &amp; <i>noted</i></font><br>"
        "  • indented, and a word too long for any row: " + "x" * 300
    )
    paragraphs = parse(markup)
    assert [p.text for p in paragraphs] == [
        "Heading",
        "You are Arnesia (ARN).",
        "",
        "Adopted & noted",
        "  • indented, and a word too long for any row: " + "x" * 300,
    ]
    assert paragraphs[1].spans[1].style == Style(bold=True)
    blue = paragraphs[3].spans
    assert blue[0].style == Style(bold=True, colour=ADOPTED)
    assert blue[2].style == Style(italic=True, colour=ADOPTED)

    view = TextView(pygame.Rect(0, 0, 320, 200), theme.Text(1.0))
    view.show(paragraphs)
    view.lay_out()
    assert not overflowing(view)
    texts = ["".join(run.text for run in row.runs) for row in view.rows]
    assert texts[:4] == ["Heading", "You are Arnesia (ARN).", "", "Adopted & noted"]
    assert texts[4].startswith("  • indented")  # a paragraph's leading spaces are kept
    assert "".join(texts[4:]).replace(" ", "") == paragraphs[4].text.replace(" ", "")
    assert view.height > view.inner.h  # so it scrolls: to its end and back
    view.scroll_end()
    assert view.offset == view.max_offset() > 0
    assert texts[-1] in view.lines_in_view()


def _to_first_news(d: Driver) -> NewsScreen:
    """From the chamber, the advisor plays until the first month's news is up and whole."""
    advise_until(d, "news", passing="vote", limit=300)
    assert d.screen() == "news" and d.settle()
    screen = d.app.screen
    assert isinstance(screen, NewsScreen)
    return screen


def test_the_news_shows_every_event_of_the_month_wrapped_and_the_adoption_in_colour(
    chamber: Driver,
) -> None:
    d = chamber
    screen = _to_first_news(d)
    [view] = screen.views
    game = d.app.game
    assert game is not None
    names = namer(game.world)
    month = [
        e
        for e in without_repeats(e for e in game.world.events if e.kind not in QUIET)
        if e.month == screen.month
    ]
    said = [p.text for p in view.paragraphs]
    assert sorted(said) == sorted(names.text(e.text) for e in month)
    assert not overflowing(view)
    assert any(p.flag is not None for p in view.paragraphs), "a state's news has its flag"

    # The adoption is in bold and in its colour, as the player sees it on the window.
    adoption = next(e for e in month if e.kind == "resolution_adopted")
    row = next(r for r in view.rows if names.text(adoption.text).startswith(r.runs[0].text))
    assert row.runs[0].style == Style(bold=True, colour=ADOPTED)
    d.frames(1)
    y = view.inner.y + row.y - view.offset
    band = d.app.window.subsurface(pygame.Rect(view.inner.x, y, view.inner.w, view.line))
    pixels = {
        tuple(band.get_at((x, yy)))[:3]
        for x in range(0, band.get_width(), 2)
        for yy in range(band.get_height())
    }
    assert ADOPTED in pixels

    # Only what is in view is drawn; Enter goes back to the chamber.
    assert len(view_lines(d, view)) <= sum(len(r.runs) for r in view.visible())
    d.key(pygame.K_RETURN)
    assert d.screen() == "chamber"


def test_the_debrief_scrolls_to_its_end_and_keeps_its_place_as_its_text_grows(
    chamber: Driver,
) -> None:
    d = chamber
    play_to_debrief(d)
    screen = d.app.screen
    assert isinstance(screen, DebriefScreen)
    assert screen.turning.wait(120), "the turning points were never worked out"
    d.frames(4)
    view = screen.body
    assert view.done and "Turning points" in view.plain()
    assert "Working them out" not in view.plain()
    assert not overflowing(view)
    heading = next(r for r in view.rows if r.runs and r.runs[0].text == "Key votes and why")
    assert heading.runs[0].style.bold
    assert view.height > 3 * view.inner.h, "a whole game's debrief is long"

    # Only what is in view is drawn, from the top.
    drawn = view_lines(d, view)
    assert drawn and len(drawn) <= sum(len(r.runs) for r in view.visible())
    assert view.rows[-1].runs[0].text not in drawn

    # End shows the last vote's last line, Home the top; the wheel over the box scrolls.
    d.key(pygame.K_END)
    assert view.offset == view.max_offset()
    last = "".join(run.text for run in view.rows[-1].runs)
    assert last in view.lines_in_view()
    assert view.rows[-1].runs[-1].text in view_lines(d, view)
    d.key(pygame.K_HOME)
    assert view.offset == 0
    wheel_over(d, view, -2)
    assert view.offset > 0

    # The text made again (as when the other lines of play arrive) keeps the place.
    d.key(pygame.K_PAGEDOWN)
    place = view.offset
    screen.turning_shown = False
    d.frames(2)  # one frame sees the change, the next makes the text
    assert not screen.pending, "the text was made again"
    assert view.offset == place and view.height >= place + view.inner.h  # what is in view
    assert d.until(lambda: view.done, 20)
    assert view.offset == place and "Turning points" in view.plain()


def test_the_briefing_boxes_wrap_at_the_smallest_window_and_scroll_under_the_pointer() -> None:
    d = Driver.start((1024, 600), scenario=ROOT / "scenarios" / "rwanda_1994.toml")
    try:
        d.click(d.button("New game"))
        assert d.screen() == "briefing" and d.settle()
        d.frames(1)
        screen = d.app.screen
        assert isinstance(screen, TextViews)
        left, right = screen.views
        assert "Situation" in left.plain() and "Your seat" in left.plain()
        assert "How the game can end" in right.plain() and "Sources" in right.plain()
        assert not overflowing(left) and not overflowing(right)
        assert right.height > right.inner.h  # endings, assumptions, sources: it scrolls
        # The keys scroll the box under the pointer (else the first); the message line
        # keeps off both boxes.
        pygame.mouse.set_pos(right.rect.center)
        d.key(pygame.K_PAGEDOWN)
        assert right.offset > 0 and left.offset == 0
        paged = right.offset
        pygame.mouse.set_pos((2, 2))
        d.key(pygame.K_END)
        assert left.offset == left.max_offset() and right.offset == paged
        pygame.mouse.set_pos(right.rect.center)
        d.key(pygame.K_END)
        assert right.offset == right.max_offset() > paged
        assert "".join(run.text for run in right.rows[-1].runs) in right.lines_in_view()
        assert screen.busy_rects() == [left.rect, right.rect]
    finally:
        pygame.quit()
