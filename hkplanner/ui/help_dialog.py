"""Help > Model Documentation: docs/model.md, shipped with the app, rendered in a window of its own."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from hkplanner.core.seeds import bundled_dir


def tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def model_markdown() -> str:
    """The model's documentation as shipped: the one place that knows where the file lives."""
    return (bundled_dir("docs") / "model.md").read_text("utf-8")


def slug(heading: str) -> str:
    """A heading's anchor as Markdown writers make it: '3. R&D' -> '3-rd'."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", heading.strip().lower()))


class HelpDialog(QDialog):
    """Not modal: the documentation stays open beside the window while the user tries what it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(tr("How the model works"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenLinks(False)  # offline: links inside the document only
        self.browser.anchorClicked.connect(self.follow)
        self.browser.setMarkdown(model_markdown())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry()
        self.resize(min(900, available.width() * 9 // 10), min(900, available.height() * 9 // 10))

    def follow(self, url: QUrl) -> None:
        """Contents links ('#1-compute-phases') scroll to their heading; nothing leaves the app."""
        if not url.hasFragment() or url.path():
            return
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == url.fragment():
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                self.browser.verticalScrollBar().setValue(self.browser.verticalScrollBar().maximum())
                self.browser.ensureCursorVisible()  # from the bottom up: the heading lands at the top
                return
            block = block.next()
