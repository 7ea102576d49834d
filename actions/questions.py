"""The assessment's questions: their order and their messages, built from the knowledge file.

Plain Python over the knowledge: the form's `utter_ask_<slot>` responses are made from `message()` at
train time (bot/nlu/importer.py), so Rasa asks each question itself, without a call to the action server.
"""
from __future__ import annotations

import json
from typing import Any, Dict

from actions.knowledge import Knowledge

# Its slots and their order are the knowledge file's questions (Knowledge.questions): the importer
# writes them into the domain at train time (bot/nlu/importer.py).
FORM = "assessment_form"


def payload(intent: str, **entities: str) -> str:
    """A button payload that bypasses NLU: /answer{"agreement": "4"}."""
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def message(slot: str, k: Knowledge) -> Dict[str, Any]:
    """The question for one slot, numbered, with its answer buttons."""
    prefix = f"({k.questions.index(slot) + 1}/{len(k.questions)}) "
    if slot == "stage":
        buttons = [{"title": value["title"], "payload": payload("inform_stage", career_stage=sid)}
                   for sid, value in k.stage["values"].items()]
        buttons.append({"title": "Skip", "payload": payload("answer", agreement="3")})
        return {"text": prefix + k.stage["question"], "buttons": buttons}
    if slot in k.constraints:
        return {"text": prefix + k.constraints[slot]["question"],
                "buttons": [{"title": "Yes", "payload": "/affirm"},
                            {"title": "No", "payload": "/deny"}],
                "metadata": {"private": True}}  # to its user only (bot/channels/slack.py)
    statement = k.criteria[slot]["statement"]
    return {"text": f'{prefix}How much do you agree? "{statement}"',
            "buttons": [{"title": entry["title"], "payload": payload("answer", agreement=str(point))}
                        for point, entry in k.agreement["scale"].items()]}


def intro(k: Knowledge) -> Dict[str, Any]:
    """The message that starts the assessment: how many questions, and how to answer them."""
    return {"text": f"Great, {len(k.questions)} quick questions. Answer with the buttons or in your own "
                    'words ("kinda", "nah", "4", "skip"). You can ask me something in between, say '
                    '"stop", or change an answer later.'}
