"""The floor under the first paint: the hello-world reference (hello_app.py) that also loads the
demo workshop through the workshop's pydantic models before it runs, as the app must before it
can paint a step. What this costs beyond hello-world is pydantic and the model classes, none of
the app's own screens: the first-paint rows cannot go below this one (issue #17)."""

import json
import os
from pathlib import Path

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as the launcher does

from hello_app import Hello  # noqa: E402

from workshop.core.model import workshop_from_dict  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "content" / "demo" / "demo.en.json"

if __name__ == "__main__":
    workshop_from_dict(json.loads(DEMO.read_text(encoding="utf-8")))
    Hello().run()
