"""`make run` on a fresh Linux machine: the X11 libraries Qt's xcb plugin lacks, found and named exactly."""

from __future__ import annotations

import sys

import pytest

from tests.packaging.helpers import load_script

libraries = load_script("linux/qt_system_libraries.py")


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_sonames_map_to_debian_packages(soname, package):
    assert libraries.debian_package(soname) == package


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists only on Linux")
def test_the_real_plugin_is_checked_with_ldd():
    plugin = libraries.xcb_plugin()
    assert plugin.is_file()
    missing = libraries.missing_libraries(plugin)
    assert all(".so" in soname for soname in missing)


def test_missing_libraries_are_named_in_one_line_when_it_cannot_install(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(libraries.sys, "platform", "linux")
    monkeypatch.setattr(libraries, "missing_libraries", lambda plugin: ["libxcb-keysyms.so.1", "libxcb-icccm.so.4"])
    assert libraries.main(["--check"]) == 1
    assert capsys.readouterr().out == (
        "HK Planner needs these Debian packages to open its window: "
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n"
    )


def test_nothing_is_checked_offscreen(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(libraries, "missing_libraries", lambda plugin: pytest.fail("ldd ran offscreen"))
    assert libraries.main([]) == 0
