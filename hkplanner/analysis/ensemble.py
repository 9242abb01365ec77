"""Uncertainty bands: a seeded Latin hypercube over the assumptions' ranges, projected in one batch.

Each assumption follows a triangular distribution on (low, likely, high): it needs no special
functions to invert, so the Latin hypercube maps onto it exactly, and it is what people mean by
"low, likely, high". The ranges are centred on the scenario's own values (`inputs.around`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from hkplanner.analysis.inputs import BatchProjector, Range, around, default_projector, registry_ranges
from hkplanner.core.scenario import Scenario

DEFAULT_DRAWS = 1_000
MAX_INTERACTIVE_DRAWS = 10_000  # the most the window asks for while a slider moves
PERCENTILES = (10, 50, 90)


@dataclass(frozen=True)
class Ensemble:
    years: np.ndarray
    bands: Mapping[str, np.ndarray]  # series key -> (3, Y): P10, P50, P90 per year
    probability: Mapping[str, float]  # target key -> share of draws that meet it
    draws: int
    seed: int

    def band(self, key: str, percentile: int) -> np.ndarray:
        return self.bands[key][PERCENTILES.index(percentile)]


def unit_hypercube(keys, draws: int, seed: int) -> dict[str, np.ndarray]:
    """`draws` probabilities per key: one in each of `draws` equal strata of [0, 1), strata shuffled per key."""
    rng = np.random.default_rng(seed)
    return {key: (rng.permutation(draws) + rng.random(draws)) / draws for key in keys}


def latin_hypercube(ranges: Mapping[str, Range], draws: int, seed: int) -> dict[str, np.ndarray]:
    """`draws` values per key, triangular on each range, one in each equal-probability stratum."""
    unit = unit_hypercube(ranges, draws, seed)
    return {key: triangular_quantile(unit[key], *ranges[key]) for key in ranges}


def triangular_quantile(p: np.ndarray, low: float, likely: float, high: float) -> np.ndarray:
    """The inverse of the triangular distribution's CDF; a collapsed range gives its one value."""
    width = high - low
    if width <= 0:
        return np.full_like(p, likely)
    split = (likely - low) / width
    below = low + np.sqrt(p * width * (likely - low))
    above = high - np.sqrt((1 - p) * width * (high - likely))
    return np.where(p < split, below, above)


def ensemble(
    scenario: Scenario,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    *,
    projector: BatchProjector | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> Ensemble:
    if draws < 1:
        raise ValueError(f"draws = {draws}: an ensemble needs at least one draw")
    project_batch = projector or default_projector()
    spread = around(scenario, registry_ranges() if ranges is None else ranges)
    batch = project_batch(scenario, latin_hypercube(spread, draws, seed), n=draws)
    bands = _bands(batch.series)
    probability = {key: float(np.mean(result.met)) for key, result in batch.targets.items()}
    return Ensemble(np.asarray(batch.years), bands, probability, draws, seed)


def _split(series: Mapping[str, np.ndarray], key: str) -> tuple[np.ndarray, np.ndarray]:
    """A series as the first years every draw shares (1, H) and the rest (draws or 1, years - H): the
    batch projection's `parts` where it has them (history is the same in every draw), else all its own."""
    parts = getattr(series, "parts", None)
    if parts is not None:
        return parts(key)
    array = np.asarray(series[key])
    return array[:1, :0], array


def _bands(series: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """P10/P50/P90 of every series in every year, (3, Y) each.

    Percentiles are taken only where the draws differ: history (shared by the batch, never copied per
    draw), blank years and whatever no uncertain assumption reaches are the same in every draw, and
    skipping them more than halves the work.
    """
    keys = list(series)
    shared, own = zip(*(_split(series, key) for key in keys), strict=True)
    bands = {  # the first draw's values, replaced below where the draws differ
        key: np.repeat(np.concatenate([shared[index], own[index][:1]], axis=1), len(PERCENTILES), axis=0)
        for index, key in enumerate(keys)
    }
    drawn = [index for index, part in enumerate(own) if part.shape[0] > 1]
    if drawn:
        # Each year's draws laid out contiguously: percentiles across a strided axis were twice as slow.
        columns = _column_bands(np.concatenate([own[index].T for index in drawn]))
        edges = np.cumsum([own[index].shape[1] for index in drawn])[:-1]
        for index, part in zip(drawn, np.split(columns, edges, axis=1), strict=True):
            bands[keys[index]][:, shared[index].shape[1] :] = part
    return bands


def _column_bands(columns: np.ndarray) -> np.ndarray:
    """P10/P50/P90 of each row of (columns, draws), (3, columns): sorted only where the draws differ."""
    first = columns[:, 0]
    same = (columns == first[:, None]).all(axis=1) | (np.isnan(first) & np.isnan(columns).all(axis=1))
    bands = np.repeat(first[None], len(PERCENTILES), axis=0)
    varying = np.flatnonzero(~same)  # a column with some NaN draws varies: its percentiles are NaN
    if varying.size:
        bands[:, varying] = _percentiles(columns[varying])
    return bands


def _percentiles(rows: np.ndarray) -> np.ndarray:
    """np.percentile(rows, PERCENTILES, axis=1), bit for bit (its "linear" method), for at least two
    draws a row; `rows` is reordered in place.

    Only the two draws either side of each percentile's rank are needed, so each row is partitioned at
    one rank at a time, each time on what lies above the last rank: numpy's percentile partitions at all
    ranks at once and across rows, about eight times slower here. The draw just above a rank is the
    smallest of those above it. A row with any NaN has NaN percentiles, as in numpy.
    """
    count = rows.shape[1]
    ranks = (count - 1) * np.true_divide(PERCENTILES, 100)  # as numpy computes them
    below = np.floor(ranks).astype(np.intp)
    done = 0  # draws [0, done) are in their sorted places
    for rank in below:
        if rank >= done:
            rows[:, done:].partition(rank - done, axis=1)
            done = rank + 1
    low = rows[:, below]  # (rows, percentiles)
    high = np.stack([rows[:, rank + 1 :].min(axis=1) for rank in below], axis=1)
    weight = ranks - below
    # numpy's lerp: from the nearer end, so that a weight of 0 or 1 gives that draw exactly
    step = high - low
    result = np.where(weight >= 0.5, high - step * (1 - weight), low + step * weight)
    result[np.isnan(rows).any(axis=1)] = np.nan
    return result.T
