"""Distributed lags: what happens in a year spreads over later years by a kernel (one per scenario)."""

from __future__ import annotations

import numpy as np

from hkplanner.core.timeline import WINDOW

_SIZE = len(WINDOW)
LAGS = np.arange(_SIZE)  # 0 .. years in the window - 1
_TOEPLITZ = np.subtract.outer(LAGS, LAGS).T  # [v, t] = t - v
_TOEPLITZ = np.where(_TOEPLITZ >= 0, _TOEPLITZ, _SIZE)  # points at a zero appended to the kernel


def convolve(series: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """out[..., n, t] = sum over d <= t of kernel[n, d] * series[..., n, t - d].

    `kernel` is (N, lags) or (1, lags) when every scenario shares it; the shared case is one
    matrix product, so a batch whose rows differ only elsewhere costs almost nothing here.
    """
    if kernel.shape[0] == 1:
        padded = np.append(kernel[0], 0.0)
        return series @ padded[_TOEPLITZ]
    out = series * kernel[:, :1]
    for lag in range(1, _SIZE):
        out[..., lag:] += kernel[:, lag : lag + 1] * series[..., : _SIZE - lag]
    return out


def blend_whole(value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A value as its whole part and the weight (0 to 1) of the next whole number: the continuous
    equivalent of an integer parameter is the weighted mix of its two neighbours."""
    whole = np.floor(value)
    return whole, value - whole


def decaying_sum(flow: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """out[n, t] = sum over d <= t of ratio[n]^d * flow[n, t - d]: what is left of every year's flow."""
    if ratio.shape[0] == 1:
        return convolve(flow, ratio**LAGS)
    out = np.array(flow, copy=True)
    for year in range(1, _SIZE):  # one step a year: cheaper than a lag kernel per row
        out[:, year] += ratio[:, 0] * out[:, year - 1]
    return out
