"""Undo steps. A scenario is immutable, so every step holds the scenario before and after it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from hkplanner.core import Scenario

MERGE_ID = 1
MERGE_WINDOW_S = 1.0  # edits of one control closer together than this are one step (a drag, a burst of keys)


class ScenarioChange(QUndoCommand):
    def __init__(
        self, show: Callable[[Scenario], None], before: Scenario, after: Scenario, label: str, merge_key: str | None
    ) -> None:
        super().__init__(label)
        self._show = show
        self.before, self.after = before, after
        self.merge_key = merge_key
        self.open = merge_key is not None
        self.last_edit = time.monotonic()

    def redo(self) -> None:
        self._show(self.after)

    def undo(self) -> None:
        self._show(self.before)

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, ScenarioChange)
            and self.open
            and other.merge_key == self.merge_key
            and other.last_edit - self.last_edit < MERGE_WINDOW_S
        ):
            return False
        self.after, self.last_edit = other.after, other.last_edit
        self.setObsolete(self.after == self.before)  # dragged back to where it started: no step at all
        return True
