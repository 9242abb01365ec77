"""A read-only Qt table model over a pandas DataFrame (numbers right-aligned, NaN shown as a dash)."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from hkplanner.core.formatting import number


class FrameModel(QAbstractTableModel):
    def __init__(self, frame, parent=None) -> None:
        super().__init__(parent)
        self.frame = frame

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.frame.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        value = self.frame.iat[index.row(), index.column()]
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if role == Qt.ItemDataRole.DisplayRole:
            if is_number and (math.isnan(value) or abs(value) >= 100):
                return number(value)
            return f"{value:g}" if is_number else str(value)  # 59, not 59.0; 2.75, not 2.7500000000000004
        if role == Qt.ItemDataRole.TextAlignmentRole and is_number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.frame.columns[section])
        label = self.frame.index[section]
        return " · ".join(label) if isinstance(label, tuple) else str(label)
