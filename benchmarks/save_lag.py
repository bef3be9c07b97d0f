"""How long a busy room's saves hold up the app's event loop, saves on the loop against saves in the
background writer, interleaved in one process under the same conditions.

    python benchmarks/save_lag.py            # 6 rounds of 20 s, alternating
    python benchmarks/save_lag.py --quick    # 2 rounds of 8 s

A real Store and Session (the app's scheduler and `wake`, on an asyncio loop) take 50 phones' items
(one every 12 ms, as benchmarks/room.py's 50 phones post 750 writes a minute) into a workshop that
already holds 450 inbox entries. A 2 ms ticker on the same loop records how late it wakes: a key
pressed then would wait as long. Reported per mode: how long each debounced save held the loop
(the timer's callback: the whole save on the loop, the snapshot and hand-over in the background),
the ticker's lateness, and the saves written.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from workshop.core.model import Meta, RoomDevice, Workshop
from workshop.core.room import inbox
from workshop.core.service import Workshops
from workshop.core.session import Session

TICK = 0.002
POST_EVERY = 0.012
SEED_ENTRIES = 450


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def one_round(
    workshops: Workshops, workshop_id: str, background: bool, seconds: float, round_no: int
) -> tuple[list[float], list[float], int]:
    loop = asyncio.get_running_loop()
    held: list[float] = []

    def timed(callback: Any) -> Any:
        def run() -> None:
            began = time.perf_counter()
            callback()
            held.append(time.perf_counter() - began)

        return run

    opened = workshops.open(workshop_id)
    session = Session(
        workshops.store,
        opened.workshop,
        lock=opened.lock,
        scheduler=lambda delay, callback: loop.call_later(delay, timed(callback)),
        on_error=lambda error: print("save failed:", error, file=sys.stderr),
        wake=loop.call_soon_threadsafe if background else None,
    )
    device = RoomDevice(name=f"Phone r{round_no}", token_hash=f"{round_no:064x}")
    session.edit(lambda w: w.room.devices.append(device), quiet=True)
    late: list[float] = []
    end = time.monotonic() + seconds

    async def ticker() -> None:
        while time.monotonic() < end:
            due = time.perf_counter() + TICK
            await asyncio.sleep(TICK)
            late.append(max(0.0, time.perf_counter() - due))

    async def phones() -> None:
        n = 0
        while time.monotonic() < end:
            await asyncio.sleep(POST_EVERY)
            client_id = f"r{round_no}-{n}"
            text = f"round {round_no} idea {n}"

            def change(w: Any) -> bool:
                return inbox.submit(w, device, client_id, "swot.threat", text, anonymous="anonymous").new

            session.edit(change, quiet=True)
            n += 1
            if len(session.workshop.room.inbox) >= SEED_ENTRIES + 50:  # keep the document's size steady
                session.edit(lambda w: w.room.inbox.__delitem__(slice(SEED_ENTRIES, None)), quiet=True)

    await asyncio.gather(ticker(), phones())
    session.flush()
    saves = session.saves
    session.close()
    return held, late, saves


def seed(data_dir: Path) -> tuple[Workshops, str]:
    workshops = Workshops.at(data_dir)
    workshop = workshops.add(Workshop(meta=Meta(title="Save lag"), last_step="swot"))
    opened = workshops.open(workshop.id)
    session = Session(workshops.store, opened.workshop, lock=opened.lock)
    for n in range(SEED_ENTRIES // 10):
        device = RoomDevice(name=f"Phone {n}", token_hash=f"{n + 1000:064x}")

        def add(w: Any, device: RoomDevice = device, n: int = n) -> None:
            w.room.devices.append(device)
            for i in range(10):
                inbox.submit(w, device, f"p{n}-i{i}", "swot.threat", f"phone {n} idea {i}", anonymous="anonymous")

        session.edit(add, quiet=True)
    session.close()
    return workshops, workshop.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds, seconds = (2, 8.0) if args.quick else (6, 20.0)
    workshops, workshop_id = seed(Path(tempfile.mkdtemp(prefix="save-lag-")))
    found: dict[bool, list[float]] = {False: [], True: []}
    holds: dict[bool, list[float]] = {False: [], True: []}
    saves: dict[bool, int] = {False: 0, True: 0}
    for round_no in range(rounds):
        background = round_no % 2 == 1
        held, late, written = asyncio.run(one_round(workshops, workshop_id, background, seconds, round_no))
        holds[background] += held
        found[background] += late
        saves[background] += written

    def ms(value: float) -> str:
        return f"{value * 1000:.1f}"

    print(f"a phone's item every {POST_EVERY * 1000:.0f} ms; ~{SEED_ENTRIES + 25} inbox entries; {rounds} rounds of {seconds:.0f} s, alternating")
    print(f"{'saves':<14} {'loop held per save p50/p95/max':>31}   {'ticker late p95/p99/max':>24}  saves")
    for background, name in ((False, "on the loop"), (True, "in background")):
        held, late = holds[background], found[background]
        print(
            f"{name:<14} {ms(statistics.median(held)):>13} / {ms(percentile(held, 0.95)):>5} / {ms(max(held)):>5} ms"
            f"   {ms(percentile(late, 0.95)):>6} / {ms(percentile(late, 0.99)):>5} / {ms(max(late)):>5} ms  {saves[background]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
