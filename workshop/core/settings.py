"""Settings remembered between runs (language, right-to-left mode, bandwidth, theme).

Stored as JSON next to the workshops, written atomically. Never imports Textual.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from workshop.core.storage.atomic import make_private_dir, write_text

SETTINGS_FILE = "settings.json"


class Settings(BaseModel):
    """What the user chose last time."""

    model_config = ConfigDict(extra="ignore")

    language: Literal["ar", "en"] = "en"
    rtl: Literal["auto", "terminal", "app"] = "auto"
    low_bandwidth: bool = False
    theme: Literal["projector", "dark", "colour-blind"] = "projector"
    show_guidance: bool = True


def load_settings(data_dir: Path, default: Settings | None = None) -> Settings:
    """The saved settings, or *default* (else the defaults) when there are none or they are unreadable."""
    path = data_dir / SETTINGS_FILE
    try:
        return Settings.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return default if default is not None else Settings()


def first_run_settings(environ: Mapping[str, str]) -> Settings:
    """What a first run starts with: the defaults, in the locale's language."""
    return Settings(language=locale_language(environ))


def locale_language(environ: Mapping[str, str]) -> Literal["ar", "en"]:
    """Arabic when the user's locale asks for it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG, as
    gettext reads them), else English: the interface language until one is chosen (--lang, or
    the language switch in the app, which are remembered)."""
    names: list[str] = []
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(variable):
            names.append(environ[variable])
            break
    if names and names[0] not in ("C", "POSIX") and environ.get("LANGUAGE"):
        names = environ["LANGUAGE"].split(":") + names
    for name in names:
        code = name.split(".")[0].split("_")[0].lower()
        if code in ("ar", "en"):
            return code  # type: ignore[return-value]
    return "en"


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings with the one atomic writer (0600, in a 0700 data folder it creates)."""
    make_private_dir(data_dir)
    write_text(data_dir / SETTINGS_FILE, json.dumps(settings.model_dump()))
