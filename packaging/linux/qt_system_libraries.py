"""Before `make run` on Linux: are the system libraries that Qt's X11 (xcb) platform plugin needs installed?

Qt's own message names one library (libxcb-cursor0) when several are missing; `ldd` on the plugin lists them
all. Missing ones are installed with apt-get when running as root, otherwise this stops with one line naming
the exact Debian packages. Exit status: 0 ready (or nothing to check), 1 packages still missing.

    python packaging/linux/qt_system_libraries.py [--check]   # --check: report only, never install
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian names that the general rule (soname "libfoo-bar.so.N" -> package "libfoo-barN") gets wrong.
PACKAGE_OF = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
}


def xcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path) -> list[str]:
    """Sonames that the dynamic loader cannot find for the plugin and everything it links."""
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    return sorted(set(re.findall(r"^\s*(\S+) => not found", listing, flags=re.MULTILINE)))


def debian_package(soname: str) -> str:
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    name, version = re.fullmatch(r"(lib.+)\.so\.(\d+).*", soname).groups()
    return f"{name}{'-' if name[-1].isdigit() else ''}{version}".lower()


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return 0
    plugin = xcb_plugin()
    packages = sorted({debian_package(soname) for soname in missing_libraries(plugin)})
    if not packages:
        return 0
    install = ["apt-get", "install", "--yes", "--no-install-recommends", *packages]
    if "--check" not in argv and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing what Qt's X11 plugin needs: {' '.join(packages)}", flush=True)
        subprocess.run(["apt-get", "update", "--quiet", "--quiet"], check=False)
        if subprocess.run(install, check=False).returncode == 0 and not missing_libraries(plugin):
            return 0
    print(
        f"HK Planner needs these Debian packages to open its window: sudo {' '.join(install[:2])} {' '.join(packages)}"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
