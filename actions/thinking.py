"""Answers thought out loud: the person answers, doubts it, and lands somewhere else ("yes! wait, fast-paced AND
ambiguous? ... that's not me, mostly", "structure - yes. hmm, actually, the ladder here drives me nuts", "I thought
I'd say yes, but reaching millions is the whole point for me"). Where they land is what follows the last doubt;
what came before it is the answer they started with. Plain functions over lower-cased text; the answer reader
(actions/reader.py) reads both parts and takes the later where the two part ways.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

# A doubt cast on what was just said, opening a clause: "wait", "no wait", "hmm, actually", "hmm...", "re-reading
# it", "on second thought", "thinking about it more". Not "actually" inside a clause ("it actually matters").
DOUBT = re.compile(
    r"(?:^|(?<=[,.;:!?…—–-]))\s*"
    r"(?:(?:(?:hm+|um+|uh+|ok|okay)\W+)?(?:but\W+)?(?:no,? )?(?:wait|actually)(?:,? (?:no|nah)(?=[,.]?\s+\w))?|"
    # "hmm, no, I'm 22, ...": the "no" takes back what came before; said alone after it, it is the answer
    r"hm+(?:\W+(?:no|nah)(?=,\s*\w))?(?=\s*(?:\.\.\.|…|[.,]))|"
    # "depth I think? or... no, breadth" (REST, in my own words: read 2): a "no" opening a clause that goes on
    r"(?:or\W+)?(?:no|nah)(?=,\s*\w)|"
    r"re-?reading (?:it|that|this|the (?:question|statement))|(?:on )?second thoughts?|"
    r"(?:thinking|now that i think) about it(?: (?:more|again|properly|harder))?|come to think of it|"
    r"the more i think about it|i take (?:it|that) back)\b[\s,.;:!?…—–-]*")

# An answer the person meant to give and did not: "I thought I'd say yes, but ...", "I was going to say 5 but
# honestly 4", "I'd like to say yes. I really would ... but realistically ...", "I didn't think so, but honestly it
# matters a lot"; the "but" after it turns.
PLANNED = re.compile(r"\bi(?: thought i'?d| was going to| was gonna| was about to| wanted to|'?d like to|"
                     r" would like to| almost)(?: have)? (?:say|answer|put|pick|click)\b|"
                     r"\byou'?d (?:think|expect|guess) (?:i'?d )?"
                     r"(?:say )?(?:yes|no)\b|\bi (?:didn'?t|did not|wouldn'?t have) (?:think|thought) so\b")
TURN = re.compile(r"\bbut\b[\s,]*")
# A turn opening a sentence of its own after a thought trails off: "breadth - tempting. but I think I'd still pick
# depth", "the mortgage... but I could handle a pay cut for a while"
TURNED_SENTENCE = re.compile(r"(?:[.!?]|\.\.\.|…)\s+but\b[\s,]*")
# Words that only weigh the answer before them: "so... no, mostly." (probe10) lands on the "no".
WEIGHING_ONLY = re.compile(r"^(?:(?:mostly|definitely|really|probably|absolutely|totally|certainly|for sure|"
                           r"of course|i guess|i think|i suppose|i'?d say|honestly|tbh|though|then|lol)\W*)+$")
CLOSING_DOUBT = re.compile(r"[\s,]+actually\W*$")
# What opens a part that grants a point rather than answering: "yes. hmm, though the ladder can feel rigid".
GRANTING = re.compile(r"^(?:though|although|even so|except|unless|if)\b")


def second_thought(lowered: str) -> Optional[Tuple[str, str, bool]]:
    """(what was said before a doubt or the turn after a planned answer, what follows it, whether the answer before
    was only planned), at the last such place where both say something; None when the answer is not thought
    again."""
    planned = PLANNED.search(lowered)
    turn = TURN.search(lowered, planned.end()) if planned else None
    cuts = [(doubt.start(), doubt.end(), False) for doubt in DOUBT.finditer(lowered)]
    cuts += [(turn.start() + 1, turn.end(), False) for turn in TURNED_SENTENCE.finditer(lowered)]
    for start, end, only_planned in sorted(cuts + ([(turn.start(), turn.end(), True)] if turn else []),
                                           reverse=True):
        before, after = lowered[:start].strip(" ,.;:!?…—–-"), lowered[end:].strip()
        # a doubt closing the answer is no word of it: "reaching millions sounds a bit better, actually"
        after = CLOSING_DOUBT.sub("", after)
        if re.search(r"\w", before) and re.search(r"\w", after) and not WEIGHING_ONLY.match(after):
            return None if GRANTING.match(after) else (before, after, only_planned)
    return None


# Both answers tried in a row, then no landing: "yes? no? ugh I genuinely don't know", "yes. no. depends on the
# week, really", "yes... no... somewhere in between" (probe38: read 1 and 4).
YES_WORDS, NO_WORDS = ("yes", "yeah", "yep", "agree"), ("no", "nope", "nah", "disagree")
TRIED = re.compile(r"(?:^|[\s,.;:!?…—–-])(?P<one>yes|yeah|yep|no|nope|nah|agree|disagree)\s*(?:\?+|\.+|…|,|!)\s*"
                   r"(?:(?:or|um+|uh+|hm+|ugh)\W+)?(?P<other>yes|yeah|yep|no|nope|nah|agree|disagree)\s*"
                   r"(?:\?+|\.+|…|,|!|$)")
UNDECIDED = re.compile(r"\b(?:(?:i )?(?:genuinely |really |honestly |just )?(?:don'?t|do not) know|dunno|idk|"
                       r"no idea|not sure|unsure|depends|can'?t (?:decide|say|tell)|torn|either way|in between|"
                       r"in the middle|who knows|no clue)\b")


def tried_both_undecided(lowered: str) -> bool:
    """True when a yes and a no are tried in a row and what follows says the person does not know (TRIED,
    UNDECIDED)."""
    tried = TRIED.search(lowered)
    if not tried or (tried.group("one") in YES_WORDS) == (tried.group("other") in YES_WORDS):
        return False
    return bool(UNDECIDED.search(lowered[tried.end():]))
