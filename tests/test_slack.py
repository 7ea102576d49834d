"""The Slack channel end to end: the real Rasa and action servers, Slack's side played by the tests.

Events and button clicks are signed like Slack signs them and sent to /webhooks/slack/webhook; replies
are read from tests/fake_slack.py, which stands in for Slack's Web API. Each test talks as its own
Slack user, so the tests share one server without sharing conversations.
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Dict, List, Optional

import pytest

from bot.slack_channel import RecentKeys
from tests.fake_slack import BOT_ID, BOT_USER, TEAM, FakeSlack
from tests.servers import Advisor, running_advisor

TOKEN = "xoxb-test-bot-token"
SECRET = "test-signing-secret"
SETTLE_CHANNEL = "CSETTLE"
RETRY_REASONS = ["http_timeout", "http_error", "connection_failed", "unknown_error"]
_message_numbers = itertools.count(1)


@dataclass
class Answer:
    status: int
    text: str


def signature(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    """Slack's v0 request signature: HMAC-SHA256 of "v0:{timestamp}:{body}"."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackSide:
    """Sends what Slack sends to the app's webhook."""

    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor
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

    def click(self, post: Dict, button_title: str, user: str) -> Answer:
        """Clicks a button of a posted message, as a block_actions interaction."""
        payload = block_actions(post, button_title, user)
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded")


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


def event_callback(event_type: str, user: str, channel: str, text: str, ts: Optional[str] = None,
                   **fields) -> Dict:
    """An Events API request, as Slack sends it for a `message` or an `app_mention`."""
    ts = ts or f"{int(time.time())}.{next(_message_numbers):06d}"
    event = {"type": event_type, "user": user, "text": text, "ts": ts, "event_ts": ts,
             "channel": channel, "team": TEAM, **fields}
    if event_type == "message":
        event.setdefault("channel_type", "im" if channel.startswith("D") else "channel")
    return {
        "token": "legacy-verification-token", "team_id": TEAM, "api_app_id": "AADVISOR",
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


def block_actions(post: Dict, button_title: str, user: str) -> Dict:
    """The interaction payload Slack sends when `user` clicks a button of a posted message."""
    button = next(b for b in buttons(post) if b["text"]["text"] == button_title)
    thread = {"thread_ts": post["thread_ts"]} if post.get("thread_ts") else {}
    message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "app_id": "AADVISOR",
               "text": post["text"], "ts": post["ts"], "blocks": post["blocks"], "team": TEAM, **thread}
    return {
        "type": "block_actions",
        "user": {"id": user, "username": "ada", "name": "ada", "team_id": TEAM},
        "api_app_id": "AADVISOR", "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": post["ts"], "channel_id": post["channel"],
                      "is_ephemeral": False, **thread},
        "trigger_id": "1234567890.123.abcdef", "team": {"id": TEAM, "domain": "fake"},
        "enterprise": None, "is_enterprise_install": False,
        "channel": {"id": post["channel"], "name": "directmessage"},
        "message": message, "state": {"values": {}},
        "response_url": "https://hooks.slack.com/actions/TFAKETEAM/1/fake",
        "actions": [{"action_id": button["action_id"], "block_id": "fake-block",
                     "text": button["text"], "value": button["value"], "type": "button",
                     "action_ts": f"{time.time():.6f}"}],
    }


@pytest.fixture(scope="module")
def fake_slack():
    with FakeSlack(TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def slack(fake_slack):
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake_slack.api_url}
    with running_advisor(extra_env=env) as advisor:
        yield SlackSide(advisor)


def settle(slack: SlackSide, fake: FakeSlack, user: str) -> None:
    """Returns once every message `user` sent so far has been answered, or refused for good.

    Rasa answers one conversation's messages one at a time, in order (the conversation is the Slack
    user), so when a fresh mention from the same user is answered, everything before it is done.
    """
    body = mention(user, SETTLE_CHANNEL, "hi")
    assert slack.event(body).status == 200
    fake.wait_for(lambda: fake.posted(channel=SETTLE_CHANNEL, thread_ts=body["event"]["ts"]))


def test_remembered_event_ids_are_bounded_in_number_and_time():
    recent = RecentKeys(ttl=0.2, size=10)
    assert [recent.add(n) for n in (1, 2, 1)] == [True, True, False]
    for n in range(100):
        recent.add(n)
    assert len(recent) <= 10 and not recent.add(99) and recent.add(0)
    time.sleep(0.3)  # past the time to live
    assert recent.add(99)


def test_url_verification_challenge_is_answered(slack):
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = {"token": "legacy-verification-token", "challenge": challenge, "type": "url_verification"}
    answer = slack.event(body)
    assert (answer.status, answer.text) == (200, challenge)


def test_a_direct_message_gets_one_reply_in_the_dm(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    assert slack.event(direct_message(user, channel, "hi")).status == 200
    settle(slack, fake_slack, user)
    [reply] = fake_slack.posted(channel=channel)
    assert "thread_ts" not in reply and "as_user" not in reply
    assert reply["text"] and reply["blocks"][0]["type"] == "section"
    assert "/start_assessment" in [b["value"] for b in buttons(reply)]


@pytest.mark.parametrize("tamper", [
    {"sign_with": "not-the-signing-secret"},
    {"sign_with": None},
    {"timestamp": str(int(time.time()) - 5 * 60 - 30)},  # signed correctly, but over 5 minutes old
], ids=["wrong signature", "missing signature", "timestamp older than five minutes"])
def test_unsigned_or_stale_requests_are_refused(slack, fake_slack, tamper):
    user, channel = new_id("U"), new_id("D")
    answer = slack.event(direct_message(user, channel, "hi"), **tamper)
    assert answer.status == 401
    settle(slack, fake_slack, user)
    assert fake_slack.posted(channel=channel) == []


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"),
    (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
    (b"nothing=here", "application/x-www-form-urlencoded"),
], ids=["broken JSON event", "broken interaction payload", "form without payload"])
def test_signed_garbage_gets_a_clear_400(slack, body, content_type):
    assert slack.post(body, content_type).status == 400


def test_a_retried_event_posts_nothing_new_whatever_the_reason(slack, fake_slack):
    user, channel = new_id("U"), new_id("C")
    body = mention(user, channel, "hi")
    assert slack.event(body).status == 200
    settle(slack, fake_slack, user)
    thread = dict(channel=channel, thread_ts=body["event"]["ts"])
    first = fake_slack.posted(**thread)
    assert first
    for number, reason in enumerate(RETRY_REASONS, start=1):
        retry = {"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason}
        assert slack.event(body, headers=retry).status == 200  # acknowledged, so Slack stops
    settle(slack, fake_slack, user)
    assert fake_slack.posted(**thread) == first


def test_the_bots_own_message_is_ignored(slack, fake_slack):
    channel = new_id("D")
    own = direct_message(BOT_USER, channel, "Hi! I help ML engineers.", bot_id=BOT_ID,
                         app_id="AADVISOR")
    assert slack.event(own).status == 200
    settle(slack, fake_slack, BOT_USER)  # the conversation it would have gone to
    assert fake_slack.posted(channel=channel) == []


def test_a_mention_in_a_channel_is_answered_in_its_thread(slack, fake_slack):
    user, channel = new_id("U"), new_id("C")
    top_level = mention(user, channel, "hi")
    assert slack.event(top_level).status == 200
    fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=top_level["event"]["ts"]))

    parent = f"{int(time.time()) - 60}.000001"
    in_thread = mention(user, channel, "hi", thread_ts=parent)
    assert slack.event(in_thread).status == 200
    fake_slack.wait_for(lambda: fake_slack.posted(channel=channel, thread_ts=parent))
    settle(slack, fake_slack, user)
    assert fake_slack.posted(channel=channel, thread_ts=None) == []
    assert fake_slack.posted(channel=channel, thread_ts=in_thread["event"]["ts"]) == []


@pytest.mark.parametrize("first", ["app_mention", "message"])
def test_a_mention_sent_as_app_mention_and_message_is_answered_once(slack, fake_slack, first):
    user, channel = new_id("U"), new_id("D")
    ts = f"{int(time.time())}.{next(_message_numbers):06d}"
    twins = {kind: event_callback(kind, user, channel, f"<@{BOT_USER}> hi", ts=ts)
             for kind in ("app_mention", "message")}
    second = "message" if first == "app_mention" else "app_mention"
    assert slack.event(twins[first]).status == 200
    settle(slack, fake_slack, user)
    assert len(fake_slack.posted(channel=channel)) == 1
    assert slack.event(twins[second]).status == 200
    settle(slack, fake_slack, user)
    assert len(fake_slack.posted(channel=channel)) == 1


def latest(fake: FakeSlack, channel: str, text: str) -> List[Dict]:
    """The latest post in channel whose text contains text, as a one-item list (empty if none)."""
    return [p for p in fake.posted(channel=channel) if text in p.get("text", "")][-1:]


def start_assessment(slack: SlackSide, fake: FakeSlack, user: str, channel: str) -> Dict:
    """Says hi in a DM and clicks the greeting's assessment button; returns the first question."""
    assert slack.event(direct_message(user, channel, "hi")).status == 200
    [greeting] = fake.wait_for(lambda: fake.posted(channel=channel))
    assert slack.click(greeting, "Take the 2-minute assessment", user).status == 200
    [question] = fake.wait_for(lambda: latest(fake, channel, "(1/11)"))
    return question


def test_a_button_click_continues_the_assessment(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, fake_slack, user, channel)
    assert len(buttons(question)) >= 2 and "thread_ts" not in question
    title = buttons(question)[0]["text"]["text"]
    assert slack.click(question, title, user).status == 200
    [following] = fake_slack.wait_for(lambda: latest(fake_slack, channel, "(2/11)"))
    assert buttons(following)
    assert slack.advisor.slots(user)["stage"] is not None


def test_a_whole_assessment_runs_to_a_recommendation(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    question = start_assessment(slack, fake_slack, user, channel)
    for number in range(2, 13):
        options = buttons(question)
        title = options[number % len(options)]["text"]["text"]  # a spread of answers
        assert slack.click(question, title, user).status == 200
        if number <= 11:
            [question] = fake_slack.wait_for(lambda: latest(fake_slack, channel, f"({number}/11)"))

    def chart() -> List[Dict]:
        return [p for p in fake_slack.posted(channel=channel)
                if p.get("blocks") and "```" in p["blocks"][0]["text"]["text"]]

    [chart_post] = fake_slack.wait_for(chart)
    assert "|startup" in chart_post["blocks"][0]["text"]["text"]
    assert slack.advisor.slots(user)["recommendation"] in ("startup", "big_tech", "either")
    posts = fake_slack.posted(channel=channel)
    assert not [p for p in posts if "score_breakdown" in json.dumps(p) or "as_user" in p]


def test_a_typed_command_that_no_button_sends_changes_nothing(slack, fake_slack):
    user, channel = new_id("U"), new_id("D")
    start_assessment(slack, fake_slack, user, channel)
    assert slack.event(direct_message(user, channel, '/inform{"risk": 999}')).status == 200
    settle(slack, fake_slack, user)
    assert any("can't take" in post["text"] for post in fake_slack.posted(channel=channel))
    assert slack.advisor.slots(user)["risk"] is None


def test_an_oversized_request_is_refused(slack):
    answer = slack.event(direct_message(new_id("U"), new_id("D"), "x" * 300_000))
    assert answer.status == 413


def test_without_credentials_the_webhook_says_slack_is_not_configured():
    with running_advisor(extra_env={"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": ""}) as advisor:
        answer = SlackSide(advisor).event(direct_message(new_id("U"), new_id("D"), "hi"))
        assert answer.status == 503 and "SLACK_BOT_TOKEN" in answer.text
        assert advisor.say(new_id("rest-"), "hi")  # the rest of the server works
