"""Distributed lags: what happens in a year spreads over later years by a kernel (one per scenario)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from hkplanner.core.timeline import WINDOW

_SIZE = len(WINDOW)
LAGS = np.arange(_SIZE)  # 0 .. years in the window - 1
_TOEPLITZ = np.subtract.outer(LAGS, LAGS).T  # [v, t] = t - v
_TOEPLITZ = np.where(_TOEPLITZ >= 0, _TOEPLITZ, _SIZE)  # points at a zero appended to the kernel


def convolve(series: np.ndarray, kernel_of: Callable[..., np.ndarray], *parameters: np.ndarray) -> np.ndarray:
    """out[..., n, t] = sum over d <= t of kernel[n, d] * series[..., n, t - d], kernel = kernel_of(*parameters).

    Parameters are (N, 1) or (1, 1) when every scenario shares them; a shared kernel is one cached
    matrix product, so a batch whose rows differ only elsewhere (and `project()`) costs almost nothing here.
    """
    if all(parameter.shape[0] == 1 for parameter in parameters):
        return series @ _matrix(kernel_of, *(float(parameter[0, 0]) for parameter in parameters))
    kernel = kernel_of(*parameters)
    out = series * kernel[:, :1]
    for lag in range(1, _SIZE):
        out[..., lag:] += kernel[:, lag : lag + 1] * series[..., : _SIZE - lag]
    return out


@lru_cache(maxsize=256)
def _matrix(kernel_of: Callable[..., np.ndarray], *values: float) -> np.ndarray:
    """[v, t] = kernel[t - v] for t >= v, else 0: `series @ matrix` is the convolution."""
    kernel = kernel_of(*(np.array([[value]]) for value in values))[0]
    return np.append(kernel, 0.0)[_TOEPLITZ]


def blend_whole(value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A value as its whole part and the weight (0 to 1) of the next whole number: the continuous
    equivalent of an integer parameter is the weighted mix of its two neighbours."""
    whole = np.floor(value)
    return whole, value - whole


def decaying_sum(flow: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """out[n, t] = sum over d <= t of ratio[n]^d * flow[n, t - d]: what is left of every year's flow."""
    if ratio.shape[0] == 1:
        return convolve(flow, _powers, ratio)
    out = np.array(np.broadcast_to(flow, (max(len(flow), len(ratio)), _SIZE)))
    for year in range(1, _SIZE):  # one step a year: cheaper than a lag kernel per row
        out[:, year] += ratio[:, 0] * out[:, year - 1]
    return out


def _powers(ratio: np.ndarray) -> np.ndarray:
    return np.exp(np.log(ratio) * LAGS)
