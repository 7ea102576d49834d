"""Slack for the advisor, built on Slack's Bolt framework (slack_bolt's AsyncApp) inside Rasa.

Credentials come only from the environment: SLACK_BOT_TOKEN, plus SLACK_SIGNING_SECRET for the HTTP
webhook (/webhooks/slack/webhook) and/or SLACK_APP_TOKEN for Socket Mode (no public URL needed).
SLACK_API_URL sets the Web API base (Slack's own by default; the tests point it at a local fake).
Without a bot token the webhook answers 503 and the rest of the server runs as usual.

- Bolt verifies each HTTP request's signature and answers Slack's url_verification; events are
  acknowledged at once and the turn runs afterwards, as Slack wants a quick answer.
- Conversations are keyed by workspace, place and user (`conversation_id`): a DM is one
  conversation; a mention in a channel starts that user's own one in the thread under it.
- Messages a bot response marks `private` (the constraint questions, the recommendation) go to
  their user only: as ephemeral messages in a channel thread, as usual in a DM.
- Buttons carry their conversation and owner. Someone else's click gets an ephemeral "not yours";
  only the conversation's latest question takes a click, once (bot/stores/slack.py), and its
  message then shows the answer instead of buttons.
- A turn is never lost to Slack: slack_sdk's retry handlers wait out 429s (Retry-After) and retry
  connection errors; a post that still fails is kept, the turn is saved as processed, and the kept
  messages follow one apology as soon as Slack takes posts again (or with the user's next message).
  They are kept in the conversations' database (bot/stores/slack.py), not in this process: a server
  that starts tries again every conversation it finds kept messages for (for a quarter of an hour,
  like after a failed post; after that the user's next message brings them), and of several
  replicas only the one that claims a message posts it.
- Retries are answered once, across restarts and replicas: event ids are claimed in the
  conversations' database (bot/stores/slack.py).
"""
from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import re
import weakref
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text
from urllib.parse import parse_qs

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_bolt.adapter.sanic import AsyncSlackRequestHandler
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackClientError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler, AsyncRateLimitErrorRetryHandler)
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import resilience
from bot.stores import slack as slack_store
from bot.channels.guard import AppAware, Rejected, check_text

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
# The secrets the channel reads from the environment (deploy/ passes each of them).
SECRETS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
NOT_CONFIGURED = ("Slack is not configured on this server: set SLACK_BOT_TOKEN, and "
                  "SLACK_SIGNING_SECRET for this webhook (or SLACK_APP_TOKEN for Socket Mode).")
NO_WEBHOOK = ("This server talks to Slack over Socket Mode (SLACK_APP_TOKEN); set "
              "SLACK_SIGNING_SECRET to take HTTP requests too.")
NOT_YOURS = "This isn't your assessment: mention me to start your own."
ALREADY_ANSWERED = "That question was already answered; please use the latest one."
REDELIVERY_APOLOGY = ("Sorry, Slack didn't take some of my messages just now. Here they are again; "
                      "everything you've told me is kept.")
# Block Kit limits: https://api.slack.com/reference/block-kit
MAX_BUTTONS_PER_BLOCK = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_SECTION_TEXT = 3000
CHART_WIDTH = 8  # characters of bar on each side of the axis
# Slack caps a message at 40,000 characters; an event carries it about twice (text and blocks).
MAX_BODY_BYTES = 256 * 1024
REDELIVERY_PERIOD = 15 * 60.0
RETRIES = 2  # slack_sdk retries per Web API call, on a 429 and on a connection error each

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def redelivery_seconds() -> float:
    """How long after a failed post the kept messages are tried again."""
    return float(os.environ.get("SLACK_REDELIVERY_SECONDS") or 30)


def conversation_id(team: Text, channel: Text, user: Text, thread: Optional[Text] = None) -> Text:
    """Rasa's sender id for one user in one place: a DM (no thread) or a channel thread."""
    return ":".join(["slack", team or "-", channel, *([thread] if thread else []), user])


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


def button_value(payload: Text, conversation: Text, owner: Text) -> Text:
    return json.dumps({"p": payload, "c": conversation, "o": owner})[:MAX_BUTTON_VALUE]


def read_button_value(value: Any) -> Optional[Dict[Text, Text]]:
    try:
        data = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if isinstance(data, dict) and all(isinstance(data.get(k), str) for k in ("p", "c", "o")):
        return data
    return None


def slack_posts(message: Dict[Text, Any], conversation: Text, owner: Text) -> List[Dict[Text, Any]]:
    """One bot message (text, buttons, the chart) as chat.postMessage arguments."""
    posts = []
    text = message.get("text") or ""
    buttons = message.get("buttons") or message.get("quick_replies") or []
    if buttons:
        elements = [
            {"type": "button", "action_id": f"button-{number}",
             "value": button_value(button["payload"], conversation, owner),
             "text": {"type": "plain_text", "text": button["title"][:MAX_BUTTON_TEXT]}}
            for number, button in enumerate(buttons)
        ]
        actions = [{"type": "actions", "elements": elements[start:start + MAX_BUTTONS_PER_BLOCK]}
                   for start in range(0, len(elements), MAX_BUTTONS_PER_BLOCK)]
        posts.append({"text": mrkdwn(text), "blocks": [section(text), *actions], "question": text})
    elif text:
        posts.append({"text": mrkdwn(text)})
    custom = message.get("custom") or {}
    if isinstance(custom, dict) and custom.get("type") == "score_breakdown" and custom.get("bars"):
        posts.append({"text": "Score breakdown",
                      "blocks": [section(f"**Score breakdown**\n```{bar_chart(custom['bars'])}```")]})
    elif custom:
        logger.debug("No Slack rendering for custom payload of type %r", custom.get("type"))
    return posts


def answered_blocks(question: Text, answer: Text) -> List[Dict[Text, Any]]:
    """An answered question: its text and the chosen answer, no buttons."""
    return [section(question),
            {"type": "context", "elements": [{"type": "mrkdwn", "text": f"✓ {mrkdwn(answer)}"}]}]


@dataclass
class Place:
    """Where one conversation's messages go."""

    team: Text
    channel: Text
    user: Text
    thread: Optional[Text]  # thread_ts of the replies, None for a DM's main flow
    in_dm: bool
    conversation: Text


class Poster:
    """Posts to Slack with one Web API client; keeps what Slack would not take and delivers it later.

    Messages of one conversation are posted one at a time, in order: once one is kept, the ones
    after it are kept behind it. Kept messages are rows of the channel's store (bot/stores/slack.py),
    in the conversations' database: a restart, or another replica, finds them there.
    """

    def __init__(self, client: AsyncWebClient, keys: Callable[[], Any]) -> None:
        self.client = client
        self.keys = keys
        self.revoked = False
        # a conversation's lock lives while someone holds or waits for it
        self._locks: "weakref.WeakValueDictionary[Text, asyncio.Lock]" = weakref.WeakValueDictionary()
        self._redelivery: Dict[Text, asyncio.Task] = {}

    def lock(self, conversation: Text) -> asyncio.Lock:
        lock = self._locks.get(conversation)
        if lock is None:
            lock = self._locks[conversation] = asyncio.Lock()
        return lock

    async def deliver(self, place: Place, post: Dict[Text, Any], private: bool) -> None:
        async with self.lock(place.conversation):
            store = self.keys()
            if not store.kept(place.conversation) and await self._post(place, post, private):
                return
            if store.keep(place.conversation, asdict(place), post, private):
                logger.warning("Slack: dropped the oldest undelivered message of %s",
                               place.conversation)
        self.redeliver_later(place.conversation)

    async def _post(self, place: Place, post: Dict[Text, Any], private: bool) -> bool:
        """True when Slack took the post."""
        if self.revoked:
            logger.error("Slack: not posting to %s: the app's token was revoked or the app was "
                         "uninstalled", place.conversation)
            return False
        args = {"channel": place.channel, "text": post["text"]}
        if post.get("blocks"):
            args["blocks"] = post["blocks"]
        if place.thread:
            args["thread_ts"] = place.thread
        try:
            if private and not place.in_dm:
                answer = await self.client.chat_postEphemeral(user=place.user, **args)
                ts = answer.get("message_ts")
            else:
                answer = await self.client.chat_postMessage(**args)
                ts = answer.get("ts")
        except (SlackClientError, aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            logger.warning("Slack did not take a message for %s; it is kept for later: %r",
                           place.conversation, error)
            return False
        if "question" in post and ts:
            self.keys().set_live(place.conversation, ts, post["question"])
        return True

    async def flush(self, conversation: Text) -> bool:
        """Posts one apology, then the kept messages; True when none are left."""
        async with self.lock(conversation):
            store = self.keys()
            apologised = False  # by this call
            while True:
                queue = store.kept(conversation)
                if not queue:
                    return True
                first = queue[0]
                # Only the claimant posts it (and the apology before it): a server that finds it
                # claimed leaves the conversation to the server delivering it.
                if not store.claim_kept(first.id):
                    return False
                place, delivered = Place(**first.place), False
                try:
                    if not (first.apologised or apologised):
                        apologised = await self._post(place, {"text": REDELIVERY_APOLOGY}, False)
                    if first.apologised or apologised:
                        delivered = await self._post(place, first.post, first.private)
                finally:  # also when cancelled, as the server stops: the claim is let go
                    if delivered:
                        store.delete_kept(first.id)
                    else:  # an apology that went out is not repeated
                        store.release_kept(first.id, apologised)
                if not delivered:
                    return False

    def redeliver_later(self, conversation: Text) -> None:
        """Tries the conversation's kept messages every redelivery_seconds(), for a while."""
        if conversation in self._redelivery:
            return

        async def redeliver() -> None:
            try:
                interval = redelivery_seconds()
                # for a quarter of an hour; after that the user's next message brings them
                for _ in range(max(1, int(REDELIVERY_PERIOD / interval))):
                    await asyncio.sleep(interval)
                    if await self.flush(conversation):
                        return
            finally:
                self._redelivery.pop(conversation, None)

        self._redelivery[conversation] = asyncio.ensure_future(redeliver())

    async def stop(self) -> None:
        """Ends the redeliveries; one in flight lets go of its claim, so the next server need not
        wait for the claim to run out."""
        tasks = list(self._redelivery.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class SlackOutput(OutputChannel):
    """One conversation's replies, through the channel's Poster."""

    def __init__(self, poster: Poster, place: Place) -> None:
        self.poster = poster
        self.place = place

    @classmethod
    def name(cls) -> Text:
        return "slack"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        private = bool((message.get("metadata") or {}).get("private"))
        for post in slack_posts(message, self.place.conversation, self.place.user):
            await self.poster.deliver(self.place, post, private)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})


class SlackChannel(AppAware, InputChannel):
    """Slack's Events API and interactivity on Bolt: /webhooks/slack/webhook, or Socket Mode."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token = os.environ.get("SLACK_BOT_TOKEN")
        secret = os.environ.get("SLACK_SIGNING_SECRET")
        app_token = os.environ.get("SLACK_APP_TOKEN")
        if not (token and (secret or app_token)):
            logger.info(NOT_CONFIGURED)
            return SlackNotConfigured()
        return cls(token, secret, app_token, os.environ.get("SLACK_API_URL") or SLACK_API_URL)

    def __init__(self, token: Text, signing_secret: Optional[Text], app_token: Optional[Text],
                 api_url: Text) -> None:
        self.signing_secret = signing_secret
        self.app_token = app_token
        # slack_sdk adds the base's missing trailing slash (a test pins it): no "/api" dropped
        self.client = AsyncWebClient(token=token, base_url=api_url, retry_handlers=[
            AsyncRateLimitErrorRetryHandler(max_retry_count=RETRIES),
            AsyncConnectionErrorRetryHandler(max_retry_count=RETRIES),
        ])
        self.bolt = AsyncApp(client=self.client, signing_secret=signing_secret or "socket-mode-only",
                             request_verification_enabled=bool(signing_secret))
        self.verifier = SignatureVerifier(signing_secret) if signing_secret else None
        self.poster = Poster(self.client, self.keys)
        self.socket_mode: Optional[AsyncSocketModeHandler] = None
        self._keys: Any = None
        self._memory_keys = slack_store.MemoryKeys()
        self._on_new_message: Optional[OnNewMessage] = None
        self.bolt.event("app_mention")(self._on_message_event)
        self.bolt.event("message")(self._on_message_event)
        self.bolt.event("app_uninstalled")(self._on_revoked)
        self.bolt.event("tokens_revoked")(self._on_revoked)
        self.bolt.action(re.compile(".*"))(self._on_click)

    def keys(self) -> Any:
        """The de-duplication store, on the tracker store's database once the agent is loaded."""
        if self._keys is None:
            agent = self.agent
            if agent is None or agent.tracker_store is None:  # no model loaded (yet)
                return self._memory_keys
            self._keys = slack_store.for_tracker_store(agent.tracker_store)
        return self._keys

    def get_output_channel(self) -> Optional[OutputChannel]:
        return None  # replies need a place: see SlackOutput

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        self._on_new_message = on_new_message
        slack_webhook = Blueprint("slack_webhook", __name__)
        self.remember_app(slack_webhook)
        handler = AsyncSlackRequestHandler(self.bolt)

        @slack_webhook.listener("before_server_start")
        async def open_session(app, _loop) -> None:
            # one connection pool for every Web API call, instead of one per call
            self.client.session = aiohttp.ClientSession()

        @slack_webhook.listener("after_server_start")
        async def start(app, _loop) -> None:
            # what Slack did not take before a restart (the agent, and its database, is loaded by now)
            for conversation in self.keys().kept_conversations():
                self.poster.redeliver_later(conversation)
            if self.app_token:
                self.socket_mode = AsyncSocketModeHandler(self.bolt, self.app_token,
                                                          web_client=self.client)
                await self.socket_mode.connect_async()
                logger.info("Slack: connected over Socket Mode")

        @slack_webhook.listener("before_server_stop")
        async def close(app, _loop) -> None:
            await self.poster.stop()
            if self.socket_mode:
                await self.socket_mode.close_async()
            if self.client.session:
                await self.client.session.close()

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if self.verifier is None:
                return response.text(NO_WEBHOOK, status=HTTPStatus.SERVICE_UNAVAILABLE)
            if len(request.body) > MAX_BODY_BYTES:
                return response.text("Request too large.", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            # Bolt checks the signature too, but only after parsing: unsigned garbage is a 401,
            # signed garbage a 400, before Bolt sees either.
            if not self.verifier.is_valid_request(request.body, dict(request.headers)):
                return response.text("The request is not signed by this Slack app.",
                                     status=HTTPStatus.UNAUTHORIZED)
            problem = malformed(request.body, request.headers.get("content-type", ""))
            if problem:
                return response.text(problem, status=HTTPStatus.BAD_REQUEST)
            return await handler.handle(request)

        return slack_webhook

    async def _on_revoked(self, event: Dict[Text, Any], context: Any) -> None:
        self.poster.revoked = True
        logger.error("Slack: %s for workspace %s: the bot posts nothing until it is reinstalled "
                     "and the server restarted with the new SLACK_BOT_TOKEN.",
                     event.get("type"), context.team_id)

    async def _on_message_event(self, body: Dict[Text, Any], event: Dict[Text, Any],
                                context: Any) -> None:
        if event.get("subtype") or event.get("bot_id") or not isinstance(event.get("text"), str):
            return  # edits, joins, other bots' posts: not a person's message
        user, channel = event.get("user"), event.get("channel")
        if not (user and channel):
            return
        in_dm = event.get("channel_type") == "im" or channel.startswith("D")
        if event.get("type") == "message" and not in_dm:
            return  # in channels the bot answers mentions (app_mention), not every message
        # event_id catches Slack's retries; channel and ts one message sent as two event types.
        claims = [f"event:{body.get('event_id')}" if body.get("event_id") else None,
                  f"message:{channel}:{event.get('ts')}" if event.get("ts") else None]
        # A list, not a generator: every key is claimed before judging. A missing id is skipped.
        if not all([self.keys().claim(key) for key in claims if key]):
            logger.debug("Slack: event %s answered before", body.get("event_id"))
            return
        team = context.team_id or body.get("team_id") or ""
        if in_dm:
            place = Place(team, channel, user, event.get("thread_ts"), True,
                          conversation_id(team, channel, user))
        else:
            thread = event.get("thread_ts") or event.get("ts")
            place = Place(team, channel, user, thread, False,
                          conversation_id(team, channel, user, thread))
        text = self._without_mentions(event["text"], context.bot_user_id)
        await self._answer(text, place)

    @staticmethod
    def _without_mentions(text: Text, bot_user: Optional[Text]) -> Text:
        if bot_user:
            text = re.sub(rf"<@{re.escape(bot_user)}(\|[^>]*)?>", "", text)
        return html.unescape(text).strip()

    async def _on_click(self, ack: Callable, body: Dict[Text, Any], action: Dict[Text, Any],
                        respond: Callable, context: Any) -> None:
        await ack()
        value = read_button_value(action.get("value"))
        clicker = (body.get("user") or {}).get("id")
        container = body.get("container") or {}
        if value is None or not clicker:
            return  # not one of the advisor's buttons (e.g. a link button)
        if clicker != value["o"]:
            await respond(text=NOT_YOURS, response_type="ephemeral", replace_original=False)
            return
        # A click can come in before chat.postMessage has answered with the clicked message's ts:
        # the conversation's posts in flight finish (and record their question) first.
        async with self.poster.lock(value["c"]):
            question = self.keys().take_live(value["c"], container.get("message_ts"))
        if question is None:
            await respond(text=ALREADY_ANSWERED, response_type="ephemeral", replace_original=False)
            return
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
        await self._show_answer(channel, container, question,
                                (action.get("text") or {}).get("text", ""), respond)
        # the conversation's place, from its id: slack:team:channel[:thread]:user
        parts = value["c"].split(":")
        thread = parts[3] if len(parts) == 5 else container.get("thread_ts")
        place = Place(parts[1], parts[2], value["o"], thread, len(parts) == 4, value["c"])
        await self._answer(value["p"], place)

    async def _show_answer(self, channel: Text, container: Dict[Text, Any], question: Text,
                           answer: Text, respond: Callable) -> None:
        """The answered question's message without its buttons: the answer instead."""
        blocks = answered_blocks(question, answer)
        try:
            if container.get("is_ephemeral"):  # chat.update cannot change an ephemeral message
                await respond(text=mrkdwn(question), blocks=blocks, replace_original=True)
            else:
                await self.client.chat_update(channel=channel, ts=container["message_ts"],
                                              text=mrkdwn(question), blocks=blocks)
        except (SlackClientError, aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            # the click is taken anyway: a later click on the old buttons is refused
            logger.warning("Slack: could not mark the question answered: %r", error)

    async def _answer(self, text: Text, place: Place) -> None:
        output = SlackOutput(self.poster, place)
        await self.poster.flush(place.conversation)  # what Slack refused earlier comes first
        try:
            text = check_text(text, self.domain)
        except Rejected as rejected:  # Slack shows no status code: the reason as a reply
            await output.send_text_message(place.conversation, rejected.reply)
            return
        message = UserMessage(
            text, output, place.conversation, input_channel=self.name(),
            metadata={"out_channel": place.channel, "thread_id": place.thread,
                      "team": place.team, "user": place.user},
        )
        await resilience.answer(self._on_new_message, message, self.agent)


def malformed(body: bytes, content_type: Text) -> Optional[Text]:
    """Why a signed request is not something Slack sends, or None."""
    try:
        if content_type.startswith("application/x-www-form-urlencoded"):
            form = parse_qs(body.decode("utf-8"))
            if "payload" not in form:
                return "Expected a `payload` form field with Slack's interaction JSON."
            if not isinstance(json.loads(form["payload"][0]), dict):
                return "The `payload` field is not a JSON object."
            return None
        if not isinstance(json.loads(body or b"null"), dict):
            return "Expected a JSON object from Slack's Events API."
    except (ValueError, UnicodeDecodeError):
        return "The request body is not valid JSON."
    return None


class SlackNotConfigured(InputChannel):
    """Takes Slack's URL while SLACK_BOT_TOKEN (or both secrets) is unset: a clear 503."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request) -> HTTPResponse:
            return response.text(NOT_CONFIGURED, status=HTTPStatus.SERVICE_UNAVAILABLE)

        return slack_webhook
