"""Goals and action plans: goals (specific or comprehensive) with a work group, dots, and their plans.

A key toggles the "who does what by when" table of every plan. Plans that lack an owner,
dates, criteria, budget or community support are flagged (rules.plan_gaps); nothing is blocked.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, OptionList

from workshop.core.edits import dots_total, dots_used, vote
from workshop.core.errors import InputProblem
from workshop.core.model import GOAL_CATEGORIES, ActionPlan, Goal, error_summary
from workshop.core.parse import format_amount

# One cell of margin for Arabic: the table measures joined letters slightly wider than wcwidth does.
from workshop.core.rtl import contains_rtl
from workshop.core.steps.goals import goal_category, plan_from_values, plan_gaps, plan_rows, plan_values, replace_plan
from workshop.core.steps.structure import committee as find_committee, work_groups
from workshop.tui.screens.base import StepScreen
from workshop.tui.screens.common import delete_item, input_problem_text
from workshop.tui.widgets.forms import FormDialog, FormField, RowList
from workshop.tui.widgets.rtl_text import RtlText

GOAL_KINDS: tuple[str, ...] = ("specific", "comprehensive")
STAFFING: tuple[str, ...] = ("internal", "external", "mixed")
TABLE_COLUMNS: tuple[str, ...] = ("task", "who", "start", "end", "missing")
#: Cells per column of the "who does what by when" table: it fits the 60-cell work area.
TABLE_WIDTHS: dict[str, int] = {"task": 16, "who": 12, "start": 10, "end": 10, "missing": 4}




class GoalsScreen(StepScreen):
    """Goals above, the highlighted goal's plans below; ctrl+l shows who does what by when.

    Typing on the goals (or plans) list starts a new goal (plan) with what is typed.
    """

    STEP = "goals"
    CSS_PATH = "structure.tcss"
    BINDINGS = [
        Binding("f9", "new_goal", "New goal", id="charter-new-goal"),
        Binding("ctrl+k", "new_plan", "New plan", id="charter-new-plan"),
        Binding("ctrl+e", "edit", "Edit", id="charter-edit"),
        Binding("delete,ctrl+d", "delete", "Delete", id="charter-delete", key_display="Del"),
        Binding("f11", "vote(1)", "+dot", id="charter-vote-up"),
        Binding("f12", "vote(-1)", "-dot", id="charter-vote-down"),
        Binding("ctrl+l", "toggle_table", "Who does what", id="charter-plan-table"),
    ]

    table_view: reactive[bool] = reactive(False)
    """Whether the "who does what by when" table replaces the goal and plan lists."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        with Vertical(id="goals-lists"):
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="goals-heading", classes="charter-heading")
            yield RowList(ui, id="goals", typing=True)
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="plans-heading", classes="charter-heading")
            yield RowList(ui, id="plans", typing=True)
            yield RtlText("", mode=ui.mode, id="plan-gaps", classes="charter-findings-line")
        with Vertical(id="plan-table-view"):
            yield RtlText(ui.text("screen.goals.table"), mode=ui.mode, rtl=ui.rtl, classes="charter-heading")
            yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
            yield RtlText("", mode=ui.mode, id="plan-table-note", classes="charter-muted")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#plan-table-view").display = False
        self.query_one("#goals", RowList).focus()

    # ------------------------------------------------------------------ view

    def _goal(self) -> Goal | None:
        goal_id = self.query_one("#goals", RowList).highlighted_id()
        return next((g for g in self.workshop.goals if g.id == goal_id), None)

    def _plan(self) -> ActionPlan | None:
        goal = self._goal()
        plan_id = self.query_one("#plans", RowList).highlighted_id()
        if goal is None:
            return None
        return next((p for p in goal.plans if p.id == plan_id), None)

    def _goal_text(self, goal: Goal) -> str:
        ui = self.ui
        kind = ui.text(f"screen.goals.kind_short.{goal.kind}")
        if goal.kind == "comprehensive" and goal.category:
            kind = f"{kind}: {ui.text(f'goal_categories.{goal.category}')}"
        group = find_committee(self.workshop, goal.work_group_id)
        details = [kind]
        details.append(group.name.strip() or ui.text("governance.work-group.name") if group else ui.text("screen.goals.no_work_group"))
        if goal.convener.strip():
            details.append(ui.text("screen.goals.convener_short", name=goal.convener.strip()))
        details.append(ui.text("screen.goals.plan_count", count=len(goal.plans)))
        dots = f"({goal.votes}) " if goal.votes else ""
        text = goal.text.strip() or ui.text("charter.untitled")
        return f"{dots}{text} — {' · '.join(details)}"

    def _plan_text(self, plan: ActionPlan) -> str:
        ui = self.ui
        partner = self.workshop.partner(plan.responsible_partner_id)
        owner = partner.organisation if partner else ui.text("screen.goals.no_owner")
        when = ui.text(
            "screen.goals.when",
            start=plan.start.isoformat() if plan.start else "?",
            end=plan.end.isoformat() if plan.end else "?",
        )
        text = f"{plan.task.strip() or ui.text('charter.untitled')} — {owner} · {when}"
        if plan.budget is not None:
            text += f" · {format_amount(plan.budget)} {plan.currency}".rstrip()
        gaps = plan_gaps(plan)
        if gaps:
            text += " ⚠ " + ui.text("screen.goals.missing", gaps=self._gap_names(gaps))
        return text

    def _gap_names(self, gaps: list[str] | tuple[str, ...]) -> str:
        return ", ".join(self.ui.text(f"screen.goals.gaps.{gap}") for gap in gaps)

    def refresh_work(self) -> None:
        ui, workshop = self.ui, self.workshop
        left = dots_total(workshop) - dots_used(workshop.goals)
        self.query_one("#goals-heading", RtlText).text = ui.text("screen.goals.goals", left=left)
        self.query_one("#goals", RowList).set_rows(
            [(g.id, self._goal_text(g)) for g in workshop.goals], ui.text("screen.goals.no_goals")
        )
        self._refresh_plans()
        if self.table_view:
            self._refresh_table()

    def _refresh_plans(self) -> None:
        ui = self.ui
        goal = self._goal()
        plans = self.query_one("#plans", RowList)
        heading = self.query_one("#plans-heading", RtlText)
        if goal is None:
            heading.text = ui.text("screen.goals.plans_none")
            plans.set_rows([], ui.text("screen.goals.no_goal_selected"))
        else:
            heading.text = ui.text("screen.goals.plans", goal=goal.text.strip() or ui.text("charter.untitled"))
            plans.set_rows([(p.id, self._plan_text(p)) for p in goal.plans], ui.text("screen.goals.no_plans"))
        self._refresh_gaps()

    def _refresh_gaps(self) -> None:
        plan = self._plan()
        gaps = plan_gaps(plan) if plan is not None else []
        text = ""
        if gaps:
            reasons = [self.ui.text(f"findings.plan-no-{gap}.reason") for gap in gaps]
            text = "⚠ " + " ".join(reasons)
        self.query_one("#plan-gaps", RtlText).text = text

    def _refresh_table(self) -> None:
        ui = self.ui
        table = self.query_one("#plan-table", DataTable)
        table.clear(columns=True)
        columns = tuple(reversed(TABLE_COLUMNS)) if ui.rtl else TABLE_COLUMNS
        for column in columns:
            table.add_column(Text(ui.fitted(ui.text(f"screen.goals.columns.{column}"), TABLE_WIDTHS[column])), key=column, width=TABLE_WIDTHS[column])
        for row in plan_rows(self.workshop):
            values = {
                "task": row.task.strip() or ui.text("charter.untitled"),
                "who": row.owner or "—",
                "start": row.start.isoformat() if row.start else "—",
                "end": row.end.isoformat() if row.end else "—",
                "missing": f"⚠{len(row.gaps)}" if row.gaps else "✓",
            }
            table.add_row(*(Text(ui.fitted(" ".join(values[c].split()), TABLE_WIDTHS[c] - contains_rtl(values[c]))) for c in columns), key=row.plan_id)
        note = self.query_one("#plan-table-note", RtlText)
        note.text = ui.text("screen.goals.table_note") if table.row_count else ui.text("screen.goals.table_empty")

    @on(OptionList.OptionHighlighted, "#goals")
    def _goal_highlighted(self) -> None:
        self._refresh_plans()

    @on(OptionList.OptionHighlighted, "#plans")
    def _plan_highlighted(self) -> None:
        self._refresh_gaps()

    @on(OptionList.OptionSelected, "#goals")
    def _goal_selected(self) -> None:
        self.query_one("#plans", RowList).focus()

    @on(OptionList.OptionSelected, "#plans")
    def _plan_selected(self) -> None:
        """Enter on a plan edits it (the plans' heading says so), as ctrl+e does."""
        self.action_edit()

    @on(RowList.Typed)
    def _typed(self, event: RowList.Typed) -> None:
        if self.type_ahead(event.character):
            return
        if event.row_list.id == "plans" and self._goal() is not None:
            self._edit_plan(self._goal(), None, typed=event.character)
        else:
            self.action_new_goal(typed=event.character)

    def watch_table_view(self, show: bool) -> None:
        if not self.is_mounted:
            return
        self.query_one("#goals-lists").display = not show
        self.query_one("#plan-table-view").display = show
        if show:
            self._refresh_table()
            self.query_one("#plan-table", DataTable).focus()
        else:
            self.query_one("#goals", RowList).focus()

    def action_toggle_table(self) -> None:
        self.table_view = not self.table_view

    # ------------------------------------------------------------------ goals

    def _goal_fields(self, goal: Goal | None, typed: str = "") -> list[FormField]:
        ui = self.ui
        groups = work_groups(self.workshop)
        return [
            FormField("text", ui.text("screen.goals.fields.text"), value=goal.text if goal else typed),
            FormField(
                "kind",
                ui.text("screen.goals.fields.kind"),
                "choice",
                goal.kind if goal else "specific",
                tuple((ui.text(f"screen.goals.kind_short.{k}"), k) for k in GOAL_KINDS),
            ),
            FormField(
                "category",
                ui.text("screen.goals.fields.category"),
                "choice",
                goal.category if goal else None,
                tuple((ui.text(f"goal_categories.{c}"), c) for c in GOAL_CATEGORIES),
            ),
            FormField(
                "work_group",
                ui.text("screen.goals.fields.work_group"),
                "choice",
                goal.work_group_id if goal else None,
                tuple((g.name.strip() or ui.text("governance.work-group.name"), g.id) for g in groups),
            ),
            FormField("convener", ui.text("screen.goals.fields.convener"), value=goal.convener if goal else ""),
        ]

    def _check_goal(self, values: dict[str, Any]) -> str | None:
        if not str(values.get("text", "")).strip():
            return self.ui.text("screen.goals.text_required")
        if values.get("kind") == "comprehensive" and not values.get("category"):
            return self.ui.text("screen.goals.category_required")
        return None

    def _apply_goal(self, goal: Goal, values: dict[str, Any]) -> None:
        kind = values.get("kind") or "specific"
        goal.text = str(values["text"]).strip()
        goal.kind = kind
        goal.category = goal_category(kind, values.get("category"))
        goal.work_group_id = values.get("work_group") or None
        goal.convener = str(values.get("convener", "")).strip()

    def action_new_goal(self, typed: str = "") -> None:
        if self.table_view:
            return

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            goal = Goal()
            self._apply_goal(goal, values)
            if self.edit(lambda w: w.goals.append(goal) or goal) is not None:
                self.query_one("#goals", RowList).highlighted = len(self.workshop.goals) - 1
                self._refresh_plans()

        self.push_typed_form(
            FormDialog(
                self.ui,
                self.ui.text("screen.goals.new_goal"),
                self._goal_fields(None, typed),
                self._check_goal,
                focus="text" if typed else None,
            ),
            callback=done,
        )

    def _edit_goal(self, goal: Goal) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.edit(lambda w: self._apply_goal(goal, values))

        self.app.push_screen(
            FormDialog(self.ui, self.ui.text("screen.goals.edit_goal"), self._goal_fields(goal), self._check_goal),
            callback=done,
        )

    def action_vote(self, delta: int) -> None:
        goal = self._goal()
        if goal is None or self.table_view:
            return
        if not self.edit(lambda w: vote(w, w.goals, goal, delta)) and not self.session.read_only:
            self.notify(self.ui.text("screen.goals.no_dots"), severity="warning")

    # ------------------------------------------------------------------ plans

    def _plan_fields(self, plan: ActionPlan | None, typed: str = "") -> list[FormField]:
        ui = self.ui
        values = plan_values(plan or ActionPlan(task=typed))
        text = lambda name, placeholder="", select=False: FormField(  # noqa: E731
            name, ui.text(f"screen.goals.fields.{name}"), value=values[name], placeholder=placeholder, select=select
        )
        return [
            text("task"),
            FormField(
                "owner",
                ui.text("screen.goals.fields.owner"),
                "choice",
                values["owner"],
                tuple((p.organisation, p.id) for p in self.workshop.partners),
            ),
            text("start", "YYYY-MM-DD", select=True),
            text("end", "YYYY-MM-DD", select=True),
            text("criteria"),
            text("budget", ui.text("screen.goals.budget_placeholder"), select=True),
            text("currency", select=True),
            FormField(
                "staffing",
                ui.text("screen.goals.fields.staffing"),
                "choice",
                values["staffing"],
                tuple((ui.text(f"staffing.{s}"), s) for s in STAFFING),
            ),
            FormField("support", ui.text("screen.goals.fields.support"), "flag", values["support"]),
        ]

    def _check_plan(self, values: dict[str, Any]) -> str | None:
        try:
            plan_from_values(values)
        except InputProblem as problem:
            return input_problem_text(self.ui, problem)
        except ValueError as error:  # the model refused a value the parsers let through
            return self.ui.text("errors.invalid_edit", details=error_summary(error))
        return None

    def action_new_plan(self) -> None:
        goal = self._goal()
        if self.table_view:
            return
        if goal is None:
            self.notify(self.ui.text("screen.goals.no_goal_selected"), severity="warning")
            return
        self._edit_plan(goal, None)

    def _edit_plan(self, goal: Goal | None, plan: ActionPlan | None, *, typed: str = "") -> None:
        if goal is None:
            return

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            new = plan_from_values(values, plan)
            if self.edit(lambda w: replace_plan(goal.plans, new) or new) is not None:
                self.query_one("#plans", RowList).set_rows(
                    [(p.id, self._plan_text(p)) for p in goal.plans], self.ui.text("screen.goals.no_plans"), select=new.id
                )
                self._refresh_gaps()

        title = self.ui.text("screen.goals.edit_plan" if plan else "screen.goals.new_plan")
        self.push_typed_form(
            FormDialog(self.ui, title, self._plan_fields(plan, typed), self._check_plan, focus="task" if typed else None),
            callback=done,
        )

    # ------------------------------------------------------------------ both

    def _plans_focused(self) -> bool:
        return self.query_one("#plans", RowList).has_focus

    def action_edit(self) -> None:
        if self.table_view:
            return
        if self._plans_focused() and self._plan() is not None:
            self._edit_plan(self._goal(), self._plan())
            return
        goal = self._goal()
        if goal is not None:
            self._edit_goal(goal)

    def action_delete(self) -> None:
        if self.table_view:
            return
        goal = self._goal()
        if goal is None:
            return
        if self._plans_focused():
            plan = self._plan()
            if plan is not None:
                delete_item(self, goal.plans, plan)
        else:
            delete_item(self, self.workshop.goals, goal)
