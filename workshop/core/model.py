"""The one schema: a whole workshop as pydantic v2 models.

The same models are the JSON interchange format, the stored document and the
export input. This module never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import secrets
from datetime import datetime, timezone
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from workshop.core.errors import SchemaProblem

SCHEMA_VERSION = 2

StepId = Literal[
    "setup",
    "needs",
    "readiness",
    "swot",
    "mapping",
    "mission",
    "partners",
    "coalition-type",
    "structure",
    "goals",
    "ground-rules",
    "export",
]
#: The stored step ids, in the order the workshop runs them (the step registry,
#: `workshop.core.steps.registry`, defines each step and checks it agrees with this schema).
STEPS: tuple[str, ...] = get_args(StepId)
Language = Literal["ar", "en"]
Sector = Literal["public", "private", "nonprofit", "community", "academic", "media", "donor"]
SECTORS: tuple[str, ...] = ("public", "private", "nonprofit", "community", "academic", "media", "donor")
PartnerStatus = Literal["identified", "contacted", "met", "committed", "signed"]
PARTNER_STATUSES: tuple[str, ...] = ("identified", "contacted", "met", "committed", "signed")
Stage = Literal["pre-formation", "formation", "implementation", "maintenance", "institutionalisation"]
STAGES: tuple[str, ...] = ("pre-formation", "formation", "implementation", "maintenance", "institutionalisation")
SwotKind = Literal["strength", "weakness", "opportunity", "threat"]
SWOT_KINDS: tuple[str, ...] = ("strength", "weakness", "opportunity", "threat")
NeedsQuestion = Literal["accomplish", "strengths", "needs", "pros", "cons", "goals"]
NEEDS_QUESTIONS: tuple[str, ...] = ("accomplish", "strengths", "needs", "pros", "cons", "goals")
ReadinessAnswerValue = Literal["yes", "no", "unsure"]
READINESS_QUESTIONS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "q5", "q6", "q7")
CoalitionType = Literal["information-network", "organisation", "coordinating-council", "campaign", "ongoing-coalition"]
COALITION_TYPES: tuple[str, ...] = (
    "information-network",
    "organisation",
    "coordinating-council",
    "campaign",
    "ongoing-coalition",
)
CommitteeKind = Literal["strategic", "executive", "work-group", "staff"]
COMMITTEE_KINDS: tuple[str, ...] = ("strategic", "executive", "work-group", "staff")
MemberRole = Literal["chair", "vice-chair", "officer", "convener", "strategic-rep", "member", "staff"]
MEMBER_ROLES: tuple[str, ...] = ("chair", "vice-chair", "officer", "convener", "strategic-rep", "member", "staff")
GoalKind = Literal["specific", "comprehensive"]
GoalCategory = Literal["research-education-culture", "programmes-services", "policy-advocacy"]
GOAL_CATEGORIES: tuple[str, ...] = ("research-education-culture", "programmes-services", "policy-advocacy")
Staffing = Literal["internal", "external", "mixed"]
EtiquetteCategory = Literal["understanding", "norms", "procedures", "own"]
RuleStatus = Literal["proposed", "adopted", "dropped"]
DecisionProcedure = Literal["consensus", "consent", "majority"]
ConflictResolution = Literal["mediator", "arbitrator", "committee"]
TrendSource = Literal["stories", "experience", "data"]

#: Longest accepted text in one field (characters). Larger pastes are refused with a clear message.
MAX_TEXT = 200_000
#: Longest accepted short field (names, titles).
MAX_SHORT = 2_000

LongText = Annotated[str, Field(max_length=MAX_TEXT)]
ShortText = Annotated[str, Field(max_length=MAX_SHORT)]


def new_id() -> str:
    """A short random id, unique enough for one workshop's items."""
    return secrets.token_hex(6)


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


# Default factories are plain functions (or lambdas for the parts): pydantic inspects every factory's
# signature when it builds a model's validator (at the first load of a start), and `inspect.signature`
# of a builtin such as `list` parses its text signature each time, of a model class builds that
# class's signature: ~40 factories made that ~10-20 ms of each start (issue #17).
def _new_list() -> list[Any]:
    return []


def _new_dict() -> dict[Any, Any]:
    return {}


class Model(BaseModel):
    """Base for every part: strict about unknown fields, validates assignments."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, str_strip_whitespace=False, defer_build=True, allow_inf_nan=False
    )


class Item(Model):
    """One line of text the room said (needs answers, next steps); `author`: who said it (or owns it)."""

    id: str = Field(default_factory=new_id)
    text: LongText = ""
    author: ShortText = ""


class Meta(Model):
    title: ShortText = Field(min_length=1)
    date: dt.date | None = None
    place: ShortText = ""
    facilitator: ShortText = ""
    language: Language = "en"
    #: 0 = collaborative betterment, 100 = collaborative empowerment.
    approach: int = Field(default=50, ge=0, le=100)
    stage: Stage = "pre-formation"

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the title cannot be empty")
        return value


class Participant(Model):
    id: str = Field(default_factory=new_id)
    name: ShortText = ""
    organisation: ShortText = ""
    sector: Sector | None = None


class Needs(Model):
    """Answers to the first of the eight steps: several items per question."""

    accomplish: list[Item] = Field(default_factory=_new_list)
    strengths: list[Item] = Field(default_factory=_new_list)
    needs: list[Item] = Field(default_factory=_new_list)
    pros: list[Item] = Field(default_factory=_new_list)
    cons: list[Item] = Field(default_factory=_new_list)
    goals: list[Item] = Field(default_factory=_new_list)


class ReadinessAnswer(Model):
    answer: ReadinessAnswerValue | None = None
    note: LongText = ""


def _empty_readiness() -> dict[str, ReadinessAnswer]:
    return {q: ReadinessAnswer() for q in READINESS_QUESTIONS}


class SwotItem(Model):
    id: str = Field(default_factory=new_id)
    kind: SwotKind
    text: LongText = ""
    author: ShortText = ""
    votes: int = Field(default=0, ge=0)


class Trend(Model):
    id: str = Field(default_factory=new_id)
    text: LongText = ""
    author: ShortText = ""
    source: TrendSource = "experience"


class Opportunity(Model):
    id: str = Field(default_factory=new_id)
    text: LongText = ""
    author: ShortText = ""
    votes: int = Field(default=0, ge=0)
    #: The SWOT item it was seeded from, if any.
    swot_id: str | None = None


class Problem(Model):
    id: str = Field(default_factory=new_id)
    text: LongText = ""
    author: ShortText = ""
    votes: int = Field(default=0, ge=0)
    swot_id: str | None = None
    opportunity_ids: list[str] = Field(default_factory=_new_list)


class DraftVersion(Model):
    text: LongText = ""
    at: str = Field(default_factory=now_iso)


class MissionDraft(Model):
    id: str = Field(default_factory=new_id)
    who: LongText = ""
    change: LongText = ""
    for_whom: LongText = ""
    how: LongText = ""
    text: LongText = ""
    created: str = Field(default_factory=now_iso)
    #: Earlier texts of this draft, oldest first.
    history: list[DraftVersion] = Field(default_factory=_new_list)


class MissionParts(Model):
    """The four parts as the room is writing them, before they become a draft."""

    who: LongText = ""
    change: LongText = ""
    for_whom: LongText = ""
    how: LongText = ""


class Mission(Model):
    #: Parts being written (kept as typed, so nothing is lost before ctrl+r makes a draft).
    working: MissionParts = Field(default_factory=lambda: MissionParts())
    drafts: list[MissionDraft] = Field(default_factory=_new_list)
    adopted_id: str | None = None
    vision: LongText = ""

    def adopted(self) -> MissionDraft | None:
        """The adopted draft, if one is."""
        return next((d for d in self.drafts if d.id == self.adopted_id), None)


class FollowUp(Model):
    id: str = Field(default_factory=new_id)
    due: dt.date | None = None
    text: LongText = ""
    done: bool = False


class Partner(Model):
    id: str = Field(default_factory=new_id)
    organisation: ShortText = Field(min_length=1)
    sector: Sector = "nonprofit"
    contact_person: ShortText = ""
    #: Private: never in the participants' exports nor on the projector.
    email: ShortText = ""
    #: Private: never in the participants' exports nor on the projector.
    phone: ShortText = ""
    role: LongText = ""
    contribution: LongText = ""
    barriers: LongText = ""
    status: PartnerStatus = "identified"
    decision_authority: bool = False
    influence: int = Field(default=3, ge=1, le=5)
    interest: int = Field(default=3, ge=1, le=5)
    #: Private facilitator notes.
    notes: LongText = ""
    follow_ups: list[FollowUp] = Field(default_factory=_new_list)


class CoalitionChoice(Model):
    #: Answers to the type questions: question key -> option key.
    answers: dict[str, str] = Field(default_factory=_new_dict)
    chosen: CoalitionType | None = None
    reason: LongText = ""


class Member(Model):
    id: str = Field(default_factory=new_id)
    name: ShortText = ""
    partner_id: str | None = None
    participant_id: str | None = None
    #: The organisation the member represents (copied from the partner or participant when picked).
    organisation: ShortText = ""
    #: Sector of the organisation the member represents (copied from the partner when picked).
    sector: Sector | None = None
    role: MemberRole = "member"
    official_delegate: bool = True


class Committee(Model):
    id: str = Field(default_factory=new_id)
    kind: CommitteeKind
    name: ShortText = ""
    cadence: ShortText = ""
    decision_authority: LongText = ""
    members: list[Member] = Field(default_factory=_new_list)


class Structure(Model):
    committees: list[Committee] = Field(default_factory=_new_list)


class ActionPlan(Model):
    id: str = Field(default_factory=new_id)
    task: LongText = ""
    responsible_partner_id: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    criteria: LongText = ""
    budget: float | None = Field(default=None, ge=0)
    currency: ShortText = ""
    staffing: Staffing | None = None
    community_support: bool = False

    @model_validator(mode="after")
    def _dates_in_order(self) -> ActionPlan:
        if self.start and self.end and self.end < self.start:
            raise ValueError("the end date is before the start date")
        return self


class Goal(Model):
    id: str = Field(default_factory=new_id)
    kind: GoalKind = "specific"
    category: GoalCategory | None = None
    text: LongText = ""
    work_group_id: str | None = None
    convener: ShortText = ""
    votes: int = Field(default=0, ge=0)
    plans: list[ActionPlan] = Field(default_factory=_new_list)


class GroundRule(Model):
    id: str = Field(default_factory=new_id)
    category: EtiquetteCategory = "own"
    #: Key of the etiquette rule in the method catalogue it came from, if any.
    source: str | None = None
    text: LongText = ""
    author: ShortText = ""
    status: RuleStatus = "proposed"


class GroundRules(Model):
    rules: list[GroundRule] = Field(default_factory=_new_list)
    decision_procedure: DecisionProcedure | None = None
    quorum: int | None = Field(default=None, ge=1, le=1000)
    conflict_resolution: ConflictResolution | None = None
    reopen_rule: LongText = ""
    executive_may_decide: LongText = ""


class Rating(Model):
    id: str = Field(default_factory=new_id)
    question: ShortText = "overall"
    score: int = Field(ge=1, le=5)


class NextStep(Item):
    """A next step: what (text), who (author, "@Name") and by when (due, optional)."""

    due: dt.date | None = None


class Meeting(Model):
    """The coalition's next meeting, if the room set one."""

    date: dt.date | None = None
    #: Free text such as "18:00" or "morning".
    time: ShortText = ""
    place: ShortText = ""

    def is_set(self) -> bool:
        """Whether any part of the meeting was agreed."""
        return bool(self.date or self.time.strip() or self.place.strip())


class Evaluation(Model):
    #: Progress of each of the eight steps (key "1".."8"): 0-100.
    eight_steps: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=_new_dict)
    ratings: list[Rating] = Field(default_factory=_new_list)
    #: The four empowerment success indicators (key "1".."4") -> checked.
    indicators: dict[str, bool] = Field(default_factory=_new_dict)
    #: This workshop's own wording of an indicator (key "1".."4"); absent: the manual's wording.
    indicator_texts: dict[str, ShortText] = Field(default_factory=_new_dict)
    next_steps: list[NextStep] = Field(default_factory=_new_list)
    next_meeting: Meeting = Field(default_factory=lambda: Meeting())

    @field_validator("next_steps", mode="before")
    @classmethod
    def _plain_items_are_next_steps(cls, value: Any) -> Any:
        """A plain Item (text and author) is a next step without a date."""
        if isinstance(value, list):
            return [v.model_dump() if isinstance(v, Item) and not isinstance(v, NextStep) else v for v in value]
        return value

    @field_validator("eight_steps", "indicators", "indicator_texts")
    @classmethod
    def _numbered_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        wrong = [key for key in value if not (key.isascii() and key.isdigit() and 1 <= int(key) <= 8)]
        if wrong:
            raise ValueError(f"keys must be step numbers 1-8, not {wrong[0][:20]!r}")
        return value


class Timing(Model):
    #: Planned minutes per step (overrides the catalogue's suggestion).
    timeboxes: dict[str, int] = Field(default_factory=_new_dict)
    #: Seconds spent per step.
    spent: dict[str, int] = Field(default_factory=_new_dict)
    dots_per_participant: int = Field(default=3, ge=0, le=50)


InboxStatus = Literal["pending", "accepted", "merged", "rejected"]
INBOX_STATUSES: tuple[str, ...] = ("pending", "accepted", "merged", "rejected")


class InboxEntry(Model):
    """An item a participant sent from a phone, waiting for (or decided by) the facilitator."""

    id: str = Field(default_factory=new_id)
    #: The device that sent it (RoomDevice.id).
    device_id: ShortText
    #: The phone's own id for this submission: a retried submit is recognised, never stored twice.
    client_id: ShortText
    #: Where it goes, e.g. "swot.strength" (see workshop.core.room.targets).
    target: ShortText
    text: LongText
    #: The name the participant gave ("" = anonymous).
    author: ShortText = ""
    at: str = Field(default_factory=now_iso)
    status: InboxStatus = "pending"
    #: The item it became (accepted) or was merged into (merged).
    item_id: str | None = None


class RoomDevice(Model):
    """A phone that joined the room. The device token itself is never stored, only its SHA-256."""

    id: str = Field(default_factory=new_id)
    token_hash: ShortText
    name: ShortText = ""
    #: Whether the participant lets the others see their name.
    show_name: bool = False
    joined: str = Field(default_factory=now_iso)
    removed: bool = False
    #: Dots this device put on items: item id -> dots.
    votes: dict[str, int] = Field(default_factory=_new_dict)
    #: The last vote and answer submissions seen (client ids), so a retried one counts once.
    seen_votes: list[str] = Field(default_factory=_new_list)
    #: This phone's answers to the readiness checklist: question -> yes / no / unsure (counted
    #: beside each question on the facilitator's screen; the group's answer stays the facilitator's).
    readiness: dict[str, ReadinessAnswerValue] = Field(default_factory=_new_dict)
    #: This phone's poll answers: question -> the id of its Rating in evaluation.ratings.
    poll: dict[str, str] = Field(default_factory=_new_dict)


class Room(Model):
    """Participants joining from their phones: devices, their inbox, the voting rules."""

    #: Participants' items become ordinary items at once, without the facilitator's review.
    auto_accept: bool = False
    #: Whether participants see vote totals (they always see their own dots).
    reveal_votes: bool = False
    #: Most dots one participant may put on one item (the budget is timing.dots_per_participant per list).
    max_per_item: int = Field(default=2, ge=1, le=50)
    #: The join address (with the code) while the room is open and unlocked, for `workshop present`
    #: to show; empty otherwise. Written by the facilitator's process only.
    join_url: ShortText = ""
    devices: list[RoomDevice] = Field(default_factory=_new_list)
    inbox: list[InboxEntry] = Field(default_factory=_new_list)


class Workshop(Model):
    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    created: str = Field(default_factory=now_iso)
    updated: str = Field(default_factory=now_iso)
    last_step: StepId = "setup"
    archived: bool = False
    meta: Meta
    participants: list[Participant] = Field(default_factory=_new_list)
    needs: Needs = Field(default_factory=lambda: Needs())
    readiness: dict[str, ReadinessAnswer] = Field(default_factory=_empty_readiness)
    swot: list[SwotItem] = Field(default_factory=_new_list)
    trends: list[Trend] = Field(default_factory=_new_list)
    problems: list[Problem] = Field(default_factory=_new_list)
    opportunities: list[Opportunity] = Field(default_factory=_new_list)
    mission: Mission = Field(default_factory=lambda: Mission())
    partners: list[Partner] = Field(default_factory=_new_list)
    coalition_type: CoalitionChoice = Field(default_factory=lambda: CoalitionChoice())
    structure: Structure = Field(default_factory=lambda: Structure())
    goals: list[Goal] = Field(default_factory=_new_list)
    ground_rules: GroundRules = Field(default_factory=lambda: GroundRules())
    evaluation: Evaluation = Field(default_factory=lambda: Evaluation())
    timing: Timing = Field(default_factory=lambda: Timing())
    #: Private facilitator notes per step id.
    facilitator_notes: dict[str, LongText] = Field(default_factory=_new_dict)
    #: Text typed in a capture field but not entered yet, per field ("needs.accomplish", "swot.q-strength"):
    #: offered back in that field next time. Private: never in the participants' exports.
    drafts: dict[str, LongText] = Field(default_factory=_new_dict)
    #: Participants' phones: devices, the inbox of what they sent, voting rules (private).
    room: Room = Field(default_factory=lambda: Room())

    @field_validator("readiness")
    @classmethod
    def _known_questions(cls, value: dict[str, ReadinessAnswer]) -> dict[str, ReadinessAnswer]:
        unknown = set(value) - set(READINESS_QUESTIONS)
        if unknown:
            raise ValueError(f"unknown readiness questions: {', '.join(sorted(unknown))}")
        return {q: value.get(q, ReadinessAnswer()) for q in READINESS_QUESTIONS}

    def swot_of(self, kind: str) -> list[SwotItem]:
        """The SWOT items of one quadrant, in stored order."""
        return [item for item in self.swot if item.kind == kind]

    def partner(self, partner_id: str | None) -> Partner | None:
        """The partner with this id, if any."""
        return next((p for p in self.partners if p.id == partner_id), None)


# --------------------------------------------------------------------------- interchange


def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (early drafts) kept the title at top level and no readiness notes."""
    doc = dict(doc)
    if "meta" not in doc:
        doc["meta"] = {"title": doc.pop("title", "") or "Untitled", "language": doc.pop("language", "en")}
    doc["schema_version"] = 1
    return doc


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added fields that all have a default, so a version 1 file loads as it is: the
    participants' room (`room`, with its phones' readiness and poll answers), who said an item
    (`author`), a participant's `organisation`, capture-field `drafts`, next steps' due dates
    (`evaluation.next_steps[].due`), the next meeting (`evaluation.next_meeting`) and the
    workshop's own wording of the success indicators (`evaluation.indicator_texts`). The number
    tells an older app that a file written by this one is newer (it names it instead of
    refusing an unknown field)."""
    doc = dict(doc)
    doc["schema_version"] = 2
    return doc


MIGRATIONS = {0: _migrate_0_to_1, 1: _migrate_1_to_2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to SCHEMA_VERSION; refuse newer ones."""
    version = doc.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise SchemaProblem("errors.schema_version_bad", version=repr(version)[:40])
    if version > SCHEMA_VERSION:
        raise SchemaProblem("errors.schema_version_new", version=version, supported=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaProblem("errors.schema_version_bad", version=version)
        doc = step(doc)
        version = doc["schema_version"]
    return doc


def describe_validation_error(error: ValidationError, limit: int = 5) -> str:
    """Name each failing field and say what is wrong, in one short text (no traceback)."""
    lines = []
    for problem in error.errors()[:limit]:
        where = ".".join(str(part) for part in problem["loc"]) or "(document)"
        lines.append(f"{where}: {problem['msg']}")
    more = len(error.errors()) - limit
    if more > 0:
        lines.append(f"... and {more} more")
    return "; ".join(lines)


def error_summary(error: ValueError, limit: int = 1) -> str:
    """A short sentence for a refused value: the fields for a ValidationError, else the message."""
    if isinstance(error, ValidationError):
        return describe_validation_error(error, limit=limit)
    return str(error)[:200]


def workshop_from_dict(doc: Any) -> Workshop:
    """Validate a document (after migration) into a Workshop, or raise SchemaProblem."""
    if not isinstance(doc, dict):
        raise SchemaProblem("errors.not_a_workshop")
    doc = migrate(doc)
    from workshop.core.limits import check_counts, check_unique_ids

    try:
        workshop = Workshop.model_validate(doc)
    except ValidationError as error:
        raise SchemaProblem("errors.invalid_workshop", details=describe_validation_error(error)) from None
    # Whole-workshop rules, here and in Session.edit (not a model validator: that would walk every
    # item on every assignment): no two entries of a list share an id; the limits hold.
    check_unique_ids(workshop)
    check_counts(workshop)
    return workshop


def workshop_to_dict(workshop: Workshop) -> dict[str, Any]:
    """The JSON-ready document of a workshop (an unused room is left out: older files stay as they were)."""
    doc = workshop.model_dump(mode="json")
    if doc.get("room") == Room().model_dump(mode="json"):
        del doc["room"]
    return doc
