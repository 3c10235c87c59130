"""Files a scenario refers to (its roster, its theatre map): relative, inside its folder, found.

Scenario files are untrusted: a path in one must not reach outside the folder the scenario lives
in, whether by an absolute path, a drive letter, ``..`` or a symbolic link.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sim.model.files import has_control


class UnsafePath(ValueError):
    """A referenced file that cannot be used, with the reason in plain words."""


def resolve_inside(reference: str, folder: Path, what: str) -> Path:
    """The file ``reference`` names, relative to ``folder``; raises UnsafePath otherwise."""
    if has_control(reference):
        raise UnsafePath(f"the {what} path must not contain control characters")
    posix = PurePosixPath(reference.replace("\\", "/"))
    if posix.is_absolute() or reference.startswith(("/", "\\")) or ":" in reference:
        raise UnsafePath(f"the {what} path must be relative to the scenario's folder")
    if ".." in posix.parts:
        raise UnsafePath(f"the {what} path must not leave the scenario's folder ('..')")
    try:
        base = folder.resolve()
        path = (base / Path(*posix.parts)).resolve()
        regular = path.is_file()
    except (OSError, RuntimeError, ValueError):  # a symbolic link loop, say
        raise UnsafePath(f"the {what} path cannot be followed (a symbolic link loop?)") from None
    if base not in path.parents:
        raise UnsafePath(f"the {what} path must stay inside the scenario's folder")
    if not regular:
        raise UnsafePath(f"no {what} file at {reference!r}")
    return path
