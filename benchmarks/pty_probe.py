"""Run a terminal program in a pseudo-terminal of a fixed size and count what it writes.

Used by the benchmarks (bytes per keystroke, cold start) and by the idle-bytes test.
Linux only (pty, /proc).
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


def _take_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty, as under sshd.

    Closing the master then hangs up the session (SIGHUP), like a dropped SSH link.
    """
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@dataclass
class PtyApp:
    """A program running in a pty of `cols` x `rows`."""

    command: Sequence[str]
    cols: int = 80
    rows: int = 24
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    master: int = -1
    started: float = 0.0
    received: bytearray = field(default_factory=bytearray)

    def start(self) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(self.cols), "LINES": str(self.rows), **self.env}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(self.command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            preexec_fn=_take_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    def read_for(self, seconds: float) -> bytes:
        """Everything written during the next `seconds`."""
        end = time.perf_counter() + seconds
        chunks = bytearray()
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                break
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks += data
        self.received += chunks
        return bytes(chunks)

    def read_until_quiet(self, quiet: float = 0.25, timeout: float = 10.0) -> tuple[bytes, float]:
        """Read until nothing arrives for `quiet` seconds; returns the bytes and when the last one came."""
        end = time.perf_counter() + timeout
        chunks = bytearray()
        last = time.perf_counter()
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                break
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks += data
            last = time.perf_counter()
        self.received += chunks
        return bytes(chunks), last

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> float:
        """Seconds from start until `needle` has appeared in the output."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if needle in self.received:
                return time.perf_counter() - self.started
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.received += os.read(self.master, 65536)
                except OSError:
                    break
        raise TimeoutError(f"{needle!r} not seen within {timeout} s")

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """The exit code once the program ends (reading its output meanwhile), None if it keeps running."""
        assert self.process is not None
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read_for(0.05)
            code = self.process.poll()
            if code is not None:
                return code
        return None

    def resize(self, cols: int, rows: int) -> None:
        """Change the pty's size (the kernel sends SIGWINCH to the program)."""
        self.cols, self.rows = cols, rows
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def echo_latency(self, key: bytes, timeout: float = 10.0) -> float:
        """Write `key`; seconds until it appears in what the program writes back."""
        start = time.perf_counter()
        os.write(self.master, key)
        seen = bytearray()
        end = start + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], 0.01)
            if ready:
                data = os.read(self.master, 65536)
                self.received += data
                seen += data
                if key in seen:
                    return time.perf_counter() - start
        raise TimeoutError(f"{key!r} not echoed within {timeout} s")

    def cpu_seconds(self) -> float:
        """CPU time the program has used so far (user + system, clock-tick resolution): a busy
        machine stretches wall time far more than it stretches this."""
        assert self.process is not None
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_kib(self) -> int:
        """Peak resident memory of the program (VmHWM), in KiB."""
        assert self.process is not None
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def __enter__(self) -> PtyApp:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
