"""More than one machine, on Rasa's scale-out parts: a PostgreSQL tracker store, a Redis lock store.

Two Rasa servers and one action server run with ADVISOR_ENDPOINTS=scaled (bot/endpoints-scaled.yml)
against a throw-away PostgreSQL and Redis (tests/stores.py). The tests show that two servers taking
tickets for one conversation at once get distinct ones (bot/stores/lock.py), that a conversation does
not care which server takes each turn, that concurrent messages, also several to one conversation at
once, are neither lost nor mixed up, and that when one server stops the other serves every conversation.
The last test stops a server: it stays last in this file.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

import pytest

from actions.knowledge import default
from bot.runtime import launch
from tests import servers
from tests.stores import throwaway_postgres, throwaway_redis

# The knowledge file's questions (in the order asked), criteria and constraints.
QUESTIONS = default().questions
CRITERIA = tuple(default().criteria)
CONSTRAINTS = tuple(default().constraints)

TOKEN = "scale-out-token"
CONVERSATIONS = 20
CROWD_TURNS = 6  # turns of each concurrent conversation: the assessment's start and five answers
BURST = 4  # factor questions sent to one conversation at once, half through each server
REQUEST_TIMEOUT = 120


@dataclass
class Cluster:
    urls: List[str]
    rasa: List[subprocess.Popen]

    def say(self, server: int, sender: str, text: str) -> List[Dict[str, Any]]:
        return servers.say(self.urls[server], sender, text, REQUEST_TIMEOUT)

    def tracker(self, sender: str, server: int = 0) -> Dict[str, Any]:
        return servers.tracker(self.urls[server], TOKEN, sender, REQUEST_TIMEOUT)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Cluster:
    logs = tmp_path_factory.mktemp("scale-out")
    model = logs / "advisor.tar.gz"  # one copy for both servers, even if the model is retrained meanwhile
    shutil.copy(launch.MODEL, model)
    with throwaway_postgres() as database, throwaway_redis() as locks:
        env = launch.environment(ADVISOR_ENDPOINTS="scaled", ACTION_PORT=str(servers.free_port()),
                                 RASA_AUTH_TOKEN=TOKEN, **database, **locks)
        envs = [dict(env, RASA_PORT=str(servers.free_port())) for _ in range(2)]
        rasa_servers: List[subprocess.Popen] = []
        actions = None
        try:
            for n, server_env in enumerate(envs):  # both load their model at the same time
                with open(logs / f"rasa-{n}.log", "ab") as log:
                    rasa_servers.append(subprocess.Popen(
                        launch.rasa_server_command(server_env, model), cwd=launch.ROOT,
                        env=server_env, stdout=log, stderr=subprocess.STDOUT,
                    ))
            actions = launch.start_action_server(env, logs / "actions.log")
            for process, server_env in zip(rasa_servers, envs):
                launch.wait_for(f"http://127.0.0.1:{server_env['RASA_PORT']}/", process, timeout=300)
            yield Cluster([f"http://127.0.0.1:{e['RASA_PORT']}" for e in envs], rasa_servers)
        finally:
            for process in rasa_servers:
                launch.stop(process)
            launch.stop(actions)


def assessment(i: int) -> List[str]:
    """A full assessment whose answers identify conversation i (base-5 digits of i, stage, yes/no)."""
    stages = list(default().stage["values"])
    turns = ["/start_assessment", f'/inform_stage{{"career_stage": "{stages[i % len(stages)]}"}}']
    turns += [servers.answer(1 + (i // 5 ** j) % 5) for j in range(len(CRITERIA))]
    turns += ["/affirm" if (i >> j) % 2 else "/deny" for j in range(len(CONSTRAINTS))]
    return turns


def expected_slots(i: int) -> Dict[str, Any]:
    stages = list(default().stage["values"])
    slots: Dict[str, Any] = {"stage": stages[i % len(stages)]}
    slots.update({c: float(1 + (i // 5 ** j) % 5) for j, c in enumerate(CRITERIA)})
    slots.update({c: bool((i >> j) % 2) for j, c in enumerate(CONSTRAINTS)})
    return slots


def texts(replies: List[Dict[str, Any]]) -> List[Any]:
    """What the user sees of the replies (text, buttons, custom payload), without the recipient."""
    return [{k: v for k, v in reply.items() if k != "recipient_id"} for reply in replies]


def seen(messages: List[Dict[str, Any]]) -> Tuple[str, list, list]:
    """Text, buttons and custom payloads of bot messages, alike for a REST reply (which splits a text
    at blank lines) and the bot events of a tracker."""
    return ("\n\n".join(m["text"].strip() for m in messages if m.get("text")),
            [b for m in messages for b in m.get("buttons") or []],
            [m["custom"] for m in messages if m.get("custom")])


def without_times(value: Any) -> Any:
    """Events as they would be on any server: timestamps and generated message ids removed."""
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if k not in ("timestamp", "message_id")}
    if isinstance(value, list):
        return [without_times(v) for v in value]
    return value


def turns_of(events: List[Dict[str, Any]]) -> List[Tuple[str, List[Dict[str, Any]]]]:
    """(user text, the bot messages answering it) per turn; every turn must end in action_listen
    before the next user message, as when messages are processed one at a time."""
    turns: List[Tuple[str, List[Dict[str, Any]]]] = []
    listening = True
    for event in events:
        if event["event"] == "user":
            assert listening, f"user message {event['text']!r} was processed inside another turn"
            turns.append((event["text"], []))
            listening = False
        elif event["event"] == "bot" and turns:
            turns[-1][1].append({"text": event.get("text"), **(event.get("data") or {})})
        elif event["event"] == "action" and event.get("name") == "action_listen":
            listening = True
    return turns


def test_two_servers_taking_tickets_at_once_each_get_their_own(monkeypatch):
    """The lock store of bot/endpoints-scaled.yml, as two servers use it at the same moment."""
    from rasa.core.lock_store import LockStore
    from rasa.core.utils import AvailableEndpoints

    with throwaway_redis() as locks:
        env = launch.environment(ADVISOR_ENDPOINTS="scaled", **locks)
        for name in ("ACTION_SERVER_URL", *launch.SCALED_DEFAULTS):
            monkeypatch.setenv(name, env[name])
        config = AvailableEndpoints.read_endpoints(str(launch.SCALED_ENDPOINTS)).lock_store
        lock_stores = [LockStore.create(config) for _ in range(2)]
        with ThreadPoolExecutor(8) as pool:
            tickets = list(pool.map(lambda n: lock_stores[n % 2].issue_ticket("race"), range(200)))
        assert sorted(tickets) == list(range(200)), "a ticket number was issued twice"
        assert len(lock_stores[0].get_lock("race").tickets) == 200, "a ticket was lost"
        for n, ticket in enumerate(sorted(tickets)):
            lock_stores[n % 2].cleanup("race", ticket)
        assert lock_stores[1].get_lock("race") is None


def test_a_conversation_alternating_between_servers_goes_as_on_one_server(cluster):
    script = assessment(7) + ["/ask_why", '/ask_factor{"factor": "impact"}', "/ask_recommendation"]
    one_server = [cluster.say(0, "one-server", text) for text in script]
    alternating = [cluster.say(n % 2, "two-servers", text) for n, text in enumerate(script)]

    assert [texts(r) for r in alternating] == [texts(r) for r in one_server]
    reference = cluster.tracker("one-server")
    for server in (0, 1):
        tracker = cluster.tracker("two-servers", server)
        assert without_times(tracker["events"]) == without_times(reference["events"])
        assert tracker["slots"] == reference["slots"]
    assert {k: reference["slots"][k] for k in QUESTIONS} == expected_slots(7)
    assert reference["slots"]["recommendation"] is not None


def crowd_sender(i: int) -> str:
    return f"crowd-{i:02d}"


def crowd_conversation(cluster: Cluster, i: int) -> Tuple[List[Tuple[str, list]], Dict[str, tuple]]:
    """Conversation i through both servers: the first questions of the assessment turn by turn, and
    once a burst of factor questions in flight at once. Returns the sequential (message, replies)
    and, per burst message, (replies, the question pending when it was sent)."""
    sender = crowd_sender(i)
    factors, sides = list(default().factors), list(default().sides)
    sequential: List[Tuple[str, list]] = []
    bursts: Dict[str, tuple] = {}
    burst_before = 2 + i % (CROWD_TURNS - 2)
    for n, text in enumerate(assessment(i)[:CROWD_TURNS]):
        if n == burst_before:
            burst = [f'/ask_factor{{"factor": "{factors[(i + b) % len(factors)]}", '
                     f'"company_type": "{sides[i % len(sides)]}"}}' for b in range(BURST)]
            with ThreadPoolExecutor(BURST) as pool:
                replies = list(pool.map(lambda b: cluster.say(b % 2, sender, burst[b]), range(BURST)))
            pending = texts(sequential[-1][1])[-1]
            bursts.update((message, (reply, pending)) for message, reply in zip(burst, replies))
        sequential.append((text, cluster.say((i + n) % 2, sender, text)))
    return sequential, bursts


def test_concurrent_conversations_lose_nothing_and_never_mix(cluster):
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        results = list(pool.map(lambda i: crowd_conversation(cluster, i), range(CONVERSATIONS)))

    knowledge = default()
    answered = QUESTIONS[:CROWD_TURNS - 1]  # the first turn starts the assessment
    for i, (sequential, bursts) in enumerate(results):
        sender = crowd_sender(i)
        tracker = cluster.tracker(sender, server=i % 2)
        turns = turns_of(tracker["events"])
        sent = [text for text, _ in sequential] + list(bursts)
        assert sorted(text for text, _ in turns) == sorted(sent), f"{sender}: user messages differ"
        # Every HTTP reply is what this conversation's tracker recorded for that very message.
        assert [(t, seen(b)) for t, b in turns if t not in bursts] == [
            (t, seen(r)) for t, r in sequential], sender
        for text, bot in turns:
            if text in bursts:
                assert seen(bot) == seen(bursts[text][0]), f"{sender}: reply to {text} is not its turn's"
        # A factor question inside the form: its explanation, then the pending question again.
        for text, (replies, pending) in bursts.items():
            asked = json.loads(text[len("/ask_factor"):])
            shown = [m.get("text") for m in replies]
            heading = (shown[0] or "").splitlines()[0]
            assert knowledge.factors[asked["factor"]]["title"] in heading, f"{sender} {text}: {shown}"
            assert knowledge.sides[asked["company_type"]]["label"] in heading, f"{sender} {text}: {shown}"
            assert texts(replies)[-1] == pending, f"{sender} {text} moved the form on: {shown}"
        assert {q: tracker["slots"][q] for q in answered} == {
            q: v for q, v in expected_slots(i).items() if q in answered}, sender


def test_when_one_server_stops_the_other_serves_every_conversation(cluster):
    script = assessment(11) + ["/ask_why", "/ask_recommendation"]
    half = len(script) // 2
    reference = [cluster.say(0, "failover-reference", text) for text in script]
    senders = [f"failover-{n}" for n in range(4)]
    for sender in senders:
        for n, text in enumerate(script[:half]):
            cluster.say(n % 2, sender, text)

    launch.stop(cluster.rasa[1])
    with pytest.raises(urllib.error.URLError):
        cluster.say(1, senders[0], script[half])

    for sender in senders:
        rest = [cluster.say(0, sender, text) for text in script[half:]]
        assert [texts(r) for r in rest] == [texts(r) for r in reference[half:]], sender
        tracker = cluster.tracker(sender)
        assert without_times(tracker["events"]) == without_times(
            cluster.tracker("failover-reference")["events"]), sender
    fresh = cluster.say(0, "failover-new", "/start_assessment")
    assert texts(fresh) == texts(reference[0])
