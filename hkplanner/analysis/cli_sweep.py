"""`hkplanner sweep SPEC --out FILE [--series KEY] [--year YEAR] [--chunk ROWS] [--dask [ADDRESS]]`.

Runs every scenario of a spec (see `sweep_spec`) on the baseline and writes one row of results per
scenario. Exit status: 0 done, 1 a spec or output that cannot be used, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from hkplanner.analysis.sweep import CHUNK_ROWS, Outputs, sweep
from hkplanner.analysis.sweep_output import OutputError
from hkplanner.analysis.sweep_spec import SpecError, read_spec
from hkplanner.core.projection import COLUMNS
from hkplanner.core.scenario import baseline

OK, FAILED = 0, 1


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hkplanner sweep",
        description="Run many scenarios of the baseline and write one row of results for each.",
        epilog="A CSV spec has one column per parameter key and one row per scenario; a JSON spec holds a "
        '"grid" or a "sample" over ranges (see docs/analysis.md). '
        "Exit status: 0 done, 1 the spec or the output could not be used, 2 bad arguments.",
    )
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the scenarios: a .csv or .json spec")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the results: .csv or .parquet")
    parser.add_argument(
        "--series",
        action="append",
        default=[],
        choices=list(COLUMNS),
        metavar="KEY",
        help="a result to report in each --year (repeatable)",
    )
    parser.add_argument(
        "--year",
        action="append",
        type=int,
        default=[],
        metavar="YEAR",
        help="a year to report the --series in (repeatable)",
    )
    parser.add_argument("--chunk", type=int, default=CHUNK_ROWS, metavar="ROWS", help="scenarios per batch")
    parser.add_argument(
        "--dask",
        nargs="?",
        const="local",
        metavar="ADDRESS",
        help="run the chunks as Dask tasks: on a scheduler's ADDRESS, or a local cluster",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    arguments = parser.parse_args(argv)
    if arguments.chunk < 1:
        parser.error("--chunk must be at least 1")
    return arguments


def main(argv: list[str] | None = None, *, projector=None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    base = baseline()
    try:
        spec = read_spec(arguments.spec, base)
        outputs = Outputs(
            tuple(dict.fromkeys([*spec.series, *arguments.series])),
            tuple(dict.fromkeys([*spec.years, *arguments.year])),
        )
        with _dask_client(arguments.dask) as client, _progress(spec.rows, arguments.quiet) as bar:
            started = time.perf_counter()
            rows = sweep(
                spec,
                arguments.out,
                base,
                outputs,
                projector=projector,
                chunk_rows=arguments.chunk,
                progress=bar.update,
                dask_client=client,
            )
            seconds = time.perf_counter() - started
    except (SpecError, OutputError, OSError, MissingPackage) as error:
        print(f"hkplanner sweep: {error}", file=sys.stderr)
        return FAILED
    print(f"{rows:,} scenarios in {seconds:.2f} s ({rows / max(seconds, 1e-9):,.0f} a second) → {arguments.out}")
    return OK


class MissingPackage(ImportError):
    """A package a chosen option needs is not installed; the message says which option and how to install it."""


def _progress(total: int, quiet: bool):
    if quiet:
        return contextlib.nullcontext(SimpleNamespace(update=lambda rows: None))
    try:
        from tqdm import tqdm
    except ImportError as error:
        raise MissingPackage(f"the progress bar needs tqdm (pip install tqdm), or run with --quiet: {error}") from None
    return tqdm(total=total, unit=" scenarios", unit_scale=True, file=sys.stderr)


@contextlib.contextmanager
def _dask_client(address: str | None):
    """A Dask client for `--dask` (a local cluster, or a scheduler's address), closed afterwards."""
    if address is None:
        yield None
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise MissingPackage(f"--dask needs Dask (pip install 'dask[distributed]'): {error}") from None

    if address == "local":
        _stay_in_process()
        with (
            LocalCluster(processes=False, protocol="inproc://", dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
    else:
        with Client(address) as client:
            yield client


def _stay_in_process() -> None:
    """An in-process cluster needs no address, but Dask looks one up by opening a UDP socket towards a
    public host; the app never touches the network, so it is given the loopback address first."""
    from distributed.comm import inproc

    inproc.global_manager._ip = inproc.global_manager._ip or "127.0.0.1"
