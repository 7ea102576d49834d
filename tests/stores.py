"""Throw-away PostgreSQL and Redis servers on free loopback ports, for the scale-out tests.

PostgreSQL is Debian's (`postgresql` package): a fresh cluster in a temporary folder, trusted local
logins, no durability (it is deleted at the end). Run as root, the server runs as the `postgres` user,
since PostgreSQL refuses to run as root. Both servers are stopped on exit, also when a test fails.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

import psycopg2
import redis

from bot.runtime import launch
from tests.servers import free_port

DATABASE = "advisor"
USER = "advisor"


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `bash bot/runtime/system_deps.sh` (make test does)")
    return Path(found[-1]).parent


def _as_postgres_user() -> List[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@contextmanager
def throwaway_postgres() -> Iterator[Dict[str, str]]:
    """A running PostgreSQL with an empty `advisor` database; yields the DB_* variables for Rasa."""
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="advisor-postgres-"))
    data = folder / "data"
    port = str(free_port())
    as_postgres = _as_postgres_user()
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")

    def run(*command: str) -> None:
        done = subprocess.run([*as_postgres, *command], cwd=folder, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")

    started = False
    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
            "--no-locale")
        options = (f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "postgres.log"),
            "-o", options, "-w", "-t", "60", "start")
        started = True
        connection = psycopg2.connect(host="127.0.0.1", port=port, user=USER, dbname="postgres")
        connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        connection.cursor().execute(f"CREATE DATABASE {DATABASE}")
        connection.close()
        yield {"DB_HOST": "127.0.0.1", "DB_PORT": port, "DB_DATABASE": DATABASE, "DB_USER": USER,
               "DB_PASSWORD": ""}
    finally:
        if started:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def throwaway_redis() -> Iterator[Dict[str, str]]:
    """A running Redis without persistence; yields the REDIS_* variables for Rasa."""
    folder = Path(tempfile.mkdtemp(prefix="advisor-redis-"))
    port = str(free_port())
    server = subprocess.Popen(
        ["redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=int(port))
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start (exit code {server.poll()})")
                time.sleep(0.1)
        client.close()
        yield {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": port, "REDIS_DB": "1", "REDIS_PASSWORD": ""}
    finally:
        launch.stop(server)
        shutil.rmtree(folder, ignore_errors=True)
