"""What a step's rule returns: a finding.

The rules themselves live with their step (`workshop/core/steps/<step>.py`). A finding never blocks: it names a catalogue key (`findings.<code>.message` and
`findings.<code>.reason`, both languages), a severity, the step it belongs to and,
where there is one, the item it points at. This module never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing the method asks the room to look at again."""

    code: str
    step: str
    severity: Severity = "warning"
    target: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"findings.{self.code}.message"

    @property
    def reason_key(self) -> str:
        return f"findings.{self.code}.reason"


def finding_params(finding: Finding, untitled: str) -> dict[str, Any]:
    """A finding's params ready for its message: empty user texts replaced by `untitled`."""
    params = dict(finding.params)
    for key in ("goal", "task", "name"):
        if key in params and not str(params[key]).strip():
            params[key] = untitled
    return params
