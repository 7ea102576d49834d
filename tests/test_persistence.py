"""Conversations survive a restart of the Rasa server (SQLite tracker store, TRACKER_DB) and an idle
session expiry (the answers and the result carry over; a half-done assessment is offered to resume).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from actions.knowledge import default
from tests.actions_support import scored
from tests.servers import STAGE, answer, texts

# The knowledge file's questions (in the order asked) and criteria.
QUESTIONS = default().questions
CRITERIA = tuple(default().criteria)

# The domain's session_config.session_expiration_time is 60 minutes: age the conversation past it.
IDLE_SECONDS = 61 * 60


def answers(slots) -> dict:
    return {name: slots[name] for name in QUESTIONS}


def age_conversation(db: Path, sender: str, seconds: float) -> None:
    """Moves every stored event of `sender` back in time, as if the user had been away."""
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE events SET timestamp = timestamp - ?, "
            "data = json_set(data, '$.timestamp', json_extract(data, '$.timestamp') - ?) "
            "WHERE sender_id = ?",
            (seconds, seconds, sender),
        )


def test_conversations_are_kept_in_the_sqlite_file(advisor):
    advisor.say("stored", "hi")
    db = Path(advisor.env["TRACKER_DB"])
    with sqlite3.connect(db) as connection:
        senders = {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}
    assert "stored" in senders


def test_restarting_the_rasa_server_continues_the_same_assessment(advisor):
    for message in ("/start_assessment", STAGE, answer(4)):
        advisor.say("restart-me", message)
    before = advisor.slots("restart-me")
    assert before["pace"] == 4.0 and before["requested_slot"] == "breadth"

    advisor.stop_rasa()
    advisor.start_rasa("rasa-restarted.log")

    after = advisor.slots("restart-me")
    assert answers(after) == answers(before)
    assert after["requested_slot"] == "breadth"
    replies = advisor.say("restart-me", answer(2))  # the answer to question 3 (breadth)
    assert "(4/11)" in texts(replies)
    slots = advisor.slots("restart-me")
    assert (slots["stage"], slots["pace"], slots["breadth"]) == ("new_grad", 4.0, 2.0)


def test_after_an_idle_session_a_half_done_assessment_is_offered_to_resume(advisor):
    for message in ("/start_assessment", STAGE, answer(5), answer(1)):
        advisor.say("away", message)
    before = answers(advisor.slots("away"))
    age_conversation(Path(advisor.env["TRACKER_DB"]), "away", IDLE_SECONDS)

    replies = advisor.say("away", "hello")
    assert "Pick up where we left off?" in texts(replies)
    offer = next(reply for reply in replies if "Pick up" in (reply.get("text") or ""))
    assert [b["payload"] for b in offer["buttons"]] == ["/start_assessment", "/deny"]
    tracker = advisor.tracker("away")
    assert any(event["event"] == "session_started" for event in tracker["events"])
    assert answers(tracker["slots"]) == before
    assert tracker["active_loop"] in ({}, None) or not tracker["active_loop"].get("name")

    replies = advisor.say("away", "/start_assessment")
    assert "(4/11)" in texts(replies)  # stage, pace and breadth were kept: on to impact


def test_after_an_idle_session_the_recommendation_is_remembered(advisor):
    points = (5, 5, 4, 5, 2, 1, 2, 1)  # the criteria in the form's order: a clear startup profile
    for message in ("/start_assessment", STAGE, *(answer(p) for p in points), "/deny", "/deny"):
        advisor.say("done", message)
    slots = advisor.slots("done")
    assert {cid: slots[cid] for cid in CRITERIA} == dict(zip(CRITERIA, map(float, points)))
    result = slots["recommendation"]
    assert result == scored(slots).recommendation == "startup"
    age_conversation(Path(advisor.env["TRACKER_DB"]), "done", IDLE_SECONDS)
    started = time.time()

    replies = advisor.say("done", "hi")
    assert "Pick up where we left off?" not in texts(replies)  # nothing left to resume
    tracker = advisor.tracker("done")
    assert any(event["event"] == "session_started" and event["timestamp"] >= started - 1
               for event in tracker["events"])
    assert tracker["slots"]["recommendation"] == result
