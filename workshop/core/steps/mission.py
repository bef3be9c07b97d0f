"""Mission and vision step: composing, revising and adopting drafts, and its findings. Never imports Textual."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from workshop.core.model import (
    DraftVersion,
    MissionDraft,
    Workshop,
    now_iso,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step


def mission_findings(workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    if workshop.mission.drafts and workshop.mission.adopted() is None:
        findings.append(Finding("mission-not-adopted", "mission"))
    if not workshop.mission.vision.strip():
        findings.append(Finding("vision-missing", "mission", severity="info"))
    return findings


def word_count(text: str) -> int:
    """Words in a draft, as a reader counts them."""
    return len(text.split())


def draft_number(workshop: Workshop, draft_id: str) -> int:
    """1-based position of a draft (0 when it is gone)."""
    ids = [d.id for d in workshop.mission.drafts]
    return ids.index(draft_id) + 1 if draft_id in ids else 0


def history_lines(draft: MissionDraft) -> list[tuple[str, str]]:
    """(time, text) of each earlier version, newest first; time as "YYYY-MM-DD HH:MM"."""
    return [(v.at[:16].replace("T", " "), v.text) for v in reversed(draft.history)]


def compare_pair(workshop: Workshop, first: str | None, second: str | None) -> tuple[MissionDraft, MissionDraft] | None:
    """The two drafts to compare, when both still exist and differ."""
    drafts = {d.id: d for d in workshop.mission.drafts}
    if first in drafts and second in drafts and first != second:
        return drafts[first], drafts[second]
    return None


#: The mission's four parts, in the order of the sentence they make.
PARTS: tuple[str, ...] = ("who", "change", "for_whom", "how")


def compose_mission(parts: Mapping[str, str], words: Callable[..., str]) -> str:
    """A first mission sentence from the four parts (the room then rewrites it), in the
    language of `words`: `words(key, **params)` is the catalogue's text at screen.mission.compose.<key>,
    the words around each part ("We, {who}," "work towards {change}" "for {for_whom}" ", {how}"
    "."). Joined with spaces alone, the parts read "…Coalition make Eastbrook… all families…".
    An empty part leaves its words out (`no_who`, `no_change` keep the subject and the verb);
    a part that starts with its own words ("for all families") does not get them twice.
    Empty when every part is."""
    values = {part: parts.get(part, "").strip().rstrip(".،؛;") for part in PARTS}
    if not any(values.values()):
        return ""
    text = ""
    for part in PARTS:
        value = values[part]
        if value:
            text += words(part, **{part: _without_lead(value, words(part, **{part: ""}))})
        elif part in ("who", "change"):
            text += words(f"no_{part}")
    return text.strip() + words("end")


def _without_lead(value: str, piece: str) -> str:
    """`value` without the words its piece of sentence puts before it, when it already starts with them."""
    lead = [w for w in (t.strip(",،") for t in piece.split()) if w]
    typed = value.split()
    if lead and len(typed) > len(lead) and [t.strip(",،").casefold() for t in typed[: len(lead)]] == [w.casefold() for w in lead]:
        return " ".join(typed[len(lead) :])
    return value


def revise_draft(draft: MissionDraft, text: str) -> None:
    """Change a draft's text, keeping the previous text in its history."""
    if text == draft.text:
        return
    if draft.text.strip():
        draft.history = [*draft.history, DraftVersion(text=draft.text, at=now_iso())]
    draft.text = text


def adopt(workshop: Workshop, draft_id: str | None) -> None:
    """Adopt one draft as the mission (None un-adopts)."""
    if draft_id is not None and not any(d.id == draft_id for d in workshop.mission.drafts):
        raise ValueError(draft_id)
    workshop.mission.adopted_id = draft_id


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return workshop.mission.adopted() is not None and bool(workshop.mission.vision.strip())


STEP = Step(
    id="mission",
    timebox=20,
    screen="mission:MissionScreen",
    done=done,
    findings=mission_findings,
    codes=("mission-not-adopted", "vision-missing"),
    report=("mission",),
    text=("steps.mission", "screen.mission", "mission"),
)
