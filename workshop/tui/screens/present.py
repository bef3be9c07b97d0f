"""The projector view: the current step and what the room has said, large, nothing private.

It shows the participants' version of the step (the same privacy rule as the participants'
PDF: no contacts, no facilitator notes, no drafts), and while the facilitator's room is open
and unlocked, its QR code and join address for phones. It never writes: it is given a
`load` function and a `probe` that changes whenever the workshop does, and it reloads
within a second of a save.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from workshop.tui.widgets.footer import Footer
from workshop.tui.widgets.plain import Static

from workshop.core.export.report import (
    Bullets,
    Heading,
    KeyValue,
    Note,
    Paragraph,
    Table,
    build_report,
)
from workshop.core.i18n import Ui
from workshop.core.model import Workshop
from workshop.core.room.net import code_of
from workshop.tui.widgets.join import JoinPanel
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_text import RtlText

#: How often the presenter looks for a new save (seconds).
POLL_EVERY = 0.5

#: Report sections shown for each step (mapping shows trends too).
SECTIONS_OF_STEP: dict[str, tuple[str, ...]] = {"mapping": ("trends", "mapping"), "export": ("evaluation",)}


class PresentScreen(Screen[None]):
    """Follows one workshop read-only; dismisses with None."""

    BINDINGS = [Binding("escape,f3", "leave", "Back", id="leave-present")]

    token: reactive[Hashable] = reactive(None, always_update=False)
    """What the probe last returned; a change means the workshop was saved again."""

    def __init__(
        self,
        ui: Ui,
        load: Callable[[], Workshop | None],
        probe: Callable[[], Hashable],
        live: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(classes=("-rtl" if ui.rtl else "-ltr") + " present")
        self.ui = ui
        self.load = load
        self.probe = probe
        #: Whether the facilitator's app is running (a join address left by a crash is not shown);
        #: always, when the presenter runs in the facilitator's own app (F3).
        self.live = live
        self.workshop: Workshop | None = None
        self._join_shown = ""
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        yield Static("", id="present-title")
        yield Static("", id="present-step")
        parts = [VerticalScroll(id="present-body"), Vertical(id="present-join")]
        with Horizontal(id="present-main"):
            yield from reversed(parts) if self.ui.rtl else parts
        yield Footer()

    def on_mount(self) -> None:
        self.set_reactive(PresentScreen.token, self.probe())
        self._reload()
        self.set_interval(POLL_EVERY, self._poll)

    def _poll(self) -> None:
        self.token = self.probe()

    def watch_token(self) -> None:
        if self.is_mounted:
            self._reload()

    def _reload(self) -> None:
        workshop = self.load()
        if workshop is not None:
            self.workshop = workshop
            self._render_step()

    def _render_step(self) -> None:
        workshop = self.workshop
        if workshop is None:
            return
        ui = self.ui
        step = workshop.last_step
        self.query_one("#present-title", Static).update(ui.show(workshop.meta.title))
        self.query_one("#present-step", Static).update(ui.label(f"steps.{step}.title"))
        report = build_report(workshop, audience="participants", language=ui.language, catalogue=ui.catalogue)
        body = self.query_one("#present-body", VerticalScroll)
        widgets = []
        for section_id in SECTIONS_OF_STEP.get(step, (step,)):
            section = report.section(section_id)
            if section is None:
                continue
            for block in section.blocks:
                widgets.extend(self._widgets(block))
        if not widgets:
            widgets = [RtlText(ui.text(f"steps.{step}.why"), mode=ui.mode)]
        with self.app.batch_update():
            body.remove_children()
            body.mount_all(widgets)
            self._show_join(workshop.room.join_url if self.live() else "")

    def _show_join(self, url: str) -> None:
        """The room's QR code and join address while the facilitator's room is open and unlocked."""
        if url == self._join_shown:
            return
        self._join_shown = url
        corner = self.query_one("#present-join", Vertical)
        corner.remove_children()
        if url:
            corner.mount(JoinPanel(self.ui, url, code_of(url)))
        corner.display = bool(url)

    def _widgets(self, block: object) -> list:  # type: ignore[type-arg]
        mode = self.ui.mode
        if isinstance(block, Heading):
            return [RtlText(block.text, mode=mode, classes="present-heading")]
        if isinstance(block, Paragraph):
            return [RtlText(block.text, mode=mode)]
        if isinstance(block, Note):
            return [RtlText(block.text, mode=mode, classes="present-note")]
        if isinstance(block, Bullets):
            return [RtlText(f"• {item}", mode=mode) for item in block.items]
        if isinstance(block, KeyValue):
            return [RtlText(f"{label}: {value}", mode=mode) for label, value in block.pairs]
        if isinstance(block, Table) and block.grid:
            # The SWOT quadrants: each column as its own headed list, easy to read from the back.
            widgets = []
            for index, column in enumerate(block.columns):
                widgets.append(RtlText(column, mode=mode, classes="present-heading"))
                widgets += [RtlText(f"• {row[index]}", mode=mode) for row in block.rows if row[index]]
            return widgets
        if isinstance(block, Table):
            lines = [RtlText(" | ".join(block.columns), mode=mode, classes="present-heading")]
            # an empty cell stays a cell ("—"), so every value stays under its column
            lines += [RtlText(" | ".join(cell.strip() or "—" for cell in row), mode=mode) for row in block.rows]
            return lines
        return []

    def action_leave(self) -> None:
        self.dismiss(None)
