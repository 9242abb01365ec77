"""How numbers read on cards, tooltips and the status bar."""

from __future__ import annotations

import math


def number(value: float) -> str:
    """Thousands separated above 100, one decimal below; a dash when unknown."""
    if value is None or math.isnan(value):
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def quantity(value: float, unit: str, exact: bool = False) -> str:
    """A value with its unit; `exact` shows round figures such as targets without decimals."""
    text = f"{value:,g}" if exact else number(value)
    if unit.startswith("%"):
        return f"{text}{unit}" if unit == "%" else f"{text}% {unit[1:].strip()}"
    return f"{text} {unit}"


def shortfall(value: float, unit: str) -> str:
    """A gap: percentage points for shares, the unit otherwise."""
    return f"{number(value)} pts" if unit.startswith("%") else quantity(value, unit)
