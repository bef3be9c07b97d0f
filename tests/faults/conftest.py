"""Shared helpers of the fault suite: run the real CLI entry point in-process and judge what it said."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: Anything a terminal would act on: ESC, other C0 controls but newline, C1 controls.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]")


@dataclass
class Result:
    code: int
    out: str
    err: str

    def assert_clear_error(self) -> None:
        """One sentence on stderr, a non-zero code, no traceback, nothing a terminal would act on."""
        assert self.code != 0, self
        assert "Traceback" not in self.err and "Error:" not in self.err.split(".")[0], self.err
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert len(lines) == 1, self.err
        assert not RAW_CONTROL.search(self.err), repr(self.err)
        assert not RAW_CONTROL.search(self.out), repr(self.out)


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """`cli("import", path)` runs `workshop --data-dir DATA import path` in this process."""
    from workshop.cli import main

    def run(*argv: str, lang: str = "en") -> Result:
        capsys.readouterr()
        try:
            code = main(["--data-dir", str(data_dir), "--lang", lang, *argv], environ={})
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
