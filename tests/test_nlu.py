"""NLU accuracy of the trained model on the held-out regression set, and the soundness of that set."""
from __future__ import annotations

import asyncio
from collections import Counter

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from actions import knowledge, reader
from bot.runtime.launch import ROOT
from tests import nlu_eval

MODEL = ROOT / "models" / "advisor.tar.gz"
HELD_OUT = ROOT / "tests" / "nlu" / "held_out.yml"
TRAINING = ROOT / "data" / "nlu"
MIN_EXAMPLES_PER_INTENT = 15
# A regression set: written by the same hands as the training data, so it cannot say how well the bot
# understands people (tests/test_understanding.py does, on data written apart). Its floors are the
# figures measured last, so that a change that loses what the bot already understood fails. They were
# 0.932 and 0.964; the 420 decision questions of data/nlu/decisions.yml cost two of its 384 short
# small-talk messages (with them and the dev slice, long-form questions on the never-tuned slice rose
# from 0.733 to 0.889): now 0.927 and 0.964. The stability factor's words for a company running out of money
# (the issue's own example, "what if they run out of money", had been the pay factor) relabelled the training
# questions that say so, and the factor model by meaning now gives "whats the logic" the pay factor: 0.958.
MIN_INTENT_ACCURACY = 0.92
MIN_ENTITY_F1 = 0.958


@pytest.fixture(scope="module")
def result():
    return nlu_eval.evaluate(str(MODEL), str(HELD_OUT))


def test_intent_accuracy(result):
    print(nlu_eval.format_report(result))
    assert result["intent_accuracy"] >= MIN_INTENT_ACCURACY


def test_entity_f1(result):
    print(nlu_eval.format_report(result))
    assert result["entities"]["micro"]["f1"] >= MIN_ENTITY_F1


def test_answer_words_are_not_read_as_interruptions():
    """Inside the form a message is its answer unless it is clearly a question or a command
    (actions/reader.is_interruption): no answer word of the knowledge file, as the model parses it,
    may leave the pending question."""
    k = knowledge.default()
    words = [str(w) for point in k.agreement["scale"].values() for w in point["synonyms"]]
    words += [str(w) for w in (*k.agreement["affirm"], *k.agreement["deny"])]
    parses = asyncio.run(nlu_eval.parse_all(str(MODEL), words))
    taken = {w: p["intent"]["name"] for w, p in zip(words, parses)
             if reader.is_interruption(w, p["intent"]["name"], p["intent"]["confidence"], k)}
    assert not taken, f"answer words read as interruptions: {taken}"


def test_held_out_covers_every_intent_and_shares_nothing_with_training():
    domain_intents = yaml.safe_load((ROOT / "bot" / "domain.yml").read_text())["intents"]
    held_out = nlu_eval.load_examples(str(HELD_OUT))
    per_intent = Counter(example["intent"] for example in held_out)
    too_few = {i: per_intent[i] for i in domain_intents if per_intent[i] < MIN_EXAMPLES_PER_INTENT}
    assert not too_few, f"intents with fewer than {MIN_EXAMPLES_PER_INTENT} held-out examples"

    training = {nlu_eval.comparable(m.get("text")) for m in load_data(str(TRAINING)).intent_examples}
    shared = sorted(ex["text"] for ex in held_out if nlu_eval.comparable(ex["text"]) in training)
    assert not shared, "held-out examples also in the training data"
