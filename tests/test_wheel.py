"""The game as a player installs it: a wheel built from this checkout, installed into a new
virtual environment, played from a folder outside the checkout, then uninstalled.

To stay quick and work offline, the wheel is built with the test environment's setuptools (no
build isolation) and installed without its dependencies; the new environment finds those in the
test environment's site-packages through a ``.pth`` file. Nothing of the checkout is on its path:
the game must find its scenarios, maps and fonts inside the installed package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("scenarios", "assets")
BUNDLED_IDS = sorted(p.stem for p in (REPO / "scenarios").glob("*.toml"))
DEPS_PTH = "_test_dependencies.pth"
LIMIT = 300  # seconds a step may take before the test gives up (a hang, not a timing check)


def _run(argv: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [str(a) for a in argv], capture_output=True, text=True, timeout=LIMIT, **kwargs
    )


def _data_files() -> list[str]:
    """Every file the game reads at run time, as its path inside the wheel: the repository's
    scenarios/ and assets/ (installed under sim/bundled/) and the package's own files."""
    mapped = [
        (path, f"sim/bundled/{path.relative_to(REPO).as_posix()}")
        for folder in DATA_FOLDERS
        for path in (REPO / folder).rglob("*")
    ]
    own = [(path, path.relative_to(REPO).as_posix()) for path in (REPO / "sim").rglob("*")]
    return sorted(
        name
        for path, name in mapped + own
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a copy of this checkout (so the build leaves nothing in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(REPO / name, source / name)
    for name in ("sim", *DATA_FOLDERS):
        shutil.copytree(REPO / name, source / name, ignore=junk)
    out = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", out, source]
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = out.glob("mandate-*.whl")
    return found


def test_the_wheel_carries_every_scenario_map_font_licence_and_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _data_files()
    assert not [name for name in expected if name not in names]
    # Spelled out, so a folder that stopped being collected cannot pass unnoticed:
    for kind in ("scenarios/*.toml", "scenarios/maps/*.png", "assets/fonts/*.ttf"):
        files = [f for f in expected if Path(f).match(f"sim/bundled/{kind}")]
        assert files, f"no {kind} in the repository?"
    for name in (
        "scenarios/schema.json",
        "scenarios/calibration/generic.toml",
        "scenarios/data/world_roster.toml",
        "scenarios/README.md",
        "assets/theme.json",
        "assets/CREDITS",
        "assets/fonts/OFL.txt",
    ):
        assert f"sim/bundled/{name}" in names, name
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("scenarios/", "assets/", "tests/"))]


@pytest.fixture(scope="module")
def environment(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new virtual environment with the wheel installed (its dependencies borrowed)."""
    env = tmp_path_factory.mktemp("venv")
    made = _run([sys.executable, "-m", "venv", "--without-pip", "--clear", env])
    assert made.returncode == 0, made.stderr
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / DEPS_PTH).write_text("\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python]
    done = _run([*pip, "install", "--no-deps", "--no-index", wheel])
    assert done.returncode == 0, done.stdout + done.stderr
    yield env


def test_the_installed_game_plays_from_anywhere_and_uninstalls_cleanly(
    environment: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    mandate, python = bin_dir / "mandate", bin_dir / "python"
    elsewhere, user = tmp_path / "elsewhere", tmp_path / "user"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env |= {
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "MANDATE_DATA_DIR": str(user),
        "MANDATE_CONFIG_DIR": str(tmp_path / "config"),
    }

    def game(*argv: str) -> subprocess.CompletedProcess[str]:
        result = _run([mandate, *argv], cwd=elsewhere, env=env)
        assert result.returncode == 0, f"mandate {' '.join(argv)}: {result.stderr}"
        return result

    where = _run(
        [
            python,
            "-c",
            "import sim, sim.bundled as b; print(sim.__file__);"
            " print(b.scenarios_dir()); print(b.assets_dir())",
        ],
        cwd=elsewhere,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():  # the installed copy, not the checkout
        assert Path(line).resolve().is_relative_to(environment.resolve()), line

    played = game("run", "tutorial", "--seed", "7", "--json")
    assert main(["run", str(REPO / "scenarios" / "tutorial.toml"), "--seed", "7", "--json"]) == 0
    assert json.loads(played.stdout) == json.loads(capsys.readouterr().out)

    checked = game("check", *BUNDLED_IDS)
    assert len(checked.stdout.splitlines()) == len(BUNDLED_IDS)

    shot = tmp_path / "title.png"
    game("play", "--frames", "30", "--screenshot", str(shot))
    assert shot.stat().st_size > 0

    game("new", "harbour")
    own = user / "scenarios" / "harbour.toml"
    game("check", "--strict", "harbour")
    listed = game("list").stdout.splitlines()
    for scenario_id in [*BUNDLED_IDS, "harbour"]:
        assert any(line.split()[:1] == [scenario_id] for line in listed), scenario_id

    site = next(environment.rglob(DEPS_PTH)).parent
    removed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--disable-pip-version-check",
            "--python",
            python,
            "uninstall",
            "--yes",
            "mandate",
        ]
    )
    assert removed.returncode == 0, removed.stderr
    left = sorted(p.name for p in site.iterdir() if p.name != DEPS_PTH)
    assert left == [], f"pip uninstall left {left}"
    assert not mandate.exists()
    assert own.is_file(), "the player's own scenarios stay"
