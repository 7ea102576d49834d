"""Faults: the real action server killed and restarted mid-assessment, a slow action server, and a
broken knowledge file at start-up (action server, launcher, `rasa run`, `rasa train`).
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml

from bot.channels import resilience
from bot.runtime import launch
from tests.servers import STAGE, answer, free_port, running_advisor, socketio_turn

ROOT = launch.ROOT
DELAY_SECONDS = 2.0


def texts(replies) -> list:
    return [reply.get("text") or "" for reply in replies]


@pytest.fixture(scope="module")
def advisor():
    with running_advisor({"THINKING_NOTICE_SECONDS": "0.5"}) as running:
        yield running


def restart_action_server(advisor, **env: str) -> None:
    launch.stop(advisor.actions)
    advisor.actions = launch.start_action_server({**advisor.env, **env},
                                                 advisor.log_dir / "actions-restarted.log")


def test_action_server_down_gets_an_apology_and_keeps_the_conversation(advisor):
    for message in ("/start_assessment", STAGE, answer(4)):
        advisor.say("fault", message)
    before = advisor.slots("fault")
    assert before["requested_slot"] == "breadth"

    advisor.actions.send_signal(signal.SIGKILL)
    advisor.actions.wait()
    for message in (answer(2), "tell me about salary"):  # a form answer, then a custom action
        assert texts(advisor.say("fault", message)) == [resilience.APOLOGY]
        assert advisor.slots("fault") == before  # nothing half-set: breadth was not validated

    restart_action_server(advisor)
    assert "(4/11)" in "\n".join(texts(advisor.say("fault", answer(2))))
    slots = advisor.slots("fault")
    assert (slots["stage"], slots["pace"], slots["breadth"]) == ("new_grad", 4.0, 2.0)




def rest_stream(advisor, sender: str, message: str) -> list:
    request = urllib.request.Request(
        f"{advisor.url}/webhooks/rest/webhook?stream=true",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return [json.loads(line) for line in response.read().decode().splitlines() if line.strip()]


def test_slow_action_server_tells_the_user_and_loses_or_repeats_nothing(advisor):
    restart_action_server(advisor, ACTION_DELAY_SECONDS=str(DELAY_SECONDS))
    try:
        plain = texts(advisor.say("slow-rest", "/start_assessment", timeout=60))
        assert plain[-1].startswith("(1/11)") and resilience.THINKING not in plain

        streamed = texts(rest_stream(advisor, "slow-rest", STAGE))
        assert streamed[0] == resilience.THINKING
        assert len(streamed) == 2 and streamed[1].startswith("(2/11)")

        advisor.say("slow-socket", "/start_assessment", timeout=60)
        events = socketio_turn(advisor.url, "slow-socket", STAGE)
        assert [e.get("text") for e in events][0] == resilience.THINKING
        questions = [e["text"] for e in events if (e.get("text") or "").startswith("(2/11)")]
        assert len(questions) == 1

        for sender in ("slow-rest", "slow-socket"):
            tracker = advisor.tracker(sender)
            asked = [e["text"] for e in tracker["events"] if e["event"] == "bot"]
            assert len([t for t in asked if t.startswith("(2/11)")]) == 1  # said once, logged once
            assert resilience.THINKING not in asked  # a notice, not part of the conversation
            assert tracker["slots"]["stage"] == "new_grad"
    finally:
        restart_action_server(advisor)


@pytest.fixture(scope="module")
def broken_knowledge(tmp_path_factory) -> Path:
    data = yaml.safe_load((ROOT / "knowledge" / "career.yml").read_text())
    del data["criteria"]["risk"]["statement"]
    path = tmp_path_factory.mktemp("knowledge") / "career.yml"
    path.write_text(yaml.safe_dump(data))
    return path


EXPECTED_ERROR = "criteria.risk.statement: is missing"


def broken_env(knowledge_file: Path, tmp_path: Path) -> dict:
    return launch.environment(KNOWLEDGE_FILE=str(knowledge_file), ACTION_PORT=str(free_port()),
                              RASA_PORT=str(free_port()), RASA_AUTH_TOKEN="unused",
                              TRACKER_DB=str(tmp_path / "tracker.db"))


def run(command: list, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)


def test_broken_knowledge_stops_the_action_server(broken_knowledge, tmp_path):
    done = run([sys.executable, "-m", "bot.runtime.action_server"], broken_env(broken_knowledge, tmp_path))
    assert done.returncode == 1
    assert f"{broken_knowledge}: {EXPECTED_ERROR}" in done.stderr


def test_broken_knowledge_stops_the_launcher(broken_knowledge, tmp_path):
    done = run([sys.executable, "-m", "bot.runtime.launch", "serve"], broken_env(broken_knowledge, tmp_path))
    assert done.returncode == 1
    assert f"{broken_knowledge}: {EXPECTED_ERROR}" in done.stderr


def test_broken_knowledge_stops_rasa_run(broken_knowledge, tmp_path):
    env = broken_env(broken_knowledge, tmp_path)
    done = run(launch.rasa_server_command(env), env)
    output = done.stdout + done.stderr
    assert done.returncode != 0, "rasa run kept serving without a model"
    assert f"knowledge file error: {broken_knowledge}: {EXPECTED_ERROR}" in output
    assert "Rasa server is up and running" not in output


def test_broken_knowledge_stops_training(broken_knowledge, tmp_path):
    command = [*launch.RASA_CLI, "train", "--config", "config.yml",
               "--domain", "bot/domain.yml", "--data", "data", "--out", str(tmp_path / "models")]
    done = run(command, broken_env(broken_knowledge, tmp_path))
    assert done.returncode != 0
    assert f"{broken_knowledge}: {EXPECTED_ERROR}" in done.stdout + done.stderr
    assert not list(tmp_path.glob("models/*.tar.gz"))
