"""The inbox on the step: what phones sent for this step, waiting for the facilitator.

A line with the count under the step's lists; F6 opens the list of entries and goes there.
Keys act on the highlighted entry only while the inbox list has focus, so typing in a capture
field always types: Enter accept, ctrl+e edit then accept, ctrl+k merge into an existing item,
Delete reject. A character typed while the inbox has focus closes the list and goes back to the
field the facilitator came from (with the character): it never acts as a command.
The widget holds no rules: it calls `workshop.core.room.inbox`
through the screen's `edit`, which saves and redraws like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList
from workshop.tui.widgets.footer import Footer
from textual.widgets.option_list import Option

from workshop.tui.widgets.plain import Static
from workshop.core.content import load_catalogue
from workshop.core.i18n import Ui
from workshop.core.model import InboxEntry
from workshop.core.room import inbox
from workshop.core.room.targets import target, targets_of
from workshop.core.session import Session
from workshop.tui.widgets.capture_list import typed_character
from workshop.tui.widgets.dialog import Dialog
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

#: Longest entry text shown on one inbox row (the whole text is in the edit dialog).
ROW_CHARS = 160


class InboxList(OptionList):
    """The entries; keys act on the highlighted one."""

    BINDINGS = [
        Binding("enter", "decide('accept')", "Accept", id="inbox-accept"),
        Binding("ctrl+e", "decide('edit')", "Edit, then accept", id="inbox-edit"),
        Binding("ctrl+k", "decide('merge')", "Merge into an item", id="inbox-merge"),
        Binding("delete", "decide('reject')", "Reject", id="inbox-reject"),
    ]

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event)
        if character is None:
            return
        event.stop()
        event.prevent_default()
        panel = next((a for a in self.ancestors if isinstance(a, InboxPanel)), None)
        if panel is not None:
            panel.type_back(character)

    def action_decide(self, how: str) -> None:
        if self.highlighted is None:
            return
        entry_id = self.get_option_at_index(self.highlighted).id
        panel = next((a for a in self.ancestors if isinstance(a, InboxPanel)), None)
        if panel is not None and entry_id:
            panel.decide(how, entry_id)


class InboxPanel(Vertical):
    """One line while the facilitator works on the step: how many entries wait (shown while there
    are some, or while the room is open on a step phones add to). F6 opens the list under it.

    The line keeps its height as entries arrive, so a busy room never moves the lists the
    facilitator is typing into, and costs their link one short line per redraw.
    """

    DEFAULT_CSS = """
    InboxPanel { height: auto; max-height: 9; }
    InboxPanel #inbox-heading { height: 1; color: $warning; text-style: bold; }
    InboxPanel InboxList { height: auto; max-height: 8; }
    """

    def __init__(self, session: Session, ui: Ui, step: str, edit: Callable[[Any], object], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.ui = ui
        self.step = step
        self._edit = edit
        self._shown: list[tuple[str, str]] = []
        self._heading: tuple[str, int] | None = None
        #: Whether the list is open (F6) for the facilitator to decide entries.
        self._reviewing = False
        #: Where focus goes back once the inbox is empty (the field the facilitator was typing in).
        self._return_to: Any = None
        self.display = bool(inbox.pending(session.workshop, step))

    def compose(self) -> ComposeResult:
        # Built when first needed: a step whose room is closed (the usual start) mounts nothing
        # here, and the OptionList (whose styles cost ~10 ms) only with the first F6.
        if self.display:
            yield Static("", id="inbox-heading")

    def _list(self) -> tuple[InboxList, bool]:
        """The entries' list, and whether it was only mounted now."""
        found = self.query(InboxList)
        if found:
            return found.first(), False
        inbox_list = InboxList(id="inbox-list")
        localise_bindings(inbox_list, self.ui)
        self.mount(inbox_list)
        return inbox_list, True

    def on_mount(self) -> None:
        self.refresh_entries()

    def _anonymous(self) -> str:
        return load_catalogue(self.session.workshop.meta.language).t("room.anonymous")

    def entries(self) -> list[InboxEntry]:
        return inbox.pending(self.session.workshop, self.step)

    def _room_open_here(self) -> bool:
        room = getattr(self.app, "room", None)
        return bool(room is not None and room.is_open and targets_of(self.step))

    def refresh_entries(self) -> None:
        """The count on the line; the entries themselves only while the list is open (F6).

        Redraws only what changed: the line when its count does, rows only when they change.
        """
        entries = self.entries()
        if not entries and self._reviewing:
            self._fold()
        self.display = bool(entries) or self._room_open_here()
        if not entries:
            key = "room.inbox.empty"
        else:
            key = "room.inbox.heading_review" if self._reviewing else "room.inbox.heading"
        heading = (key, len(entries))
        if self.display and not self.query("#inbox-heading"):
            self.mount(Static("", id="inbox-heading"), before=0)
            self._heading = None
        if heading != self._heading and self.query("#inbox-heading"):
            self._heading = heading
            self.query_one("#inbox-heading", Static).update(self.ui.label(key, count=len(entries)), layout=False)
        if not self._reviewing:
            return
        rows = [(e.id, self._row(e)) for e in entries]
        if rows == self._shown:
            return
        before, self._shown = self._shown, rows
        options, _ = self._list()
        if before and rows[: len(before)] == before:
            # Phones only added entries: append them (the rows on screen are not redrawn).
            options.add_options([Option(Text(self.ui.show(text)), id=entry_id) for entry_id, text in rows[len(before) :]])
            return
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(Text(self.ui.show(text)), id=entry_id) for entry_id, text in rows])
        if rows:
            options.highlighted = min(highlighted or 0, len(rows) - 1)

    def _row(self, entry: InboxEntry) -> str:
        found = target(entry.target)
        where = self.ui.text(found.label_key) if found else entry.target
        text = entry.text if len(entry.text) <= ROW_CHARS else entry.text[:ROW_CHARS] + "…"
        who = entry.author.strip() or self.ui.text("room.anonymous")
        return f"{where}: {' '.join(text.split())} — {who}"

    def on_descendant_blur(self) -> None:
        # Focus left the list: fold it once it is clear the facilitator went elsewhere on this
        # screen (a dialog of the inbox on top is not leaving it).
        self.call_after_refresh(self._fold_if_left)

    def _fold_if_left(self) -> None:
        if not self._reviewing or not self.is_attached or self.app.screen is not self.screen:
            return
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors_with_self:
            self._reviewing = False
            self._fold()
            self.refresh_entries()

    def focus_list(self) -> bool:
        """Open the list (F6) and put the keys on the highlighted entry; False when nothing waits."""
        if not self.entries():
            return False
        focused = self.screen.focused
        if focused is not None and self not in focused.ancestors_with_self:
            self._return_to = focused
        self._reviewing = True
        options, new = self._list()
        options.display = True
        self.refresh_entries()
        if new:
            self.call_after_refresh(options.focus)
        else:
            options.focus()
        return True

    def _fold(self) -> None:
        """Close the list (the line stays); focus back where the facilitator was."""
        had_focus = self.has_focus_within
        self._reviewing = False
        self._shown = []
        for options in self.query(InboxList):
            options.clear_options()
            options.display = False
        if had_focus:
            self._give_focus_back()

    def type_back(self, character: str) -> None:
        """A character typed on the inbox: the list closes, the character goes to the field the facilitator came from."""
        field = self._return_to
        self._fold()
        if field is not None and field.is_attached and hasattr(field, "insert_text_at_cursor"):
            field.focus()
            field.insert_text_at_cursor(character)

    def _give_focus_back(self) -> None:
        target_widget, self._return_to = self._return_to, None
        if target_widget is not None and target_widget.is_attached:
            target_widget.focus()
        else:
            self.screen.focus_next()

    def decide(self, how: str, entry_id: str) -> None:
        entry = inbox.entry_by_id(self.session.workshop, entry_id)
        if entry is None or entry.status != "pending":
            return
        anonymous = self._anonymous()
        if how == "accept":
            self._edit(lambda w: inbox.accept(w, entry, anonymous=anonymous))
        elif how == "reject":
            self._edit(lambda w: inbox.reject(w, entry))
        elif how == "edit":

            def edited(text: str | None) -> None:
                if text is not None and text.strip():
                    self._edit(lambda w: inbox.accept(w, entry, anonymous=anonymous, text=text))

            self.app.push_screen(InboxEditScreen(self.ui, entry.text), callback=edited)
        elif how == "merge":
            found = target(entry.target)
            items = list(found.items(self.session.workshop)) if found else []
            if not items:
                self.notify(self.ui.text("room.inbox.nothing_to_merge"), severity="warning")
                return

            def merged(item_id: str | None) -> None:
                if item_id:
                    self._edit(lambda w: inbox.merge(w, entry, item_id))

            self.app.push_screen(MergeScreen(self.ui, [(i.id, i.text) for i in items]), callback=merged)
        self.refresh_entries()


class InboxEditScreen(Dialog[str]):
    """The entry's text to correct before it is accepted (Enter accepts, Escape cancels)."""

    def __init__(self, ui: Ui, text: str) -> None:
        super().__init__(ui)
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.ui.label("room.inbox.edit_title"), classes="heading")
            yield RtlInput(value=self.text, mode=self.ui.mode, id="inbox-edit-text")
            yield RtlText(self.ui.text("room.inbox.edit_hint"), mode=self.ui.mode)
        yield Footer()

    @on(RtlInput.Submitted)
    def _submitted(self, event: RtlInput.Submitted) -> None:
        self.dismiss(event.value)


class MergeScreen(Dialog[str]):
    """Pick the existing item the entry is folded into."""

    def __init__(self, ui: Ui, items: list[tuple[str, str]]) -> None:
        super().__init__(ui)
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.ui.label("room.inbox.merge_title"), classes="heading")
            yield OptionList(*[Option(Text(self.ui.show(text[:ROW_CHARS])), id=item_id) for item_id, text in self.items])
        yield Footer()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
