"""Core commands shared by the CLI and the home screen: list, create, open, import, duplicate, archive.

Errors are `UserError`s: a catalogue key and parameters, turned into a sentence by the caller.
This module never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from workshop.core.errors import UserError, WorkshopError
from workshop.core.limits import MAX_FILE_BYTES, LimitExceeded, bounded_int, refuse_constant

from workshop.core.content import demo_document
from workshop.core.model import (
    SCHEMA_VERSION,
    Meta,
    SchemaProblem,
    Workshop,
    error_summary,
    new_id,
    now_iso,
    workshop_from_dict,
    workshop_to_dict,
)
from workshop.core.storage.atomic import TooLarge, read_capped
from workshop.core.store import (
    Store,
    StoreError,
    WorkshopCorrupt,
    WorkshopLocked,
    WorkshopNotFound,
)

#: Largest workshop file `import` accepts (bytes): see `limits`.
MAX_IMPORT_BYTES = MAX_FILE_BYTES
#: A file set aside or rescued: <id>.<UTC stamp>.json
_KEPT_RE = re.compile(r"^(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,63})\.\d{8}T\d{6}\.\d{6}Z\.json$")


def default_data_dir(environ: dict[str, str] | None = None) -> Path:
    """WORKSHOP_DATA_DIR, or the per-user data folder of this OS."""
    environ = dict(os.environ) if environ is None else environ
    configured = environ.get("WORKSHOP_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("coalition-workshop", appauthor=False))


def as_user_error(error: StoreError | SchemaProblem) -> UserError:
    """The same problem as a UserError."""
    return UserError(error.key, **error.params)


@dataclass
class Opened:
    """A workshop loaded for editing (with its lock) or for reading only."""

    workshop: Workshop
    lock: Any
    read_only: bool


class Workshops:
    """The data folder seen as a set of workshops."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def at(cls, data_dir: Path) -> Workshops:
        try:
            return cls(Store(data_dir))
        except OSError as error:
            raise UserError("errors.data_dir_unusable", path=str(data_dir), reason=error.strerror or str(error)) from None

    # ------------------------------------------------------------------ reading

    def summaries(self, include_archived: bool = False) -> list[dict[str, Any]]:
        return self.store.list(include_archived=include_archived)

    @staticmethod
    def same_titles(summaries: list[dict[str, Any]]) -> set[str]:
        """Ids of the workshops whose title another listed workshop also has (the list must tell them apart)."""
        seen: dict[str, list[str]] = {}
        for row in summaries:
            seen.setdefault(str(row.get("title") or "").strip().casefold(), []).append(str(row.get("id")))
        return {i for ids in seen.values() if len(ids) > 1 for i in ids}

    def resolve(self, ref: str) -> str:
        try:
            return self.store.resolve(ref)
        except StoreError as error:
            raise as_user_error(error) from None

    def load(self, workshop_id: str) -> Workshop:
        try:
            doc = self.store.load(workshop_id)
        except StoreError as error:
            raise as_user_error(error) from None
        try:
            return workshop_from_dict(doc)
        except SchemaProblem as problem:
            if problem.key == "errors.schema_version_new":  # a newer app's file: left alone, named as such
                raise UserError("errors.store_newer", **self._name(workshop_id), **problem.params) from None
            if isinstance(problem, LimitExceeded):  # not damaged, just more than this app opens
                raise UserError(
                    "errors.store_over_limit", **self._name(workshop_id), details=problem.say(_english())
                ) from None
            kept = self.store.set_aside(workshop_id, problem.key)
            details = problem.params.get("details") or problem.say(_english())
            raise UserError("errors.store_invalid", id=workshop_id, kept_as=str(kept), details=details) from None

    def _name(self, workshop_id: str) -> dict[str, str]:
        title = next((s["title"] for s in self.summaries(include_archived=True) if s["id"] == workshop_id), "")
        return {"id": workshop_id, "title": title, "name": f"“{title}” ({workshop_id})" if title else workshop_id}

    def change_token(self, workshop_id: str) -> tuple[int, int]:
        """Changes whenever the stored workshop does (for followers such as the presenter)."""
        try:
            stat = self.store.path_of(workshop_id).stat()
        except OSError:
            return (0, 0)
        return (stat.st_mtime_ns, stat.st_size)

    def writer_running(self, workshop_id: str) -> bool:
        """Whether the facilitator's process is still running with this workshop open (for followers)."""
        return self.store.writer_running(workshop_id)

    def try_load(self, workshop_id: str) -> Workshop | None:
        """The stored workshop, or None while it cannot be read (a follower just waits)."""
        try:
            return self.load(workshop_id)
        except UserError:
            return None

    def open(self, ref: str, *, read_only: bool = False) -> Opened:
        """Load a workshop and take its writer lock (unless read-only)."""
        workshop_id = self.resolve(ref)
        lock = None
        if not read_only:
            try:
                lock = self.store.lock(workshop_id)
            except WorkshopLocked as error:
                raise as_user_error(error) from None
        try:
            workshop = self.load(workshop_id)
        except UserError:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            self.store.backup(workshop_id)
        return Opened(workshop, lock, read_only)

    # ------------------------------------------------------------------ writing

    def create(self, title: str, language: str = "en", **meta: Any) -> Workshop:
        """A new workshop, stored; its date is today unless one is given."""
        if not meta.get("date"):
            meta["date"] = dt.date.today()
        try:
            workshop = Workshop(meta=Meta(title=title, language=language, **meta))
        except ValueError as error:
            raise UserError("errors.invalid_field", details=error_summary(error, limit=2)) from None
        self.store.create(workshop_to_dict(workshop))
        return workshop

    def add(self, workshop: Workshop) -> Workshop:
        """Store a workshop under a fresh id (import, duplicate, demo)."""
        fresh = workshop.model_copy(deep=True, update={"id": new_id(), "created": now_iso(), "updated": now_iso()})
        self.store.create(workshop_to_dict(fresh))
        return fresh

    def import_file(self, path: Path) -> Workshop:
        """Read a workshop JSON file and store it under a new id."""
        try:
            raw = read_capped(path, MAX_IMPORT_BYTES)  # /dev/zero and FIFOs say size 0: read with a cap
        except TooLarge:
            raise UserError("errors.import_too_large", path=str(path), limit=MAX_IMPORT_BYTES // (1024 * 1024)) from None
        except FileNotFoundError:
            raise UserError("errors.file_not_found", path=str(path)) from None
        except IsADirectoryError:
            raise UserError("errors.file_is_folder", path=str(path)) from None
        except OSError as error:
            raise UserError("errors.file_unreadable", path=str(path), reason=error.strerror or str(error)) from None
        return self.add(parse_workshop_json(raw, str(path)))

    def duplicate(self, workshop_id: str, title: str) -> Workshop:
        original = self.load(workshop_id)
        copy = original.model_copy(deep=True)
        copy.meta.title = title
        copy.archived = False
        return self.add(copy)

    def set_archived(self, workshop_id: str, archived: bool) -> None:
        workshop = self.load(workshop_id)
        workshop.archived = archived
        self.store.save(workshop_to_dict(workshop))

    # ------------------------------------------------------------------ backups

    def _backup_id(self, ref: str) -> str:
        """The id of a workshop that has backups, even when its damaged file was set aside."""
        try:
            return self.resolve(ref)
        except UserError:
            try:
                has_backups = bool(self.store.backups_of(ref))
            except StoreError:  # not even a well-formed id: the original problem is the one to report
                has_backups = False
            if has_backups:
                return ref
            raise

    def backups(self, ref: str) -> tuple[str, list[Path]]:
        """The workshop id and its backups, newest first."""
        workshop_id = self._backup_id(ref)
        return workshop_id, self.store.backups_of(workshop_id)

    def restore(self, ref: str, choice: str) -> Workshop:
        """Make one backup current: `choice` is its number in `backups()` (1 = newest) or file name."""
        workshop_id, found = self.backups(ref)
        chosen = next((p for p in found if p.name == choice), None)
        if chosen is None and choice.isdigit() and 1 <= int(choice) <= len(found):
            chosen = found[int(choice) - 1]
        if chosen is None and not choice.isdigit() and Path(choice).is_file():  # a rescue copy, a kept file
            chosen = Path(choice)
        if chosen is None:
            raise UserError("errors.backup_not_found", choice=choice, count=len(found))
        lock = None
        try:
            lock = self.store.lock(workshop_id)
            doc = self.store.restore(workshop_id, chosen)
        except StoreError as error:
            raise as_user_error(error) from None
        finally:
            if lock is not None:
                lock.release()
        try:
            return workshop_from_dict(doc)
        except SchemaProblem as problem:
            raise UserError(problem.key, **problem.params) from None

    # ------------------------------------------------------------------ what to tell at start

    def notices(self) -> list[UserError]:
        """What must be said at every start until it is dealt with, each with the way back: workshops set
        aside as damaged (and not restored since), files from a newer version, changes kept in a rescue copy."""
        store = self.store
        summaries = {s["id"]: s for s in self.summaries(include_archived=True)}
        found: list[UserError] = []
        for summary in summaries.values():
            schema = summary.get("schema")
            if isinstance(schema, int) and schema > SCHEMA_VERSION:
                found.append(
                    UserError("errors.store_newer", **self._name(summary["id"]), version=schema, supported=SCHEMA_VERSION)
                )
        for workshop_id, kept in _newest_kept(store.corrupt_dir).items():
            if workshop_id in summaries:
                continue  # restored (or replaced) since: nothing to say
            backups = store.backups_of(workshop_id)
            title = _title_of(backups[0]) if backups else ""
            name = {"id": workshop_id, "title": title, "name": f"“{title}” ({workshop_id})" if title else workshop_id}
            key = "errors.notice_damaged" if backups else "errors.notice_damaged_no_backup"
            found.append(UserError(key, **name, kept_as=str(kept)))
        for workshop_id, kept in _newest_kept(store.rescue_dir).items():
            try:
                current = store.path_of(workshop_id).stat().st_mtime_ns
            except (OSError, WorkshopError):
                current = 0
            if kept.stat().st_mtime_ns > current:
                found.append(UserError("errors.notice_unsaved", **self._name(workshop_id), kept_as=str(kept)))
        return found

    def demo(self, language: str) -> str:
        """The id of the bundled demo of a language, imported first if missing."""
        doc = demo_document(language)
        title = doc["meta"]["title"]
        for summary in self.summaries(include_archived=True):
            if summary.get("title") == title:
                return summary["id"]
        return self.add(workshop_from_dict(doc)).id


def _newest_kept(folder: Path) -> dict[str, Path]:
    """The newest <id>.<stamp>.json per workshop id in a folder (corrupt/, rescue/)."""
    newest: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return newest
    for entry in entries:
        match = _KEPT_RE.match(entry.name)
        if match is not None:
            newest[match["id"]] = entry
    return newest


def _title_of(path: Path) -> str:
    """The title inside a stored workshop file ('' if it cannot be read)."""
    try:
        table = json.loads(read_capped(path, MAX_FILE_BYTES)).get("workshop", {})
        return str(next(iter(table.values()))["meta"]["title"])[:200]
    except (OSError, TooLarge, ValueError, AttributeError, KeyError, TypeError, StopIteration):
        return ""


def parse_workshop_json(raw: bytes, where: str) -> Workshop:
    """A Workshop from JSON bytes, or a UserError that says what is wrong."""
    if not raw.strip():
        raise UserError("errors.import_empty", path=where)
    try:
        doc = json.loads(raw.decode("utf-8"), parse_int=bounded_int, parse_constant=refuse_constant)
    except UnicodeDecodeError:
        raise UserError("errors.import_not_utf8", path=where) from None
    except json.JSONDecodeError as error:
        raise UserError("errors.import_bad_json", path=where, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise UserError("errors.import_bad_json", path=where, line=1, column=1) from None
    except ValueError:  # a number no workshop holds (bounded_int, refuse_constant)
        raise UserError("errors.import_bad_number", path=where) from None
    try:
        return workshop_from_dict(doc)
    except SchemaProblem as problem:
        raise UserError(problem.key, path=where, **problem.params) from None




__all__ = [
    "Opened",
    "UserError",
    "WorkshopCorrupt",
    "WorkshopLocked",
    "WorkshopNotFound",
    "Workshops",
    "default_data_dir",
    "parse_workshop_json",
]


def _english() -> Any:
    from workshop.core.content import load_catalogue

    return load_catalogue("en")
