"""Answers that edit the statement's own words: "not just 'rather'", "'thrive' is pushing it", "swap 'must'
for 'nice to have'", "what I'd sign is the reverse", "'clear criteria' is about right". They say how far the
person goes with the statement as the bot words it, which the words around them often say the other way
("Not just 'rather'; I'd be miserable going deep" had read 1 by its "not"). Plain functions over text and
the knowledge file's statements; the answer reader (actions/reader.py) calls `edited_point`."""
from __future__ import annotations

import functools
import re
from typing import FrozenSet, Optional, Tuple

from actions import answers
from actions.knowledge import Knowledge

QUOTE_OPEN, QUOTE_CLOSE = "['‘\"“]", "['’\"”]"
WORDS = r"[a-z][a-z -]{0,40}?"
# A word or words of the statement, quoted or not: "'thrive'", "clear criteria", "'matters more'".
SAID = rf"{QUOTE_OPEN}?(?P<said>{WORDS}){QUOTE_CLOSE}?"
QUOTED = rf"{QUOTE_OPEN}(?P<said>{WORDS}){QUOTE_CLOSE}"
ENDS = r"(?=\s*(?:[;:,.!—–-]|$))"
# Words that carry no stance of their own.
FUNCTION_WORDS = frozenset("i a an the in on to of for me my and with at by be am is are would".split())

# The statement's word made stronger: "not just 'rather'", "more than 'want'", "'thrive' is putting it mildly".
STRONGER = (
    re.compile(rf"^\W*(?:not (?:just|only|merely|simply)|(?:much |far |way )?more than(?: just)?) {SAID}"
               rf"(?=\s*(?:[;:,.!—–-]|\bbut\b|\bi\b|$))"),
    re.compile(rf"{SAID} (?:is|'s) (?:putting it mildly|an understatement|understating it|underselling it|"
               rf"too (?:weak|mild|soft|tame)|not strong enough)\b"),
    re.compile(rf"{SAID} (?:doesn't|does not|don't) go far enough\b"),
)
TONE_DOWN = r"(?:downgrade|soften|tone down|water down|dial down|weaken)"
STRIKE = r"(?:strike|cross out|drop|delete|remove|lose|scratch)"
# The statement's word toned down or struck out: "'comfortable' is pushing it", "'fascinated' overstates it",
# "downgrade 'must' to 'should'", "strike 'must'".
WEAKER = (
    re.compile(rf"{SAID} (?:is|'s|feels|seems|sounds|would be) (?:a (?:bit|little|tad) |too |way too |rather |"
               rf"pretty |quite |maybe )?(?:strong|much|a stretch|pushing it|generous|overstating it|"
               rf"overselling it|an overstatement|overstated|oversold|a (?:big|strong|loaded) word|"
               rf"too (?:big|strong) a word)\b"),
    re.compile(rf"{SAID} (?:overstates|oversells) (?:it|things|the case|me|my)\b"),
    re.compile(rf"\b{TONE_DOWN} {SAID}{ENDS}"),
    re.compile(rf"\b{STRIKE} (?:the )?{QUOTED}"),
    # the word quoted first, then edited as "it": "'must' — i'd downgrade it to 'nice to have'"
    re.compile(rf"^\W*{QUOTED}\W[^.!?]*\b(?:{TONE_DOWN}|{STRIKE}) (?:it|that)\b"),
)
# Not "lose it all", "drop everything": a loss or a rush, not an edit.
STRUCK_WHOLE = re.compile(r"\b(?:strike|cross out|scratch) (?:out )?(?:the whole (?:thing|sentence|statement)|"
                          r"all of it|it all)\b")
# A word swapped for another: "change 'matters more' to 'matters a bit more'", "make it 'nice to have' instead of
# 'very important'".
SWAPPED = (
    re.compile(rf"\b(?:swap|replace|change|turn|downgrade|upgrade) {QUOTE_OPEN}?(?P<old>{WORDS}){QUOTE_CLOSE}? "
               rf"(?:to|for|with|into) {QUOTE_OPEN}(?P<new>{WORDS}){QUOTE_CLOSE}"),
    re.compile(rf"\bmake it {QUOTE_OPEN}(?P<new>{WORDS}){QUOTE_CLOSE} instead of "
               rf"{QUOTE_OPEN}?(?P<old>{WORDS}){QUOTE_CLOSE}?"),
)
SOFTER = re.compile(r"\b(?:a bit|a little|slightly|somewhat|mostly|usually|often|sometimes|kind of|kinda|"
                    r"fairly|moderately|a tad)\b")
STRONGER_WORDS = re.compile(r"\b(?:really|very|so|much|a lot|hugely|absolutely|deeply|truly|need|must|crave|love|"
                            r"obsessed|passionate|addicted|live for|adore|essential|vital)\b")
# The statement turned round, said of the statement: "what I'd sign is the reverse", "the opposite of who I am",
# "the opposite, for me". Not a reverse said of something else ("at my bank job it's the exact reverse").
OPPOSITE = r"the (?:exact |complete |total )?(?:reverse|opposite)"
REVERSED = re.compile(
    rf"^\W*(?:(?:no|nope|honestly|actually|for me|nah)\W+)*"
    rf"(?:(?:it'?s|that'?s|more like|quite|rather) )?"
    rf"{OPPOSITE}(?: for me| of (?:me|that|this|it))?{ENDS}"
    rf"|\b(?:what )?i'?d sign (?:is )?{OPPOSITE}\b|(?:^|[.;!?]\s*)flip it\b"
    rf"|\b(?:is|'s) {OPPOSITE} of (?:me|who i am|how i (?:work|feel|think|operate)|"
    rf"what i (?:want|need|am|value))\b")
HEDGED = re.compile(r"\b(?:mostly|more or less|kind of|kinda|somewhat|a bit|slightly|roughly|closer to|almost)\b")
# The statement's word taken as it stands: "'must' fits, mostly", "'thrive' is about right"; not "'rather' is the
# word i'd cross out".
ACCEPTED = re.compile(rf"{QUOTED} (?:is (?:about |just |exactly |spot |dead )?(?:right|on)|fits|is fair|"
                      rf"is accurate|is the (?:right )?word|nails it)\b(?! i\b| i'd| to\b| we)")
# Every word of it taken: "every word fits, strongly".
EVERY_WORD = re.compile(r"\b(?:every (?:single )?word|each word|all of it|the whole thing) (?:fits|applies|"
                        r"rings true|is true|holds)\b")
# No part of it taken: "Neither half. Brand and network are irrelevant to me."
NEITHER_PART = re.compile(r"^\W*(?:honestly,? )?neither (?:half|part|of the (?:two )?(?:halves|parts))\b")
# A turn after a word taken: "'thrive' is about right — maybe 'do well' is more modest, but ...".
TURNED = re.compile(r"\b(?:but|though|although|however|except|yet|still)\b")
EXACTLY = re.compile(r"\b(?:exactly|spot on|dead on|perfectly|nails it)\b")
# One part of the statement answered on its own: "'fast-paced' yes", "brand: nope", "the network part, a little".
PART = re.compile(rf"(?:^|[.;,—–]\s*|\band\s+|\bbut\s+)(?:the\s+)?{QUOTE_OPEN}?"
                  rf"(?P<said>[a-z][a-z-]*(?: [a-z-]+){{0,2}}?){QUOTE_CLOSE}?(?:\s+(?:part|half|bit))?\s*[:,]?\s+"
                  r"(?:is\s+|'s\s+)?(?:also\s+)?"
                  r"(?P<verdict>yes|yeah|yep|sure|true|fits|no|nope|nah|not so much|not really|less so|a little|"
                  r"kinda|partly|definitely|absolutely)(?=\s*(?:[.;,!—–-]|\band\b|\bbut\b|$))")
PART_AGAINST = {"no", "nope", "nah", "not so much", "not really", "less so"}
# Which part weighs: "the ambiguity is the part that matters to me", "ambiguity matters more".
WEIGHS = re.compile(r"(?:the )?(?P<said>[a-z-]+) (?:is|'s|are) (?:the (?:part|bit|half|one) that (?:matters|"
                    r"counts|weighs|decides)|what (?:i care about|matters|counts))|(?:the )?(?P<other>[a-z-]+) "
                    r"matters more")


@functools.lru_cache(maxsize=16)
def statement_words(statement: str) -> FrozenSet[str]:
    """The words of a statement that say something, before any "than" (what follows it is the other side: "go
    deep" at breadth)."""
    said = answers.normalise(statement).split(" than ")[0]
    return frozenset(word for word in re.split(r"[\s-]+", said) if word and word not in FUNCTION_WORDS)


def _of_statement(words: str, statement: str) -> bool:
    """True when every word said is the statement's (in any regular form: "matters", "wants")."""
    own = statement_words(statement)
    said = [word for word in re.split(r"[\s-]+", words.strip()) if word and word not in FUNCTION_WORDS]
    return bool(said) and all(word in own or word.rstrip("s") in own or word + "s" in own for word in said)


def _statement(question: str, k: Knowledge) -> Optional[str]:
    """The statement a criterion's question asks about; None for the stage and yes/no questions."""
    return (k.criteria.get(question) or {}).get("statement")


def edited_point(text: str, question: str, k: Knowledge) -> Optional[int]:
    """The 1-5 point of an answer that edits the statement's own words in a way that settles it (made stronger,
    swapped, turned round, struck out as a whole, every word or neither half taken), or None."""
    statement = _statement(question, k)
    if not statement:
        return None
    lower = answers.lowered(text)
    for pattern in SWAPPED:
        match = pattern.search(lower)
        if match and _of_statement(match.group("old"), statement):
            old, new = match.group("old").split(), match.group("new")
            stronger = bool(STRONGER_WORDS.search(new)) and not SOFTER.search(new)
            if all(word in new.split() for word in old):
                # the statement's word kept, only weighed: "matters a bit more" is a mild yes
                return 5 if stronger else 4
            return 5 if stronger else 2  # "swap 'want' for 'need'"; "downgrade 'must' to 'should'"
    if any((match := pattern.search(lower)) and _of_statement(match.group("said"), statement)
           for pattern in STRONGER):
        return 5
    if STRUCK_WHOLE.search(lower):
        return 1
    if EVERY_WORD.search(lower):
        return 5
    if NEITHER_PART.search(lower):
        return 2
    reversed_ = REVERSED.search(lower)
    if reversed_:
        return 2 if HEDGED.search(lower[max(0, reversed_.start() - 20):reversed_.end() + 20]) else 1
    return _parts_answered(lower, statement)


def _same_word(one: str, other: str) -> bool:
    """True for two forms of one word: "ambiguity" and "ambiguous"."""
    return one == other or (min(len(one), len(other)) >= 5 and one[:5] == other[:5])


def _parts_answered(lower: str, statement: str) -> Optional[int]:
    """The statement answered part by part: a mild no when another word, quoted, is taken instead of the
    statement's and no part of it is ("'thrive' no, 'tolerate' yes"); where the parts go both ways, the side of
    the part said to weigh ("'fast-paced' yes, 'ambiguous' no, and the ambiguity is the part that matters"); None
    otherwise (the reader weighs parts that all go one way)."""
    sides, instead = [], False
    for match in PART.finditer(lower):
        side = -1 if match.group("verdict") in PART_AGAINST else 1
        if _of_statement(match.group("said"), statement):
            sides.append((match.group("said"), side))
        elif side > 0 and re.match(QUOTE_OPEN, match.group().lstrip(" .;,—–").removeprefix("the ")):
            instead = True  # another word, quoted, taken instead of the statement's
    if not sides or (not instead and (len(sides) < 2 or len({side for _, side in sides}) == 1)):
        return None  # one part, or every part the same way: the reader weighs it
    if all(side < 0 for _, side in sides):
        return 2
    weighs = WEIGHS.search(lower)
    if weighs is None:
        return None
    weighed = weighs.group("said") or weighs.group("other")
    chosen = [side for said, side in sides if said and any(_same_word(weighed, word) for word in said.split())]
    return (4 if chosen[0] > 0 else 2) if len(set(chosen)) == 1 else None


def toned_down(text: str, question: str, k: Knowledge) -> bool:
    """True when the answer tones down or strikes a word of the statement ("'comfortable' is pushing it"): less
    than the statement as worded, but not a no by itself ("'must' is strong but close. i'd want it")."""
    statement = _statement(question, k)
    lower = answers.lowered(text)
    return bool(statement) and any((match := pattern.search(lower))
                                   and _of_statement(match.group("said"), statement) for pattern in WEAKER)


def _accepted(lower: str, statement: str) -> Optional[Tuple[int, int]]:
    """(4, or 5 said emphatically, and where the words end) when the answer takes a quoted word of the statement
    as it stands; None otherwise."""
    accepted = ACCEPTED.search(lower)
    if not accepted or not _of_statement(accepted.group("said"), statement):
        return None
    return (5 if EXACTLY.search(accepted.group()) else 4), accepted.end()


def taken_as_worded(text: str, question: str, k: Knowledge) -> Optional[Tuple[int, bool]]:
    """(4, or 5 said emphatically, and whether the answer turns after it) when the answer takes a quoted word of
    the statement as it stands ("'must' fits, mostly"; "'thrive' is about right — ..., but ..." turns); None
    otherwise."""
    statement = _statement(question, k)
    lower = answers.lowered(text)
    accepted = _accepted(lower, statement) if statement else None
    return (accepted[0], bool(TURNED.search(lower[accepted[1]:]))) if accepted else None
