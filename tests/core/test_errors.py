"""The one error base: every user-facing error carries a catalogue key said in both languages."""

from __future__ import annotations

import pytest

from workshop.core.content import load_catalogue
from workshop.core.errors import (
    ExportError,
    FormError,
    InputProblem,
    SchemaProblem,
    StoreError,
    UserError,
    WorkshopError,
)


@pytest.mark.parametrize("kind", [UserError, StoreError, SchemaProblem, ExportError, InputProblem])
def test_every_error_is_a_workshop_error(kind: type[WorkshopError]) -> None:
    error = kind("errors.file_not_found", path="/x")
    assert isinstance(error, WorkshopError)
    assert error.key == "errors.file_not_found" and error.params == {"path": "/x"}
    for language in ("en", "ar"):
        assert "/x" in error.say(load_catalogue(language))


def test_form_error_names_its_field() -> None:
    error = FormError("screen.partners.errors.bad_scale", "influence", value="9")
    assert error.field == "influence" and isinstance(error, ValueError)


def test_an_unknown_key_is_said_without_crashing() -> None:
    assert "errors.nope" in UserError("errors.nope", a=1).say(load_catalogue("en"))
