"""Lock-test holder: takes a workshop's writer lock, prints "locked <pid>", then waits.

Usage: lock_holder.py DATA_DIR WORKSHOP_ID
It holds the lock until stdin closes (then releases and prints "released") or it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workshop.core.store import Store, WorkshopLocked


def main() -> None:
    store = Store(Path(sys.argv[1]))
    try:
        lock = store.lock(sys.argv[2])
    except WorkshopLocked as error:
        print("refused", error.params.get("pid"), flush=True)
        return
    print("locked", os.getpid(), flush=True)
    sys.stdin.read()
    lock.release()
    print("released", flush=True)


if __name__ == "__main__":
    main()
