"""Who said it: "text @Name" in any capture field keeps Name as the item's `author`.

One parser and one way of showing it, used by every capture list (needs, SWOT, trends,
problems, opportunities, ground rules, next steps), the screens, the PDF, the Markdown
and the projector. This module never imports Textual.
"""

from __future__ import annotations

from typing import Protocol

from workshop.core.model import MAX_SHORT

#: What separates the text from the name when an item is shown ("Turf wars — Lena").
SHOWN_SEPARATOR = " — "
#: What starts the name in a capture field ("Turf wars @Lena").
MARK = "@"


class Attributed(Protocol):
    text: str
    author: str


def split_author(text: str) -> tuple[str, str]:
    """ "text @Name" → ("text", "Name"); text without a trailing " @Name" → (text, "").

    The name is everything after the last " @" (so "@Fatima Hassan" is one name), on one line,
    at most MAX_SHORT characters. An "@" inside a word (an e-mail address) is not a name, and
    a line that is only "@Name" stays text (there is nothing to attribute).
    """
    head, sep, tail = text.rpartition(" " + MARK)
    name = tail.strip()
    if not sep or not head.strip() or not name or "\n" in tail or len(name) > MAX_SHORT:
        return text, ""
    return head.rstrip(), name


def with_author(text: str, author: str) -> str:
    """The item as shown on screen and in every export: "text — Name" ("text" without a name)."""
    name = author.strip()
    return f"{text}{SHOWN_SEPARATOR}{name}" if name else text


def for_editing(text: str, author: str) -> str:
    """The item as put back in a capture field to edit it: "text @Name", so the name can be changed or removed."""
    name = author.strip()
    return f"{text} {MARK}{name}" if name else text


def set_from_typed(item: Attributed, typed: str) -> None:
    """Apply an edited capture line to an item: its text, and its author (removed when no "@Name" is left)."""
    text, author = split_author(typed)
    item.text = text
    item.author = author
