"""The web widget's socket.io channel against the real Rasa server: bot replies arrive (RasaHQ/rasa#13027),
the score breakdown arrives as a custom payload, and browsers may connect only from configured origins."""
from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
import uuid
from importlib.metadata import version
from typing import Callable, Dict, List

import pytest
import socketio

from actions.knowledge import default
from tests.servers import STAGE, answer, close_socketio_client
from tests.web_server import running_site

TIMEOUT = 30


def test_installed_python_socketio_is_one_rasa_can_answer_through():
    installed = version("python-socketio")
    assert tuple(int(p) for p in installed.split(".")[:2]) < (5, 10), (
        f"python-socketio {installed}: Rasa 3.6's socket.io channel drops every bot reply with "
        "python-socketio >= 5.10 (RasaHQ/rasa#13027); requirements.lock pins 5.8.0"
    )


@pytest.fixture(scope="module")
def site():
    with running_site() as running:
        yield running


class WidgetClient:
    """What the widget does on the wire: session_request, then user_uttered with the session id."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session_id = uuid.uuid4().hex
        self.sio = socketio.AsyncClient()
        self.events: asyncio.Queue = asyncio.Queue()
        self.sio.on("session_confirm", lambda data: self.events.put_nowait(("confirm", data)))
        self.sio.on("bot_uttered", lambda data: self.events.put_nowait(("bot", data)))

    async def __aenter__(self) -> "WidgetClient":
        # polling: python-socketio's websocket client fails beside aiohttp 3.9 (the browser tests
        # use the websocket upgrade).
        await self.sio.connect(self.url, transports=["polling"])
        await self.sio.emit("session_request", {"session_id": self.session_id})
        kind, data = await asyncio.wait_for(self.events.get(), TIMEOUT)
        assert (kind, data) == ("confirm", self.session_id)
        return self

    async def __aexit__(self, *exc) -> None:
        await close_socketio_client(self.sio)

    async def say(self, message: str, until: Callable[[Dict], bool]) -> List[Dict]:
        """Sends a message; returns the bot's events up to the first one `until` accepts."""
        await self.sio.emit("user_uttered", {"message": message, "session_id": self.session_id})
        received = []
        while not received or not until(received[-1]):
            kind, data = await asyncio.wait_for(self.events.get(), TIMEOUT)
            assert kind == "bot"
            received.append(data)
        return received


def asks(number: int) -> Callable[[Dict], bool]:
    return lambda event: str(event.get("text", "")).startswith(f"({number}/11)")


def test_bot_replies_and_the_score_chart_arrive_over_socketio(site):
    k = default()

    async def assessment():
        async with WidgetClient(site.advisor.url) as client:
            greeting = await client.say("/greet", lambda e: bool(e.get("quick_replies")))
            first = await client.say("/start_assessment", asks(1))
            answers = [STAGE] + [answer(5)] * 8
            for number, message in enumerate(answers, start=2):
                await client.say(message, asks(number))
            await client.say("/deny", asks(11))
            result = await client.say("/deny", lambda e: e.get("type") == "score_breakdown")
            return client.session_id, greeting, first, result

    session_id, greeting, first, result = asyncio.run(assessment())
    assert all(r["payload"].startswith("/") for r in greeting[-1]["quick_replies"])
    assert [r["title"] for r in first[-1]["quick_replies"]] == [
        value["title"] for value in k.stage["values"].values()] + ["Skip"]
    chart = result[-1]
    assert {bar["key"] for bar in chart["bars"]} == {"stage", *k.criteria}
    assert all(isinstance(bar["value"], (int, float)) and bar["label"] for bar in chart["bars"])
    assert any("**" in event.get("text", "") for event in result[:-1])  # the verdict, in bold
    assert site.advisor.slots(session_id)["recommendation"] == chart["recommendation"]


def handshake_origin_headers(url: str, origin: str) -> List[str]:
    """Access-Control-Allow-Origin headers on a browser's first socket.io request from origin."""
    request = urllib.request.Request(f"{url}/socket.io/?EIO=4&transport=polling",
                                     headers={"Origin": origin})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.headers.get_all("Access-Control-Allow-Origin") or []
    except urllib.error.HTTPError as refused:
        return refused.headers.get_all("Access-Control-Allow-Origin") or []


def test_only_the_configured_origin_may_connect_from_a_browser(site):
    assert handshake_origin_headers(site.advisor.url, site.origin) == [site.origin]
    assert handshake_origin_headers(site.advisor.url, "http://evil.example") == []
