"""Rasa's socket.io channel, made to deliver custom payloads (the score chart) to the web widget.

Rasa 3.6's SocketIOOutput.send_custom_json calls `sio.emit(event, **payload)`, so a payload such as
{"type": "score_breakdown", "bars": [...]} raises a TypeError and never arrives. This channel emits the
payload as the event's data instead. Used through bot.guard.GuardedSocketIOInput (bot/credentials.yml).
"""
from __future__ import annotations

from importlib.metadata import version
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

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
