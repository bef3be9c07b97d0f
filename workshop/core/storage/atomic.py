"""The ONE way this app writes a file: temp file in the same folder, fsync, replace, fsync the folder.

Used by the store (workshops, index, backups), the settings and every export. A process killed at any
moment leaves either the old file or the new one, plus at most a temporary file named
`.<name>.<pid>.<8 hex>.tmp` that the next `Store` removes (exports remove theirs on any exception,
SIGTERM included: the CLI turns it into one). Never imports Textual.

Modes: `PRIVATE` (0600) for everything that holds the room's words or private data (the store,
settings, facilitator exports); `SHARED` (0666 minus the umask) for exports meant to be handed out.
Folders this app creates are 0700 (`make_private_dir`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

#: A file only this user may read and write (the store, settings, facilitator exports).
PRIVATE = 0o600
#: A folder only this user may enter.
PRIVATE_DIR = 0o700
#: Sentinel mode: ordinary permissions (0666 minus the umask), for exports meant to be shared.
SHARED = -1

StatKey = tuple[int, int, int]
T = TypeVar("T")

#: Errors that mean "the disk (or the user's quota) is full".
DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
#: Longest file name (bytes) most file systems accept.
NAME_MAX = 255


def stat_key(st: os.stat_result) -> StatKey:
    """What identifies one version of a file: a new inode, mtime or size means it was rewritten."""
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def fsync_dir(folder: Path) -> None:
    """Make a rename or creation in `folder` durable (no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """Create a folder and its missing parents 0700; an existing folder keeps its mode."""
    folder = Path(folder)
    if folder.is_dir():
        return
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    for created in missing:  # mkdir's mode is reduced by the umask; never more than 0700
        os.chmod(created, PRIVATE_DIR)


def _shared_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def temp_path(path: Path) -> Path:
    """The temporary file next to `path` (its name stays under NAME_MAX however long `path`'s is)."""
    stem = path.name
    if len(stem.encode("utf-8", "surrogateescape")) > 100:
        stem = hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return path.with_name(f".{stem}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _finish(path: Path, temp: Path, mode: int, durable: bool) -> StatKey:
    """fsync + chmod the written temp file, then move it into place; returns its stat key."""
    fd = os.open(temp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # never wider than asked, whatever the umask or the writer did
        if durable:
            os.fsync(fd)
        key = stat_key(os.fstat(fd))
    finally:
        os.close(fd)
    os.replace(temp, path)
    if durable:
        fsync_dir(path.parent)
    return key


def write_bytes(path: Path, data: bytes, *, mode: int = PRIVATE, durable: bool = True) -> StatKey:
    """Replace `path` with `data` all at once; returns the stat key of the new file.

    On any failure (OSError such as ENOSPC, or an interruption) the old file is untouched and the
    temporary file removed; the exception propagates.
    """

    def fill(temp: Path) -> None:
        fd = os.open(temp, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)

    return _replace(path, fill, mode, durable)[1]


def write_with(path: Path, writer: Callable[[Path], T], *, mode: int = PRIVATE, durable: bool = True) -> T:
    """Let `writer(temp)` write a temporary file (e.g. ReportLab's PDF), then move it into place.

    Returns what `writer` returned. Same guarantees as `write_bytes`.
    """
    return _replace(path, writer, mode, durable)[0]


def _replace(path: Path, writer: Callable[[Path], T], mode: int, durable: bool) -> tuple[T, StatKey]:
    """The one write sequence: a new temporary file beside `path` (its mode from the start), filled by
    `writer`, then `_finish` (mode, fsync, replace, fsync the folder); the temporary file is removed
    on any failure."""
    path = Path(path)
    file_mode = _shared_mode() if mode == SHARED else mode
    temp = temp_path(path)
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), file_mode))
    try:
        result = writer(temp)
        return result, _finish(path, temp, file_mode, durable)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, *, mode: int = PRIVATE, durable: bool = True) -> StatKey:
    """`write_bytes` of UTF-8 text."""
    return write_bytes(path, text.encode("utf-8", "surrogatepass"), mode=mode, durable=durable)


class TooLarge(Exception):
    """A file longer than the cap given to `read_capped`."""


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a file, read in chunks and refused (TooLarge) past `limit` bytes.

    The stat size is not trusted: /dev/zero, FIFOs and /proc files say 0.
    """
    chunks: list[bytes] = []
    total = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:
                raise TooLarge(path)
            chunks.append(chunk)


__all__ = [
    "DISK_FULL",
    "PRIVATE",
    "PRIVATE_DIR",
    "SHARED",
    "StatKey",
    "TooLarge",
    "fsync_dir",
    "make_private_dir",
    "read_capped",
    "stat_key",
    "temp_path",
    "write_bytes",
    "write_text",
    "write_with",
]
