"""House rule 6 for sim/ui: screens read the world and change it only by submitting commands.

An AST scan of every module in sim/ui: no assignment (plain, augmented, annotated, del) to an
attribute or item reached through the world, the engine or the session; no mutating method
called on them; no ``engine.submit``/``apply`` (commands go through the session, which checks
whose turn it is); no ``setattr``. A runtime test (looking around changes nothing) is in
test_screens.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "sim" / "ui"
MODEL_ATTRS = {
    "world",
    "engine",
    "session",
    "states",
    "theatre",
    "drafts",
    "resolutions",
    "outcome",
    "log",
    "issues",
    "bodies",
    "organizations",
    "templates",
    "coefficients",
    "streams",
}
MODEL_NAMES = {
    "world",
    "engine",
    "session",
    "table",
    "draft",
    "theatre",
    "vote",
    "ballot",
    "stance",
    "template",
    "resolution",
    "party",
    "org",
    "tally",
}
MUTATORS = {
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "update",
    "add",
    "discard",
    "setdefault",
    "popitem",
    "sort",
    "reverse",
    "fill",
    "put",
    "itemset",
    "resize",
}


def _chain(node: ast.expr) -> tuple[str | None, list[str]]:
    """Root name and attribute names of ``a.b[c].d`` → ("a", ["b", "d"])."""
    attrs: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            attrs.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            break
    root = node.id if isinstance(node, ast.Name) else None
    return root, list(reversed(attrs))


def _touches_model(node: ast.expr) -> bool:
    root, attrs = _chain(node)
    return root in MODEL_NAMES or bool(MODEL_ATTRS & set(attrs))


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            if isinstance(target, ast.Attribute | ast.Subscript) and _touches_model(target):
                found.append(f"{path.name}:{node.lineno} assigns to {ast.unparse(target)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, receiver = node.func.attr, node.func.value
            if method in MUTATORS and _touches_model(receiver):
                found.append(f"{path.name}:{node.lineno} mutates {ast.unparse(node.func)}")
            if method in ("submit", "apply") and "engine" in _chain(receiver)[1] + [
                _chain(receiver)[0]
            ]:
                found.append(f"{path.name}:{node.lineno} bypasses the session")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("setattr", "delattr")
        ):
            found.append(f"{path.name}:{node.lineno} calls {node.func.id}")
    return found


def test_ui_never_changes_model_state_directly() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 10
    offences = [o for path in modules for o in _offences(path)]
    assert not offences, offences


def test_the_scan_catches_what_it_should(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(self, world, game):\n"
        "    world.month = 3\n"
        "    self.game.world.states.capital[0] += 1\n"
        "    game.session.engine.world.events.append(1)\n"
        "    self.game.session.engine.submit(x)\n"
        "    setattr(world, 'month', 1)\n"
        "    self.screen = 1\n"
        "    game.seen.votes += 1\n",
        encoding="utf-8",
    )
    assert len(_offences(bad)) == 5
