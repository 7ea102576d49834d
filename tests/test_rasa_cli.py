"""bot/runtime/rasa_cli.py: its faster stand-ins give the same results as Rasa's own code."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core import events
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import launch, rasa_cli
from tests.servers import free_port

ORIGINAL_RESOLVE = events.Event.resolve_by_type
ORIGINAL_VALIDATE = RemoteAction._validate_action_result
ORIGINAL_SESSION = EndpointConfig.session
ACTION = RemoteAction("action_test", None)
TYPE_NAMES = sorted({cls.type_name for cls in all_subclasses(events.Event)})


def test_rasa_is_not_patched_on_import():
    assert ORIGINAL_RESOLVE is not rasa_cli.resolve_by_type
    assert ORIGINAL_VALIDATE is not rasa_cli.validate_action_result
    assert ORIGINAL_SESSION is not rasa_cli.endpoint_session


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_event_type_resolves_to_the_class_rasa_finds(type_name):
    assert rasa_cli.resolve_by_type(type_name) is ORIGINAL_RESOLVE(type_name)


def test_unknown_event_types_as_rasa():
    assert len(TYPE_NAMES) > 20
    assert rasa_cli.resolve_by_type("topic") is None
    assert rasa_cli.resolve_by_type("no_such_event", events.SlotSet) is events.SlotSet
    with pytest.raises(ValueError, match="no_such_event"):
        rasa_cli.resolve_by_type("no_such_event")


def test_a_conversation_reads_back_the_same():
    stored = [events.SessionStarted(), events.ActionExecuted("action_listen"),
              events.UserUttered("hi", {"name": "greet", "confidence": 0.9}),
              events.SlotSet("risk", 4.0), events.ActiveLoop("assessment_form"), events.Restarted(),
              events.BotUttered("hello", {"buttons": [{"title": "a", "payload": "/b"}]})]
    dumped = [e.as_dict() for e in stored]
    patched = [rasa_cli.resolve_by_type(d["event"])._from_parameters(d) for d in dumped]
    assert patched == [events.Event.from_parameters(d) for d in dumped] == stored


@pytest.mark.parametrize("result", [
    {"events": [{"event": "slot", "name": "risk", "value": 4}], "responses": [{"text": "ok"}]},
    {"events": [], "responses": []},
])
def test_a_valid_action_reply_passes(result):
    assert rasa_cli.validate_action_result(ACTION, result)
    assert ORIGINAL_VALIDATE(ACTION, result)


@pytest.mark.parametrize("result", [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 3}]},
    {"responses": "not a list"},
])
def test_an_invalid_action_reply_is_refused_as_rasa_refuses_it(result):
    with pytest.raises(jsonschema.ValidationError):
        ORIGINAL_VALIDATE(ACTION, result)
    with pytest.raises(jsonschema.ValidationError, match="Action server response"):
        rasa_cli.validate_action_result(ACTION, result)


def test_apply_puts_them_in_place_and_the_launcher_uses_it(monkeypatch):
    from rasa.core import processor

    monkeypatch.setattr(events.Event, "resolve_by_type", staticmethod(ORIGINAL_RESOLVE))
    monkeypatch.setattr(RemoteAction, "_validate_action_result", ORIGINAL_VALIDATE)
    monkeypatch.setattr(processor, "DaskGraphRunner", processor.DaskGraphRunner)
    monkeypatch.setattr(EndpointConfig, "session", ORIGINAL_SESSION)
    rasa_cli.apply()
    assert EndpointConfig.session is rasa_cli.endpoint_session
    assert events.Event.resolve_by_type is rasa_cli.resolve_by_type
    assert RemoteAction._validate_action_result is rasa_cli.validate_action_result
    assert processor.DaskGraphRunner is rasa_cli.SequentialGraphRunner
    command = launch.rasa_server_command(launch.environment(RASA_AUTH_TOKEN="t"))
    assert command[1:4] == ["-m", "bot.runtime.rasa_cli", "run"]


def test_endpoint_calls_reuse_one_connection_and_survive_the_server_closing_it(monkeypatch):
    """Rasa opened a connection per action call; the pool keeps one, and a request after the
    server dropped it (a restarted action server) opens a new one."""
    import asyncio

    from aiohttp import web

    monkeypatch.setattr(EndpointConfig, "session", rasa_cli.endpoint_session)
    peers = []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername"))
        assert request.headers["Authorization"] == "Basic dTpw"  # the endpoint's basic auth
        return web.json_response({"echo": (await request.json())["n"]})

    async def serve(port):
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        return runner

    async def calls():
        port = free_port()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook",
                                  basic_auth={"username": "u", "password": "p"})
        runner = await serve(port)
        replies = [await endpoint.request(json={"n": n}) for n in range(3)]
        await runner.cleanup()  # the server goes away, its connections with it
        runner = await serve(port)
        replies.append(await endpoint.request(json={"n": 3}))
        await runner.cleanup()
        await rasa_cli._connectors[asyncio.get_running_loop()].close()  # the loop ends here
        return replies

    assert asyncio.run(calls()) == [{"echo": n} for n in range(4)]
    assert len(set(peers[:3])) == 1 and peers[3] != peers[0]
    # a new loop gets a new pool: the first one's connector belongs to a closed loop
    assert asyncio.run(calls()) == [{"echo": n} for n in range(4)]
    assert [loop.is_closed() for loop in rasa_cli._connectors] == [True]  # the first one's pruned


@pytest.mark.e2e  # the rasa command in a subprocess, or the trained model
def test_the_rasa_command_runs_without_jax_and_loads_skops_before_tensorflow():
    import subprocess
    import sys

    # sys.modules keeps the order in which imports started
    probe = ("import sys, bot.runtime.rasa_cli, tensorflow, rasa.core.agent; order = list(sys.modules); "
             "print(sys.modules.get('jax') is None, order.index('skops.io') < order.index('tensorflow'))")
    run = subprocess.run([sys.executable, "-c", probe], cwd=launch.ROOT, env=launch.environment(),
                         capture_output=True, text=True, timeout=300)
    assert run.stdout.split() == ["True", "True"], run.stderr[-2000:]
    version = subprocess.run([*launch.RASA_CLI, "--version"], cwd=launch.ROOT,
                             env=launch.environment(), capture_output=True, text=True, timeout=300)
    assert "Rasa Version      :         3.6.21" in version.stdout, version.stdout + version.stderr


@pytest.mark.e2e  # the rasa command in a subprocess, or the trained model
def test_the_sequential_graph_runner_gives_the_dask_runner_s_results(monkeypatch):
    """The trained model's predict graph, run by both: the same parses and the same predictions."""
    import asyncio

    from rasa.core import processor
    from rasa.core.agent import Agent
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    texts = ["hi", "what about pay at a startup?", "lets do the assessment", "2 yoe", "kinda",
             "/affirm", "why?", "asdfgh", "tell me about tc at big tech"]

    def run_model(runner):
        monkeypatch.setattr(processor, "DaskGraphRunner", runner)
        agent = Agent.load(str(launch.MODEL))
        assert type(agent.processor.graph_runner) is runner
        parses, predictions = [], []
        for text in texts:
            parse = asyncio.run(agent.parse_message(text))
            tracker = DialogueStateTracker.from_events("s", [
                ActionExecuted("action_listen"),
                UserUttered(text, parse["intent"], parse["entities"], parse_data=parse),
            ], agent.domain.slots)
            prediction = agent.processor._predict_next_with_tracker(tracker)
            parses.append({k: v for k, v in parse.items() if k != "message_id"})
            predictions.append((prediction.probabilities, prediction.policy_name, prediction.events))
        return parses, predictions

    assert run_model(rasa_cli.SequentialGraphRunner) == run_model(DaskGraphRunner)


def test_the_auth_token_reaches_rasa_even_when_it_starts_with_a_dash():
    """secrets.token_urlsafe starts one token in 64 with "-": `make chat` failed to start then."""
    from rasa.__main__ import create_argument_parser

    token = "-Xk3_generated"
    command = launch.rasa_server_command(launch.environment(RASA_AUTH_TOKEN=token))
    assert create_argument_parser().parse_args(command[3:]).auth_token == token
