"""The Qt window over the core model.

`MainWindow` is imported on first use, so modules that need only a part of the UI (the export
command's charts, the theme) do not pull in the whole window, and cannot import it in a circle.
"""

__all__ = ["MainWindow"]


def __getattr__(name: str):
    if name == "MainWindow":
        from hkplanner.ui.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module 'hkplanner.ui' has no attribute {name!r}")
