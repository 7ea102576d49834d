"""Rasa's file importer, plus the assessment's schema made from the knowledge file at train time.

The knowledge file's criteria and constraints are the assessment's questions (Knowledge.questions), so
this importer adds to bot/domain.yml (config.yml names it):
- a slot for each: a criterion's answer is a float from 1 to 5, a constraint's a bool; each filled
  only while the form asks for it (a custom mapping with conditions, read by actions/forms.py);
- the form `assessment_form`, asking the stage, the criteria and the constraints in the file's order;
- the questions as `utter_ask_<slot>` responses, which Rasa renders itself (no call to the action
  server on the way to the next question), and the intro that says how many there are.
Adding, removing or renaming a criterion in knowledge/career.yml therefore needs no change elsewhere
(tests/test_knowledge_schema.py trains and talks to a bot made from a changed file).
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.shared.core.domain import Domain
from rasa.shared.importers.rasa import RasaFileImporter

from actions import knowledge, questions


def escaped(value: Any) -> Any:
    """Doubles braces in every string: Rasa fills {slot} placeholders in responses, and a button
    payload such as /answer{"agreement": "4"} must come out as written."""
    if isinstance(value, str):
        return value.replace("{", "{{").replace("}", "}}")
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


# The slot that holds "which answer to change": the form asks it first when "change my answer" named
# none (actions/forms.py), so it closes the form's list and stays in bot/domain.yml.
ANSWER_TO_CHANGE = "answer_to_change"


def question_responses(k: knowledge.Knowledge) -> Dict[str, list]:
    responses = {f"utter_ask_{slot}": [escaped(questions.message(slot, k))] for slot in k.questions}
    responses["utter_assessment_intro"] = [escaped(questions.intro(k))]
    return responses


def asked_while_pending(slot: str) -> List[Dict[str, Any]]:
    """A custom mapping: the slot is read from the message typed while its question is pending."""
    return [{"type": "custom", "conditions": [{"active_loop": questions.FORM, "requested_slot": slot}]}]


def answer_slots(k: knowledge.Knowledge) -> Dict[str, Dict[str, Any]]:
    criterion = {"type": "float", "min_value": 1, "max_value": 5, "influence_conversation": False}
    constraint = {"type": "bool", "influence_conversation": False}
    return {**{cid: {**criterion, "mappings": asked_while_pending(cid)} for cid in k.criteria},
            **{cid: {**constraint, "mappings": asked_while_pending(cid)} for cid in k.constraints}}


def schema(k: knowledge.Knowledge, domain: Domain) -> Dict[str, Any]:
    """What the knowledge file adds to the domain; a criterion or constraint id that is already one
    of the domain's own slots, intents or entities is refused, naming it."""
    slots = answer_slots(k)
    taken = {slot.name for slot in domain.slots} | set(domain.intents) | set(domain.entities)
    for name in slots:
        if name in taken:
            raise knowledge.KnowledgeError(k.path, name, "is already a slot, intent or entity of "
                                                         "bot/domain.yml: pick another id")
    return {"slots": slots,
            "forms": {questions.FORM: {"required_slots": [*k.questions, ANSWER_TO_CHANGE]}},
            "responses": question_responses(k)}


class AdvisorImporter(RasaFileImporter):
    def get_domain(self) -> Domain:
        domain = super().get_domain()
        if domain.is_empty():  # no domain given, as for `rasa test nlu`: nothing to add to
            return domain
        return domain.merge(Domain.from_dict(schema(knowledge.load(), domain)))
