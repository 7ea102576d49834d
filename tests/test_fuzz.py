"""Fuzz: 2,000 generated messages (seeded: FUZZ_SEED reproduces a run) over REST and socket.io,
across many conversations. Every one gets a reply or a clear 4xx, never a 5xx; the server stays up;
every conversation's slots stay valid.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import List

import pytest
import socketio

from actions.knowledge import FACTOR_IDS, STAGE_IDS, default
from bot.channels.guard import MAX_MESSAGE_CHARS
from bot.channels import resilience
from tests.servers import SocketConversation

# The knowledge file's questions (in the order asked), criteria and constraints.
QUESTIONS = default().questions
CRITERIA = tuple(default().criteria)
CONSTRAINTS = tuple(default().constraints)

SEED = int(os.environ.get("FUZZ_SEED", "20261126"))
REST_MESSAGES = 1700
SOCKET_MESSAGES = 300
REST_CONVERSATIONS = 40
SOCKET_CONVERSATIONS = 5
TIME_LIMIT_SECONDS = 600  # the whole run; the test stops sending after it

PIECES = [
    "", " ", "\t\n  ", "hi", "4", "kinda", "nah", "skip", "stop", "restart", "why", "help",
    "what do you recommend", "tell me about salary", "I'm a new grad", "10 yoe",
    "😀🚀🔥", "👩‍💻", "مرحبا، هل يجب أن أعمل في شركة ناشئة؟", "שלום", "\u202eevil\u202c",
    "Привет", "你好，我应该去大公司吗", "こんにちは", "Größe", "ça va",
    "'; DROP TABLE events; --", "1 OR 1=1", '{"sender": "other", "message": "x"}', "[]", "null",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "**bold** _it_ `code`", "%s%s%n", "${RASA_AUTH_TOKEN}", "../../etc/passwd",
    "\x00", "\x07\x1b[31m", "\ud800", "\r\n", "\u200b", "\ufeff",
    '/answer{"agreement": "4"}', '/answer{"agreement": "999"}', '/inform{"risk": 999}',
    '/inform_stage{"career_stage": "senior"}', '/inform_stage{"career_stage": "ceo"}',
    "/action_recommend", "/restart", "/start_assessment", "/affirm", "/deny", "/back", "/",
    '/answer{"agreement": ', "/answer{}", '/answer{"criterion": "risk"}',
]


def generate(rng: random.Random) -> str:
    """One message: a known odd piece, a mix of them, random code points, or a size extreme."""
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(PIECES)
    if kind < 0.75:
        return " ".join(rng.choice(PIECES) for _ in range(rng.randint(2, 5)))
    if kind < 0.92:
        return "".join(chr(rng.choice([rng.randint(0, 0x7f), rng.randint(0x80, 0x2fff),
                                       rng.randint(0x1f300, 0x1faff)]))
                       for _ in range(rng.randint(1, 40)))
    return rng.choice(["x" * MAX_MESSAGE_CHARS, "y" * (MAX_MESSAGE_CHARS + 1), "z" * 100_000,
                       "é" * (MAX_MESSAGE_CHARS + 1)])


def valid_slots(slots: dict) -> List[str]:
    """What is wrong with a conversation's slots (empty when they are all valid)."""
    problems = []
    for name in CRITERIA:
        value = slots[name]
        if value is not None and not (isinstance(value, float) and 1 <= value <= 5):
            problems.append(f"{name}={value!r}")
    for name in CONSTRAINTS:
        if slots[name] not in (None, True, False):
            problems.append(f"{name}={slots[name]!r}")
    checks = {"stage": (*STAGE_IDS, "unspecified"), "factor": FACTOR_IDS,
              "recommendation": ("startup", "big_tech", "either"),
              "requested_slot": (*QUESTIONS, "answer_to_change")}
    for name, allowed in checks.items():
        if slots[name] is not None and slots[name] not in allowed:
            problems.append(f"{name}={slots[name]!r}")
    return problems


def send_rest(url: str, sender: str, message: str):
    """(status, replies or None) for one message."""
    request = urllib.request.Request(
        url, data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, None


async def socket_conversation(url: str, session_id: str, messages: List[str], deadline: float):
    """Sends messages one by one over socket.io: (the messages whose turn ended without an answer,
    how many were not sent). A turn's replies are those before the server acknowledged the message
    (tests/servers.py); a "still thinking" notice alone is no answer."""
    unanswered, sent = [], 0
    async with SocketConversation(url, session_id) as conversation:
        for message in messages:
            if time.monotonic() > deadline:
                break
            sent += 1
            try:
                replies = await conversation.send(message, timeout=30)
            except socketio.exceptions.TimeoutError:
                # a turn that never ended: later replies could not be told apart, so stop here
                unanswered.append(message)
                break
            if not [reply for reply in replies if reply.get("text") != resilience.THINKING]:
                unanswered.append(message)
    return unanswered, len(messages) - sent


@pytest.mark.timeout(TIME_LIMIT_SECONDS + 300)  # sending stops after the limit; then the checks
def test_fuzzed_messages_never_break_the_server(advisor):
    rng = random.Random(SEED)
    rest = [(f"fuzz-{i % REST_CONVERSATIONS}", generate(rng)) for i in range(REST_MESSAGES)]
    sockets = [[generate(rng) for _ in range(SOCKET_MESSAGES // SOCKET_CONVERSATIONS)]
               for _ in range(SOCKET_CONVERSATIONS)]
    deadline = time.monotonic() + TIME_LIMIT_SECONDS
    url = advisor.url + "/webhooks/rest/webhook"

    def conversation(sender: str) -> list:  # one conversation's messages, in order
        results = []
        for name, message in rest:
            if name == sender and time.monotonic() < deadline:
                results.append((message, *send_rest(url, sender, message)))
        return results

    async def socket_side():
        return await asyncio.gather(*(
            socket_conversation(advisor.url, f"fuzz-socket-{i}", messages, deadline)
            for i, messages in enumerate(sockets)))

    with ThreadPoolExecutor(4) as pool:
        rest_results = pool.map(conversation, sorted({sender for sender, _ in rest}))
        socket_results = asyncio.run(socket_side())
        results = [result for results in rest_results for result in results]

    socket_sent = sum(map(len, sockets)) - sum(skipped for _, skipped in socket_results)
    print(f"\nfuzz seed {SEED}: {len(results)} REST and {socket_sent} socket.io messages")
    assert len(results) + socket_sent >= 2000, f"only part sent within {TIME_LIMIT_SECONDS} s"
    server_errors = [(m[:60], code) for m, code, _ in results if code >= 500]
    assert not server_errors, f"seed {SEED}: 5xx for {server_errors[:5]}"
    unclear = [(m[:60], code) for m, code, _ in results if code not in (200, 400, 413)]
    assert not unclear, f"seed {SEED}: unexpected statuses {unclear[:5]}"
    silent = [m[:60] for m, code, replies in results if code == 200 and not replies]
    assert not silent, f"seed {SEED}: no reply to {silent[:5]}"
    assert socket_sent > 0
    unanswered = [message[:60] for messages, _ in socket_results for message in messages]
    assert unanswered == [], f"seed {SEED}: socket.io messages without an answer"
    with urllib.request.urlopen(advisor.url + "/", timeout=10) as response:
        assert response.status == 200  # still up
    for sender in [*{s for s, _ in rest}, *(f"fuzz-socket-{i}" for i in range(len(sockets)))]:
        assert valid_slots(advisor.slots(sender)) == [], sender
