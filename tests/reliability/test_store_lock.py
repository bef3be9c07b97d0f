"""One writer per workshop across processes; the OS frees the lock of a killed holder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.core.model import Meta, Workshop, workshop_to_dict
from workshop.core.store import Store, WorkshopLocked

HELPERS = Path(__file__).parent / "helpers"
REPO = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def _holder(data: Path, workshop_id: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(HELPERS / "lock_holder.py"), str(data), workshop_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )


def _line(process: subprocess.Popen[bytes]) -> list[str]:
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    assert line, process.stderr.read().decode() if process.stderr else ""
    return line.split()


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, dict]:
    data = tmp_path / "data"
    doc = workshop_to_dict(Workshop(meta=Meta(title="Locked workshop")))
    Store(data).create(doc)
    return data, doc


def test_second_process_is_refused_then_lock_freed_by_sigkill(setup: tuple[Path, dict]) -> None:
    data, doc = setup
    holder = _holder(data, doc["id"])
    try:
        assert _line(holder) == ["locked", str(holder.pid)]
        store = Store(data)
        with pytest.raises(WorkshopLocked) as refused:
            store.lock(doc["id"])
        assert refused.value.key == "errors.store_locked"
        assert refused.value.params["pid"] == holder.pid
        assert refused.value.params["host"] == socket.gethostname()
        from workshop.core.content import load_catalogue

        sentence = load_catalogue("en").t(refused.value.key, **refused.value.params)
        assert "Locked workshop" in sentence and "read-only" in sentence
        # A third process is refused too, and names the holder.
        third = _holder(data, doc["id"])
        assert _line(third) == ["refused", str(holder.pid)]
        third.communicate(timeout=10)
        # Reading without the lock still works.
        assert store.load(doc["id"]) == doc
        assert [s["id"] for s in store.list()] == [doc["id"]]
    finally:
        holder.kill()
        holder.communicate(timeout=10)
    assert holder.returncode == -9
    lock = Store(data).lock(doc["id"])  # flock released by the OS
    assert lock.held
    lock.release()
    assert not lock.held


def test_lock_released_normally_can_be_taken(setup: tuple[Path, dict]) -> None:
    data, doc = setup
    holder = _holder(data, doc["id"])
    assert _line(holder)[0] == "locked"
    with pytest.raises(WorkshopLocked):
        Store(data).lock(doc["id"])
    out, _ = holder.communicate(input=b"", timeout=10)  # closes stdin: the holder releases
    assert out.split() == [b"released"]
    with Store(data).lock(doc["id"]) as lock:
        assert lock.held
    assert not lock.held


def test_same_process_second_lock_is_refused(setup: tuple[Path, dict]) -> None:
    data, doc = setup
    store = Store(data)
    with store.lock(doc["id"]):
        with pytest.raises(WorkshopLocked):
            store.lock(doc["id"])
        with pytest.raises(WorkshopLocked):
            Store(data).lock(doc["id"])
    store.lock(doc["id"]).release()
