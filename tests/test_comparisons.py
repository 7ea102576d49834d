"""Answers given by comparison (actions/comparisons.py), alone and as the answer reader reads them."""
import pytest

from actions import answers, comparisons, reader

READER = reader.default_reader()


@pytest.mark.parametrize("text, point", [
    ("More than anyone I know.", 2),
    ("Far less than my reports do.", -2),
    ("Less than most startup folks, I think.", -1),
    ("it matters a bit more to me than to the average engineer", 1),
    ("massive scale interests me less than it does most of my peers", -1),
    ("I handle ambiguity about as well as the average PhD, no better, no worse.", 0),
])
def test_the_topic_measured_against_other_people(text, point):
    assert comparisons.against_people(answers.lowered(text))[0] == point


@pytest.mark.parametrize("text", [
    "worth more than people think",  # what people think, not what they are measured against
    "I like money as much as the next person, but I'm fine swapping some base salary for equity",  # turned after
    "As much as my parents want me somewhere safe, I'm all in",  # a concession opening the answer
    "Neither more nor less than most people",  # denied both ways: weighed even (comparisons.even)
    "every switch taught me more than a year of doing the same thing",  # an amount, no one
])
def test_no_one_measured_against(text):
    assert comparisons.against_people(answers.lowered(text)) is None


@pytest.mark.parametrize("text, point", [
    ("Top of my list.", 2),
    ("It's below everything else you've asked about.", -2),
    ("a tiebreaker, nothing more", -1),
    ("it matters, just less than nearly everything else", -1),
    ("second only to the team", 1),
    ("not exactly high on my list", -1),  # a high place denied
])
def test_the_topic_placed_among_priorities(text, point):
    assert comparisons.ranked(answers.lowered(text))[0] == point


@pytest.mark.parametrize("text", [
    "I'd prioritise it, just not above everything else",  # the top denied: no "no"
    "clear criteria come second to autonomy",  # second to something: it loses, by how much unsaid
])
def test_no_place_said(text):
    assert comparisons.ranked(answers.lowered(text)) is None


@pytest.mark.parametrize("text, even", [
    ("impact vs reach is a dead heat for me", True),
    ("Visibility and reach count the same to me.", True),
    ("big scale is as interesting to me as small scale, no more no less", True),
    ("my visa is tied to my job", False),  # "tied" is no tie
])
def test_weighed_even(text, even):
    assert comparisons.even(answers.lowered(text)) is even


@pytest.mark.parametrize("text, by", [
    ("Deep over wide and it isn't close.", 1),
    ("I wouldn't trade a single RSU for a lottery ticket.", 1),
    ("wider over deeper, a little", -1),
    ("Visible impact edges out reach for me", -1),
    ("I'd rather know a bit of everything", 0),  # "a bit of" is an amount, no margin
    ("I'm not comfortable with that trade, not even slightly.", 1),
])
def test_the_margin_of_a_comparison(text, by):
    assert comparisons.margin(answers.lowered(text)) == by


@pytest.mark.parametrize("text, question, point", [
    # probe37: unread
    ("More than anyone I've ever worked with. Chaos is home.", "pace", 5),
    ("Way less than my startup friends. Ambiguity and me do not mix.", "pace", 1),
    ("Visibility and reach count the same to me.", "impact", 3),
    # probe37: read the wrong way round
    ("Brand matters, just less than literally everything else.", "brand", 2),
    ("A must? Not remotely. It's below everything else you've asked about.", "salary", 1),
    ("Visible impact outranks reach by miles for me.", "impact", 5),
    ("wider over deeper, a little", "breadth", 4),
    # probe37: one point off
    ("Deep over wide and it isn't close.", "breadth", 1),
    ("More than most robotics people I know, I do love big data and big compute", "scale", 4),
    ("less than most people I know", "risk", 2),  # REST, in my own words: read 1
    ("impact vs reach is a dead heat for me", "impact", 3),
    ("I'd trade the safe offer for upside without blinking.", "risk", 5),
    # what is placed is the statement's other side: the place turned round
    ("Stability over everything, forever.", "risk", 1),
])
def test_an_answer_by_comparison(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_other_statements_weighed_even_answer_nothing_here():
    # "salary and brand weigh the same for me" at the scale statement weighs two other statements
    unread = reader.Reading(None, 0.0, "unread")
    assert READER._compared("salary and brand weigh the same for me", "scale", unread) == unread
    assert READER._compared("salary and brand weigh the same for me", "brand", unread).value == 3


def test_something_else_placed_is_no_answer():
    # not the statement's topic, nor "it": the team is placed, not the career path
    unread = reader.Reading(None, 0.0, "unread")
    assert READER._compared("the team is top of my list, honestly", "structure", unread) == unread
    assert READER._compared("honestly, top of my list", "structure", unread).value == 5


@pytest.mark.parametrize("text, stage", [
    # probe37: the stage measured against was read
    ("a year and a half. more than a new grad, way less than my manager", "early"),
    ("fewer credits left than my roommate, we both graduate next spring", "student"),
    # probe37: "less than a year" had read as a year (early)
    ("less than a year in, fewer months on the job than my PhD took years (five)", "new_grad"),
    ("less than 4 years in industry", "early"),
])
def test_a_stage_measured_against_others(text, stage):
    assert READER.read_stage(text).value == stage
