"""The owner's insights (bot/insights.py) over real conversations.

One real Rasa server and action server hold conversations over REST, socket.io and Slack (signed
webhook requests, replies read from tests/fake_slack.py); then /insights.json must give exactly
their counts, the page must draw its charts in headless Chromium, the token must be needed, user
text must be masked on the page and in the export, the export must load as Rasa training data and
pass `rasa data validate` once labelled, and retention must delete exactly the old conversations.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List

import pytest
import socketio
import yaml

from bot.runtime import launch
from bot.insights import Insights, mask, parse_window, to_label_yaml
from tests.fake_slack import BOT_USER, FakeSlack
from tests.servers import STAGE, answer, close_socketio_client, running_advisor
from tests.web_server import ARTIFACTS, launch_chromium

SLACK_TOKEN = "xoxb-insights-test"
SLACK_SECRET = "insights-signing-secret"
TIMEOUT = 30

EMAIL, PHONE, URL = "ada.lovelace@example.com", "+44 20 7946 0958", "https://ada.example.org/cv"
CONTACT = f"my email is {EMAIL}, phone {PHONE}, cv at {URL}"
# a word no reader takes as an answer (and the classifier sends to the fallback)
UNREAD = "blorp"
GIBBERISH = "qwxz vbnm plk"
KNOWN_OUT_OF_SCOPE = "whats the weather"  # a training example of data/nlu/out_of_scope.yml
TYPED = ["i just finished my masters", UNREAD, "100%", "yeah definitely", "kinda", "strongly agree",
         "nah", "meh", "not really", "not at all", "no", "nope"]
BUTTONS = [STAGE] + [answer(4)] * 8 + ["/deny", "/deny"]
CONSTRAINED = [STAGE] + [answer(5)] * 8 + ["/affirm", "/deny"]


def signed(body: bytes) -> Dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(SLACK_SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body,
                      hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": f"v0={digest}"}


def slack_dm(advisor, fake: FakeSlack, user: str, channel: str, text: str) -> None:
    """One direct message, signed as Slack signs it; returns once the bot has posted its reply."""
    ts = f"{time.time():.6f}"
    body = json.dumps({
        "type": "event_callback", "team_id": "TFAKETEAM", "api_app_id": "AADVISOR",
        "event_id": "Ev" + uuid.uuid4().hex[:10], "event_time": int(time.time()),
        "event": {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
                  "event_ts": ts, "channel": channel, "team": "TFAKETEAM"},
        "authorizations": [{"enterprise_id": None, "team_id": "TFAKETEAM", "user_id": BOT_USER,
                            "is_bot": True, "is_enterprise_install": False}],
    }).encode()
    before = len(fake.posted(channel=channel))
    request = urllib.request.Request(f"{advisor.url}/webhooks/slack/webhook", data=body,
                                     headers=signed(body))
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert response.status == 200
    # Slack is answered before the bot replies: the reply is the bot's post in this DM, and the turn
    # is done once Rasa has stored it (a later post of the previous turn could come first)
    fake.wait_for(lambda: fake.posted(channel=channel)[before:])
    sender = f"slack:TFAKETEAM:{channel}:{user}"
    deadline = time.monotonic() + TIMEOUT
    while text not in stored_user_texts(advisor, sender):  # polls the store: the turn's own event
        assert time.monotonic() < deadline, f"the turn of {text!r} was not stored"
        time.sleep(0.1)


def stored_user_texts(advisor, sender: str) -> List[str]:
    """The user messages of a conversation as Rasa stored them (none before its first turn ends)."""
    try:
        events = advisor.tracker(sender)["events"]
    except urllib.error.HTTPError:
        return []
    return [e.get("text") for e in events if e.get("event") == "user"]


def socketio_conversation(url: str, messages: List[str]) -> str:
    """Sends the messages over socket.io, each after the bot has answered the previous one."""
    session_id = uuid.uuid4().hex

    async def run() -> None:
        client = socketio.AsyncClient()
        replies: asyncio.Queue = asyncio.Queue()
        confirmed = asyncio.Event()
        client.on("session_confirm", lambda _: confirmed.set())
        client.on("bot_uttered", lambda data: replies.put_nowait(data))
        await client.connect(url, transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": session_id})
            await asyncio.wait_for(confirmed.wait(), TIMEOUT)
            for message in messages:
                await client.emit("user_uttered", {"message": message, "session_id": session_id})
                # every turn here ends with a question or the result: a message with buttons or
                # the score chart
                while True:
                    data = await asyncio.wait_for(replies.get(), TIMEOUT)
                    if data.get("quick_replies") or data.get("type") == "score_breakdown":
                        break
        finally:
            await close_socketio_client(client)

    asyncio.run(run())
    return session_id


@pytest.fixture(scope="module")
def fake_slack():
    with FakeSlack(SLACK_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def advisor(fake_slack):
    env = {"SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SECRET,
           "SLACK_API_URL": fake_slack.api_url}
    with running_advisor(extra_env=env) as running:
        yield running


@pytest.fixture(scope="module")
def held(advisor, fake_slack):
    """The conversations, held once; their senders by what they did."""
    senders = {}
    for name, messages in {
        "rest-completed": ["hi", "/start_assessment", *TYPED],
        "rest-stopped": ["/start_assessment", "senior", "5", "stop the quiz"],
        "rest-fallbacks": [KNOWN_OUT_OF_SCOPE, GIBBERISH, CONTACT, "is learning better at a startup"],
        "rest-changed": ["/start_assessment", *BUTTONS, "change my answer on risk",
                         "strongly disagree"],
    }.items():
        for message in messages:
            advisor.say(name, message)
        senders[name] = name
    senders["socketio-constrained"] = socketio_conversation(
        advisor.url, ["/start_assessment", *CONSTRAINED])
    senders["socketio-dropped"] = socketio_conversation(advisor.url, ["/start_assessment", STAGE])
    user, channel = "U" + uuid.uuid4().hex[:8].upper(), "D" + uuid.uuid4().hex[:8].upper()
    # typed as a person types in Slack, where a leading "/" would be a slash command
    for text in ["what's the pay like at big tech", "let's do the assessment", "new grad"]:
        slack_dm(advisor, fake_slack, user, channel, text)
    senders["slack-dropped"] = user
    return senders


def get(advisor, path: str, token: str = None, headers: Dict[str, str] = None):
    """(status, body) of a GET on the Rasa server."""
    separator = "&" if "?" in path else "?"
    url = f"{advisor.url}{path}" + (f"{separator}token={token}" if token else "")
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def figures(advisor, query: str = "") -> Dict:
    status, body = get(advisor, f"/insights.json{query}", advisor.token)
    assert status == 200, body
    return json.loads(body)


def test_the_figures_are_exactly_those_of_the_conversations(advisor, held):
    f = figures(advisor)
    assert f["conversations"] == 7
    assert f["channels"] == {"rest": 4, "socketio": 2, "slack": 1}
    assert f["assessments"] == {"started": 6, "completed": 3, "stopped": 1,
                                "dropped_at": {"pace": 2}}
    # the gibberish and the unread answer fell to the fallback; the weather and the contact
    # details are out of scope
    assert {k: f["fallbacks"][k] for k in ("total", "nlu_fallback", "out_of_scope")} == {
        "total": 4, "nlu_fallback": 2, "out_of_scope": 2}
    assert sorted((e["text"], e["intent"], e["count"]) for e in f["fallbacks"]["examples"]) == sorted([
        (KNOWN_OUT_OF_SCOPE, "out_of_scope", 1), (GIBBERISH, "nlu_fallback", 1),
        (UNREAD, "nlu_fallback", 1), (mask(CONTACT), "out_of_scope", 1)])
    assert f["unread_answers"] == {"pace": 1}
    assert f["unread_examples"] == {"pace": [UNREAD]}
    results = {name: advisor.slots(sender)["recommendation"] for name, sender in held.items()}
    assert results["socketio-constrained"] == "big_tech"
    expected = {r: sum(v == r for v in results.values()) for r in ("startup", "big_tech", "either")}
    assert f["recommendations"] == {**expected, "decided_by_constraint": 1}
    assert sum(expected.values()) == 3
    assert f["changed_answers"] == {"risk": 1}
    # 12 typed answers (one unread), 11 buttons, 11 buttons
    assert f["median_turns_to_result"] == 11
    assert f["factors_asked"] == {"learning": 1, "compensation": 1}


def test_the_window_and_the_channel_filter(advisor, held):
    socket = figures(advisor, "?channel=socketio")
    assert (socket["conversations"], socket["assessments"]) == (
        2, {"started": 2, "completed": 1, "stopped": 0, "dropped_at": {"pace": 1}})
    assert socket["channels"] == {"socketio": 2} and socket["fallbacks"]["total"] == 0
    slack = figures(advisor, "?channel=slack")
    assert (slack["conversations"], slack["factors_asked"]) == (1, {"compensation": 1})
    today = datetime.now(timezone.utc).date()
    assert figures(advisor, f"?since={today}&until={today}")["conversations"] == 7
    assert figures(advisor, f"?since={today + timedelta(days=1)}")["conversations"] == 0
    assert figures(advisor, f"?until={today - timedelta(days=1)}")["conversations"] == 0
    assert get(advisor, "/insights.json?channel=fax", advisor.token)[0] == 400
    assert get(advisor, "/insights.json?since=yesterday", advisor.token)[0] == 400


@pytest.mark.parametrize("path", ["/insights", "/insights.json", "/insights/to_label.yml"])
def test_the_token_is_needed(advisor, path):
    assert get(advisor, path)[0] == 401
    assert get(advisor, path, "not-the-token")[0] == 401
    assert get(advisor, path, headers={"Authorization": "Bearer not-the-token"})[0] == 401
    assert get(advisor, path, headers={"Authorization": f"Bearer {advisor.token}"})[0] == 200
    assert get(advisor, path, advisor.token)[0] == 200


def test_masking():
    assert mask(CONTACT) == "my email is <email>, phone <phone>, cv at <url>"
    assert mask("call 415-555-0100 or (415) 555 0100, or www.ada.dev") == \
        "call <phone> or <phone>, or <url>"
    # answers and figures stay as they are
    for kept in ("4", "2 yoe", "100%", "$180,000 to $220,000", "5 years at google", "3.5"):
        assert mask(kept) == kept


def test_masking_a_long_run_of_digits_ends():
    # A pattern with nested repeats takes exponential time on this (a message may hold 2,000
    # characters): it never ends, and the page and export with it. The limit is a hang detector.
    digits = "1" * 60 + "x"
    run = subprocess.run([sys.executable, "-c", f"from bot.insights import mask; print(mask({digits!r}))"],
                         cwd=launch.ROOT, env=launch.environment(), capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.strip() == digits


def test_the_page_draws_its_charts_in_chromium(advisor, held):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{advisor.url}/insights?token={advisor.token}")
            assert page.locator("#conversations").inner_text() == "7"
            funnel = page.get_by_role("img", name="Funnel")
            bars = funnel.locator("rect.bar")
            assert [bars.nth(n).get_attribute("data-value") for n in range(4)] == ["6", "3", "1", "2"]
            widths = [bars.nth(n).bounding_box()["width"] for n in range(4)]
            assert widths[0] > widths[1] > widths[3] > widths[2] > 0  # drawn to scale
            assert page.locator("figure.chart svg").count() == 7
            text = page.content()
            assert mask(CONTACT) in page.inner_text("body")
            assert EMAIL not in text and "7946" not in text and URL not in text
            page.screenshot(path=ARTIFACTS / "insights.png", full_page=True)
            # the page loads nothing else: no CDN, no script
            assert requests == [f"{advisor.url}/insights?token={advisor.token}"]
            assert page.locator("script").count() == 0
        finally:
            browser.close()


def test_the_page_shows_user_text_as_text():
    from bot.insights import render_page

    attack = '<img src=x onerror="alert(1)"></td><script>alert(2)</script>'
    f = {"window": {"since": None, "until": None, "channel": None}, "conversations": 1,
         "user_messages": 1, "assessments": {"started": 0, "completed": 0, "stopped": 0,
                                             "dropped_at": {}},
         "unread_answers": {"pace": 1}, "unread_examples": {"pace": [attack]},
         "fallbacks": {"total": 1, "nlu_fallback": 1, "out_of_scope": 0,
                       "examples": [{"text": attack, "intent": "nlu_fallback", "count": 1}]},
         "recommendations": {"startup": 0, "big_tech": 0, "either": 0, "decided_by_constraint": 0},
         "changed_answers": {}, "median_turns_to_result": None, "factors_asked": {attack: 1},
         "channels": {"rest": 1}}
    page = render_page(f, {"token": 'x"><script>'})
    assert "<img" not in page and "<script" not in page and "onerror=\"" not in page
    # in both tables, and as a bar's label and its tooltip
    assert page.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") == 4


def test_user_text_stays_out_of_the_logs(advisor, held):
    figures(advisor)
    get(advisor, "/insights", advisor.token)
    get(advisor, "/insights/to_label.yml", advisor.token)
    logs = "".join(p.read_text(errors="replace") for p in advisor.log_dir.glob("*.log"))
    for text in (EMAIL, "7946", UNREAD, GIBBERISH):
        assert text not in logs


def export(advisor, out: Path) -> subprocess.CompletedProcess:
    """`make insights-export`'s command on this advisor's tracker store."""
    return subprocess.run(
        [sys.executable, "-m", "bot.insights", "export", "--out", str(out)], cwd=launch.ROOT,
        env=launch.environment(TRACKER_DB=advisor.env["TRACKER_DB"]), capture_output=True,
        text=True, timeout=300)


def test_the_export_loads_as_training_data_and_validates_once_labelled(advisor, held, tmp_path):
    from rasa.shared.nlu.training_data.loading import load_data

    from tests.validate_data import AdvisorValidator, validate
    from rasa.shared.importers.importer import TrainingDataImporter

    out = tmp_path / "to_label.yml"
    run = export(advisor, out)
    assert run.returncode == 0, run.stderr[-2000:]
    assert EMAIL not in run.stdout + run.stderr and UNREAD not in run.stdout + run.stderr
    served = get(advisor, "/insights/to_label.yml", advisor.token)[1]
    assert served == out.read_text()
    data = load_data(str(out))
    examples = {e.get("text"): e for e in data.training_examples}
    # the weather is a training example already; the unread answer was a fallback too, once here,
    # with its question
    assert set(examples) == {GIBBERISH, mask(CONTACT), UNREAD}
    assert EMAIL not in out.read_text() and "7946" not in out.read_text()
    document = yaml.safe_load(out.read_text())
    given = {e["text"]: (block["intent"], e["metadata"]) for block in document["nlu"]
             for e in block["examples"]}
    assert all(metadata["review"] is True for _, metadata in given.values())
    assert given[UNREAD][1]["question"] == "pace" and given[UNREAD][1]["reason"] == "unread_answer"
    assert given[GIBBERISH][1]["reason"] == "nlu_fallback"

    project = tmp_path / "project"
    shutil.copytree(launch.ROOT / "data", project / "data")
    # labelled as a person would, in the exported file itself (metadata kept): the gibberish and
    # the contact details out of scope; the word typed in answer to a question stays an answer
    # (the reader missed it, not the classifier)
    labels = {GIBBERISH: "out_of_scope", mask(CONTACT): "out_of_scope", UNREAD: "answer"}
    examples_by_text = {e["text"]: e for block in document["nlu"] for e in block["examples"]}
    document["nlu"] = [{"intent": intent, "examples": [examples_by_text[t] for t, i in labels.items()
                                                      if i == intent]}
                       for intent in sorted(set(labels.values()))]
    (project / "data" / "nlu" / "to_label.yml").write_text(yaml.safe_dump(document, sort_keys=False))
    importer = TrainingDataImporter.load_from_config(
        str(launch.ROOT / "config.yml"), str(launch.ROOT / "bot" / "domain.yml"),
        [str(project / "data")])
    assert validate(AdvisorValidator.from_importer(importer))
    texts = {e.get("text") for e in importer.get_nlu_data().training_examples}
    assert set(labels) <= texts


def test_the_export_drops_what_data_nlu_has_and_repeats():
    messages = [{"text": KNOWN_OUT_OF_SCOPE.upper(), "reason": "out_of_scope", "question": None,
                 "intent": "out_of_scope", "count": 2},
                {"text": "  new   thing ", "reason": "nlu_fallback", "question": None,
                 "intent": "help", "count": 1},
                {"text": "New thing", "reason": "unread_answer", "question": "risk",
                 "intent": "answer", "count": 1}]
    document = yaml.safe_load(to_label_yaml(messages, {KNOWN_OUT_OF_SCOPE}))
    # the same text twice: kept once, as the unread answer, which names its question
    assert document["nlu"] == [{"intent": "answer", "examples": [
        {"text": "New thing", "metadata": {"review": True, "reason": "unread_answer", "seen": 1,
                                           "question": "risk"}}]}]


def test_postgresql_gives_the_same_figures_as_sqlite(advisor, held):
    """The scaled set-up's store: the same events copied into a throw-away PostgreSQL."""
    import sqlalchemy as sa

    from tests.stores import throwaway_postgres

    sqlite = Insights(sa.create_engine(f"sqlite:///{advisor.env['TRACKER_DB']}", future=True))
    columns = "id, sender_id, type_name, timestamp, intent_name, action_name, data"
    with sqlite.engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(sa.text(f"SELECT {columns} FROM events"))]
    with throwaway_postgres() as db:
        engine = sa.create_engine(
            f"postgresql://{db['DB_USER']}@{db['DB_HOST']}:{db['DB_PORT']}/{db['DB_DATABASE']}",
            future=True)
        postgres = Insights(engine)
        postgres.ensure_index()  # creates Rasa's table too, as the server's first start does
        with engine.begin() as connection:
            connection.execute(sa.text(f"INSERT INTO events ({columns}) VALUES (:id, :sender_id, "
                                       ":type_name, :timestamp, :intent_name, :action_name, :data)"),
                               rows)
        today = datetime.now(timezone.utc).date()
        for query in ({}, {"channel": ["socketio"]}, {"since": [str(today)], "until": [str(today)]}):
            window = parse_window(query)
            assert postgres.figures(window) == sqlite.figures(window)
            assert postgres.misunderstood(window) == sqlite.misunderstood(window)
        assert postgres.figures()["conversations"] == 7
        assert postgres.delete_older_than(30, now=datetime.now(timezone.utc) + timedelta(days=31)) == 7
        engine.dispose()


def test_window_parsing():
    window = parse_window({"since": ["2026-11-01"], "until": ["2026-11-30"], "channel": ["shell"]})
    assert window.bounds == {"since": datetime(2026, 11, 1, tzinfo=timezone.utc).timestamp(),
                             "until": datetime(2026, 12, 1, tzinfo=timezone.utc).timestamp()}
    with pytest.raises(ValueError):
        parse_window({"since": ["2026-12-02"], "until": ["2026-12-01"]})


def seed(db: Path, sender: str, days_ago: List[float], channel: str = "rest") -> None:
    """A conversation whose events happened the given number of days ago."""
    now = time.time()
    with sqlite3.connect(db) as connection:
        for age in days_ago:
            stamp = now - age * 86400
            connection.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                "VALUES (?, 'user', ?, 'greet', NULL, ?)",
                (sender, stamp, json.dumps({"event": "user", "timestamp": stamp, "text": "hi",
                                            "parse_data": {"intent": {"name": "greet"}},
                                            "input_channel": channel})))


def rows_per_sender(db: Path) -> Dict[str, int]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))


def test_retention_on_a_copy_deletes_only_whole_old_conversations(advisor, held, tmp_path):
    db = tmp_path / "copy.db"
    with sqlite3.connect(advisor.env["TRACKER_DB"]) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    seed(db, "old", [45, 40])
    seed(db, "old-but-back", [45, 2])  # an old conversation with a recent message: kept whole
    seed(db, "recent", [29])
    before = rows_per_sender(db)
    import sqlalchemy as sa

    deleted = Insights(sa.create_engine(f"sqlite:///{db}")).delete_older_than(30)
    assert deleted == 1
    assert rows_per_sender(db) == {s: n for s, n in before.items() if s != "old"}


def test_the_terminal_counts_as_the_shell_channel(tmp_path):
    import sqlalchemy as sa

    db = tmp_path / "shell.db"
    insights = Insights(sa.create_engine(f"sqlite:///{db}", future=True))
    insights.ensure_index()
    seed(db, "terminal", [0.1], channel="cmdline")  # what `rasa shell` (make chat) stores
    seed(db, "web", [0.1], channel="socketio")
    assert insights.figures()["channels"] == {"shell": 1, "socketio": 1}
    shell = insights.figures(parse_window({"channel": ["shell"]}))
    assert (shell["conversations"], shell["user_messages"]) == (1, 1)


def test_retention_runs_again_every_day_even_after_a_failed_run():
    from bot import insights

    deletes, waits = [], []

    class Store:
        def delete_older_than(self, days):
            deletes.append(days)
            if len(deletes) == 1:
                raise OSError("database away")
            return 0

    async def one_day(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            raise asyncio.CancelledError  # the server stopping

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(insights._retention_daily(Store(), 30, sleep=one_day))
    assert waits == [86400] * 3 and deletes == [30, 30]


def test_retention_runs_when_the_server_starts(advisor, held):
    """Last: restarts the module's Rasa server with TRACKER_RETENTION_DAYS set."""
    db = Path(advisor.env["TRACKER_DB"])
    seed(db, "stale", [100, 95])
    seed(db, "fresh", [3])
    before = rows_per_sender(db)
    advisor.stop_rasa()
    advisor.env["TRACKER_RETENTION_DAYS"] = "90"
    advisor.start_rasa("rasa-retention.log")
    assert rows_per_sender(db) == {s: n for s, n in before.items() if s != "stale"}
    assert figures(advisor)["conversations"] == 8  # the seven and "fresh"
    advisor.stop_rasa()
    advisor.env["TRACKER_RETENTION_DAYS"] = "zero"
    with pytest.raises(RuntimeError):  # a wrong value stops the server at start-up
        advisor.start_rasa("rasa-retention-wrong.log")
