"""Answers given through a condition (actions/conditions.py), alone and as the answer reader reads them."""
import pytest

from actions import conditions, knowledge, reader

K = knowledge.load()
READER = reader.default_reader()


@pytest.mark.parametrize("text, rest", [
    # a condition that cannot hold by its grammar: what is said around it
    ("I'd say yes if I were 23. At this stage, depth, though I still dabble.",
     "At this stage, depth. I still dabble"),
    ("if you'd asked me five years ago, yes. now, not really", "now, not really"),
    # a condition whose standing is said after it, and that standing alone left out
    ("Only if the ambiguity gets resolved quickly. It rarely does, so it doesn't suit me.", "it doesn't suit me"),
    ("I'd take that trade unless I had kids and a mortgage. I have both. Not a chance.", "Not a chance"),
    ("unless I had people depending on me — I don't — I'd take the trade every time",
     "I'd take the trade every time"),
    # "unless" said not to hold before the main clause: the main clause holds; a reason in brackets is no answer
    ("unless I quit the PhD, which I'm not doing, salary is not a must at all", "salary is not a must at all"),
    ("unless I already knew the ropes, which I don't (never had a real job), a clear path sounds good to me",
     "a clear path sounds good to me"),
    # nothing said but the hypothesis and its standing
    ("I'd want it if I ever wanted a boss again. I don't, ever.", ""),
])
def test_what_is_said_outside_a_hypothesis(text, rest):
    assert conditions.reality(text) == rest


@pytest.mark.parametrize("text", [
    "if the criteria are clear I'll hit them, so I want that",  # a condition that may hold: the answer itself
    "If I had to pick, breadth.", "if anything I want more chaos",  # ways of speaking
    "Now I honestly can't tell if I'd thrive there or just survive.",  # "if" for "whether"
    "even if it's risky, I'd do it",  # a concession: the main clause holds
    "I'd feel uneasy if my job could disappear overnight",  # a worry, not another life
])
def test_no_hypothesis(text):
    assert conditions.reality(text) is None


def test_a_condition_had_i_the_choice_keeps_the_rest():
    # "if I had the choice" is another life, and what is said outside it answers
    assert conditions.reality("I'd pick the big GPU cluster if I had the choice. Small models bore me.") == \
        "Small models bore me"


@pytest.mark.parametrize("text, question, point", [
    # probe36: the "yes" of another life had read 4, the wrong way round, and the "no" of "unless ... I don't" 2
    ("I'd say yes if I were 23. At this stage, depth, though I still dabble.", "breadth", 2),
    ("it'd be a yes if I were still single. I'm not, so I'd rather not trade stability", "risk", 2),
    ("unless I had people depending on me — I don't — I'd take the trade every time, no hesitation", "risk", 5),
    ("unless you think networks don't matter (they do): huge for me", "brand", 5),
    ("I'd take that trade unless I had kids and a mortgage. I have both. Not a chance.", "risk", 1),
    # REST, in my own words: read 4, the wrong way round
    ("I'd want that if I were junior. I'm not, and I'd rather not have a ladder.", "structure", 2),
    ("if you'd asked me five years ago, yes. now, not really", "scale", 2),
])
def test_an_answer_through_a_condition(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_what_each_condition_leads_to():
    assert conditions.verdicts_under_conditions(
        "depends how fast. if fast means shipping weekly, yes. if it means nobody knows what we're doing, no"
    ) == ["yes", "no"]
    # something said without a condition: no answer of conditions alone
    assert conditions.verdicts_under_conditions("if the team is good, yes. I love chaos anyway") == []


def test_conditions_that_lead_both_ways_are_neutral():
    # REST, in my own words: read 1 by its last "no"
    text = "depends how fast. if fast means shipping weekly, yes. if it means nobody knows what we're doing, no"
    assert READER.read_agreement(text, "pace").value == 3


@pytest.mark.parametrize("text, point", [("y", 4), ("n", 2), ("N.", 2), ("Y!", 4)])
def test_a_lone_letter_is_yes_or_no(text, point):
    # REST, in my own words: "y" was unread and "n" read 3
    assert READER.read_agreement(text, "pace").value == point


@pytest.mark.parametrize("text, value", [
    # probe36: the "yes" of another life had read yes
    ("I'd say yes if I had kids. no kids, and about a year of expenses in the bank", False),
    ("if you'd asked before the acquisition, yes. now I've got years of runway", False),
    ("I'd have a year saved if I hadn't just paid off my car. right now it's like 2 months", True),
])
def test_a_yes_or_no_through_a_condition(text, value):
    assert READER.read_yes_no(text, "low_runway").value is value


def test_a_sponsor_needed_only_in_another_life():
    text = ("I'm on my wife's open work permit. only if her job ended would I need a sponsor, and she's a tenured "
            "prof")
    assert READER.read_yes_no(text, "needs_sponsorship").value is False


@pytest.mark.parametrize("text, stage", [
    # probe36: the years counted another way had been read
    ("counting the PhD it's eight years in research, but in industry I've been at it for two", "early"),
    ("if you count the PhD as a job, four years in — but technically I'm still a student, defending next spring",
     "student"),
    ("finished my PhD last month. if the PhD counts as work it's five years, but this will be my first industry "
     "job", "new_grad"),
])
def test_a_stage_counted_as_work(text, stage):
    assert READER.read_stage(text).value == stage


@pytest.mark.parametrize("text, failed", [
    ("Only if the ambiguity gets resolved quickly. It rarely does, so it doesn't suit me.", True),
    ("only if promos weren't political. they are, and I want nothing to do with the ladder", True),
    ("only if I had a mortgage, which I don't", True),
    ("only if the team is strong, and it really is, so yes", False),  # the way holds
    ("it'd only be a 'must' if I'd refuse a role without it, and I wouldn't", False),  # not the whole part
])
def test_the_only_way_to_a_yes_said_to_fail(text, failed):
    assert conditions.only_way_failed(text) is failed


def test_the_only_way_to_a_yes_failing_is_a_mild_no():
    # probe36: unread
    text = "Only if the ambiguity gets resolved quickly. It rarely does, so it doesn't suit me."
    assert READER.read_agreement(text, "pace").value == 2
