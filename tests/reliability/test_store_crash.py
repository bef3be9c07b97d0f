"""Kill -9 a writer at random moments: nothing unreadable, nothing finished is lost."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from workshop.core.model import Meta, Workshop, workshop_to_dict
from workshop.core.store import Store

HELPERS = Path(__file__).parent / "helpers"
REPO = Path(__file__).resolve().parents[2]
KILLS = 30
SEED = 20240611


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def _finished_versions(stdout: bytes) -> list[int]:
    """Versions the writer reported; a line cut short by the kill does not count."""
    lines = stdout.split(b"\n")[:-1]  # the part after the last newline is incomplete
    return [int(line) for line in lines if line.isdigit()]


def _assert_everything_readable(data: Path) -> None:
    for path in data.rglob("*"):
        if path.is_file() and path.suffix == ".json" and path.parent.name != "locks":
            json.loads(path.read_bytes().decode("utf-8"))  # raises on a torn file
    assert not [p for p in data.rglob("*.tmp")], "stray temp files survived a Store start"


def test_sigkill_mid_save_never_tears_or_loses_a_finished_save(tmp_path: Path) -> None:
    data = tmp_path / "data"
    template = tmp_path / "template.json"
    template.write_text(json.dumps(workshop_to_dict(Workshop(meta=Meta(title="Crash test")))), "utf-8")
    workshop_id = "crashtest01"
    rng = random.Random(SEED)
    last_finished = 0
    saves = 0
    for kill in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, str(HELPERS / "store_writer.py"), str(data), workshop_id, str(template)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
        )
        assert writer.stdout is not None
        ready = writer.stdout.readline()
        assert ready.startswith(b"ready"), (ready, writer.stderr.read() if writer.stderr else b"")
        assert int(ready.split()[1]) >= last_finished  # the writer itself reopened a whole file
        # Kill while it writes: once it has finished a save (however busy the machine), at a random moment after.
        first = writer.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.04))
        writer.kill()  # SIGKILL
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == -9, err.decode(errors="replace")
        versions = _finished_versions(first + out)
        saves += len(versions)
        if versions:
            last_finished = max(versions)

        store = Store(data)
        assert store.problems == [], [str(p) for p in store.problems]
        doc = store.load(workshop_id)
        assert len(doc["swot"]) >= last_finished, f"kill {kill}: lost finished saves"
        assert [item["id"] for item in doc["swot"]] == [f"s{n}" for n in range(1, len(doc["swot"]) + 1)]
        [summary] = store.list()
        assert summary["title"] == doc["meta"]["title"]  # the index caught up with the file
        _assert_everything_readable(data)
        for backup in store.backups_of(workshop_id):
            assert json.loads(backup.read_bytes())["workshop"]["1"]["id"] == workshop_id
    assert not list((data / "corrupt").iterdir())
    assert saves >= KILLS, f"only {saves} saves finished: the kills did not land during writing"
