"""The Linux bundle, built from a clean environment as `make package` builds it (slow: PACKAGE=1 only)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile

import pytest

from tests.packaging.helpers import ROOT, load_script

pytestmark = pytest.mark.skipif(
    os.environ.get("PACKAGE") != "1" or not sys.platform.startswith("linux"),
    reason="builds the Linux bundle (several minutes): run with PACKAGE=1 on Linux",
)
BUNDLE = ROOT / "dist" / "hkplanner"
size_mb = load_script("bundle_size.py").size_mb


@pytest.fixture(scope="module")
def built():
    done = subprocess.run(["make", "package"], cwd=ROOT, capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (archive,) = (ROOT / "dist").glob("hkplanner-*-linux-x86_64.tar.xz")
    return archive


def test_the_bundle_passes_its_self_test_without_a_display(built):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH")}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [str(BUNDLE / "hkplanner"), "--self-test"], env=environment, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "self-test passed" in done.stdout


def test_the_bundle_and_its_archive_are_within_budget(built):
    assert size_mb(BUNDLE) <= 210
    assert size_mb(built) <= 75


def test_the_bundle_carries_its_data_and_no_gtk(built):
    internal = BUNDLE / "_internal"
    assert (internal / "hkplanner" / "seeds" / "parameters.toml").is_file()
    assert (internal / "hkplanner" / "resources" / "presets" / "01-official-plan.hkplan").is_file()
    assert not list(internal.rglob("libgtk-3*")) and not list(internal.rglob("libqgtk3*"))
    with tarfile.open(built) as archive:
        assert "hkplanner/hkplanner" in archive.getnames()


# PyInstaller leaves these to the system on purpose: they must match its graphics drivers, and a desktop
# (X11 or a Wayland compositor) always has them. A build machine without a desktop may lack them.
SYSTEM_PROVIDED = re.compile(r"^lib(wayland-(client|cursor|egl|server)|xcb|E?(Open)?GLX?|drm)\.so")


def test_every_library_in_the_bundle_resolves(built):
    """Nothing the bundle loads is missing from it or from the base system (ldd, as the loader sees it)."""
    internal = BUNDLE / "_internal"
    environment = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = {}
    for library in internal.rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            listing = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=environment).stdout
            found = re.findall(r"^\s*(\S+) => not found", listing, flags=re.MULTILINE)
            if found := [soname for soname in found if not SYSTEM_PROVIDED.match(soname)]:
                missing[library.name] = found
    assert not missing
