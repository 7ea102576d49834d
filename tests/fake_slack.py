"""A stand-in for Slack on 127.0.0.1: its Web API, response_url and Socket Mode, in Slack's wire format.

Web API methods: auth.test, chat.postMessage, chat.postEphemeral, chat.update and
apps.connections.open. Bodies may be JSON or form; the `Authorization: Bearer` token (or the `token`
field) is checked like Slack does (`not_authed`, `invalid_auth`); answers are `{"ok": true, ...}` or
`{"ok": false, "error": ...}`. Faults are planted per method and channel: a 429 with Retry-After,
or an error such as `invalid_auth`; `down()` closes the port (connection refused) until `up()`.

Every post is recorded (chat.postEphemeral ones with `ephemeral: True`), as are chat.update calls,
posts to response URLs and the acknowledgements received over Socket Mode. Tests wait on these
records with `wait_for`, which wakes on every new one.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional
from urllib.parse import parse_qsl

import websockets

BOT_USER = "UADVISORBOT"
BOT_ID = "BADVISORBOT"
TEAM = "TFAKETEAM"
APP_ID = "AADVISOR"


@dataclass
class Fault:
    method: str
    channel: Optional[str]
    times: Optional[int]  # None: until cleared
    status: int = 200
    error: Optional[str] = None
    retry_after: Optional[int] = None
    text: Optional[str] = None  # only posts whose text starts with this


class FakeSlack:
    def __init__(self, token: str, app_token: Optional[str] = None) -> None:
        self.token, self.app_token = token, app_token
        self.posts: List[Dict] = []  # posted messages' arguments, plus the ts Slack gave each
        self.updates: List[Dict] = []  # chat.update arguments
        self.responses: List[Dict] = []  # bodies posted to response URLs, plus their url
        self.calls: List[Dict] = []  # every Web API call: method, channel, answer status/error
        self.acks: List[Dict] = []  # messages the app sent over Socket Mode
        self.faults: List[Fault] = []
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._port = 0
        self._server: Optional[ThreadingHTTPServer] = None
        self._connections: set = set()
        self.client_ports: set = set()  # one per connection the app opened
        self._sockets: List = []
        self._ws_loop: Optional[asyncio.AbstractEventLoop] = None
        self._ws_port = 0

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self._port}/respond/{name}"

    def __enter__(self) -> "FakeSlack":
        self.up()
        return self

    def __exit__(self, *exc) -> None:
        self.down()
        if self._ws_loop:
            self._ws_loop.call_soon_threadsafe(self._ws_loop.stop)
            self._ws_thread.join(timeout=10)

    def up(self) -> None:
        """Listens (again, on the same port once it had one)."""
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), self._handler())
        self._port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        """Stops listening: connections to the Web API are refused."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._changed:  # kept-alive connections go too
            for connection in list(self._connections):
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    # --- faults and records ------------------------------------------------------------------

    def fail(self, method: str, channel: Optional[str] = None, times: Optional[int] = 1,
             error: Optional[str] = None, retry_after: Optional[int] = None,
             text: Optional[str] = None) -> Fault:
        """The next `times` calls of method (for channel, with text starting so) fail: a 429 with
        Retry-After when retry_after is given, else `{"ok": false, "error": error}`."""
        fault = Fault(method, channel, times, 429 if retry_after is not None else 200, error,
                      retry_after, text)
        with self._changed:
            self.faults.append(fault)
        return fault

    def clear(self, fault: Fault) -> None:
        with self._changed:
            self.faults.remove(fault)

    def _take_fault(self, method: str, args: Dict) -> Optional[Fault]:
        with self._changed:
            for fault in self.faults:
                if fault.method == method and fault.channel in (None, args.get("channel")) and \
                        str(args.get("text", "")).startswith(fault.text or ""):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times == 0:
                            self.faults.remove(fault)
                    return fault
        return None

    def _record(self, into: List[Dict], item: Dict) -> None:
        with self._changed:
            into.append(item)
            self._changed.notify_all()

    def posted(self, **fields) -> List[Dict]:
        """The posted messages whose fields equal the given ones (thread_ts=None: unthreaded)."""
        with self._changed:
            return [p for p in self.posts if all(p.get(k) == v for k, v in fields.items())]

    def wait_for(self, condition: Callable[[], List], timeout: float = 60) -> List:
        """Waits until condition returns a non-empty list, re-checking it whenever Slack receives
        something; fails after timeout seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = condition()
                if found:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"nothing matching within {timeout:.0f} s; posted so far: "
                        f"{json.dumps(self.posts, indent=1)[-3000:]}")
                self._changed.wait(left)

    # --- the Web API -------------------------------------------------------------------------

    def post_message(self, args: Dict, ephemeral: bool = False) -> Dict:
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            return {"ok": False, "error": "no_text"}
        if ephemeral and not args.get("user"):
            return {"ok": False, "error": "user_not_in_channel"}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        self._record(self.posts, {**args, "ts": ts, **({"ephemeral": True} if ephemeral else {})})
        if ephemeral:
            return {"ok": True, "message_ts": ts}
        message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "team": TEAM, "ts": ts,
                   **{k: args[k] for k in ("text", "blocks", "attachments", "thread_ts") if k in args}}
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}

    def update(self, args: Dict) -> Dict:
        if not any(p["ts"] == args.get("ts") and p["channel"] == args.get("channel")
                   and not p.get("ephemeral") for p in self.posts):
            return {"ok": False, "error": "message_not_found"}
        self._record(self.updates, dict(args))
        return {"ok": True, "channel": args["channel"], "ts": args["ts"], "text": args.get("text")}

    def call(self, method: str, token: Optional[str], args: Dict) -> Dict:
        if method == "apps.connections.open":
            if token != self.app_token or not self.app_token:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": f"ws://127.0.0.1:{self._ws_port}/link/?ticket=fake"}
        if not token:
            return {"ok": False, "error": "not_authed"}
        if token != self.token:
            return {"ok": False, "error": "invalid_auth"}
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "advisor",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID,
                    "is_enterprise_install": False}
        if method == "chat.postMessage":
            return self.post_message(args)
        if method == "chat.postEphemeral":
            return self.post_message(args, ephemeral=True)
        if method == "chat.update":
            return self.update(args)
        return {"ok": False, "error": "unknown_method"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Slack: a client may reuse connections

            def setup(self) -> None:
                super().setup()
                with fake._changed:
                    fake._connections.add(self.connection)
                    fake.client_ports.add(self.client_address[1])

            def finish(self) -> None:
                super().finish()
                with fake._changed:
                    fake._connections.discard(self.connection)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    args = json.loads(body or "{}")
                else:  # form: structured fields arrive as JSON strings
                    args = dict(parse_qsl(body))
                    for key in ("blocks", "attachments"):
                        if key in args:
                            args[key] = json.loads(args[key])
                path, _, query = self.path.partition("?")
                args = {**dict(parse_qsl(query)), **args}  # Slack takes arguments in the URL too
                if path.startswith("/respond/"):
                    fake._record(fake.responses, {**args, "url": path})
                    self.answer(200, None)
                    return
                auth = self.headers.get("Authorization", "")
                token = auth[len("Bearer "):] if auth.startswith("Bearer ") else args.pop("token", None)
                if not path.startswith("/api/"):
                    self.answer(404, {"ok": False, "error": "unknown_method"})
                    return
                method = path[len("/api/"):]
                fault = fake._take_fault(method, args)
                if fault:
                    status, answer = fault.status, {"ok": False, "error": fault.error or "ratelimited"}
                else:
                    status, answer = 200, fake.call(method, token, args)
                fake._record(fake.calls, {"method": method, "channel": args.get("channel"),
                                          "ok": answer["ok"], "error": answer.get("error")})
                retry_after = {"Retry-After": str(fault.retry_after)} if status == 429 else {}
                self.answer(status, answer, retry_after)

            def answer(self, status: int, payload: Optional[Dict], headers: Dict = {}) -> None:
                data = json.dumps(payload).encode() if payload is not None else b"ok"
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8"
                                 if payload is not None else "text/plain")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:  # keep pytest output for failures
                pass

        return Handler

    # --- Socket Mode -------------------------------------------------------------------------

    def start_socket_mode(self) -> None:
        """Serves Slack's Socket Mode WebSocket, at the URL apps.connections.open hands out."""
        ready = threading.Event()

        async def connection(websocket, _path=None) -> None:
            with self._changed:
                self._sockets.append(websocket)
                self._changed.notify_all()
            await websocket.send(json.dumps({
                "type": "hello", "num_connections": 1,
                "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                "connection_info": {"app_id": APP_ID}}))
            try:
                async for text in websocket:
                    self._record(self.acks, json.loads(text))
            except websockets.ConnectionClosed:
                pass
            finally:
                with self._changed:
                    self._sockets.remove(websocket)

        def serve() -> None:
            self._ws_loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._ws_loop)  # websockets 10 looks the loop up
            server = self._ws_loop.run_until_complete(
                websockets.serve(connection, "127.0.0.1", 0))
            self._ws_port = server.sockets[0].getsockname()[1]
            ready.set()
            self._ws_loop.run_forever()
            # stopped by __exit__: close the server and its loop, or they leak into later tests
            server.close()
            self._ws_loop.run_until_complete(server.wait_closed())
            self._ws_loop.close()

        self._ws_thread = threading.Thread(target=serve, daemon=True)
        self._ws_thread.start()
        assert ready.wait(10), "the Socket Mode server did not start"

    def connected(self) -> List:
        with self._changed:
            return list(self._sockets)

    def send_envelope(self, kind: str, payload: Dict, envelope_id: str,
                      retry_attempt: int = 0) -> None:
        """Sends an envelope to the connected app, as Slack does over Socket Mode."""
        [socket] = self.wait_for(self.connected, timeout=120)
        envelope = {"envelope_id": envelope_id, "type": kind, "payload": payload,
                    "accepts_response_payload": kind != "events_api",
                    "retry_attempt": retry_attempt, "retry_reason": ""}
        asyncio.run_coroutine_threadsafe(socket.send(json.dumps(envelope)),
                                         self._ws_loop).result(10)
