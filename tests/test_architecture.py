"""The house rules (docs/ARCHITECTURE.md): the headless wings never import pygame or the UI,
no wing imports one above it, no import cycles, no modules loaded by a name in a string."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ("model", "scenario", "analysis")
FORBIDDEN = ("pygame", "pygame_gui", "sim.ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("wing", HEADLESS)
def test_headless_wings_never_import_pygame_or_ui(wing: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "sim" / wing).rglob("*.py"))
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not offenders, offenders


def test_model_never_reads_the_clock_or_global_random() -> None:
    banned = {"random", "time", "datetime"}
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "sim" / "model").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in banned
    ]
    assert not offenders, offenders


def test_model_does_not_import_the_scenario_wing() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "sim" / "model").rglob("*.py"))
        if any(n.startswith("sim.scenario") or n.startswith("sim.analysis") for n in _imports(path))
    ]
    assert not offenders, offenders


def test_bundled_files_are_found_through_the_package_not_the_source_tree() -> None:
    """An installed game has no checkout around it: scenarios and assets are found through
    ``sim.bundled`` (importlib.resources), never from ``__file__`` (issue 16)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "sim").rglob("*.py"))
        if "__file__" in (text := path.read_text(encoding="utf-8"))
        and any(word in text for word in ('"scenarios"', '"assets"', "scenarios/", "assets/"))
    ]
    assert not offenders, offenders


# Wings, cycles and hidden imports (issue 13) -------------------------------------------------

#: The floors of the house, lowest first: a module may import its own wing and those below it.
WINGS = ("bundled", "model", "scenario", "analysis", "net", "ui", "cli", "devtools")
#: Modules that stand on another wing's floor: ``mandate serve`` and ``mandate join`` are
#: sub-commands of the command line kept beside the network code (they open the game window).
FLOOR_OF = {"sim.net.cli": "cli"}
#: Loading a module by a name in a string hides the import from readers and from these tests.
HIDDEN = ("import_module", "__import__")
#: The one place that may: the classroom's mirror rebuilds model dataclasses a message names,
#: refusing any name outside ``sim.model``.
HIDDEN_ALLOWED = ("sim/net/mirror.py",)


def _wing(module: str) -> str:
    """The wing of a module name under ``sim`` (``sim.ui.app`` → ``ui``, ``sim.cli`` → ``cli``)."""
    if module in FLOOR_OF:
        return FLOOR_OF[module]
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _sim_imports(path: Path, module: str) -> list[str]:
    """Every ``sim`` module a file imports, anywhere in it (also inside functions and
    ``TYPE_CHECKING``), with relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            names.append(base)
            # ``from sim.ui import theme`` imports the module sim.ui.theme.
            names += [f"{base}.{a.name}" for a in node.names]
    return [n for n in names if n == "sim" or n.startswith("sim.")]


def _graph(root: Path) -> dict[str, set[str]]:
    """Module → the modules of the tree it imports (names that are not modules are dropped)."""
    paths = {_module(p, root): p for p in sorted((root / "sim").rglob("*.py"))}
    return {
        module: {n for n in _sim_imports(path, module) if n in paths and n != module}
        for module, path in paths.items()
    }


def wing_violations(root: Path) -> list[str]:
    """Imports that run up the floors: a wing importing a wing above it."""
    order = {wing: n for n, wing in enumerate(WINGS)}
    found = []
    for module, imported in _graph(root).items():
        mine = order.get(_wing(module))
        for name in sorted(imported):
            theirs = order.get(_wing(name))
            if mine is not None and theirs is not None and theirs > mine:
                found.append(f"{module} imports {name}")
    return found


def hidden_imports(root: Path) -> list[str]:
    """Modules loaded by a name in a string (``importlib.import_module``, ``__import__``)."""
    found = []
    for path in sorted((root / "sim").rglob("*.py")):
        if path.relative_to(root).as_posix() in HIDDEN_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in HIDDEN:
                    found.append(f"{path.relative_to(root)}:{node.lineno} calls {name}")
    return found


def import_cycles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph = _graph(root)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_wing_imports_a_wing_above_it() -> None:
    assert not wing_violations(ROOT), wing_violations(ROOT)


def test_no_module_is_loaded_by_a_name_in_a_string() -> None:
    assert not hidden_imports(ROOT), hidden_imports(ROOT)


def test_no_import_cycles_between_files() -> None:
    assert not import_cycles(ROOT), import_cycles(ROOT)


def test_the_runtime_never_imports_the_developer_tools() -> None:
    offenders = [
        f"{module} imports {name}"
        for module, imported in _graph(ROOT).items()
        if _wing(module) != "devtools"
        for name in imported
        if _wing(name) == "devtools"
    ]
    assert not offenders, offenders


def test_screens_never_import_the_app() -> None:
    offenders = [
        module
        for module, imported in _graph(ROOT).items()
        if module.startswith(("sim.ui.screens.", "sim.ui.widgets.")) and "sim.ui.app" in imported
    ]
    assert not offenders, offenders


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in {"sim/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(tmp_path).parents:
            init = tmp_path / parent / "__init__.py"
            if parent.parts and not init.exists():
                init.write_text("", encoding="utf-8")
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_checks_catch_a_misplaced_import(tmp_path: Path) -> None:
    """Each check fails on a tree with the fault it looks for (a copy, never the real tree)."""
    tree = _tree(
        tmp_path,
        {
            "sim/model/world.py": "def f():\n    from sim.ui.app import App\n",
            "sim/ui/app.py": "from sim.ui.screens import menu\n",
            "sim/ui/screens/menu.py": "from sim.ui import app\n",
            "sim/scenario/guide.py": "import importlib\nimportlib.import_module('sim.x')\n",
            "sim/analysis/x.py": "from sim.devtools import naive\n",
            "sim/devtools/naive.py": "",
        },
    )
    assert wing_violations(tree) == [
        "sim.analysis.x imports sim.devtools",
        "sim.analysis.x imports sim.devtools.naive",
        "sim.model.world imports sim.ui.app",
    ]
    assert hidden_imports(tree) == ["sim/scenario/guide.py:2 calls import_module"]
    assert import_cycles(tree) == [["sim.ui.app", "sim.ui.screens.menu"]]
