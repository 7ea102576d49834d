"""Folds a tuning slice of the evaluation data (tests/eval/<slice>/) into training, once tuning on it is
done: its typed answers, stages and yes/no answers (the personas' too) into data/answers/, its NLU
examples into data/nlu/ (factor questions with their factor as metadata, which the entity extractor
learns from), except those the regression set (tests/nlu/held_out.yml) holds, and its asides (messages
typed at a pending question that are not its answer) into data/nlu/ with their intents. The never-tuned
slices (tests.understanding.NEVER_TUNED) are never folded.

    python -m tests.fold dev
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Set

from tests.nlu_eval import comparable, load_examples
from tests.understanding import EVAL, INTENT_ALIASES, NEVER_TUNED, ROOT, load

REGRESSION_SET = ROOT / "tests" / "nlu" / "held_out.yml"


def regression_texts() -> set:
    return {comparable(example["text"]) for example in load_examples(str(REGRESSION_SET))}


def answers_of(slice_name: str) -> Dict[str, List[Dict[str, Any]]]:
    data = load(slice_name, "answers")
    folded = {"answers": list(data["answers"]), "stage": list(data.get("stage", [])),
              "constraints": list(data.get("constraints", []))}
    personas = load(slice_name, "personas")["personas"] if (EVAL / slice_name / "personas.yml").exists() else []
    for persona in personas:
        folded["stage"].append(persona["stage"])
        folded["answers"] += [{"question": q, **a} for q, a in persona["answers"].items()]
        folded["constraints"] += [{"question": q, **persona[q]}
                                  for q in ("needs_sponsorship", "low_runway")]
    return folded


def answers_yaml(slice_name: str) -> str:
    lines = [f"# The {slice_name} slice of the independent evaluation data (tests/eval/{slice_name}/: typed "
             "answers and any", "# personas' answers), folded into training once tuning on it was done "
             "(tests/fold.py).", "# The never-tuned slices (holdout, sealed, blind, blind2, blind3) stay unseen."]
    for key, items in answers_of(slice_name).items():
        if not items:  # an empty key would read as null
            continue
        lines.append(f"{key}:")
        for item in items:
            fields = {k: item[k] for k in ("question", "text", "label") if k in item}
            lines.append("  - " + json.dumps(fields, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def examples_yaml(examples: List[Dict[str, Any]], header: List[str]) -> str:
    """NLU YAML of examples ({text, intent, factor or entities}), by intent; factor questions carry their
    factor as metadata."""
    by_intent: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    for example in examples:
        by_intent[INTENT_ALIASES.get(example["intent"], example["intent"])].append(example)
    lines = ['version: "3.1"', *header, "nlu:"]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples:"]
        for example in by_intent[intent]:
            lines.append(f"  - text: {json.dumps(str(example['text']), ensure_ascii=False)}")
            factors = {e["value"] for e in example.get("entities") or [] if e["entity"] == "factor"}
            factors |= {example["factor"]} if example.get("factor") else set()
            if intent == "ask_factor" and len(factors) == 1:
                lines += ["    metadata:", f"      factor: {factors.pop()}"]
    return "\n".join(lines) + "\n"


def nlu_yaml(slice_name: str) -> str:
    held_out = regression_texts()
    return examples_yaml(
        [e for e in load(slice_name, "nlu")["examples"] if comparable(e["text"]) not in held_out],
        [f"# The {slice_name} slice of the independent evaluation data (tests/eval/{slice_name}/nlu.yml), "
         "folded into training", "# once tuning on it was done (tests/fold.py)."])


def asides_yaml(slice_name: str, people: Optional[Set[str]] = None) -> str:
    """The slice's asides (of `people` only, where given: the folds of a cross-validation) as NLU examples."""
    asides = [a for a in load(slice_name, "asides")["asides"] if people is None or a["person"] in people]
    return examples_yaml(asides, [
        f"# The asides of the {slice_name} slice (tests/eval/{slice_name}/asides.yml: messages typed at a pending",
        "# question that are not its answer), folded into training once tuning on it was done (tests/fold.py)."])


def fold(slice_name: str, root: Path = ROOT) -> List[Path]:
    if slice_name in NEVER_TUNED:
        raise ValueError(f"the {slice_name} slice is never folded into training")
    written = []
    if (EVAL / slice_name / "answers.yml").exists():
        written.append(root / "data" / "answers" / f"{slice_name}_slice.yml")
        written[-1].write_text(answers_yaml(slice_name), encoding="utf-8")
    if (EVAL / slice_name / "nlu.yml").exists():
        written.append(root / "data" / "nlu" / f"written_apart_{slice_name}.yml")
        written[-1].write_text(nlu_yaml(slice_name), encoding="utf-8")
    if (EVAL / slice_name / "asides.yml").exists():
        written.append(root / "data" / "nlu" / f"asides_{slice_name}.yml")
        written[-1].write_text(asides_yaml(slice_name), encoding="utf-8")
    return written


if __name__ == "__main__":
    try:
        for path in fold(sys.argv[1]):
            print("wrote", path)
    except ValueError as refused:
        sys.exit(str(refused))
