"""The theatre map: the scenario's image with its labelled regions, the missions' markers, the
phase and control strip, the layout at two window sizes, scenarios without a map (or with a
broken one), and the script that draws the maps of the fictional scenarios."""

from __future__ import annotations

import itertools
from pathlib import Path

import pygame
import pytest

from sim.devtools import make_maps
from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until
from sim.scenario.loader import load_scenario
from sim.ui import theatremap, theme
from sim.ui.charts import charts
from sim.ui.screens.theatre import TheatreScreen

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


def _theatre(d: Driver) -> TheatreScreen:
    d.key(pygame.K_h)
    charts().wait()
    d.frames(2)
    screen = d.app.screen
    assert isinstance(screen, TheatreScreen)
    return screen


def _start(d: Driver) -> None:
    d.key(pygame.K_RETURN)  # New game
    d.key(pygame.K_RETURN)  # Take your seat
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)


def _disjoint(rects: list[pygame.Rect]) -> None:
    for a, b in itertools.combinations(rects, 2):
        assert not a.colliderect(b), (a, b)


@pytest.mark.parametrize("size,scale", [((1280, 720), 1.0), ((1920, 1080), 1.5)])
def test_the_tutorial_theatre_draws_its_map_labels_and_markers(
    size: tuple[int, int], scale: float
) -> None:
    d = Driver.start(size, scale)
    try:
        _start(d)
        game = d.app.game
        assert game is not None
        play_until(d, lambda: len(game.world.active_missions()) >= 2)
        screen = _theatre(d)
        assert screen.map is not None and screen.map.image.get_size() == (1200, 800)
        layer = screen.layer
        assert layer is not None
        window = pygame.Rect((0, 0), size)
        assert window.contains(layer.rect)
        # The map keeps its aspect (3:2) when scaled.
        assert abs(layer.rect.width / layer.rect.height - 1.5) < 0.01
        # Every region of the scenario is labelled, inside the map, at or beside its place.
        regions = game.scenario.theatre.regions
        assert [name for name, _ in layer.labels] == [r.name for r in regions]
        for (_, box), region in zip(layer.labels, regions, strict=True):
            assert layer.rect.contains(box)
            at = (
                layer.rect.x + round(region.x * layer.rect.width),
                layer.rect.y + round(region.y * layer.rect.height),
            )
            near = box.inflate(2 * box.width, 4 * box.height)
            assert near.collidepoint(at), (region.name, box, at)
        # The labels are drawn: the window differs from the bare scaled image under each one.
        bare = screen.map.scaled(layer.rect.size)
        for _, box in layer.labels:
            changed = sum(
                d.app.window.get_at((x, y))[:3]
                != bare.get_at((x - layer.rect.x, y - layer.rect.y))[:3]
                for x in range(box.left, box.right, 2)
                for y in range(box.top, box.bottom, 2)
            )
            assert changed > 0, box
        # The missions' box lies on the map, and the screen's areas do not overlap.
        assert layer.missions_rect is not None and layer.rect.contains(layer.missions_rect)
        _disjoint([screen.panel_area(), layer.rect, screen.strip_area(), screen.charts_area()])
        for button in d.buttons():
            assert window.contains(button.rect)
            for busy in screen.busy_rects():
                assert not button.rect.colliderect(busy), (button.text, busy)
        assert screen.charts_area().height >= screen.s(100)
    finally:
        pygame.quit()


def test_m_switches_between_the_map_and_all_figures(chamber: Driver) -> None:
    screen = _theatre(chamber)
    assert screen.show_map and screen.layer is not None
    assert chamber.button("All figures")
    chamber.key(pygame.K_m)
    assert not screen.show_map and screen.layer is None
    assert chamber.button("Intensity")  # the series' toggle buttons are back
    chamber.key(pygame.K_m)
    assert screen.show_map and screen.layer is not None
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "chamber"


def test_choosing_a_figure_changes_the_charts_in_place(chamber: Driver) -> None:
    screen = _theatre(chamber)
    chamber.key(pygame.K_m)
    chamber.frames(10)  # the figures' buttons come a few a frame
    assert set(screen.toggles) == set(screen.series)
    name = next(n for n in screen.series if n not in screen.selected)
    button = chamber.button(screen.toggles[name].text)
    chamber.click(button)
    assert name in screen.selected  # the charts draw the chosen figure
    assert screen.toggles[name] is button  # the same button, shown as chosen
    assert button.object_ids[-1] == "#toggle_on"
    chamber.click(button)
    assert name not in screen.selected and button.object_ids[-1] == "#small"


def test_the_map_is_read_once_and_never_while_drawing(
    chamber: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _theatre(chamber)
    assert screen.map is not None
    again = theatremap.theatre_map(screen.game.scenario_path, screen.game.scenario.theatre)
    assert again is not None and again.image is screen.map.image

    def no_loading(*_: object, **__: object) -> None:
        raise AssertionError("an image was read while drawing")

    monkeypatch.setattr(pygame.image, "load", no_loading)
    chamber.frames(5)
    chamber.key(pygame.K_m)
    chamber.key(pygame.K_m)
    assert screen.layer is not None


def test_a_scenario_without_a_map_keeps_the_figures_layout(roster_scenario: Path) -> None:
    assert load_scenario(roster_scenario).theatre.map is None
    d = Driver.start(scenario=roster_scenario)
    try:
        _start(d)
        screen = _theatre(d)
        assert screen.map is None and screen.layer is None and not screen.show_map
        with pytest.raises(LookupError):
            d.button("All figures")
        d.key(pygame.K_m)  # nothing to switch to
        assert screen.layer is None and d.screen() == "theatre"
    finally:
        pygame.quit()


def test_an_unreadable_map_falls_back_to_the_figures(roster_scenario: Path) -> None:
    folder = roster_scenario.parent
    (folder / "maps").mkdir()
    (folder / "maps" / "land.png").write_bytes(b"not a picture at all")
    text = roster_scenario.read_text(encoding="utf-8")
    text = text.replace('name = "Land"\n', 'name = "Land"\nmap = "maps/land.png"\n', 1)
    text = text.replace(
        "[[theatre.parties]]",
        '[[theatre.regions]]\nname = "North"\nx = 0.5\ny = 0.2\n\n[[theatre.parties]]',
        1,
    )
    roster_scenario.write_text(text, encoding="utf-8")
    assert load_scenario(roster_scenario).theatre.map == "maps/land.png"
    d = Driver.start(scenario=roster_scenario)
    try:
        _start(d)
        screen = _theatre(d)
        assert screen.map is None and screen.layer is None
    finally:
        pygame.quit()


def map_areas(image: tuple[int, int]) -> list[tuple[float, pygame.Rect]]:
    """The map's area on the theatre screen (as TheatreScreen.map_area lays it out) for windows
    from 1024x600 to 2560x1440 at UI scales 0.8 to 2.0."""
    out = []
    for (width, height), scale in [
        ((1024, 600), 0.8),
        ((1280, 720), 1.0),
        ((1920, 1080), 1.0),
        ((1920, 1080), 1.5),
        ((2560, 1440), 2.0),
    ]:
        w = width / scale - 690
        room = height / scale - 80 - 64 - 30 - 140 - 16
        h = max(60, min(room, w * image[1] / image[0]))
        out.append((scale, pygame.Rect(660 * scale, 64 * scale, w * scale, h * scale)))
    return out


MAPPED = [path.name for path in sorted(SCENARIOS.glob("*.toml")) if load_scenario(path).theatre.map]


@pytest.mark.parametrize("name", MAPPED)
def test_no_two_labels_of_a_theatre_map_overlap_at_any_size(name: str) -> None:
    """Libya drew "Border camps (Tunisia)" over "Tripoli (capital)" and its count of displaced
    people over "Nafusa Mountains": every label (and the line kept for that count) now has a
    place of its own on every bundled map at every size, near its place or in the list of
    further places."""
    pygame.init()
    pygame.display.set_mode((64, 64))  # the map is read as the game reads it (converted)
    scenario = load_scenario(SCENARIOS / name)
    tmap = theatremap.theatre_map(SCENARIOS / name, scenario.theatre)
    assert tmap is not None
    for scale, area in map_areas(tmap.image.get_size()):
        layer = theatremap.MapLayer.build(tmap, theme.Text(scale), area)
        boxes = [box for _, box in layer.labels]
        _disjoint(boxes)
        assert all(layer.rect.contains(box) for box in boxes), (scale, area)
        shown = " ".join(label for label, _ in layer.labels)
        assert all(r.name in shown for r in scenario.theatre.regions)
        if any(r.kind == "camps" for r in scenario.theatre.regions):
            slot = layer.displaced_slot
            assert slot is not None and any(box.contains(slot) for box in boxes)
    pygame.quit()


def test_a_crowded_label_moves_aside_and_the_last_resort_is_a_list() -> None:
    pygame.init()
    text = theme.Text(1.0)
    taken = [pygame.Rect(105, 98, 10, 4)]  # a mark on the place: the label goes above it
    spot = theatremap.free_spot((30, 10), (110, 100), pygame.Rect(0, 0, 300, 200), taken, 3)
    assert spot == pygame.Rect(95, 87, 30, 10)
    # Twenty labels on one point of a small map: none overlaps; the ones with no room are listed.
    image = pygame.Surface((300, 200))
    crowd = [(f"Place number {n}", 0.5, 0.5) for n in range(20)]
    tmap = theatremap.TheatreMap(Path("crowd.png"), image, crowd)
    layer = theatremap.MapLayer.build(tmap, text, pygame.Rect(0, 0, 300, 200))
    _disjoint([box for _, box in layer.labels])
    assert layer.labels[-1][0].startswith("Also: ")
    assert len(layer.labels) < len(crowd) + 1
    pygame.quit()


def test_fit_keeps_the_aspect_and_centres() -> None:
    rect = theatremap.fit((1200, 800), pygame.Rect(10, 20, 600, 300))
    assert rect.size == (450, 300) and rect.center == (310, 170)
    rect = theatremap.fit((1200, 800), pygame.Rect(0, 0, 300, 600))
    assert rect.size == (300, 200)


def test_the_missions_box_avoids_labels() -> None:
    area = pygame.Rect(0, 0, 600, 400)
    labels = [pygame.Rect(450, 20, 100, 20)]  # under the top right corner
    place = theatremap.quietest_place(area, (200, 80), labels, 8)
    assert not any(place.colliderect(b) for b in labels) and area.contains(place)
    assert theatremap.quietest_place(area, (200, 80), [], 8).topright == (592, 8)


def test_make_maps_is_deterministic(tmp_path: Path) -> None:
    first = make_maps.write_maps(tmp_path / "a")
    second = make_maps.write_maps(tmp_path / "b")
    assert [p.name for p in first] == [
        "kalvaria.png",
        "kalvaria-control.png",
        "tarsis.png",
        "tarsis-control.png",
    ]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert a.stat().st_size < 400_000
        committed = SCENARIOS / "maps" / a.name
        size = (600, 400) if "control" in a.name else (1200, 800)
        assert pygame.image.load(str(committed)).get_size() == size
        assert pygame.image.load(str(a)).get_size() == size
        if "control" in a.name:
            assert a.read_bytes() == committed.read_bytes()


@pytest.mark.parametrize(
    "scenario,drawing", [("tutorial.toml", "kalvaria"), ("sahel_bridge.toml", "tarsis")]
)
def test_the_regions_follow_the_drawn_places(scenario: str, drawing: str) -> None:
    theatre = load_scenario(SCENARIOS / scenario).theatre
    assert theatre.map == f"maps/{drawing}.png"
    places = make_maps.PLACES[drawing]
    assert 5 <= len(theatre.regions) <= 8
    assert [r.name for r in theatre.regions] == list(places)
    for region in theatre.regions:
        x, y = places[region.name]
        assert region.x == pytest.approx(x / make_maps.WIDTH, abs=0.001)
        assert region.y == pytest.approx(y / make_maps.HEIGHT, abs=0.001)
