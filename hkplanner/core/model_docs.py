"""The tables in `docs/model.md` that come from the registry and the model, never copied by hand.

`python -m hkplanner.core.model_docs` rewrites every generated block of the document in place; a test
fails when the document and the registry or the baseline disagree. A block sits between
`<!-- generated: NAME -->` and `<!-- end generated -->`.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from hkplanner.core.parameters import GROUPS, REGISTRY, Parameter
from hkplanner.core.projection import project
from hkplanner.core.scenario import baseline

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "model.md"
_BLOCK = re.compile(r"(<!-- generated: (\S+) -->\n).*?(<!-- end generated -->)", re.DOTALL)
BASELINE_YEARS = (2024, 2025, 2026, 2028, 2030, 2032, 2035)
# Baseline table: column -> (heading, decimals).
BASELINE_COLUMNS = {
    "capacity_total_pf": ("Capacity (PF)", 0),
    "capacity_northern_metropolis_pf": ("of which Northern Metropolis", 0),
    "capacity_other_private_pf": ("other private", 0),
    "demand_pf": ("Demand (PF)", 0),
    "power_mw": ("Power (MW, facility)", 1),
    "capex_hkd_bn": ("Capital cost (HK$ bn, cum. from 2025)", 2),
    "fund_public_cum_hkd_bn": ("Fund public (HK$ bn, cum.)", 3),
    "fund_private_cum_hkd_bn": ("Fund private (HK$ bn, cum.)", 2),
    "rnd_private_share_pct": ("Private R&D share (%)", 1),
    "mfg_share_gdp_pct": ("Manufacturing (% GDP)", 2),
    "public_outlay_cum_hkd_bn": ("Government outlay (HK$ bn, cum. from 2025)", 2),
}


def number(value: float | None, decimals: int | None = None) -> str:
    if value is None:
        return "none"
    if isinstance(value, float) and math.isnan(value):
        return "(blank)"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(f"{value:.6f}".rstrip("0").split(".")[1])
    return f"{value:,.{decimals}f}".replace("-", "−")


def _row(parameter: Parameter) -> str:
    low, high = parameter.bounds
    slider_low, slider_high = parameter.slider
    bounds = f"{number(low)} to {number(high)} ({number(slider_low)} to {number(slider_high)})"
    if parameter.likely is None:
        spread = "lever: none"
    else:
        spread = " / ".join(number(point) for point in (parameter.low, parameter.likely, parameter.high))
    cells = (
        parameter.title,
        f"`{parameter.key}`",
        parameter.kind,
        number(parameter.default),
        parameter.unit,
        bounds,
        spread,
        parameter.basis,
        parameter.source,
    )
    return "| " + " | ".join(cells) + " |"


def parameter_table(group: str) -> str:
    heading = "| Parameter | Key | Kind | Default | Unit | Bounds (slider) | Low / likely / high | Basis | Source |"
    lines = [heading, "|---|---|---|---|---|---|---|---|---|"]
    members = [parameter for parameter in REGISTRY.values() if parameter.group == group]
    lines += [_row(parameter) for parameter in members]
    lines += ["", "| Key | Why these bounds | Why this range |", "|---|---|---|"]
    lines += [f"| `{p.key}` | {p.bounds_reason} | {p.range_reason or '(lever)'} |" for p in members]
    return "\n".join(lines)


def baseline_table() -> str:
    projection = project(baseline())
    headings = ["Year", *(heading for heading, _ in BASELINE_COLUMNS.values())]
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for year in BASELINE_YEARS:
        cells = [str(year)]
        cells += [number(projection.at(key, year), decimals) for key, (_, decimals) in BASELINE_COLUMNS.items()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def blocks() -> dict[str, str]:
    generated = {f"parameters-{group}": parameter_table(group) for group in GROUPS}
    generated["baseline"] = baseline_table()
    return generated


def regenerated(text: str) -> str:
    generated = blocks()

    def fill(match: re.Match) -> str:
        return f"{match[1]}{generated[match[2]]}\n{match[3]}"

    return _BLOCK.sub(fill, text)


if __name__ == "__main__":
    DOCUMENT.write_text(regenerated(DOCUMENT.read_text(encoding="utf-8")), encoding="utf-8")
