"""Crash-test writer: saves a growing workshop in a loop and prints each version AFTER save returns.

Usage: store_writer.py DATA_DIR WORKSHOP_ID TEMPLATE_JSON
The version is the number of SWOT items. Every 7th version changes the title (an index write),
every 10th takes a backup. Runs until killed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workshop.core.store import Store, WorkshopNotFound


def main() -> None:
    data_dir, workshop_id, template = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    store = Store(data_dir, backups=3)
    try:
        doc = store.load(workshop_id)
    except WorkshopNotFound:
        doc = json.loads(template.read_text("utf-8"))
        doc["id"] = workshop_id
        store.create(doc)
    version = len(doc["swot"])
    print("ready", version, flush=True)
    while True:
        version += 1
        doc["swot"].append(
            {"id": f"s{version}", "kind": "strength", "text": f"item {version} " + "كلمة word " * (version % 40),
             "author": "", "votes": 0}
        )
        if version % 7 == 0:
            doc["meta"]["title"] = f"Crash test {version}"
        store.save(doc)
        if version % 10 == 0:
            store.backup(workshop_id)
        print(version, flush=True)


if __name__ == "__main__":
    main()
