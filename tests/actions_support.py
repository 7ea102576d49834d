"""Builds real rasa-sdk Trackers for offline action tests (no servers)."""
from typing import Any, Dict, Iterable, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.validate_data import project_importer

# The domain as Rasa sends it to the action server: bot/domain.yml with what the importer makes from
# the knowledge file (the questions' slots and the form).
DOMAIN = project_importer().get_domain().as_dict()
ASSESSMENT = "assessment_form"


def tracker(text: str = "", intent: str = "answer", entities: Iterable[Dict] = (),
            slots: Optional[Dict[str, Any]] = None, active_loop: Optional[str] = None,
            requested_slot: Optional[str] = None, extracted: Optional[Dict[str, Any]] = None,
            channel: str = "rest") -> Tracker:
    """A tracker right after a user message; `extracted` are the slots action_extract_slots set."""
    values = {name: None for name in DOMAIN["slots"]}
    values.update(slots or {})
    values.update(extracted or {})
    values["requested_slot"] = requested_slot
    events: List[Dict[str, Any]] = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "input_channel": channel,
         "parse_data": {"intent": {"name": intent}, "entities": list(entities)}},
        {"event": "action", "name": "action_extract_slots"},
    ]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (extracted or {}).items()]
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0},
              "entities": list(entities)}
    return Tracker("test-user", values, latest, events, False, None,
                   {"name": active_loop} if active_loop else {}, "action_extract_slots")


def entity(name: str, value: str, role: Optional[str] = None, start: int = 0, end: int = 1) -> Dict:
    found = {"entity": name, "value": value, "start": start, "end": end}
    if role:
        found["role"] = role
    return found


def run(action, t: Tracker):
    """Runs an action (sync or async); returns (events as dicts, bot messages)."""
    import asyncio
    import inspect

    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, t, DOMAIN)
    if inspect.isawaitable(result):
        result = asyncio.run(result)
    return result, dispatcher.messages


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def scored(slots: Dict[str, Any]):
    """What actions/scoring.py makes of these slot values (criteria, stage and constraints)."""
    from actions import knowledge, scoring

    k = knowledge.default()
    return scoring.recommend(scoring.Profile(
        answers={cid: slots.get(cid) for cid in k.criteria}, stage=slots.get("stage"),
        constraints={cid: slots.get(cid) is True for cid in k.constraints}), k)


def statements_in(text: str) -> List[str]:
    """The criteria whose statement the text quotes (a flip quotes the answer it would change)."""
    from actions import knowledge

    return [cid for cid, criterion in knowledge.default().criteria.items()
            if criterion["statement"] in text]
