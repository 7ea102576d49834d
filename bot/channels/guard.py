"""What the channels check in a user's message before the bot sees it, shared by REST, socket.io and Slack.

Rasa's own channels pass any JSON on to the bot: a 100 KB message, a number instead of text, a list
instead of an object (a 500), a lone UTF-16 surrogate that no store can write as UTF-8. The guarded
channels (bot/channels/rest.py, bot/channels/socketio.py, bot/channels/slack.py) keep Rasa's URLs and
wire formats and check with these functions:
- the text: a string, not empty, at most MAX_MESSAGE_CHARS, valid Unicode; control characters dropped;
- a typed command (`/intent{"entity": "value"}`, the format of button payloads, which skips NLU) must
  name an intent of the domain and only its entities, with a value the slot filled from it accepts:
  `/inform{"risk": 999}` or `/action_recommend` get a clear "answer the question" reply and change
  nothing.
A rejected message raises Rejected, with the HTTP status, the reason and the reply for a person.
"""
from __future__ import annotations

import json
import logging
import os
import re
from typing import Any, Dict, Optional

from rasa.core.agent import Agent
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import CategoricalSlot
from sanic import Blueprint

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = int(os.environ.get("MAX_MESSAGE_CHARS") or 2000)
MAX_SENDER_CHARS = 128
MAX_BODY_BYTES = 64 * 1024
# engine.io closes a socket.io connection whose packet is larger (a too-long message below it gets
# the "too long" reply).
MAX_SOCKET_PACKET_BYTES = 1024 * 1024
# Rasa's own intents that rewind or restart sessions behind the form's back ("restart" stays: it is
# the user's "start over").
RASA_INTERNAL_INTENTS = ("back", "session_start")
COMMAND = re.compile(r"^/(?P<intent>[^{@\s]*)(?P<entities>\{.*\})?\s*$", re.DOTALL)
COMMAND_START = re.compile(r"^\s*/\w")
# C0/C1 control characters other than tab and newline: invisible, and some stores reject NUL.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

EMPTY_REPLY = "I didn't get any text there. Type a question, or say \"help\" to see what I can do."
TOO_LONG_REPLY = (f"That message is too long for me (at most {MAX_MESSAGE_CHARS} characters). "
                  "Could you say it in a few words?")
UNKNOWN_COMMAND_REPLY = ("Sorry, I can't take \"{command}\": it isn't one of my buttons or "
                         "commands, so I've changed nothing. Please answer the last question in "
                         "your own words or with a button, or say \"help\".")


class Rejected(Exception):
    """A message the bot will not process: HTTP status and a reason the user can act on."""

    def __init__(self, status: int, reason: str, reply: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.reply = reply


def clean_text(text: Any) -> str:
    """The message text, checked and with control characters dropped; raises Rejected."""
    if not isinstance(text, str):
        raise Rejected(400, '"message" must be a string', EMPTY_REPLY)
    if len(text) > MAX_MESSAGE_CHARS:
        raise Rejected(413, f"message longer than {MAX_MESSAGE_CHARS} characters", TOO_LONG_REPLY)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800": not text
        raise Rejected(400, "message is not valid Unicode text", EMPTY_REPLY) from None
    text = CONTROL.sub("", text).strip()
    if not text:
        raise Rejected(400, "message is empty", EMPTY_REPLY)
    return text


class UnknownCommand(Rejected):
    """A typed /command that no button of this bot sends."""


def entity_values(domain: Domain) -> Dict[str, set]:
    """entity -> the values a categorical slot filled from it accepts (lower case)."""
    allowed: Dict[str, set] = {}
    for slot in domain.slots:
        if isinstance(slot, CategoricalSlot):
            for mapping in slot.mappings:
                if mapping.get("type") == "from_entity":
                    allowed[mapping["entity"]] = {str(v).lower() for v in slot.values}
    return allowed


def check_command(text: str, domain: Optional[Domain]) -> None:
    """Raises Rejected for a typed command that a button of this bot could not have sent."""
    match = COMMAND.match(text)
    if domain is None:
        return
    echo = text if len(text) <= 40 else text[:40] + "..."
    rejected = UnknownCommand(400, f"unknown command {echo!r}",
                              UNKNOWN_COMMAND_REPLY.format(command=echo))
    if not match:
        # Rasa reads "/intent{...} and more words" as the command too, entities and all: anything
        # that starts like a command must be exactly one of ours.
        if COMMAND_START.match(text):
            raise rejected
        return
    if match["intent"] not in domain.intents or match["intent"] in RASA_INTERNAL_INTENTS:
        raise rejected
    if match["entities"] is None:
        return
    try:
        entities = json.loads(match["entities"])
    except ValueError:
        raise rejected from None
    if not isinstance(entities, dict):
        raise rejected
    allowed = entity_values(domain)
    for entity, value in entities.items():
        if entity not in domain.entities or not isinstance(value, (str, int, float)):
            raise rejected
        if entity in allowed and str(value).lower() not in allowed[entity]:
            raise rejected


def check_text(text: Any, domain: Optional[Domain]) -> str:
    """The message text, cleaned, once it is neither malformed nor an unknown command; raises Rejected."""
    text = clean_text(text)
    check_command(text, domain)
    return text


def check_sender(sender: Any) -> str:
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise Rejected(400, f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARS} '
                            "characters", EMPTY_REPLY)
    try:
        sender.encode("utf-8")
    except UnicodeEncodeError:
        raise Rejected(400, '"sender" is not valid Unicode text', EMPTY_REPLY) from None
    return sender


class AppAware:
    """Keeps a reference to the Sanic app, for the agent (domain, tracker store) at call time."""

    app = None

    def remember_app(self, blueprint: Blueprint) -> None:
        @blueprint.listener("before_server_start")
        async def remember(app, _loop) -> None:
            self.app = app

    @property
    def agent(self) -> Optional[Agent]:
        return getattr(self.app.ctx, "agent", None) if self.app else None

    @property
    def domain(self) -> Optional[Domain]:
        return self.agent.domain if self.agent else None
