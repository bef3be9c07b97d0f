"""Participants answer the readiness checklist and the evaluation poll from their phones.

One answer per phone per question, changeable; a retried submit (the same client id) counts once.
Poll answers are ordinary ratings: the poll's counts and average on the facilitator's screen, and
the exports, include them. Readiness answers are kept per phone and counted beside each question
on the facilitator's readiness screen; the group's answer stays the facilitator's to record.
Never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.model import READINESS_QUESTIONS, RoomDevice, Workshop
from workshop.core.room.inbox import RoomRefused, remember, seen
from workshop.core.steps.evaluation import POLL_QUESTIONS, SCORE_MAX, SCORE_MIN, add_rating

#: The readiness answers a phone may give, in the order its buttons show.
READINESS_CHOICES: tuple[str, ...] = ("yes", "no", "unsure")
#: The poll scores a phone may give.
POLL_CHOICES: tuple[str, ...] = tuple(str(n) for n in range(SCORE_MIN, SCORE_MAX + 1))


@dataclass(frozen=True)
class Ask:
    """One question a phone can answer: key ("readiness.q1", "poll.overall"), step, text, choices."""

    key: str
    kind: str
    question: str
    step: str
    text_key: str
    choices: tuple[str, ...]


ASKS: tuple[Ask, ...] = (
    *(Ask(f"readiness.{q}", "readiness", q, "readiness", f"readiness.questions.{q}", READINESS_CHOICES) for q in READINESS_QUESTIONS),
    *(Ask(f"poll.{q}", "poll", q, "export", f"poll.questions.{q}", POLL_CHOICES) for q in POLL_QUESTIONS),
)
BY_KEY: dict[str, Ask] = {a.key: a for a in ASKS}


def asks_of(step: str) -> list[Ask]:
    """The questions phones answer on a step (the checklist on readiness, the poll on the last step)."""
    return [a for a in ASKS if a.step == step]


def mine(workshop: Workshop, device: RoomDevice, ask: Ask) -> str | None:
    """This phone's current answer to one question (None: not answered, or taken back by the facilitator)."""
    if ask.kind == "readiness":
        return device.readiness.get(ask.question)
    rating_id = device.poll.get(ask.question)
    rating = next((r for r in workshop.evaluation.ratings if r.id == rating_id), None)
    return str(rating.score) if rating is not None else None


def answer(workshop: Workshop, device: RoomDevice, client_id: str, ask_key: str, value: str) -> bool:
    """Record (or change) this phone's answer; False when it was a retry of a submit already counted.

    Refused for an unknown question or answer, and for a question of another step than the
    facilitator's (the phone's page was old).
    """
    if seen(device, client_id):
        return False
    ask = BY_KEY.get(ask_key)
    if ask is None or value not in ask.choices:
        raise RoomRefused("room.errors.bad_request")
    if ask.step != workshop.last_step:
        raise RoomRefused("room.errors.not_here", status=409)
    if ask.kind == "readiness":
        device.readiness = {**device.readiness, ask.question: value}  # type: ignore[dict-item]
    else:
        score = int(value)
        rating = next((r for r in workshop.evaluation.ratings if r.id == device.poll.get(ask.question)), None)
        if rating is None:
            rating = add_rating(workshop.evaluation, ask.question, score)
            device.poll = {**device.poll, ask.question: rating.id}
        else:
            rating.score = score
    remember(device, client_id)
    return True


def readiness_tally(workshop: Workshop) -> dict[str, dict[str, int]]:
    """Per question, how many phones answered yes / no / unsure (phones the facilitator removed left out)."""
    tally = {q: dict.fromkeys(READINESS_CHOICES, 0) for q in READINESS_QUESTIONS}
    for device in workshop.room.devices:
        if device.removed:
            continue
        for question, value in device.readiness.items():
            if question in tally and value in tally[question]:
                tally[question][value] += 1
    return tally
