"""The command line without a terminal: list, import, export, errors as sentences."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli import build_parser, main
from workshop.core.model import STEPS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ([], ["open"], ["demo"], ["list"], ["import"], ["export"], ["present"]):
        with pytest.raises(SystemExit) as exited:
            main([*command, "--help"])
        assert exited.value.code == 0
    assert "--data-dir" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("workshop ")


def test_the_launcher_pauses_the_collector_only_while_the_cli_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """`workshop` (workshop/__main__.py) pauses Python's cycle collector for the start; whatever the
    command, it is running again when the command ends."""
    from workshop import __main__ as launcher

    seen: list[bool] = []
    monkeypatch.setattr("workshop.cli.main", lambda: seen.append(gc.isenabled()) or 0)
    assert launcher.main() == 0
    assert seen == [False] and gc.isenabled()

    def fails() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("workshop.cli.main", fails)
    with pytest.raises(KeyboardInterrupt):
        launcher.main()
    assert gc.isenabled()


def test_the_launcher_tells_pydantic_not_to_look_for_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydantic reads every installed package's metadata for plugins when it builds its first
    validator (~9 ms of a start): the launcher turns that search off, unless the caller chose."""
    from workshop import __main__ as launcher

    seen: list[str | None] = []
    monkeypatch.setattr("workshop.cli.main", lambda: seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS")) or 0)
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert launcher.main() == 0
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some-plugin")
    assert launcher.main() == 0
    assert seen == ["__all__", "some-plugin"]


def test_a_core_command_runs_with_the_collector(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """The launcher pauses the collector for the app's start only: `workshop list` (an export, an
    import) runs with it, as before."""
    from workshop import __main__ as launcher

    seen: list[bool] = []
    monkeypatch.setattr("workshop.cli.cmd_list", lambda *args: seen.append(gc.isenabled()) or 0)
    monkeypatch.setattr(sys, "argv", ["workshop", "--data-dir", str(data_dir), "list"])
    assert launcher.main() == 0
    assert seen == [True]


def test_step_choices_are_the_step_ids() -> None:
    args = build_parser().parse_args(["open", "x", "--step", "ground-rules"])
    assert args.step == "ground-rules"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["open", "x", "--step", "nowhere"])
    assert len(STEPS) == 12


def test_import_list_export_round_trip(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "w.json"
    source.write_text(json.dumps({"schema_version": 1, "meta": {"title": "Mothers' health", "language": "en"}}))
    first = run("import", str(source), data_dir=data_dir)
    again = run("import", str(source), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() != again.stdout.strip()  # re-import gives a new id

    listed = run("list", "--json", data_dir=data_dir)
    rows = json.loads(listed.stdout)
    assert {r["id"] for r in rows} == {first.stdout.strip(), again.stdout.strip()}
    assert all({"id", "title", "language", "updated", "step"} <= set(r) for r in rows)

    out = tmp_path / "out.json"
    exported = run("export", first.stdout.strip(), "--format", "json", "--out", str(out), data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text())["meta"]["title"] == "Mothers' health"
    refused = run("export", first.stdout.strip(), "--format", "json", "--out", str(out), data_dir=data_dir)
    assert refused.returncode == 1
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    forced = run("export", first.stdout.strip(), "--format", "json", "--out", str(out), "--force", data_dir=data_dir)
    assert forced.returncode == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        (b'{"schema_version": 1, "meta": {"title": "x"', "not valid JSON"),
        (b"[1, 2]", "not a workshop"),
        (b'{"schema_version": 99, "meta": {"title": "x"}}', "newer version"),
        (b'{"schema_version": 1, "meta": {"title": ""}}', "meta.title"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
    ],
)
def test_bad_imports_say_what_is_wrong(data_dir: Path, tmp_path: Path, content: bytes, words: str) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    result = run("import", str(source), data_dir=data_dir)
    assert result.returncode == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_unknown_ref(data_dir: Path, tmp_path: Path) -> None:
    missing = run("import", str(tmp_path / "nope.json"), data_dir=data_dir)
    assert missing.returncode == 1 and "no file" in missing.stderr
    unknown = run("export", "no-such-workshop", "--format", "md", data_dir=data_dir)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr


def test_errors_in_arabic(data_dir: Path, tmp_path: Path) -> None:
    result = run("--lang", "ar", "import", str(tmp_path / "nope.json"), data_dir=data_dir)
    assert result.returncode == 1
    assert "لا يوجد ملف" in result.stderr


def test_restore_lists_and_restores_a_damaged_workshop(data_dir: Path, tmp_path: Path) -> None:
    from workshop.core.service import Workshops

    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Kept safe", "en")
    opened = workshops.open(workshop.id)  # opening for editing takes a backup
    opened.lock.release()
    path = workshops.store.path_of(workshop.id)
    path.write_bytes(b"\x00\x01 torn")
    listed = run("restore", workshop.id, data_dir=data_dir)  # the damaged file is set aside on the way
    assert listed.returncode == 0, listed.stderr
    assert "  1  " in listed.stdout and "--backup" in listed.stdout
    restored = run("restore", workshop.id, "--backup", "1", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert Workshops.at(data_dir).load(workshop.id).meta.title == "Kept safe"
    wrong = run("restore", workshop.id, "--backup", "9", data_dir=data_dir)
    assert wrong.returncode == 1 and "no backup 9" in wrong.stderr


def test_export_lang_is_the_document_language(data_dir: Path, tmp_path: Path) -> None:
    from workshop.core.content import demo_document
    from workshop.core.settings import load_settings
    from workshop.core.store import Store

    doc = demo_document("en")
    Store(data_dir).create(doc)
    out = tmp_path / "ar.md"
    result = run("export", doc["id"], "--format", "md", "--lang", "ar", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "الرسالة" in out.read_text(encoding="utf-8") or "المشاركين" in out.read_text(encoding="utf-8")
    assert load_settings(data_dir).language == "en"  # the interface language was not changed


def test_export_attendance_flag_and_private_mode(data_dir: Path, tmp_path: Path) -> None:
    import stat

    from workshop.core.content import demo_document
    from workshop.core.store import Store

    doc = demo_document("en")
    Store(data_dir).create(doc)
    person = doc["participants"][-1]
    plain, listed, private = tmp_path / "plain.md", tmp_path / "listed.md", tmp_path / "private.md"
    assert run("export", doc["id"], "--format", "md", "--out", str(plain), data_dir=data_dir).returncode == 0
    assert run("export", doc["id"], "--format", "md", "--attendance", "--out", str(listed), data_dir=data_dir).returncode == 0
    facilitator = run("export", doc["id"], "--format", "md", "--audience", "facilitator", "--out", str(private), data_dir=data_dir)
    assert facilitator.returncode == 0, facilitator.stderr
    assert person["organisation"] in listed.read_text(encoding="utf-8")
    assert "Attendance" in listed.read_text(encoding="utf-8") and "Attendance" not in plain.read_text(encoding="utf-8")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
