"""Starts the advisor: the action server in the background, then the Rasa shell or server.

    python -m bot.runtime.launch chat [--debug]  # the terminal chat (bot/channels/shell.py) on a
                                                 # Rasa server and the action server, both stopped
                                                 # when the chat ends
    python -m bot.runtime.launch serve           # Rasa server (REST, socket.io) + action server
                                                 # until SIGINT/SIGTERM, and the web widget's demo
                                                 # page on WEB_PORT (8080); a server that dies is
                                                 # started again

Ports come from RASA_PORT (5005), ACTION_PORT (5055) and WEB_PORT (8080). The HTTP API is enabled only
with a token: RASA_AUTH_TOKEN, or a random one printed at start-up. Browsers may connect from the demo
page's origin (http://localhost:WEB_PORT, http://127.0.0.1:WEB_PORT) unless RASA_CORS_ORIGINS names
others. `chat` shows the servers' output only with --debug or ADVISOR_DEBUG=1 (else logs/).
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
from typing import Callable, List, Optional, Sequence

from actions import knowledge
from bot.channels import web_server
from bot.runtime import patches

ROOT = Path(__file__).resolve().parents[2]
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
# Browser origins allowed on the REST and socket.io channels (RASA_CORS_ORIGINS, space-separated), for a
# Rasa server started without the launcher (the launcher follows WEB_PORT: page_origins).
BIN = Path(sys.executable).parent
# The rasa command, faster and lighter (bot/runtime/rasa_cli.py).
RASA_CLI = [str(BIN / "python"), "-m", "bot.runtime.rasa_cli"]


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
    env.setdefault("WEB_PORT", web_server.DEFAULT_WEB_PORT)
    # The demo page on WEB_PORT must be able to connect, whichever port it is on.
    env.setdefault("RASA_CORS_ORIGINS", page_origins(env["WEB_PORT"]))
    Path(env["TRACKER_DB"]).parent.mkdir(parents=True, exist_ok=True)  # SQLite makes only the file
    if env.get("ADVISOR_ENDPOINTS") == "scaled":
        for name, value in SCALED_DEFAULTS.items():
            env.setdefault(name, value)
        env.setdefault("ACTION_SERVER_URL", f"http://127.0.0.1:{env['ACTION_PORT']}/webhook")
    return env


def page_origins(web_port: str) -> str:
    """The origins of the demo page on web_port, as a browser names them (both loopback names)."""
    return f"http://localhost:{web_port} http://127.0.0.1:{web_port}"


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


def logged_popen(command: Sequence[str], env: dict, log: Optional[Path]) -> subprocess.Popen:
    """A server process whose output goes to `log` (appended), else to this terminal. The child
    keeps its own copy of the log file; this process closes its copy at once."""
    if log is None:
        return subprocess.Popen(command, cwd=ROOT, env=env)
    with open(log, "ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def action_server_process(env: dict, log: Optional[Path] = None) -> subprocess.Popen:
    """The action server, started; not waited for."""
    command = [str(BIN / "python"), "-m", "bot.runtime.action_server"]  # rasa_sdk + checks; port: ACTION_PORT
    if log is None:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.STDOUT)
    return logged_popen(command, env, log)


def start_action_server(env: dict, log: Optional[Path] = None) -> subprocess.Popen:
    process = action_server_process(env, log)
    # long enough for the answer reader to train, should its cache be stale: it loads before /health
    return started(process, f"http://127.0.0.1:{env['ACTION_PORT']}/health", timeout=300)


def rasa_server_command(env: dict, model: Path = MODEL, credentials: Optional[Path] = None,
                        endpoints: Optional[Path] = None, rasa: Sequence[str] = RASA_CLI) -> List[str]:
    """`rasa` is the command: RASA_CLI, or [BIN / "rasa"], Rasa's own (the benchmark's baseline)."""
    return [
        *rasa, "run",
        "--model", str(model),
        "--endpoints", str(endpoints or endpoints_file(env)),
        "--credentials", str(credentials or CREDENTIALS),
        "--port", env["RASA_PORT"],
        # one argument: a generated token may start with "-", which argparse would take for an option
        "--enable-api", f"--auth-token={env['RASA_AUTH_TOKEN']}",
        "--cors", *env["RASA_CORS_ORIGINS"].split(),
        # loopback, behind a reverse proxy (README, Security); RASA_INTERFACE=0.0.0.0 in a container
        "--interface", env.get("RASA_INTERFACE", "127.0.0.1"),
    ]


def start_rasa_server(env: dict, log: Optional[Path] = None, model: Path = MODEL,
                      credentials: Optional[Path] = None, endpoints: Optional[Path] = None,
                      rasa: Sequence[str] = RASA_CLI) -> subprocess.Popen:
    command = rasa_server_command(env, model, credentials, endpoints, rasa)
    process = logged_popen(command, env, log)
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


def debug_requested(flags: Sequence[str]) -> bool:
    return "--debug" in flags or os.environ.get("ADVISOR_DEBUG", "") not in ("", "0")


def chat(flags: Sequence[str] = ()) -> int:
    """The terminal chat: the servers' start-up and library warnings go to logs/, not to the screen,
    unless --debug (or ADVISOR_DEBUG=1) asks for them."""
    from bot.channels import shell  # prompt_toolkit: only the chat needs it

    debug = debug_requested(flags)
    env = environment(RASA_AUTH_TOKEN=os.environ.get("RASA_AUTH_TOKEN") or secrets.token_urlsafe(24))
    logs = ROOT / "logs"
    logs.mkdir(exist_ok=True)
    screen = shell.Screen.for_stdout()
    screen.starting()
    actions = rasa = None
    try:
        actions = start_action_server(env, None if debug else logs / "action-server.log")
        rasa_command = rasa_server_command(env) + (["--debug"] if debug else [])
        rasa = started(logged_popen(rasa_command, env, None if debug else logs / "rasa.log"),
                       f"http://127.0.0.1:{env['RASA_PORT']}/", timeout=180)
        # one terminal conversation that the next `make chat` resumes (CHAT_ID names another)
        return shell.run(f"http://127.0.0.1:{env['RASA_PORT']}", env.get("CHAT_ID", "terminal"),
                         screen)
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError) as error:  # a server that did not start: say where to look
        print(f"\nThe advisor did not start: {error}. See logs/ or run `make chat CHAT_ARGS=--debug`.",
              file=sys.stderr)
        return 1
    finally:
        stop(rasa)
        stop(actions)


class Supervised:
    """A server process that the launcher starts again when it exits, after a pause that doubles
    while it keeps failing fast (a crash loop must not spin), and gives up on after GIVE_UP fast
    failures in a row (a wrong setting, not a crash)."""

    FIRST_PAUSE_S, MAX_PAUSE_S = 1.0, 30.0
    HEALTHY_AFTER_S = 60.0  # running this long resets the pause and the count of fast failures
    GIVE_UP = 5

    def __init__(self, name: str, start: Callable[[], subprocess.Popen],
                 process: Optional[subprocess.Popen] = None) -> None:
        self.name = name
        self.start = start
        self.process = process or start()
        self.started_at = time.monotonic()
        self.restart_at: Optional[float] = None
        self.pause = self.FIRST_PAUSE_S
        self.fast_failures = 0

    def check(self) -> bool:
        """Starts the process again when it has exited and its pause is over; False: gave up."""
        now = time.monotonic()
        if self.restart_at is None:
            if self.process.poll() is None:
                if now - self.started_at > self.HEALTHY_AFTER_S:
                    self.pause, self.fast_failures = self.FIRST_PAUSE_S, 0
                return True
            if now - self.started_at < self.HEALTHY_AFTER_S:
                self.fast_failures += 1
            if self.fast_failures >= self.GIVE_UP:
                print(f"The {self.name} exited {self.fast_failures} times in a row soon after "
                      "starting; not starting it again.", flush=True)
                return False
            print(f"The {self.name} exited (code {self.process.returncode}); starting it again "
                  f"in {self.pause:.0f} s.", flush=True)
            self.restart_at = now + self.pause
            self.pause = min(self.pause * 2, self.MAX_PAUSE_S)
        elif now >= self.restart_at:
            self.process, self.started_at, self.restart_at = self.start(), now, None
        return True


def serve() -> int:
    token = os.environ.get("RASA_AUTH_TOKEN") or secrets.token_urlsafe(24)
    if not os.environ.get("RASA_AUTH_TOKEN"):
        print(f"RASA_AUTH_TOKEN was not set; this run's HTTP API token is: {token}", flush=True)
    env = environment(RASA_AUTH_TOKEN=token)
    servers: List[Supervised] = []
    web = None

    def shut_down(signum, frame):  # every server goes down together
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)
    try:
        servers.append(Supervised("action server", lambda: action_server_process(env),
                                  start_action_server(env)))
        servers.append(Supervised("Rasa server", lambda: subprocess.Popen(
            rasa_server_command(env), cwd=ROOT, env=env)))
        web_port = int(env["WEB_PORT"])
        # A thread of this process: the demo page stays up while Rasa or the actions restart.
        web = web_server.start_web_server(web_port, f"http://localhost:{env['RASA_PORT']}")
        print(f"Advisor on http://localhost:{env['RASA_PORT']} (actions on {env['ACTION_PORT']}); "
              f"the web widget's demo page on http://localhost:{web_port}/demo/ "
              f"(browsers allowed from: {env['RASA_CORS_ORIGINS']}). Ctrl-C stops them all.",
              flush=True)
        while all(server.check() for server in servers):
            time.sleep(0.5)  # polling a few child processes; a restart's pause is counted in s
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        if web is not None:
            web.shutdown()
            web.server_close()
        for server in reversed(servers):
            stop(server.process)


def main(argv: List[str]) -> int:
    patches.require()  # library internals are patched for the versions of requirements.lock only
    commands = {"chat": chat, "serve": lambda flags: serve()}
    flags = argv[1:]
    if not argv or argv[0] not in commands or any(flag != "--debug" for flag in flags) \
            or (flags and argv[0] != "chat"):
        print("usage: python -m bot.runtime.launch {chat [--debug]|serve}", file=sys.stderr)
        return 2
    try:  # a broken knowledge file stops start-up here, naming the file and the key
        knowledge.load()
    except knowledge.KnowledgeError as error:
        print(f"Advisor not started: knowledge file error: {error}", file=sys.stderr)
        return 1
    return commands[argv[0]](flags)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
