"""The decision: plain Python over plain data, no Rasa imports, so it reads and tests in isolation.

Every criterion answer a (1..5) becomes a pull of weight * (a - 3) / 2 toward the side the criterion
favours (negative: toward the other side). The career stage adds weight * lean toward the startup side.
The sum, divided by the largest possible sum, is the score: +1 all startup, -1 all Big Tech. Hard
constraints are not part of the score: when one holds it moves the recommendation to its side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from actions.knowledge import SCALE_POINTS, Knowledge

NEUTRAL = 3.0
EITHER = "either"


@dataclass(frozen=True)
class Profile:
    """What the user answered; None means not answered (counted as neutral)."""

    answers: Mapping[str, Optional[float]] = field(default_factory=dict)
    stage: Optional[str] = None
    constraints: Mapping[str, Optional[bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class Pull:
    """One answer's share of the score: `points` > 0 pulls toward the startup side."""

    key: str  # a criterion id, or "stage"
    answer: object
    points: float
    reason: Optional[str]  # the article's words for the side it pulls toward

    @property
    def side(self) -> str:
        if self.points > 0:
            return "startup"
        if self.points < 0:
            return "big_tech"
        return EITHER


@dataclass(frozen=True)
class Flip:
    """The smallest single answer change that gives a different recommendation."""

    criterion: str
    current: float
    new: float
    recommendation: str


@dataclass(frozen=True)
class Result:
    recommendation: str  # startup | big_tech | either, after constraints
    lean: str  # what the score alone says
    score: float  # -1 (Big Tech) .. +1 (startup)
    confidence: str
    pulls: List[Pull]  # every answer, strongest first
    reasons: List[Pull]  # the top three pulls behind the lean
    counter: Optional[Pull]  # the strongest pull the other way
    flip: Optional[Flip]
    constraints: List[str]  # ids of the constraints that hold
    path: Optional[str]  # a hybrid path id when it fits
    answered_share: float
    enough_answers: bool

    @property
    def margin(self) -> float:
        return abs(self.score)


def _pulls(profile: Profile, k: Knowledge) -> Tuple[List[Pull], float]:
    pulls: List[Pull] = []
    total_weight = sum(c["weight"] for c in k.criteria.values()) + k.stage["weight"]
    for cid, criterion in k.criteria.items():
        answer = profile.answers.get(cid)
        value = NEUTRAL if answer is None else float(answer)
        points = criterion["weight"] * (value - NEUTRAL) / 2.0 * k.agreement_sign(cid) / total_weight
        reason = criterion["reasons"]["startup" if points > 0 else "big_tech"] if points else None
        pulls.append(Pull(cid, answer, points, reason))
    if profile.stage in k.stage["values"]:
        lean = k.stage["values"][profile.stage]["lean"]
        points = k.stage["weight"] * lean / total_weight
        reason = k.stage["reasons"]["startup"] if points > 0 else None
        pulls.append(Pull("stage", profile.stage, points, reason))
    return pulls, sum(p.points for p in pulls)


def _side(score: float, k: Knowledge) -> str:
    # Rounding keeps mirrored profiles exactly mirrored despite float summation order.
    score = round(score, 9)
    threshold = k.recommendation["either_below"]
    if score >= threshold:
        return "startup"
    if score <= -threshold:
        return "big_tech"
    return EITHER


def _holding(profile: Profile, k: Knowledge) -> List[str]:
    return [cid for cid in k.constraints if profile.constraints.get(cid)]


def _recommend(score: float, holding: List[str], k: Knowledge) -> str:
    lean = _side(score, k)
    for cid in holding:
        shift = k.constraints[cid]["shift_to"]
        if lean != shift:
            return shift
    return lean


def _flip(profile: Profile, current: str, k: Knowledge) -> Optional[Flip]:
    holding = _holding(profile, k)
    best: Optional[Tuple[float, float, int, Flip]] = None
    for order, (cid, criterion) in enumerate(k.criteria.items()):
        answer = profile.answers.get(cid)
        value = NEUTRAL if answer is None else float(answer)
        for new in SCALE_POINTS:
            if new == value:
                continue
            changed = Profile({**profile.answers, cid: float(new)}, profile.stage, profile.constraints)
            score = _pulls(changed, k)[1]
            outcome = _recommend(score, holding, k)
            if outcome != current:
                # Smallest change first, then the weightiest criterion, then the file's order.
                rank = (abs(new - value), -criterion["weight"], order)
                if best is None or rank < best[:3]:
                    best = (*rank, Flip(cid, value, float(new), outcome))
    return best[3] if best else None


def _confidence(score: float, k: Knowledge) -> str:
    for bound in k.recommendation["confidence"]:
        if abs(score) >= bound["min"]:
            return bound["label"]
    return k.recommendation["confidence"][-1]["label"]


def _path(recommendation: str, lean: str, score: float, holding: List[str], k: Knowledge) -> Optional[str]:
    if holding and lean != recommendation:
        return k.constraints[holding[0]]["path"]
    if abs(score) < k.recommendation["hybrid_below"]:
        return "startup_first" if score >= 0 else "big_tech_first"
    return None


def answered_share(profile: Profile, k: Knowledge) -> float:
    answered = sum(1 for cid in k.criteria if profile.answers.get(cid) is not None)
    answered += 1 if profile.stage in k.stage["values"] else 0
    return answered / (len(k.criteria) + 1)


def recommend(profile: Profile, k: Knowledge) -> Result:
    """Scores a profile and explains the outcome."""
    for cid, answer in profile.answers.items():
        if cid not in k.criteria:
            raise ValueError(f"unknown criterion {cid!r}")
        if answer is not None and not 1 <= float(answer) <= 5:
            raise ValueError(f"answer for {cid!r} must be 1..5, got {answer!r}")
    pulls, score = _pulls(profile, k)
    lean = _side(score, k)
    holding = _holding(profile, k)
    recommendation = _recommend(score, holding, k)
    ranked = sorted(pulls, key=lambda p: -abs(p.points))
    if lean == EITHER:
        reasons = [p for p in ranked if p.points][:3]
        counter = None
    else:
        reasons = [p for p in ranked if p.side == lean][:3]
        counter = next((p for p in ranked if p.side == k.other_side(lean)), None)
    share = answered_share(profile, k)
    return Result(
        recommendation=recommendation,
        lean=lean,
        score=score,
        confidence=_confidence(score, k),
        pulls=ranked,
        reasons=reasons,
        counter=counter,
        flip=_flip(profile, recommendation, k),
        constraints=holding,
        path=_path(recommendation, lean, score, holding, k),
        answered_share=share,
        enough_answers=share >= k.recommendation["min_answered_share"],
    )


def breakdown(result: Result) -> Dict[str, float]:
    """Criterion id -> signed share of the score, for charts and the 'why' answer."""
    return {p.key: round(p.points, 4) for p in result.pulls}
