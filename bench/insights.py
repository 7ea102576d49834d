"""Times /insights and /insights.json over many stored conversations.

Real conversations are held over REST with the real servers (completed, decided by a constraint,
stopped, dropped, with unread answers, fallbacks, a changed answer), then their stored events are
copied under new senders, a minute apart, until the tracker store holds the number asked for. The Rasa
server is then started again on that store and each URL fetched several times.

    python -m bench.insights [--conversations 10000] [--repeats 5]    # make insights-bench
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from bot.runtime import launch
from tests.servers import STAGE, Advisor, answer, free_port

# (sender, messages, weight): how often each kind of conversation is copied
TEMPLATES = [
    ("completed", ["hi", "/start_assessment", "i just finished my masters", "100%", "hmm hard one",
                   "kinda", "strongly agree", "nah", "meh", "not really", "not at all", "4", "no",
                   "no"], 4),
    ("constraint", ["/start_assessment", STAGE, *[answer(5)] * 8, "/affirm", "/deny"], 1),
    ("stopped", ["/start_assessment", "senior", "5", "what's the pay like at big tech",
                 "stop the quiz"], 2),
    ("dropped", ["hello", "/start_assessment", "senior", "5", "4"], 2),
    ("fallback", ["what's the weather in paris", "qwxz vbnm plk", "what about the tc at faang",
                  "is learning better at a startup"], 2),
    ("changed", ["/start_assessment", STAGE, *[answer(4)] * 8, "/deny", "/deny",
                 "change my answer on risk", "strongly disagree"], 1),
]


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        assert response.status == 200
    return time.perf_counter() - started


def fill(db: Path, conversations: int) -> int:
    """Copies the templates' events under new senders until `conversations` senders are stored."""
    connection = sqlite3.connect(db)
    columns = "sender_id, type_name, timestamp, intent_name, action_name, data"
    templates = {sender: connection.execute(
        f"SELECT {columns} FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
        for sender, _, _ in TEMPLATES}
    order = [sender for sender, _, weight in TEMPLATES for _ in range(weight)]
    stored = len(templates)
    rows = []
    start = time.time() - conversations * 60
    for n in range(conversations - stored):
        sender = order[n % len(order)]
        base = templates[sender][0][2]
        shift = start + n * 60 - base
        new_sender = f"bench-{n:05d}-{sender}"
        for _, type_name, timestamp, intent, action, data in templates[sender]:
            event = json.loads(data)
            event["timestamp"] = timestamp + shift
            rows.append((new_sender, type_name, timestamp + shift, intent, action, json.dumps(event)))
        if len(rows) > 50_000:
            connection.executemany(f"INSERT INTO events ({columns}) VALUES (?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    connection.executemany(f"INSERT INTO events ({columns}) VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    events = connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    connection.close()
    return events


def measure(conversations: int = 10_000, repeats: int = 5, model: Path = launch.MODEL,
            work: Optional[Path] = None) -> Dict[str, float]:
    """Seconds per request (median and worst of `repeats`) for the page and the JSON."""
    load_before = os.getloadavg()
    log_dir = Path(tempfile.mkdtemp(prefix="insights-", dir=work))
    env = launch.environment(
        ACTION_PORT=str(free_port()), RASA_PORT=str(free_port()), RASA_AUTH_TOKEN="bench-token",
        TRACKER_DB=str(log_dir / "tracker.db"), THINKING_NOTICE_SECONDS="30")
    advisor = Advisor(env=env, log_dir=log_dir)
    try:
        advisor.actions = launch.start_action_server(env, log_dir / "actions.log")
        advisor.rasa = launch.start_rasa_server(env, log_dir / "rasa.log", model=model)
        for sender, messages, _ in TEMPLATES:
            for message in messages:
                advisor.say(sender, message)
        advisor.stop_rasa()
        db = Path(advisor.env["TRACKER_DB"])
        events = fill(db, conversations)
        size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
        started = time.perf_counter()
        # creates the insights index on its first start
        advisor.rasa = launch.start_rasa_server(env, log_dir / "rasa-insights.log", model=model)
        startup_s = time.perf_counter() - started
        query = f"token={advisor.token}"
        figures = json.load(urllib.request.urlopen(f"{advisor.url}/insights.json?{query}", timeout=120))
        assert figures["conversations"] == conversations, figures["conversations"]
        times: Dict[str, List[float]] = {"page": [], "json": [], "json_channel_window": []}
        for _ in range(repeats):
            times["page"].append(fetch(f"{advisor.url}/insights?{query}"))
            times["json"].append(fetch(f"{advisor.url}/insights.json?{query}"))
            times["json_channel_window"].append(fetch(
                f"{advisor.url}/insights.json?{query}&channel=rest&since=2000-01-01"))
    finally:
        launch.stop(advisor.rasa)
        launch.stop(advisor.actions)
        shutil.rmtree(log_dir, ignore_errors=True)  # the store is hundreds of MB
    result = {"conversations": conversations, "events": events, "db_mb": size_mb,
              "server_start_s": startup_s, "load_before": load_before, "load_after": os.getloadavg()}
    for name, values in times.items():
        result[f"{name}_median_s"] = statistics.median(values)
        result[f"{name}_max_s"] = max(values)
    return result


def section(f: Dict[str, float], repeats: int) -> List[str]:
    """The report's section on the insights page."""
    verdict = "✔" if max(f["page_max_s"], f["json_max_s"]) <= 2 else "✘"
    return [
        "## 4. Insights", "",
        f"`/insights` and `/insights.json` over {f['conversations']:,} stored conversations "
        f"({f['events']:,} events, SQLite {f['db_mb']:.0f} MB with its log), copied from real "
        f"ones held over REST (`bench/insights.py`); {repeats} requests each, seconds. Load average "
        f"(1/5/15 min) before {' / '.join(f'{x:.2f}' for x in f['load_before'])}, after "
        f"{' / '.join(f'{x:.2f}' for x in f['load_after'])}:", "",
        "| request | median | worst |", "| --- | --- | --- |",
        f"| /insights (HTML page) | {f['page_median_s']:.2f} | {f['page_max_s']:.2f} |",
        f"| /insights.json | {f['json_median_s']:.2f} | {f['json_max_s']:.2f} |",
        f"| /insights.json, one channel and a window | {f['json_channel_window_median_s']:.2f} | "
        f"{f['json_channel_window_max_s']:.2f} |",
        f"| Rasa server start on that store (index built once) | {f['server_start_s']:.1f} | |",
        "", f"- page and JSON ≤ 2 s for {f['conversations']:,} conversations: {verdict}", "",
    ]


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.conversations, args.repeats)
    print("\n".join(section(figures, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
