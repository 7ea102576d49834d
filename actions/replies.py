"""Replies for messages that ask nothing the bot can act on: a fallback, something out of scope, a
"yes" or an answer when nothing is pending. Each sends one of its response's variations (bot/domain.yml),
never one of the bot's last two messages, so the bot never says the same thing three turns running."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

RECENT_BOT_MESSAGES = 2


def recent_bot_texts(tracker: Tracker, count: int = RECENT_BOT_MESSAGES) -> List[str]:
    texts = [e.get("text") for e in reversed(tracker.events) if e.get("event") == "bot"]
    return texts[:count]


def pick_variation(variations: List[Dict[str, Any]], recent: List[str]) -> Dict[str, Any]:
    """The first variation that is none of the recent messages (the first one when all are)."""
    return next((v for v in variations if v.get("text") not in recent), variations[0])


class VariedReply(Action):
    """Base class: `response` names the domain response whose variations it chooses from."""

    response = ""
    action_name = ""

    def name(self) -> Text:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        variations = domain["responses"][self.response]
        choice = pick_variation(variations, recent_bot_texts(tracker))
        dispatcher.utter_message(text=choice.get("text"), buttons=choice.get("buttons", []))
        return []


class NothingPending(VariedReply):
    response = "utter_nothing_pending"
    action_name = "action_nothing_pending"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        if tracker.get_slot("recommendation") is not None:
            # After a result, "I do." or "ok" is offered what can be done with it: its own action, so that
            # a "yes" next is no yes to the assessment's offer (data/stories/rules.yml)
            return [FollowupAction(AfterResult.action_name)]
        return super().run(dispatcher, tracker, domain)


class AfterResult(VariedReply):
    response = "utter_after_result"
    action_name = "action_after_result"


class Rephrase(VariedReply):
    response = "utter_rephrase"
    action_name = "action_rephrase"


class OutOfScope(VariedReply):
    response = "utter_out_of_scope"
    action_name = "action_out_of_scope"


class OutOfScopeInAssessment(VariedReply):
    """Inside the assessment the form asks its question again after it (data/stories/rules.yml): the menu
    would offer the assessment under way (REST)."""
    response = "utter_out_of_scope_in_assessment"
    action_name = "action_out_of_scope_in_assessment"


# Responses these actions send by name, for the data validation's list of used responses.
RESPONSES_SENT = tuple(cls.response for cls in (NothingPending, AfterResult, Rephrase, OutOfScope,
                                                 OutOfScopeInAssessment))
