"""Nothing lost without being told, in the window: Save As, crash recovery, failing autosaves, start-up
reads that meet garbage, storylines that could not be saved, many phases. Numbers are issue 11's points."""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from hkplanner.charts.capacity_chart import LEGEND_PHASES
from hkplanner.core import baseline
from hkplanner.core.scenario_file import ScenarioDocument, ScenarioFileError, open_file, save, to_json
from hkplanner.ui import MainWindow, autosave
from hkplanner.ui.autosave import AUTOSAVE_MS, UNRECOVERED, data_folder
from hkplanner.ui.preferences import MAX_RECENT, Preferences
from tests.core.test_scenario_file import official_plan
from tests.ui.conftest import chart, slider


def new_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def full_disk(*args, **kwargs):
    raise ScenarioFileError(f"could not be saved: {os.strerror(errno.ENOSPC)}")


# 1: Save As with the extension left off -----------------------------------------------------------------


@pytest.mark.parametrize("replace", [False, True])
def test_save_as_without_the_extension_asks_before_replacing_the_file(window, answers, tmp_path, replace):
    existing = tmp_path / "budget.hkplan"
    save(existing, ScenarioDocument(baseline().renamed("The budget")))
    before = existing.read_bytes()
    slider(window, "pue").setValue(20)
    answers.save_path, answers.overwrite = tmp_path / "budget", replace
    assert window.files.save_as() is replace
    assert "overwrite" in answers.kinds() and "budget.hkplan" in dict(answers.calls)["overwrite"]
    assert (existing.read_bytes() != before) is replace
    assert window.isWindowModified() is not replace


# 2, 13, 17: what a crash leaves behind ------------------------------------------------------------------------


def leave_autosave(folder: Path, stem: str, content: bytes | None, info: bytes | None) -> None:
    if content is not None:
        (folder / f"{stem}.hkplan").write_bytes(content)
    if info is not None:
        (folder / f"{stem}.json").write_bytes(info)


SPOILED = {
    "newer": json.dumps({**official_plan(), "format_version": 99}).encode(),
    "unknown-field": json.dumps({**official_plan(), "colour": "red"}).encode(),
    "truncated": to_json(ScenarioDocument(baseline())).encode()[:300],
    "garbage": b"\x00\xff not a scenario",
}


@pytest.mark.parametrize("kind", SPOILED)
def test_an_autosave_that_cannot_be_read_is_set_aside_and_the_user_told(qtbot, answers, kind):
    folder = data_folder()
    leave_autosave(folder, "autosave-1-dead", SPOILED[kind], b'{"original": null, "saved_at": "10:00:00"}')
    answers.see_unrecovered = True
    window = new_window(qtbot)
    window.offer_recovery()
    aside = folder / UNRECOVERED / "autosave-1-dead.hkplan"
    assert aside.read_bytes() == SPOILED[kind], "kept byte for byte, never deleted"
    assert not (folder / "autosave-1-dead.hkplan").exists()
    assert answers.kinds() == ["unrecovered", "show_text", "show_text"]
    assert str(folder / UNRECOVERED) in answers.calls[0][1]
    assert "restore" not in answers.kinds()


@pytest.mark.parametrize(
    "info",
    [None, b"[]", b'{"original": 5}', b'{"original": "", "saved_at": [1]}', b"\xff\xfe", b"{"],
    ids=["missing", "list", "number-original", "list-time", "binary", "truncated"],
)
def test_work_with_a_missing_or_garbled_info_file_is_still_offered(qtbot, answers, info):  # 2, 13
    folder = data_folder()
    content = to_json(ScenarioDocument(baseline().replace(pue=2.2))).encode()
    leave_autosave(folder, "autosave-2-dead", content, info)
    window = new_window(qtbot)
    window.offer_recovery()
    assert answers.kinds() == ["restore"]
    assert window.session.scenario["pue"] == 2.2 and window.document.path is None


def test_stale_temporary_files_and_locks_are_tidied_and_autosaves_are_private(window, qtbot):  # 17
    folder = window.autosaver.folder
    stale = [folder / ".autosave-9-dead.hkplan.x1.tmp", folder / "autosave-9-dead.lock"]
    for path in stale:
        path.write_text("99999999\n", encoding="utf-8")  # a process id that is not running
    live_temporary = folder / f".{window.autosaver.path.name}.x2.tmp"
    live_temporary.write_text("being written", encoding="utf-8")
    window.offer_recovery()
    assert not any(path.exists() for path in stale)
    assert live_temporary.exists(), "a running app's files are left alone"
    slider(window, "pue").setValue(20)
    window.autosaver.save_now()
    assert stat.S_IMODE(window.autosaver.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(window.autosaver.info_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_autosave_discarded_by_another_app_during_the_start_up_scan_is_no_crash(qtbot, answers, monkeypatch):
    folder = data_folder()
    leave_autosave(folder, "autosave-3-kept", to_json(ScenarioDocument(baseline().replace(pue=2.2))).encode(), b"{}")
    listed = autosave._stems
    # Another app discards its autosave between the listing and the reading: listed, then gone.
    monkeypatch.setattr(autosave, "_stems", lambda where: {*listed(where), "autosave-3-gone"})
    window = new_window(qtbot)
    window.offer_recovery()
    assert answers.kinds() == ["restore"] and window.session.scenario["pue"] == 2.2
    assert not (folder / UNRECOVERED).exists(), "nothing to set aside: the other app's work was never here"


# 5: autosave failures are shown and retried; no lock, no autosave -------------------------------------------


def test_a_failing_autosave_warns_in_the_status_line_until_a_retry_succeeds(window, qtbot, monkeypatch):
    real_write = autosave.write_atomically
    monkeypatch.setattr(autosave, "write_atomically", full_disk)
    slider(window, "pue").setValue(20)
    warning = window.autosave_warning
    qtbot.waitUntil(warning.isVisible, timeout=AUTOSAVE_MS + 3000)
    assert "Autosave failed" in warning.text() and "No space left" in warning.text()
    qtbot.wait(AUTOSAVE_MS + 500)
    assert warning.isVisible(), "the warning stays while the disk is full"
    monkeypatch.setattr(autosave, "write_atomically", real_write)  # space freed
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=2 * AUTOSAVE_MS + 3000)
    assert open_file(window.autosaver.path).document.scenario == window.session.scenario


def test_without_its_lock_an_app_writes_no_autosave_another_could_take(qtbot, answers, monkeypatch):
    from PySide6.QtCore import QLockFile

    real_lock = autosave.lock_for
    disk_full = True

    class FullDiskLock(QLockFile):
        def tryLock(self, timeout=0):
            return not disk_full and super().tryLock(timeout)

    def lock_for(path):
        lock = FullDiskLock(str(path))
        lock.setStaleLockTime(0)
        return lock

    monkeypatch.setattr(autosave, "lock_for", lock_for)
    first = new_window(qtbot)
    monkeypatch.setattr(autosave, "lock_for", real_lock)
    first.session.set("pue", 2.2)
    first.autosaver.save_now()
    assert not first.autosaver.path.exists()
    assert first.autosave_warning.isVisibleTo(first) and "lock" in first.autosave_warning.text()
    second = new_window(qtbot)
    second.offer_recovery()
    assert "restore" not in answers.kinds()
    disk_full = False  # space freed: the next attempt takes the lock, then writes
    first.autosaver.save_now()
    assert first.autosaver.path.exists() and not first.autosave_warning.isVisibleTo(first)
    third = new_window(qtbot)
    third.offer_recovery()
    assert "restore" not in answers.kinds(), "live work is never offered to another app"


# 13: every start-up read tolerates garbage ---------------------------------------------------------------------


def test_the_window_starts_on_garbage_settings_recent_files_and_autosaves(qtbot, answers):
    settings = QSettings()
    path = Path(settings.fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"[General]\ngeometry=garbage\nstate=@ByteArray(\\x1\\x2)\nsplitter=5\ntheme=5\n"
        b"recent_files=@Invalid()\nlast_folder=\n\x00\xff\n[broken\n"
    )
    del settings
    folder = data_folder()
    leave_autosave(folder, "autosave-4-dead", b"{]", b"[]")
    leave_autosave(folder, "autosave-5-dead", None, b'{"original": 5}')
    window = new_window(qtbot)
    window.show()
    window.offer_recovery()
    assert window.preferences.theme() == "standard"
    assert window.preferences.recent_files() == []
    assert (folder / UNRECOVERED / "autosave-4-dead.hkplan").exists()


def test_the_window_starts_when_the_data_folder_cannot_be_made(qtbot, answers, monkeypatch):
    def refused(*folder):
        raise PermissionError(errno.EACCES, "Permission denied")

    real_folder = autosave.data_folder
    monkeypatch.setattr(autosave, "data_folder", refused)
    window = new_window(qtbot)
    window.offer_recovery()
    assert window.autosave_warning.isVisibleTo(window) and "Permission denied" in window.autosave_warning.text()
    window.session.set("pue", 2.2)
    window.autosaver.save_now()  # retried, and still said
    assert window.autosave_warning.isVisibleTo(window) and not window.autosaver.path.exists()
    monkeypatch.setattr(autosave, "data_folder", real_folder)  # the folder can be made again
    window.autosaver.save_now()
    assert window.autosaver.path.exists() and not window.autosave_warning.isVisibleTo(window)


def test_a_huge_recent_files_list_is_read_capped(qtbot):  # 18
    QSettings().setValue("recent_files", [f"/tmp/plan-{n}.hkplan" for n in range(20_000)])
    assert len(Preferences().recent_files()) == MAX_RECENT
    QSettings().setValue("recent_files", [5, None, "/tmp/real.hkplan"])
    assert Preferences().recent_files() == [Path("/tmp/real.hkplan")]


# 3, 4, 12: what a storyline or a name could have done to Save ----------------------------------------------------


def test_a_storyline_that_could_not_be_saved_never_reaches_the_scenario(window, answers, tmp_path, qtbot):
    from hkplanner.ui.storyline_editor import StorylineEditor

    bad = tmp_path / "bad.hkstory"
    phase = {**official_plan()["phases"][0], "source": [1]}
    bad.write_text(json.dumps({"format_version": 1, "steps": [{"title": "x", "add_phases": [phase]}]}))
    editor = StorylineEditor(window.presentation.storyline, window.session, window)
    qtbot.addWidget(editor)
    before = editor.storyline()
    answers.open_path = bad
    editor.buttons["open"].click()
    assert answers.kinds()[-1] == "warn" and "source = [1]" in answers.calls[-1][1]
    assert editor.storyline() == before


def test_save_of_a_name_that_cannot_be_written_says_so_and_keeps_the_work(window, answers, tmp_path):  # 4
    window.session.edit(window.session.scenario.renamed("lone \ud800 surrogate"), "rename")
    answers.save_path = tmp_path / "plan.hkplan"
    assert not window.files.save()
    assert answers.kinds()[-1] == "warn" and "not valid Unicode" in answers.calls[-1][1]
    assert window.isWindowModified() and not (tmp_path / "plan.hkplan").exists()


def test_save_is_reported_only_after_the_file_reads_back(window, answers, tmp_path, monkeypatch):  # 3
    from hkplanner.core import scenario_file

    slider(window, "pue").setValue(20)
    monkeypatch.setattr(scenario_file, "read_regular", lambda *args, **kwargs: b"spoiled by the disk")
    answers.save_path = tmp_path / "plan.hkplan"
    assert not window.files.save()
    assert "reads back differently" in answers.calls[-1][1]
    assert window.isWindowModified()


def test_a_hard_linked_file_asks_before_the_link_is_broken(window, answers, tmp_path):  # 6
    path = tmp_path / "plan.hkplan"
    save(path, ScenarioDocument(baseline()))
    os.link(path, tmp_path / "shared.hkplan")
    slider(window, "pue").setValue(20)
    answers.save_path, answers.break_link = path, False
    assert not window.files.save()
    assert answers.kinds()[-1] == "break_link" and window.isWindowModified()
    answers.break_link = True
    assert window.files.save_as()
    assert open_file(path).document.scenario["pue"] == window.session.scenario["pue"]


def test_a_named_pipe_opened_from_the_window_is_refused_at_once(window, answers, tmp_path):  # 8
    fifo = tmp_path / "pipe.hkplan"
    os.mkfifo(fifo)
    threading.Timer(10, lambda: os.close(os.open(fifo, os.O_RDWR))).start()  # frees a blocked reader, if any
    assert not window.files.open_path(fifo)
    assert answers.kinds() == ["warn"] and "named pipe" in answers.calls[0][1]


def test_a_huge_value_gives_a_short_dialog(window, answers, tmp_path):  # 15
    path = tmp_path / "big.hkplan"
    path.write_text(json.dumps({**official_plan(), "author": ["x" * 3_000_000]}), encoding="utf-8")
    assert not window.files.open_path(path)
    assert len(answers.calls[-1][1]) < 400


def test_renaming_to_text_with_control_characters_cleans_it(window):  # 14
    window.document.rename("Budget\x07\tplan\x1b")
    assert window.session.scenario.name == "Budget  plan"


# 10: many phases draw as one item ---------------------------------------------------------------------------------


def test_many_phases_are_drawn_by_one_item_with_a_bounded_legend(window):
    compute = chart(window, "chart_compute")
    items_before = len(compute.getPlotItem().items)
    legend_before = len(compute.legend.names())
    phase = baseline().phases[0]
    many = [type(phase)(f"Phase {n}", "public", 10, 2026, 2028) for n in range(150)]
    window.session.set_phases((*baseline().phases, *many))
    assert len(compute.getPlotItem().items) == items_before, "no item per phase"
    assert len(compute.legend.names()) == legend_before - len(baseline().phases) + LEGEND_PHASES + 1
    assert f"+{len(baseline().phases) + 150 - LEGEND_PHASES} more phases" in compute.legend.names()
    assert len(compute.stack.tops) == len(baseline().phases) + 150
    assert compute.stack.tops[-1][2030 - 2024] == pytest.approx(15_000 + 1_500)


def test_the_workbook_export_from_the_window_survives_control_characters(window, answers, tmp_path):  # 14
    from PySide6.QtGui import QGuiApplication

    window.document.metadata = ScenarioDocument(window.session.scenario, description="tab\tbell\x07")
    answers.save_path = tmp_path / "plan.xlsx"
    window.exports.workbook()
    assert (tmp_path / "plan.xlsx").stat().st_size > 0
    assert "warn" not in answers.kinds()
    assert QGuiApplication.overrideCursor() is None, "the busy cursor is gone"
