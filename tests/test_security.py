"""What the server exposes: the HTTP API only with a token, the channels only to configured
browser origins, bounded messages, loopback-only listening sockets, no secret in the config files.
"""
from __future__ import annotations

import asyncio
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import socketio
import yaml

from bot.channels.guard import MAX_MESSAGE_CHARS, TOO_LONG_REPLY
from bot.runtime.launch import ROOT
from tests.servers import close_socketio_client, running_advisor, socketio_turn

ALLOWED = "https://advisor.example"
EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def advisor():
    with running_advisor({"RASA_CORS_ORIGINS": ALLOWED}) as running:
        yield running


def status(url: str, method: str = "GET", data: bytes = None, headers: dict = None):
    """(status, headers) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


@pytest.mark.parametrize("path", ["/status", "/conversations/anyone/tracker", "/domain"])
def test_http_api_needs_the_token(advisor, path):
    assert status(advisor.url + path)[0] == 401
    assert status(f"{advisor.url}{path}?token=wrong")[0] == 401
    assert status(f"{advisor.url}{path}?token={advisor.token}")[0] == 200


def test_model_cannot_be_replaced_without_the_token(advisor):
    code, _ = status(advisor.url + "/model", "PUT", b"{}", {"Content-Type": "application/json"})
    assert code == 401


def test_rest_channel_allows_only_configured_origins(advisor):
    url = advisor.url + "/webhooks/rest/webhook"
    preflight = {"Access-Control-Request-Method": "POST"}
    _, headers = status(url, "OPTIONS", headers={"Origin": ALLOWED, **preflight})
    assert headers.get("Access-Control-Allow-Origin") == ALLOWED
    _, headers = status(url, "OPTIONS", headers={"Origin": EVIL, **preflight})
    assert headers.get("Access-Control-Allow-Origin") is None


def connects(url: str, origin: str) -> bool:
    async def attempt() -> bool:
        client = socketio.AsyncClient()
        try:
            await client.connect(url, headers={"Origin": origin}, transports=["polling"],
                                 wait_timeout=10)
        except socketio.exceptions.ConnectionError:
            return False
        finally:
            await close_socketio_client(client)
        return True

    return asyncio.run(attempt())


def test_socketio_accepts_only_configured_origins(advisor):
    assert connects(advisor.url, ALLOWED)
    assert not connects(advisor.url, EVIL)
    handshake = advisor.url + "/socket.io/?EIO=4&transport=polling"
    _, headers = status(handshake, headers={"Origin": ALLOWED})
    assert headers.get_all("Access-Control-Allow-Origin") == [ALLOWED]  # two: browsers refuse
    _, headers = status(handshake, headers={"Origin": EVIL})
    assert headers.get_all("Access-Control-Allow-Origin") is None


def post(advisor, message) -> int:
    body = json.dumps({"sender": "sizes", "message": message}).encode()
    return status(advisor.url + "/webhooks/rest/webhook", "POST", body,
                  {"Content-Type": "application/json"})[0]


def test_message_size_is_bounded(advisor):
    assert post(advisor, "a" * MAX_MESSAGE_CHARS) == 200
    assert post(advisor, "a" * (MAX_MESSAGE_CHARS + 1)) == 413
    assert post(advisor, "a" * 100_000) == 413
    events = socketio_turn(advisor.url, "sizes-socket", "a" * (MAX_MESSAGE_CHARS + 1))
    assert [event.get("text") for event in events] == [TOO_LONG_REPLY]


def listening_addresses(port: int) -> set:
    """Local addresses of the sockets listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_servers_listen_on_loopback_only(advisor):
    loopback = {"0100007F"}  # 127.0.0.1, as the kernel writes it
    for port in (advisor.env["RASA_PORT"], advisor.env["ACTION_PORT"]):
        addresses = listening_addresses(int(port))
        assert addresses and addresses <= loopback, (port, addresses)


SECRET_KEY = re.compile(r"token|secret|password|api_key", re.IGNORECASE)


def secret_values(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            if SECRET_KEY.search(str(key)) and isinstance(value, str) and value:
                yield f"{path}{key}", value
            yield from secret_values(value, f"{path}{key}.")
    elif isinstance(data, list):
        for item in data:
            yield from secret_values(item, path)


def test_config_files_hold_no_secrets():
    files = [*ROOT.glob("bot/*.yml"), ROOT / "config.yml"]
    assert files
    for path in files:
        for key, value in secret_values(yaml.safe_load(path.read_text()) or {}):
            assert re.fullmatch(r"\$\{\w+\}", value), f"{path.name}: {key} is a literal value"
