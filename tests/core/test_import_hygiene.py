"""The core is reachable without the TUI: no module under `workshop.core` (nor the CLI) loads Textual.

Every module is found by walking the package, so a new core module cannot escape the check.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import workshop.core


def core_modules() -> list[str]:
    """Every module of the core package, found on disk (nothing listed by hand)."""
    found = ["workshop.__main__", "workshop.cli", "workshop.core"]
    found += [m.name for m in pkgutil.walk_packages(workshop.core.__path__, "workshop.core.")]
    return found


def test_the_walk_finds_the_step_modules() -> None:
    modules = core_modules()
    assert "workshop.core.steps.mission" in modules
    assert "workshop.core.export.pdf_text" in modules
    assert len(modules) > 30


def test_core_never_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.') or m.startswith('workshop.tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_import_contract_holds() -> None:
    """import-linter's contract (pyproject.toml [tool.importlinter]): workshop.core never imports
    textual, rich nor workshop.tui, counting imports inside functions too."""
    from pathlib import Path

    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stdout + result.stderr
