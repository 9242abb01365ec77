import socket

import pytest

from tests.conftest import NetworkUsed


def test_opening_a_network_connection_fails_the_test():
    with pytest.raises(NetworkUsed), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("192.0.2.1", 80))


def test_create_connection_is_guarded_too():
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443))
