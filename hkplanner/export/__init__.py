"""Exports with provenance: chart images, the briefing pack PDF, the workbook and CSV, and `hkplanner export`.

Modules import Qt or pandas only where they need them, so the command line starts fast.
"""
