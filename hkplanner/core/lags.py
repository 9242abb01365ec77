"""Distributed lags: what happens in a year spreads over later years by a kernel (one per scenario).

Each kernel is written once, as a recurrence over the years (`out[t]` from `out[t - lag]`), which costs
the same for any number of scenarios whatever their kernels. When every scenario shares the kernel
(always for `project()`), the recurrence applied to one impulse a year gives a matrix, cached, and the
convolution is one matrix product.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from hkplanner.core.timeline import WINDOW

_SIZE = len(WINDOW)
LAGS = np.arange(_SIZE)  # 0 .. years in the window - 1


def convolve(series: np.ndarray, recurrence: Callable[..., np.ndarray], *parameters: np.ndarray) -> np.ndarray:
    """`recurrence(series, *parameters)`; parameters are (N, 1), or (1, 1) when every scenario shares them."""
    if all(parameter.shape[0] == 1 for parameter in parameters):
        return series @ _matrix(recurrence, *(float(parameter[0, 0]) for parameter in parameters))
    return recurrence(series, *parameters)


@lru_cache(maxsize=256)
def _matrix(recurrence: Callable[..., np.ndarray], *values: float) -> np.ndarray:
    """[v, t]: the response in year t to one unit in year v, so `series @ matrix` is the convolution."""
    return recurrence(np.eye(_SIZE), *(np.array([[value]]) for value in values))


def shifted(series: np.ndarray, lag: np.ndarray) -> np.ndarray:
    """series[..., t - lag] (0 before the window), for whole lags (N or 1, 1) >= 0 per scenario."""
    padded = np.zeros((*series.shape[:-1], 2 * _SIZE))
    padded[..., _SIZE:] = series
    return np.take_along_axis(padded, _back(lag, padded.ndim) + LAGS, axis=-1)


def lagged_sum(first: np.ndarray, lag: np.ndarray, factor: np.ndarray | float) -> np.ndarray:
    """out[..., t] = first[..., t] + factor * out[..., t - lag] (0 before the window): whatever enters
    comes back every `lag` years (whole, >= 1, per scenario), times `factor` each time."""
    shape = np.broadcast_shapes(first.shape, (*np.shape(lag)[:-1], 1), (*np.shape(factor)[:-1], 1))
    out = np.zeros((*shape[:-1], 2 * _SIZE))
    out[..., _SIZE:] = first
    flat = out.reshape(-1)
    # Where in `flat` each row's value `lag` years before the window's first year is.
    row_starts = np.arange(0, flat.size, 2 * _SIZE).reshape(out.shape[:-1])
    source = _back(lag, out.ndim)[..., 0] + row_starts
    factor = factor[..., 0] if isinstance(factor, np.ndarray) else factor
    for year in range(_SIZE):
        out[..., _SIZE + year] += factor * flat[source + year]
    return out[..., _SIZE:]


def _back(lag: np.ndarray, ndim: int) -> np.ndarray:
    """Indexes into a series padded by one window of zeros, `lag` years back from the window's first
    year, with `ndim` dimensions (indexes must have as many as the series)."""
    back = (_SIZE - np.minimum(lag, _SIZE)).astype(np.intp)
    return back.reshape((1,) * (ndim - back.ndim) + back.shape)


def blend_whole(value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A value as its whole part and the weight (0 to 1) of the next whole number: the continuous
    equivalent of an integer parameter is the weighted mix of its two neighbours."""
    whole = np.floor(value)
    return whole, value - whole


def blended(value: np.ndarray, of_whole: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """of_whole at a fractional value: the weighted mix of its results at the two neighbouring whole values."""
    whole, weight = blend_whole(value)
    return (1 - weight) * of_whole(whole) + weight * of_whole(whole + 1)


def decaying_sum(flow: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """out[n, t] = sum over d <= t of ratio[n]^d * flow[n, t - d]: what is left of every year's flow."""
    return convolve(flow, _decaying, ratio)


def _decaying(flow: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    out = np.array(np.broadcast_to(flow, np.broadcast_shapes(flow.shape, ratio.shape)))
    for year in range(1, _SIZE):  # one step a year
        out[..., year] += ratio[..., 0] * out[..., year - 1]
    return out
