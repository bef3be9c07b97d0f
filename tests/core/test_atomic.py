"""The one atomic writer: whole file or old file, private modes, nothing left behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from workshop.core.storage import atomic
from workshop.core.storage.atomic import PRIVATE, SHARED, TooLarge, make_private_dir, read_capped, write_bytes, write_with


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_write_replaces_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode_of(target) == PRIVATE
    assert os.listdir(tmp_path) == ["a.json"]


def test_shared_mode_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_bytes(tmp_path / "s.md", b"x", mode=SHARED)
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "s.md") == 0o644


def test_disk_full_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(OSError) as caught:
        write_bytes(target, b"new")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.json"]


def test_an_interrupted_writer_leaves_no_temp(tmp_path: Path) -> None:
    def writer(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_with(tmp_path / "x.pdf", writer)
    assert os.listdir(tmp_path) == []


def test_a_long_name_gets_a_short_temp(tmp_path: Path) -> None:
    name = "ش" * 100 + ".md"  # 203 bytes: the target fits, a temp named after it would not
    write_bytes(tmp_path / name, b"x")
    assert (tmp_path / name).read_bytes() == b"x"


def test_private_dirs_are_0700_all_the_way(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        make_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "a") == 0o700
    assert mode_of(tmp_path / "a" / "b") == 0o700


def test_read_capped_does_not_trust_the_stat_size(tmp_path: Path) -> None:
    with pytest.raises(TooLarge):
        read_capped(Path("/dev/zero"), 1024)
    small = tmp_path / "s"
    small.write_bytes(b"12345")
    assert read_capped(small, 5) == b"12345"
    with pytest.raises(TooLarge):
        read_capped(small, 4)
