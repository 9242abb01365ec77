"""The analysis commands of the Scenario menu: each opens its dialog over the window without blocking it."""

from __future__ import annotations

from PySide6.QtCore import Qt


def what_would_it_take(window) -> None:
    from hkplanner.ui.seek_dialog import SeekDialog

    _open(SeekDialog(window.session, window))


def why_did_it_move(window) -> None:
    from hkplanner.ui.why_dialog import WhyDialog

    _open(WhyDialog(window.session, window))


def _open(dialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
