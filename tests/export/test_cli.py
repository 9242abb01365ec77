"""`hkplanner export`, run as the user would: a separate process, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pypdf
import pytest
from PySide6.QtGui import QImage

from hkplanner.cli import main
from hkplanner.ui.app import parse_arguments
from tests.export.conftest import PRIVATE_LATE

ROOT = Path(__file__).resolve().parents[2]
CHARTS = ("compute", "power", "capex", "venture", "rnd", "mfg")


def hkplanner(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """No display and no platform chosen: the command must pick offscreen itself."""
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "hkplanner", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exports_everything_for_a_preset(qapp, tmp_path):
    done = hkplanner(
        "export", "02-private-late", "--pdf", "pack.pdf", "--xlsx", "book.xlsx", "--csv", "projection.csv",
        "--png-dir", "png", "--svg-dir", "svg", "--paper", "letter", "--pin", "03-market-fund", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == f"Exporting {PRIVATE_LATE!r}" and lines[-1] == "Done."
    assert len(lines) == 2 + 3 + 2 * len(CHARTS)  # one progress line per file
    for kind in ("png", "svg"):
        written = sorted(path.name for path in (tmp_path / kind).iterdir())
        assert written == sorted(f"Private-build-out-two-years-late_{name}.{kind}" for name in CHARTS)
    reader = pypdf.PdfReader(tmp_path / "pack.pdf")
    assert round(reader.pages[0].mediabox.height) == 792
    pinned = "Market-oriented fund (1:3 leverage)"  # a pin is labelled with its scenario's name
    assert pinned in " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert pd.read_excel(tmp_path / "book.xlsx", sheet_name="Pinned").columns[-1] == pinned
    assert len(pd.read_csv(tmp_path / "projection.csv", comment="#", index_col=0)) == 2035 - 2013 + 1
    stamp = (tmp_path / "projection.csv").read_text(encoding="utf-8").splitlines()[4].removeprefix("# Exported: ")
    assert QImage(str(tmp_path / "png" / "Private-build-out-two-years-late_rnd.png")).text("Exported") == stamp
    assert stamp in reader.pages[-1].extract_text().replace("\t", " "), "one time stamp on every file"


def test_a_scenario_file_by_path(tmp_path):
    source = ROOT / "resources" / "presets" / "04-manufacturing-push.hkplan"
    done = hkplanner("export", str(source), "--csv", "out.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("# Scenario: Manufacturing push")


def test_a_bad_scenario_file_fails_with_the_reason(tmp_path):
    (tmp_path / "bad.hkplan").write_text('{"format_version": 1,\n  "name": ', encoding="utf-8")
    done = hkplanner("export", "bad.hkplan", "--csv", "out.csv", cwd=tmp_path)
    assert done.returncode == 1
    assert "the scenario cannot be opened: bad.hkplan, line 2: is not valid JSON" in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_missing_file_or_unknown_preset_fails(tmp_path):
    missing = hkplanner("export", "missing.hkplan", "--csv", "out.csv", cwd=tmp_path)
    assert missing.returncode == 1
    assert "missing.hkplan: could not be read: No such file or directory" in missing.stderr
    unknown = hkplanner("export", "no-such-preset", "--csv", "out.csv", cwd=tmp_path)
    assert unknown.returncode == 1
    assert "'no-such-preset' is neither a scenario file nor a preset (presets: Official plan" in unknown.stderr


@pytest.mark.parametrize("option", ["--pdf", "--xlsx", "--png-dir"])
def test_an_unwritable_output_path_fails(tmp_path, option):
    (tmp_path / "a-file").write_text("a file, so nothing can be made under it (even by root)")
    target = tmp_path / "a-file" / "out"
    done = hkplanner("export", "01-official-plan", option, str(target), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"hkplanner export: error: {target}")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["01-official-plan"], "nothing to export"),
        (["01-official-plan", "--pdf", "x.pdf", "--paper", "a3"], "invalid choice: 'a3'"),
        (["--pdf", "x.pdf"], "the following arguments are required: SCENARIO_OR_PRESET"),
        (["01-official-plan", "--csv", "x.csv", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments_exit_2(tmp_path, arguments, message):
    done = hkplanner("export", *arguments, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.iterdir())


def test_version_and_help_still_work(tmp_path):
    version = hkplanner("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, "HK Planner 0.1.0")
    help_text = hkplanner("--help", cwd=tmp_path)
    assert help_text.returncode == 0 and "hkplanner export --help" in help_text.stdout


def test_main_dispatches_export_in_process_and_keeps_opening_files(tmp_path, capsys):
    assert main(["export", "01-official-plan", "--csv", str(tmp_path / "plan.csv")]) == 0
    assert "projection (CSV)" in capsys.readouterr().out
    assert parse_arguments(["plan.hkplan"]).scenario == Path("plan.hkplan")
