"""Room rules without HTTP: inbox decisions, merge, the projection's whitelist, the QR code, imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from roomkit import SECRETS, private_workshop

from workshop.core.content import load_catalogue
from workshop.core.export.json_export import to_dict
from workshop.core.model import RoomDevice, workshop_from_dict, workshop_to_dict
from workshop.core.room import inbox
from workshop.core.room.net import join_url, local_addresses, qr_rows
from workshop.core.room.projection import participant_view


def joined(workshop, name: str = "", show: bool = False) -> RoomDevice:  # type: ignore[no-untyped-def]
    device = RoomDevice(token_hash="0" * 64, name=name, show_name=show)
    workshop.room.devices.append(device)
    return device


def test_accept_edit_merge_reject() -> None:
    w = private_workshop()
    phone = joined(w, "Amal")
    a = inbox.submit(w, phone, "1", "swot.threat", "floods", anonymous="anonymous").entry
    b = inbox.submit(w, phone, "2", "swot.threat", "flooding", anonymous="anonymous").entry
    c = inbox.submit(w, phone, "3", "swot.threat", "spam", anonymous="anonymous").entry
    d = inbox.submit(w, phone, "4", "swot.threat", "fuel", anonymous="anonymous").entry
    item = inbox.accept(w, a, anonymous="anonymous", text="floods in winter")
    assert (item.text, item.author, a.status, a.item_id) == ("floods in winter", "Amal", "accepted", item.id)
    inbox.merge(w, b, item.id)
    assert item.text == "floods in winter; flooding" and b.status == "merged"
    inbox.reject(w, c)
    assert c.status == "rejected" and [i.text for i in w.swot_of("threat")] == ["floods in winter; flooding"]
    with pytest.raises(inbox.RoomRefused):
        inbox.accept(w, c, anonymous="anonymous")
    assert inbox.pending(w, "swot") == [d]
    assert inbox.pending(w, "needs") == []


def test_the_projection_is_a_whitelist() -> None:
    w = private_workshop()
    for step in ("swot", "needs", "mapping", "partners", "mission", "ground-rules", "export"):
        w.last_step = step  # type: ignore[assignment]
        view = repr(participant_view(w, joined(w), load_catalogue("en")))
        for value in SECRETS.values():
            assert value not in view


def test_a_participants_export_leaves_the_room_out() -> None:
    w = private_workshop()
    phone = joined(w, "Amal")
    inbox.submit(w, phone, "1", "swot.threat", "floods", anonymous="anonymous")
    assert "room" not in to_dict(w, audience="participants")
    assert to_dict(w, audience="facilitator")["room"]["inbox"][0]["text"] == "floods"


def test_an_unused_room_is_not_written_and_a_used_one_round_trips() -> None:
    w = private_workshop()
    assert "room" not in workshop_to_dict(w)
    joined(w, "Amal")
    again = workshop_from_dict(workshop_to_dict(w))
    assert again.room.devices[0].name == "Amal"


def test_the_qr_code_is_drawn_in_half_blocks() -> None:
    url = join_url("192.168.43.1", 8321, "123456")
    assert url == "http://192.168.43.1:8321/j/123456"
    rows = qr_rows(url)
    assert len({len(r) for r in rows}) == 1 and set("".join(rows)) <= set(" ▀▄█")
    assert local_addresses()[-1] == "127.0.0.1"


def test_core_room_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "import workshop.core.room.server, workshop.core.room.pages, workshop.core.room.net\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stderr


def test_a_full_inbox_drops_the_oldest_decided_entries_then_asks_phones_to_wait(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(inbox, "MAX_INBOX", 4)
    w = private_workshop()
    phone = joined(w)
    entries = [inbox.submit(w, phone, str(n), "swot.threat", f"idea {n}", anonymous="a").entry for n in range(4)]
    inbox.reject(w, entries[0])
    inbox.submit(w, phone, "4", "swot.threat", "idea 4", anonymous="a")
    assert [e.text for e in w.room.inbox] == ["idea 1", "idea 2", "idea 3", "idea 4"]
    with pytest.raises(inbox.RoomRefused) as refused:
        inbox.submit(w, phone, "5", "swot.threat", "idea 5", anonymous="a")
    assert refused.value.key == "room.errors.inbox_full"
