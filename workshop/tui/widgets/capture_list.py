"""A list the room fills quickly: type, Enter, next item; edit, delete, reorder, vote by key.

The widget holds no workshop state: the screen gives it `Entry` rows and reacts to the
small messages it posts (Added, Edited, Deleted, Moved, Voted, Transferred).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, ListItem, ListView
from workshop.tui.widgets.plain import Static

from workshop.core.attribution import for_editing, with_author
from workshop.core.i18n import Ui
from workshop.core.session import Session
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_row import RtlRow


@dataclass(frozen=True)
class Entry:
    """One row as shown: the item's id, its text, votes (None: not votable), a muted suffix and who said it."""

    id: str
    text: str
    votes: int | None = None
    suffix: str = ""
    author: str = ""


def entry_line(entry: Entry) -> str:
    """The logical text of a row: dots, "text — Name", suffix."""
    dots = f"({entry.votes}) " if entry.votes else ""
    joiner = " · " if entry.author.strip() else " — "
    suffix = f"{joiner}{entry.suffix}" if entry.suffix else ""
    return f"{dots}{with_author(entry.text, entry.author)}{suffix}"


class CaptureInput(RtlInput):
    """The quick-capture field: a pasted list (one idea per line) becomes one item per line."""

    @dataclass
    class PastedLines(Message):
        capture_input: CaptureInput
        lines: list[str]

    async def _on_key(self, event: events.Key) -> None:
        # Enter is handled here, in key order. Left to the binding it would run only after the key
        # bubbled up to the app, and the keys of a burst queued behind it (a slow SSH link, a busy app,
        # a resize) would already be in the field: `a\rb\rc\r` must be three items, not "abc".
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """Post the line and empty the field at once, so the next key starts a fresh line."""
        value = self.value
        self.post_message(self.Submitted(self, value, None))
        self.value = ""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual runs this handler and then Input's own (one text); a list stops that.
        # splitlines: terminals (tmux paste-buffer, many SSH clients) send line ends as "\r".
        lines = [line for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.PastedLines(self, lines))


class ItemList(ListView):
    """The rows; keys act on the highlighted row."""

    BINDINGS = [
        Binding("enter,e", "edit", "Edit", id="item-edit"),
        Binding("delete,d", "delete", "Delete", id="item-delete"),
        Binding("plus,equals_sign", "vote(1)", "+dot", id="item-vote-up"),
        Binding("minus", "vote(-1)", "-dot", id="item-vote-down"),
        Binding("ctrl+up,left_square_bracket", "move(-1)", "Up", id="item-move-up", show=False),
        Binding("ctrl+down,right_square_bracket", "move(1)", "Down", id="item-move-down", show=False),
        Binding("m", "transfer", "Move to", id="item-transfer"),
        Binding("i", "capture", "New item", id="item-new", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide voting and moving (footer, palette) on lists that have neither."""
        owner = self._owner()
        if action == "vote" and not owner.votable:
            return False
        if action == "transfer" and not owner.transferable:
            return False
        return True

    def action_edit(self) -> None:
        self._owner().begin_edit()

    def action_delete(self) -> None:
        self._owner().post_for_highlighted("delete")

    def action_vote(self, delta: int) -> None:
        self._owner().post_for_highlighted("vote", delta)

    def action_move(self, offset: int) -> None:
        self._owner().post_for_highlighted("move", offset)

    def action_transfer(self) -> None:
        self._owner().post_for_highlighted("transfer")

    def action_capture(self) -> None:
        self._owner().focus_capture()

    def _owner(self) -> CaptureList:
        return self.query_ancestor(CaptureList)


def offer_drafts(root: Widget, session: Session, step: str) -> None:
    """Keep what is typed but not entered in every capture list under `root` as a draft in the workshop.

    Each list gets its draft key ("<step>.<list id>" unless set) and its kept draft back in the field.
    """
    for capture in root.query(CaptureList):
        key = capture.draft_key or f"{step}.{capture.id}"
        capture.keep_drafts = session.set_draft
        capture.show_draft(key, session.draft(key))


class CaptureList(Vertical):
    """A titled quick-capture field above the list of what the room said."""

    DEFAULT_CSS = """
    CaptureList { height: 1fr; min-height: 5; }
    CaptureList > .title { text-style: bold; height: 1; }
    CaptureList > ItemList { height: 1fr; background: $surface; }
    CaptureList > ItemList > ListItem { padding: 0 1; }
    CaptureList > ItemList > ListItem.-highlight { background: $primary 30%; }
    CaptureList .empty { color: $text-muted; }
    """

    editing: reactive[str | None] = reactive(None)
    """The id of the row whose text is in the capture field, or None when adding."""

    @dataclass
    class Added(Message):
        capture_list: CaptureList
        text: str

        @property
        def control(self) -> CaptureList:
            return self.capture_list

    @dataclass
    class Edited(Message):
        capture_list: CaptureList
        item_id: str
        text: str

        @property
        def control(self) -> CaptureList:
            return self.capture_list

    @dataclass
    class Acted(Message):
        """delete / vote / move / transfer on one row (value: vote delta or move offset)."""

        capture_list: CaptureList
        action: str
        item_id: str
        value: int = 0

        @property
        def control(self) -> CaptureList:
            return self.capture_list

    def __init__(
        self,
        ui: Ui,
        title: str,
        *,
        placeholder: str = "",
        votable: bool = False,
        transferable: bool = False,
        draft_key: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.ui = ui
        self.title = title
        self.placeholder = placeholder
        self.votable = votable
        self.transferable = transferable
        self._entries: list[Entry] | None = None
        self._pending_index: int | None = None
        #: Where what is typed but not entered is kept (the screen's step and this list's id unless given).
        self.draft_key = draft_key
        #: What was typed to add an item and not entered yet (kept while an existing item is edited).
        self.draft = ""
        #: Called with (draft key, text) as the text is typed: at once, so a hang-up a moment later keeps it.
        self.keep_drafts: Callable[[str, str], None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.ui.show(self.title), classes="title")
        yield CaptureInput(placeholder=self.placeholder, mode=self.ui.mode, classes="capture", select_on_focus=False)
        item_list = ItemList()
        localise_bindings(item_list, self.ui)
        yield item_list

    @property
    def input(self) -> Input:
        return self.query_one(".capture", Input)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    # ------------------------------------------------------------------ rows

    def set_entries(self, entries: list[Entry], *, highlight: str | None = None) -> None:
        """Show these rows, keeping the highlighted row (or its place) when it is still there.

        When the rows are the same items in the same order (an edit, a vote), their text is
        updated in place; otherwise the rows are rebuilt and the highlight is restored once
        the new rows are mounted.
        """
        item_list = self.item_list
        current = highlight or self.highlighted_id()
        previous_index = item_list.index
        if entries == self._entries and highlight is None:
            return
        old_ids = [e.id for e in self._entries or []]
        ids = [e.id for e in entries]
        self._entries = list(entries)
        texts = list(item_list.query(RtlRow))
        if ids and ids == old_ids and len(texts) == len(ids):
            for text, entry in zip(texts, entries):
                text.text = entry_line(entry)
            if highlight in ids:
                item_list.index = ids.index(highlight)
            return
        if current in ids:
            target: int | None = ids.index(current)
        elif previous_index is not None and ids:
            target = min(previous_index, len(ids) - 1)
        else:
            target = None
        if not self._patch_rows(item_list, entries):
            item_list.clear()
            rows: list[ListItem] = [RtlRow(entry_line(e), mode=self.ui.mode, name=e.id) for e in entries]
            if not rows:
                rows = [ListItem(Static(self.ui.label("capture.empty"), classes="empty"), disabled=True)]
            item_list.extend(rows)
        self._pending_index = target
        self.call_after_refresh(self._restore_index)

    def _patch_rows(self, item_list: ItemList, entries: list[Entry]) -> bool:
        """Bring the item rows on show to `entries` by removing, adding and moving only the rows that
        changed: Enter in a list of 500 mounts one row instead of 500 (#17). False (rebuild) when the
        list shows no item row now or will show none."""
        rows = {row.name: row for row in item_list.children if isinstance(row, RtlRow)}
        if not rows or not entries or len(rows) != len(item_list.children):
            return False
        wanted = {e.id for e in entries}
        for item_id, row in rows.items():
            if item_id not in wanted:
                row.remove()
        kept = [item_id for item_id in rows if item_id in wanted]  # in their order on show
        in_order = kept == [e.id for e in entries if e.id in rows]
        previous: RtlRow | None = None
        for entry in entries:
            row = rows.get(entry.id)
            if row is None:
                row = RtlRow(entry_line(entry), mode=self.ui.mode, name=entry.id)
                if previous is None:
                    item_list.mount(row, before=0)
                else:
                    item_list.mount(row, after=previous)
            else:
                row.text = entry_line(entry)
                if not in_order:
                    if previous is None:
                        item_list.move_child(row, before=0)
                    else:
                        item_list.move_child(row, after=previous)
            previous = row
        return True

    def _restore_index(self) -> None:
        target, self._pending_index = self._pending_index, None
        item_list = self.item_list
        if target is not None and target < len(item_list.children):
            item_list.index = target
            # Rows added, removed or moved: the row at the index may be another one than before.
            for place, child in enumerate(item_list.children):
                if isinstance(child, ListItem):
                    child.highlighted = place == target

    def highlighted_id(self) -> str | None:
        item = self.item_list.highlighted_child
        return item.name if item is not None else None

    def post_for_highlighted(self, action: str, value: int = 0) -> None:
        item_id = self.highlighted_id()
        if item_id is None:
            return
        if action == "vote" and not self.votable:
            return
        if action == "transfer" and not self.transferable:
            return
        self.post_message(self.Acted(self, action, item_id, value))

    def focus_list(self) -> None:
        """Move to the rows, on the first one when none is highlighted yet."""
        item_list = self.item_list
        item_list.focus()
        if item_list.index is None and self._entries:
            item_list.index = 0

    def focus_capture(self) -> None:
        self.editing = None
        self.input.focus()

    def begin_edit(self) -> None:
        item_id = self.highlighted_id()
        entry = next((e for e in self._entries or [] if e.id == item_id), None)
        if entry is None:
            return
        self.editing = entry.id
        typed = for_editing(entry.text, entry.author)
        self.input.value = typed
        self.input.focus()
        self.input.cursor_position = len(typed)

    # ------------------------------------------------------------------ capture field

    def on_mount(self) -> None:
        # synchronous: the draft is told under the key it was typed for, even when the next key changes it
        self.watch(self.input, "value", self._typed, init=False)

    def _typed(self, value: str) -> None:
        if self.editing is not None or self.draft_key is None:
            return
        self.draft = value
        if self.keep_drafts is not None:
            self.keep_drafts(self.draft_key, value)

    def show_draft(self, key: str, text: str) -> None:
        """Keep drafts under `key` from now on, and offer `text` (the draft kept for it) in the field."""
        self.draft_key = key
        self.draft = text
        if self.editing is None:
            self.input.value = text
            self.input.cursor_position = len(text)

    @on(CaptureInput.PastedLines)
    def _pasted_lines(self, event: CaptureInput.PastedLines) -> None:
        event.stop()
        if self.editing is not None:  # editing one item: keep it one item
            self.input.insert_text_at_cursor(" ".join(line.strip() for line in event.lines))
            return
        for line in event.lines:
            self.post_message(self.Added(self, line))

    @on(Input.Submitted, ".capture")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value  # the field emptied itself at Enter: keys typed since are the next line
        if self.editing is not None:
            self.post_message(self.Edited(self, self.editing, text))
            self.editing = None
            if not self.input.value:  # nothing typed since Enter: the sentence typed before the edit comes back
                self.input.value = self.draft
            self.focus_list()
            return
        if not text.strip():
            return
        self.post_message(self.Added(self, text))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key == "down" and self.input.has_focus:
            event.stop()
            self.focus_list()
        elif event.key == "escape" and self.editing is not None:
            event.stop()
            self.editing = None
            self.input.value = self.draft
