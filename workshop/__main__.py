"""The `workshop` command (and `python -m workshop`): the CLI, with Python's cycle collector paused
while the app starts.

A start builds ~80,000 objects that live as long as the process (modules, pydantic's validators,
Textual's widgets and styles); the cycle collector walked them again and again on the way to the
first frame (~70 ms of the ~0.9 s of CPU a SWOT start took, more on a busy machine: #17).
`run_app` freezes what exists when the app starts running (`gc.freeze`: never walked again, which
keeps later full collections short too; the ~1,000 objects of garbage among them, argparse's help
formatters, ~0.2 MB, stay) and the app resumes the collector once its first frame is painted; a
core command (list, export…) resumes it once its arguments are parsed (`cli._run`), and whatever
happens, it runs again when the command ends.

It also tells pydantic not to look for plugins (`PYDANTIC_DISABLE_PLUGINS`, unless the caller set
it): pydantic otherwise reads the metadata of every installed package, for its "pydantic" entry
points, when it builds the first validator (the settings', before the first frame): ~9 ms of a
start (#17), for plugins this app never uses.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> int:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from workshop.cli import main as run

        return run()
    finally:
        gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
