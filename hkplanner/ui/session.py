"""The Session: the current scenario, its projection and the baseline's, shared by every view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hkplanner.core import REGISTRY, Phase, Projection, Scenario, baseline, project


class Session(QObject):
    """Every edit replaces the scenario with another; views listen to `changed` and redraw."""

    changed = Signal()

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._baseline = baseline()
        self._scenario = scenario or self._baseline
        self._projection = project(self._scenario)
        self._baseline_projection = self._project_baseline()

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def projection(self) -> Projection:
        return self._projection

    @property
    def baseline(self) -> Scenario:
        return self._baseline

    @property
    def baseline_projection(self) -> Projection:
        """The baseline over the current scenario's horizon, so ghosts span the same years."""
        return self._baseline_projection

    def set(self, key: str, value: float) -> None:
        self.replace_scenario(self._scenario.replace(**{key: value}))

    def reset(self, key: str) -> None:
        self.set(key, REGISTRY[key].default)

    def set_phases(self, phases: tuple[Phase, ...]) -> None:
        self.replace_scenario(self._scenario.with_phases(phases))

    def reset_all(self) -> None:
        self.replace_scenario(self._baseline.renamed(self._scenario.name))

    def replace_scenario(self, scenario: Scenario) -> None:
        """One recompute and one `changed` per edit; nothing happens if nothing changed."""
        if scenario == self._scenario:
            return
        horizon_moved = scenario["end_year"] != self._scenario["end_year"]
        self._scenario = scenario
        self._projection = project(scenario)
        if horizon_moved:
            self._baseline_projection = self._project_baseline()
        self.changed.emit()

    def _project_baseline(self) -> Projection:
        return project(self._baseline.replace(end_year=self._scenario["end_year"]))
