"""A new conversation session: keep what the user told us, offer to resume a half-done assessment.

Rasa starts a new session after `session_config.session_expiration_time` minutes without a message
(bot/domain.yml). The answers and the recommendation carry over; the form itself does not (a new
session starts with no active form), so a half-done assessment is offered to be picked up.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.knowledge import default
from actions.questions import payload

# Loaded at import: a broken knowledge file stops the action server at start-up, naming file and key.
default()

# What the user told us; bookkeeping slots (requested_slot, unclear_slot, changing) start afresh.
KEPT_SLOTS = (*default().questions, "recommendation", "factor")
RESUME_BUTTONS = [
    {"title": "Pick up where we left off", "payload": payload("start_assessment")},
    {"title": "Not now", "payload": payload("deny")},
]


def answered(tracker: Tracker) -> int:
    """How many assessment questions hold an answer."""
    return sum(tracker.get_slot(q) is not None for q in default().questions)


def half_done(tracker: Tracker) -> bool:
    """Some preference answered, some question still open."""
    return (any(tracker.get_slot(c) is not None for c in default().criteria)
            and answered(tracker) < len(default().questions))


class SessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        kept = [SlotSet(name, tracker.get_slot(name)) for name in KEPT_SLOTS
                if tracker.get_slot(name) is not None]
        if half_done(tracker):
            dispatcher.utter_message(
                text=f"Welcome back! You answered {answered(tracker)} of {len(default().questions)} assessment "
                     "questions last time. Pick up where we left off?",
                buttons=RESUME_BUTTONS,
            )
        return [SessionStarted(), *kept, ActionExecuted("action_listen")]
