"""Floors for understanding, measured on data written apart from the bot (tests/understanding.py,
tests/eval/). The holdout slice was never used for tuning: its floors are the reported figures, rounded
down; the tune slice's floors guard what tuning won. Exact figures: `python -m tests.understanding`."""
import pytest

from actions import reader
from tests import understanding

# Issue targets: answers read right >= 0.95 with none the wrong way round; intents on chat messages
# >= 0.92, long-form questions >= 0.70; factor/criterion/stage entities >= 0.90; openers start the
# assessment >= 90%; simulated people >= 22 of 24 right, no loops. Floors below the target are the
# measured figure where it falls short (docs/benchmarks.md says which).
FLOORS = {
    # Measured 2026-12-01 (docs/benchmarks.md, section 0): two targets missed by one item each, the
    # floors are the measured figures: one answer read the wrong way round, entity recall 0.890.
    "holdout": {"answer_accuracy": 0.95, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 0.98,
                "chat": 0.94, "long_form": 0.73, "opener": 0.93, "entities": 0.89,
                "openers_started": 1.0, "personas_right": 22 / 24},
    # A third writer's slice, written after the first two and used for tuning like `tune`.
    "dev": {"answer_accuracy": 0.97, "wrong_way": 0, "stage_accuracy": 0.97, "yes_no_accuracy": 0.97,
            "chat": 0.95, "long_form": 0.8, "opener": 0.86, "entities": 0.94,
            "openers_started": 0.91, "personas_right": 15 / 16},
    # The tune slice has been folded into training (data/answers/tune_slice.yml,
    # data/nlu/written_apart.yml): its floors guard against a regression, they measure nothing new.
    "tune": {"answer_accuracy": 0.95, "wrong_way": 0, "stage_accuracy": 0.96, "yes_no_accuracy": 0.96,
             "chat": 0.93, "long_form": 0.84, "opener": 0.96, "entities": 0.94,
             "openers_started": 0.98, "personas_right": 27 / 28},
}


@pytest.fixture(scope="module")
def the_reader():
    return reader.build()


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_typed_answers(the_reader, slice_name):
    figures = understanding.answer_figures(slice_name, the_reader)
    floor = FLOORS[slice_name]
    print(figures)
    assert figures["answer_accuracy"] >= floor["answer_accuracy"]
    assert figures["wrong_way"] <= floor["wrong_way"], figures["wrong_way_examples"]
    assert figures["stage_accuracy"] >= floor["stage_accuracy"], figures["stage_misses"]
    assert figures["yes_no_accuracy"] >= floor["yes_no_accuracy"]
    assert figures["yes_no_wrong"] == 0


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_intents_and_entities(slice_name):
    figures = understanding.nlu_figures(slice_name)
    floor = FLOORS[slice_name]
    print(figures)
    for kind in ("chat", "long_form", "opener"):
        assert figures["intent_accuracy"][kind] >= floor[kind], (kind, figures["confusions"])
    assert figures["entity_recall"] >= floor["entities"], figures["entity_misses"]
    assert figures["entity_precision"] >= floor["entities"], figures["entity_misses"]


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_openers_start_the_assessment(advisor, slice_name):
    figures = understanding.opener_figures(slice_name, advisor.say)
    print(figures)
    assert figures["started"] / figures["openers"] >= FLOORS[slice_name]["openers_started"], \
        figures["missed"]


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_simulated_people_reach_the_right_recommendation(advisor, slice_name):
    figures = understanding.persona_figures(slice_name, advisor.say)
    print({k: v for k, v in figures.items() if k != "misses"})
    assert figures["loops"] == 0
    assert figures["right"] / figures["personas"] >= FLOORS[slice_name]["personas_right"], \
        figures["misses"]
