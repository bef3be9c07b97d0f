"""Export screen by keys: choices, what is left out, the file on disk, overwrite confirmation, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Select

import workshop.tui.screens.export as export_screen
from workshop.tui.app import make_app
from workshop.core.export import ExportError
from workshop.core.model import Meta, Partner, Workshop
from workshop.tui.screens.export import ConfirmOverwrite, ExportScreen, output_folder
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV



def seed(data_dir: Path, language: str = "en") -> Workshop:
    workshop = Workshop(
        meta=Meta(title="Child health", language=language),
        partners=[Partner(organisation="Pharma Plus", sector="private", email="sales@pharma.example", notes="pushy")],
        facilitator_notes={"partners": "Ask about the clinic budget"},
    )
    return Workshops.at(data_dir).add(workshop)


async def wait_idle(pilot, screen: ExportScreen) -> None:  # type: ignore[no-untyped-def]
    """Wait until the export worker is done (a PDF takes about half a second)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if not screen.busy:
            return
    raise AssertionError("the export did not finish")


def status(screen: ExportScreen) -> str:
    return screen.query_one("#export-status", RtlText).text


async def test_defaults_and_keys(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir, "ar")
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert (screen.audience, screen.language, screen.fmt) == ("participants", "ar", "pdf")  # the workshop's language
        left = screen.query_one("#export-left-out", RtlText).text
        assert "e-mail" in left and "the facilitator's notes" in left
        target = screen.query_one("#export-target", RtlText).text
        assert str(tmp_path / "exports" / "child-health-participants-ar.pdf") in target  # relative to the cwd

        await pilot.press("a", "l", "t")
        assert (screen.audience, screen.language, screen.fmt) == ("facilitator", "en", "md")
        assert screen.query_one("#export-audience", Select).value == "facilitator"
        assert screen.query_one("#export-format", Select).value == "md"
        assert "private data" in screen.query_one("#export-left-out", RtlText).text
        await pilot.press("t", "t", "t")
        assert screen.fmt == "pdf"


async def test_writes_participants_json_without_private_data(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("t", "t")  # pdf -> md -> json
        assert screen.fmt == "json"
        await pilot.press("w")
        await wait_idle(pilot, screen)
        written = tmp_path / "exports" / "child-health-participants-en.json"
        assert written.is_file()
        text = written.read_text(encoding="utf-8")
        doc = json.loads(text)
        assert doc["partners"][0]["organisation"] == "Pharma Plus"
        assert "sales@pharma.example" not in text and "pushy" not in text and "clinic budget" not in text
        assert str(written) in status(screen) and screen.last_error is None


async def test_pdf_in_a_worker_then_overwrite_only_after_confirm(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("w")
        assert screen.busy or screen.last_result is not None
        await wait_idle(pilot, screen)
        pdf = tmp_path / "exports" / "child-health-participants-en.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        pdf.write_bytes(b"old")

        await pilot.press("w")  # exists: asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("escape")
        await pilot.pause()
        assert pdf.read_bytes() == b"old"
        assert "existing file was kept" in status(screen)

        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("y")
        await wait_idle(pilot, screen)
        assert pdf.read_bytes().startswith(b"%PDF")


async def test_folder_field_and_unwritable_folder(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("t", "t", "t")  # csv
        await pilot.press("o")
        folder = screen.query_one("#export-folder", Input)
        assert folder.has_focus
        folder.value = ""
        await pilot.press(*"out/sub", "enter")  # Enter in the folder field writes; the folder is created
        await wait_idle(pilot, screen)
        assert (tmp_path / "out" / "sub" / "child-health-participants-en.csv").is_file()

        await pilot.press("o")  # Enter left the field: back into it
        folder.value = str(blocker / "inside")
        await pilot.press("enter")
        await wait_idle(pilot, screen)
        shown = status(screen)
        assert shown.startswith("Cannot write this file (") and str(blocker / "inside") in shown
        assert "Traceback" not in shown and screen.query_one("#export-status").has_class("error")

        await pilot.press("o")
        folder.value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert status(screen) == "Type an output folder first (for example exports)."
        assert folder.has_focus  # nothing chosen: the field keeps the keys


async def test_disk_full_is_a_sentence(make_config, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def full(*_args, **kwargs):  # type: ignore[no-untyped-def]
        raise ExportError("errors.export_disk_full", path=str(kwargs["out"]), reason="No space left on device")

    monkeypatch.setattr(export_screen, "export_workshop", full)
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("w")
        await wait_idle(pilot, screen)
        assert status(screen).startswith("القرص ممتلئ")


async def test_unexpected_failure_is_a_sentence(make_config, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("font table damaged")

    monkeypatch.setattr(export_screen, "export_workshop", broken)
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("w")
        await wait_idle(pilot, screen)
        assert status(screen) == (
            "The export failed (font table damaged). Nothing was overwritten; try another format or folder."
        )
        assert isinstance(app.screen, ExportScreen)  # the app is still running


def test_output_folder_is_absolute(tmp_path: Path) -> None:
    assert output_folder("exports", tmp_path) == tmp_path / "exports"
    assert output_folder(" ../x ", tmp_path / "a") == tmp_path / "x"
    assert output_folder("/srv/out", tmp_path) == Path("/srv/out")


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_attendance_list_is_the_facilitators_choice(make_config, data_dir: Path, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.model import Participant

    workshop = seed(data_dir, language)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.session.edit(lambda w: w.participants.append(Participant(name="Huda Saleh", organisation="Amal Centre")))
        await pilot.press("t")  # Markdown
        await pilot.press("w")
        await wait_idle(pilot, screen)
        written = tmp_path / "exports" / f"child-health-participants-{language}.md"
        assert "Huda Saleh" not in written.read_text(encoding="utf-8"), "left out unless the facilitator asks"
        await pilot.press("n")
        assert screen.attendance == "include"
        assert screen.query_one("#export-attendance", Select).value == "include"
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("y")
        await wait_idle(pilot, screen)
        text = written.read_text(encoding="utf-8")
        assert "Huda Saleh" in text and "Amal Centre" in text
        assert "sales@pharma.example" not in text


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_choice_reads_whole_at_80_and_120_columns(make_config, data_dir: Path, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """One row a choice: its label, its key and its longest value fit (they were clipped at 80x24)."""
    from rich.cells import cell_len

    from workshop.tui.widgets.plain import Static

    workshop = seed(data_dir, language)
    app = make_app(make_config(open_ref=workshop.id, step="export", language=language, rtl="app"), environ=ENV)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        rows = list(screen.query(".export-row"))
        assert len(rows) == 5  # audience, language, format, attendance, folder
        for row in rows:
            label = row.query_one(".export-label", Static)
            assert cell_len(str(label.render())) <= label.size.width, str(label.render())
            assert str(row.query_one(".export-key", Static).render()) in {"a", "l", "t", "n", "o"}
            for select in row.query(Select):
                longest = max(cell_len(str(prompt)) for prompt, _ in select._options)
                assert longest + 2 <= select.size.width, (select.id, longest, select.size.width)
        tops = {row.region.y for row in rows[:4]}
        assert len(tops) == 4  # four rows, not four columns


async def test_an_arabic_file_name_reads_whole_on_its_own_line_after_its_folder(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """'Will write' in Arabic at 80x24: the folder left to right on its line, then the file name
    in its own direction, broken between its words (it was one line of folder and name, cut
    inside «التأسيسية»)."""
    from workshop.core.rtl import display_label

    title = "تحالف النزهة لصحة الطفولة المبكرة — الورشة التأسيسية"
    workshop = Workshops.at(data_dir).add(Workshop(meta=Meta(title=title, language="ar")))
    app = make_app(make_config(open_ref=workshop.id, step="export", language="ar", rtl="app"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("o")
        screen.query_one("#export-folder", Input).value = "/srv/exports"
        await pilot.pause()
        lines = screen.query_one("#export-target", RtlText).lines
        assert "/srv/exports/" in lines, lines
        for word in title.replace("—", " ").split():
            assert any(display_label(word, "app", "rtl") in line for line in lines), (word, lines)
        assert any("participants-ar.pdf" in line for line in lines), lines


@pytest.mark.parametrize(("language", "size"), [("ar", (120, 40)), ("en", (80, 24)), ("ar", (80, 24))])
async def test_the_key_hint_never_leaves_a_key_without_its_word(make_config, data_dir: Path, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Seen in tmux (Arabic, 120x40): the hint's first line ended with a lone 'w', its words
    («كتابة الملف») on the next line. A key and its first word now wrap together."""
    from workshop.core.rtl import wrap

    workshop = seed(data_dir, language)
    app = make_app(make_config(open_ref=workshop.id, step="export", language=language, rtl="app"), environ=ENV)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        hint = app.screen.query_one("#export-hint", RtlText)
        for line in wrap(hint.text, hint.size.width):
            assert line.split()[-1] not in {"a", "l", "t", "n", "o", "w"}, line


async def test_after_enter_in_the_folder_the_keys_are_the_screens_again(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """o, a folder typed a key at a time, Enter: the participants' file is written there; then `a`
    and `w` (the footer's keys) change the audience and write the facilitator's file into the same
    folder. Before, the focus stayed in the field: `a` and `w` went into the folder's name ("outaw")
    and nothing was written or changed."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("o", *"out", "enter")
        await wait_idle(pilot, screen)
        assert (tmp_path / "out" / "child-health-participants-en.pdf").is_file()
        await pilot.press("a", "w")
        await pilot.pause()
        await wait_idle(pilot, screen)
        assert screen.audience == "facilitator"
        assert screen.query_one("#export-folder", Input).value == "out"
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
            "child-health-facilitator-en.pdf", "child-health-participants-en.pdf"
        ]
        assert not (tmp_path / "outaw").exists()
