"""Answers that edit the statement's own words (actions/edits.py), alone and as the answer reader reads them."""
import pytest

from actions import edits, knowledge, reader

K = knowledge.load()
READER = reader.default_reader()


def test_a_statement_s_words_stop_at_its_other_side():
    # "go deep" is what breadth's statement sets against its own side
    assert {"rather", "wide", "skills"} <= edits.statement_words(K.criteria["breadth"]["statement"])
    assert "deep" not in edits.statement_words(K.criteria["breadth"]["statement"])


@pytest.mark.parametrize("text, question, point", [
    # made stronger: the "not" or "more than" says more, not less (probe34's "Not just 'rather'" had read 1)
    ("Not just 'rather'; I'd be miserable going deep in one thing.", "breadth", 5),
    ("not just fast-paced, I need chaos to function", "pace", 5),
    ("More than 'want' — I need a clear path.", "structure", 5),
    ("'Thrive' is putting it mildly.", "pace", 5),
    ("'want' is too weak a word. I need it.", "structure", 5),
    # swapped: the word kept and weighed is a yes that strong; another word is a mild no, or a yes if stronger
    ("Change 'matters more' to 'matters a bit more' and that's me.", "impact", 4),
    ("swap 'a must' for 'nice to have' and that's me", "salary", 2),
    ("Downgrade 'must' to 'should'.", "salary", 2),
    ("swap 'want' for 'need'", "structure", 5),
    # turned round, struck out as a whole, every word taken
    ("What I'd sign is the reverse: 'I am not comfortable trading stability for anything.'", "risk", 1),
    ("'Wide range of skills quickly' is the opposite of who I am.", "breadth", 1),
    ("the opposite for me, mostly", "pace", 2),
    ("flip it. reach is everything to me", "impact", 1),
    ("Strike 'must'. Strike the whole thing.", "salary", 1),
    ("cross out the whole sentence, I hate ladders", "structure", 1),
    ("every word fits, strongly", "pace", 5),
    ("Neither half. Brand and network are irrelevant to me.", "brand", 2),
    # part by part: another word taken instead, or the part said to weigh
    ("'Thrive' no, 'tolerate' yes.", "pace", 2),
    ("'fast-paced' yes, 'ambiguous' no, and the ambiguity is the part that matters to me", "pace", 2),
])
def test_an_edit_that_settles_the_answer(text, question, point):
    assert edits.edited_point(text, question, K) == point


@pytest.mark.parametrize("text, question", [
    ("not just the money, the team too", "salary"),          # not the statement's word
    ("At my bank job now it's the exact reverse.", "pace"),   # a reverse said of something else
    ("recruiters would finally call me instead of the other way around", "brand"),
    ("'fast-paced' yes, 'ambiguous' not so much", "pace"),     # both ways, neither said to weigh
    ("Structured path: no. Clear promotion criteria: no.", "structure"),  # one way: the reader weighs it
    ("'Clear criteria' sounds nice on paper", "structure"),
    ("Fair, I might lose it all. I'd do it again tomorrow for a chance at the big one.", "risk"),  # probe18
])
def test_no_edit_settles_it(text, question):
    assert edits.edited_point(text, question, K) is None


@pytest.mark.parametrize("text, question, toned", [
    ("'comfortable' is pushing it", "risk", True),
    ("'thrive' is a strong word. I cope fine with it.", "pace", True),
    ("'Fascinated' overstates it.", "scale", True),
    ("'must' — i'd downgrade it to 'nice to have'.", "salary", True),
    ("I'd drop the 'want'.", "structure", True),
    ("pushing it to the limit is fun", "pace", False),
    ("'lunch' is too much", "salary", False),                 # a word the statement does not have
])
def test_a_word_toned_down(text, question, toned):
    assert edits.toned_down(text, question, K) is toned


@pytest.mark.parametrize("text, question, taken", [
    ("'Must' fits, mostly", "salary", (4, False)), ("'thrive' is about right", "pace", (4, False)),
    ("'fascinated' nails it", "scale", (5, False)),
    ("'thrive' is about right, but only on good days", "pace", (4, True)),
    ("'rather' is the word i'd cross out", "breadth", None), ("'lunch' fits", "salary", None),
])
def test_a_word_taken_as_worded(text, question, taken):
    assert edits.taken_as_worded(text, question, K) == taken


@pytest.mark.parametrize("text, question, point", [
    ("Not just 'rather'; I'd be miserable going deep in one thing.", "breadth", 5),
    # toned down: a mild no where nothing else reads ...
    ("'comfortable' is pushing it, i like my stabilty more than the gamble", "risk", 2),
    ("'must' — i'd downgrade it to 'nice to have'.", "salary", 2),
    # ... but no more than a mild yes where the rest agrees
    ("Keep it, though I'd soften 'must' a touch. I do want the base and the benefits.", "salary", 4),
    ("'Must' fits, mostly — I'd bend a little for the right role.", "salary", 4),
    # a clean clone's make chat: read 4, and 2 the wrong way round
    ("'fascinated' nails it", "scale", 5), ("'must' fits, mostly", "salary", 4),
    ("'fascinated' is the right word, maybe too weak. billions of tokens, yes please.", "scale", 5),  # not less
    # a lean closing the answer after its parts (probe34: "... sure; ... not really. Leaning against." read 5)
    ("The 'reliable' half, sure; the 'high' half and the 'must', not really. Leaning against.", "salary", 2),
    ("brand not much, network def. leaning agree on the whole", "brand", 4),
    # even, said at the end
    ("Fast-paced suits me, ambiguity doesn't, and it evens out. No real lean.", "pace", 3),
    ("Brand: no-op. Network: small gain. Net effect roughly zero.", "brand", 3),
    # a conclusion the other way decides over the edit
    ("'massive' is strong, but so yes", "scale", 4),
])
def test_the_reader_reads_an_edited_statement(text, question, point):
    assert READER.read_agreement(text, question).value == point
