"""Room rules without HTTP: inbox decisions, merge, the projection's whitelist, the QR code, imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from roomkit import SECRETS, private_workshop

from workshop.core.content import load_catalogue
from workshop.core.export.json_export import to_dict
from workshop.core.model import RoomDevice, workshop_from_dict, workshop_to_dict
from workshop.core.room import answers, inbox
from workshop.core.room.net import join_url, local_addresses, qr_rows
from workshop.core.room.projection import participant_view
from workshop.core.steps.evaluation import poll_summary, remove_last_rating


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


# ---------------------------------------------------------------------------- answers from phones


def test_a_phone_answers_the_readiness_checklist_once_per_question_and_may_change() -> None:
    w = private_workshop()
    w.last_step = "readiness"
    amal, sami, gone = joined(w, "Amal"), joined(w, "Sami"), joined(w, "Gone")
    assert answers.answer(w, amal, "a1", "readiness.q1", "yes")
    assert not answers.answer(w, amal, "a1", "readiness.q1", "yes")  # a retry counts once
    assert answers.answer(w, amal, "a2", "readiness.q1", "no")  # changed: still one answer
    assert answers.answer(w, sami, "s1", "readiness.q1", "no")
    assert answers.answer(w, gone, "g1", "readiness.q1", "yes")
    gone.removed = True
    assert answers.readiness_tally(w)["q1"] == {"yes": 0, "no": 2, "unsure": 0}
    assert w.readiness["q1"].answer is None  # the group's answer stays the facilitator's
    view = participant_view(w, amal, load_catalogue("en"))
    assert [(a["key"], a["mine"]) for a in view["asks"]][:2] == [("readiness.q1", "no"), ("readiness.q2", None)]
    for wrong in (("readiness.q9", "yes"), ("readiness.q2", "maybe"), ("poll.overall", "3")):
        with pytest.raises(inbox.RoomRefused):
            answers.answer(w, amal, "bad-" + wrong[0], *wrong)  # poll.overall: not on this step


def test_poll_answers_are_ordinary_ratings_one_per_phone_and_question() -> None:
    w = private_workshop()
    w.last_step = "export"
    amal, sami = joined(w, "Amal"), joined(w, "Sami")
    answers.answer(w, amal, "a1", "poll.overall", "4")
    answers.answer(w, amal, "a2", "poll.overall", "5")  # changed, not added
    answers.answer(w, amal, "a2", "poll.overall", "1")  # a late retry of a2: ignored
    answers.answer(w, sami, "s1", "poll.overall", "2")
    answers.answer(w, sami, "s2", "poll.voice", "3")
    summary = poll_summary(w.evaluation.ratings, "overall")
    assert (summary.count, summary.counts) == (2, (0, 1, 0, 0, 1))
    # The facilitator takes Sami's answer back (Backspace): Sami's next answer is a new rating.
    remove_last_rating(w.evaluation, "overall")
    assert answers.mine(w, sami, answers.BY_KEY["poll.overall"]) is None
    answers.answer(w, sami, "s3", "poll.overall", "3")
    assert sorted(r.score for r in w.evaluation.ratings if r.question == "overall") == [3, 5]
    with pytest.raises(inbox.RoomRefused):
        answers.answer(w, sami, "s4", "poll.overall", "6")
    view = participant_view(w, sami, load_catalogue("ar"))
    assert [a["mine"] for a in view["asks"]] == ["3", None, "3", None]
    assert view["asks"][0]["text"] == load_catalogue("ar").t("poll.questions.overall")
    assert "ratings" not in repr(view) and "Amal" not in repr(view)
