"""Where the files the game ships with are: every lookup of a bundled file goes through here.

The repository's top-level ``scenarios/`` and ``assets/`` folders stay where designers and artists
work on them; the build installs them inside this package as ``sim.bundled.scenarios`` and
``sim.bundled.assets`` (setup.py maps them), and an editable install points the same package names
at the folders themselves. So the code finds them with :mod:`importlib.resources` alike in a
wheel, a ``pipx`` install and a development checkout, never by a path relative to the source tree.

The game hands these folders to code that needs real files (the scenario loader resolves a
roster or a map beside its scenario; SDL opens fonts and images by name), so a bundled folder is
returned as a :class:`pathlib.Path`; an installation that keeps packages inside a zip file, where
there is no such path, is reported as such.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SCENARIOS_PACKAGE = "sim.bundled.scenarios"
ASSETS_PACKAGE = "sim.bundled.assets"


class MissingData(RuntimeError):
    """The installation has no bundled data folder (or keeps it where no file path reaches)."""


def _folder(package: str) -> Path:
    try:
        root = resources.files(package)
    except ModuleNotFoundError:
        raise MissingData(
            f"this installation of Mandate has no {package} (its bundled data): reinstall it"
            " (from a checkout: pip install -e . again, or pip install .)"
        ) from None
    if not isinstance(root, Path) or not root.is_dir():
        raise MissingData(f"{package} is not a folder on disk ({root}); install Mandate unzipped")
    return root


def scenarios_dir() -> Path:
    """The bundled scenarios folder: the scenario files, their ``data/`` rosters, ``maps/``,
    ``calibration/`` and the ``schema.json`` editors read."""
    return _folder(SCENARIOS_PACKAGE)


def assets_dir() -> Path:
    """The bundled assets folder: ``fonts/``, ``theme.json`` and CREDITS with their licences."""
    return _folder(ASSETS_PACKAGE)


def scenario_file(*parts: str) -> Path:
    """A file of the bundled scenarios folder: ``scenario_file("calibration", "generic.toml")``."""
    return scenarios_dir().joinpath(*parts)


def asset_file(*parts: str) -> Path:
    """A file of the bundled assets folder, e.g. ``asset_file("fonts", "NotoSans-Bold.ttf")``."""
    return assets_dir().joinpath(*parts)
