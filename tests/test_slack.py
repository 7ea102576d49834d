"""The Slack channel end to end: the real Rasa and action servers, Slack's side played by the tests.

Events and button clicks are signed like Slack signs them and sent to /webhooks/slack/webhook (or
over a fake Socket Mode WebSocket); replies are read from tests/fake_slack.py, which stands in for
Slack's Web API. Each test talks as its own Slack users, so the tests share one server without
sharing conversations. Waits are on what Slack receives (or on the saved conversation), each with a
deadline; nothing waits for a quiet period.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Dict, Iterator, List, Optional

import pytest
import sqlalchemy as sa
import yaml
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from actions import advice, knowledge, questions, scoring
from actions.knowledge import default
from bot.channels.slack import (
    ALREADY_ANSWERED,
    NOT_YOURS,
    REDELIVERY_APOLOGY,
    SECRETS,
    Place,
    Poster,
    SlackChannel,
    conversation_id,
)
from bot.runtime.launch import ROOT
from bot.stores import slack as slack_store
from bot.stores.slack import MemoryKeys, RecentKeys, SQLKeys
from tests.fake_slack import APP_ID, BOT_ID, BOT_USER, TEAM, FakeSlack
from tests.servers import Advisor, running_advisor
from tests.stores import throwaway_postgres

# The assessment's questions, in the order they are asked: the knowledge file's.
QUESTIONS = default().questions

TOKEN = "xoxb-test-bot-token"
SECRET = "test-signing-secret"
APP_TOKEN = "xapp-test-app-token"
RETRY_REASONS = ["http_timeout", "http_error", "connection_failed", "unknown_error"]
_numbers = itertools.count(1)


@dataclass
class Answer:
    status: int
    text: str


def signature(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    """Slack's v0 request signature: HMAC-SHA256 of "v0:{timestamp}:{body}"."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


def new_ts() -> str:
    return f"{int(time.time())}.{next(_numbers):06d}"


class SlackSide:
    """Sends what Slack sends to the app's webhook."""

    def __init__(self, advisor: Advisor, fake: FakeSlack) -> None:
        self.advisor = advisor
        self.fake = fake
        self.webhook = f"{advisor.url}/webhooks/slack/webhook"

    def post(self, body: bytes, content_type: str, headers: Optional[Dict[str, str]] = None,
             timestamp: Optional[str] = None, sign_with: Optional[str] = SECRET) -> Answer:
        timestamp = timestamp or str(int(time.time()))
        all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
                       **(headers or {})}
        if sign_with:
            all_headers["X-Slack-Signature"] = signature(body, timestamp, sign_with)
        request = urllib.request.Request(self.webhook, data=body, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())

    def event(self, body: Dict, **kwargs) -> Answer:
        return self.post(json.dumps(body).encode(), "application/json", **kwargs)

    def click(self, post: Dict, button_title: str, user: str) -> str:
        """Clicks a button of a posted message; returns the click's response_url."""
        response_url = self.fake.response_url(new_id("R"))
        payload = block_actions(post, button_title, user, response_url)
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        answer = self.post(body, "application/x-www-form-urlencoded")
        assert answer.status == 200, answer
        return response_url

    def responses(self, response_url: str) -> List[Dict]:
        path = urllib.parse.urlsplit(response_url).path
        return [r for r in self.fake.responses if r["url"] == path]


def event_callback(event_type: str, user: str, channel: str, text: str, ts: Optional[str] = None,
                   **fields) -> Dict:
    """An Events API request, as Slack sends it for a `message` or an `app_mention`."""
    ts = ts or new_ts()
    event = {"type": event_type, "user": user, "text": text, "ts": ts, "event_ts": ts,
             "channel": channel, "team": TEAM, **fields}
    if event_type == "message":
        event.setdefault("channel_type", "im" if channel.startswith("D") else "channel")
    return {
        "token": "legacy-verification-token", "team_id": TEAM, "api_app_id": APP_ID,
        "event": event, "type": "event_callback", "event_id": new_id("Ev"),
        "event_time": int(float(ts)), "event_context": new_id("4-"),
        "authorizations": [{"enterprise_id": None, "team_id": TEAM, "user_id": BOT_USER,
                            "is_bot": True, "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }


def direct_message(user: str, channel: str, text: str, **fields) -> Dict:
    return event_callback("message", user, channel, text, **fields)


def mention(user: str, channel: str, text: str, **fields) -> Dict:
    return event_callback("app_mention", user, channel, f"<@{BOT_USER}> {text}", **fields)


def buttons(post: Dict) -> List[Dict]:
    return [element for block in post.get("blocks", []) if block["type"] == "actions"
            for element in block["elements"]]


def titles(post: Dict) -> List[str]:
    return [b["text"]["text"] for b in buttons(post)]


def block_actions(post: Dict, button_title: str, user: str, response_url: str) -> Dict:
    """The interaction payload Slack sends when `user` clicks a button of a posted message."""
    button = next(b for b in buttons(post) if b["text"]["text"] == button_title)
    thread = {"thread_ts": post["thread_ts"]} if post.get("thread_ts") else {}
    container = {"type": "message", "message_ts": post["ts"], "channel_id": post["channel"],
                 "is_ephemeral": bool(post.get("ephemeral")), **thread}
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "ada", "name": "ada", "team_id": TEAM},
        "api_app_id": APP_ID, "token": "legacy-verification-token", "container": container,
        "trigger_id": "1234567890.123.abcdef", "team": {"id": TEAM, "domain": "fake"},
        "enterprise": None, "is_enterprise_install": False,
        "channel": {"id": post["channel"], "name": "directmessage"},
        "state": {"values": {}}, "response_url": response_url,
        "actions": [{"action_id": button["action_id"], "block_id": "fake-block",
                     "text": button["text"], "value": button["value"], "type": "button",
                     "action_ts": f"{time.time():.6f}"}],
    }
    if not post.get("ephemeral"):  # Slack sends the message itself only for a normal one
        payload["message"] = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID,
                              "app_id": APP_ID, "text": post["text"], "ts": post["ts"],
                              "blocks": post["blocks"], "team": TEAM, **thread}
    return payload


def wait_until(condition, timeout: float = 60, what: str = "condition"):
    """Polls condition (something this process cannot be told about, such as a saved
    conversation) until it returns a truthy value; fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        assert time.monotonic() < deadline, f"no {what} within {timeout:.0f} s"
        time.sleep(0.2)


def user_texts(advisor: Advisor, sender: str) -> List[str]:
    """What the user said in a conversation, as saved (an unknown conversation: nothing)."""
    return [e.get("text") for e in advisor.tracker(sender)["events"] if e.get("event") == "user"]


def turn_saved(advisor: Advisor, sender: str, check) -> Dict:
    """Waits until sender's saved conversation passes check(slots) at the end of a turn."""
    def saved():
        try:
            tracker = advisor.tracker(sender)
        except urllib.error.HTTPError:
            return None
        events = tracker.get("events") or []
        done = events and events[-1].get("event") == "action" and \
            events[-1].get("name") == "action_listen"
        return tracker["slots"] if done and check(tracker["slots"]) else None

    return wait_until(saved, what=f"saved turn of {sender}")


@pytest.fixture(scope="module")
def fake_slack():
    with FakeSlack(TOKEN, APP_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def slack(fake_slack):
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           # without its trailing slash: the channel must still call .../api/<method>
           "SLACK_API_URL": fake_slack.api_url.rstrip("/"),
           "SLACK_REDELIVERY_SECONDS": "1"}
    with running_advisor(extra_env=env) as advisor:
        yield SlackSide(advisor, fake_slack)


def settle(slack: SlackSide, user: str, channel: str) -> None:
    """Returns once every DM the user sent so far is answered, or refused for good.

    Rasa answers one conversation's messages one at a time, in order, and a DM is one
    conversation wherever in it the user writes: when a message in a new thread of the DM is
    answered (in that thread), everything before it is done.
    """
    marker = new_ts()
    assert slack.event(direct_message(user, channel, "hi", thread_ts=marker)).status == 200
    slack.fake.wait_for(lambda: slack.fake.posted(channel=channel, thread_ts=marker))


def latest(fake: FakeSlack, text: str, **fields) -> List[Dict]:
    """The latest post with these fields whose text contains text, as a one-item list (or empty)."""
    return [p for p in fake.posted(**fields) if text in p.get("text", "")][-1:]


def start_assessment(slack: SlackSide, user: str, channel: str) -> Dict:
    """Says hi in a DM and clicks the greeting's assessment button; returns the first question."""
    fake = slack.fake
    assert slack.event(direct_message(user, channel, "hi")).status == 200
    [greeting] = fake.wait_for(lambda: fake.posted(channel=channel))
    slack.click(greeting, "Take the 2-minute assessment", user)
    [question] = fake.wait_for(lambda: latest(fake, "(1/11)", channel=channel))
    return question


def start_in_channel(slack: SlackSide, user: str, channel: str) -> Dict:
    """Mentions the bot in a channel, clicks the assessment button; returns question 1."""
    fake = slack.fake
    body = mention(user, channel, "hi")
    assert slack.event(body).status == 200
    thread = body["event"]["ts"]
    [greeting] = fake.wait_for(lambda: fake.posted(channel=channel, thread_ts=thread))
    slack.click(greeting, "Take the 2-minute assessment", user)
    [question] = fake.wait_for(lambda: latest(fake, "(1/11)", channel=channel, thread_ts=thread))
    return question


# --- the stores, on their own -----------------------------------------------------------------

def test_remembered_keys_are_bounded_in_number_and_time():
    now = [0.0]
    recent = RecentKeys(ttl=10, size=10, clock=lambda: now[0])
    assert [recent.add(n) for n in (1, 2, 1)] == [True, True, False]
    for n in range(100):
        recent.add(n)
    assert len(recent) <= 10 and not recent.add(99) and recent.add(0)
    now[0] += 11  # past the time to live
    assert recent.add(99)


@contextmanager
def database(kind: str, folder) -> Iterator[str]:
    """An empty database's URL: an SQLite file (the default set-up) or a throw-away PostgreSQL
    (the scaled one)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'tracker.db'}"
        return
    with throwaway_postgres() as db:
        yield (f"postgresql+psycopg2://{db['DB_USER']}@{db['DB_HOST']}:{db['DB_PORT']}/"
               f"{db['DB_DATABASE']}")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_claims_and_live_questions_are_shared_by_replicas_and_expire(kind, tmp_path, monkeypatch):
    with database(kind, tmp_path) as url:
        check_claims_and_live_questions(url, monkeypatch)


def check_claims_and_live_questions(url: str, monkeypatch) -> None:
    one, other = SQLKeys(sa.create_engine(url)), SQLKeys(sa.create_engine(url))
    assert one.claim("event:Ev1") and not other.claim("event:Ev1")

    one.set_live("conversation", "1.000001", "(1/11) Your stage?")
    assert other.take_live("conversation", "0.999999") is None  # an older question
    assert other.take_live("conversation", "1.000001") == "(1/11) Your stage?"
    assert one.take_live("conversation", "1.000001") is None  # a double click

    later = time.time() + slack_store.CLAIM_SECONDS + 1
    monkeypatch.setattr(slack_store.time, "time", lambda: later)
    assert other.claim("event:Ev1")  # expired: a new event may reuse nothing, but rows go
    for number in range(slack_store.PURGE_EVERY + 1):
        one.claim(f"event:new{number}")
    with one.engine.connect() as connection:
        keys = connection.execute(sa.select(one.table.c.key)).scalars().all()
    assert "event:Ev1" in keys and len(keys) <= slack_store.PURGE_EVERY + 3


@contextmanager
def kept_stores(kind: str, folder) -> Iterator[tuple]:
    """Two stores sharing their kept messages, as two replicas do: on one SQL database, or (the
    in-memory fallback, for one process) the same store twice."""
    if kind == "memory":
        store = MemoryKeys()
        yield store, store
        return
    with database(kind, folder) as url:
        yield SQLKeys(sa.create_engine(url)), SQLKeys(sa.create_engine(url))


def stored_conversations(store) -> set:
    """The conversations with kept rows in the store, expired or not."""
    if isinstance(store, MemoryKeys):
        return set(store.kept_messages)
    with store.engine.connect() as connection:
        return set(connection.execute(sa.select(store.kept_table.c.conversation)).scalars())


@pytest.mark.parametrize("kind", ["sqlite", "postgresql", "memory"])
def test_kept_messages_are_ordered_bounded_claimed_once_and_expire(kind, tmp_path, monkeypatch):
    place = {"team": TEAM, "channel": "D1", "user": "U1", "thread": None, "in_dm": True,
             "conversation": "a"}
    with kept_stores(kind, tmp_path) as (one, other):
        def texts(conversation: str) -> List[str]:
            return [kept.post["text"] for kept in other.kept(conversation)]

        for number in range(3):
            assert one.keep("a", place, {"text": f"a{number}", "blocks": [{"type": "section"}]},
                            private=number == 1) == 0
        one.keep("b", {**place, "conversation": "b"}, {"text": "b0"}, private=False)
        queue = other.kept("a")
        assert texts("a") == ["a0", "a1", "a2"] and [kept.private for kept in queue] == [False, True, False]
        assert queue[0].place == place and queue[0].post["blocks"] == [{"type": "section"}]
        assert not any(kept.apologised for kept in queue) and sorted(other.kept_conversations()) == ["a", "b"]

        # a message is claimed by one server at a time; Slack refused it: the claim goes, the apology stays
        first = queue[0]
        assert one.claim_kept(first.id) and not other.claim_kept(first.id)
        one.release_kept(first.id, apologised=True)
        assert other.kept("a")[0].apologised
        assert other.claim_kept(first.id) and not one.claim_kept(first.id)
        other.delete_kept(first.id)  # delivered
        assert texts("a") == ["a1", "a2"] and not other.kept("a")[0].apologised

        # the newest MAX_KEPT_MESSAGES of a conversation are kept
        extra = 2
        dropped = [one.keep("c", place, {"text": f"c{n}"}, False)
                   for n in range(slack_store.MAX_KEPT_MESSAGES + extra)]
        assert sum(dropped) == extra
        assert texts("c") == [f"c{n}" for n in range(extra, slack_store.MAX_KEPT_MESSAGES + extra)]

        # a claim held by a server that stopped runs out; after a day the messages go
        second = other.kept("a")[0]
        assert one.claim_kept(second.id)
        now = time.time()
        monkeypatch.setattr(slack_store.time, "time", lambda: now + slack_store.KEPT_CLAIM_SECONDS + 1)
        assert other.claim_kept(second.id) and not one.claim_kept(second.id)
        monkeypatch.setattr(slack_store.time, "time", lambda: now + slack_store.KEPT_SECONDS + 1)
        assert other.kept("a") == [] and other.kept_conversations() == []
        for number in range(slack_store.PURGE_EVERY):  # purged as new ones are written
            one.keep("d", place, {"text": f"d{number}"}, False)
        assert stored_conversations(one) == {"d"}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_replicas_claiming_one_kept_message_at_once_get_it_once(kind, tmp_path):
    with database(kind, tmp_path) as url:
        stores = [SQLKeys(sa.create_engine(url)) for _ in range(6)]
        stores[0].keep("a", {}, {"text": "a0"}, False)
        [kept] = stores[0].kept("a")
        start = threading.Barrier(len(stores))
        claims = []

        def claim(store: SQLKeys) -> None:
            start.wait()
            claims.append(store.claim_kept(kept.id))

        racers = [threading.Thread(target=claim, args=(store,)) for store in stores]
        for racer in racers:
            racer.start()
        for racer in racers:
            racer.join()
        assert sorted(claims) == [False] * (len(stores) - 1) + [True]


def test_two_replicas_flushing_one_conversation_post_each_kept_message_once(fake_slack, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    user, dm = new_id("U"), new_id("D")
    place = Place(TEAM, dm, user, None, True, conversation_id(TEAM, dm, user))
    stores = [SQLKeys(sa.create_engine(url)) for _ in range(2)]
    for number in range(3):
        stores[0].keep(place.conversation, asdict(place), {"text": f"kept {number}"}, False)

    async def run() -> List[bool]:
        posters = [Poster(AsyncWebClient(token=TOKEN, base_url=fake_slack.api_url), lambda s=store: s)
                   for store in stores]
        # one event loop: each flush runs until it waits for Slack, so the two interleave
        return await asyncio.gather(*(poster.flush(place.conversation) for poster in posters))

    assert sorted(asyncio.run(run())) == [False, True]  # one delivered; the other left it to it
    texts = [post["text"] for post in fake_slack.posted(channel=dm)]
    assert texts == [REDELIVERY_APOLOGY, "kept 0", "kept 1", "kept 2"]
    assert stores[1].kept(place.conversation) == []


def test_the_api_url_works_with_and_without_its_trailing_slash():
    """slack_sdk's client adds the slash (the whole module's server also runs without it)."""
    bases = {SlackChannel(TOKEN, SECRET, None, url).client.base_url
             for url in ("http://127.0.0.1:1/api", "http://127.0.0.1:1/api/")}
    assert bases == {"http://127.0.0.1:1/api/"}


def test_an_uninstalled_app_posts_nothing_more(fake_slack):
    """tokens_revoked or app_uninstalled, through Bolt: the bot stops posting and logs why."""
    channel = SlackChannel(TOKEN, SECRET, None, fake_slack.api_url)
    dm = new_id("D")
    place = Place(TEAM, dm, new_id("U"), None, True, conversation_id(TEAM, dm, "U"))

    async def run() -> List[Dict]:
        await channel.poster.deliver(place, {"text": "before"}, private=False)
        revoked = event_callback("tokens_revoked", "", dm, "")
        revoked["event"] = {"type": "tokens_revoked", "tokens": {"bot": [BOT_USER]}}
        answer = await channel.bolt.async_dispatch(AsyncBoltRequest(body=json.dumps(revoked),
                                                                    mode="socket_mode"))
        assert answer.status == 200
        deadline = time.monotonic() + 10
        while not channel.poster.revoked:  # Bolt runs the listener after acknowledging
            assert time.monotonic() < deadline, "the revocation was not handled"
            await asyncio.sleep(0.01)
        await channel.poster.deliver(place, {"text": "after"}, private=False)
        await channel.poster.stop()
        return fake_slack.posted(channel=dm)

    assert [post["text"] for post in asyncio.run(run())] == ["before"]


# --- requests ---------------------------------------------------------------------------------

def test_url_verification_challenge_is_answered(slack):
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = {"token": "legacy-verification-token", "challenge": challenge, "type": "url_verification"}
    answer = slack.event(body)
    assert answer.status == 200 and json.loads(answer.text) == {"challenge": challenge}


def test_a_direct_message_gets_one_reply_in_the_dm(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    assert slack.event(direct_message(user, channel, "hi")).status == 200
    settle(slack, user, channel)
    [reply] = fake_slack.posted(channel=channel, thread_ts=None)
    assert "as_user" not in reply and not reply.get("ephemeral")
    assert reply["text"] and reply["blocks"][0]["type"] == "section"
    assert "Take the 2-minute assessment" in titles(reply)


@pytest.mark.parametrize("tamper", [
    {"sign_with": "not-the-signing-secret"},
    {"sign_with": None},
    {"timestamp": str(int(time.time()) - 5 * 60 - 30)},  # signed correctly, but over 5 minutes old
], ids=["wrong signature", "missing signature", "timestamp older than five minutes"])
def test_unsigned_or_stale_requests_are_refused(slack, fake_slack, tamper):
    user, channel = new_id("U"), new_id("D")
    answer = slack.event(direct_message(user, channel, "hi"), **tamper)
    assert answer.status == 401
    settle(slack, user, channel)
    assert fake_slack.posted(channel=channel, thread_ts=None) == []


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"),
    (b"[1, 2]", "application/json"),
    (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
    (b"nothing=here", "application/x-www-form-urlencoded"),
], ids=["broken JSON event", "JSON that is no object", "broken interaction payload",
        "form without payload"])
def test_signed_garbage_gets_a_clear_400(slack, body, content_type):
    answer = slack.post(body, content_type)
    assert answer.status == 400 and answer.text


def test_an_oversized_request_is_refused(slack):
    answer = slack.event(direct_message(new_id("U"), new_id("D"), "x" * 300_000))
    assert answer.status == 413


def test_a_retried_event_posts_nothing_new_whatever_the_reason(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    body = direct_message(user, channel, "hi")
    assert slack.event(body).status == 200
    first = fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=None))
    for number, reason in enumerate(RETRY_REASONS, start=1):
        retry = {"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason}
        assert slack.event(body, headers=retry).status == 200  # acknowledged, so Slack stops
    settle(slack, user, channel)
    assert fake_slack.posted(channel=channel, thread_ts=None) == first


def test_the_bots_own_message_is_ignored_even_without_bot_id(slack, fake_slack):
    channel, user, ts = new_id("D"), new_id("U"), new_ts()
    own = direct_message(BOT_USER, channel, "hi", ts=ts)  # no bot_id field
    assert slack.event(own).status == 200
    # A person's message with the same channel and ts: had the bot taken its own message, this
    # one would count as its twin and go unanswered, the greeting going to the bot's own
    # conversation instead.
    assert slack.event(direct_message(user, channel, "hi", ts=ts)).status == 200
    greetings = fake_slack.wait_for(lambda: fake_slack.posted(channel=channel))
    owners = {json.loads(b["value"])["o"] for post in greetings for b in buttons(post)}
    assert owners == {user}
    settle(slack, user, channel)
    assert len(fake_slack.posted(channel=channel, thread_ts=None)) == 1
    assert user_texts(slack.advisor, conversation_id(TEAM, channel, BOT_USER)) == []


def test_a_mention_in_a_channel_is_answered_in_its_thread(slack, fake_slack):
    user, channel = new_id("U"), new_id("C")
    top_level = mention(user, channel, "hi")
    assert slack.event(top_level).status == 200
    fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=top_level["event"]["ts"]))

    parent = f"{int(time.time()) - 60}.000001"
    in_thread = mention(user, channel, "hi", thread_ts=parent)
    assert slack.event(in_thread).status == 200
    fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=parent))
    assert fake_slack.posted(channel=channel, thread_ts=None) == []
    assert fake_slack.posted(channel=channel, thread_ts=in_thread["event"]["ts"]) == []


@pytest.mark.parametrize("first", ["app_mention", "message"])
def test_a_mention_sent_as_app_mention_and_message_is_answered_once(slack, fake_slack, first):
    user, channel = new_id("U"), new_id("D")
    ts = new_ts()
    twins = {kind: event_callback(kind, user, channel, f"<@{BOT_USER}> hi", ts=ts)
             for kind in ("app_mention", "message")}
    second = "message" if first == "app_mention" else "app_mention"
    assert slack.event(twins[first]).status == 200
    fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=None))
    assert slack.event(twins[second]).status == 200
    settle(slack, user, channel)
    assert len(fake_slack.posted(channel=channel, thread_ts=None)) == 1


def test_a_typed_command_that_no_button_sends_changes_nothing(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    start_assessment(slack, user, channel)
    assert slack.event(direct_message(user, channel, '/inform{"risk": 999}')).status == 200
    fake_slack.wait_for(lambda: latest(fake_slack, "can't take", channel=channel))
    assert slack.advisor.slots(conversation_id(TEAM, channel, user))["risk"] is None


# --- conversations and buttons ----------------------------------------------------------------

def test_a_button_click_continues_the_assessment_and_closes_the_question(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, user, channel)
    assert len(buttons(question)) >= 2 and "thread_ts" not in question
    slack.click(question, titles(question)[0], user)
    [following] = fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=channel))
    assert buttons(following)
    turn_saved(slack.advisor, conversation_id(TEAM, channel, user),
               lambda slots: slots["stage"] is not None)
    [update] = [u for u in fake_slack.updates if u["ts"] == question["ts"]]
    assert "actions" not in [block["type"] for block in update["blocks"]]
    assert titles(question)[0] in json.dumps(update["blocks"], ensure_ascii=False)


def test_someone_elses_click_is_refused_and_changes_nothing(slack, fake_slack):
    owner, other, channel = new_id("U"), new_id("U"), new_id("C")
    question = start_in_channel(slack, owner, channel)
    thread = question["thread_ts"]
    response_url = slack.click(question, titles(question)[0], other)
    [refusal] = fake_slack.wait_for(lambda: slack.responses(response_url))
    assert refusal["text"] == NOT_YOURS and refusal["response_type"] == "ephemeral"
    assert refusal.get("replace_original") is False
    # The owner's own click still counts (the question is live), in the owner's conversation.
    slack.click(question, titles(question)[0], owner)
    fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=channel, thread_ts=thread))
    turn_saved(slack.advisor, conversation_id(TEAM, channel, owner, thread),
               lambda slots: slots["stage"] is not None)
    assert user_texts(slack.advisor, conversation_id(TEAM, channel, other, thread)) == []


def test_a_stale_or_double_click_changes_nothing(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, user, channel)
    urls = []
    clicks = [threading.Thread(target=lambda title=title: urls.append(slack.click(question, title,
                                                                                  user)))
              for title in titles(question)[:2]]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=channel))
    sender = conversation_id(TEAM, channel, user)
    stage = turn_saved(slack.advisor, sender, lambda slots: slots["stage"] is not None)["stage"]
    urls.append(slack.click(question, titles(question)[-2], user))  # question 1, answered before

    def notes() -> List[Dict]:
        found = [r for url in urls for r in slack.responses(url)]
        return found if len(found) == 2 else []

    assert [note["text"] for note in fake_slack.wait_for(notes)] == [ALREADY_ANSWERED] * 2
    assert slack.advisor.slots(sender)["stage"] == stage
    assert len([p for p in fake_slack.posted(channel=channel) if "(2/11)" in p["text"]]) == 1
    assert [p for p in fake_slack.posted(channel=channel) if "(3/11)" in p["text"]] == []
    assert len([u for u in fake_slack.updates if u["ts"] == question["ts"]]) == 1


def test_one_user_in_a_dm_and_a_channel_thread_has_two_conversations(slack, fake_slack):
    user, dm, channel = new_id("U"), new_id("D"), new_id("C")
    question = start_in_channel(slack, user, channel)
    thread = question["thread_ts"]
    assert slack.event(direct_message(user, dm, "hi")).status == 200
    [greeting] = fake_slack.wait_for(lambda: fake_slack.posted(channel=dm))
    assert "(1/11)" not in greeting["text"] and "(2/11)" not in greeting["text"]
    slack.click(question, titles(question)[0], user)
    fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=channel, thread_ts=thread))
    turn_saved(slack.advisor, conversation_id(TEAM, channel, user, thread),
               lambda slots: slots["stage"] is not None)
    assert slack.advisor.slots(conversation_id(TEAM, dm, user))["stage"] is None
    assert [p for p in fake_slack.posted(channel=dm) if "/11)" in p["text"]] == []


# --- whole assessments ------------------------------------------------------------------------

def chart_posts(fake: FakeSlack, **fields) -> List[Dict]:
    return [p for p in fake.posted(**fields)
            if p.get("blocks") and "```" in p["blocks"][0]["text"]["text"]]


def clicked_value(slot: str, title: str):
    """The slot value the button with this title sets, as the question defines it
    (actions/questions.py), not as the channel encoded it."""
    asked = questions.message(slot, knowledge.load())
    payload = next(b["payload"] for b in asked["buttons"] if b["title"] == title)
    if payload in ("/affirm", "/deny"):
        return payload == "/affirm"
    entities = json.loads(payload[payload.index("{"):])
    return entities["career_stage"] if "career_stage" in entities else float(entities["agreement"])


def test_a_whole_assessment_by_clicks_survives_a_429_on_the_chart(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, user, channel)
    fake_slack.fail("chat.postMessage", channel=channel, retry_after=1, text="Score breakdown")
    clicked = {}
    for number, slot in enumerate(QUESTIONS, start=2):
        options = titles(question)
        title = options[number % len(options)]  # a spread of answers
        clicked[slot] = clicked_value(slot, title)
        slack.click(question, title, user)
        if number <= 11:
            [question] = fake_slack.wait_for(lambda: latest(fake_slack, f"({number}/11)",
                                                            channel=channel))
    [chart] = fake_slack.wait_for(lambda: chart_posts(fake_slack, channel=channel))
    assert "|startup" in chart["blocks"][0]["text"]["text"]
    assert [c for c in fake_slack.calls if c["channel"] == channel and c["error"] == "ratelimited"]
    # slack_sdk waited and retried: nothing was kept for later, so no apology
    assert REDELIVERY_APOLOGY not in [p["text"] for p in fake_slack.posted(channel=channel)]
    sender = conversation_id(TEAM, channel, user)
    slots = turn_saved(slack.advisor, sender, lambda slots: slots["recommendation"] is not None)
    # every click landed as its own answer, and the result is the one those answers give
    assert {slot: slots[slot] for slot in QUESTIONS} == clicked
    k = knowledge.load()
    result = scoring.recommend(scoring.Profile(
        answers={cid: clicked[cid] for cid in k.criteria}, stage=clicked["stage"],
        constraints={cid: clicked[cid] for cid in k.constraints}), k)
    assert slots["recommendation"] == result.recommendation
    # the headline names the side, or the constraint when one decided
    assert [p for p in fake_slack.posted(channel=channel) if advice.headline(result, k) in p["text"]]
    # "why" explains the result; it does not ask question 11 again
    before = len(fake_slack.posted(channel=channel))
    assert slack.event(direct_message(user, channel, "why")).status == 200
    explained = fake_slack.wait_for(lambda: fake_slack.posted(channel=channel)[before:])
    assert not [p for p in explained if "(11/11)" in p["text"]]
    assert not [p for p in fake_slack.posted(channel=channel) if "as_user" in p]


TYPED_ANSWERS = ["i just finished my masters", "100%", "yeah definitely", "kinda", "strongly agree",
                 "nah", "meh", "not really", "not at all", "no", "nope"]


def test_a_typed_assessment_in_a_channel_keeps_the_private_parts_private(slack, fake_slack):
    user, channel = new_id("U"), new_id("C")
    thread = start_in_channel(slack, user, channel)["thread_ts"]
    for number, text in enumerate(TYPED_ANSWERS, start=2):
        assert slack.event(mention(user, channel, text, thread_ts=thread)).status == 200
        if number <= 11:
            fake_slack.wait_for(lambda: latest(fake_slack, f"({number}/11)", channel=channel,
                                               thread_ts=thread))
    [chart] = fake_slack.wait_for(lambda: chart_posts(fake_slack, channel=channel))
    sender = conversation_id(TEAM, channel, user, thread)
    slots = turn_saved(slack.advisor, sender, lambda slots: slots["recommendation"] is not None)
    assert slots["recommendation"] == "startup"
    verdict = knowledge.load().recommendation["verdicts"]["startup"]
    posts = fake_slack.posted(channel=channel, thread_ts=thread)
    private = [p for p in posts if p.get("ephemeral")]
    public = [p for p in posts if not p.get("ephemeral")]
    assert private and all(p["user"] == user for p in private)
    assert [p["text"][:7] for p in private if p["text"].startswith("(1")] == ["(10/11)", "(11/11)"]
    assert chart in private and [p for p in private if verdict in p["text"]]
    assert not [p for p in public if p["text"].startswith(("(10/11)", "(11/11)"))
                or verdict in p["text"] or p in chart_posts(fake_slack)]
    assert [p for p in public if p["text"].startswith("(9/11)")]  # the rest stays in the thread


def test_private_questions_in_a_channel_are_answered_by_click_and_closed_privately(slack, fake_slack):
    user, channel = new_id("U"), new_id("C")
    question = start_in_channel(slack, user, channel)
    thread = question["thread_ts"]
    for number in range(2, 12):
        slack.click(question, titles(question)[0], user)
        [question] = fake_slack.wait_for(lambda: latest(fake_slack, f"({number}/11)",
                                                        channel=channel, thread_ts=thread))
    assert question.get("ephemeral") and question["user"] == user  # (11/11), only to its user
    [visa] = latest(fake_slack, "(10/11)", channel=channel, thread_ts=thread)
    assert visa.get("ephemeral")
    response_url = slack.click(question, "No", user)
    # Slack cannot chat.update an ephemeral message: it is replaced through the response URL
    [closed] = fake_slack.wait_for(lambda: slack.responses(response_url))
    assert closed["replace_original"] is True and "No" in json.dumps(closed["blocks"])
    assert "actions" not in [block["type"] for block in closed["blocks"]]
    fake_slack.wait_for(lambda: chart_posts(fake_slack, channel=channel, ephemeral=True))
    slots = turn_saved(slack.advisor, conversation_id(TEAM, channel, user, thread),
                       lambda slots: slots["recommendation"] is not None)
    assert slots["low_runway"] is False
    assert not [u for u in fake_slack.updates if u["ts"] == question["ts"]]


# --- Web API faults ---------------------------------------------------------------------------

def test_messages_reuse_the_web_api_connection(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    ports = set(fake_slack.client_ports)
    start_assessment(slack, user, channel)
    for number in range(3):
        settle(slack, user, channel)
    # six posts and a chat.update: one kept-alive connection, not one per message
    assert len(fake_slack.client_ports - ports) <= 2


def test_a_429_on_the_first_post_of_a_turn_waits_and_delivers(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    fake_slack.fail("chat.postMessage", channel=channel, retry_after=1)
    started = time.monotonic()
    assert slack.event(direct_message(user, channel, "hi")).status == 200
    [greeting] = fake_slack.wait_for(lambda: fake_slack.posted(channel=channel))
    assert time.monotonic() - started >= 1  # Retry-After was honoured
    assert [c["error"] for c in fake_slack.calls if c["channel"] == channel] == ["ratelimited", None]
    assert REDELIVERY_APOLOGY not in [p["text"] for p in fake_slack.posted(channel=channel)]
    assert "Take the 2-minute assessment" in titles(greeting)


def test_invalid_auth_keeps_the_turn_and_apologises_once_slack_takes_posts(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, user, channel)
    fault = fake_slack.fail("chat.postMessage", channel=channel, times=None, error="invalid_auth")
    slack.click(question, titles(question)[0], user)
    sender = conversation_id(TEAM, channel, user)
    turn_saved(slack.advisor, sender, lambda slots: slots["stage"] is not None)
    fake_slack.wait_for(lambda: [c for c in fake_slack.calls
                                 if c["channel"] == channel and c["error"] == "invalid_auth"])
    assert not latest(fake_slack, "(2/11)", channel=channel)
    fake_slack.clear(fault)
    [kept] = fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=channel))
    texts = [p["text"] for p in fake_slack.posted(channel=channel)]
    assert texts.count(REDELIVERY_APOLOGY) == 1
    assert texts.index(REDELIVERY_APOLOGY) == texts.index(kept["text"]) - 1
    slack.click(kept, titles(kept)[0], user)  # the same conversation goes on
    fake_slack.wait_for(lambda: latest(fake_slack, "(3/11)", channel=channel))


def test_a_refused_connection_keeps_the_turn_and_apologises_once_slack_is_back(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    start_assessment(slack, user, channel)
    fake_slack.down()
    try:
        assert slack.event(direct_message(user, channel, "i just finished my masters")).status == 200
        sender = conversation_id(TEAM, channel, user)
        turn_saved(slack.advisor, sender, lambda slots: slots["stage"] == "new_grad")
    finally:
        fake_slack.up()
    # The next answer at once: the kept question comes first (after one apology), then its reply.
    assert slack.event(direct_message(user, channel, "4")).status == 200
    fake_slack.wait_for(lambda: latest(fake_slack, "(3/11)", channel=channel))
    texts = [p["text"][:6] for p in fake_slack.posted(channel=channel)]
    assert texts.count(REDELIVERY_APOLOGY[:6]) == 1
    assert texts[-3:] == [REDELIVERY_APOLOGY[:6], "(2/11)", "(3/11)"]
    turn_saved(slack.advisor, sender, lambda slots: slots["pace"] == 4.0)


# --- restarts, Socket Mode, configuration -----------------------------------------------------

def test_a_retry_after_a_restart_is_not_answered_again(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    body = direct_message(user, channel, "hi")
    assert slack.event(body).status == 200
    first = fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=None))
    slack.advisor.stop_rasa()
    slack.advisor.start_rasa("rasa-restarted.log")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.event(body, headers=retry).status == 200
    settle(slack, user, channel)
    assert fake_slack.posted(channel=channel, thread_ts=None) == first


def test_kept_messages_outlive_a_restart_and_come_once_slack_takes_posts(slack, fake_slack):
    """Slack refuses the posts of a turn; the server restarts while it still does. Once Slack is back,
    the kept messages come after one apology: before the reply to the user's next message, or, for a
    user who does not write, on their own (the restarted server tries again the conversations it
    finds kept messages for)."""
    writes, waits = (dict(user=new_id("U"), channel=new_id("D")) for _ in range(2))
    for user in (writes, waits):
        start_assessment(slack, **user)
        user["sender"] = conversation_id(TEAM, user["channel"], user["user"])
    fake_slack.down()
    try:
        for user in (writes, waits):
            answer = slack.event(direct_message(user["user"], user["channel"], "i just finished my masters"))
            assert answer.status == 200
            turn_saved(slack.advisor, user["sender"], lambda slots: slots["stage"] == "new_grad")
        slack.advisor.stop_rasa()
        slack.advisor.start_rasa("rasa-kept-restart.log")
    finally:
        fake_slack.up()
    for user in (writes, waits):
        assert not latest(fake_slack, "(2/11)", channel=user["channel"])

    assert slack.event(direct_message(writes["user"], writes["channel"], "4")).status == 200
    fake_slack.wait_for(lambda: latest(fake_slack, "(3/11)", channel=writes["channel"]))
    texts = [post["text"][:6] for post in fake_slack.posted(channel=writes["channel"])]
    assert texts.count(REDELIVERY_APOLOGY[:6]) == 1
    assert texts[-3:] == [REDELIVERY_APOLOGY[:6], "(2/11)", "(3/11)"]
    # the same assessment goes on: question 2 answered, question 1's answer still there
    slots = turn_saved(slack.advisor, writes["sender"], lambda slots: slots["pace"] == 4.0)
    assert slots["stage"] == "new_grad"

    fake_slack.wait_for(lambda: latest(fake_slack, "(2/11)", channel=waits["channel"]))
    texts = [post["text"][:6] for post in fake_slack.posted(channel=waits["channel"])]
    assert texts.count(REDELIVERY_APOLOGY[:6]) == 1 and texts[-2:] == [REDELIVERY_APOLOGY[:6], "(2/11)"]


def test_socket_mode_needs_no_public_url():
    with FakeSlack(TOKEN, APP_TOKEN) as fake:
        fake.start_socket_mode()
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_APP_TOKEN": APP_TOKEN, "SLACK_SIGNING_SECRET": "",
               "SLACK_API_URL": fake.api_url}
        with running_advisor(extra_env=env) as advisor:
            user, channel = new_id("U"), new_id("D")
            fake.send_envelope("events_api", direct_message(user, channel, "hi"), "envelope-1")
            fake.wait_for(lambda: [a for a in fake.acks if a.get("envelope_id") == "envelope-1"])
            [greeting] = fake.wait_for(lambda: fake.posted(channel=channel))
            payload = block_actions(greeting, "Take the 2-minute assessment", user,
                                    fake.response_url("socket"))
            fake.send_envelope("interactive", payload, "envelope-2")
            fake.wait_for(lambda: latest(fake, "(1/11)", channel=channel))
            # the HTTP webhook stays shut without a signing secret
            answer = SlackSide(advisor, fake).event(direct_message(user, channel, "hi"))
            assert answer.status == 503 and "SLACK_SIGNING_SECRET" in answer.text


def test_deployments_pass_every_slack_secret_and_the_manifest_matches_the_channel():
    compose = yaml.safe_load((ROOT / "deploy" / "docker-compose.yml").read_text())
    environment = compose["services"]["rasa"]["environment"]
    assert {k for k in environment if k.startswith("SLACK_")} == set(SECRETS)
    for name in SECRETS:
        assert environment[name] == f"${{{name}:-}}"  # from the environment, empty when unset
    helm = yaml.safe_load((ROOT / "deploy" / "helm" / "values.yml").read_text())
    from_secret = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in helm["extraEnv"]
                   if e["name"].startswith("SLACK_")}
    assert set(from_secret) == set(SECRETS)
    assert all(ref["name"] == "advisor-slack" and ref["optional"] for ref in from_secret.values())

    manifest_text = (ROOT / "bot" / "slack-manifest.yml").read_text()
    settings = yaml.safe_load(manifest_text)["settings"]
    assert settings["socket_mode_enabled"] is True
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im", "app_uninstalled", "tokens_revoked"}
    assert settings["interactivity"]["is_enabled"]
    # the HTTP set-up, commented out, names the channel's webhook for both
    assert manifest_text.count("# request_url: https://advisor.example.com/webhooks/slack/webhook") == 2


def test_without_credentials_the_webhook_says_slack_is_not_configured():
    with running_advisor(extra_env={"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": ""}) as advisor:
        answer = SlackSide(advisor, None).event(direct_message(new_id("U"), new_id("D"), "hi"))
        assert answer.status == 503 and "SLACK_BOT_TOKEN" in answer.text
        assert advisor.say(new_id("rest-"), "hi")  # the rest of the server works
