"""Setup: the session's title, date, place and facilitator, who is in the room, the approach and the stage.

Fields are saved as they are typed (the session writes within 0.3 s); a date that is not
a date is refused with a sentence and never stored. Participants are added in one line
("Name, Organisation, sector"). The approach is a keyboard slider between collaborative
betterment and collaborative empowerment, with the two models explained beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Select
from workshop.tui.widgets.plain import Static

from workshop.core.edits import reorder
from workshop.core.i18n import Ui
from workshop.core.model import SECTORS, STAGES, Participant
from workshop.core.session import Session
from workshop.core.steps.setup import (
    BadDate,
    approach_bar,
    approach_leaning,
    date_incomplete,
    move_approach,
    parse_date,
    parse_participant,
    participant_line,
)
from workshop.tui.screens.base import StepScreen
from workshop.tui.screens.common import delete_item
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

META_FIELDS: tuple[str, ...] = ("title", "date", "place", "facilitator")


class ApproachSlider(Widget, can_focus=True):
    """One line: betterment ───●─── empowerment, moved by the arrow keys (mirrored in Arabic)."""

    DEFAULT_CSS = """
    ApproachSlider { height: 1; width: 1fr; }
    ApproachSlider:focus { background: $primary 25%; }
    """
    BINDINGS = [
        Binding("left", "nudge(-1)", "Towards the left", id="setup-approach-left"),
        Binding("right", "nudge(1)", "Towards the right", id="setup-approach-right"),
        Binding("p", "principles", "Principles", id="setup-principles"),
    ]

    value: reactive[int] = reactive(50)
    """The approach shown: 0 = betterment, 100 = empowerment."""

    @dataclass
    class Moved(Message):
        """The user moved the slider to `value`."""

        slider: ApproachSlider
        value: int

    class PrinciplesToggled(Message):
        """The user asked to show or hide the two models' principles."""

    def __init__(self, ui: Ui, value: int, *, id: str | None = None, disabled: bool = False) -> None:
        super().__init__(id=id, disabled=disabled)
        self.ui = ui
        self.set_reactive(ApproachSlider.value, value)
        localise_bindings(self, ui)

    def render(self) -> Content:
        ui = self.ui
        left, right = ui.label("approach.scale_left"), ui.label("approach.scale_right")
        if ui.rtl:  # mirrored: empowerment on the left, betterment on the right
            left, right = right, left
        percent = f"{self.value:>3}%"
        width = self.size.width - cell_len(left) - cell_len(right) - cell_len(percent) - 4
        bar = approach_bar(self.value, width, mirrored=ui.rtl)
        line = f"{percent} {left} {bar} {right}" if not ui.rtl else f"{left} {bar} {right} {percent}"
        return Content(line)

    def action_nudge(self, direction: int) -> None:
        """Move the marker one step in the arrow's direction (towards empowerment is +)."""
        steps = -direction if self.ui.rtl else direction
        value = move_approach(self.value, steps)
        if value != self.value:
            self.value = value
            self.post_message(self.Moved(self, value))

    def action_principles(self) -> None:
        self.post_message(self.PrinciplesToggled())


class SetupScreen(StepScreen):
    """Who, when, where; the people in the room; the approach and the stage."""

    STEP = "setup"
    CSS_PATH = "setup.tcss"

    show_principles: reactive[bool] = reactive(False)
    """Whether the two models' principles are listed under their summaries."""

    def __init__(self, session: Session, ui: Ui, *, show_guidance: bool = True) -> None:
        super().__init__(session, ui, show_guidance=show_guidance)
        if not session.read_only:
            # Textual focuses the first focusable widget as soon as the screen is composed: the
            # form's scroll container, whose focus and blur (on_mount moves on to the title) each
            # restyled the whole form, ~35 widgets: ~75 ms of every start on this step (#17).
            self.AUTO_FOCUS = "#meta-title"  # type: ignore[misc]

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        disabled = self.session.read_only
        with VerticalScroll(id="setup-form"):
            for field in META_FIELDS:
                label = Static(ui.label(f"fields.{field}"), classes="field-label")
                placeholder = ui.text("screen.setup.date_hint") if field == "date" else ""
                entry = RtlInput(
                    placeholder=placeholder,  # logical: RtlInput lays it out when it paints
                    mode=ui.mode,
                    id=f"meta-{field}",
                    disabled=disabled,
                    select_on_focus=False,
                )
                with Horizontal(classes="field"):
                    yield from (entry, label) if ui.rtl else (label, entry)
            yield Static("", id="setup-message")
            yield Static(ui.label("screen.setup.approach"), classes="section")
            yield ApproachSlider(ui, self.workshop.meta.approach, id="approach", disabled=disabled)
            yield RtlText("", mode=ui.mode, id="approach-leaning")
            with Horizontal(id="models"):
                models = ("empowerment", "betterment") if ui.rtl else ("betterment", "empowerment")
                for model in models:
                    with Vertical(id=f"model-{model}", classes="model"):
                        yield Static(ui.label(f"approach.{model}.name"), classes="model-name")
                        yield RtlText(ui.text(f"approach.{model}.summary"), mode=ui.mode)
                        yield RtlText(self._principles(model), mode=ui.mode, classes="principles")
            yield RtlText(ui.text("approach.advice"), mode=ui.mode, id="approach-advice")
            yield Static(ui.label("screen.setup.stage"), classes="section")
            yield Select(
                [(ui.label(f"stages.{s}.name"), s) for s in STAGES],
                value=self.workshop.meta.stage,
                allow_blank=False,
                id="stage",
                disabled=disabled,
            )
            yield RtlText("", mode=ui.mode, id="stage-description")
            yield CaptureList(
                ui,
                ui.text("screen.setup.participants"),
                placeholder=ui.text("screen.setup.participant_hint"),
                id="participants",
            )

    def _principles(self, model: str) -> str:
        return "\n".join(f"• {p}" for p in self.ui.items(f"approach.{model}.principles"))

    def on_mount(self) -> None:
        meta = self.workshop.meta
        values = {
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else "",
            "place": meta.place,
            "facilitator": meta.facilitator,
        }
        for field, value in values.items():
            self.query_one(f"#meta-{field}", Input).value = value
        super().on_mount()
        self._show_principles(False)
        if not self.session.read_only:
            self.query_one("#meta-title", Input).focus()

    # ------------------------------------------------------------------ view

    def refresh_work(self) -> None:
        ui, workshop = self.ui, self.workshop
        slider = self.query_one(ApproachSlider)
        slider.value = workshop.meta.approach
        leaning = approach_leaning(workshop.meta.approach)
        self.query_one("#approach-leaning", RtlText).text = ui.text(
            f"screen.setup.leaning.{leaning}", percent=workshop.meta.approach
        )
        for model in ("betterment", "empowerment"):
            self.query_one(f"#model-{model}").set_class(leaning == model, "-lean")
        self.query_one("#stage-description", RtlText).text = ui.text(f"stages.{workshop.meta.stage}.description")
        sector_names = self._sector_names()
        capture = self.query_one("#participants", CaptureList)
        capture.set_title(ui.text("screen.setup.participants_count", count=len(workshop.participants)))
        capture.set_entries(
            [
                Entry(p.id, participant_line(p.name, p.organisation, sector_names.get(p.sector or "", ""), arabic=ui.rtl))
                for p in workshop.participants
            ]
        )

    def _sector_names(self) -> dict[str, str]:
        return {s: self.ui.text(f"sectors.{s}") for s in SECTORS}

    def _say(self, key: str | None, **params: object) -> None:
        """Show (or clear, with None) the message line under the fields."""
        message = self.query_one("#setup-message", Static)
        message.update(self.ui.label(key, **params) if key else "")
        message.set_class(key is not None, "-error")

    def watch_show_principles(self, show: bool) -> None:
        if self.is_mounted:
            self._show_principles(show)

    def _show_principles(self, show: bool) -> None:
        for principles in self.query(".principles"):
            principles.display = show

    # ------------------------------------------------------------------ fields

    @on(Input.Changed, ".field RtlInput")
    def _field_changed(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("meta-")
        self._store_field(field, event.value)

    @on(Input.Submitted, ".field RtlInput")
    def _field_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._store_field((event.input.id or "").removeprefix("meta-"), event.value, loud=True):
            self.focus_next()

    @on(Input.Blurred, ".field RtlInput")
    def _field_left(self, event: Input.Blurred) -> None:
        self._store_field((event.input.id or "").removeprefix("meta-"), event.input.value, loud=True)

    def _store_field(self, field: str, text: str, *, loud: bool = False) -> bool:
        """Store a typed field if it is valid; otherwise say why (a notification too when `loud`)."""
        meta = self.workshop.meta
        if field == "title":
            if not text.strip():
                return self._refuse("errors.title_required", loud)
            value: object = text
        elif field == "date":
            if not loud and date_incomplete(text):
                self._say(None)  # still being typed: neither stored nor refused yet
                return False
            try:
                value = parse_date(text)
            except BadDate:
                return self._refuse("screen.setup.bad_date", loud, text=text.strip()[:40])
        elif field in ("place", "facilitator"):
            value = text
        else:
            return False
        self._say(None)
        if getattr(meta, field) != value and not self.session.read_only:
            self.edit(lambda w: setattr(w.meta, field, value))
        return True

    def _refuse(self, key: str, loud: bool, **params: object) -> bool:
        self._say(key, **params)
        if loud:
            self.notify(self.ui.text(key, **params), severity="error")
        return False

    @on(ApproachSlider.Moved)
    def _approach_moved(self, event: ApproachSlider.Moved) -> None:
        self.edit(lambda w: setattr(w.meta, "approach", event.value))

    @on(ApproachSlider.PrinciplesToggled)
    def _toggle_principles(self) -> None:
        self.show_principles = not self.show_principles

    @on(Select.Changed, "#stage")
    def _stage_changed(self, event: Select.Changed) -> None:
        stage = event.value
        if isinstance(stage, str) and stage != self.workshop.meta.stage:
            self.edit(lambda w: setattr(w.meta, "stage", stage))

    # ------------------------------------------------------------------ participants

    def _participant(self, participant_id: str) -> Participant | None:
        return next((p for p in self.workshop.participants if p.id == participant_id), None)

    def _parse(self, text: str):  # type: ignore[no-untyped-def]
        fields = parse_participant(text, self._sector_names())
        if fields is None:
            self.notify(self.ui.text("screen.setup.name_required"), severity="warning")
        elif fields.unknown_sector:
            known = ", ".join(self._sector_names().values())
            self.notify(
                self.ui.text("screen.setup.unknown_sector", sector=fields.unknown_sector, known=known),
                severity="warning",
                timeout=10,
            )
        return fields

    @on(CaptureList.Added, "#participants")
    def _participant_added(self, event: CaptureList.Added) -> None:
        fields = self._parse(event.text)
        if fields is not None:
            participant = Participant(name=fields.name, organisation=fields.organisation, sector=fields.sector)  # type: ignore[arg-type]
            self.edit(lambda w: w.participants.append(participant))

    @on(CaptureList.Edited, "#participants")
    def _participant_edited(self, event: CaptureList.Edited) -> None:
        participant = self._participant(event.item_id)
        fields = self._parse(event.text)
        if participant is None or fields is None:
            return

        def change(_: object) -> None:
            participant.name = fields.name
            participant.organisation = fields.organisation
            participant.sector = fields.sector  # type: ignore[assignment]

        self.edit(change)

    @on(CaptureList.Acted, "#participants")
    def _participant_acted(self, event: CaptureList.Acted) -> None:
        participant = self._participant(event.item_id)
        if participant is None:
            return
        if event.action == "delete":
            said = self.ui.text("screen.setup.deleted", name=participant.name)
            delete_item(self, self.workshop.participants, participant, said)
        elif event.action == "move":
            self.edit(lambda w: reorder(w.participants, participant, event.value))
