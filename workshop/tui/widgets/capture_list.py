"""A list the room fills quickly: type, Enter, next item. Typing always types.

The capture field takes everything typed; a printable key pressed while the list has focus
goes into the field too (with the letter), so a sentence typed at the wrong moment is never
read as commands. Item commands use keys a typist does not produce by accident, each with an
id and a description (footer, F1 help, palette):

    ctrl+e edit (explicit: "Editing: …" above the field; Enter saves, Escape leaves it unchanged)
    Delete delete · ctrl+↑/ctrl+↓ (or shift+↑/↓) reorder · F11/F12 dot votes · ctrl+→ move to the next list

They act on the highlighted row of the focused list only; with no visible highlight they do
nothing. ↑ on the first row (and Enter on a row) goes back to the capture field.

The widget holds no workshop state: the screen gives it `Entry` rows and reacts to the
small messages it posts (Added, Edited, Acted). Screens with their own item commands (adopt,
drop, link…) ask `target_id()` for the row they may act on.
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
from textual.widgets import Input

from workshop.core.attribution import for_editing, with_author
from workshop.core.i18n import Ui
from workshop.core.session import Session
from workshop.core.rtl import fit
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.row_view import RowView
from workshop.tui.widgets.rtl_text import RtlText


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


def typed_character(event: events.Key) -> str | None:
    """The character a key types (letters, digits, punctuation, space), or None for a command key."""
    character = event.character
    if not event.is_printable or not character or len(character) != 1 or not character.isprintable():
        return None
    return character


class ItemList(RowView):
    """The rows (one widget painting the rows on screen, #17); the item keys act on the highlighted
    row, printable keys go to the capture field."""

    BINDINGS = [
        Binding("ctrl+e", "edit", "Edit", id="item-edit"),
        Binding("delete,ctrl+d", "delete", "Delete", id="item-delete", key_display="Del"),
        Binding("f11", "vote(1)", "+dot", id="item-vote-up"),
        Binding("f12", "vote(-1)", "-dot", id="item-vote-down"),
        Binding("ctrl+right", "transfer", "Move to", id="item-transfer"),
        Binding("ctrl+up,shift+up", "move(-1)", "Move up", id="item-move-up", show=False),
        Binding("ctrl+down,shift+down", "move(1)", "Move down", id="item-move-down", show=False),
        Binding("enter", "capture", "New item", id="item-new", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide voting and moving (footer, palette) on lists that have neither."""
        owner = self._owner()
        if action == "vote" and not owner.votable:
            return False
        if action == "transfer" and not owner.transferable:
            return False
        return True

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event)
        if character is not None:
            event.stop()
            event.prevent_default()
            self._owner().type_into(character)

    def action_cursor_up(self) -> None:
        if self.index is None or self.index == 0:
            self._owner().focus_capture()
        else:
            super().action_cursor_up()

    def action_edit(self) -> None:
        self._owner().begin_edit()

    def action_delete(self) -> None:
        self._owner().post_for_target("delete")

    def action_vote(self, delta: int) -> None:
        self._owner().post_for_target("vote", delta)

    def action_move(self, offset: int) -> None:
        self._owner().post_for_target("move", offset)

    def action_transfer(self) -> None:
        self._owner().post_for_target("transfer")

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
    CaptureList > .title { text-style: bold; height: auto; }
    CaptureList > .editing { height: auto; color: $text-warning; text-style: bold; display: none; }
    CaptureList.-editing > .editing { display: block; }
    CaptureList > ItemList { height: 1fr; background: $surface; }
    CaptureList > ItemList > .row-view--highlight { background: $surface; }
    CaptureList > ItemList:focus > .row-view--highlight { background: $accent; color: $text; text-style: bold; }
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
        short_placeholder: str = "",
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
        #: Shown instead of `placeholder` when the field is too narrow for it (SWOT's quadrants).
        self.short_placeholder = short_placeholder
        self.votable = votable
        self.transferable = transferable
        self._entries: list[Entry] | None = None
        #: Where what is typed but not entered is kept (the screen's step and this list's id unless given).
        self.draft_key = draft_key
        #: What was typed to add an item and not entered yet (kept while an existing item is edited).
        self.draft = ""
        #: Called with (draft key, text) as the text is typed: at once, so a hang-up a moment later keeps it.
        self.keep_drafts: Callable[[str, str], None] | None = None
        #: An item was just typed in (Enter): its row is scrolled into view when the rows arrive.
        self._added = False

    def set_title(self, title: str) -> None:
        """A new title (logical text: a count that changed, say)."""
        self.title = title
        if self.is_mounted:
            self.query_one(".title", RtlText).text = title

    def compose(self) -> ComposeResult:
        # wraps (a long title names keys), line by line in Arabic
        yield RtlText(self.title, mode=self.ui.mode, rtl=self.ui.rtl, classes="title")
        yield RtlText("", mode=self.ui.mode, classes="editing")
        yield CaptureInput(
            placeholder=self.placeholder,
            short_placeholder=self.short_placeholder,
            mode=self.ui.mode,
            classes="capture",
            select_on_focus=False,
        )
        item_list = ItemList(mode=self.ui.mode)
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

        The list is one widget (rows are painted where visible), so the highlight is set at
        once with the rows: a key pressed right after a change acts on the row it shows as
        highlighted, never on a stale index.
        """
        item_list = self.item_list
        current = highlight or self.highlighted_id()
        previous_index = item_list.index
        ids = [e.id for e in entries]
        if self.editing is not None and self.editing not in ids:
            self.cancel_edit()  # the row being edited is gone (deleted, moved away)
        if entries == self._entries and highlight is None:
            return
        old_ids = {e.id for e in self._entries or []}
        self._entries = list(entries)
        wanted: list[tuple[str | None, str]] = [(e.id, entry_line(e)) for e in entries]
        item_list.set_rows(wanted or [(None, self.ui.text("capture.empty"))])
        if current in ids:
            target: int | None = ids.index(current)
        elif previous_index is not None and ids and old_ids & set(ids):
            target = min(previous_index, len(ids) - 1)  # the row deleted or moved: its place
        else:
            target = None  # other rows altogether (another question): ↓ starts at the first
        self._highlight(target)
        self._mark_editing()
        if self._added:  # what was just typed in: its new row on screen, the highlight left where it was
            self._added = False
            fresh = [index for index, item_id in enumerate(ids) if item_id not in old_ids]
            if fresh:
                item_list.scroll_to_row(fresh[-1], containers=True)

    def _highlight(self, index: int | None) -> None:
        """Highlight row `index` afresh (screens showing the row's details hear of it)."""
        self.item_list.highlight(index)

    def highlighted_id(self) -> str | None:
        """The id of the highlighted row (what details beside the list show), focused or not."""
        return self.item_list.highlighted_id

    def target_id(self) -> str | None:
        """The row an item command may act on: the list has focus and the row is visibly highlighted."""
        item_list = self.item_list
        return item_list.highlighted_id if item_list.has_focus else None

    def post_for_target(self, action: str, value: int = 0) -> None:
        item_id = self.target_id()
        if item_id is None:
            return
        if action == "vote" and not self.votable:
            return
        if action == "transfer" and not self.transferable:
            return
        self.post_message(self.Acted(self, action, item_id, value))

    def focus_list(self) -> None:
        """Move to the rows, on the first one when none is highlighted yet (always visibly marked)."""
        item_list = self.item_list
        item_list.focus()
        index = item_list.index
        if index is None and self._entries:
            index = 0
        self._highlight(index)

    def focus_capture(self) -> None:
        """Back to typing new items (an edit in progress stays, with its "Editing" line)."""
        self.input.focus()

    def type_into(self, character: str) -> None:
        """A key typed on the list: into the capture field, at its end."""
        field = self.input
        field.focus()
        field.cursor_position = len(field.value)
        field.insert_text_at_cursor(character)

    # ------------------------------------------------------------------ editing one row

    def begin_edit(self) -> None:
        """ctrl+e on a visibly highlighted row: its text into the field, "Editing: …" above it."""
        item_id = self.target_id()
        entry = next((e for e in self._entries or [] if e.id == item_id), None)
        if entry is None:
            return
        self.editing = entry.id
        self.input.value = for_editing(entry.text, entry.author)
        self.input.focus()
        # At the end of the text, before " @Name": words typed on go into the item, not its author's name.
        self.input.cursor_position = len(entry.text)

    def cancel_edit(self) -> None:
        """Leave the row as it was; the field gets back what was being typed before."""
        if self.editing is None:
            return
        self.editing = None
        self.input.value = self.draft

    def watch_editing(self, item_id: str | None) -> None:
        self.set_class(item_id is not None, "-editing")
        if not self.is_mounted:
            return
        entry = next((e for e in self._entries or [] if e.id == item_id), None)
        label = self.query_one(".editing", RtlText)
        label.text = self.ui.text("capture.editing", text=fit(entry.text, 24)) if entry is not None else ""
        self._mark_editing()

    def _mark_editing(self) -> None:
        self.item_list.marked = self.editing

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
            item_id = self.editing
            entry = next((e for e in self._entries or [] if e.id == item_id), None)
            if entry is not None and text != for_editing(entry.text, entry.author):
                self.post_message(self.Edited(self, item_id, text))
            self.editing = None
            if not self.input.value:  # nothing typed since Enter: the sentence typed before the edit comes back
                self.input.value = self.draft
            return
        if not text.strip():
            return
        self._added = True  # the row it becomes is scrolled into view when it arrives
        self.post_message(self.Added(self, text))

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.input.has_focus:
            event.stop()
            self.cancel_edit()
            self.focus_list()
        elif event.key == "escape" and self.editing is not None:
            event.stop()
            self.cancel_edit()
