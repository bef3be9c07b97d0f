"""What participants send, as pure edits on a Workshop: submit, accept, edit, merge, reject, vote.

The server and the facilitator's screens call these through `Session.edit`, so everything a
phone changes is saved like any other edit. Never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workshop.core.limits import MAX_LIST_ITEMS
from workshop.core.model import InboxEntry, RoomDevice, Workshop
from workshop.core.room.targets import group_items, target, vote_list_of

#: Longest item text a phone may send (characters).
MAX_ITEM_TEXT = 2000
#: Longest name a participant may give (characters).
MAX_NAME = 60
#: Vote and answer submission ids remembered per device (a retried one counts once).
SEEN_VOTES = 200
#: Entries the inbox keeps: past it the oldest decided ones go (a retry comes within seconds,
#: not hundreds of entries later); when all are waiting, phones are asked to wait for the review.
MAX_INBOX = MAX_LIST_ITEMS


class RoomRefused(ValueError):
    """A participant's request that cannot be done, with a catalogue key for the sentence."""

    def __init__(self, key: str, status: int = 400) -> None:
        super().__init__(key)
        self.key = key
        self.status = status


@dataclass(frozen=True)
class Submitted:
    """The result of a submit: the entry, and whether it was new (False: a retry, stored before)."""

    entry: InboxEntry
    new: bool


def device_by_id(workshop: Workshop, device_id: str) -> RoomDevice | None:
    return next((d for d in workshop.room.devices if d.id == device_id), None)


def entry_by_id(workshop: Workshop, entry_id: str) -> InboxEntry | None:
    return next((e for e in workshop.room.inbox if e.id == entry_id), None)


def author_of(device: RoomDevice, anonymous: str) -> str:
    """The author an accepted item gets: the name given, else the word for anonymous."""
    return device.name.strip() or anonymous


def check_text(text: str, limit: int = MAX_ITEM_TEXT) -> str:
    """The text as sent (byte-exact), or RoomRefused when it is empty or too long."""
    if not text.strip():
        raise RoomRefused("room.errors.empty")
    if len(text) > limit:
        raise RoomRefused("room.errors.too_long", status=413)
    return text


def submit(
    workshop: Workshop, device: RoomDevice, client_id: str, target_key: str, text: str, *, anonymous: str
) -> Submitted:
    """Put a participant's item in the inbox (or straight into the list when auto-accept is on).

    A second submit with the same client id from the same device returns the first entry.
    """
    for entry in workshop.room.inbox:
        if entry.device_id == device.id and entry.client_id == client_id:
            return Submitted(entry, False)
    found = target(target_key)
    if found is None or found.step != workshop.last_step:
        raise RoomRefused("room.errors.not_here", status=409)
    check_text(text)
    if not client_id or len(client_id) > 64:
        raise RoomRefused("room.errors.bad_request")
    entry = InboxEntry(
        device_id=device.id,
        client_id=client_id,
        target=target_key,
        text=text,
        author=device.name.strip(),
    )
    _make_room(workshop)
    workshop.room.inbox.append(entry)
    if workshop.room.auto_accept:
        accept(workshop, entry, anonymous=anonymous)
    return Submitted(entry, True)


def _make_room(workshop: Workshop) -> None:
    entries = workshop.room.inbox
    if len(entries) < MAX_INBOX:
        return
    decided = [e for e in entries if e.status != "pending"]
    drop = {id(e) for e in decided[: len(entries) - MAX_INBOX + 1]}
    if len(entries) - len(drop) >= MAX_INBOX:
        raise RoomRefused("room.errors.inbox_full", status=503)
    entries[:] = [e for e in entries if id(e) not in drop]


def pending(workshop: Workshop, step: str | None = None) -> list[InboxEntry]:
    """Entries waiting for the facilitator (on one step, or all), oldest first."""
    entries = [e for e in workshop.room.inbox if e.status == "pending"]
    if step is None:
        return entries
    return [e for e in entries if (t := target(e.target)) is not None and t.step == step]


def accept(workshop: Workshop, entry: InboxEntry, *, anonymous: str, text: str | None = None) -> Any:
    """Make the entry an ordinary item of its list (with the text as edited, if given)."""
    if entry.status != "pending":
        raise RoomRefused("room.errors.decided")
    found = target(entry.target)
    if found is None:
        raise RoomRefused("room.errors.not_here")
    final = check_text(entry.text if text is None else text, limit=200_000)
    item = found.add(workshop, final, entry.author or anonymous)
    entry.status = "accepted"
    entry.item_id = item.id
    return item


def merge(workshop: Workshop, entry: InboxEntry, item_id: str) -> Any:
    """Fold the entry into an existing item of the same list: its text is added unless already there."""
    if entry.status != "pending":
        raise RoomRefused("room.errors.decided")
    found = target(entry.target)
    if found is None:
        raise RoomRefused("room.errors.not_here")
    item = next((i for i in found.items(workshop) if i.id == item_id), None)
    if item is None:
        raise RoomRefused("room.errors.no_item")
    if entry.text.strip().casefold() not in item.text.casefold():
        item.text = f"{item.text}; {entry.text}" if item.text.strip() else entry.text
    entry.status = "merged"
    entry.item_id = item.id
    return item


def reject(workshop: Workshop, entry: InboxEntry) -> None:
    """Keep the entry out of the workshop (it stays in the inbox's history as rejected)."""
    if entry.status != "pending":
        raise RoomRefused("room.errors.decided")
    entry.status = "rejected"


def dots_left(workshop: Workshop, device: RoomDevice, group: str) -> int:
    """Dots this device can still spend on one list."""
    ids = {item.id for item in group_items(workshop, group)}
    used = sum(n for item_id, n in device.votes.items() if item_id in ids)
    return max(0, workshop.timing.dots_per_participant - used)


def vote(workshop: Workshop, device: RoomDevice, client_id: str, item_id: str, delta: int) -> bool:
    """Add (+1) or take back (-1) one of this device's dots; False when it was a retry.

    Refused beyond the per-person budget, beyond the per-item maximum, or below zero.
    """
    if delta not in (1, -1):
        raise RoomRefused("room.errors.bad_request")
    if seen(device, client_id):
        return False
    found = vote_list_of(workshop, item_id)
    if found is None:
        raise RoomRefused("room.errors.no_item", status=404)
    list_target, item = found
    if list_target.step != workshop.last_step:
        raise RoomRefused("room.errors.not_here", status=409)
    mine = device.votes.get(item_id, 0)
    if delta > 0:
        if mine >= workshop.room.max_per_item:
            raise RoomRefused("room.errors.item_max", status=409)
        if dots_left(workshop, device, list_target.vote_group) <= 0:
            raise RoomRefused("room.errors.no_dots", status=409)
    elif mine <= 0 or item.votes <= 0:
        raise RoomRefused("room.errors.no_dot_here", status=409)
    item.votes += delta
    votes = dict(device.votes)
    if mine + delta:
        votes[item_id] = mine + delta
    else:
        votes.pop(item_id, None)
    device.votes = votes
    remember(device, client_id)
    return True


def seen(device: RoomDevice, client_id: str) -> bool:
    """Whether this vote or answer submission was counted before (a retry); RoomRefused for a bad id."""
    if not client_id or len(client_id) > 64:
        raise RoomRefused("room.errors.bad_request")
    return client_id in device.seen_votes


def remember(device: RoomDevice, client_id: str) -> None:
    """Count this submission id as done (the last SEEN_VOTES are kept)."""
    device.seen_votes = [*device.seen_votes[-(SEEN_VOTES - 1):], client_id]
