"""The ONE error base: a problem the user can understand, as a catalogue key and its parameters.

Every error meant for the user (store, import, export, a typed value, a form) is a `WorkshopError`:
the sentence lives in the catalogues (`content/*.toml`, in both languages) and the caller says it with
`error.say(catalogue)` (or `catalogue.t(error.key, **error.params)`). `str(error)` is the key and the
parameters, for logs. The subclasses only name where the problem comes from, so callers can catch
just the ones they handle. This module never imports Textual.
"""

from __future__ import annotations

from typing import Any, Protocol


class _Catalogue(Protocol):
    def t(self, key: str, /, **params: Any) -> str: ...


class WorkshopError(Exception):
    """A catalogue key (e.g. "errors.store_corrupt") and the parameters its sentence needs."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return f"{self.key} {self.params}"

    def say(self, catalogue: _Catalogue) -> str:
        """The sentence in the catalogue's language (the key itself if a catalogue lacks it: a bug)."""
        try:
            return catalogue.t(self.key, **self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.key}: {self.params}"


class UserError(WorkshopError):
    """Something the user can fix (the CLI and the home screen say it and go on)."""


class StoreError(WorkshopError):
    """A storage problem: a damaged, locked, missing or unwritable workshop."""


class SchemaProblem(WorkshopError, ValueError):
    """A workshop document that cannot be read (wrong shape, newer schema, limits)."""


class ExportError(WorkshopError):
    """An export that could not be written."""


class InputProblem(WorkshopError, ValueError):
    """What the facilitator typed cannot be used."""


class FormError(WorkshopError, ValueError):
    """A form value that cannot be accepted; `field` names the field to fix."""

    def __init__(self, key: str, field_name: str, /, **params: Any) -> None:
        super().__init__(key, **params)
        self.field = field_name


__all__ = ["ExportError", "FormError", "InputProblem", "SchemaProblem", "StoreError", "UserError", "WorkshopError"]
