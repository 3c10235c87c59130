"""Render the flags of the 193 member states and the organizations' emblems (a script, run by hand).

    python -m sim.devtools.make_flags [--source FOLDER_OR_TGZ] [OUTDIR]      (default: assets/flags)

The flags come from the ``flag-icons`` SVG set (Panayiotis Lipiridis and contributors, MIT
licence; the npm package of that name): without ``--source`` the script asks npm for the
version pinned below (``npm pack flag-icons@VERSION`` into a temporary folder). Each 4:3 SVG is
rasterised by resvg (the ``resvg-py`` package from PyPI: SDL_image's own SVG reader drops the
``<use>`` elements that draw China's stars and the EU's circle) to a small PNG named by the
world roster's id (``FRA.png``); the alpha-3 → alpha-2 match is country_converter's table
(read as the roster generator reads it), the dataset the roster is made from. Organizations
with an emblem in the set are written as ``org-ID.png`` (ids as in the roster, upper case).
The set's licence is copied beside them.

    pip install resvg-py country_converter      (the script's own needs; the game needs neither)

Running the script twice gives identical bytes (resvg is deterministic and PNG metadata is not
written).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sim.bundled import asset_file, scenario_file
from sim.scenario.roster import load_roster

VERSION = "7.5.0"
OUT = asset_file("flags")
WIDTH, HEIGHT = 96, 72

#: Organizations of the roster (and the UN itself) whose emblem the set has.
ORGANIZATIONS = {"UN": "un", "EU": "eu", "LAS": "arab", "ASEAN": "asean"}

#: Roster ids country_converter does not map to the alpha-2 code the set uses.
ALPHA2_OVERRIDES: dict[str, str] = {}


def fetch(version: str, into: Path) -> Path:
    """``npm pack flag-icons@version`` into ``into``; returns the tarball."""
    done = subprocess.run(
        ["npm", "pack", f"flag-icons@{version}", "--pack-destination", str(into)],
        capture_output=True,
        text=True,
        check=True,
    )
    return into / done.stdout.strip().splitlines()[-1]


def unpack(source: Path, into: Path) -> Path:
    """The package folder (with ``flags/4x3``) of a tarball or an unpacked folder."""
    if source.is_dir():
        return source / "package" if (source / "package" / "flags").is_dir() else source
    with tarfile.open(source) as tar:
        tar.extractall(into, filter="data")
    return into / "package"


def alpha2_codes(ids: Sequence[str]) -> dict[str, str]:
    """Roster alpha-3 id → lower-case alpha-2 code."""
    from sim.devtools.make_roster import load_country_data

    # A few cells are patterns of the codes accepted ("^GB$|^UK$"): the first is the ISO code.
    table = {
        row["ISO3"].strip(): row["ISO2"].split("|")[0].strip().strip("^$")
        for row in load_country_data()
    }
    out = {}
    for iso3 in ids:
        code = ALPHA2_OVERRIDES.get(iso3, table.get(iso3, ""))
        if len(code) != 2:
            raise SystemExit(f"no alpha-2 code for {iso3}: add it to ALPHA2_OVERRIDES")
        out[iso3] = code.lower()
    return out


def rasterise(svg: Path) -> bytes:
    """One flag as a WIDTH×HEIGHT PNG, optimized, without metadata."""
    import resvg_py
    from PIL import Image

    png = bytes(resvg_py.svg_to_bytes(svg_path=str(svg), width=WIDTH, height=HEIGHT))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.size != (WIDTH, HEIGHT):
        image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def write_flags(package: Path, folder: Path) -> list[Path]:
    """Every member's flag and the organizations' emblems into ``folder``."""
    roster = load_roster(scenario_file("data", "world_roster.toml"))
    codes = alpha2_codes(sorted(roster))
    svgs = package / "flags" / "4x3"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    targets = [(f"{iso3}.png", code) for iso3, code in codes.items()]
    targets += [(f"org-{org}.png", code) for org, code in ORGANIZATIONS.items()]
    for name, code in targets:
        svg = svgs / f"{code}.svg"
        if not svg.is_file():
            raise SystemExit(f"flag-icons {VERSION} has no {svg.name} (for {name})")
        path = folder / name
        path.write_bytes(rasterise(svg))
        written.append(path)
    shutil.copyfile(package / "LICENSE", folder / "LICENSE")
    written.append(folder / "LICENSE")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m sim.devtools.make_flags",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path, nargs="?", default=OUT, help="folder for the PNGs")
    parser.add_argument("--source", type=Path, help="flag-icons tarball or unpacked folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mandate-flags-") as tmp:
        source = args.source or fetch(VERSION, Path(tmp))
        written = write_flags(unpack(source, Path(tmp)), args.out)
    total = sum(p.stat().st_size for p in written)
    print(f"{len(written)} files in {args.out} ({total:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
