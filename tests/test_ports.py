"""The test servers' ports: free, distinct, and outside the range outgoing connections draw on."""
import socket
from pathlib import Path

import pytest

from tests.servers import PORTS, free_port

pytestmark = pytest.mark.unit


def test_free_ports_are_distinct_bindable_and_below_the_ephemeral_range():
    ports = [free_port() for _ in range(50)]
    assert len(set(ports)) == len(ports)
    assert all(port in PORTS for port in ports)
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    assert max(PORTS) < low
    for port in ports[:5]:
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))
