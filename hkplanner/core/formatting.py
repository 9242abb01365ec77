"""How numbers read on cards, tooltips and the status bar."""

from __future__ import annotations

import math

# Six-figure projections are not precise to the unit: 148,333 PF reads 148,000 PF. Smaller figures keep
# their units: they are sums of the plan's round phase sizes, and must add up with the shortfalls beside them.
SIGNIFICANT_FIGURES = 3
ROUNDED_FROM = 100_000


def number(value: float) -> str:
    """Thousands separated above 100, one decimal below, three significant figures from 100,000;
    a dash when unknown."""
    if value is None or math.isnan(value):
        return "–"
    if abs(value) >= ROUNDED_FROM:
        places = SIGNIFICANT_FIGURES - 1 - math.floor(math.log10(abs(value)))
        return f"{round(value, places):,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


# Decimals a unit's figures are written with in tables and files: whole petaflops and start-ups.
UNIT_DECIMALS = {"PF": 0, "start-ups": 0, "MW": 1, "HK$ bn": 2, "%": 1, "% of GDP": 2}


def decimals(unit: str) -> int:
    return UNIT_DECIMALS.get(unit, 2)


def quantity(value: float, unit: str, exact: bool = False) -> str:
    """A value with its unit; `exact` shows round figures such as targets without decimals."""
    whole = decimals(unit) == 0 and not math.isnan(value) and abs(value) < 100
    text = f"{value:,g}" if exact else f"{value:,.0f}" if whole else number(value)
    if unit.startswith("%"):
        return f"{text}{unit}" if unit == "%" else f"{text}% {unit[1:].strip()}"
    return f"{text} {unit}"


def shortfall(value: float, unit: str) -> str:
    """A gap: percentage points for shares, the unit otherwise."""
    return f"{number(value)} pts" if unit.startswith("%") else quantity(value, unit)


def file_decimals(unit: str) -> int:
    """Decimals kept in CSV and XLSX files: counts whole, other figures one place finer than shown."""
    shown = decimals(unit)
    return 0 if shown == 0 else shown + 1


# Every money series is counted in nominal Hong Kong dollars: history as published, projections with
# the GDP deflator (docs/model.md). A unit says so, so that nobody reads a sum as 2024 prices.
MONEY_UNIT_PREFIX = "HK$"


def unit_label(unit: str) -> str:
    """A series' unit with its price basis, e.g. 'HK$ bn, nominal'."""
    return f"{unit}, nominal" if unit.startswith(MONEY_UNIT_PREFIX) else unit
