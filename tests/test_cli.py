"""The one entry point (hkplanner/cli.py): window, commands and the installation's self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hkplanner import cli, self_test

ROOT = Path(__file__).resolve().parents[1]


def test_commands_are_dispatched_to_their_module(monkeypatch):
    calls = []
    monkeypatch.setattr("hkplanner.export.cli.main", lambda argv: calls.append(argv) or 7)
    assert cli.main(["export", "plan", "--csv", "out.csv"]) == 7
    assert calls == [["plan", "--csv", "out.csv"]]


def test_anything_else_opens_the_window_with_it(monkeypatch):
    opened = []
    monkeypatch.setattr("hkplanner.ui.app.main", lambda argv: opened.append(argv) or 0)
    assert cli.main(["my scenario.hkplan"]) == 0
    assert opened == [["my scenario.hkplan"]]


def test_self_test_passes_on_this_installation(tmp_path):
    """As `hkplanner-cli --self-test` runs it: its own process, no display, nothing left behind."""
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    environment["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "hkplanner", "--self-test"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test passed: 6 charts rendered with their bands, 5 presets projected" in done.stdout
    assert not list(tmp_path.iterdir())  # its files went to a temporary folder that is gone


def test_self_test_fails_with_one_line_and_status_1(monkeypatch, capsys):
    def broken(folder):
        raise FileNotFoundError("seeds/parameters.toml is missing\nsecond line")

    monkeypatch.setattr(self_test, "_forbid_network", lambda: None)  # the test suite guards the network itself
    monkeypatch.setattr(self_test, "run", broken)
    assert self_test.main([]) == 1
    assert capsys.readouterr().err == "self-test FAILED: seeds/parameters.toml is missing\n"
