"""Fixtures: a session on disk for a workshop full of private data, and a room server for it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roomkit import private_workshop  # noqa: E402

from workshop.core.content import load_catalogue  # noqa: E402
from workshop.core.room.server import RoomServer  # noqa: E402
from workshop.core.service import Workshops  # noqa: E402
from workshop.core.session import Session  # noqa: E402


@pytest.fixture
def session(data_dir: Path) -> Session:
    workshops = Workshops.at(data_dir)
    stored = workshops.add(private_workshop())
    opened = workshops.open(stored.id)
    return Session(workshops.store, opened.workshop, lock=opened.lock)


@pytest.fixture
def room(session: Session) -> RoomServer:
    return RoomServer(session, load_catalogue("en"), port=0)
