"""Mission and vision: a drafting aid for the room.

Four parts (who acts, what change, for whom, how) become a first sentence with ctrl+r;
the room then rewrites drafts (every rewrite keeps the previous text in the draft's
history), compares two drafts (F11 on one, F11 on another), adopts one (F9) and writes the
vision (ctrl+y edits it; Escape ends editing). ctrl+l lists a draft's earlier versions.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, TextArea
from workshop.tui.widgets.plain import Static

from workshop.core.edits import reorder
from workshop.core.model import MissionDraft, error_summary
from workshop.core.steps.mapping import one_line
from workshop.core.steps.mission import (
    PARTS,
    adopt,
    compare_pair,
    compose_mission,
    draft_number,
    history_lines,
    revise_draft,
    word_count,
)
from workshop.tui.screens.base import StepScreen
from workshop.tui.screens.common import delete_item
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.row_view import RowView
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText



class MissionScreen(StepScreen):
    """Parts → drafts → compare → adopt; and the vision."""

    STEP = "mission"
    CSS_PATH = "setup.tcss"
    BINDINGS = [
        Binding("ctrl+r", "compose", "Compose draft", id="mission-compose"),
        Binding("f9", "adopt", "Adopt", id="mission-adopt"),
        Binding("f11", "compare", "Compare", id="mission-compare"),
        Binding("ctrl+l", "history", "History", id="mission-history"),
        Binding("ctrl+y", "vision", "Vision", id="mission-vision"),
        Binding("escape", "escape", "Close", id="mission-escape", show=False),
    ]

    compare_first: reactive[str | None] = reactive(None)
    """The draft marked first for comparison."""
    compare_second: reactive[str | None] = reactive(None)
    """The draft marked second for comparison (the comparison shows when both are set)."""
    show_history: reactive[bool] = reactive(False)
    """Whether the highlighted draft's earlier versions are listed."""
    editing_vision: reactive[bool] = reactive(False)
    """Whether the vision is in the editor (otherwise it is shown as text)."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        disabled = self.session.read_only
        # The four parts stay in view above the drafts (at 80x24 the drafts list, focused on
        # arrival, scrolled them away): only what is below them scrolls.
        with Vertical(id="mission-parts"):
            yield Static(ui.label("screen.mission.parts_heading"), classes="section")
            yield RtlText(ui.text("screen.mission.example", example=ui.text("mission.example")), mode=ui.mode, id="mission-example")
            for part in PARTS:
                label = Static(ui.label(f"mission.parts.{part}.label"), classes="part-label")
                entry = RtlInput(
                    placeholder=ui.text(f"mission.parts.{part}.hint"),
                    mode=ui.mode,
                    id=f"part-{part}",
                    classes="part-input",
                    disabled=disabled,
                    select_on_focus=False,
                )
                with Horizontal(classes="part"):
                    yield from (entry, label) if ui.rtl else (label, entry)
            yield Static(ui.label("screen.mission.compose_hint"), classes="muted")
        with VerticalScroll(id="mission-form"):
            yield CaptureList(
                ui, ui.text("screen.mission.drafts"), placeholder=ui.text("screen.mission.draft_hint"), id="drafts"
            )
            yield RtlText("", mode=ui.mode, id="draft-detail")
            with Horizontal(id="compare"):
                for side in ("left", "right"):
                    with Vertical(id=f"compare-{side}"):
                        yield Static("", classes="compare-title")
                        yield RtlText("", mode=ui.mode, classes="compare-text")
            yield Static(ui.label("screen.mission.vision"), classes="section")
            yield RtlText(ui.text("mission.vision_hint"), mode=ui.mode, classes="muted")
            yield RtlText("", mode=ui.mode, id="vision-view")
            yield TextArea("", id="vision-editor", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        drafts = self.workshop.mission.drafts
        working = self.workshop.mission.working
        source = working if any(getattr(working, part) for part in PARTS) else (drafts[-1] if drafts else None)
        if source is not None:
            for part in PARTS:
                self.query_one(f"#part-{part}", Input).value = getattr(source, part)
        self.query_one("#vision-editor", TextArea).load_text(self.workshop.mission.vision)
        self.query_one("#vision-editor").display = False
        super().on_mount()
        if drafts or self.session.read_only:
            self.query_one("#drafts", CaptureList).item_list.focus()
            self.call_after_refresh(self._highlight_first_draft)
        else:
            self.query_one("#part-who", Input).focus()

    def _highlight_first_draft(self) -> None:
        """Start on the adopted draft (else the first), so the draft keys act at once."""
        drafts = self.workshop.mission.drafts
        ids = [d.id for d in drafts]
        item_list = self.query_one("#drafts", CaptureList).item_list
        if ids and item_list.index is None:
            adopted = self.workshop.mission.adopted_id
            item_list.index = ids.index(adopted) if adopted in ids else 0
        self.query_one("#drafts", CaptureList).focus_list()

    # ------------------------------------------------------------------ view

    def refresh_work(self) -> None:
        ui, mission = self.ui, self.workshop.mission
        self.query_one("#drafts", CaptureList).set_entries(self._entries())
        self._show_detail()
        self._show_compare()
        vision = mission.vision.strip()
        self.query_one("#vision-view", RtlText).text = vision and mission.vision or ui.text("screen.mission.no_vision")

    def _entries(self) -> list[Entry]:
        empty = self.ui.text("screen.mission.empty_draft")
        return [Entry(d.id, d.text or empty, None, self._suffix(d)) for d in self.workshop.mission.drafts]

    def _suffix(self, draft: MissionDraft) -> str:
        ui = self.ui
        suffix = ui.text("screen.mission.words", count=word_count(draft.text))
        if draft.id == self.workshop.mission.adopted_id:
            suffix += " " + ui.text("screen.mission.adopted_mark")
        if draft.id in (self.compare_first, self.compare_second):
            suffix += " " + ui.text("screen.mission.compare_mark")
        return suffix

    def _highlighted(self) -> MissionDraft | None:
        draft_id = self.query_one("#drafts", CaptureList).highlighted_id()
        return next((d for d in self.workshop.mission.drafts if d.id == draft_id), None)

    def _show_detail(self) -> None:
        ui, draft = self.ui, self._highlighted()
        detail = self.query_one("#draft-detail", RtlText)
        if draft is None:
            detail.text = ""
            return
        lines = [
            ui.text(
                "screen.mission.detail",
                number=draft_number(self.workshop, draft.id),
                words=word_count(draft.text),
                versions=len(draft.history),
            )
        ]
        waiting = self.compare_first is not None and self.compare_second is None
        if waiting and self.compare_first in {d.id for d in self.workshop.mission.drafts}:
            lines.append(ui.text("screen.mission.compare_next", number=draft_number(self.workshop, self.compare_first)))
        if self.show_history:
            history = history_lines(draft)
            lines += [f"  {at}: {one_line(text)}" for at, text in history] or [ui.text("screen.mission.no_history")]
        detail.text = "\n".join(lines)

    def _show_compare(self) -> None:
        pair = compare_pair(self.workshop, self.compare_first, self.compare_second)
        box = self.query_one("#compare")
        box.display = pair is not None
        if pair is None:
            return
        sides = ("right", "left") if self.ui.rtl else ("left", "right")
        for side, draft in zip(sides, pair):
            column = self.query_one(f"#compare-{side}")
            title = self.ui.text(
                "screen.mission.compare_title",
                number=draft_number(self.workshop, draft.id),
                words=word_count(draft.text),
            )
            if draft.id == self.workshop.mission.adopted_id:
                title += " " + self.ui.text("screen.mission.adopted_mark")
            column.query_one(".compare-title", Static).update(self.ui.show(title))
            column.query_one(".compare-text", RtlText).text = draft.text

    @on(RowView.Highlighted)
    def _draft_highlighted(self) -> None:
        self._show_detail()

    def watch_show_history(self) -> None:
        if self.is_mounted:
            self._show_detail()

    def watch_editing_vision(self, editing: bool) -> None:
        if not self.is_mounted:
            return
        editor = self.query_one("#vision-editor", TextArea)
        editor.display = editing
        self.query_one("#vision-view").display = not editing
        if editing:
            editor.focus()
            editor.scroll_visible()
        else:
            self.query_one("#drafts", CaptureList).focus_list()

    # ------------------------------------------------------------------ actions

    @on(Input.Changed, ".part-input")
    def _part_typed(self, event: Input.Changed) -> None:
        """Keep the parts as typed (saved within half a second like every edit)."""
        part = (event.input.id or "").removeprefix("part-")
        working = self.workshop.mission.working
        if part not in PARTS or getattr(working, part) == event.value or self.session.read_only:
            return
        try:  # straight to the session: nothing on screen needs redrawing per keystroke
            self.session.edit(lambda w: setattr(working, part, event.value))
        except ValueError as error:
            self.notify(self.ui.text("errors.invalid_edit", details=error_summary(error)), severity="error")

    def action_compose(self) -> None:
        parts = {part: self.query_one(f"#part-{part}", Input).value for part in PARTS}
        text = compose_mission(parts, lambda key, **params: self.ui.text(f"screen.mission.compose.{key}", **params))
        if not text:
            self.notify(self.ui.text("screen.mission.parts_empty"), severity="warning")
            return
        draft = MissionDraft(text=text, **parts)
        if self.edit(lambda w: w.mission.drafts.append(draft)) is None and self.session.read_only:
            return
        capture = self.query_one("#drafts", CaptureList)
        capture.set_entries(self._entries(), highlight=draft.id)
        capture.focus_list()
        self.notify(self.ui.text("screen.mission.composed", number=len(self.workshop.mission.drafts)))

    def _target(self) -> MissionDraft | None:
        """The draft a command acts on: the drafts list has focus and the row is visibly highlighted."""
        draft_id = self.query_one("#drafts", CaptureList).target_id()
        return next((d for d in self.workshop.mission.drafts if d.id == draft_id), None)

    def action_adopt(self) -> None:
        draft = self._target()
        if draft is None:
            return
        adopted = None if draft.id == self.workshop.mission.adopted_id else draft.id
        self.edit(lambda w: adopt(w, adopted))
        if adopted and self.workshop.mission.adopted_id == adopted:
            self.notify(self.ui.text("screen.mission.adopted", number=draft_number(self.workshop, adopted)))

    def action_compare(self) -> None:
        draft = self._target()
        if draft is None:
            return
        if self.compare_first is None or self.compare_second is not None:
            self.compare_first, self.compare_second = draft.id, None
        elif draft.id == self.compare_first:
            self.compare_first = None
        else:
            self.compare_second = draft.id
        self.refresh_work()
        if self.compare_second is not None:
            self.query_one("#compare").scroll_visible()

    def action_history(self) -> None:
        self.show_history = not self.show_history

    def action_vision(self) -> None:
        if self.session.read_only:
            self.notify(self.ui.text("app.read_only_refused"), severity="warning")
            return
        self.editing_vision = not self.editing_vision

    def action_escape(self) -> None:
        if self.editing_vision:
            self.editing_vision = False
        elif self.compare_first is not None:
            self.compare_first = self.compare_second = None
            self.refresh_work()

    # ------------------------------------------------------------------ edits

    @on(TextArea.Changed, "#vision-editor")
    def _vision_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if self.editing_vision and text != self.workshop.mission.vision:
            self.edit(lambda w: setattr(w.mission, "vision", text))

    def _draft(self, draft_id: str) -> MissionDraft | None:
        return next((d for d in self.workshop.mission.drafts if d.id == draft_id), None)

    @on(CaptureList.Added, "#drafts")
    def _draft_added(self, event: CaptureList.Added) -> None:
        draft = MissionDraft(text=event.text.strip())
        self.edit(lambda w: w.mission.drafts.append(draft))

    @on(CaptureList.Edited, "#drafts")
    def _draft_edited(self, event: CaptureList.Edited) -> None:
        draft = self._draft(event.item_id)
        if draft is not None and event.text.strip():
            self.edit(lambda w: revise_draft(draft, event.text.strip()))

    @on(CaptureList.Acted, "#drafts")
    def _draft_acted(self, event: CaptureList.Acted) -> None:
        draft = self._draft(event.item_id)
        if draft is None:
            return
        if event.action == "delete":
            delete_item(self, self.workshop.mission.drafts, draft, self.ui.text("screen.mission.deleted"))
        elif event.action == "move":
            self.edit(lambda w: reorder(w.mission.drafts, draft, event.value))
