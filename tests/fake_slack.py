"""A stand-in for Slack's Web API on 127.0.0.1: chat.postMessage, in Slack's wire format.

It takes JSON or form bodies, checks the `Authorization: Bearer` token (or the `token` field) like
Slack (`not_authed`, `invalid_auth`), answers `{"ok": true, "channel", "ts", "message"}` and records
every posted message for the tests.
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List
from urllib.parse import parse_qsl

BOT_USER = "UADVISORBOT"
BOT_ID = "BADVISORBOT"
TEAM = "TFAKETEAM"


class FakeSlack:
    def __init__(self, token: str) -> None:
        self.token = token
        self.posts: List[Dict] = []  # chat.postMessage arguments, plus the ts Slack gave each
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def __enter__(self) -> "FakeSlack":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def posted(self, **fields) -> List[Dict]:
        """The posted messages whose fields equal the given ones (thread_ts=None: unthreaded)."""
        with self._lock:
            return [p for p in self.posts if all(p.get(k) == v for k, v in fields.items())]

    def wait_for(self, condition: Callable[[], List[Dict]], timeout: float = 60) -> List[Dict]:
        """Polls condition until it returns a non-empty list; fails after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = condition()
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"no matching chat.postMessage within {timeout:.0f} s; "
                             f"posted so far: {json.dumps(self.posts, indent=1)[-3000:]}")

    def post_message(self, args: Dict) -> Dict:
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            return {"ok": False, "error": "no_text"}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "team": TEAM, "ts": ts,
                   **{k: args[k] for k in ("text", "blocks", "attachments", "thread_ts") if k in args}}
        with self._lock:
            self.posts.append({**args, "ts": ts})
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    args = json.loads(body or "{}")
                else:  # form: structured fields arrive as JSON strings
                    args = dict(parse_qsl(body))
                    for key in ("blocks", "attachments"):
                        if key in args:
                            args[key] = json.loads(args[key])
                auth = self.headers.get("Authorization", "")
                token = auth[len("Bearer "):] if auth.startswith("Bearer ") else args.pop("token", None)
                method = self.path.rsplit("/", 1)[-1]
                if method != "chat.postMessage":
                    self.answer(404, {"ok": False, "error": "unknown_method"})
                elif not token:
                    self.answer(200, {"ok": False, "error": "not_authed"})
                elif token != fake.token:
                    self.answer(200, {"ok": False, "error": "invalid_auth"})
                else:
                    self.answer(200, fake.post_message(args))

            def answer(self, status: int, payload: Dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:  # keep pytest output for failures
                pass

        return Handler
