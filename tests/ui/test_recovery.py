"""Autosave and crash recovery: after the app is killed, the next start offers the work back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from hkplanner.ui import MainWindow
from hkplanner.ui.autosave import AUTOSAVE_MS, find_recovery
from tests.ui.conftest import slider

CHILD = textwrap.dedent(
    """
    import time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from hkplanner import configure
    configure(app)
    from hkplanner.ui import MainWindow
    window = MainWindow()
    window.show()
    window.session.set("pue", 2.2)
    window.session.set("co_investment_ratio", 3.0)
    end = time.monotonic() + {wait}
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    print("edited", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.02)
    """
)


def test_a_killed_app_offers_its_work_back_on_the_next_start(qtbot, answers, fresh_profile):
    wait = AUTOSAVE_MS / 1000 + 1.5  # within 5 s of the last edit, as promised
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(wait=wait)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "edited", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL

    window = MainWindow()
    qtbot.addWidget(window)
    window.offer_recovery()
    assert answers.kinds() == ["restore"]
    assert window.session.scenario["pue"] == 2.2
    assert window.session.scenario["co_investment_ratio"] == 3.0
    assert window.isWindowModified(), "recovered work is not saved until the user saves it"
    assert find_recovery(window.autosaver.folder) is None, "offered once, not at every start"


def test_declining_recovery_discards_it(qtbot, answers):
    first = MainWindow()
    qtbot.addWidget(first)
    first.session.set("pue", 2.2)
    first.autosaver.save_now()
    first.autosaver.lock.unlock()  # as if its process had died
    answers.restore = False
    second = MainWindow()
    qtbot.addWidget(second)
    second.offer_recovery()
    assert answers.kinds() == ["restore"]
    assert second.session.scenario["pue"] == 1.6
    assert find_recovery(second.autosaver.folder) is None


def test_a_running_app_s_autosave_is_not_offered_to_another(qtbot, answers):
    first = MainWindow()
    qtbot.addWidget(first)
    first.session.set("pue", 2.2)
    first.autosaver.save_now()
    second = MainWindow()
    qtbot.addWidget(second)
    second.offer_recovery()
    assert answers.calls == []


def test_autosave_follows_edits_within_seconds_and_goes_on_a_clean_close(window, qtbot, answers):
    slider(window, "pue").setValue(20)
    qtbot.waitUntil(window.autosaver.path.exists, timeout=AUTOSAVE_MS + 2000)
    answers.save_changes = "discard"
    window.close()
    assert not window.autosaver.path.exists()


def test_autosave_file_goes_when_the_work_is_saved(window, qtbot, answers, tmp_path):
    slider(window, "pue").setValue(20)
    window.autosaver.save_now()
    assert window.autosaver.path.exists()
    answers.save_path = tmp_path / "saved.hkplan"
    window.files.save()
    assert not window.autosaver.path.exists()


def test_recovered_work_remembers_its_file(qtbot, answers, tmp_path):
    first = MainWindow()
    qtbot.addWidget(first)
    answers.save_path = tmp_path / "mine.hkplan"
    first.files.save()
    first.session.set("pue", 2.2)
    first.autosaver.save_now()
    first.autosaver.lock.unlock()
    second = MainWindow()
    qtbot.addWidget(second)
    second.offer_recovery()
    assert second.document.path == tmp_path / "mine.hkplan"
    assert second.session.scenario["pue"] == 2.2


def test_the_autosave_clock_is_a_throttle(window, qtbot):
    """A drag that never pauses still gets saved: edits do not keep pushing the save back."""
    pue = slider(window, "pue")
    start = time.monotonic()
    while not window.autosaver.path.exists() and time.monotonic() - start < 6:
        pue.setValue((pue.value() + 1) % 10)  # 1.05 to 1.5: never back at the saved 1.6, which stops the clock
        qtbot.wait(100)
    assert window.autosaver.path.exists()
    assert time.monotonic() - start < AUTOSAVE_MS / 1000 + 1.5
