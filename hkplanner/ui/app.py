"""The `hkplanner` command: opens the window on the plan's baseline, or on a scenario file.
`hkplanner export ...` exports without a window (hkplanner/export/cli.py); `seek` and `sweep` are in
hkplanner/analysis/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hkplanner import __version__


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hkplanner",
        description="What-if scenarios for Hong Kong's AI-computing and innovation plan.",
        epilog="hkplanner export SCENARIO_OR_PRESET ... exports without opening the window; "
        "see hkplanner export --help. hkplanner seek TARGET_KEY --lever KEY finds what would meet a target "
        "and hkplanner sweep SPEC --out FILE runs many scenarios: see hkplanner seek --help and sweep --help.",
    )
    parser.add_argument("--version", action="version", version=f"HK Planner {__version__}")
    parser.add_argument("scenario", nargs="?", type=Path, help="a .hkplan scenario file to open")
    return parser.parse_args(argv)


def configure(app) -> None:
    """Names that decide where settings and autosaves live."""
    app.setApplicationName("HK Planner")
    app.setOrganizationName("HK Planner")
    app.setApplicationVersion(__version__)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:  # a file named "export" opens as ./export
        from hkplanner.export.cli import main as export

        return export(argv[1:])
    if argv[:1] == ["seek"]:
        from hkplanner.analysis.cli_seek import main as seek

        return seek(argv[1:])
    if argv[:1] == ["sweep"]:
        from hkplanner.analysis.cli_sweep import main as sweep

        return sweep(argv[1:])
    arguments = parse_arguments(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)

    from hkplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.offer_recovery()
    if arguments.scenario is not None:
        window.files.open_path(arguments.scenario)
    return app.exec()
