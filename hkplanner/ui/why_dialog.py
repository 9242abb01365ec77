""" "Why did it move?": for one result, a waterfall of each decision's part in the change from the plan
(Shapley attribution) and a tornado of each assumption's low and high."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from hkplanner.analysis.attribution import Attribution, attribute
from hkplanner.analysis.inputs import BatchProjector, Range, default_projector
from hkplanner.analysis.tornado import Tornado, tornado
from hkplanner.charts.waterfall import TOTAL, draw_waterfall, short
from hkplanner.core import COLUMNS
from hkplanner.core.timeline import LAST_HISTORY_YEAR


def tr(text: str) -> str:
    return QCoreApplication.translate("WhyDialog", text)


class WhyDialog(QDialog):
    def __init__(
        self,
        session,
        parent=None,
        projector: BatchProjector | None = None,
        ranges: Mapping[str, Range] | None = None,
        series: str = "capacity_private_pf",
        year: int = 2030,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("why_dialog")
        self.setWindowTitle(tr("Why did it move?"))
        self.resize(1100, 560)
        self.session, self.projector, self.ranges = session, projector, ranges
        self.attribution: Attribution | None = None
        self.tornado: Tornado | None = None
        self.series = QComboBox(objectName="why_series")
        for key, (title, unit) in COLUMNS.items():
            self.series.addItem(f"{QCoreApplication.translate('Columns', title)} ({unit})", key)
        self.series.setCurrentIndex(self.series.findData(series))
        self.year = QSpinBox(objectName="why_year")
        self.year.setRange(LAST_HISTORY_YEAR + 1, int(session.scenario["end_year"]))
        self.year.setValue(year)
        self.summary = QLabel(objectName="why_summary")
        self.summary.setWordWrap(True)
        self.waterfall = pg.PlotWidget(background="w", enableMenu=False, title=tr("Change from the plan, by decision"))
        self.spread = pg.PlotWidget(background="w", enableMenu=False, title=tr("Each assumption at its low and high"))
        self.waterfall.setObjectName("why_waterfall")
        self.spread.setObjectName("why_tornado")
        choice = QHBoxLayout()
        for widget in (QLabel(tr("Result:")), self.series, QLabel(tr("in")), self.year):
            choice.addWidget(widget)
        choice.addStretch(1)
        plots = QHBoxLayout()
        plots.addWidget(self.waterfall, 3)
        plots.addWidget(self.spread, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addLayout(plots, 1)
        layout.addWidget(buttons)
        self.series.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        session, key, year = self.session, self.series.currentData(), self.year.value()
        projector = self.projector or default_projector()
        self.attribution = attribute(session.baseline, session.scenario, key, year, projector=projector)
        self.tornado = tornado(session.scenario, key, year, projector=projector, ranges=self.ranges)
        draw_waterfall(self.waterfall.getPlotItem(), self.attribution)
        self._draw_tornado(self.tornado)
        result = self.attribution
        self.summary.setText(
            tr("{0} in {1}: {2:,.4g} in the plan, {3:,.4g} in this scenario ({4:+,.4g}).").format(
                self.series.currentText(), year, result.baseline_value, result.current_value, result.total
            )
            + ("" if result.exact else " " + tr("Parts estimated from {0:,} orders.").format(result.orders))
        )

    def _draw_tornado(self, result: Tornado) -> None:
        plot = self.spread.getPlotItem()
        plot.clear()
        bars = list(reversed(result.bars))  # the widest on top
        if not bars:
            return
        y = np.arange(len(bars))
        lows = np.array([min(bar.at_low, bar.at_high) for bar in bars])
        widths = np.array([bar.swing for bar in bars])
        plot.addItem(pg.BarGraphItem(x0=lows, y=y, width=widths, height=0.6, brush=TOTAL, pen=TOTAL))
        plot.addItem(pg.InfiniteLine(result.value, angle=90, pen=pg.mkPen("k", width=1.5)))
        axis = plot.getAxis("left")
        axis.setTicks([[(i, short(bar.title)) for i, bar in enumerate(bars)]])
        axis.setWidth(150)  # room for the assumptions' names
