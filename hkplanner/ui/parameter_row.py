"""One parameter's controls: title, slider, number box, unit and reset. Generated from the registry."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QSlider, QToolButton, QWidget

from hkplanner.charts import theme
from hkplanner.core import Parameter


def tr(text: str) -> str:
    return QCoreApplication.translate("ParameterRow", text)


# The slider that has the keyboard is marked (the style draws no focus on sliders). Set on each slider, not
# on the panel: a style sheet on a parent keeps the window's font (the projector look's large type) from
# reaching the widgets below it.
FOCUS_MARK = f"QSlider:focus {{ background: #DCEBFA; border: 2px solid {theme.BLUE}; border-radius: 3px; }}"


def tooltip(parameter: Parameter) -> str:
    kind = tr("Policy lever") if parameter.kind == "lever" else tr("Assumption about the world")
    return (
        f"<p><b>{html.escape(tr(parameter.title))}</b> ({html.escape(parameter.unit)}) — {kind}</p>"
        f"<p>{html.escape(parameter.doc)}</p>"
        f"<p><i>{tr('Default')}:</i> {parameter.default:g} {html.escape(parameter.unit)} ({tr(parameter.basis)})<br>"
        f"<i>{tr('Source')}:</i> {html.escape(parameter.source)}</p>"
    )


class ParameterTitle(QLabel):
    """A title in bold once its parameter differs from the default. It is laid out in bold always, and only
    painted in the regular weight: a change of weight repaints it and re-lays out nothing (a new font
    re-laid out the whole panel, a few milliseconds on the first step of every drag)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        bold = QFont()  # only the weight: the size still follows the window's theme
        bold.setBold(True)
        self.setFont(bold)
        self._emphasised = False

    def is_emphasised(self) -> bool:
        return self._emphasised

    def set_emphasised(self, emphasised: bool) -> None:
        if emphasised != self._emphasised:
            self._emphasised = emphasised
            self.update()

    def paintEvent(self, event) -> None:
        if self._emphasised:
            super().paintEvent(event)
            return
        regular = self.font()
        regular.setBold(False)
        painter = QPainter(self)
        painter.setFont(regular)
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self.contentsRect(), flags, self.text())


class ParameterRow(QWidget):
    """Slider and number box edit the same value; `edited` carries it to the session.

    `show_value` writes model -> widgets with their signals blocked, so nothing bounces back.
    """

    edited = Signal(str, float)
    reset_requested = Signal(str)

    def __init__(self, parameter: Parameter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parameter = parameter
        key = parameter.key
        self.setObjectName(f"{key}_row")
        self.setToolTip(tooltip(parameter))
        self._low, self._high = parameter.slider

        self.title = ParameterTitle(tr(parameter.title))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(key)
        self.slider.setAccessibleName(tr(parameter.title))
        self.slider.setRange(0, self._position(self._high))
        self.slider.setPageStep(max(1, self.slider.maximum() // 10))
        self.slider.setStyleSheet(FOCUS_MARK)
        self.box = QDoubleSpinBox()
        self.box.setObjectName(f"{key}_value")
        self.box.setAccessibleName(tr("{0}, value").format(tr(parameter.title)))
        self.box.setDecimals(parameter.decimals)
        self.box.setRange(*parameter.bounds)
        self.box.setSingleStep(parameter.step)
        self.box.setKeyboardTracking(False)  # commit typed numbers on Enter or focus-out, not per keystroke
        self.box.setGroupSeparatorShown(parameter.bounds[1] >= 10000)
        self.box.setMinimumWidth(84)
        self.unit = QLabel(parameter.unit)
        grey = self.unit.palette()  # a palette, not a style sheet: the label keeps following the window's font
        grey.setColor(QPalette.ColorRole.WindowText, QColor("#555"))
        self.unit.setPalette(grey)
        self.reset = QToolButton()
        self.reset.setObjectName(f"{key}_reset")
        self.reset.setText("↺")
        self.reset.setAccessibleName(tr("Reset {0}").format(tr(parameter.title)))
        self.reset.setToolTip(tr("Reset to {0:g} {1}").format(parameter.default, parameter.unit))

        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.title, 0, 0, 1, 3)
        layout.addWidget(self.reset, 0, 3)
        layout.addWidget(self.slider, 1, 0)
        layout.addWidget(self.box, 1, 1)
        layout.addWidget(self.unit, 1, 2, 1, 2)
        layout.setColumnStretch(0, 1)

        self.slider.valueChanged.connect(self._on_slider)
        self.box.valueChanged.connect(self._on_box)
        self.reset.clicked.connect(lambda: self.reset_requested.emit(key))
        self.show_value(parameter.default)

    def _position(self, value: float) -> int:
        clamped = min(max(value, self._low), self._high)
        return round((clamped - self._low) / self.parameter.step)

    def _value_at(self, position: int) -> float:
        return round(self._low + position * self.parameter.step, self.parameter.decimals)

    # view -> model
    def _on_slider(self, position: int) -> None:
        self.edited.emit(self.parameter.key, self._value_at(position))

    def _on_box(self, value: float) -> None:
        self.edited.emit(self.parameter.key, value)

    # model -> view
    def show_value(self, value: float) -> None:
        if value != self.box.value() or self._position(value) != self.slider.value():
            for widget, shown in ((self.slider, self._position(value)), (self.box, value)):
                blocked = widget.blockSignals(True)
                widget.setValue(shown)
                widget.blockSignals(blocked)
        changed = value != self.parameter.default
        self.reset.setEnabled(changed)
        self.title.set_emphasised(changed)
