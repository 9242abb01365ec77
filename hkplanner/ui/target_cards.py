"""One card per plan target: met or missed, when first met, and the shortfall. Updated on every change."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolTip, QVBoxLayout, QWidget

from hkplanner.core import TARGETS, Projection, Target, TargetResult
from hkplanner.core.formatting import number, quantity, shortfall
from hkplanner.ui import theme
from hkplanner.ui.elided_label import ElidedLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("TargetCard", text)


_NOTHING_SHOWN = object()


class TargetCard(QFrame):
    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{target.key}")
        self.source = target.source
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._shown: tuple | None = None
        self._verdict_shown: object = _NOTHING_SHOWN  # met (True), missed (False) or not judged (None)
        # A fixed number of lines each, wrapped, elided only if a card is narrower than any laptop makes
        # it (the tooltip has them in full): a card keeps its height whatever its text.
        self.title = ElidedLabel(1)
        self.goal = ElidedLabel(2)
        self.status = ElidedLabel(2)
        self.detail = ElidedLabel(2)
        self.title.setStyleSheet("font-weight: bold;")
        self.status.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.detail.setStyleSheet("color: #444;")
        self.title.setText(tr(target.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(1)
        for label in (self.title, self.goal, self.status, self.detail):
            layout.addWidget(label)

    def event(self, event: QEvent) -> bool:
        """The tooltip is written when asked for, so no slider move pays for it."""
        if event.type() == QEvent.Type.ToolTip:
            lines = [*self.tooltip_lines(), tr("Source: {0}").format(self.source)]
            QToolTip.showText(event.globalPos(), "<br>".join(html.escape(line) for line in lines), self)
            return True
        return super().event(event)

    def tooltip_lines(self) -> list[str]:
        return [label.text() for label in (self.title, self.goal, self.status, self.detail)]

    def show_result(self, result: TargetResult, required_growth: float | None = None) -> None:
        if (result, required_growth) == self._shown:
            return
        self._shown = (result, required_growth)
        target = result.target
        comparison = ">" if target.comparison == ">" else "≥"  # symbols: a narrow card shows the whole goal
        due = (
            tr("by {0}").format(result.due_year) if target.dated else tr("by {0} (no year set)").format(result.due_year)
        )
        goal = f"{comparison} {quantity(target.threshold, target.unit, exact=True)} {due}"
        if required_growth is not None:
            goal += " · " + tr("needs {0}% growth a year").format(number(required_growth))
        self.goal.setText(goal)  # set once: a label whose text changes twice re-lays out twice
        if not result.judged:
            self.status.setText(tr("? Not judged"))
            self.detail.setText(tr("due after the projection ends: extend the horizon"))
        elif result.met:
            self.status.setText(tr("✓ Met"))
            first = tr("first in {0}").format(result.first_year_met)
            self.detail.setText(f"{quantity(result.value, target.unit)} · {first}")
        else:
            self.status.setText(tr("✗ Short by {0}").format(shortfall(result.shortfall, target.unit)))
            reached = tr("reached in {0}").format(result.first_year_met) if result.first_year_met else tr("not reached")
            self.detail.setText(f"{quantity(result.value, target.unit)} in {result.due_year} · {reached}")
        verdict = result.met if result.judged else None
        if verdict is not self._verdict_shown:
            self._verdict_shown = verdict
            colour = {True: theme.MET, False: theme.MISSED, None: theme.GHOST}[verdict]
            self.status.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {colour};")
            self.setStyleSheet(f"#{self.objectName()} {{ border-left: 6px solid {colour}; background: white; }}")


class TargetCardRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.apply_look(theme.LOOKS["standard"])
        self.cards = {target.key: TargetCard(target) for target in TARGETS}
        for card in self.cards.values():
            layout.addWidget(card)

    def apply_look(self, look: theme.Look) -> None:
        self._fit_height()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
        return super().event(event)

    def _fit_height(self) -> None:
        """A fixed height, from the cards' fonts: text never resizes the charts below while a slider
        moves, and every line of every card has room whatever the type size or screen scaling."""
        cards = getattr(self, "cards", {})
        needed = max((card.sizeHint().height() for card in cards.values()), default=0)
        if needed and needed != self.maximumHeight():
            self.setFixedHeight(needed)

    def show_projection(self, projection: Projection) -> None:
        for result in projection.targets:
            required = projection.mfg_growth_required_pct if result.target.metric == "mfg_share_gdp_pct" else None
            self.cards[result.target.key].show_result(result, required)
