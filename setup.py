"""The packages to ship: every `hkplanner*` package, and the top-level data folders that pyproject.toml maps
into the package as `hkplanner.seeds` and `hkplanner.resources` (read by hkplanner/core/seeds.py)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["hkplanner*"]), "hkplanner.seeds", "hkplanner.resources"])
