"""HK Planner: what-if scenarios for Hong Kong's AI-computing and innovation plan."""

__version__ = "0.1.0"


def configure(app) -> None:
    """Give a QApplication the names that decide where settings and autosaves live: one place for the
    window, the exports and the self-test (the application is passed in, so this imports no Qt)."""
    app.setApplicationName("HK Planner")
    app.setOrganizationName("HK Planner")
    app.setApplicationVersion(__version__)
