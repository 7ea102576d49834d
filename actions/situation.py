"""What a person states about their situation in their own words, read by patterns: the career stage
(years worked, study, titles: "2 years into my first job" is early, "junior year" a student), the months
of runway ("a year of savings"), and a need said outright ("I need a visa"). Plain Python, no model: the
answer reader falls back to its models where none of these is stated, and the NLU entity extractor shares
the year patterns."""
from __future__ import annotations

import functools
import re
from datetime import date
from typing import Optional, Pattern, Tuple

from actions import answers
from actions.knowledge import Knowledge


# Words a career stage is told with: a number or an amount of time, study, work. A text with none of them that
# names a statement's side is no stage ("honestly? depth. i'm tired of doing everything badly" typed at the stage
# question was noted as a new grad, "i want my work to matter to actual people" as a student: REST).
STAGE_CUE = re.compile(
    r"\d|\b(?:years?|yrs?|months?|weeks?|decades?|semesters?|summers?|terms?|yo|age|old|young|twenties|thirties|"
    r"forties|fifties|phd|ph\.d|doctor\w*|masters?|msc|meng|mphil|bsc|bachelor'?s?|mba|degree|diploma|grads?|"
    r"graduat\w*|undergrad\w*|postgrad\w*|school\w*|uni|university|college|campus|students?|stud\w+|intern\w*|"
    r"co-?op|thesis|dissertation|defen[cd]\w*|viva|class(?:es)?|major|soph\w*|junior|senior|freshman|bootcamp|"
    r"courses?|prof\w*|postdoc\w*|lecturer|faculty|tenure\w*|lab|advisor|supervisor|jobs?|working|worked|roles?|"
    r"position|career\w*|engineer\w*|scientist|research\w*|dev\w*|analyst|lead\w*|manag\w*|staff|principal|"
    r"director|head|vp|cto|founder|cofounder|ic|hired|joined|start\w*|since|experience\w*|industry|compan\w*|"
    r"teams?|employ\w*|promot\w*|retir\w*|veteran|newbie|mid|level|entry|first|new|fresh|recent\w*|early|"
    r"late|just)\b")
# A stage said not to be one's own: "not a new grad, not yet", "not a student anymore".
STAGE_DENIED = re.compile(r"\b(?:not|no longer) (?:a |an )?(?:new grad|new graduate|fresh grad|recent grad|"
                          r"student|grad student|junior|senior|fresher)\b"
                          r"(?:[\s,]*(?:anymore|any more|any longer|yet|not yet|now))*")
# A stage taken back in the same message: "new grad... well no, ...", "student, wait no, ...".
STAGE_TAKEN_BACK = re.compile(r"(?:[,.;:!?…—–]\s*(?:(?:well|hmm+|um+|oh|wait|actually)[, ]+)+|(?:\.\.+|…)\s*)"
                              r"no\b(?!\s+(?:longer|more))[\s,.!]*(?P<rest>\w.*)$", re.S)
# A count said again without its unit, after one taken back: "a couple of years... no, more like five" (probe38).
COUNT_AGAIN = re.compile(r"^(?:(?:more like|closer to|nearer|make (?:it|that)|actually|like|about|around|"
                         r"probably)\s+)*"
                         r"(?P<count>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|twenty)\b(?!\s+(?:years?|yrs?|months?|y|yoe))")
# A stage said of the past, then where one is now: "I called myself a new grad for ages, but I'm two years in
# now" (probe35: new grad).
STAGE_THEN_NOW = re.compile(r"\b(?:used to|called myself|call(?:ed)? me|was (?:a|an|still)|for ages|back then|"
                            r"once|at first)\b.*?(?:[,.;:!?—–]|\bbut\b)\s*"
                            r"(?:(?:but|and|though)\s+)*"
                            r"(?P<now>[^,.;:!?]*\b(?:now|these days|nowadays|today|anymore|currently)\b.*)$", re.S)
STUDYING = re.compile(
    r"\b(freshman|sophomore|junior year|senior year|final year|(?:1st|2nd|3rd|4th|5th|first|second|"
    r"third|fourth|fifth|last) year (?:of|in)?\s*(?:my |the )?(?:phd|ph\.d|masters?|msc|bsc|undergrad|"
    r"degree|uni|university|college|program|programme|cs|ms|bachelors?)|(?:1st|2nd|3rd|4th|5th|first|"
    r"second|third|fourth|fifth)[- ]year (?:phd|ph\.d|masters?|msc|undergrad|student|grad student)|"
    r"(?:into|(?<!out )of|through) my (?:phd|ph\.d|masters?|msc|degree|undergrad|bachelors?|program)|"
    r"still (?:in|at) (?:school|uni|university|college)|currently (?:studying|doing my|in my|"
    r"enrolled)|i'?m (?:a |an )?(?:phd|ph\.d|masters?|msc|undergrad|grad|cs|college|uni|university)?"
    r"\s*student|doing my (?:phd|masters?|msc|degree|undergrad)|haven'?t graduated|graduating (?:next|"
    r"this|in)|"
    # "ms, grad in may", "i graduate in june": a graduation to come (the past is "graduated")
    r"(?<!just )grad (?:in|next|this) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|"
    r"fall|autumn|winter)|(?:i|i'?ll|i will|will) graduate (?:in|next|this)\b|"
    r"(?:junior|sophomore|freshman|senior) (?:at|in) (?:uni|university|college|school|high school)|"
    r"(?<!since )(?<!after )finishing (?:my |up my )?(?:phd|ph\.d|masters?|msc|degree|undergrad|bachelors?|"
    r"thesis)|"
    r"(?:a |an )?(?:junior|sophomore|freshman) (?:studying|majoring|in cs|in college|in uni)|"
    r"(?:started|starting|began|beginning) (?:my |a )?(?:phd|ph\.d|doctorate|masters?|msc|undergrad|bachelors?)|"
    r"(?:into|(?<!out )of|through) my doctorate|doing my doctorate|doctoral student)\b"
)
MONTH_NAMES = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
NEW_GRAD = re.compile(
    r"\b(just (?:graduated|finished|defended|got my degree|started my first)|recent(?:ly)? "
    r"(?:grad|graduate|graduated|defended|finished)|fresh(?:ly)? (?:out of|grad)|new grad|"
    r"defended (?:my )?(?:phd|thesis|dissertation)? ?(?:last|this|a few|two|2|3|three) "
    r"(?:week|month|weeks|months)|graduated (?:last|this) (?:month|week|spring|summer|semester|year)|"
    r"starting my first (?:job|role|position)|about to start my first|no (?:work |industry )?"
    r"experience yet|haven'?t (?:worked|had a job)|(?:few|couple of|two|three|\d) months into my first|"
    # "finished my degree this year and I'm in my first job, not even half a year yet" (probe35: early)
    r"(?:finished|completed|got|wrapped up) my (?:degree|masters?|phd|ph\.d|bachelors?|msc|bsc|undergrad) this "
    r"(?:year|month|spring|summer|semester|fall|autumn|winter)|half a year\b(?! ago)|"
    # "PhD done in March, L4 IC since May", "grad'd in Dec, ..., 6 wks in" (probe25): a degree finished in a month
    # named without a year, or weeks into work
    rf"(?:(?:phd|ph\.d|degree|masters?|msc|bsc|thesis|dissertation|undergrad|bachelors?) (?:done|finished|"
    rf"defended|wrapped(?: up)?|submitted)|grad'?d|graduated|defended) (?:in|this|last) (?:{MONTH_NAMES}|spring|"
    r"summer|fall|autumn|winter|month)\b(?!,? (?:19|20)\d\d)|\d+ (?:wks|weeks) (?:in|into)\b)\b"
)
YEARS = re.compile(
    r"(?<![\w.])(?<!half )(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty)(?P<half>\s+and\s+a\s+half)?\s*\+?\s*(?:-\s*\w+\s*)?(?:yoe\b|years?\b|yrs?\b|y\.?o\.?e\.?)"
)
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "twenty": 20}
# "in industry since 2009": working since that year.
SINCE_YEAR = re.compile(r"\bsince (?:about |around )?((?:19|20)\d\d)\b")
# "after I graduate", "once I finish my degree": a graduation to come, not a new grad.
FUTURE_GRADUATION = re.compile(r"\b(?:after|when|once|before|until|till|upon)\s+(?:i\s+|i'?ll\s+|i\s+will\s+)?"
                               r"(?:graduat\w*|finish\w* (?:my|school|uni|college))")
# Years that count study or something other than work: not the career stage.
NOT_WORK_YEARS = re.compile(r"\b(phd|ph\.d|doctorate|msc|masters?|degree|undergrad|school|college|uni|university|"
                            r"old|ago|age|aged|program|programme|bootcamp)\b")


# "in the third year of my first job", "my 5th year of working": the year of work one is in
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, **{f"{n}{s}": n for n, s in ((1, "st"), (2, "nd"), (3, "rd"), *(
                (n, "th") for n in range(4, 11)))}}
YEAR_OF_WORK = re.compile(rf"\b({'|'.join(ORDINALS)}) year (?:of|at|in) (?:my |the |a )?(?:first |current )?"
                          r"(?:job|work|working|role|position|career|industry)\b"
                          # a postdoc works after the PhD: "3rd year postdoc after my phd" (REST, in my own words:
                          # read as a student)
                          rf"|\b({'|'.join(ORDINALS)})[- ]year (?:of (?:my |a |the )?)?post-?doc\b")
# More years after the ones stated: "..., then 3 more in ML".
_AMOUNT = rf"(\d{{1,2}}|{'|'.join(WORD_NUMBERS)})"
MORE_YEARS = re.compile(rf"\b(?:then|and|plus|another)\s+{_AMOUNT}\s+more\b(?!\s+(?:months?|weeks?|to go|left))|"
                        rf"\bthen\s+{_AMOUNT}\s+(?:at|in|with|as)\b")
# A level that is senior whatever the years: "been a staff engineer since 2019", "I'm a principal scientist".
SENIOR_TITLE = re.compile(r"\b(?:i'?m|i am|as|been|now|currently|promoted to|working as|work as)(?: an?| the)? "
                          r"(?:staff|principal|distinguished)\b|\b(?:i'?m|i am|as|been|now|currently|promoted to) "
                          r"(?:an? |the )?(?:head of|director of|vp of)\b")
# A career that began in a year: "my first job was ... back in 2010", "graduated in 2015".
BEGAN_IN_YEAR = re.compile(r"\b(?:first job|started (?:working|my career|out|in industry)|"
                           r"began (?:working|my career)|graduated|career (?:started|began))\b[^.;!?]{0,40}?"
                           r"\b(?:in|back in) ((?:19|20)\d\d)\b")
# Years still to come or of something other than work: "2 years left", "three more years to go", "two
# years of savings" (the entity extractor's too).
YEARS_NOT_WORKED = re.compile(r"\s*(?:more\s+)?(?:left|to go|remaining|until|till)\b|"
                              r"\s+(?:worth )?of (?:\w+ )?(?:savings|runway|cash|money|expenses|rent|buffer|"
                              r"cushion|living|salary|pay|funding|severance)|"
                              # "~2 yrs runway": a runway's own words need no "of"
                              r"\s+(?:runway|savings|saved|cushion|buffer)\b", re.I)
# Months said of a job: "first job for about 20 months", "18 months into my role", "working for 14 months".
MONTHS_AT_WORK = re.compile(r"\b(?:job|role|position|working|worked|work|employed|industry|company)\b.{0,30}"
                            r"\bmonths?\b|\bmonths? (?:in|into|at) (?:my |the |this |a )?(?:first |current |new )?"
                            r"(?:job|role|position|company|startup|team|industry|workforce|career)\b")
# "2 months", "a month or two", "3-4 months", "six months": the longest number of months stated.
MONTHS = re.compile(r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"couple(?: of)?|few)"
                    r"(?:\s*(?:-|to|or)\s*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten))?\s*"
                    r"(?:months?|mos?)\b(?:\s*(?:or|to|-)\s*(?:two|three|\d))?")

# "8 weeks", "a few weeks": runway said in weeks ("a few" counts as three)
WEEKS = re.compile(r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|few|couple(?: of)?)\s+weeks?\b")
WEEKS_A_MONTH = 4.3
FEW = {"few": 3, "couple of": 2, "couple": 2}


# Years said of the runway itself: "a year of savings", "a year and a half in the bank", "savings
# would cover two years".
_YEARS = r"(\d{1,2}|a|one|two|three|four|five)\s+(?:full\s+|whole\s+)?(?:years?|yrs?)(\s+and\s+a\s+half)?"
YEARS_OF_RUNWAY = re.compile(
    rf"\b{_YEARS}\s+(?:of\s+|worth\s+of\s+)?(?:savings|runway|cushion|expenses|buffer|in\s+the\s+bank|saved|"
    rf"without)\b|\b(?:savings|runway|cushion|buffer|cash|saved|last|cover)\w*\s+(?:\w+\s+){{0,4}}?{_YEARS}\b"
)
# Words that make a number of months a runway ("2 months of savings", "cash would last 3 months").
RUNWAY = re.compile(r"\b(?:sav\w*|runway|cushion|buffer|cash|emergency fund|expenses|would last|lasts?|put aside|"
                    r"set aside|enough for|broke|"
                    r"left|in the bank|without (?:a |any )?(?:salary|paycheck|income|pay))\b")
# None saved: "0 savings", "savings ~0", "savings? basically zero".
ZERO_RUNWAY = re.compile(r"(?:^|[\s~≈])(?:0|zero|nil)\s+(?:in\s+)?(?:savings|saved|runway|cushion|"
                         r"buffer|emergency fund)\b|\b(?:savings|runway|cushion|buffer|emergency fund)\W*"
                         r"(?:(?:is|are|of|at|basically|about|around|like|near|close to|literally|prob|probably)"
                         r"\W+)*(?:0|zero|nil)(?![\w.,]*\d)(?!\s*(?:months?|weeks?|years?|k\b|%))")
# "less than six months saved" is below six, whatever number follows.
AT_MOST = re.compile(r"\b(?:less than|under|fewer than|not even|barely|at most|short of|below|up to)\b")
# ... just before a number of years: "less than a year in", "not quite two years"
AT_MOST_BEFORE = re.compile(r"\b(?:less than|under|fewer than|not even|not quite|short of|just shy of)\s+$")
def _count(word: str) -> float:
    """A number said in digits or words ("8", "eight", "a few", "a couple of")."""
    return float(FEW.get(word) or WORD_NUMBERS.get(word) or word)


def months_stated(text: str) -> Optional[float]:
    """The most months a text states ("a month or two" 2, "3-4 months" 4), or None."""
    found = []
    for match in MONTHS.finditer(text.lower()):
        for number in match.groups():
            if number:
                found.append(_count(number))
        tail = re.search(r"(?:or|to|-)\s*(two|three|\d)\s*$", match.group(0))
        if tail:
            found.append(_count(tail.group(1)))
    for match in WEEKS.finditer(text.lower()):
        found.append(_count(match.group(1)) / WEEKS_A_MONTH)
    return max(found) if found else None


def need_said(text: str, question: str, k: Knowledge) -> int:
    """+1 when the text says the person needs what the yes/no question is about ("I need a visa"), -1 when
    it says they do not ("I don't need visa", "no sponsorship needed"), 0 otherwise; a need denied only
    for now ("I don't need a visa yet") is neither."""
    constraint = k.constraints.get(question, {})
    # the question's words, and what its "yes" answers say is needed ("need a sponsor": a sponsor)
    needed_things = [re.sub(r"^need (?:an? )?", "", said) for said in constraint.get("answers", {}).get("yes", [])
                     if said.startswith("need ")]
    things = tuple(constraint.get("synonyms", [])) + tuple(needed_things)
    if not things:
        return 0
    denied, needed = _need_patterns(things)
    lower = answers.lowered(text)
    return -1 if denied.search(lower) else 1 if needed.search(lower) else 0


@functools.lru_cache(maxsize=None)
def _need_patterns(things: Tuple[str, ...]) -> Tuple[Pattern, Pattern]:
    """(a need of one of the things denied, a need of one said) for need_said."""
    thing = "(?:" + "|".join(re.escape(t.lower()) for t in sorted(things, key=len, reverse=True)) + ")"
    denied = re.compile(rf"\b(?:don'?t|do not|dont|won'?t|will not|wouldn'?t|never|no) (?:really |even )?"
                        rf"(?:need|require)(?: for| of)? (?:a |an |any )?{thing}\b"
                        rf"(?! yet| now| for now| right now)|\bno {thing} (?:needed|required)\b")
    needed = re.compile(rf"\bi (?:will |would |do |'ll |'d )?(?:still )?(?:need|require) (?:a |an )?{thing}\b")
    return denied, needed


def runway_months(text: str) -> Optional[float]:
    """How many months of runway a text states: months beside a runway word ("2 months of savings"),
    or years said of the runway itself ("a year and a half in the bank", "could go a year without a
    salary"); not years of work ("3 years in, savings for 2 months" is 2)."""
    lower = text.lower()
    found = [months_stated(text)] if RUNWAY.search(lower) else []
    if ZERO_RUNWAY.search(lower):
        found.append(0.0)
    for match in YEARS_OF_RUNWAY.finditer(lower):
        number, half = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        found.append(12.0 * _count(number) + (6.0 if half else 0.0))
    found = [months for months in found if months is not None]
    return max(found) if found else None


def years_since(year: str) -> float:
    return float(max(0, date.today().year - int(year)))


# A stage word after another's possessive: "my manager", "our senior engineers"; "the" too, unless the person is it
# ("depends on the manager"; "I'm the manager" is a stage).
SOMEONE_ELSES = re.compile(r"\b(?:my|our|your|his|her|their|(?<!i'm )(?<!i am )(?<!as )the)\s+(?:[\w-]+\s+)?$")
# ... unless the stage word names a thing of one's own: "my first job", "my senior year", "my masters"
OWN_THING = re.compile(r"^[\w' -]*?\b(?:jobs?|roles?|career|degree|masters?|master's|ph\.?d|doctorate|"
                       r"bachelor'?s?|undergrad\w*|studies|program(?:me)?|course|thesis|internship|years?|semester|"
                       r"graduation)\b")


def someone_elses_stage(before: str, mention: str, after: str) -> bool:
    """True for a stage word said of someone else: after another's possessive (SOMEONE_ELSES), and naming a
    person rather than a thing of one's own (OWN_THING, in the mention or the word after it)."""
    named = " ".join([mention, *after.split()[:1]]).lower()
    return bool(SOMEONE_ELSES.search(before.lower())) and not OWN_THING.match(named)


def stage_stated(text: str, k: Knowledge) -> Optional[str]:
    """The career stage a text states outright: years worked ("2 years into my first job" is early),
    or study ("junior year", "3rd year of my PhD"). None when it states neither."""
    clean = answers.normalise(text)
    if STUDYING.search(clean):
        return "student"
    if NEW_GRAD.search(clean):
        return "new_grad"
    # "in the third year of my job": two years done
    work_years = [float(ORDINALS[m.group(1) or m.group(2)] - 1) for m in YEAR_OF_WORK.finditer(clean)]
    for match in YEARS.finditer(clean):
        after = clean[match.end(): match.end() + 24]
        # "3 years into my PhD" counts study; "4 years out of school" counts work.
        if NOT_WORK_YEARS.search(after.split(",")[0]) and not re.match(r"\s*(?:in\s+)?(?:out of|since|after)\b",
                                                                       after):
            continue
        if YEARS_NOT_WORKED.match(clean, match.end()):
            continue  # "studying stats, 2 years left": years still to come
        amount = match.group(1)
        # "less than a year in" is under one (probe37: read early), "under 4 years" three: stages count whole years
        short_of = 1.0 if AT_MOST_BEFORE.search(clean[:match.start()]) else 0.0
        work_years.append(float(WORD_NUMBERS.get(amount, 0) if amount in WORD_NUMBERS else amount)
                          + (0.5 if match.group("half") else 0.0) - short_of)  # "six and a half years"
    if work_years:
        # "3 years as a software engineer, then 3 more in ML": the years after add up
        work_years = [max(work_years) + sum(_count(m.group(1) or m.group(2)) for m in MORE_YEARS.finditer(clean))]
    if SENIOR_TITLE.search(clean):
        return "senior"
    work_years += [years_since(match.group(1))
                   for match in [*SINCE_YEAR.finditer(clean), *BEGAN_IN_YEAR.finditer(clean)]]
    if work_years:
        return k.stage_for_years(max(work_years))
    months = months_stated(clean) if MONTHS_AT_WORK.search(clean) and not RUNWAY.search(clean) else None
    if months is not None:
        # "I've had my first job for about 20 months": under a year is a new grad's first job
        return "new_grad" if months < 12 else k.stage_for_years(months / 12)
    return None
