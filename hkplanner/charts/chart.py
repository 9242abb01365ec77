"""A projection chart: per line, published history as markers, the scenario as a solid line and the
baseline as a dashed ghost; the plan's targets as stars (or a level line when no year is set).

Items are created once and updated with `setData`. The y range follows the data with headroom; while a
slider is held it only grows (re-ranging and re-typesetting axes is what makes pyqtgraph slow) and it is
fitted again when the slider is let go. The legend sits under the plot (legend.py), hover values in it
(hover.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hkplanner.charts import theme
from hkplanner.charts.axes import NumberAxis
from hkplanner.charts.hover import HoverReadout
from hkplanner.charts.layer import Layer, Stroke
from hkplanner.charts.legend import ChartLegend, Entry
from hkplanner.charts.markers import Markers
from hkplanner.core import TARGETS, Projection
from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR

_TARGETS = {target.key: target for target in TARGETS}


def tr(text: str) -> str:
    return QCoreApplication.translate("Chart", text)


@dataclass(frozen=True)
class Line:
    key: str  # projection column
    label: str
    colour: str
    markers: bool = True  # draw the published history of this column as markers


@dataclass(frozen=True)
class ChartSpec:
    name: str  # objectName
    title: str
    unit: str
    lines: tuple[Line, ...]
    targets: tuple[str, ...] = ()
    first_year: int = FIRST_YEAR
    line_from: int = LAST_HISTORY_YEAR  # the solid line starts here; earlier years are history
    pinned: tuple[str, ...] = ()  # columns drawn for pinned scenarios; the lines' own when empty
    sources: tuple[str, ...] = ()  # the official series (seeds/history.toml) behind the chart's history
    target_lines: tuple[tuple[str, str], ...] = ()  # (target, line): the star is read against that line
    log_toggle: bool = False  # offer a log scale (a very large phase would flatten everything else)
    end_label: str = ""  # e.g. "... spent by {year}": the last value, labelled in the lower right corner

    @property
    def pinned_keys(self) -> tuple[str, ...]:
        return self.pinned or tuple(line.key for line in self.lines)

    @property
    def ghost_keys(self) -> tuple[str, ...]:
        """The baseline is drawn for every line and for whatever pins show (e.g. total capacity)."""
        return tuple(dict.fromkeys((*(line.key for line in self.lines), *self.pinned_keys)))


def _pen(colour: str, width: float, dashed: bool = False, dotted: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(colour, width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    if dotted:
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


LOG_FLOOR = 1.0  # on a log scale, values below this are drawn at it (zero has no logarithm)
HEADROOM = 1.1  # the top of the y range sits at least 10% above the data
GROWING_HEADROOM = 1.5  # more when it grows during a run of changes, so a drag re-ranges rarely (each costs a frame)
END_LABEL_MARGIN_PX = 8  # between a wrapped end label and the plot's left edge
SETTLE_MS = 300  # a pause this long ends a run of changes (keys held down, a slider moved step by step)


class ProjectionChart(pg.PlotWidget):
    scale_changed = Signal()  # log or linear: whatever else is drawn on the chart is drawn again
    _band_legend = False  # the legend names the uncertainty bands while they show (a class default: the
    # base class builds the legend before a subclass's __init__ body runs)

    def __init__(self, spec: ChartSpec, parent=None) -> None:
        axes = {"left": NumberAxis("left")}
        super().__init__(parent=parent, background="w", enableMenu=False, axisItems=axes)  # no menus: faster start
        self.spec = spec
        self.setObjectName(spec.name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to type into: Tab goes from control to control
        # The scene's background fills the whole view: without this, every repaint of a chart repainted the
        # window and the splitter beneath it first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(tr(spec.title))
        self.setToolTip(_sources_text(spec))
        self._y_top = 0.0
        self._x_span: tuple[float, float] | None = None
        self._ghost_source: Projection | None = None
        self._star_points: list[tuple[int, float, str]] = []
        self._offset = spec.line_from - FIRST_YEAR
        self.log_y = False
        self._held = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._fit_exactly)
        self._shown: tuple[Projection, Projection] | None = None
        self.moved = False  # whether the last show_projection changed what the chart draws
        self._pins: list[tuple[str, Projection]] = []

        # The title is a QLabel above the chart (see `framed`): it wraps when narrow, where a pyqtgraph
        # title would force the plot wider than its widget.
        self.title = QLabel(f"<b>{tr(spec.title)}</b> ({tr(spec.unit)})")
        self.title.setObjectName(f"{spec.name}_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        plot = self.getPlotItem()
        plot.setContentsMargins(2, 10, 14, 2)  # room for the top tick label and the last year's label
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        self.legend = ChartLegend(f"{spec.name}_legend")
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.enableAutoSIPrefix(False)
            axis.setTextPen(theme.BLACK)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.getAxis("bottom").setTickSpacing(5, 1)
        plot.vb.disableAutoRange()

        # The baseline's ghosts under the scenario's lines, pinned scenarios over them: each a cached layer.
        self.ghosts: dict[str, Stroke] = {}
        self.ghost_layer = Layer()
        plot.addItem(self.ghost_layer)
        # The scenario's lines change on every step: one item paints them all, and is not cached.
        self.curves: dict[str, Stroke] = {}
        self.line_layer = Layer(cached=False)
        plot.addItem(self.line_layer)
        self.history: dict[str, Markers] = {}
        for line in spec.lines:
            if line.markers:
                self.history[line.key] = Markers(
                    size=7, brush=pg.mkBrush(line.colour), pen=pg.mkPen("w", width=1), symbol="s"
                )
                plot.addItem(self.history[line.key])
        self._star_colours = {key: colour for key, colour, _ in self._target_styles()}  # fixed: not per step
        self.stars = Markers(size=16, symbol="star", pen=pg.mkPen("w"))
        self.stars.setZValue(20)
        if any(_TARGETS[key].dated for key in spec.targets):
            plot.addItem(self.stars)
        # In the lower right corner, which a cumulative series (rising to the right) leaves clear.
        self.end_text = pg.TextItem(
            anchor=(1, 1), color=theme.BLACK, fill=pg.mkBrush(255, 255, 255, 170)
        )  # readable over lines
        if spec.end_label:
            plot.addItem(self.end_text)
            plot.vb.sigResized.connect(self._wrap_end_label)
        self.levels = [self._add_level(_TARGETS[key]) for key in spec.targets if not _TARGETS[key].dated]
        for year in sorted({HISTORY[key].break_year for key in spec.sources if HISTORY[key].break_year}):
            self._add_series_break(year)
        self.pin_curves: list[Stroke] = []
        self._ghost_tops: list[float] = []
        self.pin_layer = Layer(z=5)
        plot.addItem(self.pin_layer)
        self._pin_tops: list[float] = []
        self._band_top = 0.0  # the highest P90 while uncertainty bands show: the range makes room for it
        self.apply_look(theme.LOOKS["standard"])
        self.hover = HoverReadout(self)
        self.log_box: QCheckBox | None = None
        if spec.log_toggle:
            self.log_box = QCheckBox(tr("Log scale"))
            self.log_box.setObjectName(f"{spec.name}_log")
            self.log_box.setToolTip(
                tr("Show the values on a logarithmic scale: small phases stay visible beside a large one")
            )
            self.log_box.toggled.connect(self.set_log_scale)
        self.refresh_legend()

    def _add_level(self, target) -> pg.InfiniteLine:
        level = pg.InfiniteLine(
            pos=target.threshold,
            angle=0,
            pen=_pen(theme.BLACK, 1.5, dashed=True),
            label=tr("Plan target: above {0:g}{1}").format(target.threshold, target.unit),
            labelOpts={"position": 0.7, "color": theme.BLACK, "fill": (255, 255, 255, 200)},
        )
        self.getPlotItem().addItem(still(level))
        return level

    def _add_series_break(self, year: int) -> None:
        """Official figures before and after `year` are on different bases: say so where it happens."""
        mark = pg.InfiniteLine(
            pos=year - 0.5,
            angle=90,
            pen=_pen(theme.GHOST, 1.0, dotted=True),
            label=tr("new basis from {0}").format(year),
            labelOpts={"position": 0.08, "color": theme.GHOST, "rotateAxis": (1, 0), "anchors": [(0, 0), (0, 0)]},
        )
        self.getPlotItem().addItem(still(mark))

    def apply_look(self, look: theme.Look) -> None:
        """Line widths and type sizes for the theme (standard or projector)."""
        plot = self.getPlotItem()
        self.title.setStyleSheet(f"font-size: {look.title_pt}pt; color: {theme.BLACK}; background: white;")
        self.legend.apply_look(look)
        self._ghost_pen = _pen(theme.GHOST, look.ghost_width, dashed=True)
        if self._shown is not None:
            self._draw_baseline(self._shown[1])
        self._line_pens = {line.key: _pen(line.colour, look.line_width) for line in self.spec.lines}
        self.curves = {}  # drawn again with the new pens
        if self._shown is not None:
            self.show_projection(*self._shown, moved=True)
        font = QFont()
        font.setPointSize(look.tick_pt)
        for side in ("left", "bottom"):
            plot.getAxis(side).setStyle(tickFont=font)
        self.end_text.setFont(font)
        plot.getAxis("left").setWidth(52 * look.tick_pt // 9)  # fixed: new tick labels never re-lay the plot out

    # model -> view -------------------------------------------------------------------------------

    def show_projection(self, projection: Projection, baseline: Projection, moved: bool = False) -> None:
        """Redraw what changed: lines whose data moved, ghosts and history only when the baseline did,
        ranges only when something moved. `moved` says a subclass already changed items of its own."""
        self._shown = (projection, baseline)
        if self._settle.isActive():
            self._settle.start()  # the exact fit waits for a pause in every change, not just this chart's
        if baseline is not self._ghost_source:
            self._ghost_source = baseline
            self._draw_baseline(baseline)
            moved = True
        moved = self._draw_lines(projection) or moved
        moved = self._draw_targets(projection) or moved
        if moved:
            self._draw_end_label(projection)
            self._fit(projection, baseline)
        self.moved = moved

    def _draw_lines(self, projection: Projection) -> bool:
        """The scenario's lines; True if any moved (then, and only then, the layer repaints)."""
        years = projection.years[self._offset :]
        lines = {}
        for key, pen in self._line_pens.items():
            values = self.scaled(projection[key][self._offset :])
            drawn = self.curves.get(key)
            lines[key] = drawn if drawn is not None and drawn.same_data(years, values) else Stroke(years, values, pen)
        if lines == self.curves:  # the same strokes when nothing moved
            return False
        self.curves = lines
        self.line_layer.show_shapes(list(lines.values()))
        return True

    def scaled(self, values: np.ndarray) -> np.ndarray:
        """Values as plotted: their logarithm on a log scale."""
        return np.log10(np.maximum(values, LOG_FLOOR)) if self.log_y else values

    def set_log_scale(self, on: bool) -> None:
        """Redraw everything on the new scale."""
        if on == self.log_y:
            return
        self.log_y = on  # offered only on charts without level lines (ChartSpec.log_toggle)
        self.getPlotItem().getAxis("left").setLogMode(False, on)
        self._star_points = []
        self._y_top = 0.0
        self.show_pins(self._pins)
        self.curves = {}
        if self._shown is not None:
            self.show_projection(*self._shown, moved=True)
        self.scale_changed.emit()

    def hold_range(self, held: bool) -> None:
        """While a slider is held the y range only grows; on release it fits the data again."""
        self._held = held
        self._settle.stop()
        if not held:
            self._fit_exactly()

    def _fit_exactly(self) -> None:
        if self._shown is not None:
            self._fit(*self._shown, exact=True)

    def show_pins(self, pins: list[tuple[str, Projection]]) -> None:
        """Pinned scenarios as labelled dotted overlays; rebuilt only when the pins change."""
        self._pins = list(pins)
        years_from = self._offset
        self.pin_curves = [
            Stroke(
                projection.years[years_from:],
                self.scaled(projection[key][years_from:]),
                _pen(theme.PIN_COLOURS[number % len(theme.PIN_COLOURS)], 2.0, dotted=True),
            )
            for number, (_, projection) in enumerate(pins)
            for key in self.spec.pinned_keys
        ]
        self.pin_layer.show_shapes(self.pin_curves)
        pinned_values = [projection[key][years_from:] for _, projection in pins for key in self.spec.pinned_keys]
        self._pin_tops = highest(pinned_values)
        self._y_top = 0.0  # re-range to include them
        self._ghost_source = None  # and redraw on the next show_projection
        self.refresh_legend()

    # the legend and the hover readout ----------------------------------------------------------------

    def legend_entries(self) -> list[Entry]:
        """Every series drawn, by its full name, in drawing order."""
        entries = [Entry("line", line.colour, tr(line.label)) for line in self.spec.lines]
        if self.history:
            entries.append(Entry("square", theme.BLACK, tr("Published figures")))
        entries.append(Entry("dashed", theme.GHOST, tr("The plan")))
        if self._band_legend:
            entries.append(Entry("fill", theme.BAND_LEGEND, tr("Uncertainty: P10–P90 shaded, P50 dashed")))
        entries += [Entry("star", colour, name) for _, colour, name in self._target_styles()]
        for number, (label, _) in enumerate(self._pins):
            entries.append(Entry("dotted", theme.PIN_COLOURS[number % len(theme.PIN_COLOURS)], label))
        return entries

    def set_band_legend(self, shown: bool) -> None:
        if shown != self._band_legend:
            self._band_legend = shown
            self.refresh_legend()

    def refresh_legend(self) -> None:
        self.legend.show_entries(self.legend_entries())

    def hover_values(self, year: int) -> list[tuple[str, float, str]]:
        """(series, value, unit) at `year` for every series drawn: the readout under the pointer."""
        if self._shown is None:
            return []
        projection, baseline = self._shown
        unit = self.spec.unit
        index = year - FIRST_YEAR
        if not 0 <= index < len(projection.years):
            return []
        values = [(tr(line.label), float(projection[line.key][index]), unit) for line in self.spec.lines]
        ghost_keys = self.spec.ghost_keys
        for key in ghost_keys:
            label = next((line.label for line in self.spec.lines if line.key == key), "")
            name = tr("The plan") if len(ghost_keys) == 1 or not label else f"{tr('The plan')}: {tr(label)}"
            values.append((name, float(baseline[key][index]), unit))
        for label, pinned in self._pins:
            for key in self.spec.pinned_keys:
                if index < len(pinned.years):
                    values.append((label, float(pinned[key][index]), unit))
        return values

    def _draw_baseline(self, baseline: Projection) -> None:
        years = baseline.years[self._offset :]
        self.ghosts = {
            key: Stroke(years, self.scaled(baseline[key][self._offset :]), self._ghost_pen)
            for key in self.spec.ghost_keys
        }
        self.ghost_layer.show_shapes(list(self.ghosts.values()))
        self._ghost_tops = highest(baseline[key][self._offset :] for key in self.ghosts)  # the range needs them
        past = baseline.is_history
        for key, markers in self.history.items():
            values = baseline[key][past]
            known = ~np.isnan(values)
            markers.setData(baseline.years[past][known], self.scaled(values[known]))

    def _target_styles(self) -> list[tuple[str, str, str]]:
        """(target key, colour, legend name) of each dated target: a target read against one line (private
        capacity, not the stacked total) takes that line's colour and name."""
        lines = {line.key: line for line in self.spec.lines}
        against = dict(self.spec.target_lines)
        styles = []
        for key in self.spec.targets:
            if not _TARGETS[key].dated:
                continue
            line = lines.get(against.get(key, ""))
            if line is None:
                styles.append((key, theme.BLACK, tr("Plan target")))
            else:
                styles.append((key, line.colour, tr("{0} target").format(tr(line.label).split()[0])))
        return styles

    def _draw_targets(self, projection: Projection) -> bool:
        colours = self._star_colours
        shown = (r for r in projection.targets if r.target.key in colours)
        points = [(r.due_year, r.target.threshold, colours[r.target.key]) for r in shown]
        if points == self._star_points:
            return False
        self._star_points = points
        self.stars.setData(
            [p[0] for p in points],
            self.scaled(np.array([p[1] for p in points], dtype=float)),
            brush=[pg.mkBrush(p[2]) for p in points],
        )
        return True

    def _draw_end_label(self, projection: Projection) -> None:
        """E.g. "Capital cost: HK$4.09 bn spent by 2035": a cumulative figure says which year it has reached."""
        if not self.spec.end_label:
            return
        key = self.spec.lines[0].key
        year = int(projection.years[-1])
        value = float(projection[key][-1])
        self.end_text.setPos(year, float(self.scaled(np.array(0.0))))
        text = self.spec.end_label.format(value=value, year=year)
        if text != self.end_text.toPlainText():  # typesetting it again is costly, and most steps leave it
            self.end_text.setText(text)
            self._wrap_end_label()

    def _wrap_end_label(self) -> None:
        """On a chart narrower than the label, it wraps instead of running past the plot's left edge."""
        self.end_text.setTextWidth(-1)
        view = self.getPlotItem().vb
        end = view.mapViewToScene(self.end_text.pos()).x()  # the label ends at the last year
        room = end - view.sceneBoundingRect().left() - END_LABEL_MARGIN_PX
        if self.end_text.textItem.boundingRect().width() > room > 0:
            self.end_text.setTextWidth(room)

    def _top_of_data(self, projection: Projection, baseline: Projection) -> float:
        tops = highest(projection[key][self._offset :] for key in self.curves) + self._ghost_tops
        tops += [point[1] for point in self._star_points] + [_TARGETS[k].threshold for k in self._level_keys()]
        tops += self._pin_tops + self._extra_tops() + ([self._band_top] if self._band_top else [])
        return max(tops, default=1.0)

    def show_band_top(self, top: float) -> None:
        """Room for the uncertainty bands (0 when they are hidden); like any change, it only grows the
        range while a slider is held."""
        if top != self._band_top:
            self._band_top = top
            if self._shown is not None:
                self._fit(*self._shown)

    def _extra_tops(self) -> list[float]:
        """Highest points of items a subclass draws beyond the lines."""
        return []

    def _level_keys(self) -> list[str]:
        return [key for key in self.spec.targets if not _TARGETS[key].dated]

    def _fit(self, projection: Projection, baseline: Projection, exact: bool = False) -> None:
        """The y range follows the data with headroom. During a run of changes (a slider held, or moved
        step after step) it only grows, because re-ranging is the slowest part of a redraw; it fits the
        data exactly when the slider is let go or the changes pause."""
        first, last = self.spec.first_year, int(projection.years[-1])
        room = max(0.9, 0.07 * (last - first))  # room for the last year's label, however long the axis
        x_span = (first - 0.5, last + room)
        if x_span != self._x_span:
            self._x_span = x_span
            self.setXRange(*x_span, padding=0)
        top = self._top_of_data(projection, baseline)
        if exact or not self._y_top:
            wanted = _nice_ceiling(top * HEADROOM)
        else:
            wanted = _nice_ceiling(top * GROWING_HEADROOM) if top > self._y_top else self._y_top
            if not self._held:
                self._settle.start()
        if wanted != self._y_top:
            self._y_top = wanted
            if self.log_y:
                self.setYRange(0, float(np.log10(max(wanted, 10 * LOG_FLOOR))), padding=0)
            else:
                self.setYRange(0, wanted, padding=0)
            # Now, not when the chart is next painted (pyqtgraph's default): moving every item in the middle
            # of a paint made the chart paint twice.
            self.getPlotItem().vb.updateMatrix()


def highest(arrays) -> list[float]:
    """Each array's highest value; an array of blanks has none."""
    tops = (float(np.fmax.reduce(array)) for array in arrays)
    return [top for top in tops if not np.isnan(top)]


def _nice_ceiling(value: float) -> float:
    """The next round number above value: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** np.floor(np.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(10 * magnitude)


def still(item: QGraphicsItem) -> QGraphicsItem:
    """An item that stays put while a slider moves, painted once into a cached image and copied after."""
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def framed(chart: ProjectionChart) -> QWidget:
    """The chart under its title (and its log-scale switch, if any), its legend below, as the window
    lays it out."""
    frame = QWidget()
    frame.setObjectName(f"{chart.spec.name}_frame")
    frame.setAutoFillBackground(True)  # white by its palette: a style sheet would keep the look's type off the
    white = frame.palette()  # log-scale switch inside it
    white.setColor(QPalette.ColorRole.Window, QColor("white"))
    frame.setPalette(white)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    if chart.log_box is None:
        layout.addWidget(chart.title)
    else:
        heading = QHBoxLayout()
        heading.addWidget(chart.title, 1)
        heading.addWidget(chart.log_box)
        layout.addLayout(heading)
    layout.addWidget(chart, 1)
    layout.addWidget(chart.legend)
    return frame


def _sources_text(spec: ChartSpec) -> str:
    """Where the chart's numbers come from, one hover away."""
    lines = [f"{HISTORY[key].title}: {HISTORY[key].source}" for key in spec.sources]
    lines.append(
        tr(
            "Solid lines from {0} on are the model's projection of the scenario (equations and sources under "
            "Help > Model Documentation); the dashed grey line is the plan's baseline; stars are the plan's "
            "targets. Hover to read every series' value in a year."
        ).format(spec.line_from)
    )
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"<p><b>{html.escape(tr(spec.title))}</b></p>{body}"
