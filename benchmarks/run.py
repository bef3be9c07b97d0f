"""Benchmarks: each figure beside a reference measured in the same run, printed as a table.

    python benchmarks/run.py            # everything (about two minutes)
    python benchmarks/run.py --quick    # fewer repetitions

Not part of the pass/fail suite. Figures go into the README by hand.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pty_probe import PtyApp  # noqa: E402

from workshop.core.content import demo_document  # noqa: E402
from workshop.core.model import Meta, Partner, SwotItem, Workshop, workshop_from_dict, workshop_to_dict  # noqa: E402
from workshop.core.store import Store  # noqa: E402

Row = tuple[str, str, str, str]
HELLO = HERE / "hello_app.py"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# --------------------------------------------------------------------------- start-up


def first_paint(command: list[str], needle: bytes, env: dict[str, str]) -> tuple[float, int]:
    """Seconds until `needle` is on screen, and peak RSS (KiB) once settled."""
    with PtyApp(command, env=env) as app:
        seconds = app.wait_for(needle, timeout=30)
        app.read_until_quiet(0.3)
        return seconds, app.peak_rss_kib()


def bench_start(runs: int, data_dir: Path) -> list[Row]:
    env = {"WORKSHOP_DATA_DIR": str(data_dir)}
    python = sys.executable
    demo_cmd = [python, "-m", "workshop.cli", "--lang", "en", "demo", "--step", "swot"]
    first_paint(demo_cmd, b"Strengths", env)  # imports the demo once, warms caches
    hello = [first_paint([python, str(HELLO)], b"Hello", env) for _ in range(runs)]
    demo = [first_paint(demo_cmd, b"Strengths", env) for _ in range(runs)]
    hello_t = statistics.median(t for t, _ in hello)
    demo_t = statistics.median(t for t, _ in demo)
    hello_m = max(m for _, m in hello)
    demo_m = max(m for _, m in demo)
    return [
        ("cold start to first paint (median)", f"{demo_t * 1000:.0f} ms", f"{hello_t * 1000:.0f} ms hello-world", f"{demo_t / hello_t:.2f}x"),
        ("peak memory (RSS)", f"{demo_m / 1024:.0f} MiB", f"{hello_m / 1024:.0f} MiB hello-world", f"{demo_m / hello_m:.2f}x"),
    ]


# --------------------------------------------------------------------------- bytes on the wire


def wire(data_dir: Path, low_bandwidth: bool, keys: int) -> tuple[float, float, int]:
    """Bytes per keystroke in the SWOT capture field, per step change, and while idle 3 s."""
    command = [sys.executable, "-m", "workshop.cli", "--lang", "en", "demo", "--step", "swot"]
    if low_bandwidth:
        command.insert(3, "--low-bandwidth")
    with PtyApp(command, env={"WORKSHOP_DATA_DIR": str(data_dir)}) as app:
        app.wait_for(b"Strengths", timeout=30)
        app.read_until_quiet(1.0)
        per_key = []
        for letter in b"abcdefghijklmnopqrstuvwxyz"[:keys]:
            app.send(bytes([letter]))
            data, _ = app.read_until_quiet(0.25)
            per_key.append(len(data))
        idle = len(app.read_for(3.0))
        per_step = []
        for key in (b"\x0e", b"\x02") * 2:  # ctrl+n, ctrl+b
            app.send(key)
            data, _ = app.read_until_quiet(0.5)
            per_step.append(len(data))
        app.send(b"\x11")  # ctrl+q
        app.read_until_quiet(0.5)
    return statistics.mean(per_key), statistics.mean(per_step), idle


def bench_wire(data_dir: Path, keys: int) -> list[Row]:
    default = wire(data_dir, False, keys)
    low = wire(data_dir, True, keys)
    return [
        ("bytes per keystroke (SWOT capture, 80x24)", f"{default[0]:.0f} B", f"{low[0]:.0f} B --low-bandwidth", "aim <= 300"),
        ("bytes per step change", f"{default[1]:.0f} B", f"{low[1]:.0f} B --low-bandwidth", ""),
        ("bytes while idle (3 s)", f"{default[2]} B", f"{low[2]} B --low-bandwidth", "aim 0"),
    ]


# --------------------------------------------------------------------------- saves


def big_workshop(items: int, language: str = "en") -> Workshop:
    workshop = Workshop(meta=Meta(title=f"Workshop of {items}", language=language))  # type: ignore[arg-type]
    kinds = ("strength", "weakness", "opportunity", "threat")
    word = "تحالف" if language == "ar" else "coalition"
    workshop.swot = [SwotItem(kind=kinds[i % 4], text=f"{word} item {i} " * 4) for i in range(items)]
    return workshop


def save_latency(store: Store, workshop: Workshop, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        workshop.swot[0].votes = run % 5
        doc = workshop_to_dict(workshop)
        start = time.perf_counter()
        store.save(doc)
        times.append((time.perf_counter() - start) * 1000)
    return times


def bench_saves(runs: int) -> list[Row]:
    rows: list[Row] = []
    for others in (1, 200):
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder))
            filler = big_workshop(200)
            for _ in range(others - 1):
                filler.id = f"other{_:04d}"
                store.create(workshop_to_dict(filler))
            for items in (10, 1_000, 5_000):
                workshop = big_workshop(items)
                store.create(workshop_to_dict(workshop))
                times = save_latency(store, workshop, runs)
                rows.append(
                    (
                        f"save one edit: {items} items, {others} workshop(s) in folder",
                        f"{statistics.median(times):.1f} ms median",
                        f"{percentile(times, 0.95):.1f} ms p95",
                        "aim median <= 5 ms at 1,000" if items == 1_000 else "",
                    )
                )
    return rows


# --------------------------------------------------------------------------- exports


def large_arabic() -> Workshop:
    from workshop.core.model import ActionPlan, Goal

    workshop = big_workshop(300, "ar")
    sectors = ("public", "private", "nonprofit", "community", "academic", "media", "donor")
    workshop.partners = [
        Partner(
            organisation=f"جمعية الشريك رقم {i}",
            sector=sectors[i % 7],  # type: ignore[arg-type]
            contact_person=f"منسق {i}",
            email=f"p{i}@example.org",
            phone="+962 7 0000 0000",
            role="دعم حملات التوعية الصحية في الحي",
            contribution="متطوعون وقاعة اجتماعات",
        )
        for i in range(500)
    ]
    workshop.goals = [
        Goal(text=f"الهدف {g}", convener="منسق", plans=[ActionPlan(task=f"مهمة {g}-{p}", criteria="عدد الأطفال") for p in range(5)])
        for g in range(10)
    ]
    return workshop


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def bench_exports() -> list[Row]:
    from workshop.core.export import export_workshop

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        demo = workshop_from_dict(demo_document("en"))
        demo_ar = workshop_from_dict(demo_document("ar"))
        json_ref, _ = timed(lambda: json.dumps(workshop_to_dict(demo)))
        for name, workshop in (("demo (en)", demo), ("demo (ar)", demo_ar), ("large Arabic", large_arabic())):
            export_workshop(workshop, fmt="pdf", audience="participants", language=workshop.meta.language, out=out / "warm.pdf", force=True)
            def export() -> object:
                return export_workshop(
                    workshop, fmt="pdf", audience="participants", language=workshop.meta.language, out=out / f"{name}.pdf", force=True
                )

            seconds, result = timed(export)  # timed without tracing: tracemalloc slows Python down several times
            tracemalloc.start()
            export()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            size = result.path.stat().st_size  # type: ignore[attr-defined]
            budget = "<= 3 s, <= 600 KB" if name.startswith("large") else "<= 0.5 s, <= 150 KB"
            rows.append((f"PDF export, {name}", f"{seconds:.2f} s, {size / 1024:.0f} KB", f"peak +{peak / 2**20:.0f} MiB (tracemalloc)", budget))
        large = large_arabic()
        seconds, text = timed(lambda: json.dumps(workshop_to_dict(large), ensure_ascii=False))
        parse, _ = timed(lambda: workshop_from_dict(json.loads(text)))  # type: ignore[arg-type]
        rows.append(("JSON export, large Arabic", f"{seconds * 1000:.0f} ms", f"{json_ref * 1000:.1f} ms demo", f"{len(text) / 1024:.0f} KB"))
        rows.append(("JSON import (parse + validate), large Arabic", f"{parse * 1000:.0f} ms", "", ""))
    return rows


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("start", "wire", "saves", "exports"))
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        if args.only in (None, "start"):
            rows += bench_start(runs, data_dir)
        if args.only in (None, "wire"):
            rows += bench_wire(data_dir, 10 if args.quick else 20)
    if args.only in (None, "saves"):
        rows += bench_saves(30 if args.quick else 100)
    if args.only in (None, "exports"):
        rows += bench_exports()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{shutil.os.cpu_count()} cores")  # type: ignore[attr-defined]
    widths = [max(len(r[i]) for r in rows + [("figure", "value", "reference", "ratio / aim")]) for i in range(4)]
    header = ("figure", "value", "reference", "ratio / aim")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
