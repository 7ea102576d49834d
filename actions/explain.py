"""Answers about the article: one factor, the overview, the hybrid path; and noting what users say
about themselves outside the form ("money matters most to me", "I have 2 yoe")."""
from __future__ import annotations

from typing import Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.advice import answers_line, assessment_intro, factor_text, hybrid_text, overview_text
from actions.profile import latest_entities, latest_value, stated_answers
from actions.questions import FORM, payload
from actions.reader import is_question
from actions.knowledge import default

ASSESSMENT_BUTTON = {"title": "Take the 2-minute assessment", "payload": "/start_assessment"}


class ExplainFactor(Action):
    """A factor's comparison; "and at big tech?" keeps the factor and switches the side."""

    def name(self) -> Text:
        return "action_explain_factor"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        factor = latest_value(tracker, "factor") or tracker.get_slot("factor")
        side = latest_value(tracker, "company_type")
        if factor not in k.factors:
            dispatcher.utter_message(
                text="Which factor would you like to compare?",
                buttons=[{"title": f["title"], "payload": payload("ask_factor", factor=fid)}
                         for fid, f in k.factors.items()],
            )
            return []
        dispatcher.utter_message(text=factor_text(factor, side, k))
        return [SlotSet("factor", factor)]


class HelpInAssessment(Action):
    """Help asked at a pending question: a question that names a factor ("what does impact mean
    here?", which the classifier takes for help) is that factor's question; anything else gets the
    help paragraph. The form then asks again."""

    def name(self) -> Text:
        return "action_help_in_assessment"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        factor = latest_value(tracker, "factor")
        if factor in default().factors and is_question(tracker.latest_message.get("text") or ""):
            return ExplainFactor().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_help")
        return []


class Overview(Action):
    """The five factors at a glance; a comparison that names one factor ("what's the salary gap between
    startups and big tech?") gets that factor's comparison instead."""

    def name(self) -> Text:
        return "action_overview"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        named = {e.get("value") for e in latest_entities(tracker, "factor")} & set(k.factors)
        if len(named) == 1:
            factor = named.pop()
            dispatcher.utter_message(text=factor_text(factor, None, k))
            return [SlotSet("factor", factor)]
        dispatcher.utter_message(text=overview_text(k), buttons=[ASSESSMENT_BUTTON])
        return []


class ExplainHybrid(Action):
    def name(self) -> Text:
        return "action_explain_hybrid"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        dispatcher.utter_message(text=hybrid_text(default()))
        return []


class NoteProfile(Action):
    """Keeps what the user says about themselves, so the assessment doesn't ask it again."""

    def name(self) -> Text:
        return "action_note_profile"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        said: Dict[str, object] = stated_answers(tracker)
        stage = latest_value(tracker, "career_stage")
        if stage in k.stage["values"]:
            said["stage"] = stage
        events: List[EventType] = [SlotSet(key, value) for key, value in said.items()]
        lines = answers_line(said, k)
        if tracker.get_slot("recommendation") is None:
            # Someone telling us about themselves wants advice: the assessment goes on from here,
            # without asking again what they just said.
            # a priority word with no side to it ("a structured way to think about it") notes nothing
            text = (f"Noted: {lines}. Let's see which side fits you; I'll ask about the rest." if lines
                    else assessment_intro(k))
            dispatcher.utter_message(text=text)
            return [*events, FollowupAction(FORM)]
        if not lines:
            dispatcher.utter_message(
                text="I couldn't tell which priority you mean. The assessment asks about each one.",
                buttons=[ASSESSMENT_BUTTON],
            )
            return events
        dispatcher.utter_message(
            text=f"Noted, I'll count that if you take the assessment again: {lines}.",
            buttons=[ASSESSMENT_BUTTON],
        )
        return events
