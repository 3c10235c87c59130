"""``mandate report``: a saved game as an offline HTML debrief (``index.html`` plus PNG charts).

The page is rendered from jinja2 templates (``templates/``) with the stylesheet inline and the
charts drawn by matplotlib's Agg backend (imported only when a report is made), so it opens with
no network, prints cleanly to PDF from a browser, and is byte-identical for the same save: no
clock, no random names, PNGs written without a software stamp.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.analysis.debrief import Debrief

TEMPLATES = Path(__file__).resolve().parent / "templates"
WIDTH, HEIGHT, DPI = 640, 300, 100


@dataclass(frozen=True)
class Chart:
    """One chart of a report: its file (relative to ``index.html``), title and pixel size."""

    file: str
    title: str
    width: int = WIDTH
    height: int = HEIGHT


def environment() -> Any:
    """The jinja2 environment of the report templates (HTML autoescaped)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def line_chart(
    path: Path,
    title: str,
    series: Mapping[str, Sequence[float]],
    ylabel: str,
    bars: bool = False,
) -> None:
    """Draw ``series`` (label → one value per month) over the months to a PNG at ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    count = max(1, len(series))
    for i, (label, values) in enumerate(series.items()):
        months = list(range(1, len(values) + 1))
        if bars:
            width = 0.8 / count
            shifted = [m - 0.4 + width * (i + 0.5) for m in months]
            ax.bar(shifted, list(values), width=width, label=label)
        else:
            ax.plot(months, list(values), marker="o", markersize=3, label=label)
    ax.set_title(title, fontsize=11)
    ax.set_xlabel("month", fontsize=9)
    ax.set_ylabel(ylabel, fontsize=9)
    ax.tick_params(labelsize=8)
    ax.grid(alpha=0.3)
    if len(series) > 1 or bars:
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    plt.close(fig)


CHARTS = (
    (
        "intensity.png",
        "Intensity of the fighting (0 calm – 1 all-out war)",
        "intensity",
        ("intensity",),
        False,
    ),
    ("deaths.png", "Deaths each month", "people", ("civilian_deaths", "battle_deaths"), True),
    (
        "deployment.png",
        "Peacekeepers deployed against the ceilings authorized",
        "personnel",
        ("troops_deployed", "troop_ceiling", "police_deployed", "regional_troops"),
        False,
    ),
    ("displaced.png", "People displaced", "people", ("displaced",), False),
)


def draw_charts(d: Debrief, folder: Path) -> list[Chart]:
    """Every chart of the report, written into ``folder``."""
    charts = []
    for file, title, ylabel, keys, bars in CHARTS:
        series = {k.replace("_", " "): d.metrics.get(k, []) for k in keys}
        line_chart(folder / file, title, series, ylabel, bars)
        charts.append(Chart(file, title))
    return charts


def render(d: Debrief, charts: Sequence[Chart], **extra: Any) -> str:
    """The report page."""
    return str(environment().get_template("report.html.j2").render(d=d, charts=charts, **extra))


def write_report(d: Debrief, folder: Path, **extra: Any) -> Path:
    """Write ``index.html`` and its charts into ``folder``; returns the page's path."""
    from sim.model.saves import write_text_atomic

    folder.mkdir(parents=True, exist_ok=True)
    charts = draw_charts(d, folder)
    page = folder / "index.html"
    extra.setdefault("lines", [])
    write_text_atomic(page, render(d, charts, **extra))
    page.chmod(0o644)  # a page to share, not a private temporary file
    return page
