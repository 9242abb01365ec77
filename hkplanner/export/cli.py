"""`hkplanner export SCENARIO_OR_PRESET [--pdf F] [--xlsx F] [--csv F] [--png-dir D] [--svg-dir D]`.

Runs without a display (Qt's offscreen platform). Exit status: 0 done, 1 a scenario that cannot be
opened or an output that cannot be written, 2 bad arguments (argparse's own convention).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from hkplanner.core.scenario_file import EXTENSION, ScenarioDocument, ScenarioFileError, open_file
from hkplanner.core.workspace import MAX_PINNED
from hkplanner.export.files import ExportError

OK, FAILED = 0, 1  # argparse exits 2 on bad arguments
OUTPUTS = ("pdf", "xlsx", "csv", "png_dir", "svg_dir")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hkplanner export",
        description="Export a scenario's briefing pack, workbook, CSV and chart images without opening the window.",
        epilog="Exit status: 0 done, 1 the scenario could not be opened or an output not written, 2 bad arguments.",
    )
    parser.add_argument(
        "scenario",
        metavar="SCENARIO_OR_PRESET",
        help=f"a {EXTENSION} scenario file, or a preset's name or file name without {EXTENSION} (e.g. 02-private-late)",
    )
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="the briefing pack (PDF)")
    parser.add_argument("--xlsx", type=Path, metavar="FILE", help="the workbook (XLSX)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="the projection (CSV)")
    parser.add_argument("--png-dir", type=Path, metavar="DIR", help="every chart as PNG, at twice screen resolution")
    parser.add_argument("--svg-dir", type=Path, metavar="DIR", help="every chart as SVG")
    parser.add_argument("--paper", type=str.lower, choices=("a4", "letter"), default="a4", help="the PDF's paper")
    parser.add_argument(
        "--pin",
        action="append",
        default=[],
        metavar="SCENARIO_OR_PRESET",
        help=f"a scenario to show beside this one in the charts and the workbook (up to {MAX_PINNED})",
    )
    arguments = parser.parse_args(argv)
    if not any(getattr(arguments, name) for name in OUTPUTS):
        parser.error("nothing to export: give at least one of --pdf, --xlsx, --csv, --png-dir, --svg-dir")
    if len(arguments.pin) > MAX_PINNED:
        parser.error(f"at most {MAX_PINNED} scenarios can be pinned")
    return arguments


def load(name: str) -> ScenarioDocument:
    """A scenario file when `name` looks like a path or names an existing file, else a preset."""
    from hkplanner.core.presets import preset, presets

    path = Path(name)
    if path.suffix == EXTENSION or path.exists() or "/" in name or os.sep in name:
        return open_file(path).document
    try:
        return preset(name).document
    except KeyError:
        known = ", ".join(opened.document.scenario.name for opened in presets())
        raise ExportError(f"{name!r} is neither a scenario file nor a preset (presets: {known})") from None


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a name gets escapes, not a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        document = load(arguments.scenario)
    except (ScenarioFileError, ExportError) as error:
        return _fail(f"the scenario cannot be opened: {error}")
    try:
        pins = [(pinned.scenario.name, pinned.scenario) for pinned in map(load, arguments.pin)]
    except (ScenarioFileError, ExportError) as error:
        return _fail(f"a pinned scenario cannot be opened: {error}")
    try:
        export(arguments, document, pins, report=lambda line: print(line, flush=True))
    except ExportError as error:
        return _fail(str(error))
    return OK


def export(arguments: argparse.Namespace, document: ScenarioDocument, pins: list, report: Callable) -> None:
    """Every output asked for; `report` gets one progress line per file. Raises ExportError."""
    from hkplanner.core import project
    from hkplanner.export.provenance import now
    from hkplanner.export.workbook import projection_csv, workbook_xlsx

    report(f"Exporting {document.scenario.name!r}")
    when = now()  # one time stamp on every file of the run
    if arguments.csv:
        report(f"  projection (CSV): {projection_csv(project(document.scenario), arguments.csv, when)}")
    if arguments.xlsx:
        report(f"  workbook (XLSX): {workbook_xlsx(document, arguments.xlsx, pins, when)}")
    if arguments.png_dir or arguments.svg_dir or arguments.pdf:
        app = _qt_application()  # held until the charts are gone: widgets must not outlive it
        _export_drawn(arguments, document, pins, when, report)
        del app
    report("Done.")


def _export_drawn(arguments: argparse.Namespace, document: ScenarioDocument, pins: list, when, report) -> None:
    from hkplanner.export.charts import offscreen_charts, write_chart_files
    from hkplanner.export.pdf import briefing_pdf
    from hkplanner.export.provenance import Provenance

    provenance = Provenance.of(document.scenario, when)
    with offscreen_charts(document.scenario, pins) as charts:
        for kind, folder in (("png", arguments.png_dir), ("svg", arguments.svg_dir)):
            for path in write_chart_files(charts, folder, provenance, kind) if folder else ():
                report(f"  chart ({kind.upper()}): {path}")
        if arguments.pdf:
            path = briefing_pdf(document, arguments.pdf, arguments.paper, pins, charts, provenance.exported_at)
            report(f"  briefing pack (PDF, {arguments.paper.upper()}): {path}")


def _qt_application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed, or used
    from PySide6.QtWidgets import QApplication

    from hkplanner import configure

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        configure(app)
    return app


def _fail(message: str) -> int:
    print(f"hkplanner export: error: {message}", file=sys.stderr)
    return FAILED
