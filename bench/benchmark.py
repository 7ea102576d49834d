"""The advisor's benchmark: understanding, conversations, speed and size, for several pipelines side by side.

    .venv/bin/python -m bench.benchmark              # what `make bench` runs: the full run, ~1 h
    .venv/bin/python -m bench.benchmark --smoke      # tiny sizes, one pipeline, no cross-validation

Every pipeline is trained here (into --work, never over models/advisor.tar.gz) on the same data, then
evaluated and served on loopback ports. Rasa's `rasa init` default is measured in the same run as the
baseline (unless --smoke or --pipelines leaves it out), and every speed figure is also given as a ratio
to it. Speed figures are medians of
--repeats server runs. The Markdown report goes to --out.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List

from actions import knowledge
from bench import insights as insights_bench
from bench import users
from bot.runtime import launch
from tests.servers import Advisor, free_port
from tests.stores import throwaway_postgres, throwaway_redis

ROOT = launch.ROOT
BENCH = ROOT / "bench"
DOMAIN = ROOT / "bot" / "domain.yml"
HELD_OUT = ROOT / "tests" / "nlu" / "held_out.yml"
PIPELINES = {
    "default": BENCH / "pipelines" / "default.yml",
    "project": ROOT / "config.yml",
    "light": BENCH / "pipelines" / "light.yml",
    "diet": BENCH / "pipelines" / "diet.yml",
}
DESCRIPTIONS = {
    "default": "`rasa init` default: DIET with entity recognition, ResponseSelector, TEDPolicy",
    "project": "the project's `config.yml`",
    "light": "the project's without character n-grams",
    "diet": "DIET without entity recognition, knowledge entity patterns (the project's first choice)",
}
BASELINE = "default"
# Rasa's own command, for the baseline; every other pipeline runs through the project's (bot/runtime/rasa_cli.py)
RASA_OWN = [str(launch.BIN / "rasa")]
# the tracker store's type in an endpoints file, to serve the baseline with Rasa's own SQL store
STORE_TYPE = re.compile(r"type: bot\.tracker_store\.FastSQLTrackerStore.*")
TOKEN = "bench-token"
NAN = float("nan")


@dataclass
class Trained:
    model: Path
    full_s: float
    retrain_s: float  # NaN: not measured

    @property
    def archive_mb(self) -> float:
        return self.model.stat().st_size / 1e6


def run(command: List[str], env: dict, log: Path) -> float:
    """Runs a command to completion (output to log); returns its wall time in seconds."""
    started = time.perf_counter()
    with open(log, "ab") as out:
        subprocess.run([str(c) for c in command], cwd=ROOT, env=env, stdout=out,
                       stderr=subprocess.STDOUT, check=True)
    return time.perf_counter() - started


def change_one_nlu_file(data: Path) -> Path:
    """Adds one example to the first intent of the first NLU file, as an editing user would."""
    path = sorted((data / "nlu").glob("*.yml"))[0]
    lines = path.read_text().splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- ") and
                 lines[i - 1].rstrip().endswith("|"))
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    lines.insert(first + 1, f"{indent}- {lines[first].strip()[2:]} please\n")
    path.write_text("".join(lines))
    return path


def rasa_command(stock: bool) -> List[str]:
    return RASA_OWN if stock else launch.RASA_CLI


def train(name: str, config: Path, work: Path, retrain: bool) -> Trained:
    """Full training with a cold cache, then (if retrain) a retrain after one NLU file changed."""
    project = work / name
    shutil.rmtree(project, ignore_errors=True)
    data = project / "data"
    shutil.copytree(ROOT / "data", data)
    env = launch.environment(RASA_CACHE_DIRECTORY=str(project / "cache"))

    def rasa_train(model_name: str) -> float:
        return run([*rasa_command(stock=name == BASELINE), "train", "--config", config, "--domain", DOMAIN,
                    "--data", data, "--out", project, "--fixed-model-name", model_name],
                   env, project / "train.log")

    def full_training() -> float:
        """`make train`'s work: Rasa's training, and the answer reader's beside it as there."""
        if name == BASELINE:
            return rasa_train("model")
        started = time.perf_counter()
        with open(project / "reader.log", "ab") as out:
            reader = subprocess.Popen([sys.executable, "-m", "actions.reader"], cwd=ROOT, stdout=out,
                                      stderr=subprocess.STDOUT,
                                      env={**env, "READER_CACHE_DIR": str(project / "reader")})
            rasa_train("model")
            if reader.wait() != 0:
                raise subprocess.CalledProcessError(reader.returncode, reader.args)
        return time.perf_counter() - started

    full = full_training()
    if not retrain:
        return Trained(project / "model.tar.gz", full, NAN)
    change_one_nlu_file(data)
    return Trained(project / "model.tar.gz", full, rasa_train("retrained"))


def read_rasa_reports(directory: Path) -> Dict:
    """`rasa test nlu`'s JSON reports, in the shape of tests/nlu_eval.py's results."""
    intents = json.loads((directory / "intent_report.json").read_text())
    errors_file = directory / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    wrong: Dict = {}
    for error in errors:
        wrong.setdefault((error["intent"], error["intent_prediction"]["name"]), []).append(error["text"])
    entities: Dict = {"micro": {}, "per_type": {}}
    for report in directory.glob("*Extractor_report.json"):  # one entity extractor per pipeline here
        for entity, f in json.loads(report.read_text()).items():
            if isinstance(f, dict):
                figures = {"precision": f["precision"], "recall": f["recall"], "f1": f["f1-score"],
                           "support": f["support"]}
                if entity == "micro avg":
                    entities["micro"] = figures
                elif not entity.endswith(" avg"):
                    entities["per_type"][entity] = figures
    return {
        "examples": int(intents["macro avg"]["support"]),
        "intent_accuracy": intents["accuracy"],
        "macro_f1": intents["macro avg"]["f1-score"],
        "entities": entities,
        "confusions": [{"gold": gold, "predicted": predicted, "count": len(texts), "examples": texts}
                       for (gold, predicted), texts in sorted(wrong.items(), key=lambda i: -len(i[1]))],
    }


def evaluate_held_out(name: str, trained: Trained, work: Path, held_out_file: Path) -> Dict:
    """tests/nlu_eval.py on the trained model, in a process of its own (the model's memory goes with it)."""
    result = work / name / "held_out.json"
    code = ("import json, sys; from tests.nlu_eval import evaluate; "
            "json.dump(evaluate(sys.argv[1], sys.argv[2]), open(sys.argv[3], 'w'))")
    run([launch.BIN / "python", "-c", code, trained.model, held_out_file, result],
        launch.environment(), work / name / "test.log")
    return json.loads(result.read_text())


def cross_validate(name: str, config: Path, work: Path, folds: int) -> Dict:
    """k-fold cross-validation of the pipeline on its training data (`rasa test nlu`)."""
    cv = work / name / "cross_validation"
    run([*rasa_command(stock=name == BASELINE), "test", "nlu", "--nlu", work / name / "data" / "nlu",
         "--config", config, "--cross-validation", "--folds", folds, "--out", cv, "--no-plot"],
        launch.environment(), work / name / "test.log")
    return read_rasa_reports(cv)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (Sanic workers), in MB."""
    total, pids = 0.0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines()
                      if line.startswith("VmRSS:")) / 1024
        pids += [int(c) for c in children]
    return total


@dataclass
class Serving:
    """One server run's figures."""

    startup_s: float
    rss_start_mb: float
    rss_actions_mb: float
    rss_after_mb: float = 0.0
    messages: int = 0
    loads: Dict[int, users.Load] = field(default_factory=dict)
    assessments: List[users.Outcome] = field(default_factory=list)


def serve_once(model: Path, work: Path, args, k, workers: int, first: bool, stock: bool) -> Serving:
    """Starts action server + Rasa server, then: first answer, load at each concurrency; on a first
    run also the scripted assessments and more load up to --messages in all. RSS after start-up and
    at the end.

    One worker keeps conversations in the project's SQLite tracker store (bot/endpoints.yml). Several
    Sanic workers need stores they can share (Rasa refuses them with its in-memory lock store): the
    project's scaled endpoints, PostgreSQL tracker store and Redis lock store, both thrown away after.
    `stock`: served by Rasa's own `rasa run` instead of the project's (bot/runtime/rasa_cli.py), and with
    Rasa's own SQL tracker store on the same SQLite file instead of bot/stores/tracker.py's."""
    log_dir = Path(tempfile.mkdtemp(prefix="bench-", dir=work))
    with ExitStack() as stack:
        stores: Dict[str, str] = {}
        if workers > 1:
            stores = {**stack.enter_context(throwaway_postgres()),
                      **stack.enter_context(throwaway_redis()), "ADVISOR_ENDPOINTS": "scaled"}
        env = launch.environment(ACTION_PORT=str(free_port()), RASA_PORT=str(free_port()),
                                 RASA_AUTH_TOKEN=TOKEN, TRACKER_DB=str(log_dir / "tracker.db"),
                                 SANIC_WORKERS=str(workers), **stores)
        advisor = Advisor(env=env, log_dir=log_dir)
        stack.callback(shutil.rmtree, log_dir, ignore_errors=True)
        stack.callback(lambda: launch.stop(advisor.actions))
        stack.callback(lambda: launch.stop(advisor.rasa))
        advisor.actions = launch.start_action_server(env, log_dir / "actions.log")
        started = time.perf_counter()
        endpoints = launch.endpoints_file(env)
        if stock:
            text, found = STORE_TYPE.subn("type: SQL  # Rasa's own", endpoints.read_text())
            assert found == 1, "the endpoints file names no FastSQLTrackerStore to replace"
            endpoints = log_dir / "endpoints.yml"
            endpoints.write_text(text)
        advisor.rasa = launch.start_rasa_server(env, log_dir / "rasa.log", model=model, endpoints=endpoints,
                                                rasa=rasa_command(stock))
        advisor.say("bench-first", "hi")
        serving = Serving(time.perf_counter() - started, rss_mb(advisor.rasa.pid),
                          rss_mb(advisor.actions.pid))
        people = users.personas(k, args.assessments if first else 0)
        serving.assessments = [users.assess(advisor, f"assess-{i}", p, k, seed=i)
                               for i, p in enumerate(people)]
        for concurrency, messages in args.loads:
            load = users.drive(advisor.url, concurrency, messages, k, tag=f"c{concurrency}")
            serving.loads[concurrency] = load
            serving.messages += load.messages
        if first and serving.messages < args.messages:
            serving.messages += users.drive(advisor.url, 10, args.messages - serving.messages, k,
                                            tag="soak").messages
        serving.rss_after_mb = rss_mb(advisor.rasa.pid)
        return serving


def median(values) -> float:
    values = [v for v in values if v == v]  # without NaN
    return statistics.median(values) if values else float("nan")


def summarise(runs: List[Serving]) -> Dict[str, float]:
    """Medians over server runs of every speed and size figure."""
    figures = {
        "startup_s": median(r.startup_s for r in runs),
        "rss_start_mb": median(r.rss_start_mb for r in runs),
        "rss_actions_mb": median(r.rss_actions_mb for r in runs),
        # the first run of each server carries the long run of messages
        "rss_after_mb": runs[0].rss_after_mb,
        "rss_growth_pct": 100 * (runs[0].rss_after_mb / runs[0].rss_start_mb - 1),
        "messages": runs[0].messages,
    }
    for concurrency in runs[0].loads:
        loads = [r.loads[concurrency] for r in runs]
        figures[f"c{concurrency}_per_s"] = median(load.per_second for load in loads)
        for q in (50, 95, 99):
            figures[f"c{concurrency}_p{q}_ms"] = median(load.p(q) for load in loads)
        figures[f"c{concurrency}_errors"] = sum(load.errors for load in loads)
    outcomes = runs[0].assessments
    if outcomes:
        figures["assessments"] = len(outcomes)
        figures["right_share"] = sum(o.correct for o in outcomes) / len(outcomes)
        figures["reached_share"] = sum(o.reached for o in outcomes) / len(outcomes)
        turns = [o.turns for o in outcomes if o.reached]
        figures["turns_median"] = median(turns)
        figures["turns_max"] = max(turns, default=float("nan"))
    return figures


# ---------------------------------------------------------------- the report

def fmt(value: float, digits: int = 2) -> str:
    return "n/a" if value != value else f"{value:.{digits}f}"


def ratio(value: float, base: float) -> str:
    return "" if not base or value != value or base != base else f" ({value / base:.2f}×)"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:")) / 1024 ** 2
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.1f} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def load_average() -> str:
    return " / ".join(f"{v:.2f}" for v in os.getloadavg())


def understanding_section(names: List[str], results: Dict[str, Dict], chosen: str,
                          held_out_file: Path) -> List[str]:
    lines = ["## 1. Understanding", "",
             "Held-out figures come from `tests/nlu_eval.py` (every message parsed as the running bot "
             "parses it: a low-confidence `nlu_fallback` counts as a miss; an entity counts when its type, "
             "value and span are right). Cross-validation figures come from `rasa test nlu "
             "--cross-validation` on the training data, which carries no entity annotations (entities "
             "come from the knowledge file), hence no entity figures there.", ""]
    for kind, title in (("held_out", f"Held-out test set (`{held_out_file.name}`)"),
                        ("cross_validation", "Cross-validation on the training data (`data/nlu`)")):
        present = [n for n in names if kind in results[n]]
        if not present:
            lines += [f"### {title}", "", "Not in this run (`--folds 0`, or it had not finished).", ""]
            continue
        examples = results[present[0]][kind]["examples"]
        missing = [n for n in names if n not in present]
        lines += [f"### {title}: {examples} examples", ""]
        if missing:
            lines += [f"Not finished when this page was written: {', '.join(missing)}.", ""]
        lines += ["| pipeline | intent accuracy | intent macro-F1 | entity precision | entity recall | "
                  "entity F1 |", "|---|---|---|---|---|---|"]
        for n in present:
            r = results[n][kind]
            micro = r["entities"]["micro"]
            lines.append(f"| {n} | {fmt(r['intent_accuracy'], 3)} | {fmt(r['macro_f1'], 3)} | "
                         + " | ".join(fmt(micro.get(m, NAN), 3) for m in ("precision", "recall", "f1"))
                         + " |")
        entities = sorted({e for n in present for e in results[n][kind]["entities"]["per_type"]})
        if entities:
            lines += ["", "Per entity, precision / recall / F1 (support):", "",
                      "| entity | " + " | ".join(present) + " |", "|---" * (len(present) + 1) + "|"]
        for e in entities:
            cells = []
            for n in present:
                f = results[n][kind]["entities"]["per_type"].get(e)
                cells.append("–" if not f else f"{fmt(f['precision'])} / {fmt(f['recall'])} / "
                             f"{fmt(f['f1'])} ({f['support']})")
            lines.append(f"| {e} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [f"### Confusion pairs worth fixing ({chosen})", "",
              "Intent pairs the chosen pipeline confuses, held-out and cross-validation together, most "
              "frequent first, with messages it got wrong.", "",
              "| true intent | predicted | times | examples |", "|---|---|---|---|"]
    confusions: Counter = Counter()
    examples: Dict = {}
    for kind in ("held_out", "cross_validation"):
        for c in results[chosen].get(kind, {}).get("confusions", []):
            confusions[(c["gold"], c["predicted"])] += c["count"]
            examples.setdefault((c["gold"], c["predicted"]), []).extend(c["examples"])
    for (gold, predicted), times in confusions.most_common(12):
        shown = " · ".join(f"“{text}”" for text in examples[(gold, predicted)][:3])
        lines.append(f"| {gold} | {predicted} | {times} | {shown} |")
    if not confusions:
        lines.append("| – | – | 0 | no confusions |")
    lines += ["", f"The `{BASELINE}` pipeline has none of this project's entity extraction: its entities "
              "come from DIET trained on data without entity annotations (the project's entities come "
              "from knowledge patterns, `bot/nlu/extractor.py`), so its entity figures are near zero. That is the "
              "honest baseline.", ""]
    return lines


def conversation_section(figures: Dict[str, Dict[str, float]]) -> List[str]:
    lines = ["## 2. Conversation", "",
             "Scripted users (`bench/users.py`) take whole assessments over the REST channel, typing "
             "chat-style answers from the knowledge file's vocabulary (a quarter click buttons, a third "
             "ask a question half-way). The right recommendation is what `actions/scoring.py` gives "
             "for the answers they meant. A full assessment is 12 turns at least (start + 11 answers).",
             "", "| server | assessments | right recommendation | any recommendation | turns, median | "
             "turns, most |", "|---|---|---|---|---|---|"]
    for name, f in figures.items():
        if "assessments" in f:
            lines.append(f"| {name} | {int(f['assessments'])} | {fmt(100 * f['right_share'], 0)}% | "
                         f"{fmt(100 * f['reached_share'], 0)}% | {fmt(f['turns_median'], 0)} | "
                         f"{fmt(f['turns_max'], 0)} |")
    return lines + [""]


def speed_section(trained: Dict[str, Trained], figures: Dict[str, Dict[str, float]], loads) -> List[str]:
    """`trained`: the trained pipeline of each server, by the server's label."""
    names = list(figures)
    base = figures.get(BASELINE, {})
    lines = ["## 3. Speed and size", "",
             f"Medians of the server runs; in brackets the ratio to `{BASELINE}` measured in the same "
             "run. Latency is per REST request, action server included. RSS is the Rasa server's "
             "(all its processes); the action server's is given apart. "
             f"`{BASELINE}` is served by Rasa's own `rasa run` and SQL tracker store, Rasa's defaults "
             "throughout; every other "
             "server by the project's `python -m bot.runtime.rasa_cli run` and tracker store (README, Speed), "
             f"`{BASELINE} (project's server)` too.", "",
             "| figure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]

    def row(label: str, values: Dict[str, float], digits: int = 1, base_values=None) -> None:
        base_values = base_values if base_values is not None else values
        cells = [fmt(values.get(n, float("nan")), digits) + ratio(values.get(n, float("nan")),
                                                                   base_values.get(BASELINE))
                 for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("full training, s", {n: trained[n].full_s for n in names})
    row("retrain after one NLU file changed, s", {n: trained[n].retrain_s for n in names})
    row("retrain speed-up (full / retrain)", {n: trained[n].full_s /
                                              trained[n].retrain_s for n in names})
    row("model archive, MB", {n: trained[n].archive_mb for n in names})
    row("start-up to first answer, s", {n: f["startup_s"] for n, f in figures.items()})
    row("RSS after start-up, MB", {n: f["rss_start_mb"] for n, f in figures.items()}, 0)
    messages = int(base.get("messages", 0) or next(iter(figures.values()))["messages"])
    row(f"RSS after {messages} messages, MB", {n: f["rss_after_mb"] for n, f in figures.items()}, 0)
    row("RSS growth, %", {n: f["rss_growth_pct"] for n, f in figures.items()}, 1, base_values={})
    row("action server RSS, MB", {n: f["rss_actions_mb"] for n, f in figures.items()}, 0)
    for concurrency, _ in loads:
        who = "one user at a time" if concurrency == 1 else f"{concurrency} conversations at once"
        row(f"{who}: messages/s", {n: f[f"c{concurrency}_per_s"] for n, f in figures.items()})
        for q in (50, 95, 99):
            row(f"{who}: p{q} ms", {n: f[f"c{concurrency}_p{q}_ms"] for n, f in figures.items()}, 0)
        row(f"{who}: errors", {n: f[f"c{concurrency}_errors"] for n, f in figures.items()}, 0,
            base_values={})
    return lines + [""]


def targets_section(chosen: str, results: Dict, trained: Dict[str, Trained],
                    figures: Dict[str, Dict[str, float]], labels: List[str], level: int) -> List[str]:
    """The issue's targets against each server of the chosen pipeline."""
    base = figures.get(BASELINE, {})
    held = results[chosen]["held_out"]
    base_accuracy = results.get(BASELINE, {}).get("held_out", {}).get("intent_accuracy", 0.0)
    entity_f1 = held["entities"]["micro"].get("f1", NAN)
    t = trained[chosen]
    base_rate = base.get(f"c{level}_per_s", NAN)

    def checks(f: Dict[str, float]) -> List[tuple]:
        return [
            ("intent accuracy (held-out) ≥ 0.95 and ≥ default's",
             f"{held['intent_accuracy']:.3f} vs {base_accuracy:.3f}",
             held["intent_accuracy"] >= 0.95 and held["intent_accuracy"] >= base_accuracy),
            ("entity F1 (held-out) ≥ 0.95", fmt(entity_f1, 3), entity_f1 >= 0.95),
            ("start-up ≤ 15 s", f"{f['startup_s']:.1f} s", f["startup_s"] <= 15),
            ("RSS ≤ 600 MB", f"{f['rss_start_mb']:.0f} MB", f["rss_start_mb"] <= 600),
            (f"RSS growth ≤ 10% over {int(f['messages'])} messages", f"{f['rss_growth_pct']:.1f}%",
             f["rss_growth_pct"] <= 10),
            ("reply p95 ≤ 30 ms, one user at a time", f"{f['c1_p95_ms']:.0f} ms", f["c1_p95_ms"] <= 30),
            (f"≥ 3× default's messages/s at {level} conversations",
             f"{f[f'c{level}_per_s']:.1f}/s vs {base_rate:.1f}/s",
             f[f"c{level}_per_s"] >= 3 * base_rate),
            (f"p95 ≤ 300 ms at {level} conversations, no errors",
             f"{f[f'c{level}_p95_ms']:.0f} ms, {int(f[f'c{level}_errors'])} errors",
             f[f"c{level}_p95_ms"] <= 300 and f[f"c{level}_errors"] == 0),
            ("full training ≤ 90 s", f"{t.full_s:.1f} s", t.full_s <= 90),
            ("retrain after one NLU file ≥ 2× faster", f"{t.full_s / t.retrain_s:.2f}×",
             t.full_s / t.retrain_s >= 2),
        ]

    table = {label: checks(figures[label]) for label in labels}
    lines = [f"## Targets ({chosen})", "", "| target | " + " | ".join(labels) + " |",
             "|---" * (len(labels) + 1) + "|"]
    for i, (target, _, _) in enumerate(table[labels[0]]):
        cells = [f"{table[l][i][1]} {'✔' if table[l][i][2] else '✘ **missed**'}" for l in labels]
        lines.append(f"| {target} | " + " | ".join(cells) + " |")
    return lines + [""]


# ---------------------------------------------------------------- the run

def parse_args(argv: List[str]):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pipelines", nargs="+", default=["default", "project", "light"],
                        choices=list(PIPELINES))
    parser.add_argument("--retrain", nargs="*", choices=list(PIPELINES),
                        help="pipelines whose retrain after one NLU file changed is timed (all)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds; 0: none")
    parser.add_argument("--repeats", type=int, default=5, help="server runs per pipeline")
    parser.add_argument("--assessments", type=int, default=24, help="scripted assessments per server")
    parser.add_argument("--loads", nargs="+", default=["1:200", "10:600", "50:1000"],
                        help="concurrency:messages pairs")
    parser.add_argument("--messages", type=int, default=2000, help="messages per server run, at least")
    parser.add_argument("--workers", type=int, default=2,
                        help="also serve the chosen pipeline with this many Sanic workers (Redis); 1: not")
    parser.add_argument("--chosen", default="project", choices=list(PIPELINES))
    parser.add_argument("--insights-conversations", type=int, default=10_000,
                        help="stored conversations /insights is timed over")
    parser.add_argument("--held-out", type=Path, default=HELD_OUT, help="the NLU test set")
    parser.add_argument("--work", type=Path, default=ROOT / "results" / "bench")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes: the chosen pipeline only, one run, no cross-validation")
    args = parser.parse_args(argv)
    if args.smoke:  # the project's pipeline only: it trains in seconds
        args.pipelines, args.folds, args.repeats, args.assessments = [args.chosen], 0, 1, 2
        args.loads, args.messages, args.workers = ["1:10", "10:20"], 30, 1
        args.insights_conversations = 300
    args.loads = [tuple(int(x) for x in pair.split(":")) for pair in args.loads]
    args.retrain = args.pipelines if args.retrain is None else args.retrain
    if args.chosen not in args.pipelines:
        parser.error("--pipelines must include --chosen")
    return args


def main(argv: List[str]) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    k = knowledge.default()
    started, load_before = datetime.now(timezone.utc), load_average()

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    trained: Dict[str, Trained] = {}
    results: Dict[str, Dict] = {}
    for name in args.pipelines:
        say(f"{name}: training")
        trained[name] = train(name, PIPELINES[name], args.work, name in args.retrain)
        say(f"{name}: trained in {trained[name].full_s:.1f} s, retrained in {trained[name].retrain_s:.1f} s")
        results[name] = {"held_out": evaluate_held_out(name, trained[name], args.work, args.held_out)}
        held = results[name]["held_out"]
        say(f"{name}: held-out intent accuracy {held['intent_accuracy']:.3f}, "
            f"entity F1 {held['entities']['micro'].get('f1', NAN):.3f}")

    # (label, pipeline, Sanic workers, served by Rasa's own `rasa run`): the baseline is Rasa's defaults,
    # server included; the same pipeline on the project's server shows what the server fixes give.
    servers = [(name, name, 1, name == BASELINE) for name in args.pipelines]
    if BASELINE in args.pipelines:
        servers.insert(1, (f"{BASELINE} (project's server)", BASELINE, 1, False))
    if args.workers > 1:
        servers.append((f"{args.chosen} ×{args.workers} workers", args.chosen, args.workers, False))
    runs: Dict[str, List[Serving]] = {label: [] for label, _, _, _ in servers}
    for repeat in range(args.repeats):  # interleaved, so a noisy minute does not hit one server only
        for label, name, workers, stock in servers:
            say(f"{label}: server run {repeat + 1}/{args.repeats}")
            serving = serve_once(trained[name].model, args.work, args, k, workers, first=repeat == 0,
                                 stock=stock)
            runs[label].append(serving)
            say(f"{label}: start-up {serving.startup_s:.1f} s, RSS {serving.rss_start_mb:.0f} -> "
                f"{serving.rss_after_mb:.0f} MB, " + ", ".join(
                    f"c{c}: {load.per_second:.1f}/s p95 {load.p(95):.0f} ms ({load.errors} errors)"
                    for c, load in serving.loads.items()))
    figures = {label: summarise(r) for label, r in runs.items()}
    say(f"insights: {args.insights_conversations} stored conversations")
    insights_figures = insights_bench.measure(args.insights_conversations, args.repeats,
                                              trained[args.chosen].model, args.work)
    say(f"insights: page {insights_figures['page_median_s']:.2f} s, "
        f"JSON {insights_figures['json_median_s']:.2f} s")
    chosen_servers = [label for label, name, _, _ in servers if name == args.chosen]
    level = 10 if any(c == 10 for c, _ in args.loads) else max(c for c, _ in args.loads)

    def report() -> None:
        """Writes the report with what is measured so far (cross-validation comes last)."""
        header = [
            "# Benchmarks", "",
            "Written by `make bench` (`bench/benchmark.py`): every figure below was measured in one run "
            "on loopback. Re-run it to refresh this page.", "",
            f"- Run: {started:%Y-%m-%d %H:%M} UTC, "
            f"{(datetime.now(timezone.utc) - started).seconds / 60:.0f} min; load average (1/5/15 min) "
            f"before {load_before}, after {load_average()}",
            f"- Machine: {machine()}",
            f"- Command: `{' '.join(['python -m bench.benchmark', *argv])}`",
            f"- Sizes: {args.repeats} server run(s) per server, {args.folds}-fold cross-validation, "
            f"{args.assessments} scripted assessments, loads (conversations:messages) "
            f"{', '.join(f'{c}:{m}' for c, m in args.loads)}, at least {args.messages} messages per "
            "server run",
            "- Pipelines: " + "; ".join(f"**{n}**: {DESCRIPTIONS[n]} (`{PIPELINES[n].relative_to(ROOT)}`)"
                                       for n in args.pipelines),
            "",
        ]
        sections = (understanding_section(args.pipelines, results, args.chosen, args.held_out)
                    + conversation_section(figures)
                    + speed_section({label: trained[name] for label, name, _, _ in servers}, figures,
                                    args.loads)
                    + insights_bench.section(insights_figures, args.repeats)
                    + targets_section(args.chosen, results, trained, figures, chosen_servers, level))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        # The understanding section comes from tests/understanding.py, not from this run: kept.
        from tests.understanding import kept_section

        kept = kept_section(args.out)
        args.out.write_text("\n".join(header + ([kept, ""] if kept else []) + sections)
                           + kept_by_hand(args.out))
        say(f"report written to {args.out}")

    report()
    # The chosen pipeline first: cross-validation of the others takes long.
    for name in sorted(args.pipelines, key=lambda n: n != args.chosen) if args.folds else []:
        say(f"{name}: {args.folds}-fold cross-validation")
        results[name]["cross_validation"] = cross_validate(name, PIPELINES[name], args.work, args.folds)
        report()
    print(args.out.read_text())
    return 0


KEPT_MARKER = "<!-- kept: bench/benchmark.py keeps everything from this line on when it rewrites this page -->"


def kept_by_hand(report: Path) -> str:
    """The report's hand-written tail, from KEPT_MARKER on (figures measured outside this script)."""
    text = report.read_text() if report.exists() else ""
    return "\n" + text[text.index(KEPT_MARKER):] if KEPT_MARKER in text else ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
