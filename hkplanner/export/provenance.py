"""What every export says about where it came from: scenario, changes from the baseline, versions, time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from hkplanner import __version__
from hkplanner.core import Scenario, baseline
from hkplanner.core.changes import describe_changes
from hkplanner.core.data_versions import current_version

NO_CHANGES = "none: the plan's baseline"


def now() -> datetime:
    """Local time with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class Provenance:
    scenario_name: str
    changes: tuple[str, ...]  # one line per parameter (or the phases) that differs from the baseline
    app_version: str = __version__
    data_version: str = field(default_factory=current_version)
    exported_at: datetime = field(default_factory=now)

    @classmethod
    def of(cls, scenario: Scenario, exported_at: datetime | None = None) -> Provenance:
        extra = {"exported_at": exported_at} if exported_at is not None else {}
        return cls(scenario.name, changes_from_baseline(scenario), **extra)

    @property
    def app(self) -> str:
        return f"HK Planner {self.app_version}"

    @property
    def time(self) -> str:
        return self.exported_at.isoformat(sep=" ")

    @property
    def changes_text(self) -> str:
        return "; ".join(self.changes) or NO_CHANGES

    def items(self) -> list[tuple[str, str]]:
        """Field and value pairs, for metadata and the workbook's Provenance sheet."""
        return [
            ("Scenario", self.scenario_name),
            ("Changes from the plan's baseline", self.changes_text),
            ("App version", self.app),
            ("Data version", self.data_version),
            ("Exported", self.time),
        ]

    def text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.items())

    def footer(self) -> str:
        return f"{self.scenario_name} · {self.app} · data {self.data_version} · {self.time}"


def changes_from_baseline(scenario: Scenario) -> tuple[str, ...]:
    return tuple(describe_changes(baseline(), scenario))
