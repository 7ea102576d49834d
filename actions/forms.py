"""The assessment form: the validation of every answer, and the question which answer to change.

The questions themselves are responses made from the knowledge file (actions/questions.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers
from actions.advice import answer_title, topic_title
from actions.knowledge import CONSTRAINT_IDS, CRITERION_IDS, Knowledge, default
from actions.questions import QUESTIONS, payload

FORM = "assessment_form"
UNSPECIFIED_STAGE = "unspecified"
MAX_ECHO = 40


def resolve_topic(tracker: Tracker, k: Knowledge) -> Optional[str]:
    """Which answer a message names: a criterion, a constraint, or the career stage."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    clicked = answers.button_value(text, "criterion")
    if clicked in QUESTIONS:
        return clicked
    for entity in message.get("entities", []):
        if entity.get("entity") in ("criterion", "constraint") and entity.get("value") in QUESTIONS:
            return entity["value"]
    if "stage" in text.lower() or any(
        e.get("entity") == "career_stage" for e in message.get("entities", [])
    ):
        return "stage"
    return None


class AskAnswerToChange(Action):
    def name(self) -> Text:
        return "action_ask_answer_to_change"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        buttons = [
            {
                "title": f"{topic_title(key, k)}: {answer_title(key, tracker.get_slot(key), k)}",
                "payload": payload("answer", criterion=key),
            }
            for key in QUESTIONS
            if tracker.get_slot(key) is not None
        ]
        dispatcher.utter_message(text="Which answer would you like to change?", buttons=buttons)
        return []


class ValidateAssessmentForm(FormValidationAction):
    """Turns typed or clicked answers into slot values; an unreadable answer gets one re-ask."""

    def name(self) -> Text:
        return "validate_assessment_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        questions = [slot for slot in domain_slots if slot != "answer_to_change"]
        if tracker.get_slot("changing"):
            return ["answer_to_change", *questions]
        return questions

    def _accept(self, slot: str, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        # unclear_slot is cleared only when set: clearing it again would be one more event in every
        # answer's turn, stored, sent to this server and replayed by Rasa in each turn after it.
        return {slot: value, **({"unclear_slot": None} if tracker.get_slot("unclear_slot") else {})}

    def _unclear(self, slot: str, neutral: Any, dispatcher: CollectingDispatcher, tracker: Tracker
                 ) -> Dict[Text, Any]:
        if any(name != slot and name in QUESTIONS and value is not None
               for name, value in tracker.slots_to_validate().items()):
            return {slot: None}  # the message answered another question ("I'm a new grad"): fine
        if tracker.get_slot("unclear_slot") == slot:
            dispatcher.utter_message(
                text="I'll count that one as neutral for now; you can change it at the end."
            )
            return self._accept(slot, neutral, tracker)
        text = answers.shown((tracker.latest_message or {}).get("text") or "")
        echo = text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "..."
        if slot == "stage":
            hint = 'pick a button, or tell me e.g. "new grad", "2 yoe" or "senior"; "skip" works too'
        elif slot in CONSTRAINT_IDS:
            hint = 'answer "yes" or "no" ("not sure" counts as no)'
        else:
            hint = 'pick a button, or type e.g. "4", "mostly", "not really" or "skip"'
        dispatcher.utter_message(text=f'Sorry, I couldn\'t read "{echo}" as an answer: {hint}.')
        return {slot: None, "unclear_slot": slot}

    def _criterion(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                   tracker: Tracker) -> Dict[Text, Any]:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 5:
            return self._accept(slot, float(value), tracker)
        point = answers.parse_agreement(str(value or ""), default())
        if point is None:
            return self._unclear(slot, float(answers.NEUTRAL), dispatcher, tracker)
        return self._accept(slot, float(point), tracker)

    def validate_stage(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> Dict[Text, Any]:
        k = default()
        if value in k.stage["values"] or value == UNSPECIFIED_STAGE:
            return self._accept("stage", value, tracker)
        if answers.parse_agreement(str(value or ""), k) == answers.NEUTRAL:
            return self._accept("stage", UNSPECIFIED_STAGE, tracker)  # "skip", "not sure"
        return self._unclear("stage", UNSPECIFIED_STAGE, dispatcher, tracker)

    def _constraint(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                    tracker: Tracker) -> Dict[Text, Any]:
        if isinstance(value, bool):
            return self._accept(slot, value, tracker)
        parsed = answers.parse_yes_no(str(value or ""), default())
        if parsed is None:
            return self._unclear(slot, False, dispatcher, tracker)
        return self._accept(slot, parsed, tracker)

    def validate_needs_sponsorship(self, value: Any, dispatcher: CollectingDispatcher,
                                   tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._constraint("needs_sponsorship", value, dispatcher, tracker)

    def validate_low_runway(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: DomainDict) -> Dict[Text, Any]:
        return self._constraint("low_runway", value, dispatcher, tracker)

    def validate_answer_to_change(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        topic = resolve_topic(tracker, default())
        done = {"answer_to_change": None, "changing": False}
        if topic is None:
            dispatcher.utter_message(text="I couldn't tell which answer, so I've left them all as "
                                          "they were.")
            return done
        dispatcher.utter_message(text=f"OK, let's redo: {topic_title(topic, default())}.")
        return {**done, topic: None}

    def __getattr__(self, name: str) -> Any:
        # validate_pace, validate_risk, ...: every criterion is read the same way.
        slot = name[len("validate_"):] if name.startswith("validate_") else None
        if slot in CRITERION_IDS:
            return lambda value, dispatcher, tracker, domain: self._criterion(
                slot, value, dispatcher, tracker
            )
        raise AttributeError(name)
