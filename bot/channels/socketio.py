"""The web widget's channel: Rasa's socket.io channel (same events, `/socket.io`) delivering custom
payloads (the score chart), with checked input and never a silent turn.

Rasa 3.6's SocketIOOutput.send_custom_json calls `sio.emit(event, **payload)`, so a payload such as
{"type": "score_breakdown", "bars": [...]} raises a TypeError and never arrives: ChartSocketIOOutput
emits the payload as the event's data instead. GuardedSocketIOInput (bot/credentials.yml) adds the
checks of bot/channels/guard.py, answered with a short bot message (socket.io has no status codes),
engine.io packets capped at MAX_SOCKET_PACKET_BYTES, and only RASA_CORS_ORIGINS may connect from a
browser (a connection with another Origin header is refused). Each message then goes through
bot.channels.resilience.answer.
"""
from __future__ import annotations

import logging
import os
from importlib.metadata import version
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels.guard import EMPTY_REPLY, MAX_SOCKET_PACKET_BYTES, AppAware, Rejected, check_sender, check_text
from bot.channels import resilience
from bot.channels.web_server import DEFAULT_CORS_ORIGINS

logger = logging.getLogger(__name__)

# python-socketio 5.10 made enter_room a coroutine that Rasa 3.6.21 never awaits: the browser's session
# room stays empty and every bot reply is lost. requirements.lock pins 5.8.0; refuse to start otherwise.
SOCKETIO_VERSION = version("python-socketio")
if tuple(int(part) for part in SOCKETIO_VERSION.split(".")[:2]) >= (5, 10):
    raise RuntimeError(
        f"python-socketio {SOCKETIO_VERSION} is installed, but Rasa 3.6's socket.io channel drops every "
        "bot reply with python-socketio >= 5.10 (RasaHQ/rasa#13027). Install requirements.lock "
        "(python-socketio==5.8.0)."
    )


class ChartSocketIOOutput(SocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        await self.sio.emit(self.bot_message_evt, json_message, room=recipient_id)


class SocketIOChannel(SocketIOInput):
    """Rasa's socketio input channel (same name, same events) with ChartSocketIOOutput as output."""

    def get_output_channel(self) -> Optional[OutputChannel]:
        return ChartSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def with_chart_output(message: UserMessage) -> Any:
            message.output_channel = self.get_output_channel()
            return await on_new_message(message)

        return super().blueprint(with_chart_output)


def allowed_origins() -> list:
    return os.environ.get("RASA_CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split()


class GuardedSocketIOInput(AppAware, SocketIOChannel):
    """The web widget's socket.io channel (same events, charts) with checked input; see above."""

    def check_event(self, data: Any) -> Dict[Text, Any]:
        """The user_uttered event's data with its text cleaned; raises Rejected."""
        if not isinstance(data, dict):
            raise Rejected(400, "event data must be an object", EMPTY_REPLY)
        if self.session_persistence:
            check_sender(data.get("session_id"))
        metadata = data.get(self.metadata_key)
        if metadata is not None and not isinstance(metadata, dict):
            raise Rejected(400, f'"{self.metadata_key}" must be an object', EMPTY_REPLY)
        return {**data, "message": check_text(data.get("message"), self.domain)}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            await resilience.answer(on_new_message, message, self.agent)

        blueprint = super().blueprint(guarded)
        self.remember_app(blueprint)
        sio = self.sio
        sio.eio.max_http_buffer_size = MAX_SOCKET_PACKET_BYTES
        handlers = sio.handlers[self.namespace or "/"]
        connect, handle_message = handlers["connect"], handlers[self.user_message_evt]
        origins = allowed_origins()

        # The origin is checked here, not by engine.io's cors_allowed_origins: that would add a
        # second Access-Control-Allow-Origin header to the one from Rasa's --cors, and browsers
        # refuse a response with two.
        async def connect_from_allowed_origin(sid: Text, environ: Dict, auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin and origin not in origins:
                logger.info("socket.io connection refused: %s not in RASA_CORS_ORIGINS", origin)
                return False
            return await connect(sid, environ, auth)

        async def checked(sid: Text, data: Any) -> None:
            try:
                data = self.check_event(data)
            except Rejected as rejected:
                await sio.emit(self.bot_message_evt, {"text": rejected.reply}, room=sid)
                return
            await handle_message(sid, data)

        sio.on("connect", connect_from_allowed_origin, namespace=self.namespace)
        sio.on(self.user_message_evt, checked, namespace=self.namespace)
        return blueprint
