"""Settings: UI scale, vote animation speed, reduced motion, frame counter. Saved as JSON."""

from __future__ import annotations

import pygame

from sim.ui import theme
from sim.ui.screens.base import Screen
from sim.ui.settings import UI_SCALES, VOTE_SPEEDS


def _next(values: tuple[float, ...], current: float) -> float:
    i = values.index(current) if current in values else -1
    return values[(i + 1) % len(values)]


class SettingsScreen(Screen):
    """Change and persist settings."""

    name = "settings"

    def build(self) -> None:
        st = self.app.settings
        x, y = self.W // 2 - 220, 110
        scale = f"UI scale: {st.ui_scale:g}×"
        if self.scale < st.ui_scale:
            scale += f" ({round(self.scale, 2):g}× fits this window)"
        rows = [
            (
                scale,
                self.scale_up,
                pygame.K_u,
                "Bigger or smaller text and controls",
            ),
            (
                f"Vote count speed: {st.vote_speed:g}×",
                self.speed,
                pygame.K_v,
                "How fast votes come in seat by seat",
            ),
            (
                "Reduced motion: " + ("on" if st.reduced_motion else "off"),
                self.motion,
                pygame.K_m,
                "Show votes at once, without animation",
            ),
            (
                "Frame counter: " + ("on" if st.show_fps else "off"),
                self.fps,
                pygame.K_f,
                "Show frames per second in the corner",
            ),
        ]
        for n, (label, action, key, tip) in enumerate(rows):
            self.button(self.r(x, y + n * 56, 440, 46), label, action, key=key, tip=tip)
        self.button(
            self.r(x, y + 4 * 56 + 20, 440, 46),
            "Done",
            self.back,
            tip="Esc",
            default=True,
            object_id="#primary",
        )

    def scale_up(self) -> None:
        self.app.apply_settings(
            self.app.settings.changed(ui_scale=_next(UI_SCALES, self.app.settings.ui_scale))
        )
        self.refresh()

    def speed(self) -> None:
        self.app.apply_settings(
            self.app.settings.changed(vote_speed=_next(VOTE_SPEEDS, self.app.settings.vote_speed))
        )
        self.refresh()

    def motion(self) -> None:
        self.app.apply_settings(
            self.app.settings.changed(reduced_motion=not self.app.settings.reduced_motion)
        )
        self.refresh()

    def fps(self) -> None:
        self.app.apply_settings(self.app.settings.changed(show_fps=not self.app.settings.show_fps))
        self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        title = text.render("Settings", 28, theme.TEXT, True)
        surface.blit(title, title.get_rect(center=(self.app.size[0] // 2, self.s(60))))
        where = text.render("Saved as you change them, for your next game too", 13, theme.MUTED)
        surface.blit(where, where.get_rect(center=(self.app.size[0] // 2, self.s(self.H - 40))))
