"""The model run shared by `project()` and `project_batch()`: every sub-model on N scenarios at once.

Inputs are (N, 1) arrays per parameter (or numbers, for one scenario) and the phases as arrays; the
output is every column as an (N, years) array over the whole timeline, official figures in the history
years and blanks where nothing was observed. One scenario is a batch of one, so there is one code path.

The model runs in parts (capacity, demand, vintages, fund, R&D, manufacturing), each given only the
parameters it declares. A part whose inputs every scenario shares is kept by their values, so a slider
step reruns only the parts that read the moved parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
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
from hkplanner.core.targets import TARGETS, TargetVerdicts, judge_all
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


class Columns(Mapping):
    """Each column over the whole timeline as (rows, years), built on first access and kept: the
    history years, then the window's. A batch often reads only a few columns."""

    def __init__(self, window: dict[str, np.ndarray], keys, rows: int, stop: int | None = None, built=None) -> None:
        """`built`: columns already over the whole timeline (shared, read-only), used as they are."""
        self._window, self._keys, self._rows, self._stop = window, tuple(keys), rows, stop
        self._built: dict[str, np.ndarray] = dict(built or {})

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

    def built(self) -> dict[str, np.ndarray]:
        """Every column (and what else is built) over the whole timeline, not cut: what a single
        projection cuts and shows."""
        for key in set(self._keys) - self._built.keys():
            self._whole(key)
        return self._built

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


class _Part:
    """One part's results; hashed by identity, so a kept part is in the key of the kept parts that read it."""

    __slots__ = ("kept", "verdicts", "whole", "window")

    def __init__(self, window: dict[str, np.ndarray], verdicts: dict[str, TargetVerdicts]) -> None:
        self.window = window  # (rows or 1, window years) per series
        self.verdicts = verdicts  # by target key, for the targets on this part's series
        self.whole: dict[str, np.ndarray] = {}  # kept parts: each series over the whole timeline
        self.kept = False


def _part(spec: _Spec, inputs: dict, given: tuple, rows: int = 1) -> _Part:
    """One part's window series, the last history year as observed, and the targets on its series.
    `given`: the phases, or the parts it reads."""
    window = spec.function(inputs, *(item.window if isinstance(item, _Part) else item for item in given))
    for key in OFFICIAL.keys() & window.keys():  # the last history year is observed, not modelled
        window[key][:, 0] = OFFICIAL[key][WINDOW_START]
    targets = tuple(target for target in TARGETS if target.metric in window)
    metrics = Columns(window, (target.metric for target in targets), rows)
    verdicts = judge_all(YEARS, metrics, inputs, targets, rows) if targets else ()
    return _Part(window, {verdict.target.key: verdict for verdict in verdicts})


_ONE_ROW = (1, WINDOW.size)


@lru_cache(maxsize=256)
def _kept(name: str, numbers: tuple[float, ...], given: tuple) -> _Part:
    """`_part` for inputs every scenario shares, kept (read-only) by their values and what it is given: a
    slider that moves none of a part's inputs reuses its results, down to the series over the whole timeline."""
    spec = _PARTS[name]
    inputs = dict(zip(spec.inputs, np.array(numbers, dtype=float).reshape(-1, 1, 1), strict=True))  # (1, 1) each
    part = _part(spec, inputs, given)
    for array in part.window.values():
        array.flags.writeable = False
    series = tuple(key for key, array in part.window.items() if array.shape == _ONE_ROW)
    if series:  # (series, 1, years) in one block: history, then the window
        window = np.concatenate([part.window[key] for key in series])[:, None]
        whole = np.concatenate((_histories(series), window), axis=2)
        whole.flags.writeable = False
        part.whole.update(zip(series, whole, strict=True))
    part.kept = True
    return part


@lru_cache(maxsize=16)
def _histories(keys: tuple[str, ...]) -> np.ndarray:
    """Each column's history years, (columns, 1, H)."""
    return np.stack([_HISTORY.get(key, _BLANK_HISTORY) for key in keys])


def _inputs_key(values: Mapping, names: tuple[str, ...]) -> tuple[float, ...] | None:
    """The inputs' values when every scenario shares them (one row each), else None."""
    picked = tuple(map(values.__getitem__, names))
    if not isinstance(picked[0], np.ndarray):  # numbers: one scenario
        return picked
    try:
        return tuple(value.item() for value in picked)
    except ValueError:  # a batch varies one of them
        return None


def run(
    values: Mapping[str, np.ndarray | float], phases: PhaseArrays, columns, rows: int = 1
) -> tuple[Columns, np.ndarray, np.ndarray, tuple[TargetVerdicts, ...]]:
    """Every column in `columns` (built when first read), capacity by phase from the last history year
    ((phases, 1 or rows, window years)), the manufacturing growth the target needs (rows,) and every
    target's verdicts (rows each, in the order of TARGETS). `values` are (N or 1, 1) arrays (1 row where
    every scenario shares them), or numbers for one scenario; a part whose inputs all have one value is
    run once and kept."""
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
    window, verdicts, whole = {}, {}, {}
    for part in parts.values():
        window.update(part.window)
        verdicts.update(part.verdicts)
        whole.update(part.whole)
    window["compute_gap_pf"] = window["demand_pf"] - window["capacity_total_pf"]
    outlay = window["capex_public_year_hkd_bn"] + window["compute_subsidy_hkd_bn"]
    window["public_outlay_hkd_bn"] = outlay + window["fund_public_deployed_hkd_bn"]
    window["public_outlay_cum_hkd_bn"] = running_total(window["public_outlay_hkd_bn"])
    required = window["mfg_growth_required_pct"][:, 0]
    every = tuple(verdicts[target.key] for target in TARGETS)
    every = every if rows == 1 else tuple(_for_rows(verdict, rows) for verdict in every)
    built = Columns(window, columns, rows, built=whole if rows == 1 else {})
    required = required if required.shape == (rows,) else np.broadcast_to(required, (rows,))
    return built, window["phase_capacity_pf"], required, every


def _for_rows(verdicts: TargetVerdicts, rows: int) -> TargetVerdicts:
    """Verdicts judged once for scenarios that share a part's inputs, repeated for every row (read-only)."""
    if verdicts.value.shape[0] == rows:
        return verdicts
    arrays = ("due_year", "value", "met", "first_year_met", "shortfall")
    return replace(verdicts, **{name: np.broadcast_to(getattr(verdicts, name), (rows,)) for name in arrays})


def forget_kept_parts() -> None:
    """Drop every part's kept results, so the next projection runs the whole model (what the benchmarks time
    as a scenario loaded afresh)."""
    _kept.cache_clear()
