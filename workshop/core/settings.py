"""Settings remembered between runs (language, right-to-left mode, bandwidth, theme).

Stored as JSON next to the workshops, written atomically. Never imports Textual.
"""

from __future__ import annotations

import json
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


def load_settings(data_dir: Path) -> Settings:
    """The saved settings, or the defaults when there are none or they are unreadable."""
    path = data_dir / SETTINGS_FILE
    try:
        return Settings.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return Settings()


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings with the one atomic writer (0600, in a 0700 data folder it creates)."""
    make_private_dir(data_dir)
    write_text(data_dir / SETTINGS_FILE, json.dumps(settings.model_dump()))
