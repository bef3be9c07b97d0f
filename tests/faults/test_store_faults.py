"""Damaged, newer and unsaved workshops are named at every start with the way back; restores lose nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop.core.limits import MAX_LIST_ITEMS, LimitExceeded
from workshop.core.model import SCHEMA_VERSION, Item, Meta, Workshop, workshop_to_dict
from workshop.core.service import Workshops
from workshop.core.session import Session
from workshop.core.store import Store
from appkit import notified


def make(data_dir: Path, title: str = "Named") -> str:
    return Workshops.at(data_dir).create(title, "en").id


# --------------------------------------------------------------------------- #1 damaged


def test_a_damaged_workshop_is_named_at_the_next_start(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = make(data_dir)
    Workshops.at(data_dir).open(workshop_id).lock.release()  # one backup
    (data_dir / "workshops" / f"{workshop_id}.json").write_bytes(b"\x8b\x00garbage")
    Workshops.at(data_dir)  # a throwaway store (as main() builds) sets it aside first
    for _ in range(2):  # and it is still named the time after
        result = cli("list")
        assert "“Named”" in result.err and f"workshop restore {workshop_id} --backup 1" in result.err
    assert cli("restore", workshop_id, "--backup", "1").code == 0
    assert cli("list").err == ""
    assert Workshops.at(data_dir).load(workshop_id).meta.title == "Named"


async def test_the_home_screen_names_a_damaged_workshop(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    from workshop.tui.app import make_app

    workshop_id = make(data_dir)
    Workshops.at(data_dir).open(workshop_id).lock.release()  # one backup
    (data_dir / "workshops" / f"{workshop_id}.json").write_bytes(b"{broken")
    Workshops.at(data_dir)  # set aside by someone else before the app starts
    app = make_app(make_config(), environ={"TERM": "xterm-256color"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert notified(app, workshop_id) and notified(app, "workshop restore")


# --------------------------------------------------------------------------- #9 newer


def test_a_newer_file_is_left_alone_and_named(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = make(data_dir)
    path = data_dir / "workshops" / f"{workshop_id}.json"
    data = json.loads(path.read_bytes())
    data["workshop"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    result = cli("export", workshop_id, "--format", "md")
    result.assert_clear_error()
    assert "newer version" in result.err and "{" not in result.err
    assert path.exists() and not any((data_dir / "corrupt").iterdir())
    assert "newer version" in cli("list").err


# --------------------------------------------------------------------------- #4 restore


def test_restoring_backups_one_by_one_loses_none(data_dir: Path) -> None:
    store = Store(data_dir, backups=10)
    workshops = Workshops(store)
    workshop = workshops.create("v0", "en")
    for n in range(1, 11):  # ten versions, each backed up as it is opened
        workshop.meta.title = f"v{n}"
        store.save(workshop_to_dict(workshop))
        store.backup(workshop.id)
    names = [p.name for p in store.backups_of(workshop.id)]
    titles_before = {json.loads(p.read_text())["workshop"]["1"]["meta"]["title"] for p in store.backups_of(workshop.id)}
    for name in names:
        workshops.restore(workshop.id, name)
    titles_after = {json.loads(p.read_text())["workshop"]["1"]["meta"]["title"] for p in store.backups_of(workshop.id)}
    assert titles_before <= titles_after
    assert all((store.backups_dir / workshop.id / name).exists() for name in names)


# --------------------------------------------------------------------------- #5 unsaved at exit


def test_unsaved_changes_are_rescued_and_named(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.storage import atomic
    from workshop.tui.app import rescue_unsaved
    from workshop.core.i18n import Ui

    workshops = Workshops.at(data_dir)
    opened = workshops.open(make(data_dir))
    session = Session(workshops.store, opened.workshop, lock=opened.lock, on_error=lambda _e: None)
    real = atomic.write_bytes

    def full_for_workshops(path: Path, data: bytes, **kwargs):  # type: ignore[no-untyped-def]
        if path.parent.name == "workshops":
            raise OSError(28, "No space left on device")
        return real(path, data, **kwargs)

    monkeypatch.setattr("workshop.core.store.atomic_write_bytes", full_for_workshops)
    session.edit(lambda w: w.needs.accomplish.append(Item(text="said while the disk was full")))
    assert session.save_error is not None
    said = rescue_unsaved(workshops, session, Ui.of("en"))
    monkeypatch.undo()
    assert "could not be saved" in said and "workshop restore" in said
    opened.lock.release()  # the app exits without a good save
    result = cli("list")
    assert "could not be saved" in result.err
    kept = said.split("kept as ")[1].split(". ")[0]
    assert cli("restore", opened.workshop.id, "--backup", kept).code == 0
    texts = [i.text for i in Workshops.at(data_dir).load(opened.workshop.id).needs.accomplish]
    assert texts == ["said while the disk was full"]
    assert "could not be saved" not in cli("list").err


# --------------------------------------------------------------------------- #7, #11 limits on every edit path


def test_an_edit_past_a_limit_is_refused_and_undone(data_dir: Path) -> None:
    workshops = Workshops.at(data_dir)
    workshop = Workshop(meta=Meta(title="Full"))
    workshop.needs.accomplish.extend(Item(text=str(n)) for n in range(MAX_LIST_ITEMS))
    session = Session(workshops.store, workshops.add(workshop))
    with pytest.raises(LimitExceeded):
        session.edit(lambda w: w.needs.accomplish.append(Item(text="one too many")))
    assert len(session.workshop.needs.accomplish) == MAX_LIST_ITEMS
    with pytest.raises(LimitExceeded):
        session.edit(lambda w: w.facilitator_notes.update({f"k{n}": "x" for n in range(MAX_LIST_ITEMS + 1)}))
    assert session.workshop.facilitator_notes == {}


def test_an_over_limit_file_on_disk_is_left_alone_and_named(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = make(data_dir)
    path = data_dir / "workshops" / f"{workshop_id}.json"
    data = json.loads(path.read_bytes())
    data["workshop"]["1"]["swot"] = [{"id": f"s{n}", "kind": "strength", "text": "x"} for n in range(MAX_LIST_ITEMS + 1)]
    path.write_text(json.dumps(data))
    result = cli("export", workshop_id, "--format", "md")
    result.assert_clear_error()
    assert "larger than this app opens" in result.err
    assert path.exists() and not any((data_dir / "corrupt").iterdir())


@pytest.mark.parametrize("where", ["file", "under-a-file"])
def test_an_unusable_data_folder_is_one_sentence(where: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workshop.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data = blocker if where == "file" else blocker / "data"
    code = main(["--data-dir", str(data), "list"], environ={})
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "--data-dir" in err
