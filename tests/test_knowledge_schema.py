"""The knowledge file drives the assessment's schema: adding, removing or renaming a criterion in
knowledge/career.yml needs no change anywhere else.

A changed copy of the file renames `brand` to `prestige`, removes `breadth` and `scale` and adds
`remote`. The importer's domain then has exactly those slots and questions (unit tests); a model
trained from the unchanged project with that file, served with the action server, runs the changed
assessment to a recommendation that gives the new criterion's reason (end to end).
"""
from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from actions import knowledge
from actions.knowledge import KnowledgeError
from bot.runtime import launch
from tests import servers
from tests.servers import answer, running_advisor, texts
from tests.validate_data import project_importer

PROJECT = yaml.safe_load(knowledge.DEFAULT_PATH.read_text(encoding="utf-8"))
REMOTE = {
    "title": "Remote work",
    "statement": "I want to work fully remote, from anywhere.",
    "favours": "startup",
    "weight": 3.0,  # the heaviest criterion: its reason leads the recommendation
    "factor": "learning",
    "synonyms": ["remote", "remote work", "work from home"],
    "opposite": ["office", "on site"],
    "reasons": {"startup": "You want to work fully remote, which small distributed teams often allow.",
                "big_tech": "You like an office, which large companies keep."},
}


def changed_knowledge() -> dict:
    data = copy.deepcopy(PROJECT)
    criteria = data["criteria"]
    criteria["prestige"] = {**criteria.pop("brand"), "title": "Prestige",
                            "statement": "A famous employer's name on my CV matters to me."}
    del criteria["breadth"], criteria["scale"]
    criteria["remote"] = REMOTE
    return data


@pytest.fixture(scope="module")
def knowledge_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("knowledge") / "career.yml"
    path.write_text(yaml.safe_dump(changed_knowledge(), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def project_domain(knowledge_file: Path, monkeypatch):
    monkeypatch.setenv("KNOWLEDGE_FILE", str(knowledge_file))
    return project_importer().get_domain()


EXPECTED_QUESTIONS = ["stage", "pace", "impact", "risk", "salary", "structure", "prestige", "remote",
                      "needs_sponsorship", "low_runway"]


@pytest.mark.unit
def test_the_domain_has_a_slot_and_a_question_for_each_criterion_of_the_file(knowledge_file, monkeypatch):
    domain = project_domain(knowledge_file, monkeypatch)
    assert domain.forms["assessment_form"]["required_slots"] == [*EXPECTED_QUESTIONS, "answer_to_change"]
    slots = {slot.name: slot for slot in domain.slots}
    assert "brand" not in slots and "breadth" not in slots and "scale" not in slots
    for name in EXPECTED_QUESTIONS[1:-2]:
        assert slots[name].type_name == "float" and (slots[name].min_value, slots[name].max_value) == (1, 5)
    for name in EXPECTED_QUESTIONS[-2:]:
        assert slots[name].type_name == "bool"
    for name in EXPECTED_QUESTIONS[1:]:
        assert slots[name].mappings == [{"type": "custom", "conditions": [
            {"active_loop": "assessment_form", "requested_slot": name}]}]
        assert not slots[name].influence_conversation
    assert "utter_ask_brand" not in domain.responses
    remote = domain.responses["utter_ask_remote"][0]["text"]
    assert remote == f'(8/10) How much do you agree? "{REMOTE["statement"]}"'
    assert domain.responses["utter_assessment_intro"][0]["text"].startswith("Great, 10 quick questions.")


@pytest.mark.unit
def test_a_criterion_id_that_is_already_the_domains_is_refused_by_name(tmp_path, monkeypatch):
    data = changed_knowledge()
    data["criteria"]["factor"] = data["criteria"].pop("remote")  # `factor` is a slot and an entity
    path = tmp_path / "career.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        project_domain(path, monkeypatch)
    assert error.value.key == "factor" and str(path) in str(error.value)


@pytest.fixture(scope="module")
def changed_advisor(knowledge_file, tmp_path_factory):
    """A model trained from the project as it is, with the changed knowledge file, and its servers."""
    out = tmp_path_factory.mktemp("models")
    env = launch.environment(KNOWLEDGE_FILE=str(knowledge_file), READER_CACHE_DIR=str(out))
    trained = subprocess.run(
        [*launch.RASA_CLI, "train", "--config", "config.yml", "--domain", "bot/domain.yml",
         "--data", "data", "--out", str(out), "--fixed-model-name", "changed"],
        cwd=launch.ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert trained.returncode == 0, trained.stdout[-2000:] + trained.stderr[-2000:]
    # as `make train` does: the answer reader for this knowledge file, built before the servers start
    # (built at the first answer instead, it takes longer than a turn may)
    reader = subprocess.run([sys.executable, "-m", "actions.reader"], cwd=launch.ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert reader.returncode == 0, reader.stdout[-2000:] + reader.stderr[-2000:]
    with running_advisor({"KNOWLEDGE_FILE": str(knowledge_file), "READER_CACHE_DIR": str(out)},
                         model=out / "changed.tar.gz") as advisor:
        yield advisor


def test_a_changed_knowledge_file_runs_its_own_assessment_with_no_code_change(changed_advisor):
    criteria = changed_knowledge()["criteria"]
    sender = "schema-changed"
    replies = texts(changed_advisor.say(sender, "/start_assessment"))
    assert "Great, 10 quick questions." in replies
    assert f"(1/10) {PROJECT['stage']['question']}" in replies
    replies = texts(changed_advisor.say(sender, servers.STAGE))
    for number, cid in enumerate(EXPECTED_QUESTIONS[1:-2], start=2):
        assert f'({number}/10) How much do you agree? "{criteria[cid]["statement"]}"' in replies, cid
        if cid == "prestige":  # typed: the answer reader reads the renamed question too
            replies = texts(changed_advisor.say(sender, "strongly disagree"))
        else:
            replies = texts(changed_advisor.say(sender, answer(5 if criteria[cid]["favours"] == "startup" else 1)))
    assert f"(9/10) {PROJECT['constraints']['needs_sponsorship']['question']}" in replies
    changed_advisor.say(sender, "/deny")
    replies = texts(changed_advisor.say(sender, "/deny"))
    assert PROJECT["recommendation"]["verdicts"]["startup"] in replies
    assert REMOTE["reasons"]["startup"] in replies
    slots = changed_advisor.slots(sender)
    assert (slots["prestige"], slots["remote"], slots["recommendation"]) == (1.0, 5.0, "startup")
    assert "brand" not in slots and "scale" not in slots
