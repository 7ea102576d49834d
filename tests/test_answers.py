"""Free-text answers to assessment questions, read through the knowledge file's vocabulary."""
import numpy as np
import pytest

from actions import answers, knowledge, reader, situation

K = knowledge.load()
READER = reader.default_reader()


@pytest.mark.parametrize("text, point", [
    ("4", 4), ("5/5", 5), ("2 out of 5", 2), ("100%", 5), ("80%", 4), ("0%", 1),
    ("nah", 2), ("kinda", 4), ("meh", 3), ("depends but mostly yes", 4), ("Strongly agree!!", 5),
    ("strongly disagree", 1), ("not at all", 1), ("i don't agree", 2), ("skip", 3), ("not sure", 3),
    ("idk lol", 3), ("totally", 5), ("hell no", 1), ("yeah", 4), ("pretty much tbh", 4),
    ("somewhat", 4), ("Mild yes.", 4), ("slightly disagree", 2), ("i'd agree", 4), ("not that much", 2),
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
    ("Not really any savings to speak of, so yes.", True),  # the answer's own conclusion
    ("three kids and a mortgage. savings? zero", True),     # "zero" is no answer word to a yes/no question
])
def test_yes_no(text, value):
    # Read as the form reads a constraint's answer (actions/reader.py).
    assert READER.read_yes_no(text, "low_runway").value is value


@pytest.mark.parametrize("text, question, value", [
    ("no savings", "low_runway", True), ("no emergency fund", "low_runway", True),
    ("EU passport", "needs_sponsorship", False),
    ("I got my permanent residency last year", "needs_sponsorship", False),
    ("don't need sponsorship", "needs_sponsorship", False),
    ("my employer sponsored my visa", "needs_sponsorship", True),
    # probe25: "right to work" had read as a need
    ("native Londoner, right to work comes with the birth certificate lol", "needs_sponsorship", False),
])
def test_the_questions_own_answer_words_decide_before_the_model(text, question, value):
    # one side of the knowledge file's answer words, no answer word leading: the "no" of "no savings"
    # is not a no
    reading = READER.read_yes_no(text, question)
    assert (reading.value, reading.how) == (value, "rule")


def test_answer_words_of_both_sides_are_left_to_the_model():
    assert reader.constraint_words("single mom, decent savings", "low_runway", K) == {"yes", "no"}
    assert READER.read_yes_no("single mom, decent savings", "low_runway").how != "rule"


@pytest.mark.parametrize("text, question, value", [
    # found talking to the bot: a statement's answer typed at the runway question was read as a yes
    ("ngl the chaos sounds kinda fun", "low_runway", None), ("depth for sure", "needs_sponsorship", None),
    # a statement's words that answers to the question use: money and stability
    ("I pay my younger brother's tuition out of my salary", "low_runway", True),
    ("yes, and I love chaos", "low_runway", True),  # an answer word leading answers
    # the runway's months typed at the visa question (REST: noted as a visa needed); with the visa named, an answer
    ("we have maybe four months of savings", "needs_sponsorship", None),
    ("I'm on a visa, savings for 3 months", "needs_sponsorship", True),
    ("no visa needed, but only 3 months of savings", "needs_sponsorship", False),
    # a "yes" whose reason is all the other question's (REST, in my own words: noted as a short runway)
    ("yes, F-1", "low_runway", None), ("yes, on an H-1B", "low_runway", None),
    ("yes, two kids. also on an H-1B", "low_runway", True),
])
def test_another_statements_answer_is_no_yes_no_answer(text, question, value):
    assert READER.read_yes_no(text, question).value is value


@pytest.mark.parametrize("text, point, value", [
    ("kinda", 4, True), ("No", 2, False), ("hard one", 3, False),  # "hard one" had read 1 (a rating "one")
])
def test_an_answer_word_typed_plainly_is_the_knowledge_file_s(text, point, value):
    # no model: the knowledge file's point, and no say-back
    assert READER.read_agreement(text, "pace") == reader.Reading(point, 1.0, "rule")
    assert READER.read_yes_no(text, "low_runway") == reader.Reading(value, 1.0, "rule")


@pytest.mark.parametrize("text, point", [("NO", 1), ("YES", 5)])
def test_an_answer_word_shouted_is_emphatic(text, point):
    assert READER.read_agreement(text, "pace").value == point


# a figure alone: "2" at the visa question had been noted as yes (REST, in my own words)
@pytest.mark.parametrize("text", ["", "/inform{\"low_runway\": true}", "/answer{broken", "2", "0", "4."])
def test_unreadable_yes_no(text):
    assert READER.read_yes_no(text, "low_runway").value is None


@pytest.mark.parametrize("text", ["yes", "no", "Nope!", "sure", "strongly agree"])
def test_an_answer_word_alone_is_no_stage(text):
    assert READER.read_stage(text).value is None


# REST: a joke read as a new grad (0.52); without a word of study, work or time the model is not trusted that far
@pytest.mark.parametrize("text", ["I read the last page of the novel before the rest. So, no.", "So, no.",
                                  "I am a golden retriever in a hoodie."])
def test_a_stage_guessed_from_nothing_is_no_stage(text):
    assert READER.read_stage(text).value is None


@pytest.mark.parametrize("text", ["/answer{broken", "/inform{\"pace\": 9}", "/restart now"])
def test_a_payload_is_no_typed_answer(text):
    assert READER.read_agreement(text, "pace").value is None


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


@pytest.mark.parametrize("text, number", [
    ("1 for sure, distributed training sounds like plumbing to me", 1), ("2 for me", 2),
    ("4 tbh. the pace suits me", 4), ("1 for every ten people", None),
    ("1/5 i need to know exactly what to do", 1), ("My partner has great benefits. I'd put this at a 1.", 1),
    ("Okay, this one I'd put at 5, honestly.", 5), ("I must say 1. I prefer everything planned.", 1),
    ("I must say 2 things: I like pace and I hate chaos", None),
    # a rating closing the answer
    ("I ran a startup for 4 years. I still love the speed, but I'm tired. I'd say a 3.", 3),
    ("Fast-paced I love, ambiguous I can tolerate. Net positive, so a 4.", 4),
    ("stability vs upside... upside. but I hedge with savings. 4", 4),
    ("I have 2 kids and 3 months of savings", None), ("we ship every 2 weeks, honestly", None),
    # a percentage opening the answer is a rating; after other words it stresses them
    ("100% yes", 5), ("I'd say 75%", 4), ("nope. reach, 100%", None),
])
def test_a_number_typed_first_is_the_rating(text, number):
    assert reader.rating_number(text) == number


@pytest.mark.parametrize("text, direction", [
    ("I wouldn't call it a must, no", -1),          # the last clause alone answers
    ("never really thought about it, so neutral", 0),
    ("can't say I'm not, so yes", 1),
    ("depth, mostly", None),                        # a hedge on what came before is not the answer
    ("oh sure, I love it when the schema changes on a friday. absolutely not.", -1),
    ("yeah, having Meta on the CV opens doors", None),
    ("nope, deep over wide, definitely", None),   # a word on what came before
    ("reaching millions is my dream honestly!! so I disagree strongly", -1),
    ("NO. Stability first, always.", None), ("depth, for sure", None),
    ("wide range? not really 😬", -1),              # an emoji after the conclusion
])
def test_how_an_answer_concludes(text, direction):
    assert reader.conclusion(text, K) == direction


@pytest.mark.parametrize("text, direction", [
    ("I absolutely love my team, but no, I don't need a structured ladder.", -1),
    ("not my favourite part of the job but honestly yes", 1),
    ("it's nice, but definitely, I'd want more", 0),  # a word on what came before
    ("fine, but it depends on the team", 0),        # neutral
    ("I lean yes, but less than I used to", 0),     # how the feeling changed, not the answer
    ("i like it but the pay matters more", 0),      # no answer word after the "but"
    ("I would love to say yes but I'm on a visa, so honestly no, I can't afford it", -1),
    ("I'm not so sure, the pay is fine", 0),        # "so" inside a clause hands nothing on
])
def test_an_answer_word_after_a_concession(text, direction):
    assert reader.concession(text, K) == direction


@pytest.mark.parametrize("text, direction", [
    ("Couldn't agree more. Been broke on equity once.", 1),
    ("no good salary, no deal", 1),                 # a must
    ("kinda the opposite of me, i like knowing what's next", -1),
    ("honestly the last thing I want", -1),
    ("more into it than not", 1),
    ("not the end of the world without it", -1),
    ("ngl it's literally the only thing I care about right now", 1),
    ("I've never felt more energized", 1),
    ("it would be nice", 0),
    ("not that important, honestly", -1), ("Mmm, not so needed. Criteria are on paper only here", -1),
    ("not that I love chaos, but I do fine in it", 0),  # "it's not that ..., but": a turn, not a no
    ("no denying that, variety is everything to me", 1), ("Big name opens doors, I cannot deny this.", 1),
    ("I can't deny that the name helps, but it's not why I'd join", 0),  # a clause goes on: the model's
    ("its not untrue lol", 1),
    ("No problem at all, I love it.", 1), ("no worries!", 1),
    ("no problem with a plan, but I prefer none", 0),  # "no problem with X" is no idiom
    # probe20's kind: a lean said of the statement itself, closing a two-sided answer
    ("I'd lean towards it, just not wildly.", 1), ("More in than out.", 1), ("Mildly against.", -1),
    ("Not a must exactly, but close to one.", 1), ("Couldn't be more drawn to it.", 1),
    ("Not that drawn to it.", -1),
    ("On a good day I lean toward the world", 0),  # a side, not the statement: the model's
    ("God forbid.", -1), ("Structured career path? God protect me, it's like army.", -1),  # probe21's
    ("I am living in this chaos since six years, I cannot work other way anymore.", 1),  # probe21's: read 1
    ("wouldn't have it any other way", 1),
])
def test_idioms_whose_words_alone_mislead(text, direction):
    assert reader.idiom_direction(text) == direction


@pytest.mark.parametrize("text, question, direction", [
    ("Thrive, no; survive, sure.", "pace", -1),      # the half with the statement's word
    ("depth, no. breadth, yes", "breadth", 1),      # the half that names a side
    ("deep in one area, yes; everything else, no", "breadth", -1),  # the statement's words after "than"
    ("millions of users, no; a product I can see, yes", "impact", 1),
    ("Calculated risk, yes. Reckless risk, no.", "risk", 0),  # both halves say "risk": no telling
    ("yes, no", "pace", None), ("depth, no. definitely no", "breadth", None),
])
def test_two_things_answered_apart(text, question, direction):
    assert reader.contrast_pair(text, question, K) == direction


def test_two_things_answered_apart_without_telling_which_is_asked_again():
    assert READER.read_agreement("Calculated risk, yes. Reckless risk, no.", "risk").value is None


@pytest.mark.parametrize("text, question, direction", [
    ("I'd be lying if I said it didn't matter to me", "salary", 1),
    ("id be lying if i said i cared about logos", "brand", -1),
    ("id be lying if i said i didnt want to wear many hats", "breadth", 1),
    ("id be lying if i said reach mattered more", "impact", 1),   # the lie prefers the opposite
    ("id be lying if i said otherwise, i need it", "salary", 1),
    ("I'd be lying if I said anything less than strongly agree.", "pace", 1),
    ("Not a must now, though I'd be lying if I said I never look at salaries", "salary", 0),  # not the opening
])
def test_what_would_be_a_lie_is_turned_round(text, question, direction):
    assert reader.lying_if(text, question, K) == direction


@pytest.mark.parametrize("text, question, direction", [
    ("millions of users I'll never see don't move me at all", "impact", 1),  # the opposite unmoving
    ("the thrill for me is the reach, period. tiny startup impact just doesn't move me", "impact", -1),
    ("the lottery-ticket equity thing doesn't excite me much", "risk", -1),
    ("Brand doesn't move me either way.", "brand", 0),
    ("Scale doesn't excite me or bore me", "scale", 0),
    ("Risk doesn't scare me and it doesn't excite me", "risk", 0),
    ("Depends on the problem. Scale for its own sake doesn't excite me", "scale", 0),  # undecided
    ("it doesn't move me much", "pace", 0),         # names no side
])
def test_a_side_that_does_not_move_the_person(text, question, direction):
    assert reader.unmoved(text, question, K) == direction


@pytest.mark.parametrize("text, question, direction", [
    ("I wouldn't say no to clear levels", "structure", 1), ("wouldnt say no", "scale", 1),
    ("I don't disagree", "pace", 1),
    ("wouldnt say no to millions of users", "impact", -1),       # not refused: the opposite
    ("mostly visible impact, but I wouldn't say no to big reach", "impact", 0),  # not the opening
    ("I don't agree or disagree", "pace", 0),
])
def test_what_is_not_refused_is_a_mild_yes(text, question, direction):
    assert reader.not_refused(text, question, K) == direction


@pytest.mark.parametrize("text, direction", [
    ("Breadth over depth, and quickly. No, absolutely not, that's what I run from.", -1),
    ("Brand, no. Public service is my pride.", -1),
    ("Visible impact over reach? I'd say no, I prefer reach.", -1),
    ("i love chaos, never boring", 0),              # an answer word on the words after it
    ("depth, definitely", 0),                       # a word that confirms what came before
    ("no, i need calm", 0),                         # the first clause is lead_direction's
])
def test_an_answer_after_the_statement_said_back(text, direction):
    assert reader.answer_clause(text, K) == direction


@pytest.mark.parametrize("text, rest", [
    ("I totally get why people love that energy, but it's not me.", "it's not me."),
    ("Reach is nice, but I care a bit more about seeing my own influence.",
     "i care a bit more about seeing my own influence."),
    ("It's not that I don't like variety, I just prefer going deep.", "i just prefer going deep."),
    ("I took a risk once and it didn't pan out. This time I want something safer.", "i want something safer."),
    ("I understand the draw of huge user numbers, but seeing my own work used matters more.",
     "seeing my own work used matters more."),
    ("It can help, sure, but I don't care much.", "i don't care much."),  # a point granted
    ("sure, but only with equity", None),           # "sure" opening the answer is the answer
    ("yes, it's nice, but not a must", None),       # the answer comes first: nothing is handed on
    ("i like it but the pay matters more", None),
    ("not that big data is boring, but no", "no"),
    ("Not that much honestly. Did some Spark work, it was okay.", None),  # a degree denied is the answer
    ("Not that important. The local scene is where the connections are.", None),
    # a point granted first, then a turn (probe18: "Sure, ..." had been read as the yes it opens with)
    ("True, equity can pay off. On balance I'd rather keep my salary.", "i'd rather keep my salary."),
    ("Sure, a famous name helps. But I care more about the team.", "i care more about the team."),
    ("OK, a ladder is comfortable, but what I want is my own path.", "what i want is my own path."),
    ("Granted, variety has value. I'd be happier going deep though.", "i'd be happier going deep though."),
    ("Big data? Sure, in theory. In practice it's babysitting clusters.", "it's babysitting clusters."),
    ("i don't hate routine but honestly chaos suits me better", "honestly chaos suits me better"),
    ("Yeah, I'd like that. Important, though not a deal-breaker.", None),  # a yes, then how much
    ("Sure, I love chaos. It keeps me sharp.", None),  # no turn: "sure" is the answer
])
def test_an_opening_that_hands_the_answer_on(text, rest):
    assert reader.answer_part(text) == rest


@pytest.mark.parametrize("text, question, point", [
    # each was read as the "yes" it opens with before the turn was read
    ("True, equity can pay off. On balance I'd rather keep a steady salary.", "risk", 2),
    ("Sure, chaos can be fun. But give me a calm, planned week any day.", "pace", 1),
    ("Granted, a big name helps. I'd still pick a small team nobody has heard of, though.", "brand", 2),
    ("Sure, I love chaos. It keeps me sharp.", "pace", 4),
    # probe20's kind: the point granted opens the story's last sentence; both had read the wrong way round
    ("I interned at a household name. The logo got me interviews, sure, but honestly I couldn't care less "
     "about it these days.", "brand", 1),
    ("Generous benefits feel like a cage to me. Sure, they're comfortable, but I'd avoid picking a job for "
     "them.", "salary", 1),
    # "I know X, but ...": what the person knows of others hands the answer on
    ("i know reaching millions is the goal for lots of people, but for me the joy is shaping the product "
     "myself", "impact", 5),
    # what the person tells themselves or used to think hands the answer on
    ("I tell myself I love freedom, but honestly I do better when I know what's expected of me.", "structure", 4),
    # a thing called neat or exciting, then the turn (probe30: asked again)
    ("Nvidia's scale is neat but doesn't pull me much", "scale", 2),
    # what one is on paper, then what one wants (REST, in my own words: read 2)
    ("I'm a specialist by training but I'd love to broaden", "breadth", 4),
])
def test_a_point_granted_then_the_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    # another's view, then the person's own: an answer word answers the other person (probe31: read 5)
    ("My mentor says big brands are overrated. Completely agree, they mean nothing to me.", "brand", 1),
    ("my manager wants me to specialize. he's wrong. breadth, full stop", "breadth", 5),
    ("my intern mentor said clear ladders are overrated. I kind of disagree with her, I'd like one", "structure",
     4),
    ("my ex-manager thought I'd pick safety. nope, I'd absolutely trade stability for a bigger shot", "risk", 5),
    # only the verdict said: the view kept or turned round
    ("my partner says I'd hate the chaos, and she's right", "pace", 1),
    ("My husband keeps telling me I need a clear ladder. I don't think I do, really.", "structure", 2),
    ("dad always said reach matters more than credit, and I've come around to that, mostly", "impact", 2),
    ("mom loves ladders. not me, really", "structure", 2),
    # the person's own past view, then now
    ("I used to find big data exciting. Now it bores me senseless, seriously.", "scale", 1),
    ("I used to love big data. less so now", "scale", 2),
    ("loved big-scale stuff once. less so now", "scale", 2),  # the view read as if held now (probe31)
    ("needed promo criteria once. don't now", "structure", 2),
    ("I used to love chaos and I still do", "pace", 4),  # no change said: read as a whole
])
def test_a_view_reported_then_answered(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text", [
    "hard to say, never worked anywhere like that",  # no one's view: "hard" is no name
    "id say no but its close",
    "Never thought about it before. I just take whatever project comes my way.",
    "The thought of a safe, steady paycheck for thirty years honestly depresses me. I want the big swing.",
    # a thing that happened, no view held then (probe4)
    "I once had a manager who made me fill in a 14-page competency matrix. I'd quit before doing that again.",
    # the view turned in its own sentence (probe7)
    "i used to think yes but honestly no. three years at a seed stage place cured me of that for good",
])
def test_no_view_reported(text):
    assert reader.view_then_own(text) is None


@pytest.mark.parametrize("text, question", [
    ("A ladder makes things predictable, but freedom lets you jump ahead. They balance out.", "structure"),
    ("A famous employer would please my parents and I find that a bit shallow. These cancel out for me.",
     "brand"),
    ("Big data excites me as a reader and bores me as an engineer. Hard to say which side wins.", "scale"),
    ("Haven't faced that trade yet, so I can't say whether I'd be fine with it or not.", "risk"),
    ("only ever worked in slow labs. could go either way, i really dont know yet", "pace"),
    ("It depends on the numbers. Huge upside with fair odds, sure; a lottery ticket, no. In the abstract I'm "
     "neutral.", "risk"),
    # probe21's: neutral said in an idiom, opening the answer
    ("For me it is not hot, not cold.", "brand"), ("I can live with or without it.", "structure"),
    ("No special feeling.", "scale"), ("I am in the middle, I have some savings but not much.", "risk"),
    ("Network can be useful later when I raise money for my own company, but the brand itself I don't care, so I "
     "would say it is half half for me.", "brand"),
])
def test_two_sides_weighed_even_are_neutral(text, question):
    assert READER.read_agreement(text, question) == reader.Reading(3, 1.0, "rule")


@pytest.mark.parametrize("text, rest", [
    ("I spent years at a fund where bonuses were decided over drinks. Never again — I want the criteria "
     "written down.", "I want the criteria written down."),
    ("Tried being the generalist, hated it. Never again, depth please.", "depth please."),
    ("I spent five years climbing a corporate ladder and never again.", None),  # nothing follows it
    ("never again, ok", None),
])
def test_what_follows_a_never_again(text, rest):
    assert reader.after_never_again(text) == rest


@pytest.mark.parametrize("text, question, point", [
    # the story is refused, the statement is not: what follows "never again" answers when the whole is unread
    ("I spent years at a fund where bonuses were decided over drinks. Never again — I want the criteria "
     "written down.", "structure", 5),
    ("I spent years at companies nobody had heard of. Never again, the name matters a lot to me now.",
     "brand", 5),
    # probe19's: the whole reads as the story's side (millions), what follows the "never again" the other
    ("i worked on a feature used by millions at a huge company and nobody even knew my name, not even my skip "
     "manager. never again, i need to see my fingerprints on the thing", "impact", 5),
    # probe21's: opening the answer, "never again" is the answer, and what follows its reason (had read 4)
    ("Never again! In my first job was total chaos and I was going crazy.", "pace", 1),
    ("nope, never again. my first job was total chaos", "pace", 1),
])
def test_the_answer_after_a_never_again(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, last", [
    ("Every time I hated it more. Stability and clarity are what I need, full stop.",
     "stability and clarity are what i need, full stop."),
    ("A chaotic career path? Love it, no question.", None),  # too short to stand alone: "it" is the path
    ("Stability and clarity are what I need, full stop.", None),  # one sentence: the whole is read
    ("I hated it. Stability and clarity are what I need.", None),  # not closed emphatically
    ("Part of me wants to be the go-to expert, part of me wants to touch everything. I'd tip toward breadth.",
     "i'd tip toward breadth."),  # opened with a lean (make chat: read 3)
])
def test_the_closing_sentence_of_a_story(text, last):
    assert reader.closing_sentence(text) == last


@pytest.mark.parametrize("text, question, point", [
    # probe19's and probe18's: the story reads one side (or none), its emphatic last sentence the other
    ("I've tried hard to like the startup rush: hackathons, a founding team, a consulting gig with crazy "
     "deadlines. Every time I hated it more than before. Stability and clarity are what I need, full stop.",
     "pace", 1),
    ("A CSV on my laptop would be fine, I guess, for a hobby. For work I want the biggest datasets and "
     "clusters on the planet, nothing less.", "scale", 5),
    # probe20's kind: other closings that say "emphatically"
    ("Deep expertise is nice. Wide skills are what let you ship a product on your own, and that's what I'm "
     "after, without a doubt.", "breadth", 5),
    ("I'd love my code on everyone's phone, but being a tiny cog would crush me. Owning the product myself, "
     "every single time.", "impact", 5),
    ("weekend hackathons are fine, i even enjoy them. but as my daily life for years?? that would break me, "
     "no chance", "pace", 1),
    ("Part of me wants to be the go-to expert, part of me wants to touch everything. I'd tip toward breadth.",
     "breadth", 4),  # make chat: read 3 (the whole alone)
    # a lean that closes a two-sided answer (DIRECTION_IDIOMS)
    ("I always figured I was a planner. Then a year of weekly reprioritising went fine for me. I'd lean "
     "towards it, just not wildly.", "pace", 4),
    ("Quick is fine by me. Murky, a bit less, but I cope. More in than out.", "pace", 4),
    ("I used to crave huge datasets; these days I like doing a lot with a little. Mildly against.", "scale", 2),
    # an answer word opening the story decides, whatever the last sentence reads alone
    ("Nope. I know fortune favours the bold and all, but I want my paycheck safe, period.", "risk", 1),
])
def test_a_story_concluded_emphatically(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, rest", [
    ("Stability or a bigger payday? Bigger payday, without hesitation.", "Bigger payday, without hesitation."),
    ("lol ladders? NO.", "NO."),  # in the case it was typed in: capitals are emphatic
    ("kinda neutral? never touched big data lol", None),  # an answer asked, not a question
    ("honestly? love it", "love it"),
    ("i think yes? hackathons are my favourite thing ever", None),  # an answer asked, not a question
    ("why do you ask?", None), ("how big is the reward? and the risk?", None),
])
def test_a_question_asked_back_before_the_answer(text, rest):
    assert reader.asked_back(text) == rest


@pytest.mark.parametrize("text, question, point", [
    ("Stability or a bigger payday? Bigger payday, without hesitation.", "risk", 5),
    ("stability vs upside? upside, but I hedge with savings. 4", "risk", 4),
    ("Is this about tasks or about changing jobs? Either way I'd rather specialize. 2", "breadth", 2),
])
def test_the_answer_after_a_question_asked_back(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    ("oh sure, I LOVE getting paged at 3am because the roadmap changed again", "pace", 1),
    ("yeah right, 'clear criteria', aka whoever the director likes", "structure", 1),
    ("Oh great, another all-hands about a pivot. Spare me.", "pace", 1),
    ("nothing says growth like a fourteen-level ladder", "structure", 1),
    ("huge clusters are SO fun to babysit /s", "scale", 1),
    # the opposite side named, or a yes after it: which side is mocked is not sure
    ("oh sure, reaching billions of users is so fulfilling. give me a team of five", "impact", None),
    ("yeah right, like I would ever take a lower base. I need the salary, full stop", "salary", None),
    ("promo committees, my favourite thing 🙄", "structure", 1),  # an eye-roll marks it
    ("ah yes, the famous 'we are a family' pitch", "brand", 1),
    ("oh no, a shot at a big payout, how terrifying", "risk", None),  # a fear mocked: of which side?
    ("oh no, whatever will I do without weekly planning meetings", "pace", None),
])
def test_sarcasm_is_a_no_to_what_it_mocks(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question", [
    ("Oh great, more stability. Bring on the moonshot, yes please!", "risk"),
    ("oh great, a job for life filing tickets. Absolutely, I'd take the gamble instead", "risk"),
    ("oh no, petabytes and a GPU farm, how awful 🙄 obviously yes", "scale"),
    ("nothing says fun like a frozen roadmap 😴 so yeah, faster please", "pace"),
])
def test_a_yes_after_the_mockery_is_the_answer(text, question):
    assert READER.read_agreement(text, question).value in (4, 5)


@pytest.mark.parametrize("text", ["3 years as an MLE", "2 yrs in", "staff engineer, 12 years", "just graduated",
                                  # a bare yes before it says yes to something else (REST: read 4)
                                  "yeah i've been working for three years", "yes, 3 years as an MLE"])
def test_a_career_stage_typed_at_a_statement_answers_nothing(text):
    assert READER.read_agreement(text, "pace").value is None


def test_a_stage_with_a_feeling_is_still_an_answer():
    assert READER.read_agreement("very comfortable, been freelance 3 yrs", "risk").value in (4, 5)
    assert READER.read_agreement("no, 3 years and i hate chaos", "pace").value in (1, 2)


@pytest.mark.parametrize("text", ["yeah, right now I'd say yes", "oh absolutely, I love the chaos",
                                  "sure, because I need the money", "yeah right away, sign me up",
                                  "pass 🙃", "YES. I want to see my model on the site 🙃"])
def test_not_sarcasm(text):
    assert reader.sarcastic_no(text, "pace", K) is None


@pytest.mark.parametrize("text, question, direction", [
    ("Depth over breadth any day of the week.", "breadth", -1),
    ("Versatility beats specialisation for where I want to go.", "breadth", 1),
    ("I'd trade some reach for more ownership, I think.", "impact", 1),
    ("stability over upside, every time", "risk", -1),
    ("upside matters less than stability", "risk", -1),
    ("fr, breadth > depth every time", "breadth", 1),
    ("over the years I've come to want a clear career path", "structure", 0),  # compares nothing
    ("pay matters more than anything", "salary", 0),  # one side named: the model's
    ("depth matters, but not more than breadth", "breadth", 0),  # negated: the model's
    # "more X than Y" with one side named
    ("more structure than freedom for me", "structure", 1), ("I'm more of a risk-taker than most", "risk", 1),
    ("The mission matters more to me than the paycheck.", "salary", -1),
    ("visible impact isnt more important to me than reach", "impact", 0),  # negated
    ("hard to say, it depends more on the people than on the pace itself", "pace", 0),  # undecided
    ("more than a year of runway", "risk", 0),
    # a word that names a side only alone, next to the comparison
    ("Wide over deep, every single time.", "breadth", 1), ("deep > wide", "breadth", -1),
    # a trade refused
    ("i wouldnt trade stability for a bigger reward", "risk", -1),
    ("not in a million years would i trade depth for breadth", "breadth", -1),
])
def test_a_preference_between_the_two_sides(text, question, direction):
    assert reader.compared_side(text, question, K) == direction


@pytest.mark.parametrize("text, question, direction", [
    ("Definitely depth.", "breadth", -1), ("visible impact, without question", "impact", 1),
    ("definitely", "breadth", 0), ("depth of the team matters", "breadth", 0),
    ("i'm 100% a depth person", "breadth", -1), ("not a fan of depth", "breadth", 0),
    ("Generalist forever. I'd hate being stuck in one niche.", "breadth", 1),
    ("reach for sure, no question. my model answering millions is everything", "impact", -1),
    ("fast paced? my worst nightmare", "pace", 0),  # the statement's words asked back
    # knowledge's named_alone: words that name a side only as the whole first clause
    ("Billions, easily. Nothing beats that reach", "impact", -1), ("visible, I think", "impact", 1),
    ("probably wide. i get bored fast", "breadth", 1), ("deep, always", "breadth", -1),
    ("wide but shallow isn't for me", "breadth", 0), ("deep learning is my thing", "breadth", 0),
    ("Go deep, no doubt about it.", "breadth", -1),
])
def test_a_side_named_alone(text, question, direction):
    assert reader.named_side(text, question, K) == direction


@pytest.mark.parametrize("text, direction", [
    ("must have, no ifs or buts", 1),               # the answer word ends its clause
    ("probably, I'd feel nervous without it", 1),
    ("probably not", -1), ("yeah nah, not really mate", -1), ("nah i like routine", -1),
    ("no i don't", -1), ("no thanks", -1),
    ("no dependents and some savings, so i could take a shot", 0),  # "no" before a noun
    ("zero worries about stability", 0),           # a word on the words after it
    ("absolutely love it", 0), ("kinda scary", 0), ("massively overrated", 0),
    ("never in a million years", -1),
    ("noooo way, slow and clear pls", -1),          # stretched for emphasis
    ("absolutly, going deep in one thing sounds so boring", 1),  # misspelt
    ("omg no, i want millions of people using my stuff!!", -1),  # an exclamation before the answer word
    ("Absolutely disagree. Give me a quiet research lab any day.", -1),  # a word on the answer word
    ("Very much no. I want a slow, predictable rhythm.", -1), ("kinda yes, it's fun", 1),
    ("100% disagree. The thrill of a billion users is unbeatable.", -1), ("very much so", 1),
    ("absolutely zero interest", 0),                # not an answer word after it: the model's
    # probe21's: the answer word said twice, and after when ("At this moment yes")
    ("No no, this promotion ladder business is what is killing me in current job.", -1),
    ("At this moment yes, I still don't know in what I want to specialise.", 1), ("right now no", -1),
])
def test_how_an_answer_opens(text, direction):
    assert reader.lead_direction(text, K) == direction


def test_the_first_clause_is_split_before_punctuation_goes():
    assert reader.first_clause("I'd like that, it's hard to grow when nobody tells you") == "i'd like that"
    assert reader.first_clause("lol, nah") == "nah"


def test_words_after_a_negation_are_marked_to_the_end_of_their_clause():
    assert reader.negation_marked("no savings, and kids but my wife works") == [
        "no", "not_savings", "and", "kids", "my", "wife", "works"]


@pytest.mark.parametrize("text, marked", [
    ("I'd ship to a clinic rather than to millions", "i'd ship to a clinic rather than not_to not_millions"),
    ("one client over a feature in a huge app, easy", "one client over not_a not_feature not_in not_a not_huge "
     "not_app easy"),
    ("deep >>> wide", "deep >>> not_wide"),
    ("reach matters less than credit", "not_reach not_matters less than credit"),
    ("I'd trade some reach for ownership", "i'd trade not_some not_reach for ownership"),
    ("it reaches over a billion users", "it reaches over a billion users"),  # an amount, not a preference
    ("more than a year of runway", "more than a year of runway"),
    ("over the years I want a ladder", "over the years i want a ladder"),
])
def test_the_side_a_comparison_prefers_less_is_marked_as_negated(text, marked):
    assert " ".join(reader.negation_marked(text)) == marked


@pytest.mark.parametrize("text, months", [
    ("savings would last about 2 months", 2), ("a month or two saved", 2), ("3-4 months", 4),
    ("I have 9 months of savings", 9), ("just started", None), ("a couple of months", 2),
    ("a few months", 3), ("8 weeks", 8 / situation.WEEKS_A_MONTH), ("a couple weeks", 2 / situation.WEEKS_A_MONTH),
])
def test_months_stated(text, months):
    assert situation.months_stated(text) == months


@pytest.mark.parametrize("text, months", [
    ("savings would last about 2 months", 2), ("a full year of savings", 12),
    ("a year and a half in the bank", 18), ("my savings would cover two years easily", 24),
    ("3 years in, savings for 2 months", 2),  # years of work are not runway
    ("I have 5 years of experience", None),
    ("I'd be broke within a couple of months without a paycheck", 2),
    ("I've put aside enough for about 18 months", 18),
])
def test_runway_months(text, months):
    assert situation.runway_months(text) == months


@pytest.mark.parametrize("text, question, side", [
    ("I wouldn't call it a must, no", "salary", -1),
    ("massively. no good salary, no deal", "salary", 1),
    ("1 for sure, distributed training sounds like plumbing to me", "scale", -1),
    ("I'd like that, it's hard to grow when nobody tells you what's expected", "structure", 1),
    ("the uncertainty would bug me a bit tbh", "risk", -1),
    ("I totally understand why people want that, but for me it's a hard no.", "structure", -1),
    ("Breadth is great for some people, but I'm 100% a depth person.", "breadth", -1),
    ("NO. Stability first, always.", "risk", -1),   # "always" confirms what came before
    ("I absolutely love my team, but no, I don't need a structured ladder.", "structure", -1),
])
def test_reasons_after_the_answer_do_not_turn_it_round(text, question, side):
    value = READER.read_agreement(text, question).value
    assert value is not None and (value - 3) * side > 0


def test_never_thought_about_it_so_neutral_is_neutral():
    assert READER.read_agreement("never really thought about it, so neutral", "impact").value == 3


class _UnsureModel:
    """An agreement model that leans one way without being sure of it."""

    def knows_a_word(self, text):
        return True

    def probabilities(self, text, question):
        return {1: 0.05, 2: 0.15, 3: 0.1, 4: 0.6, 5: 0.1}


def test_an_answer_without_an_answer_word_is_read_only_when_its_side_is_sure(monkeypatch):
    monkeypatch.setattr(READER, "agreement", _UnsureModel())
    # 0.7 on the agreeing side is below MIN_SIDE: asked again rather than risked the wrong way round
    assert READER.read_agreement("my last job wore me out", "pace").value is None
    # an answer word decides the side; the model only weighs how strongly
    assert READER.read_agreement("yeah, my last job wore me out", "pace").value == 4


@pytest.mark.parametrize("text, value", [
    ("savings would last about 2 months", True),   # under the knowledge file's yes_below_months
    ("no emergency fund, honestly", True), ("plenty saved and nobody depends on me", False),
    ("about 18 months of runway and it's just me", False),          # at or over it, nobody named
    ("a year and a half in the bank and only myself to take care of", False),
    ("I could go a year without a salary", False),
    ("yes, I have less than six months saved", True),              # "less than" six is under six
    ("a year of savings but two kids who depend on me", True),      # dependants answer it
    # dependants said to be none: the runway answers it (both were asked again, one read as a yes)
    ("I've got maybe 8 months of savings and nobody depends on me", False),
    ("8 months saved, I don't have a family to support", False),
    ("around 9 months of runway, though my parents rely on me", True),
    # a yes that says "here is my answer": the runway said decides
    ("yes, I have savings for two years", False), ("yeah, about a year of savings and just me", False),
])
def test_runway_answers_in_their_own_words(text, value):
    assert READER.read_yes_no(text, "low_runway").value is value


@pytest.mark.parametrize("text, value", [
    ("on an H-1B right now", True), ("I'm a citizen here", False), ("green card holder", False),
    # the need said outright settles it against the answer word before it (make chat: read as a yes)
    ("yes, I am from Poland, EU, I don't need visa", False), ("yes, no visa needed", False),
    ("no, I need a visa", True),
    ("yes, I don't need a visa yet", True), ("yes, I don't need a visa for now", True),  # only for now
    ("F-1 student, graduating in May", True),  # a student visa, whose work needs a sponsor after it
])
def test_sponsorship_answers_in_their_own_words(text, value):
    assert READER.read_yes_no(text, "needs_sponsorship").value is value


@pytest.mark.parametrize("text, feelings", [
    ("i love it", (1, 0)), ("chaos stresses me out", (0, 1)),
    ("ambiguity does not scare me", (1, 0)),       # a negated dislike is a liking
    ("i don't really thrive in it", (0, 1)),       # and a negated liking a dislike
    ("i find it very hard to get excited about huge datasets", (0, 1)),  # a liking out of reach
    ("hard to say, i enjoy it", (1, 0)),           # not when something else is hard
    ("huge datasets bore me", (0, 1)), ("totally uninterested", (0, 1)),
])
def test_feelings_turn_round_when_negated(text, feelings):
    assert reader._feelings(text) == feelings


class _CheapReader:
    """Stands in for the trained reader where only the cache is under test."""

    def __init__(self, k, data):
        self.data = data


def test_a_new_reader_cache_replaces_the_stale_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(reader, "Reader", _CheapReader)
    monkeypatch.setattr(reader, "load_training", lambda k, files: "data")
    (tmp_path / "reader-0123456789abcdef.pkl").write_bytes(b"made from older inputs")
    (tmp_path / "advisor.tar.gz").write_bytes(b"the Rasa model stays")
    built = reader.build(K)
    assert isinstance(built, _CheapReader)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 2 and "advisor.tar.gz" in kept and "reader-0123456789abcdef.pkl" not in kept


# While a question is pending (actions/forms.py): the message and the classifier's intent as given.
@pytest.mark.parametrize("text, intent, confidence", [
    ("why do you need to know that?", "ask_why", 0.99),
    ("what about pay", "ask_factor", 0.9),
    ("How do benefits compare? I'm looking at 401k matching and parental leave.", "ask_factor", 0.99),
    ("is a startup a good move for me? i'm mid-career and kind of restless", "ask_recommendation", 0.99),
    ("hey, should I join a startup or stay at big tech", "ask_recommendation", 0.99),
    ("hi, I have an offer from a 20-person ML startup and another from Google, no idea which suits me",
     "ask_recommendation", 0.99),
    ("give me the quick rundown of startup life vs big company life", "compare_overall", 0.99),
    ("thanks for clearing that up", "thank", 0.99),
    ("gotta bounce", "goodbye", 0.99),
    ("am i talking to a live person", "bot_challenge", 0.99),
    ("why should i tell you that", "ask_why", 0.99),
    ("equity? what equity would I get?", "ask_factor", 0.9),
    ("I turned down an offer from Google last year. Should I join this startup now?", "ask_recommendation", 0.99),
    ("thanks for explaining pay", "thank", 0.99),
    # the question not understood, whatever the classifier made of it (REST: read as an unreadable answer)
    ("i don't understand the question", "change_answer", 0.4),
    ("sorry, I didn't catch that", "deny", 0.4),
    # help asked for in so many words (REST: "help" at the pace statement was noted as an agree)
    ("help", "help", 0.85), ("help me", "help", 0.9), ("I'm lost", "help", 0.8),
    # REST: "back" was read as a neutral answer
    ("back", "change_answer", 0.49), ("previous question", "change_answer", 0.42),
    # asides_probe (thirty-ninth session): each was read as the pending answer or asked again
    ("nah this isn't working, wipe my answers and let's go again from question one", "start_over", 0.99),
    ("I'm done, stop the quiz.", "stop", 0.99),
    ("gotta jump on a call can we pick this up later", "stop", 0.9),
    ("Sorry, I'd like to change my answer to the breadth statement before continuing.", "change_answer", 0.99),
    ("pls let me change the scale one to a higher number", "change_answer", 0.9),
    ("Enough questions. Just give me your recommendation.", "ask_recommendation", 0.99),
    ("um, is this asking about money risk or like, risk to my career? sorry if that's a dumb question",
     "inform_priority", 0.9),
    ("Is 'thrive' about enjoying it or being effective in it? Not the same thing.", "inform_priority", 0.99),
    ("thank u so much this is actually super helpful", "thank", 0.99),
    ("do most startups rly fail or is that just smth ppl say", "ask_factor", 0.87),
    ("lol off topic but whats the weather like in sf rn", "out_of_scope", 0.9),
    ("When you say ambiguous, do you mean unclear requirements or unclear roles?", "out_of_scope", 0.9),
    ("what counts as savings here, does a 401k count?", "ask_factor", 0.9),
    ("how is this going to be weighed against the other answers?", "ask_why", 0.9),
    ("do i have to pick a number or can i just type", "help", 0.9),
    # asides_probe (fortieth session): read as the pending answer, asked again or given another reply
    ("just tel me wich one is better for me pls", "ask_recommendation", 0.98),
    ("Cheerio then!", "goodbye", 0.9),
    ("brb gotta go, can u hold my answers", "stop", 0.9),
    ("How fast is 'quickly' here: months, years?", "ask_factor", 0.9),
    ("Is this statement written with US salaries in mind? Pay over here is rather different.", "ask_factor", 0.9),
])
def test_a_question_or_a_social_message_leaves_the_pending_question(text, intent, confidence):
    assert reader.is_interruption(text, intent, confidence, K)


@pytest.mark.parametrize("text, intent, confidence", [
    ("who wouldn't want that?", "ask_why", 0.79),
    ("why would I care what logo is on my badge? Not at all.", "ask_why", 0.72),
    ("How big is the reward? Without knowing that, I'd stay with stability. So no.", "ask_why", 0.81),
    ("Is a classroom of 30 kids fast-paced and ambiguous? Then yes, I think I do.", "out_of_scope", 0.75),
    ("Yes, absolutely. My whole job is to trade risk for reward, why should career be different?",
     "out_of_scope", 0.98),
    ("10,000 GPUs? that's my dream", "out_of_scope", 0.91),
    ("can I skip this one?", "help", 0.93),
    ("When my previous employer collapsed I went three months without pay. Never again.", "ask_factor", 0.89),
    ("did it 3 times already and would do it again tomorrow", "ask_recommendation", 0.78),
    ("Give me a messy codebase, a vague goal and a deadline tomorrow", "out_of_scope", 0.99),
    ("haven't figured that out yet", "goodbye", 0.95),
    ("i have a green card", "goodbye", 0.66),
    ("calm and boring forever, thanks", "thank", 0.92),
    ("ngl I'd enjoy that", "goodbye", 0.88),
    ("Depth, thanks.", "thank", 0.95),                                   # a side named alone
    ("i don't get the appeal", "inform_priority", 0.42),               # the appeal, not the question
    ("savings? what savings lol", "ask_recommendation", 0.9),          # a word asked back and mocked
    ("Which ladder? I no fit wait five years for promotion, God forbid.", "ask_recommendation", 0.9),  # scoffed
    ("T-shaped is the goal so... middle?", "ask_recommendation", 0.9),  # an answer word asked
    ("if two offers were within 5% I'd pick the famous name, so yeah, somewhat", "ask_recommendation", 0.9),
    ("Show me a documented ladder or I walk.", "out_of_scope", 0.9),   # an ultimatum
    ("What's the worst that happens, I find another job? I'd lean agree.", "out_of_scope", 0.9),
    ("What's the point of playing it safe? Fully comfortable.", "ask_factor", 0.9),
    ("Let's leave this one blank.", "stop", 0.9),                      # declining to answer is skipping
    # found by probe13's reach-the-reader test: a situation one would leave over, a rhetorical "who wants"
    ("Tell me I'm rotating across five areas this year and I'd be job hunting immediately.", "out_of_scope", 0.9),
    ("who wants safe and boring? roll the dice", "out_of_scope", 0.9),
    ("lottery tickets? NO thx", "thank", 0.9),                         # probe15's: an answer after a word asked
    # probe19's: a choice already made, told as a story
    ("When I compared my two offers, the pay gap didn't change my mind. I picked the team I liked more.",
     "ask_recommendation", 0.99),
    # REST: an answer word closing a request said in jest; a recommendation came in the middle of the questions
    ("Tell me the rubric and I'll speedrun it. Yes please.", "ask_recommendation", 0.9),
    ("helpful, yes", "help", 0.9),
    ("back when I was at Google, chaos was fun", "change_answer", 0.5),
    # found by the thirty-ninth session's reach-the-reader counts: command words, a question asked and answered
    ("I'm indifferent, it wouldn't change my decision one way or the other.", "change_answer", 0.98),
    ("yes very much i want a clear path write from the start", "start_over", 0.62),
    ("hmm, does a bootcamp count? anyway, I'm in the second year of my engineering degree", "inform_stage", 0.92),
    ("I like mastering things but I get bored easily too. So, neutral?", "inform_priority", 1.0),
    ("thanks, but no", "thank", 0.9),
    ("is it about money for me? yes", "ask_why", 0.9),
    ("I spent three years on recommendation models and I'd rather keep sharpening that than start over in five "
     "directions", "start_over", 0.45),
    ("Granted, people light up when you say you work at Google. Doesn't move me at all.", "ask_why", 0.96),
    ("user numbers mean nothing to me, I want to see the faces", "help", 0.9),
    # probe37's: "at the top of the list" is no "from the top", "full stop" no stop
    ("Three kids. It's at the top of the list, full stop.", "stop", 0.9),
])
def test_an_answer_that_sounds_like_a_question_or_a_goodbye_stays_an_answer(text, intent, confidence):
    assert not reader.is_interruption(text, intent, confidence, K)


@pytest.mark.parametrize("text, question, value", [
    ("who wouldn't want clear criteria?", "structure", 5),   # "wouldn't" had turned it round
    ("who doesn't love a bit of chaos? that's where all the fun is!!", "pace", 5),
    ("why would I care what logo is on my badge?", "brand", 1),
    ("why would I? going deep is the whole fun", "breadth", 1),
])
def test_a_rhetorical_question_is_read_as_what_it_says(text, question, value):
    assert READER.read_agreement(text, question).value == value


@pytest.mark.parametrize("text, plain", [
    ("who wouldn't want clear criteria?", "i really want clear criteria"),
    ("why would I care about compute? zero interest", "i don't care about compute. zero interest"),
    ("who cares about brands", "i don't care about brands"),
    ("who wouldn't want that?", "yes"),
    ("why would I? going deep is the whole fun", "no. going deep is the whole fun"),
    ("why not both?", None), ("who are you", None), ("why do you ask?", None),
    # a verb the patterns don't know: no "why would anyone?" with words after it (it was read as a 1)
    ("why would anyone turn down a fat paycheck?", None),
])
def test_rhetoric_said_plainly(text, plain):
    assert reader.rhetoric_said_plainly(text) == plain


# The reader's training data: the reason of an answer that says its answer word apart, alone.
@pytest.mark.parametrize("text, side, reason", [
    ("nah, I've got a mortgage", -1, "I've got a mortgage"),
    ("Hell yes!! the chaos is where I do my best work", 1, "the chaos is where I do my best work"),
    ("lol nope - I've got two kids to feed", -1, "I've got two kids to feed"),
    ("I've got two kids and a mortgage, so no", -1, "I've got two kids and a mortgage"),
    ("Depth is literally my job description. Absolutely not.", -1, "Depth is literally my job description"),
])
def test_the_reason_given_with_an_answer_word(text, side, reason):
    assert reader.reason_alone(text, side, K) == reason


@pytest.mark.parametrize("text, side", [
    ("nah, I've got a mortgage", 1),         # the answer word on the other side: not this label's reason
    ("yes, but only sometimes", 1),          # what follows qualifies the answer word
    ("no. maybe later", -1),
    ("nah, too risky", -1),                  # two words are no reason on their own
    ("yes, no doubt about it", 1),           # another answer word
    ("kinda scary, the uncertainty", -1),    # "kinda" is a word on "scary", not the answer
    ("chaos stresses me out", -1),           # no answer word at all
])
def test_no_reason_alone(text, side):
    assert reader.reason_alone(text, side, K) is None


def test_the_reader_learns_from_the_reasons_alone(tmp_path):
    (tmp_path / "a.yml").write_text(
        "answers:\n"
        "  - {question: risk, text: \"nah, I've got a mortgage\", label: 2}\n"
        "  - {question: risk, text: \"meh, no idea really\", label: 3}\n"
        "constraints:\n"
        "  - {question: low_runway, text: \"nope, I've saved for two years\", label: false}\n",
        encoding="utf-8")
    data = reader.load_training(K, [tmp_path / "a.yml"])
    assert ("I've got a mortgage", "risk", 2) in data.agreement
    assert not [row for row in data.agreement if row[0] == "no idea really"]  # a neutral answer has no side
    assert ("I've saved for two years", "low_runway", False) in data.yes_no


# Found on the tuning slices (tests/eval/probe, probe2), whose misses are read; never the blind ones.

@pytest.mark.parametrize("text, question", [
    ("What motivates me is knowing that my model runs in millions of cars.", "impact"),
    ("When requirements change every day I cannot sleep, I become very anxious.", "pace"),
    ("what i really dream of is my pipeline serving millions of users", "impact"),
])
def test_a_statement_that_opens_like_a_question_is_an_answer(text, question):
    assert not reader.reads_as_question(text)
    assert READER.read_agreement(text, question).value is not None


@pytest.mark.parametrize("text", ["what about pay", "when do startups pay out equity",
                                  "What motivates me is the question, right?", "what is it like"])
def test_a_question_is_still_a_question(text):
    assert reader.reads_as_question(text)


@pytest.mark.parametrize("text, number", [
    ("No partner, no kids, parents are fine, so — a hard 5 from me!", 5),
    ("millions of users is grand, but seeing my feature go live is everything — a 5, easy", 5),
    ("a firm 2", 2), ("we were 4, easy", None), ("I worked 5 years, honestly", None),
    ("no cap, 1000% ✅", 5), ("I have 1000 GPUs", None),
    # an intensifier before the number: the number still wins (read 1 from the dread before it)
    ("Stuck with one laptop and a spreadsheet would be grim. Absolutely a 5.", 5), ("totally a 2", 2),
    ("Absolutely. Two GPUs are plenty", None),
])
def test_a_rating_said_with_a_word_on_it(text, number):
    assert reader.rating_number(text) == number


@pytest.mark.parametrize("text, question, point", [
    # a reason alone is emphatic when its words are: "catastrophic", "no room for"
    ("I'm the only earner for a family of four and we have a mortgage; a startup folding would be "
     "catastrophic for us.", "risk", 1),
    ("My daughter starts college next fall and I'm the only earner; there is no room for gambles in my life "
     "right now.", "risk", 1),
])
def test_strong_words_in_a_reason_make_it_emphatic(text, question, point):
    assert READER.read_agreement(text, question).value == point


# A known loss of the answer network's batches of 1,024 (docs/benchmarks.md, nineteenth session): this
# reason, 5 to a person, reads one point milder; pinned so that a change to it shows.
def test_a_strong_reason_read_one_point_milder():
    text = ("I'm the main earner for my extended family back in Lagos; a high steady salary with good "
            "benefits is something I simply cannot do without.")
    assert READER.read_agreement(text, "salary").value == 4


@pytest.mark.parametrize("text, alone", [
    ("not sure", True), ("idk tbh", True), ("neutral?", True),
    ("hard pass", False),  # "hard" is a filler before an answer word, but "hard pass" is a phrase of its own
    ("not sure, savings are thin", False),
])
def test_a_neutral_phrase_alone(text, alone):
    assert reader.only_neutral(text, K) is alone


@pytest.mark.parametrize("text, point", [("neutral?", 3), ("hmm both?", 3), ("hard pass", 1), ("Hard pass.", 1)])
def test_a_neutral_answer_asked_is_an_answer(text, point):
    assert READER.read_agreement(text, "structure").value == point


@pytest.mark.parametrize("text, point", [
    ("lol ladders? NO.", 1), ("deus me livre, NO 😱", 1), ("YES, todo!!", 5),
    ("no, not really", 2), ("yes, mostly", 4),
])
def test_an_answer_word_in_capitals_is_emphatic(text, point):
    # at the statement ladders belong to: typed at another, "lol ladders? NO." answers that one
    # (test_an_answer_to_another_statement_is_not_read_as_this_one)
    assert READER.read_agreement(text, "structure").value == point


@pytest.mark.parametrize("text, point", [
    # probe21's: how much said after the answer word, as some languages put it
    ("Disagree totally, boring for me.", 1), ("Disagree completely, depth suits me far better.", 1),
    ("agree 100%", 5),
    ("Mildly against. A famous logo has never helped me close a hire or a deal.", 2),  # probe21's: read 1
])
def test_how_much_said_with_the_answer_word(text, point):
    assert READER.read_agreement(text, "breadth").value == point


@pytest.mark.parametrize("text, question, direction", [
    ("I left my country and my savings behind for this. Stability was never the plan.", "risk", 1),
    ("Stability is a myth anyway lmao", "risk", 1),
    ("Stability can take a hike.", "risk", 1),
    ("Prestige is worthless to me.", "brand", -1),
    ("the plan is a myth", "pace", 0),              # names no side
    ("meh, scale doesnt excite me much", "scale", -1),  # a shrug is no indecision
    ("meh, depends. scale doesn't excite me", "scale", 0),
])
def test_a_side_dismissed(text, question, direction):
    assert reader.unmoved(text, question, K) == direction


@pytest.mark.parametrize("text, direction", [
    ("meh, not crucial", -1), ("meh, not my fav", -1), ("meh, not sure", 0), ("meh not bad", 0),
    ("meh, not a big deal", 0), ("meh, not a priority right now", -1), ("meh, not too worried about it", 0),
])
def test_a_shrug_at_a_thing_denied(text, direction):
    assert reader.idiom_direction(text) == direction


@pytest.mark.parametrize("text, sarcastic", [
    ("ah sure, 100%, love the craic", None), ("ah sure look, why not", None),
    ("oh sure, I LOVE writing promo packets", True),
])
def test_ah_sure_is_a_yes_in_irish_english(text, sarcastic):
    assert reader.sarcastic_no(text, "pace", K) is sarcastic


@pytest.mark.parametrize("text, stage", [
    ("studying stats at university, 2 years left", None),  # years to come: the model's
    ("I've had my first job for about 20 months", "early"),
    ("6 months into my job", "new_grad"),
    ("fresh out of my masters, 4 months into my first job", "new_grad"),
    ("3 years in since my masters", "early"),
    ("2 years into my PhD", "student"),
    ("about three years in since finishing my MSc", "early"), ("finishing my msc this spring", "student"),
    ("just started my doctorate last October", "student"),
    ("3 years as a software engineer, then 3 more in ML", "mid"),  # the years after add up
    ("year 2 of my phd", "student"),
])
def test_the_stage_stated_in_months_and_years_to_go(text, stage):
    assert situation.stage_stated(text, K) == stage


@pytest.mark.parametrize("text, question, direction", [
    ("Mm, mildly against. Feedback yes, ladder no.", "structure", -1),  # without commas, any sentence
    ("wide yes, shallow no", "breadth", 1),
    ("some days yes, some days no", "pace", None),  # halves that tell no side: the model's
    ("Mostly yes, sometimes no", "risk", None), ("some scale problems yes, others no", "scale", None),
])
def test_two_things_answered_apart_without_commas(text, question, direction):
    assert reader.contrast_pair(text, question, K) == direction


@pytest.mark.parametrize("text, question, point", [
    ("Not essential for me, I'd say. Pleasant, sure, but it didn't stop me leaving the bank.", "salary", 2),
    ("I've worked for less when the project was good, so not really a must. Nice to have, sure.", "salary", 2),
])
def test_a_sure_that_grants_a_thing_is_pleasant_is_no_yes(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, direction", [("Fast pace, sure!", 1), ("ok ok, sure", 1)])
def test_a_sure_after_the_statement_is_still_a_yes(text, direction):
    assert reader.conclusion(text, K) == direction


def test_big_time_is_an_answer():
    assert reader.lead_direction("oh, big time.", K) == 1


@pytest.mark.parametrize("text, stage", [
    ("in the third year of my first job", "early"), ("my 5th year of working in ML", "mid"),
    ("first year at my first job", "new_grad"), ("third year of my phd", "student"),
])
def test_the_year_of_work_one_is_in(text, stage):
    assert situation.stage_stated(text, K) == stage



@pytest.mark.parametrize("text, corrects", [
    ("wait, that's wrong", True), ("no no, you misread me", True), ("not what I meant!", True),
    ("my last answer should be a 2", True),
    ("wait, I meant agree on the last one", True), ("that last one, I meant neutral", True),
    ("wait, no, I meant disagree. I like knowing what's expected", True),
    ("what I meant is that I like speed", False),    # an answer explained
    ("I lost my savings on the last one", False),     # an answer: the last venture
    ("same as the previous question", False),         # an answer, if a lazy one
    ("it's wrong to chase logos", False),
])
def test_a_correction_of_the_previous_answer(text, corrects):
    assert reader.corrects_previous(text) is corrects


@pytest.mark.parametrize("text, point", [
    ("After twenty years of firefighting projects I can tell you: strongly disagree. Ambiguity drains me.", 1),
    ("Agree - mostly because of the equity.", 4),
    ("Disagree. Agree. I can't decide", None),      # two points: the model's
    ("I don't strongly agree with that", None),      # no sentence of its own
])
def test_a_button_title_said_as_a_sentence_is_the_answer(text, point):
    assert reader.title_said(text, K) == point


def test_every_button_title_is_found_as_typed():
    # Knowledge.answer_titles keeps the titles in lower case: they must come out of normalise unchanged
    for point, entry in K.agreement["scale"].items():
        assert reader.title_said(f"{entry['title']}!", K) == int(point)


@pytest.fixture(scope="module")
def typed_answers():
    return [text.lower() for text, _, _ in reader.load_labelled(K, reader.training_files()).agreement]


@pytest.mark.parametrize("settings", [
    {"ngram_range": (1, 2), "sublinear_tf": True, "token_pattern": r"[a-z0-9']+", "dtype": np.float32},
    {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "min_df": 2},
    {"sublinear_tf": False},
    {"norm": "l1"},  # not the weighting reader.tfidf does: scikit-learn's own transform
])
def test_tfidf_is_scikit_learn_s_transform(typed_answers, settings):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = typed_answers[:3000]
    vectorizer = TfidfVectorizer(**settings).fit(texts[:2000])
    for batch in ([texts[2000]], texts[2000:], ["blorp"], ["no no no NO"]):
        own, ours = vectorizer.transform(batch), reader.tfidf(vectorizer, batch)
        assert ours.dtype == own.dtype and ours.shape == own.shape and ours.nnz == own.nnz
        # the same to the last bit or two: scikit-learn's sparse product lists a row's words in another
        # order, and the row's length is summed in that order
        assert np.allclose(ours.toarray(), own.toarray(), rtol=1e-6, atol=0)


def test_knows_a_word_is_whether_the_weighed_words_have_any(typed_answers):
    # knows_a_word looks the analyzer's n-grams up instead of weighing them: the same answer
    words = READER.agreement.words
    texts = [*typed_answers[:500], "blorp", "blorp zzzq", "", "?!", "BLORP no", "qwxz'"]
    assert any(not READER.agreement.knows_a_word(t) for t in texts)
    for text in texts:
        weighed = reader.tfidf(words, [answers.normalise(text)]).nnz > 0
        assert READER.agreement.knows_a_word(text) == weighed, text


@pytest.mark.parametrize("text, question, point", [
    # the answer the person settles on, not the one they start with
    ("yes, well no, actually not really", "pace", 2),
    ("I'd say 2, no make that 3", "risk", 3),
    ("4, actually make it a 5", "risk", 5),
    ("sure — actually no, reach matters more to me", "impact", 2),
    ("nah scratch that, I do want clear criteria", "structure", 4),
    ("not at all. hmm, actually, it kinda does matter, yes", "brand", 4),
    ("id say yes, hmm, no. i dont think i would", "risk", 2),
    ("no... ok honestly yes, it matters a bit", "brand", 4),
    ("maybe a 2... no actually a 1, i hate it", "pace", 1),
    # found in make chat: a number settled on after a change of mind counts alone, whatever came before
    ("honestly? love it, no wait, more like a 4", "pace", 4),
    ("yeah sure, hmm, make it a 3", "brand", 3),
])
def test_a_correction_in_the_same_message_settles_the_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    ("I actually love chaos", "pace", 5),             # no answer before the marker: nothing corrected
    ("nope. actually I hate chaos", "pace", 1),       # the same side again: the whole answer weighs it
    ("yes, well, mostly", "pace", 4),                 # a hedge on the answer before it, no new answer
    ("I would say no, mostly. I value a secure contract.", "risk", 2),
    ("yeah, no", "pace", 2),                          # no change-of-mind word between them: one answer
    ("yeah, no, honestly not for me", "pace", 2),     # "yeah, no" opens a no, as "yeah nah" does
    ("yeah, no doubt about it", "pace", 5),           # "no doubt" is no "no"
    ("not really, 2", "pace", 2),                     # a number confirming the side before it
])
def test_a_correction_marker_without_a_change_of_mind(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, value", [
    ("yes, wait no, sorry, misread. no, im a us citizen", "needs_sponsorship", False),
    ("no... well actually yes, my savings would last two months", "low_runway", True),
])
def test_a_change_of_mind_in_a_yes_no_answer(text, question, value):
    assert READER.read_yes_no(text, question).value is value


@pytest.mark.parametrize("text, stage", [
    ("new grad... well no, its been fourteen months now so early career i guess", "early"),
    ("um like six and a half years, two kids born in that time lol", "mid"),
    ("roughly 20 months into industry", "early"),      # months in the industry, over a year
])
def test_a_stage_taken_back_or_given_in_halves(text, stage):
    assert READER.read_stage(text).value == stage


def test_no_longer_takes_no_stage_back():
    assert situation.STAGE_TAKEN_BACK.search("i was a student, well, no longer") is None
    taken_back = situation.STAGE_TAKEN_BACK.search("student, wait no, i graduated in may")
    assert taken_back.group("rest") == "i graduated in may"


@pytest.mark.parametrize("text, question, point", [
    ("depends, if the area is interesting id go deep, if not id rather spread out", "breadth", 3),
    ("5 yep", "brand", 5),
    ("2 i suppose", "structure", 2),
    ("hmm hard one, i like both. neutral", "breadth", 3),     # "hard one" is no 1
    ("yes... well, no actually. i think i want to specialize", "breadth", 2),
])
def test_a_condition_both_ways_a_number_confirmed_and_a_no_actually(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    ("Not unimportant, no.", "brand", 4),                       # a double negative is a yes
    ("Can't say it doesn't matter to me.", "brand", 4),
    ("I wouldn't say I'm uncomfortable with risk", "risk", 4),
    ("Not everybody needs a ladder to climb, but I think I do.", "structure", 4),
    ("Not everyone can stomach a startup's ups and downs, and I'm probably one who can't.", "risk", 2),
    ("Not everyone can stomach the ups and downs, and I am one who cannot.", "risk", 1),
    ("Not everyone wants to be a specialist, but I do.", "breadth", 2),   # the others want the opposite
    ("I'd take a messy startup sprint over a slow big-co planning cycle, most of the time", "pace", 4),
    ("meh, I'd pick deep and narrow over wide and shallow", "breadth", 2),
    ("I lean the other way, towards big tech's user numbers", "impact", 2),
    ("I wouldn't say I'm chasing prestige, but the network does matter to me.", "brand", 4),
])
def test_answers_easy_to_turn_round(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    ("Put me down for a 5.", "pace", 5),                        # a rating stated in words
    ("My answer would be a 2.", "impact", 2),
    ("I like having a roadmap. It's a yes from me, a soft one.", "structure", 4),   # "a soft one" is no 1
    ("Can I skip this?", "salary", 3),                          # asking to skip is skipping
    ("can we skip this one?", "impact", 3),
    ("promotion criteria?? hard pass lol", "structure", 1),     # "hard pass" is no skip
    ("meh, no strong opinion either way", "scale", 3),          # no "meh no" before a neutral phrase
    ("yeah sure! oh wait, the mortgage. let me rethink... I'd lean against it", "risk", 2),
    ("Not a thrill-seeker, but ambiguity doesn't scare me either. I'd lean toward agree.", "pace", 4),
    ("eh, I could live without it", "salary", 2),
    ("I manage in it; I wouldn't say I thrive.", "pace", 2),
    ("Hard to say. I cope fine, but I wouldn't say I thrive or suffer.", "pace", 3),
    ("it's ok, not that fascinating to me", "scale", 2),
    ("nah, don't care... ok, maybe a little. the network would be nice. agree-ish", "brand", 4),
    ("yes! or... no? honestly I keep going back and forth, put me down as neutral", "risk", 3),
    ("I don't just cope with ambiguity, I go hunting for it.", "pace", 4),   # was 2, the wrong way round
    ("Clear criteria are a must-have, not a nice-to-have.", "structure", 5),
    ("I want a steady paycheck and a company that still exists in five years. Not comfortable at all.", "risk", 1),
    ("i'd prefer it, but it's not a dealbreaker", "structure", 4),
    ("I'd prefer it if my income stayed steady", "risk", 2),   # the pronoun does not end its clause
    ("I like it focused on one thing", "breadth", 2),
    ("It matters more than salary, more than the title, more than anything.", "impact", 5),
])
def test_stated_ratings_skips_leans_and_verbs_denied(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    # from probe11's first-run misses, each read the wrong way round before
    ("No, messy situations don't stress me out — I actually do pretty well in them.", "pace", 4),
    ("No, failing doesn't frighten me in the slightest. Bring on the upside.", "risk", 5),
    ("no, chaos scares me", "pace", 1),                          # a worry said, not denied
    ("Somewhat uncomfortable with that, yeah.", "risk", 2),      # the statement's word turned round by "un"
    ("I'm not uncomfortable with it", "risk", 4),
    ("Sure, because watching my employer run out of runway sounds super relaxing. Not a chance.", "risk", 1),
    ("Sure, because a logo on a lanyard is what makes life meaningful. Not at all for me.", "brand", 1),
    ("No way I'd give up a solid salary and benefits. Must-have.", "salary", 5),
    ("No way I'd join a place where promotions are random. I want the rubric.", "structure", 5),
    ("No way I'd join a startup, too risky", "risk", 1),
    # and more of its misses, asked again before
    ("What's the worst that happens, I find another job? I'd lean agree.", "risk", 4),
    ("Rollercoaster over a flat line, every time. Count me in.", "risk", 5),
    ("Let's leave this one blank.", "salary", 3),
    ("rather not answer this one", "scale", 3),
    ("It's the reverse for me, I love squeezing results out of tiny datasets.", "scale", 1),
    ("a good salary would be nice but i'd trade some for the right team, so it's a wash for me", "salary", 3),
    ("Fast-paced I like, ambiguous I don't, so it kind of cancels out. Middle of the road.", "pace", 3),
    # a thing on a side named as the one wanted
    ("I never again want to worry whether payroll will clear. big reliable paycheck or nothing", "salary", 5),
    ("I'd hate building something only 200 people use, even if everyone knew I made it. reach is what I'm after",
     "impact", 1),
    # a concluding phrase that says how strongly sets the point
    ("Ten years ago I wanted my fingerprints on everything; now I'm happy being a small part of something huge. "
     "Mild no.", "impact", 2),
    ("I'd rather find my own way than climb someone else's ladder. Strong no.", "structure", 1),
    # "a must" says how strongly (make chat: "yes, a must" was noted as a 4)
    ("yes, a must", "salary", 5),
])
def test_answers_a_hasty_reader_turns_round(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, value", [
    ("No green card yet, so yes, I'd need sponsoring.", "needs_sponsorship", True),   # the "so" answers
    ("I wish I had a cushion, but no, barely any savings.", "low_runway", True),    # a "but no" need not
    # the model unsure of the whole (probe36: 0.59), sure of the conclusion
    ("it'd be no if my partner's permit covered me, but we're not married yet, so right now my permit comes "
     "through my job", "needs_sponsorship", True),
])
def test_a_yes_no_answered_after_so(text, question, value):
    assert READER.read_yes_no(text, question).value is value


@pytest.mark.parametrize("text, stage", [
    ("Not a new grad, not yet — I have one more semester.", "student"),
    ("Not a new grad anymore, I've been working for 3 years.", "early"),
])
def test_a_stage_said_not_to_be_ones_own(text, stage):
    assert READER.read_stage(text).value == stage


@pytest.mark.parametrize("text", ["not unworried tbh", "not under pressure", "not unless they pay more"])
def test_a_denied_worry_or_a_word_that_only_starts_with_un_is_no_double_negative(text):
    assert reader.litotes(text) == 0


@pytest.mark.parametrize("text, question, value", [
    # found in `make chat`: "yes wait no" was one clause, read as nothing, and the runway words as a priority
    ("yes wait no, I have about a year of savings", "low_runway", False),
])
def test_a_change_of_mind_without_commas(text, question, value):
    assert READER.read_yes_no(text, question).value is value


@pytest.mark.parametrize("text, question, point", [
    # an answer to the person's own question, then one to the statement
    ("Living on equity promises like some of my friends? No way. Strongly agree, I want the money in my account.",
     "salary", 5),
    # a thing alone with a verdict, or a lean towards it
    ("I pity people who spent a decade on one framework and then watched it die. Wide and fast, every time.",
     "breadth", 5),
    ("stability, every single time", "risk", 1),
    ("Being able to do data, modeling and deployment seems more useful than being narrow, so I lean breadth.",
     "breadth", 4),
    # "who needs X?": nobody
    ("who needs a fat paycheck when the work is fun? not me", "salary", 1),
    ("who wants safe and boring? roll the dice", "risk", 5),
    # a side said not to be for the person
    ("Generalist life is absolutely not for me.", "breadth", 1),
    ("Salary is not a must at all, the work is what counts", "salary", 1),
    # others envied, then the person's own turn
    ("I envy people who can roll with chaos, but that's not quite me.", "pace", 2),
    # declined, or an idiom of liking
    ("eh, i'd pass", "risk", 2),
    ("can't say it floats my boat", "scale", 2),
    ("massive clusters really float my boat", "scale", 5),
    ("My manager keeps pitching the big-data team to me, and I keep politely saying no thanks.", "scale", 2),
    # a neutral ending
    ("Depends on the problem. Scale for its own sake, no; scale in service of something interesting, sure. "
     "Neutral overall.", "scale", 3),
    ("Never had either, honestly. My only job was internal tooling for 30 people, so I can't say.", "impact", 3),
    # a situation the person would leave over, or be glad of
    ("Tell me I'm rotating across five areas this year and I'd be job hunting immediately.", "breadth", 1),
    ("If they took away the promotion ladder, I'd quit.", "structure", 5),  # the side taken away is wanted
    ("put me somewhere without big data and I'd be job hunting", "scale", 5),
    ("if they handed me a 10k GPU cluster I'd be over the moon", "scale", 5),
])
def test_questions_asked_first_verdicts_situations_and_sides_declined(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_rhetorical_who_that_the_person_answers_is_no_rhetoric():
    assert reader.rhetoric_said_plainly("who wants scale? me!") is None


def test_a_lean_is_no_verdict_where_the_person_passes_on_the_thing():
    assert reader.verdict_on_side("I'd pass on stability any day", "risk", READER.k) == 0


@pytest.mark.parametrize("text, question, direction", [
    # probe21's: a preference said of one thing alone, and a thing said to be better (all had been asked again)
    ("I prefer to touch a bit of everything.", "breadth", 1),
    ("I'd rather go deep now. I'm generalist since six years and it shows.", "breadth", -1),
    ("Direct impact is more satisfying for me, I think.", "impact", 1),
    ("I think influence on millions is more meaningful than one product.", "impact", -1),
    ("I'd rather not go deep", "breadth", 0),   # denied: the model's
    ("I prefer flexibility over a rigid promotion track", "structure", 0),  # two things compared: COMPARISON's
])
def test_a_thing_preferred_or_said_to_be_better(text, question, direction):
    assert reader.verdict_on_side(text, question, READER.k) == direction


@pytest.mark.parametrize("text, stage", [
    ("been a staff engineer since 2019", "senior"),                     # the level, whatever the years
    ("I report to a staff engineer, I've been here 2 years", "early"),  # someone else's level
    ("3rd year postdoc after my phd", "early"),  # a postdoc's years are work (REST, in my own words: student)
    ("My first job was on Hadoop clusters back in 2010.", "senior"),
    ("Two years at a startup that died, then three at Microsoft.", "mid"),
])
def test_a_senior_level_a_career_begun_in_a_year_and_years_added_up(text, stage):
    assert READER.read_stage(text).value == stage


@pytest.mark.parametrize("text, value", [
    ("I do. I'm an EU citizen working in the US on an L-1, so I'd need a new visa to switch.", True),
    ("it doesn't, I'm a citizen", False),
])
def test_the_questions_do_answered_first(text, value):
    assert READER.read_yes_no(text, "needs_sponsorship").value is value


@pytest.mark.parametrize("text, question, point", [
    # from probe15's misses: a chat vote is a plain agree or disagree, no rating of 1
    ("+1", "pace", 4),
    ("-1, i like safe", "risk", 2),
    # a change of mind on a new line, after "nvm" or "hm"
    ("yes\nnvm, prob not, i like calm", "pace", 2),
    ("yes\nhm no, not rly fascinated", "scale", 2),
])
def test_chat_votes_and_changes_of_mind_on_a_new_line(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_chat_vote_answers_a_yes_no_question():
    assert READER.read_yes_no("+1", "needs_sponsorship").value is True
    assert reader.rating_number("+1") is None


@pytest.mark.parametrize("text, question, point", [
    # from probe14's misses: a side that never mattered, appealed or tempted does not move the person
    ("Depth has never appealed to me, not once.", "breadth", 5),
    ("Prestige is not really what motivates me.", "brand", 2),
])
def test_a_side_that_never_mattered_or_appealed(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    # from probe16's misses: an answer phrase weighed by the words around it concludes the answer
    ("Mastery of one area isn't really what I'm chasing right now. Mostly agree.", "breadth", 4),
    ("Depth is way overrated for me right now. Definitely agree!", "breadth", 5),
    ("Tiny datasets put me to sleep. 100% yes.", "scale", 5),
    ("Total freedom with no levels? Terrible idea for me. Definitely agree.", "structure", 5),
    # and says how strongly (probe2)
    ("logo on my CV? maybe impresses my aunties but for me personally, strongly no", "brand", 1),
])
def test_a_weighed_answer_phrase_concludes(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_weighing_word_alone_concludes_nothing():
    k = READER.k
    assert reader.conclusion("I love routine, mostly.", k) is None
    assert reader.conclusion("routine, definitely routine", k) is None


@pytest.mark.parametrize("text, question, point", [
    # from probe14's misses: the other side dismissed, by the knowledge file's words for it
    ("Routine isn't really for me, I think.", "pace", 4),
    ("Obscure companies aren't really for me.", "brand", 4),
    ("A steady paycheck isn't that important to me, honestly.", "risk", 4),
    ("Scale isn't really my thing.", "scale", 2),
    # a "Never." that says the never again is no answer of its own
    ("Small data has never excited me. Never.", "scale", 5),
    # a choice between two things named first
    ("Between stability and a bigger payday, I'd take the payday.", "risk", 5),
    ("between depth and breadth, i'd pick depth", "breadth", 2),
    # a sure thing is the safe side, lottery tickets the risky one (found in make chat)
    ("who'd trade a sure thing for lottery tickets? not me", "risk", 1),
])
def test_the_other_side_dismissed_a_never_echoed_and_a_choice_between(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text", ["savings ~0", "0 savings", "savings? basically zero"])
def test_no_savings_at_all_is_a_short_runway(text):
    assert situation.runway_months(text) == 0.0
    assert READER.read_yes_no(text, "low_runway").value is True


def test_a_graduation_to_come_is_a_student():
    assert READER.read_stage("ms, grad in may").value == "student"
    assert READER.read_stage("i graduate in june").value == "student"
    assert READER.read_stage("graduated in may").value == "new_grad"


@pytest.mark.parametrize("text, question, point", [
    # from probe14's misses: the other side asked back and answered alone is the statement turned round
    ("Specialization? Hard pass.", "breadth", 5),
    ("Small problems on a laptop? Never interested me, not once.", "scale", 5),
    ("User numbers? Meh, not my motivation.", "impact", 4),  # an idiom answers too (found in make chat)
    ("Job security? Meh, not a priority right now.", "risk", 4),  # four words denied (make chat)
    ("Explaining my no-name startup at every party? Never again.", "brand", 5),  # "no-name" names it
    # the statement answered after the thing asked, a question of one's own, a side named in the answer
    ("Routine? Never. Strongly agree.", "pace", 5),
    ("A little risk is fine, but trading stability away? Mostly no.", "risk", 2),
    ("Why would I care who sees my work if it helps millions? Definitely disagree.", "impact", 1),
    # the other side given up for the statement's, asked back and refused (probe32: read 5)
    ("swap a guaranteed place on the team for a long-shot trial? no chance", "risk", 1),
    ("leave a safe job for a lottery ticket? never", "risk", 1),
    # "couldn't care less" ending its clause says no (probe32: asked again)
    ("small datasets? couldn't be less interested", "scale", 5),
    ("couldn't care less", "brand", 1),
])
def test_the_other_side_asked_back(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, direction", [
    # a feeling whose subject names a side: the other side's bored subject is a yes
    ("Honestly small data bores me.", "scale", 1),
    ("huge datasets bore me to death", "scale", -1),
    ("Routine bores me.", "pace", 1),
    ("Career ladders are tedious.", "structure", -1),
    ("Going deep excites me.", "breadth", -1),
    ("Small data doesn't excite me.", "scale", 1),
    ("Lean years are completely off the table for me.", "salary", 1),
    ("A calm nine-to-five with everything planned would be my personal nightmare.", "pace", 1),
    ("Scrappy, tiny setups aren't really my thing.", "scale", 1),
    ("Routine doesn't bore me, honestly.", "pace", -1),
    ("A no-name employer would be a step back for me.", "brand", 1),
    ("Reach doesn't appeal to me much.", "impact", 1),
    ("Obscure startups are ok with me.", "brand", -1),
    ("Being a specialist sounds kinda limiting.", "breadth", 1),
    ("Small-scale stuff doesn't hold my attention.", "scale", 1),  # the longest side words first
    ("Massive datasets are about as exciting as doing my taxes.", "scale", -1),  # the idiom of boredom
    ("Routine is about as exciting as it gets for me.", "pace", 0),  # "as it gets" is no idiom of boredom
    ("Low pay would worry me.", "salary", 0),  # "low" takes the pay away
    ("Tiny datasets bore me; I want clusters.", "scale", 0),  # was -1, the wrong way round (make chat)
    # only at times, a thing denied or taken away, a thing on no side, no noun phrase
    ("Some weeks the chaos energizes me, other weeks I just want a quiet plan", "pace", 0),
    ("No structure stresses me out.", "structure", 0),
    ("Ambiguity about promotion is a dealbreaker.", "structure", 0),
    ("Ambiguity stresses me out.", "pace", -1),
    ("My commute bores me.", "scale", 0),
    ("Honestly, I love it, small data bores me.", "scale", 0),
    # a thing that takes the side away: the other side
    ("Losing the job security doesn't scare me.", "risk", 1),
    ("Giving up the big paycheck doesn't stress me.", "salary", -1),
    ("Security doesn't scare me.", "risk", -1),
    # "a bit of a ..." is an idiom, not a feeling only some of the time ("a bit of chaos is fun")
    ("A no-name employer would feel like a bit of a step back for me.", "brand", 1),
])
def test_a_feeling_about_a_side(text, question, direction):
    assert reader.felt_side(text, question, K) == direction


@pytest.mark.parametrize("text, question, direction", [
    ("I don't think I need much job security at my age.", "risk", 1),
    ("honestly i don't really care about the brand", "brand", -1),
    ("I don't miss the routine of my old bank job one bit.", "pace", 1),
    ("no real interest in massive datasets", "scale", -1),
    ("Zero interest in user counts, whatever the company.", "impact", 1),
    ("I never chase promotions", "structure", -1),
    ("I'd prefer not to work somewhere obscure.", "brand", 1),
    ("I'd rather not have to deal with ambiguity every day", "pace", -1),
    # the thing taken away or denied, or on no side
    ("I don't want to lose the stability.", "risk", 0),
    ("I don't need no ladder.", "structure", 0),
    ("I don't need a fancy office.", "brand", 0),
])
def test_a_want_denied(text, question, direction):
    assert reader.want_denied(text, question, K) == direction


@pytest.mark.parametrize("text, question, point", [
    ("Small problems on a laptop bore me to tears.", "scale", 5),  # was 1, the wrong way round
    ("Specialising early? nah", "breadth", 4),  # a side's word in any form, asked back (make chat: was 2)
    ("Zero routine? No problem at all, I love it.", "pace", 5),  # was 1, the wrong way round
    # the other side asked back, then a point granted: what follows the turn answers (probe18's kind: was 1)
    ("A safe job? Sure, in theory it's nice. In practice I'd go stir-crazy and regret never taking the leap. "
     "All in, absolutely.", "risk", 5),
    ("Predictable sprints? Sure, in theory they're calm. In practice I'd get restless within a month. Give me "
     "the chaos, absolutely.", "pace", 5),
])
def test_the_other_side_read_in_its_words(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_the_statement_quoted_back_is_no_other_side_asked():
    # "reaching" is a form of "reach", the other side, inside the statement's own comparison
    text = "'matters more than reaching millions'? no, for me it's the other way round"
    assert READER.read_agreement(text, "impact").value in (1, 2)


def test_a_side_word_inside_the_other_sides_phrase_names_nothing():
    assert reader._side_named("small datasets bore me", K.criteria["scale"]) == -1
    assert reader._side_named("datasets bore me", K.criteria["scale"]) == 1


# Answers dictated by voice (probe22): speech recognition types no commas, so the clause an answer word
# ends, a change of mind and a rating said last have nothing to mark them.
@pytest.mark.parametrize("text, question, point", [
    ("uh disagree no sorry agree i mean it does matter more to me", "impact", 4),  # was 2, the wrong way round
    ("i don't really thrive in that no", "pace", 2),  # was asked again
    ("not that keen no", "structure", 2),  # was asked again
    ("no freaking way i need things organized", "pace", 1),  # was asked again
    ("uh i mean i'm a phd student so it's kind of ambiguous by default but i don't thrive in it i'd say two",
     "pace", 2),  # was asked again
    ("i have equity and i believe in it so yeah absolutely", "risk", 5),  # was 4
    ("no wait i mean i'm a specialist and proud of it so strong disagree", "breadth", 1),  # was 2
    ("so yeah it depends on the day some weeks i like it some weeks i don't when a client changes everything "
     "on friday night i hate it but sometimes the rush is fun so i really can't say", "pace", 3),  # was 4
    ("kinda? not sure", "brand", 3),  # was 4 (probe15's)
    # both answer words, or a yes or no said of something: no conclusion of its own
    ("sometimes yes sometimes no", "scale", 3),
])
def test_a_dictated_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_swear_word_inside_the_opening_answer_only():
    assert reader.sworn_opening("hell fucking yes") and reader.sworn_opening("oh no freaking way")
    assert not reader.sworn_opening("yes i fucking hate meetings though")
    assert reader.lead_direction("no bloody way, i need a plan", K) == -1
    assert reader.conclusion("sometimes yes sometimes no", K) is None
    assert reader.conclusion("i said no", K) is None
    assert reader.conclusion("i don't really thrive in that no", K) == -1


# Answers written in a formal, understated register (probe23, and REST chats in that voice): a verdict in
# measured words opening the answer, said after "so", or a no denied ("not averse").
@pytest.mark.parametrize("text, question, point", [
    ("I should think not, on the whole.", "risk", 2),  # was 5, the wrong way round
    ("I could hardly agree more; I am at my best when nobody quite knows what happens next.", "pace", 5),  # was 2
    ("Not greatly, though I concede that it helps with investors now and then.", "brand", 2),  # was 4
    ("It would be an overstatement to call it a must.", "salary", 2),  # was 5, the wrong way round
    ("I am not entirely averse to it.", "risk", 4),  # was 1, the wrong way round
    ("I am by no means averse to a measure of risk.", "risk", 4),  # was 1
    ("I would not be opposed to it.", "risk", 4),  # was 2
    ("By no means. I would much prefer to become very good at one thing.", "breadth", 1),  # was 2
    ("In no sense a must. My last base was 40% under market and I never noticed.", "salary", 1),  # was 5 (probe27)
    ("In no way important to me.", "brand", 1),
    ("I am in no way averse to it.", "risk", 4),  # a no denied (NOT_REFUSED) stays a yes
    ("I could not care less, frankly. Reputation in my field rests on one's papers.", "brand", 1),  # was 2
    ("Entirely. I would not consider a role without it.", "salary", 5),  # was asked again
    ("I would be rather reluctant to, I must admit.", "risk", 2),  # was asked again
    ("I've only just started earning, so I'd be reluctant.", "risk", 2),  # was asked again
    ("I work best with a settled plan, so I should say that describes me rather poorly.", "pace", 2),
    ("Perhaps a three. I can manage ambiguity, though I wouldn't go looking for it.", "pace", 3),
    ("I'm in two minds; my family would worry, but the upside is tempting.", "risk", 3),  # was 2
    ("It does not matter to me in the least.", "brand", 1),  # was asked again
    ("Oh, absolutely; I am happiest when the plan is still being written.", "pace", 5),  # was asked again
    # a thing said to matter little: the statement's side a mild no, the other side a mild yes (REST)
    ("Brand matters little to me, if at all.", "brand", 2),  # was asked again
    ("Prestige counts for little", "brand", 2),  # was 4, the wrong way round
    ("Reach matters little to me.", "impact", 4),
    # a thing one could not do without: the statement's side wanted (probe23: asked again)
    ("As the sole earner in our household, I could not even contemplate a post without one.", "salary", 5),
    ("I would find it very hard indeed to work anywhere without clear promotion criteria.", "structure", 5),
])
def test_a_formal_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_formal_verdict_only_as_a_clause_of_its_own():
    assert reader.formal_verdict("I couldn't possibly, not with three children to support.") == 1
    assert reader.formal_verdict("I couldn't possibly say.") is None  # no verdict: "possibly" goes on
    assert reader.formal_verdict("I think not only about the pay.") is None
    # words that grant a point before a comma are a verdict only as a sentence of their own
    assert reader.formal_verdict("Certainly. The name opens doors.") == 5
    assert reader.formal_verdict("Certainly, the name helps, but I'd rather build my own.") is None
    assert reader.formal_verdict("By and large, I prefer depth.") is None
    assert reader.not_refused("I'm not averse to depth, frankly.", "breadth", K) == -1  # the other side


@pytest.mark.parametrize("text, point", [
    # formal idioms the model had the wrong way round or could not read (my own REST-style probes)
    ("I beg to differ.", 2),  # was 4
    ("I'd be hard pressed to disagree.", 4),  # was 2
    ("I have reservations.", 2),  # was 4
    ("I have serious reservations.", 1),  # was 4
    ("That doesn't ring true for me.", 2),  # was 3
    ("I am of the same view.", 4),  # was 3
    ("I concur.", 4),  # was asked again
    ("Without a shadow of a doubt.", 5),  # was asked again
    ("I'm not persuaded that it matters.", 2),  # was asked again
    # a verdict that the answer then concludes against is not the answer
    ("I have reservations, but on balance, yes.", 4),
])
def test_a_formal_idiom(text, point):
    assert READER.read_agreement(text, "structure").value == point


def test_a_thing_needed_only_where_one_could_not_do_without_it():
    assert reader.needed_without("I couldn't work without a ladder", "structure", K) == 1
    assert reader.needed_without("I could happily work without one.", "structure", K) == 0
    # avoiding a job without a thing is no need of it (probe20's, read 3)
    assert reader.needed_without("I wouldn't pick a job because of them or avoid one without them.", "structure",
                                 K) == 0


# The statement's topic named first, then the answer to it (probe24, people venting): the topic's words alone
# had read as a yes.
@pytest.mark.parametrize("text, question, point", [
    ("Brand name... I'm neutral on that. Nobody at the bar knows what my team does anyway.", "brand", 3),  # was 5
    ("Salary, eh, I'm neutral. Never had one, hard to say whether it's a must.", "salary", 3),  # was 5
    ("Career ladder, no idea. I don't even know what L4 means.", "structure", 3),  # was 5
    ("Brand... doesn't matter that much to me. I'd rather have a manager who isn't a jerk.", "brand", 2),  # was 4
    ("Brand? Means nothing. Hated the lanyard.", "brand", 1),  # was asked again
    ("Breadth, depth... I could go either way honestly.", "breadth", 3),  # was 5: both sides named
])
def test_a_topic_named_first(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_what_follows_a_topic_is_its_answer_only_where_sure():
    # the statement's side set apart: what follows answers it, either way
    assert reader.topic_named_first("Brand? Means nothing.", "brand", K) == (1, "Means nothing.")
    # the other side, or a topic not set apart, is answered for sure only by an undecided rest
    assert reader.topic_named_first("Stability, please, forever.", "risk", K) == (None, "please, forever.")
    assert reader.topic_named_first("Stability? Please!", "risk", K) == (-1, "Please!")
    assert READER.read_agreement("Stability, please, forever.", "risk").value == 1
    # no topic: a comparison, a negated side, a sentence
    assert reader.topic_named_first("equity > salary, mostly", "salary", K) is None
    assert reader.topic_named_first("No brand, no problem.", "brand", K) is None
    assert reader.topic_named_first("A reliable salary would be good, given the loans.", "salary", K) is None


# People venting (probe24): a thing put first or asked for, a side one leans away from, a thing said not to be
# what matters, a choice one cannot make.
@pytest.mark.parametrize("text, question, point", [
    ("I'm terrified of losing this job. Stability first, second and third.", "risk", 1),  # was asked again
    ("The startup died and my options with it. Stability, please, forever.", "risk", 1),  # was asked again
    ("Visible impact is absolutely not what matters to me. It's just a slide in someone else's deck.", "impact",
     1),  # was 5, the wrong way round
    ("Money is not what I'm after.", "salary", 2),
    ("I've had enough instability in my life for a while. I'd lean away from risk.", "risk", 2),  # was 4
    ("so I lean towards risk.", "risk", 4),
    ("Not sure, 50/50. I haven't shipped anything yet, so how would I know?", "impact", 3),  # was asked again
    ("Hmm, can't pick between breadth and depth. My seniors give me opposite advice.", "breadth", 3),  # the same
    ("My work permit depends on keeping this job. I can't take risks, none.", "risk", 1),  # was asked again
    ("A big base and benefits are nowhere near a must anymore. I've got enough saved, what I'm short on is joy.",
     "salary", 1),  # was asked again
    ("Everything, all at once, right now!! Going deep is for people with patience.", "breadth", 5),  # was 1
    ("Stability is for people with families, like me.", "risk", 1),  # one of them
    # said of others, not of oneself (probe's)
    ("Twenty years in numerical optimization. Generalists are what you hire when you cannot afford a specialist.",
     "breadth", 1),
])
def test_a_vented_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


def test_a_choice_not_made_is_undecided_only_where_nothing_follows_it():
    assert reader.neutral_lead("can't pick between breadth and depth", K)
    assert not reader.neutral_lead("I can't choose between them, but if forced, depth.", K)


# A thing one has had enough of (REST, typing as people venting): "fed up with predictability" had read 2 at pace,
# the wrong way round; "tired of chaos" and "sick of the routine" had been asked again.
@pytest.mark.parametrize("text, question, side", [
    ("fed up with predictability, honestly", "pace", 1),
    ("I'm so sick of the routine", "pace", 1),
    ("tired of chaos", "pace", -1),
    ("sick of vague promotion criteria", "structure", 0),  # the criteria run down, not the thing had enough of
    ("I'm so tired of being scared about money", "salary", 0),  # a doing
])
def test_a_thing_one_has_had_enough_of(text, question, side):
    assert reader.fed_up(text, question, K) == side
    if side:
        assert (READER.read_agreement(text, question).value - 3) * side > 0


def test_an_answer_to_another_statement_is_not_read_as_this_one():
    # typed ahead or behind: the other statement's topic asked and answered, or one of its sides alone (REST)
    assert reader.other_topic_answered("salary? yes. rent is insane", "impact", K) == "salary"
    assert reader.other_topic_answered("honestly? depth. i'm tired of doing everything badly", "pace",
                                       K) == "breadth"
    assert READER.read_agreement("salary? yes. rent is insane", "impact").value is None  # was 5
    assert READER.read_agreement("honestly? depth.", "pace").value is None  # was 1
    assert READER.read_agreement("lol ladders? NO.", "breadth").value is None  # was 1
    # this statement's side named, a sentence going on after a comma, or more than an answer word after the topic
    assert reader.other_topic_answered("Scale? meh, I'd rather see my work ship", "impact", K) is None
    assert reader.other_topic_answered("A predictable, secure job suits me more, mostly.", "risk", K) is None
    assert reader.other_topic_answered("Salary? It pays the rent, and I like my work to ship.", "impact",
                                       K) is None


def test_a_stage_told_with_an_offer_at_the_stage_question_is_no_interruption():
    # probe30: "I need a few more answers first", and the stage asked again
    typed = "4 years at Amazon, now holding an offer from a seed startup"
    assert reader.is_interruption(typed, "ask_recommendation", 0.95, K)  # typed at a statement: an opener
    assert not reader.is_interruption(typed, "ask_recommendation", 0.95, K, "stage")
    # a question, or a command, is still one
    assert reader.is_interruption("4 years in, should I take the offer from Google?", "ask_recommendation", 0.95,
                                  K, "stage")
    assert reader.is_interruption("stop for now, I'm 4 years in", "stop", 0.95, K, "stage")
    # a stage stated outright, not one the stage model finds in an aside (asides_probe: taken as senior)
    assert not reader.stage_told("Clarify whether 'Senior' is about years or title.", K)


@pytest.mark.parametrize("text, point", [("a little", 4), ("A little bit.", 4), ("slightly", 4), ("a tad", 4),
                                         ("only a little", None), ("not a lot", 2)])
def test_an_amount_alone_says_how_much_one_agrees(text, point):
    # "a little" to "how much do you agree?" agrees a little, as "a bit" does (REST: asked again)
    assert READER.read_agreement(text, "brand").value == point


@pytest.mark.parametrize("text, question", [("pace", "pace"), ("Scale!!", "scale"), ("hmm, brand", "brand"),
                                            ("speed", "pace"), ("salary.", "salary")])
def test_the_statements_own_topic_alone_is_asked_again(text, question):
    # "pace" at pace says what the answer is about, not which way (REST: noted as 4)
    assert reader.own_topic_alone(text, question, K)
    assert READER.read_agreement(text, question).value is None


@pytest.mark.parametrize("text, question, point", [("depth", "breadth", 2), ("direct impact!!!", "impact", 5),
                                                   ("reach.", "impact", 2)])
def test_a_side_named_where_the_statement_weighs_two_is_an_answer(text, question, point):
    # "rather ... than", "more ... than": naming one side chooses it
    assert not reader.own_topic_alone(text, question, K)
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text", [
    "honestly? depth. i'm tired of being the person who does everything badly",  # was a new grad (REST)
    "im so sick of the routine",  # was senior
])
def test_an_answer_to_a_statement_is_no_career_stage(text):
    assert READER.read_stage(text).value is None


@pytest.mark.parametrize("text, stage", [
    ("got my diploma last week", "new_grad"),  # no time, study or work word the guard needs: no side named
    ("depth-focused researcher, ten years in", "senior"),
])
def test_a_stage_told_beside_a_side_is_still_read(text, stage):
    assert READER.read_stage(text).value == stage


def test_a_shouted_word_does_not_leave_an_answer_unread():
    # "MOVE" pulled the model to both extremes (REST: asked again); read as typed without capitals
    assert READER.read_agreement("i want things to MOVE", "pace").value == 4
    assert reader.CAPITALS.search("i want things to MOVE")
    # acronyms and "OK" are no shouting: "OK, the giant clusters are impressive. ..." (probe18) stays asked again
    assert not reader.CAPITALS.search("OK, the NHS pays peanuts, as my CV shows")


# A statement closed by a tag asking to be agreed with is an answer, not a question (REST and probe24: asked again)
@pytest.mark.parametrize("text, question, value", [
    ("I'd lean towards reaching more people over a small, visible win. That's the point of publishing, isn't it?",
     "impact", 2),
    ("A good salary matters, doesn't it?", "salary", 4),
    ("Why would anyone want chaos, right?", "pace", 1),  # a question before the tag stays one: rhetorical here
])
def test_a_tag_question_closing_an_answer(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_tag_question_does_not_take_an_answer_for_a_question():
    assert reader.without_tag("Fast is more fun, isn't it?") == "Fast is more fun"
    assert reader.without_tag("why would I, right?") is None
    assert reader.without_tag("is that right?") is None
    assert not reader.is_interruption("A good salary matters, doesn't it?", "ask_factor", 0.9, K)


# Industry shorthand (probe25): a closing vote, "X or bust", "would rather not" after a story, a question about one
# thing after a sentence about the other, a confirmation after a side named
@pytest.mark.parametrize("text, question, value", [
    ("clear RE -> senior RE bar is nice to have for perf season. +1", "structure", 4),  # was 5
    ("equity lottery, again? -1", "risk", 2),
    ("2 yrs on a 0.3% metric lift no one ever saw. visible impact or bust", "impact", 5),  # was asked again
    # was asked again
    ("did the startup thing in 2014, permanent ambiguity wore me down. would rather not", "pace", 2),
    ("deep credit-risk modelling since 2009. broad and shallow? never", "breadth", 1),  # was 5
    ("Routine is where I do my best work, no question about it, and I protect it fiercely.", "pace", 1),  # was 5
    # an answer that ends undecided in shorthand; a side that beats something that is no side; a doing never to be
    # done again
    ("scale is fun once you earn it, also overhyped. genuinely mixed", "scale", 3),  # was 4
    ("base matters some, benefits (esp. health cover) matter some. mid", "salary", 3),  # was 4
    ("logo on the CV: some recruiter pull, some golden handcuffs. nets to zero", "brand", 3),  # was 1
    ("brand, honestly never thought about it, don't know what to put", "brand", 3),  # was 5
    ("brand >>> most things", "brand", 5),  # was asked again
    ("never again explaining what my startup does at every party", "brand", 5),  # was 1
    ("never again working for a no-name startup, I want a logo people know", "brand", 5),  # was 1
    ("never again working somewhere with no ladder", "structure", 5),  # was 1
    ("never again gambling my savings on startup equity", "risk", 1),
])
def test_an_answer_in_industry_shorthand(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_side_beats_only_what_its_own_clause_sets_against_it():
    assert reader.compared_side("promo packet rubric is tedious, but a written ladder beats founder vibes",
                                "structure", K) == 1  # read the wrong way round by the fault granted first
    # "direct impact" is in another sentence than what beats: no side beats anything here
    assert reader.compared_side("I care about direct impact a little. A quiet fix that helps everyone beats a "
                                "flashy feature.", "impact", K) == 0


def test_a_clipped_story_is_no_question():
    # "did the startup thing": no subject and no question mark (probe25: taken for a question, never read)
    assert not reader.is_interruption("did a co-op at a 12-person seed co, loved every chaotic minute",
                                      "ask_recommendation", 0.9, K)
    assert reader.is_interruption("did the startup pay you well?", "ask_factor", 0.9, K)
    assert reader.is_interruption("do startups pay well", "ask_factor", 0.9, K)


# A degree finished in a month named without a year, or weeks into work, is a new grad's (probe25: student, early)
@pytest.mark.parametrize("text, stage", [
    ("PhD done in March, L4 IC since May", "new_grad"),
    ("grad'd in Dec, junior DS at a bank since Jan, ~6 wks in", "new_grad"),
    ("graduated in may 2015, 9 yrs at google since", "senior"),  # a year named: the years worked decide
])
def test_a_degree_finished_months_ago(text, stage):
    assert READER.read_stage(text).value == stage


# The very online (probe26): idioms of liking and dislike, a thing asked for, "call it a 3", "i'd rather not trade
# X", undecided endings
@pytest.mark.parametrize("text, question, value", [
    ("ambiguity is my kryptonite mate, give me a spec or give me death", "pace", 1),  # was 5
    ("i'd rather not trade stability this time around", "risk", 2),  # was 4
    ("PLEASE give me written promo criteria, i've heard 'next cycle' three cycles in a row", "structure", 5),
    ("a clear ladder would help me ngl, i still don't know what a senior even does", "structure", 4),
    ("name recognition? some weight, not much, call it a 3", "brand", 3),  # was 2
    ("scale is fine, doesn't excite me or bore me", "scale", 3),  # was 2
    ("brand recognition... honestly no take, could matter could not", "brand", 3),  # was 2
    ("not fascinated, not bored, scale is just a thing", "scale", 3),  # was asked again
    ("the chaos is giving me the ick fr", "pace", 1),
    ("giant datasets are my whole personality lol", "scale", 5),
    ("massive scale is kinda mid to me", "scale", 2),  # was asked again; "mid" said of a thing is so-so
    # not a thing asked for where it is set against another: "give me X over Y" is a comparison's
    ("Shipped a demo at sunrise after two pivots, give me the scramble over a calm, tidy roadmap any day of the "
     "week.", "pace", 5),
])
def test_an_answer_from_the_very_online(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_rating_called_and_not_called():
    assert reader.rating_number("some weight, not much, call it a 3") == 3
    assert reader.rating_number("let's call it a 4, the logo did open doors") == 4
    assert reader.rating_number("I wouldn't call it a 5, but brand helps") is None


def test_a_word_of_the_statements_asked_about_is_no_answer():
    assert reader.is_interruption("define ambiguous", "answer", 0.3, K)
    assert reader.meaning_asked("what counts as visible impact?", K)
    assert not reader.meaning_asked("what does vesting mean", K)  # no word of the statements
    assert not reader.meaning_asked("what counts as ambiguous is fine by me, i like it", K)


# A liking said with an upside-down face is irony (REST: "oh yes i LOVE doing 5 jobs at once 🙃" read 5)
@pytest.mark.parametrize("text, question, value", [
    ("i love a 40-page promo rubric 🙃", "structure", 1),  # the rubric's side by the statement's words
    ("oh yes i LOVE doing 5 jobs at once 🙃", "breadth", None),  # no side in its words: asked again
    ("oh yeah i just love when nothing ever changes and every sprint is the same 🙃", "pace", None),
    ("i love a clear promo rubric", "structure", 5),  # no face, no irony
])
def test_a_liking_with_an_upside_down_face(text, question, value):
    assert READER.read_agreement(text, question).value == value


# Slang that stresses or answers (REST, typing as someone very online): "no cap" is "no lie", not a no; "yolo" is
# no greeting
@pytest.mark.parametrize("text, question, value", [
    ("no cap money is everything", "salary", 5),  # was 1, the wrong way round
    ("chaos is my thing no cap", "pace", 5),
    ("no cap i love chaos", "pace", 5),
])
def test_no_cap_denies_nothing(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_slang_that_answers_is_not_social():
    assert READER.read_yes_no("no cap im on an h1b", "needs_sponsorship").value is True
    assert reader.without_no_cap("no cap on bonuses would be nice") is None  # a cap denied
    assert not reader.is_interruption("yolo honestly", "greet", 0.96, K)  # the classifier's greeting
    assert reader.is_interruption("heyo", "greet", 0.96, K)


def test_the_other_yes_no_questions_answer_words_alone_answer_that_one():
    # "lol no savings, ..." at the visa question answers the runway one (REST: noted as a visa needed)
    assert READER.read_yes_no("lol no savings, living paycheck to paycheck rn", "needs_sponsorship").value is None
    assert READER.read_yes_no("on an h1b lol", "low_runway").value is None
    assert READER.read_yes_no("no. also no savings", "needs_sponsorship").value is False  # answered first
    assert READER.read_yes_no("citizen, but savings are thin", "needs_sponsorship").value is False


# Ratings out of ten or a hundred, put on 1..5 as percentages are (REST: "8 out of 10" was asked again, "3/10"
# read 3); a count of things is no rating
@pytest.mark.parametrize("text, value", [
    ("8 out of 10", 4),
    ("3/10", 2),
    ("2/10, money isn't my thing", 2),
    ("i'd say 9 out of 10", 5),
    ("money: 10/10 priority", 5),
    ("90 out of 100.", 5),
    ("9 out of 10 startups fail", None),
    ("ambiguity: 8/10 comfy", 4),  # a slash rates whatever follows (REST: read 5)
    ("8/10 of my friends hate chaos", None),
    ("startup 8/10, big tech 3/10", None),  # a comparison, two ratings
])
def test_a_rating_out_of_ten(text, value):
    assert reader.rating_number(text) == value


def test_a_figure_said_to_be_the_rating():
    assert reader.rating_number("The state covers the basics here, so benefits are a 1 for me.") == 1  # probe27
    assert reader.rating_number("that's a solid 4 in my book") == 4
    assert reader.rating_number("it's one for me to think about") is None


# A verdict in a short sentence of its own, before a story the model could not read or, as one word, before
# a story that reads the other side (probe27: "Desperately. ..." read 1)
@pytest.mark.parametrize("text, question, value", [
    ("Desperately. Five titles in six years and none of them meant anything.", "structure", 5),
    ("I tolerate it. Thrive would be overselling it after 5 years of quarterly reorgs.", "pace", 2),
    ("I'd lean towards breadth. Depth gets lonely down there.", "breadth", 4),  # probe28: a side named with a lean
    ("no... actually yes, i think im ok with it", "risk", 4),  # a change of mind: the last answer
    ("Inchallah it works... but honestly I am between the two.", "risk", 3),  # the sentence goes on
])
def test_a_verdict_before_its_story(text, question, value):
    assert READER.read_agreement(text, question).value == value


# A short verdict closing a story of no answer word of its own: it decides where the story is unread, and
# against the story's side when a rule reads it (probe28: the hoodie read 5); not after a question or the other
# side named, which it may answer instead, nor "Never again." said of what happened
@pytest.mark.parametrize("text, question, value", [
    ("My hoodie has more brand than any corporation. Couldn't care less.", "brand", 1),
    ("Fast I like. Ambiguous I can live with. So a qualified yes.", "pace", 4),
    ("Vague, political promotions drove me out of my last job. Definitely.", "structure", 5),
    ("Fast and ambiguous is basically New York with a laptop. I'm fine with it.", "pace", 4),
    ("In insurance every process is documented and I loved that. Ambiguity paralyses me completely.", "pace", 1),
    ("One niche forever? Probably not for me.", "breadth", 4),
    ("A chaotic, make-it-up-yourself career path? Love it, no question.", "structure", None),
    # an answer word in the verdict: as sure as the model reads it (probe30: asked again)
    ("The Series A's base can't cover my student loans, Meta's can. That's a must.", "salary", 5),
])
def test_a_verdict_after_its_story(text, question, value):
    assert READER.read_agreement(text, question).value == value


# The conclusion drawn after "so" decides an answer the model could not read whole (probe28, probe14, probe23);
# not a conclusion that goes on into another sentence, which may take it back (probe19), unless that sentence only
# says what another life would give (actions/conditions.py)
@pytest.mark.parametrize("text, question, value", [
    ("Beer is cheap here, children are not, so a steady salary matters.", "salary", 4),
    ("I don't really trust paper money, so a good base matters to me.", "salary", 4),
    ("I haven't yet found the one area I'd want to specialise in, so I'd probably favour breadth.", "breadth", 4),
    ("I'm saving to buy a flat, so right now I lean toward a high, predictable salary with good benefits. If I "
     "were younger and renting, I might care less.", "salary", 4),
    ("I'm saving to buy a flat, so right now I lean toward a high, predictable salary. Then again, I might care "
     "less soon.", "salary", None),
])
def test_a_conclusion_after_so(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_closing_verdict_is_short_and_alone():
    k = reader.default_reader().k
    assert reader.closing_verdict("I grew up poor. Hard pass.", k, "risk") == "hard pass."
    assert reader.closing_verdict("I grew up poor and I still say hard pass to it all.", k, "risk") is None
    assert reader.closing_verdict("Specialization? Hard pass.", k, "breadth") is None
    assert reader.closing_verdict("Depth pays the bills. Hard pass.", k, "breadth") is None  # the other side
    assert reader.closing_verdict("Yes, I grew up poor. Hard pass.", k, "risk") is None  # an answer word before
    assert reader.closing_verdict("My boss promoted his friends. Never again.", k, "structure") is None


# One side granted, then something else preferred: the other side (probe28 and probe18 read 4)
@pytest.mark.parametrize("text, question, value", [
    ("Massive compute is cool, I guess, but I'd rather hustle with one GPU.", "scale", 2),
    ("I get it, the upside could be nice. But I'd rather have something dependable, at least for now.", "risk", 2),
    ("Stability is nice, but I'd rather roll the dice while I'm young.", "risk", 4),
    ("Clear promotion criteria would be nice, I've been in limbo before. Not a must, but I'd prefer them.",
     "structure", None),  # the thing granted is the one preferred
])
def test_a_side_granted_then_something_else_preferred(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_fear_denied_is_ease():
    assert READER.read_agreement("No fear whatsoever.", "risk").value == 5  # probe11: read 1
    assert READER.read_agreement("No fear whatsoever. I'd take equity over salary in a heartbeat.",
                                 "risk").value == 5
    assert READER.read_agreement("no fear of missing out here, i want safety", "risk").value == 2


# People who think in numbers and ML jargon (probe27): undecided said as a risk attitude, equal weights or a flat
# prior; a ratio is no rating; idioms said of a thing
@pytest.mark.parametrize("text, question, value", [
    ("Risk-neutral: show me the EV and the distribution first.", "risk", 3),  # read 5: "risk" as the topic
    ("Risk-neutral, more or less; I'd need to see the actual odds first.", "risk", 3),
    ("Both count the same for me, I'd weight them 1:1.", "impact", 3),  # read 1, from "1:1"
    ("No data on that yet, so my prior is flat.", "pace", 3),
    ("Never tried it, so I can't say. Maybe I'd love it, maybe not.", "pace", 3),
    ("A must? Not even close, I took 45% less than my Google offer.", "salary", 1),
    ("Ladders are sand in the gears. I'd ditch every promo rubric for speed, no question.", "structure", 1),
    ("I left a PhD in year 2 because it moved too slowly. Speed is oxygen.", "pace", 5),
])
def test_an_answer_from_someone_who_thinks_in_numbers(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_a_ratio_is_no_rating():
    assert reader.rating_number("I'd weight them 1:1.") is None
    assert reader.rating_number("call it 60/40") is None
    assert reader.rating_number("3-4") is None  # between two ratings
    assert reader.rating_number("4/5.") == 4


# A weight put on a thing, a preference for it, a comparison without its subject, leaving when a thing comes
# (probe27)
@pytest.mark.parametrize("text, question, value", [
    ("Millions of users and I still can't point at my contribution. Big positive weight on direct impact.",
     "impact", 5),
    ("At my stage going wide would just dilute things; mild preference for depth.", "breadth", 2),
    ("zero weight on the brand", "brand", 1),
    ("I'd leave immediately if someone handed me a rubric.", "structure", 1),
    ("Edges out reach for me, call it 60/40.", "impact", 4),  # read 2, the wrong way round; 5 before "edges out"
    # was a narrow margin (probe27 labels it 4)
])
def test_a_weight_a_preference_or_a_comparison_said_of_a_thing(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_what_a_weight_or_preference_does_not_say():
    r = READER
    assert r._weighted("Mild preference for scale over visibility.", "impact") is None  # scale names no side
    assert r._weighted("i don't put much weight on the brand", "brand") is None  # denied
    assert r._weighted("no strong preference for either", "breadth") is None


def test_a_word_read_less_surely_is_no_verdict_against_the_story():
    assert READER.read_agreement("MUITO. I'd bet my savings on a moonshot.", "risk").value == 5  # "MUITO." reads 2


# Shares of a whole given to each side (REST: "depth 80 / breadth 20" was noted as 5)
@pytest.mark.parametrize("text, question, value", [
    ("depth 80 / breadth 20", "breadth", 1),
    ("80% depth, 20% breadth", "breadth", 1),
    ("breadth 70 / depth 30", "breadth", 4),
    ("60 breadth 40 depth", "breadth", 4),  # read 1, the wrong way round
    ("breadth 50 / depth 50", "breadth", 3),
    ("stability 90 / upside 10", "risk", 1),
])
def test_shares_given_to_each_side(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_no_shares_of_a_whole():
    assert READER._shared("I'd trade 20% depth for 2x breadth right now, so I lean agree.", "breadth") is None


def test_a_command_with_a_rating_in_it_is_no_answer():
    # REST: "change my answer on pace to 3/10" at the breadth statement was taken as breadth's answer (2)
    assert reader.is_interruption("change my answer on pace to 3/10", "change_answer", 0.99, K)
    assert reader.is_interruption("change my answer on pace to 4/5", "change_answer", 0.99, K)
    assert not reader.is_interruption("4/5", "change_answer", 0.6, K)


# People who each write in the English of where they live or grew up (probe29)
@pytest.mark.parametrize("text, direction", [
    ("Nah yeah, I'd rather see my stuff actually get used than be one cog serving millions.", 1),
    ("nah, yeah, love a bit of chaos", 1),
    ("yeah nah yeah, sounds good", 1),
    ("yeah nah, I like knowing what's coming", -1),
    ("yeah, nah, not for me", -1),
])
def test_yeah_nah_the_last_word_answers(text, direction):
    assert reader.lead_direction(text, K) == direction


def test_a_question_word_exclaimed_opens_no_question():
    text = "Okay what, I can take some risk, still single and no commitments."  # probe29: out_of_scope
    assert not reader.is_interruption(text, "out_of_scope", 0.9, K)
    assert READER.read_agreement(text, "risk").value == 4
    assert not reader.is_question("Why, yes, I love it.")
    assert reader.is_question("what, you think I'm rich?")  # its question mark still asks
    assert reader.is_question("what do you mean")


# Negations as other Englishes spell them, and "no problem" as they say it (probe29)
@pytest.mark.parametrize("text, question, value", [
    ("Massive scale nuh excite me so much, if I'm honest.", "scale", 2),  # read 5
    ("Been there, done the scale thing. It's fine, but it doesnae really light me up any more.", "scale", 2),
    ("Nae bother at all, I've been saving for years for exactly this kind of leap.", "risk", 5),
    ("big name's dead important to me eh, my folks would be stoked", "brand", 5),  # REST: unread
    ("Oh, wicked interested. Giant models on giant clusters? Sign me up.", "scale", 5),  # probe29: unread
])
def test_other_englishes_negations_and_no_problem(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_other_englishes_read_as_standard_english():
    assert reader.standard_english("I cannae say, it disnae matter") == "I can't say, it doesn't matter"
    assert reader.standard_english("Nuh true") == "not true"
    assert reader.standard_english("antennae and nuance") == "antennae and nuance"  # whole words only
    assert reader.standard_english("dead important, well keen") == "very important, very keen"
    assert reader.standard_english("a dead end, well paid") == "a dead end, well paid"  # not before a feeling
    assert reader.idiom_direction("no dramas, love a gamble") == 1  # Australian
    assert reader.idiom_direction("no wahala at all") == 1  # Nigerian
    assert reader.idiom_direction("no drama please, I like calm") == 0  # asks for calm


# A need denied settles a yes/no answer with no answer word leading it: "I don't need a sponsor" had been read
# as its words "need a sponsor", a yes (found in a Scots "I dinnae need a sponsor")
@pytest.mark.parametrize("text, value", [
    ("I don't need a sponsor.", False),
    ("I do not need sponsorship, born and bred here", False),
    ("I dinnae need a sponsor, born and bred here", False),
    ("I need a sponsor", True),
])
def test_a_need_denied_settles_the_yes_no_answer(text, value):
    assert READER.read_yes_no(text, "needs_sponsorship").value is value


# An exclamation before the answer word makes it emphatic; a tag as other Englishes say it asks nothing (probe29)
@pytest.mark.parametrize("text, question, value", [
    ("Lord no. I've done my time in chaos, y'all can keep it.", "pace", 1),  # read 2
    ("Oh heavens, no. I'd a whole lot rather get real good at one thing than dabble in ten.", "breadth", 1),
    ("I'd rather be the guy who can do a little bit of everything, you know?", "breadth", 4),  # asked again
])
def test_other_englishes_exclamations_and_tags(text, question, value):
    assert READER.read_agreement(text, question).value == value


def test_an_exclamation_only_strengthens_its_own_side():
    plain_no = reader.Reading(2, 0.99, "model")
    assert reader.exclaimed("Lord no. I've done my time in chaos.", plain_no).value == 1
    assert reader.exclaimed("Lord yes, ...", plain_no).value == 2  # the other side's word: left to the reading
    assert reader.exclaimed("No. I've done my time in chaos.", plain_no).value == 2  # no exclamation
    assert reader.without_tag("I'd rather go deep, abi?") == "I'd rather go deep"


def test_both_before_what_it_counts_is_no_answer_word_of_the_story():
    text = "Fast and ambiguous is how I describe both my dating life and my code. Love it."  # probe28: unread
    assert reader.closing_verdict(text, K, "pace") == "love it."
    assert READER.read_agreement(text, "pace").value == 5
    assert reader.closing_verdict("I like both, honestly. Love it.", K, "pace") is None  # "both" answers
    assert reader.closing_verdict("It works either way. Love it.", K, "pace") is None


@pytest.mark.parametrize("text, intent", [
    # the extractor's intent for an aside that says what it wants in so many words (asides_probe)
    ("I'd like to correct my response to the structure statement.", "change_answer"),
    ("back to previous q, wrong key", "change_answer"),
    ("I would like to interrupt here and continue another day.", "stop"),
    ("Scrap all of this and start again from the first question", "start_over"),
    ("clear criteria for promotion, as opposed to what?", "ask_why"),
    ("do kaggle comps count as experience lol", "ask_why"),
    ("What do the numbers on the buttons stand for again?", "help"),
    # how to take the statement, where one's case falls (REST, own words: out of scope, the result asked for)
    ("How should I read this one if I'm a contractor?", "ask_why"),
    ("what's the cut-off between early career and mid here?", "ask_why"),
    ("How does an academic position map onto these categories?", "ask_why"),
    # a pause, with no question (REST, own words: noted as Strongly agree)
    ("someone's at the door, hold on", "stop"),
    ("brb gotta go, can u hold my answers", "stop"),
    ("Cheerio then!", "goodbye"),
    ("ok where were we", "start_assessment"), ("I'm back", "start_assessment"),
    ("ok back", None),  # a way back to the last question, or agreeing: not said in so many words
    ("For which purpose is the career stage needed? I want to understand the logic.", "ask_why"),
    ("one sec", "stop"),
    ("hold on, what's the difference between a startup and big tech?", None),
    ("hang on, no, I hate chaos", None),
    ("what's the difference between startups and big tech for ML?", None),
    # answers, whatever words they share with an aside
    ("Things change every week, I love it", None),
    ("cliff hits in 4 months and I'm out to start again. all in", None),
    ("user numbers mean nothing to me", None),
    ("I'm indifferent, it wouldn't change my decision one way or the other.", None),
])
def test_an_aside_says_its_intent_in_so_many_words(text, intent):
    assert reader.aside_intent(text) == intent


@pytest.mark.parametrize("text, asked", [
    ("what does ambiguous mean in this context?? like unclear tasks?", True),
    ("Define 'structured'.", True),
    ("ngl idk what 'ambiguous environments' means irl, like no PM?", True),
    ("What kind of scale: number of users, data volume, or compute?", True),
    ("does 'ambiguous' mean unclear goals or unclear tasks?", True),  # REST, own words: the factor menu
    ("hold on, what does ambiguous mean?", True),
    ("does it matter?", False),
    ("jack of all trades vs master of one, is that what this is asking?", True),
    ("Is this statement written with US salaries in mind? Pay over here is rather different.", True),
    ("scale = boring. HARD no", False),
    ("'thrive'? more like survive. disagree", False),
    ("pace meaning chaos? hell no", False),
    ("what does vesting mean", False),  # no word of the questions: a factor's question
])
def test_a_word_of_the_questions_asked_about(text, asked):
    assert reader.meaning_asked(text, K) is asked


@pytest.mark.parametrize("text, quoted", [
    ("Is 'pace' about deadlines?", True), ("What's 'fast-paced' here?", True),
    ("Is 'ace' a thing here?", False),  # inside a word of the statement, not a word of it
    ("Is 'equity' part of it?", False),
])
def test_a_word_of_a_statement_quoted_back(text, quoted):
    assert reader.quotes_statement(text, [K.criteria["pace"]["statement"]]) is quoted


@pytest.mark.parametrize("text, question, point", [
    # a preference between two images, each read alone (probe32: asked again)
    ("I'd rather know one country well than collect passport stamps", "breadth", 2),
    ("I'd rather book the safe hotel than gamble on the mystery deal", "risk", 2),
    # a side's word in either image settles it, "much rather" is emphatic (probe14: 5 at the first try)
    ("I'd much rather invent my own role than climb someone else's ladder, definitely.", "structure", 1),
    # one thing left for another, or chosen "rather than" it (probe32, probe19: asked again)
    ("I'd leave a calm harbour for a promising trade wind", "risk", 4),
    ("Honestly the 'see your fingerprints on the product' thing leaves me cold. Millions of people quietly "
     "benefiting from my work is what I want, absolutely, and I'd trade any visibility for it.", "impact", 1),
    # two images read too close to each other to tell (probe28: read 2 at a lower bar)
    ("I'd rather have three skill trees at level thirty than one at ninety-nine.", "breadth", None),
])
def test_a_preference_between_two_images(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    ("I could tolerate a moderate amount of risk.", "risk", 4),  # REST, in my own words: asked again
    ("I can handle some chaos", "pace", 4),
    ("I can tolerate some risk, but not much", "risk", 2),  # a turn after it: not this rule's
])
def test_some_of_the_statements_side_borne_is_a_mild_yes(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    # what the person is not, read alone and turned round (probe32: asked again; the model read the whole 5)
    ("I'm no adrenaline junkie, a stampede in the dark is my absolute nightmare", "pace", 1),
    ("I'm no adrenaline junkie", "pace", 2),
    ("I'm not one to sail off the edge of the map for treasure", "risk", None),  # the thing alone reads no side
])
def test_what_one_is_not(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, point", [
    # REST, typed as in a chat widget: every emoji answer was asked again, then counted neutral
    ("\U0001F44D", 4), ("\U0001F44E", 2), ("\U0001F937\u200D\u2642\uFE0F", 3), ("\U0001F4AF!", 5),
    (":shrug:", 3), (":+1::skin-tone-4:", 4), (":thumbsdown:", 2),  # as Slack sends them
])
def test_an_emoji_answer_says_its_word(text, point):
    assert READER.read_agreement(text, "pace").value == point


def test_an_emoji_yes_no_answer_says_its_word():
    assert READER.read_yes_no("\U0001F44D", "low_runway").value is True
    assert READER.read_yes_no("\U0001F645", "needs_sponsorship").value is False
    # after words an emoji only marks them (probe15: "green card 👍" had read as a visa needed)
    assert READER.read_yes_no("green card \U0001F44D", "needs_sponsorship").value is False


@pytest.mark.parametrize("text, question, point", [
    # a feeling for the statement's thing that has cooled or grown (REST, a formal senior: asked again)
    ("Scale is rather what I have now, and I find it less interesting than it once was.", "scale", 2),
    ("it's more exciting than it used to be", "pace", 4),
])
def test_a_feeling_that_has_changed(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, point", [
    # a question of the person's own, then its answer (probe33: asked again)
    ("how could I live without solid benefits? it's an absolute must.", "salary", 5),
    ("isn't a reasonable salary enough? it doesn't need to be huge for me.", "salary", 2),
    ("what if a famous name helps me later on? I'd say it matters somewhat.", "brand", 4),
    ("a checklist for promotion? I'd hate it, why would anyone want that?", "structure", 1),
    ("why settle for a handful of users when your code can touch a billion people? Reach matters far more to me.",
     "impact", 1),
    ("why not have a recognizable name behind me? it matters a little.", "brand", 4),
    # what follows agrees with what the question proposes, not with the statement (probe33: read 4)
    ("isn't reaching millions of users kind of the bigger deal? I'd lean that way.", "impact", 2),
    ("doesn't reaching millions count for more? I'd say so, mildly.", "impact", 2),
    ("wouldn't it be nicer to see my own work land in the product? I'd pick that over reach, I think.", "impact",
     4),
    ("who wouldn't rather reach millions? I lean that way over visible impact.", "impact", 2),
    # an answer word after it answers the statement itself
    ("Wouldn't depth serve me better at this point? I'd lean slightly that way, so I disagree a little.",
     "breadth", 2),
    # a negative question is no thing asked back: "strongly disagree" is the answer (probe33: read 5)
    ("strongly disagree. isn't it obvious that stability comes first? never trading it.", "risk", 1),
])
def test_a_question_of_ones_own_then_its_answer(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, question, value", [
    # what follows a question of one's own answers a yes/no question (probe33: the need asked read as a yes)
    ("why would I need a visa? I'm a citizen", "needs_sponsorship", False),
    ("do I look like I need a visa? born and raised here", "needs_sponsorship", False),
    ("six months? I've got way more than that, and no one relies on me", "low_runway", False),
    ("would a couple months of rent count as runway? because that's all I've got", "low_runway", True),
])
def test_a_yes_no_answer_after_a_question_of_ones_own(text, question, value):
    assert READER.read_yes_no(text, question).value is value


@pytest.mark.parametrize("text, intent, question", [
    ("how could a well-known name hurt? it matters to me somewhat.", "out_of_scope", None),
    ("Doesn't a recognizable name still open a few doors? I'd say it matters somewhat.", "out_of_scope", None),
    ("strongly disagree, doesn't brand worship seem silly? it doesn't matter to me at all.", "ask_factor", None),
    ("massive scale? that's my favorite thing in the world, is that even a question?", "ask_why", None),
    # a stage told, and the bot asked to place it (probe33)
    ("about eighteen months at my first real job, what would you call that?", "ask_factor", "stage"),
])
def test_an_answer_with_a_question_of_ones_own_is_no_interruption(text, intent, question):
    assert not reader.is_interruption(text, intent, 0.95, K, question)


@pytest.mark.parametrize("text, intent, question", [
    ("Why does work authorisation come into this? I thought we were talking about preferences.", "ask_why",
     "needs_sponsorship"),
    ("Does analytics work count toward years of experience here, or only ML roles?", "ask_why", "stage"),
    ("Before I answer, could you tell me whether 'fast-paced' refers to tight deadlines or to priorities changing "
     "all the time? Those feel quite different to me.", "ask_why", "pace"),
    ("don't startups pay less?", "ask_factor", "salary"),
])
def test_a_question_for_the_bot_with_context_is_still_an_interruption(text, intent, question):
    assert reader.is_interruption(text, intent, 0.95, K, question)


@pytest.mark.parametrize("text, question, point", [
    # a priority ranked low (REST, in my own words: "not the top priority" at salary was asked again)
    ("not the top priority", "salary", 2), ("low priority for me", "brand", 2),
    ("the brand is not a priority", "brand", 2),
    ("stability is not the top priority", "risk", 4),  # the other side's
])
def test_a_priority_ranked_low(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, point", [
    # a number alone that no 1-to-5 rating is, out of ten (REST, in my own words: "9" read 4, "7" asked again)
    ("9", 5), ("7", 4), ("6", 3), ("10!", 5), ("0", 1), ("a 7", 4),
    ("4", 4),  # a rating of 1 to 5 as it stands
])
def test_a_number_above_five_alone_is_out_of_ten(text, point):
    assert READER.read_agreement(text, "scale").value == point


@pytest.mark.parametrize("text", ["postdoc, 2nd year", "I'm a postdoc"])
def test_a_postdoc_is_early_in_a_career(text):
    # REST, in my own words: "postdoc, 2nd year" was read as a student
    assert READER.read_stage(text).value == "early"


@pytest.mark.parametrize("text, question, point", [
    # a thing asked back, then "who needs that" (make chat on a clean clone: noted as a 4 by the keyword "ladder")
    ("a ladder? who needs that", "structure", 1),
    ("stability? who needs that", "risk", 5),  # the other side's thing: a yes
])
def test_a_thing_asked_back_then_who_needs_that(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, sides", [
    # what a side is, asked (REST, in my own words: out of scope, the stage question's meaning, "I need a few
    # more answers first")
    ("what counts as big tech?", ["big_tech"]),
    ("what do you mean by a startup?", ["startup"]),
    ("what does big tech even mean here", ["big_tech"]),
    ("define startup", ["startup"]),
    ("what do you mean by big tech companies?", ["big_tech"]),
    ("does a series C company count as a startup?", ["startup"]),
    ("is a 500 person scaleup a startup or big tech?", ["startup", "big_tech"]),
    ("is Stripe big tech or a startup in your book?", ["startup", "big_tech"]),
    # a choice between them asks for advice, and a word of the statements is the statement's
    ("is it better to join a startup or big tech?", []),
    ("should I join a startup or big tech?", []),
    ("is a startup or big tech better for me?", []),
    ("is big tech worth it", []),
    ("is the pay higher at big tech?", []),  # a factor asked of a side
    ("what counts as ambiguous", []),
    ("startup or big tech?", []),
])
def test_what_a_side_means_asked(text, sides):
    assert reader.sides_asked(text, K) == sides


@pytest.mark.parametrize("text, criterion", [
    # REST, in my own words: "what counts as going deep?" got the out-of-scope reply
    ("what counts as going deep?", "breadth"), ("what do you mean by go deep", "breadth"),
    ("define fast-paced", "pace"), ("what does ambiguous mean here", "pace"),
    ("hmm what do you mean by ambiguity here?", "pace"),  # another form of the statement's word
    ("what counts as a bigger reward?", "risk"),
    ("what does vesting mean", None),  # no statement's word
    ("what do you mean by that?", None),  # the pending question's
    # REST, in my own words, at the yes/no questions: the impact factor's text, out of scope, pay's text
    ("what does the visa one mean", "needs_sponsorship"), ("what does the runway one mean", "low_runway"),
    ("hmm, what counts as sponsorship? I'm on a green card", "needs_sponsorship"),
    ("what counts as depending on my income?", "low_runway"),
    ("what does the chaos one mean", "pace"),  # a statement referred to by its topic
    ("what does the second one mean", None),
])
def test_a_question_s_words_asked_about(text, criterion):
    assert reader.question_asked(text, K) == criterion


@pytest.mark.parametrize("text, asked", [
    ("what's the difference between new grad and early career?", True), ("what counts as early career?", True),
    ("whats the difference between mid and senior", True), ("what does senior mean here", True),
    ("what's the difference between startups and big tech", False), ("what counts as going deep?", False),
])
def test_what_a_career_stage_means_asked(text, asked):
    # REST, in my own words: the pending statement's meaning, and after a result the breakdown
    assert reader.stages_asked(text, K) is asked


@pytest.mark.parametrize("text, asked", [
    ("how is this scored?", True), ("how are my answers weighted?", True), ("how does the scoring work", True),
    ("what happens if I say neutral to everything?", True), ("what if I answer 3 to all of them", True),
    ("do all questions count the same?", True), ("what happens if I skip", True),
    ("does the stage matter?", True),  # after a result (REST, in my own words: "Your result is above")
    ("how do you decide which one fits me?", False),  # asks for the assessment
    ("how is equity taxed", False), ("how does a startup score on pay", False),
])
def test_how_the_answers_are_scored_asked(text, asked):
    assert reader.scoring_asked(text) is asked


@pytest.mark.parametrize("text, question", [
    ("what counts as big tech?", "pace"),
    ("what if I answer 3 to all of them", "pace"),  # a rating named, but no answer
    ("is a 500 person scaleup a startup or big tech?", "stage"),
])
def test_what_a_side_or_the_scoring_means_is_no_answer(text, question):
    assert reader.is_interruption(text, "ask_why", 0.9, K, question)


@pytest.mark.parametrize("text, question, point", [
    # where the person stood once, then where they stand now: now is the answer (probe35)
    ("huge-compute problems thrilled me at first, these days they mostly bore me", "scale", 2),
    ("Scale was exciting at first. Now I'd say no, it's not that interesting to me.", "scale", 2),
    ("Used to hate the chaos at my big-co job. Two years at a startup later, I absolutely live for it.", "pace",
     5),
    ("I used to think the big base was non-negotiable. Since leaving I'd say no, I can manage without it, mostly.",
     "salary", 2),
    ("Ladders and rubrics? I was desperate for them once. Now I'd run a mile.", "structure", 1),
    ("Used to be a generalist, now slightly more drawn to depth.", "breadth", 2),
    ("It matters to me more now than when I started; the network pays off.", "brand", 4),
    # a lean that opens the answer, its reason naming the other side
    ("Leaning toward breadth these days, since going deep boxed me in at my last job.", "breadth", 4),
])
def test_then_and_now(text, question, point):
    assert READER.read_agreement(text, question).value == point


@pytest.mark.parametrize("text, stage", [
    ("I called myself a new grad for ages, but I'm two years in now", "early"),  # probe35: new grad
    ("finished my degree this year and I'm in my first job, not even half a year yet", "new_grad"),  # early
    ("first job, half a year in", "new_grad"),
    ("a year and a half into my first job", "early"),
])
def test_a_stage_then_and_now(text, stage):
    assert READER.read_stage(text).value == stage


@pytest.mark.parametrize("text, value", [
    ("still does, unfortunately; my green card is years away", True),  # probe35: "green card" read no
    ("it does", True), ("doesn't anymore, got my green card", False),
    ("does a permanent resident need sponsorship? don't think so, so no", False),  # a question, then the answer
])
def test_the_questions_verb_said_back(text, value):
    assert READER.read_yes_no(text, "needs_sponsorship").value is value


@pytest.mark.parametrize("text, asked_for", [
    ("ok let's do the assessment", True), ("start the quiz", True), ("Let's take the quiz then", True),
    ("let's do it", False),  # no assessment named: the reader's
])
def test_the_assessment_asked_for_at_a_question_is_no_answer(text, asked_for):
    assert reader.is_interruption(text, "start_assessment", 0.9, K, "pace") is asked_for


@pytest.mark.parametrize("text", ["senior obviously", "new grad lol", "I'm mid-career, like I said"])
def test_a_career_stage_alone_is_no_answer_to_a_statement(text):
    # REST, in my own words: "senior obviously" typed at the first statement after the opener told the stage read 5
    assert READER.read_agreement(text, "pace").value is None


@pytest.mark.parametrize("text, value", [
    ("savings are ok", False),  # REST, in my own words: read yes by its "ok"
    ("my savings are pretty thin", True), ("runway isn't great", True),
    ("savings are ok but two kids depend on me", True),  # people who depend on the income decide
])
def test_savings_judged_in_a_word(text, value):
    assert READER.read_yes_no(text, "low_runway").value is value
