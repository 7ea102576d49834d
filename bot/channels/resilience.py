"""Never silent: every user message gets an answer, a "still thinking" notice when slow, an apology
when the bot could not answer.

Rasa 3.6 logs a failed custom action (action server down, crashed, timed out) and carries on without
its events, so the user would see nothing. The channels in bot/channels/guard.py run each message through
`answer()`, which watches what the bot sends: if the turn ends without a single message, the user
gets a short apology and every slot the turn changed is put back: a slot that Rasa filled from the
text before the failed validation would otherwise keep an unchecked value. The next message,
once the action server is back, continues exactly where the conversation was.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

APOLOGY = ("Sorry, I couldn't answer that just now. Please send it again in a moment; "
           "everything you've told me so far is kept.")
THINKING = "Still thinking..."


def thinking_after_seconds() -> float:
    """How long a turn may take before the user is told the bot is still thinking."""
    return float(os.environ.get("THINKING_NOTICE_SECONDS") or 2)


class WatchedOutput(OutputChannel):
    """Passes every bot message on to the channel's own output, counting them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> Text:  # the real channel's name: actions choose their output by it
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)


def shows_progress(output: OutputChannel) -> bool:
    """False for a plain REST call: its replies go out all at once, a notice would come with them."""
    return type(output) is not CollectingOutputChannel


async def undo_turn(agent: Agent, message: UserMessage) -> None:
    """Puts back every slot the failed turn changed, to its value before the user's message."""
    async with agent.lock_store.lock(message.sender_id):
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        events = list(tracker.events) if tracker else []
        turn = next((i for i in range(len(events) - 1, -1, -1)
                     if isinstance(events[i], UserUttered)), None)
        if turn is None or events[turn].message_id != message.message_id:
            return  # another message came in meanwhile: that turn is not ours to change
        before = DialogueStateTracker.from_events(tracker.sender_id, events[:turn],
                                                  agent.domain.slots)
        changed = [SlotSet(name, slot.value) for name, slot in before.slots.items()
                   if tracker.slots[name].value != slot.value]
        if changed:
            tracker.update_with_events(changed, agent.domain)
            await agent.tracker_store.save(tracker)


async def answer(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage,
                 agent: Optional[Agent]) -> None:
    """Handles one user message: a notice when it is slow, an apology when nothing came back."""
    watched = WatchedOutput(message.output_channel)
    message.output_channel = watched
    turn = asyncio.ensure_future(on_new_message(message))
    try:
        try:
            # shield: the notice's timeout must never cancel the turn itself (no lost reply)
            await asyncio.wait_for(asyncio.shield(turn), timeout=thinking_after_seconds())
        except asyncio.TimeoutError:
            if shows_progress(watched.inner):
                await watched.inner.send_response(message.sender_id, {"text": THINKING})
            await turn
    except Exception:
        logger.exception("A message failed; the user gets an apology.")
    if watched.sent == 0:
        if agent is not None:
            await undo_turn(agent, message)
        await watched.inner.send_response(message.sender_id, {"text": APOLOGY})
