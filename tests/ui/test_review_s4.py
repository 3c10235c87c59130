"""What a first-time player still found on main (the session-4 review): a ballot factor cut
short ("Policy: Pressure on the part…"), "arrives after 1 months" on a troop contributor, and a
half-empty box on the tutorial's world view."""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.ui import theme

ROOT = Path(__file__).resolve().parents[2]
RWANDA = ROOT / "scenarios" / "rwanda_1994.toml"


def test_your_vote_names_every_factor_in_full() -> None:
    """Rwanda at 1280x720: New Zealand's ballot shows "Policy: Pressure on the parties" whole."""
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.take_seat()
        d.key(pygame.K_y)
        assert d.screen() == "ballot"
        lines = d.lines_drawn()
        assert "Policy: Pressure on the parties" in lines
        assert not [line for line in lines if line.startswith("Policy:") and line.endswith("…")]
    finally:
        pygame.quit()


def test_a_contributor_arriving_after_one_month_is_not_plural() -> None:
    """Rwanda: Belgium, the first troop contributor, "arrives after 1 month", not "1 months"."""
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.take_seat()
        d.key(pygame.K_h)
        d.key(pygame.K_w)
        assert d.screen() == "deciders"
        lines = d.lines_drawn()
        assert "Belgium — troop contributor" in lines
        header = next(line for line in lines if "arrives after" in line)
        assert "arrives after 1 month ·" in header
        assert not re.search(r"\b1 months\b", " ".join(lines))
    finally:
        pygame.quit()


def test_the_fictional_world_view_box_is_as_tall_as_its_words() -> None:
    """The tutorial has no world map: its explanation sits in a box that ends below its last
    line, not a box twice as tall with an empty lower half."""
    d = Driver.start((1280, 720))
    try:
        d.take_seat()
        d.key(pygame.K_w)
        assert d.screen() == "world"
        lines = d.lines_drawn()
        assert "No world map for this scenario" in lines
        window = d.app.window
        assert window.get_at((90, 130))[:3] == theme.PANEL  # inside the box, above its heading
        assert window.get_at((90, 300))[:3] == theme.BG  # where the empty half used to be
    finally:
        pygame.quit()


def test_the_briefing_names_no_scenario_file() -> None:
    """Libya's briefing says how long the game is and from when, not "Scenario libya_2011"."""
    from pygame_gui.elements import UILabel

    d = Driver.start((1280, 720), scenario=ROOT / "scenarios" / "libya_2011.toml")
    try:
        d.click(d.button("New game"))
        assert d.screen() == "briefing"
        labels = [e.text for e in d.app.screen.elements if isinstance(e, UILabel)]
        assert "At most 9 months from February 2011 · seed 7" in labels
        assert not [t for t in labels if "libya_2011" in t]
    finally:
        pygame.quit()


def test_a_seat_with_nothing_to_decide_leaves_no_gap_under_its_roles() -> None:
    """New Zealand in Rwanda: "Nothing to decide…" follows its roles, not a blank band."""
    d = Driver.start((1280, 720), scenario=RWANDA)
    try:
        d.take_seat()
        d.key(pygame.K_u)
        assert d.screen() == "seat"
        rendered: dict[int, str] = {}
        seen: list[tuple[str, int]] = []
        text, render = d.app.text, d.app.text.render

        def recording(line: str, *args: object, **kwargs: object) -> pygame.Surface:
            surface = render(line, *args, **kwargs)  # type: ignore[arg-type]
            rendered[id(surface)] = line
            return surface

        class Page(pygame.Surface):
            """The screen's page, noting where each line of text lands."""

            def blit(self, source: pygame.Surface, dest: object, *args: object) -> pygame.Rect:  # type: ignore[override]
                if id(source) in rendered and isinstance(dest, tuple):
                    seen.append((rendered[id(source)], int(dest[1])))
                return super().blit(source, dest, *args)  # type: ignore[arg-type]

        text.render = recording  # type: ignore[method-assign]
        try:
            d.app.screen.draw(Page(d.app.window.get_size()))
        finally:
            del text.render
        ys = {line: y for line, y in seen}
        nothing = ys["Nothing to decide on this screen right now."]
        roles = max(y for line, y in seen if y < nothing)
        assert nothing - roles <= 45, (roles, nothing)
    finally:
        pygame.quit()


def test_settings_say_they_are_kept_without_a_file_path() -> None:
    """Settings from the title (S): they say they are kept, not "Saved in /home/…/settings.json"."""
    d = Driver.start((1280, 720))
    try:
        d.key(pygame.K_s)
        assert d.screen() == "settings"
        lines = d.lines_drawn()
        assert "Saved as you change them, for your next game too" in lines
        assert not [line for line in lines if "settings.json" in line or "/" in line]
    finally:
        pygame.quit()
