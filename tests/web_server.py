"""The advisor with its web widget for browser tests: real servers on free loopback ports, Chromium."""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bot import launch, web_server
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

    def stop_rasa(self) -> None:
        launch.stop(self.advisor.rasa)

    def start_rasa(self) -> None:
        """Starts the Rasa server again on the same port, with the same tracker store."""
        self.advisor.rasa = launch.start_rasa_server(self.advisor.env, self.advisor.log_dir / "rasa.log")


@contextmanager
def running_site() -> Iterator[Site]:
    """Action server, Rasa server (CORS for the page's origin only, its own SQLite tracker store) and
    the widget's web server; all stopped on exit."""
    web_port = free_port()
    origin = f"http://127.0.0.1:{web_port}"
    tracker_db = Path(tempfile.mkdtemp(prefix="advisor-widget-")) / "tracker.db"
    with running_advisor({"RASA_CORS_ORIGINS": origin, "TRACKER_DB": str(tracker_db)}) as advisor:
        server = web_server.start_web_server(web_port, advisor.url)
        try:
            yield Site(advisor=advisor, origin=origin)
        finally:
            server.shutdown()
            server.server_close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
