"""Starts the real action server and Rasa server for end-to-end tests, on free loopback ports."""
from __future__ import annotations

import asyncio
import json
import random
import shutil
import socket
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import socketio

from actions.questions import payload
from bot.runtime import launch


# Ports below the kernel's ephemeral range (32768-60999 here): a port that bind(0) hands out comes from
# that range, which outgoing connections draw on too, so it may be taken by the time a server binds it
# (seen once in make test: the Rasa server's "address already in use").
PORTS = range(20000, 32000)
_handed_out: set = set()


def free_port() -> int:
    """A loopback port that is free now and not handed out before in this process."""
    for _ in range(1000):
        port = random.choice(PORTS)
        if port in _handed_out:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free loopback port in {PORTS}")


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


# Set by tests/conftest.py once a test fails: from then on the servers' logs are kept to be read.
KEEP_LOGS = False


@contextmanager
def server_logs(prefix: str) -> Iterator[Path]:
    """A temp dir for servers' logs and conversations: removed on exit, unless the block raised or a
    test has failed (then its path is printed)."""
    log_dir = Path(tempfile.mkdtemp(prefix=prefix))
    ended_well = False
    try:
        yield log_dir
        ended_well = True
    finally:
        if ended_well and not KEEP_LOGS:
            shutil.rmtree(log_dir, ignore_errors=True)
        else:
            print(f"server logs kept in {log_dir}", file=sys.stderr)


@contextmanager
def running_advisor(extra_env: Optional[dict] = None, credentials: Optional[Path] = None,
                    endpoints: Optional[Path] = None, model: Path = launch.MODEL) -> Iterator[Advisor]:
    """Action server + Rasa server with the trained model; stopped on exit. Logs: server_logs."""
    with server_logs("advisor-e2e-") as log_dir:
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
                env, log_dir / "rasa.log", model=model, credentials=credentials, endpoints=endpoints
            )
            yield advisor
        finally:
            launch.stop(advisor.rasa)
            launch.stop(advisor.actions)


async def close_socketio_client(client: socketio.AsyncClient) -> None:
    """Disconnects, connected or not, and closes every connection before the event loop ends."""
    await client.disconnect()
    # python-socketio's disconnect does not wait for engine.io's polling tasks, and a request they
    # still make opens a new HTTP session: wait for them to end, then close what is left.
    eio = client.eio
    tasks = [task for task in (eio.read_loop_task, eio.write_loop_task) if task]
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=30)
    if eio.http and not eio.http.closed:
        await eio.http.close()
    await asyncio.sleep(0)  # one pass of the loop: the closed connections' callbacks, already due


class SocketConversation:
    """One conversation over socket.io (polling), as the web widget holds it.

    A message's replies are the bot messages that arrive before the server acknowledges the message:
    Rasa's handler for it returns, and python-socketio sends the acknowledgement, only once the whole
    turn is done (the "still thinking" notice, the replies or the apology of bot/channels/resilience.py), and
    packets arrive in the order they were sent. So each reply is attributed to its own message, with
    no waiting for a quiet period.
    """

    def __init__(self, url: str, session_id: str) -> None:
        self.url = url
        self.session_id = session_id
        self.client = socketio.AsyncClient()
        self.turn_replies: Optional[List[Dict]] = None
        self.client.on("bot_uttered", self._replied)

    def _replied(self, data: Dict) -> None:
        if self.turn_replies is not None:
            self.turn_replies.append(data)

    async def __aenter__(self) -> "SocketConversation":
        try:
            await self.client.connect(self.url, transports=["polling"])
            # acknowledged once Rasa's handler has put this connection in the session's room
            await self.client.call("session_request", {"session_id": self.session_id}, timeout=30)
        except BaseException:
            await self.close()
            raise
        return self

    async def __aexit__(self, *_exc) -> None:
        await self.close()

    async def close(self) -> None:
        await close_socketio_client(self.client)

    async def send(self, message: str, timeout: float = 30) -> List[Dict]:
        """The bot's messages in answer to `message`; socketio.exceptions.TimeoutError when the turn
        does not end within `timeout` seconds."""
        self.turn_replies = []
        try:
            await self.client.call("user_uttered", {"message": message, "session_id": self.session_id},
                                   timeout=timeout)
            return self.turn_replies
        finally:
            self.turn_replies = None


def socketio_turn(url: str, session_id: str, message: str, timeout: float = 30) -> list:
    """Sends one message over socket.io (polling) and returns the bot's messages of that turn."""
    async def run() -> list:
        async with SocketConversation(url, session_id) as conversation:
            return await conversation.send(message, timeout)

    return asyncio.run(run())
