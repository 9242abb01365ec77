"""Presentation mode: full screen, projector look, and a storyline stepped through with a clicker.

A clicker sends PageDown/PageUp; Right, Space and Down also go forward, Left and Up back; B blanks
the screen; P shows the presenter view; Esc leaves and puts the window back as it was. Moving between
steps animates the charts from one scenario to the next, so the room sees what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEasingCurve, QEvent, QObject, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from hkplanner.core import REGISTRY
from hkplanner.core.seeds import bundled_dir
from hkplanner.core.storyline import Storyline, caption, interpolate, read_storyline
from hkplanner.ui.presenter_view import PresenterView

if TYPE_CHECKING:
    from hkplanner.ui.main_window import MainWindow

ANIMATION_MS = 400
FORWARD = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
BACK = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}


def tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


def default_storyline() -> Storyline:
    return read_storyline(bundled_dir("resources") / "storylines" / "briefing.hkstory")


@dataclass
class _WindowState:
    """What presentation mode changes, to put back on leaving."""

    geometry: object
    was_full_screen: bool
    theme: str
    hidden: list[QWidget]


class Presentation(QObject):
    step_changed = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._storyline: Storyline | None = None  # read on first use: not on the start-up path
        self.index = 0
        self._saved: _WindowState | None = None
        self.animation = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=ANIMATION_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.animation.valueChanged.connect(self._on_frame)
        self.animation.finished.connect(self._on_arrived)
        self._from = self._to = None
        self.blank = QWidget(window)
        self.blank.setObjectName("blank_screen")
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()
        self.presenter = PresenterView(self)

    @property
    def storyline(self) -> Storyline:
        if self._storyline is None:
            self._storyline = default_storyline()
        return self._storyline

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_storyline(self, storyline: Storyline) -> None:
        self._storyline = storyline
        if self.active:
            self.go_to(0, animate=False)

    # entering and leaving ----------------------------------------------------------------------------

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        chrome = [window.menuBar(), window.statusBar(), window.menus.toolbar, window.panel_area]
        hidden = [widget for widget in chrome if widget.isVisible()]
        self._saved = _WindowState(window.saveGeometry(), window.isFullScreen(), window.theme_name, hidden)
        for widget in hidden:
            widget.hide()
        window.apply_theme("projector", remember=False)
        window.caption.show()
        QApplication.instance().installEventFilter(self)
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # audience on the second screen, presenter view on the first
            window.setScreen(screens[1])
            window.move(screens[1].geometry().topLeft())
            self.presenter.show_on(screens[0])
        window.showFullScreen()
        self.go_to(self.index, animate=False)

    def leave(self) -> None:
        if not self.active:
            return
        saved, self._saved = self._saved, None
        window = self.window
        self._finish_animation()
        QApplication.instance().removeEventFilter(self)
        self.blank.hide()
        self.presenter.hide()
        window.caption.hide()
        for widget in saved.hidden:
            widget.show()
        window.apply_theme(saved.theme, remember=False)
        if not saved.was_full_screen:
            window.showNormal()
        window.restoreGeometry(saved.geometry)

    # moving between steps ----------------------------------------------------------------------------

    def next(self) -> None:
        if self.index + 1 < len(self.storyline.steps):
            self.go_to(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def go_to(self, index: int, animate: bool = True) -> None:
        """Show step `index`; with `animate`, the charts travel there over ANIMATION_MS."""
        self._finish_animation()
        self.index = index
        step = self.storyline.steps[index]
        before = self.window.session.scenario
        self._from, self._to = before, step.scenario
        self._show_caption(index)
        self.step_changed.emit(index)
        if animate and before != step.scenario:
            self.animation.start()
        else:
            self._on_arrived()

    def _finish_animation(self) -> None:
        """A key pressed mid-animation first lands the step under way, so undo never meets a half-way frame."""
        if self.animation.state() == QVariantAnimation.State.Running:
            self.animation.stop()
            self._on_arrived()

    def _on_frame(self, fraction: float) -> None:
        if self.animation.state() == QVariantAnimation.State.Running:
            self.window.session.preview(interpolate(self._from, self._to, fraction))

    def _on_arrived(self) -> None:
        """The end of a step is exactly the step's scenario, as one undoable change."""
        step = self.storyline.steps[self.index]
        label = tr("Step {0}: {1}").format(self.index + 1, step.title)
        self.window.session.land(self._from, step.scenario, label)

    def _show_caption(self, index: int) -> None:
        steps = self.storyline.steps
        change = caption(steps[index - 1].scenario, steps[index].scenario) if index else ""
        scenario = steps[index].scenario
        levers = " · ".join(
            f"{REGISTRY[key].title}: {scenario[key]:,.{REGISTRY[key].decimals}f} {REGISTRY[key].unit}"
            for key in self.key_levers()
        )
        self.window.caption.show_step(index, len(steps), steps[index].title, change, levers)

    def key_levers(self) -> list[str]:
        """The levers this storyline moves: the few worth keeping on the audience's screen."""
        first = self.storyline.steps[0].scenario
        return [
            key
            for key, parameter in REGISTRY.items()
            if parameter.kind == "lever" and any(step.scenario[key] != first[key] for step in self.storyline.steps)
        ]

    # keys ----------------------------------------------------------------------------------------------

    def toggle_blank(self) -> None:
        self.blank.setGeometry(self.window.rect())
        self.blank.setVisible(not self.blank.isVisible())
        self.blank.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        key = event.key()
        if key in FORWARD:
            self.next()
        elif key in BACK:
            self.previous()
        elif key == Qt.Key.Key_B:
            self.toggle_blank()
        elif key == Qt.Key.Key_P:
            self.presenter.toggle()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            return False
        return True
