"""Chart images with the chart's title drawn on them: PNG at twice screen resolution, SVG, the clipboard.

Works on the window's live charts and on charts built offscreen for a scenario (`offscreen_charts`).
The scene is rendered directly: pyqtgraph's own SVG exporter fails on Qt 6.11 and later.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from hkplanner.charts import theme
from hkplanner.charts.catalogue import build_charts
from hkplanner.charts.chart import ProjectionChart
from hkplanner.core import Pin, Scenario, Workspace
from hkplanner.export.files import chart_file_name, ensure_folder, write_bytes
from hkplanner.export.provenance import Provenance

CHART_SIZE = QSize(800, 500)  # charts built for export: a slide's proportions
SCALE = 2  # PNGs at twice screen resolution
TITLE_MARGIN = 6


@contextmanager
def offscreen_charts(
    scenario: Scenario, pins: Sequence[tuple[str, Scenario]] = (), size: QSize = CHART_SIZE
) -> Iterator[list[ProjectionChart]]:
    """Every chart for a scenario, with the baseline's ghost and any pinned scenarios; closed afterwards."""
    charts = build_charts()
    workspace = Workspace(scenario, tuple(Pin(label, other) for label, other in pins))
    projection, ghost, pinned = workspace.projection, workspace.baseline_projection, workspace.pin_projections
    try:
        for chart in charts:
            chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            chart.resize(size)
            chart.show()  # a hidden widget is never laid out; this one never reaches the screen
            if pinned:
                chart.show_pins(pinned)
            chart.show_projection(projection, ghost)
        QApplication.sendPostedEvents()  # legend layouts
        yield charts
    finally:
        for chart in charts:
            chart.close()
            chart.deleteLater()
        # Without an event loop (the export command, a script) nothing would ever delete them: about
        # 20 MB an export. Deleting them here keeps memory flat in a loop of exports.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def chart_title(chart: ProjectionChart) -> str:
    return f"{chart.spec.title} ({chart.spec.unit})"


def _title_document(chart: ProjectionChart) -> QTextDocument:
    """The title label's own text and font, so the image reads like the window."""
    chart.title.ensurePolished()  # applies the look's font size from the style sheet
    font = chart.title.font()
    font.setFeature(QFont.Tag("liga"), 0)  # ligatures copy out of SVG and PDF as single odd characters
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(TITLE_MARGIN)
    document.setHtml(f'<div align="center" style="color: {theme.BLACK}">{chart.title.text()}</div>')
    document.setTextWidth(chart.width())
    return document


def _legend_document(chart: ProjectionChart) -> QTextDocument:
    """The legend the window shows under the plot: every series by its full name."""
    font = chart.legend.font()
    font.setFeature(QFont.Tag("liga"), 0)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(TITLE_MARGIN / 2)
    document.setHtml(f'<div align="center" style="color: {theme.BLACK}">{chart.legend.text()}</div>')
    document.setTextWidth(chart.width())
    return document


def _caption_document(chart: ProjectionChart, caption: str) -> QTextDocument:
    """A small grey line under the plot saying where the image came from (provenance, not a watermark)."""
    font = chart.title.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.7))
    font.setFeature(QFont.Tag("liga"), 0)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(TITLE_MARGIN / 2)
    document.setPlainText(caption)
    document.setTextWidth(chart.width())
    return document


def framed_size(chart: ProjectionChart, caption: str | None = None) -> QSizeF:
    """Title above plot, legend below it (and the provenance line, if any), in the chart's logical pixels."""
    below = _legend_document(chart).size().height()
    below += _caption_document(chart, caption).size().height() if caption else 0.0
    return QSizeF(chart.width(), _title_document(chart).size().height() + chart.height() + below)


@contextmanager
def _export_mode(chart: ProjectionChart) -> Iterator[None]:
    """Vector output for every target: cached items and pyqtgraph's symbol atlas would paint as bitmaps."""
    none = QGraphicsItem.CacheMode.NoCache
    items = chart.scene().items()
    cached = [(item, item.cacheMode()) for item in items if item.cacheMode() != none]
    exporting = [item for item in items if hasattr(item, "setExportMode")]
    for item, _ in cached:
        item.setCacheMode(none)
    for item in exporting:
        item.setExportMode(True, {"antialias": True})
    try:
        yield
    finally:
        for item in exporting:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)


def paint_chart(painter: QPainter, chart: ProjectionChart, target: QRectF, caption: str | None = None) -> None:
    """Title, plot, legend and optional provenance line, scaled to fill the target's width (the height follows)."""
    title = _title_document(chart)
    factor = target.width() / chart.width()
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(factor, factor)
    title.drawContents(painter)
    plot = QRectF(0, title.size().height(), chart.width(), chart.height())
    paint_scene(painter, chart, plot)
    painter.translate(0, plot.bottom())
    legend = _legend_document(chart)
    legend.drawContents(painter)
    if caption:
        painter.translate(0, legend.size().height())
        painter.setPen(QColor(theme.GHOST))
        _caption_document(chart, caption).drawContents(painter)
    painter.restore()


def paint_scene(painter: QPainter, view, target: QRectF) -> None:
    """A pyqtgraph view's scene, as vectors where the painter allows, scaled into `target`."""
    with _export_mode(view):
        view.scene().prepareForPaint()
        view.scene().render(painter, target, view.sceneRect())


def chart_image(chart: ProjectionChart, scale: float = SCALE, caption: str | None = None) -> QImage:
    """Title, plot and optional provenance line at `scale` times the chart's size on screen."""
    size = framed_size(chart, caption)
    image = QImage((size * scale).toSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)  # paint in the chart's own units; Qt scales lines, symbols and text
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    paint_chart(painter, chart, QRectF(QPointF(0, 0), size), caption)
    painter.end()
    return image


def chart_png(chart: ProjectionChart, path: str | os.PathLike, provenance: Provenance, scale: float = SCALE) -> Path:
    image = chart_image(chart, scale, provenance.footer())
    dots_per_metre = round(scale * chart.logicalDpiX() / 0.0254)  # after painting: the DPI sizes fonts
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    for key, value in _png_text(chart, provenance).items():
        image.setText(key, value)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return write_bytes(path, bytes(data))


def _png_text(chart: ProjectionChart, provenance: Provenance) -> dict[str, str]:
    """PNG text chunks: the standard keywords first, then the provenance fields by name."""
    return {
        "Title": chart_title(chart),
        "Description": provenance.text(),
        "Software": provenance.app,
        "Creation Time": provenance.time,
        **dict(provenance.items()),
    }


def chart_svg(chart: ProjectionChart, path: str | os.PathLike, provenance: Provenance) -> Path:
    """Vector SVG; its <title> names the chart and scenario, its <desc> holds the provenance."""
    size = framed_size(chart, provenance.footer())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size.toSize())
    generator.setViewBox(QRectF(QPointF(0, 0), size))
    generator.setResolution(chart.logicalDpiX())  # the view's DPI, so text keeps its size against the plot
    generator.setTitle(f"{chart_title(chart)} — {provenance.scenario_name}")
    generator.setDescription(provenance.text())
    painter = QPainter(generator)
    paint_chart(painter, chart, QRectF(QPointF(0, 0), size), provenance.footer())
    painter.end()
    return write_bytes(path, bytes(data))


def copy_chart(chart: ProjectionChart, provenance: Provenance, scale: float = SCALE) -> QImage:
    """The chart with its title and provenance line on the clipboard, for pasting into slides."""
    image = chart_image(chart, scale, provenance.footer())
    QGuiApplication.clipboard().setImage(image)
    return image


def write_chart_files(
    charts: Sequence[ProjectionChart], folder: str | os.PathLike, provenance: Provenance, kind: str
) -> Iterator[Path]:
    """Every chart as `kind` ('png' or 'svg') in the folder, named after the scenario and chart; yields each path."""
    writers = {"png": chart_png, "svg": chart_svg}
    folder = ensure_folder(folder)
    for chart in charts:
        name = chart_file_name(provenance.scenario_name, chart.spec.name, kind)
        yield writers[kind](chart, folder / name, provenance)
