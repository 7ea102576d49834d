"""Starts the advisor: the action server in the background, then the Rasa shell or server.

    python -m bot.launch chat    # rasa shell; the action server stops when the shell ends
    python -m bot.launch serve   # Rasa server (REST, socket.io) + action server until SIGINT/SIGTERM,
                                 # and the web widget with its demo page on WEB_PORT (8080)

Ports come from RASA_PORT (5005) and ACTION_PORT (5055). The HTTP API is enabled only with a token:
RASA_AUTH_TOKEN, or a random one printed at start-up.
The tests start servers with the same functions. ADVISOR_ENDPOINTS=scaled keeps conversations in
PostgreSQL with Redis locks, for several Rasa servers (bot/endpoints-scaled.yml, README).
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
from typing import List, Optional, Sequence

from actions import knowledge
from bot import patches, web_server

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "advisor.tar.gz"
ENDPOINTS = ROOT / "bot" / "endpoints.yml"
# ADVISOR_ENDPOINTS=scaled: several Rasa servers share PostgreSQL (conversations) and Redis (locks).
SCALED_ENDPOINTS = ROOT / "bot" / "endpoints-scaled.yml"
# Local defaults for what bot/endpoints-scaled.yml reads; passwords come from the environment.
SCALED_DEFAULTS = {
    "DB_HOST": "127.0.0.1", "DB_PORT": "5432", "DB_DATABASE": "advisor", "DB_USER": "advisor",
    "DB_PASSWORD": "", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379", "REDIS_DB": "1",
    "REDIS_PASSWORD": "",
}
CREDENTIALS = ROOT / "bot" / "credentials.yml"
# Conversations are kept here unless TRACKER_DB names another SQLite file (var/ is git-ignored).
DEFAULT_TRACKER_DB = ROOT / "var" / "tracker.db"
# Browser origins allowed on the REST and socket.io channels (RASA_CORS_ORIGINS, space-separated).
DEFAULT_CORS_ORIGINS = "http://localhost:8080"
BIN = Path(sys.executable).parent
# The rasa command, faster and lighter (bot/rasa_cli.py).
RASA_CLI = [str(BIN / "python"), "-m", "bot.rasa_cli"]


def environment(**extra: str) -> dict:
    env = dict(os.environ)
    env.setdefault("ACTION_PORT", "5055")
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # TensorFlow's start-up chatter is not for users
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")  # no usage data or crash reports sent out
    env.setdefault("PYTHONWARNINGS", "ignore")  # library deprecation noise is not for users either
    # Sanic (both servers) closes a connection that has sent nothing for 5 s. Rasa, busy with many
    # conversations, can take that long between opening a connection to the action server and
    # writing its request: the action call then fails. Idle connections may wait longer.
    env.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", "30")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    env.setdefault("TRACKER_DB", str(DEFAULT_TRACKER_DB))
    env.setdefault("RASA_CORS_ORIGINS", DEFAULT_CORS_ORIGINS)
    Path(env["TRACKER_DB"]).parent.mkdir(parents=True, exist_ok=True)  # SQLite makes only the file
    if env.get("ADVISOR_ENDPOINTS") == "scaled":
        for name, value in SCALED_DEFAULTS.items():
            env.setdefault(name, value)
        env.setdefault("ACTION_SERVER_URL", f"http://127.0.0.1:{env['ACTION_PORT']}/webhook")
    return env


def endpoints_file(env: dict) -> Path:
    """bot/endpoints.yml, or bot/endpoints-scaled.yml when ADVISOR_ENDPOINTS=scaled."""
    files = {"single": ENDPOINTS, "scaled": SCALED_ENDPOINTS}
    choice = env.get("ADVISOR_ENDPOINTS") or "single"
    if choice not in files:
        raise SystemExit(f"ADVISOR_ENDPOINTS={choice!r} is not one of: {', '.join(files)}")
    return files[choice]


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


def started(process: subprocess.Popen, url: str, timeout: float) -> subprocess.Popen:
    """The process once url answers; stopped, not left behind, when it never does."""
    try:
        wait_for(url, process, timeout)
    except BaseException:
        stop(process)
        raise
    return process


def start_action_server(env: dict, log: Optional[Path] = None) -> subprocess.Popen:
    port = env["ACTION_PORT"]
    out = open(log, "ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "bot.action_server"],  # rasa_sdk + checks; port: ACTION_PORT
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
    )
    return started(process, f"http://127.0.0.1:{port}/health", timeout=120)


def rasa_server_command(env: dict, model: Path = MODEL, credentials: Optional[Path] = None,
                        endpoints: Optional[Path] = None, rasa: Sequence[str] = RASA_CLI) -> List[str]:
    """`rasa` is the command: RASA_CLI, or [BIN / "rasa"], Rasa's own (the benchmark's baseline)."""
    return [
        *rasa, "run",
        "--model", str(model),
        "--endpoints", str(endpoints or endpoints_file(env)),
        "--credentials", str(credentials or CREDENTIALS),
        "--port", env["RASA_PORT"],
        "--enable-api", "--auth-token", env["RASA_AUTH_TOKEN"],
        "--cors", *env["RASA_CORS_ORIGINS"].split(),
        # loopback, behind a reverse proxy (README, Security); RASA_INTERFACE=0.0.0.0 in a container
        "--interface", env.get("RASA_INTERFACE", "127.0.0.1"),
    ]


def start_rasa_server(env: dict, log: Optional[Path] = None, model: Path = MODEL,
                      credentials: Optional[Path] = None, endpoints: Optional[Path] = None,
                      rasa: Sequence[str] = RASA_CLI) -> subprocess.Popen:
    out = open(log, "ab") if log else None
    command = rasa_server_command(env, model, credentials, endpoints, rasa)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                               stderr=subprocess.STDOUT if out else None)
    return started(process, f"http://127.0.0.1:{env['RASA_PORT']}/", timeout=180)


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
            [*RASA_CLI, "shell", "--quiet", "--model", str(MODEL),
             "--endpoints", str(endpoints_file(env)), "--port", env["RASA_PORT"],
             # one terminal conversation that the next `make chat` resumes (CHAT_ID names another)
             "--conversation-id", env.get("CHAT_ID", "terminal")],
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
        web_port = int(env.get("WEB_PORT", "8080"))
        web_server.start_web_server(web_port, f"http://localhost:{env['RASA_PORT']}")
        print(f"Advisor on http://localhost:{env['RASA_PORT']} (actions on {env['ACTION_PORT']}); "
              f"the web widget's demo page on http://localhost:{web_port}/demo/. "
              "Ctrl-C stops them all.", flush=True)
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(server)
        stop(actions)


def main(argv: List[str]) -> int:
    patches.require()  # library internals are patched for the versions of requirements.lock only
    commands = {"chat": chat, "serve": serve}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python -m bot.launch {{{'|'.join(commands)}}}", file=sys.stderr)
        return 2
    try:  # a broken knowledge file stops start-up here, naming the file and the key
        knowledge.load()
    except knowledge.KnowledgeError as error:
        print(f"Advisor not started: knowledge file error: {error}", file=sys.stderr)
        return 1
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
