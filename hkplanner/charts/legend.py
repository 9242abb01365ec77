"""A chart's legend, under the plot: every series by its full name, wrapping onto more lines when the
chart is narrow, never drawn over the lines. Rewritten only when the set of series changes.

On a short chart (a 1366x768 laptop, four pins and the uncertainty bands on) a legend at full size would
leave the plot a strip: there it is set tighter and one step smaller, names still in full."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from hkplanner.charts import theme

# How each kind of item is shown in the legend: a glyph drawn in the item's colour.
GLYPHS = {"line": "━━", "dashed": "╍╍", "dotted": "┈┈", "fill": "■", "star": "★", "diamond": "◆", "square": "▪"}


SHORT = 24  # characters: names up to this long stay on one line
LINE_HEIGHT_PCT = 95  # of the font's line spacing: UI fonts leave a generous gap; this still clears descenders
MAX_SHARE = 0.35  # of its chart's frame height: a legend taller than this at full size steps down


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
    """Its font is the look's (`apply_look`); its text is set at that size unless that would take more than
    MAX_SHARE of its frame's height, then at the look's smallest legend size. The size is in the text, so an
    export of the chart, which renders the text, reads as the window does."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"color: {theme.BLACK}; background: white; padding: 1px 4px;")
        self.entries: tuple[Entry, ...] = ()
        self._body = ""
        standard = theme.LOOKS["standard"]
        self._pixel_sizes = (standard.legend_px, standard.legend_min_px)  # the look's, then its smallest
        self.pixel_size = standard.legend_px  # the entries' size, chosen by `_fit`

    def apply_look(self, look: theme.Look) -> None:
        self._pixel_sizes = (look.legend_px, look.legend_min_px)
        font = self.font()
        font.setPixelSize(look.legend_px)
        self.setFont(font)
        self._fit()

    def show_entries(self, entries: list[Entry]) -> None:
        entries = tuple(dict.fromkeys(entries))  # a pin drawn on two lines is named once
        if entries != self.entries:
            self.entries = entries
            self._body = " &nbsp; ".join(entry_html(entry) for entry in entries)
            self._fit()

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]

    # sizing to the frame -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentAboutToChange and self.parentWidget() is not None:
            self.parentWidget().removeEventFilter(self)
        elif event.type() == QEvent.Type.ParentChange and self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)  # the frame's height decides the size
            self._fit()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        """The largest size from the look's that fits; measured at the frame's width, which the legend
        spans (its own width is not yet updated while the frame's resize is delivered)."""
        frame = self.parentWidget()
        largest, smallest = self._pixel_sizes
        for pixels in range(largest, smallest - 1, -1):
            self.pixel_size = pixels
            text = f'<div style="line-height:{LINE_HEIGHT_PCT}%; font-size:{pixels}px">{self._body}</div>'
            if text != self.text():
                self.setText(text)
            if frame is None or self.heightForWidth(frame.width()) <= MAX_SHARE * frame.height():
                return
