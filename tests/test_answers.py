"""Free-text answers to assessment questions, read through the knowledge file's vocabulary."""
import pytest

from actions import answers, knowledge, reader

K = knowledge.load()
READER = reader.default_reader()


@pytest.mark.parametrize("text, point", [
    ("4", 4), ("5/5", 5), ("2 out of 5", 2), ("100%", 5), ("80%", 4), ("0%", 1),
    ("nah", 2), ("kinda", 4), ("meh", 3), ("depends but mostly yes", 4), ("Strongly agree!!", 5),
    ("strongly disagree", 1), ("not at all", 1), ("i don't agree", 2), ("skip", 3), ("not sure", 3),
    ("idk lol", 3), ("totally", 5), ("hell no", 1), ("yeah", 4), ("pretty much tbh", 4),
    ('/answer{"agreement": "5"}', 5), ('/answer{"agreement": "1"}', 1),
])
def test_agreement(text, point):
    assert answers.parse_agreement(text, K) == point


@pytest.mark.parametrize("text", [
    "", "   ", "what about pay?", "0", "6", "4.5", "blorp", '/answer{"agreement": "999"}',
    '/inform{"risk": 999}', "/action_recommend", '/answer{"agreement": "x"}', "/answer{broken",
])
def test_unreadable_agreement(text):
    assert answers.parse_agreement(text, K) is None


@pytest.mark.parametrize("text, value", [
    ("yes", True), ("yep they do", True), ("/affirm", True), ("depends but mostly yes", True),
    ("no", False), ("nope, I'm a citizen", False), ("/deny", False), ("not sure", False),
    ("skip", False), ("not sure tbh", False), ("it doesn't", False), ("nah", False),
    ("i have plenty of savings", False), ("both lol. wife stays home with the baby and savings are thin", True),
])
def test_yes_no(text, value):
    # Read as the form reads a constraint's answer (actions/reader.py).
    assert READER.read_yes_no(text, "low_runway").value is value


@pytest.mark.parametrize("text", ["", "/inform{\"low_runway\": true}", "/answer{broken"])
def test_unreadable_yes_no(text):
    assert READER.read_yes_no(text, "low_runway").value is None


def test_button_value():
    assert answers.button_value('/answer{"criterion": "risk"}', "criterion") == "risk"
    assert answers.button_value('/answer{"criterion": "risk"}', "agreement") is None
    assert answers.button_value("risk", "criterion") is None
    assert answers.button_value('/answer["not", "a", "dict"]', "criterion") is None


def test_shown_is_what_a_person_would_read():
    assert answers.shown('/answer{"agreement": "<b>5</b>"}') == "<b>5</b>"
    assert answers.shown('/answer{"a": "1", "b": "2"}') == '/answer{"a": "1", "b": "2"}'
    assert answers.shown("kinda") == "kinda"


@pytest.mark.parametrize("text, question, point", [
    # a hedge on the words after it is not the answer: the model reads the whole of it
    ("kinda scary tbh, i'd rather not gamble", "risk", 2),
    ("kinda, i like it", "pace", 4),
    ("mostly yes, i like it", "pace", 4),
])
def test_a_hedge_that_opens_an_answer_does_not_decide_its_direction(text, question, point):
    assert READER.read_agreement(text, question).value == point
