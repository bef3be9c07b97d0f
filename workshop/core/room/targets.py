"""Where a participant's item can go on each step, and which lists they may vote on.

One table: the projection, the pages, the inbox and the facilitator's screens all read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workshop.core.model import (
    NEEDS_QUESTIONS,
    SWOT_KINDS,
    GroundRule,
    Item,
    Opportunity,
    Problem,
    Trend,
    Workshop,
)
from workshop.core.steps.swot import add_swot


@dataclass(frozen=True)
class Target:
    """A list participants can add to: its key ("swot.strength"), step and catalogue label."""

    key: str
    step: str
    label_key: str
    #: The list's current items, in stored order.
    items: Callable[[Workshop], Sequence[Any]]
    #: Adds one item (text, author) and returns it.
    add: Callable[[Workshop, str, str], Any]
    #: Whether participants may put dots on this list's items.
    votable: bool = False

    @property
    def vote_group(self) -> str:
        """Lists that share one dot budget (the four SWOT quadrants are one list)."""
        return "swot" if self.step == "swot" else self.key


def _append(collection: Callable[[Workshop], list[Any]], make: Callable[[str, str], Any]) -> Callable[[Workshop, str, str], Any]:
    def add(workshop: Workshop, text: str, author: str) -> Any:
        item = make(text, author)
        collection(workshop).append(item)
        return item

    return add


def _needs(question: str) -> Target:
    return Target(
        key=f"needs.{question}",
        step="needs",
        label_key=f"needs.questions.{question}",
        items=lambda w: getattr(w.needs, question),
        add=_append(lambda w: getattr(w.needs, question), lambda t, a: Item(text=t, author=a)),
    )


def _swot(kind: str) -> Target:
    return Target(
        key=f"swot.{kind}",
        step="swot",
        label_key=f"swot.kinds.{kind}.name",
        items=lambda w: w.swot_of(kind),
        add=lambda w, t, a: add_swot(w, kind, t, a),
        votable=True,
    )


TARGETS: tuple[Target, ...] = (
    *(_needs(q) for q in NEEDS_QUESTIONS),
    *(_swot(k) for k in SWOT_KINDS),
    Target(
        key="mapping.trends",
        step="mapping",
        label_key="screen.mapping.tabs.trends",
        items=lambda w: w.trends,
        add=_append(lambda w: w.trends, lambda t, a: Trend(text=t, author=a)),
    ),
    Target(
        key="mapping.problems",
        step="mapping",
        label_key="screen.mapping.tabs.problems",
        items=lambda w: w.problems,
        add=_append(lambda w: w.problems, lambda t, a: Problem(text=t, author=a)),
        votable=True,
    ),
    Target(
        key="mapping.opportunities",
        step="mapping",
        label_key="screen.mapping.tabs.opportunities",
        items=lambda w: w.opportunities,
        add=_append(lambda w: w.opportunities, lambda t, a: Opportunity(text=t, author=a)),
        votable=True,
    ),
    Target(
        key="ground-rules.rules",
        step="ground-rules",
        label_key="steps.ground-rules.title",
        items=lambda w: w.ground_rules.rules,
        add=_append(lambda w: w.ground_rules.rules, lambda t, a: GroundRule(text=t, author=a, category="own", status="proposed")),
    ),
    Target(
        key="export.next_steps",
        step="export",
        label_key="screen.evaluation.next.title",
        items=lambda w: w.evaluation.next_steps,
        add=_append(lambda w: w.evaluation.next_steps, lambda t, a: Item(text=t, author=a)),
    ),
)
BY_KEY: dict[str, Target] = {t.key: t for t in TARGETS}


def targets_of(step: str) -> list[Target]:
    """The lists participants can add to on a step (none on most charter steps)."""
    return [t for t in TARGETS if t.step == step]


def target(key: str) -> Target | None:
    """The target with this key, if any."""
    return BY_KEY.get(key)


def vote_list_of(workshop: Workshop, item_id: str) -> tuple[Target, Any] | None:
    """The votable target and item with this id, if participants may vote on it."""
    for t in TARGETS:
        if not t.votable:
            continue
        for item in t.items(workshop):
            if item.id == item_id:
                return t, item
    return None


def group_items(workshop: Workshop, group: str) -> list[Any]:
    """Every item of the lists that share a dot budget."""
    return [item for t in TARGETS if t.votable and t.vote_group == group for item in t.items(workshop)]


def item_text(item: Any) -> str:
    """The text of any item a target holds."""
    return str(getattr(item, "text", ""))
