"""Reads the free-text answers to assessment questions: "nah", "100%", "4", "kinda", "depends but
mostly yes". Plain Python over the knowledge file's answer vocabulary, no Rasa imports.
"""
from __future__ import annotations

import difflib
import functools
import json
import re
from typing import Optional, Pattern, Sequence, Tuple

from actions.knowledge import SCALE_POINTS, Knowledge

NEUTRAL = 3
# Words that turn "agree" into "disagree" when they come before it.
NEGATIONS = re.compile(r"\b(not|don't|dont|do not|doesn't|never|no longer|isn't|wouldn't)\b")
NUMBER = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(%|percent|/\s*5|out of 5|of 5)?\s*$")
BUTTON = re.compile(r"^/\w+(\{.*\})?$", re.DOTALL)
FILLER = re.compile(r"\b(lol|lmao|haha+|tbh|honestly|i guess|i'd say|id say|i would say|hmm+|um+|uh+|"
                    r"please|pls|i mean)\b")
TYPO_CUTOFF = 0.84
# Emoji typed as an answer, as the words they say (a chat widget; Slack sends its names, ":+1:"): 👍 is a yes,
# 🤷 unsure. Skin tones, gender signs, joiners and the variation selector are dropped first ("👍🏽", "🤷‍♀️").
EMOJI_WORDS = {"\U0001F44D": "yes", "\U0001F44E": "no", "\U0001F937": "not sure", "\U0001F4AF": "absolutely",
               "\U0001F645": "no", "\u2705": "yes", "\u274C": "no",
               ":+1:": "yes", ":thumbsup:": "yes", ":-1:": "no", ":thumbsdown:": "no", ":shrug:": "not sure",
               ":100:": "absolutely", ":no_good:": "no", ":white_check_mark:": "yes", ":x:": "no"}
EMOJI_MARKS = re.compile("[\U0001F3FB-\U0001F3FF\uFE0F\u200D\u2640\u2642]|:skin-tone-[2-6]:|"
                         ":(?:fe)?male_sign:")
EMOJI = re.compile("|".join(map(re.escape, EMOJI_WORDS)))


def emoji_as_words(text: str) -> str:
    """An answer of EMOJI_WORDS' emoji alone as their words ("👍👍" is "yes yes"); any other text as it is:
    after words an emoji only marks them ("green card 👍" at the visa question is no yes: probe15)."""
    unmarked = EMOJI_MARKS.sub("", text)
    said = EMOJI.sub(lambda match: f" {EMOJI_WORDS[match.group()]} ", unmarked)
    if said == text or re.search(r"\w", EMOJI.sub(" ", unmarked)):
        return text
    return re.sub(r"\s+", " ", said).strip()


def on_five(share: float) -> int:
    """A share of the whole (0 to 1) as a point from 1 to 5: "70%" and "7/10" are 4, "5/10" is 3."""
    return 1 + round(share * 4)


@functools.lru_cache(maxsize=4096)  # the reader normalises each part of an answer dozens of times
def lowered(text: str) -> str:
    """Lower case with the typographic apostrophe made plain; one character for one, so places agree."""
    return text.lower().replace("’", "'")


def normalise(text: str) -> str:
    text = lowered(text)
    text = FILLER.sub(" ", text)
    text = re.sub(r"[!?,;:\"()*_~]+|\.(?!\d)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _payload(text: str) -> Optional[dict]:
    """The entities of a button payload such as /answer{"agreement": "4"}; None otherwise."""
    match = BUTTON.match(text.strip())
    try:
        data = json.loads(match.group(1)) if match and match.group(1) else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def button_value(text: str, key: str) -> Optional[str]:
    """The value of `key` in a button payload; None otherwise."""
    value = (_payload(text) or {}).get(key)
    return None if value is None else str(value)


def shown(text: str) -> str:
    """What a message says to a person: a button payload's value ("5"), else the text itself."""
    data = _payload(text)
    return str(next(iter(data.values()))) if data and len(data) == 1 else text


def phrases(k: Knowledge) -> Sequence[Tuple[str, int]]:
    """Every agreement phrase with its point, longest first (worked out once per knowledge file)."""
    return k.answer_phrases


@functools.lru_cache(maxsize=4096)
def whole_words(phrase: str) -> Pattern:
    """The phrase as whole words, compiled once (the reader looks for every phrase in every answer)."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _find(text: str, phrases: Sequence[Tuple[str, int]]) -> Optional[Tuple[int, int]]:
    """(point, position) of the longest phrase found as whole words; the last one on a tie."""
    best: Optional[Tuple[int, int, int]] = None
    for phrase, point in phrases:
        if phrase not in text:  # a plain substring test first: most phrases are in no answer
            continue
        for match in whole_words(phrase).finditer(text):
            rank = (len(phrase), match.start())
            if best is None or rank > best[:2]:
                best = (len(phrase), match.start(), point)
    return (best[2], best[1]) if best else None


def find_phrase(clean: str, k: Knowledge, without: Optional[Pattern] = None) -> Optional[Tuple[int, int]]:
    """(point, position) of the longest agreement phrase in normalised text; None when none is.
    Phrases that `without` matches whole are not looked for."""
    known = phrases(k)
    if without is not None:
        known = [(phrase, point) for phrase, point in known if not without.fullmatch(phrase)]
    return _find(clean, known)


def parse_agreement(text: str, k: Knowledge) -> Optional[int]:
    """1..5 from a typed or clicked answer, or None when it cannot be read."""
    if not text or not text.strip():
        return None
    clicked = button_value(text, "agreement")
    if clicked is not None:
        text = clicked
    elif BUTTON.match(text.strip()):
        return None
    clean = normalise(text)
    number = NUMBER.match(clean)
    if number:
        value, unit = float(number.group(1)), number.group(2)
        if unit and "%" in unit or unit == "percent":
            value = on_five(min(value, 100) / 100)
        return int(value) if value in SCALE_POINTS else None
    known = phrases(k)
    found = _find(clean, known)
    if found is None:
        close = difflib.get_close_matches(clean, [p for p, _ in known], n=1, cutoff=TYPO_CUTOFF)
        return dict(known)[close[0]] if close else None
    point, position = found
    if point > NEUTRAL and NEGATIONS.search(clean[:position]):
        return len(SCALE_POINTS) + 1 - point  # "I don't agree" -> 2
    return point
