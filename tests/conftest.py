"""Shared fixtures: a private data folder for every test, no user config, no cursor blink."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's own data and settings out; make widgets stop blinking."""
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):  # a first run's language follows the locale
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.chdir(tmp_path)
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def make_config(data_dir: Path):  # type: ignore[no-untyped-def]
    """Build an AppConfig the way the CLI does, with a private data folder."""

    from workshop.cli import AppConfig

    def build(**changes) -> AppConfig:  # type: ignore[no-untyped-def]
        return AppConfig(data_dir=data_dir, **changes)

    return build
