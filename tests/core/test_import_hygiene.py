"""The core is reachable without the TUI: importing it never loads Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "workshop.core.model",
    "workshop.core.rules",
    "workshop.core.edits",
    "workshop.core.session",
    "workshop.core.content",
    "workshop.core.settings",
    "workshop.core.rtl",
    "workshop.core.i18n",
    "workshop.core.store",
    "workshop.core.service",
    "workshop.cli",
    "workshop.core.export",
    "workshop.core.export.report",
    "workshop.core.export.markdown",
    "workshop.core.export.csv_export",
    "workshop.core.export.json_export",
    "workshop.core.export.pdf",
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
