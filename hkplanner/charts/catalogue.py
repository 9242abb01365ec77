"""Which charts the window shows, and what each draws."""

from __future__ import annotations

from hkplanner.charts import theme
from hkplanner.charts.capacity_chart import CapacityChart
from hkplanner.charts.chart import ChartSpec, Line, ProjectionChart

COMPUTE_FROM = 2024  # compute is blank before the phases' calibration year (Cyberport's opening)

CHARTS = (
    ChartSpec(
        "chart_compute",
        "AI compute capacity by phase",
        "PF",
        (
            Line("demand_pf", "Demand", theme.BLACK, markers=False),
            Line("capacity_private_pf", "Private capacity", theme.VERMILLION, markers=False),
            Line("capacity_public_pf", "Public capacity", theme.BLUE, markers=False),
        ),
        targets=("compute_total_2030", "compute_private_2030", "compute_public_2026"),
        first_year=COMPUTE_FROM,
        line_from=COMPUTE_FROM,
        pinned=("capacity_total_pf",),
        sources=("compute_total_pf",),
        # The private and public targets are read against their own capacity, not the stacked total.
        target_lines=(("compute_private_2030", "capacity_private_pf"), ("compute_public_2026", "capacity_public_pf")),
        log_toggle=True,
    ),
    ChartSpec(
        "chart_power",
        "Power for AI compute",
        "MW",
        (Line("power_mw", "Power", theme.VERMILLION, markers=False),),
        first_year=COMPUTE_FROM,
        line_from=COMPUTE_FROM,
    ),
    ChartSpec(
        "chart_capex",
        "Capital cost spent and government outlay, cumulative",
        "HK$ bn, nominal",
        (
            Line("capex_hkd_bn", "Capital cost spent", theme.PURPLE, markers=False),
            Line("public_outlay_cum_hkd_bn", "Government outlay", theme.BLUE, markers=False),
        ),
        first_year=COMPUTE_FROM,
        line_from=COMPUTE_FROM,
        # A slower build has spent less by a given year; it is not cheaper: say which year the total reached.
        end_label="Capital cost: HK${value:,.2f} bn spent by {year}",
    ),
    ChartSpec(
        "chart_venture",
        "Venture capital, cumulative",
        "HK$ bn, nominal",
        (
            Line("fund_public_cum_hkd_bn", "Public (ITVF)", theme.BLUE),
            Line("fund_private_cum_hkd_bn", "Private co-investment", theme.ORANGE),
        ),
        first_year=COMPUTE_FROM,
        sources=("fund_public_cum_hkd_bn", "fund_private_cum_hkd_bn"),
    ),
    ChartSpec(
        "chart_rnd",
        "Private (business) share of R&D",
        "%",
        (Line("rnd_private_share_pct", "Private share", theme.GREEN),),
        targets=("rnd_private_share",),
        sources=("gerd_hkd_m", "business_rnd_hkd_m"),
    ),
    ChartSpec(
        "chart_mfg",
        "Manufacturing share of GDP",
        "%",
        (
            Line("mfg_share_gdp_pct", "Manufacturing share", theme.BLUE),
            Line("mfg_share_no_push_pct", "No policy push", theme.SKY, markers=False),
        ),
        targets=("mfg_share",),
        sources=("mfg_share_gdp_pct", "gdp_hkd_m"),
    ),
)


def build_charts() -> list[ProjectionChart]:
    return [(CapacityChart if spec.name == "chart_compute" else ProjectionChart)(spec) for spec in CHARTS]
