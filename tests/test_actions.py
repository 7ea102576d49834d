"""Every action and the form validator, offline with real rasa-sdk Trackers and a CollectingDispatcher."""
import dataclasses
from unittest import mock

import pytest

from actions import advice, knowledge, reader, scoring
from actions.advice import answers_line
from actions.explain import ExplainFactor, ExplainHybrid, HelpInAssessment, NoteProfile, Overview
from actions.forms import AskAnswerToChange, ValidateAssessmentForm
from actions.profile import stated_constraints, stated_priorities
from actions import recommend
from actions.recommend import ChangeAnswer, ExplainWhy, Recommend
from actions.replies import NothingPending
from tests.actions_support import (ASSESSMENT, DOMAIN, entity, run, scored, slot_events, statements_in,
                                   tracker)

K = knowledge.load()
STARTUP_PROFILE = {"stage": "new_grad", "pace": 5.0, "breadth": 5.0, "impact": 4.0, "risk": 5.0,
                   "salary": 2.0, "scale": 3.0, "structure": 2.0, "brand": 1.0,
                   "needs_sponsorship": False, "low_runway": False}



def test_the_action_server_loads_the_reader_as_it_starts():
    # rasa_sdk imports the actions package at start: the first typed answer no longer waits for the reader
    import subprocess
    import sys

    code = "import actions.forms, actions.reader as r; print(r.default_reader.cache_info().currsize)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=reader.ROOT)
    assert done.stdout.split() == ["1"]


def validate(text, requested, extracted=None, slots=None, entities=(), intent="answer"):
    t = tracker(text, intent=intent, entities=entities, slots=slots, active_loop=ASSESSMENT,
                requested_slot=requested, extracted=extracted if extracted is not None else {requested: text})
    events, messages = run(ValidateAssessmentForm(), t)
    return slot_events(events), messages


# The form validator

@pytest.mark.parametrize("text, value", [("kinda", 4.0), ("4", 4.0), ('/answer{"agreement": "1"}', 1.0),
                                         ("skip", 3.0), ("100%", 5.0)])
def test_a_readable_answer_fills_the_slot(text, value):
    slots, messages = validate(text, "pace")
    assert slots["pace"] == value and "unclear_slot" not in slots  # clear already: no event
    assert messages == []


@pytest.mark.parametrize("text", ["blorp", '/answer{"agreement": "999"}', '/inform{"risk": 999}',
                                  "/action_recommend"])
def test_an_unreadable_answer_is_asked_again_once(text):
    slots, messages = validate(text, "risk")
    assert slots["risk"] is None and slots["unclear_slot"] == "risk"
    assert "couldn't read" in messages[0]["text"]
    # The second miss on the same question counts as neutral instead of looping.
    slots, messages = validate(text, "risk", slots={"unclear_slot": "risk"})
    assert slots["risk"] == 3.0 and slots["unclear_slot"] is None
    assert "neutral" in messages[0]["text"]


def started_then(text, intent="affirm", turns_ago=1, started_by=()):
    """The form's first question, asked under the intro `turns_ago` user messages before `text`."""
    t = tracker(text, intent=intent, active_loop=ASSESSMENT, requested_slot="pace", extracted={"pace": text},
                slots={"stage": "early"})
    t.latest_message["intent"]["confidence"] = 0.95
    t.events[:0] = ([{"event": "user", "text": "which fits me, startup or big tech?"},
                     *({"event": "action", "name": name} for name in started_by),
                     {"event": "active_loop", "name": ASSESSMENT}]
                    + [{"event": "user", "text": "hmm"}] * (turns_ago - 1))
    return t


@pytest.mark.parametrize("text", ["sure, go", "yeah", "ok let's go"])
def test_a_plain_yes_under_the_intro_agrees_to_start(text):
    # found talking to the bot: "yeah" and "sure, go" typed under the intro answered the first two
    # statements with 4, and every answer after them landed one question late
    events, messages = run(ValidateAssessmentForm(), started_then(text))
    assert slot_events(events) == {"pace": None, "requested_slot": "pace"}  # asked again, no miss counted
    assert [m["text"] for m in messages] == ["Great, let's go."]


@pytest.mark.parametrize("text, turns_ago, value", [
    ("yeah", 2, 4.0),               # the question asked again: now "yeah" answers it
    ("yes definitely", 1, 5.0),     # emphatic: an answer
])
def test_a_yes_that_answers_the_first_question(text, turns_ago, value):
    events, messages = run(ValidateAssessmentForm(), started_then(text, turns_ago=turns_ago))
    assert slot_events(events)["pace"] == value and messages == []


def test_a_yes_to_a_question_asked_again_by_change_answer_answers_it():
    t = started_then("yeah", started_by=("action_change_answer", "assessment_form"))
    events, messages = run(ValidateAssessmentForm(), t)
    assert slot_events(events)["pace"] == 4.0 and messages == []


def test_an_answer_changed_by_a_message_for_another_question_is_said_back():
    # found talking to the bot: an opener typed into a conversation left at question 11 set the stage
    # from mid-career to student without a word, and question 11 came again
    text = "yo. phd student in NLP, got an offer from a FAANG lab and one from a startup. which one??"
    t = tracker(text, intent="ask_recommendation", active_loop=ASSESSMENT, requested_slot="low_runway",
                slots={"stage": "mid"}, extracted={"stage": "student"},
                entities=[entity("career_stage", "student")])
    t.events[:0] = [{"event": "slot", "name": "stage", "value": "mid"}]
    events, messages = run(ValidateAssessmentForm(), t)
    assert slot_events(events)["stage"] == "student"
    assert [m["text"] for m in messages] == ["Noted: Career stage: Student."]
    # an answer to the pending question with a stage word by the way keeps the stage known (found on a clean
    # clone: the stage model took "a year of savings" for a student; in make chat, "interned" made a
    # mid-career user a student at the brand statement)
    for text, pending in (("nope, just me, a year of savings", "low_runway"),
                          ("I interned at a household name. The logo got me interviews, sure, but honestly I "
                           "couldn't care less about it these days.", "brand")):
        t = tracker(text, intent="inform_stage", active_loop=ASSESSMENT, requested_slot=pending,
                    slots={"stage": "mid"}, extracted={"stage": "student", pending: text},  # stage set first
                    entities=[entity("career_stage", "student")])
        t.events[:0] = [{"event": "slot", "name": "stage", "value": "mid"}]
        events, messages = run(ValidateAssessmentForm(), t)
        assert slot_events(events)["stage"] == "mid" and slot_events(events)[pending] in (False, 1.0)
        brand = f"Noted: {K.criteria['brand']['title']}: 1 (Strongly disagree)."
        assert [m["text"] for m in messages] == ([] if pending == "low_runway" else [brand])
    # the same stage said again: acknowledged, not noted as news (found in `make chat`: "six years, all at
    # the same place" typed at a statement brought the statement back without a word)
    t = tracker("as I said, phd student", intent="inform_stage", active_loop=ASSESSMENT,
                requested_slot="low_runway", extracted={"stage": "student"},
                entities=[entity("career_stage", "student")])
    t.events[:0] = [{"event": "slot", "name": "stage", "value": "student"}]
    events, messages = run(ValidateAssessmentForm(), t)
    assert [m["text"] for m in messages] == ["I have that already: Career stage: Student."]
    # nor is it a yes to the pending question: the yes/no model had read it as one, unseen
    assert slot_events(events).get("low_runway") is None


@pytest.mark.parametrize("text, slot, said", [
    ("chaos stresses me out", "pace", "Fast pace & ambiguity: 1 (Strongly disagree)"),
    ("I've been dreaming of petabytes since my first internship", "scale", "Massive scale: 5 (Strongly agree)"),
    ("I run a team of twelve", "stage", "Career stage: Senior (9+ years)"),
    ("born and raised here", "needs_sponsorship", "Visa sponsorship: no"),
    # a rule's reading of the user's own words, not of an answer word ("fun" alone would be a yes)
    ("Going deep is fun and so is doing a bit of everything, so it's a wash for me", "breadth",
     "Breadth over depth: 3 (Neutral)"),
])
def test_an_answer_read_from_reasons_alone_is_said_back(text, slot, said):
    # what a model read from the user's own words shows, so that "change my answer" can mend a
    # misreading (the readings themselves are the reader's, tested in tests/test_answers.py)
    slots, messages = validate(text, slot)
    assert [m["text"] for m in messages] == [f"Noted: {said}."]
    private = slot in K.constraints  # to its user only, as the question (bot/channels/slack.py)
    assert messages[0].get("metadata") == ({"private": True} if private else None)


def correcting(text):
    """The form with pace answered 2 and breadth pending, validating `text`."""
    t = tracker(text, active_loop=ASSESSMENT, requested_slot="breadth", slots={"stage": "early", "pace": 2.0},
                extracted={"breadth": text})
    t.events[:0] = [{"event": "slot", "name": "stage", "value": "early"},
                    {"event": "slot", "name": "pace", "value": 2.0}]
    return run(ValidateAssessmentForm(), t)


@pytest.mark.parametrize("text", ["no, you misread my last answer", "wait, that's not what I meant"])
def test_a_misread_answer_said_back_is_asked_again(text):
    # found in `make chat`: typed after "Noted: Fast pace & ambiguity: 2 (Disagree).", the correction was
    # read as the answer to the next question
    events, messages = correcting(text)
    slots = slot_events(events)
    assert slots["pace"] is None and slots["breadth"] is None and slots["requested_slot"] == "pace"
    assert [m["text"] for m in messages] == ["OK, let's redo: Fast pace & ambiguity."]


@pytest.mark.parametrize("text, point", [
    ("wait, that's wrong, I meant I strongly disagree", 1.0),
    # REST, in my own words: read as the answer to the pending impact question
    ("wait, I meant agree on the last one", 4.0),
    ("oops, I meant to click neutral for the previous one", 3.0),
    ("my last answer should be a 5", 5.0),
    # REST, in my own words: read as the answer to the pending breadth statement
    ("wait, no, I meant disagree. I like knowing what's expected", 2.0),
])
def test_a_correction_that_says_the_answer_changes_it(text, point):
    events, messages = correcting(text)
    slots = slot_events(events)
    assert slots["pace"] == point and slots["breadth"] is None
    assert [m["text"] for m in messages] == [f"Changed: {answers_line({'pace': point}, K)}."]


def test_an_answer_about_a_last_venture_is_no_correction():
    text = "No. Never again. I'm still recovering from the last one."
    t = tracker(text, active_loop=ASSESSMENT, requested_slot="risk", slots={"pace": 2.0},
                extracted={"risk": text})
    t.events[:0] = [{"event": "slot", "name": "pace", "value": 2.0}]
    slots = slot_events(run(ValidateAssessmentForm(), t)[0])
    assert slots["risk"] == 1.0 and "pace" not in slots


@pytest.mark.parametrize("text, slot, mentioned", [
    ("kinda", "pace", None), ("no way, chaos stresses me out", "pace", None),
    ("nah, my partner earns enough for both of us", "low_runway", None),
    ("senior", "stage", "senior"),
])
def test_an_answer_that_says_its_point_is_not_said_back(text, slot, mentioned):
    entities = [entity("career_stage", mentioned)] if mentioned else []
    slots, messages = validate(text, slot, entities=entities)
    assert slots[slot] is not None and messages == []


@pytest.mark.parametrize("text, found, value", [
    ("money matters most to me", entity("criterion", "salary"), 5.0),
    ("stability is everything", entity("criterion", "risk", role="against"), 1.0),
])
def test_a_priority_the_reader_cannot_rate_counts_by_its_keyword(text, found, value):
    requested = found["value"]
    slots, _ = validate(text, requested, entities=[found], intent="inform_priority")
    assert slots[requested] == value


@pytest.mark.parametrize("lean, value", [(-1, None), (1, 4.0)])
def test_a_keyword_counts_only_where_the_reader_leans_its_way(monkeypatch, lean, value):
    # found talking to the bot: the reader could not read "honestly I want to go deep, generalists get
    # spread thin" and the keyword "generalists" counted it as a strong yes. A reader that reads
    # nothing and leans as given stands in for the model, whose readings move as it learns. Where it counts,
    # it is a plain agree: the whole read no point ("I am moderately comfortable with ambiguity, though I prefer
    # some planning" had been noted as Strongly agree: REST)
    monkeypatch.setattr(reader.Reader, "read_agreement",
                        lambda self, text, question: reader.Reading(None, 0.0, "unread"))
    monkeypatch.setattr(reader.Reader, "lean", lambda self, text, question: lean)
    slots, messages = validate("honestly I want to go deep, generalists get spread thin", "breadth",
                               entities=[entity("criterion", "breadth")], intent="inform_priority")
    assert slots["breadth"] == value
    if value is None:
        assert slots["unclear_slot"] == "breadth" and "couldn't read" in messages[0]["text"]
    else:  # read from the user's own words: said back (make chat: such a 1 had been noted unseen)
        assert [m["text"] for m in messages] == [f"Noted: {K.criteria['breadth']['title']}: 4 (Agree)."]


@pytest.mark.parametrize("text, found", [
    ("honestly I want to go deep, generalists get spread thin", entity("criterion", "breadth")),
    ("eh, we just had a kid so I'm a bit wary of gambling right now", entity("criterion", "risk")),
])
def test_a_keyword_said_against_its_statement_is_never_a_yes(text, found):
    # the real reader: a no, neutral, or asked again, but not the keyword's yes
    slots, _ = validate(text, found["value"], entities=[found], intent="inform_priority")
    assert slots[found["value"]] is None or slots[found["value"]] <= 3.0


def test_an_answer_to_another_question_is_not_scolded():
    slots, messages = validate("btw i'm a new grad", "pace",
                               extracted={"stage": "new_grad", "pace": "btw i'm a new grad"})
    assert slots["stage"] == "new_grad" and slots["pace"] is None
    assert [m["text"] for m in messages] == ["Noted: Career stage: New grad."]  # a misreading shows


def test_mid_as_slang_beside_an_undecided_answer_keeps_the_stage_known():
    # REST, typing as someone very online: "mid tbh" at the impact statement made a known early career mid
    stages = (("mid tbh", dict(entity("career_stage", "mid"), confidence_entity=0.62), "early"),
              ("i'm mid-career now, so neutral", entity("career_stage", "mid"), "mid"))  # a synonym: said
    for text, found, stage in stages:
        t = tracker(text, intent="inform_stage", active_loop=ASSESSMENT, requested_slot="impact",
                    slots={"stage": "early"}, extracted={"stage": "mid", "impact": text}, entities=[found])
        t.events[:0] = [{"event": "slot", "name": "stage", "value": "early"}]
        events, _ = run(ValidateAssessmentForm(), t)
        assert slot_events(events)["stage"] == stage and slot_events(events)["impact"] == 3.0


def test_a_stage_the_model_finds_neutral_is_no_answer():
    # found talking to the bot: the stage was taken and the statement read as a 3
    text = "oh btw I'm actually defending next month so I'm basically a new grad"
    slots, messages = validate(text, "breadth", extracted={"stage": "new_grad", "breadth": text})
    assert slots["stage"] == "new_grad" and slots["breadth"] is None
    assert [m["text"] for m in messages] == ["Noted: Career stage: New grad."]


@pytest.mark.parametrize("value, stage", [("new_grad", "new_grad"), ("senior", "senior"),
                                          ("skip", "unspecified"), ("not sure", "unspecified")])
def test_stage(value, stage):
    slots, _ = validate(value, "stage")
    assert slots["stage"] == stage


@pytest.mark.parametrize("text, intent", [("yeah let's do it", "affirm"), ("sure, go ahead", "affirm"),
                                          ("let's start", "start_assessment"), ("nah", "deny")])
def test_a_yes_at_the_stage_question_is_no_stage(text, intent):
    # found talking to the bot: after an opener started the assessment, "yeah let's do it" was taken
    # for a senior
    slots, messages = validate(text, "stage", intent=intent)
    assert slots["stage"] is None and slots["unclear_slot"] == "stage"
    assert "couldn't read" in messages[0]["text"]


@pytest.mark.parametrize("text, intent, found, stage", [
    ("yes, I'm a PhD student", "affirm", [entity("career_stage", "student")], "student"),
    ("yeah, 3 years in", "affirm", [], "early"),
])
def test_a_yes_with_a_stage_in_it_is_that_stage(text, intent, found, stage):
    slots, _ = validate(text, "stage", intent=intent, entities=found)
    assert slots["stage"] == stage


def test_an_unknown_stage_is_asked_again():
    slots, messages = validate("astronaut", "stage")
    assert slots["stage"] is None and '"2 years in industry"' in messages[0]["text"]


@pytest.mark.parametrize("text, value", [("/affirm", True), ("yep", True), ("nah", False),
                                         ("not sure", False), ("/deny", False)])
def test_constraints(text, value):
    slots, _ = validate(text, "needs_sponsorship")
    assert slots["needs_sponsorship"] is value


def test_the_form_asks_which_answer_when_changing():
    t = tracker("", slots={**STARTUP_PROFILE, "changing": True}, active_loop=ASSESSMENT)
    events, _ = run(ValidateAssessmentForm(), t)
    assert slot_events(events)["requested_slot"] == "answer_to_change"


def test_which_answer_resolves_from_a_button():
    slots, messages = validate('/answer{"criterion": "risk"}', "answer_to_change",
                               slots={**STARTUP_PROFILE, "changing": True})
    assert slots["risk"] is None and slots["changing"] is False
    assert slots["requested_slot"] == "risk"
    assert "Risk for reward" in messages[0]["text"]


def test_a_complete_form_requests_nothing_more():
    t = tracker("", slots=STARTUP_PROFILE, active_loop=ASSESSMENT)
    events, _ = run(ValidateAssessmentForm(), t)
    assert slot_events(events)["requested_slot"] is None


# Which answer to change

def test_which_answer_to_change_lists_the_given_answers():
    [message] = run(AskAnswerToChange(), tracker(slots={"risk": 4.0, "stage": "mid"}))[1]
    assert [b["payload"] for b in message["buttons"]] == [
        '/answer{"criterion": "stage"}', '/answer{"criterion": "risk"}']


# The recommendation

def test_recommend_sets_the_slot_and_explains():
    events, [message] = run(Recommend(), tracker("/deny", slots=STARTUP_PROFILE))
    assert slot_events(events) == {"recommendation": "startup"}
    assert K.recommendation["verdicts"]["startup"] in message["text"]
    assert K.criteria["risk"]["reasons"]["startup"] in message["text"]
    # a clear startup profile: no single answer changes the result, so no answer is quoted
    assert scored(STARTUP_PROFILE).flip is None
    assert statements_in(message["text"]) == []
    assert message["custom"] == advice.chart(scored(STARTUP_PROFILE), K)
    assert len(message["custom"]["bars"]) == len(K.criteria) + 1


def test_a_close_result_names_the_one_answer_that_would_flip_it():
    # Only risk answered away from neutral: +1.5 / 9.5 = 0.16, a startup; risk 5 -> 4 halves the
    # pull to 0.08, below the tie bound (tests/test_scoring.py works the same case by hand).
    profile = {**{cid: 3.0 for cid in K.criteria}, "risk": 5.0, "stage": "mid"}
    assert scored(profile).flip == scoring.Flip("risk", 5.0, 4.0, "either")
    _, [message] = run(Recommend(), tracker("/deny", slots=profile))
    assert statements_in(message["text"]) == ["risk"]
    assert advice.answer_title("risk", 4.0, K) in message["text"]  # the new answer
    assert advice.answer_title("risk", 5.0, K) in message["text"]  # the one given


def test_the_terminal_gets_no_chart():
    _, [message] = run(Recommend(), tracker("/deny", slots=STARTUP_PROFILE, channel="cmdline"))
    assert not message.get("custom")


def test_a_constraint_shapes_the_recommendation():
    profile = {**STARTUP_PROFILE, "needs_sponsorship": True}
    events, [message] = run(Recommend(), tracker("/affirm", slots=profile))
    assert slot_events(events) == {"recommendation": "big_tech"}
    assert K.constraints["needs_sponsorship"]["advice"] in message["text"]
    assert K.paths["big_tech_first"]["title"] in message["text"]


def test_asking_for_a_result_before_the_assessment_starts_it():
    # "Which one should I take?" with no answers yet: the assessment starts right away.
    events, [message] = run(Recommend(), tracker(slots={"risk": None}))
    assert events == [{"event": "followup", "name": "assessment_form", "timestamp": None}]
    assert "11 quick questions" in message["text"]
    assert not message.get("buttons")
    assert "noted" not in message["text"]


def test_a_stage_in_the_opener_is_said_back_when_the_assessment_starts():
    # found talking to the bot: "6 yrs at a bank" in the opener set the stage, and the assessment
    # started at question 2 with no word of it
    _, [message] = run(Recommend(), tracker(slots={"risk": None, "stage": "mid"}))
    assert message["text"].endswith("I've noted career stage: Mid-career (4–8 years).")


def test_asking_for_a_result_inside_the_form_with_too_few_answers_goes_on():
    events, [message] = run(Recommend(), tracker(slots={"risk": 5.0}, active_loop=ASSESSMENT,
                                                 requested_slot="salary"))
    assert events == []
    assert "1 of 9" in message["text"]


def test_invalid_slot_values_count_as_unanswered():
    # out of range, text, and a bool (which Python would otherwise count as the number 1)
    profile = {**STARTUP_PROFILE, "risk": 999, "pace": "kinda", "breadth": True}
    unanswered = scored({**STARTUP_PROFILE, "risk": None, "pace": None, "breadth": None})
    events, [message] = run(Recommend(), tracker(slots=profile))
    assert message["text"] == advice.recommendation_text(unanswered, K)
    assert message["custom"] == advice.chart(unanswered, K)
    assert {bar["key"]: bar["value"] for bar in message["custom"]["bars"]
            if bar["key"] in ("risk", "pace", "breadth")} == {"risk": 0, "pace": 0, "breadth": 0}
    assert slot_events(events) == {"recommendation": unanswered.recommendation}


def test_why_inside_the_form_explains_the_question():
    t = tracker("why?", intent="ask_why", active_loop=ASSESSMENT, requested_slot="salary")
    _, [message] = run(ExplainWhy(), t)
    assert K.factors["compensation"]["title"] in message["text"]


@pytest.mark.parametrize("text, repeated", [
    ("what was the question again?", True),  # REST, in my own words: it got the statement's meaning
    ("come again?", True),
    ("can you remind me what the options were?", True),  # REST, in my own words: the pay factor's text
    ("could you rephrase that?", False),  # said in other words: its meaning
])
def test_the_question_asked_again_is_said_again_not_explained(text, repeated):
    t = tracker(text, intent="ask_why", active_loop=ASSESSMENT, requested_slot="scale")
    _, [message] = run(ExplainWhy(), t)
    assert (message["text"] == "Sure, here it is again.") == repeated
    assert (message["text"] == advice.question_meaning("scale", K)) != repeated


def test_the_answer_options_asked_again_are_no_stock_options():
    # REST, in my own words: "options" found the pay factor, and its text came instead of the question
    t = tracker("can you remind me what the options were?", intent="ask_why", active_loop=ASSESSMENT,
                requested_slot="impact", entities=[entity("factor", "compensation")])
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == "Sure, here it is again."


@pytest.mark.parametrize("active_loop, recommendation, offered", [
    (ASSESSMENT, None, False),  # the form asks its question again after it
    (None, None, True),  # before any assessment: the assessment offered
    (None, "startup", False),  # after a result
])
@pytest.mark.parametrize("text, sides", [
    ("what counts as big tech?", ["big_tech"]),
    ("is a 500 person scaleup a startup or big tech?", ["startup", "big_tech"]),
])
def test_what_a_side_means_gets_the_knowledge_files_meaning(text, sides, active_loop, recommendation, offered):
    # REST, in my own words: out of scope, and at the stage question that question's meaning
    t = tracker(text, intent="ask_why", active_loop=active_loop, requested_slot="stage" if active_loop else None,
                slots={"recommendation": recommendation})
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.side_meaning_text(sides, K)
    for side in K.sides:
        assert (K.sides[side]["meaning"] in message["text"]) == (side in sides)
    assert bool(message["buttons"]) == offered


@pytest.mark.parametrize("text", ["how is this scored?", "what happens if I say neutral to everything?"])
def test_how_the_answers_count_asked_inside_the_form(text):
    # REST, in my own words: the pending statement's meaning, and "couldn't read"
    t = tracker(text, intent="ask_why", active_loop=ASSESSMENT, requested_slot="pace")
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.scoring_text(K) != advice.question_meaning("pace", K)


def test_how_the_answers_count_follows_the_knowledge_file():
    text = advice.scoring_text(K)
    weights = [c["weight"] for c in K.criteria.values()]
    base = max(set(weights), key=weights.count)
    for c in K.criteria.values():
        assert (f"**{c['title']}**" in text) == (c["weight"] != base)
        share = "half" if c["weight"] * 2 == base else f"{c['weight'] / base:g} times"
        assert (f"**{c['title']}** {share} as much" in text
                or f"**{c['title']}** and " in text and f"{share} as much" in text) == (c["weight"] != base)
    assert f"\u00b1{K.recommendation['either_below']:g} it is a tie" in text
    assert K.recommendation["constrained_headline"] in text
    for c in K.constraints.values():
        assert c["because"] in text
    # neutral to everything is a tie at every stage, by the scoring itself
    assert all(scoring.recommend(scoring.Profile({}, stage=s), K).recommendation == scoring.EITHER
               for s in [*K.stage["values"], None])
    assert "Neutral to everything: a tie at every career stage" in text
    heavier = dataclasses.replace(K, stage={**K.stage, "weight": 5.0})  # a stage that outweighs the tie line
    assert "Neutral to everything: your career stage alone decides" in advice.scoring_text(heavier)


@pytest.mark.parametrize("text, factor, explains", [
    # what another factor means, asked at a statement: that factor (REST: it got the impact question's reason)
    ("Could you explain what you mean by stability here?", "stability", "stability"),
    # why the question is asked, whatever factor is named: the question's reason
    ("why do you need to know that? I thought this was about stability", "stability", "impact"),
    # another factor asked about, no why in it: that factor (REST: the pace question's reason)
    ("what's the expected value of startup equity tho?", "compensation", "compensation"),
])
def test_a_factors_meaning_asked_inside_the_form_explains_that_factor(text, factor, explains):
    t = tracker(text, intent="ask_why", active_loop=ASSESSMENT, requested_slot="impact",
                entities=[entity("factor", factor)])
    _, [message] = run(ExplainWhy(), t)
    assert K.factors[explains]["title"] in message["text"]
    assert (message["text"] == advice.question_reason("impact", K)) == (explains == "impact")


@pytest.mark.parametrize("text, asked", [
    ("what do you mean by impact here?", "impact"),
    ("does 'ambiguous' mean unclear goals or unclear tasks?", "pace"),
    ("How should I read this one if I'm a contractor?", "salary"),
    ("I don't understand the question", "needs_sponsorship"),
    ("what's the cut-off between early career and mid here?", "stage"),
])
def test_what_the_question_means_asked_inside_the_form_gets_its_meaning(text, asked):
    # the words explained from the knowledge file, not why the question is asked (REST, own words: the factor
    # menu, out of scope, "I need a few more answers first")
    t = tracker(text, intent="ask_why", active_loop=ASSESSMENT, requested_slot=asked)
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.question_meaning(asked, K) != advice.question_reason(asked, K)
    meant = K.criteria.get(asked) or K.constraints.get(asked)
    for part in [meant["meaning"]] if meant else [value["title"] for value in K.stage["values"].values()]:
        assert part in message["text"]


def test_a_word_of_the_pending_statement_quoted_back_gets_its_meaning_whatever_factor_it_sounds_like():
    # asides_probe: "fast" sounded like career growth, and that factor's explanation came instead
    t = tracker("How fast is 'quickly' here: months, years?", intent="ask_why", active_loop=ASSESSMENT,
                requested_slot="breadth", entities=[entity("factor", "career_growth")])
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.question_meaning("breadth", K)


@pytest.mark.parametrize("text", ["why?", "why do you need to know that?", "For what purpose is this needed?",
                                  "does it even matter for the result?", "how will my answer be used?"])
def test_why_the_question_is_asked_inside_the_form_gets_its_reason(text):
    t = tracker(text, intent="ask_why", active_loop=ASSESSMENT, requested_slot="scale")
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.question_reason("scale", K)


def test_what_would_change_it_inside_the_form_says_where_the_answer_comes():
    t = tracker("what would change it?", intent="ask_why", active_loop=ASSESSMENT, requested_slot="brand")
    _, [message] = run(ExplainWhy(), t)
    assert "the one answer that would change it" in message["text"]
    assert message["text"] != advice.question_reason("brand", K)


def test_what_a_question_has_to_do_with_the_choice_gets_its_reason():
    # REST, in my own words: "what does this have to do with startups" at the pace statement got the startup's
    # stability text (a factor found by meaning)
    t = tracker("what does this have to do with startups", intent="ask_why", active_loop=ASSESSMENT,
                requested_slot="pace", entities=[entity("factor", "stability"), entity("company_type", "startup")])
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.question_reason("pace", K)


def test_two_words_of_another_statement_set_side_by_side_get_its_meaning():
    # REST, in my own words: read as a neutral answer to the impact statement
    t = tracker("I'm not sure what the difference is between breadth and depth here", intent="ask_why",
                active_loop=ASSESSMENT, requested_slot="impact", entities=[entity("criterion", "breadth")])
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.quoted_meaning_text("breadth", K)


@pytest.mark.parametrize("active_loop, requested_slot, recommendation, offered", [
    (ASSESSMENT, "impact", None, False),  # another statement pending: the form asks it again after
    (None, None, None, True),  # before any assessment: the assessment offered
    (None, None, "startup", False),  # after a result
])
def test_a_statement_s_words_asked_about_get_that_statement_s_meaning(active_loop, requested_slot, recommendation,
                                                                      offered):
    # REST, in my own words: "what counts as going deep?" at the impact statement got the out-of-scope reply
    t = tracker("what counts as going deep?", intent="ask_why", active_loop=active_loop,
                requested_slot=requested_slot, slots={"recommendation": recommendation})
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.quoted_meaning_text("breadth", K)
    assert K.criteria["breadth"]["statement"] in message["text"]
    assert bool(message.get("buttons")) == offered


@pytest.mark.parametrize("text", ["what's the difference between new grad and early career?",
                                  "what counts as early career?"])
@pytest.mark.parametrize("active_loop, requested_slot, recommendation", [
    (ASSESSMENT, "pace", None), (ASSESSMENT, "stage", None), (None, None, "startup")])
def test_what_a_career_stage_means(text, active_loop, requested_slot, recommendation):
    # REST, in my own words: the pending statement's meaning, and after a result the breakdown
    t = tracker(text, intent="ask_why", active_loop=active_loop, requested_slot=requested_slot,
                slots={"recommendation": recommendation})
    _, [message] = run(ExplainWhy(), t)
    assert message["text"] == advice.question_meaning("stage", K)
    for value in K.stage["values"].values():
        assert f"{value['title']}: {value['meaning']}" in message["text"]


@pytest.mark.parametrize("text, entities, key, supposed", [
    ("what if I had said yes to the visa one?", [entity("constraint", "needs_sponsorship")], "needs_sponsorship",
     True),
    ("what if I'd said 1 to the risk one?", [entity("criterion", "risk")], "risk", 1.0),
    ("what if my brand answer was strongly agree?", [entity("criterion", "brand")], "brand", 5.0),
    # another situation supposed, the answer in it (REST, in my own words: read as an answer)
    ("ok what if I did need a visa", [entity("constraint", "needs_sponsorship")], "needs_sponsorship", True),
])
def test_another_answer_supposed_after_a_result(text, entities, key, supposed):
    # REST, in my own words: "what if I had said yes to the visa one?" got the hybrid path
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [message] = run(ExplainWhy(), tracker(text, intent="ask_why", entities=entities, slots=slots))
    answered = scoring.Profile(answers={c: STARTUP_PROFILE[c] for c in K.criteria}, stage=STARTUP_PROFILE["stage"],
                               constraints={c: STARTUP_PROFILE[c] for c in K.constraints})
    then = scoring.recommend(recommend.supposing(answered, key, supposed), K)
    assert message["text"] == advice.what_if_text(key, STARTUP_PROFILE[key], supposed, then, K)
    assert f"**{advice.headline(then, K)}**" in message["text"] and "Nothing is changed yet" in message["text"]
    assert [b["title"] for b in message["buttons"]] == [f"Change: {advice.topic_title(key, K)}"]


def test_a_supposed_answer_changes_no_answer_and_the_visa_one_says_so():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    t = tracker("what if I had said yes to the visa one?", intent="ask_why",
                entities=[entity("constraint", "needs_sponsorship")], slots=slots)
    events, [message] = run(ExplainWhy(), t)
    assert events == []
    assert "Big Tech, or a well-funded later-stage startup, for now" in message["text"]


def test_the_same_answer_supposed_says_the_result_stands():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [message] = run(ExplainWhy(), tracker("what if I said no to the visa one?", intent="ask_why",
                                             entities=[entity("constraint", "needs_sponsorship")], slots=slots))
    assert message["text"].startswith("That is your answer already")
    assert message["buttons"] == recommend.follow_up_buttons(DOMAIN)


def test_why_before_any_result_offers_the_assessment():
    # a response of its own, which a "yes" accepts (data/stories/rules.yml)
    events, messages = run(ExplainWhy(), tracker("why", intent="ask_why"))
    assert messages == [] and [(e["event"], e["name"]) for e in events] == [("followup", "utter_no_result_yet")]
    [offer] = DOMAIN["responses"]["utter_no_result_yet"]
    assert offer["buttons"][0]["payload"] == "/start_assessment"


def test_why_after_the_result_shows_each_answer():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [message] = run(ExplainWhy(), tracker("why", intent="ask_why", slots=slots))
    for criterion in K.criteria.values():
        assert criterion["title"] in message["text"]
    assert message["text"].endswith(advice.flip_text(scored(STARTUP_PROFILE), K))  # what would change it


@pytest.mark.parametrize("text", ["what would change it?", "what could flip this?",
                                  "what would it take to change the result", "what if i answered risk lower"])
def test_what_would_change_it_after_the_result_gives_the_change_alone(text):
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [message] = run(ExplainWhy(), tracker(text, intent="ask_why", slots=slots))
    assert message["text"].startswith(advice.flip_text(scored(STARTUP_PROFILE), K))
    assert not any(criterion["title"] in message["text"] for criterion in K.criteria.values())


def test_what_would_change_a_result_a_constraint_decided_is_the_situation():
    # it had said "No single answer would change this", though the runway answer alone would (REST, the
    # thirty-fifth session)
    result = scored({**STARTUP_PROFILE, "low_runway": True})
    assert advice.decided_by_constraint(result) and result.lean == "startup"
    because = K.constraints["low_runway"]["because"]
    change = f"If it were no longer true that {because}, your answers alone would point to a startup"
    assert change in advice.flip_text(result, K) and change in advice.said_above_text(result, K)
    both = scored({**STARTUP_PROFILE, "low_runway": True, "needs_sponsorship": True})
    assert (f"that {K.constraints['needs_sponsorship']['because']} and that {because}"
            in advice.flip_text(both, K))
    agreeing = scored({"stage": "mid", **{cid: 3.0 for cid in K.criteria}, "risk": 1.0, "low_runway": True})
    assert agreeing.lean == "big_tech" and not advice.decided_by_constraint(agreeing)
    assert "point the same way" in advice.flip_text(agreeing, K)


def after_bot(t, text: str):
    """The tracker `t` with a bot message `text` just before its user message."""
    t.events.insert(1, {"event": "bot", "text": text})
    return t


CLOSE_PROFILE = {"stage": "mid", **{cid: 4.0 for cid in K.criteria}}  # one answer away from Big Tech


def test_what_would_change_it_right_after_why_points_to_it_instead_of_saying_it_again():
    slots = {**CLOSE_PROFILE, "recommendation": "either"}
    result = scored(CLOSE_PROFILE)
    breakdown = advice.breakdown_text(result, {cid: None for cid in K.constraints}, K)
    _, [message] = run(ExplainWhy(), after_bot(tracker("what would change it?", intent="ask_why", slots=slots),
                                               breakdown))
    assert message["text"] == advice.said_above_text(result, K)
    assert advice.flip_text(result, K) not in message["text"]
    assert K.criteria[result.flip.criterion]["statement"] in message["text"]
    change = message["buttons"][0]
    assert change["payload"] == f'/change_answer{{"criterion": "{result.flip.criterion}"}}'


def test_why_asked_twice_does_not_send_the_breakdown_twice():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [first] = run(ExplainWhy(), tracker("why", intent="ask_why", slots=slots))
    _, [second] = run(ExplainWhy(), after_bot(tracker("why?", intent="ask_why", slots=slots), first["text"]))
    assert second["text"] != first["text"]
    assert second["text"] == advice.said_above_text(scored(STARTUP_PROFILE), K)


def test_why_after_what_would_change_it_gives_the_breakdown():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    _, [change] = run(ExplainWhy(), tracker("what would change it?", intent="ask_why", slots=slots))
    _, [why] = run(ExplainWhy(), after_bot(tracker("why", intent="ask_why", slots=slots), change["text"]))
    assert why["text"].startswith("**How each answer counted**")


def test_with_no_single_change_the_pointer_says_so_and_offers_any_change():
    slots = {**STARTUP_PROFILE, "recommendation": "startup"}
    result = dataclasses.replace(scored(STARTUP_PROFILE), flip=None)
    text = advice.said_above_text(result, K)
    assert "no single answer" in text
    assert advice.flip_text(result, K).startswith("No single answer")
    with mock.patch.object(scoring, "recommend", return_value=result):
        _, [message] = run(ExplainWhy(), tracker("what would change it?", intent="ask_why", slots=slots))
    assert [b["payload"] for b in message["buttons"]] == ["/change_answer", "/start_over"]


def test_nothing_pending_after_a_result_hands_over_to_the_reply_about_the_result():
    events, messages = run(NothingPending(), tracker("I do.", intent="affirm", slots={"recommendation": "either"}))
    assert events == [{"event": "followup", "name": "action_after_result", "timestamp": None}]
    assert messages == []
    _, [message] = run(NothingPending(), tracker("I do.", intent="affirm"))
    assert message["text"] == DOMAIN["responses"]["utter_nothing_pending"][0]["text"]


def test_change_a_named_answer():
    t = tracker("change my answer on risk", intent="change_answer",
                entities=[entity("criterion", "risk")], slots=STARTUP_PROFILE)
    events, _ = run(ChangeAnswer(), t)
    assert slot_events(events) == {"risk": None, "unclear_slot": None}


@pytest.mark.parametrize("text, entities, slot, value", [
    # the new answer said with the change is taken (REST: "... to 2" asked the question again)
    ("change my answer on pace to 3/10", [entity("criterion", "pace")], "pace", 2.0),
    ("change risk to strongly agree", [entity("criterion", "risk")], "risk", 5.0),
    ("set my stage to new grad", [entity("career_stage", "new_grad")], "stage", "new_grad"),
    ("change the visa answer to yes", [entity("constraint", "needs_sponsorship")], "needs_sponsorship", True),
])
def test_change_a_named_answer_to_a_new_one(text, entities, slot, value):
    t = tracker(text, intent="change_answer", entities=entities, slots=STARTUP_PROFILE)
    events, [message] = run(ChangeAnswer(), t)
    assert slot_events(events) == {slot: value, "unclear_slot": None}
    assert message["text"].startswith("Changed: ")


def test_change_to_words_that_say_no_answer_asks_again():
    t = tracker("change my answer to the risk question", intent="change_answer",
                entities=[entity("criterion", "risk")], slots=STARTUP_PROFILE)
    events, _ = run(ChangeAnswer(), t)
    assert slot_events(events) == {"risk": None, "unclear_slot": None}


@pytest.mark.parametrize("text", ["change that to 5", "make it a 5", "set the last one to strongly agree"])
def test_change_that_names_the_answer_given_last(text):
    t = tracker(text, intent="change_answer", slots={"stage": "early", "pace": 4.0})
    t.events[:0] = [{"event": "slot", "name": "stage", "value": "early"},
                    {"event": "slot", "name": "pace", "value": 4.0}]
    events, [message] = run(ChangeAnswer(), t)
    assert slot_events(events) == {"pace": 5.0, "unclear_slot": None}
    assert message["text"] == f"Changed: {answers_line({'pace': 5.0}, K)}."


def test_change_without_a_name_asks_which():
    t = tracker("i want to change an answer", intent="change_answer", slots=STARTUP_PROFILE)
    events, messages = run(ChangeAnswer(), t)
    assert slot_events(events) == {"changing": True} and messages == []


# The article

def test_a_factor_shows_both_sides():
    t = tracker("what about pay", intent="ask_factor", entities=[entity("factor", "compensation")])
    events, [message] = run(ExplainFactor(), t)
    assert K.factors["compensation"]["sides"]["big_tech"] in message["text"]
    assert K.factors["compensation"]["sides"]["startup"] in message["text"]
    assert slot_events(events) == {"factor": "compensation"}


def test_and_at_big_tech_keeps_the_factor_and_switches_side():
    t = tracker("and at big tech?", intent="ask_factor",
                entities=[entity("company_type", "big_tech")], slots={"factor": "learning"})
    _, [message] = run(ExplainFactor(), t)
    assert K.factors["learning"]["sides"]["big_tech"] in message["text"]
    assert K.factors["learning"]["sides"]["startup"] not in message["text"]


def test_no_factor_offers_the_five():
    _, [message] = run(ExplainFactor(), tracker("/ask_factor", intent="ask_factor"))
    assert len(message["buttons"]) == 5


@pytest.mark.parametrize("typed, factors, explains", [
    ("what does impact mean here?", ["impact"], True),
    ("how does this work?", [], False),
    ("help, I only care about pay", ["compensation"], False),  # names a factor, asks nothing about it
])
def test_help_at_a_pending_question_explains_the_factor_it_asks_about(typed, factors, explains):
    t = tracker(typed, intent="help", entities=[entity("factor", f) for f in factors],
                active_loop=ASSESSMENT, requested_slot="impact")
    events, [message] = run(HelpInAssessment(), t)
    if explains:
        assert K.factors[factors[0]]["sides"]["startup"] in message["text"]
        assert slot_events(events) == {"factor": factors[0]}
    else:
        assert message["response"] == "utter_help" and events == []


def test_a_comparison_that_names_one_factor_gets_that_factor():
    # found talking to the bot: "wait, what's the actual pay difference between the two usually?" got the
    # five factors at a glance
    t = tracker("what's the salary gap between startups and big tech?", intent="compare_overall",
                entities=[entity("factor", "compensation"), entity("company_type", "startup"),
                          entity("company_type", "big_tech")])
    events, [message] = run(Overview(), t)
    assert message["text"] == advice.factor_text("compensation", None, K)
    assert {"event": "slot", "name": "factor", "value": "compensation"} in [
        {key: e.get(key) for key in ("event", "name", "value")} for e in events]
    # two factors named: the overview
    t = tracker("how do pay and learning compare?", intent="compare_overall",
                entities=[entity("factor", "compensation"), entity("factor", "learning")])
    _, [message] = run(Overview(), t)
    assert all(f["title"] in message["text"] for f in K.factors.values())


def test_overview_and_hybrid_come_from_the_knowledge_file():
    _, [overview] = run(Overview(), tracker())
    for factor in K.factors.values():
        assert factor["title"] in overview["text"]
    _, [hybrid] = run(ExplainHybrid(), tracker())
    for path in K.paths.values():
        assert path["text"] in hybrid["text"]


@pytest.mark.parametrize("text, found, value", [
    ("money matters most to me", entity("criterion", "salary"), 5.0),
    # a plain no: read as 1 until the answer network's batches of 1,024, 2 since (docs/benchmarks.md)
    ("i don't care about brand", entity("criterion", "brand"), 2.0),
    ("stability is everything", entity("criterion", "risk", role="against"), 1.0),
    ("no way, chaos stresses me out", entity("criterion", "pace"), 1.0),
    # a keyword said warily is not a yes: found talking to the bot at the risk question
    ("eh, we just had a kid so I'm a bit wary of gambling right now", entity("criterion", "risk"), 2.0),
    # the keyword tells the side, the answer reader how strongly: found talking to the bot, where "the
    # chaos part worries me a bit" was noted as strongly disagree
    ("honestly the chaos part worries me a bit, I like some plan", entity("criterion", "pace"), 2.0),
    ("pay isn't that important to me", entity("criterion", "salary"), 2.0),
])
def test_a_stated_priority_fills_its_answer_and_the_assessment_goes_on(text, found, value):
    events, [message] = run(NoteProfile(), tracker(text, intent="inform_priority", entities=[found]))
    assert slot_events(events) == {found["value"]: value}
    assert events[-1] == {"event": "followup", "name": "assessment_form", "timestamp": None}
    assert message["text"].startswith("Noted: " + K.criteria[found["value"]]["title"])


@pytest.mark.parametrize("text, criterion, side", [
    ("priorities that change every other day drive me nuts", "pace", "disagree"),
    ("i want to own what i build and see it ship", "impact", "agree"),
])
def test_a_priority_found_by_meaning_is_read_by_the_answer_reader(text, criterion, side):
    # the extractor's models give it with their probability (below 1.0): no negation word decides
    found = {**entity("criterion", criterion, end=len(text)), "confidence_entity": 0.8}
    events, _ = run(NoteProfile(), tracker(text, intent="inform_priority", entities=[found]))
    value = slot_events(events)[criterion]
    assert value < 3 if side == "disagree" else value > 3


def test_an_opener_that_names_a_priority_without_a_side_starts_the_assessment_plainly():
    # found talking to the bot: "I'll ask about the rest" came when nothing had been noted
    text = ("Good afternoon. I lead a research group at a large company and have been approached by an "
            "early-stage company to be their head of ML. I would appreciate a structured way to think about it.")
    found = {**entity("criterion", "structure", end=len(text)), "confidence_entity": 0.97}
    events, [message] = run(NoteProfile(), tracker(text, intent="inform_priority", entities=[found]))
    assert slot_events(events) == {}
    assert events[-1] == {"event": "followup", "name": "assessment_form", "timestamp": None}
    assert message["text"].startswith("Happy to help you decide.")


def test_a_keyword_run_down_without_a_negation_word_is_not_noted_as_a_yes():
    # found talking to the bot: the keyword alone had noted "Structured career path: 5"
    text = "promotion committees are theatre"
    found = mention(text, "criterion", "structure", "promotion")
    events, _ = run(NoteProfile(), tracker(text, intent="inform_priority", entities=[found]))
    assert slot_events(events).get("structure", 1.0) < 3


def test_after_a_result_a_stated_priority_is_noted_and_the_assessment_offered():
    t = tracker("money matters most to me", intent="inform_priority",
                entities=[entity("criterion", "salary")], slots={"recommendation": "startup"})
    events, [message] = run(NoteProfile(), t)
    assert slot_events(events) == {"salary": 5.0}
    assert message["buttons"][0]["payload"] == "/start_assessment"


def test_a_stated_constraint_is_noted():
    t = tracker("i need a visa", intent="inform_priority",
                entities=[entity("constraint", "needs_sponsorship")])
    events, _ = run(NoteProfile(), t)
    assert slot_events(events) == {"needs_sponsorship": True}
    t = tracker("nobody depends on me, i don't have dependants", intent="inform_priority",
                entities=[entity("constraint", "low_runway")])
    assert slot_events(run(NoteProfile(), t)[0]) == {"low_runway": False}


def mention(text, name, value, words, role=None):
    start = text.index(words)
    return entity(name, value, role=role, start=start, end=start + len(words))


@pytest.mark.parametrize("text, mentions, noted", [
    # found talking to the bot: the wariness is about risk, not about the kid
    ("wary of gambling, we just had a kid", [("criterion", "risk", "gambling"),
                                              ("constraint", "low_runway", "had a kid")],
     {"risk": 2.0, "low_runway": True}),
    ("no visa needed, but money matters most to me", [("constraint", "needs_sponsorship", "visa"),
                                                       ("criterion", "salary", "money")],
     {"needs_sponsorship": False, "salary": 5.0}),
    # no clause break between them: one negation for both (how strongly is the answer reader's)
    ("i don't care about brand or pay", [("criterion", "brand", "brand"), ("criterion", "salary", "pay")],
     {"brand": 2.0, "salary": 1.0}),
    # found in make chat: savings said to exist are no runway problem, with no negation to say so
    ("a smaller paycheck would be fine for a few years, I have savings",
     [("criterion", "salary", "paycheck"), ("constraint", "low_runway", "savings")],
     {"salary": 2.0, "low_runway": False}),
])
def test_a_negation_counts_only_for_what_it_is_said_of(text, mentions, noted):
    found = [mention(text, name, value, words) for name, value, words in mentions]
    events, _ = run(NoteProfile(), tracker(text, intent="inform_priority", entities=found))
    assert slot_events(events) == noted


def test_a_stated_stage_is_noted():
    t = tracker("2 yoe", intent="inform_stage", entities=[entity("career_stage", "early")])
    events, [message] = run(NoteProfile(), t)
    assert slot_events(events) == {"stage": "early"}
    assert K.stage["values"]["early"]["title"] in message["text"]


def test_the_action_server_serves_every_custom_action_in_the_domain():
    from rasa_sdk.executor import ActionExecutor

    from tests.actions_support import DOMAIN

    executor = ActionExecutor()
    executor.register_package("actions")
    custom = {a for a in DOMAIN["actions"] if a.startswith(("action_", "validate_"))}
    assert custom <= set(executor.actions)


def test_a_priority_typed_at_another_question_is_said_back_once():
    # found in `make chat`: the note came twice, from the form's re-ask and from its say-back
    slots, messages = validate("money matters most to me", "pace", intent="inform_priority",
                               entities=[entity("criterion", "salary")])
    assert slots["salary"] == 5.0 and slots["pace"] is None
    assert [m["text"] for m in messages] == [f"Noted: {K.criteria['salary']['title']}: 5 (Strongly agree)."]


@pytest.mark.parametrize("pending", ["structure", "risk"])  # the model reads it as a risk answer (2)
def test_a_constraint_said_at_another_question_is_noted_and_that_question_asked_again(pending):
    text = "I'm on an H-1B"
    slots, messages = validate(text, pending, intent="inform_priority",
                               entities=[entity("constraint", "needs_sponsorship", start=10, end=14)])
    assert (slots["needs_sponsorship"], slots[pending]) == (True, None)
    assert [m["text"] for m in messages] == ["Noted: Visa sponsorship: yes."]


def test_a_constraint_said_with_the_answer_keeps_the_answer():
    text = "on a visa, so no way"
    slots, _ = validate(text, "risk", intent="inform_priority",
                        entities=[entity("constraint", "needs_sponsorship", start=5, end=9)])
    assert slots["risk"] < 3


@pytest.mark.parametrize("text, start, side", [
    # REST, in my own words: typed ahead, it was noted as the structure answer (2)
    ("the brand would help my parents understand what I do lol, but for me no", 4, None),
    ("no, the brand doesn't matter to me", 8, -1),  # an answer word opening it answers the pending one
    ("a clear ladder beats any brand", 24, 1),  # the pending statement's own words: its answer
])
def test_another_statement_answered_by_its_words_is_noted_there(text, start, side):
    slots, messages = validate(text, "structure", intent="inform_priority",
                               entities=[entity("criterion", "brand", start=start, end=start + 5)])
    if side is None:
        assert slots["structure"] is None and slots["brand"] < 3
        assert [m["text"] for m in messages] == [
            f"Noted: {K.criteria['brand']['title']}: {advice.answer_title('brand', slots['brand'], K)}."]
    else:
        assert (slots["structure"] - 3) * side > 0


@pytest.mark.parametrize("text, entities, point", [
    # REST, in my own words: only the runway was noted, and the salary statement asked again
    ("pay matters, I have a mortgage, but it's not the only thing",
     [entity("criterion", "salary", start=0, end=3), entity("constraint", "low_runway", start=21, end=29)], 4.0),
    ("Not essential. We have substantial savings.", [entity("constraint", "low_runway", start=35, end=42)], 2.0),
])
def test_a_constraint_said_beside_the_statement_s_answer_keeps_the_answer(text, entities, point):
    slots, _ = validate(text, "salary", intent="inform_priority", entities=entities)
    assert slots["salary"] == point


@pytest.mark.parametrize("lean, value", [(-1, {}), (1, {"breadth": 4.0})])
def test_a_hedged_keyword_counts_mildly_only_where_the_reader_leans_its_way(monkeypatch, lean, value):
    # the hedge makes a keyword's point mild; it does not let one through that the reader leans against
    monkeypatch.setattr(reader.Reader, "read_agreement",
                        lambda self, text, question: reader.Reading(None, 0.0, "unread"))
    monkeypatch.setattr(reader.Reader, "lean", lambda self, text, question: lean)
    t = tracker("i kinda want to go deep, generalists get spread thin", intent="inform_priority",
                entities=[entity("criterion", "breadth")])
    assert stated_priorities(t) == value


def test_a_hedged_priority_the_reader_cannot_rate_is_mild():
    # found over REST: "mostly" was lost where the keyword alone said how strongly (noted as a 5)
    text = "depends of the day, but mostly I like when is moving fast"
    slots, messages = validate(text, "pace", entities=[entity("criterion", "pace")], intent="inform_priority")
    assert slots["pace"] == 4.0
    assert [m["text"] for m in messages] == [f"Noted: {K.criteria['pace']['title']}: 4 (Agree)."]


@pytest.mark.parametrize("text, start, end, value", [
    # a clean clone's make chat, typed at the scale statement: noted 4 and 1
    ("structure - yes. hmm, actually, the ladder here drives me nuts. I'd rather not have that", 0, 9,
     {"structure": 2.0}),
    ("brand... yes? no? ugh I genuinely don't know", 0, 5, {"brand": 3.0}),
])
def test_another_statement_thought_out_loud_is_noted_where_it_lands(text, start, end, value):
    criterion = next(iter(value))
    t = tracker(text, intent="inform_priority", entities=[entity("criterion", criterion, start=start, end=end)])
    assert stated_priorities(t) == value


def test_a_priority_denied_by_understatement_is_no_strong_yes():
    # found over REST: "Brand matters little to me, if at all." typed at the structure statement was noted
    # as brand: 5 (Strongly agree)
    t = tracker("Brand matters little to me, if at all.", intent="inform_priority",
                entities=[entity("criterion", "brand", start=0, end=5)])
    assert stated_priorities(t).get("brand", 1.0) < 3


@pytest.mark.parametrize("text, slot, point", [
    ("It would be an overstatement to call it a must.", "salary", 2),  # "a must" inside was taken as said
    ("I would very much welcome a clear path, yes.", "structure", 5),  # "very much" inside a sentence
])
def test_an_answer_phrase_inside_a_sentence_does_not_keep_its_reading_unseen(text, slot, point):
    # found over REST: only a few first words that hold an answer phrase say its point ("no way, ...")
    slots, messages = validate(text, slot)
    assert slots[slot] == float(point)
    assert [m["text"] for m in messages] == [f"Noted: {answers_line({slot: float(point)}, K)}."]


def test_a_short_opening_answer_phrase_is_not_said_back():
    slots, messages = validate("no way, chaos stresses me out", "pace")
    assert (slots["pace"], messages) == (1.0, [])


def test_both_sides_named_and_unread_are_no_priority(monkeypatch):
    # REST: "depth 80 / breadth 20" at the breadth statement was noted as 5, from "breadth", the longer word
    monkeypatch.setattr(reader.Reader, "read_agreement",
                        lambda self, text, question: reader.Reading(None, 0.0, "unread"))
    t = tracker("depth 80 / breadth 20", entities=[entity("criterion", "breadth", start=0, end=5, role="against"),
                                                   entity("criterion", "breadth", start=11, end=18)])
    assert stated_priorities(t) == {}


@pytest.mark.parametrize("text, start, end", [
    # REST, in my own words: brand 5 noted, and the scale statement asked again
    ("definitely more than brand", 21, 26),
    ("it ranks second after salary for me", 22, 28),
])
def test_a_criterion_measured_against_is_no_priority(text, start, end):
    named = entity("criterion", text[start:end], start=start, end=end)
    assert named["value"] in K.criteria
    assert stated_priorities(tracker(text, intent="inform_priority", entities=[named])) == {}
    slots, _ = validate(text, "scale", entities=[named])
    assert named["value"] not in slots and slots["scale"] is not None  # this statement's answer, read


@pytest.mark.parametrize("text, end", [("pace", 4), ("Scale!!", 5)])
def test_a_statements_topic_alone_is_no_priority(text, end):
    # make chat: "pace" typed at the brand statement changed the pace answer from 4 to 5
    found = entity("criterion", text[:end].lower(), start=0, end=end)
    t = tracker(text, intent="inform_priority", entities=[found])
    assert stated_priorities(t) == {}


def test_a_keyword_the_reader_reads_the_other_way_is_no_priority(monkeypatch):
    # REST: "My risk appetite is a bowl of plain rice." typed at the breadth statement was noted as risk: 5, the
    # keyword's point, where the reader read a no and nothing around the keyword ran it down
    monkeypatch.setattr(reader.Reader, "read_agreement",
                        lambda self, text, question: reader.Reading(1, 0.7, "model"))
    monkeypatch.setattr(reader.Reader, "lean", lambda self, text, question: 0)
    t = tracker("ok fine. My risk appetite is a bowl of plain rice.", intent="inform_priority",
                entities=[entity("criterion", "risk", start=12, end=16)])
    assert stated_priorities(t) == {}


@pytest.mark.parametrize("text, start, said", [
    ("Hand me a billion rows and I'm a kid in a candy store", 33, {}),  # REST: noted as low runway
    ("we just had a kid", 14, {"low_runway": True}),
    ("two kids and a mortgage", 4, {"low_runway": True}),
])
def test_a_kid_is_a_dependant_only_when_it_is_ones_own(monkeypatch, text, start, said):
    monkeypatch.setattr(reader.Reader, "read_yes_no",
                        lambda self, text, question: reader.Reading(True, 0.7, "model"))
    end = start + len(text[start:].split()[0])
    t = tracker(text, intent="inform_priority",
                entities=[entity("constraint", "low_runway", start=start, end=end)])
    assert stated_constraints(t) == said


@pytest.mark.parametrize("text, word, said", [
    ("salary na everything o, na im pay bills", "bills", {}),  # REST: noted as low runway
    ("a good salary matters, it pays the bills", "bills", {}),
    ("bills pile up and nobody else pays them", "bills", {"low_runway": True}),
    ("my rent eats half my pay", "rent", {"low_runway": True}),
])
def test_bills_a_salary_pays_are_no_low_runway(monkeypatch, text, word, said):
    monkeypatch.setattr(reader.Reader, "read_yes_no",
                        lambda self, text, question: reader.Reading(True, 0.9, "model"))
    start = text.index(word)
    t = tracker(text, intent="inform_priority",
                entities=[entity("constraint", "low_runway", start=start, end=start + len(word))])
    assert stated_constraints(t) == said


def test_a_constraint_read_both_ways_is_not_noted(monkeypatch):
    # REST: "ramen budget, savings of a house plant, so yeah runway is short" was noted as no low runway, from
    # the savings alone
    monkeypatch.setattr(reader.Reader, "read_yes_no", lambda self, text, question: reader.Reading(
        "runway" in text, 0.9, "model"))
    text = "ramen budget, savings of a house plant, so yeah runway is short"
    t = tracker(text, intent="out_of_scope", entities=[
        entity("criterion", "salary", start=0, end=5), entity("constraint", "low_runway", start=14, end=21),
        entity("constraint", "low_runway", start=48, end=54)])
    assert stated_constraints(t) == {}
