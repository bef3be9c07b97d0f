"""The store that never loses a word: one TinyDB file per workshop, an index, locks, backups, recovery.

Layout of the data folder (every folder 0700, every file 0600)::

    DATA/index.json                    TinyDB, table "workshops": one summary per workshop
    DATA/workshops/<id>.json           TinyDB, table "workshop": ONE document, the whole workshop
    DATA/backups/<id>/<UTC stamp>.json earlier good copies of a workshop file (the last N)
    DATA/corrupt/<id>.<UTC stamp>.json unreadable files, set aside (never deleted)
    DATA/trash/<id>.<UTC stamp>.json   deleted workshops (never unlinked)
    DATA/locks/<id>.lock               flock: one writer per workshop across processes

Every file is written by the one atomic writer (`workshop.core.storage.atomic`): a temporary file in the same folder, fsync, `os.replace`,
fsync of the folder. A process killed at any moment leaves either the old file or the new one, plus
at most a stray temporary file that the next `Store` removes.

Saving a workshop writes only that workshop's file; the index is rewritten only when a summary
field the list shows changes (title, language, date, step, archived). The index's `updated` lags
by at most `INDEX_REFRESH_SECONDS` and is brought up to date when the lock is released or the
store closed. Each index entry also records the (inode, mtime, size) of the file it was taken from,
so `list()` notices any workshop file that changed since (another process, a crash between the
two writes, a hand edit) and re-reads just that file. This module never imports Textual.
"""

from __future__ import annotations

import json
import os
import re
import functools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import filelock
from tinydb import Storage

from workshop.core.errors import StoreError
from workshop.core.storage.atomic import PRIVATE, PRIVATE_DIR, fsync_dir, make_private_dir, stat_key
from workshop.core.storage.atomic import write_bytes as atomic_write_bytes

#: TinyDB table of a workshop file, and the id of its one document.
WORKSHOP_TABLE = "workshop"
WORKSHOP_DOC_ID = "1"
#: TinyDB table of the index file.
INDEX_TABLE = "workshops"
#: Fields of a summary, as `Store.list()` returns them.
SUMMARY_FIELDS: tuple[str, ...] = ("id", "title", "language", "date", "updated", "step", "archived", "schema")
#: Longest the index's `updated` may lag behind the workshop file while it is edited (seconds).
INDEX_REFRESH_SECONDS = 30.0
#: How long to wait for another process that is rewriting the index (seconds).
INDEX_LOCK_TIMEOUT = 5.0
#: A temporary file this old is stray even if its writer's pid is alive again (seconds).
STALE_TEMP_SECONDS = 3600.0
FILE_MODE = PRIVATE
DIR_MODE = PRIVATE_DIR

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_TEMP_RE = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_STAMP_RE = re.compile(r"^\d{8}T\d{6}\.\d{6}Z\.json$")
_STAT_KEY = tuple[int, int, int]
_R = TypeVar("_R")
_P = ParamSpec("_P")


def _serialised(method: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """Run a Store method holding the store's lock: a session's background writer saves from a
    worker thread, and what this process knows of the files (`_known`, the index) stays whole."""

    @functools.wraps(method)
    def locked(self: Store, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._mutex:
            return method(self, *args, **kwargs)

    return locked

# --------------------------------------------------------------------------- errors

class WorkshopCorrupt(StoreError):
    """A workshop file that cannot be read; it was moved to DATA/corrupt/ (params: id, title, name, kept_as,
    reason, backups)."""

    def __init__(self, **params: Any) -> None:
        super().__init__("errors.store_corrupt", **params)


class WorkshopLocked(StoreError):
    """Another process holds the writer lock (params: id, title, name, pid, host)."""

    def __init__(self, **params: Any) -> None:
        super().__init__("errors.store_locked", **params)


class WorkshopNotFound(StoreError):
    """No workshop with this id or title (params: ref, id)."""

    def __init__(self, **params: Any) -> None:
        super().__init__("errors.store_not_found", **params)


class CorruptFile(ValueError):
    """File bytes that are not the JSON object expected; `reason` says what is wrong, in English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- files


def utc_stamp() -> str:
    """The current UTC time for file names: sortable, no colons, microseconds."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def encode_json(data: Any) -> bytes:
    """Compact UTF-8 JSON; text with lone surrogates (not UTF-8-encodable) is written \\u-escaped instead."""
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def parse_json(raw: bytes) -> Any:
    """Parse JSON bytes, or raise CorruptFile with a reason."""
    if not raw.strip():
        raise CorruptFile("the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptFile(f"not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptFile(f"broken JSON at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise CorruptFile("JSON nested too deeply") from None
    except ValueError:  # e.g. an integer past Python's 4,300-digit limit
        raise CorruptFile("a number too long to read") from None


def read_file(path: Path) -> tuple[bytes, _STAT_KEY]:
    """The bytes of a file and the stat key of exactly the version read."""
    with open(path, "rb") as handle:
        return handle.read(), stat_key(os.fstat(handle.fileno()))


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a torn file: see `atomic_write_bytes`.

    `read()` returns None for a missing or empty file and raises CorruptFile (a ValueError) for bytes
    that are not a JSON object. Nothing is created until the first `write()`.
    """

    def __init__(self, path: str | os.PathLike[str], *, mode: int = FILE_MODE, durable: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.mode = mode
        self.durable = durable
        #: Stat key of the version last read or written.
        self.last_stat: _STAT_KEY | None = None

    def read(self) -> dict[str, Any] | None:
        try:
            raw, self.last_stat = read_file(self.path)
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        data = parse_json(raw)
        if not isinstance(data, dict):
            raise CorruptFile("not a TinyDB file (the top level is not an object)")
        return data

    def write(self, data: dict[str, Any]) -> None:
        self.last_stat = atomic_write_bytes(self.path, encode_json(data), mode=self.mode, durable=self.durable)

    def close(self) -> None:
        """Nothing stays open between calls."""


# --------------------------------------------------------------------------- documents


def summary_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The index summary of a workshop document (defensive: the model validates, not the store)."""
    meta = doc.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    return {
        "id": doc.get("id"),
        "title": str(meta.get("title", "")),
        "language": meta.get("language", "en"),
        "date": meta.get("date"),
        "updated": str(doc.get("updated", "")),
        "step": doc.get("last_step", "setup"),
        "archived": bool(doc.get("archived", False)),
        "schema": doc.get("schema_version") if isinstance(doc.get("schema_version"), int) else None,
    }


def _same_but_updated(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(field) == b.get(field) for field in SUMMARY_FIELDS if field != "updated")


def _wrap(doc: dict[str, Any]) -> dict[str, Any]:
    return {WORKSHOP_TABLE: {WORKSHOP_DOC_ID: doc}}


def _unwrap(data: Any, workshop_id: str | None) -> dict[str, Any]:
    """The one workshop document of a parsed workshop file, or CorruptFile."""
    if not isinstance(data, dict):
        raise CorruptFile("not a TinyDB file (the top level is not an object)")
    table = data.get(WORKSHOP_TABLE)
    if not isinstance(table, dict) or len(table) != 1:
        raise CorruptFile(f'no single document in table "{WORKSHOP_TABLE}"')
    doc = next(iter(table.values()))
    if not isinstance(doc, dict):
        raise CorruptFile("the workshop document is not an object")
    if workshop_id is not None and doc.get("id") != workshop_id:
        raise CorruptFile(f"it holds workshop {str(doc.get('id'))[:64]!r}, not {workshop_id!r}")
    return doc


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


# --------------------------------------------------------------------------- lock


class WorkshopLock:
    """The writer lock of one workshop; `release()` (or leaving the `with` block) frees it."""

    def __init__(self, store: Store, workshop_id: str, file_lock: filelock.BaseFileLock) -> None:
        self.store = store
        self.workshop_id = workshop_id
        self._file_lock = file_lock

    @property
    def held(self) -> bool:
        """Whether this process still holds the lock."""
        return self._file_lock.is_locked

    def release(self) -> None:
        """Bring the index up to date for this workshop, then free the lock (idempotent)."""
        if not self.held:
            return
        try:
            self.store.flush_index(self.workshop_id)
        finally:
            self.store._owner_path(self.workshop_id).unlink(missing_ok=True)
            self._file_lock.release(force=True)

    def __enter__(self) -> WorkshopLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


# --------------------------------------------------------------------------- store


class Store:
    """All workshops of one data folder."""

    def __init__(self, data_dir: Path, *, backups: int = 10) -> None:
        self.root = Path(data_dir)
        self.backup_count = max(0, backups)
        self.workshops_dir = self.root / "workshops"
        self.backups_dir = self.root / "backups"
        self.corrupt_dir = self.root / "corrupt"
        self.trash_dir = self.root / "trash"
        self.locks_dir = self.root / "locks"
        #: Changes that could not be saved (disk full) kept wherever they could be written.
        self.rescue_dir = self.root / "rescue"
        self.index_path = self.root / "index.json"
        #: Corrupt files found (and set aside) while starting or listing; the app shows them.
        self.problems: list[StoreError] = []
        #: What this process last read or wrote per workshop file: (stat key, summary).
        self._known: dict[str, tuple[_STAT_KEY, dict[str, Any]]] = {}
        #: Summaries as the index on disk holds them, as far as this process knows.
        self._indexed: dict[str, dict[str, Any]] = {}
        #: When this process last wrote (or read) each index entry (monotonic seconds).
        self._indexed_at: dict[str, float] = {}
        #: Workshops whose index entry lags (only `updated` changed).
        self._pending: set[str] = set()
        #: Held by every method that reads or changes what this process knows (see `_serialised`).
        self._mutex = threading.RLock()
        for folder in (self.root, self.workshops_dir, self.backups_dir, self.corrupt_dir, self.trash_dir, self.locks_dir):
            _make_dir(folder)
        self._index_lock = filelock.FileLock(
            self.locks_dir / ".index.lock", timeout=INDEX_LOCK_TIMEOUT, mode=FILE_MODE, thread_local=False
        )
        self._index_storage = AtomicJSONStorage(self.index_path)
        self._clean_temp_files()
        self._reconcile()

    # ------------------------------------------------------------------ paths and ids

    def _path(self, workshop_id: str) -> Path:
        return self.workshops_dir / f"{workshop_id}.json"

    def path_of(self, workshop_id: str) -> Path:
        """The file a workshop is stored in (followers watch its modification time)."""
        return self._path(self._existing_id(workshop_id))

    def _owner_path(self, workshop_id: str) -> Path:
        return self.locks_dir / f"{workshop_id}.owner.json"

    def _existing_id(self, workshop_id: Any) -> str:
        """The id itself when it names a workshop file; WorkshopNotFound otherwise."""
        if not isinstance(workshop_id, str) or not _ID_RE.match(workshop_id):
            raise WorkshopNotFound(ref=str(workshop_id)[:80], id=str(workshop_id)[:80])
        return workshop_id

    @staticmethod
    def _doc_id(doc: Any) -> str:
        if not isinstance(doc, dict):
            raise StoreError("errors.store_bad_document", reason="not an object")
        workshop_id = doc.get("id")
        if not isinstance(workshop_id, str) or not _ID_RE.match(workshop_id):
            raise StoreError("errors.store_bad_id", id=str(workshop_id)[:80])
        return workshop_id

    def _title(self, workshop_id: str) -> str:
        known = self._known.get(workshop_id)
        if known is not None:
            return known[1]["title"]
        return str(self._indexed.get(workshop_id, {}).get("title", ""))

    def _name_params(self, workshop_id: str, title: str | None = None) -> dict[str, str]:
        title = self._title(workshop_id) if title is None else title
        return {"id": workshop_id, "title": title, "name": f"“{title}” ({workshop_id})" if title else workshop_id}

    # ------------------------------------------------------------------ start

    def _clean_temp_files(self) -> None:
        """Remove temporary files whose writer is gone (killed mid-write) or that are old."""
        folders = [self.root, self.workshops_dir, self.locks_dir]
        folders += [entry for entry in self.backups_dir.iterdir() if entry.is_dir()]
        now = time.time()
        for folder in folders:
            for entry in os.scandir(folder):
                if not (entry.name.startswith(".") and entry.name.endswith(".tmp")) or not entry.is_file():
                    continue
                match = _TEMP_RE.match(entry.name)
                writer_alive = match is not None and _pid_alive(int(match["pid"]))
                try:
                    old = now - entry.stat().st_mtime > STALE_TEMP_SECONDS
                except FileNotFoundError:
                    continue
                if not writer_alive or old:
                    Path(entry.path).unlink(missing_ok=True)

    # ------------------------------------------------------------------ reading

    @_serialised
    def _read_workshop(self, workshop_id: str) -> tuple[dict[str, Any], _STAT_KEY]:
        """The document and stat key of a workshop file; FileNotFoundError, CorruptFile or StoreError."""
        path = self._path(workshop_id)
        try:
            raw, key = read_file(path)
        except (FileNotFoundError, IsADirectoryError):
            raise FileNotFoundError(path) from None
        except OSError as error:
            raise StoreError("errors.store_read_failed", id=workshop_id, path=str(path), reason=error.strerror or str(error)) from None
        doc = _unwrap(parse_json(raw), workshop_id)
        self._known[workshop_id] = (key, summary_of(doc))
        return doc, key

    def load(self, workshop_id: str) -> dict[str, Any]:
        """The stored document (no lock needed); WorkshopNotFound, or WorkshopCorrupt after setting it aside."""
        workshop_id = self._existing_id(workshop_id)
        try:
            doc, _ = self._read_workshop(workshop_id)
        except FileNotFoundError:
            raise WorkshopNotFound(ref=workshop_id, id=workshop_id) from None
        except CorruptFile as bad:
            problem = self._corrupt(workshop_id, bad.reason, update_index=True)
            if problem is None:  # another process set it aside first
                raise WorkshopNotFound(ref=workshop_id, id=workshop_id) from None
            raise problem from None
        return doc

    def list(self, *, include_archived: bool = False) -> list[dict[str, Any]]:
        """Summaries of the workshops, most recently updated first (the index, checked against the files)."""
        summaries = [dict(s) for s in self._reconcile().values() if include_archived or not s["archived"]]
        summaries.sort(key=lambda s: (str(s.get("updated") or ""), str(s.get("title"))), reverse=True)
        return summaries

    def resolve(self, ref: str) -> str:
        """The id of a workshop given its id or its exact (unique) title."""
        if isinstance(ref, str) and _ID_RE.match(ref) and self._path(ref).is_file():
            return ref
        matches = [s["id"] for s in self.list(include_archived=True) if s.get("title") == ref]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise StoreError("errors.ambiguous_title", title=ref, ids=", ".join(matches), count=len(matches))
        raise WorkshopNotFound(ref=str(ref)[:200], id=str(ref)[:200])

    # ------------------------------------------------------------------ writing

    def create(self, doc: dict[str, Any]) -> None:
        """Store a new workshop; its id must not be taken."""
        workshop_id = self._doc_id(doc)
        if self._path(workshop_id).exists():
            raise StoreError("errors.store_exists", id=workshop_id)
        self._write(workshop_id, doc)

    def save(self, doc: dict[str, Any]) -> None:
        """Replace a workshop's file atomically; the index only when the summary changed."""
        self._write(self._doc_id(doc), doc)

    @_serialised
    def _write(self, workshop_id: str, doc: dict[str, Any]) -> None:
        path = self._path(workshop_id)
        try:
            key = atomic_write_bytes(path, encode_json(_wrap(doc)))
        except OSError as error:
            raise StoreError(
                "errors.store_write_failed", id=workshop_id, path=str(path), reason=error.strerror or str(error)
            ) from None
        summary = summary_of(doc)
        self._known[workshop_id] = (key, summary)
        indexed = self._indexed.get(workshop_id)
        if indexed is not None and _same_but_updated(indexed, summary):
            if indexed.get("updated") == summary["updated"]:
                self._pending.discard(workshop_id)
                return
            if time.monotonic() - self._indexed_at.get(workshop_id, 0.0) < INDEX_REFRESH_SECONDS:
                self._pending.add(workshop_id)
                return
        self._update_index_entry(workshop_id)

    def delete(self, workshop_id: str) -> None:
        """Move a workshop's file to DATA/trash/ (never unlinked) and drop it from the index."""
        workshop_id = self._existing_id(workshop_id)
        path = self._path(workshop_id)
        if not path.is_file():
            raise WorkshopNotFound(ref=workshop_id, id=workshop_id)
        self._move_to(path, self.trash_dir, workshop_id)
        self._forget(workshop_id)

    def set_aside(self, workshop_id: str, reason: str = "") -> Path:
        """Move a workshop's file to DATA/corrupt/<id>.<UTC stamp>.json and drop it from the index."""
        workshop_id = self._existing_id(workshop_id)
        path = self._path(workshop_id)
        if not path.is_file():
            raise WorkshopNotFound(ref=workshop_id, id=workshop_id)
        kept = self._move_to(path, self.corrupt_dir, workshop_id)
        self._forget(workshop_id)
        return kept

    def _move_to(self, path: Path, folder: Path, workshop_id: str) -> Path:
        dest = folder / f"{workshop_id}.{utc_stamp()}.json"
        while dest.exists():
            dest = folder / f"{workshop_id}.{utc_stamp()}.json"
        os.replace(path, dest)
        fsync_dir(folder)
        fsync_dir(path.parent)
        return dest

    def _corrupt(
        self, workshop_id: str, reason: str, *, update_index: bool, title: str | None = None
    ) -> WorkshopCorrupt | None:
        """Set a bad file aside and describe it (None if the file is already gone)."""
        params = self._name_params(workshop_id, title)
        path = self._path(workshop_id)
        try:
            kept = self._move_to(path, self.corrupt_dir, workshop_id)
        except FileNotFoundError:
            return None
        if update_index:
            self._forget(workshop_id)
        else:
            self._known.pop(workshop_id, None)
        return WorkshopCorrupt(**params, kept_as=str(kept), reason=reason, backups=len(self.backups_of(workshop_id)))

    # ------------------------------------------------------------------ index

    @contextmanager
    def _index_guard(self) -> Iterator[bool]:
        """Hold the index lock; yields False (and nothing should be written) if it cannot be had."""
        try:
            self._index_lock.acquire()
        except filelock.Timeout:
            yield False
            return
        try:
            yield True
        finally:
            self._index_lock.release()

    def _read_index(self) -> dict[str, dict[str, Any]] | None:
        """Index entries by id, or None when the index is missing or unreadable (it is then rebuilt)."""
        try:
            data = self._index_storage.read()
        except (CorruptFile, OSError):
            return None
        if data is None or not isinstance(data.get(INDEX_TABLE), dict):
            return None
        entries: dict[str, dict[str, Any]] = {}
        for entry in data[INDEX_TABLE].values():
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                entries[entry["id"]] = entry
        return entries

    def _write_index(self, entries: dict[str, dict[str, Any]], fresh: set[str]) -> None:
        """Rewrite the index; `fresh` are the ids whose entries carry this process's latest summary."""
        table = {str(n): entries[key] for n, key in enumerate(sorted(entries), start=1)}
        try:
            self._index_storage.write({INDEX_TABLE: table})
        except OSError:
            return  # derived data: the next list() rebuilds it from the workshop files
        self._adopt_index(entries)
        now = time.monotonic()
        for workshop_id in fresh:
            self._indexed_at[workshop_id] = now
            self._pending.discard(workshop_id)

    def _adopt_index(self, entries: dict[str, dict[str, Any]]) -> None:
        """Remember what the index on disk holds."""
        now = time.monotonic()
        self._indexed = {workshop_id: _strip(entry) for workshop_id, entry in entries.items()}
        for workshop_id in entries:
            self._indexed_at.setdefault(workshop_id, now)

    def _update_index_entry(self, workshop_id: str) -> None:
        """Put this process's summary of one workshop (and of any lagging ones) into the index on disk."""
        with self._index_guard() as locked:
            if not locked:
                self._pending.add(workshop_id)
                return
            entries = self._read_index()
            if entries is None:
                self._reconcile()
                return
            fresh = {i for i in self._pending | {workshop_id} if i in self._known and self._path(i).is_file()}
            for fresh_id in fresh:
                key, summary = self._known[fresh_id]
                entries[fresh_id] = {**summary, "_stat": list(key)}
            self._write_index(entries, fresh)

    @_serialised
    def _forget(self, workshop_id: str) -> None:
        self._known.pop(workshop_id, None)
        self._pending.discard(workshop_id)
        with self._index_guard() as locked:
            entries = self._read_index() if locked else None
            if entries is not None and workshop_id in entries:
                del entries[workshop_id]
                self._write_index(entries, set())
        self._indexed.pop(workshop_id, None)

    @_serialised
    def flush_index(self, workshop_id: str | None = None) -> None:
        """Write the lagging `updated` of one workshop (or all) into the index."""
        for pending in sorted(self._pending if workshop_id is None else {workshop_id} & self._pending):
            if pending in self._known:
                self._update_index_entry(pending)

    def close(self) -> None:
        """Bring the index up to date (the store stays usable)."""
        self.flush_index()

    def _scan(self) -> dict[str, _STAT_KEY]:
        found: dict[str, _STAT_KEY] = {}
        for entry in os.scandir(self.workshops_dir):
            name = entry.name
            if name.startswith(".") or not name.endswith(".json") or not _ID_RE.match(name[:-5]):
                continue
            try:
                if entry.is_file():
                    found[name[:-5]] = stat_key(entry.stat())
            except FileNotFoundError:
                continue
        return found

    @_serialised
    def _reconcile(self) -> dict[str, dict[str, Any]]:
        """Summaries of every workshop file; rebuild the index entries that are missing, extra or stale."""
        with self._index_guard() as locked:
            stored = self._read_index()
            changed = stored is None
            stored = stored or {}
            entries: dict[str, dict[str, Any]] = {}
            for workshop_id, key in self._scan().items():
                entry = self._summary_entry(workshop_id, key, stored.get(workshop_id))
                if entry is None:
                    changed = True
                    continue
                changed = changed or entry is not stored.get(workshop_id)
                entries[workshop_id] = entry
            changed = changed or bool(set(stored) - set(entries))
            if changed and locked:
                self._write_index(entries, set(entries))
            else:
                self._adopt_index(stored)
        return {workshop_id: _strip(entry) for workshop_id, entry in entries.items()}

    def _summary_entry(self, workshop_id: str, key: _STAT_KEY, stored: dict[str, Any] | None) -> dict[str, Any] | None:
        """The index entry for a file: the stored one if still current, else from memory or the file."""
        known = self._known.get(workshop_id)
        if known is not None and known[0] == key:
            if stored is not None and tuple(stored.get("_stat") or ()) == key and _strip(stored) == known[1]:
                return stored
            return {**known[1], "_stat": list(key)}
        if stored is not None and tuple(stored.get("_stat") or ()) == key:
            return stored
        try:
            doc, real_key = self._read_workshop(workshop_id)
        except FileNotFoundError:
            return None
        except CorruptFile as bad:
            title = str(stored.get("title", "")) if stored is not None else None
            problem = self._corrupt(workshop_id, bad.reason, update_index=False, title=title)
            if problem is not None:
                self.problems.append(problem)
            return None
        except StoreError as error:
            if all(str(error) != str(p) for p in self.problems):
                self.problems.append(error)
            return None
        return {**summary_of(doc), "_stat": list(real_key)}

    # ------------------------------------------------------------------ lock

    def lock(self, workshop_id: str) -> WorkshopLock:
        """Take the writer lock of a workshop (flock, freed by the OS if the process dies); WorkshopLocked."""
        workshop_id = self._existing_id(workshop_id)
        file_lock = filelock.FileLock(
            self.locks_dir / f"{workshop_id}.lock", timeout=0, mode=FILE_MODE, thread_local=False
        )
        try:
            file_lock.acquire()
        except filelock.Timeout:
            owner = self._lock_owner(workshop_id)
            raise WorkshopLocked(
                **self._name_params(workshop_id), pid=owner.get("pid", "?"), host=owner.get("host", "?")
            ) from None
        owner_info = {"pid": os.getpid(), "host": socket.gethostname(), "since": utc_stamp()}
        try:
            atomic_write_bytes(self._owner_path(workshop_id), encode_json(owner_info), durable=False)
        except OSError:
            pass  # the owner note only improves the message another process shows
        return WorkshopLock(self, workshop_id, file_lock)

    def writer_running(self, workshop_id: str) -> bool:
        """Whether a live process seems to hold the workshop's writer lock, read from its owner note
        (left behind only when that process died; a process on another machine counts as running)."""
        owner = self._lock_owner(self._existing_id(workshop_id))
        pid = owner.get("pid")
        if not isinstance(pid, int) or isinstance(pid, bool):
            return False
        return owner.get("host") != socket.gethostname() or _pid_alive(pid)

    def _lock_owner(self, workshop_id: str) -> dict[str, Any]:
        try:
            owner = parse_json(self._owner_path(workshop_id).read_bytes())
        except (OSError, CorruptFile):
            return {}
        return owner if isinstance(owner, dict) else {}

    # ------------------------------------------------------------------ backups

    def _backup_folder(self, workshop_id: str) -> Path:
        return self.backups_dir / workshop_id

    def backup(self, workshop_id: str, *, trim: bool = True) -> Path | None:
        """Copy the current good file to DATA/backups/<id>/<UTC stamp>.json and keep the last N.

        Returns the backup (the newest one when the file has not changed since), or None when there
        is no good file or backups are off.
        """
        workshop_id = self._existing_id(workshop_id)
        if self.backup_count == 0:
            return None
        try:
            raw, _ = read_file(self._path(workshop_id))
            _unwrap(parse_json(raw), workshop_id)
        except (OSError, CorruptFile):
            return None
        existing = self.backups_of(workshop_id)
        same = next((old for old in (existing if not trim else existing[:1]) if _same_bytes(old, raw)), None)
        if same is not None:
            return same
        folder = self._backup_folder(workshop_id)
        dest = folder / f"{utc_stamp()}.json"
        while dest.exists():
            dest = folder / f"{utc_stamp()}.json"
        try:
            _make_dir(folder)
            atomic_write_bytes(dest, raw)
        except OSError:  # disk full: the workshop still opens; its saves will say what is wrong
            return None
        if trim:  # a restore never trims: trying backups one by one must not lose the oldest
            for old in self.backups_of(workshop_id)[self.backup_count :]:
                old.unlink(missing_ok=True)
        return dest

    def rescue(self, doc: dict[str, Any]) -> Path:
        """Keep a workshop that could not be saved as DATA/rescue/<id>.<UTC stamp>.json, else in the
        system's temporary folder (often another disk); OSError if neither can be written."""
        import tempfile

        workshop_id = self._doc_id(doc)
        data = encode_json(_wrap(doc))
        first_error: OSError | None = None
        for folder in (self.rescue_dir, Path(tempfile.gettempdir()) / f"coalition-workshop-rescue-{os.getuid() if hasattr(os, 'getuid') else 0}"):
            try:
                _make_dir(folder)
                dest = folder / f"{workshop_id}.{utc_stamp()}.json"
                atomic_write_bytes(dest, data)
                return dest
            except OSError as error:
                first_error = first_error or error
        assert first_error is not None
        raise first_error

    def backups_of(self, workshop_id: str) -> list[Path]:
        """The backups of a workshop, newest first."""
        folder = self._backup_folder(self._existing_id(workshop_id))
        if not folder.is_dir():
            return []
        return sorted((p for p in folder.iterdir() if _STAMP_RE.match(p.name)), key=lambda p: p.name, reverse=True)

    def restore(self, workshop_id: str, backup: Path) -> dict[str, Any]:
        """Make a backup the current version (the current good version is kept as a backup first, unless
        one already holds it; no backup is trimmed); returns it."""
        workshop_id = self._existing_id(workshop_id)
        backup = Path(backup)
        try:
            doc = _unwrap(parse_json(backup.read_bytes()), None)
        except OSError as error:
            raise StoreError("errors.backup_unreadable", path=str(backup), reason=error.strerror or str(error)) from None
        except CorruptFile as bad:
            raise StoreError("errors.backup_unreadable", path=str(backup), reason=bad.reason) from None
        if doc.get("id") != workshop_id:
            raise StoreError("errors.backup_other_workshop", path=str(backup), id=workshop_id, other=str(doc.get("id"))[:80])
        self.backup(workshop_id, trim=False)
        try:
            self._read_workshop(workshop_id)
        except CorruptFile as bad:  # keep the damaged current file too
            self._corrupt(workshop_id, bad.reason, update_index=False)
        except FileNotFoundError:
            pass  # nothing current to keep
        self._write(workshop_id, doc)
        return doc


def _strip(entry: dict[str, Any]) -> dict[str, Any]:
    return {field: entry.get(field) for field in SUMMARY_FIELDS}


def _same_bytes(path: Path, raw: bytes) -> bool:
    try:
        return path.stat().st_size == len(raw) and path.read_bytes() == raw
    except OSError:
        return False


def _make_dir(folder: Path) -> None:
    """Create a folder (0700) if missing; an existing folder keeps its mode."""
    make_private_dir(folder)


__all__ = [
    "AtomicJSONStorage",
    "CorruptFile",
    "Store",
    "StoreError",
    "WorkshopCorrupt",
    "WorkshopLock",
    "WorkshopLocked",
    "WorkshopNotFound",
    "atomic_write_bytes",
    "summary_of",
]
