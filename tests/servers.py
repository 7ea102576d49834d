"""Starts the real action server and Rasa server for end-to-end tests, on free loopback ports."""
from __future__ import annotations

import json
import socket
import tempfile
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from bot import launch


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    """A running advisor: its URLs, token and processes."""

    url: str
    action_url: str
    token: str
    env: dict
    log_dir: Path
    rasa: object = None
    actions: object = None

    def say(self, sender: str, message: str, timeout: float = 30) -> List[Dict]:
        """Sends one message over the REST channel; returns the bot's replies."""
        return say(self.url, sender, message, timeout)

    def tracker(self, sender: str) -> Dict:
        return tracker(self.url, self.token, sender)

    def slots(self, sender: str) -> Dict:
        return self.tracker(sender)["slots"]


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
    advisor = Advisor(
        url=f"http://127.0.0.1:{env['RASA_PORT']}",
        action_url=f"http://127.0.0.1:{env['ACTION_PORT']}",
        token=env["RASA_AUTH_TOKEN"], env=env, log_dir=log_dir,
    )
    try:
        advisor.actions = launch.start_action_server(env, log_dir / "actions.log")
        advisor.rasa = launch.start_rasa_server(
            env, log_dir / "rasa.log", credentials=credentials, endpoints=endpoints
        )
        yield advisor
    finally:
        launch.stop(advisor.rasa)
        launch.stop(advisor.actions)
