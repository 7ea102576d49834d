"""The advisor with its web widget for browser tests: real servers on free loopback ports, Chromium."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bot import web_server
from tests.servers import Advisor, free_port, running_advisor

CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by bot/system_deps.sh; never Playwright's download
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@dataclass
class Site:
    """A job board page with the widget embedded, talking to a running advisor."""

    advisor: Advisor
    origin: str

    @property
    def page_url(self) -> str:
        return f"{self.origin}/demo/"



@contextmanager
def running_site() -> Iterator[Site]:
    """Action server, Rasa server (CORS for the page's origin only, its own SQLite tracker store) and
    the widget's web server; all stopped on exit."""
    web_port = free_port()
    origin = f"http://127.0.0.1:{web_port}"
    with running_advisor({"RASA_CORS_ORIGINS": origin}) as advisor:  # its own SQLite file
        server = web_server.start_web_server(web_port, advisor.url)
        try:
            yield Site(advisor=advisor, origin=origin)
        finally:
            server.shutdown()
            server.server_close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
