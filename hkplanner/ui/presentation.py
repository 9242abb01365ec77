"""Presentation mode: full screen, projector look, and a storyline stepped through with a clicker.

Presenting is a session of its own: F5 takes note of the work (scenario, undo history, pins, window)
and puts slides on screen in front of it; a slide never enters the undo history, the document or its
autosave; Esc puts back exactly the work and the window as they were.

A clicker sends PageDown/PageUp; Right, Space and Down also go forward, Left and Up back; B blanks
the screen; P shows the presenter view; Esc leaves. Every other key is held back during the show, so
no shortcut (undo, a slider, a menu) can change the work behind it. Moving between steps animates
the charts from one scenario to the next, so the room sees what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEasingCurve, QEvent, QObject, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from hkplanner.core import Workspace, project
from hkplanner.core.headline import so_what
from hkplanner.core.seeds import bundled_dir
from hkplanner.core.storyline import Step, Storyline, caption, interpolate, read_storyline
from hkplanner.ui import dialogs
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


def step_headline(steps: tuple[Step, ...], index: int) -> str:
    """The step's "so what", against the step before it (the plan's baseline for the first)."""
    scenario = steps[index].scenario
    previous = project(steps[index - 1].scenario) if index else None
    workspace = Workspace(scenario)
    return so_what(workspace.projection, previous, workspace.baseline_projection)


def moved_most(steps: tuple[Step, ...], index: int, keys: tuple[str, ...]) -> str:
    """Of the targets `keys`, the one that moved most since the step before (the plan, for the first),
    relative to its threshold, as the so-what line judges it."""
    now = project(steps[index].scenario).targets
    before = project(steps[index - 1].scenario) if index else Workspace(steps[index].scenario).baseline_projection
    moves = {
        result.target.key: abs(result.value - then.value) / abs(result.target.threshold)
        for result, then in zip(now, before.targets, strict=True)
        if result.target.key in keys and result.judged and then.judged
    }
    return max(moves, key=moves.__getitem__) if moves else keys[0]


@dataclass
class _WindowState:
    """What presentation mode changes, to put back on leaving."""

    geometry: QByteArray
    state: QByteArray
    splitter: QByteArray
    was_full_screen: bool
    theme: str
    hidden: list[QWidget]
    bands: bool


class Presentation(QObject):
    step_changed = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._storyline: Storyline | None = None  # read on first use: not on the start-up path
        self.index = 0
        self.stopped_at = 0  # where the last show ended, to offer resuming there
        self._saved: _WindowState | None = None
        self._notes_agreed = False  # with one screen, to show the notes where the audience sees them
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
        self.stopped_at = 0
        if self.active:
            self.go_to(0, animate=False)

    # entering and leaving ----------------------------------------------------------------------------

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        start = self._first_step()
        chrome = [window.menuBar(), window.statusBar(), window.menus.toolbar, window.panel_area]
        hidden = [widget for widget in chrome if widget.isVisible()]
        self._saved = _WindowState(
            window.saveGeometry(),
            window.saveState(),
            window.splitter.saveState(),
            window.isFullScreen(),
            window.theme_name,
            hidden,
            window.bands.toggle.isChecked(),
        )
        window.session.begin_show()
        self._notes_agreed = False
        for widget in hidden:
            widget.hide()
        window.apply_theme("projector", remember=False)
        window.caption.show()
        window.bands.toggle.setChecked(True)  # the room sees the uncertainty and each target's chance
        window.bands.set_room_type(True)
        window.bands.updated.connect(self._on_bands)
        QApplication.instance().installEventFilter(self)
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # audience on the second screen, presenter view on the first
            window.setScreen(screens[1])
            window.move(screens[1].geometry().topLeft())
            self.presenter.show_on(screens[0])
        window.showFullScreen()
        self.go_to(start, animate=False)

    def _first_step(self) -> int:
        """Step 1, unless the last show stopped part-way and the presenter wants to resume there."""
        at, steps = self.stopped_at, self.storyline.steps
        resume = 0 < at < len(steps) and dialogs.ask_resume(self.window, at + 1, steps[at].title)
        return at if resume else 0

    def leave(self) -> None:
        if not self.active:
            return
        saved, self._saved = self._saved, None
        window = self.window
        self.animation.stop()
        self.stopped_at = self.index
        QApplication.instance().removeEventFilter(self)
        self.blank.hide()
        self.presenter.hide()
        window.caption.hide()
        window.show_focus(None)
        window.session.end_show()
        window.bands.updated.disconnect(self._on_bands)
        window.bands.toggle.setChecked(saved.bands)
        window.bands.set_room_type(False)
        window.apply_theme(saved.theme, remember=False)  # before the chrome returns: its own sizes
        for widget in saved.hidden:
            widget.show()
        if not saved.was_full_screen:
            window.showNormal()
        window.restoreState(saved.state)
        window.splitter.restoreState(saved.splitter)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the standard look's sizes first
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
        steps = self.storyline.steps
        step = steps[index]
        before = self.window.session.scenario
        self._from, self._to = before, step.scenario
        self._show_caption()
        self.window.show_focus(step.focus)
        if animate and before != step.scenario:
            self.animation.start()
        else:
            self._on_arrived()
        self.step_changed.emit(index)

    def _show_caption(self, chance: str = "") -> None:
        """The step's title, its so-what and what changed (with the focused target's chance once known)."""
        steps, index = self.storyline.steps, self.index
        change = caption(steps[index - 1].scenario, steps[index].scenario) if index else ""
        change = " · ".join(part for part in (change, chance) if part)
        self.window.caption.show_step(index, len(steps), steps[index].title, step_headline(steps, index), change)

    def _on_bands(self) -> None:
        """Once the bands are for the step itself (not a frame on the way), the chance of the focused
        chart's target that moved most joins the step's line of what changed."""
        steps, index = self.storyline.steps, self.index
        step = steps[index]
        if not self.active or step.focus is None or self.window.bands.scenario != step.scenario:
            return
        chart = next((c for c in self.window.charts if c.objectName() == f"chart_{step.focus}"), None)
        if chart is not None and chart.spec.targets:
            self._show_caption(self.window.bands.chance(moved_most(steps, index, chart.spec.targets)))

    def _finish_animation(self) -> None:
        """A key pressed mid-animation first lands the step under way."""
        if self.animation.state() == QVariantAnimation.State.Running:
            self.animation.stop()
            self._on_arrived()

    def _on_frame(self, fraction: float) -> None:
        if self.animation.state() == QVariantAnimation.State.Running:
            self.window.session.show_slide(interpolate(self._from, self._to, fraction))

    def _on_arrived(self) -> None:
        """The end of a step is exactly the step's scenario (on screen only)."""
        if self.active:
            self.window.session.show_slide(self.storyline.steps[self.index].scenario)
            self.presenter.show_current()

    # keys ----------------------------------------------------------------------------------------------

    def toggle_blank(self) -> None:
        self.blank.setGeometry(self.window.rect())
        self.blank.setVisible(not self.blank.isVisible())
        self.blank.raise_()

    def toggle_presenter(self) -> None:
        """With one screen, the presenter view covers what the audience sees: warn before showing notes
        (once a show: the presenter has said yes)."""
        if self.presenter.isVisible():
            self.presenter.hide()
            return
        if not self._notes_agreed and len(QGuiApplication.screens()) == 1:
            self._notes_agreed = dialogs.confirm_notes_on_audience_screen(self.window)
        if self._notes_agreed or len(QGuiApplication.screens()) > 1:
            self.presenter.toggle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active or QApplication.activeModalWidget() is not None:
            return False  # a question asked during the show gets its keys
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires behind the show: the key comes here as a key press
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key in FORWARD:
            self.next()
        elif key in BACK:
            self.previous()
        elif key == Qt.Key.Key_B:
            self.toggle_blank()
        elif key == Qt.Key.Key_P:
            self.toggle_presenter()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        return True  # every other key is held back: nothing changes the work during the show
