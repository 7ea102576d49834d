"""The form's questions: responses made from the knowledge file at train time (bot/nlu/importer.py),
rendered by Rasa itself, so that asking the next question needs no call to the action server."""
import asyncio

import pytest
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker

from actions import knowledge
from actions.knowledge import default
from bot.runtime.launch import ROOT
from tests.validate_data import AdvisorValidator, project_importer, validate

# The assessment's questions, in the order they are asked: the knowledge file's.
QUESTIONS = default().questions

K = knowledge.load()


@pytest.fixture(scope="module")
def importer():
    return project_importer()


@pytest.fixture(scope="module")
def domain(importer):
    return importer.get_domain()


def rendered(domain, slot):
    """The question as Rasa sends it, filled with a tracker's slots like any response."""
    tracker = DialogueStateTracker.from_events("questions", [], domain.slots)
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    return asyncio.run(nlg.generate(f"utter_ask_{slot}", tracker, "rest"))


def test_the_form_asks_every_question_with_a_response_not_an_action(domain):
    required = domain.forms["assessment_form"]["required_slots"]
    assert [slot for slot in required if slot != "answer_to_change"] == list(QUESTIONS)
    for slot in QUESTIONS:
        assert f"utter_ask_{slot}" in domain.responses
        assert f"action_ask_{slot}" not in domain.action_names_or_texts


def test_each_question_comes_from_the_knowledge_file_with_buttons(domain):
    for number, cid in enumerate(K.criteria, start=2):
        message = rendered(domain, cid)
        assert message["text"] == (f'({number}/{len(QUESTIONS)}) How much do you agree? '
                                   f'"{K.criteria[cid]["statement"]}"')
        assert [b["payload"] for b in message["buttons"]] == [
            f'/answer{{"agreement": "{p}"}}' for p in range(1, 6)]
        assert [b["title"] for b in message["buttons"]] == [
            entry["title"] for entry in K.agreement["scale"].values()]
    stage = rendered(domain, "stage")
    assert stage["text"] == f"(1/{len(QUESTIONS)}) {K.stage['question']}"
    assert [b["payload"] for b in stage["buttons"]] == [
        *(f'/inform_stage{{"career_stage": "{sid}"}}' for sid in K.stage["values"]),
        '/answer{"agreement": "3"}']
    visa = rendered(domain, "needs_sponsorship")
    assert visa["text"].endswith(K.constraints["needs_sponsorship"]["question"])
    assert [b["payload"] for b in visa["buttons"]] == ["/affirm", "/deny"]
    assert len(QUESTIONS) == 11


def test_braces_in_the_knowledge_file_come_out_as_written(tmp_path, monkeypatch):
    # Rasa fills {slot} placeholders in responses: the importer escapes what the knowledge says.
    text = (ROOT / "knowledge" / "career.yml").read_text()
    statement = K.criteria["pace"]["statement"]
    changed = tmp_path / "career.yml"
    changed.write_text(text.replace(statement, "I like {pace} and {{braces}}."))
    monkeypatch.setenv("KNOWLEDGE_FILE", str(changed))
    assert rendered(project_importer().get_domain(), "pace")["text"].endswith('"I like {pace} and {{braces}}."')


def test_validation_counts_the_questions_as_used_and_nothing_else(importer):
    from rasa.shared.core.domain import Domain

    nlu, stories = importer.get_nlu_data(), importer.get_stories()
    assert validate(AdvisorValidator(importer.get_domain(), nlu, stories, {}))
    unused = importer.get_domain().merge(Domain.from_dict(
        {"actions": ["utter_unused"], "responses": {"utter_unused": [{"text": "never said"}]}}))
    assert not validate(AdvisorValidator(unused, nlu, stories, {}))
