"""Scripted users who talk to the advisor over its REST channel on loopback.

Their words come from the knowledge file (the phrases the bot is meant to understand), picked at random
with a fixed seed, so every pipeline hears the same conversations.
"""
from __future__ import annotations

import asyncio
import math
import random
import time
from dataclasses import dataclass, field
from typing import Dict, List

import aiohttp

from actions import scoring
from actions.knowledge import Knowledge

START_PHRASES = ["lets do the assessment", "start the quiz", "assess me", "ok lets start the assessment"]
GREETINGS = ["hi", "hello", "hey there"]
THANKS = ["thanks", "thank you", "thx"]
# A turn cap: a scripted user who is not done by then counts as lost.
MAX_TURNS = 30


def percentile(values: List[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass
class Persona:
    """What one scripted user believes, and how they type it."""

    answers: Dict[str, int]
    stage: str
    constraints: Dict[str, bool]
    clicks_buttons: bool
    asks_on_the_way: bool

    def expected(self, k: Knowledge) -> str:
        profile = scoring.Profile({c: float(a) for c, a in self.answers.items()}, self.stage,
                                  self.constraints)
        return scoring.recommend(profile, k).recommendation


def personas(k: Knowledge, count: int, seed: int = 7) -> List[Persona]:
    rng = random.Random(seed)
    return [
        Persona(
            answers={c: rng.randint(1, 5) for c in k.criteria},
            stage=rng.choice(list(k.stage["values"])),
            constraints={c: rng.random() < 0.25 for c in k.constraints},
            clicks_buttons=i % 4 == 3,  # most people type, some click
            asks_on_the_way=i % 3 == 1,
        )
        for i in range(count)
    ]


def question(k: Knowledge, rng: random.Random) -> str:
    """A chat-style question about one factor at one side, in the knowledge file's words."""
    factor = rng.choice(list(k.factors.values()))
    side = rng.choice(list(k.sides.values()))
    return f"what about {rng.choice(factor['synonyms'])} at {rng.choice(side['synonyms'])}?"


def answer(persona: Persona, slot: str, k: Knowledge, rng: random.Random) -> str:
    """The persona's answer to the question for `slot`, typed or clicked."""
    if slot == "stage":
        if persona.clicks_buttons:
            return f'/inform_stage{{"career_stage": "{persona.stage}"}}'
        return rng.choice(k.stage["values"][persona.stage]["synonyms"])
    if slot in k.constraints:
        holds = persona.constraints[slot]
        if persona.clicks_buttons:
            return "/affirm" if holds else "/deny"
        return rng.choice(k.agreement["affirm"] if holds else k.agreement["deny"])
    point = persona.answers[slot]
    if persona.clicks_buttons:
        return f'/answer{{"agreement": "{point}"}}'
    return rng.choice(k.agreement["scale"][point]["synonyms"])


@dataclass
class Outcome:
    reached: bool
    correct: bool
    turns: int


def assess(advisor, sender: str, persona: Persona, k: Knowledge, seed: int) -> Outcome:
    """One whole assessment: start it, answer what the form asks (the requested slot), maybe ask a
    question half-way; done when the recommendation slot is set."""
    rng = random.Random(seed)
    advisor.say(sender, rng.choice(START_PHRASES))
    turns, asked = 1, False
    while turns < MAX_TURNS:
        slots = advisor.slots(sender)
        if slots.get("recommendation"):
            return Outcome(True, slots["recommendation"] == persona.expected(k), turns)
        slot = slots.get("requested_slot")
        if persona.asks_on_the_way and not asked and slot == "risk":
            message, asked = question(k, rng), True
        elif slot is None:
            message = rng.choice(START_PHRASES)  # the form ended without advice: ask again
        else:
            message = answer(persona, slot, k, rng)
        advisor.say(sender, message)
        turns += 1
    return Outcome(False, False, turns)


def load_script(k: Knowledge, seed: int) -> List[str]:
    """One conversation of the load test: greeting, two questions, a whole typed assessment, thanks.
    Questions and form steps call the action server; greeting and thanks do not."""
    rng = random.Random(seed)
    persona = personas(k, 1, seed)[0]
    persona.clicks_buttons = False
    slots = ["stage", *k.criteria, *k.constraints]
    return ([rng.choice(GREETINGS), question(k, rng), question(k, rng), rng.choice(START_PHRASES)]
            + [answer(persona, slot, k, rng) for slot in slots] + [rng.choice(THANKS)])


@dataclass
class Load:
    messages: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: List[float] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else math.nan

    def p(self, q: float) -> float:
        return percentile(self.latencies_ms, q)


async def _drive(url: str, concurrency: int, budget: int, k: Knowledge, tag: str,
                 timeout: float) -> Load:
    load = Load()
    remaining = [budget]
    client_timeout = aiohttp.ClientTimeout(total=timeout)

    async def user(session: aiohttp.ClientSession, number: int) -> None:
        conversation = 0
        while remaining[0] > 0:
            sender = f"{tag}-{number}-{conversation}"
            for message in load_script(k, seed=number * 1000 + conversation):
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
                started = time.perf_counter()
                try:
                    async with session.post(url, json={"sender": sender, "message": message}) as reply:
                        await reply.read()
                        ok = reply.status == 200
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    ok = False
                load.latencies_ms.append((time.perf_counter() - started) * 1000)
                load.messages += 1
                load.errors += not ok
            conversation += 1

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        started = time.perf_counter()
        await asyncio.gather(*(user(session, n) for n in range(concurrency)))
        load.seconds = time.perf_counter() - started
    return load


def drive(base_url: str, concurrency: int, messages: int, k: Knowledge, tag: str,
          timeout: float = 60.0) -> Load:
    """`concurrency` conversations at once, `messages` messages in all, then stop."""
    assert base_url.startswith("http://127.0.0.1:"), "load goes to loopback only"
    return asyncio.run(_drive(f"{base_url}/webhooks/rest/webhook", concurrency, messages, k, tag,
                              timeout))

