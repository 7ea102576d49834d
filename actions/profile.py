"""What a user says about themselves in a message ("money matters most to me", "I don't care about
brand"), read from the entities of the latest message. Used outside the form (action_note_profile) and
inside it (an answer to another question than the pending one)."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions import answers, reader, thinking
from actions.knowledge import default


def latest_entities(tracker: Tracker, entity: str) -> List[Dict[str, Any]]:
    return [e for e in (tracker.latest_message or {}).get("entities", []) if e.get("entity") == entity]


def latest_value(tracker: Tracker, entity: str) -> Optional[str]:
    found = latest_entities(tracker, entity)
    return found[-1].get("value") if found else None


# "no visa needed", "need no visa"; not "no doubt"
NO = re.compile(r"\bno\b(?! doubt| question)")


# A denial said by understatement: "brand matters little to me, if at all", "it hardly matters" (REST: noted
# as a 5).
LITTLE = re.compile(r"\b(?:(?:matters?|counts?|cares?|means?) (?:very )?little|"
                    r"of (?:very )?little (?:consequence|importance|interest|relevance)|"
                    r"(?:hardly|scarcely|barely) (?:matters?|counts?|cares?|care|means?|interests?))\b")


def negated(text: str) -> bool:
    """True for "I don't care about brand", "no visa needed", "no way, chaos stresses me out", "brand
    matters little to me"."""
    text = text.lower()
    return (bool(answers.NEGATIONS.search(text) or NO.search(text) or LITTLE.search(text)) or "whatever" in text
            or reader.lead_direction(text, default()) < 0 or bool(reader.DISLIKING.search(text)))


JUDGED = ("criterion", "constraint")
# A criterion named as what another thing is measured against ("definitely more than brand" at the scale statement,
# "second after salary") is no priority stated: REST, in my own words, it noted brand 5 and asked scale again.
MEASURED_AGAINST = re.compile(r"\b(?:than|above|below|behind|after|next to|second to)\W+(?:the\W+|my\W+|a\W+)?$",
                              re.IGNORECASE)


def scope(tracker: Tracker, found: Dict[str, Any]) -> str:
    """The part of the latest message that speaks of one entity, so that a negation or a dislike
    counts only for what it is said of: in "wary of gambling, we just had a kid" the wariness is
    about risk, not about the kid. The message is cut at the last clause break between two judged
    entities; entities with no break between them share a scope ("i don't care about brand or pay")."""
    text = (tracker.latest_message or {}).get("text") or ""
    spans = sorted({(e.get("start", 0), e.get("end", 0))
                    for e in (tracker.latest_message or {}).get("entities", []) if e.get("entity") in JUDGED})
    cuts = [0, len(text)]
    for (_, end), (start, _) in zip(spans, spans[1:]):
        breaks = list(reader.CLAUSE.finditer(text, end, start)) if start > end else []
        if breaks:
            cuts.append(breaks[-1].start())
    begin = max(c for c in cuts if c <= found.get("start", 0))
    finish = min((c for c in cuts if c >= found.get("end", 0)), default=len(text))
    return text[begin:finish]


def _read_side(text: str, criterion: str) -> Optional[float]:
    """The answer reader's point for the text as an answer to the criterion's statement; None when it
    reads no side."""
    point = reader.default_reader().read_agreement(text, criterion).value
    return None if point is None or point == answers.NEUTRAL else float(point)


def stated_priorities(tracker: Tracker, exclude: Optional[str] = None, by_meaning: bool = True
                      ) -> Dict[str, float]:
    """criterion -> answer implied by "X matters most to me" (5) or "I don't care about X" (1); a
    priority said in other words ("pivots every week drive me up the wall"), or a keyword the answer
    reader leans against ("promotion committees are theatre"), is read by the answer reader as an
    answer to that criterion's statement, and left out when it reads no side. `by_meaning=False` leaves
    out the priorities said in other words."""
    k = default()
    found: Dict[str, tuple] = {}
    roles: Dict[str, set] = {}
    meant: Dict[str, float] = {}
    text = (tracker.latest_message or {}).get("text") or ""
    for e in latest_entities(tracker, "criterion"):
        if e.get("value") not in k.criteria or e.get("value") == exclude:
            continue
        if (e.get("confidence_entity") or 1.0) < 1.0:  # found by meaning (bot/nlu/extractor.py)
            point = _read_side(text, e["value"]) if by_meaning else None
            if point is not None:
                meant[e["value"]] = point
            continue
        if MEASURED_AGAINST.search(text[:e.get("start", 0)]):
            continue
        length = e.get("end", 0) - e.get("start", 0)
        roles.setdefault(e["value"], set()).add(e.get("role") or "")
        if length >= found.get(e["value"], (0,))[0]:
            found[e["value"]] = (length, e.get("role") or "", e)  # the longest mention decides
    lowered = answers.lowered(text)
    thought_out = bool(thinking.second_thought(lowered) or thinking.tried_both_undecided(lowered))
    for cid, (_, role, e) in found.items():
        if reader.own_topic_alone(text, cid, k):
            continue  # "pace" typed at the brand statement names a topic, not a way (make chat: pace 4 -> 5)
        if thought_out:
            # thought out loud, a message lands where it ends, not in the clause around the keyword:
            # "structure - yes. hmm, actually, the ladder here drives me nuts" typed at the scale statement (a
            # clean clone's make chat: noted 4), "brand... yes? no? ugh I genuinely don't know" (noted 1)
            landed = reader.default_reader().read_agreement(text, cid).value
            if landed is not None:
                meant[cid] = float(landed)
            continue
        part = scope(tracker, e)
        value = 5.0 if (role != "against") != negated(part) else 1.0
        read = _read_side(part, cid)
        if read is None and len(roles[cid]) > 1:
            continue  # both sides named ("depth 80 / breadth 20") and unread: the longer word is no answer
        if read is not None and (read - answers.NEUTRAL) * (value - answers.NEUTRAL) > 0:
            value = read  # the keyword tells the side, the reader how strongly ("pay isn't that important" is 2)
        elif (value - answers.NEUTRAL) * reader.default_reader().lean(part, cid) < 0:
            # the words around the keyword run it down where no negation word says so ("promotion
            # committees are theatre"): the answer reader decides, as for a priority found by meaning
            if read is None:
                continue
            value = read
        elif read is not None and (read - answers.NEUTRAL) * (value - answers.NEUTRAL) < 0:
            # the reader reads the other side of what the keyword alone says, and no word around it runs the
            # keyword down: neither is sure ("My risk appetite is a bowl of plain rice." had been noted as a
            # 5, REST); the question is asked in its turn
            continue
        elif read is None and (reader.HEDGES.search(part.lower()) or LITTLE.search(part.lower())):
            # hedged where the reader cannot say how strongly: "depends of the day, but mostly I like when is
            # moving fast" had been noted as a 5 (REST)
            value = 4.0 if value > answers.NEUTRAL else 2.0
        meant[cid] = value
    return meant


def stated_constraints(tracker: Tracker, exclude: Optional[str] = None) -> Dict[str, bool]:
    """constraint -> its answer said in passing ("i need a visa", "I'm on an H-1B" typed at another
    question; "i don't need a visa" is False): each mention's own part of the message read as the answer
    to that question, or by its negation where the yes/no reader is unsure; left out when two mentions
    read both ways. Savings mentioned are no runway problem: "..., I have savings" is False (make chat)."""
    k = default()
    said: Dict[str, set] = {}
    for e in latest_entities(tracker, "constraint"):
        cid = e.get("value")
        if cid in k.constraints and cid != exclude and not _says_nothing_of_it(tracker, e):
            said.setdefault(cid, set()).add(_said_yes(scope(tracker, e), cid))
    # mentions read both ways ("ramen budget, savings of a house plant, so yeah runway is short": the savings
    # read as a no, REST) leave the question to its turn
    return {cid: values.pop() for cid, values in sorted(said.items()) if len(values) == 1}


# A child who is no dependant: "I'm a kid in a candy store" typed at the scale statement was noted as low runway
# (REST). A kid is one's own after a possessive, a verb of having or a number: "my kid", "we just had a kid".
KID = re.compile(r"(?:kids?|child(?:ren)?|a baby)$")
OWN_KID = re.compile(r"\b(?:my|our|have|has|had|having|got|with|two|three|four|five|\d+|expecting)\s+(?:\w+\s+)?$")
# Bills or rent that a salary pays: "salary na everything o, na im pay bills", "it pays the bills" typed at the
# salary statement had been noted as low runway (REST); everyone has bills to pay.
PAID_FOR = re.compile(r"\bpa(?:y|ys|id|ying)\s+(?:for\s+)?(?:the\s+|my\s+|our\s+|all\s+the\s+)?$")


def _says_nothing_of_it(tracker: Tracker, found: Dict[str, Any]) -> bool:
    """True for a constraint's mention that says nothing of the constraint: a kid, child or baby not said to
    be the person's own (KID, OWN_KID), bills or rent that something pays (PAID_FOR)."""
    text = ((tracker.latest_message or {}).get("text") or "").lower()
    start, end = found.get("start", 0), found.get("end", 0)
    before, mention = text[:start], text[start:end]
    return ((bool(KID.match(mention)) and not OWN_KID.search(before))
            or (mention in ("bills", "rent") and bool(PAID_FOR.search(before))))


def _said_yes(part: str, constraint: str) -> bool:
    reading = reader.default_reader().read_yes_no(part, constraint)
    return bool(reading.value) if reading.value is not None else not negated(part)


def stated_answers(tracker: Tracker, exclude: Optional[str] = None, by_meaning: bool = True
                   ) -> Dict[str, object]:
    """Every answer the latest message says in passing: priorities (stated_priorities) and constraints
    (stated_constraints)."""
    return {**stated_priorities(tracker, exclude=exclude, by_meaning=by_meaning),
            **stated_constraints(tracker, exclude=exclude)}
