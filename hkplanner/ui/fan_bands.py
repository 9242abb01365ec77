"""Uncertainty on the window: P10-P90 bands and the P50 line on every chart, and each target's chance
on its card, from an ensemble computed off the UI thread.

A scenario change starts an ensemble in the background (a worker process, analysis/background.py) unless
one is running; then only the latest scenario waits, so the bands follow the line by at most one
computation and never block the slider. A finished ensemble is drawn with the next change of the scenario,
on the charts that change repaints anyway (one repaint a step, not two), and on others only while the
step repaints few charts; any chart still behind gets it at the next frame without a change. So a step
never repaints every chart at once for bands that arrive late, as the last of one slider's bands do while
the next slider moves. Off by default; the View menu's toggle shows or hides them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont

from hkplanner.analysis.background import Background, Job
from hkplanner.analysis.ensemble import DEFAULT_DRAWS, Ensemble, ensemble
from hkplanner.analysis.inputs import BatchProjector, Range, default_projector
from hkplanner.core import TARGETS, Scenario
from hkplanner.core.formatting import quantity
from hkplanner.ui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from hkplanner.charts.bands import ChartBands

_TARGETS = {target.key: target for target in TARGETS}
POLL_MS = 8  # how often the window looks for the worker's answer while one is due: within a frame
FRAME_MS = 16  # a finished ensemble waits at most this long for the scenario's next change to be drawn with
CHARTS_PER_STEP = 3  # a step repaints other charts for their bands only while it repaints fewer than this


def tr(text: str) -> str:
    return QCoreApplication.translate("FanBands", text)


class FanBands(QObject):
    updated = Signal()  # the latest ensemble's bands are on every chart, its chances on the cards

    def __init__(
        self,
        window,
        projector: BatchProjector | None = None,
        ranges: Mapping[str, Range] | None = None,
        draws: int = DEFAULT_DRAWS,
    ) -> None:
        super().__init__(window)
        self.window, self.projector, self.ranges, self.draws = window, projector, ranges, draws
        self.ensemble: Ensemble | None = None
        self.scenario: Scenario | None = None  # the scenario the shown ensemble is for
        self._running: Scenario | None = None
        self._waiting: Scenario | None = None
        self.background = Background()  # its worker process starts when the bands are first shown
        self._job: Job | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._finished: tuple[Scenario, Ensemble] | None = None  # computed, not yet drawn
        self._behind: list[ChartBands] = []  # charts not yet showing `ensemble`
        self._announced = True  # `updated` was emitted for `ensemble` (it is on every chart)
        self._frame = QTimer(self, singleShot=True, interval=FRAME_MS)
        self._frame.timeout.connect(self._draw_everywhere)
        background = self.background
        window.destroyed.connect(lambda: background.shutdown())
        self.toggle = QAction(tr("Uncertainty &Bands (P10–P90)"), window, checkable=True)
        self.toggle.setObjectName("action_bands")
        self.toggle.toggled.connect(self._on_toggled)
        self._bands: list[ChartBands] = []  # one per chart, added when the window builds them (add_charts)
        self._chances = {key: _chance_label(card) for key, card in window.cards.cards.items()}
        window.session.changed.connect(self._on_scenario_changed)

    def add_charts(self, charts) -> None:
        """Bands on charts the window builds (after its first paint at start-up), shown as the toggle stands."""
        from hkplanner.charts.bands import ChartBands  # charts exist by now; the window opens without pyqtgraph

        for chart in charts:
            band = ChartBands(chart)
            band.set_visible(self.toggle.isChecked())
            if self.ensemble is not None:
                band.show(self.ensemble)
            self._bands.append(band)

    def chance(self, key: str) -> str:
        """A target's card line ("62% chance of 15,000 PF by 2030"), empty while the bands are off."""
        label = self._chances.get(key)
        return label.text() if label is not None and self.toggle.isChecked() else ""

    def set_room_type(self, on: bool) -> None:
        """In a room the chance lines take the cards' own (projector) type; otherwise the window's, as before."""
        cards = self.window.cards.cards
        for key, label in self._chances.items():
            label.setFont(cards[key].detail.font() if on else QFont())  # an empty font inherits the card's

    # model -> work --------------------------------------------------------------------------------

    def _on_toggled(self, shown: bool) -> None:
        for band in self._bands:
            band.set_visible(shown)
        for label in self._chances.values():
            label.setVisible(shown)
        if shown:
            if self.ensemble is None:
                self.window.statusBar().showMessage(tr("Computing the uncertainty bands…"))
            self._request(self.window.session.scenario)

    def _on_scenario_changed(self) -> None:
        if self.toggle.isChecked():
            self._request(self.window.session.scenario)

    def _request(self, scenario: Scenario) -> None:
        if self._running is not None:
            self._waiting = scenario  # only the latest waiting scenario matters
            return
        self._running = scenario
        projector = self.projector or default_projector()
        try:
            self._job = self.background.submit(
                ensemble, scenario, self.draws, 0, projector=projector, ranges=self.ranges
            )
        except Exception as error:  # the call could not be sent (it does not pickle)
            self._on_computed(scenario, error)
            return
        self._poll.start()

    def _collect(self) -> None:
        """The worker's answer, once it is in (polled: no thread of this process waits for it)."""
        if not self._job.ready():
            return
        self._poll.stop()
        job, self._job = self._job, None
        try:
            result = job.result()
        except Exception as error:
            result = error
        self._on_computed(self._running, result)

    def close(self) -> None:
        """End the worker with the window."""
        self._poll.stop()
        self._frame.stop()
        self._job, self._running, self._waiting, self._finished, self._behind = None, None, None, None, []
        self.background.shutdown()

    # work -> view ---------------------------------------------------------------------------------

    def _on_computed(self, scenario: Scenario, result: Ensemble | Exception) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting != scenario:
            self._request(waiting)
        if isinstance(result, Exception):
            message = tr("The uncertainty bands could not be computed: {0}").format(result)
            self.window.statusBar().showMessage(message, 8000)
            return
        if self.toggle.isChecked():
            self._finished = (scenario, result)
            self._frame.start()

    def follow_charts(self) -> None:
        """After the window redrew its charts for a change: the latest ensemble joins that repaint on the
        charts it repaints anyway, and on others while the step repaints fewer than CHARTS_PER_STEP; the
        rest wait for their turn."""
        if not self.toggle.isChecked():
            return
        self._take_finished()
        spare = max(0, CHARTS_PER_STEP - sum(band.chart.moved for band in self._bands))
        for band in list(self._behind):
            extra = not band.chart.moved and band.differs(self.ensemble)
            if extra and not spare:
                continue
            spare -= extra
            band.show(self.ensemble)
            self._behind.remove(band)
        self._after_drawing()

    def _draw_everywhere(self) -> None:
        """A frame without a change: every chart catches up."""
        self._take_finished()
        for band in self._behind:
            band.show(self.ensemble)
        self._behind = []
        self._after_drawing()

    def _take_finished(self) -> None:
        """A finished ensemble becomes the one shown: its chances on the cards at once, its bands on every
        chart as each one's turn comes."""
        if self._finished is None:
            return
        (scenario, result), self._finished = self._finished, None
        if self.ensemble is None:
            self.window.statusBar().clearMessage()
        self.ensemble, self.scenario = result, scenario
        self._behind, self._announced = list(self._bands), False
        for key, label in self._chances.items():
            label.setText(_chance_text(_TARGETS[key], result.probability[key], scenario))

    def _after_drawing(self) -> None:
        if self._behind:
            self._frame.start()
        elif not self._announced:
            self._announced = True
            self.updated.emit()


def _chance_label(card) -> ElidedLabel:
    """One line that never re-lays the card out when its text changes (each new ensemble changes it)."""
    label = ElidedLabel(1)
    label.setObjectName(f"{card.objectName()}_chance")
    label.set_colour(QColor("#444"))
    label.setVisible(False)
    card.layout().addWidget(label)
    return label


def _chance_text(target, probability: float, scenario: Scenario) -> str:
    """'62% chance of 15,000 PF by 2030': the year the scenario judges the target in (fixed, or a parameter's)."""
    due = target.year if target.year is not None else round(scenario[target.year_parameter])
    above = tr("above ") if target.comparison == ">" else ""
    threshold = quantity(target.threshold, target.unit, exact=True)
    return tr("{0:.0%} chance of {1}{2} by {3}").format(probability, above, threshold, due)
