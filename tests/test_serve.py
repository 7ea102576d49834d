"""`make serve`: the Rasa server, the action server and the demo page come up together, the HTTP API
needs the printed token, and SIGTERM stops all of them."""
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.runtime import launch
from tests.servers import free_port, listening, say

ROOT = launch.ROOT


def test_make_serve_runs_everything_and_stops_on_sigterm(tmp_path):
    ports = {name: free_port() for name in ("RASA_PORT", "ACTION_PORT", "WEB_PORT")}
    env = {key: value for key, value in os.environ.items() if key != "RASA_AUTH_TOKEN"}
    env.update({k: str(v) for k, v in ports.items()}, TRACKER_DB=str(tmp_path / "tracker.db"))
    log = open(tmp_path / "serve.log", "w+")
    serve = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        rasa = f"http://127.0.0.1:{ports['RASA_PORT']}"
        launch.wait_for(f"{rasa}/", serve, timeout=240)
        output = Path(log.name).read_text()
        token = re.search(r"HTTP API token is: (\S+)", output).group(1)

        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{rasa}/conversations/someone/tracker", timeout=10)
        assert refused.value.code == 401
        refused.value.close()  # the error carries the open response
        assert any("2-minute assessment" in r.get("text", "") for r in say(rasa, "someone", "hi"))
        with urllib.request.urlopen(f"{rasa}/conversations/someone/tracker?token={token}",
                                    timeout=10) as tracker:
            assert tracker.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{ports['WEB_PORT']}/demo/",
                                    timeout=10) as page:
            assert "advisor-widget.js" in page.read().decode()
        assert listening(ports["ACTION_PORT"])
        # SIGTERM to the launcher alone: it must take both servers and the web server down itself.
        launcher = int(Path(f"/proc/{serve.pid}/task/{serve.pid}/children").read_text().split()[0])
        os.kill(launcher, signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
        log.close()
    deadline = time.monotonic() + 30
    while any(listening(port) for port in ports.values()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not any(listening(port) for port in ports.values()), Path(log.name).read_text()[-2000:]
