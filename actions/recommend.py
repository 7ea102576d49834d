"""The recommendation and its explanation: thin wrappers around actions.scoring and actions.advice."""
from __future__ import annotations

import dataclasses
import re
from typing import Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import advice, scoring
from actions.explain import ASSESSMENT_BUTTON, ExplainFactor
from actions.forms import change_said, resolve_topic, what_if_value
from actions.questions import FORM, payload
from actions.knowledge import Knowledge, default
from actions.profile import latest_value
from actions.reader import (is_question, quotes_statement, relevance_asked, repeat_asked, scoring_asked,
                            sides_asked, stages_asked, question_asked, supposed_self)
from actions.replies import recent_bot_texts


def follow_up_buttons(domain: DomainDict) -> List[Dict[str, str]]:
    """What to do after a result (why, change an answer, start over): defined once, with the reply that offers
    them again after a result (utter_after_result in bot/domain.yml)."""
    return domain["responses"]["utter_after_result"][0]["buttons"]


# "what would change it?" after a result asks for the one change, not the whole breakdown again.
ASKS_WHAT_CHANGES = re.compile(
    r"\bwhat(?:'?d| would| could| will|'?ll)? (?:it )?(?:change|flip|take|make (?:it|you) (?:change|say))\b|"
    r"\b(?:change|flip) (?:it|this|that|the (?:result|answer|recommendation))\b|\bwhat if (?:i|my)\b", re.I)
CHANGE_AFTER_RESULT = ("The result, once the questions are done, ends with the one answer that would change it. "
                       "Let's finish them first.")
# Channels that draw the score breakdown from a custom payload (the terminal shows text only).
CHART_CHANNELS = ("socketio", "rest", "slack")
NO_RESULT_YET = "utter_no_result_yet"


def profile(tracker: Tracker) -> scoring.Profile:
    k = default()
    return scoring.Profile(
        answers={cid: _number(tracker.get_slot(cid)) for cid in k.criteria},
        stage=tracker.get_slot("stage"),
        constraints={cid: tracker.get_slot(cid) is True for cid in k.constraints},
    )


def _number(value: object):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None  # only validated 1..5 numbers count; anything else is "not answered"
    return float(value) if 1 <= value <= 5 else None


class Recommend(Action):
    def name(self) -> Text:
        return "action_recommend"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        result = scoring.recommend(profile(tracker), k)
        if not result.enough_answers:
            if tracker.active_loop_name == FORM:
                dispatcher.utter_message(text=advice.answers_missing_text(result, k))
                return []
            # "Which should I take?" before any answers: the assessment is the way to an answer.
            dispatcher.utter_message(text=advice.assessment_offer_text(result, k))
            return [FollowupAction(FORM)]
        # Private: in a Slack channel the result goes to its user only (bot/channels/slack.py).
        message = {"text": advice.recommendation_text(result, k), "buttons": follow_up_buttons(domain),
                   "metadata": {"private": True}}
        if tracker.get_latest_input_channel() in CHART_CHANNELS:
            message["json_message"] = advice.chart(result, k)
        dispatcher.utter_message(**message)
        return [SlotSet("recommendation", result.recommendation)]


# Why the question is asked, or what its words mean: "what do you mean by stability here?"
ASKS_WHY = re.compile(r"\b(?:why|what for|for what|the point of|how come|purpose|need to know|"
                      r"(?:is|does) (?:it|this|that) (?:\w+ )?(?:matter|important)|"
                      r"how (?:is|will|would|does) (?:it|this|that|my answer) (?:be )?(?:used|counted|weighed))\b",
                      re.I)
ASKS_MEANING = re.compile(r"\b(?:mean|means|meant|meaning|explain|define|definition|counts? as|qualif(?:y|ies) as|"
                          r"refers? to)\b", re.I)


class ExplainWhy(Action):
    """Inside the form: why this question. After a result: how each answer counted."""

    def name(self) -> Text:
        return "action_explain_why"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        asked = tracker.get_slot("requested_slot")
        typed = (tracker.latest_message or {}).get("text") or ""
        asks_change = bool(ASKS_WHAT_CHANGES.search(typed) or supposed_self(typed))
        sides = sides_asked(typed, k)
        stages = stages_asked(typed, k)
        meant = question_asked(typed, k)  # the statement or yes/no question whose words are asked about
        if sides or stages or scoring_asked(typed):
            # "what counts as big tech?", "what's the difference between new grad and early career?", "how is this
            # scored?": the same answer before, during and after the assessment (REST, in my own words: out of
            # scope, the pending statement's meaning, the breakdown)
            text = (advice.side_meaning_text(sides, k) if sides else advice.question_meaning("stage", k) if stages
                    else advice.scoring_text(k))
            offer = tracker.active_loop_name != FORM and tracker.get_slot("recommendation") is None
            dispatcher.utter_message(text=text, buttons=[ASSESSMENT_BUTTON] if offer else [])
            return []
        if tracker.active_loop_name == FORM and asked in k.questions:
            if repeat_asked(typed):
                # "what was the question again?": the question, which the form asks next, not its meaning
                # (REST, in my own words)
                dispatcher.utter_message(text="Sure, here it is again.")
                return []
            named = latest_value(tracker, "factor")
            # "why do you need that?" asks for the question's reason; anything else asks what it means ("does
            # 'ambiguous' mean unclear goals or unclear tasks?", "how should I read this one as a contractor?")
            # "what does this have to do with startups?" asks for its reason (REST, in my own words)
            asks_meaning = ((bool(ASKS_MEANING.search(typed)) or not ASKS_WHY.search(typed))
                            and not relevance_asked(typed))
            if (named in k.factors and named != k.criteria.get(asked, {}).get("factor") and not asks_change
                    and is_question(typed) and asks_meaning and meant is None
                    # "How fast is 'quickly' here: months, years?" quotes this statement (asides_probe)
                    and not quotes_statement(typed, [k.criteria.get(asked, {}).get("statement", "")])):
                # "Could you explain what you mean by stability here?" at the impact statement asks about
                # stability, not about this question (REST: it got the impact statement's reason), as does
                # "what's the expected value of startup equity tho?" at the pace statement (REST); "why do you
                # need to know that? I thought this was about stability" asks about the question, as does "what
                # does the runway one mean" at the runway question (REST, in my own words: the stability text)
                return ExplainFactor().run(dispatcher, tracker, domain)
            if meant is not None and meant != asked and asks_meaning and not asks_change:
                # "what counts as going deep?" at the impact statement asks about breadth's words (REST, in my
                # own words: out of scope)
                dispatcher.utter_message(text=advice.quoted_meaning_text(meant, k))
                return []
            # "what would change it?" before there is a result: where the answer will come, not this
            # question's reason (make chat)
            explain = advice.question_meaning if asks_meaning else advice.question_reason
            dispatcher.utter_message(text=CHANGE_AFTER_RESULT if asks_change else explain(asked, k))
            return []
        if meant is not None and not asks_change:
            # a statement's words asked about with no question pending: what they mean, and the way to answer it
            offer = tracker.active_loop_name != FORM and tracker.get_slot("recommendation") is None
            dispatcher.utter_message(text=advice.quoted_meaning_text(meant, k),
                                     buttons=[ASSESSMENT_BUTTON] if offer else [])
            return []
        if tracker.get_slot("recommendation") is None:
            # a response of its own, so that a "yes" next accepts its offer (REST: "idk what to do with my career",
            # then "yes", got "There's no question open right now")
            return [FollowupAction(NO_RESULT_YET)]
        result = scoring.recommend(profile(tracker), k)
        flip = advice.flip_text(result, k)
        buttons = _change_buttons(result, k, follow_up_buttons(domain))
        supposed = what_if_supposed(tracker, k)
        if supposed is not None:
            # "what if I had said yes to the visa one?" (REST, in my own words: the hybrid path, the result again)
            key, value = supposed
            then = scoring.recommend(supposing(profile(tracker), key, value), k)
            text = advice.what_if_text(key, tracker.get_slot(key), value, then, k)
            change = {"title": f"Change: {advice.topic_title(key, k)}",
                      "payload": payload("change_answer", criterion=key)}
            buttons = [change] if value != tracker.get_slot(key) else follow_up_buttons(domain)
            dispatcher.utter_message(text=text, buttons=buttons, metadata={"private": True})
            return []
        if asks_change:
            text = f'{flip} Say "why" for the full breakdown.'
        else:
            answers = {cid: tracker.get_slot(cid) for cid in k.constraints}
            text = advice.breakdown_text(result, answers, k)
        last = (recent_bot_texts(tracker, 1) or [None])[0] or ""
        if text == last or (asks_change and flip in last):
            # "why" asked twice, or "what would change it?" right after "why", whose last line said it: a
            # pointer to the message above and a way to act on it, not the same lines again
            text = advice.said_above_text(result, k)
        dispatcher.utter_message(text=text, buttons=buttons, metadata={"private": True})  # to its user only
        return []


def what_if_supposed(tracker: Tracker, k: Knowledge) -> Optional[Tuple[str, object]]:
    """The answer a message supposes and the question it answers ("what if I had said yes to the visa one?"),
    or None when it names no question or no answer outright."""
    key = resolve_topic(tracker, k)
    value = what_if_value(key, (tracker.latest_message or {}).get("text") or "", k) if key else None
    return None if value is None else (key, value)


def supposing(answered: scoring.Profile, key: str, value: object) -> scoring.Profile:
    """The profile with one answer supposed otherwise."""
    if key == "stage":
        return dataclasses.replace(answered, stage=value)
    if key in answered.constraints:
        return dataclasses.replace(answered, constraints={**answered.constraints, key: value is True})
    return dataclasses.replace(answered, answers={**answered.answers, key: float(value)})


def _change_buttons(result: scoring.Result, k: Knowledge, follow_up: List[Dict[str, str]]) -> List[Dict[str, str]]:
    """After an explanation: change the one answer that would alter the result, or any; or start over."""
    changes = [b for b in follow_up if b["payload"] == "/change_answer"]
    if result.flip is not None:
        changes = [{"title": f"Change: {advice.topic_title(result.flip.criterion, k)}",
                    "payload": payload("change_answer", criterion=result.flip.criterion)}]
    return changes + [b for b in follow_up if b["payload"] == "/start_over"]


class ChangeAnswer(Action):
    """Sets the named answer to the new one said with it ("change my answer on pace to 3/10"), or clears it
    so the form asks it again; with none named, the form asks which."""

    def name(self) -> Text:
        return "action_change_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> List[EventType]:
        k = default()
        topic = resolve_topic(tracker, k)
        if topic is None:
            return [SlotSet("changing", True)]
        new = change_said(dispatcher, topic, (tracker.latest_message or {}).get("text") or "", k)
        return [SlotSet(topic, new), SlotSet("unclear_slot", None)]
