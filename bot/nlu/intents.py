"""Intent classification on sentence features only: Rasa's count vectors and logistic regression,
without the work the logistic regression never uses.

Rasa's `CountVectorsFeaturizer` transforms every message twice: token by token into sequence
features, and as a whole into sentence features. Its `LogisticRegressionClassifier` reads only the
sentence features, and builds its input row by stacking them with empty dense features, one sparse
matrix at a time. These subclasses skip that work, which shortens every parse (figures:
docs/benchmarks.md, "Profiling behind the patches"). They make and read the same sentence
features, so predictions are identical (tests/test_intents.py). A pipeline whose components read
sequence or label features (DIET, ResponseSelector, end-to-end TED) keeps Rasa's featurizer.
"""
import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


class _RetrainedWhenThisFileChanges:
    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        # Rasa's training cache knows a component by its name, config and inputs, not its code.
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(_RetrainedWhenThisFileChanges, CountVectorsFeaturizer):
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
class SentenceLogisticRegressionClassifier(_RetrainedWhenThisFileChanges,
                                           LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` whose input is stacked once from the messages' sentence
    features: sparse, then dense, as Rasa's."""

    def _create_X(self, messages: List[Message]) -> scipy.sparse.csr_matrix:
        return scipy.sparse.vstack([self._row(message) for message in messages], format="csr")

    def _row(self, message: Message) -> scipy.sparse.spmatrix:
        parts = [features.features
                 for features in (message.get_sparse_features(TEXT)[1],
                                  message.get_dense_features(TEXT)[1])
                 if features is not None]
        if not parts:
            # no text at all: read as the empty message, whose features are all zero
            return scipy.sparse.csr_matrix((1, self.clf.n_features_in_))
        return parts[0] if len(parts) == 1 else scipy.sparse.hstack(parts)
