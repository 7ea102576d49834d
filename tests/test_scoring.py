"""The pure scoring: hand-computed cases, neutral and mirrored profiles, constraints, flip search."""
import pytest

from actions import advice, knowledge, scoring
from actions.scoring import Profile

K = knowledge.load()
# Criteria weights 1+1+1+1.5+1.5+1+1+0.5 = 8.5, plus the stage's 1.0: the score's denominator.
TOTAL_WEIGHT = 9.5


def mirrored(profile: Profile) -> Profile:
    return Profile({c: None if a is None else 6 - a for c, a in profile.answers.items()},
                   profile.stage, profile.constraints)


def test_weights_in_the_file_are_the_ones_computed_by_hand():
    assert sum(c["weight"] for c in K.criteria.values()) + K.stage["weight"] == TOTAL_WEIGHT


def test_one_strong_answer_hand_computed():
    result = scoring.recommend(Profile({"risk": 5}), K)
    assert result.score == pytest.approx(1.5 / TOTAL_WEIGHT)  # 1.5 * (5 - 3) / 2
    assert result.recommendation == "startup"
    assert result.confidence == "low"
    assert [p.key for p in result.reasons] == ["risk"]
    assert result.reasons[0].reason == K.criteria["risk"]["reasons"]["startup"]
    assert result.counter is None
    # risk 5 -> 4 halves the pull to 0.079, below the 0.12 tie bound; it outranks pace and
    # salary changes of the same size by weight and file order.
    assert result.flip == scoring.Flip("risk", 5.0, 4.0, "either")
    assert result.path == "startup_first"


def test_a_clear_big_tech_profile_hand_computed():
    answers = {"pace": 1, "breadth": 2, "impact": 2, "risk": 1, "salary": 5, "scale": 5,
               "structure": 4, "brand": 4}
    result = scoring.recommend(Profile(answers, stage="mid"), K)
    expected = -(1 + 0.5 + 0.5 + 1.5 + 1.5 + 1 + 0.5 + 0.25) / TOTAL_WEIGHT
    assert result.score == pytest.approx(expected)
    assert result.recommendation == "big_tech"
    assert result.confidence == "high"
    assert [p.key for p in result.reasons] == ["risk", "salary", "pace"]
    assert result.path is None
    assert result.flip is None  # no single answer moves -0.71 past the tie bound


def test_stage_pulls_toward_startup_early_in_a_career():
    result = scoring.recommend(Profile({}, stage="new_grad"), K)
    assert result.score == pytest.approx(1.0 / TOTAL_WEIGHT)
    assert next(p for p in result.pulls if p.key == "stage").reason == K.stage["reasons"]["startup"]


def test_a_neutral_profile_is_either():
    neutral = {cid: 3 for cid in K.criteria}
    result = scoring.recommend(Profile(neutral, stage="mid"), K)
    assert result.recommendation == "either"
    assert result.score == 0
    assert result.reasons == [] and result.counter is None
    assert result.enough_answers


@pytest.mark.parametrize("answers", [
    {"pace": 5, "breadth": 4, "impact": 4, "risk": 4, "salary": 2, "scale": 3, "structure": 2, "brand": 1},
    {"pace": 2, "breadth": 2, "impact": 3, "risk": 1, "salary": 5, "scale": 4, "structure": 5, "brand": 4},
    {"risk": 5, "salary": 4},
])
def test_mirrored_answers_give_the_mirrored_result(answers):
    profile = Profile(answers, stage="mid")
    result = scoring.recommend(profile, K)
    mirror = scoring.recommend(mirrored(profile), K)
    assert mirror.score == pytest.approx(-result.score)
    swap = {"startup": "big_tech", "big_tech": "startup", "either": "either"}
    assert mirror.recommendation == swap[result.recommendation]
    assert [p.key for p in mirror.reasons] == [p.key for p in result.reasons]


def test_a_constraint_moves_a_startup_lean_to_big_tech_first():
    profile = Profile({"pace": 5, "risk": 5, "breadth": 5}, constraints={"needs_sponsorship": True})
    result = scoring.recommend(profile, K)
    assert result.lean == "startup"
    assert result.recommendation == "big_tech"
    assert result.constraints == ["needs_sponsorship"]
    assert result.path == "big_tech_first"
    assert result.flip is None  # the constraint, not the score, decides


def test_a_constraint_that_agrees_with_the_score_changes_nothing():
    profile = Profile({"salary": 5, "risk": 1}, constraints={"low_runway": True})
    result = scoring.recommend(profile, K)
    assert result.lean == result.recommendation == "big_tech"
    assert result.constraints == ["low_runway"]


def test_flip_finds_the_smallest_change_that_changes_the_result():
    profile = Profile({"pace": 4, "breadth": 4, "impact": 4, "risk": 3, "salary": 3,
                       "scale": 3, "structure": 3, "brand": 3})
    result = scoring.recommend(profile, K)
    assert result.recommendation == "startup"  # 1.5 / 9.5 = 0.158
    flipped = scoring.recommend(
        Profile({**profile.answers, result.flip.criterion: result.flip.new}), K)
    assert flipped.recommendation == result.flip.recommendation != "startup"
    assert abs(result.flip.new - result.flip.current) == 1


def test_too_few_answers_are_not_enough():
    result = scoring.recommend(Profile({"risk": 5, "salary": 1, "pace": 4}), K)
    assert result.answered_share == pytest.approx(3 / 9)
    assert not result.enough_answers


def test_missing_answers_count_as_neutral():
    partial = scoring.recommend(Profile({"risk": 5}), K)
    explicit = scoring.recommend(Profile({**{c: 3 for c in K.criteria}, "risk": 5}), K)
    assert partial.score == pytest.approx(explicit.score)


@pytest.mark.parametrize("answers", [{"risk": 0}, {"risk": 6}, {"risk": 999}, {"nonsense": 3}])
def test_invalid_answers_are_refused(answers):
    with pytest.raises(ValueError):
        scoring.recommend(Profile(answers), K)


def test_breakdown_lists_every_criterion_and_the_stage():
    result = scoring.recommend(Profile({"risk": 5}, stage="senior"), K)
    assert set(scoring.breakdown(result)) == set(K.criteria) | {"stage"}


def test_a_neutral_answer_counts_for_neither_side_in_the_breakdown():
    # a neutral answer's points are -0.0; they showed as "-> -0.00" in the "why" breakdown (make chat)
    result = scoring.recommend(Profile({c: 3 for c in K.criteria}), K)
    text = advice.breakdown_text(result, {}, K)
    assert "-0.00" not in text and "+0.00" not in text
    assert text.count("-> \u00b10.00") == len(K.criteria)
    shown = [advice.signed(v) for v in (0.004, -0.004, -0.006, 0.5)]
    assert shown == ["\u00b10.00", "\u00b10.00", "-0.01", "+0.50"]
