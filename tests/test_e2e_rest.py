"""Whole conversations against the real Rasa server and action server, over the REST channel."""

from actions import advice, knowledge, questions
from tests.actions_support import DOMAIN, scored, statements_in
from tests.servers import texts

K = knowledge.load()


def response(name: str, variation: int = 0) -> dict:
    """A response of bot/domain.yml as the REST channel sends it: text and buttons (the first
    variation is the one sent when it is not among the bot's last two messages)."""
    variant = DOMAIN["responses"][name][variation]
    return {"text": variant["text"], "buttons": variant["buttons"]}


def sent(replies) -> list:
    return [{key: reply[key] for key in ("text", "buttons") if key in reply} for reply in replies]


def converse(advisor, sender, *messages):
    """Sends messages in order; returns the replies to the last one."""
    replies = []
    for message in messages:
        replies = advisor.say(sender, message)
    return replies


STARTUP_ANSWERS = ["i just finished my masters", "100%", "yeah definitely", "kinda", "strongly agree",
                   "nah", "meh", "not really", "not at all", "no", "nope"]


def test_a_typed_assessment_ends_in_an_explained_recommendation(advisor):
    replies = converse(advisor, "typed", "hi", "/start_assessment", *STARTUP_ANSWERS)
    slots = advisor.slots("typed")
    assert slots["recommendation"] == "startup"
    assert slots["stage"] == "new_grad"
    assert slots["pace"] == 5.0 and slots["breadth"] == 5.0 and slots["salary"] == 2.0
    assert slots["needs_sponsorship"] is False and slots["low_runway"] is False
    expected = scored(slots)  # what scoring makes of the answers the server stored
    text = texts(replies)
    assert K.recommendation["verdicts"][expected.recommendation] in text
    assert [pull.key for pull in expected.reasons] == ["risk", "pace", "breadth"]
    for pull in expected.reasons:
        assert pull.reason in text
    # a clear startup profile: no single answer would flip it, so none is quoted
    assert expected.flip is None and statements_in(text) == []
    assert [r["custom"] for r in replies if "custom" in r] == [advice.chart(expected, K)]


def test_every_question_has_buttons(advisor):
    replies = converse(advisor, "buttons", "/start_assessment")
    assert [len(r.get("buttons", [])) for r in replies if r.get("text", "").startswith("(1/11)")] == [6]


def test_an_interruption_is_answered_and_the_question_asked_again(advisor):
    converse(advisor, "interrupt", "/start_assessment", "2 yoe")
    replies = advisor.say("interrupt", "wait how does the pay compare")
    text = texts(replies)
    assert K.factors["compensation"]["sides"]["big_tech"] in text
    assert '(2/11)' in text  # the same question again
    replies = advisor.say("interrupt", "are you a bot?")
    assert "bot" in texts(replies) and "(2/11)" in texts(replies)
    replies = advisor.say("interrupt", "4")
    assert "(3/11)" in texts(replies)
    assert advisor.slots("interrupt")["pace"] == 4.0


def test_and_at_big_tech_switches_side(advisor):
    converse(advisor, "sides", "what's learning like at a startup")
    replies = advisor.say("sides", "and at big tech?")
    assert K.factors["learning"]["sides"]["big_tech"] in texts(replies)


def test_an_unreadable_answer_gets_one_reask(advisor):
    converse(advisor, "unclear", "/start_assessment", "skip")
    first = texts(advisor.say("unclear", "hmm"))
    assert 'couldn\'t read "hmm" as an answer' in first and "(2/11)" in first
    second = texts(advisor.say("unclear", "uhh"))
    assert "neutral" in second and "(3/11)" in second
    assert advisor.slots("unclear")["pace"] == 3.0


def test_a_stated_priority_is_not_asked_again(advisor):
    converse(advisor, "priority", "money matters most to me")
    assert advisor.slots("priority")["salary"] == 5.0
    replies = converse(advisor, "priority", "/start_assessment", "senior", "4", "4", "4", "4")
    # stage, pace, breadth, impact, risk answered; salary is skipped, scale comes next
    assert K.criteria["scale"]["statement"] in texts(replies)


def test_change_an_answer_after_the_result(advisor):
    converse(advisor, "change", "/start_assessment", *STARTUP_ANSWERS)
    replies = advisor.say("change", "change my answer on risk")
    assert K.criteria["risk"]["statement"] in texts(replies)
    replies = advisor.say("change", "strongly disagree")
    assert "Score" in texts(replies)
    assert advisor.slots("change")["risk"] == 1.0


def test_what_would_change_your_answer_after_the_result_is_the_one_change_not_a_change(advisor):
    converse(advisor, "what-would-change", "/start_assessment", *STARTUP_ANSWERS)
    replies = advisor.say("what-would-change", "what would change your answer?")
    expected = scored(advisor.slots("what-would-change"))
    # the result's own last line said it: said again in fewer words, with what to do about it
    assert texts(replies) == advice.said_above_text(expected, K)
    assert not advisor.slots("what-would-change")["changing"]


def test_restart_clears_the_conversation(advisor):
    converse(advisor, "restart", "/start_assessment", "new grad", "5")
    replies = advisor.say("restart", "/restart")
    assert "Starting over" in texts(replies)
    slots = advisor.slots("restart")
    assert slots["pace"] is None and slots["stage"] is None
    assert slots["requested_slot"] is None


def test_stop_keeps_the_answers(advisor):
    converse(advisor, "stop", "/start_assessment", "senior", "5")
    replies = advisor.say("stop", "stop the quiz")
    assert "Stopped" in texts(replies)
    tracker = advisor.tracker("stop")
    assert tracker["active_loop"] in ({}, None) or tracker["active_loop"].get("name") is None
    assert tracker["slots"]["pace"] == 5.0
    replies = advisor.say("stop", "/start_assessment")
    assert "(3/11)" in texts(replies)


def test_out_of_scope_and_fallback_redirect(advisor):
    replies = advisor.say("scope", "what's the weather in paris")
    assert sent(replies) == [response("utter_out_of_scope")]
    # gibberish: below the FallbackClassifier's threshold, the rephrase prompt and its menu
    replies = advisor.say("scope", "qwxz vbnm plk")
    assert sent(replies) == [response("utter_rephrase")]
    assert advisor.tracker("scope")["latest_message"]["intent"]["name"] == "nlu_fallback"


def test_asking_for_a_result_first_starts_the_assessment(advisor):
    replies = advisor.say("few", "what do you recommend?")
    assert texts(replies).endswith(questions.message("stage", K)["text"])
