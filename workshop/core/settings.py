"""Settings remembered between runs (language, right-to-left mode, bandwidth, theme).

Stored as JSON next to the workshops, written atomically. Never imports Textual.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

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
    """Write the settings atomically (temp file, fsync, replace)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".settings.", suffix=".tmp", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(settings.model_dump(), out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, data_dir / SETTINGS_FILE)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise
