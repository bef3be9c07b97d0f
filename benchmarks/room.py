"""The room under load: 50 simulated phones while a person types into the facilitator's SWOT field.

    python benchmarks/room.py            # 3 rounds: 50 phones x (10 items + 5 votes) within a minute
    python benchmarks/room.py --quick --rounds 1   # 20 phones within 20 seconds

Two facilitator's apps run side by side in pseudo-terminals (80x24), exactly as a person would start
them: one with the room closed (the reference), one with the room open while the phones (aiohttp
clients in another process) join, post their items and votes, retrying on failure with the same
client id as room.js does. The same keys are typed into each in turn, one at a time, into the SWOT
capture field (Enter after every 20 keys), so both see the same machine at the same moments.
A submit's latency runs until the phone hears "saved", which the app says once the file holds it.
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
from typing import Any

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


def one_key(app: PtyApp, key: bytes) -> tuple[int, float]:
    """Type one key; the bytes the app wrote back and the seconds to the first byte."""
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
    return total, first if first is not None else 1.0


def type_keys(apps: list[PtyApp], gap: float, until: float) -> list[tuple[list[int], list[float]]]:
    """Type the same keys into each app in turn, one key at a time, until `until`: the apps see the
    same machine at the same moments, so a busy machine weighs on both alike."""
    out: list[tuple[list[int], list[float]]] = [([], []) for _ in apps]
    n = 0
    while time.monotonic() < until:
        key = b"\r" if n % 20 == 19 else bytes([ord("a") + n % 26])
        for app, (sizes, latency) in zip(apps, out, strict=True):
            size, first = one_key(app, key)
            sizes.append(size)
            latency.append(first)
            time.sleep(gap / len(apps))
        n += 1
    return out


def seeded(data_dir: Path, votes: int) -> tuple[str, list[str]]:
    workshops = Workshops.at(data_dir)
    workshop = Workshop(meta=Meta(title="Room benchmark", language="en"), last_step="swot")
    workshop.swot = [SwotItem(kind="threat", text=f"seed threat {i}") for i in range(VOTE_ITEMS)]
    workshop.timing.dots_per_participant = votes
    workshop = workshops.add(workshop)
    return workshop.id, [i.id for i in workshop.swot]


def one_round(phones: int, items: int, votes: int, span: float) -> dict[str, Any]:
    """Two apps side by side, the same keys typed into each in turn: one with the room closed (the
    reference), one with the room open while the phones (another process) post."""
    closed_dir = Path(tempfile.mkdtemp(prefix="room-bench-closed-"))
    open_dir = Path(tempfile.mkdtemp(prefix="room-bench-open-"))
    closed_id, _ = seeded(closed_dir, votes)
    open_id, vote_ids = seeded(open_dir, votes)

    def command(workshop_id: str) -> list[str]:
        return [sys.executable, "-m", "workshop", "--lang", "en", "open", workshop_id, "--step", "swot"]

    port = free_port()
    room = ["--room", "--room-host", "127.0.0.1", "--room-port", str(port)]
    with PtyApp(command(closed_id), env={"WORKSHOP_DATA_DIR": str(closed_dir)}) as closed, PtyApp(
        [*command(open_id), *room], env={"WORKSHOP_DATA_DIR": str(open_dir)}
    ) as opened:
        closed.wait_for(b"Strengths", timeout=60)
        opened.wait_for(b"Join code:", timeout=60)
        opened.read_until_quiet(0.5)
        code = opened.received.split(b"Join code: ", 1)[1][:6].decode()
        opened.send(b"\x1b")  # back to the step
        opened.read_until_quiet(0.5)
        closed.read_until_quiet(0.5)
        queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        worker = multiprocessing.Process(
            target=run_phones, args=(f"http://127.0.0.1:{port}", code, phones, items, votes, vote_ids, span, queue)
        )
        began = time.monotonic()
        worker.start()
        (closed_bytes, closed_latency), (open_bytes, open_latency) = type_keys([closed, opened], 0.1, began + 1 + span + 1)
        results = queue.get(timeout=span + 120)
        worker.join(timeout=30)
        for app in (closed, opened):
            app.send(b"\x11")
            app.read_until_quiet(1.0)

    stored = Workshops.at(open_dir).load(open_id)
    sent_items = {f"phone {n} idea {i}" for n in range(phones) for i in range(items)}
    texts = [e.text for e in stored.room.inbox]
    return {
        "stored": len(texts),
        "lost": len(sent_items - set(texts)),
        "duplicated": len(texts) - len(set(texts)),
        "votes": sum(i.votes for i in stored.swot),
        "failed": len([r for r in results if r[1] != 200]),
        "submit": [r[2] for r in results],
        "open_bytes": open_bytes,
        "closed_bytes": closed_bytes,
        "open_latency": open_latency,
        "closed_latency": closed_latency,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    phones, span = (20, 20.0) if args.quick else (50, 60.0)
    items, votes = 10, 5
    rounds = [one_round(phones, items, votes, span) for _ in range(max(1, args.rounds))]

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    def each(figure: Any) -> str:
        return " / ".join(figure(r) for r in rounds)

    def p95_ratio(r: dict[str, Any]) -> float:
        return percentile(r["open_latency"], 0.95) / percentile(r["closed_latency"], 0.95)

    def p50_ratio(r: dict[str, Any]) -> float:
        return statistics.median(r["open_latency"]) / statistics.median(r["closed_latency"])

    def bytes_ratio(r: dict[str, Any]) -> float:
        return statistics.mean(r["open_bytes"]) / statistics.mean(r["closed_bytes"])

    rows = [
        ("phones x (items + votes)", f"{phones} x ({items} + {votes}) in {span:.0f} s, {len(rounds)} rounds", "", ""),
        ("items stored / lost / duplicated", each(lambda r: f"{r['stored']}/{r['lost']}/{r['duplicated']}"), f"{phones * items} sent", ""),
        ("votes counted", each(lambda r: str(r["votes"])), f"{phones * votes} sent", ""),
        ("refused or failed submits", each(lambda r: str(r["failed"])), "0 expected", ""),
        ("submit latency p50 (on disk)", each(lambda r: ms(statistics.median(r["submit"]))), "", ""),
        ("submit latency p95 (on disk)", each(lambda r: ms(percentile(r["submit"], 0.95))), "", ""),
        (
            "bytes per keystroke, open/closed",
            each(lambda r: f"{statistics.mean(r['open_bytes']):.0f}/{statistics.mean(r['closed_bytes']):.0f} B"),
            "",
            f"{statistics.median(bytes_ratio(r) for r in rounds):.2f}x (median of rounds)",
        ),
        (
            "key to first byte p50, open/closed",
            each(lambda r: f"{ms(statistics.median(r['open_latency']))}/{ms(statistics.median(r['closed_latency']))}"),
            "",
            f"{statistics.median(p50_ratio(r) for r in rounds):.2f}x (median of rounds)",
        ),
        (
            "key to first byte p95, open/closed",
            each(lambda r: f"{ms(percentile(r['open_latency'], 0.95))}/{ms(percentile(r['closed_latency'], 0.95))}"),
            "",
            f"{statistics.median(p95_ratio(r) for r in rounds):.2f}x (median of rounds; each: "
            + ", ".join(f"{p95_ratio(r):.2f}" for r in rounds)
            + ")",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, figure, reference, ratio in rows:
        print(f"{name:<{width}}  {figure:<40} {reference:<14} {ratio}")
    print(
        "keystrokes typed per app and round: "
        + ", ".join(str(len(r["open_latency"])) for r in rounds)
        + " (80x24; the two apps typed into in turn, the same keys)"
    )
    return 0 if all(r["lost"] == 0 and r["duplicated"] == 0 for r in rounds) else 1


if __name__ == "__main__":
    raise SystemExit(main())
