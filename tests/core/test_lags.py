"""Distributed lags: the convolution gives the same sums whichever side the scenarios share; and the
allocator setting batches rely on."""

from __future__ import annotations

import platform
import sys

import numpy as np

from hkplanner.core.allocator import keep_freed_memory
from hkplanner.core.lags import LAGS, convolve, decaying_sum


def _direct(series: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """out[n, t] = sum over d <= t of kernel[n, d] * series[n, t - d], term by term."""
    rows = max(len(series), len(kernel))
    series, kernel = np.broadcast_to(series, (rows, LAGS.size)), np.broadcast_to(kernel, (rows, LAGS.size))
    out = np.zeros((rows, LAGS.size))
    for t in LAGS:
        for d in range(t + 1):
            out[:, t] += kernel[:, d] * series[:, t - d]
    return out


def test_convolve_agrees_with_the_direct_sum_for_shared_and_per_row_sides():
    rng = np.random.default_rng(3)
    per_row, one = rng.random((5, LAGS.size)), rng.random((1, LAGS.size))
    for series, kernel in ((per_row, one), (one, per_row), (per_row, per_row[::-1].copy())):
        np.testing.assert_allclose(convolve(series, kernel), _direct(series, kernel), rtol=1e-13)


def test_a_leading_axis_of_series_is_kept():
    rng = np.random.default_rng(4)
    series, kernel = rng.random((2, 1, LAGS.size)), rng.random((3, LAGS.size))
    out = convolve(series, kernel)
    assert out.shape == (2, 3, LAGS.size)
    np.testing.assert_allclose(out[1], _direct(series[1], kernel), rtol=1e-13)


def test_decaying_sum_keeps_ratio_to_the_age_of_each_flow():
    flow = np.zeros((1, LAGS.size))
    flow[0, 2] = 10.0
    out = decaying_sum(flow, np.array([[0.5], [1.0]]))
    np.testing.assert_allclose(out[0, 2:], 10.0 * 0.5 ** np.arange(LAGS.size - 2), rtol=1e-14)
    np.testing.assert_allclose(out[1, 2:], 10.0)
    assert not out[:, :2].any()


def test_freed_memory_is_kept_for_the_next_batch_where_the_c_library_is_glibc():
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert keep_freed_memory() is glibc
