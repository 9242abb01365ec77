"""The Qt window over the core model."""

from hkplanner.ui.main_window import MainWindow

__all__ = ["MainWindow"]
