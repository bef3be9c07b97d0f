"""Benchmarks: each figure beside a reference measured in the same run, printed as a table.

    python benchmarks/run.py            # everything (about two minutes)
    python benchmarks/run.py --quick    # fewer repetitions

Not part of the pass/fail suite. Figures go into the README by hand. Timed figures are run
interleaved with their reference (A B A B ...) and quoted as medians, so a ratio holds on a
busy shared machine where absolute times do not.
"""

from __future__ import annotations

import argparse
import json
import os
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

#: What shows that a step's screen is painted with its data (at 80x24, English demo).
NEEDLES = {"setup": b"Whitaker", "swot": b"Strengths", "partners": b"Committed", "goals": b"Action plans"}
#: ctrl+n from these steps is the step change measured (as in issue #17).
STEP_CHANGES = ("swot", "partners", "goals")


def workshop_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "workshop", "--lang", "en", *args]


def first_paint(command: list[str], needle: bytes, env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds until `needle` is on screen, peak RSS (KiB) once settled, and the CPU seconds the
    program had used when the needle arrived."""
    with PtyApp(command, env=env) as app:
        seconds = app.wait_for(needle, timeout=60)
        cpu = app.cpu_seconds()
        app.read_until_quiet(0.3)
        return seconds, app.peak_rss_kib(), cpu


def paired(runs: int, first: Callable[[], float], second: Callable[[], float]) -> tuple[float, float, float]:
    """Medians of A, of B and of A/B pair by pair, run A B A B ... (after one warm-up each)."""
    first(), second()
    a, b, ratios = [], [], []
    for _ in range(runs):
        x, y = first(), second()
        a.append(x)
        b.append(y)
        ratios.append(x / y)
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def bench_start(runs: int, data_dir: Path) -> list[Row]:
    env = {"WORKSHOP_DATA_DIR": str(data_dir)}
    hello = [sys.executable, str(HELLO)]
    rows: list[Row] = []
    memory: list[tuple[int, int]] = []
    for step in ("setup", "swot", "partners", "goals"):
        demo = workshop_command("demo", "--step", step)
        cpu: dict[str, list[float]] = {"demo": [], "hello": []}  # in run order: pairs line up

        def demo_paint() -> float:
            seconds, rss, used = first_paint(demo, NEEDLES[step], env)
            memory.append((rss, 0))
            cpu["demo"].append(used)
            return seconds

        def hello_paint() -> float:
            seconds, rss, used = first_paint(hello, b"Hello", env)
            memory.append((0, rss))
            cpu["hello"].append(used)
            return seconds

        demo_t, hello_t, ratio = paired(runs, demo_paint, hello_paint)
        # CPU to the first paint, pair by pair (the warm-up pair left out): steadier than wall time on a busy machine.
        cpu_ratio = statistics.median(d / max(h, 0.01) for d, h in zip(cpu["demo"][1:], cpu["hello"][1:]))
        rows.append((
            f"first paint, demo --step {step}",
            f"{demo_t * 1000:.0f} ms",
            f"{hello_t * 1000:.0f} ms hello-world",
            f"{ratio:.2f}x, CPU {cpu_ratio:.2f}x (aim <= 1.5x)",
        ))
    # The floor: hello-world that first loads the demo through the workshop's pydantic models, as the
    # app must before it paints a step (hello_models.py). No first-paint row can go below it.
    cpu = {"demo": [], "hello": []}
    floor = [sys.executable, str(HERE / "hello_models.py")]

    def floor_paint() -> float:
        seconds, _rss, used = first_paint(floor, b"Hello", env)
        cpu["demo"].append(used)
        return seconds

    def hello_paint_again() -> float:
        seconds, _rss, used = first_paint(hello, b"Hello", env)
        cpu["hello"].append(used)
        return seconds

    floor_t, hello_t, ratio = paired(runs, floor_paint, hello_paint_again)
    cpu_ratio = statistics.median(d / max(h, 0.01) for d, h in zip(cpu["demo"][1:], cpu["hello"][1:]))
    rows.append((
        "floor: hello-world + the models loaded",
        f"{floor_t * 1000:.0f} ms",
        f"{hello_t * 1000:.0f} ms hello-world",
        f"{ratio:.2f}x, CPU {cpu_ratio:.2f}x (pydantic, no screen)",
    ))
    demo_m = max(m for m, _ in memory)
    hello_m = max(m for _, m in memory)
    rows.append(("peak memory (RSS)", f"{demo_m / 1024:.0f} MiB", f"{hello_m / 1024:.0f} MiB hello-world", f"{demo_m / hello_m:.2f}x"))
    return rows


# --------------------------------------------------------------------------- bytes on the wire

QUIET = 1.0  # seconds without output that end a measurement (a busy 2-core machine needs about this)


def after_key(app: PtyApp, key: bytes, least: int = 1024) -> bytes:
    """What the program writes for `key`: at least `least` bytes, then until QUIET passes without output."""
    app.send(key)
    data = bytearray()
    deadline = time.perf_counter() + 30
    while len(data) < least and time.perf_counter() < deadline:
        chunk, _ = app.read_until_quiet(0.2, timeout=30)
        data += chunk
    more, _ = app.read_until_quiet(QUIET, timeout=30)
    return bytes(data + more)


def full_frame(app: PtyApp) -> int:
    """Bytes of one full frame of the screen on show: resize away and back, count the last frame of
    the way back (Textual paints a resize in two or three frames, each whole one starting at the
    top left corner)."""
    cols, rows = app.cols, app.rows
    app.resize(cols, rows + 1)
    app.read_until_quiet(QUIET, timeout=30)
    app.resize(cols, rows)
    data, _ = app.read_until_quiet(QUIET, timeout=30)
    return len(data) - data.rfind(b"\x1b[1;1H") if b"\x1b[1;1H" in data else len(data)


def step_change(data_dir: Path, step: str) -> tuple[int, int]:
    """Bytes for ctrl+n from `step`, and one full frame of the screen it leads to."""
    # COLUMNS and LINES empty: Textual then reads the pty's size, so `full_frame` really resizes (with
    # the probe's COLUMNS/LINES the app never saw the resize, and the frame counted was a repaint
    # left pending on the screen below, which the app no longer leaves).
    env = {"WORKSHOP_DATA_DIR": str(data_dir), "COLUMNS": "", "LINES": ""}
    with PtyApp(workshop_command("demo", "--step", step), env=env) as app:
        app.wait_for(NEEDLES[step], timeout=60)
        app.read_until_quiet(QUIET, timeout=30)
        data = after_key(app, b"\x0e")  # ctrl+n
        frame = full_frame(app)
        app.send(b"\x11")  # ctrl+q
        app.read_until_quiet(0.5)
    return len(data), frame


def bench_step_changes(data_dir: Path) -> list[Row]:
    rows: list[Row] = []
    for step in STEP_CHANGES:
        change, frame = step_change(data_dir, step)
        rows.append((f"bytes, step change (ctrl+n from {step})", f"{change} B", f"{frame} B one full frame", f"{change / frame:.2f} frames (aim ~1, <= 12 KB)"))
    return rows


def wire(command: list[str], env: dict[str, str], needle: bytes, keys: int) -> tuple[float, float, int, list[float]]:
    """Bytes per keystroke in the SWOT capture field, per step change, while idle 3 s; echo latencies."""
    with PtyApp(command, env=env) as app:
        app.wait_for(needle, timeout=120)
        app.read_until_quiet(QUIET, timeout=60)
        per_key = []
        for letter in b"abcdefghijklmnopqrstuvwxyz"[:keys]:
            app.send(bytes([letter]))
            data, _ = app.read_until_quiet(0.25)
            per_key.append(len(data))
        idle = len(app.read_for(3.0))
        latencies = []
        for letter in b"vwxyz" * 2:
            latencies.append(app.echo_latency(bytes([letter])))
            app.read_until_quiet(0.25)
        per_step = []
        for key in (b"\x0e", b"\x02") * 2:  # ctrl+n, ctrl+b
            per_step.append(len(after_key(app, key)))
        app.send(b"\x11")  # ctrl+q
        app.read_until_quiet(0.5)
    return statistics.mean(per_key), statistics.mean(per_step), idle, latencies


def bench_wire(data_dir: Path, keys: int) -> list[Row]:
    env = {"WORKSHOP_DATA_DIR": str(data_dir)}
    demo = workshop_command("demo", "--step", "swot")
    default = wire(demo, env, b"Strengths", keys)
    low = wire(workshop_command("--low-bandwidth", "demo", "--step", "swot"), env, b"Strengths", keys)
    return [
        ("bytes per keystroke (SWOT capture, 80x24)", f"{default[0]:.0f} B", f"{low[0]:.0f} B --low-bandwidth", "aim <= 300"),
        ("bytes per step change (ctrl+n / ctrl+b at SWOT)", f"{default[1]:.0f} B", f"{low[1]:.0f} B --low-bandwidth", ""),
        ("bytes while idle (3 s)", f"{default[2]} B", f"{low[2]} B --low-bandwidth", "aim 0"),
    ]


# --------------------------------------------------------------------------- the big workshop


def big_english_workshop() -> Workshop:
    """The biggest workshop the limits allow for issue #17's probe (2,000 SWOT + 500 partners + 100 goals):
    500 SWOT items (one list's limit), 500 partners, 100 goals with one action plan each."""
    from workshop.core.limits import MAX_LIST_ITEMS
    from workshop.core.model import ActionPlan, Goal

    workshop = big_workshop(MAX_LIST_ITEMS)
    workshop.meta.title = "Big workshop"
    sectors = ("public", "private", "nonprofit", "community", "academic", "media", "donor")
    workshop.partners = [
        Partner(organisation=f"Partner organisation {i}", sector=sectors[i % 7], role="Outreach to families")  # type: ignore[arg-type]
        for i in range(500)
    ]
    workshop.goals = [Goal(text=f"Goal {g}", plans=[ActionPlan(task=f"Task {g}")]) for g in range(100)]
    return workshop


def bench_big(runs: int, data_dir: Path, keys: int) -> list[Row]:
    from workshop.core.service import Workshops

    env = {"WORKSHOP_DATA_DIR": str(data_dir)}
    big_id = Workshops.at(data_dir).add(big_english_workshop()).id
    big = workshop_command("open", big_id, "--step", "swot")
    demo = workshop_command("demo", "--step", "swot")
    big_t, demo_t, ratio = paired(
        runs, lambda: first_paint(big, b"Strengths", env)[0], lambda: first_paint(demo, b"Strengths", env)[0]
    )
    big_wire = wire(big, env, b"Strengths", keys)
    demo_wire = wire(demo, env, b"Strengths", keys)
    big_lat, demo_lat = statistics.median(big_wire[3]) * 1000, statistics.median(demo_wire[3]) * 1000
    return [
        ("big workshop (500 SWOT, 500 partners, 100 goals): first paint", f"{big_t * 1000:.0f} ms", f"{demo_t * 1000:.0f} ms demo", f"{ratio:.2f}x (aim <= 1.5x)"),
        ("big workshop: bytes per keystroke", f"{big_wire[0]:.0f} B", f"{demo_wire[0]:.0f} B demo", f"{big_wire[0] / demo_wire[0]:.2f}x (aim <= 1.2x)"),
        ("keystroke to echo through the pty (median)", f"{big_lat:.0f} ms big", f"{demo_lat:.0f} ms demo", f"{big_lat / demo_lat:.2f}x"),
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


def reference_pdf(folder: Path) -> float:
    """Seconds for a one-page ReportLab PDF in the same font (the machine's speed in this run)."""
    from reportlab.pdfgen.canvas import Canvas

    from workshop.core.export.fonts import register_fonts

    fonts = register_fonts()

    def make() -> None:
        canvas = Canvas(str(folder / "reference.pdf"), invariant=1)
        canvas.setFont(fonts.regular, 10)
        for line in range(60):
            canvas.drawString(50, 800 - 12 * line, f"Line {line}: the quick brown fox jumps over the lazy dog")
        canvas.showPage()
        canvas.save()

    make()
    return statistics.median(timed(make)[0] for _ in range(5))


def bench_exports() -> list[Row]:
    from workshop.core.export import export_workshop

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        demo = workshop_from_dict(demo_document("en"))
        demo_ar = workshop_from_dict(demo_document("ar"))
        json_ref, _ = timed(lambda: json.dumps(workshop_to_dict(demo)))
        one_page = reference_pdf(out)
        cases = (
            ("demo (en)", demo, "participants"),
            ("demo (en), facilitator", demo, "facilitator"),
            ("demo (ar)", demo_ar, "participants"),
            ("demo (ar), facilitator", demo_ar, "facilitator"),
            ("large Arabic", large_arabic(), "participants"),
        )
        for name, workshop, audience in cases:
            def export(workshop: Workshop = workshop, audience: str = audience, name: str = name) -> object:
                return export_workshop(
                    workshop,
                    fmt="pdf",
                    audience=audience,  # type: ignore[arg-type]
                    language=workshop.meta.language,
                    out=out / f"{name}.pdf",
                    force=True,
                )

            export()  # warm: fonts, shaping caches
            walls, cpus = [], []
            for _ in range(3):  # without tracing: it slows Python
                cpu = time.process_time()
                walls.append(timed(export)[0])
                cpus.append(time.process_time() - cpu)
            # CPU time beside the wall time: on a busy shared machine the wall time is mostly waiting.
            seconds, cpu_seconds = statistics.median(walls), statistics.median(cpus)
            tracemalloc.start()
            result = export()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            size = result.path.stat().st_size  # type: ignore[attr-defined]
            budget = "<= 3 s, <= 600 KB" if name.startswith("large") else "<= 0.5 s, <= 150 KB"
            reference = f"{seconds / one_page:.0f}x a 1-page PDF ({one_page * 1000:.0f} ms), +{peak / 2**20:.0f} MiB"
            value = f"{seconds:.2f} s ({cpu_seconds:.2f} CPU), {size / 1024:.0f} KB"
            rows.append((f"PDF export, {name}", value, reference, budget))
        large = large_arabic()
        seconds, text = timed(lambda: json.dumps(workshop_to_dict(large), ensure_ascii=False))
        parse, _ = timed(lambda: workshop_from_dict(json.loads(text)))  # type: ignore[arg-type]
        rows.append(("JSON export, large Arabic", f"{seconds * 1000:.0f} ms", f"{json_ref * 1000:.1f} ms demo", f"{len(text) / 1024:.0f} KB"))
        rows.append(("JSON import (parse + validate), large Arabic", f"{parse * 1000:.0f} ms", "", ""))
    return rows


# --------------------------------------------------------------------------- main


def as_installed() -> None:
    """Run the app as an install does: from compiled bytecode. With PYTHONDONTWRITEBYTECODE set (some
    shells and CI set it) every start would compile the app's ~60 modules again (~140 ms), which no
    installed copy does and the hello-world reference (all of it in site-packages, compiled) never pays."""
    import compileall

    import workshop

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(workshop.__file__).parent), quiet=1)


def main() -> int:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, help="pairs per timed figure (default 7, --quick 3)")
    parser.add_argument("--only", choices=("start", "steps", "wire", "big", "saves", "exports"))
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)  # pairs, run A B A B: ratios hold while a shared machine's speed drifts
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        if args.only in (None, "start"):
            rows += bench_start(runs, data_dir)
        if args.only in (None, "steps"):
            rows += bench_step_changes(data_dir)
        if args.only in (None, "wire"):
            rows += bench_wire(data_dir, 10 if args.quick else 20)
        if args.only in (None, "big"):
            rows += bench_big(runs, data_dir, 10 if args.quick else 20)
    if args.only in (None, "saves"):
        rows += bench_saves(30 if args.quick else 100)
    if args.only in (None, "exports"):
        rows += bench_exports()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{shutil.os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")  # type: ignore[attr-defined]
    widths = [max(len(r[i]) for r in rows + [("figure", "value", "reference", "ratio / aim")]) for i in range(4)]
    header = ("figure", "value", "reference", "ratio / aim")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
