"""Serves the web widget and a demo page embedding it, with Python's standard library.

    /widget/advisor-widget.js, /widget/advisor-widget.css   the widget (web/widget/)
    /widget/socket.io.min.js                                socket.io-client, from web/node_modules
    /demo/                                                  a job board page with the widget embedded

Nothing else under web/ is served. `make serve` runs it on WEB_PORT (8080) beside the Rasa server.
Text files go out gzip-compressed to a browser that accepts it (a third of the bytes), with an ETag,
so that a reload with an unchanged widget costs a 304.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import os
import posixpath
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

WEB = Path(__file__).resolve().parents[2] / "web"
SOCKET_IO = WEB / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
DEMO_PAGE = WEB / "demo" / "index.html"
SERVED = ("/widget/", "/demo/")
DEFAULT_WEB_PORT = "8080"
# The browsers' origin the channels accept unless RASA_CORS_ORIGINS says otherwise: this demo page's.
DEFAULT_CORS_ORIGINS = f"http://localhost:{DEFAULT_WEB_PORT}"
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".html": "text/html; charset=utf-8"}


def max_message_chars() -> int:
    """The Rasa server's limit on a message (bot/channels/guard.py reads the same variable and default)."""
    return int(os.environ.get("MAX_MESSAGE_CHARS") or 2000)


@functools.lru_cache(maxsize=16)
def compressed(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=9, mtime=0)  # once per version of a file


class WidgetFiles(SimpleHTTPRequestHandler):
    def __init__(self, *args, rasa_url: str, **kwargs) -> None:
        self.rasa_url = rasa_url
        super().__init__(*args, directory=str(WEB), **kwargs)

    def translate_path(self, path: str) -> str:
        clean = posixpath.normpath(unquote(path.split("?", 1)[0].split("#", 1)[0]))
        if clean == "/widget/socket.io.min.js":
            return str(SOCKET_IO)
        if not (clean + "/").startswith(SERVED):
            return str(WEB / "not-served")  # a path that does not exist: 404
        return super().translate_path(path)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/demo/")
            self.end_headers()
        elif path in ("/demo/", "/demo/index.html"):
            # The demo page's script tag names this run's Rasa server and its message limit.
            page = (DEMO_PAGE.read_text(encoding="utf-8").replace("{{RASA_URL}}", self.rasa_url)
                    .replace("{{MAX_MESSAGE_CHARS}}", str(max_message_chars())))
            self.send_text(page.encode("utf-8"), TYPES[".html"])
        else:
            file = Path(self.translate_path(self.path))
            if file.is_file() and file.suffix in TYPES:
                self.send_text(file.read_bytes(), TYPES[file.suffix])
            else:
                super().do_GET()  # 404s (and any other file type, uncompressed)

    def send_text(self, body: bytes, content_type: str) -> None:
        """body, gzipped when the browser accepts it; 304 when the browser has this version."""
        tag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        tag = tag[:-1] + '-gz"' if gzipped else tag
        if self.headers.get("If-None-Match") == tag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", tag)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return
        if gzipped:
            body = compressed(body)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", tag)
        # caches keep the compressed and the plain copy apart
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)  # no folder listings
        return None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")  # a new widget version shows on the next load
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass  # the page's requests are not worth a line each


def start_web_server(port: int, rasa_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """Serves web/ on host:port in a daemon thread; stop it with .shutdown()."""
    if not SOCKET_IO.exists():
        raise FileNotFoundError(f"{SOCKET_IO} is missing: run `npm ci --prefix web` (make does)")
    server = ThreadingHTTPServer((host, port), partial(WidgetFiles, rasa_url=rasa_url))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True, name="web").start()
    return server
