"""Loads and checks knowledge/career.yml, the advisor's single source of truth.

Plain Python and PyYAML only: the NLU component, the actions and the tests all read the article's
content through `load()`. A mistake in the file raises `KnowledgeError` naming the file and the key,
so a broken file stops start-up instead of giving a half-working bot.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "career.yml"
SIDES = ("startup", "big_tech")
FACTOR_IDS = ("compensation", "learning", "impact", "stability", "career_growth")
STAGE_IDS = ("student", "new_grad", "early", "mid", "senior")
# The criteria and the constraints are the file's own: each id becomes a slot and a question of the
# assessment (bot/nlu/importer.py), so it must be a slot name and must not be the stage's.
QUESTION_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
STAGE_QUESTION = "stage"
PATH_IDS = ("big_tech_first", "startup_first")
SCALE_POINTS = (1, 2, 3, 4, 5)


class KnowledgeError(ValueError):
    """The knowledge file is missing, unreadable or breaks the schema."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem


# eq=False: hashed by identity (its dicts have no hash), so what is worked out from one knowledge file can be
# cached per file (reader._question_of)
@dataclass(frozen=True, eq=False)
class Knowledge:
    """The checked content of the knowledge file, as plain data."""

    path: Path
    sides: Dict[str, Dict[str, Any]]
    factors: Dict[str, Dict[str, Any]]
    criteria: Dict[str, Dict[str, Any]]
    stage: Dict[str, Any]
    constraints: Dict[str, Dict[str, Any]]
    recommendation: Dict[str, Any]
    paths: Dict[str, Dict[str, Any]]
    conclusion: str
    agreement: Dict[str, Any]

    @functools.cached_property
    def answer_phrases(self) -> Tuple[Tuple[str, int], ...]:
        """Every agreement phrase with its point, longest first so "not at all" beats "not"."""
        pairs = [(phrase.lower(), int(point)) for point, entry in self.agreement["scale"].items()
                 for phrase in entry["synonyms"]]
        return tuple(sorted(pairs, key=lambda p: -len(p[0])))

    @functools.cached_property
    def answer_titles(self) -> Dict[str, int]:
        """Each agreement point's button title in lower case ("strongly disagree": 1)."""
        return {entry["title"].lower(): int(point) for point, entry in self.agreement["scale"].items()}

    @functools.cached_property
    def answer_points(self) -> Dict[str, int]:
        """Each agreement phrase's point, for looking a whole answer word up (the first, as in
        answer_phrases, should a phrase be listed twice)."""
        points: Dict[str, int] = {}
        for phrase, point in self.answer_phrases:
            points.setdefault(phrase, point)
        return points

    @functools.cached_property
    def yes_no_points(self) -> Dict[str, int]:
        """The affirm words at the agreement scale's top and the deny words at its bottom, for reading
        a yes/no answer's closing word as answer_points reads an agreement's (a word in both lists
        counts as deny)."""
        top, bottom = max(map(int, self.agreement["scale"])), min(map(int, self.agreement["scale"]))
        return {**{w: top for w in self.agreement["affirm"]}, **{w: bottom for w in self.agreement["deny"]}}

    @functools.cached_property
    def questions(self) -> Tuple[str, ...]:
        """The assessment's questions, in the order they are asked: each is a slot of the form."""
        return (STAGE_QUESTION, *self.criteria, *self.constraints)

    def other_side(self, side: str) -> str:
        return "big_tech" if side == "startup" else "startup"

    def agreement_sign(self, criterion: str) -> float:
        """+1 when agreeing with the criterion's statement pulls toward a startup, -1 toward Big Tech:
        the sign of the score (actions/scoring.py)."""
        return 1.0 if self.criteria[criterion]["favours"] == "startup" else -1.0

    def stage_for_years(self, years: float) -> str:
        for bound in self.stage["years"]:
            if years <= bound["max"]:
                return bound["stage"]
        return self.stage["years"][-1]["stage"]

    def entity_synonyms(self) -> Dict[str, Dict[str, List[str]]]:
        """entity[:role] -> canonical id -> phrases users type, for the NLU patterns."""
        return {
            "factor": {fid: [f["title"], *f["synonyms"]] for fid, f in self.factors.items()},
            "company_type": {sid: [s["title"], *s["synonyms"]] for sid, s in self.sides.items()},
            "criterion": {cid: [cid, *c["synonyms"]] for cid, c in self.criteria.items()},
            "criterion:against": {
                cid: c["opposite"] for cid, c in self.criteria.items() if c.get("opposite")
            },
            "constraint": {cid: c["synonyms"] for cid, c in self.constraints.items()},
            "career_stage": {
                sid: [s["title"], *s["synonyms"]] for sid, s in self.stage["values"].items()
            },
        }


class _Checker:
    """Walks the raw YAML and names the exact key of the first mistake."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> None:
        raise KnowledgeError(self.path, key, problem)

    def mapping(self, data: Any, key: str, required: tuple = ()) -> Dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(key, f"must be a mapping, found {type(data).__name__}")
        for name in required:
            if name not in data:
                self.fail(f"{key}.{name}" if key else name, "is missing")
        return data

    def text(self, data: Any, key: str) -> str:
        if not isinstance(data, str) or not data.strip():
            self.fail(key, "must be a non-empty string")
        return data.strip()

    def number(self, data: Any, key: str, low: float, high: float) -> float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail(key, f"must be a number, found {data!r}")
        if not low <= data <= high:
            self.fail(key, f"must be between {low} and {high}, found {data}")
        return float(data)

    def texts(self, data: Any, key: str, allow_empty: bool = False) -> List[str]:
        if not isinstance(data, list) or (not data and not allow_empty):
            self.fail(key, "must be a non-empty list of strings")
        for i, item in enumerate(data):
            # YAML reads a bare yes/no/true/false as a boolean: quote such words.
            self.text(item, f"{key}[{i}]")
        return [item.strip() for item in data]

    def exact_ids(self, data: Dict[str, Any], key: str, ids: tuple) -> None:
        missing = [i for i in ids if i not in data]
        extra = [i for i in data if i not in ids]
        if missing:
            self.fail(f"{key}.{missing[0]}", "is missing")
        if extra:
            self.fail(f"{key}.{extra[0]}", f"is not a known id (expected one of {', '.join(ids)})")

    def question_ids(self, data: Dict[str, Any], key: str, taken: tuple = ()) -> None:
        if not data:
            self.fail(key, "must name at least one")
        for qid in data:
            if not isinstance(qid, str) or not QUESTION_ID.match(qid):
                self.fail(f"{key}.{qid}", "must be an id of lower-case letters, digits and _ "
                                          "(it names a slot of the assessment)")
            if qid == STAGE_QUESTION or qid in taken:
                self.fail(f"{key}.{qid}", "is already the id of another question")

    def side(self, data: Any, key: str) -> str:
        if data not in SIDES:
            self.fail(key, f"must be one of {', '.join(SIDES)}, found {data!r}")
        return data


def _check(raw: Any, path: Path) -> Knowledge:
    c = _Checker(path)
    top = c.mapping(
        raw,
        "",
        ("sides", "factors", "criteria", "stage", "constraints", "recommendation", "paths",
         "conclusion", "agreement"),
    )

    sides = c.mapping(top["sides"], "sides")
    c.exact_ids(sides, "sides", SIDES)
    for sid, side in sides.items():
        c.mapping(side, f"sides.{sid}", ("label", "title", "synonyms", "meaning"))
        c.text(side["label"], f"sides.{sid}.label")
        c.text(side["title"], f"sides.{sid}.title")
        c.texts(side["synonyms"], f"sides.{sid}.synonyms")
        c.text(side["meaning"], f"sides.{sid}.meaning")

    factors = c.mapping(top["factors"], "factors")
    c.exact_ids(factors, "factors", FACTOR_IDS)
    for fid, factor in factors.items():
        key = f"factors.{fid}"
        c.mapping(factor, key, ("title", "summary", "sides", "synonyms"))
        c.text(factor["title"], f"{key}.title")
        c.text(factor["summary"], f"{key}.summary")
        c.exact_ids(c.mapping(factor["sides"], f"{key}.sides"), f"{key}.sides", SIDES)
        for sid in SIDES:
            c.text(factor["sides"][sid], f"{key}.sides.{sid}")
        c.texts(factor.get("figures", []), f"{key}.figures", allow_empty=True)
        c.texts(factor["synonyms"], f"{key}.synonyms")

    criteria = c.mapping(top["criteria"], "criteria")
    c.question_ids(criteria, "criteria")
    for cid, criterion in criteria.items():
        key = f"criteria.{cid}"
        c.mapping(criterion, key,
                  ("title", "statement", "favours", "weight", "factor", "synonyms", "reasons"))
        c.text(criterion["title"], f"{key}.title")
        c.text(criterion["statement"], f"{key}.statement")
        if "meaning" in criterion:
            c.text(criterion["meaning"], f"{key}.meaning")
        c.side(criterion["favours"], f"{key}.favours")
        c.number(criterion["weight"], f"{key}.weight", 0.0001, 10)
        if criterion["factor"] not in FACTOR_IDS:
            c.fail(f"{key}.factor", f"must be a factor id, found {criterion['factor']!r}")
        c.texts(criterion["synonyms"], f"{key}.synonyms")
        c.texts(criterion.get("opposite", []), f"{key}.opposite", allow_empty=True)
        alone = c.mapping(criterion.get("named_alone", {}), f"{key}.named_alone")
        for side in alone:
            if side not in ("side", "opposite"):
                c.fail(f"{key}.named_alone", f"has 'side' and 'opposite' only, found {side!r}")
            c.texts(alone[side], f"{key}.named_alone.{side}")
        reasons = c.mapping(criterion["reasons"], f"{key}.reasons")
        c.exact_ids(reasons, f"{key}.reasons", SIDES)
        for sid in SIDES:
            c.text(reasons[sid], f"{key}.reasons.{sid}")

    stage = c.mapping(top["stage"], "stage",
                      ("question", "title", "weight", "reasons", "values", "years"))
    c.text(stage["question"], "stage.question")
    c.text(stage["title"], "stage.title")
    c.number(stage["weight"], "stage.weight", 0, 10)
    c.text(c.mapping(stage["reasons"], "stage.reasons", ("startup",))["startup"],
           "stage.reasons.startup")
    values = c.mapping(stage["values"], "stage.values")
    c.exact_ids(values, "stage.values", STAGE_IDS)
    for sid, value in values.items():
        key = f"stage.values.{sid}"
        c.mapping(value, key, ("title", "meaning", "lean", "synonyms"))
        c.text(value["title"], f"{key}.title")
        c.text(value["meaning"], f"{key}.meaning")
        c.number(value["lean"], f"{key}.lean", -1, 1)
        c.texts(value["synonyms"], f"{key}.synonyms")
    if not isinstance(stage["years"], list) or not stage["years"]:
        c.fail("stage.years", "must be a non-empty list of {max, stage}")
    previous = -1.0
    for i, bound in enumerate(stage["years"]):
        key = f"stage.years[{i}]"
        c.mapping(bound, key, ("max", "stage"))
        high = c.number(bound["max"], f"{key}.max", 0, 100)
        if high <= previous:
            c.fail(f"{key}.max", "must be larger than the bound before it")
        previous = high
        if bound["stage"] not in STAGE_IDS:
            c.fail(f"{key}.stage", f"must be a stage id, found {bound['stage']!r}")

    constraints = c.mapping(top["constraints"], "constraints")
    c.question_ids(constraints, "constraints", taken=tuple(criteria))
    for cid, constraint in constraints.items():
        key = f"constraints.{cid}"
        c.mapping(constraint, key,
                  ("question", "title", "synonyms", "shift_to", "path", "because", "advice"))
        c.text(constraint["because"], f"{key}.because")
        c.text(constraint["question"], f"{key}.question")
        if "meaning" in constraint:
            c.text(constraint["meaning"], f"{key}.meaning")
        c.text(constraint["title"], f"{key}.title")
        c.texts(constraint["synonyms"], f"{key}.synonyms")
        c.side(constraint["shift_to"], f"{key}.shift_to")
        if constraint["path"] not in PATH_IDS:
            c.fail(f"{key}.path", f"must be a path id, found {constraint['path']!r}")
        c.text(constraint["advice"], f"{key}.advice")
        for side, words in c.mapping(constraint.get("answers", {}), f"{key}.answers").items():
            if side not in ("yes", "no"):
                c.fail(f"{key}.answers.{side}", "must be yes or no")
            c.texts(words, f"{key}.answers.{side}")
        for fid in constraint.get("answers_may_name", []):
            if fid not in FACTOR_IDS:
                c.fail(f"{key}.answers_may_name", f"must list factor ids, found {fid!r}")
        if "yes_below_months" in constraint:
            c.number(constraint["yes_below_months"], f"{key}.yes_below_months", 1, 120)

    rec = c.mapping(
        top["recommendation"], "recommendation",
        ("either_below", "hybrid_below", "confidence", "min_answered_share", "constrained_headline",
         "constrained_startup_advice", "verdicts"),
    )
    c.number(rec["either_below"], "recommendation.either_below", 0, 1)
    c.number(rec["hybrid_below"], "recommendation.hybrid_below", 0, 1)
    c.number(rec["min_answered_share"], "recommendation.min_answered_share", 0, 1)
    c.text(rec["constrained_startup_advice"], "recommendation.constrained_startup_advice")
    c.text(rec["constrained_headline"], "recommendation.constrained_headline")
    if not isinstance(rec["confidence"], list) or not rec["confidence"]:
        c.fail("recommendation.confidence", "must be a non-empty list of {min, label}")
    for i, bound in enumerate(rec["confidence"]):
        c.mapping(bound, f"recommendation.confidence[{i}]", ("min", "label"))
        c.number(bound["min"], f"recommendation.confidence[{i}].min", 0, 1)
        c.text(bound["label"], f"recommendation.confidence[{i}].label")
    if rec["confidence"][-1]["min"] != 0:
        c.fail("recommendation.confidence", "the last bound must have min 0")
    verdicts = c.mapping(rec["verdicts"], "recommendation.verdicts")
    c.exact_ids(verdicts, "recommendation.verdicts", SIDES + ("either",))
    for vid, verdict in verdicts.items():
        c.text(verdict, f"recommendation.verdicts.{vid}")

    paths = c.mapping(top["paths"], "paths")
    c.exact_ids(paths, "paths", PATH_IDS)
    for pid, p in paths.items():
        c.mapping(p, f"paths.{pid}", ("title", "text"))
        c.text(p["title"], f"paths.{pid}.title")
        c.text(p["text"], f"paths.{pid}.text")

    c.text(top["conclusion"], "conclusion")

    agreement = c.mapping(top["agreement"], "agreement", ("scale", "affirm", "deny"))
    scale = c.mapping(agreement["scale"], "agreement.scale")
    if sorted(scale) != list(SCALE_POINTS):
        c.fail("agreement.scale", "must have exactly the points 1, 2, 3, 4, 5")
    for point, entry in scale.items():
        c.mapping(entry, f"agreement.scale.{point}", ("title", "synonyms"))
        c.text(entry["title"], f"agreement.scale.{point}.title")
        c.texts(entry["synonyms"], f"agreement.scale.{point}.synonyms")
    c.texts(agreement["affirm"], "agreement.affirm")
    c.texts(agreement["deny"], "agreement.deny")

    return Knowledge(
        path=path,
        sides=sides,
        factors=factors,
        criteria=criteria,
        stage=stage,
        constraints=constraints,
        recommendation=rec,
        paths=paths,
        conclusion=top["conclusion"].strip(),
        agreement=agreement,
    )


def load(path: Optional[os.PathLike] = None) -> Knowledge:
    """Reads and checks a knowledge file (default: $KNOWLEDGE_FILE or knowledge/career.yml)."""
    path = Path(path or os.environ.get("KNOWLEDGE_FILE") or DEFAULT_PATH)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise KnowledgeError(path, "(file)", f"cannot be read: {error.strerror or error}") from error
    except yaml.YAMLError as error:
        raise KnowledgeError(path, "(file)", f"is not valid YAML: {error}") from error
    return _check(raw, path)


@functools.lru_cache(maxsize=None)
def default() -> Knowledge:
    """The knowledge the running bot uses, loaded and checked once per process."""
    return load()
