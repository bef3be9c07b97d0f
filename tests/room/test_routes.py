"""The room's routes through aiohttp's test client: join, add, vote, privacy, hostile text, security."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hostile import HOSTILE
from roomkit import SECRETS, private_workshop

from workshop.core.model import STEPS
from workshop.core.room import inbox
from workshop.core.content import load_catalogue
from workshop.core.room import server
from workshop.core.room.server import MAX_BODY, RoomServer
from workshop.core.service import Workshops
from workshop.core.session import Session
from workshop.core.steps.swot import add_swot
from workshop.core.store import StoreError


@pytest.fixture
async def client(room: RoomServer):  # type: ignore[no-untyped-def]
    async with TestClient(TestServer(room.app)) as client:
        yield client


def origin(client: TestClient) -> dict[str, str]:
    return {"Origin": f"http://{client.host}:{client.port}"}


async def join(client: TestClient, room: RoomServer, name: str = "", show: bool = False) -> None:
    form = {"code": room.code, "name": name}
    if show:
        form["show_name"] = "1"
    response = await client.post("/join", data=form, headers=origin(client), allow_redirects=False)
    assert response.status == 303, await response.text()


async def post(client: TestClient, path: str, form: dict[str, str], *, json: bool = True) -> Any:
    headers = origin(client)
    if json:
        headers["Accept"] = "application/json"
    return await client.post(path, data=form, headers=headers, allow_redirects=False)


async def second_phone(room: RoomServer) -> TestClient:
    other = TestClient(TestServer(room.app))
    await other.start_server()
    return other


# ---------------------------------------------------------------------------- joining


async def test_join_sets_an_httponly_strict_cookie_and_shows_the_step(client: TestClient, room: RoomServer) -> None:
    page = await client.get("/")
    assert 'action="/join"' in await page.text()
    response = await client.post(
        "/join", data={"code": room.code, "name": "Amal"}, headers=origin(client), allow_redirects=False
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = await client.get("/")
    text = await page.text()
    assert "Strengths" in text and "trusted clinics" in text
    assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert '<html lang="en" dir="ltr">' in text


async def test_the_arabic_workshop_page_is_right_to_left(session: Session) -> None:
    from workshop.core.content import load_catalogue

    room = RoomServer(session, load_catalogue("ar"), port=0)
    async with TestClient(TestServer(room.app)) as client:
        await join(client, room)
        text = await (await client.get("/")).text()
    assert '<html lang="ar" dir="rtl">' in text
    assert "التحليل الرباعي" in text and 'dir="auto"' in text


async def test_a_wrong_code_admits_nobody(client: TestClient, room: RoomServer) -> None:
    wrong = "000000" if room.code != "000000" else "111111"
    response = await client.post("/join", data={"code": wrong}, headers=origin(client))
    assert response.status == 403
    assert room.session.workshop.room.devices == []


async def test_reload_and_second_visit_are_the_same_participant(client: TestClient, room: RoomServer) -> None:
    await join(client, room, "Amal")
    await client.get("/")
    response = await client.get("/j/" + room.code, allow_redirects=False)
    assert response.status == 303
    assert len(room.session.workshop.room.devices) == 1


async def test_the_token_is_never_stored_only_its_hash(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    token = next(c.value for c in client.session.cookie_jar if c.key == "room")
    device = room.session.workshop.room.devices[0]
    assert token not in device.model_dump_json() and len(device.token_hash) == 64


async def test_a_locked_room_admits_no_new_phone_but_keeps_the_joined(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    room.set_locked(True)
    other = await second_phone(room)
    try:
        refused = await other.post("/join", data={"code": room.code}, headers=origin(other))
        assert refused.status == 403
    finally:
        await other.close()
    ok = await post(client, "/item", {"target": "swot.threat", "text": "fuel", "client_id": "k"})
    assert ok.status == 200


async def test_a_rotated_code_admits_nobody_with_the_old_one(client: TestClient, room: RoomServer) -> None:
    old = room.code
    while room.rotate_code() == old:
        pass
    response = await client.post("/join", data={"code": old}, headers=origin(client))
    assert response.status == 403


async def test_a_removed_device_is_signed_out(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    device = room.session.workshop.room.devices[0]
    assert room.remove_device(device.id)
    refused = await post(client, "/item", {"target": "swot.threat", "text": "x", "client_id": "r"})
    assert refused.status == 401
    assert 'action="/join"' in await (await client.get("/")).text()


async def test_the_device_cap_is_kept(session: Session) -> None:
    from workshop.core.content import load_catalogue

    room = RoomServer(session, load_catalogue("en"), port=0, max_devices=1)
    async with TestClient(TestServer(room.app)) as client:
        await join(client, room)
        other = await second_phone(room)
        try:
            refused = await other.post("/join", data={"code": room.code}, headers=origin(other))
            assert refused.status == 403
        finally:
            await other.close()


# ---------------------------------------------------------------------------- items and the inbox


async def test_an_item_goes_to_the_inbox_once_even_when_retried(client: TestClient, room: RoomServer, session: Session) -> None:
    await join(client, room)
    form = {"target": "swot.weakness", "text": "no transport", "client_id": "c1"}
    first = await post(client, "/item", form)
    again = await post(client, "/item", form)
    assert (await first.json())["status"] == "saved"
    assert (await again.json())["status"] == "already"
    assert [e.text for e in inbox.pending(session.workshop, "swot")] == ["no transport"]
    assert session.workshop.swot_of("weakness") == []  # not an item until accepted
    on_disk = session.store.load(session.workshop.id)  # type: ignore[attr-defined]
    assert on_disk["room"]["inbox"][0]["text"] == "no transport"


class HeldSaves:
    """The session's save delay, run by hand: a write waits until `tick()`."""

    def __init__(self) -> None:
        self.timers: list[Any] = []

    def __call__(self, _delay: float, callback: Any) -> None:
        self.timers.append(callback)

    def tick(self) -> None:
        timers, self.timers = self.timers, []
        for callback in timers:
            callback()


@pytest.fixture
def held(data_dir: Path) -> tuple[Session, HeldSaves]:
    workshops = Workshops.at(data_dir)
    opened = workshops.open(workshops.add(private_workshop()).id)
    saves = HeldSaves()
    return Session(workshops.store, opened.workshop, lock=opened.lock, scheduler=saves), saves


async def test_a_phone_is_told_saved_only_once_the_file_holds_its_item(held: tuple[Session, HeldSaves]) -> None:
    session, saves = held
    room = RoomServer(session, load_catalogue("en"), port=0)
    async with TestClient(TestServer(room.app)) as client:
        await join(client, room)
        saves.tick()
        sending = asyncio.ensure_future(post(client, "/item", {"target": "swot.threat", "text": "floods", "client_id": "f1"}))
        for _ in range(50):  # the edit is in memory, the save is waiting for its delay
            await asyncio.sleep(0)
        assert not sending.done() and inbox.pending(session.workshop, "swot")
        assert session.store.load(session.workshop.id)["room"]["inbox"] == []  # type: ignore[attr-defined]
        saves.tick()  # the save delay passes: the file holds the item, then the phone hears "saved"
        response = await sending
        assert response.status == 200 and (await response.json())["status"] == "saved"
        assert session.store.load(session.workshop.id)["room"]["inbox"][0]["text"] == "floods"  # type: ignore[attr-defined]
    session.close()


async def test_a_write_the_disk_refuses_is_not_told_saved_so_the_phone_sends_it_again(
    held: tuple[Session, HeldSaves], monkeypatch: pytest.MonkeyPatch
) -> None:
    session, saves = held
    room = RoomServer(session, load_catalogue("en"), port=0)
    errors: list[Exception] = []
    session.on_error = errors.append
    monkeypatch.setattr(server, "SAVE_WAIT", 0.05)
    async with TestClient(TestServer(room.app)) as client:
        await join(client, room)
        saves.tick()

        def full(_doc: Any) -> None:
            raise StoreError("errors.store_write_failed", id="x", path="/data", reason="No space left on device")

        monkeypatch.setattr(session.store, "save", full)
        sending = asyncio.ensure_future(post(client, "/item", {"target": "swot.threat", "text": "floods", "client_id": "f1"}))
        for _ in range(50):
            await asyncio.sleep(0)
        saves.tick()  # the write fails
        response = await sending
        assert response.status == 503, await response.text()  # the page's script keeps it in its queue and sends it again
        assert errors and "not saved" in (await response.json())["message"].lower()
        assert session.waiters == 0  # the phone was answered 503: nothing waits on its behalf until a good save
        monkeypatch.undo()
        again = asyncio.ensure_future(post(client, "/item", {"target": "swot.threat", "text": "floods", "client_id": "f1"}))
        for _ in range(50):
            await asyncio.sleep(0)
        saves.tick()
        response = await again
        assert response.status == 200 and (await response.json())["status"] == "already"
        assert session.store.load(session.workshop.id)["room"]["inbox"][0]["text"] == "floods"  # type: ignore[attr-defined]
    session.close()


async def test_a_plain_form_without_javascript_redirects_back(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    response = await post(client, "/item", {"target": "swot.threat", "text": "fuel prices", "client_id": "x"}, json=False)
    assert response.status == 303 and response.headers["Location"] == "/"


async def test_a_list_of_another_step_is_refused(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    response = await post(client, "/item", {"target": "needs.accomplish", "text": "x", "client_id": "n"})
    assert response.status == 409
    assert "moved on" in (await response.json())["message"]


async def test_auto_accept_makes_an_ordinary_item_with_the_author(client: TestClient, room: RoomServer, session: Session) -> None:
    session.edit(lambda w: setattr(w.room, "auto_accept", True))
    await join(client, room, "Amal")
    await post(client, "/item", {"target": "swot.opportunity", "text": "new fund", "client_id": "a"})
    [item] = session.workshop.swot_of("opportunity")
    assert (item.text, item.author) == ("new fund", "Amal")
    other = await second_phone(room)
    try:
        await join(other, room)
        await post(other, "/item", {"target": "swot.opportunity", "text": "volunteers", "client_id": "a"})
    finally:
        await other.close()
    assert [i.author for i in session.workshop.swot_of("opportunity")] == ["Amal", "anonymous"]


async def test_names_are_shown_to_others_only_when_chosen(client: TestClient, room: RoomServer, session: Session) -> None:
    session.edit(lambda w: setattr(w.room, "auto_accept", True))
    await join(client, room, "Shown-Name", show=True)
    await post(client, "/item", {"target": "swot.strength", "text": "youth groups", "client_id": "s"})
    other = await second_phone(room)
    try:
        await join(other, room, "Hidden-Name")
        await post(other, "/item", {"target": "swot.strength", "text": "mosques", "client_id": "h"})
        text = await (await other.get("/")).text()
    finally:
        await other.close()
    assert "Shown-Name" in text
    assert text.count("Hidden-Name") == 1  # only as "You are: …", never beside the item


@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_hostile_text_is_stored_byte_exact_and_shown_escaped(
    client: TestClient, room: RoomServer, session: Session, name: str
) -> None:
    text = HOSTILE[name]
    await join(client, room)
    response = await post(client, "/item", {"target": "swot.threat", "text": text, "client_id": "h-" + name})
    if len(text) > inbox.MAX_ITEM_TEXT or len(text.encode()) * 3 > MAX_BODY:
        assert response.status == 413
        assert "too long" in (await response.json())["message"]
        assert inbox.pending(session.workshop) == []
        return
    assert response.status == 200, await response.text()
    [entry] = inbox.pending(session.workshop)
    assert entry.text == text
    session.edit(lambda w: inbox.accept(w, entry, anonymous="anonymous"))
    assert session.workshop.swot_of("threat")[-1].text == text
    page = await (await client.get("/")).text()
    for raw in ("<script>", "<b>", "<a href", "<img", "<para>", "\x1b"):
        if raw in text:
            assert raw not in page.split("</head>", 1)[1].replace("<a href=\"/\">", "")


# ---------------------------------------------------------------------------- votes


async def test_votes_keep_the_budget_and_the_item_maximum(client: TestClient, room: RoomServer, session: Session) -> None:
    session.edit(lambda w: (setattr(w.timing, "dots_per_participant", 3), setattr(w.room, "max_per_item", 2)))

    second = session.edit(lambda w: add_swot(w, "threat", "floods"))
    first = session.workshop.swot_of("strength")[0]
    await join(client, room)

    async def vote(item_id: str, delta: int, cid: str) -> int:
        return (await post(client, "/vote", {"item": item_id, "delta": str(delta), "client_id": cid})).status

    assert await vote(first.id, 1, "v1") == 200
    assert await vote(first.id, 1, "v1") == 200  # a retry: counted once
    assert first.votes == 1
    assert await vote(first.id, 1, "v2") == 200
    assert await vote(first.id, 1, "v3") == 409  # at most 2 on one item
    assert await vote(second.id, 1, "v4") == 200
    assert await vote(second.id, 1, "v5") == 409  # budget of 3 spent
    assert await vote(second.id, -1, "v6") == 200
    assert (first.votes, second.votes) == (2, 0)


async def test_totals_stay_hidden_until_revealed(client: TestClient, room: RoomServer, session: Session) -> None:
    item = session.workshop.swot_of("strength")[0]
    session.edit(lambda w: setattr(item, "votes", 7))
    await join(client, room)
    assert "7 in all" not in await (await client.get("/")).text()
    session.edit(lambda w: setattr(w.room, "reveal_votes", True))
    assert "7 in all" in await (await client.get("/")).text()


# ---------------------------------------------------------------------------- the checklist and the poll


async def test_readiness_answers_post_without_javascript_and_can_change(client: TestClient, room: RoomServer, session: Session) -> None:
    session.edit(lambda w: setattr(w, "last_step", "readiness"))
    await join(client, room)
    page = await (await client.get("/")).text()
    assert 'action="/answer"' in page and 'name="value" value="unsure"' in page
    assert "Is the issue complex" in page
    form = {"ask": "readiness.q3", "client_id": "r1", "value": "yes"}
    response = await post(client, "/answer", form, json=False)  # a plain form post: back to the page
    assert response.status == 303 and response.headers["Location"] == "/"
    assert (await (await post(client, "/answer", form)).json())["status"] == "already"
    page = await (await client.get("/")).text()
    chosen = page.split('data-ask="readiness.q3"', 1)[1].split("</li>", 1)[0]
    assert 'value="yes" aria-pressed="true"' in chosen and 'value="no" aria-pressed="false"' in chosen
    await post(client, "/answer", {"ask": "readiness.q3", "client_id": "r2", "value": "no"})
    from workshop.core.room.answers import readiness_tally

    assert readiness_tally(session.workshop)["q3"] == {"yes": 0, "no": 1, "unsure": 0}
    on_disk = session.store.load(session.workshop.id)  # type: ignore[attr-defined]
    assert on_disk["room"]["devices"][0]["readiness"] == {"q3": "no"}


async def test_poll_answers_land_in_the_poll_in_the_workshops_language(session: Session) -> None:
    from workshop.core.content import load_catalogue

    session.edit(lambda w: setattr(w, "last_step", "export"))
    room = RoomServer(session, load_catalogue("ar"), port=0)
    async with TestClient(TestServer(room.app)) as client:
        await join(client, room)
        page = await (await client.get("/")).text()
        assert '<html lang="ar" dir="rtl">' in page and "كيف كانت جلسة اليوم؟" in page
        assert load_catalogue("ar").t("poll.questions.voice") in page
        for n, score in enumerate(("2", "4")):
            response = await post(client, "/answer", {"ask": "poll.voice", "client_id": f"p{n}", "value": score})
            assert response.status == 200
        wrong = await post(client, "/answer", {"ask": "readiness.q1", "client_id": "p9", "value": "yes"})
        assert wrong.status == 409
    assert [(r.question, r.score) for r in session.workshop.evaluation.ratings] == [("voice", 4)]


# ---------------------------------------------------------------------------- privacy


async def test_no_route_shows_anything_private_on_any_step(client: TestClient, room: RoomServer, session: Session) -> None:
    await join(client, room)
    seen: list[str] = []
    for step in STEPS:
        session.edit(lambda w, s=step: setattr(w, "last_step", s))
        for path in ("/", "/view", "/version", "/j/" + room.code, "/static/room.js", "/static/room.css", "/nowhere"):
            seen.append(await (await client.get(path)).text())
        seen.append(await (await post(client, "/item", {"target": "x", "text": "y", "client_id": step})).text())
        seen.append(await (await post(client, "/vote", {"item": "x", "delta": "1", "client_id": step})).text())
        seen.append(await (await post(client, "/answer", {"ask": "poll.overall", "value": "5", "client_id": step})).text())
    joined = "\n".join(seen)
    for value in SECRETS.values():
        assert value not in joined
    assert room.session.workshop.room.devices[0].token_hash not in joined


# ---------------------------------------------------------------------------- security


async def test_writes_from_another_origin_are_refused(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    response = await client.post(
        "/item",
        data={"target": "swot.threat", "text": "x", "client_id": "o"},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status == 403
    assert inbox.pending(room.session.workshop) == []


async def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    response = await client.get("/", headers={"Host": "attacker.example:8321"})
    assert response.status == 421


async def test_a_huge_body_is_refused_with_a_sentence(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    response = await post(client, "/item", {"target": "swot.threat", "text": "x" * (MAX_BODY + 10), "client_id": "b"})
    assert response.status == 413


async def test_a_device_that_floods_is_slowed_down(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    statuses = [
        (await post(client, "/item", {"target": "swot.threat", "text": f"t{i}", "client_id": f"f{i}"})).status
        for i in range(40)
    ]
    assert 429 in statuses and statuses[0] == 200


async def test_no_facilitator_action_is_reachable(client: TestClient, room: RoomServer) -> None:
    await join(client, room)
    routes = {r.resource.canonical for r in room.app.router.routes() if r.resource is not None}
    assert routes == {"/", "/j/{code}", "/join", "/view", "/version", "/events", "/item", "/vote", "/answer", "/static/{name}"}
    for path in ("/accept", "/lock", "/reveal", "/admin", "/inbox"):
        assert (await post(client, path, {})).status in (404, 405)


async def test_guessing_codes_is_slowed_down_but_many_phones_may_join(session: Session) -> None:
    from workshop.core.content import load_catalogue

    room = RoomServer(session, load_catalogue("en"), port=0)
    async with TestClient(TestServer(room.app)) as client:
        wrong = "000000" if room.code != "000000" else "111111"
        statuses = [(await client.post("/join", data={"code": wrong}, headers=origin(client))).status for _ in range(12)]
        assert statuses[0] == 403 and statuses[-1] == 429
    room = RoomServer(session, load_catalogue("en"), port=0)
    for _ in range(15):  # fifteen phones behind one address (a test, or a NAT) all join
        async with TestClient(TestServer(room.app)) as phone:
            await join(phone, room)
