"""`hkplanner.core` imports no Qt, no plotting and nothing from the UI; pandas only when a table is asked for."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "hkplanner" / "core"
FORBIDDEN = ("PySide6", "pyqtgraph", "matplotlib", "hkplanner.ui")
CORE_FILES = sorted(CORE.rglob("*.py"))


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _package_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts if path.name == "__init__.py" else parts[:-1]).removesuffix(".__init__")


def forbidden_imports(source: str, package: str) -> list[str]:
    """Modules a source file imports (statically, or by a literal name) that core must not use."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            modules = [stem, *(f"{stem}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                modules = [node.args[0].value]
        found += [module for module in modules if _is_forbidden(module)]
    return found


def test_scan_sees_the_core():
    names = {path.name for path in CORE_FILES}
    assert {"__init__.py", "projection.py", "scenario.py", "parameters.py"} <= names


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6.QtCore",
        "from PySide6 import QtWidgets",
        "import pyqtgraph as pg",
        "from matplotlib import pyplot",
        "from hkplanner.ui import session",
        "from hkplanner import ui",
        "from ..ui.session import Session",
        "def f():\n    import pyqtgraph",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
    ],
)
def test_scan_catches_forbidden_imports(source):
    assert forbidden_imports(source, "hkplanner.core")


def test_scan_lets_allowed_imports_through():
    source = "import numpy as np\nfrom hkplanner.core.phases import Phase\nfrom . import seeds\nimport tomllib"
    assert forbidden_imports(source, "hkplanner.core") == []


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda path: str(path.relative_to(CORE)))
def test_core_file_imports_nothing_forbidden(path):
    assert forbidden_imports(path.read_text(encoding="utf-8"), _package_of(path)) == []


def _modules_after(code: str) -> list[str]:
    """Run `code` in a fresh interpreter and return the modules it left loaded."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _roots(modules: list[str]) -> set[str]:
    return {module.split(".")[0] for module in modules} | set(modules)


def test_running_the_model_loads_no_qt_plotting_ui_or_pandas():
    loaded = _modules_after("import hkplanner.core\nfrom hkplanner.core import baseline, project\nproject(baseline())")
    assert "hkplanner.core.projection" in loaded  # the model really ran in the child
    assert [module for module in loaded if _is_forbidden(module)] == []
    assert "pandas" not in _roots(loaded)


def test_pandas_is_loaded_only_for_the_table():
    loaded = _modules_after("from hkplanner.core import baseline, project\nproject(baseline()).frame")
    assert "pandas" in _roots(loaded)  # proves the check above can see pandas when it is there
    assert [module for module in loaded if _is_forbidden(module)] == []
