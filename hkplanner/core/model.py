"""The model run shared by `project()` and `project_batch()`: every sub-model on N scenarios at once.

Inputs are (N, 1) arrays per parameter and the phases as arrays; the output is every column as an
(N, years) array over the whole timeline, official figures in the history years and blanks where
nothing was observed. One scenario is a batch of one, so there is one code path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

import numpy as np

from hkplanner.core.compute import project_compute
from hkplanner.core.fund import project_fund
from hkplanner.core.history import HISTORY
from hkplanner.core.manufacturing import project_manufacturing
from hkplanner.core.phases import PhaseArrays
from hkplanner.core.rnd import project_rnd
from hkplanner.core.timeline import WINDOW_START, YEARS, running_total


def _official(key: str, factor: float = 1.0) -> np.ndarray:
    return HISTORY[key].values[: WINDOW_START + 1] * factor


_GERD = _official("gerd_hkd_m", 1 / 1000)
_BUSINESS = _official("business_rnd_hkd_m", 1 / 1000)
# Columns whose history years (the last one included) are official figures; the rest are blank before 2024.
OFFICIAL = {
    "rnd_total_hkd_bn": _GERD,
    "rnd_private_hkd_bn": _BUSINESS,
    "rnd_private_share_pct": 100 * _BUSINESS / _GERD,
    "gdp_hkd_bn": _official("gdp_hkd_m", 1 / 1000),
    "mfg_share_gdp_pct": _official("mfg_share_gdp_pct"),
    "fund_public_cum_hkd_bn": _official("fund_public_cum_hkd_bn"),
    "fund_private_cum_hkd_bn": _official("fund_private_cum_hkd_bn"),
    "startups_backed": _official("startups_backed"),
}


# Each column's years before the window, the same in every scenario: official figures or blanks.
_HISTORY = {key: figures[None, :WINDOW_START] for key, figures in OFFICIAL.items()}
_BLANK_HISTORY = np.full((1, WINDOW_START), np.nan)


@lru_cache(maxsize=4)
def _histories(keys: tuple[str, ...]) -> np.ndarray:
    return np.stack([_HISTORY.get(key, _BLANK_HISTORY) for key in keys])


class Columns(Mapping):
    """Each column over the whole timeline as (rows, years), built on first access and kept: the
    history years, then the window's. A batch often reads only a few columns."""

    def __init__(self, window: dict[str, np.ndarray], keys, rows: int, stop: int | None = None) -> None:
        self._window, self._keys, self._rows, self._stop = window, tuple(keys), rows, stop
        self._built: dict[str, np.ndarray] = {}

    def until(self, stop: int) -> Columns:
        """The same columns cut after `stop` years (sharing what is built)."""
        cut = Columns(self._window, self._keys, self._rows, stop)
        cut._built = self._built
        return cut

    def __getitem__(self, key: str) -> np.ndarray:
        built = self._built.get(key)
        if built is None:
            if key not in self._keys:
                raise KeyError(key)
            built = np.empty((self._rows, len(YEARS)))
            built[:, :WINDOW_START], built[:, WINDOW_START:] = _HISTORY.get(key, _BLANK_HISTORY), self._window[key]
            self._built[key] = built
        return built[:, : self._stop]

    def built(self) -> dict[str, np.ndarray]:
        """Every column at once, in one allocation (what a single projection shows)."""
        block = np.empty((len(self._keys), self._rows, len(YEARS)))
        block[:, :, :WINDOW_START] = _histories(self._keys)
        for index, key in enumerate(self._keys):
            block[index, :, WINDOW_START:] = self._window[key]
        self._built = dict(zip(self._keys, block, strict=True))
        return {key: column[:, : self._stop] for key, column in self._built.items()}

    def parts(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The column as the history years every row shares (1, H) and the window's (rows, years - H),
        cut after `stop` years as the columns are."""
        history, window = _HISTORY.get(key, _BLANK_HISTORY), self._window[key]
        if self._stop is None:
            return history, window
        return history[:, : self._stop], window[:, : max(self._stop - WINDOW_START, 0)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def run(
    values: dict[str, np.ndarray], phases: PhaseArrays, columns, rows: int = 1
) -> tuple[Columns, np.ndarray, np.ndarray]:
    """Every column in `columns` (built when first read), capacity by phase from the last history year
    ((phases, 1 or rows, window years)) and the manufacturing growth the target needs (rows,).
    Inputs may have 1 row where every scenario shares them."""
    compute = project_compute(values, phases)
    fund = project_fund(values)
    rnd = project_rnd(values, fund["fund_private_new_cum"])
    manufacturing, required_growth = project_manufacturing(values)
    window = {**compute, **fund, **rnd, **manufacturing}
    outlay = window["capex_public_year_hkd_bn"] + window["compute_subsidy_hkd_bn"]
    window["public_outlay_hkd_bn"] = outlay + window["fund_public_deployed_hkd_bn"]
    window["public_outlay_cum_hkd_bn"] = running_total(window["public_outlay_hkd_bn"])
    for key, figures in OFFICIAL.items():  # the last history year is observed, not modelled
        window[key][:, 0] = figures[WINDOW_START]
    required = np.broadcast_to(required_growth[:, 0], (rows,))
    return Columns(window, columns, rows), window["phase_capacity_pf"], required
