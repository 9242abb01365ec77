"""UI fixtures: the real main window, driven through pytest-qt; leaked windows fail the test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSlider

from hkplanner.ui import MainWindow


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Set up before qtbot and torn down after it, so it sees what qtbot did not close."""
    before = set(QApplication.topLevelWidgets())
    yield
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    for widget in leaked:
        widget.close()
    assert not leaked, f"windows left open: {[w.objectName() or type(w).__name__ for w in leaked]}"


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
