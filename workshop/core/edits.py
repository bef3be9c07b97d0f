"""Edits shared by several steps: ordering items, dots and votes, the "@Name" author, cycling options.

Edits that belong to one step live with it (`workshop/core/steps/<step>.py`); screens call them
through `Session.edit`. This module never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from workshop.core.model import (
    Workshop,
)


def reorder(collection: list[Any], item: object, offset: int, same: Callable[[Any], bool] = lambda _: True) -> None:
    """Move `item` up (-1) or down (+1) among the items of `collection` that satisfy `same`."""
    peers = [i for i, other in enumerate(collection) if same(other)]
    here = collection.index(item)
    position = peers.index(here)
    target = position + offset
    if not 0 <= target < len(peers):
        return
    there = peers[target]
    collection[here], collection[there] = collection[there], collection[here]


def dots_total(workshop: Workshop) -> int:
    """Dots the room can spend on one list: participants × dots each (at least one voter)."""
    return max(1, len(workshop.participants)) * workshop.timing.dots_per_participant


def dots_used(items: list) -> int:  # type: ignore[type-arg]
    """Dots already spent on a list of votable items (the facilitator's and the phones')."""
    return sum(item.votes for item in items)


def phone_dots(workshop: Workshop, items: list) -> int:  # type: ignore[type-arg]
    """Dots participants' phones put on these items: each phone spends its own budget, not the room's."""
    ids = {item.id for item in items}
    return sum(n for device in workshop.room.devices for item_id, n in device.votes.items() if item_id in ids)


def room_dots_left(workshop: Workshop, items: list) -> int:  # type: ignore[type-arg]
    """Dots the facilitator can still put on a list for the room (phones' dots not counted)."""
    return dots_total(workshop) - (dots_used(items) - phone_dots(workshop, items))


def vote(workshop: Workshop, items: list, item: object, delta: int) -> bool:  # type: ignore[type-arg]
    """Add or take back one dot; False when no dot is left or the item has none of the facilitator's.

    Phones' dots are theirs: the facilitator neither spends the room's budget on them nor takes them back.
    """
    current = item.votes  # type: ignore[attr-defined]
    if delta > 0 and room_dots_left(workshop, items) <= 0:
        return False
    if current - phone_dots(workshop, [item]) + delta < 0:
        return False
    item.votes = current + delta  # type: ignore[attr-defined]
    return True


def by_votes(items: list) -> list:  # type: ignore[type-arg]
    """Items sorted by votes, most first; ties keep their order."""
    return sorted(items, key=lambda item: -item.votes)


T = TypeVar("T")


def cycle(options: Sequence[T], current: T | None, offset: int = 1) -> T:
    """The option `offset` places after `current` (the first one when current is not an option)."""
    if not options:
        raise ValueError("no options to cycle through")
    if current is None or current not in options:
        return options[0] if offset >= 0 else options[-1]
    return options[(list(options).index(current) + offset) % len(options)]
