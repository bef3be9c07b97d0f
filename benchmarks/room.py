"""The room under load: 50 simulated phones while a person types into the facilitator's SWOT field.

    python benchmarks/room.py            # 50 phones x (10 items + 5 votes) within a minute
    python benchmarks/room.py --quick    # 20 phones within 20 seconds

The facilitator's app runs in a pseudo-terminal (80x24), exactly as a person would start it. A pty
types one key at a time into the SWOT capture field (Enter after every 20 keys), first with the room
closed (the reference), then with the room open while the phones (aiohttp clients in another process)
join, post their items and votes, retrying on failure with the same client id as room.js does.
Reported: submissions lost or duplicated (counted on disk after the app quits), p95 submit latency,
and the facilitator's bytes and latency per keystroke, room open next to room closed.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import select
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pty_probe import PtyApp  # noqa: E402

from workshop.core.model import Meta, SwotItem, Workshop  # noqa: E402
from workshop.core.service import Workshops  # noqa: E402

VOTE_ITEMS = 10


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- phones


async def phone(n: int, base: str, items: int, votes: int, vote_ids: list[str], span: float, start: float, out: list) -> None:  # type: ignore[type-arg]
    import aiohttp

    headers = {"Origin": base, "Accept": "application/json"}
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        async with session.get(f"{base}/") as r:
            await r.read()
        join = await session.post(f"{base}/join", data={"code": phone.code, "name": f"Phone {n}"}, headers=headers, allow_redirects=False)  # type: ignore[attr-defined]
        assert join.status == 303, join.status
        rng = random.Random(n)
        writes = [("item", i) for i in range(items)] + [("vote", i) for i in range(votes)]
        rng.shuffle(writes)
        at = sorted(rng.uniform(0, span) for _ in writes)
        for (kind, i), when in zip(writes, at, strict=True):
            delay = start + when - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if kind == "item":
                form = {"target": "swot.threat", "text": f"phone {n} idea {i}", "client_id": f"p{n}-i{i}"}
                path = "/item"
            else:
                form = {"item": vote_ids[(n + i) % len(vote_ids)], "delta": "1", "client_id": f"p{n}-v{i}"}
                path = "/vote"
            began = time.monotonic()
            for _attempt in range(20):
                try:
                    async with session.post(f"{base}{path}", data=form, headers=headers) as r:
                        await r.read()
                        if r.status < 500 and r.status != 429:
                            out.append((kind, r.status, time.monotonic() - began))
                            break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.5)
            else:
                out.append((kind, 0, time.monotonic() - began))


def run_phones(base: str, code: str, phones: int, items: int, votes: int, vote_ids: list[str], span: float, queue) -> None:  # type: ignore[no-untyped-def]
    phone.code = code  # type: ignore[attr-defined]
    out: list = []  # type: ignore[type-arg]

    async def main() -> None:
        start = time.monotonic() + 1.0
        await asyncio.gather(*(phone(n, base, items, votes, vote_ids, span, start, out) for n in range(phones)))

    asyncio.run(main())
    queue.put(out)


# --------------------------------------------------------------------------- the facilitator's keystrokes


def type_keys(app: PtyApp, keys: int, gap: float, until: float | None = None) -> tuple[list[int], list[float]]:
    """Type one key at a time; bytes the app wrote back and seconds to the first byte, per key."""
    sizes: list[int] = []
    latency: list[float] = []
    n = 0
    while n < keys or (until is not None and time.monotonic() < until):
        key = b"\r" if n % 20 == 19 else bytes([ord("a") + n % 26])
        app.read_for(0)  # drain
        sent = time.perf_counter()
        app.send(key)
        first = None
        total = 0
        # The first byte's time to the select() wake-up (not to the end of a read window), then
        # everything written until 30 ms pass without a byte: that key's frame.
        ready, _, _ = select.select([app.master], [], [], 1.0)
        if ready:
            first = time.perf_counter() - sent
            end = sent + 1.0
            while time.perf_counter() < end:
                chunk = app.read_for(0.03)
                if not chunk:
                    break
                total += len(chunk)
        sizes.append(total)
        latency.append(first if first is not None else 1.0)
        n += 1
        time.sleep(gap)
    return sizes, latency


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    phones, span, keys = (20, 20.0, 60) if args.quick else (50, 60.0, 150)
    items, votes = 10, 5

    data_dir = Path(tempfile.mkdtemp(prefix="room-bench-"))
    workshops = Workshops.at(data_dir)
    workshop = Workshop(meta=Meta(title="Room benchmark", language="en"), last_step="swot")
    workshop.swot = [SwotItem(kind="threat", text=f"seed threat {i}") for i in range(VOTE_ITEMS)]
    workshop.timing.dots_per_participant = votes
    workshop = workshops.add(workshop)
    vote_ids = [i.id for i in workshop.swot]
    env = {"WORKSHOP_DATA_DIR": str(data_dir)}
    base_cmd = [sys.executable, "-m", "workshop.cli", "--lang", "en", "open", workshop.id, "--step", "swot"]

    # Reference: the room closed, the same typing for as long (the facilitator's own lists grow
    # alike: a longer list costs more bytes per Enter, whether phones are there or not).
    with PtyApp(base_cmd, env=env) as app:
        app.wait_for(b"Strengths", timeout=60)
        app.read_until_quiet(0.5)
        closed_bytes, closed_latency = type_keys(app, keys, 0.1, until=time.monotonic() + span + 2)
        app.send(b"\x11")
        app.read_until_quiet(0.5)

    # The room open, phones busy.
    port = free_port()
    with PtyApp([*base_cmd, "--room", "--room-host", "127.0.0.1", "--room-port", str(port)], env=env) as app:
        app.wait_for(b"Join code:", timeout=60)
        app.read_until_quiet(0.5)
        code = app.received.split(b"Join code: ", 1)[1][:6].decode()
        app.send(b"\x1b")  # back to the step
        app.read_until_quiet(0.5)
        queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        worker = multiprocessing.Process(
            target=run_phones, args=(f"http://127.0.0.1:{port}", code, phones, items, votes, vote_ids, span, queue)
        )
        began = time.monotonic()
        worker.start()
        open_bytes, open_latency = type_keys(app, keys, 0.1, until=began + span + 2)
        results = queue.get(timeout=span + 120)
        worker.join(timeout=30)
        app.send(b"\x11")
        app.read_until_quiet(1.0)

    stored = Workshops.at(data_dir).load(workshop.id)
    sent_items = {f"phone {n} idea {i}" for n in range(phones) for i in range(items)}
    texts = [e.text for e in stored.room.inbox]
    lost = len(sent_items - set(texts))
    duplicated = len(texts) - len(set(texts))
    vote_total = sum(i.votes for i in stored.swot)
    failed = [r for r in results if r[1] != 200]
    submit_latency = [r[2] for r in results]

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    rows = [
        ("phones x (items + votes)", f"{phones} x ({items} + {votes}) in {span:.0f} s", "", ""),
        ("items stored / lost / duplicated", f"{len(texts)} / {lost} / {duplicated}", f"{phones * items} sent", ""),
        ("votes counted", str(vote_total), f"{phones * votes} sent", ""),
        ("refused or failed submits", str(len(failed)), "0 expected", ""),
        ("submit latency p50 / p95", f"{ms(statistics.median(submit_latency))} / {ms(percentile(submit_latency, 0.95))}", "", ""),
        (
            "bytes per keystroke (mean)",
            f"{statistics.mean(open_bytes):.0f} B room open",
            f"{statistics.mean(closed_bytes):.0f} B room closed",
            f"{statistics.mean(open_bytes) / statistics.mean(closed_bytes):.2f}x",
        ),
        (
            "keystroke to first byte p50",
            f"{ms(statistics.median(open_latency))} room open",
            f"{ms(statistics.median(closed_latency))} room closed",
            f"{statistics.median(open_latency) / statistics.median(closed_latency):.2f}x",
        ),
        (
            "keystroke to first byte p95",
            f"{ms(percentile(open_latency, 0.95))} room open",
            f"{ms(percentile(closed_latency, 0.95))} room closed",
            f"{percentile(open_latency, 0.95) / percentile(closed_latency, 0.95):.2f}x",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, figure, reference, ratio in rows:
        print(f"{name:<{width}}  {figure:<28} {reference:<24} {ratio}")
    print(f"keystrokes typed: {len(closed_bytes)} room closed, {len(open_bytes)} room open (80x24)")
    return 0 if lost == 0 and duplicated == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
