"""Lays text, tables and charts down the pages of a PDF, turning the page when one is full.

Text is broken into lines with QTextLayout, so a paragraph longer than a page continues on the next.
Every page gets the footer. Units are the writer's device pixels (its resolution), inside the margins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QTextLayout, QTextOption

from hkplanner.charts import theme
from hkplanner.charts.chart import ProjectionChart
from hkplanner.export.charts import framed_size, paint_chart, paint_scene

GAP = 6.0
CELL_PADDING = 4.0
PIECE = 2000  # characters laid out at once: Qt's line breaking slows with the square of a paragraph's length
MAX_TEXT = 200_000  # characters of one text in the pack (about 60 pages); the file keeps the rest
MAX_CELL = 1000  # characters of one table cell
RULE = QColor("#BBBBBB")
HEADER_FILL = QColor("#EEEEEE")


@dataclass(frozen=True)
class Cell:
    text: str
    colour: str = theme.BLACK
    bold: bool = False


def font(size: float, bold: bool = False) -> QFont:
    chosen = QFont()
    chosen.setPointSizeF(size)
    chosen.setBold(bold)
    chosen.setFeature(QFont.Tag("liga"), 0)  # ligatures copy out of a PDF as 'ﬁ', and searches miss them
    return chosen


class PageFlow:
    def __init__(self, writer: QPdfWriter, footer: str) -> None:
        self.writer = writer
        self.painter = QPainter(writer)
        self.painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.width = float(writer.width())
        self.footer = footer
        self.footer_font = font(7.5)
        self.bottom = writer.height() - self._height("Ag", self.footer_font, self.width) - 2 * GAP
        self.page = 1
        self.y = 0.0
        self._draw_footer()

    # pages --------------------------------------------------------------------------------------

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._draw_footer()

    def room(self, height: float) -> bool:
        """Turn the page unless `height` still fits on this one; True if it turned."""
        if self.y > 0 and self.y + height > self.bottom:
            self.new_page()
            return True
        return False

    @property
    def left(self) -> float:
        return self.bottom - self.y

    def space(self, height: float) -> None:
        self.y = min(self.y + height, self.bottom)

    def finish(self) -> None:
        self.painter.end()

    def _draw_footer(self) -> None:
        painter = self.painter
        painter.save()
        top = self.writer.height() - self._height("Ag", self.footer_font, self.width)
        painter.setPen(RULE)
        painter.drawLine(QPointF(0, top - GAP), QPointF(self.width, top - GAP))
        painter.setPen(QColor(theme.GHOST))
        painter.setFont(self.footer_font)
        number = f"Page {self.page}"
        number_width = self.painter.fontMetrics().horizontalAdvance(number) + 2 * GAP
        box = QRectF(0, top, self.width - number_width, self.writer.height() - top)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine, self.footer)
        painter.drawText(QRectF(0, top, self.width, box.height()), Qt.AlignmentFlag.AlignRight, number)
        painter.restore()

    # content ------------------------------------------------------------------------------------

    def text(
        self, text: str, size: float = 10, bold: bool = False, colour: str = theme.BLACK, centred: bool = False
    ) -> None:
        """Paragraphs (one per line of `text`), wrapped to the page width, followed by a small gap."""
        chosen = font(size, bold)
        if len(text) > MAX_TEXT:
            text = f"{text[:MAX_TEXT]}… [cut here: {len(text) - MAX_TEXT:,} more characters are in the scenario file]"
        for paragraph in (piece for line in text.split("\n") for piece in _pieces(line)):
            layout = self._layout(paragraph, chosen, self.width)
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                self.room(line.height())
                x = (self.width - line.naturalTextWidth()) / 2 if centred else 0.0
                self._draw_lines(layout, index, index + 1, QPointF(x, self.y - line.y()), colour)
                self.y += line.height()
        self.space(GAP)

    def heading(self, text: str, size: float = 14) -> None:
        self.room(4 * size)  # never a heading alone at the foot of a page
        self.space(GAP)
        self.text(text, size=size, bold=True)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str | Cell]], widths: Sequence[float]) -> None:
        """Columns take `widths` as shares of the page; the header repeats on every page the table reaches."""
        columns = [self.width * share / sum(widths) for share in widths]
        header = [Cell(text, bold=True) for text in headers]
        first = _cells(rows[0]) if rows else header
        self.room(self._row_height(header, columns) + self._row_height(first, columns))  # no header alone
        self._row(header, columns, HEADER_FILL)
        for row in rows:
            cells = _cells(row)
            if self.room(self._row_height(cells, columns)):
                self._row(header, columns, HEADER_FILL)
            self._row(cells, columns)
        self.space(2 * GAP)

    def chart(self, chart: ProjectionChart, max_height: float) -> None:
        """A vector chart with its title, as wide as the page allows within `max_height`, centred."""
        natural = framed_size(chart)
        width = min(self.width, max_height * natural.width() / natural.height())
        height = width * natural.height() / natural.width()
        self.room(height)
        paint_chart(self.painter, chart, QRectF((self.width - width) / 2, self.y, width, height))
        self.y += height + GAP

    def plot(self, view, max_height: float) -> None:
        """A plot whose title is part of its scene, as wide as the page allows within `max_height`, centred."""
        width = min(self.width, max_height * view.width() / view.height())
        height = width * view.height() / view.width()
        self.room(height)
        paint_scene(self.painter, view, QRectF((self.width - width) / 2, self.y, width, height))
        self.y += height + GAP

    # helpers ------------------------------------------------------------------------------------

    def _layout(self, text: str, chosen: QFont, width: float) -> QTextLayout:
        layout = QTextLayout(text, chosen, self.writer)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        top = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, top))
            top += line.height()
        layout.endLayout()
        return layout

    def _height(self, text: str, chosen: QFont, width: float) -> float:
        return self._layout(text, chosen, width).boundingRect().height()

    def _draw_lines(self, layout: QTextLayout, first: int, stop: int, origin: QPointF, colour: str) -> None:
        self.painter.setPen(QColor(colour))
        for index in range(first, stop):
            layout.lineAt(index).draw(self.painter, origin)

    def _cell_layout(self, cell: Cell, width: float) -> QTextLayout:
        text = cell.text if len(cell.text) <= MAX_CELL else cell.text[:MAX_CELL] + "…"
        return self._layout(text, font(8, cell.bold), width - 2 * CELL_PADDING)

    def _row_height(self, cells: Sequence[Cell], columns: Sequence[float]) -> float:
        layouts = (self._cell_layout(cell, width) for cell, width in zip(cells, columns, strict=True))
        heights = [layout.boundingRect().height() for layout in layouts]
        return max(heights, default=0) + 2 * CELL_PADDING

    def _row(self, cells: Sequence[Cell], columns: Sequence[float], fill: QColor | None = None) -> None:
        height = self._row_height(cells, columns)
        if fill is not None:
            self.painter.fillRect(QRectF(0, self.y, self.width, height), fill)
        x = 0.0
        for cell, width in zip(cells, columns, strict=True):
            layout = self._cell_layout(cell, width)
            origin = QPointF(x + CELL_PADDING, self.y + CELL_PADDING)
            self._draw_lines(layout, 0, layout.lineCount(), origin, cell.colour)
            x += width
        self.y += height
        self.painter.setPen(RULE)
        self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))


def _pieces(paragraph: str) -> list[str]:
    """A paragraph in pieces of at most PIECE characters, cut after a space where there is one, so laying
    out a long text takes time in proportion to its length."""
    pieces = []
    while len(paragraph) > PIECE:
        cut = paragraph.rfind(" ", PIECE // 2, PIECE) + 1 or PIECE
        pieces.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    return [*pieces, paragraph]


def _cells(row: Sequence[str | Cell]) -> list[Cell]:
    return [cell if isinstance(cell, Cell) else Cell(str(cell)) for cell in row]
