"""Charts and their looks, shared by the window and the exports.

Import the modules themselves (`hkplanner.charts.catalogue`, `.chart`): importing this package alone
loads no pyqtgraph, so the window can read the theme before its charts are built.
"""
