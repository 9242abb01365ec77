"""The `hkplanner` command: opens the window on the plan's baseline."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from hkplanner import __version__

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("HK Planner")
    app.setOrganizationName("HK Planner")
    app.setApplicationVersion(__version__)

    from hkplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
