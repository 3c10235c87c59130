"""World view: roster ids matched with the map's ISO codes, stances on the map, overlays."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.ui import worldmap
from sim.ui.screens.world import PATTERNS, WorldScreen, pale
from sim.ui.widgets.symbols import COLOURS, kind_of
from sim.ui.worldmap import RENAMED, Style, iso_table, map_countries, world_maps

#: UN members the map package does not draw: small island states, Qatar, and South Sudan
#: (the map predates its independence in 2011). The screen lists them under the map.
NOT_DRAWN = (
    "ATG",
    "BHS",
    "BRB",
    "COM",
    "DMA",
    "FJI",
    "FSM",
    "GRD",
    "KIR",
    "KNA",
    "LCA",
    "MHL",
    "NRU",
    "PLW",
    "QAT",
    "SLB",
    "SSD",
    "TON",
    "TTO",
    "TUV",
    "VCT",
    "VUT",
    "WSM",
)


def test_every_roster_member_is_on_the_map_or_reported() -> None:
    table = iso_table()
    assert len(table.names) == 193
    assert set(table.iso2) | set(table.not_drawn) == set(table.names)
    assert not set(table.iso2) & set(table.not_drawn)
    assert table.not_drawn == NOT_DRAWN
    assert len(set(table.iso2.values())) == len(table.iso2), "two members on one country"
    countries = map_countries()
    assert all(code in countries for code in RENAMED.values())
    # Names that look alike stay apart.
    assert table.iso2["NER"] == "ne" and table.iso2["NGA"] == "ng"
    assert table.iso2["SDN"] == "sd" and "SSD" in table.not_drawn
    assert table.iso2["DOM"] == "do" and "DMA" in table.not_drawn
    assert table.iso2["GIN"] == "gn" and table.iso2["GNB"] == "gw" and table.iso2["GNQ"] == "gq"


def test_the_matching_agrees_with_country_converter() -> None:
    """An independent check: country_converter's own table of ISO codes (read as the roster's
    generator reads it, without pandas)."""
    pytest.importorskip("country_converter")
    import csv
    from importlib import resources

    tsv = (resources.files("country_converter") / "country_data.tsv").read_text(encoding="utf-8")
    # The ISO2 column is a regex for a few rows ("^gb$|^uk$"): the first alternative is the code.
    iso2 = {
        row["ISO3"].strip(): row["ISO2"].split("|")[0].strip("^$ ").lower()
        for row in csv.DictReader(tsv.splitlines(), delimiter="\t")
    }
    table = iso_table()
    assert {i: iso2[i] for i in table.iso2} == table.iso2


def _world(d: Driver) -> WorldScreen:
    d.key(pygame.K_w)
    screen = d.app.screen
    assert isinstance(screen, WorldScreen)
    for _ in range(4):
        world_maps().wait()
        d.frames(2)
    return screen


def _start(path: Path) -> Driver:
    d = Driver.start(scenario=path)
    d.key(pygame.K_RETURN)  # New game
    d.key(pygame.K_RETURN)  # Take your seat
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    return d


def test_fictional_scenario_shows_a_message_instead_of_a_map(chamber: Driver) -> None:
    screen = _world(chamber)
    assert "fictional" in screen.problem
    assert [b.text for b in chamber.buttons()] == ["Back"]
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "chamber"


def test_every_member_is_coloured_by_its_forecast_with_a_pattern(roster_scenario: Path) -> None:
    d = _start(roster_scenario)
    try:
        screen = _world(d)
        assert screen.problem == ""
        game = d.app.game
        assert game is not None
        forecast = game.forecast()
        assert forecast is not None
        draft, ballot, _ = forecast
        _, stances = screen.stances()
        assert set(stances) == set(game.world.states.ids)
        for i, actor in enumerate(ballot.voters):
            assert stances[actor] == (kind_of(ballot.choices()[actor], ballot.veto[i]), True)
        leanings = game.leanings(draft)
        assert stances["TCD"] == (leanings["TCD"], False)
        kinds = {k for k, _ in stances.values()}
        assert {"yes", "veto"} <= kinds, "the test scenario has both yes and veto threats"
        styles = screen.styles(stances)
        table = iso_table()
        for actor, (kind, council) in stances.items():
            code = table.iso2.get(actor)
            if code is None:
                continue
            colour = COLOURS[kind] if council else pale(COLOURS[kind])
            assert styles[code] == Style(colour, PATTERNS[kind])
        # The painted map shows each country in its colour (or the pattern's dark stripes).
        size = screen.map_rect.size
        painted = world_maps().surface(size, styles, frozenset(), screen.scale)
        imap = world_maps().index_map(size)
        assert painted is not None and imap is not None
        position = {c: n + 1 for n, c in enumerate(worldmap.codes())}
        for code in ("fr", "ru", "br", "td"):
            x, y = imap.points[position[code]]
            pixel = tuple(painted.get_at((x, y)))[:3]
            colour = styles[code].colour
            assert pixel in (colour, tuple(int(c * 0.3) for c in colour)), code
        # Members too small for the map are still listed (QAT sits in the scenario).
        assert "QAT" in stances and "QAT" in table.not_drawn
    finally:
        pygame.quit()


def test_pointing_and_clicking_a_country_and_the_organization_overlay(
    roster_scenario: Path,
) -> None:
    d = _start(roster_scenario)
    try:
        screen = _world(d)
        imap = world_maps().index_map(screen.map_rect.size)
        assert imap is not None
        position = {c: n + 1 for n, c in enumerate(worldmap.codes())}
        x, y = imap.points[position["fr"]]
        d.click_at((screen.map_rect.x + x, screen.map_rect.y + y))
        assert screen.hover == "fr" and screen.chosen == "FRA"
        d.click(d.button("African Union"))
        assert screen.overlay == "au"
        assert screen.outline() == frozenset({"ng", "za", "td"})
        for _ in range(3):
            world_maps().wait()
            d.frames(2)
        _, stances = screen.stances()
        painted = world_maps().surface(
            screen.map_rect.size, screen.styles(stances), screen.outline(), screen.scale
        )
        assert painted is not None
        white = pygame.mask.from_threshold(painted, (255, 255, 255, 255), (1, 1, 1, 255))
        assert white.count() > 50, "the members are outlined"
        # Roster organizations that existed in the scenario's month (October 1993) are offered
        # too, with all their members; the European Union (November 1993) is not yet.
        d.click(d.button("North Atlantic Treaty Organization"))
        assert len(screen.outline()) >= 28
        assert not [b for b in d.buttons() if "European Union" in b.text]
    finally:
        pygame.quit()


def test_the_svg_is_rendered_once_per_size_off_the_frame(
    roster_scenario: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []
    original = worldmap.render_index

    def counted(size: tuple[int, int]) -> worldmap.IndexMap:
        calls.append(size)
        return original(size)

    monkeypatch.setattr(worldmap, "render_index", counted)
    worldmap._MAPS = None  # a fresh cache for this test
    d = _start(roster_scenario)
    try:
        screen = _world(d)
        d.key(pygame.K_v) if d.app.game and d.app.game.world.votes else None
        d.click(d.button("African Union"))
        d.click(d.button("No overlay"))
        for _ in range(3):
            world_maps().wait()
            d.frames(5)
        assert calls == [screen.map_rect.size]
    finally:
        worldmap._MAPS = None
        pygame.quit()


def test_after_a_vote_the_map_shows_how_members_voted(roster_scenario: Path) -> None:
    d = _start(roster_scenario)
    try:
        game = d.app.game
        assert game is not None
        for _ in range(300):
            if game.world.votes and d.screen() == "chamber" and game.awaiting:
                break
            # A ballot turn (a Council member's rival text is put to the vote before the
            # player's own turn) takes the advised vote, the default button.
            d.key(pygame.K_RETURN if d.screen() in ("vote", "news", "ballot") else pygame.K_a)
        assert game.world.votes
        screen = _world(d)
        d.key(pygame.K_v)
        assert screen.mode == "vote"
        title, stances = screen.stances()
        record = game.world.votes[-1]
        assert record.draft in title
        council = game.world.bodies[game.world.council]
        for actor, choice in record.choices.items():
            assert stances[actor] == (kind_of(choice, actor in council.veto), True)
        assert stances["TCD"] == (None, False), "off the Council: no vote"
    finally:
        pygame.quit()
