"""Small line charts of the monthly metrics, drawn by matplotlib (Agg) off the frame path.

matplotlib is imported lazily, in a worker thread, the first time a chart is asked for (its
import costs about a second); until a chart is ready the screen shows a placeholder. Finished
charts are cached by their data and size.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pygame

from sim.model.metrics import METRICS
from sim.model.world import World
from sim.ui import theme

ChartKey = tuple[str, tuple[float, ...], tuple[int, int]]


def metrics(world: World, seed: int = 0) -> dict[str, list[float]]:
    """The monthly series of ``mandate run --json`` (``metrics``), read generically (from the
    world's series that document lists, not the whole document: that took 5 ms of the frame
    that opens the debrief or the theatre). ``seed`` is kept for callers; it changes nothing."""
    out: dict[str, list[float]] = {}
    for name in METRICS:
        series = list(world.metrics.get(name, []))
        if all(isinstance(v, int | float) for v in series):
            out[name] = [float(v) for v in series]
    return out


def title_of(name: str) -> str:
    """``civilian_deaths`` → ``Civilian deaths``."""
    return name.replace("_", " ").capitalize()


def _render(name: str, values: tuple[float, ...], size: tuple[int, int], colour: str) -> bytes:
    canvas, _ = figure(name, values, size, colour)
    canvas.draw()
    rgba: bytes = bytes(canvas.buffer_rgba())
    return rgba


def figure(name: str, values: tuple[float, ...], size: tuple[int, int], colour: str) -> Any:
    """The chart of one series as a matplotlib (canvas, axes) pair, not yet drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    dpi = 100
    fig = Figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi, facecolor="#1b222b")
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_facecolor("#161b22")
    months = list(range(1, len(values) + 1))
    small = size[0] < 200
    ax.plot(months, values, color=colour, linewidth=2, marker="o", markersize=3)
    title = title_of(name)
    # 130k for 130,000 on the axis, never "130000" nor a "1e5" offset.
    ax.yaxis.set_major_formatter(FuncFormatter(_compact))
    counts = all(float(v).is_integer() for v in values)  # troops, deaths: no 0.25 of one
    if small:
        # A narrow chart: the title over the whole figure, and fewer ticks.
        fig.text(0.5, 0.97, title, color="#e8edf2", fontsize=9, ha="center", va="top")
        ax.yaxis.set_major_locator(MaxNLocator(4, integer=counts))
    else:
        ax.set_title(title, color="#e8edf2", fontsize=10, loc="left")
        if counts:
            ax.yaxis.set_major_locator(MaxNLocator("auto", integer=True))
    low, high = _y_range(values)
    if low is not None:
        ax.set_ylim(low, high)
    ax.xaxis.set_major_locator(MaxNLocator(4 if small else "auto", integer=True))
    ax.set_xlabel("month", color="#a0acba", fontsize=8)
    ax.tick_params(colors="#a0acba", labelsize=8)
    for spine in ax.spines.values():
        spine.set_color("#4a5868")
    ax.grid(True, color="#2b3440", linewidth=0.6)
    if len(months) == 1:
        ax.set_xlim(0.5, 1.5)
    fig.tight_layout(pad=0.6, rect=(0, 0, 1, 0.9) if small else (0, 0, 1, 1))
    return canvas, ax


def _y_range(values: tuple[float, ...]) -> tuple[float | None, float | None]:
    """The y axis of a series that is never negative starts at 0 (a count of 0 troops showed an
    axis from -0.05 to 0.05); an all-zero series gets 0 to 1. (None, None): matplotlib's own."""
    if not values or min(values) < 0:
        return None, None
    top = max(values)
    return 0.0, (top * 1.08 if top > 0 else 1.0)


def _compact(value: float, _: object = None) -> str:
    """An axis label in few characters: 950, 12k, 1.5M (0 for a value within rounding of it)."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.4g}{suffix}"
    if abs(value) < 1e-9:
        return "0"
    return f"{value:.4g}"


class Charts:
    """Chart surfaces, rendered in one background thread and cached."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")
        self._jobs: dict[ChartKey, Future[bytes]] = {}
        self._done: dict[ChartKey, pygame.Surface] = {}

    def chart(
        self, name: str, values: list[float], size: tuple[int, int], index: int = 0
    ) -> pygame.Surface | None:
        """The chart if ready, else None (and its rendering is started)."""
        key: ChartKey = (name, tuple(values), size)
        surface = self._done.get(key)
        if surface is not None:
            return surface
        job = self._jobs.get(key)
        if job is None:
            colour = theme.SERIES[index % len(theme.SERIES)]
            self._jobs[key] = self._pool.submit(_render, name, key[1], size, colour)
            return None
        if not job.done():
            return None
        del self._jobs[key]
        try:
            data = job.result()
        except Exception:  # noqa: BLE001 - show a placeholder instead of crashing
            return None
        surface = pygame.image.frombytes(data, size, "RGBA").convert_alpha()
        self._done[key] = surface
        return surface

    def wait(self) -> None:
        """Block until queued charts are drawn (for scripts and tests)."""
        for job in list(self._jobs.values()):
            job.result()


_CHARTS: Charts | None = None


def charts() -> Charts:
    """The shared chart renderer."""
    global _CHARTS
    if _CHARTS is None:
        _CHARTS = Charts()
    return _CHARTS


def draw_charts(
    surface: pygame.Surface,
    text: theme.Text,
    series: dict[str, list[float]],
    area: pygame.Rect,
    columns: int = 2,
    chart_height: int | None = None,
) -> None:
    """Lay out one chart per series in ``area`` (window pixels)."""
    names = [n for n, v in series.items() if v]
    if not names:
        note = text.render(
            "No monthly figures yet: they start after the first month.", 15, theme.MUTED
        )
        surface.blit(note, area.topleft)
        return
    rows = (len(names) + columns - 1) // columns
    gap = 10
    w = (area.width - gap * (columns - 1)) // columns
    h = chart_height or (area.height - gap * (rows - 1)) // max(1, rows)
    for n, name in enumerate(names):
        x = area.x + (n % columns) * (w + gap)
        y = area.y + (n // columns) * (h + gap)
        chart = charts().chart(name, series[name], (w, h), n)
        if chart is None:
            pygame.draw.rect(surface, theme.PANEL, (x, y, w, h))
            wait = text.render(f"Drawing {title_of(name).lower()}…", 14, theme.MUTED)
            surface.blit(wait, wait.get_rect(center=(x + w // 2, y + h // 2)))
        else:
            surface.blit(chart, (x, y))


def describe(values: list[float], _: Any = None) -> str:
    """Last value and change over the last month, for a caption."""
    if not values:
        return "—"
    last = values[-1]
    if len(values) < 2:
        return f"{last:,.2f}"
    return f"{last:,.2f} ({last - values[-2]:+,.2f} on the month)"


DEFAULT_CHARTS = ("intensity", "civilian_deaths", "troops_deployed", "displaced")
MAX_SELECTED = 4


def default_selection(series: dict[str, list[float]]) -> list[str]:
    """Up to four series to chart first: the usual suspects, then whatever comes first."""
    chosen = [n for n in DEFAULT_CHARTS if n in series]
    for name in series:
        if len(chosen) >= MAX_SELECTED:
            break
        if name not in chosen:
            chosen.append(name)
    return chosen[:MAX_SELECTED]


def toggle(selected: list[str], name: str) -> list[str]:
    """Add or remove a series from the charts shown (at most four; the oldest makes room)."""
    if name in selected:
        return [n for n in selected if n != name]
    return (selected + [name])[-MAX_SELECTED:]
