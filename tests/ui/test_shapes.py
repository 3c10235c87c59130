"""Button shapes made from the ends of one drawn before are pygame_gui's own pixels."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest
from pygame_gui.core import ObjectID
from pygame_gui.core.surface_cache import SurfaceCache
from pygame_gui.elements import UIButton

from sim.devtools.driver import Driver
from sim.ui import app as app_module
from sim.ui import theme
from sim.ui.shapes import ShapeCache, exact_width, parse

LOOKS = ("normal", "hovered", "selected", "active", "disabled")


class Recording(SurfaceCache):
    """pygame_gui's own cache, keeping a copy of every shape it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: dict[str, pygame.Surface] = {}

    def add_surface_to_cache(self, surface: pygame.Surface, string_id: str) -> None:
        self.drawn[string_id] = surface.copy()
        super().add_surface_to_cache(surface, string_id)


def drawn_shapes(scale: float, style: str | None, width: int, height: int) -> dict[str, bytes]:
    """Every look of a button drawn by pygame_gui itself (fresh cache): cache id → pixels."""
    manager = pygame_gui.UIManager((1920, 1080), theme.theme_data(scale))
    cache = Recording()
    manager.get_theme().shape_cache = cache
    button = UIButton(
        pygame.Rect(0, 0, width, height),
        "",
        manager,
        object_id=ObjectID(object_id=style) if style else None,
    )
    assert button.drawable_shape is not None
    for look in LOOKS[1:]:
        button.drawable_shape.redraw_state(look)
    return {key: pygame.image.tobytes(s, "RGBA") for key, s in cache.drawn.items()}


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("style", [None, "#primary", "#seat"])
def test_widened_shapes_have_pygame_guis_pixels(scale: float, style: str | None) -> None:
    pygame.init()
    pygame.display.set_mode((64, 64))
    height = round(30 * scale)
    template = drawn_shapes(scale, style, 500, height)
    cache = ShapeCache()
    for key, pixels in template.items():
        cache.keep_ends(pygame.image.frombytes(pixels, (500, height), "RGBA"), key)
    look = parse(next(iter(template)))
    assert look is not None
    least = exact_width(look[2][4], look[2][0])
    compared = 0
    for width in (least, least + 1, least + 5, least + 97, least + 250):
        for key, pixels in drawn_shapes(scale, style, width, height).items():
            made = cache.find_surface_in_cache(key)
            assert made is not None, key
            assert pygame.image.tobytes(made, "RGBA") == pixels, key
            compared += 1
    # Narrower shapes are left to pygame_gui (its stretch of the fill differs there).
    for key in drawn_shapes(scale, style, least - 1, height):
        assert cache.find_surface_in_cache(key) is None
    assert cache.widened == compared == 5 * len(template)
    pygame.quit()


def settled(d: Driver) -> bytes:
    d.frames(40)
    return pygame.image.tobytes(d.app.window, "RGB")


def walk(size: tuple[int, int]) -> tuple[list[bytes], int]:
    """Chamber, draft editor and consultations, each settled: their window pixels, and how
    many shapes were widened."""
    d = Driver.start(size)
    d.frames(120)  # the title's idle frames draw the common shapes (when warming is on)
    d.take_seat()
    pictures = [settled(d)]
    d.key(pygame.K_e)
    pictures.append(settled(d))
    d.key(pygame.K_ESCAPE)
    d.click(d.button("Consultations"))
    pictures.append(settled(d))
    widened = getattr(d.app.manager.get_theme().shape_cache, "widened", 0)
    pygame.quit()
    return pictures, widened


def test_screens_look_the_same_with_widened_shapes(monkeypatch: pytest.MonkeyPatch) -> None:
    widened, made = walk((1920, 1080))
    monkeypatch.setattr(app_module, "ShapeCache", SurfaceCache)
    plain, _ = walk((1920, 1080))
    assert made > 20
    assert len(widened) == len(plain) == 3
    for a, b in zip(widened, plain, strict=True):
        assert a == b
