"""Where a sweep's rows go: CSV or Parquet, written chunk by chunk, in place only when complete.

Rows are written to a temporary file beside the output and moved over it at the end, so a failed or
interrupted sweep leaves an earlier file of that name as it was. pyarrow writes both formats when it is
installed (Parquet needs it); without it, pandas writes CSV, met/missed as true/false as pyarrow does.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

FORMATS = (".csv", ".parquet")


class OutputError(ValueError):
    """An output that cannot be written; the message says which and why."""


@contextlib.contextmanager
def table_writer(path: str | Path) -> Iterator[Callable[[dict[str, np.ndarray]], None]]:
    """Yields `write(columns)`; the file appears at `path` when the block ends without an error."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"{path}: results are written as .csv or .parquet")
    if suffix == ".parquet" and not _has_pyarrow():
        raise OutputError(f"{path}: Parquet needs pyarrow installed (pip install pyarrow); or write a .csv")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    writer = _ArrowWriter(temporary, suffix) if _has_pyarrow() else _PandasCsvWriter(temporary)
    try:
        yield writer.write
        writer.close()
        os.replace(temporary, path)
    except BaseException:
        writer.close()
        Path(temporary).unlink(missing_ok=True)
        raise


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


class _ArrowWriter:
    def __init__(self, path: str, suffix: str) -> None:
        self.path, self.suffix, self.writer = path, suffix, None

    def write(self, columns: dict[str, np.ndarray]) -> None:
        import pyarrow as pa

        table = pa.table(columns)
        if self.writer is None:
            if self.suffix == ".parquet":
                import pyarrow.parquet as pq

                # results are mostly distinct floats: dictionary encoding them made writing six times slower
                self.writer = pq.ParquetWriter(self.path, table.schema, use_dictionary=False)
            else:
                import pyarrow.csv as pa_csv

                self.writer = pa_csv.CSVWriter(self.path, table.schema)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class _PandasCsvWriter:
    def __init__(self, path: str) -> None:
        self.path, self.started = path, False

    def write(self, columns: dict[str, np.ndarray]) -> None:
        import pandas as pd

        text_flags = {k: np.where(v, "true", "false") if v.dtype == bool else v for k, v in columns.items()}
        pd.DataFrame(text_flags).to_csv(
            self.path, mode="a" if self.started else "w", header=not self.started, index=False
        )
        self.started = True

    def close(self) -> None:
        pass
