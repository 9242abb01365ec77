"""Opens the main window on a simulated screen and reports what does not fit: run in its own process.

    python -m tests.ui.layout_probe WIDTHxHEIGHT [--scale 2] [--png PATH]

The screen is an offscreen screen of WIDTHxHEIGHT device pixels; with --scale 2 Qt draws at twice the
size (QT_SCALE_FACTOR), as on a high-density laptop. Prints one JSON object: the window's and the
available screen's geometry (logical pixels) and a list of problems: sibling widgets that overlap,
widgets that stick out of their parent, labels too small for their text.

The screenshots in docs/ come from it: `python -m tests.ui.layout_probe 1366x768 --png
docs/screenshot-1366x768.png`, likewise 1920x1080 and `2560x1600 --scale 2` (docs/screenshot-2x.png).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from itertools import combinations
from pathlib import Path


def screen_config(width: int, height: int) -> str:
    config = {"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}]}
    path = Path(tempfile.mkdtemp(prefix="hkplanner-screen-")) / "screens.json"
    path.write_text(json.dumps(config), "utf-8")
    return str(path)


def _visible_children(widget):
    from PySide6.QtWidgets import QWidget

    return [child for child in widget.children() if isinstance(child, QWidget) and child.isVisible()]


def _name(widget) -> str:
    return f"{type(widget).__name__}:{widget.objectName()}"


def problems(window) -> list[str]:
    """Overlapping siblings, children outside their parent, labels cut short."""
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QMenu, QScrollBar

    found = []
    stack = [window]
    while stack:
        parent = stack.pop()
        children = [c for c in _visible_children(parent) if not isinstance(c, QMenu) and not c.isWindow()]
        stack.extend(children)
        if isinstance(parent, QAbstractScrollArea) or parent.objectName() == "qt_scrollarea_viewport":
            continue  # a scroll area's content may be larger than its viewport: that is what scrolls
        for first, second in combinations(children, 2):
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(f"overlap: {_name(first)} and {_name(second)} in {_name(parent)}")
        for child in children:
            if not isinstance(child, QScrollBar) and not parent.rect().adjusted(-1, -1, 1, 1).contains(
                child.geometry()
            ):
                found.append(f"outside: {_name(child)} {child.geometry()} in {_name(parent)} {parent.rect()}")
            if isinstance(child, QLabel) and child.text() and child.width() > 0:
                needed = child.heightForWidth(child.width()) if child.wordWrap() else child.minimumSizeHint().height()
                if child.height() + 1 < needed:
                    found.append(f"cut: {_name(child)} {child.text()[:40]!r} needs {needed} px, has {child.height()}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--png")
    arguments = parser.parse_args(argv)
    width, height = (int(part) for part in arguments.size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
    os.environ["QT_SCALE_FACTOR"] = f"{arguments.scale:g}"
    profile = tempfile.mkdtemp(prefix="hkplanner-probe-profile-")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = os.path.join(profile, variable.lower())  # a first start: nothing remembered

    from PySide6.QtWidgets import QApplication

    from hkplanner import configure

    app = QApplication(sys.argv[:1])
    configure(app)
    from hkplanner.ui import MainWindow

    window = MainWindow()
    window.show()
    for _ in range(5):
        app.processEvents()
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    report = {
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "available": [available.x(), available.y(), available.width(), available.height()],
        "fits": available.contains(frame),
        "device_pixel_ratio": window.devicePixelRatioF(),
        "problems": problems(window),
        "elided": [
            f"{key}.{part}"
            for key, card in window.cards.cards.items()
            for part in ("title", "goal", "status", "detail")
            if getattr(card, part).is_elided()
        ],
    }
    if arguments.png:
        window.grab().save(arguments.png)
    print(json.dumps(report))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
