"""Intent classification on sentence features only: Rasa's count vectors and logistic regression,
without the work the logistic regression never uses.

Rasa's `CountVectorsFeaturizer` transforms every message twice: token by token into sequence
features, and as a whole into sentence features. Its `LogisticRegressionClassifier` reads only the
sentence features, and builds its input row by stacking them with empty dense features, one sparse
matrix at a time. Profiled per message on the REST channel, that was ~1 ms of the parse's ~2.7 ms.
These subclasses make and read the same sentence features, so predictions are identical
(tests/test_intents.py); a pipeline that needs sequence features (DIET, CRF) keeps Rasa's classes.
"""
from typing import List, Optional, Text, Tuple

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    """`CountVectorsFeaturizer` that makes sentence features only (no per-token sequence)."""

    def _create_features(
        self, attribute: Text, all_tokens: List[List[Text]]
    ) -> Tuple[List[None], List[Optional[scipy.sparse.coo_matrix]]]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
            return [None] * len(all_tokens), [None] * len(all_tokens)
        sentences = []
        for tokens in all_tokens:
            if tokens:
                # as Rasa's: the processed tokens joined, one row, sorted indices
                features = vectorizer.transform([" ".join(tokens)])
                features.sort_indices()
                sentences.append(features.tocoo())
            else:
                sentences.append(None)
        return [None] * len(all_tokens), sentences


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SentenceLogisticRegressionClassifier(LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` whose input rows are the messages' sparse sentence features,
    stacked once (every featurizer's side by side, as Rasa combines them)."""

    def _create_X(self, messages: List[Message]) -> scipy.sparse.csr_matrix:
        rows = []
        for message in messages:
            sentence = message.get_sparse_features(TEXT)[1]
            # a message with no features (no text) gets an all-zero row, not an exception
            rows.append(sentence.features if sentence is not None
                        else scipy.sparse.csr_matrix((1, self.clf.n_features_in_)))
        return scipy.sparse.vstack(rows, format="csr")
