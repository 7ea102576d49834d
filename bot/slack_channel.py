"""Slack for the advisor: Rasa 3.6's Slack channel with its gaps closed.

Credentials come only from the environment: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, plus
SLACK_API_URL (the Web API base, Slack's own by default; the tests point it at a local fake). Without
token and secret the webhook answers 503 and the rest of the server runs as usual.

What changes from rasa.core.channels.slack:
- each message is handled once: Slack's retries (whatever X-Slack-Retry-Reason says) are recognised by
  event_id, and a message delivered both as `app_mention` and as `message` by its channel and ts;
- replies go where the user wrote: a reply in a thread stays in that thread, a mention in a channel
  is answered in a thread under it, a direct message gets a plain reply in the DM;
- no `as_user` (a classic-app argument), one Slack message per bot message, Markdown bold as Slack's,
  buttons as Block Kit (Rasa's drops all buttons beyond five), the score breakdown as a text chart;
- the url_verification challenge is answered in plain text, as Slack documents;
- the same guards as REST and socket.io (bot/guard.py, bot/resilience.py): bounded request size,
  checked text and /commands, a "still thinking" notice when slow and an apology instead of silence.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import time
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Hashable, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import resilience
from bot.guard import AppAware, Rejected, check_text

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
NOT_CONFIGURED = "Slack is not configured on this server: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET."
# Block Kit limits: https://api.slack.com/reference/block-kit
MAX_BUTTONS_PER_BLOCK = 25
MAX_BUTTON_TEXT = 75
MAX_SECTION_TEXT = 3000
CHART_WIDTH = 8  # characters of bar on each side of the axis
# Slack caps a message at 40,000 characters; an event carries it about twice (text and blocks).
MAX_BODY_BYTES = 256 * 1024

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class RecentKeys:
    """Remembers keys for `ttl` seconds, at most `size` of them, so memory stays bounded.

    Slack retries an event three times within about five minutes; an hour covers that with room.
    """

    def __init__(self, ttl: float = 3600.0, size: int = 10_000) -> None:
        self.ttl, self.size = ttl, size
        self._seen: "OrderedDict[Hashable, float]" = OrderedDict()

    def add(self, key: Hashable) -> bool:
        """Records key; False when it was seen before."""
        now = time.monotonic()
        while self._seen and (len(self._seen) >= self.size
                              or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True

    def __len__(self) -> int:
        return len(self._seen)


def mrkdwn(text: Text) -> Text:
    """Slack's markup: &, < and > escaped (they start links and mentions), **bold** as *bold*."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"*\1*", escaped)


def section(text: Text) -> Dict[Text, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn(text)[:MAX_SECTION_TEXT]}}


def bar_chart(bars: List[Dict[Text, Any]]) -> Text:
    """The score breakdown as monospace bars: Big Tech to the left of the axis, startup to the right."""
    largest = max((abs(bar["value"]) for bar in bars), default=0) or 1
    width = max(len(bar["label"]) for bar in bars)
    lines = [f"{'':{width}} {'Big Tech':>{CHART_WIDTH}}|startup"]
    for bar in bars:
        length = round(abs(bar["value"]) / largest * CHART_WIDTH)
        left, right = ("█" * length, "") if bar["value"] < 0 else ("", "█" * length)
        lines.append(f"{bar['label']:{width}} {left:>{CHART_WIDTH}}|{right}")
    return "\n".join(lines)


class SlackReplies(SlackBot):
    """Posts the bot's messages with chat.postMessage into one channel and, if set, one thread."""

    def __init__(self, token: Text, channel: Optional[Text], thread_ts: Optional[Text],
                 api_url: Text) -> None:
        super().__init__(token, channel, thread_ts)
        self.client = AsyncWebClient(token, base_url=api_url)

    async def _post_message(self, channel: Text, **kwargs: Any) -> None:
        kwargs.pop("as_user", None)  # classic apps only; new apps post as their bot user anyway
        await super()._post_message(channel, **kwargs)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._post_message(self.slack_channel or recipient_id, text=mrkdwn(text))

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        elements = [
            {"type": "button", "action_id": f"button-{number}", "value": button["payload"],
             "text": {"type": "plain_text", "text": button["title"][:MAX_BUTTON_TEXT]}}
            for number, button in enumerate(buttons)
        ]
        actions = [{"type": "actions", "elements": elements[start:start + MAX_BUTTONS_PER_BLOCK]}
                   for start in range(0, len(elements), MAX_BUTTONS_PER_BLOCK)]
        await self._post_message(self.slack_channel or recipient_id, text=mrkdwn(text),
                                 blocks=[section(text), *actions])

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        bars = json_message.get("bars")
        if json_message.get("type") != "score_breakdown" or not bars:
            logger.debug("No Slack rendering for custom payload of type %r", json_message.get("type"))
            return
        await self._post_message(self.slack_channel or recipient_id, text="Score breakdown",
                                 blocks=[section(f"**Score breakdown**\n```{bar_chart(bars)}```")])


class SlackChannel(AppAware, SlackInput):
    """The Events API and interactivity webhook: /webhooks/slack/webhook."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token = os.environ.get("SLACK_BOT_TOKEN")
        secret = os.environ.get("SLACK_SIGNING_SECRET")
        if not (token and secret):
            logger.info(NOT_CONFIGURED)
            return SlackNotConfigured()
        return cls(token, secret, os.environ.get("SLACK_API_URL") or SLACK_API_URL)

    def __init__(self, slack_token: Text, slack_signing_secret: Text, api_url: Text) -> None:
        super().__init__(slack_token, slack_signing_secret=slack_signing_secret)
        self.api_url = api_url
        self.handled = RecentKeys()

    def get_output_channel(self, channel: Optional[Text] = None,
                           thread_id: Optional[Text] = None) -> SlackReplies:
        return SlackReplies(self.slack_token, channel, thread_id, self.api_url)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)
        self.remember_app(slack_webhook)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if len(request.body) > MAX_BODY_BYTES:
                return response.text("Request too large.", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            # Rasa's check follows Slack's spec: v0 HMAC-SHA256 of "v0:{timestamp}:{body}",
            # compared in constant time, timestamps more than five minutes off refused.
            if not self.is_request_from_slack_authentic(request):
                return response.text("The request is not signed by this Slack app.",
                                     status=HTTPStatus.UNAUTHORIZED)
            if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                return self._on_interaction(request.form.get("payload"), on_new_message)
            return self._on_event(request.json, on_new_message)

        return slack_webhook

    def _on_event(self, body: Any, on_new_message: OnNewMessage) -> HTTPResponse:
        if not isinstance(body, dict):
            return response.text("Expected a JSON object from Slack's Events API.",
                                 status=HTTPStatus.BAD_REQUEST)
        if body.get("type") == "url_verification":
            return response.text(str(body.get("challenge", "")))
        if not self._is_user_message(body) or not (
                self._is_direct_message(body) or self._is_app_mention(body)):
            return response.text("Ignored: not a person's message to this app.")
        event = body["event"]
        # event_id catches Slack's retries; channel and ts catch one message sent as two event types.
        keys = [("message", event.get("channel"), event.get("ts")), ("event", body.get("event_id"))]
        # A list, not a generator: every key is recorded before judging. A missing id is skipped.
        if not all([self.handled.add(key) for key in keys if key[-1]]):
            return response.text("Already handled.", headers={"X-Slack-No-Retry": "1"})
        in_dm = self._is_direct_message(body) or str(event.get("channel", "")).startswith("D")
        thread = event.get("thread_ts") or (None if in_dm else event.get("ts"))
        bot_users = [a.get("user_id") for a in body.get("authorizations") or []]
        text = self._sanitize_user_message(event["text"], bot_users)
        self._handle(on_new_message, text, event.get("user"), event.get("channel"), thread)
        return response.text("")

    def _on_interaction(self, payload_field: Optional[Text], on_new_message: OnNewMessage
                        ) -> HTTPResponse:
        try:
            payload = json.loads(payload_field or "")
        except json.JSONDecodeError:
            payload = None
        user = payload.get("user") if isinstance(payload, dict) else None
        if not isinstance(user, dict) or not user.get("id"):
            return response.text("Expected a `payload` form field with Slack's interaction JSON.",
                                 status=HTTPStatus.BAD_REQUEST)
        value = self._is_interactive_message(payload) and self._get_interactive_response(
            payload["actions"][0])
        if not value:  # e.g. a link button: Slack opens the link, nothing to say to the bot
            return response.text("Ignored: no value to send.")
        container = payload.get("container") or {}
        channel = (payload.get("channel") or {}).get("id") or container.get("channel_id")
        # The clicked message's thread; a button in a DM's main flow is answered there, unthreaded.
        thread = (payload.get("message") or {}).get("thread_ts") or container.get("thread_ts")
        self._handle(on_new_message, value, user["id"], channel, thread)
        return response.text("")

    def _handle(self, on_new_message: OnNewMessage, text: Text, user: Optional[Text],
                channel: Optional[Text], thread: Optional[Text]) -> None:
        """Runs the message in the background: Slack wants its 200 within three seconds."""
        message = UserMessage(
            text, self.get_output_channel(channel, thread), user, input_channel=self.name(),
            metadata={"out_channel": channel, "thread_id": thread},
        )
        task = asyncio.create_task(self._answer(on_new_message, message))
        self._background_tasks.add(task)  # a reference, so the task is not garbage-collected
        task.add_done_callback(self._background_tasks.discard)


    async def _answer(self, on_new_message: OnNewMessage, message: UserMessage) -> None:
        try:
            message.text = check_text(message.text, self.domain)
        except Rejected as rejected:  # Slack has no status code to show: the reason as a reply
            await message.output_channel.send_text_message(message.sender_id, rejected.reply)
            return
        await resilience.answer(on_new_message, message, self.agent)


class SlackNotConfigured(InputChannel):
    """Takes Slack's URL while SLACK_BOT_TOKEN or SLACK_SIGNING_SECRET is unset: a clear 503."""

    @classmethod
    def name(cls) -> Text:
        return SlackInput.name()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request) -> HTTPResponse:
            return response.text(NOT_CONFIGURED, status=HTTPStatus.SERVICE_UNAVAILABLE)

        return slack_webhook
