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


def pytest_configure(config: pytest.Config) -> None:
    """Waiting for the app, at the pace of the machine rather than of Textual's defaults.

    Textual's pilot decides the app is idle by sleeping 1/50 s at a time until the process used
    almost no CPU in one sleep: at least 2 x 20 ms after every key pressed and every pause, most of
    a key walk's wall time (the CPU was idle ~40 % of a key-matrix test). Here it sleeps 5 ms at a
    time (idle: under 0.5 ms of CPU in one). A screen repaints, and runs what waits for its refresh
    (`call_after_refresh`), on a timer of 1/60 s once something changed; with shorter sleeps a key
    could then be pressed before that refresh, which no person types that fast: the timer is 2 ms
    here, so the refresh happens inside the first sleep. Bursts are tested on purpose elsewhere.
    Measured: the SWOT and goals files + the SWOT key walk, 67-76 s -> 38-39 s wall, CPU the same.
    """
    import textual._wait as wait
    import textual.screen as screen

    # Textual's own names: if a release renames them, say so here rather than silently wait as before.
    for module, name in ((wait, "SLEEP_GRANULARITY"), (wait, "SLEEP_IDLE"), (screen, "UPDATE_PERIOD")):
        assert hasattr(module, name), f"Textual has no {module.__name__}.{name} any more: see tests/conftest.py"
    wait.SLEEP_GRANULARITY = 1 / 200
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 10
    screen.UPDATE_PERIOD = 1 / 500


def pytest_collection_finish(session: pytest.Session) -> None:
    """The modules every test imported, set aside from the cycle collector (`gc.freeze`, as the
    launcher does for the app's start), and collections less often: a Pilot test makes tens of
    thousands of short-lived objects, and each full collection walked every module's objects again.
    Measured: the SWOT, goals, setup and partners files, 31.7-32.1 s -> 28.5-29.9 s CPU."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the machine has cores. A worker is idle part of the time (the
    app settling between keys, a child process or pty starting, an fsync): the extra one keeps the
    cores busy. Measured with a CPU-bound process beside it on 2 cores (tests/screens + snapshots):
    2 workers 215 s wall, 3 workers 172 s."""
    import os

    return (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1) + 1
