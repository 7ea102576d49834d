"""The spaCy knowledge entity extractor: canonical ids, chat spelling, typos, years of experience,
and a pipeline that survives Rasa's model storage."""
import pytest

from actions import knowledge
from bot.nlu import extractor as nlu

K = knowledge.load()


@pytest.fixture(scope="module")
def pipeline():
    return nlu.build_pipeline(K)


def found(pipeline, text):
    return {(e["entity"], e["value"]) for e in nlu.extract(pipeline, K, text)}


@pytest.mark.parametrize("text, expected", [
    ("what about the TC at faang?", {("factor", "compensation"), ("company_type", "big_tech")}),
    ("how's the compnesation at big co", {("factor", "compensation"), ("company_type", "big_tech")}),
    ("mentorship at a startp", {("factor", "learning"), ("company_type", "startup")}),
    ("layoffs?", {("factor", "stability")}),
    ("promotions ladder", {("factor", "career_growth"), ("criterion", "structure")}),
    ("RSUs at Meta", {("factor", "compensation"), ("company_type", "big_tech")}),
    ("i just finished my masters", {("career_stage", "new_grad")}),
    ("I have 2 yoe", {("career_stage", "early")}),
    ("two years in", {("career_stage", "early")}),
    ("12 years of experience", {("career_stage", "senior")}),
    ("need a visa", {("constraint", "needs_sponsorship")}),
])
def test_canonical_ids(pipeline, text, expected):
    assert expected <= found(pipeline, text)


def test_real_words_are_not_typos(pipeline):
    assert found(pipeline, "put it on the table") == set()
    assert found(pipeline, "it's stale") == set()


def test_opposite_phrases_carry_the_against_role(pipeline):
    entities = nlu.extract(pipeline, K, "stability matters most to me")
    risk = [e for e in entities if e["entity"] == "criterion"]
    assert risk and risk[0]["value"] == "risk" and risk[0]["role"] == "against"


def test_offsets_point_at_the_surface_text(pipeline):
    text = "is the pay better at google"
    for entity in nlu.extract(pipeline, K, text):
        assert text[entity["start"]:entity["end"]] == entity["text"]


def test_the_pipeline_round_trips_through_disk(pipeline, tmp_path):
    import spacy

    pipeline.to_disk(tmp_path / "spacy")
    loaded = spacy.load(tmp_path / "spacy")
    text = "wat about compnesation and layoffs at faang, 3 yoe"
    assert nlu.extract(loaded, K, text) == nlu.extract(pipeline, K, text)
