"""Starts the real action server and Rasa server for end-to-end tests, on free loopback ports."""
from __future__ import annotations

import asyncio
import json
import socket
import tempfile
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import socketio

from actions.questions import payload
from bot import launch, resilience


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What the bot's own buttons send (actions/questions.py).
STAGE = payload("inform_stage", career_stage="new_grad")


def answer(point) -> str:
    return payload("answer", agreement=str(point))


def texts(replies) -> str:
    """The replies' texts, one per line."""
    return "\n".join(reply.get("text") or "" for reply in replies)


def listening(port: int) -> bool:
    """True when something accepts connections on the loopback port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def say(url: str, sender: str, message: str, timeout: float = 30) -> List[Dict]:
    """Sends one message to a Rasa server's REST channel; returns the bot's replies."""
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def tracker(url: str, token: str, sender: str, timeout: float = 30) -> Dict:
    """A conversation's tracker from the HTTP API."""
    address = f"{url}/conversations/{sender}/tracker?token={token}"
    with urllib.request.urlopen(address, timeout=timeout) as response:
        return json.load(response)


@dataclass
class Advisor:
    """A running advisor: its environment (ports, token), logs and processes."""

    env: dict
    log_dir: Path
    rasa: object = None
    actions: object = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    @property
    def token(self) -> str:
        return self.env["RASA_AUTH_TOKEN"]

    def say(self, sender: str, message: str, timeout: float = 30) -> List[Dict]:
        """Sends one message over the REST channel; returns the bot's replies."""
        return say(self.url, sender, message, timeout)

    def tracker(self, sender: str) -> Dict:
        return tracker(self.url, self.token, sender)

    def slots(self, sender: str) -> Dict:
        return self.tracker(sender)["slots"]

    def stop_rasa(self) -> None:
        launch.stop(self.rasa)

    def start_rasa(self, log_name: str = "rasa.log") -> None:
        """Starts the Rasa server again on the same port, with the same tracker store."""
        self.rasa = launch.start_rasa_server(self.env, self.log_dir / log_name)


@contextmanager
def running_advisor(extra_env: Optional[dict] = None, credentials: Optional[Path] = None,
                    endpoints: Optional[Path] = None) -> Iterator[Advisor]:
    """Action server + Rasa server with the trained model; stopped on exit. Logs go to a temp dir."""
    log_dir = Path(tempfile.mkdtemp(prefix="advisor-e2e-"))
    env = launch.environment(
        ACTION_PORT=str(free_port()), RASA_PORT=str(free_port()), RASA_AUTH_TOKEN="e2e-token",
        **{"TRACKER_DB": str(log_dir / "tracker.db"),  # each run its own conversations
           # a loaded test machine may take 2 s a turn: no "Still thinking..." unless a test asks
           "THINKING_NOTICE_SECONDS": "30",
           **(extra_env or {})},
    )
    advisor = Advisor(env=env, log_dir=log_dir)
    try:
        advisor.actions = launch.start_action_server(env, log_dir / "actions.log")
        advisor.rasa = launch.start_rasa_server(
            env, log_dir / "rasa.log", credentials=credentials, endpoints=endpoints
        )
        yield advisor
    finally:
        launch.stop(advisor.rasa)
        launch.stop(advisor.actions)


def socketio_turn(url: str, session_id: str, message: str, quiet_seconds: float = 1.5) -> list:
    """Sends one message over socket.io (polling) and returns every bot event until quiet."""
    async def run() -> list:
        received = []
        client = socketio.AsyncClient()
        client.on("bot_uttered", lambda data: received.append(data))
        confirmed = asyncio.Event()
        client.on("session_confirm", lambda _: confirmed.set())
        await client.connect(url, transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": session_id})
            await asyncio.wait_for(confirmed.wait(), 10)
            await client.emit("user_uttered", {"message": message, "session_id": session_id})
            seen = -1
            for _ in range(60):  # until the replies stop arriving (at most 30 s)
                await asyncio.sleep(quiet_seconds / 3)
                if len(received) == seen and received and received[-1].get("text") != \
                        resilience.THINKING:
                    break
                seen = len(received)
        finally:
            await client.disconnect()
        return received

    return asyncio.run(run())
