"""Structure: the governance bodies (strategic, executive, work groups, staff) and their members.

The shared pieces live in workshop/widgets/forms.py (RowList, FormDialog) and
workshop/screens/common.py (findings_text, input_problem_text, delete_item).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, OptionList, Select
from workshop.tui.widgets.plain import Static
from textual.widgets.option_list import Option

from workshop.core.i18n import Ui
from workshop.core.model import COMMITTEE_KINDS, MEMBER_ROLES, Committee, Member
from workshop.core.steps.findings import Finding
from workshop.core.steps.structure import (
    Candidate,
    add_member,
    committee as find_committee,
    committee_findings,
    general_structure_findings,
    is_seated,
    member_candidates,
    member_organisation,
    next_role,
    seed_structure,
)
from workshop.tui.screens.base import StepScreen
from workshop.tui.screens.common import delete_item, findings_text
from workshop.tui.widgets.forms import FormDialog, FormField, RowList
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_text import RtlText

# --------------------------------------------------------------------------- the member picker


class PickMemberDialog(ModalScreen[tuple[str, str, bool] | None]):
    """Partners and participants to seat on a body; r changes the role, o the delegate flag, Enter adds."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("r", "role", "Role", id="charter-member-role"),
        Binding("o", "official", "Official delegate", id="charter-member-delegate"),
    ]

    def __init__(self, ui: Ui, committee_name: str, candidates: Sequence[Candidate], seated: set[str]) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.committee_name = committee_name
        self.candidates = list(candidates)
        self.seated = seated
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        with Vertical(classes="dialog charter-form"):
            yield Static(ui.label("screen.structure.pick_title", name=self.committee_name), classes="heading", markup=False)
            with Horizontal(classes="form-row"):
                parts = [
                    Static(ui.label("screen.structure.pick_role"), classes="form-label", markup=False),
                    Select(
                        [(Text(ui.label(f"member_roles.{r}")), r) for r in MEMBER_ROLES],
                        value="member",
                        allow_blank=False,
                        compact=True,
                        id="pick-role",
                    ),
                ]
                yield from reversed(parts) if ui.rtl else parts
            yield Checkbox(self._official_label(True), value=True, compact=True, id="pick-official")
            if self.candidates:
                yield OptionList(*self._options(), id="pick-list", markup=False, compact=True)
            else:
                yield Static(ui.label("screen.structure.pick_empty"), classes="empty", markup=False)
            yield Static(ui.label("screen.structure.pick_hint"), classes="form-hint", markup=False)

    def _options(self) -> list[Option]:
        ui = self.ui
        options = []
        for candidate in self.candidates:
            sector = ui.text(f"sectors.{candidate.sector}") if candidate.sector else ""
            details = " · ".join(p for p in (candidate.organisation if candidate.organisation != candidate.name else "", sector) if p)
            text = f"{candidate.name} — {details}" if details else candidate.name
            if candidate.key in self.seated:
                text += " " + ui.text("screen.structure.seated_mark")
            options.append(Option(Text(ui.show(text)), id=candidate.key, disabled=candidate.key in self.seated))
        return options

    def on_mount(self) -> None:
        lists = self.query("#pick-list")
        if lists:
            lists.first().focus()

    def action_role(self) -> None:
        select = self.query_one("#pick-role", Select)
        select.value = next_role(str(select.value))

    def _official_label(self, value: bool) -> Text:
        """The box's words say its state (its X is drawn either way; only its colour differs)."""
        return Text(self.ui.label("screen.structure.pick_official_yes" if value else "screen.structure.pick_official_no"))

    def action_official(self) -> None:
        box = self.query_one("#pick-official", Checkbox)
        box.value = not box.value
        box.label = self._official_label(box.value)

    @on(OptionList.OptionSelected, "#pick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        role = str(self.query_one("#pick-role", Select).value)
        official = self.query_one("#pick-official", Checkbox).value
        self.dismiss((str(event.option.id), role, official))

    def action_cancel(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- the screen


class StructureScreen(StepScreen):
    """Bodies above, members of the highlighted body below, the manual's findings at the bottom."""

    STEP = "structure"
    CSS_PATH = "structure.tcss"
    BINDINGS = [
        Binding("f9", "new_body", "New body", id="charter-new-body"),
        Binding("ctrl+e", "edit_body", "Edit body", id="charter-edit-body"),
        Binding("ctrl+k", "add_member", "Add member", id="charter-add-member"),
        Binding("delete,ctrl+d", "delete", "Delete", id="charter-delete", key_display="Del"),
        Binding("ctrl+r", "role", "Role", id="charter-member-role"),
        Binding("ctrl+x", "official", "Delegate", id="charter-member-delegate"),
        Binding("ctrl+f", "seed", "Default bodies", id="charter-default-bodies"),
    ]

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield RtlText(ui.text("screen.structure.bodies"), mode=ui.mode, rtl=ui.rtl, id="bodies-heading", classes="charter-heading")
        yield RowList(ui, id="bodies", typing=True)
        yield RtlText("", mode=ui.mode, id="body-detail")
        yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="members-heading", classes="charter-heading")
        yield RowList(ui, id="members", typing=True)
        with VerticalScroll(id="structure-findings", classes="charter-findings"):
            yield RtlText("", mode=ui.mode, id="findings-text")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#bodies", RowList).focus()

    # ------------------------------------------------------------------ view

    def _kind_name(self, kind: str) -> str:
        return self.ui.text(f"governance.{kind}.name")

    def _body_name(self, committee: Committee) -> str:
        return committee.name.strip() or self._kind_name(committee.kind)

    def _selected_body(self) -> Committee | None:
        return find_committee(self.workshop, self.query_one("#bodies", RowList).highlighted_id())

    def _selected_member(self) -> Member | None:
        body = self._selected_body()
        member_id = self.query_one("#members", RowList).highlighted_id()
        if body is None:
            return None
        return next((m for m in body.members if m.id == member_id), None)

    def refresh_work(self) -> None:
        ui, workshop = self.ui, self.workshop
        bodies = self.query_one("#bodies", RowList)
        rows = []
        for body in workshop.structure.committees:
            found = committee_findings(workshop, body)
            name, kind = self._body_name(body), self._kind_name(body.kind)
            text = ui.text("screen.structure.body_row", name=name, count=len(body.members))
            if kind != name and not name.startswith(kind):
                text = ui.text("screen.structure.body_row_kind", name=name, kind=kind, count=len(body.members))
            if found:
                text += " " + ui.text("screen.structure.findings_mark", count=len(found))
            rows.append((body.id, text))
        bodies.set_rows(rows, ui.text("screen.structure.no_bodies"))
        self._refresh_body()

    def _refresh_body(self) -> None:
        ui, workshop = self.ui, self.workshop
        body = self._selected_body()
        detail = self.query_one("#body-detail", RtlText)
        heading = self.query_one("#members-heading", RtlText)
        members = self.query_one("#members", RowList)
        if body is None:
            detail.text = ""
            heading.text = ""
            members.set_rows([], ui.text("screen.structure.no_members_no_body"))
            findings: list[Finding] = general_structure_findings(workshop)
        else:
            none = ui.text("charter.not_set")
            detail.text = "\n".join(
                (
                    ui.text("screen.structure.cadence_line", cadence=body.cadence.strip() or none),
                    ui.text("screen.structure.authority_line", authority=body.decision_authority.strip() or none),
                )
            )
            heading.text = ui.text("screen.structure.members", name=self._body_name(body))
            members.set_rows([(m.id, self._member_text(m)) for m in body.members], ui.text("screen.structure.no_members"))
            findings = general_structure_findings(workshop) + committee_findings(workshop, body)
        text = findings_text(ui, findings) if findings else ui.text("charter.no_findings")
        self.query_one("#findings-text", RtlText).text = text

    def _member_text(self, member: Member) -> str:
        ui = self.ui
        organisation = member_organisation(self.workshop, member)
        parts = [ui.text(f"member_roles.{member.role}")]
        if organisation and organisation != member.name.strip():
            parts.append(organisation)
        if member.sector:
            parts.append(ui.text(f"sectors.{member.sector}"))
        if not member.official_delegate:
            parts.append(ui.text("screen.structure.not_delegate"))
        name = member.name.strip() or ui.text("charter.untitled")
        return f"{name} — {' · '.join(parts)}"

    @on(OptionList.OptionHighlighted, "#bodies")
    def _body_highlighted(self) -> None:
        self._refresh_body()

    @on(OptionList.OptionSelected, "#bodies")
    def _body_selected(self) -> None:
        self.query_one("#members", RowList).focus()

    # ------------------------------------------------------------------ bodies

    def action_seed(self) -> None:
        if self.workshop.structure.committees:
            self.notify(self.ui.text("screen.structure.not_empty"), severity="warning")
            return
        ui = self.ui

        def name_of(kind: str, number: int) -> str:
            name = ui.text(f"governance.{kind}.name")
            return ui.text("screen.structure.numbered", name=name, number=number) if kind == "work-group" else name

        added = self.edit(lambda w: seed_structure(w, name_of, lambda kind: ui.text(f"governance.{kind}.cadence")))
        if added:
            self.notify(ui.text("screen.structure.seeded", count=added))

    def _body_fields(self, body: Committee | None, typed: str = "") -> list[FormField]:
        ui = self.ui
        return [
            FormField(
                "kind",
                ui.text("screen.structure.fields.kind"),
                "choice",
                body.kind if body else "work-group",
                tuple((ui.text(f"governance.{k}.name"), k) for k in COMMITTEE_KINDS),
            ),
            FormField("name", ui.text("screen.structure.fields.name"), value=body.name if body else typed),
            FormField("cadence", ui.text("screen.structure.fields.cadence"), value=body.cadence if body else ""),
            FormField(
                "authority", ui.text("screen.structure.fields.authority"), value=body.decision_authority if body else ""
            ),
        ]

    def _check_body(self, values: dict[str, Any]) -> str | None:
        return None if values.get("kind") else self.ui.text("screen.structure.kind_required")

    @on(RowList.Typed)
    def _typed(self, event: RowList.Typed) -> None:
        """Typing on the lists starts a new body with what is typed as its name."""
        if not self.type_ahead(event.character):
            self.action_new_body(typed=event.character)

    def action_new_body(self, typed: str = "") -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            kind = values["kind"]
            body = Committee(
                kind=kind,
                name=values["name"].strip() or self._kind_name(kind),
                cadence=values["cadence"].strip() or self.ui.text(f"governance.{kind}.cadence"),
                decision_authority=values["authority"].strip(),
            )
            self.edit(lambda w: w.structure.committees.append(body))
            self._select_body(body.id)

        self.push_typed_form(
            FormDialog(
                self.ui,
                self.ui.text("screen.structure.new_title"),
                self._body_fields(None, typed),
                self._check_body,
                focus="name" if typed else None,
            ),
            callback=done,
        )

    def _select_body(self, body_id: str) -> None:
        bodies = self.query_one("#bodies", RowList)
        ids = [c.id for c in self.workshop.structure.committees]
        if body_id in ids:
            bodies.highlighted = ids.index(body_id)
            self._refresh_body()

    def action_edit_body(self) -> None:
        body = self._selected_body()
        if body is None:
            return

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return

            def change(_: Any) -> None:
                body.kind = values["kind"]
                body.name = values["name"].strip()
                body.cadence = values["cadence"].strip()
                body.decision_authority = values["authority"].strip()

            self.edit(change)

        title = self.ui.text("screen.structure.edit_title", name=self._body_name(body))
        self.app.push_screen(FormDialog(self.ui, title, self._body_fields(body), self._check_body), callback=done)

    # ------------------------------------------------------------------ members

    def action_add_member(self) -> None:
        body = self._selected_body()
        if body is None:
            self.notify(self.ui.text("screen.structure.no_body_selected"), severity="warning")
            return
        candidates = member_candidates(self.workshop)
        seated = {c.key for c in candidates if is_seated(body, c)}

        def done(choice: tuple[str, str, bool] | None) -> None:
            if choice is None:
                return
            key, role, official = choice
            candidate = next((c for c in candidates if c.key == key), None)
            if candidate is None:
                return
            if is_seated(body, candidate):
                self.notify(self.ui.text("screen.structure.already_member", name=candidate.name))
                return
            member = self.edit(lambda w: add_member(body, candidate, role, official))
            if member is not None:
                self.query_one("#members", RowList).set_rows(
                    [(m.id, self._member_text(m)) for m in body.members],
                    self.ui.text("screen.structure.no_members"),
                    select=member.id,
                )
                self.notify(self.ui.text("screen.structure.added", name=candidate.name))

        self.app.push_screen(PickMemberDialog(self.ui, self._body_name(body), candidates, seated), callback=done)

    def _target_member(self) -> Member | None:
        """The member a command acts on: the members list has focus (its highlight is shown)."""
        return self._selected_member() if self.query_one("#members", RowList).has_focus else None

    def action_role(self) -> None:
        member = self._target_member()
        if member is not None:
            self.edit(lambda w: setattr(member, "role", next_role(member.role)))

    def action_official(self) -> None:
        member = self._target_member()
        if member is not None:
            self.edit(lambda w: setattr(member, "official_delegate", not member.official_delegate))

    def action_delete(self) -> None:
        body = self._selected_body()
        if body is None:
            return
        if self.query_one("#members", RowList).has_focus:
            member = self._selected_member()
            if member is not None:
                delete_item(self, body.members, member)
        else:
            delete_item(self, self.workshop.structure.committees, body)
