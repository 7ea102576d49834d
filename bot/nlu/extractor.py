"""Entity extraction: spaCy patterns generated from the knowledge file, and learned models for what
people say by meaning.

Rasa's own SpacyNLP keeps only the path of a spaCy pipeline and returns surface text as entity values.
This component instead builds a blank English pipeline at train time (lookup lemmatizer, a typo
normaliser and a SpanRuler whose patterns are the knowledge synonyms), writes it into Rasa's model
storage so the model archive is self-contained, and returns canonical ids ("tc" -> compensation).

Where the patterns find nothing, three small models trained at the same time give the entity by
meaning, each only for the messages that must carry it and only when sure:
- factor, for a factor question ("will anyone notice my work at a huge company" is impact), learned
  from the NLU data's factor questions;
- criterion, for a priority stated in other words ("last-minute pivots drive me up the wall" is pace),
  learned from the typed answers with reasons in data/answers/ (each is said of one criterion);
- career_stage, for a stage stated in other words ("just wrapped up my masters"), learned from the
  stage statements there.
An entity found by meaning spans the whole message and carries the model's probability as its
confidence_entity (below 1.0, the patterns' confidence), so that actions can tell the two apart.
"""

import hashlib
import json
import pickle
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Text, Tuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, METADATA, METADATA_EXAMPLE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions import answers, knowledge, reader, situation

SPANS_KEY = "knowledge"
MEANING_MODELS = "meaning_models.pkl"
VOCABULARY = "vocabulary.json"
WORD = re.compile(r"[a-z0-9']+")
# A factor question without any of the factor's words ("will anyone notice my work at a huge company")
# gets the factor the learned model gives it, when at least this likely.
MIN_FACTOR_PROBABILITY = 0.45
MIN_FACTOR_OVERRIDE = 0.65
MIN_FACTOR_ASIDE = 0.7
MIN_SURE_FACTOR_QUESTION = 0.5  # the classifier's confidence in a factor question
OUT_OF_SCOPE = "out_of_scope"
MAX_UNSURE_OUT_OF_SCOPE = 0.7
MAX_UNSURE_UNKNOWN = 0.4
# The confidence of an aside said in so many words (reader.aside_intent): above the fallback's threshold
SAID_IN_WORDS = 0.9
# Emoji alone, as words (answers.emoji_as_words), that say yes.
EMOJI_YES = {"yes", "absolutely"}
FACTOR_INTENT = "ask_factor"
# A question about the asker's own choice ("would a startup suit me better?", "which should I take?")
# asks for a recommendation, whatever factor it names on the way.
OWN_CHOICE = re.compile(
    r"\b(?:suits?|fits?|right (?:move |place |choice |call |step )?for) me\b|\bbetter (?:fit )?for me\b"
    r"|\bwhich (?:one |offer |path |way )?(?:should|would) (?:i|you)\b"
    # a person described: "which is better for a phd grad in NLP" (REST, in my own words: "which factor?")
    r"|\bwhich (?:one |option |path |side )?(?:is|'s|would be) (?:better|best|the better (?:fit|choice|option)) "
    r"for (?:a|an|someone|somebody)\b"
    r"|\bshould i (?:take|join|go|pick|choose|accept|leave|stay|jump|move|switch|quit)\b"
    r"|\bhelp me (?:decide|choose|pick|think)\b|\bwhat would you do\b"
    r"|\bam i (?:crazy|naive|being naive|dumb|stupid)\b|\bsanity check\b|\btalk me (?:out of|into)\b"
    r"|\bneed (?:some )?advice\b"
    # two offers, asked about ("I have two offers, a seed startup and meta. thoughts?"); not "The two offers pay
    # about the same, so I have no opinion on this one." (probe30: taken for a request)
    r"|\b(?:two|2|both|competing|multiple) (?:job )?offers\b(?=.*\?\W*$)"
    # "got a Series A offer w/ 0.3% equity. worth the jump?" (REST, typed as an insider: a factor's text)
    r"|\bworth (?:the |making the )?(?:jump|leap|switch|move)\b|\bjump ship\b", re.IGNORECASE)
# Not knowing what to do next with one's career asks for advice on one's own choice, whatever the classifier
# took it for: "idk what to do with my career tbh" after the greeting had "I haven't made a recommendation
# yet" (ask_why, 0.64: REST).
CAREER_UNSURE = re.compile(
    r"\b(?:idk|dunno|i don'?t know|i do not know|not sure|no idea|unsure|no clue|confused about|torn (?:on|about))"
    r"\W+(?:\w+\W+){0,2}?(?:what to do|where to go|which way to go|what path to take|what'?s next|my next move|"
    r"what to do next)\W+(?:\w+\W+){0,3}?(?:career|job)\b"
    r"|\b(?:career advice|career help|help with my career|advice (?:on|about) my career)\b", re.IGNORECASE)
RECOMMENDATION_INTENT = "ask_recommendation"
# "What would change your answer?" asks why the result is what it is (the breakdown ends with what
# would change it), not to change an answer: the n-gram model hears "change your answer".
WHAT_WOULD_CHANGE = re.compile(
    r"\bwhat (?:would|could|might|will) (?:it take to )?(?:change|flip|swing|turn|tip) (?:it|that|this|"
    r"(?:your|the|my) (?:answer|mind|recommendation|result|verdict|advice|outcome|call))\b"
    r"|\b(?:which|what) (?:answers? |one )?would (?:change|flip) (?:it|that|the (?:result|outcome|answer))\b",
    re.IGNORECASE)
# Another answer supposed: "what if I had said yes to the visa one?" (REST, in my own words: the hybrid path, and a
# whole result in the middle of the assessment).
WHAT_IF_SAID = re.compile(r"\bwhat (?:if|would (?:it|the result) be if) (?:i|i'?d|my|the)\b[^?]*\b(?:said|"
                          r"answered|put|picked|chose|chosen|answer|say|pick|was|were|had been)\b", re.IGNORECASE)
WHY_INTENT = "ask_why"
COMPARE_INTENT = "compare_overall"
# "what if I join a startup and it fails?" asks about a factor, and "what if I do big tech first?" about the hybrid
# path, not what another answer would give (reader.supposed_self)
NOT_SUPPOSING = (FACTOR_INTENT, "ask_hybrid", COMPARE_INTENT, RECOMMENDATION_INTENT)
# "Go on then" is consent in British and Irish English; the n-gram model hears a goodbye in it (REST: "aye go
# on then" typed under the first question had no answer, and "go on then" read goodbye 0.87).
GO_ON = re.compile(r"^\W*(?:(?:aye|yeah|ok(?:ay)?|oh|fine|right)\W+)*go on(?:\W+(?:then|so|ahead|mate))*\W*$",
                   re.IGNORECASE)
# "can you help me think through two offers" (REST, in my own words: the help paragraph) asks for advice too
CHOICE_LOOKALIKES = (FACTOR_INTENT, COMPARE_INTENT, "help")
# What one side gives that the other does not, asked in general: a comparison ("what does a startup give me that
# google doesn't?", REST in my own words: ask_why, "I haven't made a recommendation yet").
SIDES_CONTRASTED = re.compile(
    r"\bwhat (?:do|does|would|will|can|could) (?:a |an |the )?\w+(?:\W+\w+){0,2}? "
    r"(?:give|offer|teach|bring|have)\b[^?]{0,40}?\bthat (?:a |an |the )?\w+(?:\W+\w+){0,2}? "
    r"(?:doesn'?t|don'?t|does not|do not|can'?t|cannot|won'?t|wouldn'?t)\b", re.IGNORECASE)
# Messages that ask about a factor, whether or not they name it: the learned model is asked which.
FACTOR_INTENTS = (FACTOR_INTENT, RECOMMENDATION_INTENT, COMPARE_INTENT)
PRIORITY_INTENT = "inform_priority"
STAGE_INTENT = "inform_stage"
MIN_CRITERION_PROBABILITY = 0.6
MIN_STAGE_PROBABILITY = 0.6
# A typed answer teaches the criterion model only when it says something of its own: not "yes",
# "4" or "no strong feelings".
MIN_REASON_WORDS = 4
# Typo correction needs a word long enough that one edit is still recognisable.
MIN_TYPO_LENGTH = 5
# Words at least this frequent in English (log probability) are real words, never typos.
KNOWN_WORD_LOGPROB = -15.0
NUMBER_WORDS = {
    "no": 0, "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20,
}
YEARS = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")\s*\+?\s*"
    r"(?:yoe\b|years?\b|yrs?\b|y\.?o\.?e\.?)",
    re.IGNORECASE,
)


def _deletes(word: str) -> Set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


def _one_edit_apart(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@Language.factory(
    "knowledge_normalizer",
    default_config={"vocabulary": {}, "protected": []},
)
def make_normalizer(nlp: Language, name: str, vocabulary: Dict[str, str], protected: List[str]):
    return KnowledgeNormalizer(vocabulary, protected)


class KnowledgeNormalizer:
    """Sets each token's NORM to its lower-case lemma, with one-edit typos of knowledge words fixed.

    `vocabulary` maps every form of a knowledge word (as typed, and its lemma) to its lemma.
    """

    def __init__(self, vocabulary: Dict[str, str], protected: Iterable[str]) -> None:
        self.vocabulary = dict(vocabulary)
        self.protected = set(protected)
        self.index: Dict[str, Set[str]] = {}
        for word in self.vocabulary:
            if len(word) >= MIN_TYPO_LENGTH:
                for variant in _deletes(word):
                    self.index.setdefault(variant, set()).add(word)

    def correct(self, word: str) -> str:
        if word in self.vocabulary:
            return self.vocabulary[word]
        if word in self.protected:
            return word
        if len(word) < MIN_TYPO_LENGTH or not word.isalpha():
            return word
        candidates = {c for v in _deletes(word) for c in self.index.get(v, ())}
        matches = sorted(c for c in candidates if _one_edit_apart(word, c))
        if len(matches) > 1:
            # Typing drops letters more often than it adds them: "startp" is "startup", not "start".
            matches = [c for c in matches if len(c) >= len(word)]
        return self.vocabulary[matches[0]] if len(matches) == 1 else word

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = (token.lemma_ or token.text).lower()
            if lemma == token.lower_:
                lemma = self.correct(token.lower_)
            token.norm_ = lemma
        return doc


def _patterns(k: knowledge.Knowledge) -> List[Dict[str, str]]:
    return [
        {"label": entity, "id": canonical, "pattern": phrase.lower()}
        for entity, values in k.entity_synonyms().items()
        for canonical, phrases in values.items()
        for phrase in phrases
    ]


def build_pipeline(k: knowledge.Knowledge) -> Language:
    """A blank English pipeline that tags the knowledge's entities; needs no downloaded weights."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from the spacy-lookups-data package
    patterns = _patterns(k)
    lemmatize = spacy.blank("en")
    lemmatize.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatize.initialize()
    vocabulary = {
        form: (t.lemma_ or t.text).lower()
        for doc in lemmatize.pipe(p["pattern"] for p in patterns)
        for t in doc
        for form in (t.lower_, (t.lemma_ or t.text).lower())
    }
    nlp.add_pipe(
        "knowledge_normalizer",
        config={"vocabulary": vocabulary, "protected": _real_words_near(vocabulary)},
    )
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "NORM", "overwrite": True},
    )
    ruler.add_patterns(patterns)
    return nlp


def _real_words_near(vocabulary: Dict[str, str]) -> List[str]:
    """English words one edit away from a knowledge word ("table" near "stable"): not typos."""
    import spacy_lookups_data
    import srsly

    # Read the raw table: spaCy's Lookups keep only hashes of the words.
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    probabilities = srsly.read_gzip_json(table)
    near: Dict[str, Set[str]] = {}
    for word in vocabulary:
        if len(word) >= MIN_TYPO_LENGTH:
            for variant in _deletes(word):
                near.setdefault(variant, set()).add(word)
    protected = set()
    for word, logprob in probabilities.items():
        if logprob < KNOWN_WORD_LOGPROB or word != word.lower() or word in vocabulary:
            continue
        if len(word) >= MIN_TYPO_LENGTH - 1 and any(v in near for v in _deletes(word)):
            protected.add(word)
    return sorted(protected)


# "Ten years ago I wanted ...": a time, not years worked; unless a career began then ("graduated 5 years ago").
YEARS_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
CAREER_BEGAN = re.compile(r"\b(?:graduat|start|finish|join|began|begin|defend|left (?:school|uni|college))\w*",
                          re.IGNORECASE)


def _years_stated(text: str) -> Iterable[Tuple[int, int, float]]:
    """(start, end, years worked) for "3 yoe", "two years in" and "since 2009"."""
    runway = [found.span() for found in situation.YEARS_OF_RUNWAY.finditer(text.lower())]
    for match in YEARS.finditer(text):
        if any(start <= match.start() < end for start, end in runway):
            continue  # "I've saved about a year", "savings would cover two years": the runway's years
        before = text[max(0, match.start() - 40):match.start()]
        if YEARS_AGO.match(text, match.end()) and not CAREER_BEGAN.search(before):
            continue
        if situation.YEARS_NOT_WORKED.match(text, match.end()):  # "two years of savings", "3 years left"
            continue
        amount = match.group(1).lower()
        yield match.start(), match.end(), float(NUMBER_WORDS.get(amount, amount))
    for match in situation.SINCE_YEAR.finditer(text.lower()):
        yield match.start(), match.end(), situation.years_since(match.group(1))


def _answer_phrases(k: knowledge.Knowledge) -> List[re.Pattern]:
    """The knowledge file's phrases of more than one word for answering its yes/no questions."""
    return [reader.answers.whole_words(phrase.lower())
            for constraint in k.constraints.values()
            for phrases in constraint.get("answers", {}).values()
            for phrase in phrases if " " in phrase]


# A way to think a choice through, after a criterion's word: "a structured way to think about it", "a clear
# framework for deciding".
WAY_TO_DECIDE = re.compile(r"\s+(?:way|approach|framework|method|process)\s+(?:to|of|for)\s+(?:think|decid|"
                           r"approach|compar|weigh|figur|choos|look|"
                           r"mak(?:e|ing) (?:the|this|a|my) (?:choice|decision)|go about)", re.I)


def extract(nlp: Language, k: knowledge.Knowledge, text: str) -> List[Dict[str, Any]]:
    """Entities in Rasa's format, values being canonical knowledge ids."""
    doc = nlp(text)
    found: List[Dict[str, Any]] = []
    by_label: Dict[str, list] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        by_label.setdefault(span.label_, []).append(span)
    for label, spans in by_label.items():
        for span in filter_spans(spans):
            entity, _, role = label.partition(":")
            found.append(_entity(entity, span.id_, span.start_char, span.end_char, span.text, role))
    for start, end, years in _years_stated(text):
        found = _drop(found, "career_stage", lambda e: e["start"] < end and start < e["end"])
        found.append(_entity("career_stage", k.stage_for_years(years), start, end, text[start:end]))
    lower = text.lower()
    # "I have student loans", "on a student visa": a yes/no answer's phrase that holds a stage's word
    # says nothing of the stage (it had overwritten an early-career stage with student)
    inside = [match.span() for phrase in _answer_phrases(k) for match in phrase.finditer(lower)]
    found = _drop(found, "career_stage", lambda e: _within(e, inside))
    # someone else's stage is none of the user's: "my manager thinks I'm wasted at Amazon" in an opener (REST, in
    # my own words) and "is the impact one about users or about my manager noticing?" at a statement had made a
    # mid-career user senior
    found = _drop(found, "career_stage",
                  lambda e: situation.someone_elses_stage(text[:e["start"]], e["text"], text[e["end"]:]))
    # "phd student, wondering where to go after I graduate": a student, not also a new grad
    future = [match.span() for match in situation.FUTURE_GRADUATION.finditer(lower)]
    found = _drop(found, "career_stage", lambda e: e["value"] == "new_grad" and _within(e, future))
    # "I would appreciate a structured way to think about it" in an opener asks for a way to decide, not for a
    # structured career path (REST: noted as Strongly agree, and the question skipped)
    found = _drop(found, "criterion", lambda e: bool(WAY_TO_DECIDE.match(text[e["end"]:])))
    stated = situation.stage_stated(text, k)
    stages = [e for e in found if e["entity"] == "career_stage"]
    if stated is not None and stages:
        # One stage per message, the one the text states outright: "2 years into my first job" is
        # early career, not also a new grad; "junior year" is a student, not a junior engineer.
        first = min(stages, key=lambda e: e["start"])
        found = [e for e in found if e["entity"] != "career_stage"]
        found.append({**first, "value": stated})
    return sorted(found, key=lambda e: (e["start"], e["entity"]))


def _drop(found: List[Dict[str, Any]], entity: str, test: Callable[[Dict[str, Any]], bool]
          ) -> List[Dict[str, Any]]:
    """The entities found, less those of the kind that the test picks out."""
    return [e for e in found if not (e["entity"] == entity and test(e))]


def _within(entity: Dict[str, Any], spans: List[Tuple[int, int]]) -> bool:
    return any(start <= entity["start"] and entity["end"] <= end for start, end in spans)


def _entity(
    label: str, value: str, start: int, end: int, text: str, role: str = ""
) -> Dict[str, Any]:
    entity = {
        "entity": label,
        "value": value,
        "start": start,
        "end": end,
        "confidence_entity": 1.0,
        "extractor": KnowledgeEntityExtractor.__name__,
        "text": text,
    }
    if role:
        entity["role"] = role
    return entity


class MeaningModel:
    """Which id (a factor, a criterion, a stage) a message means, over word and character n-grams."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, make_pipeline

        self.pipeline = make_pipeline(
            FeatureUnion([
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                          min_df=2)),
            ]),
            # newton-cg: the same fit as lbfgs (probabilities equal to 0.0002) in 18 iterations, not 177
            LogisticRegression(C=5.0, max_iter=2000, class_weight="balanced", solver="newton-cg"),
        )

    @classmethod
    def trained(cls, texts: List[str], labels: List[str]) -> Optional["MeaningModel"]:
        """A model, or None when the examples name fewer than two ids (nothing to tell apart)."""
        return cls().fit(texts, labels) if len(set(labels)) > 1 else None

    def fit(self, texts: List[str], labels: List[str]) -> "MeaningModel":
        self.pipeline.fit(texts, labels)
        return self

    def predict(self, text: str, at_least: float) -> Optional[Tuple[str, float]]:
        """(id, probability) of the likeliest id, when at least `at_least` likely."""
        from scipy.sparse import hstack

        union, classifier = self.pipeline[0], self.pipeline[-1]
        # the pipeline's own predict_proba, with the n-grams weighed by reader.tfidf: a third of the time
        features = hstack([reader.tfidf(vectorizer, [text.lower()]) for _, vectorizer in union.transformer_list])
        probabilities = classifier.predict_proba(features.tocsr())[0]
        best = probabilities.argmax()
        if probabilities[best] < at_least:
            return None
        return str(self.pipeline.classes_[best]), float(probabilities[best])


def factor_examples(nlp: Language, k: knowledge.Knowledge, training_data: TrainingData):
    """(text, factor) for every factor question of the training data whose factor is known."""
    texts, labels = [], []
    for message in training_data.intent_examples:
        if message.get(INTENT) != FACTOR_INTENT or not message.get(TEXT):
            continue
        labelled = ((message.get(METADATA) or {}).get(METADATA_EXAMPLE) or {}).get("factor")
        if labelled is None:
            found = {e["value"] for e in extract(nlp, k, message.get(TEXT)) if e["entity"] == "factor"}
            labelled = found.pop() if len(found) == 1 else None
        if labelled in k.factors:
            texts.append(message.get(TEXT).lower())
            labels.append(labelled)
    return texts, labels


def answer_examples(k: knowledge.Knowledge, files: Iterable[Path]):
    """(text, criterion) for the typed answers that give a reason, and (text, stage) for the stage
    statements, of the answer reader's training data."""
    labelled = reader.load_labelled(k, files)
    criteria: Tuple[List[str], List[str]] = ([], [])
    stages: Tuple[List[str], List[str]] = ([], [])
    for text, question, label in labelled.agreement:
        text = text.lower()
        if label != reader.NEUTRAL and len(re.findall(r"[a-z']+", text)) >= MIN_REASON_WORDS:
            criteria[0].append(text)
            criteria[1].append(question)
    for text, label in labelled.stage:
        if label in k.stage["values"]:
            stages[0].append(text.lower())
            stages[1].append(label)
    return criteria, stages


def _set_intent(message: Message, name: Optional[str], confidence: Optional[float]) -> None:
    """Puts a corrected intent on the message, in the output the channels and tests see."""
    message.set(INTENT, {INTENT_NAME_KEY: name, "confidence": confidence}, add_to_output=True)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True
)
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Finds factor, company_type, career_stage and criterion entities from knowledge patterns; a
    factor question that names no factor's words gets its factor from a learned model. Placed after
    the intent classifier in config.yml, so that it knows which messages are factor questions."""

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        nlp: Optional[Language] = None,
        models: Optional[Dict[str, Optional[MeaningModel]]] = None,
        vocabulary: Iterable[str] = (),
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._nlp = nlp
        self._models = models or {}
        self._vocabulary = frozenset(vocabulary)
        self._knowledge = knowledge.default()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        # Retrain when the knowledge, the typed answers or this code changes, not only the NLU data.
        digest = hashlib.sha256()
        for path in (knowledge.default().path, Path(__file__), *reader.training_files()):
            digest.update(Path(path).read_bytes())
        return digest.hexdigest()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KnowledgeEntityExtractor":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "KnowledgeEntityExtractor":
        with model_storage.read_from(resource) as directory:
            nlp = spacy.load(directory / "spacy")
            with (directory / MEANING_MODELS).open("rb") as handle:
                models = pickle.load(handle)
            vocabulary = json.loads((directory / VOCABULARY).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, nlp, models, vocabulary)

    def train(self, training_data: TrainingData) -> Resource:
        self._nlp = build_pipeline(self._knowledge)
        criteria, stages = answer_examples(self._knowledge, reader.training_files())
        self._models = {
            "factor": MeaningModel.trained(*factor_examples(self._nlp, self._knowledge, training_data)),
            "criterion": MeaningModel.trained(*criteria),
            "career_stage": MeaningModel.trained(*stages),
        }
        self._vocabulary = frozenset(word for example in training_data.training_examples
                                     for word in WORD.findall((example.get(TEXT) or "").lower()))
        with self._model_storage.write_to(self._resource) as directory:
            self._nlp.to_disk(directory / "spacy")
            with (directory / MEANING_MODELS).open("wb") as handle:
                pickle.dump(self._models, handle)
            (directory / VOCABULARY).write_text(json.dumps(sorted(self._vocabulary)), encoding="utf-8")
        return self._resource

    def _by_meaning(self, entity: str, text: str, at_least: float) -> Optional[Dict[str, Any]]:
        model = self._models.get(entity)
        found = model.predict(text, at_least) if model is not None else None
        if found is None:
            return None
        value, probability = found
        return {**_entity(entity, value, 0, len(text), text), "confidence_entity": probability}

    @staticmethod
    def _corrected_intent(message: Message, entities: List[Dict[str, Any]],
                          vocabulary: Iterable[str] = frozenset(),
                          k: Optional[knowledge.Knowledge] = None) -> Optional[str]:
        """The classifier's intent, except that a question naming a factor's words which it took,
        unsure, for out of scope ("how's the job security") is a factor question, and a factor
        question or comparison that asks about the asker's own choice (OWN_CHOICE) is a request for a
        recommendation, and "what would change your answer?" asks why, as does a word of the statements asked
        about ("define ambiguous", `reader.meaning_asked`): the patterns are precise where
        the n-gram model is not. A message with no word of the training data and no entity ("qwxz
        vbnm") that the classifier is unsure of gets no confidence at all, so that the
        FallbackClassifier after this component asks to rephrase: the character n-grams alone find an
        intent in anything, while a sure reading of an unknown word is usually a typo or slang they
        caught ("henlo", "okie"). A 👍 or 👎 alone is a yes or a no."""
        intent = message.get(INTENT) or {}
        name = intent.get(INTENT_NAME_KEY)
        text = message.get(TEXT) or ""
        emoji = set(answers.emoji_as_words(text).split()) if answers.EMOJI.search(text) else set()
        said = "affirm" if emoji and emoji <= EMOJI_YES else "deny" if emoji == {"no"} else None
        if said:
            # "👍" under the overview's offer had the fallback's "Sorry, I didn't quite get that" (REST)
            _set_intent(message, said, SAID_IN_WORDS)
            return said
        words = WORD.findall(text.lower())
        if (vocabulary and not entities and (intent.get("confidence") or 0.0) < MAX_UNSURE_UNKNOWN
                and not any(word in vocabulary for word in words)):
            _set_intent(message, name, 0.0)
            return name
        corrected, confidence = name, intent.get("confidence")
        known = k or knowledge.default()  # lru-cached: no load per message
        if (name == OUT_OF_SCOPE and (intent.get("confidence") or 0.0) < MAX_UNSURE_OUT_OF_SCOPE
                and any(e["entity"] == "factor" for e in entities) and reader.is_question(text)):
            corrected = FACTOR_INTENT
        elif (name in CHOICE_LOOKALIKES and OWN_CHOICE.search(text)) or CAREER_UNSURE.search(text):
            corrected = RECOMMENDATION_INTENT
        elif aside := reader.aside_intent(text):
            # "I'd like to correct my response to the structure statement" (read as a priority), "can we pick
            # this up later" (out of scope): what to do with the assessment, said in so many words, so sure
            # whatever the classifier's confidence ("where were we?" had 0.29: the fallback's, REST)
            corrected, confidence = aside, max(confidence or 0.0, SAID_IN_WORDS)
        elif (WHAT_WOULD_CHANGE.search(text) or WHAT_IF_SAID.search(text) or reader.not_understood(text)
              or (name not in NOT_SUPPOSING and reader.supposed_self(text)) or reader.relevance_asked(text)
              or reader.meaning_asked(text, known) or reader.sides_asked(text, known)
              or reader.scoring_asked(text) or reader.stages_asked(text, known)):
            # "i don't understand the question", "define ambiguous", "what counts as big tech?", "how is this
            # scored?" ask what the words or the result mean
            corrected = WHY_INTENT
        elif name == WHY_INTENT and SIDES_CONTRASTED.search(text):
            corrected = COMPARE_INTENT
        elif name == "goodbye" and GO_ON.match(text):
            corrected = "affirm"
        elif name == WHY_INTENT and reader.word_asked(text):
            # "what does vesting mean" asks about no word of the statements: no question about the pending
            # one (REST: it got the pending question's reason); a factor's question if it names a factor, by
            # its words or (process) its meaning
            corrected = FACTOR_INTENT
        if (corrected, confidence) != (name, intent.get("confidence")):
            _set_intent(message, corrected, confidence)
        return corrected

    def _meant(self, text: str, intent: Optional[str], entities: List[Dict[str, Any]],
               intent_confidence: float) -> List[Dict[str, Any]]:
        """The entities a message means that the patterns did not find (see the module docstring)."""
        named = {kind: [e for e in entities if e["entity"] == kind]
                 for kind in ("factor", "criterion", "career_stage", "constraint")}
        meant = []
        if (intent in FACTOR_INTENTS or reader.is_question(text)) and not named["factor"]:
            # A factor question names a factor; a request for advice or a comparison only
            # sometimes does, nor does a message only perhaps a factor question ("lay out the
            # differences"): there the model must be surer.
            sure = intent == FACTOR_INTENT and intent_confidence >= MIN_SURE_FACTOR_QUESTION
            meant.append(self._by_meaning("factor", text, MIN_FACTOR_PROBABILITY if sure else MIN_FACTOR_ASIDE))
        elif intent == FACTOR_INTENT and len(named["factor"]) == 1:
            # A keyword can mislead ("what if they run out of money" is about stability, not
            # pay): a factor question's meaning wins when the model is sure of it.
            override = self._by_meaning("factor", text, MIN_FACTOR_OVERRIDE)
            if override is not None:
                named["factor"][0]["value"] = override["value"]
        # "I'm on an H-1B" says a constraint, no priority: a criterion by meaning had noted it as a risk answer
        if intent == PRIORITY_INTENT and not named["criterion"] and not named["constraint"]:
            meant.append(self._by_meaning("criterion", text, MIN_CRITERION_PROBABILITY))
        if intent == STAGE_INTENT and not named["career_stage"]:
            meant.append(self._by_meaning("career_stage", text, MIN_STAGE_PROBABILITY))
        return [entity for entity in meant if entity is not None]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text or self._nlp is None:
                continue
            entities = extract(self._nlp, self._knowledge, text)
            intent = self._corrected_intent(message, entities, self._vocabulary, self._knowledge)
            entities += self._meant(text, intent, entities,
                                    (message.get(INTENT) or {}).get("confidence") or 0.0)
            if (intent == FACTOR_INTENT and reader.word_asked(text)
                    and not any(e["entity"] == "factor" for e in entities)):
                # a word asked about that no factor covers, by its words or its meaning ("what does vesting
                # mean"), is outside the article
                _set_intent(message, OUT_OF_SCOPE, (message.get(INTENT) or {}).get("confidence"))
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
