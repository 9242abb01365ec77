"""The window of the `hkplanner` command (hkplanner/cli.py): opens on the plan's baseline, or on a scenario file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hkplanner import __version__, configure


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hkplanner",
        description="What-if scenarios for Hong Kong's AI-computing and innovation plan.",
        epilog="hkplanner export SCENARIO_OR_PRESET ... exports without opening the window; "
        "see hkplanner export --help. hkplanner seek TARGET_KEY --lever KEY finds what would meet a target "
        "and hkplanner sweep SPEC --out FILE runs many scenarios: see hkplanner seek --help and sweep --help. "
        "hkplanner --self-test checks the installation (exit 0 when it works).",
    )
    parser.add_argument("--version", action="version", version=f"HK Planner {__version__}")
    parser.add_argument("scenario", nargs="?", type=Path, help="a .hkplan scenario file to open")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    arguments = parse_arguments(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    _set_icon(app)

    from hkplanner.ui.file_open import FileOpenHandler
    from hkplanner.ui.main_window import MainWindow
    from hkplanner.ui.startup_probe import install_if_asked

    window = MainWindow(charts_after_first_paint=True)  # a window on the screen first, its charts a moment later
    app.installEventFilter(FileOpenHandler(window))  # a .hkplan double-clicked on macOS
    install_if_asked(app, window)
    window.show()
    window.offer_recovery()
    if arguments.scenario is not None:
        window.files.open_path(arguments.scenario)
    return app.exec()


def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from hkplanner.core.seeds import bundled_dir

    app.setWindowIcon(QIcon(str(bundled_dir("resources") / "hkplanner.png")))
