"""The advisor with its web widget for browser tests: real servers on free loopback ports, Chromium."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator

from bot.channels import web_server
from bot.runtime import launch
from tests.servers import Advisor, free_port, running_advisor, server_logs

CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by bot/runtime/system_deps.sh; never Playwright's download
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


@dataclass
class Served:
    """`python -m bot.runtime.launch serve` as `make serve` runs it: its ports, output and process."""

    process: subprocess.Popen
    ports: Dict[str, int]
    output: Path

    @property
    def page_url(self) -> str:
        return f"http://localhost:{self.ports['WEB_PORT']}/demo/"

    def child(self, module: str) -> int:
        """The pid of the launcher's child process running `python -m module`."""
        pid = self.process.pid
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            if module.encode() in command:
                return int(child)
        raise LookupError(f"no {module} under the launcher")


@contextmanager
def running_launcher(**extra_env: str) -> Iterator[Served]:
    """The launcher's serve on free ports (none of them the default 8080), RASA_CORS_ORIGINS unset:
    the origins allowed are the launcher's own choice. Stopped with SIGTERM on exit."""
    ports = {name: free_port() for name in ("RASA_PORT", "ACTION_PORT", "WEB_PORT")}
    with server_logs("advisor-serve-") as work:
        env = {key: value for key, value in os.environ.items() if key != "RASA_CORS_ORIGINS"}
        env.update({name: str(port) for name, port in ports.items()}, RASA_AUTH_TOKEN="serve-token",
                   TRACKER_DB=str(work / "tracker.db"), **extra_env)
        output = work / "serve.log"
        with open(output, "wb") as out:
            process = subprocess.Popen([sys.executable, "-m", "bot.runtime.launch", "serve"], cwd=launch.ROOT,
                                       env=env, stdout=out, stderr=subprocess.STDOUT)
        served = Served(process=process, ports=ports, output=output)
        try:
            launch.wait_for(f"http://127.0.0.1:{ports['RASA_PORT']}/", process, timeout=240)
            launch.wait_for(served.page_url, process, timeout=30)
            yield served
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
