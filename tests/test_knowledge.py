"""The knowledge loader: the real file loads, and every kind of mistake names its file and key."""
from pathlib import Path

import pytest
import yaml

from actions import knowledge
from actions.knowledge import KnowledgeError


@pytest.fixture
def raw():
    return yaml.safe_load(knowledge.DEFAULT_PATH.read_text(encoding="utf-8"))


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "career.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_project_file_loads_with_every_id():
    k = knowledge.load()
    assert tuple(k.factors) == knowledge.FACTOR_IDS
    assert tuple(k.stage["values"]) == knowledge.STAGE_IDS
    # the article's eight criteria and two constraints, asked after the stage in the file's order
    assert k.questions == ("stage", "pace", "breadth", "impact", "risk", "salary", "scale", "structure",
                           "brand", "needs_sponsorship", "low_runway")
    assert {c["favours"] for c in k.criteria.values()} == {"startup", "big_tech"}


def test_key_figures_of_the_article_are_in_the_file():
    k = knowledge.load()
    compensation = k.factors["compensation"]["sides"]
    assert "$180,000" in compensation["big_tech"] and "$220,000" in compensation["big_tech"]
    assert "30–40%" in compensation["startup"]
    assert "fail" in compensation["startup"]


def test_every_phrase_is_text_not_a_yaml_boolean():
    for values in knowledge.load().entity_synonyms().values():
        for phrases in values.values():
            assert all(isinstance(p, str) and p for p in phrases)


def test_stage_for_years_follows_the_bounds():
    k = knowledge.load()
    assert k.stage_for_years(0) == "new_grad"
    assert k.stage_for_years(2) == "early"
    assert k.stage_for_years(5) == "mid"
    assert k.stage_for_years(15) == "senior"


@pytest.mark.parametrize(
    "mutate, key",
    [
        (lambda d: d["factors"].pop("impact"), "factors.impact"),
        (lambda d: d["factors"].update(salary=d["factors"]["impact"]), "factors.salary"),
        (lambda d: d["criteria"]["risk"].update(favours="corporate"), "criteria.risk.favours"),
        (lambda d: d["criteria"]["pace"].update(weight="heavy"), "criteria.pace.weight"),
        (lambda d: d["criteria"]["brand"]["reasons"].pop("startup"), "criteria.brand.reasons.startup"),
        (lambda d: d["criteria"]["impact"]["named_alone"].update(against=["reach"]),
         "criteria.impact.named_alone"),
        (lambda d: d["criteria"]["breadth"]["named_alone"].update(side="wide"),
         "criteria.breadth.named_alone.side"),
        (lambda d: d["agreement"]["affirm"].append(True), "agreement.affirm[" ),
        (lambda d: d["stage"]["years"][1].update(max=-1), "stage.years[1].max"),
        (lambda d: d["constraints"]["low_runway"].update(path="elsewhere"), "constraints.low_runway.path"),
        (lambda d: d["constraints"]["low_runway"].update(answers_may_name=["salary"]),
         "constraints.low_runway.answers_may_name"),
        (lambda d: d["recommendation"].pop("either_below"), "recommendation.either_below"),
        (lambda d: d["factors"]["learning"]["sides"].update(big_tech=""), "factors.learning.sides.big_tech"),
        (lambda d: d["sides"]["startup"].pop("meaning"), "sides.startup.meaning"),
        (lambda d: d["sides"]["big_tech"].update(meaning=" "), "sides.big_tech.meaning"),
        # criterion and constraint ids become slots of the form: a slot name, each once, never the stage
        (lambda d: d["criteria"].update({"Work Life": d["criteria"]["pace"]}), "criteria.Work Life"),
        (lambda d: d["criteria"].update(stage=d["criteria"]["pace"]), "criteria.stage"),
        (lambda d: d["constraints"].update(pace=d["constraints"]["low_runway"]), "constraints.pace"),
        (lambda d: d["criteria"].clear(), "criteria"),
    ],
)
def test_a_broken_file_names_file_and_key(tmp_path, raw, mutate, key):
    mutate(raw)
    path = write(tmp_path, raw)
    with pytest.raises(KnowledgeError) as error:
        knowledge.load(path)
    assert str(path) in str(error.value)
    assert error.value.key.startswith(key)


def test_an_unquoted_yes_is_caught(tmp_path):
    text = knowledge.DEFAULT_PATH.read_text(encoding="utf-8").replace('affirm: ["yes",', "affirm: [yes,")
    path = tmp_path / "career.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"agreement\.affirm\[0\]"):
        knowledge.load(path)


def test_invalid_yaml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("factors: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not valid YAML"):
        knowledge.load(bad)
    with pytest.raises(KnowledgeError, match="cannot be read"):
        knowledge.load(tmp_path / "missing.yml")


def test_not_a_mapping(tmp_path):
    path = write(tmp_path, ["a", "list"])
    with pytest.raises(KnowledgeError, match="must be a mapping"):
        knowledge.load(path)
