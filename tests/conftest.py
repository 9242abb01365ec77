"""Test set-up: offscreen Qt, no network, no real user profile."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, autosaves and recent files go to a throwaway profile, never the real user's.
_PROFILE = Path(tempfile.mkdtemp(prefix="hkplanner-test-profile-"))
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_PROFILE / variable.lower())


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The app works offline: any attempt to reach a network host fails the test."""
    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"network connection attempted to {address!r}")
        return real_connect(sock, address)

    def guarded_create_connection(address, *args, **kwargs):
        raise NetworkUsed(f"network connection attempted to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)


@pytest.fixture(autouse=True)
def fresh_profile():
    """Each test starts with no settings, no recent files and no autosaves."""
    import shutil

    shutil.rmtree(_PROFILE, ignore_errors=True)
    yield _PROFILE
