"""HK Planner: what-if scenarios for Hong Kong's AI-computing and innovation plan."""

__version__ = "0.1.0"
