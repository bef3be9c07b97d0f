"""Loads and validates the bilingual content catalogues in `content/`.

Each language has three TOML files: `ui.<lang>.toml` (labels, bindings, errors),
`method.<lang>.toml` (guidance, questions, checklists, tables) and `report.<lang>.toml`
(the exports' headings); any other `<name>.<lang>.toml` (one per step or screen) is merged in.
Step order and suggested timeboxes live in the step registry (`workshop.core.steps`). Keys are dotted
paths into the merged tables. This module never imports Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "ar")
#: Catalogue files per language that must exist: `<part>.<lang>.toml`. Any other
#: `<name>.<lang>.toml` (one per group of screens) is merged too, in name order.
CATALOGUE_PARTS: tuple[str, ...] = ("ui", "method", "report")


def catalogue_files(language: str) -> list[str]:
    """The TOML files of one language, the required parts first."""
    suffix = f".{language}.toml"
    names = sorted(
        entry.name
        for entry in content_root().iterdir()
        if entry.name.endswith(suffix) and entry.name.removesuffix(suffix) not in CATALOGUE_PARTS
    )
    return [f"{part}{suffix}" for part in CATALOGUE_PARTS] + names


class MissingText(KeyError):
    """A catalogue key that one language lacks: a bug caught by the catalogue tests."""


def content_root() -> Traversable:
    """The content folder, from the installed package or from a checkout."""
    try:
        return resources.files("workshop.data")
    except ModuleNotFoundError:  # running from a checkout that was never installed
        return Path(__file__).resolve().parents[2] / "content"


def cache_dir() -> Path:
    """Where parsed catalogues are kept between runs (WORKSHOP_CACHE_DIR, or the per-user cache)."""
    configured = os.environ.get("WORKSHOP_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("coalition-workshop", appauthor=False))


def _parsed(names: list[str], label: str) -> dict[str, Any]:
    """The merged tree of these TOML files, from a JSON copy keyed by the files' own bytes.

    Parsing ~80 KB of TOML takes ~13 ms of a ~0.4 s start (tomllib is pure Python); reading
    the same tree back as JSON takes under 1 ms. The key is a hash of every file's name and
    bytes, so an edited catalogue is parsed again; a cache that cannot be read or written is
    simply not used.
    """
    texts = [content_root().joinpath(name).read_bytes() for name in names]
    digest = hashlib.blake2b(digest_size=16)
    for name, text in zip(names, texts):
        digest.update(name.encode() + b"\0" + text + b"\0")
    cached = cache_dir() / f"{label}-{digest.hexdigest()}.json"
    try:
        tree: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return tree
    except (OSError, ValueError):
        pass
    import tomllib

    tree = {}
    for text in texts:
        _merge(tree, tomllib.loads(text.decode("utf-8")))
    from workshop.core.storage.atomic import make_private_dir, write_text

    try:  # a whole copy or none: a reader never sees half a file
        make_private_dir(cached.parent)
        write_text(cached, json.dumps(tree, ensure_ascii=False), durable=False)
    except OSError:
        pass
    return tree


#: CLDR plural categories: a table with these keys (and "other") is one text that varies with a count.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def is_plural(value: Any) -> bool:
    """Whether a catalogue value is a plural table: CLDR categories, "other" required, and
    optionally ``of`` naming the count parameter (default ``count``)."""
    return (
        isinstance(value, dict)
        and "other" in value
        and set(value) <= PLURAL_CATEGORIES | {"of"}
    )


@lru_cache(maxsize=4)
def _plural_rule(language: str) -> Any:
    """Babel's CLDR plural rule of a language, loaded on the first plural text."""
    from babel import Locale

    return Locale.parse(language).plural_form


def _english_whole(n: int) -> str:
    """CLDR `en`, whole numbers: one: i = 1 and v = 0; other."""
    return "one" if n == 1 else "other"


def _arabic_whole(n: int) -> str:
    """CLDR `ar`, whole numbers: zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10;
    many: n % 100 = 11..99; other."""
    if n <= 2:
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


#: The CLDR rules of the app's own languages for whole numbers (every count it shows): a start does
#: not import Babel and load its locale data (~50-100 ms, on every Arabic start and the English goals
#: step). Any other count or language goes to Babel; tests/core/test_plurals.py checks these against it.
_WHOLE_NUMBER_RULES = {"en": _english_whole, "ar": _arabic_whole}


def plural_text(language: str, table: dict[str, str], count: Any) -> str:
    """The form of a plural table for ``count`` under the language's CLDR rules."""
    try:
        number = abs(count)
        rule = _WHOLE_NUMBER_RULES.get(language) if type(number) is int else None
        category = rule(number) if rule is not None else _plural_rule(language)(number)
    except (TypeError, ValueError):
        category = "other"
    return table.get(category) or table["other"]


def flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted keys for every leaf (strings, numbers, lists, plural tables) of a nested table."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and not is_plural(value):
            flat.update(flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


def _merge(into: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


class _Params(dict):  # type: ignore[type-arg]
    """Format parameters that leave an unknown placeholder as it is instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Catalogue:
    """All user-visible text of one language."""

    language: str
    tree: dict[str, Any]
    flat: dict[str, Any] = field(repr=False)

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return self.language == "ar"

    def t(self, key: str, /, **params: Any) -> str:
        """The text at `key`, with `{name}` placeholders filled from params.

        A plural table (``one = ...``, ``other = ...``; Arabic has zero/one/two/few/many/
        other) gives the form CLDR's rules (Babel) pick for its count parameter.
        """
        try:
            value = self.flat[key]
        except KeyError:
            raise MissingText(f"{self.language}: {key}") from None
        if is_plural(value):  # without its count, the "other" form (its placeholder left as is)
            name = value.get("of", "count")
            value = plural_text(self.language, value, params[name]) if name in params else value["other"]
        if not isinstance(value, str):
            raise MissingText(f"{self.language}: {key} is not a text")
        return value.format_map(_Params(params)) if params else value

    def has(self, key: str) -> bool:
        """Whether the catalogue has a leaf at `key`."""
        return key in self.flat

    def items(self, key: str) -> list[Any]:
        """The list at `key` (questions, checklist entries, examples)."""
        value = self.flat.get(key)
        if not isinstance(value, list):
            raise MissingText(f"{self.language}: {key} is not a list")
        return value

    def section(self, key: str) -> dict[str, Any]:
        """The nested table at `key`."""
        node: Any = self.tree
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise MissingText(f"{self.language}: {key}")
            node = node[part]
        if not isinstance(node, dict):
            raise MissingText(f"{self.language}: {key} is not a table")
        return node


@lru_cache(maxsize=4)
def load_catalogue(language: str) -> Catalogue:
    """The merged ui + method catalogue of one language."""
    if language not in LANGUAGES:
        raise MissingText(f"unknown language {language!r}")
    tree = _parsed(catalogue_files(language), f"catalogue-{language}")
    return Catalogue(language=language, tree=tree, flat=flatten(tree))


def demo_document(language: str) -> dict[str, Any]:
    """The bundled demo workshop of a language, as a JSON document."""
    text = content_root().joinpath("demo", f"demo.{language}.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def catalogue_problems() -> list[str]:
    """Every key present in one language and not the other, and every empty text."""
    problems: list[str] = []
    catalogues = {lang: load_catalogue(lang) for lang in LANGUAGES}
    keys = {lang: set(cat.flat) for lang, cat in catalogues.items()}
    for lang, own in keys.items():
        for other, theirs in keys.items():
            for key in sorted(theirs - own):
                problems.append(f"{lang} lacks {key} (present in {other})")
    for lang, cat in catalogues.items():
        for key, value in cat.flat.items():
            if value == "" or value == []:
                problems.append(f"{lang}: {key} is empty")
            elif isinstance(value, list) and any(isinstance(v, str) and not v.strip() for v in value):
                problems.append(f"{lang}: {key} has an empty entry")
    return problems
