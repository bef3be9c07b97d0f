"""Strategic partners: a sortable, searchable table, an edit form, the sector-diversity line and follow-ups due.

Keys: n new, Enter edit, d delete (Ctrl+Z undoes), a / A move the status along the
pipeline, x mark the next follow-up done, s cycle the sort, / search as you type,
f cycle the sector filter. The helpers that decide (sort, filter, diversity, follow-ups,
form validation) live in :mod:`workshop.core.steps.partners`; this module only shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Key, Resize
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Select
from workshop.tui.widgets.plain import Static

from workshop.core.i18n import Ui
from workshop.core.model import PARTNER_STATUSES, SECTORS, Partner
from workshop.core.session import Session
from workshop.core.steps import partners as pc
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.capture_list import typed_character
from workshop.tui.widgets.forms import KeepsTypedKeys
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

STYLES = "partners.tcss"

#: Columns always shown (they fit the 60-column work area of an 80-column terminal).
BASE_COLUMNS: tuple[str, ...] = ("organisation", "sector", "status")
#: Further columns, added in this order while the table is wide enough.
EXTRA_COLUMNS: tuple[str, ...] = ("influence", "interest", "follow_up", "authority", "contact")
#: Narrowest organisation column before extra columns are given up.
MIN_ORGANISATION = 22
#: Widest sector column: longer sector names are shortened with '…' (organisation names matter more).
MAX_SECTOR = 16
#: Cells DataTable adds around each column (cell_padding 1 on both sides).
COLUMN_PADDING = 2


def system_today() -> dt.date:
    """Today's date from the system clock (tests inject their own `today`)."""
    return dt.date.today()


def method_name(ui: Ui, prefix: str, ident: str) -> str:
    """Logical method name of a sector or status, from the method catalogue."""
    return pc.method_name(ui.catalogue.has, ui.text, prefix, ident)


def join_list(ui: Ui, items: list[str], *, strong: bool = False) -> str:
    """Items joined with the language's comma (or semicolon when `strong`)."""
    if ui.rtl:
        return ("؛ " if strong else "، ").join(items)
    return ("; " if strong else ", ").join(items)




# --------------------------------------------------------------------------- the form

#: Form rows in order: (field, widget kind). Private rows are left out when read-only.
FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("organisation", "text"),
    ("sector", "sector"),
    ("status", "status"),
    ("contact_person", "text"),
    ("email", "text"),
    ("phone", "text"),
    ("role", "text"),
    ("contribution", "text"),
    ("barriers", "text"),
    ("decision_authority", "yesno"),
    ("influence", "scale"),
    ("interest", "scale"),
    ("notes", "text"),
    ("follow_up_due", "text"),
    ("follow_up_text", "text"),
)
#: Form fields hidden in the read-only (projector) view: contacts, notes, follow-ups.
HIDDEN_WHEN_READ_ONLY: frozenset[str] = pc.PRIVATE_FIELDS | {"follow_up_due", "follow_up_text"}


class PartnerForm(KeepsTypedKeys, ModalScreen[Partner | None]):
    """Every field of one partner; dismisses with the edited Partner (a new object), or None."""

    CSS_PATH = STYLES
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="partner-form-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, ui: Ui, partner: Partner | None, *, read_only: bool = False) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.partner = partner
        self.read_only = read_only
        localise_bindings(self, ui)

    def _fields(self) -> list[tuple[str, str]]:
        return [(n, k) for n, k in FORM_FIELDS if not (self.read_only and n in HIDDEN_WHEN_READ_ONLY)]

    def compose(self) -> ComposeResult:
        ui = self.ui
        values = pc.form_values(self.partner)
        title = "screen.partners.form.title_edit" if self.partner else "screen.partners.form.title_new"
        with VerticalScroll(classes="dialog wide", id="partner-form"):
            yield Static(ui.label(title), classes="heading")
            yield RtlText(ui.text("screen.partners.form.hint"), mode=ui.mode, rtl=ui.rtl, classes="muted")
            for name, kind in self._fields():
                label = Static(ui.label(f"screen.partners.form.{name}"), classes="form-label")
                if name in HIDDEN_WHEN_READ_ONLY:
                    label.add_class("private")
                widget = self._widget(name, kind, values[name])
                row = (widget, label) if ui.rtl else (label, widget)
                yield Horizontal(*row, classes="form-row")
            if not self.read_only:
                yield RtlText(ui.text("screen.partners.form.private_note"), mode=ui.mode, rtl=ui.rtl, classes="private")
            buttons = [
                Button(ui.label("screen.partners.form.save"), id="save", variant="primary"),
                Button(ui.label("dialog.cancel"), id="cancel"),
            ]
            yield Horizontal(*(reversed(buttons) if ui.rtl else buttons), classes="buttons")

    def _widget(self, name: str, kind: str, value: Any) -> Any:
        ui, wid = self.ui, f"pf-{name}"
        if kind == "text":
            placeholder = "YYYY-MM-DD" if name == "follow_up_due" else ""
            return RtlInput(value=str(value), placeholder=placeholder, mode=ui.mode, id=wid, classes="form-field")
        if kind == "sector":
            options = [(ui.show(method_name(ui, "sectors", s)), s) for s in SECTORS]
        elif kind == "status":
            options = [(ui.show(method_name(ui, "partner_status", s)), s) for s in PARTNER_STATUSES]
        elif kind == "yesno":
            options = [(ui.label("screen.partners.no"), False), (ui.label("screen.partners.yes"), True)]
        else:
            options = [(str(n), n) for n in range(1, 6)]
        return Select(options, value=value, allow_blank=False, compact=True, id=wid, classes="form-field")

    def text_field(self) -> Input:
        return self.query_one("#pf-organisation", Input)

    def on_key(self, event: Key) -> None:
        self.keep_typed_key(event)

    def on_mount(self) -> None:
        self.opened(self.text_field())

    def values(self) -> dict[str, Any]:
        """The form's current values, by field name."""
        out: dict[str, Any] = {}
        for name, _kind in self._fields():
            widget = self.query_one(f"#pf-{name}")
            out[name] = widget.value  # type: ignore[attr-defined]  # Input and Select both have .value
        return out

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            partner = pc.partner_from_form(self.values(), self.partner)
        except pc.FormError as error:
            self.notify(self.ui.text(error.key, **error.params), severity="error", timeout=8)
            fields = self.query(f"#pf-{error.field}")
            if fields:
                fields.first().focus()
            return
        self.dismiss(partner)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- the screen


class PartnersScreen(StepScreen):
    """The strategic partner list of the community's coalition."""

    STEP = "partners"
    CSS_PATH = STYLES
    # The table has the focus from the start: Textual's auto-focus ("*") gave it to the search field
    # first, and on_mount's focus() moved it after the first frame (two more frames, a second footer).
    AUTO_FOCUS = "#partner-table"
    BINDINGS = [
        Binding("f9", "new", "New partner", id="partner-new"),
        Binding("ctrl+e", "edit", "Edit", id="partner-edit"),
        Binding("delete,ctrl+d", "delete", "Delete", id="partner-delete", key_display="Del"),
        Binding("ctrl+right", "advance(1)", "Advance status", id="partner-advance"),
        Binding("ctrl+left", "advance(-1)", "Status back", id="partner-back", show=False),
        Binding("ctrl+x", "follow_up_done", "Follow-up done", id="partner-follow-up-done", show=False),
        Binding("f11", "sort", "Sort", id="partner-sort"),
        Binding("f12", "filter_sector", "Filter sector", id="partner-filter"),
        Binding("ctrl+r", "toggle_private", "Show private", id="partner-reveal"),
    ]

    sort_key: reactive[str] = reactive("organisation")
    """The order of the table (one of workshop.core.steps.partners.SORT_KEYS)."""
    sector_filter: reactive[str | None] = reactive(None)
    """The only sector shown, or None for all."""
    query_text: reactive[str] = reactive("")
    """What the search field holds: rows must match every word."""
    reveal_private: reactive[bool] = reactive(False)
    """Whether e-mails, phones, notes and follow-ups are on screen (off: the screen may be projected)."""

    def __init__(
        self,
        session: Session,
        ui: Ui,
        *,
        show_guidance: bool = True,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(session, ui, show_guidance=show_guidance)
        self._today: Callable[[], dt.date] = today if today is not None else (lambda: system_today())
        self._columns: tuple[str, ...] = ()
        self._widths: dict[str, int] = {}
        self._shown_ids: list[str] = []

    # ------------------------------------------------------------------ layout

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        # not select_on_focus: the letter typed on the table that focuses it must not be selected and replaced
        search = RtlInput(
            placeholder=ui.text("screen.partners.search_placeholder"), mode=ui.mode, id="partner-search", select_on_focus=False
        )
        state = Static("", id="partner-state")
        yield Horizontal(*((state, search) if ui.rtl else (search, state)), id="partner-bar")
        yield DataTable(id="partner-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="partner-empty")
        with Vertical(id="partner-info"):
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="partner-detail")
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="partner-private", classes="private")
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="partner-diversity")
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="partner-follow-ups")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        if self.is_mounted:
            self.call_after_refresh(self._refit)

    def watch_show_guidance(self, show: bool) -> None:
        super().watch_show_guidance(show)
        if self.is_mounted:
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self._column_plan() != self._columns:
            self.refresh_work()

    # ------------------------------------------------------------------ columns

    def _label_width(self, keys: list[str]) -> int:
        return max((cell_len(self.ui.label(k)) for k in keys), default=1)

    def _column_widths(self) -> dict[str, int]:
        ui = self.ui
        header = lambda c: f"screen.partners.columns.{c}"  # noqa: E731
        widths = {
            "sector": min(
                MAX_SECTOR,
                max(
                    cell_len(ui.label(header("sector"))),
                    max(cell_len(ui.show(method_name(ui, "sectors", s))) for s in SECTORS),
                ),
            ),
            "status": max(
                cell_len(ui.label(header("status"))),
                max(cell_len(ui.show(method_name(ui, "partner_status", s))) for s in PARTNER_STATUSES),
            ),
            "influence": max(cell_len(ui.label(header("influence"))), 1),
            "interest": max(cell_len(ui.label(header("interest"))), 1),
            "follow_up": max(cell_len(ui.label(header("follow_up"))), 10),
            "authority": self._label_width(
                [header("authority"), "screen.partners.yes", "screen.partners.no"]
            ),
            "contact": max(cell_len(ui.label(header("contact"))), 16),
        }
        return widths

    def _column_plan(self) -> tuple[str, ...]:
        """Which columns fit the table's width (logical order: organisation first)."""
        table = self.query_one(DataTable)
        available = table.size.width or self.query_one("#work").size.width or 60
        available -= 1  # the vertical scrollbar when rows overflow
        widths = self._column_widths()
        used = MIN_ORGANISATION + COLUMN_PADDING + sum(widths[c] + COLUMN_PADDING for c in BASE_COLUMNS[1:])
        columns = list(BASE_COLUMNS)
        for column in EXTRA_COLUMNS:
            if column == "follow_up" and self._private_hidden():
                continue  # follow-ups are private
            need = widths[column] + COLUMN_PADDING
            if used + need > available:
                break
            used += need
            columns.append(column)
        self._widths = widths | {"organisation": MIN_ORGANISATION + max(0, available - used)}
        return tuple(columns)

    # ------------------------------------------------------------------ refresh

    def _shown(self) -> list[Partner]:
        return pc.view(
            self.workshop.partners,
            sort=self.sort_key,
            query=self.query_text,
            sector=self.sector_filter,
            include_private=not self._private_hidden(),
        )

    def refresh_work(self) -> None:
        if not self.is_mounted:
            return
        table = self.query_one(DataTable)
        keep = self.selected_id()
        self._columns = self._column_plan()
        order = tuple(reversed(self._columns)) if self.ui.rtl else self._columns
        table.clear(columns=True)
        justify = "right" if self.ui.rtl else "left"
        for column in order:
            label = Text(self.ui.label(f"screen.partners.columns.{column}"), justify=justify)  # type: ignore[arg-type]
            table.add_column(label, key=column, width=self._widths[column])
        shown = self._shown()
        self._shown_ids = [p.id for p in shown]
        for partner in shown:
            cells = self._cells(partner)
            table.add_row(*(Text(cells[c], justify=justify) for c in order), key=partner.id)  # type: ignore[arg-type]
        if keep in self._shown_ids:
            table.move_cursor(row=self._shown_ids.index(keep))
        self._refresh_state(len(shown))
        self._refresh_detail()
        self._refresh_diversity()
        self._refresh_follow_ups()

    def _cells(self, partner: Partner) -> dict[str, str]:
        ui, w = self.ui, self._widths
        due = pc.next_follow_up(partner)
        values = {
            "organisation": partner.organisation,
            "sector": method_name(ui, "sectors", partner.sector),
            "status": method_name(ui, "partner_status", partner.status),
            "influence": str(partner.influence),
            "interest": str(partner.interest),
            "follow_up": due.due.isoformat() if due and due.due else "",
            "authority": ui.text("screen.partners.yes" if partner.decision_authority else "screen.partners.no"),
            "contact": partner.contact_person,
        }
        return {c: ui.fitted(values[c], w.get(c, 10)) for c in self._columns}

    def _refresh_state(self, shown: int) -> None:
        ui = self.ui
        sector = (
            method_name(ui, "sectors", self.sector_filter)
            if self.sector_filter
            else ui.text("screen.partners.all_sectors")
        )
        total = len(self.workshop.partners)
        self.query_one("#partner-state", Static).update(
            ui.label(
                "screen.partners.state",
                sort=ui.text(f"screen.partners.sort.{self.sort_key}"),
                sector=sector,
                shown=shown,
                total=total,
            )
        )
        empty = self.query_one("#partner-empty", Static)
        if total == 0:
            empty.update(ui.label("screen.partners.empty"))
        elif shown == 0:
            empty.update(ui.label("screen.partners.no_match"))
        empty.display = shown == 0

    def _refresh_detail(self) -> None:
        ui = self.ui
        partner = self.selected()
        detail = self.query_one("#partner-detail", RtlText)
        private = self.query_one("#partner-private", RtlText)
        if partner is None:
            detail.text = ""
            private.text = ""
            detail.display = private.display = False
            return
        parts = self._public_parts(partner)
        detail.text = " · ".join(parts)
        detail.display = bool(parts)
        if self.session.read_only:
            private.text = ui.text("screen.partners.private_hidden")
        elif not self.reveal_private:
            private.text = ui.text("screen.partners.private_concealed")
        else:
            private.text = " · ".join(self._private_parts(partner))
        private.display = bool(private.text)

    def _public_parts(self, partner: Partner) -> list[str]:
        ui = self.ui
        keys = {"contact": partner.contact_person, "role": partner.role}
        keys |= {"contribution": partner.contribution, "barriers": partner.barriers}
        parts = [ui.text(f"screen.partners.detail.{k}", value=v.strip()) for k, v in keys.items() if v.strip()]
        authority = ui.text("screen.partners.yes" if partner.decision_authority else "screen.partners.no")
        parts.append(ui.text("screen.partners.detail.authority", value=authority))
        parts.append(ui.text("screen.partners.detail.scores", influence=partner.influence, interest=partner.interest))
        return parts

    def _private_parts(self, partner: Partner) -> list[str]:
        ui = self.ui
        keys = {"email": partner.email, "phone": partner.phone, "notes": partner.notes}
        parts = [ui.text(f"screen.partners.detail.{k}", value=v.strip()) for k, v in keys.items() if v.strip()]
        due = pc.next_follow_up(partner)
        if due is not None:
            when = due.due.isoformat() if due.due else ""
            parts.append(ui.text("screen.partners.detail.follow_up", value=f"{when} {due.text}".strip()))
        return parts

    def _private_hidden(self) -> bool:
        """Private data stays off screen when read-only (projector) and until the facilitator asks."""
        return self.session.read_only or not self.reveal_private

    def action_toggle_private(self) -> None:
        if self.session.read_only:
            self.notify(self.ui.text("screen.partners.private_hidden"), severity="warning")
            return
        self.reveal_private = not self.reveal_private

    def watch_reveal_private(self) -> None:
        if self.is_mounted:
            self.refresh_work()

    def _refresh_diversity(self) -> None:
        ui = self.ui
        summary = pc.diversity(self.workshop)
        line = self.query_one("#partner-diversity", RtlText)
        line.set_class(not summary.complete, "warning")
        if summary.total == 0:
            line.text = ui.text("screen.partners.diversity.none")
        elif summary.missing:
            line.text = ui.text(
                "screen.partners.diversity.missing",
                sectors=join_list(ui, [method_name(ui, "sectors", s) for s in summary.missing]),
            )
        else:
            counts = join_list(
                ui,
                [
                    ui.text("screen.partners.diversity.count", sector=method_name(ui, "sectors", s), count=summary.counts[s])
                    for s in summary.present
                ],
            )
            line.text = ui.text("screen.partners.diversity.complete", counts=counts)

    def _refresh_follow_ups(self) -> None:
        ui = self.ui
        due = pc.due_follow_ups(self.workshop, self._today())
        line = self.query_one("#partner-follow-ups", RtlText)
        line.set_class(bool(due), "due")
        if not due:
            line.text = ui.text("screen.partners.follow_ups.none")
        elif self.session.read_only:
            line.text = ui.text("screen.partners.follow_ups.hidden", count=len(due))
        elif not self.reveal_private:
            line.text = ui.text("screen.partners.follow_ups.concealed", count=len(due))
        else:
            items = join_list(
                ui,
                [
                    ui.text(
                        "screen.partners.follow_ups.item",
                        organisation=d.partner.organisation,
                        date=d.follow_up.due.isoformat() if d.follow_up.due else "",
                        text=d.follow_up.text,
                    ).rstrip(": ")
                    for d in due
                ],
                strong=True,
            )
            line.text = ui.text("screen.partners.follow_ups.due", items=items)

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> str | None:
        """The id of the partner under the table cursor."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row = table.cursor_row
        return self._shown_ids[row] if 0 <= row < len(self._shown_ids) else None

    def selected(self) -> Partner | None:
        """The partner under the table cursor."""
        return self.workshop.partner(self.selected_id())

    def _select(self, partner_id: str) -> None:
        if partner_id in self._shown_ids:
            self.query_one(DataTable).move_cursor(row=self._shown_ids.index(partner_id))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._refresh_detail()

    # ------------------------------------------------------------------ view state

    def watch_sort_key(self) -> None:
        self.refresh_work()

    def watch_sector_filter(self) -> None:
        self.refresh_work()

    def watch_query_text(self) -> None:
        self.refresh_work()

    def action_sort(self) -> None:
        self.sort_key = pc.next_sort(self.sort_key)

    def action_filter_sector(self) -> None:
        self.sector_filter = pc.next_sector_filter(self.sector_filter)

    def action_search(self) -> None:
        self.query_one("#partner-search", Input).focus()

    @on(Input.Changed, "#partner-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value

    @on(Input.Submitted, "#partner-search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: Key) -> None:
        search = self.query_one("#partner-search", Input)
        table = self.query_one(DataTable)
        if table.has_focus:
            # Typing always types: on the table a printable key goes into the search field.
            character = typed_character(event)
            if character is not None:
                event.stop()
                event.prevent_default()
                search.focus()
                search.cursor_position = len(search.value)
                search.insert_text_at_cursor(character)
            elif event.key == "up" and table.cursor_row == 0:
                event.stop()
                search.focus()
            return
        if not search.has_focus:
            return
        if event.key == "escape":
            event.stop()
            search.value = ""
            self.query_one(DataTable).focus()
        elif event.key == "down":
            event.stop()
            self.query_one(DataTable).focus()

    # ------------------------------------------------------------------ edits

    def action_edit(self) -> None:
        partner = self.selected()
        if partner is None:
            return
        self.app.push_screen(
            PartnerForm(self.ui, partner, read_only=self.session.read_only),
            callback=self._edited,
        )

    def action_new(self) -> None:
        if not self._writable():
            return
        self.app.push_screen(PartnerForm(self.ui, None), callback=self._edited)

    def _writable(self) -> bool:
        """False (and says so) when the workshop is open read-only."""
        if self.session.read_only:
            self.notify(self.ui.text("app.read_only_refused"), severity="warning")
            return False
        return True

    def _edited(self, partner: Partner | None) -> None:
        if partner is None or not self._writable():
            return
        existed = self.workshop.partner(partner.id) is not None
        self.edit(lambda w: pc.replace_partner(w.partners, partner))
        if self.workshop.partner(partner.id) is not partner:
            return  # refused: the edit said why
        if partner.id not in self._shown_ids:
            self.query_one("#partner-search", Input).value = ""
            self.query_text = ""
            self.sector_filter = None
        self._select(partner.id)
        key = "screen.partners.saved" if existed else "screen.partners.added"
        self.notify(self.ui.text(key, organisation=partner.organisation))

    def action_delete(self) -> None:
        partner = self.selected()
        if partner is None or not self._writable():
            return
        self.session.delete(self.workshop.partners, partner)
        self.refresh_work()
        self.notify(self.ui.text("screen.partners.deleted", organisation=partner.organisation))

    def action_advance(self, step: int) -> None:
        partner = self.selected()
        if partner is None or not self._writable():
            return
        status = pc.advance_status(partner.status, step)
        name = method_name(self.ui, "partner_status", status)
        key = "screen.partners.status_end" if status == partner.status else "screen.partners.status_changed"
        if status != partner.status:
            self.edit(lambda w: setattr(partner, "status", status))
            self._select(partner.id)
        self.notify(self.ui.text(key, organisation=partner.organisation, status=name))

    def action_follow_up_done(self) -> None:
        partner = self.selected()
        if partner is None or not self._writable():
            return
        if pc.next_follow_up(partner) is None:
            self.notify(self.ui.text("screen.partners.no_follow_up", organisation=partner.organisation))
            return
        self.edit(lambda w: pc.complete_next_follow_up(partner))
        self.notify(self.ui.text("screen.partners.follow_up_done", organisation=partner.organisation))
