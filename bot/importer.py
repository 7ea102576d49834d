"""Rasa's file importer, plus the assessment's questions as responses made from the knowledge file.

The form asks each question with its `utter_ask_<slot>` response, which Rasa renders itself: no call
to the action server on the way to the next question. The texts and buttons come from
`actions/questions.py` at train time (config.yml names this importer), so they live in knowledge/ only
and the model carries them like any response.
"""
from __future__ import annotations

from typing import Any, Dict

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


def question_responses(k: knowledge.Knowledge) -> Dict[str, list]:
    responses = {f"utter_ask_{slot}": [escaped(questions.message(slot, k))]
                 for slot in questions.QUESTIONS}
    responses["utter_assessment_intro"] = [escaped(questions.intro(k))]
    return responses


class AdvisorImporter(RasaFileImporter):
    def get_domain(self) -> Domain:
        domain = super().get_domain()
        if domain.is_empty():  # no domain given, as for `rasa test nlu`: nothing to add to
            return domain
        return domain.merge(Domain.from_dict({"responses": question_responses(knowledge.load())}))
