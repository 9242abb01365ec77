"""Sweeps: every scenario of a spec projected in chunks, one row of results per scenario.

A row holds the spec's columns, then each target's value and whether it is met (`<target>_value`,
`<target>_met`), then the chosen series in the chosen years (`<series>_<year>`). Chunks keep memory
flat whatever the number of scenarios; with Dask, each chunk is one task and at most a few are in
flight, so memory stays flat there too, and rows are written in the spec's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hkplanner.analysis.inputs import BatchProjector, default_projector
from hkplanner.analysis.sweep_output import table_writer
from hkplanner.analysis.sweep_spec import Spec, SpecError
from hkplanner.core.scenario import Scenario
from hkplanner.core.targets import TARGETS
from hkplanner.core.timeline import FIRST_YEAR

CHUNK_ROWS = 20_000
DASK_TASKS_IN_FLIGHT = 4


@dataclass(frozen=True)
class Outputs:
    """The series and years a sweep reports beside the targets."""

    series: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def columns(self) -> list[str]:
        targets = [f"{t.key}_{field}" for t in TARGETS for field in ("value", "met")]
        return targets + [f"{key}_{year}" for key in self.series for year in self.years]


def project_chunk(
    projector: BatchProjector, base: Scenario, columns: dict[str, np.ndarray], outputs: Outputs
) -> dict[str, np.ndarray]:
    """One chunk's rows of results."""
    batch = projector(base, columns, n=len(next(iter(columns.values()))))
    table = dict(columns)
    for key, result in batch.targets.items():
        table[f"{key}_value"] = np.asarray(result.value, dtype=float)
        table[f"{key}_met"] = np.asarray(result.met, dtype=bool)
    for key in outputs.series:
        for year in outputs.years:
            table[f"{key}_{year}"] = np.asarray(batch.at(key, year), dtype=float)
    return table


def sweep(
    spec: Spec,
    out: str | Path,
    base: Scenario,
    outputs: Outputs = Outputs(),
    *,
    projector: BatchProjector | None = None,
    chunk_rows: int = CHUNK_ROWS,
    progress: Callable[[int], None] = lambda rows: None,
    dask_client=None,
) -> int:
    """Runs the spec and writes its rows to `out`; returns the number of scenarios run."""
    project_batch = projector or default_projector()
    _check_years(base, outputs)
    chunks = spec.chunks(chunk_rows)
    results = (
        _on_dask(dask_client, project_batch, base, chunks, outputs)
        if dask_client
        else ((start, _project(project_batch, base, start, columns, outputs)) for start, columns in chunks)
    )
    done = 0
    with table_writer(out) as write:
        for _, table in results:
            write(table)
            rows = len(next(iter(table.values())))
            done += rows
            progress(rows)
    return done


def _project(project_batch, base, start, columns, outputs):
    try:
        return project_chunk(project_batch, base, columns, outputs)
    except ValueError as error:  # the batch names the key and the row within the chunk
        raise SpecError(f"scenarios {start + 1} to {start + len(next(iter(columns.values())))}: {error}") from None


def _project_parts(project_batch, parts, start, columns, outputs):
    return _project(project_batch, Scenario(*parts), start, columns, outputs)


def _on_dask(client, project_batch, base, chunks, outputs) -> Iterator[tuple[int, dict]]:
    """The chunks as Dask tasks, a few in flight at a time, their results in order."""
    parts = (base.name, dict(base.values), base.phases)  # a scenario's read-only mapping does not pickle
    pending = []
    for start, columns in chunks:
        task = client.submit(_project_parts, project_batch, parts, start, columns, outputs, pure=False)
        pending.append((start, task))
        if len(pending) >= DASK_TASKS_IN_FLIGHT:
            start, future = pending.pop(0)
            yield start, future.result()
    for start, future in pending:
        yield start, future.result()


def _check_years(base: Scenario, outputs: Outputs) -> None:
    end = int(base["end_year"])
    outside = [year for year in outputs.years if not FIRST_YEAR <= year <= end]
    if outside:
        raise SpecError(f"year {outside[0]} is outside the projection ({FIRST_YEAR} to {end})")
