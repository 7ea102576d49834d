"""Rasa's REST channel (same URL `/webhooks/rest/webhook`, same replies) with checked input.

A body that is not {"sender": text, "message": text, "metadata": object?}, an empty message or text
that is not valid Unicode gets a 400; one over MAX_MESSAGE_CHARS or MAX_BODY_BYTES a 413; a typed
/command that no button sends gets a reply saying so (bot/channels/guard.py). Each message then goes
through bot.channels.resilience.answer.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from actions import knowledge
from bot.channels.guard import (EMPTY_REPLY, MAX_BODY_BYTES, TOO_LONG_REPLY, AppAware, Rejected,
                                UnknownCommand, check_command, check_sender, clean_text)
from bot.channels import resilience

logger = logging.getLogger(__name__)


def check_rest_body(body: bytes) -> Tuple[str, str, Optional[Dict]]:
    """(sender, text, metadata) of a REST request body; raises Rejected."""
    if len(body) > MAX_BODY_BYTES:
        raise Rejected(413, f"request body larger than {MAX_BODY_BYTES} bytes", TOO_LONG_REPLY)
    try:
        data = json.loads(body or b"null")
    except ValueError:
        raise Rejected(400, "body is not JSON", EMPTY_REPLY) from None
    if not isinstance(data, dict):
        raise Rejected(400, 'body must be a JSON object {"sender": ..., "message": ...}',
                       EMPTY_REPLY)
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise Rejected(400, '"metadata" must be an object', EMPTY_REPLY)
    return check_sender(data.get("sender")), clean_text(data.get("message")), metadata


class GuardedRestInput(AppAware, RestInput):
    """Rasa's REST channel (same URL, same replies) with checked input; see the module docstring."""

    def _extract_message(self, request: Request) -> Optional[Text]:
        return clean_text(request.json.get("message"))  # checked already by the middleware

    def _extract_input_channel(self, request: Request) -> Text:
        return self.name()  # a client may not pose as another channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            await resilience.answer(on_new_message, message, self.agent)

        blueprint = super().blueprint(guarded)
        self.remember_app(blueprint)

        @blueprint.listener("before_server_start")
        async def check_knowledge(app, _loop) -> None:
            # Rasa logs a model that failed to load and serves without it; a broken knowledge file
            # must stop the server instead, naming the file and the key.
            try:
                knowledge.load()
            except knowledge.KnowledgeError as error:
                logger.error("Rasa server not started: knowledge file error: %s", error)
                raise

        @blueprint.middleware("request")
        async def check(request: Request):
            if request.method == "POST" and request.path.endswith("/webhook"):
                try:
                    sender, text, _ = check_rest_body(request.body)
                    check_command(text, self.domain)
                except UnknownCommand as rejected:  # a person typed it: a reply, not an error
                    return response.json([{"recipient_id": sender, "text": rejected.reply}])
                except Rejected as rejected:
                    return response.json({"error": rejected.reason}, status=rejected.status)

        return blueprint
