from hkplanner.ui.charts.catalogue import CHARTS, build_charts
from hkplanner.ui.charts.chart import ChartSpec, Line, ProjectionChart, framed

__all__ = ["CHARTS", "ChartSpec", "Line", "ProjectionChart", "build_charts", "framed"]
