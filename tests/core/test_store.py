"""The store: round trips, hostile text, file modes, corrupt files, the index, backups, resolve."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

import workshop.core.store as store_module
from workshop.core.model import Meta, SwotItem, Workshop, workshop_from_dict, workshop_to_dict
from workshop.core.store import (
    AtomicJSONStorage,
    CorruptFile,
    Store,
    StoreError,
    WorkshopCorrupt,
    WorkshopNotFound,
)


def make_doc(title: str = "Coalition for clean water", **changes: Any) -> dict[str, Any]:
    doc = workshop_to_dict(Workshop(meta=Meta(title=title)))
    doc.update(changes)
    return doc


def file_of(root: Path, workshop_id: str) -> Path:
    return root / "workshops" / f"{workshop_id}.json"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store-data"


# --------------------------------------------------------------------------- round trip


def test_create_list_load_save_delete_round_trip(root: Path) -> None:
    store = Store(root)
    first = make_doc("First", updated="2024-01-01T10:00:00+00:00")
    second = make_doc("Second", updated="2024-02-01T10:00:00+00:00")
    store.create(first)
    store.create(second)

    listed = store.list()
    assert [s["title"] for s in listed] == ["Second", "First"]  # most recently updated first
    assert set(listed[0]) == {"id", "title", "language", "date", "updated", "step", "archived", "schema"}
    assert store.load(first["id"]) == first

    first["meta"]["place"] = "Amman"
    first["updated"] = "2024-03-01T10:00:00+00:00"
    store.save(first)
    assert store.load(first["id"])["meta"]["place"] == "Amman"
    assert [s["title"] for s in store.list()] == ["First", "Second"]
    assert workshop_from_dict(store.load(first["id"])).meta.place == "Amman"

    store.delete(second["id"])
    assert [s["id"] for s in store.list()] == [first["id"]]
    with pytest.raises(WorkshopNotFound):
        store.load(second["id"])
    trashed = list((root / "trash").iterdir())
    assert len(trashed) == 1 and trashed[0].name.startswith(second["id"] + ".")
    assert json.loads(trashed[0].read_text("utf-8"))["workshop"]["1"] == second  # moved, never unlinked

    # A fresh Store (another process) sees the same.
    again = Store(root)
    assert [s["id"] for s in again.list()] == [first["id"]]
    assert again.load(first["id"]) == first


def test_create_refuses_a_taken_id_and_bad_ids(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    with pytest.raises(StoreError) as taken:
        store.create(doc)
    assert taken.value.key == "errors.store_exists"
    with pytest.raises(StoreError) as bad:
        store.save(make_doc(id="../../etc/passwd"))
    assert bad.value.key == "errors.store_bad_id"
    assert bad.value.params["id"] == "../../etc/passwd"
    with pytest.raises(WorkshopNotFound):
        store.load("../index")


def test_archived_workshops_are_hidden_unless_asked(root: Path) -> None:
    store = Store(root)
    doc = make_doc("Old one", archived=True)
    store.create(doc)
    store.create(make_doc("Current"))
    assert [s["title"] for s in store.list()] == ["Current"]
    assert {s["title"] for s in store.list(include_archived=True)} == {"Old one", "Current"}


def test_the_file_is_a_tinydb_file_with_one_document(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    db = TinyDB(file_of(root, doc["id"]), storage=AtomicJSONStorage)
    assert db.tables() == {"workshop"}
    assert db.table("workshop").all() == [doc]
    index = TinyDB(root / "index.json", storage=AtomicJSONStorage)
    [entry] = index.table("workshops").all()
    assert entry["id"] == doc["id"] and entry["title"] == doc["meta"]["title"]


def test_storage_reads_none_for_missing_and_empty_and_refuses_garbage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    assert storage.read() is None
    assert not path.exists()  # nothing created before the first write
    path.write_bytes(b"")
    assert storage.read() is None
    path.write_bytes(b"[1, 2]")
    with pytest.raises(CorruptFile):
        storage.read()
    storage.write({"t": {"1": {"a": "é"}}})
    assert path.read_bytes() == '{"t":{"1":{"a":"é"}}}'.encode()  # compact, not ASCII-escaped


# --------------------------------------------------------------------------- hostile text

HOSTILE = [
    '<b>bold</b><font color="red">x</font><para>&amp; &lt;br/&gt;',
    "\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x1b[0m",
    "\u202eevil\u202c and \u2066isolated\u2069 \u2067rtl\u2069 \u200f",
    "before\x00after",
    "\u0301\u0651 lone marks \u064b",
    "👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈",
    "تحالف المياه النظيفة — لا إله",
    "line1\r\nline2\u2028line3\tend\\\"'",
    "x" * 100_000,
]


def test_hostile_text_is_stored_byte_exact(root: Path) -> None:
    store = Store(root)
    doc = make_doc(HOSTILE[6])
    doc["swot"] = [workshop_to_dict_item(text) for text in HOSTILE]
    doc["facilitator_notes"] = {"swot": "".join(HOSTILE[:6])}
    store.create(doc)

    loaded = Store(root).load(doc["id"])
    assert loaded == doc
    for original, back in zip(HOSTILE, loaded["swot"], strict=True):
        assert back["text"].encode("utf-8") == original.encode("utf-8")
    raw = file_of(root, doc["id"]).read_bytes()
    assert "👩🏽‍💻".encode() in raw and "\u202e".encode() in raw  # stored as UTF-8, not escaped
    assert b"\x1b" not in raw and b"\x00" not in raw  # control characters are JSON-escaped
    assert store.list()[0]["title"] == HOSTILE[6]


def test_lone_surrogates_survive_too(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    doc["facilitator_notes"] = {"setup": "half a pair: \ud83d end"}
    store.create(doc)
    assert Store(root).load(doc["id"])["facilitator_notes"]["setup"] == "half a pair: \ud83d end"


def workshop_to_dict_item(text: str) -> dict[str, Any]:
    return SwotItem(kind="strength", text=text).model_dump(mode="json")


# --------------------------------------------------------------------------- modes and temp files


def test_files_are_0600_and_folders_0700(root: Path) -> None:
    store = Store(root, backups=3)
    doc = make_doc()
    store.create(doc)
    backup = store.backup(doc["id"])
    assert backup is not None
    with store.lock(doc["id"]):
        pass
    for path in (file_of(root, doc["id"]), root / "index.json", backup):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (root, root / "workshops", root / "backups", root / "corrupt", root / "trash", root / "locks"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((root / "locks" / f"{doc['id']}.lock").stat().st_mode) & 0o077 == 0


def test_stray_temp_files_are_removed_at_start(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    strays = [
        root / "workshops" / f".{doc['id']}.json.{dead_pid}.0123abcd.tmp",  # writer killed mid-write
        root / f".index.json.{dead_pid}.89abcdef.tmp",
        root / "workshops" / ".legacy.json.tmp",  # not our pattern: no live writer can own it
    ]
    old_live = root / "workshops" / f".{doc['id']}.json.{os.getpid()}.00000000.tmp"
    live = root / "workshops" / f".{doc['id']}.json.{os.getpid()}.11111111.tmp"
    for path in (*strays, old_live, live):
        path.write_bytes(b'{"workshop": {"1": {"id": "tor')
    hour_ago = time.time() - 2 * 3600
    os.utime(old_live, (hour_ago, hour_ago))

    again = Store(root)
    for path in (*strays, old_live):
        assert not path.exists(), path
    assert live.exists()  # a live writer's temp file is left alone
    assert again.problems == []
    assert [s["id"] for s in again.list()] == [doc["id"]]


# --------------------------------------------------------------------------- corrupt files


@pytest.mark.parametrize(
    ("garbage", "reason"),
    [
        (None, "broken JSON"),  # truncated JSON
        (b"", "empty"),
        (bytes(range(256)) * 4, "not UTF-8"),
        (b'{"workshop": {}}', "no single document"),
    ],
)
def test_corrupt_file_on_load_is_set_aside(root: Path, garbage: bytes | None, reason: str) -> None:
    store = Store(root, backups=5)
    good = make_doc("Good one")
    bad = make_doc("Damaged one")
    store.create(good)
    store.create(bad)
    store.backup(bad["id"])
    path = file_of(root, bad["id"])
    original = path.read_bytes()
    path.write_bytes(original[: len(original) // 2] if garbage is None else garbage)
    damaged = path.read_bytes()

    with pytest.raises(WorkshopCorrupt) as caught:
        store.load(bad["id"])
    error = caught.value
    assert error.key == "errors.store_corrupt"
    assert error.params["id"] == bad["id"]
    assert error.params["title"] == "Damaged one"
    assert error.params["backups"] == 1
    kept = Path(error.params["kept_as"])
    assert kept.parent == root / "corrupt"
    assert kept.name.startswith(bad["id"] + ".") and kept.name.endswith("Z.json")
    assert kept.read_bytes() == damaged  # never deleted, byte for byte
    assert reason in str(error) and "Damaged one" in str(error) and "backup" in str(error)
    assert not path.exists()
    assert [s["id"] for s in store.list()] == [good["id"]]
    restored = store.restore(bad["id"], store.backups_of(bad["id"])[0])
    assert restored == bad and store.load(bad["id"]) == bad


def test_corrupt_files_found_at_start_are_reported_and_others_listed(root: Path) -> None:
    store = Store(root)
    good = make_doc("Good one")
    truncated = make_doc("Truncated")
    empty = make_doc("Empty")
    store.create(good)
    store.create(truncated)
    store.create(empty)
    raw = file_of(root, truncated["id"]).read_bytes()
    file_of(root, truncated["id"]).write_bytes(raw[:-40])
    file_of(root, empty["id"]).write_bytes(b"")
    file_of(root, "garbage").write_bytes(os.urandom(300) + b"\xff")

    again = Store(root)
    assert all(isinstance(p, WorkshopCorrupt) for p in again.problems)
    assert {p.params["id"] for p in again.problems} == {truncated["id"], empty["id"], "garbage"}
    assert {p.params["title"] for p in again.problems} == {"Truncated", "Empty", ""}
    assert [s["id"] for s in again.list()] == [good["id"]]
    assert len(list((root / "corrupt").iterdir())) == 3
    assert Store(root).problems == []  # set aside once, not reported again


def test_caller_can_set_aside_a_valid_json_invalid_workshop(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    doc["meta"]["approach"] = 999  # JSON is fine, the model refuses it
    store.create(doc)
    kept = store.set_aside(doc["id"], "errors.invalid_workshop")
    assert kept.parent == root / "corrupt" and kept.exists()
    assert store.list() == []


# --------------------------------------------------------------------------- index


def test_index_is_not_rewritten_on_a_plain_edit(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    index = root / "index.json"
    before = index.stat()
    for n in range(5):
        doc["swot"].append(workshop_to_dict_item(f"item {n}"))
        doc["updated"] = f"2030-01-01T00:00:0{n}+00:00"
        store.save(doc)
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    # ...but list() is right anyway, in this process and in another one.
    assert store.list()[0]["updated"] == "2030-01-01T00:00:04+00:00"
    assert Store(root).list()[0]["updated"] == "2030-01-01T00:00:04+00:00"


def test_index_is_rewritten_when_a_summary_field_changes(root: Path) -> None:
    store = Store(root)
    doc = make_doc("Before")
    store.create(doc)
    index = root / "index.json"
    for field, value in (("title", "After"), ("language", "ar"), ("date", "2025-05-01")):
        before = index.stat().st_ino
        doc["meta"][field] = value
        store.save(doc)
        assert index.stat().st_ino != before, field
        entries = json.loads(index.read_text("utf-8"))["workshops"]
        assert next(iter(entries.values()))[field] == value
    before = index.stat().st_ino
    doc["last_step"] = "swot"
    store.save(doc)
    assert index.stat().st_ino != before
    assert Store(root).list()[0]["step"] == "swot"


def test_lagging_updated_is_written_when_the_lock_is_released(root: Path) -> None:
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    with store.lock(doc["id"]):
        doc["updated"] = "2031-01-01T00:00:00+00:00"
        store.save(doc)
        entries = json.loads((root / "index.json").read_text("utf-8"))["workshops"]
        assert next(iter(entries.values()))["updated"] != "2031-01-01T00:00:00+00:00"
    entries = json.loads((root / "index.json").read_text("utf-8"))["workshops"]
    assert next(iter(entries.values()))["updated"] == "2031-01-01T00:00:00+00:00"


def test_lagging_updated_is_refreshed_after_the_interval(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "INDEX_REFRESH_SECONDS", 0.0)
    store = Store(root)
    doc = make_doc()
    store.create(doc)
    doc["updated"] = "2031-01-01T00:00:00+00:00"
    store.save(doc)
    entries = json.loads((root / "index.json").read_text("utf-8"))["workshops"]
    assert next(iter(entries.values()))["updated"] == "2031-01-01T00:00:00+00:00"


def test_index_rebuilt_when_deleted_or_corrupt(root: Path) -> None:
    store = Store(root)
    docs = [make_doc(f"Workshop {n}") for n in range(3)]
    for doc in docs:
        store.create(doc)
    (root / "index.json").unlink()
    assert {s["title"] for s in store.list()} == {"Workshop 0", "Workshop 1", "Workshop 2"}
    assert (root / "index.json").exists()
    (root / "index.json").write_bytes(b'{"workshops": {"1": {"id"')
    again = Store(root)
    assert again.problems == []  # the index is derived data: rebuilt, not a problem
    assert len(again.list()) == 3
    assert len(json.loads((root / "index.json").read_text("utf-8"))["workshops"]) == 3


def test_index_rebuilt_when_stale(root: Path) -> None:
    store = Store(root)
    kept = make_doc("Kept")
    store.create(kept)
    # A workshop file without an index entry (e.g. copied in by hand, or a crash between the two writes).
    stray = make_doc("Arrived by hand")
    file_of(root, stray["id"]).write_text(json.dumps({"workshop": {"1": stray}}), "utf-8")
    # An index entry without a file.
    index = json.loads((root / "index.json").read_text("utf-8"))
    index["workshops"]["99"] = {"id": "ghost", "title": "Ghost", "updated": "2099-01-01", "archived": False}
    (root / "index.json").write_text(json.dumps(index), "utf-8")
    # A file changed behind the index's back (another process, title changed).
    other = Store(root)
    kept["meta"]["title"] = "Kept, renamed elsewhere"
    file_of(root, kept["id"]).write_text(json.dumps({"workshop": {"1": kept}}), "utf-8")

    titles = {s["title"] for s in store.list()}
    assert titles == {"Kept, renamed elsewhere", "Arrived by hand"}
    assert {s["title"] for s in other.list()} == titles
    on_disk = {e["title"] for e in json.loads((root / "index.json").read_text("utf-8"))["workshops"].values()}
    assert on_disk == titles


# --------------------------------------------------------------------------- backups


def test_backups_rotate_and_restore(root: Path) -> None:
    store = Store(root, backups=3)
    doc = make_doc()
    store.create(doc)
    made = []
    for version in range(5):
        doc["meta"]["place"] = f"version {version}"
        store.save(doc)
        made.append(store.backup(doc["id"]))
    assert store.backup(doc["id"]) == made[-1]  # unchanged file: no new copy
    backups = store.backups_of(doc["id"])
    assert backups == list(reversed(made[-3:]))  # newest first, only the last 3
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in backups)

    doc["meta"]["place"] = "version 5"
    store.save(doc)
    restored = store.restore(doc["id"], backups[-1])  # the oldest kept: version 2
    assert restored["meta"]["place"] == "version 2"
    assert store.load(doc["id"])["meta"]["place"] == "version 2"
    assert Store(root).load(doc["id"])["meta"]["place"] == "version 2"
    newest = json.loads(store.backups_of(doc["id"])[0].read_text("utf-8"))["workshop"]["1"]
    assert newest["meta"]["place"] == "version 5"  # what was current before the restore is kept


def test_restore_refuses_bad_backups(root: Path, tmp_path: Path) -> None:
    store = Store(root)
    doc = make_doc()
    other = make_doc("Other")
    store.create(doc)
    store.create(other)
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"workshop": {"1": {')
    with pytest.raises(StoreError) as bad:
        store.restore(doc["id"], broken)
    assert bad.value.key == "errors.backup_unreadable"
    with pytest.raises(StoreError) as wrong:
        store.restore(doc["id"], store.backup(other["id"]))  # type: ignore[arg-type]
    assert wrong.value.key == "errors.backup_other_workshop"
    assert store.load(doc["id"]) == doc


def test_no_backup_without_a_good_file(root: Path) -> None:
    store = Store(root)
    assert store.backup("nothing") is None
    assert store.backups_of("nothing") == []


# --------------------------------------------------------------------------- resolve


def test_resolve_by_id_and_title(root: Path) -> None:
    store = Store(root)
    one = make_doc("Water")
    two = make_doc("Schools")
    three = make_doc("Schools")
    for doc in (one, two, three):
        store.create(doc)
    assert store.resolve(one["id"]) == one["id"]
    assert store.resolve("Water") == one["id"]
    with pytest.raises(StoreError) as ambiguous:
        store.resolve("Schools")
    assert ambiguous.value.key == "errors.ambiguous_title"
    assert two["id"] in str(ambiguous.value) and three["id"] in str(ambiguous.value)
    with pytest.raises(WorkshopNotFound) as missing:
        store.resolve("Nothing like it")
    assert "Nothing like it" in str(missing.value)
    with pytest.raises(WorkshopNotFound):
        store.resolve("water")  # exact titles only
