"""Answers thought out loud (actions/thinking.py, the self-corrections in actions/reader.py), alone and as the
answer reader reads them."""
import pytest

from actions import answers, reader, thinking
from actions.knowledge import default

K = default()
READER = reader.default_reader()


@pytest.mark.parametrize("text, before, after, planned", [
    ("agree - no wait. millions of users, that's the whole reason I do this", "agree",
     "millions of users, that's the whole reason i do this", False),
    ("structure! hmm... I hate ladders. I'd run from a place like that", "structure",
     "i hate ladders. i'd run from a place like that", False),
    # the "no" after "hmm" takes back what came before
    ("deep... hmm, no, I'm 22, I want to try everything. strongly agree, wide", "deep",
     "i'm 22, i want to try everything. strongly agree, wide", False),
    ("must, yes, obviously, the loans. hmm but actually I'd take a lower base", "must, yes, obviously, the loans",
     "i'd take a lower base", False),
    # a doubt closing the answer is no word of it
    ("direct impact - yes - hmm, reaching millions sounds a bit better, actually", "direct impact - yes",
     "reaching millions sounds a bit better", False),
    ("scale, I thought I'd say yes... but truth is it doesn't excite me much", "scale, i thought i'd say yes",
     "truth is it doesn't excite me much", True),
    ("the mortgage... but I could handle a pay cut for a while, I think", "the mortgage",
     "i could handle a pay cut for a while, i think", False),
])
def test_what_follows_a_doubt(text, before, after, planned):
    assert thinking.second_thought(answers.lowered(text)) == (before, after, planned)


@pytest.mark.parametrize("text", [
    "it actually matters to me",  # "actually" inside a clause
    "yes, actually.",  # nothing after it
    "yes. hmm, though the ladder can feel rigid",  # a point granted, not a new answer
    "I like it, but I wouldn't say thrive",  # a "but" inside a sentence
])
def test_no_second_thought(text):
    assert thinking.second_thought(answers.lowered(text)) is None


@pytest.mark.parametrize("text, question, point", [
    # probe38, read the wrong way round by the answer they started with
    ("agree - hmm, wait, re-reading it. reaching millions actually matters a bit more to me than seeing it up "
     "close", "impact", 2),
    ("structure - yes. hmm, actually, the ladder here drives me nuts. I'd rather not have that", "structure", 2),
    ("yes! ...honestly, hmm. I like things clear. ambiguity makes me uneasy", "pace", 2),
    ("brand - no. wait. it got me every interview I've ever had. ok, it matters, I guess", "brand", 4),
    ("direct impact... I thought I'd say yes, but reaching millions is the whole point for me. the rest barely "
     "matters", "impact", 1),
    ("structure! hmm... I hate ladders. I'd run from a place like that", "structure", 1),
    ("deep... hmm, no, I'm 22, I want to try everything. strongly agree, wide", "breadth", 5),
    ("clear criteria sounds nice. do I need it though? ...I'd be fine without it, honestly", "structure", 2),
    ("breadth - tempting. but I think I'd still pick depth", "breadth", 2),
    # probe38, unread
    ("I work at a bank, so you'd think no. but the bits I love are the firefights. I come alive in those, nothing "
     "beats it", "pace", 5),
    ("I thought I'd hate structure. but I'd want it, I think", "structure", 4),
    ("brand — I didn't think so, but honestly it matters a lot. like, a lot a lot", "brand", 5),  # read 2
    # an answer planned, then another number
    ("salary must... I was going to say 5 but honestly 4", "salary", 4),
    # REST, in my own words: read 2
    ("hmm, visible impact vs millions of users... millions I think. actually no, visible impact. definitely",
     "impact", 5),
    # the strength corrected on the same side (probe38: each read at the first one's strength)
    ("agree. no, strongly agree. seeing my model change the product on a tuesday is the best feeling", "impact",
     5),
    ("breadth? I'm a specialist and proud of it. disagree — no, strongly disagree", "breadth", 1),
    # REST, in my own words: read 2; a "no" that only takes back what came before
    ("depth I think? or... no, breadth, I'm still figuring out what I like", "breadth", 4),
    ("I'm more on the careful side, so... no, mostly.", "risk", 2),  # probe10: the "no" is the answer
    # kept after thinking, and rhetoric opening the answer left to its own rules
    ("my gut says no. thinking about it more... still no", "risk", 2),
    ("who needs a fat paycheck when the work is fun? not me", "salary", 1),
])
def test_an_answer_thought_out_loud(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, settled", [
    ("strongly agree. well, agree", "agree"),
    ("Nope. Hard no.", None),  # no change of mind between them
    ("yes. well, mostly yes", None),  # the same point
])
def test_a_strength_corrected(text, settled):
    assert reader.self_correction(text, K) == settled


@pytest.mark.parametrize("text, question, point", [
    # REST, in my own words: both read 5 by the topic's words
    ("salary, I don't really care", "salary", 2),
    ("structure, ugh, I used to want it, now no", "structure", 2),
    ("I don't really care", "salary", 2),  # asked again: indifference is a no or neither
    ("Breadth, I think, though I used to want depth.", "breadth", 4),  # a hedge on the topic, no clause of its own
])
def test_a_topic_then_a_clause_of_its_own(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_so_conclusion_hedged_answers_a_yes_no_question():
    # REST, in my own words: read yes, and the result turned on it
    text = "I support my mom a bit but she has her own pension. so no I guess"
    assert READER.read_yes_no(text, "low_runway").value is False


@pytest.mark.parametrize("text, stage", [
    ("a couple of years... no, more like five, time flies with kids", "mid"),  # probe38: student
    ("new grad... no, 2 years in", "early"),
])
def test_a_stage_taken_back_after_it_trails_off(text, stage):
    assert READER.read_stage(text).value == stage


@pytest.mark.parametrize("text, undecided", [
    ("brand... yes? no? ugh I genuinely don't know", True),  # probe38: read 1
    ("breadth - yes. no. depends on the week, really", True),  # probe38: read 4
    ("yes... no... somewhere in between", True),  # in my own words: read 4
    ("yes? no? no. definitely no", False),  # the person lands
    ("no. no, I don't know why you'd ask", False),  # one side only
])
def test_both_answers_tried_then_no_landing(text, undecided):
    assert thinking.tried_both_undecided(answers.lowered(text)) is undecided
    if undecided:
        assert READER.read_agreement(text, "brand").value == 3


@pytest.mark.parametrize("text, taken", [
    # probe38: taken for a question, so never read
    ("clear promotion criteria would be nice. or would it? I've never had it, so I can't really tell what I'd "
     "think", False),
    ("brand matters. or does it? yes, it does", False),
    ("how big is the reward?", True),  # a question to the bot
])
def test_a_doubt_asking_nobody_is_no_question(text, taken):
    assert reader.is_interruption(text, "ask_recommendation", 0.9, K, "structure") is taken
