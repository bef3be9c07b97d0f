"""Addresses, join codes, the join address and its QR code (as text rows). Never imports Textual."""

from __future__ import annotations

import ipaddress
import secrets
import socket

#: Port the room listens on unless the facilitator chooses another.
DEFAULT_PORT = 8321


def new_code() -> str:
    """A six-digit join code (easy to type on a phone keypad)."""
    return f"{secrets.randbelow(10**6):06d}"


def local_addresses() -> list[str]:
    """This machine's IPv4 addresses, the likely room network first and loopback last.

    Found without sending anything: the address the system would use to reach a private
    network, plus the addresses of the host name. The facilitator chooses one to bind to.
    """
    found: list[str] = []
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))  # UDP connect sends no packet; it only picks a route
                found.append(sock.getsockname()[0])
        except OSError:
            continue
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    unique: list[str] = []
    for address in found:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if ip.is_loopback or ip.is_unspecified or address in unique:
            continue
        unique.append(address)
    return [*unique, "127.0.0.1"]


def host_part(host: str) -> str:
    """The host as written in a URL or Host header (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def join_url(host: str, port: int, code: str) -> str:
    """The full join address shown beside the QR code."""
    return f"http://{host_part(host)}:{port}/j/{code}"


def code_of(url: str) -> str:
    """The join code inside a join address (see join_url)."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def qr_rows(text: str, border: int = 2) -> list[str]:
    """The QR code of `text` as rows of half blocks: draw them dark on a light background.

    Each row of text carries two rows of modules ("▀" top dark, "▄" bottom dark, "█" both).
    """
    import segno  # only when a room opens: start-up never pays for it

    matrix = [list(row) for row in segno.make(text, error="m", micro=False).matrix]
    size = len(matrix)
    padded = [[0] * (size + 2 * border) for _ in range(border)]
    padded += [[0] * border + row + [0] * border for row in matrix]
    padded += [[0] * (size + 2 * border) for _ in range(border)]
    if len(padded) % 2:
        padded.append([0] * len(padded[0]))
    chars = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return [
        "".join(chars[(top, bottom)] for top, bottom in zip(padded[r], padded[r + 1], strict=True))
        for r in range(0, len(padded), 2)
    ]
