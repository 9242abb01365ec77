"""Sweeps: spec in, one row of real-model results per scenario out, in chunks, CSV or Parquet, on Dask too."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import replace

import numpy as np
import pytest

from hkplanner.analysis.cli_sweep import main
from hkplanner.analysis.sweep import Outputs, sweep
from hkplanner.analysis.sweep_spec import SpecError, read_spec
from hkplanner.core import TARGETS, baseline, project


def write_csv(path, rows):
    with path.open("w", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def read_rows(path):
    with path.open(newline="") as file:
        return list(csv.DictReader(file))


def test_a_csv_spec_gives_one_row_of_model_results_per_scenario(tmp_path, project_batch):
    spec = write_csv(tmp_path / "spec.csv", [["private_delay_years", "pue"], [0, 1.6], [2, 1.3], [4, 2.0]])
    out = tmp_path / "results.csv"
    assert (
        main(
            [
                str(spec),
                "--out",
                str(out),
                "--series",
                "power_mw",
                "--year",
                "2030",
                "--year",
                "2035",
                "--chunk",
                "2",
                "--quiet",
            ],
            projector=project_batch,
        )
        == 0
    )
    rows = read_rows(out)
    assert list(rows[0])[:2] == ["private_delay_years", "pue"]
    assert list(rows[0])[2:4] == [f"{TARGETS[0].key}_value", f"{TARGETS[0].key}_met"]
    assert list(rows[0])[-2:] == ["power_mw_2030", "power_mw_2035"]
    for row, (delay, pue) in zip(rows, [(0, 1.6), (2, 1.3), (4, 2.0)], strict=True):
        expected = project(baseline().replace(private_delay_years=delay, pue=pue))
        assert float(row["power_mw_2035"]) == pytest.approx(expected.at("power_mw", 2035), rel=1e-12)
        for result in expected.targets:
            assert row[f"{result.target.key}_met"] == str(result.met).lower()
            if result.judged:
                assert float(row[f"{result.target.key}_value"]) == pytest.approx(result.value, rel=1e-12)


def test_a_json_grid_runs_every_combination_in_order(tmp_path, project_batch):
    spec = tmp_path / "grid.json"
    spec.write_text(
        json.dumps(
            {
                "grid": {"co_investment_ratio": [1, 2, 3], "pue": {"from": 1.2, "to": 2.0, "steps": 5}},
                "series": ["capacity_total_pf"],
                "years": [2030],
            }
        )
    )
    read = read_spec(spec, baseline())
    out = tmp_path / "grid.csv"
    assert sweep(read, out, baseline(), Outputs(read.series, read.years), projector=project_batch, chunk_rows=4) == 15
    rows = read_rows(out)
    assert [(float(r["co_investment_ratio"]), float(r["pue"])) for r in rows[:6]] == [
        (1, 1.2),
        (1, 1.4),
        (1, 1.6),
        (1, 1.8),
        (1, 2.0),
        (2, 1.2),
    ]
    assert "capacity_total_pf_2030" in rows[0]


def test_a_json_sample_is_seeded_and_stays_in_its_ranges(tmp_path):
    spec = tmp_path / "sample.json"
    spec.write_text(json.dumps({"sample": {"n": 500, "seed": 4, "ranges": {"pue": [1.2, 2.0], "kw_per_pf": [1, 2]}}}))
    first = np.concatenate([c["pue"] for _, c in read_spec(spec, baseline()).chunks(64)])
    again = np.concatenate([c["pue"] for _, c in read_spec(spec, baseline()).chunks(500)])
    np.testing.assert_array_equal(first, again)
    assert first.min() >= 1.2 and first.max() <= 2.0 and len(first) == 500
    assert np.histogram(first, bins=10, range=(1.2, 2.0))[0].tolist() == [50] * 10, "one draw per stratum"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["pue", "warp_factor"], [1.5, 2]], "column 'warp_factor' is not a parameter"),
        ([["pue"], ["1.5"], ["fast"]], r"line 3, column pue: 'fast' is not a number"),
        ([["pue"]], "at least one row"),
    ],
)
def test_a_bad_csv_spec_is_named_and_the_earlier_results_kept(tmp_path, project_batch, capsys, rows, message):
    spec = write_csv(tmp_path / "spec.csv", rows)
    out = tmp_path / "results.csv"
    out.write_text("earlier results\n")
    assert main([str(spec), "--out", str(out), "--quiet"], projector=project_batch) == 1
    assert message in capsys.readouterr().err
    assert out.read_text() == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "spec.csv"], "no partial file left"


def test_a_value_out_of_bounds_names_the_scenarios(tmp_path, project_batch, capsys):
    spec = write_csv(tmp_path / "spec.csv", [["pue"], [1.5], [1.6], [9.0]])
    assert main([str(spec), "--out", str(tmp_path / "r.csv"), "--chunk", "2", "--quiet"], projector=project_batch) == 1
    error = capsys.readouterr().err
    assert "scenarios 3 to 3" in error and "pue" in error
    assert not (tmp_path / "r.csv").exists()


def test_parquet_holds_the_same_rows_as_csv(tmp_path, project_batch):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow, an optional dependency")
    spec = write_csv(tmp_path / "spec.csv", [["fund_public_hkd_bn"], [1], [5], [9]])
    for name in ("r.csv", "r.parquet"):
        assert main([str(spec), "--out", str(tmp_path / name), "--quiet"], projector=project_batch) == 0
    table = pq.read_table(tmp_path / "r.parquet").to_pydict()
    rows = read_rows(tmp_path / "r.csv")
    assert table["fund_public_hkd_bn"] == [1.0, 5.0, 9.0]
    assert table["rnd_private_share_value"] == pytest.approx([float(r["rnd_private_share_value"]) for r in rows])
    assert table["compute_total_2030_met"] == [r["compute_total_2030_met"] == "true" for r in rows]


def test_the_chunks_run_as_tasks_on_a_local_dask_cluster(tmp_path, project_batch):
    pytest.importorskip("dask.distributed", reason="Dask is optional; requirements/dev.txt installs it")
    spec = write_csv(tmp_path / "spec.csv", [["pue"], *([1.2 + 0.05 * i] for i in range(11))])
    for name, extra in (("local.csv", []), ("dask.csv", ["--dask"])):
        argv = [str(spec), "--out", str(tmp_path / name), "--chunk", "3", "--quiet", *extra]
        assert main(argv, projector=project_batch) == 0
    assert (tmp_path / "dask.csv").read_text() == (tmp_path / "local.csv").read_text()
    assert len(read_rows(tmp_path / "dask.csv")) == 11


def test_a_missing_package_is_named_for_what_needs_it(tmp_path, project_batch, capsys, monkeypatch):
    """A missing progress bar is not a missing Dask; --quiet needs no progress bar at all."""
    spec = write_csv(tmp_path / "spec.csv", [["pue"], [1.5]])
    monkeypatch.setitem(sys.modules, "tqdm", None)  # an import of tqdm now fails as if it were not installed
    assert main([str(spec), "--out", str(tmp_path / "r.csv")], projector=project_batch) == 1
    error = capsys.readouterr().err
    assert "progress bar needs tqdm" in error and "Dask" not in error
    assert not (tmp_path / "r.csv").exists()
    assert main([str(spec), "--out", str(tmp_path / "r.csv"), "--quiet"], projector=project_batch) == 0
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    assert main([str(spec), "--out", str(tmp_path / "d.csv"), "--quiet", "--dask"], projector=project_batch) == 1
    error = capsys.readouterr().err
    assert "--dask needs Dask" in error and "tqdm" not in error


def test_an_unknown_output_format_is_refused(tmp_path, project_batch, capsys):
    spec = write_csv(tmp_path / "spec.csv", [["pue"], [1.5]])
    assert main([str(spec), "--out", str(tmp_path / "r.xlsx"), "--quiet"], projector=project_batch) == 1
    assert ".csv or .parquet" in capsys.readouterr().err


def test_a_bad_json_spec_is_named(tmp_path):
    spec = tmp_path / "bad.json"
    spec.write_text(json.dumps({"grid": {"pue": []}}))
    with pytest.raises(SpecError, match="grid 'pue' must be a non-empty list"):
        read_spec(spec, baseline())


def test_phase_levers_sweep_like_parameters(tmp_path, project_batch):
    spec = write_csv(
        tmp_path / "spec.csv", [["phase.2.capacity_pf", "phase.2.completion_year"], [8000, 2030], [12000, 2032]]
    )  # the Northern Metropolis build-out
    out = tmp_path / "r.csv"
    assert (
        main(
            [str(spec), "--out", str(out), "--series", "capacity_private_pf", "--year", "2030", "--quiet"],
            projector=project_batch,
        )
        == 0
    )
    rows = read_rows(out)
    phases = list(baseline().phases)
    for row, (capacity, completion) in zip(rows, [(8000, 2030), (12000, 2032)], strict=True):
        shift = completion - phases[2].completion_year
        edited = replace(
            phases[2], capacity_pf=capacity, start_year=phases[2].start_year + shift, completion_year=completion
        )
        expected = project(baseline().with_phases([*phases[:2], edited, *phases[3:]]))
        assert float(row["capacity_private_pf_2030"]) == pytest.approx(expected.at("capacity_private_pf", 2030))
        private_target = next(r for r in expected.targets if r.target.key == "compute_private_2030")
        assert float(row["compute_private_2030_value"]) == pytest.approx(private_target.value)
