"""The parameter registry: one declaration per slider, read from `seeds/parameters.toml`.

It drives the slider panels, validation and the tooltips; adding a parameter is one entry there.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType

from hkplanner.core.seeds import load

KINDS = ("lever", "assumption")
BASES = ("plan", "official", "derived", "assumption")

# Topic groups in display order, with their titles.
GROUPS = MappingProxyType(
    {
        "compute": "AI compute",
        "fund": "Venture fund",
        "rnd": "R&D",
        "manufacturing": "Manufacturing",
        "horizon": "Horizon",
    }
)


class ParameterError(ValueError):
    """A value a parameter cannot take; the message names the key, the value and the range."""


@dataclass(frozen=True)
class Parameter:
    key: str
    group: str
    kind: str
    title: str
    unit: str
    bounds: tuple[float, float]
    slider: tuple[float, float]
    step: float
    default: float
    basis: str
    doc: str
    source: str
    bounds_reason: str = ""  # why the hard bounds are where they are
    # The range an analysis samples, apart from the slider: likely is the default. Every assumption has one.
    low: float | None = None
    likely: float | None = None
    high: float | None = None
    range_reason: str = ""

    @property
    def is_integer(self) -> bool:
        return float(self.step).is_integer() and all(float(b).is_integer() for b in self.bounds)

    @property
    def decimals(self) -> int:
        """Decimal places that show one step exactly."""
        text = f"{self.step:.6f}".rstrip("0")
        return len(text.split(".")[1])

    def validate(self, value: object) -> float:
        """The value as this parameter holds it, or ParameterError saying why not."""
        low, high = self.bounds
        allowed = f"allowed {low:g} to {high:g} {self.unit}"
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ParameterError(f"{self.key} = {value!r} is not a number ({allowed})")
        try:
            number = float(value)
        except OverflowError:
            raise ParameterError(f"{self.key} = {value!r} is out of range ({allowed})") from None
        if not math.isfinite(number):
            raise ParameterError(f"{self.key} = {value!r} is not a finite number ({allowed})")
        if not low <= number <= high:
            raise ParameterError(f"{self.key} = {value!r} is out of range ({allowed})")
        if self.is_integer and not number.is_integer():
            raise ParameterError(f"{self.key} = {value!r} must be a whole number ({allowed})")
        return int(number) if self.is_integer else number


def _read_registry() -> dict[str, Parameter]:
    registry = {}
    for key, entry in load("parameters").items():
        parameter = Parameter(
            key=key,
            group=entry["group"],
            kind=entry["kind"],
            title=entry["title"],
            unit=entry["unit"],
            bounds=tuple(entry["bounds"]),
            slider=tuple(entry["slider"]),
            step=entry["step"],
            default=entry["default"],
            basis=entry["basis"],
            doc=entry["doc"],
            source=entry["source"],
            bounds_reason=entry.get("bounds_reason", ""),
            low=entry.get("low"),
            likely=entry.get("likely"),
            high=entry.get("high"),
            range_reason=entry.get("range_reason", ""),
        )
        if parameter.group not in GROUPS or parameter.kind not in KINDS or parameter.basis not in BASES:
            raise ParameterError(f"seeds/parameters.toml: {key} has an unknown group, kind or basis")
        parameter.validate(parameter.default)
        _check_range(parameter)
        registry[key] = parameter
    return registry


def _check_range(parameter: Parameter) -> None:
    """An assumption declares low <= likely (= default) <= high inside the bounds, with a reason."""
    points = (parameter.low, parameter.likely, parameter.high)
    if all(point is None for point in points) and parameter.kind == "lever":
        return
    where = f"seeds/parameters.toml: {parameter.key}"
    if any(point is None for point in points) or not parameter.range_reason.strip():
        raise ParameterError(f"{where} needs low, likely, high and range_reason")
    low, likely, high = points
    if likely != parameter.default or not parameter.bounds[0] <= low <= likely <= high <= parameter.bounds[1]:
        raise ParameterError(f"{where}: the range must hold low <= likely = default <= high within the bounds")


REGISTRY: MappingProxyType[str, Parameter] = MappingProxyType(_read_registry())
