"""The advisor's words: text built from the knowledge file and a scoring result. No Rasa imports.

Messages use a small Markdown subset (bold and "- " lists) that the shell shows as plain text and the web
widget renders safely.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from actions.knowledge import Knowledge
from actions.scoring import EITHER, Flip, Profile, Result, recommend

SIDE_WORD = {"startup": "startup", "big_tech": "Big Tech", EITHER: "neither side"}
SIDE_LABEL = {"startup": "a startup", "big_tech": "Big Tech"}


def signed(value: float) -> str:
    """Points with their side's sign, at two decimals; none either way (a neutral answer's -0.0 too) is
    "\u00b10.00"."""
    shown = round(value, 2)
    return f"{shown:+.2f}" if shown else "\u00b10.00"


def answer_title(key: str, answer: object, k: Knowledge) -> str:
    """How an answer reads back to the user: '4 (Agree)', 'New grad', 'yes'."""
    if answer is None:
        return "not answered"
    if key == "stage":
        values = k.stage["values"]
        return values[answer]["title"] if answer in values else "skipped"
    if key in k.constraints:
        return "yes" if answer else "no"
    point = int(round(float(answer)))
    return f"{point} ({k.agreement['scale'][point]['title']})"


def answers_line(said: Dict[str, object], k: Knowledge) -> str:
    """Answers said back: 'Career stage: Student; Risk: 4 (Agree)'."""
    return "; ".join(f"{topic_title(key, k)}: {answer_title(key, answer, k)}" for key, answer in said.items())


def topic_title(key: str, k: Knowledge) -> str:
    if key == "stage":
        return k.stage["title"]
    if key in k.constraints:
        return k.constraints[key]["title"]
    return k.criteria[key]["title"]


def factor_text(factor: str, side: Optional[str], k: Knowledge) -> str:
    """A factor's comparison, or one side of it when the user named a side."""
    f = k.factors[factor]
    if side in k.sides:
        other = k.other_side(side)
        return (
            f"**{f['title']} at {k.sides[side]['label']}**\n{f['sides'][side]}\n\n"
            f"Ask \"and at {k.sides[other]['label']}?\" for the other side."
        )
    return (
        f"**{f['title']}**: {f['summary']}\n"
        f"- **{k.sides['startup']['title']}**: {f['sides']['startup']}\n"
        f"- **{k.sides['big_tech']['title']}**: {f['sides']['big_tech']}"
    )


def overview_text(k: Knowledge) -> str:
    lines = ["**Startup vs Big Tech, five factors at a glance**"]
    for f in k.factors.values():
        lines.append(f"- **{f['title']}**: {f['summary']}")
    lines.append("")
    lines.append(k.conclusion)
    lines.append("")
    lines.append("Want to see where you land? The assessment takes about two minutes.")
    return "\n".join(lines)


def hybrid_text(k: Knowledge) -> str:
    lines = ["**The hybrid path: one world first, then the other**"]
    for p in k.paths.values():
        lines.append(f"- **{p['title']}**: {p['text']}")
    return "\n".join(lines)


def _flip_verdict(flip: Flip) -> str:
    """The side the changed answer would give, in the words a result uses."""
    return SIDE_WORD[flip.recommendation] if flip.recommendation != EITHER else "a tie"


def situation_change_text(result: Result, k: Knowledge) -> str:
    """What a situation that decided the result would change: the side the answers alone give."""
    because = " and that ".join(k.constraints[cid]["because"] for cid in result.constraints)
    side = (f"be a tie ({signed(result.score)})" if result.lean == EITHER else
            f"point to {SIDE_LABEL[result.lean]} ({signed(result.score)})")
    return f"If it were no longer true that {because}, your answers alone would {side}."


def flip_text(result: Result, k: Knowledge) -> str:
    if decided_by_constraint(result):
        # the constraint, not the score, chose the side: it is what would change it
        return f"What would change it: your situation, not your preferences. {situation_change_text(result, k)}"
    if result.flip is None:
        if result.constraints:
            return ("No single answer would change this: your answers and your situation point the same "
                    "way.")
        return "No single answer change would flip this result: it rests on several answers."
    flip = result.flip
    statement = k.criteria[flip.criterion]["statement"]
    verdict = _flip_verdict(flip)
    return (
        f"What would change it: answering \"{statement}\" with "
        f"{answer_title(flip.criterion, flip.new, k)} instead of "
        f"{answer_title(flip.criterion, flip.current, k)} would make it {verdict}."
    )


def said_above_text(result: Result, k: Knowledge) -> str:
    """Asked again what my last message said: the same facts in fewer words, and what to do about them."""
    if decided_by_constraint(result):
        return (f"As in my last message: only your situation would change it. {situation_change_text(result, k)} "
                "You can still change any answer, or start over.")
    if result.flip is None:
        return ("As in my last message: no single answer would change it. You can still change any "
                "answer, or start over.")
    flip = result.flip
    verdict = _flip_verdict(flip)
    return (f"As in my last message: only your answer to \"{k.criteria[flip.criterion]['statement']}\" "
            f"would need to change, from {answer_title(flip.criterion, flip.current, k)} to "
            f"{answer_title(flip.criterion, flip.new, k)}, to make it {verdict}. Change it with the button "
            "below, or start over.")


def what_if_text(key: str, current: object, supposed: object, result: Result, k: Knowledge) -> str:
    """Another answer supposed after a result ("what if I had said yes to the visa one?"): the result it would
    give, worked out by the scoring itself, and how to make it so; the answers stay as they are."""
    title = topic_title(key, k)
    if supposed == current:
        return f"That is your answer already ({title}: {answer_title(key, current, k)}): the result above stands."
    verdict = headline(result, k)
    return (f"With {title}: {answer_title(key, supposed, k)} instead of {answer_title(key, current, k)}, the "
            f"result would be: **{verdict}** (score {signed(result.score)}). Nothing is changed yet: say \"change "
            f"{title.lower()} to {answer_title(key, supposed, k)}\" to make it so.")


def decided_by_constraint(result: Result) -> bool:
    """True when a hard constraint, not the score, chose the side."""
    return bool(result.constraints) and result.lean != result.recommendation


def headline(result: Result, k: Knowledge) -> str:
    """The verdict in one line; when a constraint decided, it says so ("...for now: you need visa
    sponsorship"), so the headline, the score and the chart never contradict each other."""
    rec = k.recommendation
    if decided_by_constraint(result):
        because = " and ".join(k.constraints[cid]["because"] for cid in result.constraints)
        return f"{rec['constrained_headline']}: {because}."
    return rec["verdicts"][result.recommendation]


def preferences_line(result: Result) -> str:
    if result.lean == EITHER:
        return f"On your preferences alone it is a tie ({signed(result.score)})."
    return (f"On your preferences alone you lean toward {SIDE_LABEL[result.lean]} "
            f"({signed(result.score)} on a scale from -1, Big Tech, to +1, a startup).")


def recommendation_text(result: Result, k: Knowledge) -> str:
    rec = k.recommendation
    direction = "toward a startup" if result.score > 0 else "toward Big Tech" if result.score < 0 else ""
    lines = [f"**{headline(result, k)}**"]
    if decided_by_constraint(result):
        lines.append(preferences_line(result))
    else:
        lines.append(
            f"Score {signed(result.score)} on a scale from -1 (Big Tech) to +1 (startup), "
            f"margin {result.margin:.2f} {direction}, {result.confidence} confidence.".replace("  ", " ")
        )
    if result.reasons:
        lines.append("")
        lines.append("Why:" if result.lean != EITHER else "What pulls each way:")
        lines.extend(f"- {p.reason}" for p in result.reasons if p.reason)
    if result.counter and result.counter.reason:
        lines.append("")
        lines.append(f"The strongest pull the other way: {result.counter.reason}")
    if result.constraints:
        lines.append("")
        for cid in result.constraints:
            lines.append(k.constraints[cid]["advice"])
        if decided_by_constraint(result):
            lines.append(f"My advice: {rec['constrained_startup_advice']}")
    lines.append("")
    lines.append(flip_text(result, k))
    if result.path:
        path = k.paths[result.path]
        lines.append("")
        lines.append(f"A hybrid path fits too: **{path['title']}**. {path['text']}")
    lines.append("")
    lines.append('Say "why" for the full breakdown, or "change my answer on risk" to revisit one.')
    return "\n".join(lines)


def breakdown_text(result: Result, answers: Dict[str, object], k: Knowledge) -> str:
    lines = [f"**How each answer counted** (+ toward a startup, - toward Big Tech, total "
             f"{signed(result.score)}):"]
    for pull in result.pulls:
        lines.append(
            f"- {topic_title(pull.key, k)}: {answer_title(pull.key, pull.answer, k)} -> "
            f"{signed(pull.points)}"
        )
    for cid in k.constraints:
        holds = answers.get(cid)
        effect = "moves the advice to Big Tech first" if holds else "no effect"
        lines.append(f"- {topic_title(cid, k)}: {answer_title(cid, holds, k)} -> {effect}")
    lines.append("")
    lines.append(flip_text(result, k))  # "what would change your answer?" is asked as a why
    return "\n".join(lines)


def chart(result: Result, k: Knowledge) -> Dict[str, object]:
    """A custom payload for channels that draw the breakdown as bars; `caption` names the
    constraint when one decided, so the chart tells the same story as the text."""
    return {
        "type": "score_breakdown",
        "recommendation": result.recommendation,
        "lean": result.lean,
        "decided_by": [k.constraints[cid]["title"] for cid in result.constraints]
        if decided_by_constraint(result) else [],
        "caption": headline(result, k) + (" " + preferences_line(result)
                                          if decided_by_constraint(result) else ""),
        "score": round(result.score, 4),
        "bars": [
            {"key": p.key, "label": topic_title(p.key, k), "value": round(p.points, 4)}
            for p in result.pulls
        ],
    }


def question_reason(key: str, k: Knowledge) -> str:
    """Why the assessment asks a question, for "why?" in the middle of it."""
    if key == "stage":
        return f"Career stage counts toward the result. If that's you: {k.stage['reasons']['startup']}"
    if key in k.constraints:
        return ("I ask this because it is a hard constraint, not a preference: "
                f"{k.constraints[key]['advice']}")
    c = k.criteria[key]
    factor = k.factors[c["factor"]]["title"]
    return (
        f"This question is about {factor}. Agreeing points toward "
        f"{k.sides[c['favours']]['label']}: {c['reasons'][c['favours']]}"
    )



def question_meaning(key: str, k: Knowledge) -> str:
    """What a question's words mean, for "what do you mean by ...?" in the middle of the assessment; its
    reason where the knowledge file says no more."""
    if key == "stage":
        stages = "".join(f"\n- {value['title']}: {value['meaning']}" for value in k.stage["values"].values())
        return (f"Go by where you are now:{stages}\nCount the years you have worked since your studies, and pick "
                "the nearest if you fall between two.")
    asked = k.criteria.get(key) or k.constraints.get(key) or {}
    if "meaning" not in asked:
        return question_reason(key, k)
    if key in k.constraints:
        return asked["meaning"]
    return f"{asked['meaning']} Agreeing points toward {k.sides[asked['favours']]['label']}."


def quoted_meaning_text(key: str, k: Knowledge) -> str:
    """What a question's words mean, asked while another question is pending or none is: the statement or yes/no
    question quoted first, so that it is clear which one is meant."""
    asked = k.criteria[key]["statement"] if key in k.criteria else k.constraints[key]["question"]
    return f'From "{asked}": {question_meaning(key, k)}'


def answers_missing_text(result: Result, k: Knowledge) -> str:
    """Asked for a result in the middle of the assessment, with too few answers yet."""
    total = len(k.criteria) + 1  # the criteria and the career stage
    answered = round(result.answered_share * total)
    return (f"I need a few more answers first: you've answered {answered} of {total} preference "
            "questions. Let's keep going.")


def assessment_intro(k: Knowledge) -> str:
    """How the assessment is introduced to someone who asks for help with their choice."""
    return (f"Happy to help you decide. It depends on what matters to you, so let me ask "
            f"{len(k.questions)} quick questions; then you get a straight "
            "answer and why. Answer in your own words or with the buttons.")


def assessment_offer_text(result: Result, k: Knowledge) -> str:
    """The reply to "which should I take?" before the assessment: it starts right away."""
    if any(p.answer is not None for p in result.pulls if p.key in k.criteria):
        return "Let's finish your assessment first; then I'll give you a straight answer and why."
    text = assessment_intro(k)
    stage = next((p.answer for p in result.pulls if p.key == "stage"), None)
    if stage is not None:
        # "6 yrs at a bank" in the opener: the stage question is skipped, so say what was taken
        text += (f" From what you said, I've noted {topic_title('stage', k).lower()}: "
                 f"{answer_title('stage', stage, k)}.")
    return text


def side_meaning_text(sides: List[str], k: Knowledge) -> str:
    """What "a startup" and "Big Tech" mean here, for "what counts as big tech?" or "is a scaleup a startup?"."""
    lines = [f"**{k.sides[side]['title']}**, as I use the word: {k.sides[side]['meaning']}" for side in sides]
    if len(sides) > 1:
        lines.append("A company between the two has some of each: go by which of these fits it better.")
    return "\n".join(lines)


def _share(weight: float, base: float) -> str:
    return "half" if weight * 2 == base else f"{weight / base:g} times"


def scoring_text(k: Knowledge) -> str:
    """How the answers become a result (actions/scoring.py), in words and from the knowledge file's figures,
    for "how is this scored?" or "what happens if I say neutral to everything?"."""
    weights = [c["weight"] for c in k.criteria.values()]
    base = max(set(weights), key=weights.count)
    shares: Dict[str, List[str]] = {}
    for c in k.criteria.values():
        if c["weight"] != base:
            shares.setdefault(_share(c["weight"], base), []).append(c["title"])
    weighed = ", ".join(f"{' and '.join(f'**{title}**' for title in titles)} {share} as much"
                        for share, titles in shares.items())
    leans: Dict[float, List[str]] = {}
    for value in k.stage["values"].values():
        if value["lean"] > 0:
            leans.setdefault(value["lean"], []).append(value["title"])
    top = max(leans) if leans else 0.0
    stage = ", ".join(f"{'fully' if lean == top else _share(lean, top) + ' as much'} for {' and '.join(titles)}"
                      for lean, titles in sorted(leans.items(), reverse=True))
    rec = k.recommendation
    neutral = {recommend(Profile({}, stage=sid), k).recommendation for sid in [*k.stage["values"], None]}
    everything_neutral = ("a tie at every career stage, and I suggest the hybrid path" if neutral == {EITHER}
                          else "your career stage alone decides")
    constraints = ", or if ".join(c["because"] for c in k.constraints.values())
    lines = [
        "**How your answers count**",
        "- Each statement pulls toward the side it describes: a 5 hardest, a 4 half as hard, a 3 or a skip not "
        "at all, a 2 or a 1 toward the other side.",
        f"- Most statements weigh the same; {weighed}." if weighed else "- Every statement weighs the same.",
    ]
    if stage:
        lines.append(f"- Your career stage pulls toward a startup: {stage}.")
    lines += [
        f"- The total runs from -1 (all Big Tech) to +1 (all startup). Within \u00b1{rec['either_below']:g} it is "
        f"a tie; within \u00b1{rec['hybrid_below']:g} I also suggest the hybrid path.",
        f"- If {constraints}, that is a hard constraint, not a preference: the result is "
        f"{rec['constrained_headline']}, whatever the score.",
        f"- Neutral to everything: {everything_neutral}.",
    ]
    return "\n".join(lines)
