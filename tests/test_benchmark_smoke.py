"""A smoke run of the benchmark (bench/benchmark.py --smoke: tiny sizes, the project pipeline only), so the
script cannot rot. It checks that every section of the report carries figures, never what they are."""
import re
import subprocess
import sys

import pytest

from bot.runtime import launch

NUMBER = r"\d+(?:\.\d+)?"


def row(report: str, label: str) -> str:
    """The table row that starts with label."""
    match = re.search(rf"^\| {re.escape(label)}[^\n]*", report, re.MULTILINE)
    assert match, f"no row {label!r} in the report:\n{report}"
    return match.group(0)


@pytest.mark.timeout(960)  # the smoke run's own limit is 900 s
def test_benchmark_smoke_run_writes_every_section_with_figures(tmp_path):
    out = tmp_path / "benchmarks.md"
    run = subprocess.run(
        [sys.executable, "-m", "bench.benchmark", "--smoke", "--work", str(tmp_path / "work"),
         "--out", str(out)],
        cwd=launch.ROOT, env=launch.environment(), capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = out.read_text()

    for heading in ("# Benchmarks", "## 1. Understanding", "### Held-out test set",
                    "### Confusion pairs worth fixing", "## 2. Conversation", "## 3. Speed and size",
                    "## Targets"):
        assert heading in report, heading
    assert "- Machine: " in report

    held_out = row(report, "project |")
    assert len(re.findall(rf"\| {NUMBER} ", held_out)) == 5, held_out  # accuracy, macro-F1, P, R, F1
    assessments = re.search(rf"^\| project \| (\d+) \| ({NUMBER})% \| ({NUMBER})% \| (\d+) ", report,
                            re.MULTILINE)
    assert assessments and int(assessments.group(1)) > 0, report
    for label in ("full training, s", "retrain after one NLU file changed, s", "model archive, MB",
                  "start-up to first answer, s", "RSS after start-up, MB", "RSS after",
                  "one user at a time: messages/s", "one user at a time: p95 ms",
                  "10 conversations at once: messages/s", "10 conversations at once: errors"):
        assert re.search(rf"\| {NUMBER}", row(report, label)), label
    assert row(report, "10 conversations at once: errors").endswith("| 0 |")
    assert re.search(r"✔|✘", row(report, "start-up ≤ 15 s"))


def test_every_benchmarked_pipeline_trains_on_the_projects_data():
    # The form's questions come from the project's importer: without it a pipeline's bot asks nothing.
    import yaml

    from bench.benchmark import PIPELINES

    for name, path in PIPELINES.items():
        config = yaml.safe_load(path.read_text())
        assert config["importers"] == [{"name": "bot.nlu.importer.AdvisorImporter"}], name


def test_reader_cross_validation_counts_every_answer_of_both_folds():
    from actions import knowledge, reader
    from bench import reader_cv

    k = knowledge.default()
    files = reader.training_files()[:4]
    held = reader.load_labelled(k, files)
    counts = reader_cv.cross_validate(k, files)
    assert counts["answers"] == len(held.agreement) and counts["yes_no"] == len(held.yes_no)
    assert counts["right"] + counts["unread"] + counts["wrong_way"] <= counts["answers"]
    assert counts["right"] > counts["answers"] / 2  # a reader trained on two files still reads most
