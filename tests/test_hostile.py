"""Typed commands and odd values: `/intent{"slot": "value"}`, `/action_...`, `/restart` mid-form.

Button payloads skip NLU, so a user can type one. None of these may set an invalid slot or skip the
assessment: the bot answers with a clear re-ask and the form goes on from the same question.
"""
from __future__ import annotations

import pytest

from actions.knowledge import default
from bot.channels.guard import UNKNOWN_COMMAND_REPLY
from tests.servers import STAGE, answer, texts

# The assessment's questions, in the order they are asked: the knowledge file's.
QUESTIONS = default().questions

UNKNOWN = UNKNOWN_COMMAND_REPLY.split('"{command}"')[0]  # "Sorry, I can't take "


def mid_form(advisor, sender: str) -> dict:
    """A conversation waiting for the answer to question 3 (breadth); returns its slots."""
    for message in ("/start_assessment", STAGE, answer(4)):
        advisor.say(sender, message)
    slots = advisor.slots(sender)
    assert slots["requested_slot"] == "breadth"
    return slots


@pytest.mark.parametrize("command", [
    '/inform{"risk": 999}',                       # an intent the bot does not have
    '/answer{"risk": 999}',                       # a known intent, an entity it does not have
    '/inform_stage{"career_stage": "ceo"}',       # a known entity, a value its slot refuses
    '/inform_stage{"career_stage": ["senior"]}',  # not a plain value
    '/action_recommend',                          # an action name
    '/back',                                      # Rasa's rewind: not for users
    '/session_start',                             # Rasa's session restart: not for users
    '/answer{not json}',
])
def test_injected_command_changes_nothing_and_re_asks(advisor, command):
    sender = f"inject-{abs(hash(command))}"
    before = mid_form(advisor, sender)
    replies = advisor.say(sender, command)
    assert texts(replies).startswith(UNKNOWN)
    assert "answer the last question" in texts(replies)
    assert advisor.slots(sender) == before
    assert "(4/11)" in texts(advisor.say(sender, answer(2)))  # the form goes on where it was


@pytest.mark.parametrize("value", ["999", "0", "-1", "5.5", "nan", "1e9", "four hundred"])
def test_out_of_range_answer_is_re_asked_and_never_stored(advisor, value):
    sender = "range-" + value.replace(" ", "-")
    before = mid_form(advisor, sender)
    replies = advisor.say(sender, answer(value))
    assert "couldn't read" in texts(replies) and "(3/11)" in texts(replies)  # the same question
    slots = advisor.slots(sender)
    assert slots["breadth"] is None and slots["pace"] == before["pace"]
    assert slots["requested_slot"] == "breadth"


def test_out_of_range_typed_number_is_re_asked(advisor):
    mid_form(advisor, "typed-999")
    replies = advisor.say("typed-999", "999")
    assert "(3/11)" in texts(replies)
    assert advisor.slots("typed-999")["breadth"] is None


def test_recommendation_cannot_be_injected_by_a_button_value(advisor):
    mid_form(advisor, "inject-result")
    advisor.say("inject-result", '/ask_recommendation{"recommendation": "startup"}')
    assert advisor.slots("inject-result")["recommendation"] is None


def test_stage_cannot_be_injected_outside_the_form(advisor):
    replies = advisor.say("outside", '/greet{"career_stage": "ceo"}')
    assert texts(replies).startswith(UNKNOWN)
    assert advisor.slots("outside")["stage"] is None
    advisor.say("outside", '/inform_stage{"career_stage": "senior"}')  # a real button: accepted
    assert advisor.slots("outside")["stage"] == "senior"


def test_restart_mid_form_starts_over_cleanly(advisor):
    mid_form(advisor, "restarter")
    replies = advisor.say("restarter", "/restart")
    assert "Starting over" in texts(replies)
    tracker = advisor.tracker("restarter")
    assert all(tracker["slots"][name] is None for name in (*QUESTIONS, "recommendation"))
    assert not (tracker.get("active_loop") or {}).get("name")
    replies = advisor.say("restarter", "/start_assessment")
    assert "(1/11)" in texts(replies)  # a fresh assessment, not the old one half-way


def test_restart_after_a_result_clears_the_result(advisor):
    for message in ("/start_assessment", STAGE, *(answer(p) for p in (5, 5, 4, 5, 2, 1, 2, 1)),
                    "/deny", "/deny"):
        advisor.say("result-restart", message)
    assert advisor.slots("result-restart")["recommendation"] is not None
    advisor.say("result-restart", "/restart")
    assert advisor.slots("result-restart")["recommendation"] is None
