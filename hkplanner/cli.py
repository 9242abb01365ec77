"""The one entry point: `hkplanner [FILE]` opens the window; `hkplanner COMMAND ...` runs a command without one.

Two launchers run it: `hkplanner` (windowed: no console on Windows) and `hkplanner-cli` (a console
program, so that `export` and `--self-test` can print on Windows too)."""

from __future__ import annotations

import sys
from importlib import import_module

# A command is a module with `main(argv) -> int`; it is imported only when it runs, so the window starts fast.
COMMANDS = {
    "export": "hkplanner.export.cli",
    "seek": "hkplanner.analysis.cli_seek",
    "sweep": "hkplanner.analysis.cli_sweep",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--self-test"]:
        from hkplanner.self_test import main as self_test

        return self_test(argv[1:])
    if argv[:1] and argv[0] in COMMANDS:  # a file named like a command opens as ./export
        return import_module(COMMANDS[argv[0]]).main(argv[1:])
    from hkplanner.ui.app import main as window

    return window(argv)


if __name__ == "__main__":
    sys.exit(main())
