"""Ground rules: Miller's coalition etiquette proposed to the room, and how the coalition decides.

The room adopts (F9), drops (ctrl+x), edits (ctrl+e) or adds its own rules (typing always
types into the field); ctrl+f fills the list with the proposals when it is empty. Below: decision procedure, quorum, conflict resolution, when a decision
may be reopened and what the executive may decide alone.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select
from workshop.tui.widgets.plain import Static

from workshop.core.attribution import set_from_typed, split_author
from workshop.core.content import load_catalogue
from workshop.core.edits import reorder
from workshop.core.errors import InputProblem
from workshop.core.model import GroundRule
from workshop.core.steps.ground_rules import (
    etiquette_proposals,
    ground_rule_findings,
    load_proposals,
    rule_counts,
    toggle_status,
)
from workshop.core.steps.structure import parse_quorum
from workshop.tui.screens.base import StepScreen
from workshop.tui.screens.common import findings_text, input_problem_text
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

PROCEDURES: tuple[str, ...] = ("consensus", "consent", "majority")
CONFLICTS: tuple[str, ...] = ("mediator", "arbitrator", "committee")
TEXT_FIELDS: dict[str, str] = {"reopen": "reopen_rule", "executive": "executive_may_decide"}


class GroundRulesScreen(StepScreen):
    """The etiquette list to adopt, drop or add to; then the decision procedure."""

    STEP = "ground-rules"
    CSS_PATH = "structure.tcss"
    # The rules' list has the focus from the start (on_mount highlights its first row): Textual's
    # auto-focus ("*") gave it to the capture field first, and focus_list() moved it a frame later.
    AUTO_FOCUS = "#rules ItemList"
    BINDINGS = [
        Binding("f9", "status('adopted')", "Adopt", id="charter-adopt"),
        Binding("ctrl+x", "status('dropped')", "Drop", id="charter-drop"),
        Binding("ctrl+f", "load", "Load Miller's rules", id="charter-load-rules"),
    ]

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield Static("", id="rules-counts", markup=False)
        yield CaptureList(
            ui,
            ui.text("screen.ground_rules.rules"),
            placeholder=ui.text("screen.ground_rules.placeholder"),
            id="rules",
        )
        with VerticalScroll(id="decisions"):
            yield RtlText(ui.text("screen.ground_rules.decisions"), mode=ui.mode, rtl=ui.rtl, classes="charter-heading")
            rules = self.workshop.ground_rules
            yield from self._row(
                "procedure",
                Select(
                    [(Text(ui.label(f"decision_procedures.{p}.name")), p) for p in PROCEDURES],
                    value=rules.decision_procedure or Select.NULL,
                    prompt=ui.label("charter.not_set"),
                    compact=True,
                    id="gr-procedure",
                ),
            )
            yield from self._row(
                "quorum",
                RtlInput(
                    value=str(rules.quorum or ""),
                    placeholder=ui.text("screen.ground_rules.quorum_placeholder"),
                    mode=ui.mode,
                    id="gr-quorum",
                    select_on_focus=True,  # one number: what is typed replaces it
                ),
            )
            yield from self._row(
                "conflict",
                Select(
                    [(Text(ui.label(f"conflict_resolution.{c}.name")), c) for c in CONFLICTS],
                    value=rules.conflict_resolution or Select.NULL,
                    prompt=ui.label("charter.not_set"),
                    compact=True,
                    id="gr-conflict",
                ),
            )
            for name, attribute in TEXT_FIELDS.items():
                yield from self._row(
                    name,
                    RtlInput(
                        value=getattr(rules, attribute),
                        placeholder=ui.text(f"screen.ground_rules.placeholders.{name}"),
                        mode=ui.mode,
                        id=f"gr-{name}",
                    ),
                )
            yield RtlText("", mode=ui.mode, id="gr-explain", classes="charter-muted")
            yield RtlText("", mode=ui.mode, id="gr-findings", classes="charter-findings-line")

    def _row(self, name: str, widget: Static | Select | RtlInput) -> ComposeResult:  # type: ignore[type-arg]
        label = Static(self.ui.label(f"screen.ground_rules.fields.{name}"), classes="form-label", markup=False)
        with Horizontal(classes="form-row"):
            yield from (widget, label) if self.ui.rtl else (label, widget)

    def on_mount(self) -> None:
        super().on_mount()
        # on the list, so that adopt and drop act at once on a visibly highlighted rule; typing types a rule
        self.query_one("#rules", CaptureList).focus_list()

    # ------------------------------------------------------------------ view

    def refresh_work(self) -> None:
        ui = self.ui
        rules = self.workshop.ground_rules
        counts = rule_counts(rules)
        self.query_one("#rules-counts", Static).update(ui.label("screen.ground_rules.counts", **counts))
        entries = [Entry(r.id, r.text, None, self._suffix(r), r.author) for r in rules.rules]
        self.query_one("#rules", CaptureList).set_entries(entries)
        explain = []
        if rules.decision_procedure:
            explain.append(ui.text(f"decision_procedures.{rules.decision_procedure}.description"))
        if rules.conflict_resolution:
            explain.append(ui.text(f"conflict_resolution.{rules.conflict_resolution}.description"))
        self.query_one("#gr-explain", RtlText).text = "\n".join(explain)
        findings = ground_rule_findings(self.workshop)
        self.query_one("#gr-findings", RtlText).text = findings_text(ui, findings, reasons=False) if findings else ""

    def _suffix(self, rule: GroundRule) -> str:
        status = self.ui.text(f"screen.ground_rules.status.{rule.status}")
        return f"{status} · {self.ui.text(f'etiquette.categories.{rule.category}')}"

    # ------------------------------------------------------------------ rules

    def _rule(self, rule_id: str | None) -> GroundRule | None:
        return next((r for r in self.workshop.ground_rules.rules if r.id == rule_id), None)

    def action_load(self) -> None:
        ui = self.ui
        if self.workshop.ground_rules.rules:
            self.notify(ui.text("screen.ground_rules.not_empty"), severity="warning")
            return
        # the rules are written in the workshop's language, as the catalogue words them today
        catalogue = load_catalogue(self.workshop.meta.language)
        proposals = etiquette_proposals(catalogue.section("etiquette"))
        added = self.edit(lambda w: load_proposals(w.ground_rules, proposals))
        if added:
            self.notify(ui.text("screen.ground_rules.loaded", count=added))
            self.query_one("#rules", CaptureList).focus_list()

    def action_status(self, status: str) -> None:
        rule = self._rule(self.query_one("#rules", CaptureList).target_id())
        if rule is not None:
            self.edit(lambda w: toggle_status(rule, status))

    @on(CaptureList.Added, "#rules")
    def _added(self, event: CaptureList.Added) -> None:
        text, author = split_author(event.text.strip())
        rule = GroundRule(category="own", text=text, author=author)
        self.edit(lambda w: w.ground_rules.rules.append(rule))

    @on(CaptureList.Edited, "#rules")
    def _edited(self, event: CaptureList.Edited) -> None:
        rule = self._rule(event.item_id)
        if rule is not None and event.text.strip():
            self.edit(lambda w: set_from_typed(rule, event.text.strip()))

    @on(CaptureList.Acted, "#rules")
    def _acted(self, event: CaptureList.Acted) -> None:
        rules = self.workshop.ground_rules.rules
        rule = self._rule(event.item_id)
        if rule is None:
            return
        if event.action == "delete":
            if self.session.read_only:
                self.notify(self.ui.text("app.read_only_refused"), severity="warning")
                return
            self.session.delete(rules, rule)
            self.refresh_work()
        elif event.action == "move":

            self.edit(lambda w: reorder(rules, rule, event.value))

    # ------------------------------------------------------------------ decisions

    @on(Select.Changed, "#gr-procedure")
    def _procedure(self, event: Select.Changed) -> None:
        value = None if event.value == Select.NULL else event.value
        if value != self.workshop.ground_rules.decision_procedure and not self.session.read_only:
            self.edit(lambda w: setattr(w.ground_rules, "decision_procedure", value))

    @on(Select.Changed, "#gr-conflict")
    def _conflict(self, event: Select.Changed) -> None:
        value = None if event.value == Select.NULL else event.value
        if value != self.workshop.ground_rules.conflict_resolution and not self.session.read_only:
            self.edit(lambda w: setattr(w.ground_rules, "conflict_resolution", value))

    @on(Input.Changed, "#gr-quorum")
    def _quorum(self, event: Input.Changed) -> None:
        try:
            quorum = parse_quorum(event.value)
        except InputProblem as problem:
            self.query_one("#gr-findings", RtlText).text = "⚠ " + input_problem_text(self.ui, problem)
            return
        if quorum != self.workshop.ground_rules.quorum and not self.session.read_only:
            self.edit(lambda w: setattr(w.ground_rules, "quorum", quorum))

    @on(Input.Changed, "#gr-reopen, #gr-executive")
    def _text_field(self, event: Input.Changed) -> None:
        attribute = TEXT_FIELDS[(event.input.id or "").removeprefix("gr-")]
        if event.value != getattr(self.workshop.ground_rules, attribute) and not self.session.read_only:
            self.edit(lambda w: setattr(w.ground_rules, attribute, event.value))
