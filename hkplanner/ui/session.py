"""The Session adapts the workspace (the scenario, the baseline, the pins and their projections:
hkplanner/core/workspace.py) to Qt: signals for the views, and an undo stack for every edit.

Every edit replaces the scenario with another through the undo stack; views listen to `changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from hkplanner.core import MAX_PINNED, REGISTRY, Phase, Pin, Projection, Scenario, Workspace
from hkplanner.core.changes import MODIFIED, modified_name, same_content
from hkplanner.ui.undo import ScenarioChange


def tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


class Session(QObject):
    changed = Signal()
    pins_changed = Signal()

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.workspace = Workspace() if scenario is None else Workspace(scenario)
        # The presets and files this session's work started from, by name: an edit of one of them
        # takes a derived name, and an edit back to one of them takes its name again.
        self._origins: dict[str, Scenario] = {self.scenario.name: self.scenario}
        self._work: Scenario | None = None  # while a show runs: the work it stands in front of

    @property
    def work(self) -> Scenario:
        """The user's scenario: during a show, the one the show will return to, not the slide on screen."""
        return self._work if self._work is not None else self.scenario

    @property
    def presenting(self) -> bool:
        return self._work is not None

    @property
    def scenario(self) -> Scenario:
        return self.workspace.scenario

    @property
    def projection(self) -> Projection:
        return self.workspace.projection

    @property
    def baseline(self) -> Scenario:
        return self.workspace.baseline

    @property
    def baseline_projection(self) -> Projection:
        """The baseline over the current scenario's horizon, so ghosts span the same years."""
        return self.workspace.baseline_projection

    # edits: each is one undo step ------------------------------------------------------------------

    def set(self, key: str, value: float) -> None:
        title = QCoreApplication.translate("ParameterRow", REGISTRY[key].title)
        self.edit(self.scenario.replace(**{key: value}), tr("Change {0}").format(title), merge_key=key)

    def reset(self, key: str) -> None:
        title = QCoreApplication.translate("ParameterRow", REGISTRY[key].title)
        self.edit(self.scenario.replace(**{key: REGISTRY[key].default}), tr("Reset {0}").format(title))

    def set_phases(self, phases: tuple[Phase, ...]) -> None:
        self.edit(self.scenario.with_phases(phases), tr("Edit compute phases"))

    def reset_all(self) -> None:
        self.edit(self.baseline.renamed(self.scenario.name), tr("Reset all to the plan"))

    def load(self, scenario: Scenario, label: str) -> None:
        """Replace the whole scenario (a preset, a recovered file): one recompute, one step."""
        self._origins[scenario.name] = scenario
        self.edit(scenario, label, named=True)

    def rename(self, name: str, label: str) -> None:
        """The user names the scenario: from now on it keeps that name whatever they change."""
        self.edit(self.scenario.renamed(name), label, named=True)

    def edit(self, scenario: Scenario, label: str, merge_key: str | None = None, named: bool = False) -> None:
        """`named`: the scenario's name is meant as given; otherwise it follows its origin (see `_derived`).
        During a show nothing edits the work behind it."""
        if self.presenting:
            return
        if not named:
            scenario = self._derived(scenario)
        if scenario != self.scenario:
            self.undo_stack.push(ScenarioChange(self._show, self.scenario, scenario, label, merge_key))

    def _derived(self, scenario: Scenario) -> Scenario:
        """A changed preset or file is "<its name>, modified"; changed back, it is itself again.
        A scenario the user has named keeps its name."""
        name = self.scenario.name
        origin = self._origins.get(name) or self._origins.get(name.removesuffix(MODIFIED))
        if origin is None or scenario.name != name:
            return scenario
        if same_content(scenario, origin):
            return scenario.renamed(origin.name)
        return scenario.renamed(modified_name(origin.name))

    # a show: slides on screen in front of the work, never in its history -----------------------------

    def begin_show(self) -> None:
        if self._work is None:
            self._work = self.scenario

    def show_slide(self, scenario: Scenario) -> None:
        """A slide or an animation frame: on screen only; no undo step, no saved state."""
        if self._work is None:
            raise RuntimeError("show_slide outside a show")
        self._show(scenario)

    def end_show(self) -> None:
        """Back to the work exactly as it was: the views redraw it, the document sees no change."""
        if self._work is not None:
            self._show(self._work)
            self._work = None

    def end_gesture(self) -> None:
        """The user let go of a slider: the next edit starts a new undo step."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(top, ScenarioChange):
            top.open = False

    def start_over(self, scenario: Scenario, origin: bool = True) -> None:
        """A new document: this scenario, no undo history. `origin`: the scenario is a preset or file
        whose name a change would make untrue (an untitled scenario claims nothing)."""
        self.undo_stack.clear()
        self._origins = {scenario.name: scenario} if origin else {}
        self._show(scenario)
        self.undo_stack.setClean()

    # pins -----------------------------------------------------------------------------------------

    @property
    def pins(self) -> tuple[Pin, ...]:
        return self.workspace.pins

    def pin(self, label: str, scenario: Scenario) -> None:
        if len(self.pins) >= MAX_PINNED:
            raise ValueError(tr("At most {0} scenarios can be pinned; unpin one first.").format(MAX_PINNED))
        self.workspace = self.workspace.pinned(label, scenario)
        self.pins_changed.emit()

    def unpin(self, index: int | None = None) -> None:
        """Unpin one scenario, or all of them."""
        self.workspace = self.workspace.unpinned(index)
        self.pins_changed.emit()

    # the one place the scenario changes -----------------------------------------------------------

    def _show(self, scenario: Scenario) -> None:
        if scenario == self.scenario:
            return
        horizon_moved = scenario["end_year"] != self.scenario["end_year"]
        self.workspace = self.workspace.with_scenario(scenario)
        self.changed.emit()
        if horizon_moved and self.pins:
            self.pins_changed.emit()
