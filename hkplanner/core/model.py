"""The model run shared by `project()` and `project_batch()`: every sub-model on N scenarios at once.

Inputs are (N, 1) arrays per parameter and the phases as arrays; the output is every column as an
(N, years) array over the whole timeline, official figures in the history years and blanks where nothing
was observed. One scenario runs the same sub-models on its numbers (as one row: see timeline), so its
results equal a batch's row.

The model runs in parts (capacity, demand, vintages, fund, R&D, manufacturing), each given only the
parameters it declares. A part whose inputs every scenario shares is kept by their values, with its
series over the whole timeline and its targets judged, so a slider step reruns only the parts that read
the moved parameter and `project()` assembles the rest as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from hkplanner.core.compute import (
    CAPACITY_INPUTS,
    DEMAND_INPUTS,
    VINTAGE_INPUTS,
    project_capacity,
    project_demand,
    project_vintages,
)
from hkplanner.core.fund import INPUTS as FUND_INPUTS
from hkplanner.core.fund import project_fund
from hkplanner.core.history import HISTORY
from hkplanner.core.manufacturing import INPUTS as MANUFACTURING_INPUTS
from hkplanner.core.manufacturing import project_manufacturing
from hkplanner.core.phases import PhaseArrays
from hkplanner.core.rnd import INPUTS as RND_INPUTS
from hkplanner.core.rnd import project_rnd
from hkplanner.core.targets import TARGETS, TargetResult, TargetVerdicts, judge_all, judge_one
from hkplanner.core.timeline import WINDOW, WINDOW_START, YEARS, running_total


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
_ONE_ROW = (1, WINDOW.size)


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
        if key not in self._keys:
            raise KeyError(key)
        return self._whole(key)[:, : self._stop]

    def _whole(self, key: str) -> np.ndarray:
        built = self._built.get(key)
        if built is None:
            built = np.empty((self._rows, len(YEARS)))
            built[:, :WINDOW_START], built[:, WINDOW_START:] = _HISTORY.get(key, _BLANK_HISTORY), self._window[key]
            self._built[key] = built
        return built

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


class _Spec(NamedTuple):
    function: Callable[..., dict[str, np.ndarray]]  # function(parameters, the phases or the parts it reads)
    inputs: tuple[str, ...]  # the parameters it reads
    reads: tuple[str, ...] = ()  # the earlier parts whose series it reads
    phases: bool = False  # whether it reads the phases


# The model's parts, in order. A part is given only its parameters, and is kept by their values and by
# the kept parts it reads (or the phases), so its key cannot miss an input.
_PARTS = {
    "capacity": _Spec(project_capacity, CAPACITY_INPUTS, phases=True),
    "demand": _Spec(project_demand, DEMAND_INPUTS),
    "vintages": _Spec(project_vintages, VINTAGE_INPUTS, reads=("capacity",)),
    "fund": _Spec(project_fund, FUND_INPUTS),
    "rnd": _Spec(project_rnd, RND_INPUTS, reads=("fund",)),
    "manufacturing": _Spec(project_manufacturing, MANUFACTURING_INPUTS),
}


def _combined(series: Mapping[str, np.ndarray], window_start: int) -> dict[str, np.ndarray]:
    """The columns that combine several parts' series: the compute gap and the government's outlay.
    `series` run along their last axis from `window_start` years before the window (0: the window's
    arrays); a few operations, cheaper each step than keeping them as a part."""
    outlay = series["capex_public_year_hkd_bn"] + series["compute_subsidy_hkd_bn"]
    outlay = outlay + series["fund_public_deployed_hkd_bn"]
    cumulative = outlay.copy()  # blank before the window, as the outlay
    cumulative[..., window_start:] = running_total(outlay[..., window_start:])
    return {
        "compute_gap_pf": series["demand_pf"] - series["capacity_total_pf"],
        "public_outlay_hkd_bn": outlay,
        "public_outlay_cum_hkd_bn": cumulative,
    }


class _Part:
    """One part's results; hashed by identity, so a kept part is in the key of the kept parts that read it.

    A part that varies by row (in a batch) has `verdicts`; a kept part (one row) has each series over the
    whole timeline and its targets judged on them instead."""

    __slots__ = ("cuts", "results", "verdicts", "whole", "window")

    def __init__(
        self,
        window: dict[str, np.ndarray],
        verdicts: dict[str, TargetVerdicts] | None = None,
        whole: dict[str, np.ndarray] | None = None,
        results: dict[str, TargetResult] | None = None,
    ) -> None:
        self.window = window  # (rows or 1, window years) per series
        self.verdicts = verdicts  # by target key, for the targets on this part's series
        self.whole = whole  # kept parts: each series over the whole timeline, (years) or (phases, years), read-only
        self.results = results  # kept parts: by target key
        self.cuts: dict[int, dict[str, np.ndarray]] = {}  # kept parts: the series cut after each number of years

    @property
    def kept(self) -> bool:
        return self.whole is not None

    def until(self, stop: int) -> dict[str, np.ndarray]:
        """A kept part's series cut after `stop` years, cut once for each end year (what a projection shows)."""
        cut = self.cuts.get(stop)
        if cut is None:
            cut = self.cuts[stop] = {key: whole[..., :stop] for key, whole in self.whole.items()}
        return cut


def _window(spec: _Spec, inputs: dict, given: tuple) -> dict[str, np.ndarray]:
    """One part's window series, the last history year as observed. `given`: the phases, or the parts it reads."""
    window = spec.function(inputs, *(item.window if isinstance(item, _Part) else item for item in given))
    for key in OFFICIAL.keys() & window.keys():  # the last history year is observed, not modelled
        window[key][:, 0] = OFFICIAL[key][WINDOW_START]
    return window


def _part(spec: _Spec, inputs: dict, given: tuple, rows: int) -> _Part:
    """A part whose inputs vary by row, with the targets on its series judged for every row."""
    window = _window(spec, inputs, given)
    targets = tuple(target for target in TARGETS if target.metric in window)
    metrics = Columns(window, (target.metric for target in targets), rows)
    verdicts = judge_all(YEARS, metrics, inputs, targets, rows) if targets else ()
    return _Part(window, verdicts={verdict.target.key: verdict for verdict in verdicts})


@lru_cache(maxsize=256)
def _kept(name: str, numbers: tuple[float, ...], given: tuple) -> _Part:
    """A part for inputs every scenario shares, kept (read-only) by their values and what it is given: a
    slider that moves none of a part's inputs reuses its results, down to the series over the whole
    timeline and the verdicts on them."""
    spec = _PARTS[name]
    inputs = dict(zip(spec.inputs, map(float, numbers), strict=True))
    window = _window(spec, inputs, given)
    for array in window.values():
        array.flags.writeable = False
    whole = _over_timeline(window)
    numbers_by_key = dict(zip(spec.inputs, numbers, strict=True))
    results = {
        target.key: judge_one(target, YEARS, whole[target.metric], numbers_by_key)
        for target in TARGETS
        if target.metric in whole
    }
    return _Part(window, whole=whole, results=results)


def _over_timeline(window: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """A kept part's series over the whole timeline, read-only: the history years, then the window's.
    (years) for a series of one row, all copied in one block; (rows, years) for one by phase."""
    single = tuple(key for key, array in window.items() if array.shape == _ONE_ROW)
    block = np.empty((len(single), YEARS.size))
    block[:, :WINDOW_START] = _histories(single)
    np.concatenate([window[key] for key in single], out=block[:, WINDOW_START:])
    block.flags.writeable = False
    whole = dict(zip(single, block, strict=True))
    for key, array in window.items():
        if array.ndim > 2:  # by phase (or pairs of rows): nothing observed before the window
            whole[key] = by_phase = np.full((len(array), YEARS.size), np.nan)
            by_phase[:, WINDOW_START:] = array[:, 0]
            by_phase.flags.writeable = False
    return whole


@lru_cache(maxsize=16)
def _histories(keys: tuple[str, ...]) -> np.ndarray:
    """Each column's history years, (columns, H)."""
    return np.concatenate([_HISTORY.get(key, _BLANK_HISTORY) for key in keys])


class OneScenario(NamedTuple):
    """The model's results for one scenario, every array read-only."""

    series: dict[str, np.ndarray]  # every series up to the end year, (years); by phase (phases, years)
    targets: tuple[TargetResult, ...]  # in the order of TARGETS
    mfg_growth_required_pct: float


def run_one(values: Mapping[str, float], phases: PhaseArrays, stop: int) -> OneScenario:
    """Every part for one scenario (`values` are numbers), each kept by its inputs' values, its series cut
    after `stop` years."""
    parts: dict[str, _Part] = {}
    series: dict[str, np.ndarray] = {}
    results: dict[str, TargetResult] = {}
    for name, spec in _PARTS.items():
        given = (phases,) if spec.phases else tuple(map(parts.__getitem__, spec.reads))
        part = parts[name] = _kept(name, tuple(map(values.__getitem__, spec.inputs)), given)
        series.update(part.until(stop))
        results.update(part.results)
    for key, array in _combined(series, WINDOW_START).items():
        array.flags.writeable = False
        series[key] = array
    required = parts["manufacturing"].window["mfg_growth_required_pct"]
    return OneScenario(series, tuple(results[target.key] for target in TARGETS), float(required[0, 0]))


def _inputs_key(values: Mapping[str, np.ndarray], names: tuple[str, ...]) -> tuple[float, ...] | None:
    """The inputs' values when every scenario shares them (one row each), else None."""
    try:
        return tuple(values[name].item() for name in names)
    except ValueError:  # a batch varies one of them
        return None


def run(
    values: Mapping[str, np.ndarray], phases: PhaseArrays, columns, rows: int
) -> tuple[Columns, np.ndarray, tuple[TargetVerdicts, ...]]:
    """Every column in `columns` for a batch (built when first read), the manufacturing growth the target
    needs (rows,) and every target's verdicts (rows each, in the order of TARGETS). `values` are
    (rows or 1, 1) arrays (1 row where every scenario shares them); a part whose inputs all have one
    value is run once and kept."""
    shared = phases.capacity.shape[1] == phases.start.shape[1] == 1
    parts: dict[str, _Part] = {}
    for name, spec in _PARTS.items():
        reads = tuple(parts[read] for read in spec.reads)
        given = (phases,) if spec.phases else reads
        numbers = _inputs_key(values, spec.inputs)
        if numbers is not None and (shared or not spec.phases) and all(part.kept for part in reads):
            parts[name] = _kept(name, numbers, given)
        else:
            parts[name] = _part(spec, {key: values[key] for key in spec.inputs}, given, rows)
    window, verdicts = {}, {}
    for part in parts.values():
        window.update(part.window)
        if part.kept:
            verdicts.update({key: TargetVerdicts.repeated(result, rows) for key, result in part.results.items()})
        else:
            verdicts.update(part.verdicts)
    window.update(_combined(window, 0))
    required = window["mfg_growth_required_pct"][:, 0]
    required = required if required.shape == (rows,) else np.broadcast_to(required, (rows,))
    return Columns(window, columns, rows), required, tuple(verdicts[target.key] for target in TARGETS)


def forget_kept_parts() -> None:
    """Drop every part's kept results, so the next projection runs the whole model (what the benchmarks time
    as a scenario loaded afresh)."""
    _kept.cache_clear()
