"""The room's HTTP server: aiohttp in the app's own process and event loop.

`RoomServer.start()` binds an `AppRunner`/`TCPSite` to the one address the facilitator chose
(no signal handlers of its own, no access log on the terminal). Phones join with the code,
get a device token in an HttpOnly SameSite=Strict cookie, see `participant_view` rendered,
post items, votes and answers (readiness checklist, poll) as plain forms, and follow changes by
server-sent events (polling as the fallback). Every write goes through `Session.edit`, so it is saved like any other edit.

Facilitator actions (accept, lock, rotate, remove, reveal) are Python methods and functions
only: no route reaches them.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from workshop.core.content import Catalogue
from workshop.core.limits import LimitExceeded
from workshop.core.model import RoomDevice, Workshop
from workshop.core.room import answers, inbox, pages
from workshop.core.room.net import DEFAULT_PORT, host_part, join_url, new_code
from workshop.core.room.projection import participant_view, public_digest
from workshop.core.session import Session

# aiohttp logs to stderr through logging's last resort: that would draw over the terminal UI.
logging.getLogger("aiohttp").addHandler(logging.NullHandler())
logging.getLogger("aiohttp").propagate = False

COOKIE = "room"
#: Largest request body (bytes): an item of MAX_ITEM_TEXT Arabic letters, URL-encoded, fits.
MAX_BODY = 32 * 1024
#: Phones that may join one room.
MAX_DEVICES = 200
#: Open event streams per device (several tabs), and in all.
MAX_STREAMS_PER_DEVICE = 3
#: Writes per device: a burst of WRITE_BURST, then WRITE_RATE per second.
WRITE_BURST = 30
WRITE_RATE = 1.0
#: Wrong join codes per network address: a burst, then one every 6 seconds (a six-digit code is not guessed).
JOIN_BURST = 10
JOIN_RATE = 1 / 6
#: How long changes are gathered before phones are told (seconds).
PUSH_DELAY = 1.0
#: Keep-alive comment on idle event streams (seconds).
KEEPALIVE = 15.0
#: How long a phone's write waits for the file on disk to hold it before the phone is told to
#: send it again (seconds): "saved" means written, so a phone never drops an item only in memory.
SAVE_WAIT = 10.0

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass
class Bucket:
    """A token bucket (rate limit)."""

    burst: float
    rate: float
    tokens: float = -1.0
    at: float = 0.0

    def available(self, now: float) -> bool:
        """Whether a token is there (refilled to now), without taking it."""
        if self.tokens < 0:
            self.tokens, self.at = self.burst, now
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        return self.tokens >= 1

    def take(self, now: float) -> bool:
        if not self.available(now):
            return False
        self.tokens -= 1
        return True


@dataclass
class RoomStatus:
    """What the facilitator's screen shows about the room (never sent to phones)."""

    open: bool
    url: str
    code: str
    locked: bool
    devices: list[RoomDevice] = field(default_factory=list)


class RoomError(Exception):
    """The room could not open (address not on this machine, port taken), with a catalogue key."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class RoomServer:
    """One open room for one session. Build it, `await start()`, `await stop()`."""

    def __init__(
        self,
        session: Session,
        catalogue: Catalogue,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        max_devices: int = MAX_DEVICES,
        clock: Callable[[], float] = time.monotonic,
        on_room_edit: Callable[[], None] | None = None,
    ) -> None:
        if session.read_only:
            raise RoomError("room.errors.read_only")
        self.session = session
        self.catalogue = catalogue
        self.host = host
        self.port = port
        self.max_devices = max_devices
        self.clock = clock
        #: Called after every change a phone made (the facilitator's screen redraws its lists).
        self.on_room_edit = on_room_edit
        self.code = new_code()
        self.locked = False
        #: Grows whenever what phones see may have changed.
        self.version = 0
        self._digest: tuple[Any, ...] | None = None
        self._changed_event = asyncio.Event()
        self._push_pending = False
        self._closing = False
        self._streams: dict[str, int] = {}
        self._write_buckets: dict[str, Bucket] = {}
        self._join_buckets: dict[str, Bucket] = {}
        self._runner: web.AppRunner | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.app = self._make_app()

    # ------------------------------------------------------------------ facilitator side (Python only)

    @property
    def is_open(self) -> bool:
        return self._runner is not None

    @property
    def url(self) -> str:
        return join_url(self.host, self.port, self.code)

    def status(self) -> RoomStatus:
        devices = [d for d in self.session.workshop.room.devices if not d.removed]
        return RoomStatus(self.is_open, self.url, self.code, self.locked, devices)

    def rotate_code(self) -> str:
        """A new join code: the old one admits nobody more; joined phones stay."""
        self.code = new_code()
        self.publish()
        return self.code

    def set_locked(self, locked: bool) -> None:
        """A locked room admits no new phones; joined phones keep working."""
        self.locked = locked
        self.publish()

    def publish(self) -> None:
        """Put the join address in the workshop while phones may join (`workshop present` shows it
        with its QR code), and take it out when the room closes or is locked."""
        wanted = self.url if self.is_open and not self.locked else ""
        if self.session.workshop.room.join_url != wanted and not self.session.read_only:
            self.session.edit(lambda w: setattr(w.room, "join_url", wanted))

    def remove_device(self, device_id: str) -> bool:
        """Sign a phone out for good: its token stops working (its items stay)."""
        device = inbox.device_by_id(self.session.workshop, device_id)
        if device is None or device.removed:
            return False
        self.session.edit(lambda _w: setattr(device, "removed", True))
        return True

    async def start(self) -> None:
        """Bind to the chosen address and serve (in the running event loop)."""
        if self._runner is not None:
            return
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            raise RoomError("room.errors.cannot_bind", address=f"{host_part(self.host)}:{self.port}", reason=error.strerror or str(error)) from None
        if self.port == 0:
            self.port = int(runner.addresses[0][1])
        self._runner = runner
        self._closing = False
        self._attach()
        self.publish()

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        runner, self._runner = self._runner, None
        self._closing = True
        self.publish()
        self._wake()
        self._detach()
        if runner is not None:
            await runner.cleanup()

    def _attach(self) -> None:
        if self._unsubscribe is None:
            self._unsubscribe = self.session.subscribe(lambda _s: self._schedule_push())
            self._digest = public_digest(self.session.workshop)

    def _detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # ------------------------------------------------------------------ telling phones

    def _schedule_push(self) -> None:
        if self._push_pending:
            return
        self._push_pending = True
        try:
            asyncio.get_running_loop().call_later(PUSH_DELAY, self._push)
        except RuntimeError:  # no loop (a synchronous test): tell at once
            self._push()

    def _push(self) -> None:
        self._push_pending = False
        digest = public_digest(self.session.workshop)
        if digest != self._digest:
            self._digest = digest
            self.version += 1
            self._wake()

    def _wake(self) -> None:
        event, self._changed_event = self._changed_event, asyncio.Event()
        event.set()

    # ------------------------------------------------------------------ application

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self.index)
        app.router.add_get("/j/{code}", self.join_form)
        app.router.add_post("/join", self.join)
        app.router.add_get("/view", self.view)
        app.router.add_get("/version", self.current_version)
        app.router.add_get("/events", self.events)
        app.router.add_post("/item", self.add_item)
        app.router.add_post("/vote", self.vote)
        app.router.add_post("/answer", self.answer)
        app.router.add_get("/static/{name}", self.static)
        app.on_response_prepare.append(self._headers)
        app.on_shutdown.append(self._on_shutdown)
        return app

    async def _on_shutdown(self, _app: web.Application) -> None:
        self._closing = True
        self._wake()

    @staticmethod
    async def _headers(_request: web.Request, response: web.StreamResponse) -> None:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)

    def _expected_host(self, request: web.Request) -> str | None:
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        if not sockname:
            return None
        return f"{host_part(str(sockname[0]))}:{sockname[1]}"

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Host on every request (no DNS rebinding); Origin/Referer on every write."""
        expected = self._expected_host(request)
        host = request.headers.get("Host", "")
        if expected is None or host != expected:
            return self._refuse(request, "room.errors.bad_host", 421)
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("Origin")
            referer = request.headers.get("Referer")
            if origin is not None:
                if origin != f"http://{expected}":
                    return self._refuse(request, "room.errors.bad_origin", 403)
            elif referer is not None and not referer.startswith(f"http://{expected}/"):
                return self._refuse(request, "room.errors.bad_origin", 403)
        try:
            return await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return self._refuse(request, "room.errors.too_long", 413)

    # ------------------------------------------------------------------ helpers

    def _device(self, request: web.Request) -> RoomDevice | None:
        token = request.cookies.get(COOKIE)
        if not token or len(token) > 128:
            return None
        wanted = token_hash(token)
        for device in self.session.workshop.room.devices:
            if not device.removed and hmac.compare_digest(device.token_hash, wanted):
                return device
        return None

    def _view(self, device: RoomDevice | None) -> dict[str, Any]:
        return participant_view(self.session.workshop, device, self.catalogue)

    @staticmethod
    def _wants_json(request: web.Request) -> bool:
        return "application/json" in request.headers.get("Accept", "")

    def _html(self, body: str, status: int = 200) -> web.Response:
        return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")

    def _refuse(self, request: web.Request, key: str, status: int) -> web.Response:
        message = self.catalogue.t(key)
        if self._wants_json(request):
            return web.json_response({"ok": False, "message": message}, status=status)
        return self._html(pages.message_page(self._view(None), self.catalogue, message), status)

    def _done(self, request: web.Request, status: str) -> web.Response:
        if self._wants_json(request):
            return web.json_response({"ok": True, "status": status, "version": self.version})
        raise web.HTTPSeeOther("/")

    async def _form(self, request: web.Request) -> dict[str, str] | None:
        try:
            data = await request.post()
        except (UnicodeDecodeError, ValueError):
            return None
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def _room_edited(self) -> None:
        """After a phone's write (a quiet edit): tell the phones and the facilitator's screen, batched."""
        self._schedule_push()
        if self.on_room_edit is not None:
            self.on_room_edit()

    def _rate_ok(self, buckets: dict[str, Bucket], key: str, burst: float, rate: float) -> bool:
        bucket = buckets.setdefault(key, Bucket(burst, rate))
        return bucket.take(self.clock())

    # ------------------------------------------------------------------ routes

    async def index(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return self._html(pages.join_page(self._view(None), self.catalogue))
        return self._html(pages.step_page(self._view(device), self.catalogue))

    async def join_form(self, request: web.Request) -> web.Response:
        if self._device(request) is not None:
            raise web.HTTPSeeOther("/")
        code = request.match_info.get("code", "")[:12]
        return self._html(pages.join_page(self._view(None), self.catalogue, code=code))

    async def join(self, request: web.Request) -> web.Response:
        address = request.remote or "?"
        wrong_codes = self._join_buckets.setdefault(address, Bucket(JOIN_BURST, JOIN_RATE))
        if not wrong_codes.available(self.clock()):
            return self._refuse(request, "room.errors.slow_down", 429)
        form = await self._form(request)
        if form is None:
            return self._refuse(request, "room.errors.bad_request", 400)
        if self._device(request) is not None:
            raise web.HTTPSeeOther("/")
        code = form.get("code", "").strip()
        if not hmac.compare_digest(code.encode("utf-8", "replace"), self.code.encode()):
            wrong_codes.take(self.clock())
            message = self.catalogue.t("room.errors.bad_code")
            return self._html(pages.join_page(self._view(None), self.catalogue, code="", message=message), 403)
        if self.locked:
            return self._refuse(request, "room.errors.locked", 403)
        workshop = self.session.workshop
        if sum(1 for d in workshop.room.devices if not d.removed) >= self.max_devices:
            return self._refuse(request, "room.errors.full", 403)
        name = form.get("name", "")
        if len(name) > inbox.MAX_NAME:
            return self._refuse(request, "room.errors.name_too_long", 400)
        token = secrets.token_urlsafe(32)
        device = RoomDevice(token_hash=token_hash(token), name=name, show_name=form.get("show_name") == "1")
        self.session.edit(lambda w: w.room.devices.append(device), quiet=True)
        self._room_edited()
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/", max_age=24 * 3600)
        raise response

    async def view(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return web.json_response({"ok": False}, status=401)
        view = self._view(device)
        return web.json_response(
            {"version": self.version, "step": view["step"], "step_title": view["step_title"], "html": pages.step_main(view, self.catalogue)}
        )

    async def current_version(self, request: web.Request) -> web.Response:
        if self._device(request) is None:
            return web.Response(text="", status=401)
        return web.Response(text=str(self.version))

    async def events(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        if device is None:
            return web.Response(text="", status=401)
        streams = self._streams.get(device.id, 0)
        if streams >= MAX_STREAMS_PER_DEVICE or sum(self._streams.values()) >= 2 * self.max_devices:
            return web.Response(text="", status=429)
        self._streams[device.id] = streams + 1
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
        try:
            await response.prepare(request)
            sent = self.version
            await response.write(f"retry: 3000\ndata: {sent}\n\n".encode())
            while not self._closing:
                event = self._changed_event
                try:
                    await asyncio.wait_for(event.wait(), KEEPALIVE)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                if self._closing or device.removed:
                    break
                if self.version != sent:
                    sent = self.version
                    await response.write(f"data: {sent}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._streams[device.id] = max(0, self._streams.get(device.id, 1) - 1)
        return response

    async def _write(
        self, request: web.Request, change: Callable[[Workshop, RoomDevice, dict[str, str]], bool]
    ) -> web.Response:
        """One phone's write: joined, within its rate, a readable form; `change` (a quiet edit, saved
        like any other) returns False for a retry already counted. Refusals are one sentence."""
        device = self._device(request)
        if device is None:
            return self._refuse(request, "room.errors.not_joined", 401)
        if not self._rate_ok(self._write_buckets, device.id, WRITE_BURST, WRITE_RATE):
            return self._refuse(request, "room.errors.slow_down", 429)
        form = await self._form(request)
        if form is None:
            return self._refuse(request, "room.errors.bad_request", 400)
        try:
            new = self.session.edit(lambda w: change(w, device, form), quiet=True)
        except inbox.RoomRefused as refused:
            return self._refuse(request, refused.key, refused.status)
        except LimitExceeded:
            return self._refuse(request, "room.errors.inbox_full", 503)
        self._room_edited()
        if not await self._on_disk():
            return self._refuse(request, "room.errors.not_saved", 503)
        return self._done(request, "saved" if new else "already")

    async def _on_disk(self) -> bool:
        """Wait until the file holds every change made so far (the session's next save, written
        off the loop); False when that takes longer than SAVE_WAIT (a disk that refuses writes)."""
        written: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def told() -> None:
            if not written.done():  # gone when the wait timed out
                written.set_result(None)

        stop_waiting = self.session.when_saved(told)
        try:
            await asyncio.wait_for(written, SAVE_WAIT)
        except TimeoutError:
            return False
        finally:  # timed out or cancelled (the phone went away): the session keeps no callback for it
            stop_waiting()
        return True

    async def add_item(self, request: web.Request) -> web.Response:
        anonymous = self.catalogue.t("room.anonymous")
        return await self._write(
            request,
            lambda w, device, form: inbox.submit(
                w, device, form.get("client_id", ""), form.get("target", ""), form.get("text", ""), anonymous=anonymous
            ).new,
        )

    async def vote(self, request: web.Request) -> web.Response:
        def change(w: Workshop, device: RoomDevice, form: dict[str, str]) -> bool:
            delta = form.get("delta", "0")
            return inbox.vote(w, device, form.get("client_id", ""), form.get("item", ""), int(delta) if delta in ("1", "-1") else 0)

        return await self._write(request, change)

    async def answer(self, request: web.Request) -> web.Response:
        """A readiness or poll answer: one per phone per question, the latest counts."""
        return await self._write(
            request,
            lambda w, device, form: answers.answer(w, device, form.get("client_id", ""), form.get("ask", ""), form.get("value", "")),
        )

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info.get("name", "")
        types = {"room.css": "text/css", "room.js": "text/javascript"}
        if name not in types:
            raise web.HTTPNotFound()
        return web.Response(body=pages.static_file(name), content_type=types[name], charset="utf-8")


__all__ = ["RoomError", "RoomServer", "RoomStatus"]
