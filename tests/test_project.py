"""Rules about the project as a whole: the layers import only downward, and the code stays ruff-clean.

The layers, bottom up: model -> render -> viewstate / export -> ui. Each may import the ones below it and
never one above; the program's entry points (cli, bench, __main__) sit on top and may import anything.
Every module's imports are read with ast (those inside functions too: a lazy import is still an arrow), so
a new module is checked the day it is added. `viewer.viewstate` (a module or a package) is a layer whether
or not this branch has it yet.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VIEWER = ROOT / "viewer"

LAYERS = ("model", "render", "viewstate", "export", "ui")
ENTRY_POINTS = {"viewer.cli", "viewer.bench", "viewer.__main__"}
QT = "PySide6"
# render's one module that draws with Qt; the rest of render is plain arithmetic on numbers and the model.
RENDER_QT_MODULES = {"viewer.render.painter"}

# layer -> the layers it must not import (besides the entry points, which nothing imports)
FORBIDDEN: dict[str, set[str]] = {
    "model": {"render", "viewstate", "export", "ui"},
    "render": {"viewstate", "export", "ui"},
    "viewstate": {"ui"},
    "export": {"ui"},
    "ui": set(),
}
QT_FREE_LAYERS = {"model", "viewstate"}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(module: str, source: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in `source`, relative ones resolved, `from viewer import x` as
    `viewer.x`."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "viewer" and parts[1] in LAYERS:
        return parts[1]
    return None


def violations(sources: dict[str, tuple[str, bool]]) -> list[str]:
    """Every import that points up a layer, into an entry point, or at Qt where Qt is not allowed.

    `sources`: module name -> (its source text, whether it is a package's __init__).
    """
    found: list[str] = []
    for module, (source, is_package) in sorted(sources.items()):
        layer = layer_of(module)
        if layer is None:
            continue
        for line, target in imports(module, source, is_package):
            where = f"{module}:{line} imports {target}"
            if target == QT or target.startswith(QT + "."):
                if layer in QT_FREE_LAYERS or (layer == "render" and module not in RENDER_QT_MODULES):
                    found.append(f"{where}: the {layer} layer is Qt-free")
                continue
            if target in ENTRY_POINTS or any(target.startswith(entry + ".") for entry in ENTRY_POINTS):
                found.append(f"{where}: an entry point is imported by nothing")
                continue
            target_layer = layer_of(target)
            if target_layer in FORBIDDEN[layer]:
                found.append(f"{where}: {layer} may not import {target_layer} (the arrows point down)")
    return found


def project_sources() -> dict[str, tuple[str, bool]]:
    return {
        module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in sorted(VIEWER.rglob("*.py"))
    }


def test_every_layer_imports_only_downward() -> None:
    sources = project_sources()
    assert {layer_of(m) for m in sources} >= {"model", "render", "export", "ui"}, "the layers were not found"
    assert violations(sources) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("viewer.model.x", "import PySide6.QtCore\n", "the model layer is Qt-free"),
        ("viewer.model.x", "def f():\n    from viewer.render import scale\n", "model may not import render"),
        ("viewer.model.x", "from viewer import export\n", "model may not import export"),
        ("viewer.model.readers.x", "from ...ui import app\n", "model may not import ui"),
        ("viewer.render.scale", "from PySide6.QtGui import QColor\n", "the render layer is Qt-free"),
        ("viewer.render.scale", "import viewer.viewstate\n", "render may not import viewstate"),
        ("viewer.render.painter", "from viewer.export.writers import WRITERS\n", "render may not import export"),
        ("viewer.viewstate", "from viewer.ui.timeline_view import TimelineView\n", "viewstate may not import ui"),
        ("viewer.viewstate.zoom", "from PySide6.QtCore import QObject\n", "the viewstate layer is Qt-free"),
        ("viewer.export.pictures", "from viewer.ui.settings import Settings\n", "export may not import ui"),
        ("viewer.ui.app", "from viewer.cli import main\n", "an entry point is imported by nothing"),
    ],
)
def test_the_rules_catch_an_upward_import(module: str, source: str, expected: str) -> None:
    found = violations({module: (source, False)})
    assert len(found) >= 1 and all(expected in line for line in found), found


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("viewer.render.painter", "from PySide6.QtGui import QPainter\nfrom viewer.model.store import Store\n"),
        ("viewer.viewstate", "from viewer.render.scale import TimeScale\n"),
        ("viewer.export.saving", "from viewer.viewstate import ViewState\nfrom PySide6.QtCore import QSaveFile\n"),
        ("viewer.ui.main_window", "from viewer.export import export\nfrom viewer.viewstate import ViewState\n"),
        ("viewer.cli", "from viewer.ui.app import run_window\n"),
    ],
)
def test_the_rules_allow_downward_imports(module: str, source: str) -> None:
    assert violations({module: (source, False)}) == []


def test_the_model_and_the_text_commands_import_no_qt() -> None:
    """`check` and `list` must work where Qt cannot start; the model must be testable without a display."""
    script = (
        "import sys, viewer.model.loader, viewer.model.store, viewer.model.readers, viewer.render.layout, "
        "viewer.render.scale, viewer.render.ticks, viewer.render.view, viewer.export.writers, viewer.cli; "
        "viewer.cli._build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_one_seconds_per_day() -> None:
    """The day's length is the model's; the scale re-exports it and the modules that used a literal do not."""
    from viewer.model import dates
    from viewer.render import scale

    assert scale.SECONDS_PER_DAY is dates.SECONDS_PER_DAY
    for name in ("viewer/model/store.py", "viewer/render/scale.py", "viewer/synthetic.py", "viewer/bench.py"):
        numbers = [n.value for n in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8")))
                   if isinstance(n, ast.Constant) and n.value in (86_400, 86_400.0)]  # fmt: skip
        assert numbers == [], f"{name} writes the day's length as a literal"


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
