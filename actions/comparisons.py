"""Answers given by comparison (probe37): the statement's topic set against other people ("more than anyone I
know"), against the person's other priorities ("top of my list", "a tiebreaker, nothing more"), or its two sides
weighed even ("a dead heat") or by a margin ("by miles", "edges out"). Plain functions over lower-cased text,
no Rasa imports; the reader (actions/reader.py) decides where they apply."""
from __future__ import annotations

import re
from typing import Optional, Tuple

# Who the topic is measured against: people, not things ("more than most robotics people I know", "less than
# it does most of my peers", "than to the average engineer").
PEOPLE = (r"(?:(?:to |for |it does |they do |i do )?(?:any ?one|any ?body|every ?one|every ?body|most\b|"
          r"the (?:average|typical|median|next|usual)|other\b|others\b|(?:my|our|their) [\w' -]{0,25}?"
          r"(?:friends|peers|colleagues|co-?workers|reports|team(?:mates)?|manager|boss|cohort|classmates|"
          r"labmates|partner|wife|husband|parents|mentors?|advisor|founders?|folks|people|engineers|juniors|"
          r"seniors|interns?)\b|(?:a lot of|many|lots of|plenty of) (?:people|folks|engineers)\b|people\b|"
          r"folks\b|engineers\b|researchers\b|scientists\b|devs\b))")
# "far less than my reports do", "a bit more to me than to the average engineer", "not as much as most people"
MEASURED = re.compile(
    r"(?<!\w)(?P<degree>(?:a (?:bit|little|lot|tad|touch)|slightly|somewhat|much|far|way|vastly|"
    r"significantly|miles|even|probably|definitely|a whole lot) )?"
    r"(?P<how>more|less)\b(?P<between>[\w' -]{0,30}?) than (?P<who>" + PEOPLE + r")"
    # "worth more than people think" measures nothing against them
    r"(?![\w' ]{0,20}?\b(?:think|thinks|say|says|expect|expects|realise|realize|assume|believe|imagine|give)\b)")
# The people named first: "compared to most PhDs I know I'm way more into chaos"
COMPARED_TO = re.compile(
    r"\b(?:compared (?:to|with)|next to|relative to|unlike)\s+" + PEOPLE + r"[^,.;:!?]{0,40}?[,;:]?\s*"
    r"(?:i'?m|i am|i)\s+(?P<degree>(?:a (?:bit|little|lot|tad)|slightly|somewhat|much|far|way|a lot) )?"
    r"(?P<how>more|less)\b(?P<between>[\w' -]{0,30})")
# How the person is more or less moved, where less is the yes: "less bothered by chaos than most"
TROUBLED = re.compile(r"^\W*(?:\w+ )?(?:bothered|stressed|scared|worried|anxious|afraid|uncomfortable|annoyed|"
                      r"fazed|thrown|put off|nervous|frightened|troubled|rattled)\b")
AS_MUCH_AS = re.compile(r"\b(?P<negated>not |isn'?t |doesn'?t [\w]+ )?(?:about |roughly |just |exactly )?"
                        r"as (?:much|well|little|well or badly) as (?:" + PEOPLE + r")")
# Measured against everyone: "more than anyone I know" is as far as it goes.
EVERYONE = re.compile(r"^(?:to |for |it does |they do |i do )?(?:any ?one|any ?body|every ?one|every ?body)\b")
STRONG_DEGREE = {"a lot", "much", "far", "way", "vastly", "significantly", "miles", "a whole lot"}
MILD_DEGREE = {"a bit", "a little", "a tad", "a touch", "slightly", "somewhat"}

# Weighed even: "a dead heat", "exactly even", "no more, no less", "count the same", "dead center".
EVEN = re.compile(
    r"\b(?:(?:a )?dead heat|(?:exactly|perfectly|dead) even|evenly (?:split|matched|weighted)|"
    r"no more,? (?:and )?no less|no better,? (?:and )?no worse|no less,? (?:and )?no more|"
    r"dead cent(?:er|re)|smack in the middle|right in the middle|(?:sits|sit|is|it's|its) (?:right |somewhere )?"
    r"in the middle|middle of (?:my|the) (?:list|pack|ranking)|"
    r"(?:count|weigh|matter|rank|score)s? (?:exactly |just |about |roughly )?(?:the same|equally|evenly)|"
    r"equal parts|equally (?:important|interesting|fascinated|drawn|happy|comfortable|good)|"
    r"neither more nor less|(?:it'?s |its )?a tie\b|level pegging|neck and neck)\b")

# Placed among the person's other priorities.
RANK_TOP = re.compile(
    r"\b(?:top of (?:my|the) (?:list|ranking|priorities)|(?:my )?(?:number one|no\.? ?1|#1|first) priority|"
    r"(?:outranks|above|more than) (?:everything|anything|all the rest|all of it)(?: else)?|"
    r"first on (?:my|the) list|(?:it'?s |its )?(?:my )?number one\b)")
RANK_HIGH = re.compile(
    r"\b(?:high (?:up )?on (?:my|the) list|top (?:two|three|few|2|3)|"
    # not "second to autonomy", which loses to it
    r"second only to|second on (?:my|the) list|(?:a )?close second)\b")
RANK_LOW = re.compile(
    r"\b(?:a tie-?breaker|tie-?breaker at (?:best|most)|low (?:down )?on (?:my|the) list|near the bottom|"
    r"(?:less|lower) than (?:literally |nearly |almost |pretty much |just about )?(?:everything|anything|all)"
    r"(?: else)?)\b")
RANK_BOTTOM = re.compile(
    r"\b(?:(?:at the |dead )?bottom of (?:my|the) (?:list|ranking|priorities)|(?:dead )?last (?:on|of) (?:my|the|"
    r"everything|all)|dead last|below (?:literally |pretty much )?(?:everything|anything|all)(?: else)?|"
    r"(?:the )?least of my (?:concerns|worries|priorities))\b")

# How far one side wins a comparison: "by miles", "it isn't close"; "a little", "edges out", "not by much".
WIDE_MARGIN = re.compile(r"\b(?:by (?:a mile|miles|a (?:huge|wide|long|big|mile|country) margin|far|a lot)|"
                         r"(?:it )?(?:isn'?t|is not|not|wasn'?t) (?:even )?close|no contest|hands down|"
                         r"any day(?: of the week)?|every (?:single )?time(?=\W*(?:$|[,.;!?]))|without blinking|"
                         r"in a heartbeat|not even (?:slightly|a (?:little|bit))|"
                         # what is given up, all of it or not a bit: "I'd trade every big logo for ...", "I
                         # wouldn't trade a single RSU for ...", "I'd give up any upside before ..."
                         r"(?:trade|swap|give up|sacrifice) (?:every|all|any|a single|an ounce|"
                         r"one (?:bit|ounce))\b)|>>+")
NARROW_MARGIN = re.compile(r"(?<!not )(?<!not even )\b(?:(?:just )?a (?:little|bit|touch|tad)"
                           r"(?= *(?:$|[,.;:!?)]|more\b|less\b|for me\b))|slightly|narrowly|marginally|"
                           r"edges? (?:it )?out|by a (?:nose|hair|whisker)|"
                           r"not by (?:a )?(?:huge|big|wide|lot|much|large)(?: margin)?)\b")


# Denied just before: "not more than most", "just not above everything else", "isn't top of my list".
DENIED_BEFORE = re.compile(r"(?:\b(?:not|no|never|neither|nor|nowhere|far from|hardly)|n'?t)\W+"
                           r"(?:\w+\W+){0,2}$")
# What follows a comparison and overrides it: "I like money as much as the next person, but ..."
TURNED_AFTER = re.compile(r"^[^.!?]*?\b(?:but|though|although|however|yet|still)\b")


def _concessive(lowered: str, match: re.Match) -> bool:
    """True when a comparison is denied just before it ("not more than most") or turned after it ("as much as
    the next person, but ...")."""
    return bool(DENIED_BEFORE.search(lowered[:match.start()]) or TURNED_AFTER.search(lowered[match.end():]))


def _subject(lowered: str, start: int) -> str:
    """The words before a comparison in its sentence: what is compared ("Stability over everything")."""
    return re.split(r"[.!?;]", lowered[:start])[-1]


def against_people(lowered: str) -> Optional[Tuple[int, str]]:
    """-2 to +2 for the topic measured against other people ("More than anyone I know." +2, "less than most
    startup folks" -1, "about as well as the average PhD, no better, no worse" 0), and what is measured (the
    words before it); None when no one is, or the comparison is denied or turned."""
    matches = [m for m in MEASURED.finditer(lowered) if not _concessive(lowered, m)]
    if len({m.group("how") for m in matches}) > 1:
        # "more comfortable than my labmates, less than my startup friends": in between
        return 0, _subject(lowered, matches[0].start())
    match = matches[0] if matches else COMPARED_TO.search(lowered)
    if match:
        sign = (1 if match.group("how") == "more" else -1) * (-1 if TROUBLED.match(match.group("between")) else 1)
        degree = match.group("degree") and match.group("degree").strip()
        strong = degree in STRONG_DEGREE or (EVERYONE.match(match.groupdict().get("who") or "")
                                             and degree not in MILD_DEGREE)
        return sign * (2 if strong else 1), _subject(lowered, match.start())
    same = AS_MUCH_AS.search(lowered)
    # not "As much as my parents want me somewhere safe, ...", a concession opening the answer
    if same and not TURNED_AFTER.search(lowered[same.end():]) and not re.match(r"\W*as much as", lowered):
        return (-1 if same.group("negated") else 0), _subject(lowered, same.start())
    return None


def ranked(lowered: str) -> Optional[Tuple[int, str]]:
    """-2 to +2 for the topic placed among the person's other priorities ("top of my list" +2, "second only to
    the team" +1, "a tiebreaker, nothing more" -1, "dead last" -2), and what is placed (the words before it);
    a high place denied ("not exactly high on my list") is -1, the top or a low place denied nothing."""
    for pattern, point in ((RANK_BOTTOM, -2), (RANK_TOP, 2), (RANK_LOW, -1), (RANK_HIGH, 1)):
        match = pattern.search(lowered)
        if match:
            denied = DENIED_BEFORE.search(lowered[:match.start()])
            if denied and point != 1:
                # "just not above everything else" is no "no"; "not exactly high on my list" is
                return None
            return (-1 if denied else point), _subject(lowered, match.start())
    return None


def even(lowered: str) -> bool:
    """True when the answer weighs the two sides, or the topic among others, even (EVEN)."""
    return bool(EVEN.search(lowered))


def margin(lowered: str) -> int:
    """+1 when a comparison is won by far (WIDE_MARGIN), -1 narrowly (NARROW_MARGIN), 0 neither or both."""
    return bool(WIDE_MARGIN.search(lowered)) - bool(NARROW_MARGIN.search(lowered))


# Where a person's career stands measured against others' ("more than a new grad, way less than my manager",
# "fewer months on the job than my PhD took years"): what they are measured against is not where they are; "less
# than a year" is an amount, and stays.
MEASURED_STAGE = re.compile(
    r"\b(?:more|less|longer|shorter|fewer|older|younger|further|ahead)\b[^,.;:!?]*?\bthan\b"
    r"(?!\s*(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+(?:\.\d+)?|half|a few|a couple"
    r"(?: of)?)\s*(?:\w+\s+)?(?:years?|months?|weeks?|decades?|semesters?|yrs?|mos?)\b)[^,.;:!?]*")


def without_measures(lowered: str) -> str:
    """The career statement without what the person is measured against (MEASURED_STAGE)."""
    return MEASURED_STAGE.sub(" ", lowered)
