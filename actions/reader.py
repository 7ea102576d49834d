"""Reads typed answers to the assessment's questions: a learned model, with the knowledge file's
answer vocabulary as one of its inputs. Plain Python and scikit-learn, no Rasa imports.

Three readers, each trained on `data/answers/` (answers people typed, labelled) plus the knowledge
file's own phrases:
- agreement (1..5) for the eight statements, a network with one small hidden layer. Besides word and
  character n-grams it sees the statement's id joined to each word (so "chaos stresses me out" is a no
  to `pace` and nothing to `salary`) and what the knowledge vocabulary finds in the first clause (answer
  first, reasons after).
- yes / no for the two constraints;
- the career stage, after rules for what the text states outright (years worked, student years:
  actions/situation.py).

A reading the model is unsure of, or whose top two guesses point opposite ways, is None: the form
then asks again instead of guessing (an answer must never be read the wrong way round).
"""
from __future__ import annotations

import difflib
import functools
import hashlib
import itertools
import os
import pickle
import re
import warnings
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Pattern, Sequence, Set, Tuple

import numpy as np
import yaml

from actions import answers, comparisons, conditions, edits, situation, thinking
from actions.knowledge import STAGE_QUESTION, Knowledge, default

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data" / "answers"
CACHE_DIR = ROOT / "models"
NEUTRAL = answers.NEUTRAL

# Below this probability the agreement model's best guess is not taken: the form asks again.
MIN_CONFIDENCE = 0.40
# Both directions at least this likely: the answer could be read either way round, so it is not read.
MIN_OPPOSITE = 0.25
# An answer with no answer word ("my last job wore me down") is read only when the model is this sure of
# its side: a wrong-way reading turns the recommendation round, a re-ask costs a turn. Chosen by two-fold
# cross-validation over the helpers' files: with the reasons alone in training (load_training), 0.92 reads
# more right and fewer the wrong way round than the reader before did at its bar (docs/benchmarks.md).
MIN_SIDE = 0.92
# The agreement model is a network with one small hidden layer, not a linear model: it can weigh a word
# by what else the answer says ("bored" with "slow" against "bored" with "meetings"). At the same bar
# it read more answers right with as few the wrong way round, and trains faster than the regression it
# replaced (two-fold cross-validation over the helpers' files, docs/benchmarks.md). Training stops after
# a fixed number of passes, before the fit converges: more passes fit the training answers closer and
# read new writers' no better. Batches of 1,024 halve the optimiser's updates over the many n-gram
# inputs, the bulk of the reader's training time, and read new writers about as well as batches of 512
# did (docs/benchmarks.md).
AGREEMENT_NETWORK = {"hidden_layer_sizes": (32,), "batch_size": 1024, "max_iter": 15,
                     "learning_rate_init": 0.003, "alpha": 1e-4}
MIN_YES_NO_CONFIDENCE = 0.60
MIN_STAGE_CONFIDENCE = 0.35
# Without one word of study, work or time (situation.STAGE_CUE) the stage model guesses from little: "I'm the
# kid who reads the last page of the novel first. So, no." read as a new grad at 0.52 (REST).
MIN_UNCUED_STAGE_CONFIDENCE = 0.6
# The hand-made features (vocabulary, valence, emphasis) against thousands of n-grams: weighed up so
# that the regularised model does not drown them (chosen on the tune slice).
HAND_MADE_WEIGHT = 2.0
# The side-signed words (_Model's by_side) against the rest: chosen by two-fold cross-validation over the
# helpers' training files (0.5 read more right than 1 or 2, as few the wrong way round; word pairs read as
# well as triples and train a fifth faster).
SIDED_WEIGHT = 0.5

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# A rating typed as a number: "4", "4/5", "a solid 4", "I'd say 3ish", "4 out of 5", "80%".
RATING = re.compile(
    r"^(?:(?:i'?d|i would|id) (?:say|go with|give it)|say|maybe|probably|like|around|about|solid|"
    r"a solid|a|an|give it a|its a|it's a|that's a|thats a|prob|definitely|def|absolutely|totally|certainly|"
    r"hmm|ok|umm|um|so|honestly|tbh|hard|firm|strong|clear|weak|soft|easy|big|\s)*"  # "a hard 5 from me"
    # "hard one" is no 1, nor is "a yes, a soft one"
    r"(?P<n>[1-5]|(?<!hard )(?<!tough )(?<!tricky )(?<!soft )(?<!weak )(?<!strong )(?<!firm )(?<!clear )"
    r"(?<!big )(?<!easy )(?<!solid )(?<!small )(?<!mild )one|two|three|four|five)(?:\.0)?(?:ish| ish)?"
    r"(?:\s*(?:/\s*5|out of (?:5|five)|of 5|on the scale))?"
    r"(?:\s*(?:i guess|i think|i suppose|probably|maybe|tbh|honestly|really|for sure|lol|or so|-ish|from me|"
    r"for me|easy|easily|yep|yup|yeah|yes))*$"
)
# A rating stated anywhere in the answer: "1/5 i need to know", "... I'd put this at a 1.", "a 4 out of 5".
RATING_STATED = re.compile(r"(?:^|[\s(])([1-5])\s*(?:/\s*5|out of (?:5|five))(?!\d)|"
                           r"\b(?:i'?d|id|i would|i'll|i will) (?:put (?:(?:this|it|this one|that) )?at|give "
                           r"(?:this|it)|rate (?:this|it)(?: at)?)(?: an?| like)? ([1-5]|one|two|three|four|five)"
                           r"\b(?![./]?\d)|"
                           # "put me down for a 5", "my answer would be a 2", "mark me as a 4"
                           r"\b(?:my answer(?:'s| is| would be| will be)|put me down (?:for|as)|"
                           r"mark me (?:down )?(?:for|as)|count me (?:as|for)|"
                           # "some weight, not much, call it a 3" (probe26)
                           r"(?<!n't )(?<!not )(?:(?:i'?d|let'?s|just) )?call it|"
                           r"(?:i'?ll|i will|gonna|going to|let'?s) (?:say|go with))"
                           r"(?: an?| like)? ([1-5]|one|two|three|four|five)\b(?![./]?\d)|"
                           # "I must say 1. I prefer everything planned": the number ends its clause
                           r"\bi (?:must|have to|would have to|'d have to) say (?:an? )?([1-5])"
                           r"(?=\s*(?:[.,;:!]|$))|"
                           # dictated, ending the answer: "... but i don't thrive in it i'd say two" (probe22)
                           r"\b(?:i'?d|id|i would) say (?:an? |like )?([1-5]|one|two|three|four|five)\W*$|"
                           # "benefits are a 1 for me", "that's a solid 4 in my book" (probe27); a figure only:
                           # "it's one for me to think about" is no rating
                           r"\b(?:is|are|'s|was|were) (?:an? )?(?:solid |firm |clear |hard |strong |soft |weak )?"
                           r"([1-5]) (?:for me|to me|from me|in my book|on my list)\b")
# A word that may follow a rating in a clause of its own: "..., a 5, easy".
RATING_AFTERWORD = re.compile(r"easy|easily|honestly|tbh|lol|for sure|i guess|i think|probably|then|for me|"
                              r"from me|max|tops|at most|at least|no question|no doubt")
PERCENT = re.compile(r"(?<![\w.])(\d{1,3})\s*(?:%|percent|pct)(?!\w)")
# Two shares set against each other: "1:1", "60/40", "70-30" (not "3-4", a rating between two); a scale of
# five, ten or a hundred is no ratio.
RATIO = re.compile(r"(?<![\w.])(?:\d{1,3}(?:\.\d+)?\s*(?::|/(?!\s*(?:5|10|100)(?!\d)))\s*\d{1,3}(?:\.\d+)?|"
                   r"\d{2,3}-\d{2,3})(?![\w%]|\.\d)")
# A rating on a scale of ten or a hundred: "8/10", "a solid 9 out of 10", "money: 10/10 priority",
# "80/100". Not a count of things ("9 out of 10 startups fail"): what follows a scale in words must be the end,
# a stop, or a word that goes on rating (TEN_SCALE_AFTER); a slash rates whatever follows ("8/10 comfy").
TEN_SCALE = re.compile(r"(?<![\w.$£€/])(100|\d{1,2}(?:\.5)?)\s*(?:/\s*|out of |of )(100|10|ten)(?![\d%]|[/.]\d)")
TEN_SCALE_AFTER = re.compile(r"\s*(?:$|[^\w\s]|(?:priority|important|importance|for me|from me|for sure|"
                             r"tbh|honestly|ngl|lol|easy|easily|would|i'?d|id|i|maybe|probably|and|but|so|"
                             r"because|cause|cuz|since|though|yes|yeah|yep|no|nope|nah|at most|at best|tops|"
                             r"max|min|at least|on|in)\b)")
CLAUSE = re.compile(r"\s*(?:[,;:!?.]+|\s-+\s|—|–|\bbut\b|\bbecause\b|\bcause\b|\bcos\b|\bcuz\b|"
                    r"\bsince\b|\bas long as\b|\bthough\b|\bunless\b)\s*")
INTENSIFIERS = re.compile(r"\b(so|very|really|totally|absolutely|completely|extremely|super|hugely|"
                          r"deeply|100|always|love|hate|never|hell|big|huge|strongly|def|definitely|"
                          r"100%)\b")
# Words that make an answer emphatic: what separates 5 from 4, and 1 from 2.
STRONG = re.compile(r"\b(absolutely|totally|completely|definitely|literally|love|hate|hell|hard|never|"
                    r"most|top priority|number one|first priority|above all|"
                    r"always|nightmare|dream|miserable|non-negotiable|must|zero|easily|100|huge|"
                    r"everything|worst|best|exactly|so much|sooo+|obsessed|thrive|kills|bust|"
                    r"nothing|least|not even|at all|no way|big time|for sure|of course|strongly|"
                    r"catastroph\w*|disaster\w*|life or death|run a mile|die on|no room|any day|every single|"
                    r"cannot do without|can'?t do without|simply|forever|anything worse|to death|full stop|"
                    r"period|zero weight|in heaven|the only thing)\b")
# How someone feels about what the statement describes, in general words.
LIKING = re.compile(r"\b(love|loved|loving|enjoy|enjoyed|fun|blast|happiest|happy|excited|exciting|"
                    r"thrill|thrilling|dream|thrive|energi[sz]e[sd]?|comfort zone|my thing|my jam|"
                    r"into it|appeal|appeals|sounds great|great|amazing|awesome|fascinat\w*|"
                    r"drawn to|keen|eager|want|need|craves?|all in|sign me up|count me in|fine by me|"
                    r"(?:i'?d|id|i would) rather(?! not)|cope (?:\w+ )?well|prefer|buzz|rush|kick|hooked|"
                    r"interest(?:s|ed|ing)?|do (?:my )?best|do better|energi[sz]ing|thrive)\b")
DISLIKING = re.compile(r"\b(hate|hated|miserable|anxious|anxiety|stress\w*|nightmare|boring|bored|bores?|"
                       r"(?:un|dis)interested|"
                       r"drain\w*|exhaust\w*|burn ?out|wear me down|kills? me|scares? me|scary|"
                       r"terrif\w*|dread\w*|awful|horrible|overrated|stiff|suffocat\w*|cage|allergic|can'?t stand|"
                       r"not for me|not my thing|no thanks|pass|avoid|overwhelm\w*|frustrat\w*|"
                       r"don'?t care|couldn'?t care|doesn'?t matter|does nothing|bugs? me|bother(?:s|ed)? me|"
                       r"irks? me|annoy\w*|wears? me (?:down|out)|uneasy|nervous|worr(?:y|ied|ies)|shallow|"
                       r"scattered|uncomfortable|drives? me (?:nuts|crazy|mad|insane|up the wall|round the bend)|"
                       r"gets? on my nerves|"
                       r"unsettl\w*|freeze|swore off|give a (?:toss|damn|hoot)|care less|not me|wary|"
                       r"cautious|hesitant|reluctant|risk[- ]?averse)\b")
# How much one agrees, said alone as an amount: "a little" to "how much do you agree?" agrees a little.
A_LITTLE = re.compile(r"a (?:little|little bit|tad|tiny bit|wee bit|smidge)|slightly")
# Letters typed three times or more ("nooo", "yesss"): emphasis, read as one.
STRETCHED = re.compile(r"([a-z])\1{2,}")
# Long one-word answers whose misspellings are corrected when they open an answer.
ANSWER_WORDS = ("absolutely", "definitely", "totally", "completely", "strongly", "disagree", "probably",
                "certainly", "neutral")
# Words that follow an answering "no" in the same clause ("no i don't", "no thanks"); any other word
# makes "no" a determiner ("no dependents and some savings").
ANSWER_NO_FOLLOWERS = {"i", "im", "i'm", "id", "i'd", "ive", "i've", "not", "never", "thanks", "thank",
                       "way", "chance", "it", "its", "it's", "that", "thats", "that's", "this", "really",
                       "definitely", "absolutely", "sir", "just", "we", "you", "they", "me", "to", "nope",
                       "no", "nah", "sorry", "haha", "idea", "clue", "for", "but", "and", "because", "actually"}
# Answer words that also modify the words after them: "totally irrelevant", "zero worries".
MODIFIERS = re.compile(r"totally|absolutely|definitely|completely|very much|so much|exactly|zero|really|massively|"
                       r"hugely")
# Words that confirm the clause before them ("stability first, always", "depth, for sure"): at the end
# of an answer they are not its conclusion.
CONFIRMERS = re.compile(r"always|forever|any day|every time|for sure|of course|100%|100 percent|no doubt|"
                        r"no question|without (?:a )?(?:doubt|question)|big time|massively|hugely|very much|"
                        r"so much|exactly")
HEDGES = re.compile(r"\b(i guess|probably|maybe|kinda|kind of|sort of|sorta|somewhat|a bit|mostly|"
                    r"i think|i suppose|fairly|pretty|ish|not sure|partly|slightly)\b")


# How a feeling has changed: an answer alone ("less than I used to" is a mild no), a word on the answer
# after one ("I lean yes, but less than I used to")
CHANGES = re.compile(r"(?:less|more) than (?:i used to|before|i did)|less and less|more and more")


def says_nothing_alone(phrase: str) -> bool:
    """True for an answer word that, standing alone after other words, tones down or confirms them
    rather than answering ("depth, mostly", "stability first, always", "but definitely")."""
    return any(words.fullmatch(phrase) for words in (HEDGES, MODIFIERS, CONFIRMERS, CHANGES))


@dataclass(frozen=True)
class Reading:
    """What a typed answer was read as; `value` None means it could not be read with confidence: the model's
    doubt when `confidence` is above 0, else a rule's ("Calculated risk, yes. Reckless risk, no.")."""

    value: object
    confidence: float
    how: str  # "button", "number", "model", "rule" or "unread"


def first_clause(text: str) -> str:
    """The normalised first clause of a typed answer: up to its first comma, stop, dash or "but"
    ("nah, ..." gives "nah"), split before normalising takes the punctuation away. A clause of
    fillers only ("lol, ...") is skipped."""
    for part in CLAUSE.split(answers.lowered(text)):
        clean = answers.normalise(part)
        if clean:
            return clean
    return answers.normalise(text)


# Words that may stand before the answer word without changing it: "big yes", "oh hell no", "lol nope".
LEAD_FILLER = {"big", "hard", "oh", "uh", "um", "umm", "eh", "lol", "haha", "well", "ok", "okay", "so",
               "honestly", "tbh", "solid", "strong", "a", "very", "firm", "emphatic", "hmm", "ah", "omg", "lmao",
               "ugh", "ngl", "tbf", "obviously", "clearly"}

# Swear words said inside an answer phrase ("no freaking way", "hell fucking yes").
EXPLETIVES = {"freaking", "fricking", "frickin", "friggin", "fucking", "effing", "bloody"}


def _opening_words(text: str, fillers: set) -> List[str]:
    """The normalised words from the first that is not a filler ("big", "lol", "meh"), letters stretched
    for emphasis squeezed ("noooo" is "no")."""
    words = STRETCHED.sub(r"\1", answers.normalise(text)).split()
    while words and words[0] in fillers and words[1:2] != ["much"] and words[:2] != ["big", "time"]:
        # "very much no", "so much", "big time" are answers
        words = words[1:]
    return words


def _opening(text: str, fillers: set) -> str:
    """The opening words (_opening_words) joined, a swear word after the first left out and a misspelt
    first answer word corrected ("absolutly")."""
    words = _opening_words(text, fillers)
    if words[1:2] and words[1] in EXPLETIVES:
        del words[1]  # a swear word inside the answer phrase only makes it stronger: "no freaking way" (probe22)
    if words and len(words[0]) >= 5 and words[0] not in ANSWER_WORDS:
        close = difflib.get_close_matches(words[0], ANSWER_WORDS, n=1, cutoff=answers.TYPO_CUTOFF)
        words[0] = close[0] if close else words[0]
    return " ".join(words)


def sworn_opening(text: str) -> bool:
    """True when a swear word comes inside the answer phrase that opens the text ("hell fucking yes")."""
    words = _opening_words(text, LEAD_FILLER)
    return len(words) > 1 and words[1] in EXPLETIVES


def _opening_phrase(opening: str, k: Knowledge, neutral_only: bool = False) -> Optional[Tuple[str, int]]:
    """(phrase, point) of the longest agreement phrase the opening starts with, as whole words."""
    for phrase, point in answers.phrases(k):  # longest first
        if neutral_only and (point != NEUTRAL or " " not in phrase):
            continue
        if opening == phrase or opening.startswith(phrase + " "):
            return phrase, point
    return None


# Negations and intensifiers as other Englishes say them, read as the standard ones: Jamaican "nuh", Scots
# "cannae", "doesnae" (probe29's "Massive scale nuh excite me so much" read 5); British and Australian "dead
# important", "well keen", "heaps keen", American "wicked interested" (REST: "big name's dead important to me"
# unread), only before a word of feeling, as "dead end" and "well paid" are something else. Only where an
# answer is read: the model learns from its files as they are written.
OTHER_NEGATIONS = {"nuh": "not", "nae": "no", "canna": "can't", "cannae": "can't", "dinnae": "don't",
                   "dinna": "don't", "disnae": "doesn't", "doesnae": "doesn't", "didnae": "didn't",
                   "wouldnae": "wouldn't", "widnae": "wouldn't", "couldnae": "couldn't", "shouldnae": "shouldn't",
                   "isnae": "isn't", "wasnae": "wasn't", "willnae": "won't", "winnae": "won't",
                   "havenae": "haven't", "hasnae": "hasn't", "arenae": "aren't"}
OTHER_NEGATION = re.compile(rf"\b(?:{'|'.join(OTHER_NEGATIONS)})\b", re.I)
OTHER_INTENSIFIER = re.compile(
    r"\b(?:dead|well|proper|wicked|hella|heaps|mad|pure|bare|real)(?= (?:important|keen|excited|exciting|"
    r"interested|interesting|boring|bored|good|fun|happy|chuffed|stoked|into|against|scared|worried|nervous|"
    r"anxious|stressful|stressed|comfy|comfortable|bothered|fussed|useful|valuable|lekker|shiok)\b)", re.I)


def standard_english(text: str) -> str:
    """The text with other Englishes' negations and intensifiers (OTHER_NEGATIONS, OTHER_INTENSIFIER) as the
    standard ones, and emoji as words (answers.emoji_as_words)."""
    text = OTHER_NEGATION.sub(lambda match: OTHER_NEGATIONS[match.group().lower()], answers.emoji_as_words(text))
    return OTHER_INTENSIFIER.sub("very", text)


LONE_LETTERS = {"y": "yes", "n": "no"}


# An answer word opened by an exclamation: "Lord no.", "Oh heavens, no." (probe29, read 2), "God yes".
EXCLAIMED_ANSWER = re.compile(r"^\W*(?:(?:oh|ah|och)\W+)?(?:(?:good|dear|oh|my)\W+)?"
                              r"(?:lord|lawd|heavens?|god|gosh|goodness|christ|jeez|jesus)\W+"
                              r"(?P<word>no|nah|nope|yes|yeah|yep)\b")


def exclaimed(text: str, reading: Reading) -> Reading:
    """A plain answer made emphatic by the exclamation that opens it (EXCLAIMED_ANSWER), where it reads
    that answer word's side."""
    opened = EXCLAIMED_ANSWER.match(answers.lowered(text))
    if not opened or reading.value not in (NEUTRAL - 1, NEUTRAL + 1):
        return reading
    side = -1 if opened.group("word") in ("no", "nah", "nope") else 1
    return Reading(reading.value + side, 1.0, "rule") if (reading.value - NEUTRAL) == side else reading


# Savings judged in a word: "savings are ok", "my cushion is pretty thin", "runway isn't great".
RUNWAY_JUDGED = re.compile(
    r"\b(?:savings|runway|cushion|emergency fund|finances|buffer)\s+"
    r"(?:are|is|'s|look|looks|seem|seems|feel|feels)(?P<not>\s+not|n'?t)?\s+"
    r"(?:(?:pretty|quite|really|very|fairly|totally|reasonably|kinda|kind of|more than)\s+)?"
    r"(?:(?P<fine>ok|okay|fine|good|decent|solid|healthy|alright|all right|enough|sufficient|comfortable|great|"
    r"strong|covered|sorted)|(?P<short>low|thin|tight|short|small|limited|bad|poor|gone|nonexistent|non-existent|"
    r"shaky))\b")
# The question's own verb said back, ending its clause: "it does", "still does, sadly", "doesn't anymore". Not a
# question ("does a permanent resident need sponsorship?", probe33).
AUX_ECHO = re.compile(r"^\W*(?:(?:it|that|they|yes|yeah|yep|sadly|unfortunately|still|definitely|totally|"
                      r"absolutely|sure|oh|well)\W+)*(?:(?P<no>doesn'?t|does not|don'?t|do not)|does|do)"
                      r"(?!n'?t)(?:\s+(?:anymore|any more|now|yet|sadly|unfortunately|still|though|"
                      r"at the moment))*"
                      r"\s*(?:[,.;:!—–-]|$)")
# Australian and New Zealand English: "yeah nah" is a no, "nah yeah" a yes.
YEAH_NAH = {"yeah": 1, "yea": 1, "ya": 1, "nah": -1}

# When, before the answer word: "at this moment yes, ...", "right now no".
LEAD_TIME = re.compile(r"^(?:at (?:this|the) moment|right now|for now|for the moment|currently|these days|"
                       r"nowadays|today|now) ")


def lead_direction(text: str, k: Knowledge) -> int:
    """+1 or -1 when the message opens with an agreement word of the knowledge vocabulary ("nah, ...",
    "big yes. ...", "not really, ...", "probably not"), 0 when it opens otherwise or with a neutral
    word."""
    opening = _opening(text, LEAD_FILLER)
    found = _opening_phrase(opening, k)
    if found is None and LEAD_TIME.match(opening):
        # "At this moment yes, I still don't know in what I want to specialise." (probe21)
        opening = LEAD_TIME.sub("", opening, count=1)
        found = _opening_phrase(opening, k)
    if found is None or found[1] == NEUTRAL:
        return 0
    phrase, point = found
    rest = opening[len(phrase):].split()
    direction = 1 if point > NEUTRAL else -1
    said = list(itertools.takewhile(lambda word: word in YEAH_NAH, opening.split()))
    if len(said) >= 2 and len({YEAH_NAH[word] for word in said}) == 2:
        return YEAH_NAH[said[-1]]  # "nah yeah, I'd rather see my stuff used" (probe29): the last word answers
    if " " not in phrase and rest and _opening_phrase(" ".join(rest), k, neutral_only=True):
        return 0  # "so yeah it depends on the day ..." dictated (probe22), "kinda? not sure": it says neither
    if " " not in phrase and rest[:1] == [phrase]:
        return direction  # "No no, this promotion ladder business is what is killing me" (probe21)
    if phrase.endswith(" no") and rest:
        # "meh, no strong opinion": the "no" opens a neutral phrase, not "meh no"
        after = _opening_phrase(" ".join(["no", *rest]), k)
        if after and after[1] == NEUTRAL:
            return 0
    # The answer word ends its clause ("must have, no ifs or buts", "probably, ..."): it is the answer.
    if _opening(first_clause(text), LEAD_FILLER) == phrase:
        if direction > 0 and rest[:1] in (["no"], ["nah"], ["nope"]) and (
                rest[1:2] == [] or rest[1] in ANSWER_NO_FOLLOWERS or rest[1] in LEAD_FILLER):
            return -1  # "yeah, no, honestly not for me", as "yeah nah" said in one clause
        return direction
    if rest[:1] in (["not"], ["no"], ["never"], ["nah"], ["nope"]):  # "probably not", "yeah nah"
        if direction < 0 and rest[0] in ("no", "nah", "nope"):
            return direction  # "disagree no sorry agree ..." dictated (probe22): the no says the no again
        return -direction if direction > 0 else 0
    if rest and says_nothing_alone(phrase):
        # a word on the answer word after it: "absolutely disagree", "very much no", "100% disagree"
        then = _opening_phrase(" ".join(rest), k)
        if then and then[1] != NEUTRAL and not says_nothing_alone(then[0]):
            return 1 if then[1] > NEUTRAL else -1
    if rest and not all(word in LEAD_FILLER for word in rest) and (
            HEDGES.fullmatch(phrase) or MODIFIERS.fullmatch(phrase)
            or (phrase == "no" and rest[0] not in ANSWER_NO_FOLLOWERS)):
        # "kinda scary", "totally irrelevant", "zero worries", "no dependents": a word on the words
        # after it, not the answer
        return 0
    return direction


# The answer's last clause when it is an answer phrase: after "so" ("can't say I'm not, so yes", "never
# thought about it, so neutral"), or on its own after a comma ("I wouldn't call it a must, no").
HUNDRED_PERCENT = r"100 ?%|100 percent"
CONCLUSIONS = (
    re.compile(r"(?:^|[\s,.;:!])(?:so|thus|hence|therefore|bottom line|in short|tl;?dr)[\s,:]+"
               r"(?:i(?:'d| would)? (?:say |go with )?)?(?P<tail>[a-z' ]+?)(?:\s+(?:then|lol))?[\W_]*$"),
    re.compile(rf"[,;.!?—–]\s*(?P<tail>(?:{HUNDRED_PERCENT})?[a-z' ]+?)[\W_]*$"),  # emoji, stops after aside
    # Dictated, with no comma before it: "i don't really thrive in that no", "not that keen no" (probe22);
    # not "sometimes yes sometimes no", nor a yes or no said of something ("... or no", "i said no")
    re.compile(r"^(?![^,;.!?—–]*\b(?:yes|yeah|yep|yup|no|nope|nah|sometimes|some days)\b[^,;.!?—–]*\s\S+$)"
               r"[^,;.!?—–]*?\s(?<!\bor )(?<!\bsay )(?<!\bsaid )(?P<tail>no|nope|nah|yes|yeah|yep|yup)[\W_]*$"),
)
# A Slack vote closing an answer, after its own punctuation: "... +1", "broad and shallow. -1"
CLOSING_VOTE = re.compile(r"(?:[,.;:!?—–)]\s*|\s-\s|\s\s)(?P<sign>[+-])1\W*$")
# "I'd", "I would" before a phrase that is an answer without them ("would rather not")
WOULD_SAY = re.compile(r"^(?:i'?d|id|i would|would) ")
# What opens CONCLUSIONS' first pattern, before its answer.
SO_LEAD = re.compile(r"^\W*(?:so|thus|hence|therefore|bottom line|in short|tl;?dr)[\s,:]+")
ECHOED_NEVER = {"never", "never ever", "not once", "never once", "not ever"}
# Words that only weigh an answer phrase around them: "Definitely agree!", "Mostly agree.", "100% yes",
# "agree, mostly" end an answer as "agree" and "yes" do.
WEIGHING = re.compile(rf"(?:{MODIFIERS.pattern}|{CONFIRMERS.pattern}|{HEDGES.pattern}|strongly|strong|fully|"
                      rf"wholeheartedly|{HUNDRED_PERCENT})")
# The weighing words that make the phrase emphatic: "strongly no" is 1, "mostly agree" 4.
EMPHATIC = re.compile(rf"\b(?:strongly|strong|definitely|absolutely|totally|completely|fully|wholeheartedly)\b|"
                      rf"{HUNDRED_PERCENT}")


def _echoes_never(phrase: str, before: str) -> bool:
    """True for a "never" said again after one ("... has never excited me. Never."): no answer of its own."""
    return phrase in ECHOED_NEVER and re.search(r"\bnever\b", before) is not None


def _weighed_phrase(tail: str, points: Dict[str, int]) -> Optional[int]:
    """The point of an answer phrase said with words that weigh it ("definitely agree", "100% yes"), or
    None; the phrase itself must be an answer phrase ("definitely routine" is none)."""
    words = tail.split()
    while words and WEIGHING.fullmatch(words[0]):
        words.pop(0)
    while words and WEIGHING.fullmatch(words[-1]):
        words.pop()
    phrase = " ".join(words)
    return points.get(phrase) if phrase and phrase != tail else None


# Idioms whose direction the words alone get wrong: "more into it than not" is a mild yes.
FEELING_CHANGED = (r"\b(?:i find (?:it|that|this)|(?:it|that|this)(?:'s| is| feels| seems)) (?:(?:a lot|much|far|"
                   r"a bit|somewhat|a little) )?{} (?:interesting|exciting|appealing|important|attractive|fun|"
                   r"compelling|tempting)(?: to me)? than (?:i used to|it (?:once |used to )?(?:was|did)|before|"
                   r"in the past|back then|it used to be)\b")
MATTERS_CHANGED = (r"\b(?:it|that|this|they|the \w+) (?:matters?|counts?|appeals?)(?: to me)? "
                   r"(?:(?:a lot|much|far|a bit|somewhat|a little|even) )?{} (?:to me )?"
                   r"(?:now |these days |today )?"
                   r"than (?:when i (?:started|began|was \w+)|at first|before|in the past|back then|"
                   r"it (?:used to|once did|did))\b")
DIRECTION_IDIOMS = (
    (re.compile(r"\bmore (?:\w+ ){0,3}than not\b"), 1),
    (re.compile(r"\bmore (?:yes|yeah|agree) than (?:no|not|disagree)\b"), 1),
    (re.compile(r"\bmore (?:no|not|disagree) than (?:yes|yeah|agree)\b"), -1),
    (re.compile(r"\bmore in than out\b"), 1),
    (re.compile(r"\bmore out than in\b"), -1),
    # a lean said of the statement itself ("I'd lean towards it, just not wildly"), or a mild "against"
    (re.compile(r"\b(?:i'?d |i would |i )?(?:lean|tip|tilt)(?:ing)? (?:slightly |a bit |a little |gently )?"
                r"towards? (?:it|yes|agreeing|agree)\b"), 1),
    (re.compile(r"\b(?:mildly|slightly|somewhat|gently) against\b"), -1),
    # "Not a must exactly, but close to one"
    (re.compile(r"\bnot (?:a |an )?[\w-]+(?: [\w-]+)? exactly,? but close\b"), 1),
    (re.compile(r"\bcouldn'?t be (?:any )?more (?:drawn to|into|excited about|keen on) it\b"), 1),
    (re.compile(r"\bnot (?:that|very|all that|really|too|so) (?:drawn to|into|keen on|excited about) it\b"), -1),
    (re.compile(r"\b(?:the )?(?:very )?last thing i (?:want|need|care about)\b"), -1),
    (re.compile(r"\bno [\w' ]{1,25}[,.]? no deal\b"), 1),  # "no good salary, no deal": a must
    (re.compile(r"^(?:[\w']+ ){0,3}(?:the )?(?:opposite|other way round|other way around|reverse)\b"), -1),
    (re.compile(r"^\W*(?:i )?(?:lean|leaning|go|tilt|am|i'm|im)(?: \w+)? the other way\b"), -1),
    (re.compile(r"\bnot the end of the world\b"), -1),
    # "No problem at all, I love it": fine with it, where the idiom ends its clause ("no problem with X" is
    # something else); as other Englishes say it: Scots "nae bother" (probe29), Australian "no dramas", Nigerian
    # "no wahala" (not "no drama", which may ask for calm)
    (re.compile(r"^\W*no (?:problem|problemo|worries|bother|dramas|wahala|sweat)(?: at all| whatsoever)?"
                r"(?=\s*(?:[,.;:!?—–]|$))"), 1),
    # "I find it less interesting than it once was": a feeling for the statement's thing that has cooled, or
    # grown (REST, a formal senior: asked again)
    (re.compile(FEELING_CHANGED.format("less")), -1),
    (re.compile(FEELING_CHANGED.format("more")), 1),
    # "It matters to me more now than when I started" (probe35: read 2, the wrong way round)
    (re.compile(MATTERS_CHANGED.format("less")), -1),
    (re.compile(MATTERS_CHANGED.format("more")), 1),
    # "couldn't care less", "I couldn't be less interested": opening the answer and ending its clause, not "I
    # couldn't care less about stability" (probe32, after a thing asked back)
    (re.compile(r"^\W*(?:i )?(?:couldn'?t|could not) (?:care|be) (?:any )?less(?: interested| bothered)?"
                r"(?=\s*(?:[,.;:!?—–]|$))"), -1),
    # "I cannot work other way anymore." (probe21: read 1), "wouldn't have it any other way"
    (re.compile(r"\b(?:can'?t|cannot|couldn'?t|could not|wouldn'?t|would not) (?:work|live|function|have it|"
                r"imagine it|do it) (?:in )?(?:any )?(?:other|another) way\b"), 1),
    # "God forbid.", "Structured career path? God protect me, it's like army." (probe21)
    (re.compile(r"\b(?:god|heaven|heavens) (?:forbid|protect me|save me)\b"), -1),
    (re.compile(r"\b(?:the )?only thing i (?:care|think) about\b"), 1),
    (re.compile(r"\bnever (?:felt|been) (?:more|so|happier)\b"), 1),
    (re.compile(r"\b(?:couldn'?t|could not|can'?t|cannot) (?:agree|say (?:yes|it)) (?:more|enough)\b"), 1),
    # "no denying it, ...", "..., I can't deny that.": the pronoun ends its clause
    (re.compile(r"\b(?:no denying|(?:can'?t|cannot) deny) (?:it|that|this)\b(?=\s*(?:[,.;:!?—–]|$))"), 1),
    (re.compile(r"\bnot untrue\b"), 1),
    # a lean said in words: "I'd lean against it", "I'd lean toward agree"
    (re.compile(r"\b(?:lean|leaning|tilt|tilting) (?:against|away from) (?:it|that|this)\b"), -1),
    (re.compile(r"\b(?:lean|leaning|tilt|tilting)(?: toward| towards| to)? (?:agree|agreeing|yes)\b"), 1),
    (re.compile(r"\b(?:lean|leaning|tilt|tilting)(?: toward| towards| to)? (?:disagree|disagreeing|no)\b"), -1),
    # "I'd probably pass.", "eh, i'd pass": declined, where the pass ends its clause ("I'd pass on stability"
    # is the other side's)
    (re.compile(r"\b(?:i'?d|i would|i'?ll|i will) (?:probably |politely |happily |gladly |just )?pass"
                r"(?=\s*(?:[,.;:!?—–]|$))"), -1),
    (re.compile(r"\b(?:say(?:ing)?|said) no thanks\b"), -1),
    # "A must? Not even close, ...": the statement's word asked back, then denied (probe27)
    (re.compile(r"^\W*[^?.!]{1,30}\?\s*not even close(?=\s*(?:[,.;:!?—–]|$))"), -1),
    (re.compile(r"\b(?:doesn'?t|does not|don'?t|do not|never|(?:can'?t|cannot|wouldn'?t) say (?:it|that|this)) "
                r"(?:really )?floats? my boat\b"), -1),
    (re.compile(r"\bfloats? my boat\b"), 1),
    (re.compile(r"\bcount me in\b"), 1),
    (re.compile(r"\bcount me out\b"), -1),
    (re.compile(r"\b(?:could|can|would) (?:easily |happily )?live without (?:it|that|them)\b"), -1),
    # the statement's own verb denied: "I wouldn't say I thrive", "can't say I care"
    (re.compile(r"\b(?:wouldn'?t|would not|can'?t|cannot|couldn'?t) (?:really |honestly )?say (?:that )?i "
                r"(?:really )?(?:thrive|love|enjoy|care|need|want|crave|am fascinated|'?m fascinated)\b"
                r"(?! or\b)"), -1),
    (re.compile(r"^\W*(?:it|this|that) (?:matters|counts) (?:to me )?more than [\w ,]{0,60}?anything\b"), 1),
    # "I don't just cope with ambiguity, I go hunting for it": more than the statement says
    (re.compile(r"^\W*i (?:don'?t|do not) just [^.;!?]{2,40}[,;]\s*i\b"), 1),
    (re.compile(r"(?<!not )(?<!not an )(?<!not a )\b(?:an? )?(?:absolute |total |real )?must[- ]have\b"
                r"(?!\s*\?)"), 1),
    # "I'd prefer it, but it's not a dealbreaker": it is the statement, where the pronoun ends its clause
    # ("I'd prefer it small", "I like it when ..." say something else)
    (re.compile(r"^\W*(?:i'?d |i would |i )(?:really |still |kinda |kind of )?(?:like|love|enjoy|prefer) "
                r"(?:it|that|this)(?=\s*(?:[,.;:!?—–]|$))"), 1),
    # the last sentence denies outright: "... Not comfortable at all.", not a worry denied
    (re.compile(r"(?:^|[.!;]\s+)not (?!(?:worried|scared|afraid|bothered|fazed|concerned|stressed|nervous|"
                r"an issue|a problem|a big deal)\b)(?:[\w']+ ){0,3}at all\W*$"), -1),
    # "meh, not crucial", "meh, not a priority right now": a shrug at a thing denied is a mild no, unless
    # what is denied is doubt or a worry ("meh, not sure", "meh, not a big deal", "meh, not too worried")
    (re.compile(r"^\W*me+h+[\s,.!]+not (?!(?:(?:too|that|so|very|overly) )?(?:sure|bothered|fussed|certain|"
                r"decided|bad|terrible|awful|the worst|a problem|an issue|a big deal|a dealbreaker|worried|"
                r"scared|afraid|against|opposed)\b)(?:[a-z'-]+ ){0,3}[a-z'-]+\s*(?:[,.;:!?—–-]|$)"), -1),
    # a degree denied, alone in the first clause: "not that important.", "Mmm, not so needed."
    (re.compile(r"^\W*(?:(?:m+|hm+|um+|well|honestly|tbh|eh|meh|it'?s ok(?:ay)?|its ok(?:ay)?),? )?not (?:that|so|"
                r"very|too|particularly|"
                r"super|terribly|especially|overly|hugely|all that) [a-z'-]+(?: (?:to|for) me| now| tbh| "
                r"honestly| really| anymore| these days)?\s*(?:[,.;:!?—–-]|$)"), -1),
)


def conclusion(text: str, k: Knowledge, yes_no: bool = False) -> Optional[int]:
    """+1 or -1 when the message concludes with an agreement phrase ("..., so yes", "so no then",
    "... at midnight on a friday. absolutely not."); 0 when it concludes with a neutral one ("..., so
    neutral"); None when it does neither. With `yes_no`, only the knowledge file's affirm and deny
    words count ("savings? zero" is not a no)."""
    found = _concluding(text, k, yes_no)
    return found[0] if found else None


# Leans that close an answer after its reasons ("The 'reliable' half, sure; the 'must', not really. Leaning
# against.", probe34): its conclusion there, though no answer words alone. Said of the whole or of the statement
# ("I lean against the statement", "leaning agree on the whole").
CLOSING_LEANS = {"leaning against": 2, "lean against": 2, "i lean against": 2, "i'd lean against": 2,
                 "mildly against": 2, "slightly against": 2, "somewhat against": 2, "mostly not me": 2,
                 "not really me": 2, "leaning agree": 4, "lean agree": 4, "leaning towards agree": 4,
                 "leaning toward agree": 4, "mostly me": 4, "rejected outright": 1, "firmly no": 1, "flatly no": 1}
OF_THE_WHOLE = re.compile(r"\s+(?:on the whole|overall|on balance|all in all|(?:with |to )?the statement|it)$")


def closing_lean(phrase: str) -> Optional[int]:
    """The point of a CLOSING_LEANS phrase, said of the whole or not ("leaning agree on the whole"); None for any
    other phrase."""
    return CLOSING_LEANS.get(OF_THE_WHOLE.sub("", phrase))


def _concluding(text: str, k: Knowledge, yes_no: bool = False,
                plain: bool = False) -> Optional[Tuple[int, int, str]]:
    """(direction, where the conclusion starts, its answer phrase) for `conclusion`. With `plain`, any answer
    phrase as the knowledge file has it concludes, weighed ones, an echoed "never" and a dictated one with no
    comma aside: how the training set's reasons are cut (`reason_alone`), kept so that the model is the one
    measured."""
    lower = answers.lowered(text)
    vote = None if plain else CLOSING_VOTE.search(lower)
    if vote:
        # "... nice to have for perf season. +1": a vote closing the answer is its verdict (probe25)
        return (1 if vote.group("sign") == "+" else -1), vote.start(), vote.group("sign") + "1"
    for pattern in CONCLUSIONS[:2] if plain else CONCLUSIONS:
        match = pattern.search(lower)
        tail = match.group("tail").strip() if match else None
        if pattern is CONCLUSIONS[1] and tail and says_nothing_alone(tail):
            continue  # "depth, mostly", "NO. stability first, always.": a word on what came before
        if not plain and match and _echoes_never(tail, lower[:match.start()]):
            continue  # "Small data has never excited me. Never.": the never said again, no answer
        points = k.yes_no_points if yes_no else k.answer_points
        point = points.get(tail)
        if point is None and tail and not plain:
            # "... wore me down. would rather not": the phrase said with its "I would"
            unsaid = points.get(WOULD_SAY.sub("", tail))
            point = _weighed_phrase(tail, points)
            if point is None and unsaid not in (None, NEUTRAL):
                point = unsaid  # not "i'd pass", which declines (DIRECTION_IDIOMS)
        if point is None and tail and not plain and not yes_no:
            point = closing_lean(tail)
        if point is None and tail and not plain and not yes_no and pattern is CONCLUSIONS[0]:
            # "I've only just started earning, so I'd be reluctant." (probe23): the words after the "so"
            point = formal_verdict(SO_LEAD.sub("", lower[match.start():], count=1))
        if point is not None and point > NEUTRAL and conceded(CLAUSE.split(lower[:match.start()])[-1]):
            continue  # "..., so not really a must. Nice to have, sure."
        if point is not None:
            return (point > NEUTRAL) - (point < NEUTRAL), match.start(), tail
    return None


# Words that weigh an answer phrase: "mild no", "strong yes", "slightly agree".
STRENGTH_WORDS = re.compile(r"100 ?%|\b(?:strong|strongly|mild|mildly|slight|slightly|soft|hard|big|totally|"
                            r"completely|absolutely|definitely|somewhat|must|mandatory|indispensable|non-negotiable|"
                            r"non negotiable)\b")


def strength_concluded(text: str, k: Knowledge) -> Optional[int]:
    """The point of a concluding answer phrase that says how strongly ("... Strong no."), or None."""
    found = _concluding(text, k)
    if not found or not found[1]:
        return None
    phrase = found[2]  # after a comma, or after "so" ("... so strong disagree", probe22)
    if phrase in ("+1", "-1"):
        return 4 if phrase == "+1" else 2  # a vote is a plain agree or disagree, as one alone is
    lean = closing_lean(phrase)
    if lean is not None and phrase not in k.answer_points:
        return lean  # "... leaning agree on the whole": a lean weighs itself
    point = k.answer_points.get(phrase)
    if point is None:
        point = _weighed_phrase(phrase, k.answer_points)  # "strongly no", "mostly agree"
        if point is not None and point != NEUTRAL:
            strong, mild = (1, 2) if point < NEUTRAL else (5, 4)
            point = strong if EMPHATIC.search(phrase) else mild if HEDGES.search(phrase) else None
    return point if point is not None and STRENGTH_WORDS.search(phrase) else None


# The answer word's clause and the rest: "nah, I've got a mortgage".
REASON_AFTER = re.compile(r"^(?P<head>.*?)(?:[,;:!.?]+|\s-+\s|—|–)\s*(?P<rest>.+)$", re.S)
# What goes on from the answer word without being a reason of its own: "yes, but ...", "no. maybe later".
NOT_A_REASON = re.compile(r"^(?:but|though|although|unless|except|if|only|and|or|then|so|maybe|not|no|yes)\b",
                          re.I)


def reason_alone(text: str, side: int, k: Knowledge) -> Optional[str]:
    """The reason of an answer that says its answer word apart from it, on `side` (+1 or -1): "nah,
    I've got a mortgage" and "I've got a mortgage, so no" give "I've got a mortgage". None when the
    answer has no such word, or what is left is no reason on its own (fewer than three words, another
    answer word, a "but ...")."""
    text = text.strip()
    reason = None
    if lead_direction(text, k) == side:
        match = REASON_AFTER.match(text)
        opening = _opening(match.group("head"), LEAD_FILLER) if match else ""
        found = _opening_phrase(opening, k) if opening else None
        if found and found[0] == opening:  # the answer word alone in its clause
            reason = match.group("rest").strip()
    else:
        concluded = _concluding(text, k, plain=True)
        if concluded and concluded[0] == side:
            reason = text[:concluded[1]].strip().rstrip(",;:—–-").strip()
    if (not reason or len(reason.split()) < 3 or NOT_A_REASON.match(reason)
            or lead_direction(reason, k) or _concluding(reason, k, plain=True) is not None):
        return None
    return reason


# An answer word alone in its clause after a concession or a "so": "I absolutely love my team, but no, I
# don't need a ladder", "I'd love to say yes but I'm on a visa, so honestly no, ...".
CONCESSION = re.compile(r"(?:\bbut|(?:^|(?<=[,.;:!?—–]))\s*so\b)\s*[,;:]?\s*"
                        r"(?:(?:honestly|tbh|really|still|overall|ultimately|in the end|for me|personally|"
                        r"then again)\s*[,;:]?\s*)?(?P<answer>[a-z' ]+?)\s*(?:[,.;:!?—–]|$)")


def concession(text: str, k: Knowledge) -> int:
    """+1 or -1 for the last answer word standing alone in its clause after a "but" or a "so" opening
    a clause (CONCESSION); 0 when there is none, or it is neutral, a hedge or a word on what came
    before ("but definitely")."""
    lower = answers.lowered(text)
    for match in reversed(list(CONCESSION.finditer(lower))):
        answer = match.group("answer").strip()
        if says_nothing_alone(answer):
            continue
        point = k.answer_points.get(answer, NEUTRAL)
        if point != NEUTRAL:
            return 1 if point > NEUTRAL else -1
    return 0


# A point granted, opening an answer that then turns ("True, ...", "Sure, ...", "Granted, ..."): no answer word
GRANTED = r"(?:sure|true|granted|fair(?: enough)?|ok(?:ay)?|yeah(?: yeah)?|i get it|i see the appeal|admittedly|" \
          r"of course|agreed|right)"
# ... of which these grant a point and are no answer word: "Yeah, I'd like that. Important, though ..." answers
GRANTED_ONLY = r"(?:true|granted|fair(?: enough)?|i get it|i see the appeal|admittedly|of course)"
# Words that say the answer is being changed, anywhere in it.
MIND_CHANGED = re.compile(r"\b(?:actually|wait|scratch that|strike that|or rather|second thoughts?|misread|"
                          r"correction|rethink|thinking about it|on reflection)\b")
# A sentence that goes on from the one before: "Inchallah it works... but honestly I am between the two."
TURN_OPENS = re.compile(r"^\W*(?:but|though|however|yet|still|although|except|unless|and|or)\b")
# How sure the reading of a part of an answer (a short opening or closing sentence, a conclusion after "so") must
# be to read an answer the model could not, and of a one-word opening to stand against one it read the other way.
VERDICT_SURE = 0.9
OPENING_VERDICT_SURE_AGAINST = 0.99
# Where a story's sentence ends.
STORY_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A point granted, then a turn; these may also open the story's later sentences ("I've worked at a famous
# company. The name opened some doors, sure, but I couldn't care less about it now.").
GRANTED_TURNS = (
    # a granted point: "it can help, sure, but I don't care much"
    re.compile(r"^[^.!?;]{3,}?[,;]\s*(?:sure|granted|true|fair enough|of course|admittedly)[,!.]?\s+but\b"
               r"[, ]*(?P<rest>.+)$"),
    # a point granted first, then a turn: "True, equity can pay off. On balance I'm more comfortable ...",
    # "Sure, X sounds useful. But I want ...", "OK, X is comfortable, but what I want is ..."
    re.compile(rf"^\W*{GRANTED}[,!.]+\s+[^.!?;]{{3,}}?(?:[.!?;]+\s*|[,;]?\s+)(?:but|still|yet|however|that said|"
               r"even so|then again|on balance|in the end|in practice|given the choice|personally)\b[, ]*"
               r"(?P<rest>[^.!?]*\w.*)$"),
)
# Openings that hand the answer to what follows them: a concession ("I totally get why people love it,
# but ...", "reach is nice, but ..."), a disclaimer ("it's not that I don't like variety, I just ..."),
# and a story that turns ("I took a risk once and it didn't pan out. This time I want ...").
TURNS = (
    re.compile(r"^(?:(?:honestly|tbh|ok|okay|look|i mean|sure)[, ]+)?(?:i (?:\w+ )?know\b(?! what i)|"
               r"i (?:\w+ )?(?:tell myself|used to (?:think|believe|want|love|like|say))\b|i (?:\w+ )?(?:get|"
               r"understand|see|"
               r"appreciate|respect|admire) (?:why|that|how|the \w+|what)|i (?:\w+ )?(?:envy|admire) "
               r"(?:people|those|folks|anyone|friends|colleagues|coworkers|my \w+)|"
               r"i (?:don'?t|do not) (?:hate|mind|dislike)|[\w' -]{1,40}? "
               r"(?:is|are|sounds|seems|looks|would be) (?:\w+ )?(?:nice|cool|great|fine|ok|okay|interesting|"
               r"tempting|impressive|appealing|fun|good|a plus|nice to have|neat|lovely|exciting|attractive|shiny|"
               r"fascinating|flashy|"
               # a fault granted first: "promo packet rubric is tedious, but a written ladder beats founder vibes"
               r"tedious|annoying|boring|slow|painful|frustrating|a pain|a drag|overhyped|overrated))\b"
               r"[^.!?;]*?\bbut\b[, ]*"
               r"(?P<rest>.+)$"),
    # only before a clause ("not that I mind chaos, ..."), not a degree ("Not that much. Did some Spark ...")
    re.compile(r"^(?:it'?s |its )?not that\b(?=[^,;.]*\b(?:i|i'?m|i'?d|i'?ve|you|they|we|it'?s|is|are|was|"
               r"were|does|doesn'?t|don'?t|isn'?t|can'?t|matters?|means?|helps?)\b)[^,;.]*[,;.]\s*(?:but\s+)?"
               r"(?P<rest>.+)$"),
    re.compile(r"[.!;]\s*(?:so\s+)?(?:this time|next time|from now on)[, ]+(?P<rest>.+)$"),
    # a claim disowned, then the answer: "I wouldn't say I'm chasing prestige, but the network does matter"
    re.compile(r"^(?:i )?(?:wouldn'?t|would not|won'?t) (?:really |exactly )?say\b[^.!?;]*?\bbut\b[, ]*"
               r"(?P<rest>.+)$"),
    *GRANTED_TURNS,
    # the turn said later in the next sentence, after a point granted: "Granted, X has value. I'd be happier
    # ... though"
    re.compile(rf"^\W*{GRANTED_ONLY}[,!.]+\s+[^.!?;]{{3,}}?[.!?;]+\s*(?P<rest>(?=[^.!?]*\b(?:though|still|rather|"
               r"prefer|instead|on balance|what i want)\b)[^.!?]*\w.*)$"),
    # "X? Sure, in theory. In practice ...": the practice is the answer
    re.compile(r"\bin theory\b[^.!?;]*[.!?;,]+\s*(?:but\s+)?in practice[, ]*(?P<rest>.+)$"),
    # what one is on paper, then what one wants: "I'm a specialist by training but I'd love to broaden" (REST, in
    # my own words: read 2)
    re.compile(r"^(?:i'?m|i am|i was)\b[^.!?;]*?\b(?:by (?:training|trade|background|education)|on paper|"
               r"technically|officially)\b[^.!?;]*?\bbut\b[, ]*(?P<rest>.+)$"),
)
# A question back, then the answer: "Stability or a bigger payday? Bigger payday, without hesitation."; not
# an answer asked ("i think yes? ...").
ASKED_BACK = re.compile(r"^(?![^?]*\b(?:yes|yeah|yep|no|nope|nah|maybe|sure|probably|agree|disagree|neutral|kinda|"
                        r"sorta|idk|dunno|meh|unsure|somewhat|mostly|[1-5])\W*\?)"
                        r"[^?]*\w[^?]*\?+\s*(?P<rest>[^?]*\w[^?]*)$", re.I)


# The statement's topic named first, then the answer to it: "Brand name... I'm neutral on that.", "Salary, eh,
# I'm neutral.", "Brand? Means nothing." The topic's words alone read as a yes ("Brand name... I'm neutral" was
# 5: probe24). A topic is a side's phrase with at most one other word, or two sides named ("Breadth, depth...").
TOPIC_MARK = re.compile(r"\s*(?:\.{2,}|…|[:?]+|[.,;!]+|\s[-—–]+)\s*")
TOPIC_APART = re.compile(r"\s*(?:\.{2,}|…|[:?]+)")
TOPIC_FILLER = re.compile(r"^(?:(?:hm+|um+|uh+|ok(?:ay)?|so|ugh+|ah+|oh+|well|sigh|lol|honestly|tbh|ngl|"
                          r"frankly)\W+)+")
# Indifference said alone: "I don't really care", "dont care much".
INDIFFERENT_ALONE = re.compile(r"^\W*(?:(?:honestly|tbh|eh|meh|ngl|ok|well|i mean)\W+)*(?:i )?(?:don'?t|do not) "
                               r"(?:really |much |particularly |actually |even )?care(?: (?:much|that much|a lot|"
                               r"about (?:it|that|this)))?\W*$")
# A clause with a subject of its own, after fillers: "I don't really care", "ugh, I used to want it", "it's nice";
# not a hedge on the topic named ("Breadth, I think, though I used to want depth").
OWN_CLAUSE = re.compile(r"^(?:(?:ugh+|hm+|um+|meh|well|honestly|tbh|ok(?:ay)?|so|lol|oh)\W+)*"
                        r"(?:i|i'm|im|i'd|id|i've|ive|it|it's|its|that|that's|thats)\b"
                        r"(?! (?:think|guess|suppose|reckon|believe|say|mean)\b)")
TOPIC_PARTS = re.compile(r"\s*(?:,|/|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*")
NOT_A_TOPIC_WORD = re.compile(r"^(?:more|less|most|least|much|too|enough|very|so|only|just|high|higher|low|lower|"
                              r"small|little|zero|any|some|all|every|lots|lot|i|me|it|is|was|are)$")


def _topic_side(words: str, criterion: Dict[str, Any]) -> Optional[int]:
    """+1 or -1 when the words are one side's phrase and at most one word more, else None."""
    found = _side_spans(words, criterion, any_form=True)
    if not found or len({side for _, side in found}) > 1:
        return None
    covered = set()
    for (start, end), _ in found:
        covered.update(range(start, end))
    left = [word for word in re.finditer(r"[\w'&-]+", words) if word.start() not in covered]
    if len(left) > 1 or any(NOT_A_TOPIC_WORD.match(word.group()) or NEGATION_WORDS.match(word.group())
                            for word in left):
        return None
    return found[0][1]


def _topic_opening(text: str) -> str:
    """The answer lower-cased, fillers before a topic dropped ("honestly? depth." is "depth.")."""
    return TOPIC_FILLER.sub("", answers.lowered(text).strip())


def other_topic_answered(text: str, question: str, k: Knowledge) -> Optional[str]:
    """The other statement an answer speaks to: its topic set apart and answered with an answer word alone
    ("salary? yes. rent is insane" typed at the impact statement: REST, noted as impact 5), or one of its sides
    alone in the first clause ("depth." typed at pace: noted as 1). None when the answer names this statement's
    sides anywhere, or what follows a topic asked says more than an answer word."""
    lower = _topic_opening(text)
    criterion = k.criteria.get(question)
    mark = TOPIC_MARK.search(lower)
    head, rest = (lower[:mark.start()], lower[mark.end():]) if mark else (lower, "")
    if not criterion or _words_side(answers.normalise(text), criterion, any_form=True):
        return None
    other = next((cid for cid, other in k.criteria.items()
                  if cid != question and _topic_side(head, other) is not None), None)
    if other and mark and TOPIC_APART.match(mark.group()):
        # the topic asked, then answered: only an answer word alone is sure to answer it
        first = first_clause(rest)
        if not first or answers.parse_agreement(first, k) in (None, NEUTRAL) or len(first.split()) > 3:
            return None
    elif mark and not re.fullmatch(r"\s*[.!]+\s*", mark.group()):
        return None  # "A predictable, secure job suits me more" at risk: a sentence goes on after a comma
    # else the other statement's side alone, a sentence of its own: "honestly? depth. i'm tired of ..." at pace
    return other


# A statement that weighs its side against another ("rather ... than ...", "matters more ... than ..."): naming
# one side alone chooses it.
WEIGHS_TWO_SIDES = re.compile(r"\bthan\b")


def own_topic_alone(text: str, question: str, k: Knowledge) -> bool:
    """True when the answer is only the statement's own topic ("pace", "Scale!") and the statement weighs no
    other side against it: the topic says what the answer is about, not how much one agrees (REST: "pace" at
    pace was noted as 4). Where the statement weighs two sides, naming one chooses it ("depth" at breadth is
    a no)."""
    criterion = k.criteria.get(question)
    if not criterion or WEIGHS_TWO_SIDES.search(criterion["statement"]):
        return False
    # fillers before it dropped, but not a "please" after it: "ladder pls" asks for one (probe15)
    said = " ".join(re.findall(r"[\w&'-]+", _topic_opening(text)))
    return said in {question, *(word.lower() for word in criterion["synonyms"])}


def topic_named_first(text: str, question: str, k: Knowledge) -> Optional[Tuple[Optional[int], str]]:
    """(side, rest) when the answer opens with the statement's topic named alone (TOPIC_MARK after it):
    side is +1 for the statement's side, -1 its opposite, 0 both, None for a topic not set apart
    (TOPIC_APART); rest is what follows."""
    criterion = k.criteria.get(question)
    lower = _topic_opening(text)
    if not criterion:
        return None
    marks = list(TOPIC_MARK.finditer(lower))
    for mark in marks[:2]:
        head, rest = lower[:mark.start()], lower[mark.end():]
        if not re.search(r"\w", rest) or len(head.split()) > 6 or re.search(r"[^\w\s'&/,.-]", head):
            return None  # "equity > salary, mostly" compares
        if re.search(r"\bneutral\b", head):
            return None  # "Risk-neutral: show me the EV first" is undecided, not the topic named (probe27)
        sides = [_topic_side(part, criterion) for part in TOPIC_PARTS.split(head) if part]
        if sides and None not in sides:
            # a topic set apart ("Brand? ...", "Brand... ", "Brand: ...") is answered by what follows; after a
            # comma or a full stop what follows may go on with it, so only its undecided answer is taken
            # so is one followed by a clause with a subject of its own ("salary, I don't really care", "structure,
            # ugh, I used to want it, now no": REST, in my own words, both read 5 by the topic's words)
            apart = TOPIC_APART.match(mark.group()) or OWN_CLAUSE.match(rest)
            side = (sides[0] if len(set(sides)) == 1 else 0) if apart else None
            return side, text[len(text) - len(rest):]
        if mark.group().strip() in (",", "/") or " or " in mark.group():
            continue  # "Breadth, depth... ": the topic may go on after a comma
        return None
    return None


def answer_part(text: str) -> Optional[str]:
    """The part of an answer after an opening that hands the answer on (TURNS), or after a point granted
    at the start of a later sentence (GRANTED_TURNS), or None."""
    lower = answers.lowered(text).strip()
    later = [lower[end.end():] for end in STORY_SENTENCE.finditer(lower)]
    tried = [(turn, lower) for turn in TURNS] + [(turn, part) for part in later for turn in GRANTED_TURNS]
    for turn, part in tried:
        match = turn.search(part)
        if match and match.group("rest").strip(" .!"):
            return match.group("rest").strip()
    return None


# A correction in the same message: the person answers one way, then settles on another ("yes, hmm no,
# not really", "id say 4, actually no, 5", "no... ok honestly yes, it matters a bit"). Clauses are read
# in turn; words that open a clause without answering (CORRECTING) are set aside.
CLAUSE_OPENERS = (r"hm+|um+|uh+|oh|ok|okay|well|actually|wait|so|honestly|tbh|sorry|fine|i mean|"
                  r"(?:to |if i'?m |let me |gotta |have to )?be honest|if i'?m honest|scratch that|strike that|"
                  r"or rather|on second thoughts?|misread|correction|(?:i'?d|id|i would) (?:say|go(?: with)?)|"
                  r"make (?:it|that)|more like|call it|it'?s|its")
CORRECTING = re.compile(rf"^(?:(?:{CLAUSE_OPENERS})\b[\s,]*)+")
# Before a number, a "no" also takes back the number before it ("id say 2, no make that 3"), and a hedge
# is no answer of its own ("maybe a 2").
BEFORE_NUMBER = re.compile(rf"^(?:(?:{CLAUSE_OPENERS}|no|nope|nah|maybe|probably|prob|like|around|about|solid)"
                           r"\b[\s,]*)+")
# A change of mind needs one of these between the two answers: "yes, no" alone is no correction.
CHANGE_OF_MIND = re.compile(r"\b(?:hm+|um+|well|actually|wait|ok|okay|honestly|sorry|fine|be honest|"
                            r"honest|scratch that|strike that|or rather|second thoughts?|misread|correction|"
                            r"make (?:it|that)|more like|no|nope|nah)\b")
# Declining to answer is skipping: "let's leave this one blank", "rather not answer this one".
NOT_ANSWERING = re.compile(r"\b(?:leave (?:this|that|it)(?: one)? (?:blank|empty|out)|"
                           r"(?:rather|prefer) not (?:to )?answer|no answer)\b")
# The answer the person asks to be recorded: "I keep going back and forth, put me down as neutral".
PUT_DOWN_AS = re.compile(r"\b(?:put|mark|count|write) me (?:down )?(?:as|for) (?:an? )?(?P<rest>[\w' -]+?)\W*$")
HEDGED_ISH = re.compile(r"(?<=[a-z])-ish\b")
CLAUSE_SPAN = re.compile(r"[^,;:!?.…—–\n]+")  # a new line too: "yes\nhm no, not rly"
NUMBER_OPENS = re.compile(r"(?:an? )?(?:[1-5]|one|two|three|four|five)\b")
MIND_CHANGES_HERE = re.compile(r"\s(?=(?:wait|actually|hm+|scratch that|strike that|or rather|"
                               r"on second thoughts?|sorry)\b)")
# Words that take the answer before them back, whatever follows: "nah scratch that, I do want clear criteria".
RETRACTION = re.compile(r"\b(?:scratch that|strike that|on second thoughts?|i take (?:that|it) back|"
                        r"nvm|never ?mind|let me (?:rethink|rephrase|correct)(?: (?:that|myself))?)\b[\s,:.!…—–-]*"
                        r"(?P<rest>\w.*)$",
                        re.S)


def self_correction(text: str, k: Knowledge) -> Optional[str]:
    """What settles an answer that changes its mind: what follows words that take an answer back
    (RETRACTION), or the text from the last clause that answers otherwise than the first answering clause
    did, with a change-of-mind word between them; None when the answer does not change. A number is
    corrected by another number, an answer word by an answer word on the other side or a neutral one."""
    lower = answers.lowered(text)
    # a change-of-mind word opens a clause of its own, commas or not ("yes wait no, ..."); one character
    # for one, so that places in `lower` are places in `text`; a ratio ("1:1") is no number said
    split = RATIO.sub(lambda ratio: "r" * len(ratio.group()), MIND_CHANGES_HERE.sub(",", lower))
    said: List[Tuple[int, str, int, int]] = []  # (answer starts, "number" or "side", value, clause ends)
    points: Dict[int, Optional[int]] = {}  # the point of a side's answer phrase, by where it starts
    for clause in CLAUSE_SPAN.finditer(split):
        body = clause.group().strip()
        opened = CORRECTING.sub("", body)
        if not answers.normalise(opened):
            continue
        where = clause.start() + clause.group().index(body) + len(body) - len(opened)
        digits = BEFORE_NUMBER.sub("", opened)
        number = rating_number(digits) if NUMBER_OPENS.match(digits) else None
        if number is not None:
            said.append((where + len(opened) - len(digits), "number", number, clause.end()))
            continue
        opened = HEDGED_ISH.sub("", opened)  # "agree-ish" is a side: the model weighs how strongly
        phrase = _opening_phrase(_opening(opened, LEAD_FILLER), k)
        if phrase and says_nothing_alone(phrase[0]):
            continue  # "no, mostly", "yes, definitely": a word on the answer before it
        if only_neutral(opened, k):
            said.append((where, "side", 0, clause.end()))
        elif side := lead_direction(opened, k):
            said.append((where, "side", side, clause.end()))
            points[where] = phrase[1] if phrase else None
    source = text if len(text) == len(lower) else lower  # the person's capitals, where places agree
    retracted = RETRACTION.search(lower)
    if said and retracted and said[0][0] < retracted.start():
        return source[retracted.start("rest"):].strip()
    if len(said) < 2:
        return None
    settled, _, _, _ = said[-1]
    if said[-1][1] == "number" and said[-2][1] == "side" and CHANGE_OF_MIND.search(lower[said[-2][3]:settled]):
        return source[settled:].strip()  # "love it, no wait, more like a 4": a number settled on counts alone
    _, kind, first, first_ends = said[0]
    current, changed = first, None
    for where, then_kind, value, _ in said[1:]:
        if then_kind == kind and value != current:
            current, changed = value, where  # the start of the last run of answers on one side
    if current == first and kind == "side":
        # the same side said again, more or less strongly: "agree. no, strongly agree", "disagree — no, strongly
        # disagree" (probe38: each read at the first one's strength)
        last = said[-1][0]
        was, now = points.get(said[0][0]), points.get(last)
        if (said[-1][1] == "side" and said[-1][2] == first and None not in (was, now) and now != was
                and CHANGE_OF_MIND.search(lower[first_ends:last])):
            return source[last:].strip() or None
        return None
    if current == first or not CHANGE_OF_MIND.search(lower[first_ends:changed]):
        return None
    return source[changed:].strip() or None


# A rhetorical question says its answer: "who wouldn't want X?" is "I really want X", "why would I care
# about X?" is "I don't care about X". Read as a question, it was asked again; read by the model as it
# stands, "wouldn't" turned it round.
# The question ends where the pattern does: "why would anyone turn down a fat paycheck?" has a verb the
# pattern doesn't know, and is no "why would anyone?" with words after it.
QUESTION_ENDS = r"(?=\s*[?.!,;]|\s*$)\?*"
RHETORIC = (
    (re.compile(r"^(?:who|what \w+) (?:wouldn'?t|would not|doesn'?t|does not|don'?t)"
                r"(?: (?P<verb>want|love|like|enjoy|need)(?P<rest>[^?]*))?" + QUESTION_ENDS),
     "i really {verb}{rest}", "yes"),
    (re.compile(r"^why (?:would|should) (?:i|anyone|one)(?: (?P<verb>care about|care|want|need|like|"
                r"risk|trade|spread|wait)(?P<rest>[^?]*))?" + QUESTION_ENDS), "i don't {verb}{rest}", "no"),
    (re.compile(r"^who cares(?: about)?(?P<rest>[^?]*)" + QUESTION_ENDS), "i don't care about{rest}", "no"),
    # "who needs a fat paycheck when the work is fun? not me", "who wants safe and boring?": nobody; not where
    # the person answers it themselves ("who wants scale? me!")
    (re.compile(r"^who(?:'d| would)? (?P<verb>want|need|trade|pick|choose|enjoy|like|love|get excited about|"
                r"care about)s?\b(?P<rest>[^?]*)\?+"
                r"(?!\s*(?:me|i do|i would|i'?d|we do|everyone|everybody)\b)"), "i don't {verb}{rest}", "no"),
    # "who gets excited about bigger clusters? not me really" (probe33)
    (re.compile(r"^who (?P<verb>get)s excited about\b(?P<rest>[^?]*)\?+"
                r"(?!\s*(?:me|i do|i would|i'?d|we do|everyone|everybody)\b)"),
     "i don't {verb} excited about{rest}", "no"),
)
# What a rhetorical question with no object of its own says of the statement: "who wouldn't want
# that?" is a yes to it.
NO_OBJECT = {"", "that", "this", "it", "one"}


# Another's view, or the person's own of the past, reported first and then answered: "my mentor says big brands
# are overrated. Completely agree, they mean nothing to me", "I used to find big data exciting. Now it bores me
# senseless" (probe31). What the person says now is the answer; an answer word in it answers the other person.
# Who may hold a view of the person: people close to them or at work, and "he", "she", "they"; a name too, said
# with a capital and a verb of one person ("Dan says", "Priya's obsessed"), not "hard to say" nor "id say".
PEOPLE = frozenset((
    "wife husband partner spouse girlfriend boyfriend gf bf fiance fiancee mom mum mother ma dad father parents "
    "parent folks family brother bro sister sis siblings sibling cousin uncle aunt grandma grandpa friend "
    "friends bestie roommate flatmate mentor manager boss lead advisor adviser supervisor pi prof professor coach "
    "therapist recruiter recruiters colleague colleagues coworker coworkers co-worker co-workers teammate "
    "teammates team peer peers labmate labmates classmate classmates everyone everybody people he she they"
).split())
SAYING = (r"(?P<verb>says|said|say|thinks|thought|think|tells me|told me|reckons|reckoned|assumes|assumed|figures|"
          r"figured|warned(?: me)?|warns(?: me)?|swears|swore|insists|insisted|believes|believed|claims|claimed|"
          r"jokes|joked|teases(?: me)?|teased(?: me)?|tease me|calls me|called me|asked(?: me)?|asks(?: me)?|"
          r"wants me|wanted me|expects|expected|pushes me|pushed me|predicted|predicts|advised(?: me)?|"
          r"advises(?: me)?|suggests|suggested|argues|argued|raised me on|sneered|sneer|(?P<feels>loved|loves|"
          r"hated|hates|brags about|bragged about)|"
          r"(?:keeps|kept) (?:telling|saying|reminding|asking|calling|pushing)(?: me)?|(?:always|once|used to) "
          r"(?:said|say|says|told me|tell me|called|call)|(?:would|'d|will|'ll) (?:say|tell me|call)|"
          r"(?:would|'d) have said|would've said|(?:is|was|'s|are|were|'re) (?:convinced|sure|obsessed|certain))")
# Words that open a sentence with a capital and are no name: "Never thought about it", "The thought of ..."
NO_NAMES = frozenset("i we you it the a an never nobody no not just also still always honestly really so and but "
                     "then that this what who one some".split())
# verbs that more than one person or "I" may say: no name before them
SAYING_OF_MANY = re.compile(r"(?:say|think|tease me|sneer)$")
REPORTED = re.compile(rf"^\W*(?:(?:honestly|so|well|lol|ok|okay|and|but)\W+)?"
                      rf"(?:(?:my|our|the|his|her|a|all my)\s+)?"
                      rf"(?:[\w-]+\s+){{0,2}}?(?P<who>(?:[a-z]+-)?[a-z]+(?: (?:at|from|in) (?:my|the|our) "
                      rf"(?:\w+ )?\w+)?)(?:\s+|'s\s+|(?='))"
                      rf"(?:(?:always|also|still|even|really|honestly|literally|constantly|just|often|apparently|"
                      rf"probably)\s+)?{SAYING}\b(?:\s+(?:that|me))?\W*(?P<view>.*)$")
# The person's past: a view said to be theirs once ("I used to ...", "at 25 I'd have said ...", "... once").
PAST_SELF = re.compile(r"\b(?:(?:i|we) (?:used to|once|always thought|thought)|used to|once|"
                       # "... thrilled me at first, these days ...", "For ten years I was proud of ...", "I cared
                       # about ... . Lately ..." (probe35)
                       r"at first|in the beginning|early on|when i (?:started|began|joined|was (?:younger|junior|"
                       r"new|starting out))|for (?:\w+ )?(?:years|a decade|decades|a long time|ages)|"
                       r"(?:i|we) (?:cared|loved|wanted|liked|needed|craved|enjoyed|hated)|"
                       r"(?:would|'d)(?:'ve| have) said|"
                       r"(?:the |my )?(?:younger|old|past|former|\d+[- ]year[- ]old) (?:me|self)|younger me|"
                       r"back (?:then|in \w+)|\w+ (?:years|months) ago|"
                       r"(?:at|in|during|before|after) (?:\d\d|college|school|uni|grad school|"
                       r"my (?:twenties|20s|first job|last job|layoff|phd|undergrad)))\b")
# ... with a view in it, not only a thing that happened ("I once spent a winter on a project where ...", probe4)
PAST_VIEW = re.compile(r"\b(?:think|thought|love|loved|want|wanted|like|liked|need|needed|crave|craved|care|"
                       r"cared|believe|believed|enjoy|enjoyed|find|found|hate|hated|said|say|swore|tell myself|"
                       # a feeling about the thing, or who the person was: "scale was exciting at first", "used to
                       # be a generalist", "I was desperate for them once" (probe35)
                       r"thrilled|excited|bored|appealed|attracted|mattered|(?:was|were) (?:\w+ )?(?:exciting|"
                       r"thrilling|desperate|proud|keen|into|sure|convinced|obsessed|hooked|drawn|happy|excited|"
                       r"fine|content|comfortable|fun|everything|all about)|be an?|"
                       r"told myself|dream|dreamed|dreamt|would(?:'ve| have) said|'d have said)\b")
PRESENT = {"thought": "think", "loved": "love", "wanted": "want", "liked": "like", "needed": "need",
           "craved": "crave", "cared": "care", "believed": "believe", "enjoyed": "enjoy", "found": "find",
           "hated": "hate", "dreamed": "dream", "dreamt": "dream"}
PAST_TENSE = re.compile(rf"\b(?:{'|'.join(PRESENT)})\b")
# What the person now says of the view: it stands or falls, and what follows is theirs.
VERDICT_ON_VIEW = re.compile(
    r"^\W*(?:(?:and|but|honestly|tbh|lol|well|ok|okay|though|so|i think|i'd say)\W+)*(?:"
    r"(?:(?:she|he|they|you|[a-z]+)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+|(?:she|he|they)\s+(?:might|may|could)"
    r"\s+be\s+)?(?:(?:completely|totally|absolutely|dead|so|100%|probably|kind of|kinda|sort of|honestly|mostly|"
    r"partly|half)\s+)*(?:(?P<wrong>wrong|mistaken|off base|incorrect|(?:has|had|got|gets) it "
    r"(?:backwards|wrong))"
    r"|(?P<right>not wrong|right|correct|spot on|onto something|has a point|have a point|got a point))"
    r"(?:\s+(?:again|about (?:that|it|me)|there))?"
    r"|(?:i\s+)?(?:(?:completely|totally|fully|strongly|kind of|kinda|sort of|mostly|100%|partly)\s+)*"
    r"(?:(?P<disagree>disagree)|(?P<agree>agree))(?P<with>\s+with\s+(?:her|him|them|that|this|it|\w+))?"
    r"|(?P<came>i(?:'ve| have)? c(?:a|o)me (?:a)?round(?: to (?:that|it|the idea))?)"
    r"|(?P<not_me>not (?:me|for me|anymore|any more)(?: at all)?|no longer|nope|nah|(?:absolutely |hell |"
    r"definitely )?no|i don'?t(?: think (?:so|i do))?(?=\W*(?:$|[,.;!]))|less so(?: now)?|wouldn'?t again|"
    r"not again)"
    r"|(?P<me>me\?|me,|for me|personally|as for me|myself))(?:\b|(?<=\W))\W*(?P<rest>.*)$")
# What follows a verdict and only says how much: "..., and I've come around to that, mostly"
ONLY_HOW_MUCH = re.compile(rf"(?:(?:{HEDGES.pattern}|{INTENSIFIERS.pattern}|really|now|too)[\s,]*)+")
# A past view is turned round only where the person says it has changed: "Now it bores me", "not anymore"
NOW_SAID = re.compile(r"\b(?:now|these days|nowadays|lately|today|anymore|any more|no longer|again|turns out|"
                      r"looking back|since then|not so much|less so|changed|"
                      # "Since leaving I'd say no", "Two years at a startup later, I ..." (probe35)
                      r"since|(?:\w+ ){1,5}later|at this (?:point|stage)|currently|right now)\b")


def _someone(reported: re.Match, text: str) -> bool:
    """True when the view REPORTED found is someone's: one of PEOPLE, or a name said with a capital."""
    who = reported.group("who").split()[0].split("-")[-1]  # "people at my last place", "ex-manager"
    if who in PEOPLE:
        return True
    return (not SAYING_OF_MANY.search(reported.group("verb")) and who not in NO_NAMES
            and re.search(rf"\b{who.capitalize()}\b", text) is not None)


def view_then_own(text: str) -> Optional[Tuple[str, str, bool]]:
    """(the view reported, what the person says now, whether the view is their own past one) for an answer
    that opens with another's view or the person's past one and then answers it in a later sentence or
    clause; None otherwise."""
    lower = answers.lowered(text).strip()
    sentences = story_sentences(text)
    if len(sentences) >= 2:
        first, rest = sentences[0], " ".join(sentences[1:])
    else:
        split = re.search(r"(?:[,;:—–]\s*|\s+-\s+)(?:(?:and|but|though)\s+)?|\s+but\s+", lower)
        if split is None:
            return None
        first, rest = lower[:split.start()], lower[split.end():]
    if not rest.strip(" .!") or re.search(r"\bbut\b", first):
        return None  # "i used to think yes but honestly no. ...": the view turned in its own sentence (probe7)
    reported = REPORTED.match(first)
    if reported and _someone(reported, text):
        feels = reported.group("feels")
        # "mom loves ladders": the view is a liking of the thing
        view = (f"i {'hate' if feels.startswith('hate') else 'love'} " if feels else "") + reported.group("view")
        return view, rest, False
    # the past view in the first sentence or clause, or in a later sentence after what the answer is about
    # ("Ladders and rubrics? I was desperate for them once. Now I'd run a mile.", probe35)
    splits = [(first, rest)] + [(sentences[i - 1], " ".join(sentences[i:])) for i in range(2, len(sentences))]
    for before, after in splits:
        if (PAST_SELF.search(before) and PAST_VIEW.search(before) and NOW_SAID.search(after)
                and not re.search(r"\bbut\b", before)):
            view = re.sub(r"\s+", " ", PAST_SELF.sub(" ", before)).strip()
            # read as if held now, then turned round: "needed promo criteria once" had read as a no (probe31)
            return PAST_TENSE.sub(lambda verb: PRESENT[verb.group()], view), after, True
    return None


def rhetoric_said_plainly(text: str) -> Optional[str]:
    """A message that opens with a rhetorical question, said plainly with what follows it; or None."""
    lower = answers.lowered(text).strip()
    for pattern, plain, answer in RHETORIC:
        match = pattern.match(lower)
        if match:
            rest = match.group("rest") or ""
            said = (answer if rest.strip() in NO_OBJECT
                    else plain.format(verb=match.groupdict().get("verb") or "", rest=rest).strip())
            return f"{said}. {lower[match.end():].strip()}".strip(" .") or None
    return None


# A thing asked back, then a rhetorical "who needs that": "a ladder? who needs that" is "who needs a ladder?" (make
# chat on a clean clone: the keyword "ladder" and the model's lean had noted it as a 4)
THAT_RHETORIC = re.compile(r"^\W*(?:(?:honestly|seriously|lol|like|i mean|but)\W+)?"
                           r"who (?P<verb>needs|wants|cares about|cares for) (?:that|it|this|them)\W*$")


def _thing_into_rhetoric(text: str) -> Optional[str]:
    """ "X? who needs that" as "who needs X?", for RHETORIC; None for any other text."""
    rest = asked_back(text)
    said = THAT_RHETORIC.match(answers.lowered(rest)) if rest else None
    thing = text.split("?", 1)[0].strip()
    if not said or not ASKED_THING.match(answers.normalise(thing)):
        return None
    return f"who {said.group('verb')} {thing}?"


def _sentence_asked(text: str) -> str:
    """The sentence the first question mark ends, normalised: "deep credit-risk modelling since 2009. broad and
    shallow? never" asks "broad and shallow"."""
    return answers.normalise(re.split(r"[.!;]\s+", text.split("?", 1)[0])[-1])


def asked_back(text: str) -> Optional[str]:
    """What follows a question the person asks back before answering, or None; in the case it was typed
    in ("ladders? NO." is emphatic)."""
    match = ASKED_BACK.match(text.replace("’", "'").strip())
    return match.group("rest").strip() if match else None


# A thing asked back, no question of the person's own: "One niche forever?", not "Who cares about reach if
# ...?" or "A little risk is fine, but trading stability away?".
ASKED_THING = re.compile(r"^(?!.*\b(?:if|who|what|why|how|would|could|should|do|does|did|is|are|was|were|can|"
                         r"will|but|\w+n'?t)\b)[^,;:]{1,60}$")
# A thing asked back without the other side: "Zero routine?", "trading stability away?", "swap a guaranteed
# place on the team for a long-shot trial?" ("no-name" names it).
OTHER_SIDE_DENIED = re.compile(r"\b(?:no|zero|without|not|never|less|trad(?:e|ing)|giv(?:e|ing) up|los(?:e|ing)|"
                               r"sacrific\w*|drop(?:ping)?|swap(?:ping)?|exchang(?:e|ing)|leav(?:e|ing)|"
                               r"quit(?:ting)?|walk(?:ing)? away from)\b(?!-)")
# An answer word with how much after it, as some languages put it: "Disagree totally, boring for me.",
# "agree 100%" (probe21): emphatic, as "totally disagree" is.
WORD_THEN_HOW_MUCH = re.compile(r"^\W*(?:i )?(?:dis)?agree,?\s+(?:totally|completely|fully|entirely|absolutely|"
                                r"strongly|100 ?%|100 percent|one hundred percent)\b")
# A side taken mildly, opening the answer: "Mildly against.", "slightly in favour" (probe21: read 1).
MILD_OPENING = re.compile(r"^\W*(?:mildly|slightly|somewhat|a (?:little|bit)) (?:against|for it|in favou?r)\b")
# A word shouted, not an acronym: three letters or more with a vowel ("MOVE", not "OK", "NHS" or "CV")
CAPITALS = re.compile(r"\b(?=[A-Z]*[AEIOUY])[A-Z]{3,}\b")
# An answer word typed in capitals, two letters or more.
SHOUTED_NO = re.compile(r"\b(?:NO+|NOPE|NAH+|NEVER|NOT AT ALL)\b")
SHOUTED_YES = re.compile(r"\b(?:YES+|YEP|YEAH+|YUP|ABSOLUTELY|DEFINITELY|TOTALLY)\b")
# Sarcasm: the words praise what the statement says and the person means a firm no ("oh sure, I LOVE
# writing promo packets", "yeah right, 'clear criteria', aka checkbox theater", "nothing says growth like
# waiting years for a committee"). A model of the words took most of these the wrong way round.
# "ah sure, 100%", "ah sure look, why not" are a plain yes in Irish English. "Sure, because watching my
# employer run out of runway sounds super relaxing" mocks as well; "sure, because I need the money" not.
SARCASM = re.compile(r"^\W*(?:(?:oh|ah),? )?(?:sure|yeah|of course),? because\b[^.!?]*\b"
                     r"(?:sounds|is|are|seems|looks)\b[^.!?]*\b(?:relaxing|fun|great|amazing|meaningful|thrilling|"
                     r"exciting|fulfilling|wonderful|awesome|lovely|healthy|smart|brilliant|glamorous)\b|"
                     r"^\W*(?:(?:oh|ah),? (?:sure|great)\b"
                     r"(?![\s,.!]*(?:100\s*%|(?:100 percent|why not|look|go on)\b))"
                     r"|(?:oh,? )?(?:yeah|yea|ya),? right\b(?=\s*[,.!\"'“]|$))"
                     r"|\bnothing says\b|(?:^|\s)/s\b|[🙄😒]"
                     r"|^\W*(?:oh|ah),? yes,? (?:the|a|my) (?:famous|classic|good old|sacred|legendary|"
                     r"infamous)\b")
# Emoji end a sentence too: "... how awful 🙄 obviously yes".
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\.{3}|…|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*")
# "yeah right, like I'd ever take a lower base", "as if": a proposal mocked, which may be either side
MOCKED_PROPOSAL = re.compile(r"\b(?:as if|like (?:i|anyone|we)(?:'d| would| will|'ll)? ever)\b")
# "oh no, unlimited GPUs, how awful", "whatever will I do without ...": a fear mocked, of either side
MOCKED_FEAR = re.compile(r"\bwhatever will i do\b|^\W*oh no\b.*\bhow (?:terrible|awful|horrible|terrifying|scary|"
                         r"dreadful|tragic)\b")


def sarcastic_no(text: str, question: str, k: Knowledge) -> Optional[bool]:
    """True for a sarcastic answer that mocks the statement's side: a 1. False for one that may mock
    the opposite, for it names that side ("oh sure, reaching billions of users is so fulfilling"),
    mocks a proposal ("yeah right, like I'd ever take a lower base") or a fear ("oh no, unlimited GPUs,
    how awful"): not read by this rule. None when the answer is not sarcastic."""
    lower = answers.lowered(text).strip()
    if MOCKED_FEAR.search(lower):
        return False
    if not SARCASM.search(lower):
        return None
    return not (MOCKED_PROPOSAL.search(lower) or _names(lower, k.criteria.get(question, {}).get("opposite", [])))


def after_sarcasm(text: str) -> str:
    """What follows the first sentence of a sarcastic answer ("... how awful 🙄 obviously yes")."""
    parts = SENTENCE_END.split(answers.lowered(text).strip(), maxsplit=1)
    return parts[1].strip(" .!?") if len(parts) > 1 else ""


# "Never again" closing a story refuses what the story told, not the statement: what follows it, when
# something does, is the answer ("... bonuses were decided over drinks. Never again — I want the criteria
# written down.")
NEVER_AGAIN = re.compile(r"\bnever again\s*(?:[.,;:!]+|\s-+|—|–)\s*(?P<rest>\S.*)$", re.I | re.S)


# A story's last sentence closed emphatically is its conclusion: "... Every time I hated it more than before.
# Stability and clarity are what I need, full stop."
CLOSED_EMPHATICALLY = re.compile(r"(?:full stop|period|end of story|simple as that|no question|nothing less|"
                                 r"that'?s all|no doubt|non-negotiable|for sure|hands[- ]down|no matter what|"
                                 r"100\s*%|100 percent|without a doubt|every (?:single )?time|any day|all day|"
                                 r"not even close|no chance|ten times out of ten|by far|totally|first and last|"
                                 r"no contest)\W*$")


# ... or opened with a lean: "Part of me wants depth, part of me wants everything. I'd tip toward breadth."
OPENS_WITH_LEAN = re.compile(r"^\W*(?:so,? |but,? |overall,? |on balance,? |all in all,? |"
                             r"if (?:i )?(?:had|have|forced) to (?:choose|pick),? )?"
                             r"(?:i'?d |i would |i )?(?:still )?(?:lean|tip|tilt)(?:ing)?"
                             r"(?: slightly| a bit| a little| gently| just)? towards? \w")


def story_sentences(text: str) -> List[str]:
    """The lower-cased text's sentences that have a word in them."""
    return [part for part in STORY_SENTENCE.split(answers.lowered(text).strip()) if re.search(r"\w", part)]


def closing_sentence(text: str) -> Optional[str]:
    """The last of two or more sentences, when it is closed emphatically and has at least six words, or
    opens with a lean."""
    sentences = story_sentences(text)
    last = sentences[-1] if len(sentences) >= 2 else ""
    closed = CLOSED_EMPHATICALLY.search(last) and len(last.split()) >= 6
    return last if closed or OPENS_WITH_LEAN.search(last) else None


# The last clause of an answer, after "so": "..., children are not, so a steady salary matters."
SO_CONCLUDES = re.compile(r"[,;.]\s+(?:and\s+)?so,?\s+(?P<clause>[^.!?;\s]+(?:\s+[^.!?;\s]+){2,})\W*$")


def closing_verdict(text: str, k: Knowledge, question: str) -> Optional[str]:
    """The last of two or more sentences, when it has at most four words, where a verdict stands after its
    story ("... Couldn't care less.", "... I'm fine with it."), and the story says no answer word of its
    own. Not after a question or the statement's other side named, which the verdict may answer instead
    ("Specialization? Hard pass." at breadth), nor "Never again.", which may be said of what happened
    (probe24)."""
    sentences = story_sentences(text)
    if len(sentences) < 2 or len(sentences[-1].split()) > 4 or "never" in sentences[-1]:
        return None
    last, before = sentences[-1], " ".join(sentences[:-1])
    opposite = (k.criteria.get(question) or {}).get("opposite", [])
    # "both" before what it counts is no answer word: "... both my dating life and my code. Love it." (probe28)
    said = answers.find_phrase(answers.normalise(COUNTING_BOTH.sub(" ", before)), k)
    if "?" in before or _names(before, opposite) or said is not None:
        return None
    return last


COUNTING_BOTH = re.compile(r"\b(?:both|either|neither)(?: of)?\s+(?=(?:my|the|our|their|his|her|your|these|those|"
                           r"of|[a-z]+s)\b)")


def opening_sentence(text: str) -> Optional[str]:
    """The first of two or more sentences, when it is short (at most five words) and no question: where a
    verdict stands before its story ("Desperately. Five titles in six years and none meant anything.")."""
    sentences = story_sentences(text)
    first = sentences[0] if len(sentences) >= 2 else ""
    return first if first and len(first.split()) <= 5 and not first.rstrip().endswith("?") else None


def _other_sides(one: Reading, other: Reading) -> bool:
    """Both read, on opposite sides of neutral."""
    if one.value is None or other.value is None:
        return False
    return (one.value - NEUTRAL) * (other.value - NEUTRAL) < 0


def never_again_opens(text: str, k: Knowledge) -> bool:
    """True when "never again" opens the answer, alone or after an answer word ("Nope, never again! ...")."""
    match = NEVER_AGAIN.search(text.replace("’", "'"))
    before = text[:match.start()] if match else ""
    return match is not None and (not re.search(r"\w", before) or answer_word_alone(before, k))


def after_never_again(text: str) -> Optional[str]:
    """What follows a "never again" that ends its clause, if it is at least two words."""
    match = NEVER_AGAIN.search(text.replace("’", "'"))
    rest = match.group("rest").strip() if match else ""
    return rest if len(re.findall(r"[\w']+", rest)) >= 2 else None


def answer_clause(text: str, k: Knowledge) -> int:
    """+1 or -1 for the first clause after the first that is an answer word alone ("Breadth over depth,
    and quickly. No, absolutely not, ...", "Brand, no, ..."): people often say the statement back
    before they answer it. Hedges, neutral words and words that confirm what came before
    ("depth, definitely") are not answers here. Where that clause answers a question the person asked
    and a later one answers otherwise, the later one is the answer (`question_answered_first`)."""
    said = _answer_clauses(text, k)
    return _answered_after_question(said) or (said[0][0] if said else 0)


def question_answered_first(text: str, k: Knowledge) -> int:
    """+1 or -1 for the last answer clause when the first answers a question the person asked and the last
    answers otherwise: "Living on equity promises? No way. Strongly agree, ..." is +1; else 0."""
    return _answered_after_question(_answer_clauses(text, k))


def _answered_after_question(said: List[Tuple[int, bool]]) -> int:
    return said[-1][0] if len(said) > 1 and said[0][1] and said[-1][0] != said[0][0] else 0


def _answer_clauses(text: str, k: Knowledge) -> List[Tuple[int, bool]]:
    """(+1 or -1, whether it follows a question mark) for each clause after the first that is an answer
    word alone, for `answer_clause`."""
    lower = answers.lowered(text)
    parts, asked, start = [], [], 0  # the clauses, and whether each follows a question mark
    for cut in [*CLAUSE.finditer(lower), None]:
        part = lower[start:cut.start() if cut else len(lower)]
        if answers.normalise(part):
            parts.append(part)
            asked.append(start > 0 and "?" in lower[:start].rstrip()[-1:])
        start = cut.end() if cut else start
    said = []
    for before, part, after_question in zip(parts, parts[1:], asked[1:]):
        opening = _opening(part, LEAD_FILLER)
        found = _opening_phrase(opening, k)
        # "..., no question about it, ..." confirms the clause before as "no question" does
        confirming = says_nothing_alone(re.sub(r" about (?:it|that)$", "", found[0])) if found else False
        if found and found[0] == opening and found[1] != NEUTRAL and not confirming:
            if _echoes_never(opening, before):
                continue  # "... has never excited me. Never.": the never said again
            if found[1] > NEUTRAL and conceded(before):
                continue  # "Not essential for me. Pleasant, sure, but ...": granted, not the answer
            said.append((1 if found[1] > NEUTRAL else -1, after_question))
    return said


# A yes that grants a thing is pleasant, not that the statement holds: "Nice to have, sure."
CONCEDED = re.compile(r"(?:(?:it'?s|that'?s|its|thats) )?(?:nice|pleasant|nice to have|fine|useful|helpful|"
                      r"cool|good|handy|a bonus|a plus|a perk|welcome|nice bonus|a nice bonus)")


def conceded(clause: str) -> bool:
    """True when a clause only calls a thing pleasant ("nice to have", "pleasant"), so that a "sure"
    after it grants that much and no more."""
    return bool(CONCEDED.fullmatch(answers.normalise(clause)))


def idiom_direction(text: str) -> int:
    """+1 or -1 when the message says one of DIRECTION_IDIOMS, else 0."""
    lower = answers.lowered(text)
    return next((direction for idiom, direction in DIRECTION_IDIOMS if idiom.search(lower)), 0)


# Opening the answer, "I'd be lying if I said I cared about logos" says the opposite of what follows it.
LYING_IF = re.compile(r"^\W*(?:[\w']+[, ]+){0,3}?(?:i'?d|i would|i'?ll|i will) be lying if i (?:said|say|told you)"
                      r"\b(?P<said>[^,.;:!?]*)")
SAID_OTHERWISE = re.compile(r"\b(?:otherwise|anything (?:less|else) than)\b")


def lying_if(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 when the answer opens with LYING_IF: the opposite of the direction of what would be a
    lie ("...if I said reach mattered more" to impact is +1, "...if I said otherwise" +1)."""
    lying = LYING_IF.search(answers.lowered(text))
    if not lying:
        return 0
    said = lying.group("said")
    lie = -1 if NEGATION_WORDS.search(said) or SAID_OTHERWISE.search(said) else 1
    criterion = k.criteria.get(question)
    if criterion and _side_named(answers.normalise(said), criterion) < 0:
        lie = -lie  # "... if I said reach mattered more": the lie prefers the opposite
    return -lie


# Words around a side named alone: "all the way", "i'm a depth person", "team depth", "fan of depth",
# "go deep".
SIDE_FILLER = {"more", "all", "the", "for", "me", "way", "i'm", "im", "a", "person", "guy", "team", "fan",
               "of", "go", "going", "i", "prefer", "slightly", "strongly"}


def named_side(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 when the first clause only names the statement's side or its opposite, intensifiers
    aside ("Definitely depth." to breadth is -1, "visible impact, without question" to impact +1)."""
    criterion = k.criteria.get(question)
    if not criterion or re.match(r"[^,;:!?.]*\?", text):
        return 0  # "fast paced? my worst nightmare": the statement's words asked back, not a side
    clause = re.sub(rf"(?<!\w)(?:{CONFIRMERS.pattern})(?!\w)", " ", first_clause(text))  # "reach for sure"
    words = [w for w in clause.split() if w not in LEAD_FILLER and not MODIFIERS.fullmatch(w)
             and not HEDGES.fullmatch(w) and w not in SIDE_FILLER]
    named = " ".join(words)
    if named in {w.lower() for w in criterion["synonyms"]}:
        return 1
    if named in {w.lower() for w in criterion.get("opposite", [])}:
        return -1
    # a word that names a side only alone ("Millions, obviously.", "wide for sure"), not before "but"
    # ("wide but shallow doesn't appeal")
    return 0 if re.match(r"[^,;:!?.]*\bbut\b", text.lower()) else _named_alone(named, criterion)


# A preference between two things: "depth over breadth any day", "versatility beats specialisation",
# "reach matters more to me than credit"; "I'd trade some reach for more ownership" names the preferred
# one second.
COMPARISON = re.compile(r"\b(?:over|beats?|trumps?|outranks?|outweighs?|edges? out|wins? over|rather than|"
                        r"instead of|more than|before|ahead of|"
                        r"(?P<less>less than))\b|\s>+\s|\s(?P<less_sign><)\s")
# The comparisons that say a thing wins whatever it is set against; "over" is often an amount ("over the years")
BEATS = re.compile(r"\b(?:beats?|trumps?|outranks?|outweighs?|edges? out)\b|\s>+\s")
TRADE = re.compile(r"\btrade (?P<given>[\w' -]{1,40}?) for (?P<taken>.+)")


def _names(text: str, words: Iterable[str]) -> bool:
    """True when the lower-cased text has one of the words as whole words."""
    return any(answers.whole_words(w.lower()).search(text) for w in words)


def _names_criterion(text: str, criterion: Dict[str, Any]) -> bool:
    """True when the lower-cased text names the criterion's topic or its opposite by the knowledge file's words."""
    return _names(text, [*criterion.get("synonyms", []), *criterion.get("opposite", [])])


@functools.lru_cache(maxsize=None)
def _word_forms(phrase: str) -> Pattern:
    """The phrase as whole words, its last word in any regular form: "specialise" finds "specialising",
    "ladder" "ladders", "risk" "risked"."""
    *head, last = phrase.lower().split(" ")
    if last.endswith("e") and len(last) > 3:
        forms = re.escape(last[:-1]) + "(?:e|es|ed|ing)"
    elif last.endswith("y") and len(last) > 3:
        forms = re.escape(last[:-1]) + "(?:y|ys|ies|ied|ying)"
    else:
        forms = re.escape(last) + "(?:s|es|ed|ing)?"
    return re.compile(r"(?<!\w)" + "".join(re.escape(w) + " " for w in head) + forms + r"(?!\w)")


def _inside_longer(span: Tuple[int, int], spans: Iterable[Tuple[int, int]]) -> bool:
    """True when the span lies inside a longer one of `spans`."""
    start, end = span
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


def _side_spans(text: str, criterion: Dict[str, Any], any_form: bool = False) -> List[Tuple[Tuple[int, int], int]]:
    """(span, side) of each of the statement's words for a side in the text: +1 its side, -1 the opposite."""
    find = _word_forms if any_form else answers.whole_words
    return [(match.span(), side)
            for side, words in ((1, criterion["synonyms"]), (-1, criterion.get("opposite", [])))
            for word in words for match in find(word.lower()).finditer(text)]


def _side_named(text: str, criterion: Dict[str, Any], any_form: bool = False) -> int:
    """+1 when the text names the statement's side, -1 its opposite, 0 for neither or both. A side's word
    inside the other side's longer phrase names nothing: "small datasets" is not also "datasets". With
    `any_form`, a word's last word in any regular form counts (`_word_forms`)."""
    found = _side_spans(text, criterion, any_form)
    sides = {side for span, side in found
             if not _inside_longer(span, [other_span for other_span, other in found if other != side])}
    return sum(sides)


def compared_side(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 when the answer prefers the statement's side to its opposite or the other way round
    (COMPARISON, TRADE), by the knowledge file's words for each side, or "more X than Y" names one
    side; 0 otherwise."""
    criterion = k.criteria.get(question)
    if not criterion:
        return 0
    clean = answers.normalise(text)
    return (_both_sides_compared(clean, criterion) or _more_than_one_side(clean, criterion, k)
            or _preference_said(clean, criterion, k) or _chosen_between(text, criterion)
            or _beats_anything(text, criterion))


# A side granted, then something else preferred: "Massive compute is cool, I guess, but I'd rather hustle with
# one GPU." (probe28: read 4 at scale, from the preference alone).
RATHER_TURN = re.compile(r"^(?P<granted>.+?)\bbut,?\s+(?:(?:honestly|personally|still|overall),?\s+)?"
                         r"(?:i'?d|i would|i)\s+(?:still\s+|much\s+|really\s+)?(?:rather|prefer|sooner)\b"
                         r"(?P<rest>.*)$", re.S)


# A preference between two images, the rest of its sentence after it (Reader._preferred_image): "I'd much rather
# be rain watering a whole continent than a puddle someone notices, no contest", "I'd leave a calm harbour for a
# promising trade wind", "I tend to play the percentages rather than go for the wonder shot" (probe32).
PREFERRED_IMAGES = (
    re.compile(r"\b(?:i'?d|id|i would) (?P<much>much |far |way )?rather (?P<chosen>[^.;:!?,]+?) than "
               r"(?P<other>[^.;:!?,]+)(?P<after>[^.;!?]*)"),
    re.compile(r"\b(?:i'?d|id|i would|i'?ll|i will) (?:happily |gladly )?(?:leave|quit|swap|trade|give up|"
               r"walk away from|ditch) (?P<other>[^.;:!?,]+?) for (?P<chosen>[^.;:!?,]+)(?P<after>[^.;!?]*)"),
    re.compile(r"^(?P<chosen>[^.;:!?,]+?) rather than (?P<other>[^.;:!?,]+)(?P<after>[^.;!?]*)"),
)
PREFERENCE_STRONG = re.compile(r"\b(?:no contest|no doubt|without (?:a )?doubt|any day|every time|hands down|"
                               r"in a heartbeat|by a mile)\b")
# "I'm no adrenaline junkie", "I'm not one to sail off the edge of the map", "I'm not a fan of ...": what the
# person is not, opening the answer (Reader._identity_denied); "I'm no stranger to chaos" says the opposite.
IDENTITY_DENIED = re.compile(r"^\W*(?:(?:honestly|look|well|nah|no),? )?(?:i'?m|i am|im) (?:no|not an?|not one to|"
                             r"not the (?:type|kind|sort) (?:of (?:person |guy |girl )?)?(?:to|who))\b"
                             r"(?! stranger)(?P<thing>[^,.;:!?—–]{2,50})(?P<after>.*)")
# How clearly the thing denied must read to a side, alone, from -1 to 1.
IDENTITY_LEAN = 0.8
# How much more the statement's way the preferred image must read than the other, each alone, from -2 to 2:
# at 0.8, "I'd rather have three skill trees at level thirty than one at ninety-nine" (1.12) read 2 at breadth
# (probe28, labelled 4).
RATHER_SPLIT = 1.2


def rather_than_granted(text: str, question: str, k: Knowledge) -> int:
    """-1 when one side of the statement is granted and something that names neither side is then
    preferred ("... but I'd rather ..."): that is the other side; +1 the other way round; 0 otherwise."""
    criterion = k.criteria.get(question)
    match = RATHER_TURN.match(answers.lowered(text).strip())
    if not criterion or not match:
        return 0
    rest = match.group("rest").strip()
    if re.match(r"(?:it|them|that|this|those|these|one|so)\b", rest):
        return 0  # "Not a must, but I'd prefer them.": the thing granted is the one preferred
    granted = _side_named(match.group("granted"), criterion, any_form=True)
    return -granted if _side_named(rest, criterion, any_form=True) == 0 else 0


# "Between stability and a bigger payday, I'd take the payday": a choice between two things named first.
BETWEEN = re.compile(r"^\W*between (?P<first>[^,;:.!?]+?) and (?P<second>[^,;:.!?]+?)\s*[,;:.!?—–-]+\s*"
                     r"(?:(?:i'?d|i would|i'?ll|i will|i)\s+)?(?:(?:\w+ly|def|prob)\s+)?(?:(?:take|pick|choose|"
                     r"go for|go with|prefer|want)\s+)?(?:the |a |an |my )?(?P<choice>[^,;:.!?]+)")


def _chosen_between(text: str, criterion: Dict[str, Any]) -> int:
    """+1 or -1 for the side of the thing chosen (BETWEEN): the one of the two that the choice repeats
    a word of, by its own side or, where it names none, against the other's."""
    match = BETWEEN.match(answers.lowered(text))
    if not match:
        return 0
    def said(words: str) -> set:
        return set(re.findall(r"[a-z']+", words)) - UNSAID

    chosen = said(match.group("choice"))
    parts = [match.group("first"), match.group("second")]
    named = [bool(chosen & said(part)) for part in parts]
    if named.count(True) != 1:
        return 0
    picked, other = (parts[0], parts[1]) if named[0] else (parts[1], parts[0])
    side, against = _words_side(picked, criterion), _words_side(other, criterion)
    return side if side and against != side else -against


# "I'd rather get promoted in 18 months at a startup than wait 3 years", "I'd take a messy startup sprint
# over a slow big-co planning cycle", "I'd pick deep and narrow over wide and shallow": a preference.
RATHER_THAN = re.compile(r"\b(?:i'?d|id|i would|i'll|i will) (?:rather|take|pick|choose|go for|prefer)\b"
                         r"(?P<first>.+?)\b(?:than|over|instead of)\b(?P<second>.+)")


def _preference_said(clean: str, criterion: Dict[str, Any], k: Knowledge) -> int:
    """+1 or -1 for a preference (RATHER_THAN) of one side over the other, named by the kind of company
    (by the side the statement favours) or by the statement's words; 0 when the two parts do not name
    opposite sides."""
    match = RATHER_THAN.search(clean)
    if not match or NEGATION_WORDS.search(clean[max(0, match.start() - 12):match.start() + 12]):
        return 0
    first, second = match.group("first"), match.group("second")
    for side_of in (lambda words: _company_side(words, criterion, k),
                    lambda words: _words_side(words, criterion)):
        preferred, other = side_of(first), side_of(second)
        if preferred and other == -preferred:
            return preferred
    return 0


def _company_side(words: str, criterion: Dict[str, Any], k: Knowledge) -> int:
    """+1 when the words name the kind of company the statement favours, -1 the other, 0 neither or both."""
    named = {side for side, spec in k.sides.items() if _names(words.replace("-", " "), spec["synonyms"])}
    return 0 if len(named) != 1 else (1 if named.pop() == criterion.get("favours") else -1)


def _words_side(words: str, criterion: Dict[str, Any], any_form: bool = False) -> int:
    """+1 or -1 for the statement's side or its opposite named in the words, a word named alone included
    ("deep and narrow")."""
    alone = max(-1, min(1, sum(_named_alone(word, criterion) for word in words.split())))
    return _side_named(words, criterion, any_form) or alone


def _both_sides_compared(clean: str, criterion: Dict[str, Any]) -> int:
    """+1 or -1 for a comparison that names the statement's side and its opposite, one each."""
    trade = TRADE.search(clean)
    if trade:
        first, second = trade.group("taken"), trade.group("given")
        if NEGATION_WORDS.search(clean[max(0, trade.start() - 40):trade.start()]):
            first, second = second, first  # "I wouldn't trade stability for a bigger reward"
    else:
        match = COMPARISON.search(clean)
        if not match or NEGATION_WORDS.search(clean[max(0, match.start() - 12):match.start()]):
            return 0  # "not more than the work": left to the model
        first, second = clean[:match.start()], clean[match.end():]
        if match.group("less") or match.group("less_sign"):
            first, second = second, first
    # "over the years I want a ladder" compares nothing
    preferred = _side_named(first, criterion) or _named_alone(" ".join(first.split()[-1:]), criterion)
    other = _side_named(second, criterion) or _named_alone(" ".join(second.split()[:1]), criterion)
    return preferred if preferred and other == -preferred else 0


def _beats_anything(text: str, criterion: Dict[str, Any]) -> int:
    """+1 or -1 for a side said to beat something that is no side, within one clause: "a written ladder beats
    founder vibes" (probe25: read the wrong way round by the fault granted before it)."""
    for clause in CLAUSE.split(answers.lowered(text)):
        match = BEATS.search(clause)
        if match:
            preferred = _side_named(answers.normalise(clause[:match.start()]), criterion)
            if preferred and not _side_named(answers.normalise(clause[match.end():]), criterion):
                return preferred
    return 0


def _named_alone(words: str, criterion: Dict[str, Any]) -> int:
    """+1 or -1 when the words are one of the knowledge file's words that name a side only alone: the
    whole first clause ("wide for sure") or the one word next to a comparison ("wide over deep"); else 0."""
    alone = criterion.get("named_alone", {})
    forms = {words, *_plain_forms(words)}
    return (bool(forms & {w.lower() for w in alone.get("side", [])})
            - bool(forms & {w.lower() for w in alone.get("opposite", [])}))


def _plain_forms(word: str) -> Set[str]:
    """What a one-word comparative may be the comparative of: "wider" wide, "deeper" deep, "bigger" big,
    "riskier" risky ("wider over deeper, a little" at breadth read 2, the wrong way round: probe37)."""
    if " " in word or not word.endswith("er") or len(word) < 5:
        return set()
    stem = word[:-2]
    undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] else stem  # "bigger"
    return {stem, stem + "e", undoubled, stem[:-1] + "y" if stem.endswith("i") else stem}


# "more structure than freedom", "I'm more of a risk-taker than most": one side named is enough here
MORE_THAN = re.compile(r"\bmore (?P<preferred>[\w' -]{1,30}?) than (?P<other>(?:(?!\b(?:so|but)\b)[\w' -]){1,30})")
UNDECIDED = {"neutral", "depends", "torn", "unsure", "indifferent", "neither", "idk", "dunno", "meh"}


def names_another_statement(clean: str, question: str, k: Knowledge) -> bool:
    """True when the normalised text names a statement's topic or its opposite, of a factor that answers
    to the yes/no question don't speak of (the knowledge file's answers_may_name)."""
    may_name = set(k.constraints.get(question, {}).get("answers_may_name", []))
    return any(_names_criterion(clean, c) for c in k.criteria.values() if c["factor"] not in may_name)


def names_topic(text: str, question: str, k: Knowledge) -> bool:
    """True when the text names the statement's topic or its opposite by the knowledge file's words."""
    return _names_criterion(answers.normalise(text), k.criteria[question])


def says_undecided(clean: str, k: Knowledge) -> bool:
    """True when the normalised answer says a neutral phrase of the knowledge vocabulary anywhere,
    one of several words or UNDECIDED ("it depends", "torn"), not a word like "either" or "both"."""
    return any((" " in phrase or phrase in UNDECIDED) and answers.whole_words(phrase).search(clean)
               for phrase, point in k.answer_points.items() if point == NEUTRAL)


def _more_than_one_side(clean: str, criterion: Dict[str, Any], k: Knowledge) -> int:
    """+1 or -1 for "more X than Y" where X or Y names a side, or each its own; 0 when it is negated ("isn't
    more important than reach"), an amount ("more than a year"), or the answer is undecided."""
    match = MORE_THAN.search(clean)
    if (not match or AMOUNT.match(" " + match.group("other"))
            or NEGATION_WORDS.search(clean[max(0, match.start() - 15):match.start()]) or says_undecided(clean, k)):
        return 0
    preferred = _side_named(match.group("preferred"), criterion)
    other = _side_named(match.group("other"), criterion)
    if preferred and other:
        return preferred if other == -preferred else 0  # "more structure than freedom": both sides named
    return preferred or -other


# Opening the answer, "I wouldn't say no (to clear levels)", "I don't disagree", "not averse to it": a mild
# yes, to whatever follows "to".
NOT_REFUSED = re.compile(r"^\W*(?:[\w']+[, ]+){0,3}?(?:(?:wouldn'?t|would not|won'?t|couldn'?t|could not|can'?t|"
                         r"cannot) (?:really |exactly )?say no|(?:don'?t|do not) (?:really )?disagree|"
                         # "I am not entirely averse to it", "by no means opposed" (REST, typed formally: read 1)
                         r"(?:not|never|by no means|in no way) (?:be )?(?:entirely |at all |altogether |wholly |"
                         r"necessarily |particularly |totally |really )?"
                         r"(?:averse|opposed|unwilling|disinclined|hostile)|"
                         r"(?:have|has) no (?:real )?objections?|(?:don'?t|do not) (?:really )?object)\b"
                         r"(?: to (?P<object>[^,.;:!?]+))?")


def not_refused(text: str, question: str, k: Knowledge) -> int:
    """+1 for NOT_REFUSED, -1 when what is not refused is the statement's opposite ("I wouldn't say no
    to millions of users" to impact), 0 without it."""
    match = NOT_REFUSED.search(answers.lowered(text))
    if not match:
        return 0
    criterion = k.criteria.get(question)
    wanted = match.group("object")
    return -1 if criterion and wanted and _side_named(wanted, criterion) < 0 else 1


# "Thrive, no; survive, sure.": two things answered apart, opposite ways.
CONTRAST_PAIR = re.compile(r"^\W*(?P<first>[a-z' -]{2,30}?),\s*(?P<first_answer>[a-z]+)\s*[;.,]\s*"
                           r"(?P<second>[a-z' -]{2,30}?),\s*(?P<second_answer>[a-z]+)\b")
# The same without the commas, in any sentence: "Mm, mildly against. Feedback yes, ladder no."
_YES_OR_NO = r"(?:yes|yeah|yep|yup|sure|no|nope|nah)"
CONTRAST_PAIR_SAID = re.compile(rf"(?:^|[.!?]\s+)\W*(?P<first>[a-z' -]{{2,30}}?)\s+(?P<first_answer>{_YES_OR_NO})"
                                rf"\s*[;,]\s*(?P<second>[a-z' -]{{2,30}}?)\s+(?P<second_answer>{_YES_OR_NO})"
                                r"(?=\s*(?:[;.,!?]|$))")
# Halves that only tone their answer word: "Mostly yes, sometimes no" is one answer, not two things.
NOT_A_THING = re.compile(r"(?:(?:mostly|sometimes|occasionally|usually|often|generally|honestly|maybe|probably|"
                         r"kinda|kind of|sort of|a bit|somewhat|partly|partially|ok|okay|well|so|but|and|then|"
                         r"also|and also|yeah|yes|no|nah|not really|others|other ones|the others|the rest)\s*)+")
UNSAID = {"a", "an", "the", "i", "me", "my", "of", "and", "to", "in", "for", "on", "with", "is", "am", "are",
          "it", "itself", "than"}


def contrast_pair(text: str, question: str, k: Knowledge) -> Optional[int]:
    """For CONTRAST_PAIR, +1 or -1 by the half that names a side ("depth, no. breadth, yes") or else
    says a word of the statement ("Thrive, no; survive, sure."); 0 when the halves do not tell
    ("Calculated risk, yes. Reckless risk, no."); None for any other answer."""
    lower = answers.lowered(text)
    pair = CONTRAST_PAIR.search(lower)
    said = None if pair else CONTRAST_PAIR_SAID.search(lower)
    if said:
        # without the commas, only halves that tell a side ("some days yes, some days no" is the model's)
        return _contrast_votes(said, k.criteria.get(question), k) or None
    return _contrast_votes(pair, k.criteria.get(question), k) if pair else None


def _contrast_votes(pair: re.Match, criterion: Optional[Dict[str, Any]], k: Knowledge) -> Optional[int]:
    """The side a pair of halves answered opposite ways tells, 0 when it does not, None for no pair."""
    if not criterion:
        return None
    points = [k.answer_points.get(pair.group(f"{half}_answer")) for half in ("first", "second")]
    if None in points or NEUTRAL in points or (points[0] > NEUTRAL) == (points[1] > NEUTRAL):
        return None
    if any(NOT_A_THING.fullmatch(answers.normalise(pair.group(half))) for half in ("first", "second")):
        return None
    halves = [(answers.normalise(pair.group(half)), 1 if point > NEUTRAL else -1)
              for half, point in zip(("first", "second"), points)]
    votes = {direction * _side_named(words, criterion) for words, direction in halves}
    votes.discard(0)
    if not votes:
        # the statement's words, those after its "than" for the opposite ("... than go deep in one area")
        favoured, _, disfavoured = answers.normalise(criterion["statement"]).partition(" than ")
        for words, direction in halves:
            for statement_words, side in ((favoured, 1), (disfavoured, -1)):
                if set(words.split()) & (set(statement_words.split()) - UNSAID):
                    votes.add(direction * side)
    return votes.pop() if len(votes) == 1 else 0


# "millions of users I never see don't move me": unmoved by what its clause names first
UNMOVED = re.compile(r"(?:^|[,.;:!?—–]\s*)(?P<subject>[^,.;:!?—–]{2,80}?)\s+(?:just |really |honestly |ever )?"
                     r"(?:(?:doesn'?t|don'?t|didn'?t|does not|do not|did not|never|has never|have never|hasn'?t|"
                     r"haven'?t) (?:really |honestly |ever |once )?(?:move|moved|moves|excite|excites|excited|"
                     r"interest|interests|interested|do much for|do anything for|appeal(?:s|ed)? to|"
                     r"tempt(?:s|ed)?|matter(?:s|ed)? (?:much )?to) me|(?:isn'?t|is not|aren'?t|are not) "
                     r"(?:really |honestly )?what (?:motivates|drives|excites) me)"
                     r"\b(?!\s*(?:either\b|or\b|nor\b))")


# "Stability was never the plan", "Prestige is worthless to me", "Stability can take a hike": a side
# dismissed, as a side that does not move the person
DISMISSED = re.compile(r"(?:^|[,.;:!?—–]\s*)(?P<subject>[^,.;:!?—–]{2,60}?)\s+(?:(?:is|was|are|were|'s) "
                       r"(?:just |honestly |really |all |totally |completely |always |anyway )?(?:a myth|an "
                       r"illusion|overrated|worthless|meaningless|a joke|a scam|a trap|a lie|a fairy ?tale|never "
                       r"the (?:plan|goal|point)|irrelevant|"
                       # "Going deep is for people with patience." (probe24: read 1, the wrong way round)
                       r"for (?:other people|people (?:with|who)|those who|someone else|the birds)"
                       r"(?![^.;!?]*\b(?:like me|me included|including me)\b))|"
                       r"can take a hike|can go to hell|means? nothing)\b|"
                       # "Generalist life is absolutely not for me", "Salary is not a must at all"
                       r"(?:^|[.;:!?—–]\s*)(?P<denied>[^,.;:!?—–]{2,60}?)\s+(?:(?:is|are|'s) (?:just |really |"
                       r"absolutely |definitely |simply |honestly |so )?(?:not|nowhere near)|isn'?t|aren'?t) "
                       # "Routine isn't really for me", "A steady paycheck isn't that important to me"
                       r"(?:really |honestly |exactly |quite )?(?:for me|my thing|a must|a priority|"
                       r"(?:that|so|very|all that|particularly) important to me|"
                       # "Visible impact is absolutely not what matters to me" (probe24: read 5)
                       r"what (?:really |actually )?(?:matters|counts|drives me|motivates me|i (?:care about|"
                       r"want|need|value|am after)|i'm after))\b")


# "I don't think I need much job security", "I don't miss the calm of my old job", "zero interest in raw
# reach", "I'd prefer not to work somewhere obscure", "I'd lean away from risk": the want of a thing denied, the
# thing named right after it
WANT_DENIED = re.compile(r"(?:\b(?:don'?t|do not|doesn'?t|does not|never) (?:think i |really |honestly |"
                         r"particularly |actually )*(?:need|want|value|crave|miss|chase|care (?:much |that much )?"
                         r"(?:about|for))|\b(?:zero|no|little|not much|not any) (?:real )?(?:interest|desire) in|"
                         r"\b(?:i'?d|i would) (?:much )?(?:rather|prefer) not(?: to)?(?: have to)?|"
                         # "I'd lean away from risk" (probe24: read 4)
                         r"\b(?:lean|leaning|steer|steering|stay|staying|keep|keeping) (?:away from|clear of)|"
                         # "I can't take risks, none." (probe24: asked again); said of oneself, not "Generalists
                         # are what you hire when you cannot afford a specialist" (probe's)
                         r"\bi (?:just |really |simply )?(?:can'?t|cannot|couldn'?t) (?:really |honestly |even |"
                         r"possibly )?(?:take|afford|handle|"
                         r"stand|stomach|deal with|cope with|tolerate))"
                         r"(?: (?:much|a lot of|any|all that much|so much))? (?P<thing>[^,.;:!?—–]{2,50})")


# "I could tolerate a moderate amount of risk.", "I can handle some chaos": a side taken in measure, opening the
# answer, with no turn after it (REST: asked again)
TAKEN_IN_MEASURE = re.compile(r"^\W*(?:(?:honestly|i think|i guess|yeah|well),? )?i (?:can|could) (?:probably )?"
                              r"(?:tolerate|handle|live with|stomach|accept|deal with|cope with) (?:a |an )?"
                              r"(?:some|bit of|little|little bit of|moderate amount of|fair amount of|"
                              r"certain amount of|reasonable amount of|degree of|moderate|measure of) "
                              r"(?P<thing>[^,.;:!?—–]{2,40}?)(?=\s*(?:[,.;:!?—–]|$))"
                              r"(?!.*\b(?:but|though|although|however|yet|so)\b)")


def taken_in_measure(text: str, question: str, k: Knowledge) -> int:
    """+1 when the person can take some of the statement's own side (TAKEN_IN_MEASURE), else 0: some of the
    other side borne ("I can handle a bit of routine") says less of what they would choose."""
    criterion = k.criteria.get(question)
    match = TAKEN_IN_MEASURE.match(answers.lowered(text)) if criterion else None
    if not match or NEGATION_WORDS.search(match.group("thing")):
        return 0
    return max(0, _words_side(answers.normalise(match.group("thing")), criterion, any_form=True))


def want_denied(text: str, question: str, k: Knowledge) -> int:
    """-1 or +1 for the want of a thing on a side denied (WANT_DENIED); 0 when the thing names no side, or is
    itself taken away ("I don't want to lose the stability") or denied."""
    criterion = k.criteria.get(question)
    match = WANT_DENIED.search(answers.lowered(text)) if criterion else None
    if not match:
        return 0
    return _unwanted_side(answers.normalise(match.group("thing")), criterion)


def _unwanted_side(thing: str, criterion: Dict[str, Any]) -> int:
    """-1 or +1 against the side a thing not wanted names; 0 when it names none, or is itself denied or taken
    away ("I don't want to lose the stability")."""
    if NEGATION_WORDS.search(thing) or TAKEN_AWAY.search(thing) or LOSING.search(thing):
        return 0
    return -_words_side(thing, criterion, any_form=True)


# "I'm so sick of the routine", "fed up with predictability", "tired of chaos": a thing one has had enough of
# (people venting, REST: "fed up with predictability" read 2, the wrong way round). Not a thing run down by a
# word before it ("sick of vague promotion criteria": the criteria are wanted), nor a doing ("tired of waiting
# for a promotion", "tired of being scared about money").
FED_UP = re.compile(r"\b(?:sick (?:and tired )?of|tired of|fed up with|had enough of|had it with|so done with|"
                    r"so over|exhausted by|burn[te]d? out (?:on|by))\s+(?:all |so much |the |this |that |my |our |"
                    r"their |these |those )*(?P<thing>(?!\w+ing\b)[^,.;:!?—–]{2,50})")
RUN_DOWN = re.compile(r"\b(?:vague|unclear|random|arbitrary|opaque|fake|broken|missing|lack|lacking|no|zero|"
                      r"without|little|bad|poor|low|terrible|shitty|crappy|fuzzy|political)\b")


def fed_up(text: str, question: str, k: Knowledge) -> int:
    """-1 or +1 for a thing on a side one has had enough of (FED_UP); 0 when it names no side or is run down."""
    criterion = k.criteria.get(question)
    match = FED_UP.search(answers.lowered(text)) if criterion else None
    if not match:
        return 0
    thing = answers.normalise(match.group("thing"))
    return 0 if RUN_DOWN.search(thing) else _unwanted_side(thing, criterion)


# A thing one could not do without: "I could not even contemplate a post without one", "I would find it very hard
# indeed to work anywhere without clear promotion criteria" (probe23: asked again).
NEEDED_WITHOUT = re.compile(
    r"\b(?:(?:can'?t|cannot|could(?:n'?t| not)|would(?:n'?t| not)|won'?t|never) (?:even |really |possibly |ever )?"
    r"(?:imagine|contemplate|consider|work|live|accept|take|join|function|cope|manage|survive)|"
    r"(?:hard|difficult|impossible|unthinkable)(?: indeed)?(?: for me)? to "
    r"(?:work|live|function|cope|manage|imagine))"
    r"\b[^,.;:!?—–]{0,40}?\bwithout (?P<thing>[^,.;:!?—–]{2,50})")
PRONOUN_THING = re.compile(r"it|one|them|that|this|those|these")


def needed_without(text: str, question: str, k: Knowledge) -> int:
    """+1 when the answer says it could not do without the statement's side (a pronoun for it, or its words),
    -1 without the other side; 0 when the thing names neither."""
    criterion = k.criteria.get(question)
    match = NEEDED_WITHOUT.search(answers.lowered(text)) if criterion else None
    if not match:
        return 0
    thing = answers.normalise(match.group("thing"))
    if PRONOUN_THING.fullmatch(thing):
        return 1
    return _words_side(thing, criterion, any_form=True)


def unmoved(text: str, question: str, k: Knowledge) -> int:
    """-1 when the answer says the statement's side does not move it ("reach doesn't move me" to
    scale's opposite is +1) or dismisses it ("prestige is worthless to me"), by the side its subject
    names; 0 when it names neither."""
    criterion = k.criteria.get(question)
    lower = answers.lowered(text)
    match = UNMOVED.search(lower) or DISMISSED.search(lower)
    if not criterion or not match:
        return 0
    # a shrug opening it is no indecision: "meh, scale doesn't excite me much" is a mild no
    shrugged_off = re.sub(r"^me+h+\b", "", answers.normalise(text))
    if (says_undecided(shrugged_off, k)
            or re.search(r"\b(?:doesn'?t|don'?t|does not|do not)\b", match.group("subject") or "")):
        return 0  # "Risk doesn't scare me and it doesn't excite me"
    return -_side_named(answers.normalise(match.group("subject") or match.group("denied")), criterion)


# "not everyone needs a ladder, but I do", "not everyone can stomach it, and I'm one who can't": the
# person's own clause after the others' decides.
NOT_EVERYONE = re.compile(r"^\W*not (?:every(?:one|body)|all of us|everybody)\b[^.;!?]*?(?:,|;|\bbut\b|\band\b)\s*"
                          r"(?:but |and )?(?P<own>(?:i|i'm|im|i'd|id|me|personally)\b[^.;!?]*)")
OWN_NEGATED = re.compile(r"\b(?:not|never|no|cannot)\b(?! (?:problem|issue|doubt))|n'?t\b(?! mind)")
# A double negative said as one: "not unimportant", "can't say it doesn't matter", "I wouldn't say I'm
# uncomfortable with risk": a yes. Not where the word denied is itself a worry ("not unworried").
UN_WORD = (r"un(?!der|til|less|it|iv|ion|ique|cle|ited|ified|bother|faze|concern|afraid|worr|stress|affect|moved)"
           r"[a-z]{4,}")
LITOTES = re.compile(rf"^\W*(?:(?:well|honestly|tbh|hmm|i mean)[, ]+)?(?:not (?:at all |exactly |entirely )?"
                     rf"{UN_WORD}\b|(?:i )?(?:can'?t|cannot|couldn'?t|wouldn'?t|won'?t) (?:really |honestly )?"
                     rf"say (?:that )?(?:i'?m |it'?s |it |that |this |i )?(?:{UN_WORD}\b|(?:doesn'?t|does not|"
                     r"don'?t|do not|isn'?t|is not) (?:matter|care|mind|appeal|interest|count|important|"
                     r"a factor)\b))(?P<rest>[^,.;!?]*)")


def not_everyone(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 for the person's own clause after one about everyone (NOT_EVERYONE), turned round when
    the others' clause names the statement's opposite ("not everyone wants to be a specialist, but I
    do"); 0 for none."""
    lower = answers.lowered(text)
    match = NOT_EVERYONE.search(lower)
    if not match:
        return 0
    own = -1 if OWN_NEGATED.search(match.group("own")) else 1
    criterion = k.criteria.get(question)
    others = _words_side(answers.normalise(lower[:match.start("own")]), criterion) if criterion else 0
    return -own if others < 0 else own


def litotes(text: str) -> int:
    """+1 when the answer opens with a double negative (LITOTES) and no "but" turns it; else 0."""
    match = LITOTES.search(answers.lowered(text))
    return 1 if match and not re.search(r"\bbut\b", match.group("rest")) else 0


# "No, failing doesn't frighten me in the slightest": the "no" answers a worry, not the statement. Only
# where the statement says the person is at ease with something (COMFORT_STATEMENT): a low salary that
# doesn't scare anyone is a no to the salary statement.
WORRY_DENIED_AFTER_NO = re.compile(
    r"^\W*(?:no|nope|nah)\b[\s,.!—–-]+(?:[\w'-]+ ){1,8}?(?:doesn'?t|don'?t|does not|do not|won'?t|wouldn'?t|"
    r"never) (?:really |actually |even )?(?:stress|scare|frighten|bother|worry|faze|terrify|intimidate|"
    r"phase|rattle|spook)(?:e?s)?(?: me)?\b")
# ... or a fear denied opening the answer: "No fear whatsoever.", "zero nerves about it", "not scared"; the
# model read the "no" as the answer (probe11)
FEAR_DENIED = re.compile(r"^\W*(?:(?:honestly|tbh|ngl|lol|nah|oh),? )?"
                         r"(?:(?:no|zero|0|not an ounce of|not a shred of) "
                         r"(?:fear|worries|worry|nerves|anxiety|qualms)\b|"
                         r"(?:i'?m |im |i am )?(?:not|never) (?:scared|afraid|worried|nervous|fazed)\b)"
                         r"(?! (?:of|about) (?:not|missing|being)\b)")
COMFORT_STATEMENT = re.compile(r"\b(?:comfortable|thrive)\b")
# "No way I'd give up a solid salary": a refusal to lose the thing named keeps it; to join or take it refuses
# it. "i'd rather not trade stability this time around" refuses too (probe26: read the wrong way round).
REFUSAL = re.compile(r"^\W*(?:(?:no way|never|not a chance|no chance)(?: in hell)?,? (?:would )?"
                     r"(?:i'?d|i would|id|i'?ll|i will|i)(?: ever)?|"
                     r"(?:honestly,? |tbh,? |ngl,? )?(?:i'?d|i would|id) (?:much )?rather not) "
                     r"(?P<verb>give up|lose|sacrifice|trade away|trade|walk away from|drop|join|take|"
                     r"accept|work (?:at|for|in)|go (?:to|for))\b"
                     r"(?P<thing>[^.;!?]*)")
KEEPING_VERBS = ("give up", "lose", "sacrifice", "trade away", "trade", "walk away from", "drop")


def worry_denied(text: str, question: str, k: Knowledge) -> int:
    """+1 for a "no" that answers a worry (WORRY_DENIED_AFTER_NO) where the statement is about being at ease,
    and -1 for the statement's own word turned round by "un" ("Somewhat uncomfortable with that, yeah"), but
    not denied again ("not uncomfortable"); 0 otherwise."""
    statement = k.criteria.get(question, {}).get("statement", "").lower()
    if not COMFORT_STATEMENT.search(statement):
        return 0
    lower = answers.lowered(text)
    if WORRY_DENIED_AFTER_NO.search(lower) or FEAR_DENIED.search(lower):
        return 1
    for word in COMFORT_STATEMENT.findall(statement):
        if re.search(rf"(?<!not )(?<!n't )(?<!never )\bun{word}", lower):
            return -1
    return 0


def _refused(text: str, question: str, k: Knowledge) -> Optional[Tuple[re.Match, int]]:
    """(the REFUSAL match, +1 or -1 for the side it takes, 0 when its object names no side), or None."""
    criterion = k.criteria.get(question)
    match = REFUSAL.search(answers.lowered(text))
    if not criterion or not match:
        return None
    thing = answers.normalise(match.group("thing"))
    if match.group("verb") == "trade":
        thing = re.split(r"\b(?:for|against)\b", thing)[0]  # "trade stability for equity": what is given up
    side = _words_side(thing, criterion) or _company_side(thing, criterion, k)
    return match, (side if match.group("verb") in KEEPING_VERBS else -side)


def refusal(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 for a refusal whose object is on a side (REFUSAL): refusing to give the statement's side up is a
    yes, refusing to join its opposite is a yes too; 0 when the object names no side."""
    found = _refused(text, question, k)
    return found[1] if found else 0


# What may open a verdict's sentence, and a thing's words that compare or deny nothing.
VERDICT_OPENING = r"(?:(?:honestly|personally|for me|i think|i guess),? )?"
UNCOMPARED = r"(?:(?!\b(?:over|than|instead|but|not|vs|versus|or)\b)[\w' -])"
# A thing named as the one wanted: "big reliable paycheck or nothing", "reach is what I'm after". Not "X is a
# deal-breaker": whether X is the side or its lack ("a low base") the side words alone do not tell.
VERDICTS = (
    (re.compile(r"(?:^|[,.;:!?—–]\s*)(?P<thing>[\w' -]{2,40}?),? or (?:nothing|bust)\b"), 1),
    # "PLEASE give me written promo criteria, ...", "give me a spec or give me death" (probe26)
    (re.compile(r"(?:^|[,.;:!?—–]\s*)(?:(?:please|pls|plz|just|someone|somebody|lord|god)\W+)*give me "
                rf"(?P<thing>{UNCOMPARED}{{2,40}}?)(?=\s*(?:[,.;:!?—–]|$|or give me death))"), 1),
    (re.compile(r"(?:^|[,.;:!?—–]\s*)(?P<thing>[\w' -]{2,40}?) (?:is|are) "
                r"(?:what (?:i'?m|i am) after|what i want|all i care about|the dream|my jam)\b"), 1),
    # "Wide and fast, every time.", "stability any day": the thing alone in its sentence, then the verdict
    (re.compile(r"(?:^|[.;:!?—–]\s*)(?P<thing>(?!(?:i|i'[dm]|id|im|we|you|they)\b)[\w' -]{2,40}?),? "
                r"(?:every (?:single )?time|any day(?: of the week)?|"
                r"all the way|hands down)\W*$"), 1),
    # "Stability first, second and third.", "Stability, please, forever.": a thing put first or asked for, alone in
    # its sentence (probe24: asked again)
    (re.compile(r"(?:^|[.;:!?—–]\s*)(?P<thing>(?!(?:i|i'[dm]|id|im|we|you|they|it|that|this)\b)[\w' -]{2,40}?),? "
                r"(?:first(?:,? second and third| and foremost| and last| always)?|please)"
                r"(?=\s*(?:[,.;:!?—–]|$))"), 1),
    # "..., so I lean breadth": a lean towards a thing
    (re.compile(r"(?:^|[,.;:!?—–]\s*|\bso )i(?:'d| would)? (?:lean|tilt)(?: more)?(?: toward| towards| to)? "
                r"(?!away\b)(?P<thing>[\w' -]{2,40}?)\W*$"), 1),  # not "I'd lean away from risk" (WANT_DENIED)
    # A preference said of one thing alone, a whole clause: "I prefer to touch a bit of everything.", "I'd rather
    # go deep now." (probe21); not "I prefer flexibility over a rigid promotion track" (COMPARISON's)
    (re.compile(rf"(?:^|[.;:!?—–]\s*){VERDICT_OPENING}i(?: would|'d|d)? (?:prefer|rather)(?: to)? "
                rf"(?P<thing>{UNCOMPARED}{{2,40}}?)(?=\s*(?:[,.;:!?—–]|$))"), 1),
    # A thing said to be better: "Direct impact is more satisfying for me, I think.", "I think influence on
    # millions is more meaningful than one product." (probe21)
    (re.compile(rf"(?:^|[.;:!?—–]\s*){VERDICT_OPENING}(?P<thing>(?!(?:i|i'[dm]|id|im|it|that|this|there|what|which|"
                rf"who|nothing|everything|anything)\b){UNCOMPARED}{{2,40}}?) (?:is|are) "
                r"(?:much |far |way |a lot |even |still |just )?(?:more (?:meaningful|satisfying|important|"
                r"interesting|valuable|rewarding|exciting|useful|fun|attractive)|better|nicer)\b"), 1),
)


def verdict_on_side(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 for a thing on a side named with a verdict on it (VERDICTS); 0 when none names a side, or the
    thing is denied ("not a ..." / "no ...")."""
    criterion = k.criteria.get(question)
    if not criterion:
        return 0
    lower = answers.lowered(text)
    for pattern, sign in VERDICTS:
        for match in pattern.finditer(lower):
            thing = answers.normalise(match.group("thing"))
            if NEGATION_WORDS.search(thing):
                continue
            side = _words_side(thing, criterion) or _company_side(thing, criterion, k)
            if side:
                return side * sign
    return 0


# "Honestly small data bores me.", "Ambiguity energises me": a feeling whose subject is the thing, alone in its
# sentence before the verb. A model of the words took the other side's bored subject for a no.
FELT_THING = (r"(?:^|[.;:!?—–]\s*)(?:(?:honestly|tbh|frankly|ngl|truthfully),? )?"
              r"(?P<thing>(?!(?:i|i'[dm]|id|im|we|you|they|it|that|this|there|what|which|who|nothing|"
              r"everything|anything)\b)[\w' ,-]{2,60}?) ")
FELT = (
    (re.compile(FELT_THING + r"(?:(?:bores?|bored) me|puts? me to sleep|drains? me|exhausts? me|suffocates? me|"
                r"stress(?:es)? me(?: out)?|(?:makes?|gets?) me (?:miserable|restless|anxious|twitchy|itchy)|"
                r"(?:do(?:es)?n'?t|do(?:es)? not|never) (?:excites?|interests?|appeals?(?: to)?|energi[sz]es?) me|"
                r"(?:do(?:es)?n'?t|do(?:es)? not|never) holds? my attention|"
                r"(?:is|are) (?:so |super |pretty |really )?(?:boring|dull|tedious|soul[- ]crushing)|"
                r"(?:is|are|would be|'d be|sounds?(?: like)?|(?:would )?feels?(?: like)?) "
                r"(?:completely |totally )?(?:my (?:personal |"
                r"absolute |worst )?nightmare|a (?:hard )?no|off the table|a (?:bit of a )?step back|"
                r"a dealbreaker|a non-?starter|"
                # "ambiguity is my kryptonite", "... sounds like a horror movie", "... is the ick" (probe26)
                r"my kryptonite|my villain origin story|a horror (?:movie|film|show|story)|"
                r"a (?:huge |big )?red flag|(?:the|an|a major) ick)|(?:gives?|giving) me (?:the )?icks?|"
                # "massive scale is kinda mid to me": so-so said of a thing is a mild no; "..., mid" alone is
                # undecided (NEUTRAL_ENDING)
                r"(?:is|are) (?:kinda |kind of |lowkey |pretty |so |honestly )?mid\b(?!-)|"
                r"(?:isn'?t|aren'?t|is not|are not) (?:really |quite )?(?:my thing|for me|my cup of tea|"
                r"my jam)|(?:is|are) (?:useless|pointless|worthless|meaningless) to me|"
                # "Ladders are sand in the gears", "the logo is noise to me" (probe27)
                r"(?:is|are) (?:just )?sand in the (?:gears|machine)|(?:is|are) (?:just |pure |mostly )?noise"
                r"(?: to me)?(?=\s*(?:[,.;:!?—–]|$))|"
                r"(?:would|will) (?:crush|worry|scare|stress) me|"
                # "about as exciting as tax forms": the idiom of a thing that bores, not "as it gets"
                r"(?:is|are|sounds?|seems?) about as (?:exciting|fun|interesting|thrilling|appealing)"
                r"(?: to me)? as(?! (?:it|they|things) (?:gets?|comes?))|"
                r"sounds? (?:kinda |kind of |a bit |pretty |really )?(?:limiting|stressful|exhausting|draining|"
                r"awful|terrible|grim|bleak))\b"), -1),
    (re.compile(FELT_THING + r"(?:(?:excites?|thrills?|energi[sz]es?|fascinates?|lights? me up|motivates?) me|"
                r"(?:gets?|keeps?) me going|(?:is|are) (?:so |super |pretty |really )?(?:exciting|thrilling|fun|"
                r"my jam|my thing)|(?:do(?:es)?n'?t|do(?:es)? not|never) (?:bores?|drains?|stress(?:es)?|scares?|"
                r"exhausts?) me|(?:is|are) where i do my best work|"
                # "depth is my whole personality", "ambiguity is my home turf", "a clear ladder would help me"
                # (probe26)
                r"(?:is|are) (?:literally )?my (?:whole|entire) personality|"
                r"(?:is|are) my (?:home turf|happy place|element|love language)|"
                # "Speed is oxygen", "... is the whole point of doing this" (probe27)
                r"(?:is|are) (?:my |like )?oxygen|(?:is|are) the (?:whole|entire) point\b|"
                r"(?:is|are) (?:a |the )?(?:huge |big )?green flag|(?:would|will) (?:really )?help me|"
                r"(?:is|are) (?:totally |perfectly )?(?:ok|okay|fine|alright) (?:with|by) me)\b"), 1),
)
# A feeling only some of the time is no side taken: "Some weeks the chaos energizes me, other weeks ...".
FELT_AT_TIMES = re.compile(r"\b(?:depends|sometimes|some (?:days|weeks|times)|other (?:days|weeks|times)|"
                           r"too much|a bit(?! of an? )|a little|with (?:good|bad|the right)|middle)\b")


FELT_NOT_A_THING = re.compile(r"\b(?:i|i'?m|i'?d|i'?ve|we|you|they|but)\b")
# Words that take away what they qualify: "ambiguity about promotion", "a lack of structure", "messy career
# paths", "low pay", "tiny datasets", said of a side's word (SIDE_MARK) that is not itself the side's longer phrase
# ("small data"); "tiny setups" takes nothing away.
SIDE_MARK = "§"
LOSING = re.compile(r"\b(?:los(?:e|ing)|giv(?:e|ing) up|sacrific(?:e|ing)|trad(?:e|ing) away|"
                    r"walk(?:ing)? away from|leav(?:e|ing) behind)\b")
QUALIFIED_AWAY = re.compile(r"\b(?:lack|lacking|absence|ambiguity|ambiguous|unclear|vague|random|messy|undefined|"
                            r"chaotic|zero|small|smaller|tiny|toy|low|lower|less|little|reduced)\b"
                            r"(?: [a-z']+)? ?" + SIDE_MARK)


def felt_side(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 for a feeling said of a thing on a side (FELT): "small data bores me" to scale is +1; 0 when
    the thing names no side or is denied, or the feeling holds only at times."""
    criterion = k.criteria.get(question)
    lower = answers.lowered(text)
    if not criterion or FELT_AT_TIMES.search(lower):
        return 0
    # the longest first: "small scale" is masked before "scale"
    side_words = sorted((*criterion["synonyms"], *criterion.get("opposite", [])), key=len, reverse=True)
    for pattern, sign in FELT:
        for match in pattern.finditer(lower):
            thing = answers.normalise(match.group("thing"))
            denied = any(thing[word.end():word.end() + 1] != "-" for word in NEGATION_WORDS.finditer(thing))
            if denied or FELT_NOT_A_THING.search(thing):
                continue  # "no structure stresses me out" ("no-name" is a name); "i love it, small data ..."
            rest = thing
            for word in side_words:
                rest = _word_forms(word.lower()).sub(SIDE_MARK, rest)
            if QUALIFIED_AWAY.search(rest):
                continue  # "ambiguity about promotion is a dealbreaker" to structure, but "ambiguity" to pace
            # "losing stability doesn't scare me": the side the thing takes away
            side = _words_side(thing, criterion, any_form=True) * (-1 if LOSING.search(thing) else 1)
            if side:
                return side * sign
    return 0


def after_refusal(text: str, question: str, k: Knowledge) -> Optional[str]:
    """The sentences after a refusal whose object names no side ("No way I'd join a place where promotions
    are random. I want the rubric."): what was refused is only known from them. None otherwise."""
    found = _refused(text, question, k)
    if not found or found[1]:
        return None
    match = found[0]
    rest = match.string[match.end():].strip(" .!;—–-")
    return rest if len(rest.split()) >= 2 else None


# What is compared, when it is the statement's topic without naming it: "it matters, just less than nearly
# everything else", "I handle it as well as most"
COMPARED_IT = re.compile(r"\b(?:it|it'?s|its|that|that'?s|this|i|i'?m|i'?d)\b")
# A figure typed alone: "2", "4.", "10/10"
BARE_FIGURE = re.compile(r"\s*\d+(?:[.,/]\d+)?[\s.!?]*")
# A comparison between two things, whose margin says how strongly the winner is preferred (Reader._compared)
SIDES_WEIGHED = re.compile(r"\b(?:over|than|beats?|trumps?|outranks?|outweighs?|edges? out|wins? over|instead of|"
                           r"rather|prefer|trade|swap|give up)\b|>")


# A comparison whose subject is left out, opening the answer: "Edges out reach for me" (probe27: read 2, the
# wrong way round); the statement's side is the subject.
ELIDED_COMPARISON = re.compile(r"^\W*(?:it )?(?P<verb>edges? out|beats?|trumps?|outweighs?|wins? over|outranks?|"
                               r"loses? to|comes? second to|takes? a back ?seat to) (?P<other>[^,.;:!?]{2,40})")


def elided_comparison(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 for a comparison opening the answer without its subject (ELIDED_COMPARISON), set against the
    statement's opposite or its side."""
    match = ELIDED_COMPARISON.match(answers.lowered(text))
    criterion = k.criteria.get(question)
    if not match or not criterion:
        return 0
    side = _words_side(answers.normalise(match.group("other")), criterion)
    losing = re.match(r"los|come|take", match.group("verb"))
    return -side * (-1 if losing else 1)


def stated_direction(text: str, question: str, k: Knowledge) -> int:
    """+1 or -1 when the words say the answer's side: two things answered apart first, then its own
    conclusion ("..., so yes"), an answer word after a concession, the answer word opening it, an
    idiom, a lie said plainly, a thing not refused, an answer word after the statement said back, a
    preference between the two sides, a side that does not move the person, or a side named alone
    ("Definitely depth."); before all of them, a double negative or an answer about everyone else. 0
    when none does."""
    return (litotes(text) or worry_denied(text, question, k) or refusal(text, question, k)
            or elided_comparison(text, question, k)
            or not_everyone(text, question, k) or contrast_pair(text, question, k)
            or conclusion(text, k) or concession(text, k) or lead_direction(text, k) or idiom_direction(text)
            or lying_if(text, question, k) or not_refused(text, question, k) or answer_clause(text, k)
            or compared_side(text, question, k) or verdict_on_side(text, question, k)
            or felt_side(text, question, k) or unmoved(text, question, k) or want_denied(text, question, k)
            or fed_up(text, question, k) or needed_without(text, question, k) or named_side(text, question, k))


def said_outright(text: str, question: str, k: Knowledge) -> bool:
    """True when a rule reads the answer without the model: a number, a neutral word or a side stated."""
    return (rating_number(text) is not None or conclusion(text, k) == 0 or neutral_lead(text, k)
            or bool(stated_direction(text, question, k)))


# "depends, if the area is interesting id go deep, if not id rather spread out": either way, on a condition.
DEPENDS_BOTH_WAYS = re.compile(r"^\W*(?:it |that )?depends\b[^.!?]{0,20}?[,.:;—–-][^.!?]*?\bif\b.*?"
                               r"\b(?:if not|otherwise|if it'?s not|if they'?re not|if i don'?t)\b", re.S)


# An answer that ends weighing both sides even: "..., so it's kind of a wash", "I'm of two minds",
# "so it kind of cancels out. Middle of the road.", "..., so who knows".
NEUTRAL_ENDING = re.compile(
    r"(?:(?:^|[,.;:!?—–]\s*|\bso\s+)(?:so,?\s+)?"
    r"(?:i'?d say |i would say |i guess |honestly |overall |all in all |in the abstract,? |on balance,? )?"
    r"(?:it'?s |its |it is |that'?s |that is |i'?m |i am |it |they |these |those |the two |both )?"
    r"(?:kind of |kinda |sort of |a bit of |pretty much |basically |really |just |genuinely |honestly |roughly |"
    r"more or less )?"
    r"(?:a wash|(?:of|in) two minds|a toss[- ]up|a coin ?flip|"
    r"(?:evens|balances?|balanced|cancels?|cancelled) (?:itself |themselves )?out|"
    r"middle of the road|right in the middle|somewhere in the middle|neutral(?: overall| on balance)?|"
    r"half[- ]half|"
    # "... genuinely mixed", "... nets to zero", "... mid" (probe25)
    r"mixed|mixed feelings|mid|(?:nets?|netting) (?:out )?(?:to )?zero|net zero|"
    # "... honestly no take", "... could matter could not", "... scale is just a thing" (probe26)
    r"(?:i have |i've got |i got )?no (?:real |strong |hot )?takes?|could (?:matter|go),? (?:or )?could not|"
    # "... it evens out. No real lean.", "Net effect roughly zero.", "..., same pull" (probe34)
    r"no (?:real |strong |clear )?lean(?: either way)?|"
    r"net (?:effect|result) (?:is )?(?:roughly |about )?(?:zero|nil)|"
    r"(?:the )?same pull|"
    r"(?:[\w' -]{2,30} )?(?:is|are) just (?:a thing|there|a fact of life)|"
    # "scale is fine, doesn't excite me or bore me": a liking and a dislike, both denied (probe26)
    r"(?:it |that )?(?:doesn'?t|does not|neither) (?:(?:excite|thrill|interest|energi[sz]e)s? me,? (?:or|nor) "
    r"(?:bores?|drains?|scares?|stress(?:es)?)|(?:bores?|drains?|scares?|stress(?:es)?) me,? (?:or|nor) "
    r"(?:excite|thrill|interest|energi[sz]e)s?) me|"
    r"(?:hard|impossible) to say which (?:side|one) wins|could go either way|"
    # "No data on that yet, so my prior is flat.", "Maybe I'd love it, maybe not." (probe27)
    r"(?:my )?prior(?:'s| is) (?:flat|uniform)|(?:a )?(?:flat|uniform) prior|"
    r"maybe [\w' ]{2,30}?,? (?:and )?maybe not|"
    r"(?:i )?(?:can'?t|cannot) (?:really |honestly )?(?:say|tell(?: you)?|pick|choose|decide)"
    r"(?: yet| (?:whether|if|which)\b[^.!?]*)?|"
    r"(?:i )?(?:really |honestly |just )?(?:don'?t|do not|dont) know(?: yet| what to (?:put|say|pick|answer))?)|"
    r"\bso,? who knows)"
    r"(?:\s*(?:for me|tbh|honestly|lol|really|i guess))?[\W_]*$")


# Neutral said in an idiom, opening the answer: "For me it is not hot, not cold.", "I can live with or
# without it.", "No special feeling.", "I am in the middle, I have some savings but not much." (probe21).
NEUTRAL_IDIOM = re.compile(
    r"^\W*(?:(?:for me|honestly|well|hm+|um+),? )?(?:it'?s |it is |i'?m |i am |i feel )?"
    r"(?:not hot,? (?:and )?not cold|neither hot nor cold|(?:i )?(?:can|could) live with or without (?:it|that)|"
    r"no (?:special|particular) feelings?|half[- ]half|in the middle|"
    # "Hmm, can't pick between breadth and depth." (probe24: asked again)
    r"(?:i )?(?:can'?t|cannot|couldn'?t) (?:really )?(?:pick|choose|decide) between\b"
    r"(?![^.;!?]*\b(?:but|though|if|lean|prefer|rather)\b)|"
    # "Risk-neutral, more or less", "Both count the same for me", "equal weights" (probe27)
    r"(?:pretty |fairly |basically |roughly )?risk[- ]neutral\b|"
    r"both (?:count|matter|weigh|rank)s? (?:about |roughly )?(?:the same|equally)\b|"
    r"(?:i'?d |i )?(?:weight|weigh|rate) (?:them|both|the two) (?:equally|the same|evenly|1:1|50/50)\b|"
    r"equal(?:ly)? weight(?:ed|s)?\b)")


def neutral_lead(text: str, k: Knowledge) -> bool:
    """True when the first clause is a neutral phrase of several words ("no strong feelings", "hard to
    say"), alone or after a filler, and nothing in it leans either way; a neutral idiom (NEUTRAL_IDIOM);
    or a "depends" that goes on to both conditions (DEPENDS_BOTH_WAYS)."""
    lower = answers.lowered(text)
    if DEPENDS_BOTH_WAYS.search(lower) or NEUTRAL_IDIOM.search(lower):
        return True
    opening = _opening(text, LEAD_FILLER | {"meh", "idk", "hmm", "um"})
    found = _opening_phrase(opening, k, neutral_only=True)
    after = answers.find_phrase(opening[len(found[0]):], k) if found else None
    # a neutral phrase after it leans neither way: "Not sure, 50/50." (probe24: asked again)
    return found is not None and (after is None or after[0] == NEUTRAL)


def only_neutral(text: str, k: Knowledge) -> bool:
    """True when the whole answer is a neutral phrase ("not sure", "skip", "idk tbh"), fillers aside."""
    opening = _opening(text, LEAD_FILLER)
    found = _opening_phrase(opening, k)
    longest = answers.find_phrase(answers.normalise(text), k)  # "hard pass" is no "pass" after a filler
    return (found is not None and found[1] == NEUTRAL and longest is not None and longest[0] == NEUTRAL
            and all(word in LEAD_FILLER for word in opening[len(found[0]):].split()))


def answer_word_alone(text: str, k: Knowledge) -> bool:
    """True for a message that is only an answer word or phrase ("yes", "nope", "strongly agree")."""
    clean = answers.normalise(text)
    return clean in k.answer_points or clean in k.yes_no_points


def answer_word_typed(text: str, points: Dict[str, int]) -> Optional[int]:
    """The point of a message that is exactly one of the knowledge file's answer words or phrases, typed
    plainly ("kinda", "No"); None for anything else, "NO" and "no!!" included, whose emphasis the model
    weighs."""
    plain = text.strip()
    return None if plain.isupper() else points.get(plain.lower())


def stage_alone(text: str, k: Knowledge) -> bool:
    """True for a short career-stage statement with no answer word and no feeling in it ("3 years as an
    MLE", "staff engineer, 12 years"): the model had read such words as agreement points."""
    clean = answers.normalise(text)
    return (len(clean.split()) <= 6 and situation.stage_stated(text, k) is not None
            and answers.find_phrase(clean, k) is None and _valence(text) == 0)


# An answer said in measured, formal words as its own clause, opening the message: "I should think not, on
# the whole.", "By no means. I would much prefer ...", "I could hardly agree more; ...", "Oh, absolutely".
# Read without the model, which had "I could hardly agree more" as a 2 and "I should think not" as a 5
# (probe23); not words of the knowledge file's vocabulary, which is also the model's training data: two
# phrases more there retrain it into another network (the thirty-first session).
FORMAL_VERDICTS = (
    (5, r"(?:i )?(?:could(?:n'?t| not| hardly)|can(?:'?t|not| hardly)) agree (?:more|with (?:that|this|it) more)|"
        r"wholeheartedly (?:so|agree|yes)|(?:most )?certainly (?:so|yes)|emphatically (?:so|yes|agree)|"
        r"without (?:reservation|hesitation|a moment'?s hesitation)|(?:it is |it'?s )?absolutely essential|"
        r"(?:that|it|this) (?:describes|sums up) me (?:perfectly|exactly|precisely|to a tee?)|"
        r"i agree (?:entirely|completely|wholeheartedly|unreservedly|without reservation)|"
        r"without (?:a|the) shadow of (?:a )?doubt|"
        r"i (?:would |do )?concur (?:entirely|completely|wholeheartedly)"),
    (1, r"emphatically not|decidedly not|(?:most )?certainly not|far from it|"
        r"(?:i )?(?:could(?:n'?t| not| hardly)|can(?:'?t|not)) disagree more|by no means|"
        # "In no sense a must. ..." (probe27: read 5 by its "a must")
        r"in no (?:sense|way)(?: (?:a |an )?[a-z-]+)?|"
        r"not in the (?:least|slightest)|not (?:even )?remotely|under no circumstances|"
        r"(?:i )?could(?:n'?t| not) care less|not for a (?:moment|second|minute)|"
        r"quite the (?:opposite|reverse|contrary)|(?:i )?(?:could(?:n'?t| not)|can(?:'?t|not)) possibly|"
        r"i disagree (?:entirely|completely|wholeheartedly)|"
        r"i have (?:serious|grave|strong|deep) (?:doubts|reservations)|"
        r"(?:that|it|this) (?:does not|doesn'?t) (?:describe me|matter(?: to me)?) (?:at all|in the least|"
        r"in the slightest|one bit|whatsoever)"),
    (2, r"i (?:should|would|do) think not|i think not|i (?:should |would )?suppose not|"
        r"i (?:rather )?doubt (?:it|that)|"
        r"not (?:terribly|greatly|especially|particularly|overly|hugely|unduly)|"
        r"(?:i'?d|i would|i'?m|i am) (?:be )?(?:rather |somewhat |a little |a bit |slightly )?reluctant(?: to)?|"
        r"i (?:wouldn'?t|would not) (?:go (?:quite )?that far|say so)|"
        r"(?:that|it) would be (?:overstating it|an overstatement|going too far|a stretch)"
        r"(?: to (?:say|call|describe)[^,.;:!?]*)?|"
        r"i (?:wouldn'?t|would not) go so far as to (?:say|call|describe)[^,.;:!?]*|not as such|indeed not|"
        r"i fear not|(?:that|it|this) (?:describes|sums up) me (?:rather |quite |fairly )?(?:poorly|badly)|"
        r"i beg to differ|i have (?:my |some )?(?:doubts|reservations)|"
        r"(?:that|it) (?:does not|doesn'?t) ring true(?: for me)?|"
        r"i(?:'m| am) not (?:persuaded|convinced)(?: that (?:it|this|that) (?:matters|does|is|would))?|"
        r"(?:it|that|this) is of (?:very )?little (?:consequence|importance|interest)(?: to me)?"),
    (3, r"i(?:'m| am) (?:in|of) two minds|i(?:'m| am) (?:genuinely |quite |rather )?ambivalent|"
        r"neither here nor there"),
    (4, r"i (?:should|would|do) think so|i rather think so|i (?:would|should) say so|i'?d say so|"
        r"i (?:rather )?believe so|i (?:should |would )?suppose so|"
        r"(?:i'?m|i am|i'?d be|i would be) (?:rather |somewhat )?inclined to agree|i(?:'m| am) afraid so|"
        r"(?:broadly(?: speaking)?|on balance|in principle|by and large),? (?:yes|i agree)|"
        r"(?:that|it|this) (?:describes|sums up) me (?:rather |quite |fairly |pretty )?(?:well|accurately)|"
        r"i (?:would |do )?concur|(?:i am|i'm) of the same (?:view|mind|opinion)|quite so|just so|"
        r"(?:i'?d|i would) be hard pressed to disagree|(?:that|it) rings true(?: for me)?|"
        r"i share (?:that|this|the) view"),
)
# Words that are a verdict only as a sentence of their own ("Entirely. I would not consider ..."): before a
# comma they may grant a point the answer then turns from ("Certainly, the name helps, but ...").
FORMAL_ALONE = (
    (5, r"wholeheartedly|(?:most )?certainly|entirely|emphatically|unreservedly|absolutely|precisely"),
    (4, r"indeed|by and large|to (?:some|a certain) extent|in the main|for the most part"),
)
FORMAL_OPENING = (r"(?:(?:oh|well|frankly|honestly|candidly|truthfully|in truth|to be (?:honest|frank)|alas|"
                  r"sadly|happily|i must (?:say|admit|confess)|i confess|quite honestly|"
                  r"i (?:should|would|must) say(?: that)?|i'?d say(?: that)?)[,\s]+)*")
FORMAL_CLOSING = (r"(?:,?\s+(?:frankly|i must (?:say|admit|confess)|i'?m afraid|i fear|on the whole|on balance|"
                  r"in truth|to be (?:honest|frank)|alas|i confess|honestly|really))?")


def _verdicts(table: Tuple[Tuple[int, str], ...], end: str) -> re.Pattern:
    said = "|".join(f"(?P<p{point}>{words})" for point, words in table)
    return re.compile(rf"^\W*{FORMAL_OPENING}(?:{said}){FORMAL_CLOSING}(?=\s*(?:{end}))")


FORMAL_VERDICT = _verdicts(FORMAL_VERDICTS, r"[,;:.!?—–]|\s-+\s|$")
FORMAL_VERDICT_ALONE = _verdicts(FORMAL_ALONE, r"[.;!]|$")


def formal_verdict(text: str) -> Optional[int]:
    """The point of a FORMAL_VERDICTS phrase opening the message as its own clause, or of a FORMAL_ALONE
    word as its own sentence; None otherwise."""
    lower = answers.lowered(text).strip()
    for pattern, table in ((FORMAL_VERDICT, FORMAL_VERDICTS), (FORMAL_VERDICT_ALONE, FORMAL_ALONE)):
        match = pattern.match(lower)
        if match:
            return next(point for point, _ in table if match.group(f"p{point}"))
    return None


# A thing said to matter little, as the whole first clause: "Brand matters little to me, if at all." (REST: asked
# again). A mild no when the thing is the statement's side, a mild yes when it is the other side.
MATTERS_LITTLE = re.compile(r"^\W*(?P<thing>[a-z' -]{2,40}?) (?:matters?|counts?(?: for)?|means?) "
                            r"(?:very |rather |relatively )?little(?: to me| with me| for me)?"
                            r"(?=\s*(?:[,;:.!?—–]|$))")


def matters_little(text: str, question: str, k: Knowledge) -> Optional[int]:
    """2 or 4 for MATTERS_LITTLE said of the statement's side (or "it") or of its opposite; None otherwise."""
    return _little_said_of(MATTERS_LITTLE, text, question, k)


def _little_said_of(pattern: Pattern, text: str, question: str, k: Knowledge) -> Optional[int]:
    """2 where the pattern, matching the answer, says its thing matters little and the thing is the statement's
    side, "it" ("It matters little to me.") or nothing named ("not the top priority"); 4 where it is the
    opposite; None otherwise."""
    match = pattern.match(answers.lowered(text))
    criterion = k.criteria.get(question)
    if not match or not criterion:
        return None
    thing = answers.normalise(match.group("thing") or "")
    side = 1 if not thing or PRONOUN_THING.fullmatch(thing) else _side_named(thing, criterion)
    return {1: 2, -1: 4}.get(side)


# "not the top priority", "stability is low on my list" (REST, in my own words: asked again at salary)
LOW_PRIORITY = re.compile(r"^\W*(?:(?P<thing>[a-z' -]{2,40}?) (?:is|are|'s) )?(?:it'?s )?"
                          r"(?:not (?:the|a|my) (?:top |big |main |high |real )?priority|"
                          r"(?:a )?low(?:er)? priority|(?:low|not high) on my list)"
                          r"(?:\s+(?:for me|to me|right now|now))?(?=\s*(?:[,;:.!?—–]|$))")


def low_priority(text: str, question: str, k: Knowledge) -> Optional[int]:
    """2 for LOW_PRIORITY said of the statement's side or of nothing named ("not the top priority"), 4 of its
    opposite ("stability is low on my list" at risk); None otherwise."""
    return _little_said_of(LOW_PRIORITY, text, question, k)


BARE_ANSWER_WORDS = {"yes", "yeah", "yep", "yup", "sure", "no", "nope", "nah"}
# One of them but "sure" closed by a mark, opening the message: "no. also no savings" answers the yes/no question
# asked first (read_yes_no). Not after_bare_word: that skips fillers, and "lol no savings" opens with no answer.
BARE_ANSWER_OPENING = re.compile(r"^\W*(?:yes|yeah|yep|yup|no|nope|nah)\s*[,.!;:—–-]")
# ... its yes only: "yes, F-1" (a "no" so said adds no constraint the person lacks)
BARE_YES_OPENING = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|yea)\s*[,.!;:—–-]")
# Another thing said besides the answer: "yes. also no savings"
ALSO = re.compile(r"\b(?:also|too|as well|plus|besides|on top of that)\b")


def after_bare_word(text: str) -> str:
    """What follows a bare yes or no opening the text ("yeah i've been working for three years"); "" when
    another word or phrase opens it."""
    words = _opening(text, LEAD_FILLER).split()
    return " ".join(words[1:]) if words[:1] and words[0] in BARE_ANSWER_WORDS else ""


# Sentences, for an answer said as one of its own ("... I can tell you: strongly disagree. ...")
SENTENCE = re.compile(r"[.:;!?\n]+|\s[-—–]\s")


def title_said(text: str, k: Knowledge) -> Optional[int]:
    """The point whose button title ("Strongly disagree", "Agree") is a whole sentence of the answer,
    wherever it stands; None for none, or for titles of two points."""
    titles = k.answer_titles
    found = {titles[part] for part in map(answers.normalise, SENTENCE.split(text)) if part in titles}
    return found.pop() if len(found) == 1 else None


# A chat vote: "+1" agrees, "-1" disagrees (Slack and forum habit), alone or before a reason.
SLACK_VOTE = re.compile(r"^\W*?(?P<sign>[+-])1(?![\d.])(?!\s*(?:/|out of|of)\s*5)")


# A number alone that no 1-to-5 rating is: 0 or 6 to 10, read out of ten.
BARE_TEN_SCALE = re.compile(r"\s*(?:(?:i'?d say|maybe|a|an|like|solid)\s+){0,2}(10|[06-9])\s*[.!]*\s*")


def rating_number(text: str) -> Optional[int]:
    """A 1..5 rating typed as a number or percentage, alone or before its reason ("5. already took a
    pay cut once"); None when the text is not one."""
    raw = answers.lowered(text)
    if SLACK_VOTE.match(raw):
        return None  # "+1" agrees, it is no rating of 1
    # a ratio is no rating: "I'd weight them 1:1", "call it 60/40" (probe27: "1:1" read 1)
    text = RATIO.sub(" ratio ", text)
    raw = RATIO.sub(" ratio ", raw)
    above_five = BARE_TEN_SCALE.fullmatch(raw)
    if above_five:
        # "7" alone, typed after "8/10" or on its own: no 1-to-5 rating, so one out of ten (REST, in my own words:
        # "9" read 4 by the model, "7" asked again)
        return answers.on_five(int(above_five.group(1)) / 10)
    lead = re.match(r"^\s*(?:(?:i'?d say|id say|i would say|say|a|an|maybe|perhaps|prob|probably|like|"
                    r"solid)\s+){0,3}"
                    r"([1-5]|one|two|three|four|five)(?:\s+(?:for sure|for me|tbh|honestly|probably|i guess|"
                    r"i think|i suppose|lol|definitely|max|tops|at most|at best|easily|really|yep|yup|yeah|yes))?"
                    r"\s*(?:[.,:;!)—–]|-(?![a-z])|$)(?!\d)", raw)
    if lead:
        return NUMBER_WORDS.get(lead.group(1)) or int(lead.group(1))
    stated = RATING_STATED.search(raw)
    if stated:
        n = next(group for group in stated.groups() if group)
        return NUMBER_WORDS.get(n) or int(n)

    scaled = ten_scale_rating(raw)
    if scaled is not None:
        return scaled

    def squeezed(part: str) -> str:
        return re.sub(r"\s+", " ", answers.normalise(part).replace("!", " ")).strip()

    clean = squeezed(text)
    candidates = [clean, first_clause(text)]
    clauses = [part for part in CLAUSE.split(raw) if answers.normalise(part)]
    if len(clauses) > 1:  # and the last clause: "... but I'm tired. I'd say a 3.", "..., so a 4"
        candidates.append(squeezed(clauses[-1]))
        if len(clauses) > 2 and RATING_AFTERWORD.fullmatch(squeezed(clauses[-1])):
            candidates.append(squeezed(clauses[-2]))  # "..., a 5, easy"
    for candidate in candidates:
        match = RATING.match(candidate)
        if match:
            n = match.group("n")
            return NUMBER_WORDS.get(n) or int(n)
    if re.fullmatch(r"(?:no cap |honestly |tbh |like )*[1-9]\d{3,}\s*(?:%|percent)[\W_]*", clean):
        return 5  # "1000%", "no cap 1000%": more than all of it
    percent = PERCENT.search(clean)
    # "100% yes", "60 percent"; not a percentage that stresses what follows ("i'm 100% a depth person")
    # or what came before ("nope. reach, 100%")
    if (percent and len(clean.split()) <= 6 and len(clean[percent.end():].split()) <= 1
            and re.fullmatch(r"(?:(?:i'?d say|id say|i would say|say|maybe|about|around|like|prob|probably|"
                             r"honestly|tbh|um+|hmm+)\s*)*", clean[:percent.start()])):
        return answers.on_five(min(int(percent.group(1)), 100) / 100)
    return None


def ten_scale_rating(raw: str) -> Optional[int]:
    """A rating out of ten or a hundred put on 1..5 as percentages are ("7/10" 4, "3/10" 2, "5/10" 3);
    None without one, or with two that disagree ("startup 8/10, big tech 3/10" compares)."""
    found = set()
    for match in TEN_SCALE.finditer(raw):
        # "8/10 comfy" rates; "9 out of 10 startups fail" may count, and so may "8/10 of them"
        slashed = "/" in match.group(0) and not re.match(r"\s*of\b", raw[match.end():])
        if not slashed and not TEN_SCALE_AFTER.match(raw, match.end()):
            continue
        whole = 100 if match.group(2) == "100" else 10
        share = min(float(match.group(1)), whole) / whole
        found.add(answers.on_five(share))
    return found.pop() if len(found) == 1 else None


def _vocabulary_features(clean: str, k: Knowledge, prefix: str) -> Dict[str, float]:
    """What the knowledge file's answer phrases say about the text: the point of the longest phrase,
    and whether a negation comes before it."""
    features: Dict[str, float] = {}
    found = answers.find_phrase(clean, k)
    phrase = next((p for p, point in answers.phrases(k) if found and point == found[0]
                   and clean.startswith(p, found[1])), "")
    if HEDGES.fullmatch(phrase) and (found[1] > 0 or clean[found[1] + len(phrase):].strip()):
        # "would bug me a bit", "mostly i find it draining": a hedge that tones down other words is not
        # the answer
        found = answers.find_phrase(clean, k, without=HEDGES)
    if found:
        point, position = found
        features[f"{prefix}vocab={point}"] = 1.0
        if answers.NEGATIONS.search(clean[:position]):
            features[f"{prefix}negated"] = 1.0
            features[f"{prefix}negated={point}"] = 1.0
    return features


# A comparison within a clause puts the side it prefers less second ("rather X than Y", "X over Y", "X >
# Y", "trade Y for X"), or first ("X matters less than Y", "X < Y"); "over a billion users", "more than
# a year" are amounts, not comparisons.
PREFERENCE = re.compile(r"\b(?:rather than|instead of|(?P<less>less than)|than|over)(?=\s|$)|>+|(?P<less_sign><)")
AMOUNT = re.compile(r"\s*(?:\d|a (?:million|billion|thousand|hundred|few|couple|decade|year|month|week|day|bit|"
                    r"lot)|the (?:years|past|last|next|course|top|moon)|time|here|there|it\b|that\b|again|ever|"
                    r"anything|before|usual|not\b|\w+ (?:years|months|weeks))")


def _less_preferred(words: List[str]) -> range:
    """Where in one clause's words the side a comparison prefers less stands; empty for none."""
    clause = " ".join(words)
    trade = TRADE.search(clause)
    if trade:
        start = len(clause[:trade.start("given")].split())
        return range(start, start + len(trade.group("given").split()))
    match = PREFERENCE.search(clause)
    if not match or AMOUNT.match(clause[match.end():]):
        return range(0)
    before = len(clause[:match.start()].split())
    if match.group("less") or match.group("less_sign"):
        return range(before)
    return range(before + len(match.group(0).split()), len(words))


# Every word that negates, for counting them (answers.NEGATIONS finds the ones that flip an answer).
NEGATION_WORDS = re.compile(r"\b(?:not|no|never|nothing|nobody|none|nor|without|hardly|cannot|can't|cant|"
                            r"don't|dont|"
                            r"doesn't|doesnt|didn't|didnt|won't|wont|wouldn't|wouldnt|couldn't|couldnt|"
                            r"isn't|isnt|aren't|arent|wasn't|wasnt|ain't|aint)\b")


def negation_marked(text: str) -> List[str]:
    """The words of a text, those after a negation in the same clause marked "not_" ("no savings",
    "without a clear ladder"): the same word then counts one way when negated and the other when not.
    The side a comparison prefers less is marked too ("rather ship to a clinic than not_to not_a
    not_billion not_people"): a learned word then counts against what it names there."""
    words: List[str] = []
    for part in CLAUSE.split(answers.lowered(text)):
        clause = re.findall(r"[a-z']+|>+|<", answers.normalise(part))
        less = _less_preferred(clause)
        negated = False
        for position, word in enumerate(clause):
            words.append(f"not_{word}" if negated or position in less else word)
            negated = negated or bool(NEGATION_WORDS.fullmatch(word))
    return words


def _negated_before(clean: str, start: int, window: int) -> bool:
    """True when a negation comes in the `window` characters before `start` ("not a citizen")."""
    return bool(NEGATION_WORDS.search(clean[max(0, start - window):start]))


# "hard to get excited about", "I struggle to enjoy": a feeling said to be out of reach
HARD_TO = re.compile(r"\b(?:hard|difficult|tough|struggle|impossible) (?:for me )?to (?:\w+ )?$")


def _feelings(clean: str) -> Tuple[int, int]:
    """How many likings and dislikings the words show, a feeling negated close before it turned round:
    "ambiguity does not scare me" is a liking, "I don't really thrive in it" a dislike."""
    def negated(match) -> bool:
        return _negated_before(clean, match.start(), 15) or bool(HARD_TO.search(clean, 0, match.start()))
    likes, dislikes = list(LIKING.finditer(clean)), list(DISLIKING.finditer(clean))
    return (sum(not negated(m) for m in likes) + sum(negated(m) for m in dislikes),
            sum(not negated(m) for m in dislikes) + sum(negated(m) for m in likes))


def constraint_words(clean: str, question: str, k: Knowledge) -> Set[str]:
    """Which sides the knowledge file's words for a yes/no question's answers say ("on an H-1B": yes),
    "_negated" added to a single word a negation comes before ("not a citizen")."""
    found = []
    for side, words in k.constraints.get(question, {}).get("answers", {}).items():
        for w in words:
            match = answers.whole_words(w.lower()).search(clean)
            if match:
                negated = _negated_before(clean, match.start(), 20)
                found.append((match.span(), side + ("_negated" if negated and " " not in w else "")))
    # a phrase inside a longer one counts no more ("need sponsorship" in "don't need sponsorship")
    return {said for span, said in found if not _inside_longer(span, [s for s, _ in found])}


def _features(text: str, question: str, k: Knowledge) -> Tuple[str, str, str, Dict[str, float]]:
    """(text for the n-gram vectorizers, its negation-marked words, the question-tagged words, hand-made
    features)."""
    clean = answers.normalise(text)
    first = first_clause(text)
    marked = negation_marked(text)
    tagged = " ".join(f"{question}__{w}" for w in marked)
    features: Dict[str, float] = {}
    features.update(_vocabulary_features(first, k, "first:"))
    features.update(_vocabulary_features(clean, k, "all:"))
    if INTENSIFIERS.search(clean):
        features["intense"] = 1.0
    if HEDGES.search(first):
        features["hedged"] = 1.0
    if re.search(r"!|\b[A-Z]{2,}\b", text):
        features["emphasis"] = 1.0
    if re.search(r"\b[A-Z]{2,}\b", text):
        features["capitals"] = 1.0
    if re.search(r"\b(\w+)[\s,.!]+\1\b", clean):
        features["repeated"] = 1.0
    if re.search(r"(\w)\1\1", clean):
        features["stretched"] = 1.0
    features[f"strong={min(len(STRONG.findall(clean)), 3)}"] = 1.0
    features[f"hedges={min(len(HEDGES.findall(clean)), 2)}"] = 1.0
    if answers.NEGATIONS.search(first):
        features["negation_first"] = 1.0
    # Two negations in the first clause usually cancel out: "can't say I don't", "not that I don't
    # care, but ..." (the training data has them both ways round, so the weight is learned).
    features[f"negations_first={min(len(NEGATION_WORDS.findall(first)), 2)}"] = 1.0
    features[f"words={min(len(clean.split()), 12) // 3}"] = 1.0
    if question in k.constraints:
        # An answer word opening a yes/no answer ("nope, ..."), not one that starts a phrase ("no
        # savings"); agreement answers have it as a rule (Reader.read_agreement)
        features[f"lead={lead_direction(text, k)}"] = 1.0
    # What answers to a yes/no question say in people's words ("on an H-1B", "plenty saved"), from the
    # knowledge file, and whether the clause negates them ("not a citizen").
    for said in constraint_words(clean, question, k):
        features[f"says_{said}"] = 1.0
    liking, disliking = _feelings(clean)
    # The statement's own words ("breadth") and what disagreeing with it values ("depth"), from the
    # knowledge file; and how the person feels about what they mention.
    criterion = k.criteria.get(question)
    if criterion:
        for name, words in (("topic", criterion["synonyms"]), ("opposite", criterion.get("opposite", []))):
            for w in words:
                match = answers.whole_words(w.lower()).search(clean)
                if match:
                    features[f"mentions_{name}"] = 1.0
                    # "the uncertainty would bug me": a feeling about the statement's topic or its opposite
                    for feeling, count in (("liking", liking), ("disliking", disliking)):
                        if count:
                            features[f"{feeling}_{name}"] = 1.0
                    # "i don't need top pay": the statement's own words, negated
                    # ("im ok without a clear ladder", "no ladder")
                    if _negated_before(clean, match.start(), 25):
                        features[f"negated_{name}"] = 1.0
                    break
    for part, scope in ((text, "all"), (first, "first")):
        valence = _valence(part)
        if valence:
            features[f"valence_{scope}"] = valence
            for name in ("topic", "opposite"):
                if features.get(f"mentions_{name}"):
                    features[f"valence_{scope}_{name}"] = valence
    features[f"liking={min(liking, 2)}"] = 1.0
    features[f"disliking={min(disliking, 2)}"] = 1.0
    return clean, " ".join(marked), tagged, features


@functools.lru_cache(maxsize=1)
def _sentiment():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _valence(text: str) -> float:
    """How positive (+1) or negative (-1) the words are, by VADER's general English lexicon: "I'm the
    happiest person alive" and "it makes me miserable" say which way an answer goes without a yes."""
    return float(_sentiment().polarity_scores(text)["compound"])


# idf weights per fitted TfidfVectorizer, taken once: sklearn 1.1's `idf_` sums a sparse matrix each time
_IDF: "weakref.WeakKeyDictionary[Any, Any]" = weakref.WeakKeyDictionary()


def tfidf(vectorizer, texts: Sequence[str]):
    """`vectorizer.transform(texts)` for a fitted TfidfVectorizer, the same weights to a bit or two
    (tests/test_answers.py), faster: scikit-learn 1.1's transform checks that the vectorizer is fitted,
    which sums its idf matrix, and multiplies by that diagonal matrix as a sparse product, on every call,
    a large share of an answer's reading time in the action server and in the NLU
    (bot/nlu/extractor.py)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    if not vectorizer.use_idf or vectorizer.norm != "l2":
        return vectorizer.transform(texts)  # not the weighting below
    idf = _IDF.get(vectorizer)
    if idf is None:
        idf = _IDF[vectorizer] = vectorizer.idf_
    matrix = CountVectorizer.transform(vectorizer, texts)  # the counts, in the vectorizer's dtype
    if vectorizer.sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1
    matrix.data *= idf[matrix.indices]
    return normalize(matrix, norm="l2", copy=False)


class _Model:
    """Word and character n-grams, question-tagged words and vocabulary features into a logistic
    regression, or with `network` a small neural network. One class, three uses: agreement points (the
    network), yes/no, career stage."""

    def __init__(self, k: Knowledge, tag_question: bool = True, by_side: bool = False,
                 network: Optional[Dict[str, Any]] = None) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.neural_network import MLPClassifier

        self.k = k
        self.tag_question = tag_question
        # float32 throughout: a fifth less time, the probabilities the same to three decimals
        single = np.float32
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"[a-z0-9']+",
                                     dtype=single)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                     min_df=2, dtype=single)
        self.tagged = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, dtype=single)
        # With `by_side`, the negation-marked words once more, signed by the side agreeing favours: what
        # "a billion people" or "not_equity" says about startup against Big Tech is learned from the
        # answers to all eight statements at once, not from one statement's answers each.
        self.sided = TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                     dtype=single) if by_side else None
        self.dicts = DictVectorizer(dtype=single)
        # sag: newton-cg's probabilities to two decimals in less time; seeded, so the same model each time.
        # tol 3e-4 instead of 3e-5: a third of the epochs, probabilities within 0.014, the same best point
        # for every answer of the tune slice (docs/benchmarks.md)
        self.classifier = (MLPClassifier(**network, random_state=0) if network else
                           LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced", solver="sag",
                                              tol=3e-4, random_state=0))

    def _matrix(self, rows: Sequence[Tuple[str, str]], fit: bool):
        from scipy.sparse import diags, hstack

        parts = [_features(text, question, self.k) for text, question in rows]
        columns = [
            ([p[0] for p in parts], self.words),
            ([p[0] for p in parts], self.chars),
            ([p[3] for p in parts], self.dicts),
        ]
        if self.tag_question:
            columns.append(([p[2] for p in parts], self.tagged))
        if self.sided is not None:
            columns.append(([p[1] for p in parts], self.sided))
        if fit:
            blocks = [v.fit_transform(x) for x, v in columns]
        else:
            blocks = [v.transform(x) if v is self.dicts else tfidf(v, x) for x, v in columns]
        blocks[2] = blocks[2] * HAND_MADE_WEIGHT  # a Python float keeps the block float32
        if self.sided is not None:
            signs = [SIDED_WEIGHT * self.k.agreement_sign(question) for _, question in rows]
            blocks[-1] = diags(np.array(signs, dtype=np.float32)) @ blocks[-1]
        return hstack(blocks).tocsr()

    def fit(self, rows: Sequence[Tuple[str, str]], labels: Sequence[object]) -> "_Model":
        from sklearn.exceptions import ConvergenceWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # the network stops early on purpose
            self.classifier.fit(self._matrix(rows, fit=True), list(labels))
        if hasattr(self.classifier, "_optimizer"):
            # The optimiser's running averages are only for training on: twice the weights' memory
            self.classifier._optimizer = None
        return self

    def knows_a_word(self, text: str) -> bool:
        """True when the text has a word the model was trained on ("blorp" has none)."""
        # A lookup of the analyzer's n-grams: weighing them (tfidf) is far slower and says no more
        vocabulary = self.words.vocabulary_
        return any(gram in vocabulary for gram in self.words.build_analyzer()(answers.normalise(text)))

    def probabilities(self, text: str, question: str) -> Dict[object, float]:
        row = self._matrix([(text, question)], fit=False)
        return dict(zip(self.classifier.classes_, self.classifier.predict_proba(row)[0]))


@dataclass
class TrainingSet:
    agreement: List[Tuple[str, str, int]]
    yes_no: List[Tuple[str, str, bool]]
    stage: List[Tuple[str, str]]


# libyaml's safe loader where PyYAML was built with it (the lock file's wheel is): the same data, five
# times faster on 40 files of typed answers
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def training_files(directory: Path = DATA_DIR) -> List[Path]:
    return sorted(directory.glob("*.yml"))


def load_labelled(k: Knowledge, files: Iterable[Path]) -> TrainingSet:
    """The labelled typed answers, yes/no answers and stage statements of the training files."""
    data = TrainingSet([], [], [])
    for path in files:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        # answers to a question the knowledge file no longer has are left out
        for item in raw.get("answers", []):
            if item["question"] in k.criteria:
                data.agreement.append((str(item["text"]), item["question"], int(item["label"])))
        for item in raw.get("constraints", []):
            if item["question"] in k.constraints:
                data.yes_no.append((str(item["text"]), item["question"], bool(item["label"])))
        for item in raw.get("stage", []):
            data.stage.append((str(item["text"]), item["label"]))
    return data


def load_training(k: Knowledge, files: Iterable[Path]) -> TrainingSet:
    """The labelled answers, plus every phrase of the knowledge vocabulary as its own example, and the
    reason of each answer that says an answer word apart from it, alone with the same label: many people
    give only the reason, and these teach the models what reasons say."""
    data = load_labelled(k, files)
    for text, question, point in list(data.agreement):
        reason = reason_alone(text, (point > NEUTRAL) - (point < NEUTRAL), k) if point != NEUTRAL else None
        if reason:
            data.agreement.append((reason, question, point))
    for text, question, value in list(data.yes_no):
        reason = reason_alone(text, 1 if value else -1, k)
        if reason:
            data.yes_no.append((reason, question, value))
    for point, entry in k.agreement["scale"].items():
        for phrase in [entry["title"], *entry["synonyms"]]:
            for question in k.criteria:
                data.agreement.append((phrase, question, int(point)))
    for phrase in k.agreement["affirm"]:
        for question in k.constraints:
            data.yes_no.append((phrase, question, True))
    for phrase in k.agreement["deny"]:
        for question in k.constraints:
            data.yes_no.append((phrase, question, False))
    for sid, value in k.stage["values"].items():
        for phrase in [value["title"], *value["synonyms"]]:
            data.stage.append((phrase, sid))
    return data


def _unsure(p: Dict[object, float]) -> bool:
    """True when the agreement model's probabilities settle no point: none likely enough, both sides likely, or
    a side's point without its side being likely."""
    best = max(p, key=p.get)
    disagree, agree = p.get(1, 0) + p.get(2, 0), p.get(4, 0) + p.get(5, 0)
    return (p[best] < MIN_CONFIDENCE and max(disagree, agree, p.get(3, 0)) < MIN_CONFIDENCE + 0.2) or (
        min(disagree, agree) >= MIN_OPPOSITE or (best != NEUTRAL and max(disagree, agree) < MIN_SIDE))


class Reader:
    """The three trained readers and the rules in front of them."""

    def __init__(self, k: Knowledge, data: TrainingSet) -> None:
        self.k = k
        self.agreement = _Model(k, by_side=True, network=AGREEMENT_NETWORK).fit(
            [(t, q) for t, q, _ in data.agreement], [label for _, _, label in data.agreement])
        self.yes_no = _Model(k).fit([(t, q) for t, q, _ in data.yes_no],
                                    [label for _, _, label in data.yes_no])
        self.stage = _Model(k, tag_question=False).fit([(t, "stage") for t, _ in data.stage],
                                                         [label for _, label in data.stage])

    def _other_side_asked(self, text: str, question: str) -> Optional[Reading]:
        """The answer to the other side asked back, turned round: "Specialization? Hard pass." to breadth is
        5, "Small problems on a laptop? Never interested me." to scale 5; None where the question does not
        name the other side alone, or the answer after it is no answer word or names a side itself."""
        rest = asked_back(text)
        criterion = self.k.criteria.get(question)
        if rest is None or not criterion or answer_part(rest) is not None:
            # "A safe job? Sure, in theory it's nice. In practice I'd get restless ...": a point granted, then
            # the answer, which the whole is read for (answer_part)
            return None
        # the thing asked is the question's own sentence: "deep credit-risk modelling since 2009. broad and
        # shallow? never" asks back about breadth, whatever the sentence before says (probe25: read 5)
        asked = _sentence_asked(text)
        # a thing asked back is a few words alone, its side's word in any form ("Specialising early?"); in
        # a sentence such a form is often something else ("promotions are random")
        if (not ASKED_THING.match(asked) or COMPARISON.search(asked) or _words_side(asked, criterion, True) != -1
                or _words_side(answers.normalise(rest), criterion)):
            return None  # the answer names a side itself: "Specialization? I'd rather go broad"
        concluded = _concluding(rest, self.k)
        if concluded and concluded[1] > 0:
            return None  # "Routine? Never. Strongly agree.": the statement answered after the thing asked
        if not (lead_direction(rest, self.k) or concluded or idiom_direction(rest)  # "Meh, not my motivation."
                or self.k.answer_points.get(answers.normalise(rest)) not in (None, NEUTRAL)):
            return None  # "routine? kill me": only an answer word is sure to answer the thing asked
        reading = self._read_agreement(rest, question)
        if reading.value not in (1, 2, 4, 5):
            return None
        if OTHER_SIDE_DENIED.search(asked):
            return reading  # "Zero routine? No problem at all, I love it": no routine is the statement's side
        return Reading(6 - reading.value, reading.confidence, reading.how)

    def read_agreement(self, text: str, question: str) -> Reading:
        text = standard_english(text)
        # "y" and "n" alone, as typed in chat: yes and no (REST, in my own words: "y" was unread, "n" read 3)
        text = LONE_LETTERS.get(text.strip(" .!").lower(), text)
        reading = self._opened_story(text, question, self._read_agreement(text, question))
        reading = self._concluded_story(text, question, reading)
        reading = self._so_concluded(text, question, reading)
        reading = exclaimed(text, reading)
        reading = self._edit_weighed(text, question, reading)
        reading = self._lean_opened(text, question, reading)
        reading = self._condition_weighed(text, question, reading)
        reading = self._compared(text, question, reading)
        reading = self._thought_again(text, question, reading)
        rest = after_never_again(text)
        if not rest or never_again_opens(text, self.k):
            # "Never again! In my first job was total chaos ...": opening the answer, it is the answer, and
            # what follows is its reason (probe21)
            return reading
        after = self._read_agreement(rest, question)
        # Most stories that end "never again, ..." read as one; what follows is the answer where the whole
        # is unread, or where it says the other side ("... used by millions and nobody knew my name. never
        # again, i need to see my fingerprints on the thing")
        return after if reading.value is None or _other_sides(after, reading) else reading

    def _thought_again(self, text: str, question: str, reading: Reading) -> Reading:
        """An answer thought out loud (actions/thinking.py, probe38): what follows the last doubt, where it reads
        and the answer before the doubt read otherwise or not at all; after an answer only planned ("I thought I'd
        say yes, but ...", "I was going to say 5 but honestly 4"), what follows the turn wherever it reads."""
        if reading.how == "button":
            return reading
        lowered = answers.lowered(text)
        if reading.how != "number" and thinking.tried_both_undecided(lowered):
            return Reading(NEUTRAL, 1.0, "rule")  # "yes? no? ugh I genuinely don't know" (probe38: read 1)
        thought = thinking.second_thought(lowered)
        own = _own_question_in(text) if thought is None else None
        if own is not None:
            # a question of the person's own, answered: "clear criteria sounds nice. do I need it though? ...I'd be
            # fine without it, honestly" (read 4)
            thought = (own[0], own[2], False)
        if thought is None:
            return reading
        before, after, only_planned = thought
        if reading.how == "number" and not only_planned:
            return reading  # a number taken back by another: self_correction's ("5. sorry, I mean 2")
        landed = self.read_agreement(after, question)
        if landed.value is None or landed.value == reading.value:
            return reading
        if own is not None and not before:
            return reading  # a question of one's own opening the answer is read by the rules for it
        started = self.read_agreement(before, question)
        # after a question of one's own, only an answer that turns round what was said before it; where the whole
        # is unread, what the person landed on ("my gut says no. thinking about it more... still no")
        if (only_planned or reading.value is None or (started.value is None and own is None)
                or _other_sides(started, landed)):
            # "agree - hmm, wait, re-reading it. reaching millions actually matters a bit more to me" (read 4),
            # "structure! hmm... I hate ladders" (read 5)
            return landed
        return reading

    def _compared(self, text: str, question: str, reading: Reading) -> Reading:
        """An answer given by comparison (actions/comparisons.py, probe37), where no answer word leads: weighed
        even, neutral; the topic measured against other people or placed among the person's priorities, that
        point where no other statement's topic is named and no rule read it; a comparison
        of the sides won by far or narrowly, that strongly or mildly."""
        if reading.how in ("number", "button"):
            return reading
        lowered = answers.lowered(text)
        even = comparisons.even(lowered)
        found = [f for f in (comparisons.against_people(lowered), comparisons.ranked(lowered)) if f is not None]
        criterion = self.k.criteria[question]
        # the answer's own words and topics, asked only where a comparison is found: stated_direction tries every
        # rule, and this runs for every typed answer
        lead, other_topic = 0, False
        if even or found:
            lead = stated_direction(text, question, self.k)
            clean = answers.normalise(text)
            # another statement's topic named, and not this one's: "salary and brand weigh the same" at scale
            other_topic = (any(_names_criterion(clean, other) for cid, other in self.k.criteria.items()
                               if cid != question) and not _names_criterion(clean, criterion))
        if even and not lead and not other_topic:
            return Reading(NEUTRAL, 1.0, "rule")  # "impact vs reach is a dead heat for me" (read 2)
        for point, subject in ([] if lead or other_topic else found):
            subject = answers.normalise(subject)
            if len(subject.split()) > 2 and not COMPARED_IT.search(subject) and not _names_criterion(subject,
                                                                                                     criterion):
                continue  # "the team is top of my list": something else is placed
            # what is compared named as the statement's other side: "Stability over everything" at risk
            point *= -1 if _words_side(subject, criterion) < 0 else 1
            if reading.value is None or reading.how == "model":
                # "More than anyone I've ever worked with. Chaos is home." (unread), "Brand matters, just less
                # than literally everything else." (read 5), and how far: "less than most people I know" (REST, in
                # my own words: the model's 1)
                return Reading(NEUTRAL + point, 1.0, "rule")
        if reading.value in (None, NEUTRAL) or not SIDES_WEIGHED.search(lowered):
            return reading
        side = 1 if reading.value > NEUTRAL else -1
        by = comparisons.margin(lowered)
        # "Deep over wide and it isn't close." (read 2), "wider over deeper, a little" (read 4 where it reads)
        return Reading(NEUTRAL + (2 if by > 0 else 1) * side, reading.confidence, reading.how) if by else reading

    def _condition_weighed(self, text: str, question: str, reading: Reading) -> Reading:
        """An answer given through a condition ("I'd say yes if I were 23. At this stage, depth", probe36): what
        it says outside the condition (conditions.reality), where that reads surely."""
        led_to = [self.read_agreement(verdict, question) for verdict in conditions.verdicts_under_conditions(text)]
        if any(_other_sides(one, other) for one, other in itertools.combinations(led_to, 2)):
            # one condition leads to a yes and another to a no, and nothing else is said: it depends (REST, in my
            # own words: "depends how fast. if fast means shipping weekly, yes. if it means chaos, no" read 1)
            return Reading(NEUTRAL, 1.0, "rule")
        rest = conditions.reality(text) or ""
        # a conclusion closing what is left first ("I'm not, so I'd rather not trade stability"), then all of it,
        # then its parts ("At this stage, depth, though I still dabble")
        said_parts = dict.fromkeys((conditions.conclusion(rest), rest, *conditions.parts_of(rest)))  # each once
        for said in filter(None, said_parts):
            real = self.read_agreement(said, question)
            if real.value is not None:
                return real
        if conditions.only_way_failed(text) and (reading.value is None or reading.value >= NEUTRAL):
            # the only way to a yes, said to fail ("Only if the ambiguity gets resolved quickly. It rarely does",
            # probe36: unread): a mild no. Not what another life would give ("it'd only be a 'must' if ..."): that
            # cost a never-tuned slice one read the wrong way round (aggregate figures only)
            return Reading(NEUTRAL - 1, 1.0, "rule")
        return reading

    def _lean_opened(self, text: str, question: str, reading: Reading) -> Reading:
        """An answer left unread that opens with a lean toward one of the statement's sides, its reason after it
        ("Leaning toward breadth these days, since going deep boxed me in", probe35: the reason names the other
        side): a mild answer that way."""
        criterion = self.k.criteria.get(question)
        if reading.value is not None or not criterion:
            return reading
        clause = re.split(r"[,;:.!?—–]|\b(?:since|because|as|cause|cos|coz|but|though)\b", answers.lowered(text),
                          maxsplit=1)[0]
        lean = OPENS_WITH_LEAN.search(clause)
        side = _words_side(answers.normalise(clause[lean.end() - 1:]), criterion) if lean else 0
        return Reading(NEUTRAL + side, 1.0, "rule") if side else reading

    def _edit_weighed(self, text: str, question: str, reading: Reading) -> Reading:
        """A statement's word toned down ("'comfortable' is pushing it") is less than the statement as worded: a
        mild no where nothing else reads, at most a mild yes otherwise; a word taken as it stands ("'must' fits,
        mostly") is a yes, and taken exactly ("'fascinated' nails it") an emphatic one, unless the answer turns
        after it and the reader reads the rest."""
        if edits.toned_down(text, question, self.k):
            if reading.value is None:
                return Reading(2, 1.0, "rule")
            return Reading(4, reading.confidence, reading.how) if reading.value == 5 else reading
        taken = edits.taken_as_worded(text, question, self.k)
        if taken is None or reading.value == 5:
            return reading
        point, turned = taken
        if reading.value is None or (not turned and (reading.value < 4 or point == 5)):
            # "'must' fits, mostly" had read 2, the wrong way round, and "'fascinated' nails it" 4 (a clean clone's
            # make chat); after a turn ("..., but ...") the rest is the reader's where it reads
            return Reading(point, 1.0, "rule")
        return reading

    def _opened_story(self, text: str, question: str, reading: Reading) -> Reading:
        """A verdict in a short sentence of its own before a story that the model could not read ("I tolerate
        it. Thrive would be overselling it after 5 years of quarterly reorgs."), or a verdict of one word
        before a story that reads the other side ("Desperately. Five titles in six years and none meant
        anything."): the verdict, when the model is sure of it. Not a sentence that names the statement's
        topic or its opposite ("Scale. ..." says what the answer is about, not how the person feels)."""
        first = opening_sentence(text)
        if first is None or (reading.value is not None and reading.how != "model"):
            return reading
        lowered = answers.lowered(text).strip()
        rest = lowered[lowered.index(first) + len(first):]
        if ((_names_criterion(first, self.k.criteria.get(question) or {})
             and not OPENS_WITH_LEAN.search(first))  # "I'd lean towards breadth. Depth gets lonely down there."
                or re.match(rf"^\W*{GRANTED}\b", first) or MIND_CHANGED.search(text) or TURN_OPENS.match(rest)
                or answers.find_phrase(answers.normalise(rest), self.k) is not None):
            # what the story says for itself decides: an answer word of its own ("... Agree, I think."), a
            # point granted before the turn ("Small risks, sure. ..."), a change of mind ("no... actually yes")
            return reading
        opened = self._side_read(first, question)
        if opened is None:
            return reading
        if reading.value is None or (_other_sides(opened, reading) and len(first.split()) == 1
                                     and opened.confidence >= OPENING_VERDICT_SURE_AGAINST):
            # a story left unread; against a side the story reads, only a verdict of one word ("Desperately.",
            # "Hugely."): a short sentence of more words may be one point of the story (blind36), and a word
            # the model is less sure of may be misread ("MUITO." reads 2 alone)
            return opened
        return reading

    def _concluded_story(self, text: str, question: str, reading: Reading) -> Reading:
        """A story read by the model alone, or left unread by its doubt, whose last sentence is closed
        emphatically (closing_sentence) or is short (closing_verdict: "My hoodie has more brand than any
        corporation. Couldn't care less.", probe28) and read surely, and reads a side that the whole does
        not: that sentence's reading."""
        last = closing_sentence(text)
        verdict = None if last else closing_verdict(text, self.k, question)
        last = last or verdict
        if last is None or (reading.value is None and not reading.confidence) or (
                reading.value is not None and (reading.how != "model" or lead_direction(text, self.k))):
            # "Nope. ..., but I want my paycheck safe, period.": the answer word decides; a rule that found
            # the answer unreadable (mockery of either side) stands
            return reading
        # a short verdict with an answer word in it ("... That's a must.", probe30) is the answer as surely as
        # the model reads it
        worded = verdict and answers.find_phrase(answers.normalise(verdict), self.k) is not None
        concluded = self._side_read(last, question, VERDICT_SURE if verdict and not worded else 0.0)
        if concluded is None:
            return reading
        if reading.value in (None, NEUTRAL) or (_other_sides(concluded, reading)
                                                and (not verdict or concluded.how == "rule")):
            # against a side the story reads, a short verdict only when a rule reads it ("Couldn't care
            # less."): the model's sure reading of a few words may still be the story's (blind33)
            return concluded
        return reading

    def _so_concluded(self, text: str, question: str, reading: Reading) -> Reading:
        """An answer left unread by the model's doubt whose last clause draws the conclusion ("Beer is cheap
        here, children are not, so a steady salary matters.", probe28): that clause's reading, where the
        model is sure of it."""
        match = SO_CONCLUDES.search(answers.lowered(text))
        if reading.value is not None or not reading.confidence or not match:
            return reading
        concluded = self._side_read(match.group("clause"), question)
        return reading if concluded is None else concluded

    def _side_read(self, part: str, question: str, sure: float = VERDICT_SURE) -> Optional[Reading]:
        """The reading of a part of an answer where it reads a side at least `sure`; None otherwise."""
        read = self._read_agreement(part, question)
        return read if read.value not in (None, NEUTRAL) and read.confidence >= sure else None

    def _read_agreement(self, text: str, question: str) -> Reading:
        clicked = answers.button_value(text, "agreement")
        if clicked is not None:
            value = int(clicked) if clicked in {"1", "2", "3", "4", "5"} else None
            return Reading(value, 1.0, "button" if value else "unread")
        if not text.strip() or text.strip().startswith("/"):
            return Reading(None, 0.0, "unread")  # a payload, well-formed or not, is no typed answer
        word = answer_word_typed(text, self.k.answer_points)
        if word is not None:
            return Reading(word, 1.0, "rule")  # "kinda", "hard one" (not 1): the knowledge file's point
        vote = SLACK_VOTE.match(answers.lowered(text))
        if vote:
            return Reading(4 if vote.group("sign") == "+" else 2, 1.0, "rule")  # "+1": a plain agree
        if A_LITTLE.fullmatch(answers.normalise(text)):
            return Reading(4, 1.0, "rule")  # "a little", as the knowledge file's "a bit" (REST: asked again)
        said = without_tag(text)
        if said is not None:
            return self.read_agreement(said, question)  # "Stability is what matters, isn't it?"
        stressed = without_no_cap(text)
        if stressed is not None:
            return self.read_agreement(stressed, question)
        corrected = self._corrected(text, question)
        if corrected is not None:
            return corrected
        number = rating_number(text)
        if number is not None:
            return Reading(number, 1.0, "number")
        edited = edits.edited_point(text, question, self.k)
        concluded = conclusion(text, self.k) if edited is not None else None
        if edited is not None and (concluded is None or concluded * (edited - NEUTRAL) > 0):
            # "not just 'rather'", "'comfortable' is pushing it": how far the person goes with the statement's own
            # words, unless the answer concludes otherwise ("'massive' is strong, but so yes")
            return Reading(edited, 1.0, "rule")
        viewed = self._view_answered(text, question)
        if viewed is not None:
            return viewed
        agreed = self._own_question_agreed(text, question)
        if agreed is not None:
            return agreed
        mirrored = self._other_side_asked(text, question)
        if mirrored is not None:
            return mirrored
        if other_topic_answered(text, question, self.k):
            return Reading(None, 0.0, "unread")  # "salary? yes." answers another statement, not this one
        if own_topic_alone(text, question, self.k):
            return Reading(None, 0.0, "unread")  # "pace" typed at pace: which way, it does not say
        topic = topic_named_first(text, question, self.k)
        if topic is not None:
            side, rest = topic
            reading = self.read_agreement(rest, question)
            if reading.value is not None and ((side or 0) > 0 or reading.value == NEUTRAL):
                # what follows the topic answers it: at the statement's side as it stands; after the other
                # side or both, only an undecided answer is sure ("Stability, please" is no yes)
                return reading
        titled = title_said(text, self.k)
        if titled is not None:
            return Reading(titled, 1.0, "rule")
        formal = (formal_verdict(text) or matters_little(text, question, self.k)
                  or low_priority(text, question, self.k))
        if formal is not None and (formal - NEUTRAL) * (conclusion(text, self.k) or 0) >= 0:
            # unless the answer concludes the other way: "I have reservations, but on balance, yes."
            return Reading(formal, 1.0, "rule")  # "By no means. ...", "I should think not, on the whole."
        mocked = self._mocked_liking(text, question)
        if mocked is not None:
            return mocked
        mocking = sarcastic_no(text, question, self.k)
        if mocking is not None:
            after = after_sarcasm(text)
            if after and stated_direction(after, question, self.k) > 0:
                # a yes after the mockery is the answer ("oh no, petabytes, how awful 🙄 obviously yes"); a
                # no there may refuse the mocked thing, whichever side it is on
                return self.read_agreement(after, question)
            return Reading(1, 1.0, "rule") if mocking else Reading(None, 0.0, "unread")
        rather = rather_than_granted(text, question, self.k)
        if rather:
            return Reading(NEUTRAL + rather, 1.0, "rule")
        rest = answer_part(text)
        if rest is not None:
            return self.read_agreement(rest, question)  # "I get why people love it, but it's not me"
        plain = rhetoric_said_plainly(_thing_into_rhetoric(text) or text)
        if plain is not None:
            # "who wouldn't want clear criteria?": said plainly, and emphatic whichever side it takes
            reading = self.read_agreement(plain, question)
            if reading.value in (2, 4):
                return Reading(1 if reading.value == 2 else 5, reading.confidence, reading.how)
            return reading
        refused = after_refusal(text, question, self.k)
        if refused:
            return self.read_agreement(refused, question)
        # what the person says of a thing: they would leave over it, never again do it, put a weight on it or
        # give it a share
        of_a_thing = (self._walked_out(text, question) or self._never_again_doing(text, question)
                      or self._weighted(text, question) or self._shared(text, question))
        if of_a_thing is not None:
            return of_a_thing
        measured = taken_in_measure(text, question, self.k)
        if measured:
            return Reading(NEUTRAL + measured, 1.0, "rule")  # "I could tolerate a moderate amount of risk."
        put_down = PUT_DOWN_AS.search(answers.lowered(text))
        if put_down and answers.find_phrase(answers.normalise(put_down.group("rest")), self.k):
            return self.read_agreement(put_down.group("rest"), question)  # "..., put me down as neutral"
        back = asked_back(text)
        if (back is not None and said_outright(back, question, self.k)
                and not question_answered_first(text, self.k)):
            # "Stability or a bigger payday? Bigger payday, no question." Without an answer word after
            # it, the question stays part of the answer ("promo packets?? kill me").
            return self.read_agreement(back, question)
        if contrast_pair(text, question, self.k) == 0:
            return Reading(None, 0.0, "unread")  # "Calculated risk, yes. Reckless risk, no.": which?
        concluded = conclusion(text, self.k)
        if concluded == 0 or (concluded is None and (neutral_lead(text, self.k)
                                                     or NEUTRAL_ENDING.search(answers.lowered(text)))):
            return Reading(NEUTRAL, 1.0, "rule")  # "meh, no strong feelings", "..., so neutral"
        lead = stated_direction(text, question, self.k)
        if only_neutral(text, self.k):
            return Reading(NEUTRAL, 1.0, "rule")  # "neutral?", "not sure??": asked, but an answer
        clean = answers.normalise(text)
        if len(clean.split()) <= 7 and (NOT_ANSWERING.search(clean) or (
                not lead and SKIP_ASKED.search(clean)
                and (answers.find_phrase(clean, self.k) or (NEUTRAL,))[0] == NEUTRAL)):  # "hard pass" is 1
            return Reading(NEUTRAL, 1.0, "rule")  # "can I skip this one?": asked, but an answer
        if not self.agreement.knows_a_word(text) or (reads_as_question(text) and not lead
                                                     and not own_questions_only(text, self.k)):
            return Reading(None, 0.0, "unread")  # gibberish, or a question rather than an answer
        if stage_alone(text if not lead else after_bare_word(text), self.k) or stage_word_alone(text, self.k):
            # "3 years as an MLE" typed at a statement answers nothing, nor does "yeah i've been working for
            # three years", whatever the "yeah" says yes to (REST, typed a question late), nor "senior obviously"
            # typed at the first statement after the opener had told the stage (REST, in my own words: read 5)
            return Reading(None, 0.0, "unread")
        p = self.agreement.probabilities(text, question)
        if lead:
            # The answer comes first: a plain "nah" or "big yes" opening the message decides the
            # direction, and the model only weighs how strongly ("nah im a bit risk averse" is 2).
            side = (1, 2) if lead < 0 else (4, 5)
            total = sum(p.get(point, 0.0) for point in side) or 1.0
            best = max(side, key=lambda point: p.get(point, 0.0))
            lower = answers.lowered(text)
            if MILD_OPENING.match(lower) or (lead > 0 and NOT_REFUSED.search(lower)):
                # "Mildly against. A famous logo has never helped me"; "I am not entirely averse to it" is a
                # yes said by denying a no (REST: read 5)
                best = side[1] if lead < 0 else side[0]
            elif (SHOUTED_NO if lead < 0 else SHOUTED_YES).search(text) or WORD_THEN_HOW_MUCH.match(
                    lower) or sworn_opening(text):
                # "lol ladders? NO.", "YES, todo!!": an answer word in capitals is emphatic (all but one
                # of the 258 training answers that have one are labelled 1 or 5), as is one with a swear
                # word inside it ("no freaking way")
                best = side[0] if lead < 0 else side[1]
            weighed = strength_concluded(text, self.k)
            if weighed in side:
                return Reading(weighed, 1.0, "rule")  # "... Mild no.", "... Strong no.": the person weighed it
            return Reading(best, p.get(best, 0.0) / total, "model")
        if _unsure(p) and CAPITALS.search(text):
            # a word in capitals pulls the model to both extremes: "i want things to MOVE" was asked again, "i want
            # things to move" is 4 (REST); where the model is unsure it weighs the words without them (the rules
            # before it read the text lower-cased already)
            p = self.agreement.probabilities(text.lower(), question)
        best = max(p, key=p.get)
        if _unsure(p):
            if best in (2, NEUTRAL) and INDIFFERENT_ALONE.match(answers.lowered(text)):
                # "I don't really care" can only be a no or neither: the model's pick of the two, however unsure
                # (REST, in my own words: asked again at salary, where the model gave 2 at 0.90)
                return Reading(int(best), float(p[best]), "model")
            return (self._preferred_image(text, question) or self._identity_denied(text, question)
                    or self._own_question_answered(text, question) or Reading(None, p[best], "unread"))
        return Reading(int(best), float(p[best]), "model")

    def _preferred_image(self, text: str, question: str) -> Optional[Reading]:
        """A preference between two things the model cannot place together ("I'd rather know one country well
        than collect passport stamps" at breadth, probe32): each read alone, the one the person would rather
        have reading clearly more the statement's way than the other (or less) gives the side; emphatic with
        "much rather" or "no contest". None otherwise."""
        lowered = answers.lowered(text)
        match = next((m for m in (pattern.search(lowered) for pattern in PREFERRED_IMAGES) if m), None)
        if not match:
            return None

        chosen, other = match.group("chosen"), match.group("other")
        criterion = self.k.criteria[question]
        named = [_words_side(answers.normalise(part), criterion, any_form=True) for part in (chosen, other)]
        if any(named):
            # a side's word settles it ("invent my own role than climb someone else's ladder" at structure is 1)
            lean = float(named[0] - named[1])
        else:
            lean = self.margin(chosen, question) - self.margin(other, question)
            if abs(lean) < RATHER_SPLIT:
                return None
        if not lean:
            return None
        # "I'd be completely miserable. I'd rather ...": emphatic around the preference too
        around = lowered[:match.start()] + " " + match.group("after")
        strong = match.groupdict().get("much") or PREFERENCE_STRONG.search(around) or STRONG.search(around)
        return Reading(NEUTRAL + (2 if strong else 1) * (1 if lean > 0 else -1), abs(lean) / 2, "model")

    def _own_question_agreed(self, text: str, question: str) -> Optional[Reading]:
        """A question of the person's own answered by agreeing or not with what it proposes, not with the
        statement: "isn't reaching millions the bigger deal? I'd lean that way", "doesn't reaching millions count
        for more? I'd say so, mildly" at impact are 2, "wouldn't it be nicer to see my own work land in the
        product? I'd pick that over reach" 4 (probe33: read 4 and asked again). The answer, read alone, is
        turned round where the question proposes the statement's other side."""
        found = _own_question_in(text)
        if found is None:
            return None
        _, own, rest = found
        rest = PRONOUN_OVER.sub(lambda match: match.group("it"), answers.lowered(rest))
        anaphora = PROPOSITION_ANAPHORA.search(rest)
        # "..., so I disagree a little" answers the statement itself
        if (not anaphora or re.search(r"\b(?:dis)?agree", rest)
                or _words_side(answers.normalise(rest), self.k.criteria[question], any_form=True)):
            return None
        proposed = self._proposed_side(own, question)
        if not proposed:
            return None
        reading = self.read_agreement(rest, question)
        if reading.value is None:
            # "I'd pick that, I think" says nothing of the statement alone: a yes to the proposal unless denied,
            # emphatic with a strong word
            side = -1 if NEGATION_WORDS.search(rest[:anaphora.start()]) else 1
            reading = Reading(NEUTRAL + side * (2 if STRONG.search(rest) else 1), 1.0, "rule")
        return reading if proposed > 0 else Reading(6 - reading.value, reading.confidence, reading.how)

    def _proposed_side(self, asked: str, question: str) -> int:
        """+1 or -1 for the side of the statement a question of the person's own proposes: the question said as
        a statement ("wouldn't it be nicer to see my own work land" is "it be nicer to see ...") read by the
        model, where it is sure; else the side its words name; else 0."""
        lean = self.margin(PROPOSAL_ASKED.sub("", asked), question)
        if abs(lean) >= PROPOSAL_LEAN:
            return 1 if lean > 0 else -1
        return _words_side(asked, self.k.criteria[question], any_form=True)

    def _own_question_answered(self, text: str, question: str) -> Optional[Reading]:
        """A question of the person's own, then its answer, where the model is unsure of the whole: the answer read
        alone ("why settle for a handful of users ...? Reach wins, easily." at impact is 1; "why not have a
        recognizable name behind me? it matters a little." at brand 4: probe33, asked again)."""
        found = _own_question_in(text)
        if found is None:
            return None
        reading = self.read_agreement(found[2], question)
        return reading if reading.value is not None else None

    def _identity_denied(self, text: str, question: str) -> Optional[Reading]:
        """What the person says they are not, read alone and turned round: "I'm no adrenaline junkie, a stampede
        in the dark is my absolute nightmare" at pace is 1 (probe32: asked again; the model read the whole 5 at
        0.51). Only where the thing alone reads clearly to a side; emphatic with a strong word after it."""
        match = IDENTITY_DENIED.match(answers.lowered(text))
        if not match:
            return None
        thing = match.group("thing")
        side = _words_side(answers.normalise(thing), self.k.criteria[question], any_form=True)
        if not side:
            lean = self.margin(thing, question)
            side = (1 if lean > 0 else -1) if abs(lean) >= IDENTITY_LEAN else 0
        if not side:
            return None
        return Reading(NEUTRAL - (2 if STRONG.search(match.group("after")) else 1) * side, 1.0, "rule")

    def _view_answered(self, text: str, question: str) -> Optional[Reading]:
        """Another's view or the person's past one, then their own (view_then_own): what they say now, read
        alone, with the verdict on the view set aside ("Completely agree, they mean nothing to me" at brand
        is 1); where it reads nothing, the view read and kept or turned round by the verdict ("she's right",
        "he's wrong", "not anymore"), as strongly as the person says it now. Where the two read opposite
        sides, neither is sure: unread."""
        found = view_then_own(text)
        if found is None:
            return None
        view, own, past = found
        verdict = VERDICT_ON_VIEW.match(own)
        if verdict and (verdict.group("agree") or verdict.group("disagree")) and (
                own.lstrip().startswith("so ") or not (verdict.group("with") or verdict.group("rest").strip())):
            # "..., so disagree-ish", "... Strongly disagree.": the statement's answer, not a verdict on the view
            verdict = None
        rest = verdict.group("rest") if verdict else own
        said = None
        if rest.strip(" .!?,") and not (verdict and ONLY_HOW_MUCH.fullmatch(rest.strip(" .!?,"))):
            said = self.read_agreement(rest, question)
            said = said if said.value is not None else None
        if verdict is not None and (verdict.group("right") or verdict.group("agree") or verdict.group("came")):
            stands = True
        elif (verdict is not None and (verdict.group("wrong") or verdict.group("disagree")
                                       or verdict.group("not_me"))) or past:
            stands = False
        else:
            return said
        viewed = self.read_agreement(view, question)
        if viewed.value in (None, NEUTRAL):
            return said
        point = viewed.value if stands else 6 - viewed.value
        side = 1 if point > NEUTRAL else -1
        if said is not None:
            # the person's own words decide, but a story after "she's right" that only the model reads, with no
            # answer word opening it ("a must, 100%"), may read the other way ("She was right: the bank bored me
            # to tears, and at the fintech ... I flourished", probe20): then neither is sure
            worded = answers.find_phrase(answers.normalise(first_clause(rest)), self.k) is not None
            sure = said.how != "model" or worded
            agrees = (said.value - NEUTRAL) * side >= 0
            return said if agrees or not stands or sure else Reading(None, 0.0, "unread")
        if STRONG.search(own):
            point = NEUTRAL + 2 * side
        elif HEDGES.search(own) or not stands:
            point = NEUTRAL + side  # a view turned round is plainly so ("he's wrong"), unless said strongly
        return Reading(point, viewed.confidence, viewed.how)

    def _walked_out(self, text: str, question: str) -> Optional[Reading]:
        """A situation the person would leave over (WALKED_OUT, LEFT_IF) is the other side of how the situation
        reads alone, one they would be glad of the same side: by the statement's words for each side, else the
        model's lean. Emphatic unless hedged."""
        lower = answers.lowered(text)
        match = WALKED_OUT.match(lower) or LEFT_IF.match(lower)
        criterion = self.k.criteria.get(question)
        if not match or not criterion:
            return None
        situation = match.group("situation")
        side = _words_side(answers.normalise(situation), criterion)
        if side and TAKEN_AWAY.search(situation):
            side = -side  # "If they took away the promotion ladder, I'd quit": the side is wanted
        side = side or self.lean(situation, question)
        if not side:
            return None
        side = side if match.groupdict().get("glad") else -side
        point = (4 if side > 0 else 2) if match.group("hedge") else (5 if side > 0 else 1)
        return Reading(point, 1.0, "rule")

    def _shared(self, text: str, question: str) -> Optional[Reading]:
        """Shares of a whole (ten or a hundred) given to the statement's side and its opposite (SHARES): the
        larger share's side, emphatic from three to one ("depth 80 / breadth 20" is 1 to breadth, "breadth 60,
        depth 40" 4), undecided when equal. REST: "depth 80 / breadth 20" was noted as 5, from the longer word
        named."""
        criterion = self.k.criteria.get(question)
        lower = answers.lowered(text)
        match = SHARES.search(lower) or SHARES_NUMBER_FIRST.search(lower)
        if not match or not criterion:
            return None
        first = _words_side(answers.normalise(match.group("first")), criterion)
        second = _words_side(answers.normalise(match.group("second")), criterion)
        if not first or first != -second:
            return None
        one, other = float(match.group("one")), float(match.group("other"))
        if one + other not in (10, 100):
            return None  # no shares of a whole: "I'd trade 20% depth for 2x breadth" (probe27)
        if one == other:
            return Reading(NEUTRAL, 1.0, "rule")
        side = first if one > other else second
        emphatic = max(one, other) >= 3 * min(one, other)
        return Reading((5 if side > 0 else 1) if emphatic else (4 if side > 0 else 2), 1.0, "rule")

    def _weighted(self, text: str, question: str) -> Optional[Reading]:
        """A weight put on a thing, or a preference for it (WEIGHTED): its side, by the statement's words, as
        strongly as said ("Big positive weight on direct impact" is 5, "mild preference for depth" 2 to
        breadth); None where the thing names no side or the weight is said twice."""
        criterion = self.k.criteria.get(question)
        lower = answers.lowered(text)
        found = list(WEIGHTED.finditer(lower))
        if len(found) != 1 or not criterion:
            return None
        match = found[0]
        if NEGATION_WORDS.search(lower[max(0, match.start() - 30):match.start()]):
            return None  # "i don't put much weight on the brand", "no strong preference for either"
        thing = WEIGHED_UNTIL.split(match.group("thing") or match.group("preferred"))[0]
        side = _words_side(answers.normalise(thing), criterion)
        if match.group("none"):
            side = -side  # "zero weight on the logo"
        if not side:
            return None
        mild = (match.group("mild") or match.group("mild_preference")
                or (match.group("none") and match.group("none") not in ("zero", "no")))
        return Reading((4 if side > 0 else 2) if mild else (5 if side > 0 else 1), 1.0, "rule")

    def _mocked_liking(self, text: str, question: str) -> Optional[Reading]:
        """A thing said to be loved with an upside-down face (MOCKED_LIKING) is disliked, emphatically: the other
        side of the thing's own by the statement's words. Where they name no side it is asked again: the model
        reads the love, not the irony ("i love when nothing ever changes 🙃" is a 5 to pace)."""
        match = MOCKED_LIKING.match(answers.lowered(text))
        criterion = self.k.criteria.get(question)
        if not match or not criterion:
            return None
        side = _words_side(answers.normalise(match.group("thing")), criterion)
        return Reading(1 if side > 0 else 5, 1.0, "rule") if side else Reading(None, 0.0, "unread")

    def _never_again_doing(self, text: str, question: str) -> Optional[Reading]:
        """A thing the person will never again do (NEVER_AGAIN_DOING) is refused, emphatically: the other side
        of the thing's own, by the statement's words or the kind of company it names, turned round where the
        thing lacks it (TAKEN_AWAY). Not the model's lean: it reads "explaining what my startup does" as the
        complaint it is."""
        match = NEVER_AGAIN_DOING.search(answers.lowered(text))
        criterion = self.k.criteria.get(question)
        thing = answers.normalise(match.group("thing")) if match else ""
        if not criterion or not thing:
            return None
        side = _words_side(thing, criterion) or _company_side(thing, criterion, self.k)
        named = thing.replace("no-", "no")  # "no-name" is a name, not a thing denied
        if TAKEN_AWAY.search(named):
            side = -side  # "never again working somewhere with no ladder" wants one
        elif NEGATION_WORDS.search(named):
            return None  # "never again working where nobody ..." : what is denied, the words do not tell
        return Reading(1 if side > 0 else 5, 1.0, "rule") if side else None

    def _corrected(self, text: str, question: str) -> Optional[Reading]:
        """The reading of what settles an answer that changes its mind, or None."""
        settled = self_correction(text, self.k)
        return self.read_agreement(settled, question) if settled else None

    def lean(self, text: str, question: str) -> int:
        """+1 or -1 for the side the agreement model finds likelier, however unsure; 0 for neither."""
        margin = self.margin(text, question)
        return (margin > 0) - (margin < 0)

    def margin(self, text: str, question: str) -> float:
        """How much likelier the agreement model finds agreeing than disagreeing, from -1 to 1."""
        p = self.agreement.probabilities(text, question)
        return float(p.get(4, 0) + p.get(5, 0)) - float(p.get(1, 0) + p.get(2, 0))

    def read_yes_no(self, text: str, question: str) -> Reading:
        text = standard_english(text)
        stripped = text.strip()
        if stripped in ("/affirm", "/deny"):
            return Reading(stripped == "/affirm", 1.0, "button")
        if not stripped or stripped.startswith("/"):
            return Reading(None, 0.0, "unread")  # a payload, well-formed or not ("/answer{broken")
        if BARE_FIGURE.fullmatch(stripped):
            # a figure alone says neither yes nor no (REST, in my own words: "2" typed at the visa question, a
            # rating meant for the statements, was noted as yes)
            return Reading(None, 0.0, "unread")
        real = conditions.reality(text)
        if real:
            # "I'd say yes if I had kids. no kids, and about a year of expenses in the bank" (probe36: read yes)
            answered = self.read_yes_no(real, question)
            if answered.value is not None:
                return answered
        word = answer_word_typed(text, self.k.yes_no_points)
        if word is not None:
            return Reading(word > NEUTRAL, 1.0, "rule")  # "nope": the knowledge file's word, no model
        vote = SLACK_VOTE.match(answers.lowered(text))
        if vote:
            return Reading(vote.group("sign") == "+", 1.0, "rule")
        echoed = AUX_ECHO.match(answers.lowered(text))
        if echoed and re.match(r"(?:does|do)\b", self.k.constraints[question]["question"].lower()):
            # "still does, unfortunately; my green card is years away" (probe35: "green card" read no)
            return Reading(echoed.group("no") is None, 1.0, "rule")
        said = without_tag(text)
        if said is not None:
            return self.read_yes_no(said, question)  # "I'm on an H-1B, so yes, right?"
        stressed = without_no_cap(text)
        if stressed is not None:
            return self.read_yes_no(stressed, question)  # "no cap i'm on a visa"
        settled = self_correction(text, self.k)
        if settled:
            return self.read_yes_no(settled, question)  # "yes, wait no, sorry, misread. no, im a us citizen"
        back = asked_back(text)
        if back is not None:
            # "why would I need a visa? I'm a citizen", "six months? I've got way more than that" (probe33: read as
            # yes, the need or the months in the question taken for the answer's): what follows answers
            # the question's own sentence: "three kids and a mortgage. savings? zero" asks back "savings", and its
            # bare "zero" answers that, not the question (left to what follows)
            asked = _sentence_asked(text)
            reading = self.read_yes_no(back, question)
            words = constraint_words(answers.normalise(back), question, self.k) & {"yes", "no"}
            if (reading.value is not None and words != {"no" if reading.value else "yes"}
                    and answer_word_typed(back, self.k.yes_no_points) is None
                    and (reading.how == "rule" or OWN_QUESTION.match(asked) or RHETORICAL.match(asked)
                         or constraint_words(asked, question, self.k))):
                return reading
        if only_neutral(text, self.k) or answer_word_typed(text, self.k.answer_points) == NEUTRAL:
            # "not sure", "skip", "hard one": the question counts them as no. Before the model, which took
            # "not sure" for "sure"; an answer that goes on ("both lol, savings are thin") is the model's.
            return Reading(False, 1.0, "rule")
        so = SO_ANSWER.search(answers.lowered(text))
        said_so = self.k.yes_no_points.get(so.group(1), NEUTRAL) - NEUTRAL if so else 0
        concluded = conclusion(text, self.k, yes_no=True) or said_so
        if concluded:
            # "not really any savings to speak of, so yes"; "No green card yet, so yes, I'd need sponsoring"
            return Reading(concluded > 0, 1.0, "rule")
        done = DO_ANSWER.match(answers.lowered(text))
        if done:
            # "I do. I'm an EU citizen on an L-1, ...": the question's "do" answered first, before the words
            return Reading(not done.group("not"), 1.0, "rule")
        leads = lead_direction(text, self.k)
        below = self.k.constraints.get(question, {}).get("yes_below_months")
        judged = RUNWAY_JUDGED.search(answers.lowered(text)) if below else None
        if judged and not dependants_said(text):
            # "savings are ok" had read yes by its "ok" (REST, in my own words): the savings judged
            return Reading(bool(judged.group("short")) != bool(judged.group("not")), 1.0, "rule")
        months = situation.runway_months(text)
        if below and months is not None and months < below:
            return Reading(True, 1.0, "rule")  # "savings would last about 2 months"
        if (below and months is not None and not dependants_said(text)
                and not situation.AT_MOST.search(text.lower())):
            # "about 18 months of runway and it's just me"; "yes, I have savings for two years" too, whose
            # yes says "here is my answer"
            return Reading(False, 1.0, "rule")
        need = situation.need_said(text, question, self.k)
        if need and need != leads:
            # "yes, I am from Poland, EU, I don't need visa", "no, I need a visa": the need said outright
            # settles it, not the answer word before it (the model took the yes: make chat); nor the need's
            # words without its negation ("I don't need a sponsor" read as "need a sponsor": a yes)
            return Reading(need > 0, 1.0, "rule")
        said = constraint_words(answers.normalise(text), question, self.k)
        if len(said) == 1 and next(iter(said)) in ("yes", "no") and not leads:
            # "no savings", "EU passport": the question's own answer words, one side only, no answer word
            # leading; before the model, which weighs the "no" of "no savings" as a no
            return Reading(next(iter(said)) == "yes", 1.0, "rule")
        if (not below and not said and not leads and months is not None
                and not _names(answers.lowered(text), self.k.constraints[question]["synonyms"])):
            # "we have maybe four months of savings" typed at the visa question answers the runway one (REST: noted
            # as a visa needed)
            return Reading(None, 0.0, "unread")
        if not self.yes_no.knows_a_word(text) or (reads_as_question(text) and not leads):
            return Reading(None, 0.0, "unread")
        if (not said and months is None and not dependants_said(text) and not leads
                and names_another_statement(answers.normalise(text), question, self.k)):
            # "ngl the chaos sounds kinda fun" typed at the runway question answers a statement, not it
            return Reading(None, 0.0, "unread")
        if (not said and not BARE_ANSWER_OPENING.match(answers.lowered(text))
                and self._other_constraint_said(answers.normalise(text), question)):
            # "lol no savings, living paycheck to paycheck rn" typed at the visa question answers the runway
            # one, in its answer words and none of this one's (REST: noted as a visa needed); not "no. also no
            # savings", whose bare "no" answers this one first
            return Reading(None, 0.0, "unread")
        bare_rest = after_bare_word(text) if BARE_YES_OPENING.match(answers.lowered(text)) else ""
        rest_clean = answers.normalise(bare_rest)
        if (bare_rest and not said and not ALSO.search(bare_rest.lower())
                and not constraint_words(rest_clean, question, self.k)
                and not _names(answers.lowered(bare_rest), self.k.constraints[question]["synonyms"])
                and self._other_constraint_said(rest_clean, question)):
            # "yes, F-1" typed at the runway question: the "yes" is said of the other question, whose words are
            # all its reason (REST, in my own words: noted as a short runway); not "yes. also no savings". A "no"
            # so said stays this question's ("nope, I'm a citizen"): it adds no constraint the person lacks
            return Reading(None, 0.0, "unread")
        p = self.yes_no.probabilities(text, question)
        best = max(p, key=p.get)
        if p[best] < MIN_YES_NO_CONFIDENCE:
            # the conclusion closing it, where the model is sure of that: "..., but we're not married yet, so right
            # now my permit comes through my job" (probe36: 0.59 for the whole)
            so = SO_CONCLUDES.search(answers.lowered(text))
            concluded = self.read_yes_no(so.group("clause"), question) if so else None
            if concluded is not None and concluded.value is not None and concluded.confidence >= VERDICT_SURE:
                return concluded
            return Reading(None, p[best], "unread")
        return Reading(bool(best), float(p[best]), "model")

    def _other_constraint_said(self, clean: str, question: str) -> bool:
        """True when the normalised text has an answer word of another yes/no question than `question`."""
        return any(constraint_words(clean, other, self.k) for other in self.k.constraints if other != question)

    def read_stage(self, text: str) -> Reading:
        clicked = answers.button_value(text, "career_stage")
        if clicked in self.k.stage["values"]:
            return Reading(clicked, 1.0, "button")
        lower = answers.lowered(text)
        denied = situation.STAGE_DENIED.search(lower)
        if denied and answers.normalise(situation.STAGE_DENIED.sub(" ", lower)):
            rest = self.read_stage(situation.STAGE_DENIED.sub(" ", lower))
            if rest.value is not None:
                return rest  # "Not a new grad anymore, I've been working for 3 years"
        taken_back = situation.STAGE_TAKEN_BACK.search(lower) or RETRACTION.search(lower)
        if taken_back and taken_back.start() > 0:
            rest = taken_back.group("rest")
            again = situation.COUNT_AGAIN.match(rest)
            unit = re.search(r"\b(?:years?|months?)\b", lower[:taken_back.start()])
            if again and unit:
                rest = f"{rest[:again.end()]} {unit.group()}{rest[again.end():]}"  # "... no, more like five" years
            then = self.read_stage(rest)
            if then.value is not None:
                return then  # "new grad... well no, its been fourteen months now so early career i guess"
        then_now = situation.STAGE_THEN_NOW.search(lower)
        if then_now:
            now = self.read_stage(then_now.group("now"))
            if now.value is not None:
                return now
        as_work = conditions.counted_as_work(text)
        if as_work:
            # "counting the PhD it's eight years in research, but in industry I've been at it for two" (probe36)
            counted = self.read_stage(as_work)
            if counted.value is not None:
                return counted
        unmeasured = comparisons.without_measures(lower)
        if unmeasured != lower and answers.normalise(unmeasured):
            # "a year and a half. more than a new grad, way less than my manager" (probe37: new grad)
            measured = self.read_stage(unmeasured)
            if measured.value is not None:
                return measured
        stated = situation.stage_stated(text, self.k)
        if stated is not None:
            return Reading(stated, 1.0, "rule")
        cued = situation.STAGE_CUE.search(lower)
        if not self.stage.knows_a_word(text) or answer_word_alone(text, self.k) or (
                not cued and any(_words_side(answers.normalise(text), criterion, any_form=True)
                                 for criterion in self.k.criteria.values())):
            # "yes", "nope": no stage at all (the model took "no" for a new grad); nor an answer to a
            # statement told without one word of study, work or time (STAGE_CUE)
            return Reading(None, 0.0, "unread")
        p = self.stage.probabilities(text, "stage")
        best = max(p, key=p.get)
        if p[best] < (MIN_STAGE_CONFIDENCE if cued else MIN_UNCUED_STAGE_CONFIDENCE):
            return Reading(None, p[best], "unread")
        return Reading(best, float(p[best]), "model")


# A situation the person would leave over, or be glad of: "Tell me I'm rotating across five areas this year and
# I'd be job hunting immediately", "If they took away my ladder, I'd quit.", "If my lead asked me to pick up
# MLOps too, I'd probably be glad. Not every single thing, though." The reaction ends the answer, or a limit.
WALKED_OUT = re.compile(
    r"^\W*(?P<situation>(?:if|tell me|put me|give me|make me|hand me|assign me|ask me|when|imagine|picture|"
    r"should|throw me|stick me|force me)\b[^.!?]{4,160}?)(?:,|\band\b|\bthen\b)?\s*(?:honestly |seriously |"
    r"frankly )?(?:i'?d|i would|i'?ll|i will|i'?m) (?P<hedge>probably |likely |maybe )?(?:honestly |seriously |"
    r"just |literally )?(?:be )?(?:job hunting|start (?:looking|job hunting)|looking for a new job|quit|quitting|"
    r"walk(?: out| away)?|leave|leaving|resign|be out(?: of there)?|out of there|gone|update (?:my )?(?:cv|resume|"
    r"linkedin)|(?P<glad>(?:be )?(?:glad|happy|thrilled|delighted|excited|over the moon)|love it|"
    r"jump at (?:it|the chance)))(?:\s+(?:immediately|on the spot|the same day|that day|right away|in a heartbeat|"
    r"tomorrow|asap|within a (?:week|month)|lol|tbh|for sure))?[\W_]*"
    r"(?:$|(?=(?:but |though )?not (?:every|all|always)\b))")
# ... said the other way round: "I'd leave immediately if someone handed me a rubric." (probe27)
LEFT_IF = re.compile(
    r"^\W*(?:i'?d|i would|i'?ll|i will) (?P<hedge>probably |likely |maybe )?"
    r"(?:honestly |seriously |just |literally )?"
    r"(?:quit|leave|walk(?: out| away)?|resign|be out(?: of there)?|be gone|start job hunting)"
    r"(?: immediately| on the spot| the same day| that day| right away| in a heartbeat| tomorrow| asap)? "
    r"(?:if|when|the (?:day|moment|minute|second))\b(?P<situation>[^.!?;]{4,160})")
# A weight put on a thing or a preference for it (ML people's words, probe27): "big positive weight on direct
# impact", "zero weight on the logo", "mild preference for depth".
WEIGHTED = re.compile(
    r"\b(?:(?P<mild>mild|slight|small|modest|some)|(?P<none>zero|no|low|little|tiny|near[- ]zero|negligible|"
    r"negative|minimal)|big|heavy|high|huge|large|strong|massive|real)(?: positive)? weight (?:on|to|for) "
    r"(?P<thing>[^,.;:!?]{2,40})|"
    r"\b(?:(?P<mild_preference>mild|slight|small|modest|some)|strong|clear|big|huge|definite|real)? ?"
    r"preference (?:for|toward|towards) (?P<preferred>[^,.;:!?]{2,40})")
# Shares given to two things: "depth 80 / breadth 20", "breadth 60, depth 40", "80% depth, 20% breadth".
SHARE_SPLIT = r"\s*(?:/|,|;|\+|&|\band\b|\bvs\.?|\bversus\b)\s*"
SHARES = re.compile(r"(?:^|[^\w%])(?P<first>[a-z][a-z' -]{1,30}?)\s*[:=]?\s*(?P<one>\d{1,3})\s*%?" + SHARE_SPLIT
                    + r"(?P<second>[a-z][a-z' -]{1,30}?)\s*[:=]?\s*(?P<other>\d{1,3})\s*%?(?![\w/])")
SHARES_NUMBER_FIRST = re.compile(r"(?<![\w.])(?P<one>\d{1,3})\s*%?\s*(?P<first>[a-z][a-z' -]{1,30}?)"
                                 + rf"(?:{SHARE_SPLIT}|\s+)"
                                 + r"(?P<other>\d{1,3})\s*%?\s*(?P<second>[a-z][a-z' -]{1,30}?)\s*(?:$|[^\w\s])")
# What ends the thing weighed: "mild preference for scale over visibility" prefers scale
WEIGHED_UNTIL = re.compile(r"\b(?:over|than|rather than|instead of|versus|vs|but|though)\b")
# A liking said with an upside-down face, opening the answer: "oh yes i LOVE doing 5 jobs at once 🙃", "i love when
# the roadmap changes every week 🙃" (REST, the thirty-fifth session: read 5, the wrong way round). The face says
# the love is irony: the thing is disliked.
MOCKED_LIKING = re.compile(r"^\W*(?:(?:oh|ah|wow|omg)\W+)?(?:(?:yes|yeah|yay|great|sure)\W+)?(?:i|we) "
                           r"(?:just |absolutely |totally |really |so+ )?(?:love|adore|live for)\s+"
                           r"(?P<thing>[^.!?🙃]{3,80}?)\s*🙃")
# A doing never to be done again: "NEVER again betting rent on a cap table" (probe25: asked again); "never again,
# ..." and "never again will I ..." are others' (NEVER_AGAIN, the model)
NEVER_AGAIN_DOING = re.compile(r"\bnever again (?P<thing>[a-z]+ing\b[^,.!?;]{3,80})")
# A situation that takes the side away: "if they took away the ladder", "somewhere without big data".
TAKEN_AWAY = re.compile(r"\b(?:took|take|takes|taking) (?:\w+ )?away|\b(?:without|no|remove[ds]?|removing|lose|"
                        r"lost|scrap(?:s|ped)?|got rid of|get rid of|cut|cuts|cancel(?:s|led)?|zero|lack of)\b")
# The yes/no questions ask "Does your right to work depend ...?", "Do people depend ...?": "I do.", "it
# doesn't, ..." answer them, where the verb ends its clause.
DO_ANSWER = re.compile(r"^\W*(?:(?:well|um+|hm+|sadly|unfortunately|yeah|yes|no)[, ]+)?(?:i|it|they|we|he|she) "
                       r"(?:(?P<not>don'?t|doesn'?t|do not|does not)|do|does)(?=\s*(?:[,.;:!—–]|$))")
# Who may depend on the income: with one named, a long runway alone does not answer the question.
DEPENDANTS = re.compile(r"\b(?:kids?|child\w*|daughter|sons?|baby|depend\w*|support\w*|family|rel(?:y|ies)|"
                        r"mortgage|wife|husband|partner|parents?|mom|mum|dad)\b")


def dependants_said(text: str) -> bool:
    """True when the text names people who depend on the income, unless a negation in the same clause
    says there are none ("8 months of savings and nobody depends on me", "I don't have a family to
    support")."""
    return any(DEPENDANTS.fullmatch(word) for word in negation_marked(text))  # negated words are marked



def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def build(k: Optional[Knowledge] = None, directory: Path = DATA_DIR) -> Reader:
    """The reader for a knowledge file and training data, from a cache file in models/ when one was
    made from the same inputs (training takes seconds; the action server should start at once)."""
    k = k or default()
    files = training_files(directory)
    key = _digest([k.path, Path(__file__), Path(answers.__file__), *files])
    cache = Path(os.environ.get("READER_CACHE_DIR") or CACHE_DIR) / f"reader-{key}.pkl"
    if cache.exists():
        try:
            with cache.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is rebuilt below
    reader = Reader(k, load_training(k, files))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(reader, handle)
        tmp.replace(cache)
        for stale in cache.parent.glob("reader-*.pkl"):  # made from inputs that have changed since
            if stale != cache:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still reads answers, it just trains at every start
    return reader


@functools.lru_cache(maxsize=None)
def default_reader() -> Reader:
    """The reader the running action server uses, built once per process."""
    return build()


@functools.lru_cache(maxsize=16)
def _phrase_ids(k: Knowledge, entity: str) -> Dict[str, str]:
    """An entity's phrases (Knowledge.entity_synonyms), normalised, with the id each names: "big tech" ->
    big_tech, "new grad" -> new_grad."""
    return {answers.normalise(phrase): eid for eid, phrases in k.entity_synonyms()[entity].items()
            for phrase in phrases}


# Words beside a career stage that say nothing else: "senior obviously", "new grad lol", "I'm mid, like I said".
STAGE_FILLER = re.compile(r"\b(?:obviously|clearly|duh|lol|haha|tbh|i guess|i think|probably|basically|honestly|"
                          r"definitely|i'?m|i am|im|already|still|now|like i said|as i said|told you|"
                          r"remember|yeah|yes|yep|so|just|a|an)\b")


def stage_word_alone(text: str, k: Knowledge) -> bool:
    """True when a message is a career stage's title or word and nothing else but STAGE_FILLER."""
    said = re.sub(r"\s+", " ", STAGE_FILLER.sub(" ", answers.normalise(text))).strip()
    return said in _phrase_ids(k, "career_stage")


# The assessment asked for in so many words, the whole message.
ASSESSMENT_ASKED_FOR = re.compile(
    r"^(?:(?:ok|okay|yes|yeah|yep|sure|alright|right|cool|great|fine|so)\s+)*(?:(?:let'?s|lets|can we|could we|"
    r"i want to|i'?d like to|i wanna|please)\s+)?(?:do|start|begin|take|try|go with|continue|get on with)\s+"
    r"(?:the|this|your|that|an?)\s+(?:assessment|quiz|questions|questionnaire|test)(?:\s+(?:then|now|please|pls))*$")
# While a question is pending, a message is its answer unless it is clearly one of these.
COMMAND_INTENTS = ("stop", "start_over", "change_answer")
QUESTION_INTENTS = ("ask_factor", "compare_overall", "ask_hybrid", "ask_why", "help", "bot_challenge",
                    "out_of_scope", "ask_recommendation", "start_assessment")
SOCIAL_INTENTS = ("greet", "thank", "goodbye", "bot_challenge")
# A yes, a no or "let's start": consent to what the bot offered, never a career stage.
CONSENT_INTENTS = ("affirm", "deny", "start_assessment")
MIN_INTENT_CONFIDENCE = 0.5
# A command says what to do with the assessment in so many words; the intent alone is not enough
# ("zero interest" must not restart it).
COMMAND = re.compile(r"^(?:(?:ok(?:ay)?|no|nah|please|pls|can we|could we|let'?s|i want to|i'?d like to|"
                     r"actually|wait|hold on|just|i need to|i have to|gotta|can i|could i|"
                     r"i wanna|i want)\s+)*"
                     r"(?:stop|quit|exit|pause|cancel|end (?:this|the|it)|restart|start over|"
                     r"start again|start from scratch|begin again|reset|wipe|clear (?:my|all|the)|"
                     r"change|redo|go back|undo|edit|fix|correct|take a break|leave|bye|"
                     # alone: "back", "previous question" (REST: "back" was read as a neutral answer)
                     r"(?:back|previous(?: question| one)?)$)\b")
# The question asked to be said again, not explained: "what was the question again?", "come again?"
REPEAT = (r"(?:can|could|would) you (?:repeat|say) (?:that|it|this|the question|the statement)(?: again)?"
          r"|(?:say|repeat) (?:that|it|the question) again|come again|what was the question(?: again)?"
          # the answer options, not stock options (REST, in my own words: the pay factor's text)
          r"|(?:(?:can|could) you )?remind me (?:of |what )?the (?:options|choices|buttons)(?: (?:were|are) again|"
          r" (?:were|are))?|what (?:were|are) the (?:options|choices)(?: again)?")
REPEAT_ASKED = re.compile(rf"^(?:(?:sorry|wait|ok|okay|so|hm+|huh|er+m?|but)\s+)*(?:{REPEAT})"
                          r"(?:\s+(?:sorry|then|again|please|pls))?$")
# The question not understood, said as a statement: it asks what the question means, as "what do you mean?"
# does ("i don't understand the question" was read as an unreadable answer: REST, the thirty-first session).
# The whole message, normalised: "i don't get the appeal" and "i don't follow rules" are answers.
NOT_UNDERSTOOD = re.compile(
    r"^(?:(?:sorry|wait|ok|okay|so|hm+|huh|er+m?|but)\s+)*"
    r"(?:i (?:don'?t|do not|didn'?t|did not|can'?t|cannot|couldn'?t) (?:really |quite |fully |totally )?"
    r"(?:understand|get|follow|catch)(?: (?:the|this|that|your|what) (?:question|statement|one|you (?:mean|said|"
    r"asked))| (?:it|that|this)| what you(?:'re| are)? (?:mean|asking|saying)|"
    r" what (?:it|that|this|[\w'-]+(?: [\w'-]+)?) means(?: here)?)?"
    r"|i'?m (?:confused by|lost (?:at|with)|not following) (?:the|this|that) (?:question|statement)"
    r"|(?:can|could|would) you (?:rephrase|reword) (?:that|it|this|the question|the statement)"
    rf"|{REPEAT})(?:\s+(?:sorry|then|again|please|pls))?$")


# A word's meaning asked, the whole message: "what counts as ambiguous", "what does ambiguous mean here",
# "define ambiguous" (REST, the thirty-fifth session: the factor menu, the help text, "couldn't read"). Only a
# word of the statements: "what does vesting mean" asks about pay.
MEANING_ASKED = re.compile(
    r"^(?:(?:sorry|wait|ok|okay|so|hm+|huh|but|and|um+|uh+|quick question|q|like|ngl|idk|honestly|hold on|"
    r"hang on|i (?:don'?t|do not) (?:know|get)|(?:i'?m |i am )?not (?:sure|clear(?: on)?)|"
    r"i'?m unsure(?: of)?)\s+)*"
    r"(?:what (?P<plain>[\w' -]{2,40}?) means|"
    r"what (?:counts|would count|qualifies|would qualify|passes) as (?:an? |the )?(?P<counts>[\w' -]{2,40}?)|"
    r"what (?:does|do|would) (?P<means>[\w' -]{2,40}?) (?:even )?(?:mean|refer to)|"
    r"(?:what is|what'?s|whats) (?:meant by|the meaning of|the definition of) (?P<meant>[\w' -]{2,40}?)|"
    r"(?:define|definition of|meaning of) (?P<define>[\w' -]{2,40}?)|"
    r"what (?:exactly )?do you mean (?:by|with) (?!(?:that|this|it|the question|this question)$)"
    r"(?P<by>[\w' -]{2,40}?))"
    r"(?:\s+(?:here|in this (?:question|statement|one|context)|exactly|then|again|lol|tho|though|even|irl|"
    r"for you|to you|in this case))*$")


# Another situation of one's own supposed, opening the message: "ok what if I didn't need the visa", "and if I had
# no kid coming?" (REST, in my own words: read as an answer to the pending question). What follows "if" is the
# answer supposed.
SUPPOSED_SELF = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|hmm+|but|and|well|wait)\W+)*(?:what|and|but) if "
                           r"(?P<supposed>(?:i|i'?d|i'?m|my|we)\b[^?!.]*)")


def supposed_self(text: str) -> Optional[str]:
    """What a message opening "what if I ..." supposes of the person (SUPPOSED_SELF), or None."""
    match = SUPPOSED_SELF.match(answers.lowered(text))
    return match.group("supposed").strip() if match else None


# What the pending question has to do with the choice: "what does this have to do with startups" (REST, in my own
# words: the startup's stability text), "how is that relevant?"
RELEVANCE_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|hmm+|but|and|wait|sorry|um+)\W+)*(?:what (?:does|has|do) (?:this|that|it|"
    r"this question|that question|this one) (?:got )?(?:to do|have to do|got to do) with\b|"
    r"how (?:is|does|would) (?:this|that|it|this question|that question|this one) (?:even )?"
    r"(?:relevant|relate|matter|connect|help|tie in)\b|"
    r"why (?:does|would) (?:this|that|it) (?:even )?matter\b)")


def relevance_asked(text: str) -> bool:
    """True when the message asks what the pending question has to do with the choice (RELEVANCE_ASKED)."""
    return bool(RELEVANCE_ASKED.match(answers.lowered(text)))


def repeat_asked(text: str) -> bool:
    """True when the whole message asks for the question again (REPEAT_ASKED)."""
    return bool(REPEAT_ASKED.match(answers.normalise(text)))


def not_understood(text: str) -> bool:
    """True when the whole message says the question was not understood (NOT_UNDERSTOOD)."""
    return bool(NOT_UNDERSTOOD.match(answers.normalise(text)))


def word_asked(text: str) -> Optional[str]:
    """The word or phrase whose meaning the whole message asks (MEANING_ASKED): "vesting" in "what does
    vesting mean"; None when it asks nothing of the kind."""
    match = MEANING_ASKED.match(answers.normalise(text))
    if not match:
        return None
    # quoted or not: "define 'structured'"
    return re.sub(r"^(?:an?|the) ", "", next(group for group in match.groups() if group)).strip("'\"‘’“” ")


# What one of the two sides is, asked: "is a 500-person scaleup a startup or big tech?", "does a series C
# company count as a startup?", "what do you mean by a startup?" (REST, in my own words: "I need a few more answers
# first", out of scope). Not a choice between them: "is it better to join a startup or big tech?" asks for advice.
SIDE_CLASSED = (r"^(?:(?:so|but|and|ok|okay|wait|q|quick question|hm+)\s+)*(?:is|are|would|does|do|will|could)\s+"
                r"(?P<subject>(?!(?:it|this|that)\b)[\w'&.%-]+(?:\s+[\w'&.%-]+){{0,7}}?)\s+"
                r"(?:(?:still\s+)?(?:count|counts|qualify|qualifies|be (?:called|counted|classed|considered)|"
                r"classed|considered|called)\s+(?:as\s+)?)?{one}(?:\s+or\s+{other})?"
                r"(?:\s+(?:then|here|exactly|really|still|in your (?:book|terms)|for you|by your definition|"
                r"by this definition|in this context))*$")
SIDE_MEANT = (r"^(?:(?:so|but|and|ok|okay|wait|q|quick question|hm+|sorry)\s+)*"
              r"(?:what (?:exactly )?do you mean by|what is|what'?s|whats|what are|what exactly is)\s+"
              r"{one}(?:\s+(?:then|here|exactly|really|in your (?:book|terms)|for you|in this context))*$")
# ... nor a factor asked of a side ("is the pay higher at big tech?"): a place or a comparison in the subject
NOT_CLASSING = re.compile(r"\b(?:better|best|worse|should|join|work|working|go|choose|pick|take|apply|move|stay|"
                          r"fit|suit|worth|smarter|wiser|easier|harder|recommend|i|me|my|you|at|in|for|with|than|"
                          r"from|on|of|to|about|between|vs|versus|like|higher|lower|more|less|bigger|smaller|"
                          r"faster|slower|riskier|safer|stable|secure)\b")


@functools.lru_cache(maxsize=4)
def _side_patterns(k: Knowledge) -> Tuple[Pattern, Pattern]:
    words = "|".join(re.escape(word) for word in sorted(_phrase_ids(k, "company_type"), key=len, reverse=True))

    def side(name: str) -> str:
        return (rf"(?:an?\s+|the\s+)?(?P<{name}>(?:{words})(?:s|es)?"
                r"(?:\s+(?:compan(?:y|ies)|firms?|corps?|world))?)")

    one, other = side("one"), side("other")
    return re.compile(SIDE_CLASSED.format(one=one, other=other)), re.compile(SIDE_MEANT.format(one=one))


def _side_called(phrase: str, k: Knowledge) -> Optional[str]:
    """The side a phrase names as a whole ("big tech", "a startup", "startups", "big tech companies")."""
    phrase = re.sub(r"^(?:an?|the) ", "", phrase.strip("'\"‘’“” ").strip())
    candidates = (phrase, re.sub(r"e?s$", "", phrase),
                  re.sub(r"e?s?\s+(?:compan(?:y|ies)|firms?|corps?|world|thing|here)$", "", phrase))
    sides = _phrase_ids(k, "company_type")
    return next((sides[candidate] for candidate in candidates if candidate in sides), None)


def sides_asked(text: str, k: Knowledge) -> List[str]:
    """The sides whose meaning the message asks, in the knowledge file's order: the word asked about
    (word_asked, "what counts as big tech?", or SIDE_MEANT) in the whole message or its first sentence, or a
    company classed as one side or the other (SIDE_CLASSED); none when it asks nothing of the kind."""
    classed, meant = _side_patterns(k)
    first = re.split(r"[?.!]+\s", text.strip() + " ", maxsplit=1)[0]
    for part in (text, first):
        clean = answers.normalise(part)
        word = word_asked(part)
        named = [_side_called(word, k)] if word is not None else []
        if (found := meant.match(clean)) is not None:
            named = [_side_called(found.group("one"), k)]
        elif (found := classed.match(clean)) is not None and not NOT_CLASSING.search(found.group("subject")):
            named = [_side_called(found.group(group) or "", k) for group in ("one", "other") if found.group(group)]
        if named and all(named):
            return [sid for sid in k.sides if sid in named]
    return []


# Two things set side by side: "what's the difference between new grad and early career?"
COMPARED = re.compile(r"\bdifferences? (?:is |are )?between (?P<one>[\w' -]+?) (?:and|vs|versus|or) "
                      r"(?P<other>[\w' -]+?)(?: (?:here|exactly|then|again|for you))*$")


def stages_asked(text: str, k: Knowledge) -> bool:
    """True when the message asks what a career stage means ("what counts as early career?") or how two differ
    (COMPARED; REST, in my own words: the pending statement's meaning, and after a result the breakdown)."""
    stages = _phrase_ids(k, "career_stage")
    word = word_asked(text)
    compared = COMPARED.search(answers.normalise(text))
    said = [word] if word else [compared.group("one"), compared.group("other")] if compared else []
    return any(answers.normalise(re.sub(r"^(?:an?|the) ", "", phrase)) in stages for phrase in said)


# How the answers become a result, asked: "how is this scored?", "what happens if I say neutral to everything?"
# (REST, in my own words: the pending statement's meaning, "couldn't read").
SCORING_ASKED = re.compile(
    r"\bhow (?:is|are|do you|does (?:it|this|that|the (?:bot|assessment|quiz|test)))\s+"
    r"(?:(?:this|it|that|my|the|each|an?|your)\s+)?(?:(?:answers?|responses?|ratings?|questions?|statements?|results?|"
    r"recommendations?|verdict|scores?|quiz|assessment|test)\s+)?"
    r"(?:scored|score|calculated|calculate|computed|compute|weighed|weigh|weighted|weight|counted|count|tallied|"
    r"tally|added up|add up|combined|combine)\b"
    r"|\bhow (?:does|do) (?:the |your |this )?(?:scoring|score|weighting|weights|algorithm|formula|maths?|"
    r"calculation)\s+work\b"
    r"|\bwhat(?:'s| is| are)? (?:the |your )?(?:formula|algorithm|scoring|weighting|weights|maths?|scoring rule)"
    r"(?: here| behind (?:it|this|the result))?$"
    r"|\bwhat (?:happens|would happen|if|will happen|do you do) (?:if |when )?i (?:say|answer|pick|choose|click|"
    r"put|select|go|stay|press|hit|give|rate)\s+(?:\w+\s+)?(?:neutral|3|three|the middle|middle|skip|"
    r"the same)\b"
    r"|\bwhat (?:happens|would happen|if|will happen) (?:if |when )?i (?:skip|leave (?:it|one|some|them|this) "
    r"(?:blank|empty|out))\b"
    # "does the stage matter?" after the result (REST, in my own words: "Your result is above")
    r"|\b(?:does|do|will|would|how much does) (?:my |the )?(?:career )?(?:stage|seniority|experience level|"
    r"years of experience)\s+(?:even\s+)?(?:matter|count|change|affect|make a difference)\b"
    r"|\b(?:do|does|are|is) (?:all |some |any |the )*(?:questions?|answers?|statements?)\s+"
    r"(?:count|weigh|matter|worth|weighted|counted)\s+(?:the same|equally|more|less|differently)\b")


def scoring_asked(text: str) -> bool:
    """True when the message asks how the answers are scored (SCORING_ASKED)."""
    return bool(SCORING_ASKED.search(answers.normalise(text)))


# A word of the question asked about by quoting it back: "When you say ambiguous, do you mean ...?", "what kind
# of scale: users, data or compute?" (asides_probe: the factor menu, out of scope).
WORD_QUESTIONED = re.compile(
    r"^(?:(?:sorry|wait|ok|okay|so|hm+|but|and|um+|uh+|quick question|q|hold on|hang on)\s+)*"
    r"(?:(?:when|where) you say (?P<say>[\w' -]{2,40}?),? (?:do|does|are|is) (?:you|it|that|this)\b|"
    # "does 'ambiguous' mean unclear goals or unclear tasks?" (REST, own words: the factor menu)
    r"(?:does|do|would) (?P<does>[\w' -]{2,30}?) (?:mean|refer to|include|cover|imply)\b|"
    r"what (?:kind|sort|type|level|amount) of (?P<kind>[\w' -]{2,40}?)$)")


def _asked_first(text: str) -> str:
    """The message as typed up to the end of its first sentence or clause, where a question of words often stops:
    "what counts as savings here" in "what counts as savings here, does a 401k count?" (first_clause splits at
    more, and normalises)."""
    return re.split(r"[?.,:;!]+\s", text.strip() + " ", maxsplit=1)[0]


def _stems(text: str) -> List[str]:
    """The words of a text without their common endings, so that "going deep" meets "go deep" and "rewards"
    "reward"."""
    return [re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word
            for word in re.findall(r"[a-z0-9]+", answers.normalise(text))]


# A question referred to by its topic: "the visa one", "the runway question" (REST, in my own words: "what does the
# visa one mean" at the visa question got the impact factor's text)
QUESTION_REFERRED = re.compile(r"^(?:(?:the|that|this) )?(?P<topic>[\w' -]+?) (?:one|question|bit)$")
# The person's words for what the questions say of "you": "depending on my income" asks about "depend on your
# income"
AS_ASKED = {"my": "your", "me": "you", "i": "you", "mine": "yours", "im": "you're"}


def _asked_parts(text: str) -> List[str]:
    """Where in a message a word's meaning is asked: up to its first question mark ("hmm, what counts as
    sponsorship? I'm on a green card"), its first sentence or clause, the whole."""
    return list(dict.fromkeys((text.split("?")[0], _asked_first(text), text)))


def _question_with_words(word: str, k: Knowledge) -> Optional[str]:
    """The statement or yes/no question whose words, title or (for a yes/no question, or one referred to as "the X
    one") synonyms hold a word or phrase, whatever its ending; None when none does."""
    referred = QUESTION_REFERRED.match(word)
    asked = [AS_ASKED.get(stem, stem)[:6] for stem in _stems(referred.group("topic") if referred else word)]
    questions = [(key, c, c["statement"], c["synonyms"] if referred else []) for key, c in k.criteria.items()]
    questions += [(key, c, c["question"], c["synonyms"]) for key, c in k.constraints.items()]
    for key, item, words, synonyms in questions:
        # its title's words too: "breadth" is no word of its statement; six letters: "ambiguity" meets "ambiguous",
        # "structure" "structured"
        for said in (_stems(f"{words} {item['title']}"), *(_stems(synonym) for synonym in synonyms)):
            said = [stem[:6] for stem in said]
            if any(said[start:start + len(asked)] == asked for start in range(len(said))):
                return key
    return None


def question_asked(text: str, k: Knowledge) -> Optional[str]:
    """The statement or yes/no question holding the word or phrase a message asks the meaning of ("what counts as
    going deep?" asks about breadth's "go deep"; REST, in my own words: out of scope at the impact statement; "what
    does the runway one mean": a factor's text at that question); None when it asks of no question's words."""
    words = [word for word in map(word_asked, _asked_parts(text)) if word]
    for word in words:
        key = _question_with_words(word, k)
        if key is not None:
            return key
    pair = COMPARED.search(answers.normalise(text))
    if pair and not words:
        # "I'm not sure what the difference is between breadth and depth here" (REST, in my own words: read as a
        # neutral answer to another statement): the statement whose side and other side they are
        return next((key for key, criterion in k.criteria.items()
                     if all(_names_criterion(pair.group(part), criterion) for part in ("one", "other"))), None)
    return None


def meaning_asked(text: str, k: Knowledge) -> bool:
    """True when the message asks what a word of the questions means (word_asked), as a whole or in its first
    sentence or clause ("what counts as savings here, does a 401k count?", "Define fast-paced. Are we talking
    espresso or rocket launch?"), or quotes the word back asking (WORD_QUESTIONED)."""
    said = _said(k, with_questions=True)
    for part in (text, _asked_first(text)):
        word = word_asked(part)
        if word is None:
            quoted = WORD_QUESTIONED.match(answers.normalise(part))
            word = next((group for group in quoted.groups() if group), None) if quoted else None
            word = word.strip("'\"‘’“” ") if word else None
        if word is not None and re.search(rf"\b{re.escape(word.strip())}", said):
            return True
    return question_asked(text, k) is not None or statement_questioned(text, k)


# Asides that say what they want with the assessment in so many words, whatever the classifier makes of them
# (asides_probe): an earlier answer to change, a pause, a fresh start, how to answer.
ASIDE_INTENTS = (
    ("change_answer", re.compile(
        r"\b(?:(?:change|correct|amend|revise|revisit|fix|redo|update|edit|go back to)\b(?: [\w'-]+){0,4}? "
        r"(?:(?:my|the|that) (?:[\w'-]+ ){0,2}(?:answer|response|rating|statement|question)s?|"
        r"(?:the|that) [\w'-]+ one(?! way))\b(?! (?:is|was|would|will|doesn'?t|isn'?t)\b)|"
        r"answered (?:the|my|that) (?:[\w'-]+ ){0,2}(?:one|question|statement) wrong|"
        r"back to (?:the )?previous (?:q|question|one|statement))")),
    ("stop", re.compile(
        r"\b(?:stop|pause|paused|suspend|interrupt|take a break|break|pick (?:this|it) up|continue|"
        r"come back to it)"
        r"\b(?: [\w'-]+){0,3}? (?:here|for now|for a bit|later|tomorrow|another day|some other time|"
        r"the (?:quiz|assessment|questions))\b|"
        r"\b(?:hold|keep|save) (?:on to )?(?:my|the) (?:answers|progress|place|spot)\b")),
    ("start_over", re.compile(
        r"\b(?:(?:start|begin|go)(?: the whole thing| everything| it all| this)? (?:over|again|afresh) "
        r"(?:from (?:the (?:top|beginning|start|first question)|scratch|question (?:one|1))|with the questions)|"
        r"(?:start|begin|go through) (?:the whole thing|everything|it all|the questions|the quiz) (?:over|again)|"
        r"from question (?:one|1)|wipe (?:my|the|what|all|everything)|"
        r"scrap (?:all|this|everything|my)|reset (?:my|the|everything|all))\b")),
    # what the question asks, how it counts, what its words take in: "does this include equity?", "when you say
    # stability, ...", "clear criteria, as opposed to what?", "do kaggle comps count as experience"
    ("ask_why", re.compile(
        r"\b(?:(?:does|do|is|are|would|will) (?:this|that|it|the (?:question|statement)) (?:\w+ )?"
        r"(?:mean|include|cover|count|refer|apply|ask|asking|about|assume)|"
        r"(?:when|where) you say (?:[\w'-]+ ){1,4}?(?:do|does|did) (?:you|it|that|this) mean|"
        r"as opposed to what|compared to what|(?:for|with) (?:what|which) purpose|in what (?:way|sense)|"
        r"how (?:is|will|would|does) (?:this|that|it|my (?:answer|response)) (?:\w+ ){0,3}"
        r"(?:weighed|weighted|used|counted|affect|matter|factor)|"
        r"what (?:is|are) you (?:really )?(?:trying to|getting at|looking for)|"
        r"the point of (?:this|that|the) (?:question|one|statement|questoin)|"
        r"(?:does|do|would) (?:[\w'-]+ ){1,3}count (?:as|toward|towards|for)|"
        # how to take the statement, where one's case falls: "How should I read this one if I'm a contractor?"
        # (REST, own words: out of scope), "what's the cut-off between early career and mid here?" (the
        # result asked for), "How does an academic position map onto these categories?"
        r"how (?:should|do|would|can|am) i (?:supposed to )?(?:read|interpret|take|understand) "
        r"(?:this|that|it|the (?:question|statement))|"
        r"(?:cut-?off|boundary|dividing line) (?:between|for)|"
        r"(?:difference|distinction) between (?:an? |the )?(?:student|new grad|grad|early|mid|senior|junior)|"
        r"(?:map|fit|fall|belong)s? (?:onto|into|under|in|to) (?:these|those|the|which|your) "
        r"(?:categor\w+|options?|stages?|buckets?|boxes|levels?)|"
        r"which (?:categor\w+|option|stage|bucket|box|level) (?:do|does|would|should|am) "
        r"(?:i|a|an|my|someone))\b")),
    ("help", re.compile(
        r"\b(?:how (?:do|should|can|would|must) i (?:answer|reply|respond)|how i answer|"
        r"(?:do|must|should|can) i (?:have to |need to |just )?(?:pick|choose|click|press|type|write|select) "
        r"(?:a |the )?(?:number|button)|what (?:happens|do i get) (?:if i (?:press|click|pick))|"
        r"(?:does|do) neutral mean|"
        r"how (?:does|do) (?:this|the assessment|the quiz|it) work|"
        r"what do (?:the )?(?:numbers|buttons|options)(?: [\w'-]+){0,3} (?:mean|stand for)|which end is|"
        r"how many (?:more )?(?:questions|of these)|"
        r"what happens (?:after|at the end|once|when i (?:finish|am done))|"
        r"what do i get at the end|(?:can|may) i (?:answer|reply|type|write) (?:with|in|instead)|"
        r"write the number or|type (?:the |a )?number or|what are (?:the|my) (?:choices|options) again|"
        r"see what i'?ve answered)\b")),
    # the hybrid path named: "can you explain the hybrid path thing?" (REST, in my own words: the classifier's
    # ask_why, for "explain", gave the pending statement's meaning)
    ("ask_hybrid", re.compile(r"\bhybrid (?:path|option|route|approach|thing|idea|model|plan)\b")),
)


# A pause asked for, with no question in the message: "someone's at the door, hold on" (REST, own words: noted
# as Strongly agree); "hold on, what does ambiguous mean?" asks.
PAUSED = re.compile(r"\b(?:hold on|hang on|one sec(?:ond)?|just a (?:sec|second|minute|moment)|"
                    r"give me a (?:sec|second|minute|moment|min)|brb|be right back|afk|someone'?s at the door|"
                    r"(?:need|have|got) to (?:step|run) (?:away|out)|back in (?:a|\d+|five|ten) "
                    r"(?:min|mins|minutes|sec|secs|moment))"
                    # at the end: "hang on, no, I hate chaos" answers
                    r"(?: (?:please|pls|a sec|a moment|a minute|brb|pause (?:this|it)(?: please)?))*$")


# A goodbye and nothing else: "Cheerio then!" (asides_probe: a thanks, then read as a no)
GOODBYE_ALONE = re.compile(r"^(?:ok(?:ay)? |well |right |alright |anyway )?(?:bye(?: bye)?|goodbye|cheerio|ciao|"
                           r"farewell|see (?:you|ya)(?: later| soon)?|cya|ttyl|later|laters|toodles|ta-?ra|"
                           r"take care|good ?night|peace out|adios|au revoir)"
                           r"(?: then| for now| now| all| everyone)?$")


# Back from a pause, and nothing else: "ok where were we", "I'm back" (REST: silence, then the apology; "where were
# we?" counted as a neutral answer)
RESUMED = re.compile(r"^(?:(?:ok(?:ay)?|so|right|alright|sorry|anyway|hi|hey)\s+)*"
                     r"(?:where (?:were we|was i|did we (?:leave off|stop))|"
                     r"let'?s (?:continue|carry on|keep going|resume|go on)|"
                     r"(?:continue|carry on|resume|keep going)(?: please| then)?|i'?m back(?: now)?|back now|"
                     # "start" alone starts, it clears nothing (REST, in my own words: "Start over?" in a new chat)
                     r"start(?: now| please)?)$")


def aside_intent(text: str) -> Optional[str]:
    """The intent an aside says in so many words (ASIDE_INTENTS, PAUSED, GOODBYE_ALONE, RESUMED), or None."""
    clean = answers.normalise(text)
    said = next((intent for intent, pattern in ASIDE_INTENTS if pattern.search(clean)), None)
    if said is None and "?" not in text and PAUSED.search(clean):
        said = "stop"
    if said is None and GOODBYE_ALONE.match(clean):
        said = "goodbye"
    return said or ("start_assessment" if RESUMED.match(clean) else None)


GREETING = r"(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening))"
QUESTION_START = re.compile(
    rf"^(?:(?:ok|okay|wait|hmm+|um+|but|and|so|sorry|quick question|btw|hold on|{GREETING}|there)\s+)*"
    r"(?:what|why|how|when|where|who|which|whats|what's|hows|how's|whys|why's|"
    r"(?:is|are|do|does|did|can|could|would|will|should|shall|isn't|aren't|don't|doesn't)\s+"
    r"(?:you|it|that|this|they|there|startups?|big tech|faang|the|a|an|i|my|we|pay|equity|job))\b"
)
# Questions that are answers: "why would I care about a logo?", "who wouldn't want that?".
RHETORICAL = re.compile(
    r"^(?:(?:oh|ah|well|lol|honestly|i mean|hmm+|um+|like|seriously|and|but|so)\s+)*"
    r"(?:why (?:would|should) (?:i|anyone|someone|one|we)(?! (?:tell|answer|share|say|give|reveal))|"
    r"why not(?: both)?$|"
    r"who (?:wouldn'?t|would not|doesn'?t|does not|cares|needs|wants|on earth|"
    r"(?:would|'d) (?:ever |even )?(?:pick|choose|want|say|turn|trade|not))|"
    r"is that (?:even|really) a question|are you (?:kidding|serious|joking)|you kidding|"
    # probe33: "how could a logo possibly matter?", "why else would I be in ML", "who on earth actually enjoys
    # chaos?", "what's the point if I can't see ...", "could anything bore me more?", "can't I do a bit of both?"
    r"how could (?!you (?:tell|know|help|explain|decide|say|score))|why (?:else |on earth )?would (?:i|anyone)|"
    r"why (?:settle|bother)|who (?:actually|really|even|on earth|in (?:their|his|her) right mind|gets excited|"
    r"knows|can say|can tell)|what(?:'s| is) the (?:point|harm|use)|what good is|what(?:'s| is)? (?:more|better) "
    r"(?:\w+ )?than|what could (?:possibly )?(?:beat|top|be better|compare)|what else would i|"
    r"(?:could|can) anything|"
    r"does (?:anyone|anybody) (?:actually |really |even )?(?:enjoy|like|love|want|care|remember|miss|need)|"
    r"(?:can'?t|don'?t|shouldn'?t|wouldn'?t|couldn'?t|won'?t) i|"
    r"isn'?t (?:it|that) (?:obvious|clear|for everyone|funny|ironic|crazy|wild)|do i look like|"
    r"(?:does|do|would|will|is) (?:it|that|this) (?:even|really) (?:matter|count|make a difference))\b"
)
# What agrees or not with a question's proposal, not with the statement: "I'd lean that way", "I'd say so", "I'd
# pick that over reach" (what it is picked over set aside: PRONOUN_OVER).
PROPOSITION_ANAPHORA = re.compile(
    r"\b(?:that way|(?:say|think|guess|suppose|believe|reckon|hope) so|"
    r"(?:pick|choose|prefer|want|take|go for|go with|like|love|need|favou?r) (?:that|this)|"
    r"lean (?:that way|towards? (?:that|it)))\b")
PRONOUN_OVER = re.compile(
    r"\b(?P<it>that way|that|this)\s+(?:over|to|rather than|instead of|more than)\s+[^,.;!?]+")
# A question of one's own as the statement it proposes: "wouldn't it be nicer to ..." is "it be nicer to ...".
NEGATIVE_ASKING = r"(?:isn'?t|aren'?t|doesn'?t|don'?t|wouldn'?t|won'?t|shouldn'?t|couldn'?t|can'?t|wasn'?t)"
PROPOSAL_ASKED = re.compile(rf"^(?:(?:who )?{NEGATIVE_ASKING}|why not|what if)\s+")
PROPOSAL_LEAN = 0.8
# A question the person asks of themselves or leads with, then answers: "isn't a reasonable salary enough? it
# doesn't need to be huge for me", "what if a famous name helps me later on? I'd say it matters somewhat", "Do I
# want a promotion ladder? At my level it hardly matters either way." (probe33). Asked alone, each may be a
# question for the bot ("don't startups pay less?"): only with a statement after it is it the person's own.
OWN_QUESTION = re.compile(
    r"^(?:(?:oh|ah|well|lol|honestly|i mean|hmm+|um+|like|seriously|and|but|so)\s+)*"
    rf"(?:{NEGATIVE_ASKING}\b|what if\b|"
    r"why (?:not|build|settle|bother|chase|pick|choose|spend|waste|trade|give|risk|sacrifice|gamble|take|join|"
    r"stay|leave|limit|wait)\b|am i\b|(?:do|would|should|will) i (?:really |even |actually )?(?:want|need|care|"
    r"like|love|mind|enjoy|thrive|value|trade|give|choose|pick|rather|miss|prefer)\b|"
    r"(?:does|do|is|are) (?:the |a |an )?[\w' -]{1,60}? (?:matter|a must|important|count)\b)"
)
# Without a question mark, "when I ..." or "how we ..." leads a statement, and "did it twice" is a story.
STATEMENT_START = re.compile(
    r"^(?:(?:and|but|so|like)\s+)*(?:(?:when|whenever|where|how|what|while) (?:i|i'm|im|i've|ive|i'd|my|"
    r"our|we|we're|we've|they|their|a|an|the|someone|people|you're)|(?:did|do) (?:it|that|this|so)|"
    # "did the startup thing in 2014, ...", "did a co-op at a seed co": a clipped story, with no question mark
    # (probe25)
    r"did (?:a|an|my|the|some|two|three|\d+)\b|"
    # "When requirements change every day I can't sleep": a clause, not a question, unless an auxiliary
    # follows ("when do startups pay?")
    r"(?:when|whenever|while|once) (?!(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|"
    r"might|may|has|have|had|it|its|it's)\b)[a-z'-]+ [a-z'-]+|"
    # "What motivates me is knowing ...": what the person says next is the answer
    r"what (?!(?:is|are|was|were|do|does|did|can|could|would|will|should|about|if)\b)(?:[a-z'-]+ ){1,5}?"
    r"(?:is|was)\b(?! (?:it|that|this|there)\b))\b"
)
# A question asking to skip is an answer: "can I skip this one?", "Skip?".
SKIP_ASKED = re.compile(r"\b(?:skip|pass on|pass)\b")
IMPERATIVE_ASK = re.compile(r"^(?:please |pls |ok |first |but |can you |could you )*"
                            r"(?:tell|explain|show|remind|describe|compare|walk|"
                            r"give me (?:an? |the |some |your )?(?:[\w-]+ ){0,2}(?:overview|summary|example|"
                            r"rundown|lowdown|breakdown|explanation|comparison|recap|tldr|reasons?|pros|"
                            r"advice|answer|recommendation|result|picture|gist|facts|examples?|questions?|test|quiz))\b")
# An opener about one's own offers, typed again inside the assessment: not an answer. Narrower than the
# extractor's OWN_CHOICE ("suits me" may be an answer here), and only for these intents.
OFFERS_OPENER = re.compile(
    r"\b(?:(?:two|2|both) offers|an offer (?:from|at)|offers? (?:from|at)|torn between (?:a|an|the|startup|big)|"
    r"should i (?:join|take|accept|go (?:to|for|with)|stay|pick|choose|leave|move|switch))\b"
)
OFFERS_OPENER_INTENTS = ("ask_recommendation", "start_assessment", "compare_overall")
# A choice already made, told as a story: "When I compared my two offers, ... I picked the team I liked more"
# answers; "I turned down Google, should I join this startup?" still asks.
PAST_CHOICE = re.compile(r"\b(?:when i compared|i (?:picked|chose|took|went with|accepted|turned down|declined|"
                         r"signed with))\b")
# Social words the classifier's intent needs before a message counts as social: it calls
# "haven't thought about it" a goodbye. Only a message that says little else is social.
SOCIAL_WORDS = {
    "greet": re.compile(
        rf"^(?:oh |well |and )?(?:{GREETING}|he+y+|hi+|helo|sup|wassup|whats up|what's up|heya|hola|bonjour|"
        r"g'?day|greetings|morning|evening)(?: there| everyone| all)?\b|\bhow (?:are|r) (?:you|u)(?: doing)?\b|"
        r"\b(?:nice to meet|good to see) you\b"),
    "thank": re.compile(
        r"\b(?:thanks?(?: (?:you|u|ya))?(?: (?:a lot|so much|very much|a ton|heaps))?(?: for(?: \w+){0,4})?|"
        r"thx|thnx|thanx|tnx|ty|tysm|cheers|"
        r"merci|gracias|arigato|"
        r"much appreciated|much obliged|grateful|(?:you'?re|ur) a (?:lifesaver|star|legend)|"
        r"appreciate (?:it|that|this)|(?:that|this|it) (?:was |is |'?s )?(?:actually |really |very |super )?"
        r"(?:helpful|useful|usefull|great)|(?:that )?helps(?: a lot)?|(?:really |very |super )?"
        r"(?:helpful|useful|usefull))\b"),
    "goodbye": re.compile(
        r"\b(?:bye|goodbye|bye+(?:bye)?|ciao|adios|laters|that'?s it(?: for (?:me|now|today))?|"
        r"(?:talk to you|speak) soon|see (?:you|ya)(?: later)?|c u(?: later)?|cya|ttyl|"
        r"(?:talk|catch you) later|until next time|good ?night|gn|gotta (?:go|run|dash)|take care|"
        r"logging off|signing off|for now|i'?m (?:off|out|done)|that'?s all|thats all|"
        r"(?:have|enjoy) (?:a |an |your )?(?:good|nice|lovely|great)? ?(?:one|day|night|evening|weekend))\b"
        r"|^later(?: then)?$"),
    "bot_challenge": re.compile(
        r"\b(?:bot|robot|human|real person|an? ai|ai|chatgpt|a machine|automatic|automated|someone there|"
        r"anyone (?:real|there)|(?:chatting|talking|speaking) (?:with|to)|reading this|software)\b"),
}
# Words besides the social ones: "hi there, quick one" is social, "calm and boring forever, thanks"
# not; a bot or a human is never an answer word.
MAX_SOCIAL_REST = {"greet": 5, "thank": 3, "goodbye": 3, "bot_challenge": 99}


FILLER_SENTENCES = {"", "ok", "okay", "hmm", "hm", "wait", "sorry", "so", "right", "well", "um", "uh",
                    "btw", "hi", "hey", "hello", "hold on", "quick question", "oh", "ah", "lol"}


def _own_question_in(text: str) -> Optional[Tuple[str, str, str]]:
    """(what is said before it, the question normalised, what answers it after it) for the last question of a
    message when it is the person's own (OWN_QUESTION, RHETORICAL) and something follows it; None otherwise."""
    sentences = _sentences(text)
    asked = [i for i, sentence in enumerate(sentences) if sentence.rstrip().endswith("?")]
    if not asked or asked[-1] == len(sentences) - 1:
        return None
    own = answers.normalise(sentences[asked[-1]])
    if not (OWN_QUESTION.match(own) or RHETORICAL.match(own)):
        return None
    return " ".join(sentences[:asked[-1]]), own, " ".join(sentences[asked[-1] + 1:])


def _sentences(text: str) -> List[str]:
    """The message's sentences, each with its end mark; a sentence of fillers only is left out."""
    parts = re.findall(r"[^.!?]+[.!?]*", text.strip())
    return [part.strip() for part in parts if answers.normalise(part) not in FILLER_SENTENCES]


# A question word said as an exclamation, then the statement: "Okay what, I can take some risk" (probe29, the
# Indian English "what"), "why, yes". A question so opened still ends with its question mark.
EXCLAIMED_WH = re.compile(r"^\W*(?:(?:ok|okay|oh|ah|so|and)\W+)*(?:what|why)\s*[,!]")


# A question someone else asked, reported: "My coach asked: see my model, or have it reach a billion people? The
# billion, without hesitation." (probe31: taken for a question about impact)
REPORTED_ASKING = re.compile(r"^\W*(?:[\w'-]+\s+){0,3}?(?:asked|asks|wondered|wonders|(?:keeps|kept) asking)"
                             r"(?:\s+me)?\s*(?::|,|\bwhether\b|\bif\b)", re.I)


def _rhetorical(sentence: str) -> bool:
    """True for a rhetorical question, or a sentence whose last clause is one ("I'd hate it, why would anyone
    want that?", "could go either way, can't I do both?")."""
    last_clause = answers.normalise(re.split(r"[,;:]\s*", answers.lowered(sentence))[-1])
    return bool(RHETORICAL.match(answers.normalise(sentence)) or RHETORICAL.match(last_clause))


def _own_question_then_answer(sentences: List[str], i: int) -> bool:
    """True when sentence i asks a question of the person's own (OWN_QUESTION) and a statement in words follows."""
    return bool(OWN_QUESTION.match(answers.normalise(sentences[i]))) and any(
        not _asks(later) and re.search(r"[^\W\d_]", later) for later in sentences[i + 1:])


def own_questions_only(text: str, k: Knowledge) -> bool:
    """True when every question the message asks is the person's own: rhetorical, a thing asked back ("wide or
    deep?"), or asked of themselves (OWN_QUESTION) or of anyone with an answer after it; the answer is then read
    with them (probe33: all were asked again)."""
    sentences = _sentences(text)
    asked = [i for i, sentence in enumerate(sentences) if "?" in sentence or _asks(sentence)]

    def answered_after(i: int) -> bool:
        return _opens_with_answer(" ".join(sentences[i + 1:]), k) or _own_question_then_answer(sentences, i)

    def asked_back_alone(sentence: str) -> bool:  # "wide or deep?", not "In big company my work is seen ...?"
        return not _asks_in_words(sentence) and bool(ASKED_THING.match(answers.normalise(sentence)))

    return bool(asked) and all(_rhetorical(sentences[i]) or asked_back_alone(sentences[i]) or answered_after(i)
                               for i in asked)


def _asks(sentence: str) -> bool:
    clean = answers.normalise(sentence)
    if (_rhetorical(sentence) or SKIP_ASKED.search(clean) or without_tag(sentence) is not None
            or REPORTED_ASKING.match(sentence)):
        return False
    if sentence.rstrip().endswith("?"):
        return True
    return _opens_asking(sentence) and not STATEMENT_START.match(clean)


def _opens_asking(text: str) -> bool:
    return bool(QUESTION_START.match(answers.normalise(text))) and not EXCLAIMED_WH.match(text.lower())


def is_question(text: str) -> bool:
    """True for "why do you need to know that?", "what about pay", "remind me how pay compares?"."""
    stripped = re.sub(r"[\s\W_]+$", "", text.strip().lower())
    last = re.split(r"[.!]\s+", text.strip())[-1]
    return _opens_asking(text) or (last.rstrip().endswith("?") and bool(stripped)
                                   and not re.match(r"^\s*\w+\?\s*\S", text.strip()))


# A statement closed by a tag asking to be agreed with is a statement: "Stability is what matters, isn't it?",
# "money talks, right?" (the tag alone made them questions, asked again)
TAG_QUESTION = re.compile(
    r"(?P<said>\w.*?)\s*,\s*(?:(?:is|are|was|were|do|does|did|would|will|can|could|should|has|have|wo|ca)n'?t\s+"
    r"(?:it|that|this|they|you|we|i|there|he|she)|(?:is|are|was|does|do|did|would|will|can|could|should|has|"
    r"have)\s+(?:it|that|this|they|you|we|i|there)\s+not|right|no|yeah|eh|huh|innit|ok|okay|yes|correct|true|"
    # and as other Englishes tag it: "..., you know?" (probe29), Indian "na?", Nigerian "abi?", South African
    # "hey?", Singapore "lah?"
    r"agreed|you know|ya know|y'?know|you see|na|abi|hey|lah)\s*\?+\W*", re.I | re.S)


# "no cap" is slang for "no lie": it stresses what it stands beside, it denies nothing ("no cap money is
# everything" at salary had read 1, the wrong way round: REST). Not a cap denied ("no cap on bonuses").
NO_CAP = re.compile(r"\bno cap\b(?!\s+(?:on|to|for|at|in|of)\b)", re.I)


def without_no_cap(text: str) -> Optional[str]:
    """The text with "no cap" as slang (NO_CAP) said as "honestly", or None where it has none."""
    said, found = NO_CAP.subn("honestly", text)
    return said if found else None


def without_tag(text: str) -> Optional[str]:
    """What a message says before a tag question closing it, or None where none closes it or what comes
    before asks itself ("why would I, right?")."""
    match = TAG_QUESTION.fullmatch(text.strip())
    if not match or is_question(match.group("said")):
        return None
    return match.group("said")


def reads_as_question(text: str) -> bool:
    """`is_question`, less what only opens like one and has no question mark: "What motivates me is
    knowing ...", "When requirements change every day I cannot sleep" are answers."""
    return is_question(text) and ("?" in text or not STATEMENT_START.match(answers.normalise(text)))


def asks_instead_of_answering(text: str, k: Knowledge) -> bool:
    """True when a message typed at a pending question asks something: it has a question that is not
    an answer in disguise ("who wouldn't want that?", "can I skip this one?"), no answer word leads
    it ("Yes, absolutely. Why should my career be different?") and none follows the question ("How
    big is the reward? Then yes, I'd stay."): what follows is then the question's context."""
    if ECHO_MOCKED.match(answers.lowered(text)) or ECHO_SCOFFED.match(answers.lowered(text)):
        return False  # "savings? what savings lol", "Which ladder? I no fit wait five years": an answer
    sentences = _sentences(text)
    # an answer word asked is an answer, unsure of itself: "T-shaped is the goal so... middle?"
    asked = [i for i, sentence in enumerate(sentences) if _asks(sentence) and not answer_word_alone(sentence, k)
             and not SELF_DOUBT.match(answers.normalise(sentence))]
    # a question of the person's own with a statement after it ("what if ...? I'd say it matters somewhat")
    asked = [i for i in asked if not _own_question_then_answer(sentences, i)]
    if not asked:
        return False
    last = asked[-1]
    if (last > 0 or last < len(sentences) - 1) and lead_direction(sentences[0], k) != 0:
        # an answer word first, then a question with a statement after it: "strongly disagree, doesn't brand
        # worship seem silly? it doesn't matter to me at all." (probe33)
        return False
    if last == len(sentences) - 1:
        return True
    # Statements after the question: its context ("How do benefits compare? I'm looking at ..."),
    # unless the question only echoes the statement ("10,000 GPUs? that's my dream") or an answer
    # word opens what follows ("Is a classroom of 30 kids ambiguous? Then yes, I think I do.").
    return _asks_in_words(sentences[last]) and not _opens_with_answer(" ".join(sentences[last + 1:]), k)


# A doubt thought out loud, asking nobody: "clear promotion criteria would be nice. or would it? I've never had
# it" (probe38: taken for a question), "or not?", "do I?".
SELF_DOUBT = re.compile(r"^(?:(?:or|but|hm+|well|wait)\s+)*(?:(?:would|is|do|does|did|am|will|could|can|should|"
                        r"was|has|have)\s+(?:it|i|that|this|they)(?:\s+(?:really|though|tho|actually|even|now))?|"
                        r"not)$")
# A word asked back and mocked: "savings? what savings", "ladder?? what ladder lol".
ECHO_MOCKED = re.compile(r"^\W*(?:[\w']+\s+){0,3}?(?P<word>[\w']+)\s*\?+\s*what\s+(?P=word)"
                         r"(?:\s+(?:lol|lmao|haha|lmfao|xd))*[\W_]*$")
# The statement's thing scoffed at, then the answer: "Which ladder? I no fit wait five years for promotion, God
# forbid." (probe21)
ECHO_SCOFFED = re.compile(r"^\W*(?:which|what)\s+[\w'-]+\s*\?+\s*[^?]*\w[^?]*$")
# A question in words, not an echo of the statement with a question mark ("benefits? don't care").
ASKING_WORD = re.compile(r"^(?:what|why|how|when|where|who|which|whats|is|are|am|was|were|do|does|did|"
                         r"can|could|would|will|should|shall|isn'?t|aren'?t|don'?t|doesn'?t|has|have|any)\b")


def _asks_in_words(sentence: str) -> bool:
    return any(ASKING_WORD.match(answers.normalise(clause))
               for clause in re.split(r"[,:;]|\bor\b", sentence.lower()))


def _opens_with_answer(text: str, k: Knowledge) -> bool:
    """True when a clause opens with an answer word ("I survived that, so yes I guess", "Maybe, but
    ..."); context after a question rarely does ("I'm mid-career and kind of restless")."""
    for part in CLAUSE.split(answers.lowered(text)):
        part = re.sub(r"^\s*(?:then|and|if so)\s+", "", part)
        if answers.normalise(part) and (_opening_phrase(_opening(part, LEAD_FILLER), k) is not None
                                        or idiom_direction(part) or DEGREE_ALONE.match(part)):
            return True  # and "I'd lean agree", "Fully comfortable."
    return False


# A degree and one word, a clause alone: "Fully comfortable.", "Not interested."
DEGREE_ALONE = re.compile(r"^\W*(?:fully|totally|completely|absolutely|entirely|not)"
                          r"\s+[\w'-]+\W*$")


# Or a short message the classifier is sure of, with no answer word in it ("gotta bounce", "heyo"), nor slang
# that answers: the classifier likens "yolo honestly" to a greeting (REST: never read at the risk statement).
SURE_SOCIAL = (0.9, 4)  # confidence, words
ANSWER_SLANG = re.compile(r"\b(?:yolo|bet|facts|fr|deadass|no cap|send it|say less|slay|periodt?|based|mid|"
                          r"ngl|lowkey|highkey|nah fam)\b")


def _social(text: str, intent: str, confidence: float, k: Knowledge) -> bool:
    words = SOCIAL_WORDS[intent]
    clean = answers.normalise(text)
    found = words.search(clean)
    rest = len(words.sub(" ", clean).split()) if found else None
    if found and (rest <= MAX_SOCIAL_REST[intent] or (found.start() == 0 and rest <= MAX_SOCIAL_OPENING_REST)):
        return True
    return (confidence >= SURE_SOCIAL[0] and len(clean.split()) <= SURE_SOCIAL[1]
            and answers.find_phrase(clean, k) is None and not ANSWER_SLANG.search(clean))


# "wait, that's wrong", "you misread me", "no, my last answer": the answer said back before this
# question was misread. Not "the last one" ("I lost my savings on the last one") nor "same as the last
# question", an answer.
CORRECTION = re.compile(
    r"\b(?:(?:that'?s|thats|that was) (?:wrong|not right|not what i (?:meant|said))"
    r"|not what i (?:meant|said)|you (?:misunderstood|got (?:it|that|me) wrong)|misread"
    r"|wrong (?:answer|reading)|(?:the|my|your) (?:last|previous|prior) (?:answer|question|reading)"
    r"|previous one"
    # "wait, I meant agree on the last one" (REST, in my own words: read as the next question's answer)
    r"|meant\b[^.!?]*\b(?:the|that) (?:last|previous|prior) one|(?:the|that) last one\b[^.!?]*\bi meant"
    # "wait, no, I meant disagree": opening the message, before any answer to the pending question (REST)
    r"|^\W*(?:(?:wait|oops|sorry|hold on|no|nope|ugh)\W+)+i meant)\b")
SAME_AS = re.compile(r"\bsame as\b")


def corrects_previous(text: str) -> bool:
    """True for a message saying the previous answer was misread, rather than answering the pending
    question."""
    clean = answers.normalise(text or "")
    return bool(CORRECTION.search(clean)) and not SAME_AS.search(clean)


# Help asked for in so many words, the whole message: "help", "help me", "i'm lost", "what can i type".
HELP_ASKED = re.compile(r"^(?:(?:please|pls|hey|um+|uh+|so|ok|okay|sorry|i need|need|can you|could you|"
                        r"can i get|some)\s+)*(?:help|help me|help please|the menu|menu|options|commands|"
                        r"i'?m (?:stuck|lost|confused)|what can i (?:say|type|do) here)(?:\s+(?:please|pls|me))?$")


# A demand with what follows if it is not met is an answer, however it opens.
ULTIMATUM = re.compile(r"\bor (?:else|i(?:'?m| am| will|'?ll)? (?:walk|walking|leave|leaving|quit|out|gone|"
                       r"pass|walk away))\b")


# Words that close a "so" conclusion without changing it: "so no I guess", "so yes, I think" (REST, in my own
# words: "... she has her own pension. so no I guess" was read yes at the runway question)
CLOSING_HEDGE = r"(?:then|lol|i guess|i think|i suppose|i reckon|probably|honestly|tbh)"
# "No green card yet, so yes, I'd need sponsoring": the "so" answers, wherever it stands. Not a "but no",
# which may deny the thing asked about ("I wish I had a cushion, but no, barely any savings").
SO_ANSWER = re.compile(r"(?:^|[,.;:!?—–]\s*|\s)so,? (yes|yeah|yep|yup|no|nope|nah)\b"
                       rf"(?=(?:,?\s+{CLOSING_HEDGE})*\s*(?:[,.;:!—–]|$))")


# The assessment itself spoken of, not the person: "my answers", "the quiz", "the skills one", "this statement",
# "from the top", "pick this up later". With a command's or a question's intent and no answer in the message,
# such a message is about the conversation (asides_probe: "wipe my answers and let's go again from question one"
# was read as a 2, "I'm done, stop the quiz." as an answer).
ABOUT_THE_ASSESSMENT = re.compile(
    r"\b(?:(?:this|that|the|these|those|my|your|previous|last|earlier|first|next|other|prior|an?|all|every|"
    r"each) (?:[\w'-]+ )?(?:questions?|q|qs|statements?|quiz|assessment|survey|buttons?|questionnaire)|"
    # an answer of one's own ("my risk answer", "the answer to the salary one"), not "the right answer"
    r"(?:my|previous|last|earlier|prior|first) (?:[\w'-]+ )?(?:answers?|responses?|ratings?)|"
    r"(?:answers?|responses?) (?:to|for|on|about) (?:the|that|my)|"
    r"(?:questions?|statement) (?:one|1|about)|"
    r"(?:the|this|that) (?:[\w'-]+ )?one (?:to|again|before)|wipe|scrap|nuke)\b")
# not "at the top of the list, full stop" (probe37: taken for a stop)
FROM_THE_TOP = re.compile(r"\b(?:from|at) the (?:top|start|beginning)\b(?! of\b)")
# Later, said to a stop's verb: "can we pick this up later", "pause, resume tomorrow".
LATER = re.compile(r"\b(?:later|tomorrow|another (?:day|time)|some other time|for now|for a bit|a break)\b")
STOP_WORD = re.compile(r"\b(?:stop|pause|suspend|interrupt|break|hold|continue|pick (?:this|it) up|quit)\b")
# A command's verb, anywhere in the message.
COMMAND_WORD = re.compile(
    r"\b(?:(?<!full )stop|quit|exit|pause|suspend|interrupt|halt|hold|break|cancel|restart|start|begin|wipe|reset|"
    r"scrap|nuke|clear|change|correct|amend|revise|revisit|fix|redo|undo|edit|update|go back|continue|"
    r"pick (?:this|it) up)\b")
# The recommendation asked for now: "just tell me which one already", "Enough questions. Verdict?"
RESULT_ASKED = re.compile(
    r"(?:^|[.!?,]\s*|\b(?:just|pls|please|now|so|ok|go on|come on) )"
    r"(?:(?:tell|tel|give|show) me (?:\w+ ){0,2}(?:which|wich|what|"
    r"the (?:verdict|answer|result|recommendation)|your (?:verdict|answer|recommendation|pick))|verdict|"
    r"which (?:one|side|way) (?:should|do|would|shall) i|wh?ich (?:one )?is (?:better|right|best) for me|"
    r"skip (?:the rest|all this|ahead|to the (?:end|result))|"
    r"enough questions|forget the (?:quiz|questions|test))\b")
# A message said to be off the subject: "unrelated but ...", "random q, ...", "off topic: ...".
OFF_TOPIC = re.compile(r"\b(?:unrelated|off[ -]topic|random (?:q|question)|side (?:q|question)|"
                       r"quick q unrelated|not related|different question|totally different)\b")
# A question opened by an auxiliary and who or what it asks about, with no question mark ("do people at startups
# really get promoted faster"), where the classifier is sure it asks about a factor, the two paths or something
# else; QUESTION_START's shorter list of subjects stays for the reader's own uses.
ASKED_WITH_AUX = re.compile(
    r"^(?:(?:ok|okay|wait|so|but|and|hmm+|um+|also|then|realistically|honestly|seriously)\s+)*"
    r"(?:is|are|do|does|did|can|could|would|will|should|isn'?t|aren'?t|don'?t|doesn'?t)\s+"
    r"(?:most|many|some|any|all|people|ppl|folks|juniors?|junir|seniors?|interns?|engineers?|companies|"
    r"employees|managers?|u|ya|y'?all|startup|small|big|large|early|seed|series|google|meta|amazon|microsoft|"
    r"apple|research|salaries|promotions?|layoffs|funding|stock|options|it|that|this|they|there|you|\d+k?)\b")
SURE_QUESTION = 0.8
# A social remark may run longer when it opens the message: "thank you for being so patient with me".
MAX_SOCIAL_OPENING_REST = 8
# Intents a question about the pending statement may carry ("is this asking about money risk or career risk?"
# reads as a priority): answered by the pending question's reason (data/stories/rules.yml).
STATEMENT_QUESTION_INTENTS = ("inform_priority", "inform_stage")


# A quote opens and closes outside a word: the apostrophe of "What's 'fast-paced' here?" opens none
QUOTED = re.compile(r"(?<!\w)['‘\"“]([\w -]{2,40})['’\"”](?!\w)")
# The statement or the question named in a question about it.
STATEMENT_NAMED = re.compile(r"\b(?:(?:this|that|the) (?:[\w-]+ )?(?:statement|question)|"
                             r"(?:is|does|in|for) (?:this|that|the) (?:[\w-]+ )?one|"
                             r"is (?:that|this) what (?:this|it|you|the (?:question|statement)) (?:is |are )?"
                             r"(?:asking|mean|getting at))\b")
# What a question about the statement or the question refers to.
ABOUT_THE_QUESTION = re.compile(r"\b(?:this|here|statement|question|mean|means|meant|meaning|count|counts)\b")


def asked_about_statement(text: str, k: Knowledge, last: bool = False) -> bool:
    """True when a message asks about the statement or the question itself, in words and with a question mark:
    "does this mean the job I want next?", "Is this written with US salaries in mind? Pay here is different."
    Not "Savings? Maybe two months ...", "So, neutral?", nor a question with its answer after it. `last`: the
    question must end the message ("does a bootcamp count? anyway, I'm in the second year of my degree" tells a
    stage)."""
    asked = _question_of(text, k)
    if asked is None:
        return False
    question, at_end = asked
    return ((bool(ABOUT_THE_QUESTION.search(answers.normalise(question))) or _quotes_a_statement(question, k))
            and (not last or at_end))


@functools.lru_cache(maxsize=64)  # asked up to twice for a message (meaning_asked, asked_about_statement)
def _question_of(text: str, k: Knowledge) -> Optional[Tuple[str, bool]]:
    """The last question a message asks in words, with a question mark, and whether it ends the message; None
    when the message answers (asks_instead_of_answering)."""
    if not asks_instead_of_answering(text, k):
        return None
    sentences = _sentences(text)
    asked = [i for i, sentence in enumerate(sentences) if sentence.rstrip().endswith("?") and _asks(sentence)
             and _asks_in_words(sentence)]
    return (sentences[asked[-1]], asked[-1] == len(sentences) - 1) if asked else None


def quotes_statement(text: str, statements: Iterable[str]) -> bool:
    """True when a word of the statements is quoted back ("Is 'thrive' about enjoying it or being effective in
    it?")."""
    return _quoted_in(text, " ".join(answers.normalise(statement) for statement in statements))


def _quoted_in(text: str, said: str) -> bool:
    # from a word's start, as meaning_asked: 'pace' is in "fast-paced", 'ace' is not
    return any(word.strip() and re.search(rf"\b{re.escape(word.strip())}", said)
               for word in QUOTED.findall(text.lower()))


def _quotes_a_statement(question: str, k: Knowledge) -> bool:
    return _quoted_in(question, _said(k))


@functools.lru_cache(maxsize=8)
def _said(k: Knowledge, with_questions: bool = False) -> str:
    """The statements normalised and joined, with the yes/no questions where asked: the words a word quoted or
    asked about is looked up in."""
    texts = [c["statement"] for c in k.criteria.values()]
    texts += [c["question"] for c in k.constraints.values()] if with_questions else []
    return " ".join(answers.normalise(text) for text in texts)


def statement_questioned(text: str, k: Knowledge) -> bool:
    """True when a message asks about a statement itself, whatever the classifier made of it: a word of it quoted
    back ("How fast is 'quickly' here: months, years?") or the statement named ("Is this statement written with US
    salaries in mind?", "jack of all trades vs master of one, is that what this is asking?"), with no answer
    after the question (asides_probe: the factor's reply, the result's, out of scope)."""
    asked = _question_of(text, k)
    return asked is not None and (_quotes_a_statement(asked[0], k)
                                  or bool(STATEMENT_NAMED.search(answers.normalise(asked[0]))))


def stage_told(text: str, k: Knowledge) -> bool:
    """True when a message asks nothing and states a career stage outright, in years or degrees
    (situation.stage_stated): not the stage model's guess, which finds one in "Clarify whether 'Senior' is about
    years or title." (asides_probe)."""
    return "?" not in text and not is_question(text) and situation.stage_stated(text, k) is not None


# A stage told, and the bot asked to place it: "four full years at a big tech company, what would you call that?",
# "is year two of working still junior? because that's where I am" (probe33).
SELF_PLACED = re.compile(r"\b(?:what (?:would|do|should) you call (?:that|this|me|it)|does (?:that|this|it) "
                         r"(?:even |still )?count|where does (?:that|this) (?:put|leave) me|what else would i be|"
                         r"does anyone call (?:that|this|it)|that'?s where i am|asking for me|"
                         r"(?:is|am) (?:that|this|it|i) (?:still )?(?:a |an )?(?:junior|senior|early|mid|student|"
                         r"new grad))\b")


def is_interruption(text: str, intent: Optional[str], confidence: float, k: Knowledge,
                    question: Optional[str] = None) -> bool:
    """True when a message typed while a question is pending (`question`, where known) is clearly a question or
    a command, not an answer: only then does the conversation leave the pending question."""
    stripped = (text or "").strip()
    if answers.BUTTON.match(stripped):
        return intent in COMMAND_INTENTS or intent in QUESTION_INTENTS
    if question == STAGE_QUESTION and intent not in COMMAND_INTENTS and stage_told(stripped, k):
        # "4 years at Amazon, now holding an offer from a seed startup" answers where one is, whatever else it
        # tells (probe30: "I need a few more answers first", and the stage asked again)
        return False
    if (question == STAGE_QUESTION and intent not in COMMAND_INTENTS
            and SELF_PLACED.search(answers.lowered(stripped))
            and default_reader().read_stage(stripped).value is not None):
        # "about eighteen months at my first real job, what would you call that?" asks the bot to place what it
        # says: an answer (probe33: taken for a question about a factor)
        return False
    if intent == "start_assessment" and ASSESSMENT_ASKED_FOR.match(answers.normalise(stripped)):
        # "ok let's do the assessment" typed at a question had read 4 at the pace statement, and "couldn't read" at
        # the stage (REST, in my own words): the assessment goes on
        return True
    if sides_asked(stripped, k) or scoring_asked(stripped):
        # "what counts as big tech?", "what if I answer 3 to all of them?": what the words or the scoring mean,
        # whatever rating they name
        return True
    clean = answers.normalise(stripped)
    # "let's leave this one blank" is no command
    commanded = intent in COMMAND_INTENTS and bool(COMMAND.match(clean)) and not NOT_ANSWERING.search(clean)
    if not intent or (rating_number(stripped) is not None and not commanded):
        # a rating is an answer, but not the new value of a command ("change my answer on pace to 3/10" had
        # answered the pending question: REST)
        return False
    if not_understood(stripped) or meaning_asked(stripped, k):
        return True  # the extractor makes it ask_why, whatever the classifier said
    confident = confidence >= MIN_INTENT_CONFIDENCE

    def looks_like_answer(lead: bool = True) -> bool:
        # an answer word, or a side named alone ("Depth, thanks."); asked only where it decides, since
        # it tries every statement's side words and runs for each message typed at a question. Without
        # `lead`, a word leading the message is none: "ok I'm back, wipe what I gave you" is no agree.
        back = asked_back(stripped)  # "lottery tickets? NO thx": the answer after a word asked back
        sentences = story_sentences(stripped)
        return ((lead and answers.find_phrase(first_clause(stripped), k) is not None)
                or (back is not None and answers.find_phrase(first_clause(back), k) is not None)
                # an answer word as the last sentence: "Tell me the rubric and I'll speedrun it. Yes please."
                # (REST: a recommendation came in the middle of the questions)
                or (len(sentences) >= 2 and answer_word_alone(sentences[-1], k))
                or any(named_side(stripped, question, k) for question in k.criteria))

    if intent == aside_intent(stripped) and (answers.find_phrase(first_clause(stripped), k) is None
                                             if intent == "change_answer"
                                             # "ok where were we": no agreeing "ok"
                                             else not looks_like_answer(lead=intent != "start_assessment")):
        # "pls let me change the scale one to a higher number" (the statement named), "when you say stability, do
        # you mean job security?": what to do with the assessment or what the question asks, in so many words
        return True
    if intent in COMMAND_INTENTS:
        # in so many words, or a command's verb about the assessment itself ("nah this isn't working, wipe my
        # answers"), or a stop's verb with a later ("can we pick this up later"), with no answer beside it
        about = bool(COMMAND_WORD.search(clean)) and bool(ABOUT_THE_ASSESSMENT.search(clean))
        again = bool(COMMAND_WORD.search(clean)) and bool(FROM_THE_TOP.search(clean))
        later = bool(STOP_WORD.search(clean)) and bool(LATER.search(clean))
        return commanded or (confident and (about or again or later) and not NOT_ANSWERING.search(clean)
                             and not looks_like_answer(lead=not about))
    if intent in QUESTION_INTENTS and asks_instead_of_answering(stripped, k):
        return True
    if intent in STATEMENT_QUESTION_INTENTS and confident \
            and asked_about_statement(stripped, k, last=intent == "inform_stage") \
            and not looks_like_answer():
        return True
    if (confident and not looks_like_answer()
            and ((intent == "ask_recommendation" and RESULT_ASKED.search(clean))
                 or (intent in QUESTION_INTENTS and OFF_TOPIC.search(clean)))):
        return True
    if intent == "help" and confident and HELP_ASKED.match(clean):
        return True  # "help" typed at a statement had been read as an agree, 0.98 (REST)
    if (intent in SOCIAL_INTENTS and confident and _social(stripped, intent, confidence, k)
            and not looks_like_answer(lead=False)
            # an answer word after the social words ("thanks, but no"), not in them ("thank u so much")
            and answers.find_phrase(first_clause(SOCIAL_WORDS[intent].sub(" ", answers.lowered(stripped))), k)
            is None):
        return True
    if intent in ("ask_factor", "ask_hybrid", "out_of_scope") and confidence >= SURE_QUESTION \
            and ASKED_WITH_AUX.match(clean) and not looks_like_answer():
        return True  # "do most startups rly fail or is that just smth ppl say", "is 180k normal at google"
    if (intent in QUESTION_INTENTS and confident and IMPERATIVE_ASK.match(clean) and not looks_like_answer()
            and not ULTIMATUM.search(clean) and not WALKED_OUT.match(answers.lowered(stripped))):
        # "show me a documented ladder or I walk", "tell me I'm rotating ... and I'd be job hunting" answer
        return True
    # "if two offers were within 5% I'd pick the famous name, so yeah, somewhat": an answer that concludes
    return (intent in OFFERS_OPENER_INTENTS and confident and bool(OFFERS_OPENER.search(clean))
            and conclusion(stripped, k) is None and not concession(stripped, k)
            and ("?" in stripped or not PAST_CHOICE.search(clean)))


if __name__ == "__main__":
    # `make train` builds the reader's cache next to the Rasa model, so the action server starts at once.
    # Built through the imported module: run as a script, this module's classes are __main__.Reader, a
    # pickle the action server cannot load (it then trained at its first answer, longer than a turn).
    from actions import reader as module

    module.build()
    print(f"answer reader ready: {len(training_files())} training files")
