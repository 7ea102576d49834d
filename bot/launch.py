"""Starts the advisor: the action server in the background, then the Rasa shell or server.

    python -m bot.launch chat    # rasa shell; the action server stops when the shell ends
    python -m bot.launch serve   # Rasa server (REST, socket.io) + action server until SIGINT/SIGTERM

Ports come from RASA_PORT (5005) and ACTION_PORT (5055). The HTTP API is enabled only with a token:
RASA_AUTH_TOKEN, or a random one printed at start-up. The tests start servers with the same functions.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "advisor.tar.gz"
ENDPOINTS = ROOT / "bot" / "endpoints.yml"
CREDENTIALS = ROOT / "bot" / "credentials.yml"
BIN = Path(sys.executable).parent


def environment(**extra: str) -> dict:
    env = dict(os.environ)
    env.setdefault("ACTION_PORT", "5055")
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # TensorFlow's start-up chatter is not for users
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def wait_for(url: str, process: subprocess.Popen, timeout: float = 120.0) -> None:
    """Polls url until it answers 200; fails early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{' '.join(map(str, process.args[:3]))} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def start_action_server(env: dict, log: Optional[Path] = None) -> subprocess.Popen:
    port = env["ACTION_PORT"]
    out = open(log, "ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", port],
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/health", process)
    return process


def rasa_server_command(env: dict, model: Path = MODEL, credentials: Optional[Path] = None,
                        endpoints: Optional[Path] = None) -> List[str]:
    return [
        str(BIN / "rasa"), "run",
        "--model", str(model),
        "--endpoints", str(endpoints or ENDPOINTS),
        "--credentials", str(credentials or CREDENTIALS),
        "--port", env["RASA_PORT"],
        "--enable-api", "--auth-token", env["RASA_AUTH_TOKEN"],
        "--cors", env.get("RASA_CORS_ORIGINS", "http://localhost:8080"),
    ]


def start_rasa_server(env: dict, log: Optional[Path] = None, model: Path = MODEL,
                      credentials: Optional[Path] = None, endpoints: Optional[Path] = None
                      ) -> subprocess.Popen:
    out = open(log, "ab") if log else None
    command = rasa_server_command(env, model, credentials, endpoints)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                               stderr=subprocess.STDOUT if out else None)
    wait_for(f"http://127.0.0.1:{env['RASA_PORT']}/", process, timeout=180)
    return process


def stop(process: Optional[subprocess.Popen]) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def chat() -> int:
    env = environment()
    logs = ROOT / "logs"
    logs.mkdir(exist_ok=True)
    actions = start_action_server(env, logs / "action-server.log")
    try:
        shell = subprocess.run(
            [str(BIN / "rasa"), "shell", "--model", str(MODEL), "--endpoints", str(ENDPOINTS),
             "--port", env["RASA_PORT"]],
            cwd=ROOT, env=env,
        )
        return shell.returncode
    finally:
        stop(actions)


def serve() -> int:
    token = os.environ.get("RASA_AUTH_TOKEN") or secrets.token_urlsafe(24)
    if not os.environ.get("RASA_AUTH_TOKEN"):
        print(f"RASA_AUTH_TOKEN was not set; this run's HTTP API token is: {token}", flush=True)
    env = environment(RASA_AUTH_TOKEN=token)
    actions = start_action_server(env)
    server: Optional[subprocess.Popen] = None

    def shut_down(signum, frame):  # both servers go down together
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)
    try:
        server = subprocess.Popen(rasa_server_command(env), cwd=ROOT, env=env)
        print(f"Advisor on http://localhost:{env['RASA_PORT']} (actions on {env['ACTION_PORT']}). "
              "Ctrl-C stops both.", flush=True)
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(server)
        stop(actions)


def main(argv: List[str]) -> int:
    commands = {"chat": chat, "serve": serve}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python -m bot.launch {{{'|'.join(commands)}}}", file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
