"""One card per plan target: met or missed, when first met, and the shortfall. Updated on every change."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolTip, QVBoxLayout, QWidget

from hkplanner.charts import theme
from hkplanner.core import TARGETS, Projection, Target, TargetResult
from hkplanner.core.formatting import number, quantity, shortfall
from hkplanner.ui.elided_label import ElidedLabel
from hkplanner.ui.fit_text import fitted_font


def tr(text: str) -> str:
    return QCoreApplication.translate("TargetCard", text)


_NOTHING_SHOWN = object()
VERDICT_STRIP_PX = 6  # met, missed or not judged, in colour down the card's left edge


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class TargetCard(QFrame):
    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{target.key}")
        self.source = target.source
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._shown: tuple | None = None
        self._verdict_shown: object = _NOTHING_SHOWN  # met (True), missed (False) or not judged (None)
        self._look = theme.LOOKS["standard"]
        self._details = ("", "")  # in a room: the verdict, and the goal when there is room for it
        self._verdict_colour = QColor(theme.GHOST)  # of the strip down the card's left edge (paintEvent)
        # The strip's room, set once: a verdict repaints the strip and the figure, and restyles nothing.
        self.setStyleSheet(
            f"#{self.objectName()} {{ border-left: {VERDICT_STRIP_PX}px solid white; background: white; }}"
        )
        # It paints all of itself (paintEvent): a new figure repaints the card, not the window beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # A fixed number of lines each, wrapped, elided only if a card is narrower than any laptop makes
        # it (the tooltip has them in full): a card keeps its height whatever its text.
        self.title = ElidedLabel(1)
        self.goal = ElidedLabel(2)
        self.status = ElidedLabel(2)
        self.detail = ElidedLabel(2)
        self.detail.setStyleSheet("color: #444;")
        self.title.setText(tr(target.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(1)
        for label in (self.title, self.goal, self.status, self.detail):
            layout.addWidget(label)
        self.apply_look(self._look)

    def apply_look(self, look: theme.Look) -> None:
        """Type sizes in pixels for the theme; for a room the card leads with its figure in large type."""
        self._look = look
        for label, pixels, bold in (
            (self.title, look.card_text_px, True),
            (self.goal, look.card_text_px, False),
            (self.status, look.card_figure_px, True),
            (self.detail, look.card_text_px, False),
        ):
            label.setFont(_font(pixels, bold))
        # In a room a title may take two lines and the figure one (see _fit_headline).
        self.title.max_lines, self.status.max_lines = (2, 1) if look.headline_cards else (1, 2)
        self.title.updateGeometry()
        self.status.updateGeometry()
        self.goal.setVisible(not look.headline_cards)  # the detail line names the goal instead
        if self._shown is not None:
            shown, self._shown = self._shown, None
            self.show_result(*shown)

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
        if self._look.headline_cards:
            self._show_headline(result)
            self._fit_headline()
        else:
            self._show_detail(result, required_growth)
        verdict = result.met if result.judged else None
        if verdict is not self._verdict_shown:
            self._verdict_shown = verdict
            self._verdict_colour = QColor({True: theme.MET, False: theme.MISSED, None: theme.GHOST}[verdict])
            self.status.set_colour(self._verdict_colour)
            self.update(0, 0, VERDICT_STRIP_PX, self.height())

    def verdict_colour(self) -> QColor:
        return self._verdict_colour

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(event.rect(), Qt.GlobalColor.white)  # opaque: Qt paints nothing beneath
        super().paintEvent(event)
        QPainter(self).fillRect(0, 0, VERDICT_STRIP_PX, self.height(), self._verdict_colour)

    def _show_headline(self, result: TargetResult) -> None:
        """'8,480 PF' over '✗ short by 1,520 PF · goal 10,000 PF by 2030': the figure first, for a room
        (the verdict's mark goes with the detail, so the figure fits the card's width in large type)."""
        target = result.target
        unit = "%" if target.unit.startswith("%") else target.unit  # the title says of what
        goal = tr("goal {0} by {1}").format(quantity(target.threshold, unit, exact=True), result.due_year)
        if not result.judged:
            self.status.setText(tr("? Not judged"))
            self._details = (tr("due after the projection ends"), goal)
            return
        self.status.setText(quantity(result.value, unit))
        if result.met:
            verdict = f"✓ {tr('met in {0}').format(result.first_year_met)}"
        else:
            verdict = f"✗ {tr('short by {0}').format(shortfall(result.shortfall, target.unit))}"
        self._details = (verdict, goal)

    def _fit_headline(self) -> None:
        """At 1920 px in a show: the figure at the look's size and the detail with its goal. In a narrower
        card (the projector theme beside the levers) a smaller figure and the verdict alone, not cut off."""
        look = self._look
        width = max(self.status.width(), 1)
        fitted = fitted_font(self.status.font(), self.status.text(), width, look.card_figure_px, look.card_text_px)
        if fitted != self.status.font():
            self.status.setFont(fitted)
        verdict, goal = self._details
        full = f"{verdict} · {goal}"
        metrics = self.detail.fontMetrics()
        needed = metrics.boundingRect(QRect(0, 0, width, 10 * width), Qt.TextFlag.TextWordWrap, full).height()
        self.detail.setText(full if needed <= 2 * metrics.lineSpacing() else verdict)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._look.headline_cards:
            self._fit_headline()

    def _show_detail(self, result: TargetResult, required_growth: float | None) -> None:
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


class TargetCardRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.cards = {target.key: TargetCard(target) for target in TARGETS}
        for card in self.cards.values():
            layout.addWidget(card)
        self.apply_look(theme.LOOKS["standard"])

    def apply_look(self, look: theme.Look) -> None:
        for card in self.cards.values():
            card.apply_look(look)
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
