"""Exports under hostile input: devices and pipes as outputs, control characters, huge notes, a console
that cannot show a name, and memory in a loop of exports. Numbers are issue 11's points."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import shiboken6

from hkplanner.core import baseline
from hkplanner.core.scenario_file import ScenarioDocument, save
from hkplanner.export.files import ExportError, write_bytes
from tests.core.test_scenario_file import official_plan

ROOT = Path(__file__).resolve().parents[2]


def export_command(*arguments: str, cwd: Path, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update(PYTHONPATH=str(ROOT), **environment)
    return subprocess.run(
        [sys.executable, "-m", "hkplanner", "export", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
    )


def drain(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read():
        with open(fifo, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


# 7: outputs that are not regular files -----------------------------------------------------------------------


def test_a_csv_to_a_named_pipe_reaches_its_reader_and_the_pipe_stays(tmp_path):
    fifo = tmp_path / "projection.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = drain(fifo, received)
    result = export_command("02-private-late", "--csv", str(fifo), cwd=tmp_path)
    reader.join(30)
    assert result.returncode == 0, result.stderr.decode()[-800:]
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe itself is not replaced by a file"
    assert b"Year" in received[0]


def test_a_pipe_nobody_reads_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="no program is reading"):
        write_bytes(fifo, b"data")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_output_is_written_in_place(tmp_path):
    try:
        os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as error:
        pytest.skip(f"device nodes cannot be made here: {error}")
    device = tmp_path / "null"
    assert write_bytes(device, b"data") == device
    assert stat.S_ISCHR(device.stat().st_mode), "still the device, not a file renamed over it"


# 14: control characters and a console that cannot show a name ----------------------------------------------------


def test_the_workbook_survives_control_characters_in_every_text(tmp_path):
    from openpyxl import load_workbook

    from hkplanner.export.workbook import workbook_xlsx

    document = ScenarioDocument(baseline(), description="bell\x07", notes="escape\x1b[31m", author="nul\x00")
    path = workbook_xlsx(document, tmp_path / "plan.xlsx")
    provenance = load_workbook(path)["Provenance"]
    assert any(cell.value == "bell " for row in provenance.iter_rows() for cell in row)


def test_the_export_command_on_a_console_that_cannot_show_the_name(tmp_path):
    path = tmp_path / "cafe.hkplan"
    save(path, ScenarioDocument(baseline().renamed("Café 香港 ☃")))
    result = export_command(str(path), "--csv", str(tmp_path / "out.csv"), cwd=tmp_path, PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr.decode()[-800:]
    assert b"Traceback" not in result.stderr and b"Caf\\xe9" in result.stdout


def test_a_name_with_control_characters_gets_a_clear_message_not_a_traceback(tmp_path):
    path = tmp_path / "bad.hkplan"
    path.write_text(json.dumps({**official_plan(), "name": "Plan\x1b[2J"}), encoding="utf-8")
    result = export_command(str(path), "--xlsx", str(tmp_path / "out.xlsx"), cwd=tmp_path)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"control character (U+001B)" in result.stderr


# 15: a huge bad value -------------------------------------------------------------------------------------------


def test_a_huge_bad_value_prints_a_short_error(tmp_path):
    path = tmp_path / "big.hkplan"
    path.write_text(json.dumps({**official_plan(), "created": "9" * 2_000_000}), encoding="utf-8")
    result = export_command(str(path), "--csv", str(tmp_path / "out.csv"), cwd=tmp_path)
    assert result.returncode == 1 and len(result.stderr) < 400, result.stderr[:400]


# 11: long notes in the PDF -----------------------------------------------------------------------------------------


def test_long_unbroken_notes_are_laid_out_in_bounded_pieces(qapp, tmp_path, monkeypatch):
    from hkplanner.export import page_flow
    from hkplanner.export.pdf import briefing_pdf

    longest = []
    real_layout = page_flow.PageFlow._layout

    def measured(self, text, chosen, width):
        longest.append(len(text))
        return real_layout(self, text, chosen, width)

    monkeypatch.setattr(page_flow.PageFlow, "_layout", measured)
    document = ScenarioDocument(baseline(), notes="x" * 1_000_000, description="word " * 100_000)
    briefing_pdf(document, tmp_path / "pack.pdf")
    assert max(longest) <= page_flow.PIECE
    assert (tmp_path / "pack.pdf").stat().st_size > 0


def test_pieces_keep_every_character_in_order():
    from hkplanner.export.page_flow import PIECE, _pieces

    text = ("word " * 3_000) + "y" * 5_000
    pieces = _pieces(text)
    assert "".join(pieces) == text and all(len(piece) <= PIECE for piece in pieces)


# 16: memory in a loop of exports without an event loop -----------------------------------------------------------


def test_charts_built_for_an_export_are_freed_without_an_event_loop(qapp):
    from hkplanner.export.charts import offscreen_charts

    with offscreen_charts(baseline()) as charts:
        assert all(shiboken6.isValid(chart) for chart in charts)
    assert not any(shiboken6.isValid(chart) for chart in charts), "deleted at once, not when a loop runs"


# 7 and 8 from the command line: a named pipe is neither read as a scenario nor replaced by a save ------------


def test_the_export_command_refuses_a_named_pipe_as_its_scenario_at_once(tmp_path):
    fifo = tmp_path / "plan.hkplan"
    os.mkfifo(fifo)
    result = export_command(str(fifo), "--csv", str(tmp_path / "out.csv"), cwd=tmp_path)  # times out if it waits
    assert result.returncode == 1
    assert b"named pipe" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_scenario_saved_onto_a_named_pipe_is_refused_by_name_and_the_pipe_stays(tmp_path):
    from hkplanner.core.scenario_file import ScenarioFileError

    fifo = tmp_path / "plan.hkplan"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioFileError, match=r"plan\.hkplan: could not be saved: it is a named pipe"):
        save(fifo, ScenarioDocument(baseline()))
    assert stat.S_ISFIFO(fifo.stat().st_mode)
