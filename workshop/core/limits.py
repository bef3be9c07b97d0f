"""Limits a real workshop never meets, enforced on import, on load and on every edit.

A long day with a big room produces a few hundred items in all (the demo has about 150) and a file
well under 1 MB. The limits below are ten to a hundred times that, so they only ever stop a broken or
hostile file, or a paste gone wrong, before it makes the app slow or unusable:

- `MAX_FILE_BYTES`: a workshop file (import and the store), read in chunks and refused past it;
- `MAX_LIST_ITEMS`: entries in any one list (SWOT items, partners, a needs question, plans...);
- `MAX_TOTAL_ITEMS`: entries of all lists together;
- `MAX_TEXT` / `MAX_SHORT` (in `model`): characters in one long / short field;
- JSON nested deeper than Python's parser allows is refused as broken JSON;
- numbers: at most `MAX_NUMBER_DIGITS` digits, finite (no NaN or Infinity).

README "Limits" says the same. This module never imports Textual.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from workshop.core.errors import SchemaProblem

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LIST_ITEMS = 500
MAX_TOTAL_ITEMS = 5_000
MAX_NUMBER_DIGITS = 30


class LimitExceeded(SchemaProblem):
    """A workshop that would hold more than a limit allows (key errors.limit_items / limit_total)."""


_CONTAINER_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def _may_contain(annotation: Any) -> bool:
    """Whether a field of this type can hold a list, a dict or a model."""
    if typing.get_origin(annotation) in (list, dict):
        return True
    if typing.get_args(annotation):  # Optional, Union, Annotated...
        return any(_may_contain(arg) for arg in typing.get_args(annotation))
    return isinstance(annotation, type) and issubclass(annotation, (BaseModel, list, dict))


def _container_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that can hold lists, dicts or models (cached: leaf items have none,
    so a walk over 5,000 items touches each only once)."""
    names = _CONTAINER_FIELDS.get(cls)
    if names is None:
        names = tuple(name for name, info in cls.model_fields.items() if _may_contain(info.annotation))
        _CONTAINER_FIELDS[cls] = names
    return names


def lists_of(model: BaseModel, path: str = "") -> Iterator[tuple[str, list[Any] | dict[str, Any]]]:
    """Every list and dict inside a model (recursively), with its dotted path."""
    for name in _container_fields(type(model)):
        value = getattr(model, name, None)
        where = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from lists_of(value, where)
        elif isinstance(value, list):
            yield where, value
            if value and _holds_containers(value[0]):  # lists are of one kind: leaf items are skipped
                for index, entry in enumerate(value):
                    if isinstance(entry, BaseModel):
                        yield from lists_of(entry, f"{where}.{index}")
        elif isinstance(value, dict):
            yield where, value
            first = next(iter(value.values()), None)
            if _holds_containers(first):
                for key, entry in value.items():
                    if isinstance(entry, BaseModel):
                        yield from lists_of(entry, f"{where}.{key}")


def _holds_containers(entry: Any) -> bool:
    return isinstance(entry, BaseModel) and bool(_container_fields(type(entry)))


def check_counts(model: BaseModel) -> None:
    """LimitExceeded when one list, or all lists together, hold too many entries."""
    total = 0
    for where, entries in lists_of(model):
        total += len(entries)
        if len(entries) > MAX_LIST_ITEMS:
            raise LimitExceeded("errors.limit_items", where=where, count=len(entries), limit=MAX_LIST_ITEMS)
    if total > MAX_TOTAL_ITEMS:
        raise LimitExceeded("errors.limit_total", count=total, limit=MAX_TOTAL_ITEMS)


def check_unique_ids(model: BaseModel) -> None:
    """SchemaProblem when two entries of one list share an id (deleting one would delete the other)."""
    for where, entries in lists_of(model):
        if not isinstance(entries, list):
            continue
        seen: set[str] = set()
        for entry in entries:
            entry_id = getattr(entry, "id", None)
            if not isinstance(entry_id, str):
                continue
            if entry_id in seen:
                raise SchemaProblem("errors.duplicate_id", where=where, id=entry_id[:40])
            seen.add(entry_id)


def bounded_int(text: str) -> int:
    """json's parse_int: refuse numbers no workshop holds (and Python's 4,300-digit limit)."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError("number too long")
    return int(text)


def refuse_constant(name: str) -> Any:
    """json's parse_constant: NaN and Infinity are not JSON and no workshop holds them."""
    raise ValueError(f"{name} is not a number a workshop can hold")


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_NUMBER_DIGITS",
    "MAX_TOTAL_ITEMS",
    "LimitExceeded",
    "bounded_int",
    "check_counts",
    "check_unique_ids",
    "lists_of",
    "refuse_constant",
]
