"""What a sweep runs: a spec's scenarios as columns of lever values, read in chunks.

A CSV spec has one column per parameter key and one row per scenario. A JSON spec holds a grid
(`{"grid": {"pue": [1.2, 1.6], "co_investment_ratio": {"from": 1, "to": 3, "steps": 5}}}`, every
combination) or a sample (`{"sample": {"n": 1000, "seed": 1, "ranges": {"pue": [1.2, 2.0]}}}`, a
seeded Latin hypercube, uniform within each range); either may name `"series"` and `"years"` to report.
Keys left out take the baseline's values.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from hkplanner.analysis.ensemble import unit_hypercube
from hkplanner.analysis.inputs import lever_bounds
from hkplanner.core.projection import COLUMNS
from hkplanner.core.scenario import Scenario


class SpecError(ValueError):
    """A spec that cannot be run; the message names the file and what is wrong where."""


@dataclass(frozen=True)
class Spec:
    path: Path
    columns: tuple[str, ...]
    rows: int
    read: object  # (start, stop) -> {key: values}; rows in order
    series: tuple[str, ...] = ()
    years: tuple[int, ...] = field(default=())

    def chunks(self, size: int) -> Iterator[tuple[int, dict[str, np.ndarray]]]:
        """(first row, columns) for each chunk of at most `size` rows."""
        for start in range(0, self.rows, size):
            yield start, self.read(start, min(start + size, self.rows))


def read_spec(path: str | Path, base: Scenario) -> Spec:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return _csv_spec(path, base)
    if path.suffix.lower() == ".json":
        return _json_spec(path, base)
    raise SpecError(f"{path}: a spec is a .csv or a .json file")


def _check_keys(path: Path, keys, base: Scenario) -> None:
    for key in keys:
        try:
            lever_bounds(base, key)
        except KeyError as error:
            raise SpecError(f"{path}: column {key!r} is not a parameter ({error.args[0]})") from None
    if len(set(keys)) != len(keys):
        raise SpecError(f"{path}: a key appears twice ({', '.join(keys)})")


def _csv_spec(path: Path, base: Scenario) -> Spec:
    try:
        with path.open(newline="", encoding="utf-8-sig") as file:
            header = [name.strip() for name in next(csv.reader(file), [])]
            rows = sum(1 for line in file if line.strip())
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(f"{path}: cannot be read ({error})") from None
    if not header or not rows:
        raise SpecError(f"{path}: needs a header of parameter keys and at least one row")
    _check_keys(path, header, base)
    reader = _CsvChunks(path, header)
    return Spec(path, tuple(header), rows, reader.read)


class _CsvChunks:
    """Reads the file's rows in order, chunk by chunk, keeping one chunk in memory."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path, self.header = path, header
        self.lines: Iterator | None = None
        self.line_number = 1

    def read(self, start: int, stop: int) -> dict[str, np.ndarray]:
        if self.lines is None or start == 0:
            self.lines = self._rows()
        values = np.empty((stop - start, len(self.header)))
        for index in range(stop - start):
            number, cells = next(self.lines)
            if len(cells) != len(self.header):
                raise SpecError(f"{self.path}, line {number}: {len(cells)} values for {len(self.header)} columns")
            for column, cell in enumerate(cells):
                try:
                    values[index, column] = float(cell)
                except ValueError:
                    raise SpecError(
                        f"{self.path}, line {number}, column {self.header[column]}: {cell!r} is not a number"
                    ) from None
        return {key: values[:, column] for column, key in enumerate(self.header)}

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        with self.path.open(newline="", encoding="utf-8-sig") as file:
            reader = csv.reader(file)
            next(reader)
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield reader.line_num, cells


def _json_spec(path: Path, base: Scenario) -> Spec:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SpecError(f"{path}: cannot be read as JSON ({error})") from None
    if not isinstance(content, dict) or ("grid" in content) == ("sample" in content):
        raise SpecError(f'{path}: a JSON spec holds either "grid" or "sample"')
    series = tuple(content.get("series", ()))
    years = tuple(content.get("years", ()))
    unknown = [key for key in series if key not in COLUMNS]
    if unknown:
        raise SpecError(f"{path}: series {unknown[0]!r} is not a result (results: {', '.join(COLUMNS)})")
    if not all(isinstance(year, int) for year in years):
        raise SpecError(f'{path}: "years" must be whole years')
    if "grid" in content:
        axes = {key: _axis(path, key, values) for key, values in _mapping(path, content["grid"], "grid").items()}
        _check_keys(path, list(axes), base)
        return Spec(path, tuple(axes), math.prod(map(len, axes.values())), _grid_reader(axes), series, years)
    return _sample_spec(path, _mapping(path, content["sample"], "sample"), base, series, years)


def _mapping(path: Path, value, name: str) -> dict:
    if not isinstance(value, dict) or not value:
        raise SpecError(f'{path}: "{name}" must be an object with at least one entry')
    return value


def _axis(path: Path, key: str, values) -> np.ndarray:
    """A grid axis: a list of values, or {"from", "to", "steps"} for evenly spaced ones."""
    if isinstance(values, dict):
        try:
            return np.linspace(float(values["from"]), float(values["to"]), int(values["steps"]))
        except (KeyError, TypeError, ValueError):
            raise SpecError(f'{path}: grid {key!r} needs numbers "from", "to" and whole "steps"') from None
    if not isinstance(values, list) or not values or not all(_is_number(v) for v in values):
        raise SpecError(f"{path}: grid {key!r} must be a non-empty list of numbers")
    return np.array(values, dtype=float)


def _grid_reader(axes: dict[str, np.ndarray]):
    shape = tuple(map(len, axes.values()))

    def read(start: int, stop: int) -> dict[str, np.ndarray]:
        indices = np.unravel_index(np.arange(start, stop), shape)  # the last key varies fastest
        return {key: axis[index] for (key, axis), index in zip(axes.items(), indices, strict=True)}

    return read


def _sample_spec(path: Path, sample: dict, base: Scenario, series, years) -> Spec:
    n, seed, ranges = sample.get("n"), sample.get("seed", 0), sample.get("ranges")
    if not isinstance(n, int) or n < 1 or not isinstance(seed, int):
        raise SpecError(f'{path}: a sample needs a whole "n" of at least 1 (and a whole "seed")')
    ranges = _mapping(path, ranges, "sample.ranges")
    for key, bounds in ranges.items():
        if not isinstance(bounds, list) or len(bounds) != 2 or not all(_is_number(v) for v in bounds):
            raise SpecError(f"{path}: sample range {key!r} must be [low, high]")
    _check_keys(path, list(ranges), base)
    unit = unit_hypercube(ranges, n, seed)
    columns = {key: low + unit[key] * (high - low) for key, (low, high) in ranges.items()}
    return Spec(
        path, tuple(ranges), n, lambda start, stop: {k: v[start:stop] for k, v in columns.items()}, series, years
    )


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
