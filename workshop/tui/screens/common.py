"""Helpers the step screens share: findings with the manual's reasons, input problems, deletion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop.core.errors import InputProblem
from workshop.core.i18n import Ui
from workshop.core.steps.findings import Finding, finding_params
from workshop.tui.screens.base import StepScreen


def findings_text(ui: Ui, findings: Sequence[Finding], *, reasons: bool = True) -> str:
    """Each finding's message (with its params) and, when asked, the manual's reason, one paragraph each."""
    untitled = ui.text("charter.untitled")
    lines: list[str] = []
    for finding in findings:
        mark = "⚠" if finding.severity == "warning" else "•"
        message = ui.text(finding.message_key, **finding_params(finding, untitled))
        lines.append(f"{mark} {message}")
        if reasons:
            lines.append(f"  {ui.text(finding.reason_key)}")
    return "\n".join(lines)


def input_problem_text(ui: Ui, problem: InputProblem) -> str:
    """The sentence of an InputProblem in the interface language (field names translated)."""
    params = dict(problem.params)
    if "field" in params:
        params["field"] = ui.text(f"charter.date_fields.{params['field']}")
    return ui.text(problem.key, **params)


def delete_item(screen: StepScreen, collection: list[Any], item: Any, said: str | None = None) -> None:
    """Delete through the session (Ctrl+Z undoes it), then say so (`said`, or the charter's sentence);
    refused with a message when read-only."""
    if screen.session.read_only:
        screen.notify(screen.ui.text("app.read_only_refused"), severity="warning")
        return
    screen.session.delete(collection, item)
    screen.refresh_work()
    screen.notify(said if said is not None else screen.ui.text("charter.deleted"))


