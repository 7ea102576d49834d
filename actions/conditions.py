"""Answers given through a condition: "I'd say yes if I were 23. At this stage, depth", "only if promos
weren't political. they are, and I want nothing to do with the ladder", "I'd take that trade unless I had kids
and a mortgage. I have both. Not a chance." The part that sets up the condition says what the person would
answer in another life; what they say of their own life, around it, is the answer (the first had read 4 by
its "yes", the wrong way round). Plain functions over text; the answer reader (actions/reader.py) reads what
`reality` leaves."""
from __future__ import annotations

import re
from typing import List, Optional

# A condition set up: "if", "unless", "only if", "as long as", "provided", "assuming", "were I".
CONDITION = re.compile(
    r"\b(?:if|unless|only with|as long as|so long as|provided(?: that)?|providing|assuming|were i|had i)\b")
# A condition that is no hypothesis: a way of speaking ("if anything", "if I'm honest", "if you ask me"), the
# answer itself framed ("if I had to pick, breadth"), a concession whose main clause holds ("even if it's
# risky, I'd do it"), or "if" for "whether" ("I can't tell if I'd thrive there").
NOT_A_CONDITION = re.compile(
    r"\b(?:even if|even though|as if|what if|if anything|if not\b(?! for)|if ever|if at all|if so|if any\b|"
    r"if (?:i'?m|i am) (?:honest|being honest|being real|totally honest|real)|if (?:you|u) ask me|"
    r"if i(?:'d| had| have)? (?:to|had to) (?:pick|choose|guess|say|answer|bet|rate|put a number|go with|"
    r"decide|lean)|if (?:forced|pushed|pressed)|if that makes sense|if you will|if you like|if i may|"
    r"if i'?m being|if i can be|if i could (?:put|say)|"
    r"(?:know|tell|sure|wonder|wondering|see|ask|asking|decide|check|unsure|idea|question|certain|clue|"
    r"matter|matters)\s+if)\b")
# A condition that cannot hold as things are, by its grammar: "if I were 23", "if I didn't have kids", "if you'd
# asked me five years ago", "unless I had people depending on me".
COUNTERFACTUAL = re.compile(
    r"\b(?:(?:if|unless|only if)\s+(?:i|we|you|it|they|that|he|she|my \w+)\s+(?:were|weren'?t|was|wasn'?t|had|"
    r"hadn'?t|didn'?t|did|'d|still|ever|cared|wanted|lived|worked|got|went)|(?:if|unless)\s+\w+'d|"
    r"only if (?:i|we) could|(?:if|unless)\b[^,.;]*\b(?:would|could) (?:i|we)|were i|had i)\b")
# How a condition stands, said in a few words: "I don't", "they do", "It is", "I have both", "I don't, ever".
SUBJECT = r"(?:i|it|they|that|he|she|we|none|nobody|neither|both)"
STANDS = (r"(?:'m|am|is|'s|are|'re|do|does|did|have|has|was|were|will|won'?t|can'?t|don'?t|doesn'?t|isn'?t|"
          r"aren'?t|never|rarely|seldom|always|usually|ever)\b"
          r"(?:\s+(?:not|n't|both|all|either|ever|at all|really)\b)?")
ECHO = re.compile(rf"^(?:and\s+)?{SUBJECT}\s+{STANDS}\W*(?:ever)?\W*$")
# The same opening a part that goes on: "they are, and I want nothing to do with the ladder".
ECHO_OPENS = re.compile(
    rf"^(?:and\s+)?{SUBJECT}\s+(?:rarely |never )?{STANDS}\s*(?:,\s*(?:and|so)?|\s+(?:and|so))\s+", re.I)
# How the condition stands, said in the part that sets it up ("which I'm not", "and none ever has") or as the
# next part ("It rarely does, so ...", "they are, and ...", "I have both").
REALITY = re.compile(
    rf"\b(?:which|and|but)\s+(?:{SUBJECT}|you|no one)\s*(?:'m|am|is|'s|are|'re|do|does|did|have|has|was|were|will|"
    rf"would|can)?\s*(?:n'?t|not|never|rarely|seldom|always|usually|ever|really|definitely|certainly|absolutely)\b|"
    rf"^(?:and\s+)?{SUBJECT}\s+(?:rarely |never )?{STANDS}(?:\s*[,;]|\s+(?:and|so)\b|(?:\s+\S+){{0,3}}\s*$)")
# "unless" with its condition said not to hold, before the main clause: what follows holds ("unless I quit the
# PhD, which I'm not doing, salary is not a must at all").
UNLESS_DENIED = re.compile(r"^.*?\bunless\b[^,]*,\s*which\s+[^,]*?(?:n't|\bnot|\bnever)\b[^,]*,\s*(?=\S)", re.I)
# Where a part of an answer ends: a sentence, a clause after a semicolon, colon or dash, a turn ("but"), a
# concession (", though"), what is so now (", now ...").
PARTS = re.compile(r"(?:[.;:!?]+|\s[—–-]+\s|—|–|\(|\)|,?\s+but\s+|,\s+(?:though|although)\s+|"
                   r",\s+(?=(?:now|these days|today|right now|at this (?:point|stage)|in reality|in practice|"
                   r"realistically|as it is|as things stand)\b))")


def parts_of(text: str) -> List[str]:
    """The text's parts (PARTS), stripped, the empty ones left out."""
    return [part.strip() for part in PARTS.split(text) if part and part.strip()]


def hypothesis(part: str, after: str) -> bool:
    """True when the part sets up a condition (CONDITION, not a way of speaking) whose standing is known: one
    that cannot hold by its grammar (COUNTERFACTUAL), or one whose standing is said in the part itself or the
    part after it (REALITY). What the person says outside it then says where they stand."""
    lowered = NOT_A_CONDITION.sub(" ", part.lower())
    if not CONDITION.search(lowered):
        return False
    return bool(COUNTERFACTUAL.search(lowered) or REALITY.search(lowered) or REALITY.search(after.lower()))


def reality(text: str) -> Optional[str]:
    """What an answer says outside the hypotheses it sets up: the parts that set none up, joined, without how
    the condition stands said alone (ECHO); empty where nothing else is said, None where no part sets one up."""
    # an aside in brackets is a reason ("which I don't (never had a real job)"), unless it says how the condition
    # stands ("unless you think networks don't matter (they do)")
    def aside(bracketed: re.Match) -> str:
        return bracketed.group() if ECHO.match(bracketed.group(1).lower().strip()) else " "

    parts = parts_of(re.sub(r"\(([^)]*)\)", aside, text))
    kept, dropped = [], False
    for part, after in zip(parts, parts[1:] + [""]):
        if not hypothesis(part, after):
            kept.append(part)
            continue
        dropped = True
        main = UNLESS_DENIED.sub("", part)
        kept += [main] if main != part else []
    if not dropped:
        return None
    # how the condition stands ("I don't", "they do", "they are, and ...") is no view of the statement
    kept = [ECHO_OPENS.sub("", part) for part in kept if not ECHO.match(part.lower())]
    return ". ".join(part for part in kept if part)


# A conclusion drawn at the end of what is left: "I'm not, so I'd rather not trade stability".
CONCLUDED = re.compile(r"(?:^|[,;]\s*|\s)(?:so|hence|therefore|which means)\s+(?P<clause>[^,;]+?)\W*$")


def conclusion(text: str) -> Optional[str]:
    """The clause a "so" closes the text with, or None."""
    concluded = CONCLUDED.search(text.lower())
    return concluded.group("clause").strip() if concluded else None


# The condition's own clause, up to the comma that ends it: "if fast means shipping weekly," in "if fast means
# shipping weekly, yes".
CONDITION_CLAUSE = re.compile(r"^.*?\b(?:if|unless|as long as|so long as|provided|assuming)\b[^,]*,\s*(?=\S)",
                              re.I)


def verdicts_under_conditions(text: str) -> List[str]:
    """What each condition of an answer that sets up several leads to ("depends how fast. if fast means
    shipping weekly, yes. if it means nobody knows what we're doing, no" -> "yes", "no"); none where any part
    says something without a condition, or fewer than two parts set one up."""
    parts = [part for part in parts_of(text) if not DEPENDS.match(part.lower())]
    verdicts = [CONDITION_CLAUSE.sub("", part) for part in parts]
    if len(parts) < 2 or any(verdict == part for verdict, part in zip(verdicts, parts)):
        return []
    return verdicts


# "It depends", "depends how fast": the answer's frame, not a part of its own.
DEPENDS = re.compile(r"^\W*(?:it\s+)?(?:all\s+)?depends\b")


# Years counted another way than as work since one's studies: "if you count the PhD as a job, four years",
# "counting the PhD it's eight years", "if the PhD counts as work". Counting only what counts is the count:
# "counting only full-time, 9".
COUNTED_OTHERWISE = re.compile(r"\b(?:if (?:you|we|i|one) counts?|if (?:the |my |that |this )?[\w-]+(?: [\w-]+)? "
                               r"counts?|counting(?! only)|including)\b", re.I)


def counted_as_work(text: str) -> Optional[str]:
    """A career stage said with years counted another way and then, after a "but", as work since one's studies
    ("counting the PhD it's eight years in research, but in industry I've been at it for two"): what follows
    the "but"; None otherwise."""
    counted = COUNTED_OTHERWISE.search(text)
    turn = re.search(r"\bbut\b", text[counted.end():], re.I) if counted else None
    return text[counted.end() + turn.end():].strip() if turn else None


# A condition said to be the only way to a yes, as the whole of its part: "only if ...", "only with ...".
ONLY_IF = re.compile(r"^\W*only\s+(?:if|when|with)\b", re.I)
# How it stands, said to fail: "which I don't", "It rarely does", "none ever has".
FAILS = re.compile(r"(?:n'?t|\bnot|\bnever|\brarely|\bseldom|\bnone|\bnobody|\bno one)\b", re.I)


def only_way_failed(text: str) -> bool:
    """True when an answer names its only way to a yes and says that way fails for the person ("Only if the
    ambiguity gets resolved quickly. It rarely does"; "only if promos weren't political. they are"): the standing
    said with a "not" of a condition without one, or without one of a condition with one."""
    parts = parts_of(text)
    for part, after in zip(parts, parts[1:] + [""]):
        lowered = part.lower()
        within = REALITY.search(lowered)
        said = within or REALITY.search(after.lower())
        if ONLY_IF.search(lowered) and said:
            asked = lowered[:within.start()] if within else lowered
            if bool(FAILS.search(said.group())) != bool(FAILS.search(asked)):
                return True
    return False
