"""Chart images: PNG at twice the chart's size with the title on it, SVG as vector XML, the clipboard."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

from hkplanner.charts.catalogue import build_charts
from hkplanner.charts.chart import framed
from hkplanner.core import baseline, project
from hkplanner.export.charts import (
    chart_png,
    chart_svg,
    chart_title,
    copy_chart,
    framed_size,
    offscreen_charts,
    write_chart_files,
)
from hkplanner.export.files import ExportError
from hkplanner.export.provenance import Provenance
from tests.export.conftest import EXPORTED_AT, PRIVATE_LATE

SVG = "{http://www.w3.org/2000/svg}"


def colours_in(image: QImage, area: QRect) -> set[int]:
    step = 4
    return {
        image.pixel(x, y)
        for x in range(area.left(), area.right(), step)
        for y in range(area.top(), area.bottom(), step)
    }


def test_png_is_twice_the_charts_size_with_the_title_above_the_plot(charts, document, tmp_path):
    chart = charts[0]
    path = chart_png(chart, tmp_path / "compute.png", Provenance.of(document.scenario, EXPORTED_AT))
    image = QImage(str(path))
    title_height = framed_size(chart).height() - chart.height()
    caption_height = framed_size(chart, "x").height() - chart.height() - title_height
    assert title_height > 10 and caption_height > 5
    assert image.width() == 2 * chart.width() == 1600
    assert image.height() == round(2 * (chart.height() + title_height + caption_height))
    title_band = QRect(0, 0, image.width(), int(2 * title_height))
    plot = QRect(0, int(2 * title_height), image.width(), int(2 * chart.height()))
    caption_band = QRect(0, plot.bottom() + 1, image.width(), int(2 * caption_height) - 1)
    white = QColor("white").rgb()
    assert colours_in(image, title_band) - {white}, "the title is drawn"
    assert len(colours_in(image, plot)) > 10, "the plot has lines, fills and text"
    assert colours_in(image, caption_band) - {white}, "the provenance line is drawn under the plot"


def test_png_carries_provenance_in_its_text_metadata(charts, document, tmp_path):
    path = chart_png(charts[4], tmp_path / "rnd.png", Provenance.of(document.scenario, EXPORTED_AT))
    image = QImage(str(path))
    assert image.text("Title") == "Private (business) share of R&D (%)"
    assert image.text("Scenario") == PRIVATE_LATE
    assert "Delay to private build-out: 0 years → 2 years" in image.text("Description")
    assert image.text("Exported") == "2026-11-25 14:30:00+08:00"
    assert image.text("Software") == "HK Planner 0.1.0"


def test_svg_is_vector_xml_with_the_title_as_text_and_provenance(charts, document, tmp_path):
    chart = charts[5]
    path = chart_svg(chart, tmp_path / "mfg.svg", Provenance.of(document.scenario, EXPORTED_AT))
    root = ElementTree.parse(path).getroot()
    assert root.find(f"{SVG}title").text == f"Manufacturing share of GDP (%) — {PRIVATE_LATE}"
    assert "Delay to private build-out" in root.find(f"{SVG}desc").text
    texts = [" ".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")]
    assert "Manufacturing share of GDP" in texts
    assert "2030" in texts, "tick labels are text, not bitmaps"
    assert not list(root.iter(f"{SVG}image")), "no bitmaps: markers and axes are vector"


def test_every_chart_is_written_named_after_the_scenario_and_chart(charts, document, tmp_path):
    provenance = Provenance.of(document.scenario, EXPORTED_AT)
    paths = list(write_chart_files(charts, tmp_path / "new" / "folder", provenance, "png"))
    names = sorted(path.name for path in paths)
    charts_named = ("compute", "power", "capex", "venture", "rnd", "mfg")
    assert names == sorted(f"Private-build-out-two-years-late_{name}.png" for name in charts_named)
    assert all(path.stat().st_size > 10_000 for path in paths)


def test_copy_puts_the_image_on_the_clipboard(charts, document):
    QGuiApplication.clipboard().clear()
    copied = copy_chart(charts[1], Provenance.of(document.scenario, EXPORTED_AT))
    pasted = QGuiApplication.clipboard().image()
    assert not pasted.isNull()
    assert pasted.size() == copied.size()
    assert pasted.width() == 2 * charts[1].width()


def test_an_unwritable_path_raises_export_error(charts, document, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="a-file"):
        chart_png(charts[0], blocker / "chart.png", Provenance.of(document.scenario))


def test_offscreen_charts_show_the_scenario_and_pins_and_close_afterwards(qapp, document, pins):
    with offscreen_charts(document.scenario, pins) as charts:
        compute = charts[0]
        assert len(compute.curves["demand_pf"].y) == len(range(2024, 2036))
        assert len(compute.pin_curves) == 1
        assert compute.stack.tops[1][2030 - 2022] < 11_500  # the late private phase
    assert not [w for w in QApplication.topLevelWidgets() if w in charts and w.isVisible()]


def test_exporting_a_live_chart_leaves_it_as_it_was(qtbot, tmp_path):
    chart = build_charts()[1]
    frame = framed(chart)
    qtbot.addWidget(frame)
    frame.resize(600, 400)
    frame.show()
    qtbot.waitExposed(frame)
    chart.show_projection(project(baseline()), project(baseline()))
    axis = chart.getPlotItem().getAxis("left")
    chart_svg(chart, tmp_path / "live.svg", Provenance.of(baseline()))
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert chart.line_layer._exportOpts is False
    assert chart_title(chart) in (tmp_path / "live.svg").read_text(encoding="utf-8")
