"""`hkplanner --self-test`: checks an installation (a checkout, a wheel, a frozen bundle) end to end, offscreen.

Opens the main window, renders every chart, draws the uncertainty bands from a worker process, projects
every preset, writes a PDF and an XLSX to a temporary folder and reads them back. Prints "self-test
passed: ..." and returns 0, or one line with the reason and 1.
Settings and autosaves go to a throwaway folder, and any attempt to open a network connection fails the test.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tempfile
import time
import zipfile
from pathlib import Path

PASSED, FAILED = 0, 1


class SelfTestFailure(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    if argv:
        print(f"hkplanner --self-test: takes no arguments (got {' '.join(argv)})", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _forbid_network()
    try:
        with tempfile.TemporaryDirectory(prefix="hkplanner-self-test-") as folder:
            summary = run(Path(folder))
    except Exception as error:  # any failure at all is a failed installation: one line, exit 1
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"self-test FAILED: {reason}", file=sys.stderr)
        return FAILED
    print(f"self-test passed: {summary}")
    return PASSED


def run(folder: Path) -> str:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from hkplanner import configure

    QStandardPaths.setTestModeEnabled(True)  # autosaves away from the user's own
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    charts = _render_window(app)
    presets = _project_presets()
    pdf, xlsx = _export_and_read_back(folder)
    exported = f"PDF ({pdf} pages) and XLSX ({xlsx} sheets) read back"
    return f"{charts} charts rendered with their bands, {presets} presets projected, {exported}"


SMALLEST_SCREEN = (1366, 768)  # a laptop's screen; the offscreen platform's own is smaller than any


def _render_window(app) -> int:
    from hkplanner.ui.main_window import MainWindow

    window = MainWindow(charts_after_first_paint=True)  # as the app starts
    try:
        window.resize(*SMALLEST_SCREEN)
        window.show()
        deadline = time.monotonic() + 60
        while not _charts_shown(window) and time.monotonic() < deadline:
            app.processEvents()
        for _ in range(3):
            app.processEvents()
        charts = window.charts
        if not _charts_shown(window):
            raise SelfTestFailure("the charts were not built after the window's first paint")
        for chart in charts:
            image = chart.grab().toImage()
            if image.isNull() or image.width() < 100 or image.height() < 100:
                raise SelfTestFailure(f"chart {chart.objectName()!r} did not render")
            grid = ((x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))
            if len({image.pixel(x, y) for x, y in grid}) < 3:  # a blank plot is its background and a frame
                raise SelfTestFailure(f"chart {chart.objectName()!r} rendered blank")
        _draw_bands(app, window)
        return len(charts)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def _draw_bands(app, window) -> None:
    """The bands come from a worker process: it must start in this installation (a frozen one included)."""
    window.bands.toggle.setChecked(True)
    deadline = time.monotonic() + 60
    while window.bands.ensemble is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if window.bands.ensemble is None:
        raise SelfTestFailure("the uncertainty bands were not computed within 60 s")
    if not window.bands.background.in_process:
        raise SelfTestFailure("the uncertainty bands' worker process did not start (they ran on a thread)")


def _charts_shown(window) -> bool:
    return bool(window.charts) and all(chart.isVisible() for chart in window.charts)


def _project_presets() -> int:
    import numpy as np

    from hkplanner.core import project
    from hkplanner.core.presets import presets

    shipped = presets()
    if not shipped:
        raise SelfTestFailure("no presets found in the installation")
    for opened in shipped:
        projection = project(opened.document.scenario)
        future = ~projection.is_history  # history has gaps (years before a series began); projections have none
        for column, values in projection.series.items():
            if not np.all(np.isfinite(values[future])):
                raise SelfTestFailure(f"preset {opened.document.scenario.name!r}: {column} is not finite")
    return len(shipped)


def _export_and_read_back(folder: Path) -> tuple[int, int]:
    from hkplanner.export.cli import main as export

    pdf, xlsx = folder / "self-test.pdf", folder / "self-test.xlsx"
    if export(["01-official-plan", "--pdf", str(pdf), "--xlsx", str(xlsx)]) != 0:
        raise SelfTestFailure("the export failed (its error is printed above)")
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))  # page objects, not the /Pages tree
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or pages < 1:
        raise SelfTestFailure(f"the PDF written is not a readable PDF ({len(data)} bytes)")
    from openpyxl import load_workbook

    with zipfile.ZipFile(xlsx):  # a truncated file fails here with a clear zip error
        pass
    sheets = load_workbook(xlsx, read_only=True).sheetnames
    if not sheets:
        raise SelfTestFailure("the XLSX written has no sheets")
    return pages, len(sheets)


def _forbid_network() -> None:
    """The app works offline: a connection attempt is a failure of the installation."""

    def refuse(*args, **kwargs):
        raise SelfTestFailure(f"a network connection was attempted ({args[1:] or args})")

    real_connect = socket.socket.connect

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            refuse(sock, address)
        return real_connect(sock, address)

    socket.socket.connect = connect
    socket.create_connection = refuse
