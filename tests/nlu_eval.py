"""Scores a trained model's NLU on a held-out Rasa NLU YAML file: intents and entities.

Reusable: `evaluate(model_path, test_file)` returns plain data (benchmarks compare pipelines with it);
`format_report(result)` turns it into text. The model is loaded in-process and every example goes
through `Agent.parse_message`, exactly as the running bot parses a message, so the intent scored is
the one the bot acts on (a low-confidence `nlu_fallback` counts as a miss).
Entities match on (entity, value, start, end); roles are ignored.
"""
from __future__ import annotations

import asyncio
import re
import warnings
from collections import Counter, defaultdict
from typing import Any, Dict, Iterable, List, Set, Tuple

EXAMPLES_PER_CONFUSION = 3
Entity = Tuple[str, str, int, int]


def comparable(text: str) -> str:
    """Case, punctuation and spacing aside: "Layoffs?" and "layoffs" are the same example."""
    return " ".join(re.sub(r"[^\w\s/%]", "", text.lower()).split())


def load_examples(test_file: str) -> List[Dict[str, Any]]:
    """[{"text", "intent", "entities": {(entity, value, start, end), ...}}] from a Rasa NLU file."""
    from rasa.shared.nlu.training_data.loading import load_data

    with warnings.catch_warnings():
        # One word annotated as two entities ("pay": factor and criterion) reads to Rasa as clashing
        # synonyms; synonyms of a test file are never used.
        warnings.filterwarnings("ignore", message="Found inconsistent entity synonyms")
        messages = load_data(str(test_file)).intent_examples
    return [
        {
            "text": message.get("text"),
            "intent": message.get("intent"),
            "entities": _entity_keys(message.get("entities") or []),
        }
        for message in messages
    ]


def _entity_keys(entities: Iterable[Dict[str, Any]]) -> Set[Entity]:
    return {(e["entity"], str(e.get("value")), int(e["start"]), int(e["end"])) for e in entities}


def _scores(true_positives: int, predicted: int, actual: int) -> Dict[str, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


async def parse_all(model_path: str, texts: List[str]) -> List[Dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    return [await agent.parse_message(text) for text in texts]


def score(examples: List[Dict[str, Any]], parses: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Intent accuracy, per-intent and macro F1 (over the gold intents), confusions, entity P/R/F1."""
    pairs = [(ex["intent"], (parse.get("intent") or {}).get("name")) for ex, parse in zip(examples, parses)]
    gold_count = Counter(gold for gold, _ in pairs)
    predicted_count = Counter(predicted for _, predicted in pairs)
    correct_count = Counter(gold for gold, predicted in pairs if gold == predicted)
    per_intent = {
        intent: {**_scores(correct_count[intent], predicted_count[intent], gold_count[intent]),
                 "support": gold_count[intent]}
        for intent in sorted(gold_count)
    }
    wrong: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for ex, (gold, predicted) in zip(examples, pairs):
        if gold != predicted:
            wrong[(gold, predicted)].append(ex["text"])
    confusions = [
        {"gold": gold, "predicted": predicted, "count": len(texts),
         "examples": texts[:EXAMPLES_PER_CONFUSION]}
        for (gold, predicted), texts in sorted(wrong.items(), key=lambda item: -len(item[1]))
    ]

    counts: Dict[str, Counter] = defaultdict(Counter)
    entity_errors = []
    for ex, parse in zip(examples, parses):
        gold, found = ex["entities"], _entity_keys(parse.get("entities") or [])
        for key in gold | found:
            counts[key[0]]["tp" if key in gold and key in found else "fn" if key in gold else "fp"] += 1
        if gold != found:
            entity_errors.append({"text": ex["text"], "missed": sorted(gold - found),
                                  "extra": sorted(found - gold)})
    per_type = {
        entity: {**_scores(c["tp"], c["tp"] + c["fp"], c["tp"] + c["fn"]), "support": c["tp"] + c["fn"]}
        for entity, c in sorted(counts.items())
    }
    total = sum(counts.values(), Counter())
    return {
        "examples": len(examples),
        "intent_accuracy": sum(correct_count.values()) / len(examples) if examples else 0.0,
        "macro_f1": sum(s["f1"] for s in per_intent.values()) / len(per_intent) if per_intent else 0.0,
        "per_intent": per_intent,
        "confusions": confusions,
        "entities": {
            "micro": {**_scores(total["tp"], total["tp"] + total["fp"], total["tp"] + total["fn"]),
                      "support": total["tp"] + total["fn"]},
            "per_type": per_type,
            "errors": entity_errors,
        },
    }


def evaluate(model_path: str, test_file: str) -> Dict[str, Any]:
    """Parses every example of `test_file` with the model at `model_path` and scores the results."""
    examples = load_examples(test_file)
    parses = asyncio.run(parse_all(model_path, [ex["text"] for ex in examples]))
    return score(examples, parses)


def format_report(result: Dict[str, Any]) -> str:
    entities = result["entities"]
    lines = [
        f"examples: {result['examples']}",
        f"intent accuracy: {result['intent_accuracy']:.3f}   macro-F1: {result['macro_f1']:.3f}",
        f"entity micro P/R/F1: {entities['micro']['precision']:.3f} / "
        f"{entities['micro']['recall']:.3f} / {entities['micro']['f1']:.3f}",
        "",
        "per intent (F1, support):",
    ]
    lines += [f"  {intent:<20} {s['f1']:.3f}  {s['support']}" for intent, s in result["per_intent"].items()]
    lines += ["", "confusions (gold -> predicted):"]
    lines += [
        f"  {c['count']}x {c['gold']} -> {c['predicted']}: " + " | ".join(c["examples"])
        for c in result["confusions"]
    ] or ["  none"]
    lines += ["", "entities per type (P / R / F1, support):"]
    lines += [
        f"  {entity:<13} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}  {s['support']}"
        for entity, s in entities["per_type"].items()
    ]
    lines += ["", "entity errors:"]
    lines += [
        f"  {e['text']!r} missed={e['missed']} extra={e['extra']}" for e in entities["errors"]
    ] or ["  none"]
    return "\n".join(lines)
