"""Distributed lags: what happens in a year spreads over later years by a kernel (one per scenario).

A kernel says how much of a year's value arrives `d` years later (d = 0 .. years in the window - 1);
the convolution adds up every earlier year's share. Where every scenario shares the kernel (always for
`project()`) or the series (an ensemble's draws of the same phases), the convolution is one matrix
product with the shared side's lower-triangular Toeplitz matrix; only a batch whose kernels and series
both differ by row loops over the lags.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from hkplanner.core.timeline import WINDOW, power

_SIZE = len(WINDOW)
LAGS = np.arange(_SIZE)  # 0 .. years in the window - 1
_AGE = LAGS[None, :] - LAGS[:, None]  # [v, t]: years from year v to year t, negative before v
# [v, t]: where vector[t - v] is in the vector after _SIZE - 1 zeros, so a look-up gives 0 before v
_AT_IN_PADDED = _AGE + _SIZE - 1
# [p, d]: d mod p, the years since the last of events every p years (p = 1 .. years in the window;
# a longer period looks the same as the window's within it). Row 0 is never read.
_SINCE_LAST = LAGS % np.arange(1, _SIZE + 1)[:, None]
_SINCE_LAST = np.concatenate((_SINCE_LAST[:1], _SINCE_LAST))
_EVENT = (_SINCE_LAST == 0).astype(float)  # [p, d]: 1.0 at the lags where an event falls
_SINCE_LAST.flags.writeable = _EVENT.flags.writeable = False  # rows are handed out as views


def convolve(series: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """out[..., t] = sum over d <= t of kernel[..., d] * series[..., t - d].

    `series` is (..., N or 1, years), `kernel` (N or 1, years): one row, or one per scenario."""
    if kernel.shape[0] == 1:
        return series @ toeplitz(kernel[0])
    if series.shape[-2] == 1:  # convolution is symmetric: the series makes the shared matrix
        return kernel @ toeplitz(series[..., 0, :])
    out = np.zeros(np.broadcast_shapes(series.shape, kernel.shape))
    for lag in range(_SIZE):
        out[..., lag:] += kernel[:, lag : lag + 1] * series[..., : _SIZE - lag]
    return out


def toeplitz(vector: np.ndarray) -> np.ndarray:
    """(..., years) -> (..., years, years): [v, t] is vector[t - v], 0 before v, so `series @ matrix`
    is the convolution of the series with the vector."""
    padded = np.zeros((*vector.shape[:-1], 2 * _SIZE - 1))
    padded[..., _SIZE - 1 :] = vector
    return padded[..., _AT_IN_PADDED]


def years_since_last(period: np.ndarray | float) -> np.ndarray:
    """For whole periods (N, 1) or a number >= 1: the years since the last event at each lag (N or 1,
    years), when events come every `period` years from lag 0."""
    return _by_period(_SINCE_LAST, period)


def events(period: np.ndarray | float) -> np.ndarray:
    """For whole periods (N, 1) or a number >= 1: 1.0 at the lags where an event falls (N or 1, years),
    when events come every `period` years from lag 0."""
    return _by_period(_EVENT, period)


def _by_period(table: np.ndarray, period: np.ndarray | float) -> np.ndarray:
    """A table look-up, one row per period (read-only)."""
    return table[np.minimum(period, _SIZE).astype(np.intp)].reshape(-1, _SIZE)


def blend_whole(value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A value as its whole part and the weight (0 to 1) of the next whole number: the continuous
    equivalent of an integer parameter is the weighted mix of its two neighbours."""
    whole = np.floor(value)
    return whole, value - whole


def blended(value: np.ndarray, of_whole: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """of_whole at a fractional value: the weighted mix of its results at the two neighbouring whole values
    (whole values, the usual case, need only one)."""
    whole, weight = blend_whole(value)
    if not np.count_nonzero(weight):  # cheaper than weight.any() on a few values
        return of_whole(whole)
    return (1 - weight) * of_whole(whole) + weight * of_whole(whole + 1)


def decaying_sum(flow: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """out[n, t] = sum over d <= t of ratio[n]^d * flow[n, t - d]: what is left of every year's flow."""
    return convolve(flow, power(ratio, LAGS[None, :]))
