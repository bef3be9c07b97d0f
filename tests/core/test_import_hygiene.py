"""The core is reachable without the TUI: importing it never loads Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "workshop.model",
    "workshop.rules",
    "workshop.edits",
    "workshop.session",
    "workshop.content",
    "workshop.settings",
    "workshop.rtl",
    "workshop.i18n",
    "workshop.store",
    "workshop.service",
    "workshop.cli",
    "workshop.export",
    "workshop.export.report",
    "workshop.export.markdown",
    "workshop.export.csv_export",
    "workshop.export.json_export",
    "workshop.export.pdf",
]


def test_core_never_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
