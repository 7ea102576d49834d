"""The sentence-only featurizer and classifier (bot/nlu/intents.py) against Rasa's own: trained side by
side on the project's NLU data, they must make the same sentence features and the same predictions."""
import warnings

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intents import SentenceCountVectorsFeaturizer, SentenceLogisticRegressionClassifier

# as config.yml: word counts, then character n-grams
FEATURIZER_CONFIGS = [{}, {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4}]


class Pipeline:
    """Tokenizer, two count-vector featurizers and a logistic regression, of the given classes."""

    def __init__(self, storage, featurizer_class, classifier_class, training_data):
        context = ExecutionContext(GraphSchema({}), "test")

        def create(cls, name, config):
            return cls.create({**cls.get_default_config(), **config}, storage, Resource(name), context)

        tag = featurizer_class.__name__
        self.tokenizer = create(WhitespaceTokenizer, f"{tag}_tokens", {})
        self.featurizers = [create(featurizer_class, f"{tag}_{i}", config)
                            for i, config in enumerate(FEATURIZER_CONFIGS)]
        self.classifier = create(classifier_class, f"{tag}_lr", {"random_state": 1})
        self.tokenizer.process_training_data(training_data)
        for featurizer in self.featurizers:
            featurizer.train(training_data)
            featurizer.process_training_data(training_data)
        self.classifier.train(training_data)

    def parse(self, text):
        messages = self.tokenizer.process([Message(data={TEXT: text})])
        for featurizer in self.featurizers:
            messages = featurizer.process(messages)
        return self.classifier.process(messages)[0]


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    data = load_data("data/nlu")
    rasa = Pipeline(storage, CountVectorsFeaturizer, LogisticRegressionClassifier, data)
    ours_data = load_data("data/nlu")
    ours = Pipeline(storage, SentenceCountVectorsFeaturizer, SentenceLogisticRegressionClassifier,
                    ours_data)
    return rasa, ours, data, ours_data


def held_out_texts():
    with warnings.catch_warnings():  # the held-out file maps one word to two entities' synonyms
        warnings.simplefilter("ignore")
        return [message.get(TEXT) for message in load_data("tests/nlu/held_out.yml").intent_examples]


def test_the_sentence_features_are_rasas_and_there_is_no_sequence(pipelines):
    _, _, data, ours_data = pipelines
    pairs = list(zip(data.intent_examples, ours_data.intent_examples))
    assert len(pairs) > 1000
    for theirs, ours in pairs:
        sequence, sentence = ours.get_sparse_features(TEXT)
        assert sequence is None
        expected = theirs.get_sparse_features(TEXT)[1].features
        assert sentence.features.shape == expected.shape
        assert (sentence.features.tocsr() != expected.tocsr()).nnz == 0


def test_the_classifier_predicts_as_rasas(pipelines):
    rasa, ours, _, _ = pipelines
    np.testing.assert_array_equal(ours.classifier.clf.coef_, rasa.classifier.clf.coef_)
    texts = held_out_texts()
    assert len(texts) > 300
    for text in texts:
        theirs, mine = rasa.parse(text), ours.parse(text)
        assert mine.get("intent")["name"] == theirs.get("intent")["name"], text
        assert mine.get("intent")["confidence"] == pytest.approx(theirs.get("intent")["confidence"])
        assert [i["name"] for i in mine.get("intent_ranking")] == \
               [i["name"] for i in theirs.get("intent_ranking")]


def test_a_message_without_text_reads_as_the_empty_message(pipelines):
    _, ours, _, _ = pipelines
    empty = ours.parse("")
    no_text = ours.classifier.process([Message(data={})])[0]
    assert no_text.get("intent_ranking") == empty.get("intent_ranking")
    assert empty.get("intent")["name"] in ours.classifier.clf.classes_


def test_the_input_rows_are_rasas_with_dense_features_too(pipelines):
    _, ours, _, _ = pipelines
    message = ours.parse("is the pay better at a startup?")
    sparse_only = ours.classifier._create_X([message, message])
    message.add_features(Features(np.array([[0.5, -1.0, 2.0]]), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    for messages in ([message], [message, message]):
        expected = LogisticRegressionClassifier._create_X(ours.classifier, messages)
        mine = ours.classifier._create_X(messages)
        assert mine.shape == expected.shape == (len(messages), sparse_only.shape[1] + 3)
        assert (mine != expected).nnz == 0
