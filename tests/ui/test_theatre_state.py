"""Theatre maps of the historical scenarios (real outlines, vendored with their licence) and what
every theatre map shows of the state: territory held at the share the model reports, the
missions as markers sized by their personnel, the displaced at the scenario's camps."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pygame
import pytest

from sim.devtools import make_theatres
from sim.devtools.driver import Driver
from sim.scenario.loader import load_scenario
from sim.ui import mapstate
from sim.ui.charts import charts
from sim.ui.screens.theatre import TheatreScreen

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
HISTORICAL = {
    "rwanda_1994": "rwanda",
    "darfur_2007": "darfur",
    "libya_2011": "libya",
    "mali_2013": "mali",
    "syria_2011": "syria",
}
ALL = {**HISTORICAL, "tutorial": "kalvaria", "sahel_bridge": "tarsis"}


@pytest.mark.parametrize("scenario,drawing", sorted(HISTORICAL.items()))
def test_every_historical_scenario_has_a_map_of_real_outlines_labelled_at_its_places(
    scenario: str, drawing: str
) -> None:
    theatre = load_scenario(SCENARIOS / f"{scenario}.toml").theatre
    assert theatre.map == f"maps/{drawing}.png"
    assert theatre.control_map == f"maps/{drawing}-control.png"
    image = pygame.image.load(str(SCENARIOS / theatre.map))
    assert image.get_size() == (1200, 800)
    places = make_theatres.THEATRES[drawing].places
    assert [r.name for r in theatre.regions] == list(places)
    for region in theatre.regions:
        x, y = make_theatres.THEATRES[drawing].fraction(places[region.name])
        assert (region.x, region.y) == pytest.approx((x, y), abs=0.001)
    assert any(r.kind == "camps" for r in theatre.regions)


def test_the_outlines_are_vendored_small_with_their_source_and_licence() -> None:
    path = ROOT / "assets" / "outlines" / "theatres.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    assert set(data["theatres"]) == set(make_theatres.THEATRES)
    for key, theatre in make_theatres.THEATRES.items():
        assert set(theatre.host) <= set(data["theatres"][key]["countries"])
    assert path.stat().st_size < 1_000_000
    assert "ISC" in (ROOT / "assets" / "outlines" / "LICENSE").read_text(encoding="utf-8")
    assert "outlines/theatres.json" in (ROOT / "assets" / "CREDITS").read_text(encoding="utf-8")


def test_the_control_picture_is_deterministic_and_matches_the_committed_one() -> None:
    outlines = make_theatres.load_outlines()
    first = make_theatres.control_mask("rwanda", outlines)
    assert first == make_theatres.control_mask("rwanda", outlines)
    committed = mapstate.load_control(SCENARIOS / "maps" / "rwanda-control.png")
    assert committed is not None
    fresh = mapstate.load_control(_write(first))
    assert fresh is not None and np.array_equal(committed, fresh)


def _write(data: bytes) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "control.png"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("scenario,drawing", sorted(ALL.items()))
@pytest.mark.parametrize("share", [0.2, 0.55, 0.9])
def test_the_hatched_share_of_the_country_is_the_armed_groups_share(
    scenario: str, drawing: str, share: float
) -> None:
    control = mapstate.load_control(SCENARIOS / "maps" / f"{drawing}-control.png")
    assert control is not None
    inside = (control > 0).sum()
    assert inside > 1000
    held = mapstate.held(control, share).sum()
    assert held / inside == pytest.approx(1 - share, abs=0.01)


def _theatre_of(d: Driver) -> TheatreScreen:
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.key(pygame.K_h)
    charts().wait()
    d.frames(2)
    screen = d.app.screen
    assert isinstance(screen, TheatreScreen) and screen.layer is not None
    return screen


def _held_pixels(surface: pygame.Surface, rect: pygame.Rect) -> int:
    rgb = np.frombuffer(pygame.image.tobytes(surface.subsurface(rect), "RGB"), dtype=np.uint8)
    rgb = rgb.reshape(-1, 3).astype(int)
    r, g, b = rgb[:, 0], rgb[:, 1], rgb[:, 2]
    return int(((r > 150) & (r - g > 60) & (r - b > 80)).sum())


def test_the_map_follows_the_state_territory_missions_and_displaced() -> None:
    d = Driver.start(scenario=SCENARIOS / "darfur_2007.toml")
    try:
        screen = _theatre_of(d)
        layer = screen.layer
        assert layer is not None
        world = screen.game.world
        # AMIS is deployed: one regional marker, sized by its personnel, on the map.
        missions = [(kind, box) for kind, box in layer.markers if kind != "displaced"]
        deployed = mapstate.deployed(world)
        assert [kind for kind, _ in missions] == [kind for kind, _ in deployed] == ["regional"]
        assert missions[0][1].width == mapstate.marker_size(deployed[0][1], screen.scale)
        assert layer.rect.contains(missions[0][1])
        # The displaced are shown at the camps, as large as their number says.
        discs = [box for kind, box in layer.markers if kind == "displaced"]
        camps = [r for r in screen.game.scenario.theatre.regions if r.kind == "camps"]
        assert len(discs) == len(camps) >= 1
        radius = mapstate.displaced_radius(world.theatre.displaced / len(camps), screen.scale)
        assert discs[0].width == 2 * radius
        # Territory: the hatched area grows when the government loses ground.
        before = _held_pixels(d.app.window, layer.rect)
        world.theatre.government_control = 0.2
        d.key(pygame.K_ESCAPE)
        screen = _theatre_of_again(d)
        assert screen.layer is not None
        after = _held_pixels(d.app.window, screen.layer.rect)
        assert after > before * 1.5
    finally:
        pygame.quit()


def _theatre_of_again(d: Driver) -> TheatreScreen:
    d.key(pygame.K_h)
    charts().wait()
    d.frames(2)
    screen = d.app.screen
    assert isinstance(screen, TheatreScreen)
    return screen


def test_a_missing_control_picture_is_an_error_located_at_its_key(tmp_path: Path) -> None:
    from sim.scenario.loader import ScenarioError

    text = (SCENARIOS / "tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('map = "maps/kalvaria.png"\n', "", 1)
    path = tmp_path / "tutorial.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="theatre.control_map: no control_map file"):
        load_scenario(path)
