"""UI fixtures: the real main window, driven through pytest-qt; leaked windows fail the test."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QSlider

from hkplanner.ui import MainWindow


@pytest.fixture(scope="session", autouse=True)
def named_app(qapp):
    from hkplanner import configure

    configure(qapp)


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Set up before qtbot and torn down after it, so it sees what qtbot did not close."""
    before = set(QApplication.topLevelWidgets())
    yield
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    for widget in leaked:
        widget.close()
    assert not leaked, f"windows left open: {[w.objectName() or type(w).__name__ for w in leaked]}"


class ScriptedDialogs:
    """Stands in for every modal dialog: records what was asked and gives scripted answers."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.save_changes = "discard"
        self.restore = True
        self.open_path = None
        self.save_path = None
        self.folder = None
        self.text = None
        self.resume = False
        self.notes_on_audience_screen = True
        self.new_phase = None  # a Phase, or None for Cancel
        self.overwrite = False
        self.break_link = False
        self.see_unrecovered = False

    def install(self, monkeypatch) -> None:
        from hkplanner.ui import dialogs

        def record(kind, answer):
            def ask(parent, *texts, **_):
                self.calls.append((kind, " ".join(str(t) for t in texts)))
                return answer() if callable(answer) else answer

            return ask

        monkeypatch.setattr(dialogs, "warn", record("warn", None))
        monkeypatch.setattr(dialogs, "inform", record("inform", None))
        monkeypatch.setattr(dialogs, "ask_save_changes", record("save_changes", lambda: self.save_changes))
        monkeypatch.setattr(dialogs, "ask_restore", record("restore", lambda: self.restore))
        monkeypatch.setattr(dialogs, "choose_open_path", record("open_path", lambda: self.open_path))
        monkeypatch.setattr(dialogs, "choose_save_path", record("save_path", lambda: self.save_path))
        monkeypatch.setattr(dialogs, "choose_folder", record("folder", lambda: self.folder))
        monkeypatch.setattr(dialogs, "ask_text", record("text", lambda: self.text))
        monkeypatch.setattr(dialogs, "ask_resume", record("resume", lambda: self.resume))
        monkeypatch.setattr(
            dialogs, "confirm_notes_on_audience_screen", record("notes_warning", lambda: self.notes_on_audience_screen)
        )
        monkeypatch.setattr(dialogs, "ask_new_phase", record("new_phase", lambda: self.new_phase))
        monkeypatch.setattr(dialogs, "ask_overwrite", record("overwrite", lambda: self.overwrite))
        monkeypatch.setattr(dialogs, "ask_break_link", record("break_link", lambda: self.break_link))
        monkeypatch.setattr(dialogs, "offer_unrecovered", record("unrecovered", lambda: self.see_unrecovered))
        monkeypatch.setattr(dialogs, "show_text", record("show_text", None))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]


@pytest.fixture(autouse=True)
def answers(monkeypatch) -> ScriptedDialogs:
    """No test ever blocks on a real modal dialog."""
    scripted = ScriptedDialogs()
    scripted.install(monkeypatch)
    return scripted


@pytest.fixture
def window(qtbot):
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1600, 1000)
    main.show()
    qtbot.waitExposed(main)
    return main


def slider(window: MainWindow, key: str) -> QSlider:
    found = window.findChild(QSlider, key)
    assert found is not None, f"no slider named {key}"
    return found


def chart(window: MainWindow, name: str):
    return next(c for c in window.charts if c.objectName() == name)


def card_text(window: MainWindow, target_key: str) -> str:
    card = window.cards.cards[target_key]
    return " | ".join(label.text() for label in (card.title, card.goal, card.status, card.detail))


def tab_from(qtbot, widget):
    """The widget Tab moves the focus to from `widget`, in its active window."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return window.focusWidget()


@contextmanager
def received(kind: QEvent.Type):
    """The objects that received events of this kind while the block ran, in order (twice if twice)."""
    objects = []

    class Watcher(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == kind:
                objects.append(watched)
            return False

    watcher = Watcher()
    QApplication.instance().installEventFilter(watcher)
    try:
        yield objects
    finally:
        QApplication.instance().removeEventFilter(watcher)
