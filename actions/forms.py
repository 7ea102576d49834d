"""The assessment form: the validation of every answer, and the question which answer to change.

The questions themselves are responses made from the knowledge file (actions/questions.py)."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Set, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers, reader, situation
from actions.advice import answer_title, answers_line, topic_title
from actions.knowledge import Knowledge, default
from actions.profile import stated_answers, stated_constraints, stated_priorities
from actions.questions import FORM, payload

# Loaded as the action server starts, which imports this module: the first typed answer after a start
# had waited 0.6 s for it.
reader.default_reader()

UNSPECIFIED_STAGE = "unspecified"
MAX_ECHO = 40
# An answer whose first clause is this short and holds an answer phrase ("no way, ...", "yes definitely")
# says its point itself: its reading is not said back.
MAX_SAID_WORDS = 3


# "go back", "previous question", "undo that": the answer given last (REST, in my own words: "go back" asked which
# answer, and "disagree" typed next got "I couldn't tell which answer")
GO_BACK = re.compile(r"^(?!.*\?)\W*(?:(?:ok|oops|sorry|wait|hmm|can we|could we|let'?s|please|pls)\W+)*"
                     r"(?:go(?:ing)? back|back|previous(?: question| one)?|(?:the )?last (?:question|one|answer)|"
                     r"undo(?: that| it)?)(?:\s+(?:one|a question|a step|please|pls|"
                     r"to the (?:last|previous) (?:one|question)))*\W*$", re.I)


# "change that to 5", "make it a 2", "redo the last one": the answer given last (REST, in my own words: "change
# that to 5" asked which answer)
THAT_ANSWER = re.compile(r"\b(?:change|make|set|switch|update|redo|fix)\s+(?:that|it|this|the last (?:one|answer)|"
                         r"my last answer|the previous (?:one|answer)|my previous answer)\b", re.I)


def last_answered(tracker: Tracker, k: Knowledge, exclude: Optional[str] = None) -> Optional[str]:
    """The question answered last before the latest message, by the slots set, other than `exclude`; None before
    any answer."""
    for event in reversed(_before_latest_user(tracker.events)):
        if (event.get("event") == "slot" and event.get("name") in k.questions and event.get("name") != exclude
                and event.get("value") is not None):
            return event["name"]
    return None


def resolve_topic(tracker: Tracker, k: Knowledge) -> Optional[str]:
    """Which answer a message names: a criterion, a constraint, or the career stage; "go back" and "change that"
    name the answer given last."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    clicked = answers.button_value(text, "criterion")
    if clicked in k.questions:
        return clicked
    if GO_BACK.match(text):
        return last_answered(tracker, k)
    for entity in message.get("entities", []):
        if entity.get("entity") in ("criterion", "constraint") and entity.get("value") in k.questions:
            return entity["value"]
    if "stage" in text.lower() or any(
        e.get("entity") == "career_stage" for e in message.get("entities", [])
    ):
        return "stage"
    return last_answered(tracker, k) if THAT_ANSWER.search(text) else None


def say_answers(dispatcher: CollectingDispatcher, lead: str, answers_said: Dict[Text, Any], k: Knowledge
                ) -> None:
    """Says answers back ("Noted: ...", "Changed: ..."). A constraint's answer goes to its user only, as its
    question did (bot/channels/slack.py)."""
    private = {"metadata": {"private": True}} if answers_said.keys() & set(k.constraints) else {}
    dispatcher.utter_message(text=f"{lead}: {answers_line(answers_said, k)}.", **private)


# The new answer said with the change: "change my answer on pace to 3/10", "set risk to strongly agree"; or with
# a correction: "wait, I meant agree on the last one", "my last answer should be a 2".
NEW_VALUE = re.compile(r"\b(?:to|into|as)\s+(?P<value>[^.!?]+?)\W*$")
MEANT_VALUE = re.compile(r"\b(?:i meant(?: to (?:say|put|pick|click|answer|type))?|"
                         r"should(?:'?ve| have)? (?:been|said)|should be|make it)\s+(?:i\s+)?(?P<value>[^.!?;]+?)"
                         r"(?=\s+(?:on|for|to|in|with) (?:the|that|my) (?:last|previous|prior)\b|\s*[.!?;]|\s*$)")


def changed_value(topic: str, text: str, k: Knowledge) -> Optional[Any]:
    """The new answer a change of `topic` says, when the words say it outright (a number, an answer word or
    phrase, a stage, a yes or no); None when they do not ("change my answer to the risk question")."""
    lower = text.lower()
    said = MEANT_VALUE.search(lower) or NEW_VALUE.search(lower)
    return None if said is None else value_said(topic, said.group("value"), k)


# Another answer supposed: "what if I had said yes to the visa one?", "what if my scale answer was a 5?"
WHAT_IF_VALUE = re.compile(
    r"\bwhat if (?:i|i'd|i had)? ?(?:had )?(?:said|answered|put|picked|chose|chosen|selected|clicked|say|answer|"
    r"pick|went with|gone with)\s+(?P<value>[^.!?]+?)\s+(?:to|for|on|at|in)\s+(?:the|my|that|this)\b|"
    r"\bwhat if (?:my|the) [^.!?]+? (?:answer|one|question) (?:was|were|is|had been)\s+(?P<was>[^.!?]+?)\W*$")


def what_if_value(topic: str, text: str, k: Knowledge) -> Optional[Any]:
    """The answer to `topic` that a message supposes (WHAT_IF_VALUE), or None."""
    said = WHAT_IF_VALUE.search(text.lower())
    if said is not None:
        return value_said(topic, said.group("value") or said.group("was"), k)
    supposed = reader.supposed_self(text)  # "what if I didn't need the visa"
    return None if supposed is None else value_said(topic, supposed, k)


def value_said(topic: str, value: str, k: Knowledge) -> Optional[Any]:
    """An answer to `topic` said outright in a few words: a number, an answer word or phrase, a stage, a yes or
    no; None otherwise."""
    the_reader = reader.default_reader()
    if topic in k.criteria:
        reading = the_reader.read_agreement(value, topic)
        return float(reading.value) if reading.value is not None and reading.how in ("number", "rule") else None
    if topic in k.constraints:
        return the_reader.read_yes_no(value, topic).value
    return the_reader.read_stage(value).value if topic == "stage" else None


def say_redo(dispatcher: CollectingDispatcher, topic: str, k: Knowledge) -> None:
    """Says that the answer to `topic` is asked again."""
    dispatcher.utter_message(text=f"OK, let's redo: {topic_title(topic, k)}.")


def change_said(dispatcher: CollectingDispatcher, topic: str, text: str, k: Knowledge) -> Optional[Any]:
    """The new answer to `topic` that a change or a correction says, said back ("Changed: ..."); None, with the
    answer to be asked again said ("OK, let's redo: ..."), when it says none."""
    new = changed_value(topic, text, k)
    if new is None:
        say_redo(dispatcher, topic, k)
    else:
        say_answers(dispatcher, "Changed", {topic: new}, k)
    return new


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
            for key in k.questions
            if tracker.get_slot(key) is not None
        ]
        dispatcher.utter_message(text="Which answer would you like to change?", buttons=buttons)
        return []


def consents_to_start(tracker: Tracker) -> bool:
    """True for a plain yes ("yeah", "sure, go", "let's do it") typed right after the assessment
    started, whose first question came under its intro: consent to start, not an answer. An emphatic
    yes ("yes definitely") or one that says more than yes is an answer."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    if (intent.get("name") not in ("affirm", "start_assessment")
            or (intent.get("confidence") or 0.0) < reader.MIN_INTENT_CONFIDENCE or message.get("entities")):
        return False
    if answers.parse_agreement(message.get("text") or "", default()) not in (None, 4):
        return False
    started = False
    for event in reversed(_before_latest_user(tracker.events)):
        if event.get("event") == "user":
            break
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            started = True  # the form started in the turn before this message
        elif event.get("event") == "action" and event.get("name") == "action_change_answer":
            return False  # "change my answer on risk" asks it again with no intro: a yes answers it
    return started


def _before_message(slot: str, tracker: Tracker) -> Any:
    """The slot's value before the latest user message (the tracker's slots already hold what
    action_extract_slots took from it)."""
    for event in reversed(_before_latest_user(tracker.events)):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


def new_answers(said: Dict[Text, Any], tracker: Tracker) -> Dict[Text, Any]:
    """The answers a message says that the slots do not hold yet: said again at the same question, they are
    no news, and the question is not asked again for them (it would be forever)."""
    return {slot: value for slot, value in said.items() if tracker.get_slot(slot) != value}


def _other_answers(slot: str, tracker: Tracker) -> Dict[Text, Any]:
    """The other questions the latest message answered (a stage said while a statement is pending)."""
    return {name: value for name, value in tracker.slots_to_validate().items()
            if name != slot and name in default().questions and value is not None}


def _answers_it_too(text: str, slot: str, reading: reader.Reading, named: Optional[float]) -> bool:
    """True when a message that answers a yes/no question in passing answers the pending statement as well: by
    a rule ("on a visa, so no way"), by naming the statement's topic the way the model reads it ("pay matters, I
    have a mortgage, but it's not the only thing" at salary), or by a verdict opening it that reads the same
    alone ("Not essential. We have substantial savings."). The last two had noted only the runway (REST).
    `named` is the statement's answer said by its words (stated_priorities), if any."""
    k = default()
    if reader.said_outright(text, slot, k):
        return True
    side = reading.value - answers.NEUTRAL
    if named is not None and (named - answers.NEUTRAL) * side > 0:
        return True
    verdict = reader.opening_sentence(text)
    alone = reader.default_reader().read_agreement(verdict, slot).value if verdict else None
    return alone is not None and (alone - answers.NEUTRAL) * side > 0


BARE_DIGIT = re.compile(r"\s*([1-5])\s*[.!]*\s*")


def rated_out_of_ten(tracker: Tracker) -> bool:
    """True when an earlier message of the user rated out of ten ("8/10", "3 out of 10")."""
    return any(event.get("event") == "user" and reader.ten_scale_rating(answers.lowered(event.get("text") or ""))
               is not None for event in _before_latest_user(tracker.events))


def _stage_in_passing(tracker: Tracker, validated: Dict[Text, Any], guessed: Dict[Text, Any]) -> bool:
    """True when the message answered the pending statement or yes/no question with a side (validated
    before the stage) and a stage word comes up in it by the way, while a stage is known: "I interned at a
    household name. The logo got me interviews, sure, but I couldn't care less" typed at the brand
    statement had made a mid-career user a student (make chat), "nope, just me, a year of savings" at the
    runway question too. A stage said for itself ("btw I'm basically a new grad now") reads no side, and
    replaces the one known; so does one beside a yes/no the model only guessed. Beside an undecided answer, a
    stage that only the meaning model found is in passing too: "mid tbh" is slang for so-so (REST: a known
    early career became mid)."""
    k = default()
    pending = tracker.get_slot("requested_slot")
    if (pending not in {*k.criteria, *k.constraints}
            or _before_message("stage", tracker) in (None, UNSPECIFIED_STAGE)):
        return False
    answer = validated.get(pending)
    if pending in k.criteria:
        if answer == answers.NEUTRAL:
            stages = [e for e in (tracker.latest_message or {}).get("entities", [])
                      if e.get("entity") == "career_stage"]
            return bool(stages) and all((e.get("confidence_entity") or 1.0) < 1.0 for e in stages)
        return answer is not None
    return answer is not None and pending not in guessed


class ValidateAssessmentForm(FormValidationAction):
    """Reads the pending question's answer from the message typed right after it (actions/reader.py);
    an answer it can't read gets one specific re-ask, the second miss counts as neutral."""

    def name(self) -> Text:
        return "validate_assessment_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        questions = [slot for slot in domain_slots if slot != "answer_to_change"]
        if tracker.get_slot("changing"):
            return ["answer_to_change", *questions]
        return questions

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        # Answer first: the questions' slots have custom mappings, so Rasa runs the form for every
        # message while a question is pending, and the text is taken here as its answer, unless it
        # is clearly a question or a command. Then nothing is taken, Rasa rejects the form, and the
        # interruption's rule answers it before the form asks again (data/stories/rules.yml).
        slot = tracker.get_slot("requested_slot")
        if slot not in (*default().questions, "answer_to_change") or not answered_now(tracker):
            return []
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        text = message.get("text") or ""
        if reader.is_interruption(text, intent.get("name"), intent.get("confidence") or 0.0, default(), slot):
            return []
        stages = [e.get("value") for e in message.get("entities", []) if e.get("entity") == "career_stage"]
        if slot != "stage" and stages:
            # a stage said beside another question's answer: validated with it (_stage_in_passing)
            return [SlotSet("stage", stages[-1]), SlotSet(slot, text)]
        return [SlotSet(slot, text)]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        validated: Dict[Text, Any] = {}
        guessed: Dict[Text, Any] = {}  # answers a model read from the user's own words
        said_already: Set[Text] = set()  # answers whose change a message of its own says
        pending = tracker.get_slot("requested_slot")
        # the pending question's answer first: whether a stage word in it was said by the way depends on it; which
        # answer to change last: the new answer may come with it ("actually I'm a new grad")
        for slot, value in sorted(tracker.slots_to_validate().items(),
                                  key=lambda item: (item[0] == "answer_to_change", item[0] != pending)):
            if slot not in required:
                continue
            if slot == pending and consents_to_start(tracker):
                # "sure, go" typed under the intro and the first question agrees to start: the question
                # comes again, and the next "yeah" is its answer
                dispatcher.utter_message(text="Great, let's go.")
                result = {slot: None}
            elif slot == pending and (misread := self._misread(slot, value, tracker)):
                result = self._corrected(misread, slot, str(value), dispatcher)
                said_already.update(result)
            elif slot == "stage" and _stage_in_passing(tracker, validated, guessed):
                result = {"stage": _before_message("stage", tracker)}
            elif slot in default().criteria:
                result = self._criterion(slot, value, dispatcher, tracker, guessed)
            elif slot in default().constraints:
                result = self._constraint(slot, value, dispatcher, tracker, guessed)
            elif slot == "stage":
                result = self._stage(value, dispatcher, tracker, guessed)
            else:
                result = self._answer_to_change(dispatcher, tracker, validated)
            validated.update(result)
            tracker.slots.update(result)
        self._say_back(guessed, {key: value for key, value in validated.items() if key not in said_already},
                       dispatcher, tracker)
        return [SlotSet(slot, value) for slot, value in validated.items()]

    @staticmethod
    def _say_back(guessed: Dict[Text, Any], validated: Dict[Text, Any], dispatcher: CollectingDispatcher,
                  tracker: Tracker) -> None:
        """What the pending answer was read as, when a model read it from the user's own words ("chaos
        stresses me out" is 1), and what a message changed besides it, so that a misreading shows and
        "change my answer" can mend it: an opener typed into a conversation left at question 11 ("phd
        student ..., which one??") set the stage to student; "nope, just me, a year of savings", read as
        the runway answer, had set it to student too; the stage taken from "student loans" went unseen."""
        k = default()
        pending = tracker.get_slot("requested_slot")
        if pending not in k.questions:
            return
        said = {slot: value for slot, value in guessed.items() if validated.get(slot) == value}
        said.update((slot, value) for slot, value in validated.items()
                    if slot != pending and slot in k.questions and value is not None
                    and value != _before_message(slot, tracker))
        if said:
            say_answers(dispatcher, "Noted", said, k)

    def _accept(self, slot: str, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        # unclear_slot is cleared only when set: clearing it again would be one more event in every
        # answer's turn, stored, sent to this server and replayed by Rasa in each turn after it.
        return {slot: value, **({"unclear_slot": None} if tracker.get_slot("unclear_slot") else {})}

    def _unclear(self, slot: str, neutral: Any, dispatcher: CollectingDispatcher, tracker: Tracker
                 ) -> Dict[Text, Any]:
        others = _other_answers(slot, tracker)
        if others:
            # The message answered another question ("btw i'm a new grad"): no scolding; what it changed
            # is said back (_say_back), and what it said again is acknowledged, not passed over in silence
            # ("six years, all at the same place" at a statement, the stage noted already: make chat)
            known = {name: value for name, value in others.items() if value == _before_message(name, tracker)}
            if known and known == others:
                dispatcher.utter_message(text=f"I have that already: {answers_line(known, default())}.")
            return {slot: None}
        # another statement's priority only by its words: a message the reader could not read at the pending
        # statement is more likely its answer than another's by meaning ("I hate being micromanaged but I
        # like knowing the plan" at the structure statement had changed the pace answer from 4 to 1, and
        # "It is important, though not decisive." at risk noted the salary answer: REST, in my own words)
        noted = new_answers(stated_answers(tracker, exclude=slot, by_meaning=False), tracker)
        if noted:
            # "money matters most to me" or "I'm on an H-1B" while another question is pending: kept, said
            # back once (_say_back), and the pending question asked again without counting a miss.
            return {**noted, slot: None}
        if tracker.get_slot("unclear_slot") == slot:
            dispatcher.utter_message(
                text="I'll count that one as neutral for now; you can change it at the end."
            )
            return self._accept(slot, neutral, tracker)
        text = answers.shown((tracker.latest_message or {}).get("text") or "")
        echo = text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "..."
        dispatcher.utter_message(text=f'Sorry, I couldn\'t read "{echo}" as an answer: '
                                      f"{UNREAD_HINTS[kind_of(slot)]}.")
        return {slot: None, "unclear_slot": slot}

    def _criterion(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                   tracker: Tracker, guessed: Dict[Text, Any]) -> Dict[Text, Any]:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 5:
            return self._accept(slot, float(value), tracker)
        digit = BARE_DIGIT.fullmatch(str(value or ""))
        if digit and rated_out_of_ten(tracker):
            # "2" after "8/10" and "3/10" is two out of ten, not a 2 of 5 (REST, in my own words); said back
            guessed[slot] = float(answers.on_five(int(digit.group(1)) / 10))
            return self._accept(slot, guessed[slot], tracker)
        the_reader = reader.default_reader()
        reading = the_reader.read_agreement(str(value or ""), slot)
        if reading.how == "model" and reading.value == answers.NEUTRAL and _other_answers(slot, tracker):
            # "oh btw I'm defending next month so I'm basically a new grad": a stage, which the model
            # can only find neutral; said back, and the statement asked again
            return self._unclear(slot, float(answers.NEUTRAL), dispatcher, tracker)
        # priorities named by their words, once: a constraint said in passing and a statement typed ahead use them
        named = stated_priorities(tracker, by_meaning=False) if reading.how in ("model", "rule") else {}
        if (reading.how == "model" and new_answers(stated_constraints(tracker, exclude=slot), tracker)
                and not _answers_it_too(str(value or ""), slot, reading, named.get(slot))):
            # "I'm on an H-1B" typed at the risk statement answers the visa question; the model's guess
            # at the statement (2) is not taken (make chat)
            return self._unclear(slot, float(answers.NEUTRAL), dispatcher, tracker)
        if (reading.how in ("model", "rule") and reading.value is not None
                and new_answers({c: v for c, v in named.items() if c != slot}, tracker)
                and not reader.lead_direction(str(value or ""), default())
                and not reader.names_topic(str(value or ""), slot, default())):
            # another statement answered by its words, not this one's, and no answer word opening the message: "the
            # brand would help my parents understand what I do lol, but for me no" typed ahead at the structure
            # statement was noted as its answer (REST, in my own words); that one is noted, this one asked again
            return self._unclear(slot, float(answers.NEUTRAL), dispatcher, tracker)
        if reading.value is None:
            # "money matters most to me" for salary: the keyword's reading, only where the reader's
            # model leans the same way ("I want to go deep, generalists get spread thin" names breadth
            # but is a no to it)
            stated = stated_priorities(tracker).get(slot)
            if stated is not None and (stated - answers.NEUTRAL) * the_reader.lean(str(value or ""), slot) > 0:
                # read from the user's own words, so said back ("I like some pace but total ambiguity would
                # drive me nuts" was noted as a 1 unseen: make chat); at most a plain agree or disagree, as
                # the whole read no point ("I am moderately comfortable with ambiguity, though I prefer some
                # planning" was noted as Strongly agree: REST, in my own words)
                stated = min(max(float(stated), answers.NEUTRAL - 1.0), answers.NEUTRAL + 1.0)
                guessed[slot] = stated
                return self._accept(slot, stated, tracker)
            return self._unclear(slot, float(answers.NEUTRAL), dispatcher, tracker)
        first = reader.first_clause(str(value or ""))
        said = answers.parse_agreement(first, default()) if len(first.split()) <= MAX_SAID_WORDS else None
        if ((reading.how in ("model", "rule") and said != reading.value)
                or (reading.how == "number" and reader.BARE_TEN_SCALE.fullmatch(answers.lowered(str(value))))):
            # not "kinda" or "no way, ...", whose few first words say their point; a rule's reading of a story
            # is a guess too, and so is a phrase inside a sentence ("It would be an overstatement to call it a
            # must" was taken as "a must", 5, unseen: REST); a "7" alone was read out of ten
            guessed[slot] = float(reading.value)
        return self._accept(slot, float(reading.value), tracker)

    def _stage(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
               guessed: Dict[Text, Any]) -> Dict[Text, Any]:
        k = default()
        if value in k.stage["values"] or value == UNSPECIFIED_STAGE:
            return self._accept("stage", value, tracker)
        text = str(value or "")
        if (situation.stage_stated(text, k) is None
                and answers.parse_agreement(text, k) == answers.NEUTRAL):
            return self._accept("stage", UNSPECIFIED_STAGE, tracker)  # "skip", "not sure"
        message = tracker.latest_message or {}
        mentioned = [e.get("value") for e in message.get("entities", [])
                     if e.get("entity") == "career_stage" and e.get("value") in k.stage["values"]]
        intent = message.get("intent") or {}
        if (intent.get("name") in reader.CONSENT_INTENTS and not mentioned
                and (intent.get("confidence") or 0.0) >= reader.MIN_INTENT_CONFIDENCE
                and situation.stage_stated(text, k) is None):
            # "yeah let's do it" typed after an opener started the assessment: the stage model, which
            # has never seen a yes, read it as senior
            return self._unclear("stage", UNSPECIFIED_STAGE, dispatcher, tracker)
        reading = reader.default_reader().read_stage(text)
        if reading.value is not None:
            if reading.how == "model" and reading.value not in mentioned:
                guessed["stage"] = reading.value  # not "Senior", which the NLU found too
            return self._accept("stage", reading.value, tracker)
        if mentioned:
            return self._accept("stage", mentioned[-1], tracker)
        return self._unclear("stage", UNSPECIFIED_STAGE, dispatcher, tracker)

    def _constraint(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                    tracker: Tracker, guessed: Dict[Text, Any]) -> Dict[Text, Any]:
        if isinstance(value, bool):
            return self._accept(slot, value, tracker)
        text = str(value or "")
        reading = reader.default_reader().read_yes_no(text, slot)  # "not sure" counts as no
        leads = reader.lead_direction(text, default())
        if reading.value is None or (reading.how == "model" and not leads and _other_answers(slot, tracker)):
            # "as I said, phd student" answers the stage: the yes/no model's guess at it is not taken
            return self._unclear(slot, False, dispatcher, tracker)
        if reading.how == "model" and leads != (1 if reading.value else -1):
            guessed[slot] = reading.value  # not "nope" or "yes, ...", which say their answer
        return self._accept(slot, reading.value, tracker)

    @staticmethod
    def _misread(slot: str, value: Any, tracker: Tracker) -> Optional[str]:
        """The question answered before the pending one, when the message says its answer was misread
        ("wait, that's wrong, I meant strongly disagree"): typed after the say-back, it had answered the
        next question instead."""
        if not isinstance(value, str) or not reader.corrects_previous(value):
            return None
        return last_answered(tracker, default(), exclude=slot)

    @staticmethod
    def _corrected(topic: str, pending: str, text: str, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        """A misread answer: changed to the answer the correction says ("I meant strongly disagree"), or asked
        again before the pending question, which comes after it in the form's order."""
        return {topic: change_said(dispatcher, topic, text, default()), pending: None}

    @staticmethod
    def _redo(topic: str, pending: str, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        # asked again before the pending question, which comes after it in the form's order
        say_redo(dispatcher, topic, default())
        return {topic: None, pending: None}

    def _answer_to_change(self, dispatcher: CollectingDispatcher, tracker: Tracker, validated: Dict[Text, Any]
                          ) -> Dict[Text, Any]:
        k = default()
        topic = resolve_topic(tracker, k)
        done = {"answer_to_change": None, "changing": False}
        if topic is None:
            dispatcher.utter_message(text="I couldn't tell which answer, so I've left them all as "
                                          "they were.")
            return done
        if validated.get(topic) is not None:
            # the new answer said with it ("actually I'm a new grad"): taken, not asked for again (REST, in my
            # own words: "OK, let's redo: Career stage." and the next question)
            say_answers(dispatcher, "Changed", {topic: validated[topic]}, k)
            return done
        return {**done, **self._redo(topic, topic, dispatcher)}


UNREAD_HINTS = {
    "stage": 'pick a button, or tell me e.g. "new grad", "2 years in industry" or "senior"; "skip" works too',
    "constraint": 'a plain "yes" or "no" is enough ("not sure" counts as no)',
    "criterion": 'pick a button, or say how much you agree, e.g. "mostly", "not really", "a 4" or "skip"',
}


def kind_of(slot: str) -> str:
    return "stage" if slot == "stage" else "constraint" if slot in default().constraints else "criterion"


# Actions that may run between the user's message and the form without the message being meant
# for another action: Rasa's own slot extraction, and the form itself.
_TRANSPARENT = {"action_listen", "action_extract_slots", FORM}


def answered_now(tracker: Tracker) -> bool:
    """True when the latest user message came straight after the pending question: only then is it
    that question's answer (after "what about pay?" was answered, the form asks again, reads nothing)."""
    events = tracker.events
    latest = _latest_user_index(events)
    return latest is not None and all(
        event.get("name") in _TRANSPARENT for event in events[latest + 1:] if event.get("event") == "action"
    )


def _latest_user_index(events: List[Dict[Text, Any]]) -> Optional[int]:
    """Where the latest user message is in the tracker's events (None before the first one)."""
    return next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "user"), None)


def _before_latest_user(events: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    return events[:_latest_user_index(events) or 0]  # none before the first user message
