"""The participants' pages, rendered from `participant_view` only; every text is escaped.

Plain HTML forms that post without JavaScript; `room.js` (same origin, no inline script, so
`Content-Security-Policy: default-src 'self'` holds) adds live updates and a retry queue.
"""

from __future__ import annotations

import re
import secrets
from html import escape
from importlib import resources
from typing import Any

from workshop.core.content import Catalogue


def _visible_control(char: str) -> str:
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


#: C0 controls but tab and newlines, DEL and C1: shown as symbols, never sent raw (display only).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def esc(text: object) -> str:
    """HTML-escaped text (quotes too: safe in attributes); control characters made visible."""
    return escape(_CONTROLS.sub(lambda m: _visible_control(m.group()), str(text)), quote=True)


STATUS_KEYS = {
    "pending": "room.page.status.pending",
    "rejected": "room.page.status.rejected",
    "accepted": "room.page.status.accepted",
    "merged": "room.page.status.merged",
}


def client_id() -> str:
    """A fresh id for one form: the same form posted twice is stored once."""
    return secrets.token_urlsafe(12)


def static_file(name: str) -> bytes:
    """room.css / room.js, shipped beside this module."""
    return resources.files("workshop.core.room").joinpath("static", name).read_bytes()


def _page(view: dict[str, Any], t: Catalogue, body: str) -> str:
    lang = esc(view.get("lang", t.language))
    direction = esc(view.get("dir", "rtl" if t.rtl else "ltr"))
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{esc(t.t('room.page.title'))}</title>\n"
        '<link rel="stylesheet" href="/static/room.css">\n'
        '<script src="/static/room.js" defer></script>\n'
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _header(view: dict[str, Any], t: Catalogue) -> str:
    return (
        "<header>"
        f'<p class="workshop" dir="auto">{esc(view.get("title", ""))}</p>'
        f'<h1 id="step" data-step="{esc(view.get("step", ""))}">{esc(view.get("step_title", ""))}</h1>'
        "</header>"
    )


def join_page(view: dict[str, Any], t: Catalogue, *, code: str = "", message: str = "") -> str:
    """The form a participant fills once: the join code, a name if they wish."""
    notice = f'<p class="notice" role="alert">{esc(message)}</p>' if message else ""
    body = (
        f"{_header(view, t)}<main>{notice}"
        f'<form method="post" action="/join" class="join">'
        f'<label for="code">{esc(t.t("room.page.code"))}</label>'
        f'<input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="12" required value="{esc(code)}">'
        f'<label for="name">{esc(t.t("room.page.name"))}</label>'
        f'<input id="name" name="name" dir="auto" maxlength="60" autocomplete="nickname">'
        f'<label class="check"><input type="checkbox" name="show_name" value="1"> {esc(t.t("room.page.show_name"))}</label>'
        f'<p class="hint">{esc(t.t("room.page.anonymous_hint"))}</p>'
        f'<button type="submit">{esc(t.t("room.page.join"))}</button>'
        "</form></main>"
    )
    return _page(view, t, body)


def message_page(view: dict[str, Any], t: Catalogue, message: str, back: str = "/") -> str:
    """One sentence and a way back (refusals when JavaScript is off)."""
    body = (
        f'{_header(view, t)}<main><p class="notice" role="alert">{esc(message)}</p>'
        f'<p><a href="{esc(back)}">{esc(t.t("room.page.back"))}</a></p></main>'
    )
    return _page(view, t, body)


def _item(row: dict[str, Any], votable: bool, t: Catalogue) -> str:
    author = f' <span class="author" dir="auto">— {esc(row["author"])}</span>' if "author" in row else ""
    parts = [f'<li data-id="{esc(row["id"])}"><span class="text" dir="auto">{esc(row["text"])}</span>{author}']
    if votable:
        mine = int(row.get("mine", 0))
        total = f' <span class="total">{esc(t.t("room.page.total", count=row["votes"]))}</span>' if "votes" in row else ""
        parts.append(
            '<span class="vote">'
            f'<form method="post" action="/vote"><input type="hidden" name="item" value="{esc(row["id"])}">'
            f'<input type="hidden" name="delta" value="-1"><input type="hidden" name="client_id" value="{client_id()}">'
            f'<button type="submit" aria-label="{esc(t.t("room.page.vote_down"))}">−</button></form>'
            f'<span class="mine" aria-label="{esc(t.t("room.page.my_dots"))}">{"●" * mine or "○"}</span>'
            f'<form method="post" action="/vote"><input type="hidden" name="item" value="{esc(row["id"])}">'
            f'<input type="hidden" name="delta" value="1"><input type="hidden" name="client_id" value="{client_id()}">'
            f'<button type="submit" aria-label="{esc(t.t("room.page.vote_up"))}">+</button></form>'
            f"{total}</span>"
        )
    parts.append("</li>")
    return "".join(parts)


def _choice_label(kind: str, choice: str, t: Catalogue) -> str:
    return t.t(f"readiness.answers.{choice}") if kind == "readiness" else choice


def _asks(asks: list[dict[str, Any]], t: Catalogue) -> str:
    """The checklist or the poll: one small form per question, one button per answer.

    Without JavaScript the pressed button posts its value; the page comes back with it marked.
    """
    if not asks:
        return ""
    kind = asks[0]["kind"]
    if kind == "readiness":
        heading, hint = t.t("room.page.readiness"), t.t("room.page.readiness_hint")
    else:
        heading = t.t("room.page.poll")
        hint = f'{t.t("poll.scale_low")} · {t.t("poll.scale_high")}. {t.t("room.page.poll_hint")}'
    rows = []
    for number, ask in enumerate(asks, 1):
        buttons = "".join(
            f'<button type="submit" name="value" value="{esc(choice)}" aria-pressed="{"true" if ask["mine"] == choice else "false"}"'
            + ("" if kind == "readiness" else f' aria-label="{esc(t.t("room.page.score", score=choice))}"')
            + f">{esc(_choice_label(kind, choice, t))}</button>"
            for choice in ask["choices"]
        )
        rows.append(
            f'<li data-ask="{esc(ask["key"])}"><p class="question" id="q-{esc(ask["key"])}">{number}. {esc(ask["text"])}</p>'
            f'<form method="post" action="/answer" class="answer" role="group" aria-labelledby="q-{esc(ask["key"])}">'
            f'<input type="hidden" name="ask" value="{esc(ask["key"])}">'
            f'<input type="hidden" name="client_id" value="{client_id()}">{buttons}</form></li>'
        )
    return (
        f'<section class="asks" data-kind="{esc(kind)}"><h2>{esc(heading)}</h2>'
        f'<p class="hint">{esc(hint)}</p><ol class="asks">{"".join(rows)}</ol></section>'
    )


def step_main(view: dict[str, Any], t: Catalogue) -> str:
    """The live part of the step page (replaced in place by room.js when the step changes)."""
    out: list[str] = []
    lists = view.get("lists", [])
    asks = view.get("asks", [])
    if not lists and not asks:
        out.append(f'<p class="quiet">{esc(t.t("room.page.nothing_here"))}</p>')
    out.append(_asks(asks, t))
    dots = view.get("dots_left", {})
    if dots:
        left = min(dots.values())
        out.append(
            f'<p class="dots">{esc(t.t("room.page.dots", left=left, budget=view.get("budget", 0), max=view.get("max_per_item", 1)))}</p>'
        )
    for block in lists:
        key = esc(block["key"])
        rows = "".join(_item(row, block["votable"], t) for row in block["items"])
        empty = f'<li class="quiet">{esc(t.t("room.page.empty"))}</li>' if not block["items"] else ""
        out.append(
            f'<section data-target="{key}"><h2 dir="auto">{esc(block["label"])}</h2>'
            f'<ul class="items">{rows}{empty}</ul>'
            f'<form method="post" action="/item" class="add">'
            f'<input type="hidden" name="target" value="{key}">'
            f'<input type="hidden" name="client_id" value="{client_id()}">'
            f'<textarea name="text" dir="auto" rows="2" maxlength="2000" required '
            f'aria-label="{esc(t.t("room.page.add_label", list=block["label"]))}" '
            f'placeholder="{esc(t.t("room.page.add_placeholder"))}"></textarea>'
            f'<button type="submit">{esc(t.t("room.page.send"))}</button></form></section>'
        )
    sent = view.get("sent", [])
    if sent:
        rows = "".join(
            f'<li><span class="text" dir="auto">{esc(s["text"])}</span> '
            f'<span class="status">{esc(t.t(STATUS_KEYS[s["status"]]))}</span></li>'
            for s in sent
        )
        out.append(f'<section class="sent"><h2>{esc(t.t("room.page.sent"))}</h2><ul>{rows}</ul></section>')
    return "".join(out)


def step_page(view: dict[str, Any], t: Catalogue, *, message: str = "") -> str:
    """The page a joined participant sees: the facilitator's step, its lists, add and vote."""
    me = view.get("me") or {}
    who = esc(me.get("name") or t.t("room.page.anonymous_you"))
    notice = f'<p class="notice" role="alert">{esc(message)}</p>' if message else ""
    body = (
        f"{_header(view, t)}"
        f'<p class="me">{esc(t.t("room.page.you_are"))} <bdi dir="auto">{who}</bdi></p>'
        f'<p id="net" class="net" aria-live="polite" data-saved="{esc(t.t("room.page.saved"))}" '
        f'data-waiting="{esc(t.t("room.page.waiting"))}" data-offline="{esc(t.t("room.page.offline"))}"></p>'
        f"{notice}"
        f'<main id="live">{step_main(view, t)}</main>'
        f'<noscript><p><a href="/">{esc(t.t("room.page.refresh"))}</a></p></noscript>'
    )
    return _page(view, t, body)
