"""A chart's legend, under the plot: every series by its full name, wrapping onto more lines when the
chart is narrow, never drawn over the lines. Rewritten only when the set of series changes."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from hkplanner.charts import theme

# How each kind of item is shown in the legend: a glyph drawn in the item's colour.
GLYPHS = {"line": "━━", "dashed": "╍╍", "dotted": "┈┈", "fill": "■", "star": "★", "diamond": "◆", "square": "▪"}


SHORT = 24  # characters: names up to this long stay on one line


@dataclass(frozen=True)
class Entry:
    kind: str  # a key of GLYPHS
    colour: str
    name: str


def entry_html(entry: Entry) -> str:
    name = html.escape(entry.name)
    # A short name never breaks; a long one may, but its glyph stays with its first word.
    first, _, rest = (name.replace(" ", "&nbsp;"), "", "") if len(entry.name) <= SHORT else name.partition(" ")
    return f'<span style="color:{entry.colour}">{GLYPHS[entry.kind]}</span>&nbsp;{first} {rest}'.rstrip()


class ChartLegend(QLabel):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"color: {theme.BLACK}; background: white; padding: 1px 4px;")
        self.entries: tuple[Entry, ...] = ()

    def show_entries(self, entries: list[Entry]) -> None:
        entries = tuple(dict.fromkeys(entries))  # a pin drawn on two lines is named once
        if entries != self.entries:
            self.entries = entries
            self.setText(" &nbsp; ".join(entry_html(entry) for entry in entries))

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]
